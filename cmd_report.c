/* cmd_report.c: `kennzahl report` — documents or a claims table to a PDF fact sheet. */
#include "cmds.h"
#include "core/claims.h"
#include "core/opts.h"
#include "extract/extract.h"
#include "reports/reports.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <time.h>

static int worse(int a, int b)
{
	return a > b ? a : b;
}

/*
 * Titles, publishers, dates and URLs for claims read from a CSV: the table's own citation
 * columns (so that a table moved to another folder still names its sources), what they leave
 * empty from the sources.csv beside each document. Each document counts its claims.
 */
static void docs_from_table(const struct kz_table *t, size_t from, struct rp_docs *docs)
{
	struct ex_sources src;
	struct kz_err err;
	struct rp_doc *e = NULL;

	ex_sources_init(&src);
	for (size_t i = from; i < t->n; i++) {
		const struct kz_claim *c = &t->v[i];
		if (!e || strcmp(e->path, c->doc))
			e = (struct rp_doc *)rp_docs_find(docs, c->doc);
		if (!e) {
			struct ex_doc d;
			if (ex_sources_beside(&src, c->doc, &err))
				kz_err_print(&err);
			ex_doc_init(&d);
			d.path = kz_xstrdup(c->doc);
			ex_sources_apply(&src, &d);
#define PICK(col, m) (*c->col ? c->col : d.meta.m)
			e = rp_docs_add(docs, c->doc, PICK(title, title), PICK(publisher, publisher),
					PICK(published, date), PICK(url, url));
#undef PICK
			ex_doc_release(&d);
		}
		e->nclaims++;
	}
	ex_sources_release(&src);
}

/* A problem found while collecting the documents: printed; a document named by it (a FIFO, a
 * broken link, a missing file) is listed as bad. */
static void collect_err(const struct kz_err *err, void *arg)
{
	kz_err_print(err);
	if (err->file[0] && ex_loadable(err->file)) {
		struct rp_doc *e = rp_docs_add(arg, err->file, NULL, NULL, NULL, NULL);
		e->state = RP_DOC_BAD;
		e->message = rp_docs_str(arg, err->msg);
	}
}

/* A row of a claims table left out (or kept with a warning): named, and counted as bad input. */
static void row_warned(const struct kz_err *err, void *arg)
{
	int *worst = arg;

	kz_err_print(err);
	*worst = worse(*worst, err->code);
}

struct load_job {
	const struct ex_paths *found;
	const struct ex_sources *src;
	const struct ex_lexicon *lx;
	struct cmd_corrections *cc;
	struct kz_table *t;
	struct rp_docs *docs;
	struct cmd_load *how;
	char **keys;  /* each document's real path, the store's key (NULL: not stored) */
	char *named;  /* each document: some correction names it (it is extracted afresh) */
	int progress, worst;
};

/* What skip() found out about a document, for take_doc. */
struct doc_state {
	long long size, mtime_ns;
	char *srckey;
	int touch; /* reused by its hash: its new size and time go into the store */
};

static void doc_state_free(struct doc_state *ds)
{
	if (ds) {
		free(ds->srckey);
		free(ds);
	}
}

/* The srckey of document k: its name, its path as given and what its sources.csv row (and the
 * messages about it) give it; without loading it. */
static char *srckey_of(const struct load_job *j, size_t k)
{
	struct kz_buf said = KZ_BUF_INIT, *old;
	struct ex_doc stub;
	const char *name = j->found->rel && j->found->rel[k] ? j->found->rel[k] : kz_path_base(j->found->v[k]);
	char *key;

	ex_doc_init(&stub);
	stub.path = kz_xstrdup(j->found->v[k]);
	old = kz_diag_capture(&said);
	ex_sources_apply(j->src, &stub);
	kz_diag_capture(old);
	{
		const char *const fields[] = {name, stub.meta.title, stub.meta.publisher, stub.meta.date,
					      stub.meta.url, stub.path, said.s};
		key = kz_store_srckey(fields, sizeof fields / sizeof fields[0]);
	}
	kz_buf_release(&said);
	ex_doc_release(&stub);
	return key;
}

/* On a worker: is document it->k in the store, unchanged? Size and time first, the content hash
 * when they differ; the hash is kept for documents.csv either way. */
static int skip_stored(struct ex_batch_item *it, void *arg)
{
	struct load_job *j = arg;
	const struct kz_store_entry *e;
	struct doc_state *ds;
	struct stat sb;
	struct kz_err err;
	const char *key = j->keys[it->k];

	if (!key || j->named[it->k] || stat(j->found->v[it->k], &sb) != 0 || !S_ISREG(sb.st_mode))
		return 0;
	ds = kz_xcalloc(1, sizeof *ds);
	it->user = ds;
	ds->size = (long long)sb.st_size;
	ds->mtime_ns = (long long)sb.st_mtim.tv_sec * 1000000000LL + sb.st_mtim.tv_nsec;
	ds->srckey = srckey_of(j, it->k);
	e = j->how->store ? kz_store_find(j->how->store, key) : NULL;
	if (e && !strcmp(e->srckey, ds->srckey) && e->mtime_ns >= 0 && e->size == ds->size &&
	    e->mtime_ns == ds->mtime_ns) {
		snprintf(it->sha256, sizeof it->sha256, "%s", e->sha256);
	} else {
		/* read once: hashed here, and when it is to be extracted, handed to the loader */
		if (kz_read_file(j->found->v[it->k], (size_t)1 << 30, &it->raw, &it->rawlen, &err) != 0) {
			it->raw = NULL;
			return 0; /* the loader will say what is wrong with it */
		}
		kz_sha256(it->raw, it->rawlen, it->sha256);
		if (!e || strcmp(e->srckey, ds->srckey) || strcmp(e->sha256, it->sha256))
			return 0;
		free(it->raw);
		it->raw = NULL;
		ds->touch = 1;
	}
	kz_diag_puts(e->diag); /* what it said when it was extracted */
	return 1;
}

/* The claims of a document skip_stored found unchanged, as its extraction left them. */
static int fetch_stored(struct load_job *j, struct ex_batch_item *it)
{
	struct kz_store_meta m;
	struct kz_err err;
	const char *path = j->found->v[it->k];

	if (kz_store_fetch(j->how->store, j->keys[it->k], path, &it->t, &m, &err)) {
		kz_err_print(&err);
		return -1;
	}
	it->doc.path = kz_xstrdup(path);
	it->doc.meta.title = m.title;
	it->doc.meta.publisher = m.publisher;
	it->doc.meta.date = m.date;
	it->doc.meta.url = m.url;
	it->doc.meta.year = m.year;
	it->doc.npages = (size_t)(m.pages > 0 ? m.pages : 0);
	return 0;
}

/* A document just extracted goes into the store, with its raw claims. */
static void save_extracted(struct load_job *j, struct ex_batch_item *it)
{
	struct kz_store *st = j->how->store_for_save ? j->how->store_for_save(j->how->store_arg) : NULL;
	struct doc_state *ds = it->user;
	struct kz_store_entry e;
	struct kz_store_meta m;
	struct kz_err err;

	if (!st || !j->keys[it->k] || !ds || !it->sha256[0])
		return;
	memset(&e, 0, sizeof e);
	e.key = j->keys[it->k];
	e.size = ds->size;
	/* a file changed within the last seconds may change again within the clock's grain: the
	 * next run compares its hash */
	e.mtime_ns = ds->mtime_ns / 1000000000LL + 2 >= (long long)time(NULL) ? -1 : ds->mtime_ns;
	memcpy(e.sha256, it->sha256, sizeof e.sha256);
	e.srckey = ds->srckey;
	e.diag = it->diag.s ? it->diag.s : "";
	m.title = it->doc.meta.title;
	m.publisher = it->doc.meta.publisher;
	m.date = it->doc.meta.date;
	m.url = it->doc.meta.url;
	m.year = it->doc.meta.year;
	m.pages = (int)it->doc.npages;
	if (kz_store_save(st, &e, &m, &it->t, 0, &err)) {
		kz_err_print(&err);
		j->how->store_failed = 1;
	}
}

/* One document, in collection order: listed in docs, its claims corrected and added to t. */
static void take_doc(struct ex_batch_item *it, void *arg)
{
	struct load_job *j = arg;
	struct doc_state *ds = it->user;
	struct rp_doc *e;

	if (j->progress) {
		const char *path = j->found->v[it->k];
		size_t pl = strlen(path);
		fprintf(stderr, "\rkennzahl: %zu/%zu %s%.50s\033[K", it->k + 1, j->found->n, pl > 50 ? "…" : "",
			path + (pl > 50 ? pl - 50 : 0));
		fflush(stderr);
	}
	if (it->cached && fetch_stored(j, it) == 0) {
		j->how->reused++;
		if (ds && ds->touch) {
			struct kz_store_entry te = *kz_store_find(j->how->store, j->keys[it->k]);
			struct kz_err err;
			te.size = ds->size;
			te.mtime_ns = ds->mtime_ns;
			if (kz_store_touch(j->how->store, &te, &err))
				kz_err_print(&err);
		}
	} else if (it->cached) {
		/* the store let us down: the document is read again */
		it->cached = 0;
		kz_table_clear(&it->t);
		ex_doc_release(&it->doc);
		ex_doc_init(&it->doc);
		it->rc = ex_collect_load(&it->doc, j->found, it->k, j->src, NULL, 0, &it->err);
		if (!it->rc)
			ex_extract(j->lx, &it->doc, NULL, &it->t);
		else
			kz_err_print(&it->err);
	} else if (!it->rc) {
		j->how->extracted++;
		save_extracted(j, it);
	}
	doc_state_free(ds);
	it->user = NULL;
	if (it->rc) {
		e = rp_docs_add(j->docs, j->found->v[it->k], NULL, NULL, NULL, NULL);
		e->state = RP_DOC_BAD;
		e->message = rp_docs_str(j->docs, it->err.msg);
		return;
	}
	j->worst = worse(j->worst, cmd_corrections_apply(j->cc, &it->doc, &it->t, 0));
	for (size_t i = 0; i < it->t.n; i++)
		kz_table_add(j->t, &it->t.v[i]);
	e = rp_docs_add(j->docs, it->doc.path, it->doc.meta.title, it->doc.meta.publisher, it->doc.meta.date,
			it->doc.meta.url);
	e->pages = (int)it->doc.npages;
	e->nclaims = it->t.n;
	e->state = e->nclaims ? RP_DOC_OK : RP_DOC_NO_FIGURES;
	if (it->sha256[0])
		e->sha256 = rp_docs_str(j->docs, it->sha256);
}

/* Before the workers start: each document's key in the store and whether a correction names it. */
static void prepare_store(struct load_job *j)
{
	size_t n = j->found->n;

	j->keys = kz_xcalloc(n ? n : 1, sizeof *j->keys);
	j->named = kz_xcalloc(n ? n : 1, 1);
	for (size_t k = 0; k < n; k++) {
		struct ex_doc stub;
		j->keys[k] = realpath(j->found->v[k], NULL);
		ex_doc_init(&stub);
		stub.path = kz_xstrdup(j->found->v[k]);
		stub.name = kz_xstrdup(j->found->rel && j->found->rel[k] ? j->found->rel[k] : kz_path_base(j->found->v[k]));
		j->named[k] = j->cc && cmd_corrections_name(j->cc, &stub);
		ex_doc_release(&stub);
	}
}

int cmd_load_inputs(const char *const *paths, int n, struct cmd_load *how, struct kz_table *t,
		    struct rp_docs *docs)
{
	struct kz_strlist other = {0};
	struct ex_sources src;
	struct ex_paths found = {0};
	struct ex_lexicon *lx = NULL;
	struct kz_err err;
	int worst = 0, nbad = 0, rc;

	for (int i = 0; i < n; i++) {
		if (kz_is_claims_csv(paths[i])) {
			size_t from = t->n;
			if (kz_claims_read_csv(t, paths[i], row_warned, &worst, &err)) {
				kz_err_print(&err);
				worst = worse(worst, err.code);
				t->n = from; /* a broken table is left out whole */
				continue;
			}
			docs_from_table(t, from, docs);
		} else {
			kz_strlist_push(&other, paths[i]);
		}
	}
	if (other.n) {
		ex_sources_init(&src);
		ex_collect((char **)other.v, other.n, &found, &src, collect_err, docs, &nbad, &worst);
		/* without the user's lexicon the figures would be wrong: none then */
		if ((rc = cmd_lexicon(how->lexicons, &lx)) != 0)
			worst = worse(worst, rc);
		if (lx) {
			struct load_job j;
			struct ex_batch b;
			memset(&j, 0, sizeof j);
			j.found = &found;
			j.src = &src;
			j.lx = lx;
			j.cc = how->cc;
			j.t = t;
			j.docs = docs;
			j.how = how;
			/* progress on a terminal only: a log or a pipe gets no carriage returns */
			j.progress = found.n > 1 && isatty(STDERR_FILENO);
			memset(&b, 0, sizeof b);
			b.lx = lx;
			b.paths = &found;
			b.src = &src;
			b.jobs = how->jobs;
			b.done = take_doc;
			b.arg = &j;
			if (how->store || how->store_for_save) {
				prepare_store(&j);
				b.skip = skip_stored;
			}
			ex_batch_run(&b);
			worst = worse(worst, worse(b.worst, j.worst));
			if (j.progress)
				fprintf(stderr, "\r\033[K");
			/* the keys of this run's documents: the store keeps them, forgets the others */
			for (size_t k = 0; j.keys && k < found.n; k++)
				if (j.keys[k])
					kz_strlist_push(&how->keys, j.keys[k]); /* now how->keys' */
			free(j.keys);
			free(j.named);
		}
		ex_lexicon_free(lx);
		ex_paths_release(&found);
		ex_sources_release(&src);
	}
	kz_strlist_release(&other);
	{
		/* overlapping tables: a claim read twice is one claim */
		const char *rep;
		size_t nrep = kz_table_drop_repeats(t, 0, &rep);
		if (nrep)
			kz_warn("%zu claim%s repeat%s an id read before (the first: %s); each claim counts once", nrep,
				nrep == 1 ? "" : "s", nrep == 1 ? "s" : "", rep);
	}
	return worst;
}

int cmd_check_claims(const struct kz_table *t, const struct rp_docs *docs, int lang_en,
		     struct st_result *res)
{
	struct st_rates fx;
	struct st_docinfo di;
	struct st_options so;
	struct kz_err err;
	int rc, have_fx;

	st_rates_init(&fx);
	have_fx = st_rates_builtin(&fx, &err) == 0;
	if (!have_fx)
		kz_err_print(&err);
	st_docinfo_init(&di);
	for (size_t i = 0; i < docs->n; i++)
		if (*docs->v[i].date)
			st_docinfo_add(&di, docs->v[i].path, docs->v[i].date);
	st_options_init(&so);
	so.lang = lang_en ? ST_LANG_EN : ST_LANG_DE;
	rc = st_check(t, have_fx ? &fx : NULL, &di, &so, res, &err);
	if (rc)
		kz_err_print(&err);
	st_docinfo_release(&di);
	st_rates_release(&fx);
	return rc;
}

/* SOURCE_DATE_EPOCH when set (reproducible output), else now; shared with run. */
long long cmd_gen_date(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (e && *e) {
		v = strtoll(e, &end, 10);
		if (!*end && v >= 0)
			return v;
		kz_warn("SOURCE_DATE_EPOCH: '%s' is not a number of seconds; using the current time", e);
	}
	return (long long)time(NULL);
}

int cmd_report_args(const char *cmd, const char *what, int npos, const char *lang, const char *select,
		    const char *jobs, int *njobs, struct rp_select *sel)
{
	struct kz_err err;

	if (ex_batch_jobs(jobs, njobs)) {
		kz_warn("%s: -j takes a number of jobs from 1 to 256", cmd);
		return KZ_EXIT_USAGE;
	}

	if (npos == 0 || (lang && strcmp(lang, "de") && strcmp(lang, "en"))) {
		if (npos == 0)
			kz_warn("%s: no %s given (see --help)", cmd, what);
		else
			kz_warn("%s: --lang takes de or en", cmd);
		return KZ_EXIT_USAGE;
	}
	if (select && rp_select_parse(sel, select, &err)) {
		kz_warn("%s: %s", cmd, err.msg);
		rp_select_release(sel);
		return KZ_EXIT_USAGE;
	}
	return 0;
}

int cmd_report(int argc, char **argv)
{
	const char *out = "factsheet.pdf", *title = NULL, *lang = NULL, *charts = NULL, *select = NULL,
		   *layout = NULL, *jobs = NULL;
	struct kz_strlist pos = {0}, lexicons = {0};
	int no_corr = 0;
	const struct kz_opt opts[] = {
		{'o', "output", "FILE", "write the fact sheet to FILE (default: factsheet.pdf; - for stdout)", KZ_OPT_STRING, &out},
		{0, "title", "T", "title of the fact sheet", KZ_OPT_STRING, &title},
		{0, "lexicon", "FILE", "add lexicon entries from a TSV file (repeatable)", KZ_OPT_LIST, &lexicons},
		{0, "lang", "de|en", "language of texts and number format (default: de)", KZ_OPT_STRING, &lang},
		{0, "charts", "DIR", "also write every chart as SVG and PNG into DIR", KZ_OPT_STRING, &charts},
		{0, "select", "K=V,...", "only claims matching: indicator, detail, subject, partner, unit, year, doc", KZ_OPT_STRING, &select},
		{0, "no-corrections", NULL, "do not apply the corrections.csv beside the documents (the raw extraction)", KZ_OPT_FLAG, &no_corr},
		{0, "layout", "FILE", "write a text dump of the layout (pages, text boxes, charts) to FILE", KZ_OPT_STRING, &layout},
		{'j', "jobs", "N", "extract N documents at once (default: one per processor)", KZ_OPT_STRING, &jobs},
		{0, NULL, NULL, NULL, 0, NULL},
	};
	struct rp_options ro;
	struct rp_select sel = {0};
	struct rp_docs docs;
	struct kz_table t;
	struct kz_buf dump = KZ_BUF_INIT;
	struct st_result res;
	struct kz_err err;
	struct cmd_corrections cc = {0};
	struct cmd_load how = {.lexicons = &lexicons, .cc = NULL, .jobs = 1};
	int rc, worst;

	rc = kz_opts_parse("kennzahl report [-o FILE.pdf] [--title T] [--lang de|en] [--charts DIR] [--select K=V,...] INPUT...",
			   "Renders a PDF fact sheet: key figures per country, comparison charts,\n"
			   "findings and an appendix with every claim, its quote and its source.\n"
			   "INPUT: documents or folders (as for extract), or claims CSV files; the\n"
			   "sources.csv beside the documents supplies titles, publishers and dates.\n"
			   "SOURCE_DATE_EPOCH fixes the generation date (reproducible output).",
			   opts, argc, argv, &pos);
	if (rc) {
		kz_strlist_release(&pos);
		kz_strlist_release(&lexicons);
		return rc == 1 ? KZ_EXIT_OK : KZ_EXIT_USAGE;
	}
	rp_options_init(&ro);
	if ((rc = cmd_report_args("report", "INPUT", pos.n, lang, select, jobs, &how.jobs, &sel)) != 0) {
		kz_strlist_release(&pos);
		kz_strlist_release(&lexicons);
		return rc;
	}
	ro.lang = lang && !strcmp(lang, "en") ? PL_EN : PL_DE;
	ro.title = title;
	ro.charts_dir = charts;
	ro.date = cmd_gen_date();
	ro.dump = layout ? &dump : NULL;
	kz_table_init(&t);
	rp_docs_init(&docs);
	worst = no_corr ? 0 : cmd_corrections_load(&cc, pos.v, pos.n);
	how.cc = no_corr ? NULL : &cc;
	worst = worse(worst, cmd_load_inputs(pos.v, pos.n, &how, &t, &docs));
	worst = worse(worst, cmd_corrections_finish(&cc));
	cmd_corrections_release(&cc);
	if (worst && t.n == 0 && docs.n == 0) {
		/* nothing could be read: an empty sheet would look like an answer */
		kz_warn("%s: nothing was read; no fact sheet written", out);
		rc = -1;
	} else if (select && (kz_table_filter(&t, rp_select_keep, &sel), t.n == 0)) {
		/* an empty sheet would say the sources hold nothing of the kind */
		kz_warn("--select %s matches no claim; no fact sheet written", select);
		worst = worse(worst, KZ_EXIT_INPUT);
		rc = -1;
	} else {
		st_result_init(&res);
		if (cmd_check_claims(&t, &docs, ro.lang == PL_EN, &res))
			worst = worse(worst, KZ_EXIT_INPUT);
		rc = rp_factsheet_write(out, &t, &docs, &res, &ro, &err);
		st_result_release(&res);
	}
	if (rc > 0) {
		kz_err_print(&err);
		worst = KZ_EXIT_SYSTEM;
	}
	if (!rc && layout) {
		struct kz_out o;
		if (kz_out_open(&o, layout, &err) ||
		    (fwrite(dump.s ? dump.s : "", 1, dump.len, o.f), kz_out_commit(&o, &err))) {
			kz_err_print(&err);
			worst = KZ_EXIT_SYSTEM;
		}
	}
	kz_buf_release(&dump);
	kz_table_release(&t);
	rp_docs_release(&docs);
	rp_select_release(&sel);
	kz_strlist_release(&pos);
	kz_strlist_release(&lexicons);
	return worst;
}
