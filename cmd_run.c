/* cmd_run.c: `kennzahl run` — extract, check and report in one go into an output folder. */
#include "cmds.h"
#include "core/claims.h"
#include "core/opts.h"
#include "reports/reports.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>


/* Write one of the run's CSV files atomically and record it for the manifest: what says which. */
enum what { W_CLAIMS, W_FINDINGS, W_CONSENSUS, W_DOCUMENTS };
static int write_csv(struct kz_outdir *od, const char *name, enum what what, const struct kz_table *t,
		     const struct st_result *res, const struct rp_docs *docs, struct kz_err *err)
{
	char path[4096];
	struct kz_out o;
	int rc;

	snprintf(path, sizeof path, "%s/%s", od->dir, name);
	rc = kz_out_open(&o, path, err);
	if (rc)
		return rc;
	if (what == W_CLAIMS)
		kz_claims_write_csv(t, o.f, KZ_CSV_PLAIN);
	else if (what == W_FINDINGS)
		st_findings_write_csv(res, t, o.f, KZ_CSV_PLAIN);
	else if (what == W_DOCUMENTS)
		rp_docs_write_csv(docs, o.f, KZ_CSV_PLAIN);
	else
		st_consensus_write_csv(res, t, o.f, KZ_CSV_PLAIN);
	rc = kz_out_commit(&o, err);
	if (!rc)
		kz_outdir_add(od, name);
	return rc;
}

/* Each document's SHA-256, so that documents.csv tells a changed document from the one read. */
static void hash_documents(struct rp_docs *docs)
{
	for (size_t i = 0; i < docs->n; i++) {
		char hex[65];
		struct kz_err err;
		if (kz_file_sha256(docs->v[i].path, hex, NULL, &err) == 0)
			docs->v[i].sha256 = rp_docs_str(docs, hex);
	}
}

/* The run in one line: documents read, bad and without figures, claims, findings by kind, where. */
static void summary(struct kz_buf *b, const struct rp_docs *docs, const struct kz_table *t,
		    const struct st_result *res, const char *outdir)
{
	size_t bad = 0, empty = 0, nf = 0;
	int first = 1;

	for (size_t i = 0; i < docs->n; i++) {
		bad += docs->v[i].state == RP_DOC_BAD;
		empty += docs->v[i].state == RP_DOC_NO_FIGURES;
	}
	for (int k = 0; k < ST_K__N; k++)
		nf += res->count[k];
	kz_buf_addf(b, "run: %zu documents read, %zu bad, %zu without figures; %zu claims; %zu findings",
		    docs->n - bad, bad, empty, t->n, nf);
	for (int k = 0; k < ST_K__N; k++)
		if (res->count[k]) {
			kz_buf_addf(b, "%s%zu %s", first ? " (" : ", ", res->count[k], st_kind_name((enum st_kind)k));
			first = 0;
		}
	kz_buf_addf(b, "%s; outputs in %s/\n", first ? "" : ")", outdir);
}

/* An input that is the output folder or lies inside it would be overwritten or read back: say which. */
static const char *input_inside(const char *outdir, const struct kz_strlist *pos)
{
	char *out = realpath(outdir, NULL);
	const char *hit = NULL;
	size_t ol;

	if (!out)
		return NULL; /* a new folder holds nothing yet */
	ol = strlen(out);
	for (int i = 0; i < pos->n && !hit; i++) {
		char *in = realpath(pos->v[i], NULL);
		if (in && !strncmp(in, out, ol) && (in[ol] == '\0' || in[ol] == '/' || ol == 1))
			hit = pos->v[i];
		free(in);
	}
	free(out);
	return hit;
}

int cmd_run(int argc, char **argv)
{
	const char *outdir = "out", *title = NULL, *lang = NULL, *select = NULL, *jobs = NULL;
	int charts = 0, rc, worst, no_corr = 0;
	struct cmd_corrections cc = {0};
	struct kz_strlist pos = {0}, lexicons = {0};
	const struct kz_opt opts[] = {
		{'o', "output", "DIR", "write claims.csv, findings.csv, consensus.csv, documents.csv, claims.xlsx, factsheet.pdf into DIR (default: out)", KZ_OPT_STRING, &outdir},
		{0, "title", "T", "title of the fact sheet", KZ_OPT_STRING, &title},
		{0, "lang", "de|en", "language of texts and number format (default: de)", KZ_OPT_STRING, &lang},
		{0, "charts", NULL, "also write every chart as SVG and PNG into DIR/charts", KZ_OPT_FLAG, &charts},
		{0, "lexicon", "FILE", "add lexicon entries from a TSV file (repeatable)", KZ_OPT_LIST, &lexicons},
		{0, "no-corrections", NULL, "do not apply the corrections.csv beside the documents (the raw extraction)", KZ_OPT_FLAG, &no_corr},
		{0, "select", "K=V,...", "only claims matching: indicator, detail, subject, partner, unit, year, doc", KZ_OPT_STRING, &select},
		{'j', "jobs", "N", "extract N documents at once (default: one per processor); the outputs are the same for any N", KZ_OPT_STRING, &jobs},
		{0, NULL, NULL, NULL, 0, NULL},
	};
	struct rp_options ro;
	struct rp_select sel = {0};
	struct rp_docs docs;
	struct kz_table t;
	struct st_result res;
	struct kz_err err;
	char path[4096], chartdir[4096];
	struct kz_outdir od;
	struct stat st;
	const char *inside;
	time_t started;
	struct kz_buf line = KZ_BUF_INIT;
	struct cmd_load how = {&lexicons, NULL, 1};

	rc = kz_opts_parse("kennzahl run [-o OUTDIR] [--title T] [--lang de|en] [--charts] PATH...",
			   "The main job: reads every document under PATH and writes OUTDIR/claims.csv,\n"
			   "findings.csv, consensus.csv, documents.csv, claims.xlsx (the same tables as one\n"
			   "workbook) and factsheet.pdf (and charts/ with --charts), and manifest.csv last.",
			   opts, argc, argv, &pos);
	if (rc) {
		kz_strlist_release(&pos);
		kz_strlist_release(&lexicons);
		return rc == 1 ? KZ_EXIT_OK : KZ_EXIT_USAGE;
	}
	if ((rc = cmd_report_args("run", "PATH", pos.n, lang, select, jobs, &how.jobs, &sel)) != 0) {
		kz_strlist_release(&pos);
		kz_strlist_release(&lexicons);
		return rc;
	}
	if ((inside = input_inside(outdir, &pos)) != NULL) {
		kz_warn("%s: the output folder %s is or holds this input; choose another -o", inside, outdir);
		rp_select_release(&sel);
		kz_strlist_release(&pos);
		kz_strlist_release(&lexicons);
		return KZ_EXIT_USAGE;
	}
	/* an existing output folder is marked before the inputs are walked, so it is never read as
	 * one; a new one is made only once there is something to write into it */
	memset(&od, 0, sizeof od);
	if (stat(outdir, &st) == 0 && kz_outdir_begin(&od, outdir, &err)) {
		kz_err_print(&err);
		kz_outdir_release(&od);
		rp_select_release(&sel);
		kz_strlist_release(&pos);
		kz_strlist_release(&lexicons);
		return KZ_EXIT_SYSTEM;
	}
	started = time(NULL);
	rp_options_init(&ro);
	ro.lang = lang && !strcmp(lang, "en") ? PL_EN : PL_DE;
	ro.title = title;
	ro.date = cmd_gen_date();
	snprintf(chartdir, sizeof chartdir, "%s/charts", outdir);
	ro.charts_dir = charts ? chartdir : NULL;
	kz_table_init(&t);
	rp_docs_init(&docs);
	/* 1. extract */
	worst = no_corr ? 0 : cmd_corrections_load(&cc, pos.v, pos.n);
	how.cc = no_corr ? NULL : &cc;
	rc = cmd_load_inputs(pos.v, pos.n, &how, &t, &docs);
	worst = rc > worst ? rc : worst;
	rc = cmd_corrections_finish(&cc);
	worst = rc > worst ? rc : worst;
	cmd_corrections_release(&cc);
	if (worst && t.n == 0 && docs.n == 0) {
		/* nothing could be read: an empty sheet would look like an answer */
		kz_warn("%s: nothing was read; no outputs written", outdir);
		kz_outdir_release(&od);
		goto done;
	}
	if (select)
		kz_table_filter(&t, rp_select_keep, &sel);
	if (select && t.n == 0) {
		kz_warn("--select %s matches no claim; no outputs written", select);
		kz_outdir_release(&od);
		worst = KZ_EXIT_INPUT;
		goto done;
	}
	rc = od.dir ? 0 : kz_outdir_begin(&od, outdir, &err);
	if (!rc)
		rc = write_csv(&od, "claims.csv", W_CLAIMS, &t, NULL, NULL, &err);
	/* 2. check */
	st_result_init(&res);
	if (!rc && cmd_check_claims(&t, &docs, ro.lang == PL_EN, &res))
		worst = KZ_EXIT_INPUT;
	if (!rc)
		rc = write_csv(&od, "findings.csv", W_FINDINGS, &t, &res, NULL, &err);
	if (!rc)
		rc = write_csv(&od, "consensus.csv", W_CONSENSUS, &t, &res, NULL, &err);
	if (!rc) {
		hash_documents(&docs);
		rc = write_csv(&od, "documents.csv", W_DOCUMENTS, &t, NULL, &docs, &err);
	}
	/* the same tables as a workbook: numbers stay numbers in a spreadsheet of any locale */
	if (!rc) {
		snprintf(path, sizeof path, "%s/claims.xlsx", outdir);
		rc = rp_xlsx_write(path, &t, &res, &docs, ro.date, &err);
		if (!rc) {
			kz_outdir_add(&od, "claims.xlsx");
		} else if (rc == KZ_EINPUT) {
			kz_err_print(&err); /* too large for a sheet: the CSV files hold it all */
			worst = worst > KZ_EXIT_INPUT ? worst : KZ_EXIT_INPUT;
			rc = 0;
		}
	}
	if (!rc)
		summary(&line, &docs, &t, &res, outdir);
	/* 3. report */
	if (!rc) {
		snprintf(path, sizeof path, "%s/factsheet.pdf", outdir);
		rc = rp_factsheet_write(path, &t, &docs, &res, &ro, &err);
		if (!rc)
			kz_outdir_add(&od, "factsheet.pdf");
		if (!rc && charts)
			kz_outdir_add_dir(&od, "charts", started);
	}
	st_result_release(&res);
	/* 4. the manifest, last: it names the files that belong to this run */
	if (!rc)
		rc = kz_outdir_finish(&od, &err);
	kz_outdir_release(&od);
	if (rc) {
		kz_err_print(&err);
		worst = KZ_EXIT_SYSTEM;
	} else {
		printf("%s/claims.csv\n%s/findings.csv\n%s/consensus.csv\n%s/documents.csv\n%s/claims.xlsx\n"
		       "%s/factsheet.pdf\n%s/manifest.csv\n",
		       outdir, outdir, outdir, outdir, outdir, outdir, outdir);
		if (charts)
			printf("%s/\n", chartdir);
		fputs(line.s ? line.s : "", stdout);
	}
done:
	kz_buf_release(&line);
	kz_table_release(&t);
	rp_docs_release(&docs);
	rp_select_release(&sel);
	kz_strlist_release(&pos);
	kz_strlist_release(&lexicons);
	return worst;
}
