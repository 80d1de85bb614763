/* cmd_check.c: `kennzahl check` — consistency of the figures across sources: findings and consensus. */
#include "cmds.h"
#include "core/claims.h"
#include "core/opts.h"
#include "extract/extract.h"
#include "stats/stats.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void print_err(const struct kz_err *err, void *arg)
{
	(void)arg;
	kz_err_print(err);
}

/* A row of a claims table left out (or kept with a warning): named, and counted as bad input. */
struct row_warn {
	int *nbad, *worst;
};

static void row_warned(const struct kz_err *err, void *arg)
{
	struct row_warn *w = arg;

	kz_err_print(err);
	if (err->code) {
		(*w->nbad)++;
		if (err->code > *w->worst)
			*w->worst = err->code;
	}
}

static int is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* A document of a claims table: its path and the first row naming it. */
struct docref {
	const char *doc;
	size_t row;
};

static int cmp_docref_doc(const void *a, const void *b)
{
	const struct docref *p = a, *q = b;
	int c = strcmp(p->doc, q->doc);
	return c ? c : p->row < q->row ? -1 : p->row > q->row;
}

static int cmp_docref_row(const void *a, const void *b)
{
	const struct docref *p = a, *q = b;
	return p->row < q->row ? -1 : p->row > q->row;
}

/*
 * Dates of the documents a claims CSV names: its own `published` column, the
 * sources.csv in each document's folder when there is one, else the document's own dateline or
 * file metadata when the document can still be read. Each document is looked
 * at once, in the order the table first names it: the distinct documents are
 * found by sorting (O(n log n) in the rows, whatever their number).
 */
static void dates_for_csv(const struct kz_table *t, size_t from, struct st_docinfo *di)
{
	struct ex_sources src;
	struct docref *v = kz_xmalloc((t->n - from + 1) * sizeof(*v));
	size_t n = 0, m = 0;

	for (size_t i = from; i < t->n; i++)
		if (i == from || strcmp(t->v[i].doc, t->v[i - 1].doc)) {
			v[n].doc = t->v[i].doc;
			v[n++].row = i;
		}
	qsort(v, n, sizeof(*v), cmp_docref_doc);
	for (size_t k = 0; k < n; k++)
		if (m == 0 || strcmp(v[k].doc, v[m - 1].doc))
			v[m++] = v[k];
	qsort(v, m, sizeof(*v), cmp_docref_row);
	ex_sources_init(&src);
	for (size_t k = 0; k < m; k++) {
		const char *doc = v[k].doc;
		struct ex_doc d;
		struct kz_err err;

		if (st_docinfo_find(di, doc))
			continue;
		/* the table's own citation column travels with it */
		if (t->v[v[k].row].published && *t->v[v[k].row].published) {
			st_docinfo_add(di, doc, t->v[v[k].row].published);
			continue;
		}
		if (ex_sources_beside(&src, doc, &err))
			kz_err_print(&err);
		ex_doc_init(&d);
		d.path = kz_xstrdup(doc);
		ex_sources_apply(&src, &d);
		if (d.meta.date) {
			st_docinfo_add(di, doc, d.meta.date);
		} else if (is_file(doc)) {
			struct ex_doc full;
			ex_doc_init(&full);
			if (ex_doc_load(&full, doc, &err) == 0 && full.meta.date)
				st_docinfo_add(di, doc, full.meta.date);
			ex_doc_release(&full);
		}
		ex_doc_release(&d);
	}
	free(v);
	ex_sources_release(&src);
}

static int write_csv(const char *path, const struct st_result *r, const struct kz_table *t, int findings,
		     enum kz_csv_dialect d)
{
	struct kz_out o;
	struct kz_err err;

	if (kz_out_open(&o, path, &err)) {
		kz_err_print(&err);
		return KZ_EXIT_SYSTEM;
	}
	if (findings)
		st_findings_write_csv(r, t, o.f, d);
	else
		st_consensus_write_csv(r, t, o.f, d);
	if (kz_out_commit(&o, &err)) {
		kz_err_print(&err);
		return KZ_EXIT_SYSTEM;
	}
	return 0;
}

/* findings.csv and consensus.csv are written at once, one in a thread of its own, when both go to
 * files: the two writers only read the result. */
struct write_job {
	const char *path;
	const struct st_result *r;
	const struct kz_table *t;
	enum kz_csv_dialect d;
	int rc;
};

static void *write_consensus(void *arg)
{
	struct write_job *j = arg;
	j->rc = write_csv(j->path, j->r, j->t, 0, j->d);
	return NULL;
}

static int write_both(const char *out, const char *cons, const struct st_result *r, const struct kz_table *t,
		      enum kz_csv_dialect d)
{
	struct write_job j = {cons, r, t, d, 0};
	pthread_t th;
	int rc, side = out && cons && strcmp(out, "-") && strcmp(cons, "-") && strcmp(out, cons) &&
		       pthread_create(&th, NULL, write_consensus, &j) == 0;

	rc = out ? write_csv(out, r, t, 1, d) : 0;
	if (side)
		pthread_join(th, NULL);
	else if (cons)
		j.rc = write_csv(cons, r, t, 0, d);
	return rc ? rc : j.rc;
}

struct check_job {
	struct cmd_corrections *cc;
	struct kz_table *t;
	struct st_docinfo *di;
	int worst;
};

/* One document, in collection order: its date known to the checks, its claims corrected and added. */
static void take_doc(struct ex_batch_item *it, void *arg)
{
	struct check_job *j = arg;
	int rc;

	if (it->rc)
		return;
	if (it->doc.meta.date)
		st_docinfo_add(j->di, it->doc.path, it->doc.meta.date);
	if ((rc = cmd_corrections_apply(j->cc, &it->doc, &it->t, 0)) > j->worst)
		j->worst = rc;
	for (size_t i = 0; i < it->t.n; i++)
		kz_table_add(j->t, &it->t.v[i]);
}

int cmd_check(int argc, char **argv)
{
	const char *out = NULL, *cons = NULL, *rates = NULL, *failon = NULL, *lang = NULL, *dialect = NULL, *jobs = NULL;
	struct kz_strlist pos = {0}, docpaths = {0}, lexicons = {0};
	int no_corr = 0;
	const struct kz_opt opts[] = {
		{'o', "output", "FILE", "write findings.csv to FILE ('-' for stdout instead of the summary)", KZ_OPT_STRING, &out},
		{0, "consensus", "FILE", "write consensus.csv (best estimate per fact and year) to FILE", KZ_OPT_STRING, &cons},
		{0, "rates", "FILE", "reference exchange rates (TSV as data/fx.tsv) instead of the built-in ones", KZ_OPT_STRING, &rates},
		{0, "fail-on", "KINDS", "exit 1 if a finding of these kinds is found (conflict,drift,currency,arithmetic,outlier,claim or all)", KZ_OPT_STRING, &failon},
		{0, "lang", "LANG", "language of explanations and summary: de (default) or en", KZ_OPT_STRING, &lang},
		{0, "csv", "DIALECT", "plain (default) or excel-de for the CSV files written", KZ_OPT_STRING, &dialect},
		{0, "no-corrections", NULL, "do not apply the corrections.csv beside the documents (the raw extraction)", KZ_OPT_FLAG, &no_corr},
		{0, "lexicon", "FILE", "add lexicon entries from a TSV file (repeatable) for documents read", KZ_OPT_LIST, &lexicons},
		{'j', "jobs", "N", "extract N documents at once (default: one per processor)", KZ_OPT_STRING, &jobs},
		{0, NULL, NULL, NULL, 0, NULL},
	};
	enum kz_csv_dialect d = KZ_CSV_PLAIN;
	unsigned failmask = 0;
	int njobs = 1;
	int rc, worst = 0, nbad = 0;
	struct st_options so;
	struct st_rates fx;
	struct st_docinfo di;
	struct st_result res;
	struct kz_table t;
	struct kz_err err;

	rc = kz_opts_parse("kennzahl check [-o FINDINGS.csv] [--consensus CONSENSUS.csv] [--rates FILE] "
			   "[--fail-on KINDS] [--lang de|en] INPUT...",
			   "Checks the figures of a claims table (CSV, either dialect) or of documents and\n"
			   "folders (extracted on the fly) against each other: conflict (same fact and year,\n"
			   "intervals apart; within one text as information), drift (other years), currency (\"X Yen (Y Dollar)\" off the\n"
			   "reference rate of the figure's year or the document's date by more than 5 %\n"
			   "beyond the amounts' rounding), arithmetic (stated changes, multiples, shares\n"
			   "above 100 %), outlier (robust z > 3.5 and 25 % off the median or trend),\n"
			   "claim (a figure the text marks as an assertion against the reported one).\n"
			   "A summary goes to stdout (with -o: the first 40 findings and a count of the rest). Exit 0 unless --fail-on names a kind found (then 1;\n"
			   "information within one text does not count).",
			   opts, argc, argv, &pos);
	if (rc) {
		kz_strlist_release(&pos);
		kz_strlist_release(&lexicons);
		return rc == 1 ? KZ_EXIT_OK : KZ_EXIT_USAGE;
	}
	st_options_init(&so);
	if (pos.n == 0 || (dialect && kz_csv_dialect_parse(dialect, &d)) || ex_batch_jobs(jobs, &njobs) ||
	    (failon && st_kinds_parse(failon, &failmask)) ||
	    (lang && strcmp(lang, "de") && strcmp(lang, "en"))) {
		kz_warn(pos.n == 0 ? "check: no INPUT given (see --help)"
			: (dialect && kz_csv_dialect_parse(dialect, &d)) ? "check: --csv takes plain or excel-de"
			: (lang && strcmp(lang, "de") && strcmp(lang, "en")) ? "check: --lang takes de or en"
			: ex_batch_jobs(jobs, &njobs) ? "check: -j takes a number of jobs from 1 to 256"
			: "check: --fail-on takes kinds from conflict,drift,currency,arithmetic,outlier,claim,all");
		kz_strlist_release(&pos);
		kz_strlist_release(&lexicons);
		return KZ_EXIT_USAGE;
	}
	if (lang && !strcmp(lang, "en"))
		so.lang = ST_LANG_EN;

	st_rates_init(&fx);
	rc = rates ? st_rates_read(&fx, rates, &err) : st_rates_builtin(&fx, &err);
	if (rc) {
		kz_err_print(&err);
		st_rates_release(&fx);
		kz_strlist_release(&pos);
		kz_strlist_release(&lexicons);
		return rc;
	}
	kz_table_init(&t);
	st_docinfo_init(&di);

	/* claims tables are read; everything else is a document or folder to extract */
	for (int i = 0; i < pos.n; i++) {
		/* "-": a claims table on standard input (tables of several runs concatenated) */
		if (!strcmp(pos.v[i], "-") || (is_file(pos.v[i]) && kz_is_claims_csv(pos.v[i]))) {
			size_t from = t.n;
			struct row_warn rw = {&nbad, &worst};
			if (kz_claims_read_csv(&t, pos.v[i], row_warned, &rw, &err)) {
				kz_err_print(&err);
				t.n = from; /* a broken table is left out whole */
				nbad++;
				if (err.code > worst)
					worst = err.code;
				continue;
			}
			dates_for_csv(&t, from, &di);
		} else {
			kz_strlist_push(&docpaths, pos.v[i]);
		}
	}
	if (docpaths.n) {
		struct ex_lexicon *lx = NULL;
		struct ex_sources src;
		struct ex_paths paths = {0};
		struct cmd_corrections cc = {0};

		if (!no_corr && (rc = cmd_corrections_load(&cc, docpaths.v, docpaths.n)) > worst)
			worst = rc;
		ex_sources_init(&src);
		ex_collect((char **)docpaths.v, docpaths.n, &paths, &src, print_err, NULL, &nbad, &worst);
		/* without the user's lexicon the figures would be wrong: none then */
		if ((rc = cmd_lexicon(&lexicons, &lx)) != 0) {
			nbad++;
			worst = rc > worst ? rc : worst;
		}
		if (lx) {
			struct check_job j = {&cc, &t, &di, 0};
			struct ex_batch b;
			memset(&b, 0, sizeof b);
			b.lx = lx;
			b.paths = &paths;
			b.src = &src;
			b.jobs = njobs;
			b.done = take_doc;
			b.arg = &j;
			ex_batch_run(&b);
			nbad += b.nbad;
			worst = b.worst > worst ? b.worst : worst;
			worst = j.worst > worst ? j.worst : worst;
		}
		if ((rc = cmd_corrections_finish(&cc)) > worst)
			worst = rc;
		cmd_corrections_release(&cc);
		ex_paths_release(&paths);
		ex_sources_release(&src);
		ex_lexicon_free(lx);
	}

	{
		/* overlapping tables concatenated ("cat a.csv b.csv | kennzahl check -"): a claim read
		 * twice is one claim */
		const char *rep;
		size_t nrep = kz_table_drop_repeats(&t, 0, &rep);
		if (nrep)
			kz_warn("%zu claim%s repeat%s an id read before (the first: %s); each claim counts once", nrep,
				nrep == 1 ? "" : "s", nrep == 1 ? "s" : "", rep);
	}
	st_result_init(&res);
	if (!worst || t.n) {
		if (st_check(&t, &fx, &di, &so, &res, &err)) {
			kz_err_print(&err);
			worst = err.code;
		}
	}
	if (!out || strcmp(out, "-"))
		st_summary_write(&res, &t, so.lang, out ? 40 : 0, out, stdout); /* all of them when nowhere else */
	if ((rc = write_both(out, cons, &res, &t, d)) != 0)
		worst = rc;
	if (fflush(stdout) != 0) {
		kz_warn("check: cannot write to stdout");
		worst = KZ_EXIT_SYSTEM;
	}
	/* a drift is information by nature and counts; other information (two figures of one text
	 * that may be two quantities) does not fail a run */
	for (size_t i = 0; !worst && failmask && i < res.nf; i++)
		if ((failmask & (1u << res.f[i].kind)) && (res.f[i].sev != ST_SEV_INFO || res.f[i].kind == ST_K_DRIFT))
			worst = KZ_EXIT_FINDINGS;
	st_result_release(&res);
	st_docinfo_release(&di);
	kz_table_release(&t);
	st_rates_release(&fx);
	kz_strlist_release(&docpaths);
	kz_strlist_release(&pos);
	kz_strlist_release(&lexicons);
	return worst;
}
