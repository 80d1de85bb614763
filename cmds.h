/* cmds.h: the subcommands dispatched by main.c. */
#ifndef KZ_CMDS_H
#define KZ_CMDS_H

int cmd_extract(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_run(int argc, char **argv);

/*
 * Shared by report and run (cmd_report.c): load the inputs (documents, or
 * claims CSVs with the sources.csv beside their documents) into t and docs,
 * printing problems; returns the worst exit status seen (0 when all loaded).
 */
struct kz_table;
struct rp_docs;
struct kz_strlist;
int cmd_load_inputs(const char *const *paths, int n, const struct kz_strlist *lexicons,
		    struct kz_table *t, struct rp_docs *docs);
/* The built-in lexicons plus the --lexicon files (cmd_extract.c): 0, or the error printed and its
 * exit status returned. */
struct ex_lexicon;
int cmd_lexicon(const struct kz_strlist *files, struct ex_lexicon **out);
/* Also shared (cmd_report.c): st_check over t with the built-in rates and the documents' dates. */
struct st_result;
int cmd_check_claims(const struct kz_table *t, const struct rp_docs *docs, int lang_en,
		     struct st_result *res);

/* The arguments report and run share (cmd_report.c): something to read, --lang, --select into sel;
 * 0, or a message and KZ_EXIT_USAGE. */
struct rp_select;
int cmd_report_args(const char *cmd, const char *what, int npos, const char *lang, const char *select,
		    struct rp_select *sel);

/* The generation date of a fact sheet: SOURCE_DATE_EPOCH when set, else now (cmd_report.c). */
long long cmd_gen_date(void);

#endif
