/*
 * cmd_correct.c: `kennzahl correct` — record an analyst's decisions in corrections.csv (from
 * an edited claims table or the command line) and list them with their state; and the
 * corrections every reading command applies to the documents it extracts.
 */
#include "cmds.h"
#include "core/corrections.h"
#include "core/opts.h"
#include "extract/extract.h"
#include "reports/reports.h"

#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* --- shared by extract, check, report and run --- */

static void print_warning(const struct kz_err *err, void *arg)
{
	int *worst = arg;

	kz_err_print(err);
	if (worst && err->code > *worst)
		*worst = err->code;
}

int cmd_corrections_load(struct cmd_corrections *cc, const char *const *paths, int n)
{
	struct kz_err err;
	int worst = 0, rc;

	memset(cc, 0, sizeof(*cc));
	cc->v = kz_xcalloc((size_t)n + 1, sizeof(*cc->v));
	for (int i = 0; i < n; i++) {
		struct kz_corrections *c;
		if (kz_is_claims_csv(paths[i]))
			continue; /* a claims table is read as it stands */
		c = &cc->v[cc->n++];
		kz_corrections_init(c);
		rc = kz_corrections_load(c, paths[i], &err);
		/* two files given from one folder share its corrections.csv: read once */
		for (int k = 0; k + 1 < cc->n; k++)
			if (!strcmp(cc->v[k].path, c->path) && !strcmp(cc->v[k].prefix, c->prefix)) {
				kz_corrections_release(c);
				cc->n--;
				rc = -1;
				break;
			}
		if (rc > 0) {
			kz_err_print(&err);
			worst = err.code > worst ? err.code : worst;
		}
	}
	cc->worst = worst;
	return worst;
}

void cmd_corrections_release(struct cmd_corrections *cc)
{
	for (int i = 0; cc && i < cc->n; i++)
		kz_corrections_release(&cc->v[i]);
	if (cc)
		free(cc->v);
}

/* The corrections that hold for doc (the first folder given that holds it), or NULL. */
static struct kz_corrections *corrections_for(struct cmd_corrections *cc, const struct ex_doc *doc)
{
	const char *name = doc->name ? doc->name : kz_path_base(doc->path);

	for (int i = 0; cc && i < cc->n; i++)
		if (kz_corrections_cover(&cc->v[i], doc->path, name))
			return &cc->v[i];
	return NULL;
}

int cmd_corrections_name(struct cmd_corrections *cc, const struct ex_doc *doc)
{
	struct kz_corrections *c = corrections_for(cc, doc);
	const char *name = doc->name ? doc->name : kz_path_base(doc->path);

	for (size_t i = 0; c && i < c->n; i++)
		if (!strcmp(c->v[i].file, name))
			return 1;
	return 0;
}

int cmd_corrections_apply(struct cmd_corrections *cc, const struct ex_doc *doc, struct kz_table *t, size_t from)
{
	struct kz_corrections *c = corrections_for(cc, doc);
	struct kz_claim tmpl;
	int rc, worst = 0;

	if (!c || !c->n)
		return 0;
	memset(&tmpl, 0, sizeof tmpl);
	tmpl.doc = doc->path;
	tmpl.title = doc->meta.title ? doc->meta.title : "";
	tmpl.publisher = doc->meta.publisher ? doc->meta.publisher : "";
	tmpl.published = doc->meta.date ? doc->meta.date : "";
	tmpl.url = doc->meta.url ? doc->meta.url : "";
	rc = kz_corrections_apply(c, t, from, doc->name ? doc->name : kz_path_base(doc->path), doc->text, doc->len,
				  &tmpl, print_warning, &worst);
	/* an added figure's page, from where its quote was found */
	for (size_t i = from; i < t->n; i++)
		if (!strcmp(t->v[i].review, "added") && !t->v[i].page)
			t->v[i].page = ex_doc_page(doc, t->v[i].start);
	return rc ? rc : worst;
}

int cmd_corrections_finish(struct cmd_corrections *cc)
{
	for (int i = 0; cc && i < cc->n; i++)
		kz_corrections_finish(&cc->v[i], print_warning, NULL);
	return cc ? cc->worst : 0;
}

/* --- the command --- */

/* "partner=US;year=2020": the fields a correction gives, for --list. */
static void fields_text(const struct kz_correction *k, struct kz_buf *b)
{
	kz_buf_reset(b);
	kz_buf_adds(b, "");
	for (int j = 0; j < KZ_CF__N; j++)
		if (*k->f[j])
			kz_buf_addf(b, "%s%s=%s", b->len ? ";" : "", kz_corr_field_names[j], k->f[j]);
}

static int list(struct cmd_corrections *cc)
{
	cmd_corrections_write_list(cc, stdout);
	return fflush(stdout) ? KZ_EXIT_SYSTEM : KZ_EXIT_OK;
}

void cmd_corrections_write_list(struct cmd_corrections *cc, FILE *f)
{
	struct kz_csv_writer w;
	struct kz_buf b = KZ_BUF_INIT;
	static const char *const cols[] = {"state", "corrections", "line", "action", "id", "file",
					   "quote", "fields", "why", "note", NULL};

	kz_csv_writer_init(&w, f, KZ_CSV_PLAIN);
	for (int j = 0; cols[j]; j++)
		kz_csv_field(&w, cols[j]);
	kz_csv_endrow(&w);
	for (int i = 0; i < cc->n; i++) {
		struct kz_corrections *c = &cc->v[i];
		kz_corrections_finish(c, NULL, NULL);
		for (size_t k = 0; k < c->n; k++) {
			const struct kz_correction *r = &c->v[k];
			char file[4096];
			snprintf(file, sizeof file, "%s%s", c->prefix, r->file);
			fields_text(r, &b);
			kz_csv_field(&w, kz_corr_state_name(r->state));
			kz_csv_field(&w, c->path);
			kz_csv_int(&w, r->line);
			kz_csv_field(&w, kz_corr_action_name(r->action));
			kz_csv_field(&w, r->id);
			kz_csv_field(&w, file);
			kz_csv_field(&w, r->quote);
			kz_csv_field(&w, b.s);
			kz_csv_field(&w, r->why);
			kz_csv_field(&w, r->note);
			kz_csv_endrow(&w);
		}
	}
	kz_buf_release(&b);
}

/* The corrections that hold for the document doc of the claims table (by its path), or NULL;
 * *name: the document's name in them. */
static struct kz_corrections *owner(struct cmd_corrections *cc, const char *doc, const char **name)
{
	for (int i = 0; i < cc->n; i++) {
		size_t pl = strlen(cc->v[i].prefix);
		if (!strncmp(doc, cc->v[i].prefix, pl)) {
			*name = doc + pl;
			return &cc->v[i];
		}
	}
	return NULL;
}

static int same_num(double a, double b)
{
	return a == b || fabs(a - b) <= 1e-12 * (fabs(a) > fabs(b) ? fabs(a) : fabs(b));
}

/* An added row's document: its doc as written in the table, else the document read whose path
 * ends in the same name (the table was made before the corpus moved). *path: the document's
 * path now. */
static struct kz_corrections *owner_doc(struct cmd_corrections *cc, const struct rp_docs *docs, const char *doc,
					const char **name, const char **path)
{
	struct kz_corrections *c;

	if (rp_docs_find(docs, doc) && (c = owner(cc, doc, name)) != NULL) {
		*path = doc;
		return c;
	}
	for (const char *p = doc; p; p = strchr(p, '/') ? strchr(p, '/') + 1 : NULL)
		for (size_t i = 0; i < docs->n; i++) {
			size_t dl = strlen(docs->v[i].path), pl = strlen(p);
			if (dl >= pl && !strcmp(docs->v[i].path + dl - pl, p) &&
			    (dl == pl || docs->v[i].path[dl - pl - 1] == '/') &&
			    (c = owner(cc, docs->v[i].path, name)) != NULL) {
				*path = docs->v[i].path;
				return c;
			}
		}
	return NULL;
}

/* Is the quote in the document at path? */
static int quote_in(const char *path, const char *quote)
{
	struct ex_doc d;
	struct kz_err err;
	struct kz_table t;
	struct kz_corrections probe;
	struct kz_correction k;
	struct kz_claim tmpl;
	int found;

	ex_doc_init(&d);
	if (ex_doc_load(&d, path, &err))
		return 0;
	kz_corrections_init(&probe);
	probe.prefix = kz_xstrdup("");
	probe.path = kz_xstrdup("");
	memset(&k, 0, sizeof k);
	k.action = KZ_CA_ADD;
	k.id = k.note = "";
	k.file = "d";
	k.quote = quote;
	for (int j = 0; j < KZ_CF__N; j++)
		k.f[j] = "";
	kz_corrections_record(&probe, &k);
	kz_table_init(&t);
	memset(&tmpl, 0, sizeof tmpl);
	tmpl.doc = tmpl.title = tmpl.publisher = tmpl.published = tmpl.url = "";
	kz_corrections_apply(&probe, &t, 0, "d", d.text, d.len, &tmpl, NULL, NULL);
	found = probe.v[0].state == KZ_CS_APPLIED;
	kz_table_release(&t);
	kz_corrections_release(&probe);
	ex_doc_release(&d);
	return found;
}

/*
 * --from: the edited table against the claims as extracted and corrected so far. Each changed
 * field becomes a set, each row gone from a document the table still holds a reject, each row
 * with a quote and no id an add. Every row is checked first; one bad row and nothing is
 * recorded (the errors, up to KZ_ROWS_NAMED, are named by line).
 */
static int from_table(struct cmd_corrections *cc, const struct kz_table *base, const struct rp_docs *docs,
		      const char *edited)
{
	struct kz_table e;
	struct kz_err err;
	GHashTable *by_id = g_hash_table_new(g_str_hash, g_str_equal), *seen_id, *files;
	int bad = 0, rc = 0;
	size_t nset = 0, nrej = 0, nadd = 0, nconf = 0, i;
	char why[256], num[64], cur[64];

	kz_table_init(&e);
	seen_id = g_hash_table_new(g_str_hash, g_str_equal);
	files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	if (kz_claims_read_csv(&e, edited, NULL, NULL, &err)) {
		kz_err_print(&err);
		rc = err.code;
		goto out;
	}
	for (i = 0; i < base->n; i++)
		g_hash_table_insert(by_id, (gpointer)base->v[i].id, (gpointer)&base->v[i]);
	/* pass 1: check every row; pass 2: record */
	for (int pass = 0; pass < 2 && !bad; pass++) {
		for (i = 0; i < e.n; i++) {
			const struct kz_claim *r = &e.v[i];
			const struct kz_claim *b;
			struct kz_correction k;
			struct kz_corrections *c;
			const char *name;
			const char *val[KZ_CF__N];
			int j, changed = 0;

			memset(&k, 0, sizeof k);
			k.id = k.note = "";
			val[KZ_CF_VALUE] = val[KZ_CF_LOW] = val[KZ_CF_HIGH] = "";
			val[KZ_CF_UNIT] = r->unit;
			val[KZ_CF_QUALIFIER] = kz_qual_name(r->qual);
			val[KZ_CF_INDICATOR] = kz_ind_name(r->ind);
			val[KZ_CF_DETAIL] = r->detail;
			val[KZ_CF_STATUS] = kz_status_name(r->status);
			val[KZ_CF_SUBJECT] = r->subject;
			val[KZ_CF_PARTNER] = r->partner;
			val[KZ_CF_YEAR] = r->year;
			val[KZ_CF_SOURCE] = r->source;
			for (j = 0; j < KZ_CF__N; j++)
				if (kz_corr_field_problem((enum kz_corr_field)j, val[j], KZ_CSV_PLAIN, why, sizeof why)) {
					kz_err_set(&err, KZ_EINPUT, edited, r->line, "%s", why);
					goto bad_row;
				}
			if (!*r->id) {
				if (!*r->quote) {
					kz_err_set(&err, KZ_EINPUT, edited, r->line,
						   "a row without id needs the quote of the figure it adds");
					goto bad_row;
				}
				const char *path;
				if (!(c = owner_doc(cc, docs, r->doc, &name, &path))) {
					kz_err_set(&err, KZ_EINPUT, edited, r->line,
						   "doc '%s' of the added figure is none of the documents given", r->doc);
					goto bad_row;
				}
				if (!pass && !quote_in(path, r->quote)) {
					kz_err_set(&err, KZ_EINPUT, edited, r->line, "the quote '%s' is not in %s", r->quote,
						   path);
					goto bad_row;
				}
				if (pass) {
					k.action = KZ_CA_ADD;
					k.file = name;
					k.quote = r->quote;
					for (j = 0; j < KZ_CF__N; j++)
						k.f[j] = val[j];
					kz_fmt_double(num, sizeof num, r->value, '.');
					k.f[KZ_CF_VALUE] = num;
					char lo[64], hi[64];
					kz_fmt_double(lo, sizeof lo, r->low, '.');
					kz_fmt_double(hi, sizeof hi, r->high, '.');
					k.f[KZ_CF_LOW] = lo;
					k.f[KZ_CF_HIGH] = hi;
					kz_corrections_record(c, &k);
					nadd++;
				}
				continue;
			}
			b = g_hash_table_lookup(by_id, r->id);
			if (!b) {
				kz_err_set(&err, KZ_EINPUT, edited, r->line,
					   "no claim with id '%s' in the documents given (an added figure has no id)", r->id);
				goto bad_row;
			}
			if (!(c = owner(cc, b->doc, &name))) {
				kz_err_set(&err, KZ_EINPUT, edited, r->line, "doc '%s' lies in none of the folders given", b->doc);
				goto bad_row;
			}
			if (!pass)
				continue;
			g_hash_table_add(seen_id, (gpointer)b->id);
			g_hash_table_add(files, g_strdup(name));
			k.action = KZ_CA_SET;
			k.id = b->id;
			k.file = name;
			k.quote = b->quote;
			for (j = 0; j < KZ_CF__N; j++)
				k.f[j] = "";
			/* numbers compared as numbers, the rest as written; an emptied text field is "-" */
			char vs[3][64];
			const double nv[3] = {r->value, r->low, r->high}, ov[3] = {b->value, b->low, b->high};
			const int nf[3] = {KZ_CF_VALUE, KZ_CF_LOW, KZ_CF_HIGH};
			for (j = 0; j < 3; j++)
				if (!same_num(nv[j], ov[j])) {
					kz_fmt_double(vs[j], sizeof vs[j], nv[j], '.');
					k.f[nf[j]] = vs[j];
					changed = 1;
				}
			for (j = KZ_CF_UNIT; j < KZ_CF__N; j++) {
				if (j == KZ_CF_LOW || j == KZ_CF_HIGH)
					continue;
				if (strcmp(val[j], kz_claim_field(b, (enum kz_corr_field)j, cur, sizeof cur))) {
					k.f[j] = *val[j] ? val[j] : "-";
					changed = 1;
				}
			}
			if (changed) {
				kz_corrections_record(c, &k);
				nset++;
			} else if (!strcmp(r->review, "confirmed") && strcmp(b->review, "confirmed")) {
				k.action = KZ_CA_CONFIRM;
				kz_corrections_record(c, &k);
				nconf++;
			}
			continue;
bad_row:
			if (!pass) {
				if (bad < KZ_ROWS_NAMED)
					kz_err_print(&err);
				bad++;
			}
		}
	}
	if (bad) {
		kz_warn("%s: %d bad row%s; nothing recorded", edited, bad, bad == 1 ? "" : "s");
		rc = KZ_EXIT_INPUT;
		goto out;
	}
	/* rows gone from a document the table still holds: rejected */
	for (i = 0; i < base->n; i++) {
		const struct kz_claim *b = &base->v[i];
		struct kz_corrections *c;
		const char *name;
		if (g_hash_table_contains(seen_id, b->id) || !(c = owner(cc, b->doc, &name)) ||
		    !g_hash_table_contains(files, name))
			continue;
		struct kz_correction k;
		memset(&k, 0, sizeof k);
		k.action = KZ_CA_REJECT;
		k.id = b->id;
		k.file = name;
		k.quote = b->quote;
		k.note = "";
		for (int j = 0; j < KZ_CF__N; j++)
			k.f[j] = "";
		kz_corrections_record(c, &k);
		nrej++;
	}
	for (int k = 0; k < cc->n; k++)
		if (cc->v[k].n && kz_corrections_write(&cc->v[k], &err)) {
			kz_err_print(&err);
			rc = KZ_EXIT_SYSTEM;
		}
	if (!rc)
		printf("%zu set, %zu rejected, %zu added, %zu confirmed\n", nset, nrej, nadd, nconf);
out:
	g_hash_table_destroy(by_id);
	g_hash_table_destroy(seen_id);
	g_hash_table_destroy(files);
	kz_table_release(&e);
	return rc;
}

/* ID field=value…, --reject ID, --confirm ID: the claim must exist in DIR's documents as they
 * stand (corrections applied), and every value must be valid. */
static int from_args(struct cmd_corrections *cc, const struct kz_table *base, const struct kz_strlist *pos,
		     const struct kz_strlist *rejects, const struct kz_strlist *confirms, const char *note)
{
	struct kz_corrections *c = &cc->v[0];
	struct kz_err err;
	char why[256];
	int n = 0;

	for (int pass = 0; pass < 3; pass++) {
		const struct kz_strlist *ids = pass == 0 ? rejects : pass == 1 ? confirms : pos;
		for (int i = 0; i < (pass == 2 ? (ids->n ? 1 : 0) : ids->n); i++) {
			const struct kz_claim *b = NULL;
			struct kz_correction k;
			const char *name;
			memset(&k, 0, sizeof k);
			for (int j = 0; j < KZ_CF__N; j++)
				k.f[j] = "";
			for (size_t j = 0; j < base->n && !b; j++)
				if (!strcmp(base->v[j].id, ids->v[i]))
					b = &base->v[j];
			if (!b || !owner(cc, b->doc, &name)) {
				kz_warn("correct: no claim '%s' in the documents of %s (kennzahl extract %s lists the ids)",
					ids->v[i], *c->prefix ? c->prefix : ".", *c->prefix ? c->prefix : ".");
				return KZ_EXIT_INPUT;
			}
			k.action = pass == 0 ? KZ_CA_REJECT : pass == 1 ? KZ_CA_CONFIRM : KZ_CA_SET;
			k.id = b->id;
			k.file = name;
			k.quote = b->quote;
			k.note = note ? note : "";
			if (pass == 2) {
				if (pos->n < 2) {
					kz_warn("correct: %s: no field=value given", ids->v[0]);
					return KZ_EXIT_USAGE;
				}
				for (int a = 1; a < pos->n; a++) {
					const char *eq = strchr(pos->v[a], '=');
					char field[32];
					int f;
					if (!eq || (size_t)(eq - pos->v[a]) >= sizeof field) {
						kz_warn("correct: '%s' is not field=value", pos->v[a]);
						return KZ_EXIT_USAGE;
					}
					snprintf(field, sizeof field, "%.*s", (int)(eq - pos->v[a]), pos->v[a]);
					if ((f = kz_corr_field_parse(field)) < 0) {
						kz_warn("correct: '%s' is not a field one may set (value, unit, low, high, "
							"qualifier, indicator, detail, status, subject, partner, year, source)",
							field);
						return KZ_EXIT_USAGE;
					}
					if (kz_corr_field_problem((enum kz_corr_field)f, eq + 1, KZ_CSV_PLAIN, why, sizeof why)) {
						kz_warn("correct: %s", why);
						return KZ_EXIT_INPUT;
					}
					k.f[f] = *(eq + 1) ? eq + 1 : "-";
				}
				/* the claim as it would become must hold low <= value <= high */
				{
					struct kz_corrections probe;
					struct kz_table one;
					struct kz_claim tmpl;
					int rc;
					kz_corrections_init(&probe);
					probe.prefix = kz_xstrdup("");
					probe.path = kz_xstrdup("correct");
					kz_corrections_record(&probe, &k);
					kz_table_init(&one);
					kz_table_add(&one, b);
					memset(&tmpl, 0, sizeof tmpl);
					rc = kz_corrections_apply(&probe, &one, 0, name, NULL, 0, &tmpl, print_warning, NULL);
					kz_table_release(&one);
					kz_corrections_release(&probe);
					if (rc)
						return KZ_EXIT_INPUT;
				}
			}
			kz_corrections_record(c, &k);
			n++;
		}
	}
	if (!n) {
		kz_warn("correct: nothing to record (see --help)");
		return KZ_EXIT_USAGE;
	}
	if (kz_corrections_write(c, &err)) {
		kz_err_print(&err);
		return KZ_EXIT_SYSTEM;
	}
	printf("%s: %d decision%s recorded\n", c->path, n, n == 1 ? "" : "s");
	return KZ_EXIT_OK;
}

int cmd_correct(int argc, char **argv)
{
	const char *from = NULL, *dir = NULL, *note = NULL;
	int do_list = 0, rc;
	struct kz_strlist pos = {0}, rejects = {0}, confirms = {0}, lexicons = {0};
	const struct kz_opt opts[] = {
		{0, "from", "EDITED.csv", "record the edits of a claims table against the documents under PATH", KZ_OPT_STRING, &from},
		{0, "list", NULL, "list the corrections of PATH with their state (applied, reanchored, orphaned)", KZ_OPT_FLAG, &do_list},
		{0, "reject", "ID", "record that claim ID is no claim (repeatable)", KZ_OPT_LIST, &rejects},
		{0, "confirm", "ID", "record that claim ID is right as extracted (repeatable)", KZ_OPT_LIST, &confirms},
		{'C', "dir", "DIR", "the folder of the documents and their corrections.csv (default: .)", KZ_OPT_STRING, &dir},
		{0, "note", "TEXT", "a note kept with the decisions recorded", KZ_OPT_STRING, &note},
		{0, "lexicon", "FILE", "add lexicon entries from a TSV file (repeatable)", KZ_OPT_LIST, &lexicons},
		{0, NULL, NULL, NULL, 0, NULL},
	};
	struct cmd_corrections cc;
	struct kz_table base;
	struct rp_docs docs;
	const char *here[1];

	rc = kz_opts_parse("kennzahl correct [-C DIR] ID field=value... | --reject ID | --confirm ID\n"
			   "       kennzahl correct --from EDITED.csv PATH...\n"
			   "       kennzahl correct --list PATH...",
			   "Records an analyst's decisions in corrections.csv beside the documents, where\n"
			   "extract, check, report and run apply them: from an edited claims table (a\n"
			   "changed field is a set, a deleted row a reject, a row with a quote and no id an\n"
			   "add), or one claim at a time by its id. --list shows each correction's state.",
			   opts, argc, argv, &pos);
	if (rc) {
		rc = rc == 1 ? KZ_EXIT_OK : KZ_EXIT_USAGE;
		goto done;
	}
	if ((from || do_list) && (pos.n == 0 || rejects.n || confirms.n || dir || (from && do_list))) {
		kz_warn("correct: --from and --list take PATH... and nothing else (see --help)");
		rc = KZ_EXIT_USAGE;
		goto done;
	}
	if (!from && !do_list && !pos.n && !rejects.n && !confirms.n) {
		kz_warn("correct: nothing to do (see --help)");
		rc = KZ_EXIT_USAGE;
		goto done;
	}
	here[0] = dir ? dir : ".";
	if ((rc = cmd_corrections_load(&cc, from || do_list ? pos.v : here, from || do_list ? pos.n : 1)) != 0) {
		cmd_corrections_release(&cc);
		goto done;
	}
	/* the claims as they stand: extracted, the corrections recorded so far applied */
	kz_table_init(&base);
	rp_docs_init(&docs);
	{
		struct cmd_load how = {.lexicons = &lexicons, .cc = &cc, .jobs = 1};
		ex_batch_jobs(NULL, &how.jobs);
		rc = cmd_load_inputs(from || do_list ? pos.v : here, from || do_list ? pos.n : 1, &how, &base, &docs);
	}
	if (do_list)
		rc = list(&cc) ? KZ_EXIT_SYSTEM : rc;
	else if (rc)
		kz_warn("correct: the documents could not all be read; nothing recorded");
	else if (from)
		rc = from_table(&cc, &base, &docs, from);
	else
		rc = from_args(&cc, &base, &pos, &rejects, &confirms, note);
	kz_table_release(&base);
	rp_docs_release(&docs);
	cmd_corrections_release(&cc);
done:
	kz_strlist_release(&pos);
	kz_strlist_release(&rejects);
	kz_strlist_release(&confirms);
	kz_strlist_release(&lexicons);
	return rc;
}
