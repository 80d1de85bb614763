/* cmd_extract.c: `kennzahl extract` — documents to the claims table. */
#include "cmds.h"
#include "core/claims.h"
#include "core/opts.h"
#include "extract/extract.h"

#include <stdlib.h>
#include <string.h>

static void print_err(const struct kz_err *err, void *arg)
{
	(void)arg;
	kz_err_print(err);
}

int cmd_lexicon(const struct kz_strlist *files, struct ex_lexicon **out)
{
	struct ex_lexicon *lx = ex_lexicon_new();
	struct kz_err err;

	for (int i = 0; files && i < files->n; i++) {
		if (ex_lexicon_add_file(lx, files->v[i], &err)) {
			kz_err_print(&err);
			ex_lexicon_free(lx);
			*out = NULL;
			return err.code;
		}
	}
	*out = lx;
	return 0;
}

/* ex_options.flush: the rows so far go out, the table is emptied. */
static void flush_rows(struct kz_table *t, void *arg)
{
	kz_claims_write_rows(arg, t);
	kz_table_clear(t);
}

struct extract_job {
	struct cmd_corrections *cc;
	struct kz_csv_writer *w;
	int worst;
};

/* A document some correction names keeps its claims until they are corrected. */
static int may_flush(const struct ex_doc *doc, void *arg)
{
	struct extract_job *j = arg;
	return !cmd_corrections_name(j->cc, doc);
}

/* One document's claims, in collection order: corrected, then out. */
static void write_doc(struct ex_batch_item *it, void *arg)
{
	struct extract_job *j = arg;
	int crc;

	if (it->rc)
		return;
	if ((crc = cmd_corrections_apply(j->cc, &it->doc, &it->t, 0)) > j->worst)
		j->worst = crc;
	kz_claims_write_rows(j->w, &it->t);
}

/*
 * --stdin NAME: one document from standard input, named NAME (its extension picks the loader;
 * NAME is the claims' doc and the <file> of their ids), its sources.csv row from --sources. A
 * pure function of its input: a mapper of a cluster job runs it unchanged.
 */
static int extract_stdin(const char *name, const char *sources, const struct ex_lexicon *lx,
			 const struct ex_options *eo, struct kz_csv_writer *w)
{
	struct ex_sources src;
	struct ex_doc doc;
	struct kz_table t;
	struct kz_err err;
	char *raw;
	size_t len;
	int rc;

	ex_sources_init(&src);
	if (sources && ex_sources_read(&src, sources, &err)) {
		kz_err_print(&err);
		ex_sources_release(&src);
		return err.code;
	}
	ex_doc_init(&doc);
	rc = kz_read_file("-", 1024u * 1024 * 1024, &raw, &len, &err);
	if (!rc)
		rc = ex_doc_load_bytes(&doc, name, raw, len, &err);
	if (rc) {
		snprintf(err.file, sizeof err.file, "%s", name);
		kz_err_print(&err);
		ex_sources_release(&src);
		return rc;
	}
	while (name[0] == '.' && name[1] == '/')
		name += 2;
	free(doc.name);
	doc.name = kz_xstrdup(name);
	if (sources)
		ex_sources_apply(&src, &doc);
	kz_table_init(&t);
	ex_extract(lx, &doc, eo, &t);
	kz_claims_write_rows(w, &t);
	kz_table_release(&t);
	ex_doc_release(&doc);
	ex_sources_release(&src);
	return 0;
}

int cmd_extract(int argc, char **argv)
{
	const char *out = NULL, *dialect = NULL, *jobs = NULL, *stdin_name = NULL, *sources = NULL;
	int core_only = 0, nbad = 0, worst = 0, rc, no_corr = 0;
	struct cmd_corrections cc = {0};
	struct kz_strlist lexicons = {0}, pos = {0};
	const struct kz_opt opts[] = {
		{'o', "output", "FILE", "write the claims table to FILE (default: stdout)", KZ_OPT_STRING, &out},
		{0, "csv", "DIALECT", "plain (default) or excel-de (';', decimal comma, BOM, CRLF)", KZ_OPT_STRING, &dialect},
		{0, "core", NULL, "keep only core claims (troops, trade_share, budget, gdp_share, cost_share)", KZ_OPT_FLAG, &core_only},
		{0, "no-corrections", NULL, "do not apply the corrections.csv beside the documents (the raw extraction)", KZ_OPT_FLAG, &no_corr},
		{0, "lexicon", "FILE", "add lexicon entries from a TSV file (repeatable)", KZ_OPT_LIST, &lexicons},
		{'j', "jobs", "N", "extract N documents at once (default: one per processor); the output is the same for any N", KZ_OPT_STRING, &jobs},
		{0, "stdin", "NAME", "read one document from standard input, named NAME (its extension picks the reader); no PATH", KZ_OPT_STRING, &stdin_name},
		{0, "sources", "FILE", "with --stdin: the sources.csv whose row for NAME gives its citation and date", KZ_OPT_STRING, &sources},
		{0, NULL, NULL, NULL, 0, NULL},
	};
	enum kz_csv_dialect d = KZ_CSV_PLAIN;
	struct ex_lexicon *lx;
	struct ex_sources src;
	struct ex_paths paths = {0};
	struct ex_batch b;
	struct extract_job job;
	struct kz_csv_writer w;
	struct kz_out o;
	struct kz_err err;
	int njobs = 1;

	rc = kz_opts_parse("kennzahl extract [-o FILE] [--csv excel-de] [--core] [--lexicon FILE] [-j N] PATH...\n"
			   "       kennzahl extract [options] --stdin NAME [--sources sources.csv]",
			   "Reads every document under PATH (files, or folders recursively: .txt, .md,\n"
			   ".html, .htm, .pdf) and writes one CSV row per quantitative claim.\n"
			   "A folder's sources.csv (file,title,publisher,date,url) supplies document dates.",
			   opts, argc, argv, &pos);
	if (rc) {
		kz_strlist_release(&lexicons);
		kz_strlist_release(&pos);
		return rc == 1 ? KZ_EXIT_OK : KZ_EXIT_USAGE;
	}
	if ((pos.n == 0) != (stdin_name != NULL) || (sources && !stdin_name) || (stdin_name && !*stdin_name) ||
	    (dialect && kz_csv_dialect_parse(dialect, &d)) || ex_batch_jobs(jobs, &njobs)) {
		kz_warn(stdin_name && pos.n	      ? "extract: --stdin reads one document and takes no PATH"
			: sources && !stdin_name      ? "extract: --sources goes with --stdin (a folder's own sources.csv is read)"
			: stdin_name && !*stdin_name ? "extract: --stdin needs the document's NAME (its extension picks the reader)"
			: pos.n == 0		      ? "extract: no PATH given (see --help)"
			: ex_batch_jobs(jobs, &njobs) ? "extract: -j takes a number of jobs from 1 to 256"
						      : "extract: --csv takes plain or excel-de");
		kz_strlist_release(&lexicons);
		kz_strlist_release(&pos);
		return KZ_EXIT_USAGE;
	}
	if ((rc = cmd_lexicon(&lexicons, &lx)) != 0) {
		kz_strlist_release(&lexicons);
		kz_strlist_release(&pos);
		return rc;
	}
	if (stdin_name) {
		struct ex_options eo = {0};
		eo.core_only = core_only;
		if ((rc = kz_out_open(&o, out, &err)) != 0) {
			kz_err_print(&err);
			worst = KZ_EXIT_SYSTEM;
		} else {
			kz_csv_writer_init(&w, o.f, d);
			kz_claims_write_header(&w);
			worst = extract_stdin(stdin_name, sources, lx, &eo, &w);
			if (kz_out_commit(&o, &err)) {
				kz_err_print(&err);
				worst = KZ_EXIT_SYSTEM;
			}
		}
		ex_lexicon_free(lx);
		kz_strlist_release(&lexicons);
		kz_strlist_release(&pos);
		return worst;
	}
	if (!no_corr)
		worst = cmd_corrections_load(&cc, pos.v, pos.n);
	ex_sources_init(&src);
	ex_collect((char **)pos.v, pos.n, &paths, &src, print_err, NULL, &nbad, &worst);
	rc = kz_out_open(&o, out, &err);
	if (rc) {
		kz_err_print(&err);
		worst = KZ_EXIT_SYSTEM;
	} else {
		kz_csv_writer_init(&w, o.f, d);
		kz_claims_write_header(&w);
		memset(&job, 0, sizeof job);
		job.cc = &cc;
		job.w = &w;
		memset(&b, 0, sizeof b);
		b.lx = lx;
		b.paths = &paths;
		b.src = &src;
		b.eo.core_only = core_only;
		b.eo.flush = flush_rows; /* one job: memory bounded by the document, whatever its figures */
		b.eo.flush_arg = &w;
		b.jobs = njobs;
		b.may_flush = may_flush;
		b.done = write_doc;
		b.arg = &job;
		ex_batch_run(&b);
		worst = b.worst > worst ? b.worst : worst;
		worst = job.worst > worst ? job.worst : worst;
	}
	{
		int crc = cmd_corrections_finish(&cc);
		worst = crc > worst ? crc : worst;
	}
	if (!rc && kz_out_commit(&o, &err)) {
		kz_err_print(&err);
		worst = KZ_EXIT_SYSTEM;
	}
	cmd_corrections_release(&cc);
	ex_paths_release(&paths);
	ex_sources_release(&src);
	ex_lexicon_free(lx);
	kz_strlist_release(&lexicons);
	kz_strlist_release(&pos);
	return worst ? worst : KZ_EXIT_OK;
}
