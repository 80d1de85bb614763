/* cmds.h: the subcommands dispatched by main.c. */
#ifndef KZ_CMDS_H
#define KZ_CMDS_H

#include <stddef.h>
#include <stdio.h>

#include "core/opts.h"

struct kz_table;

int cmd_extract(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_correct(int argc, char **argv);

/*
 * The corrections of the PATHs given (cmd_correct.c): one corrections.csv per folder given (or
 * beside a file given). load prints a bad file's error (nothing is applied from it) and returns
 * the worst exit status; apply corrects one extracted document's claims t->v[from..] and returns
 * an exit status (a set that would break a claim is bad input); name says whether any
 * correction names the document (its claims must then stay in memory until applied); finish
 * names the orphaned corrections and returns load's status.
 */
struct kz_corrections;
struct ex_doc;
struct cmd_corrections {
	struct kz_corrections *v;
	int n, worst;
};
int cmd_corrections_load(struct cmd_corrections *cc, const char *const *paths, int n);
int cmd_corrections_apply(struct cmd_corrections *cc, const struct ex_doc *doc, struct kz_table *t, size_t from);
int cmd_corrections_name(struct cmd_corrections *cc, const struct ex_doc *doc);
int cmd_corrections_finish(struct cmd_corrections *cc);
/* Every correction with its state (applied, reanchored, orphaned, pending) as CSV: correct --list. */
void cmd_corrections_write_list(struct cmd_corrections *cc, FILE *f);
void cmd_corrections_release(struct cmd_corrections *cc);

/*
 * Shared by report, run and correct (cmd_report.c): load the inputs (documents, or
 * claims CSVs with the sources.csv beside their documents) into t and docs,
 * printing problems; the documents are extracted on how->jobs threads and get the
 * corrections how->cc holds (NULL: none; a claims table is read as it stands); returns
 * the worst exit status seen (0 when all loaded).
 */
struct kz_table;
struct rp_docs;
struct kz_strlist;
struct cmd_corrections;
struct kz_store;
struct cmd_load {
	const struct kz_strlist *lexicons;
	struct cmd_corrections *cc;
	int jobs;
	/* run's store (NULL: none): documents unchanged since it took them are not extracted again;
	 * the documents extracted go to store_for_save(store_arg), which may open it then */
	struct kz_store *store;
	struct kz_store *(*store_for_save)(void *arg);
	void *store_arg;
	/* out: documents extracted and reused from the store, the store keys of all documents read
	 * (malloc'd, the caller frees them) and whether writing the store failed */
	long extracted, reused;
	struct kz_strlist keys;
	int store_failed;
};
int cmd_load_inputs(const char *const *paths, int n, struct cmd_load *how, struct kz_table *t,
		    struct rp_docs *docs);
/* The built-in lexicons plus the --lexicon files (cmd_extract.c): 0, or the error printed and its
 * exit status returned. */
struct ex_lexicon;
int cmd_lexicon(const struct kz_strlist *files, struct ex_lexicon **out);
/* Also shared (cmd_report.c): st_check over t with the built-in rates and the documents' dates. */
struct st_result;
int cmd_check_claims(const struct kz_table *t, const struct rp_docs *docs, int lang_en,
		     struct st_result *res);

/* The arguments report and run share (cmd_report.c): something to read, --lang, -j into *njobs,
 * --select into sel; 0, or a message and KZ_EXIT_USAGE. */
struct rp_select;
int cmd_report_args(const char *cmd, const char *what, int npos, const char *lang, const char *select,
		    const char *jobs, int *njobs, struct rp_select *sel);

/* The generation date of a fact sheet: SOURCE_DATE_EPOCH when set, else now (cmd_report.c). */
long long cmd_gen_date(void);

#endif
