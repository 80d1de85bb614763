/* cmd_run.c: `kennzahl run` — extract, check and report in one go into an output folder. */
#include "cmds.h"
#include "core/claims.h"
#include "core/opts.h"
#include "reports/reports.h"
#include "store/store.h"
#include "build_id.h"

#include <errno.h>
#include <glib.h>
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
		if (*docs->v[i].sha256)
			continue; /* known from reading it */
		if (kz_file_sha256(docs->v[i].path, hex, NULL, &err) == 0)
			docs->v[i].sha256 = rp_docs_str(docs, hex);
	}
}

/* The run in one line: documents read, bad and without figures, claims, findings by kind, where. */
static void summary(struct kz_buf *b, const struct rp_docs *docs, const struct kz_table *t,
		    const struct st_result *res, const struct cmd_load *how, const char *outdir)
{
	size_t bad = 0, empty = 0, nf = 0;
	int first = 1;

	for (size_t i = 0; i < docs->n; i++) {
		bad += docs->v[i].state == RP_DOC_BAD;
		empty += docs->v[i].state == RP_DOC_NO_FIGURES;
	}
	for (int k = 0; k < ST_K__N; k++)
		nf += res->count[k];
	kz_buf_addf(b, "run: %zu documents read, %zu bad, %zu without figures", docs->n - bad, bad, empty);
	if (how->reused)
		kz_buf_addf(b, " (%ld extracted, %ld unchanged from the store)", how->extracted, how->reused);
	kz_buf_addf(b, "; %zu claims; %zu findings", t->n, nf);
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

/* The store of a run: opened when OUTDIR is there at the start, else once the first document is
 * to be saved into it (the folder is made only when there is something to write). */
struct run_store {
	struct kz_outdir *od;
	const char *outdir;
	char fingerprint[256];
	int rebuild, tried, off, failed;
	struct kz_store *st;
};

static struct kz_store *store_open(void *arg)
{
	struct run_store *rs = arg;
	struct kz_err err;
	char path[4096];

	if (rs->tried || rs->off)
		return rs->st;
	rs->tried = 1;
	if (!rs->od->dir && kz_outdir_begin(rs->od, rs->outdir, &err)) {
		kz_err_print(&err); /* said again when the outputs are written */
		return NULL;
	}
	snprintf(path, sizeof path, "%s/%s", rs->outdir, KZ_STORE_FILE);
	if (kz_store_open(&rs->st, path, rs->fingerprint, rs->rebuild, &err)) {
		kz_err_print(&err);
		kz_warn("%s: the run goes on without its store (every document is extracted)", path);
		rs->st = NULL;
		rs->failed = 1;
	}
	return rs->st;
}

/* What makes one build's extraction another's: the version, the build id, the --lexicon files. */
static void fingerprint(char *out, size_t n, const struct kz_strlist *lexicons)
{
	struct kz_buf b = KZ_BUF_INIT;
	GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);

	kz_buf_addf(&b, "kennzahl %s build %s", KZ_VERSION, KZ_BUILD_ID);
	for (int i = 0; i < lexicons->n; i++) {
		char hex[65];
		struct kz_err err;
		kz_buf_addf(&b, " lexicon %s", kz_file_sha256(lexicons->v[i], hex, NULL, &err) ? "?" : hex);
	}
	g_checksum_update(ck, (const guchar *)b.s, (gssize)b.len);
	snprintf(out, n, "kennzahl %s build %s lexicons %.16s", KZ_VERSION, KZ_BUILD_ID, g_checksum_get_string(ck));
	g_checksum_free(ck);
	kz_buf_release(&b);
}

/* A file of OUTDIR for the store's snapshot. */
static int snap_file(struct kz_store_table *tb, const char *outdir, const char *file, const char *name,
		     struct kz_err *err)
{
	char path[4096];
	char *data;
	size_t len;
	int rc;

	snprintf(path, sizeof path, "%s/%s", outdir, file);
	rc = kz_read_file(path, 0, &data, &len, err);
	tb->name = name;
	tb->csv = rc ? NULL : data;
	tb->len = rc ? 0 : len;
	return rc;
}

static void iso_time(char *out, size_t n, time_t t)
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The run's tables into the store, in one transaction; the store is then closed. */
static int store_snapshot(struct run_store *rs, const char *outdir, const struct cmd_load *how,
			  const struct kz_buf *corr, const struct kz_strlist *pos, size_t nclaims, size_t nfind,
			  time_t started, struct kz_err *err)
{
	struct kz_store_table tb[5];
	struct kz_store_run run;
	struct kz_buf inputs = KZ_BUF_INIT;
	char t0[32], t1[32];
	int rc = 0;
	size_t n = 0;

	memset(tb, 0, sizeof tb);
	rc = snap_file(&tb[n++], outdir, "claims.csv", "claims", err);
	if (!rc)
		rc = snap_file(&tb[n++], outdir, "findings.csv", "findings", err);
	if (!rc)
		rc = snap_file(&tb[n++], outdir, "consensus.csv", "consensus", err);
	if (!rc)
		rc = snap_file(&tb[n++], outdir, "documents.csv", "documents", err);
	tb[n].name = "corrections";
	tb[n].csv = corr->s;
	tb[n++].len = corr->len;
	for (int i = 0; i < pos->n; i++)
		kz_buf_addf(&inputs, "%s%s", i ? " " : "", pos->v[i]);
	iso_time(t0, sizeof t0, started);
	iso_time(t1, sizeof t1, time(NULL));
	memset(&run, 0, sizeof run);
	run.started = t0;
	run.finished = t1;
	run.version = KZ_VERSION;
	run.inputs = inputs.s ? inputs.s : "";
	run.documents = how->extracted + how->reused;
	run.extracted = how->extracted;
	run.reused = how->reused;
	run.claims = (long)nclaims;
	run.findings = (long)nfind;
	if (!rc)
		rc = kz_store_snapshot(rs->st, tb, n, &run, how->keys.v, (size_t)how->keys.n, err);
	for (size_t i = 0; i + 1 < n; i++)
		free((char *)tb[i].csv);
	kz_buf_release(&inputs);
	return rc;
}

int cmd_run(int argc, char **argv)
{
	const char *outdir = "out", *title = NULL, *lang = NULL, *select = NULL, *jobs = NULL;
	int charts = 0, rc, worst, no_corr = 0, rebuild = 0, no_store = 0, stored = 0;
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
		{0, "rebuild", NULL, "start OUTDIR/kennzahl.sqlite afresh: every document is extracted again", KZ_OPT_FLAG, &rebuild},
		{0, "no-store", NULL, "keep no store: extract every document, write no kennzahl.sqlite", KZ_OPT_FLAG, &no_store},
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
	struct cmd_load how = {.lexicons = &lexicons, .cc = NULL, .jobs = 1};
	struct run_store rs;
	struct kz_buf corr = KZ_BUF_INIT;

	rc = kz_opts_parse("kennzahl run [-o OUTDIR] [--title T] [--lang de|en] [--charts] PATH...",
			   "The main job: reads every document under PATH and writes OUTDIR/claims.csv,\n"
			   "findings.csv, consensus.csv, documents.csv, claims.xlsx (the same tables as one\n"
			   "workbook) and factsheet.pdf (and charts/ with --charts), kennzahl.sqlite (the\n"
			   "store: documents unchanged since the last run are not extracted again), and\n"
			   "manifest.csv last.",
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
	/* the store: documents it holds unchanged are not extracted again */
	memset(&rs, 0, sizeof rs);
	rs.od = &od;
	rs.outdir = outdir;
	rs.rebuild = rebuild;
	rs.off = no_store;
	fingerprint(rs.fingerprint, sizeof rs.fingerprint, &lexicons);
	if (!no_store) {
		how.store = od.dir ? store_open(&rs) : NULL;
		how.store_for_save = store_open;
		how.store_arg = &rs;
	}
	/* 1. extract */
	worst = no_corr ? 0 : cmd_corrections_load(&cc, pos.v, pos.n);
	how.cc = no_corr ? NULL : &cc;
	rc = cmd_load_inputs(pos.v, pos.n, &how, &t, &docs);
	worst = rc > worst ? rc : worst;
	if (rs.st && kz_store_flush(rs.st, &err)) /* what was extracted is kept, whatever happens next */
		kz_err_print(&err);
	rc = cmd_corrections_finish(&cc);
	worst = rc > worst ? rc : worst;
	if (rs.st) {
		FILE *f = open_memstream(&corr.s, &corr.len);
		if (f) {
			cmd_corrections_write_list(&cc, f);
			fclose(f);
		}
	}
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
		summary(&line, &docs, &t, &res, &how, outdir);
	/* 3. report */
	if (!rc) {
		snprintf(path, sizeof path, "%s/factsheet.pdf", outdir);
		rc = rp_factsheet_write(path, &t, &docs, &res, &ro, &err);
		if (!rc)
			kz_outdir_add(&od, "factsheet.pdf");
		if (!rc && charts)
			kz_outdir_add_dir(&od, "charts", started);
	}
	/* 4. the store: the run's tables replaced in one transaction, after the files they are made of */
	if (!rc && rs.st) {
		size_t nf = 0;
		for (int k = 0; k < ST_K__N; k++)
			nf += res.count[k];
		if (store_snapshot(&rs, outdir, &how, &corr, &pos, t.n, nf, started, &err) ||
		    kz_store_close(rs.st, &err)) {
			kz_err_print(&err);
			kz_warn("%s/%s: not updated; the other outputs are complete", outdir, KZ_STORE_FILE);
			worst = worst > KZ_EXIT_SYSTEM ? worst : KZ_EXIT_SYSTEM;
		} else {
			kz_outdir_add(&od, KZ_STORE_FILE);
			stored = 1;
		}
		rs.st = NULL;
	}
	if (rs.failed || how.store_failed)
		worst = worst > KZ_EXIT_SYSTEM ? worst : KZ_EXIT_SYSTEM;
	st_result_release(&res);
	/* 5. the manifest, last: it names the files that belong to this run */
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
		if (stored)
			printf("%s/%s\n", outdir, KZ_STORE_FILE);
		fputs(line.s ? line.s : "", stdout);
	}
done:
	if (rs.st)
		kz_store_close(rs.st, NULL); /* what it took so far stays for the next run */
	for (int i = 0; i < how.keys.n; i++)
		free((char *)how.keys.v[i]);
	kz_strlist_release(&how.keys);
	kz_buf_release(&corr);
	kz_buf_release(&line);
	kz_table_release(&t);
	rp_docs_release(&docs);
	rp_select_release(&sel);
	kz_strlist_release(&pos);
	kz_strlist_release(&lexicons);
	return worst;
}
