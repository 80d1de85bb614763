/* cmd_stubs.c: commands that are not built yet say so (replaced as each lands). */
#include "cmds.h"
#include "core/core.h"

int cmd_check(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	kz_warn("check: not yet available");
	return KZ_EXIT_USAGE;
}

int cmd_report(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	kz_warn("report: not yet available");
	return KZ_EXIT_USAGE;
}

int cmd_run(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	kz_warn("run: not yet available");
	return KZ_EXIT_USAGE;
}
