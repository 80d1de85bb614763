/* cmds.h: the subcommands dispatched by main.c. */
#ifndef KZ_CMDS_H
#define KZ_CMDS_H

int cmd_extract(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_run(int argc, char **argv);

#endif
