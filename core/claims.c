/* claims.c: the claims table, its vocabularies and its CSV form (written here, read through csvread.c over libcsv). */
#include "claims.h"

#include <errno.h>
#include <glib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const qual_names[] = {"exact", "approx", "at_least", "at_most", "range"};
static const char *const ind_names[] = {"troops",    "trade_share", "budget", "gdp_share",
					"cost_share", "change",     "other"};

static const char *const status_names[] = {"reported", "plan",  "target",  "demand",
					   "limit",    "claim", "forecast"};

const char *const kz_claim_columns[] = {
	"id",	      "doc",	   "page",	"start",     "end",	"quote",  "value",
	"unit",	      "low",	   "high",	"qualifier", "indicator", "detail", "status",
	"subject",    "partner",   "year",	"source",    "core",	"review", "sentence",
	"title",      "publisher", "published", "url",	     NULL};

const char *kz_status_name(enum kz_status s)
{
	return (unsigned)s < KZ_S__N ? status_names[s] : "reported";
}

int kz_status_parse(const char *s)
{
	for (int i = 0; i < KZ_S__N; i++)
		if (!strcmp(s, status_names[i]))
			return i;
	return -1;
}

const char *kz_qual_name(enum kz_qual q)
{
	return (unsigned)q < KZ_Q__N ? qual_names[q] : "exact";
}

const char *kz_ind_name(enum kz_ind i)
{
	return (unsigned)i < KZ_I__N ? ind_names[i] : "other";
}

int kz_qual_parse(const char *s)
{
	for (int i = 0; i < KZ_Q__N; i++)
		if (!strcmp(s, qual_names[i]))
			return i;
	return -1;
}

int kz_ind_parse(const char *s)
{
	for (int i = 0; i < KZ_I__N; i++)
		if (!strcmp(s, ind_names[i]))
			return i;
	return -1;
}

int kz_ind_is_core(enum kz_ind i)
{
	return i == KZ_I_TROOPS || i == KZ_I_TRADE_SHARE || i == KZ_I_BUDGET || i == KZ_I_GDP_SHARE ||
	       i == KZ_I_COST_SHARE;
}

void kz_table_init(struct kz_table *t)
{
	t->v = NULL;
	t->n = t->alloc = 0;
	kz_arena_init(&t->arena);
}

void kz_table_release(struct kz_table *t)
{
	free(t->v);
	t->v = NULL;
	t->n = t->alloc = 0;
	kz_arena_release(&t->arena);
}

void kz_table_clear(struct kz_table *t)
{
	t->n = 0;
	kz_arena_release(&t->arena);
	kz_arena_init(&t->arena);
}

struct kz_claim *kz_table_add(struct kz_table *t, const struct kz_claim *c)
{
	struct kz_claim *d;
	const struct kz_claim *prev;

	KZ_GROW(t->v, t->alloc, t->n + 1);
	prev = t->n ? &t->v[t->n - 1] : NULL;
	d = &t->v[t->n++];
	*d = *c;
#define COPY(f) d->f = kz_arena_strdup(&t->arena, c->f)
	/* the claims of one sentence share its text (and their document's path): one copy, however
	 * many figures the sentence holds */
#define SHARE(f) d->f = c->f && prev && (c->f == prev->f || !strcmp(c->f, prev->f)) ? prev->f : kz_arena_strdup(&t->arena, c->f)
	COPY(id);
	SHARE(doc);
	COPY(quote);
	COPY(unit);
	COPY(detail);
	COPY(subject);
	COPY(partner);
	COPY(year);
	COPY(source);
	COPY(review);
	SHARE(sentence);
	SHARE(title);
	SHARE(publisher);
	SHARE(published);
	SHARE(url);
#undef SHARE
#undef COPY
	return d;
}

void kz_table_filter(struct kz_table *t, int (*keep)(const struct kz_claim *, void *), void *arg)
{
	size_t i, j = 0;

	for (i = 0; i < t->n; i++)
		if (keep(&t->v[i], arg))
			t->v[j++] = t->v[i];
	t->n = j;
}

int kz_csv_dialect_parse(const char *s, enum kz_csv_dialect *d)
{
	if (!strcmp(s, "plain") || !strcmp(s, "rfc4180")) {
		*d = KZ_CSV_PLAIN;
		return 0;
	}
	if (!strcmp(s, "excel-de")) {
		*d = KZ_CSV_EXCEL_DE;
		return 0;
	}
	return -1;
}

/* --- writing --- */

void kz_csv_writer_init(struct kz_csv_writer *w, FILE *f, enum kz_csv_dialect d)
{
	w->f = f;
	w->dialect = d;
	w->col = 0;
	if (d == KZ_CSV_EXCEL_DE)
		fputs("\xEF\xBB\xBF", f);
}

/* The length of s up to its first byte that needs quotes (sep, '"', a line break), or its end. */
static size_t plain_len(const char *s, char sep)
{
	return strcspn(s, sep == ';' ? ";\"\n\r" : ",\"\n\r");
}

/* The n bytes at s in double quotes, a quote in them doubled (as libcsv's csv_fwrite writes them),
 * a run between quotes at once. */
static void write_quoted(FILE *f, const char *s, size_t n)
{
	const char *end = s + n;

	putc_unlocked('"', f);
	while (s < end) {
		const char *q = memchr(s, '"', (size_t)(end - s));
		size_t run = (size_t)((q ? q + 1 : end) - s);
		fwrite_unlocked(s, 1, run, f);
		if (q)
			putc_unlocked('"', f);
		s += run;
	}
	putc_unlocked('"', f);
}

void kz_csv_field(struct kz_csv_writer *w, const char *s)
{
	char sep = w->dialect == KZ_CSV_EXCEL_DE ? ';' : ',';
	size_t n;

	if (w->col++)
		putc_unlocked(sep, w->f);
	if (!s)
		s = "";
	n = plain_len(s, sep);
	if (s[n])
		write_quoted(w->f, s, n + strlen(s + n));
	else
		fwrite_unlocked(s, 1, n, w->f);
}

void kz_csv_num(struct kz_csv_writer *w, double v)
{
	char tmp[64];

	kz_fmt_double(tmp, sizeof(tmp), v, w->dialect == KZ_CSV_EXCEL_DE ? ',' : '.');
	kz_csv_field(w, tmp);
}

void kz_csv_int(struct kz_csv_writer *w, long v)
{
	/* "%ld", from the end of the buffer */
	char tmp[32], *p = tmp + sizeof(tmp) - 1;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;

	*p = '\0';
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--p = '-';
	kz_csv_field(w, p);
}

void kz_csv_endrow(struct kz_csv_writer *w)
{
	fputs(w->dialect == KZ_CSV_EXCEL_DE ? "\r\n" : "\n", w->f);
	w->col = 0;
}

void kz_claims_write_csv(const struct kz_table *t, FILE *f, enum kz_csv_dialect d)
{
	struct kz_csv_writer w;

	kz_csv_writer_init(&w, f, d);
	kz_claims_write_header(&w);
	kz_claims_write_rows(&w, t);
}

void kz_claims_write_header(struct kz_csv_writer *w)
{
	for (size_t i = 0; kz_claim_columns[i]; i++)
		kz_csv_field(w, kz_claim_columns[i]);
	kz_csv_endrow(w);
}

void kz_claims_write_rows(struct kz_csv_writer *wp, const struct kz_table *t)
{
#define w (*wp)
	size_t i;

	for (i = 0; i < t->n; i++) {
		const struct kz_claim *c = &t->v[i];
		kz_csv_field(&w, c->id);
		kz_csv_field(&w, c->doc);
		if (c->page > 0)
			kz_csv_int(&w, c->page);
		else
			kz_csv_field(&w, "");
		kz_csv_int(&w, (long)c->start);
		kz_csv_int(&w, (long)c->end);
		kz_csv_field(&w, c->quote);
		kz_csv_num(&w, c->value);
		kz_csv_field(&w, c->unit);
		kz_csv_num(&w, c->low);
		kz_csv_num(&w, c->high);
		kz_csv_field(&w, kz_qual_name(c->qual));
		kz_csv_field(&w, kz_ind_name(c->ind));
		kz_csv_field(&w, c->detail);
		kz_csv_field(&w, kz_status_name(c->status));
		kz_csv_field(&w, c->subject);
		kz_csv_field(&w, c->partner);
		kz_csv_field(&w, c->year);
		kz_csv_field(&w, c->source);
		kz_csv_field(&w, kz_ind_is_core(c->ind) ? "yes" : "no");
		kz_csv_field(&w, c->review);
		kz_csv_field(&w, c->sentence);
		kz_csv_field(&w, c->title);
		kz_csv_field(&w, c->publisher);
		kz_csv_field(&w, c->published);
		kz_csv_field(&w, c->url);
		kz_csv_endrow(&w);
	}
#undef w
}

/* --- reading (the generic reader is csvread.c) --- */

struct claims_rd {
	struct kz_table *t;
	int col[KZ_CLAIM_NCOLS];
	size_t ncols; /* fields of the header row */
	int header_done;
	const char *path;
	kz_warn_fn warn;
	void *arg;
	size_t nwarned, nleft, nkept; /* warnings passed; rows left out and kept beyond the cap */
	struct kz_err *err;
};

int kz_unit_known(const char *u)
{
	static const char *const units[] = {"percent", "points", "persons", "km", "count", "factor", "votes", NULL};

	for (int i = 0; units[i]; i++)
		if (!strcmp(u, units[i]))
			return 1;
	return strlen(u) == 3 && u[0] >= 'A' && u[0] <= 'Z' && u[1] >= 'A' && u[1] <= 'Z' &&
	       u[2] >= 'A' && u[2] <= 'Z';
}

const char *kz_claim_problem(const struct kz_claim *c, char *buf, size_t n)
{
	char v[64], lo[64], hi[64];

	if (!kz_num_ok(c->value) || !kz_num_ok(c->low) || !kz_num_ok(c->high)) {
		snprintf(buf, n, "a value or bound is not finite or beyond 1e40");
		return buf;
	}
	if (c->low <= c->high && c->value >= c->low && c->value <= c->high) {
		if (c->unit && *c->unit)
			return NULL; /* the common case: nothing to format */
		snprintf(buf, n, "no unit");
		return buf;
	}
	kz_fmt_double(v, sizeof(v), c->value, '.');
	kz_fmt_double(lo, sizeof(lo), c->low, '.');
	kz_fmt_double(hi, sizeof(hi), c->high, '.');
	if (c->low > c->high)
		snprintf(buf, n, "interval %s ... %s is reversed (low above high)", lo, hi);
	else
		snprintf(buf, n, "value %s lies outside its interval %s ... %s", v, lo, hi);
	return buf;
}

/* Pass one row's problem on (keep: the row stays in the table); 1 when it stops the parse. */
static int row_problem(struct claims_rd *cr, long line, int keep, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;
static int row_problem(struct claims_rd *cr, long line, int keep, const char *fmt, ...)
{
	struct kz_err e;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(e.msg, sizeof(e.msg), fmt, ap);
	va_end(ap);
	if (!cr->warn) {
		if (keep)
			return 0;
		return kz_err_set(cr->err, KZ_EINPUT, cr->path, line, "%s", e.msg);
	}
	if (cr->nwarned >= KZ_ROWS_NAMED) {
		if (keep)
			cr->nkept++;
		else
			cr->nleft++;
		return 0;
	}
	e.code = keep ? 0 : KZ_EINPUT;
	e.line = line;
	snprintf(e.file, sizeof(e.file), "%s", cr->path);
	if (!keep) {
		size_t l = strlen(e.msg);
		snprintf(e.msg + l, sizeof(e.msg) - l, "; row left out");
	}
	cr->warn(&e, cr->arg);
	cr->nwarned++;
	return 0;
}

/* A number field: empty is NAN; else 0, or the kz_parse_double error. */
static int parse_num_field(const char *s, double *v)
{
	if (!*s) {
		*v = NAN;
		return 0;
	}
	return kz_parse_double(s, v);
}

static int claims_row(char **f, size_t n, long line, void *arg)
{
	struct claims_rd *cr = arg;
	struct kz_claim c;
	const char *get[KZ_CLAIM_NCOLS];
	char why[256];
	size_t i;
	int k, rc;

	if (!cr->header_done) {
		for (i = 0; i < KZ_CLAIM_NCOLS; i++)
			cr->col[i] = -1;
		for (i = 0; i < n; i++)
			for (k = 0; kz_claim_columns[k]; k++)
				if (!strcmp(f[i], kz_claim_columns[k]))
					cr->col[k] = (int)i;
		/* value and unit are what the later stages need; the rest may be absent. */
		if (cr->col[KZ_COL_VALUE] < 0 || cr->col[KZ_COL_UNIT] < 0)
			return kz_err_set(cr->err, KZ_EINPUT, cr->path, line,
					  "not a claims table: header lacks value or unit");
		cr->ncols = n;
		cr->header_done = 1;
		return 0;
	}
	if (n == 1 && !f[0][0])
		return 0; /* blank line */
	/* the header again: tables of several runs concatenated (`cat part-*.csv`) */
	if ((size_t)cr->col[KZ_COL_VALUE] < n && (size_t)cr->col[KZ_COL_UNIT] < n &&
	    !strcmp(f[cr->col[KZ_COL_VALUE]], "value") && !strcmp(f[cr->col[KZ_COL_UNIT]], "unit"))
		return 0;
	/* a row longer than the header is fine when what sticks out is empty ("a,b,c,,") */
	while (n > cr->ncols && !f[n - 1][0])
		n--;
	if (n != cr->ncols)
		return row_problem(cr, line, 0, "row has %zu fields, the header %zu", n, cr->ncols);
	for (k = 0; k < KZ_CLAIM_NCOLS; k++)
		get[k] = cr->col[k] >= 0 && (size_t)cr->col[k] < n ? f[cr->col[k]] : "";
	memset(&c, 0, sizeof(c));
	c.line = line;
	c.id = get[KZ_COL_ID];
	c.doc = get[KZ_COL_DOC];
	c.page = (int)strtol(get[KZ_COL_PAGE], NULL, 10);
	c.start = (size_t)strtoul(get[KZ_COL_START], NULL, 10);
	c.end = (size_t)strtoul(get[KZ_COL_END], NULL, 10);
	c.quote = get[KZ_COL_QUOTE];
	if (!get[KZ_COL_VALUE][0])
		return row_problem(cr, line, 0, "no value");
	if ((rc = parse_num_field(get[KZ_COL_VALUE], &c.value)) != 0)
		return row_problem(cr, line, 0, "value '%s' is %s", get[KZ_COL_VALUE], kz_num_strerror(rc));
	c.unit = get[KZ_COL_UNIT];
	if ((rc = parse_num_field(get[KZ_COL_LOW], &c.low)) != 0)
		return row_problem(cr, line, 0, "low '%s' is %s", get[KZ_COL_LOW], kz_num_strerror(rc));
	if ((rc = parse_num_field(get[KZ_COL_HIGH], &c.high)) != 0)
		return row_problem(cr, line, 0, "high '%s' is %s", get[KZ_COL_HIGH], kz_num_strerror(rc));
	if (isnan(c.low))
		c.low = c.value;
	if (isnan(c.high))
		c.high = c.value;
	k = get[KZ_COL_QUALIFIER][0] ? kz_qual_parse(get[KZ_COL_QUALIFIER]) : KZ_Q_EXACT;
	if (k < 0)
		return row_problem(cr, line, 0, "unknown qualifier '%s'", get[KZ_COL_QUALIFIER]);
	c.qual = (enum kz_qual)k;
	k = get[KZ_COL_INDICATOR][0] ? kz_ind_parse(get[KZ_COL_INDICATOR]) : KZ_I_OTHER;
	if (k < 0)
		return row_problem(cr, line, 0, "unknown indicator '%s'", get[KZ_COL_INDICATOR]);
	c.ind = (enum kz_ind)k;
	/* a table from before the status column holds figures of every kind as 'reported' */
	k = get[KZ_COL_STATUS][0] ? kz_status_parse(get[KZ_COL_STATUS]) : KZ_S_REPORTED;
	if (k < 0)
		return row_problem(cr, line, 0, "unknown status '%s' (reported, plan, target, demand, limit, "
				   "claim or forecast)", get[KZ_COL_STATUS]);
	c.status = (enum kz_status)k;
	c.detail = get[KZ_COL_DETAIL];
	c.subject = get[KZ_COL_SUBJECT];
	c.partner = get[KZ_COL_PARTNER];
	c.year = get[KZ_COL_YEAR];
	c.source = get[KZ_COL_SOURCE];
	c.review = get[KZ_COL_REVIEW];
	c.sentence = get[KZ_COL_SENTENCE];
	c.title = get[KZ_COL_TITLE];
	c.publisher = get[KZ_COL_PUBLISHER];
	c.published = get[KZ_COL_PUBLISHED];
	c.url = get[KZ_COL_URL];
	if (kz_claim_problem(&c, why, sizeof(why)))
		return row_problem(cr, line, 0, "%s", why);
	if (!kz_unit_known(c.unit) && (rc = row_problem(cr, line, 1,
							"unit '%s' is not one of percent, points, persons, km, "
							"count, factor, votes or a currency code: compared only "
							"with the same unit",
							c.unit)) != 0)
		return rc;
	kz_table_add(cr->t, &c);
	return 0;
}

static void claims_rd_init(struct claims_rd *cr, struct kz_table *t, const char *path, kz_warn_fn warn,
			   void *arg, struct kz_err *err)
{
	memset(cr, 0, sizeof(*cr));
	cr->t = t;
	cr->path = path;
	cr->warn = warn;
	cr->arg = arg;
	cr->err = err;
}

/* What the parse's rc becomes once the table has ended: no header is an empty table; the rows
 * beyond the named ones are counted in one more warning. */
static int claims_rd_end(struct claims_rd *cr, int rc)
{
	if (!rc && !cr->header_done)
		rc = kz_err_set(cr->err, KZ_EINPUT, cr->path, 0, "empty claims table");
	if (cr->warn && (cr->nleft || cr->nkept)) {
		struct kz_err e;
		kz_err_set(&e, cr->nleft ? KZ_EINPUT : 0, cr->path, 0,
			   "%zu more rows with problems (%zu left out, %zu kept)", cr->nleft + cr->nkept,
			   cr->nleft, cr->nkept);
		cr->warn(&e, cr->arg);
	}
	return rc;
}

int kz_claims_parse_csv(struct kz_table *t, const char *data, size_t len, const char *path,
			kz_warn_fn warn, void *arg, struct kz_err *err)
{
	struct claims_rd cr;

	claims_rd_init(&cr, t, path, warn, arg, err);
	return claims_rd_end(&cr, kz_csv_parse(data, len, path, claims_row, &cr, NULL, err));
}

/* The file is read in pieces of this size, parsed as they come: a table of any length takes one
 * piece of memory besides its claims, not a copy of the whole file. */
#define READ_PIECE (1u << 20)

int kz_claims_read_csv(struct kz_table *t, const char *path, kz_warn_fn warn, void *arg,
		       struct kz_err *err)
{
	struct claims_rd cr;
	struct kz_csv_reader *r;
	char *piece;
	size_t size;
	ssize_t got;
	int fd, rc;

	if ((rc = kz_open_read(path, 0, &fd, &size, err)) != 0)
		return rc;
	claims_rd_init(&cr, t, path, warn, arg, err);
	r = kz_csv_reader_new(path, claims_row, &cr);
	piece = kz_xmalloc(READ_PIECE);
	while (!rc && (got = kz_read_some(fd, piece, READ_PIECE)) != 0) {
		if (got < 0)
			rc = kz_err_set(err, KZ_EIO, path, 0, "read error: %s", strerror(errno));
		else
			rc = kz_csv_reader_feed(r, piece, (size_t)got, err);
	}
	if (!rc)
		rc = kz_csv_reader_finish(r, NULL, err);
	close(fd);
	free(piece);
	kz_csv_reader_free(r);
	(void)size;
	return claims_rd_end(&cr, rc);
}

int kz_is_claims_csv(const char *path)
{
	char head[256];
	size_t n;
	FILE *f;
	const char *p;

	n = strlen(path);
	if (n < 4 || strcmp(path + n - 4, ".csv"))
		return 0;
	f = fopen(path, "rb");
	if (!f)
		return 0;
	n = fread(head, 1, sizeof(head) - 1, f);
	fclose(f);
	head[n] = '\0';
	p = head;
	if (!strncmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	return !strncmp(p, "id,doc,", 7) || !strncmp(p, "id;doc;", 7);
}

size_t kz_table_drop_repeats(struct kz_table *t, size_t from, const char **first)
{
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal); /* ids, pointing into t */
	size_t j = 0, dropped = 0;

	if (first)
		*first = NULL;
	for (size_t i = 0; i < t->n; i++) {
		const char *id = t->v[i].id;
		/* g_hash_table_add is false when the id was there */
		if (id && *id && !g_hash_table_add(seen, (gpointer)id) && i >= from) {
			if (first && !*first)
				*first = id;
			dropped++;
			continue;
		}
		t->v[j++] = t->v[i];
	}
	t->n = j;
	g_hash_table_destroy(seen);
	return dropped;
}
