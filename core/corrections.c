/*
 * corrections.c: corrections.csv — an analyst's decisions about claims — read, validated,
 * applied to a document's claims and written back.
 *
 *  1. Reading (kz_corrections_read): the file is parsed whole (either dialect) and every row
 *     is validated before any is kept: the action, the fields against the contract's
 *     vocabularies (unit, qualifier, indicator, status) and formats (country codes, years,
 *     numbers in the file's decimal). The first bad row is the error; a bad file gives no
 *     corrections at all, so nothing is applied from it.
 *  2. Applying (kz_corrections_apply), per document, in file order: a confirm, set or reject
 *     finds its claim by id, else by file and quote when exactly one claim of the document
 *     has that quote (the figure's sentence was edited); an add finds its quote in the text.
 *     What is not found is orphaned, with the reason. Rejected claims are dropped at the end.
 *  3. Writing (kz_corrections_write): the whole set, through a temporary renamed over the
 *     file (kz_out), so corrections.csv is never left half-written.
 * Memory: the rows and their strings (one arena); applying is linear in the document's
 * claims times the corrections naming that document.
 */
#include "corrections.h"

#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *const kz_corr_field_names[] = {"value",     "unit",   "low",     "high",
					   "qualifier", "indicator", "detail", "status",
					   "subject",   "partner", "year",    "source", NULL};
static const char *const action_names[] = {"confirm", "reject", "set", "add"};
static const char *const state_names[] = {"pending", "applied", "reanchored", "orphaned"};
static const char *const review_names[] = {"confirmed", "", "corrected", "added"};

/* corrections.csv's columns, in their order. */
enum { C_ID, C_ACTION, C_FILE, C_QUOTE, C_FIELDS, C_NOTE = C_FIELDS + KZ_CF__N, C__N };
static const char *column_name(int k)
{
	static const char *const fixed[] = {"id", "action", "file", "quote"};
	if (k < C_FIELDS)
		return fixed[k];
	if (k < C_NOTE)
		return kz_corr_field_names[k - C_FIELDS];
	return "note";
}

int kz_corr_field_parse(const char *name)
{
	for (int i = 0; i < KZ_CF__N; i++)
		if (!strcmp(name, kz_corr_field_names[i]))
			return i;
	return -1;
}

const char *kz_corr_action_name(enum kz_corr_action a)
{
	return (unsigned)a < KZ_CA__N ? action_names[a] : "set";
}

const char *kz_corr_state_name(enum kz_corr_state s)
{
	return (unsigned)s <= KZ_CS_ORPHANED ? state_names[s] : "pending";
}

void kz_corrections_init(struct kz_corrections *c)
{
	memset(c, 0, sizeof(*c));
	kz_arena_init(&c->arena);
}

void kz_corrections_release(struct kz_corrections *c)
{
	free(c->v);
	free(c->path);
	free(c->prefix);
	kz_arena_release(&c->arena);
	memset(c, 0, sizeof(*c));
}

/* Drop the rows (a bad file gives none), keeping path and prefix. */
static void drop_rows(struct kz_corrections *c)
{
	c->n = 0;
	kz_arena_release(&c->arena);
	kz_arena_init(&c->arena);
}

/* --- validation --- */

static int is_text_field(enum kz_corr_field f)
{
	return f == KZ_CF_DETAIL || f == KZ_CF_SUBJECT || f == KZ_CF_PARTNER || f == KZ_CF_YEAR ||
	       f == KZ_CF_SOURCE;
}

static int digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* `2020`, `2016-2020` (not falling), `1950s`. */
static int year_ok(const char *y)
{
	size_t n = strlen(y);

	if (n == 4)
		return digits(y, 4);
	if (n == 5)
		return digits(y, 4) && y[3] == '0' && y[4] == 's';
	if (n == 9)
		return digits(y, 4) && y[4] == '-' && digits(y + 5, 4) && strncmp(y, y + 5, 4) <= 0;
	return 0;
}

/* ISO 3166 alpha-2 (two capital letters), NATO or EU. */
static int country_ok(const char *s)
{
	return (strlen(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z') ||
	       !strcmp(s, "NATO") || !strcmp(s, "EU");
}

const char *kz_corr_field_problem(enum kz_corr_field f, const char *v, enum kz_csv_dialect dialect, char *buf,
				  size_t n)
{
	double d;
	int rc;

	if (!*v || (is_text_field(f) && !strcmp(v, "-")))
		return NULL;
	switch (f) {
	case KZ_CF_VALUE:
	case KZ_CF_LOW:
	case KZ_CF_HIGH:
		if (strchr(v, dialect == KZ_CSV_EXCEL_DE ? '.' : ',')) {
			snprintf(buf, n, "%s '%s': the decimal is '%c' in this file and numbers have no grouping",
				 kz_corr_field_names[f], v, dialect == KZ_CSV_EXCEL_DE ? ',' : '.');
			return buf;
		}
		if ((rc = kz_parse_double(v, &d)) != 0) {
			snprintf(buf, n, "%s '%s' is %s", kz_corr_field_names[f], v, kz_num_strerror(rc));
			return buf;
		}
		return NULL;
	case KZ_CF_UNIT:
		if (kz_unit_known(v))
			return NULL;
		snprintf(buf, n, "unit '%s' is not one of percent, points, persons, km, count, factor, votes or "
			 "an ISO 4217 currency code (USD, EUR, …)", v);
		return buf;
	case KZ_CF_QUALIFIER:
		if (kz_qual_parse(v) >= 0)
			return NULL;
		snprintf(buf, n, "qualifier '%s' is not one of exact, approx, at_least, at_most, range", v);
		return buf;
	case KZ_CF_INDICATOR:
		if (kz_ind_parse(v) >= 0)
			return NULL;
		snprintf(buf, n, "indicator '%s' is not one of troops, trade_share, budget, gdp_share, cost_share, "
			 "change, other", v);
		return buf;
	case KZ_CF_STATUS:
		if (kz_status_parse(v) >= 0)
			return NULL;
		snprintf(buf, n, "status '%s' is not one of reported, plan, target, demand, limit, claim, forecast", v);
		return buf;
	case KZ_CF_DETAIL:
		for (const char *p = v; *p; p++)
			if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')) {
				snprintf(buf, n, "detail '%s' is not a word of the vocabulary (lower-case letters, digits "
					 "and '_', e.g. stationed, defense_budget)", v);
				return buf;
			}
		if (strlen(v) < 32)
			return NULL;
		snprintf(buf, n, "detail '%s' is longer than 31 letters", v);
		return buf;
	case KZ_CF_SUBJECT:
	case KZ_CF_PARTNER:
		if (country_ok(v) && strcmp(v, "UK"))
			return NULL;
		snprintf(buf, n, "%s '%s' is not an ISO 3166 alpha-2 code (US, KR, JP, DE, GB, …), NATO or EU",
			 kz_corr_field_names[f], v);
		return buf;
	case KZ_CF_YEAR:
		if (year_ok(v))
			return NULL;
		snprintf(buf, n, "year '%s' is not YYYY, YYYY-YYYY or a decade YYY0s", v);
		return buf;
	case KZ_CF_SOURCE:
		if (!strchr(v, '\n') && !strchr(v, '\r'))
			return NULL;
		snprintf(buf, n, "source holds a line break");
		return buf;
	default:
		return NULL;
	}
}

/* --- reading --- */

static const char *cdup(struct kz_corrections *c, const char *s)
{
	return kz_arena_strdup(&c->arena, s ? s : "");
}

struct corr_rd {
	struct kz_corrections *c;
	int col[C__N];
	size_t ncols;
	int header_done;
	const char *path;
	enum kz_csv_dialect dialect;
	struct kz_err *err;
};

static int bad_row(struct corr_rd *r, long line, const char *msg)
{
	return kz_err_set(r->err, KZ_EINPUT, r->path, line, "%s; nothing applied from this file", msg);
}

static int corr_row(char **f, size_t n, long line, void *arg)
{
	struct corr_rd *r = arg;
	struct kz_correction k;
	const char *get[C__N];
	char why[256];
	size_t i;
	int j;

	if (!r->header_done) {
		for (j = 0; j < C__N; j++)
			r->col[j] = -1;
		for (i = 0; i < n; i++) {
			for (j = 0; j < C__N && strcmp(f[i], column_name(j)); j++)
				;
			if (j == C__N) {
				snprintf(why, sizeof why, "unknown column '%s' (the header is id,action,file,quote,value,"
					 "unit,low,high,qualifier,indicator,detail,status,subject,partner,year,source,note)",
					 f[i]);
				return bad_row(r, line, why);
			}
			r->col[j] = (int)i;
		}
		if (r->col[C_ACTION] < 0)
			return bad_row(r, line, "not a corrections table: no action column");
		r->ncols = n;
		r->header_done = 1;
		return 0;
	}
	if (n == 1 && !f[0][0])
		return 0;
	while (n > r->ncols && !f[n - 1][0])
		n--;
	if (n != r->ncols) {
		snprintf(why, sizeof why, "row has %zu fields, the header %zu", n, r->ncols);
		return bad_row(r, line, why);
	}
	for (j = 0; j < C__N; j++)
		get[j] = r->col[j] >= 0 ? f[r->col[j]] : "";
	memset(&k, 0, sizeof k);
	for (j = 0; j < KZ_CA__N && strcmp(get[C_ACTION], action_names[j]); j++)
		;
	if (j == KZ_CA__N) {
		snprintf(why, sizeof why, "action '%s' is not one of confirm, reject, set, add", get[C_ACTION]);
		return bad_row(r, line, why);
	}
	k.action = (enum kz_corr_action)j;
	k.id = get[C_ID];
	k.file = get[C_FILE];
	k.quote = get[C_QUOTE];
	k.note = get[C_NOTE];
	k.line = line;
	for (j = 0; j < KZ_CF__N; j++) {
		k.f[j] = get[C_FIELDS + j];
		if (kz_corr_field_problem((enum kz_corr_field)j, k.f[j], r->dialect, why, sizeof why))
			return bad_row(r, line, why);
	}
	if (k.action != KZ_CA_ADD && !*k.id)
		return bad_row(r, line, "a confirm, reject or set needs the id of its claim");
	if (k.action != KZ_CA_ADD && !strchr(k.id, '#'))
		return bad_row(r, line, "the id is not <file>#<anchor>");
	if (k.action == KZ_CA_ADD && (!*k.file || !*k.quote))
		return bad_row(r, line, "an add needs the file and the quote of the figure");
	if (k.action == KZ_CA_ADD && (!*k.f[KZ_CF_VALUE] || !*k.f[KZ_CF_UNIT]))
		return bad_row(r, line, "an add needs a value and a unit");
	if (k.action == KZ_CA_SET) {
		for (j = 0; j < KZ_CF__N && !*k.f[j]; j++)
			;
		if (j == KZ_CF__N)
			return bad_row(r, line, "a set changes no field");
	}
	if (k.action == KZ_CA_ADD || k.action == KZ_CA_SET) {
		/* the bounds given must hold the value given */
		double v = NAN, lo = NAN, hi = NAN;
		if (*k.f[KZ_CF_VALUE])
			kz_parse_double(k.f[KZ_CF_VALUE], &v);
		if (*k.f[KZ_CF_LOW])
			kz_parse_double(k.f[KZ_CF_LOW], &lo);
		if (*k.f[KZ_CF_HIGH])
			kz_parse_double(k.f[KZ_CF_HIGH], &hi);
		if (lo > hi || v < lo || v > hi)
			return bad_row(r, line, "the value and bounds given do not hold low <= value <= high");
	}
	if (!*k.file && *k.id)
		k.file = kz_arena_strndup(&r->c->arena, k.id, (size_t)(strchr(k.id, '#') - k.id));
	/* the rows as the file has them, in its order (no merging: that is for decisions recorded) */
	{
		struct kz_corrections *c = r->c;
		struct kz_correction *e;
		KZ_GROW(c->v, c->alloc, c->n + 1);
		e = &c->v[c->n++];
		*e = k;
		e->id = cdup(c, k.id);
		e->file = cdup(c, k.file);
		e->quote = cdup(c, k.quote);
		e->note = cdup(c, k.note);
		for (j = 0; j < KZ_CF__N; j++)
			e->f[j] = cdup(c, k.f[j]);
	}
	return 0;
}

int kz_corrections_read(struct kz_corrections *c, const char *path, struct kz_err *err)
{
	struct corr_rd r;
	char *data;
	size_t len, i;
	int rc;

	if ((rc = kz_read_file(path, 0, &data, &len, err)) != 0)
		return rc;
	memset(&r, 0, sizeof r);
	r.c = c;
	r.path = path;
	r.err = err;
	/* the dialect of the header line: ';' before any ',' is excel-de */
	for (i = 0; i < len && data[i] != '\n' && data[i] != ',' && data[i] != ';'; i++)
		;
	r.dialect = i < len && data[i] == ';' ? KZ_CSV_EXCEL_DE : KZ_CSV_PLAIN;
	c->dialect = r.dialect;
	rc = kz_csv_parse(data, len, path, corr_row, &r, NULL, err);
	if (!rc && !r.header_done)
		rc = kz_err_set(err, KZ_EINPUT, path, 0, "empty corrections table (no header line)");
	free(data);
	if (rc)
		drop_rows(c);
	return rc;
}

int kz_corrections_load(struct kz_corrections *c, const char *given, struct kz_err *err)
{
	struct kz_buf b = KZ_BUF_INIT;
	const char *slash;
	struct stat st;
	FILE *f;
	size_t len = strlen(given);

	/* a folder: its own corrections.csv; a file: the one beside it */
	c->folder = stat(given, &st) == 0 && S_ISDIR(st.st_mode);
	if (c->folder) {
		kz_buf_adds(&b, given);
		if (len && given[len - 1] != '/')
			kz_buf_addc(&b, '/');
	} else if ((slash = strrchr(given, '/')) != NULL) {
		kz_buf_add(&b, given, (size_t)(slash - given) + 1);
	}
	free(c->prefix);
	c->prefix = kz_xstrdup(b.s ? b.s : "");
	kz_buf_adds(&b, "corrections.csv");
	free(c->path);
	c->path = kz_buf_detach(&b, NULL);
	f = fopen(c->path, "rb");
	if (!f)
		return 0;
	fclose(f);
	return kz_corrections_read(c, c->path, err);
}

int kz_corrections_cover(const struct kz_corrections *c, const char *path, const char *name)
{
	size_t pl = strlen(c->prefix);

	return !strncmp(path, c->prefix, pl) && !strcmp(path + pl, name);
}

/* --- recording --- */


void kz_corrections_record(struct kz_corrections *c, const struct kz_correction *r)
{
	struct kz_correction *e = NULL;
	size_t i;

	if (r->action != KZ_CA_ADD && *r->id)
		for (i = 0; i < c->n; i++)
			if (c->v[i].action != KZ_CA_ADD && !strcmp(c->v[i].id, r->id))
				e = &c->v[i];
	if (e && r->action == KZ_CA_SET && e->action == KZ_CA_SET) {
		for (i = 0; i < KZ_CF__N; i++)
			if (*r->f[i])
				e->f[i] = cdup(c, r->f[i]);
		if (*r->note)
			e->note = cdup(c, r->note);
		return;
	}
	if (e && r->action == KZ_CA_CONFIRM && e->action == KZ_CA_SET)
		return; /* a corrected claim stays corrected */
	if (!e) {
		KZ_GROW(c->v, c->alloc, c->n + 1);
		e = &c->v[c->n++];
	}
	*e = *r;
	e->id = cdup(c, r->id);
	e->file = cdup(c, r->file);
	e->quote = cdup(c, r->quote);
	e->note = cdup(c, r->note);
	for (i = 0; i < KZ_CF__N; i++)
		e->f[i] = cdup(c, r->action == KZ_CA_SET || r->action == KZ_CA_ADD ? r->f[i] : "");
	e->line = 0;
	e->state = KZ_CS_PENDING;
	e->why[0] = '\0';
}

int kz_corrections_write(const struct kz_corrections *c, struct kz_err *err)
{
	struct kz_csv_writer w;
	struct kz_out o;
	int j;

	if (kz_out_open(&o, c->path, err))
		return KZ_EIO;
	kz_csv_writer_init(&w, o.f, c->dialect);
	for (j = 0; j < C__N; j++)
		kz_csv_field(&w, column_name(j));
	kz_csv_endrow(&w);
	for (size_t i = 0; i < c->n; i++) {
		const struct kz_correction *k = &c->v[i];
		kz_csv_field(&w, k->id);
		kz_csv_field(&w, kz_corr_action_name(k->action));
		kz_csv_field(&w, k->file);
		kz_csv_field(&w, k->quote);
		for (j = 0; j < KZ_CF__N; j++) {
			const char *v = k->f[j];
			char num[64];
			double d;
			/* numbers in the file's decimal */
			if ((j == KZ_CF_VALUE || j == KZ_CF_LOW || j == KZ_CF_HIGH) && *v && kz_parse_double(v, &d) == 0) {
				kz_fmt_double(num, sizeof num, d, c->dialect == KZ_CSV_EXCEL_DE ? ',' : '.');
				v = num;
			}
			kz_csv_field(&w, v);
		}
		kz_csv_field(&w, k->note);
		kz_csv_endrow(&w);
	}
	return kz_out_commit(&o, err) ? KZ_EIO : 0;
}

/* --- applying --- */

const char *kz_claim_field(const struct kz_claim *c, enum kz_corr_field f, char *buf, size_t n)
{
	switch (f) {
	case KZ_CF_VALUE:
		kz_fmt_double(buf, n, c->value, '.');
		return buf;
	case KZ_CF_LOW:
		kz_fmt_double(buf, n, c->low, '.');
		return buf;
	case KZ_CF_HIGH:
		kz_fmt_double(buf, n, c->high, '.');
		return buf;
	case KZ_CF_UNIT:
		return c->unit;
	case KZ_CF_QUALIFIER:
		return kz_qual_name(c->qual);
	case KZ_CF_INDICATOR:
		return kz_ind_name(c->ind);
	case KZ_CF_DETAIL:
		return c->detail;
	case KZ_CF_STATUS:
		return kz_status_name(c->status);
	case KZ_CF_SUBJECT:
		return c->subject;
	case KZ_CF_PARTNER:
		return c->partner;
	case KZ_CF_YEAR:
		return c->year;
	case KZ_CF_SOURCE:
		return c->source;
	default:
		return "";
	}
}

/* Set the fields k gives on claim d (strings into t's arena). A value given without bounds
 * scales the interval with it, so the statement's relative width is kept. */
static void set_fields(struct kz_table *t, struct kz_claim *d, const struct kz_correction *k)
{
	double v;
	const char *s;

#define TEXT(F, field)                                                                             \
	if (*(s = k->f[F]))                                                                        \
		d->field = kz_arena_strdup(&t->arena, strcmp(s, "-") ? s : "");
	if (*k->f[KZ_CF_VALUE] && kz_parse_double(k->f[KZ_CF_VALUE], &v) == 0) {
		if (d->value != 0 && isfinite(v / d->value)) {
			double r = v / d->value;
			double lo = d->low * r, hi = d->high * r;
			d->low = lo < hi ? lo : hi;
			d->high = lo < hi ? hi : lo;
		} else {
			d->low = d->high = v;
		}
		d->value = v;
	}
	if (*k->f[KZ_CF_LOW])
		kz_parse_double(k->f[KZ_CF_LOW], &d->low);
	if (*k->f[KZ_CF_HIGH])
		kz_parse_double(k->f[KZ_CF_HIGH], &d->high);
	if (*k->f[KZ_CF_UNIT])
		d->unit = kz_arena_strdup(&t->arena, k->f[KZ_CF_UNIT]);
	if (*k->f[KZ_CF_QUALIFIER])
		d->qual = (enum kz_qual)kz_qual_parse(k->f[KZ_CF_QUALIFIER]);
	if (*k->f[KZ_CF_INDICATOR])
		d->ind = (enum kz_ind)kz_ind_parse(k->f[KZ_CF_INDICATOR]);
	if (*k->f[KZ_CF_STATUS])
		d->status = (enum kz_status)kz_status_parse(k->f[KZ_CF_STATUS]);
	TEXT(KZ_CF_DETAIL, detail)
	TEXT(KZ_CF_SUBJECT, subject)
	TEXT(KZ_CF_PARTNER, partner)
	TEXT(KZ_CF_YEAR, year)
	TEXT(KZ_CF_SOURCE, source)
#undef TEXT
}

/* Is the white-space-collapsed a equal to b's text at p? Length of the match in p, else 0. */
static size_t match_at(const char *p, const char *end, const char *q)
{
	const char *s = p;

	while (*q) {
		if (*q == ' ') {
			if (s >= end || !(*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r' ||
					  ((unsigned char)*s == 0xC2 && s + 1 < end && (unsigned char)s[1] == 0xA0)))
				return 0;
			while (s < end && (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r'))
				s++;
			while (*q == ' ')
				q++;
			continue;
		}
		if (s >= end || *s != *q)
			return 0;
		s++;
		q++;
	}
	return (size_t)(s - p);
}

/* Where the quote stands in text: its first occurrence (white space matching any white space). */
static int find_quote(const char *text, size_t len, const char *quote, size_t *start, size_t *end)
{
	const char *e = text + len;

	if (!text || !*quote)
		return 0;
	for (const char *p = text; p < e; p++) {
		size_t m;
		if (*p != *quote)
			continue;
		if ((m = match_at(p, e, quote)) != 0) {
			*start = (size_t)(p - text);
			*end = *start + m;
			return 1;
		}
	}
	return 0;
}

/* The sentence around [s, e) of text, white space collapsed, into b. */
static void sentence_around(struct kz_buf *b, const char *text, size_t len, size_t s, size_t e)
{
	size_t a = s, z = e;
	int space = 0;

	while (a > 0 && !((text[a - 1] == '.' || text[a - 1] == '!' || text[a - 1] == '?') && a < len &&
			  (text[a] == ' ' || text[a] == '\n')) &&
	       !(text[a - 1] == '\n' && a >= 2 && text[a - 2] == '\n'))
		a--;
	while (z < len && !((text[z] == '.' || text[z] == '!' || text[z] == '?') &&
			    (z + 1 == len || text[z + 1] == ' ' || text[z + 1] == '\n')) &&
	       !(text[z] == '\n' && z + 1 < len && text[z + 1] == '\n'))
		z++;
	if (z < len && text[z] != '\n')
		z++;
	kz_buf_reset(b);
	for (size_t i = a; i < z; i++) {
		char ch = text[i];
		if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
			space = 1;
			continue;
		}
		if (space && b->len)
			kz_buf_addc(b, ' ');
		space = 0;
		kz_buf_addc(b, ch);
	}
}

/* The claim of t[from..n) k names: by id, else the one claim with k's quote; NULL when none. */
static struct kz_claim *find_claim(struct kz_table *t, size_t from, const struct kz_correction *k, int *by_quote)
{
	struct kz_claim *hit = NULL;
	size_t i, nq = 0;

	*by_quote = 0;
	for (i = from; i < t->n; i++)
		if (!strcmp(t->v[i].id, k->id))
			return &t->v[i];
	if (!*k->quote)
		return NULL;
	for (i = from; i < t->n; i++)
		if (!strcmp(t->v[i].quote, k->quote)) {
			hit = &t->v[i];
			nq++;
		}
	if (nq != 1)
		return NULL;
	*by_quote = 1;
	return hit;
}

static void warn_line(kz_warn_fn warn, void *arg, int code, const char *path, long line, const char *msg)
{
	struct kz_err e;

	if (!warn)
		return;
	kz_err_set(&e, code, path, line, "%s", msg);
	warn(&e, arg);
}

int kz_corrections_apply(struct kz_corrections *c, struct kz_table *t, size_t from, const char *name,
			 const char *text, size_t len, const struct kz_claim *tmpl, kz_warn_fn warn, void *arg)
{
	struct kz_buf b = KZ_BUF_INIT;
	/* drop[i - from]: claim i is rejected (adds may append up to one claim per correction) */
	unsigned char *drop = kz_xcalloc(t->n - from + c->n + 1, 1);
	char why[180];
	size_t i, j;
	int rc = 0;

	for (i = 0; i < c->n; i++) {
		struct kz_correction *k = &c->v[i];
		struct kz_claim *d, old;
		int by_quote;

		if (strcmp(k->file, name))
			continue;
		if (k->action == KZ_CA_ADD) {
			struct kz_claim a;
			size_t s, e;
			if (!find_quote(text, len, k->quote, &s, &e)) {
				k->state = KZ_CS_ORPHANED;
				snprintf(k->why, sizeof k->why, "the quote is no longer in the document");
				continue;
			}
			a = *tmpl;
			a.start = s;
			a.end = e;
			a.page = 0;
			a.quote = k->quote;
			a.value = a.low = a.high = 0;
			a.unit = "";
			a.qual = KZ_Q_EXACT;
			a.ind = KZ_I_OTHER;
			a.status = KZ_S_REPORTED;
			a.detail = a.subject = a.partner = a.year = a.source = "";
			sentence_around(&b, text, len, s, e);
			a.sentence = b.s ? b.s : "";
			a.review = review_names[KZ_CA_ADD];
			/* its id: the one recorded, else the file and an anchor of the quote alone */
			if (*k->id) {
				a.id = k->id;
			} else {
				struct kz_buf id = KZ_BUF_INIT;
				kz_buf_adds(&id, name);
				kz_buf_adds(&id, "#+");
				kz_claim_anchor(&id, k->quote, "", 0);
				id.len--; /* no '-' after the anchor of a quote */
				id.s[id.len] = '\0';
				a.id = kz_arena_strdup(&t->arena, id.s);
				kz_buf_release(&id);
			}
			d = kz_table_add(t, &a);
			set_fields(t, d, k);
			k->state = KZ_CS_APPLIED;
			continue;
		}
		d = find_claim(t, from, k, &by_quote);
		if (!d || drop[d - t->v - from]) {
			k->state = KZ_CS_ORPHANED;
			snprintf(k->why, sizeof k->why, d ? "its claim was rejected before"
							   : "no claim with this id%s in the document",
				 *k->quote ? " or this quote" : "");
			continue;
		}
		k->state = by_quote ? KZ_CS_REANCHORED : KZ_CS_APPLIED;
		if (k->action == KZ_CA_REJECT) {
			drop[d - t->v - from] = 1;
			continue;
		}
		if (k->action == KZ_CA_CONFIRM) {
			if (!*d->review)
				d->review = review_names[KZ_CA_CONFIRM];
			continue;
		}
		old = *d;
		set_fields(t, d, k);
		if (kz_claim_problem(d, why, sizeof why)) {
			char msg[400];
			*d = old;
			snprintf(msg, sizeof msg, "set for %s: %s; not applied", k->id, why);
			warn_line(warn, arg, KZ_EINPUT, c->path, k->line, msg);
			k->state = KZ_CS_ORPHANED;
			snprintf(k->why, sizeof k->why, "%s", why);
			rc = KZ_EINPUT;
			continue;
		}
		if (strcmp(d->review, review_names[KZ_CA_ADD]))
			d->review = review_names[KZ_CA_SET];
	}
	/* rejected claims leave the table */
	for (i = j = from; i < t->n; i++)
		if (!drop[i - from])
			t->v[j++] = t->v[i];
	t->n = j;
	free(drop);
	kz_buf_release(&b);
	return rc;
}

size_t kz_corrections_finish(struct kz_corrections *c, kz_warn_fn warn, void *arg)
{
	size_t n = 0;

	for (size_t i = 0; i < c->n; i++) {
		struct kz_correction *k = &c->v[i];
		char msg[700];
		if (k->state == KZ_CS_PENDING && c->folder) {
			k->state = KZ_CS_ORPHANED;
			snprintf(k->why, sizeof k->why, "no document %s%s", c->prefix, k->file);
		}
		if (k->state != KZ_CS_ORPHANED)
			continue;
		n++;
		snprintf(msg, sizeof msg, "%s %s orphaned: %s (document %s%s, quote '%s')", kz_corr_action_name(k->action),
			 *k->id ? k->id : "(new figure)", k->why, c->prefix, k->file, k->quote);
		warn_line(warn, arg, 0, c->path, k->line, msg);
	}
	return n;
}
