/* main.c: kennzahl's entry point — dispatches subcommands from a table. */
#include "cmds.h"
#include "core/core.h"

#include <stdio.h>
#include <string.h>

struct cmd {
	const char *name;
	int (*fn)(int, char **);
	const char *help;
};

static const struct cmd commands[] = {
	{"extract", cmd_extract, "pull every quantitative claim of the documents into a claims table (CSV)"},
	{"check", cmd_check, "find conflicts, drift, currency and arithmetic errors; estimate consensus"},
	{"report", cmd_report, "render a PDF fact sheet from documents or a claims table"},
	{"run", cmd_run, "extract, check and report in one go into an output folder"},
	{"correct", cmd_correct, "record corrections of claims (from an edited table or by id) and list them"},
	{NULL, NULL, NULL},
};

static void usage(FILE *f)
{
	fprintf(f, "usage: kennzahl <command> [options] PATH...\n\n"
		   "kennzahl reads German security-policy studies and news (text, HTML, PDF),\n"
		   "pulls every quantitative claim into one typed table, checks the figures\n"
		   "against each other and renders fact sheets.\n\ncommands:\n");
	for (const struct cmd *c = commands; c->name; c++)
		fprintf(f, "  %-8s  %s\n", c->name, c->help);
	fprintf(f, "\n'kennzahl <command> --help' describes a command's options.\n"
		   "exit status: 0 ok, 1 findings named by --fail-on, 2 usage, 3 bad input, 4 i/o error\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return KZ_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return KZ_EXIT_OK;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
		printf("kennzahl %s\n", KZ_VERSION);
		return KZ_EXIT_OK;
	}
	for (const struct cmd *c = commands; c->name; c++)
		if (!strcmp(argv[1], c->name))
			return c->fn(argc - 1, argv + 1);
	kz_warn("'%s' is not a command (see kennzahl --help)", argv[1]);
	return KZ_EXIT_USAGE;
}
