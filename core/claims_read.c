/*
 * claims_read.c: a claims table read from CSV (rows through csvread.c over libcsv).
 *
 * Each row is checked against the contract (value and unit present, vocabularies known); a row with
 * a problem is named (the first KZ_ROWS_NAMED) and left out or kept, and the rest are counted in
 * one more warning. A file of at least SPLIT_MIN bytes is read in two halves at once: the second
 * half begins after the first line end past the middle, read by a second reader that knows the
 * header; when the first half ends, its reader must stand between records (a quoted field can hold
 * a line end, so that line end may have been inside one). If it does, the second half's claims,
 * warnings and line numbers join the first's as if one reader had read them all; if it does not,
 * or the first half stopped, the second half's work is dropped and the first reader reads on.
 */
#include "claims.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
 * piece of memory (two when read in halves) besides its claims, not a copy of the whole file. */
#define READ_PIECE (1u << 20)
/* A file smaller than this is read by one reader: a second would cost more than it saves. */
#define SPLIT_MIN (16u << 20)

/* Feed the bytes [from, to) of fd to r, in pieces, with pread (the halves share fd). */
static int feed_range(int fd, struct kz_csv_reader *r, size_t from, size_t to, char *piece, const char *path,
		      struct kz_err *err)
{
	int rc = 0;

	while (!rc && from < to) {
		size_t want = to - from < READ_PIECE ? to - from : READ_PIECE;
		ssize_t got = pread(fd, piece, want, (off_t)from);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return kz_err_set(err, KZ_EIO, path, 0, "read error: %s", strerror(errno));
		if (got == 0)
			break; /* the file is shorter than it was */
		rc = kz_csv_reader_feed(r, piece, (size_t)got, err);
		from += (size_t)got;
	}
	return rc;
}

/* The second half: its own table, and its warnings held until the first half's are passed. */
struct half {
	int fd;
	const char *path;
	size_t head;     /* the header line's bytes, fed first so the row parser knows the columns */
	size_t from, to; /* then the half itself */
	int warn;        /* warnings are wanted (else a row problem stops the half) */
	struct kz_table t;
	struct claims_rd cr;
	struct kz_err *held;
	size_t nheld, heldalloc;
	struct kz_err err;
	int rc;
};

static void hold_warning(const struct kz_err *e, void *arg)
{
	struct half *h = arg;
	KZ_GROW(h->held, h->heldalloc, h->nheld + 1);
	h->held[h->nheld++] = *e;
}

static void *read_half(void *arg)
{
	struct half *h = arg;
	char *piece = kz_xmalloc(READ_PIECE);
	struct kz_csv_reader *r;

	claims_rd_init(&h->cr, &h->t, h->path, h->warn ? hold_warning : NULL, h, &h->err);
	r = kz_csv_reader_new(h->path, claims_row, &h->cr);
	h->rc = feed_range(h->fd, r, 0, h->head, piece, h->path, &h->err);
	if (!h->rc)
		h->rc = feed_range(h->fd, r, h->from, h->to, piece, h->path, &h->err);
	if (!h->rc)
		h->rc = kz_csv_reader_finish(r, NULL, &h->err);
	kz_csv_reader_free(r);
	free(piece);
	return NULL;
}

/* Where the second half begins: after the first line end past the middle, when the header line
 * ends in the first piece (*head: its length); 0 when the file is not read in halves. */
static size_t split_point(int fd, size_t size, char *piece, size_t *head)
{
	ssize_t got;
	const char *nl;

	if (size < SPLIT_MIN || (got = pread(fd, piece, READ_PIECE, 0)) <= 0 ||
	    !(nl = memchr(piece, '\n', (size_t)got)))
		return 0;
	*head = (size_t)(nl - piece) + 1;
	if ((got = pread(fd, piece, READ_PIECE, (off_t)(size / 2))) <= 0 || !(nl = memchr(piece, '\n', (size_t)got)))
		return 0;
	return size / 2 + (size_t)(nl - piece) + 1;
}

/* The second half joins the first, which ended between records at the line the second's third
 * line is (header, then its first row on line 2): claims, held warnings and an error renumbered. */
static int join_half(struct claims_rd *cr, struct half *h, long line_after, struct kz_err *err)
{
	long shift = line_after - 2;
	struct kz_table *t = cr->t;

	if (h->t.n) {
		KZ_GROW(t->v, t->alloc, t->n + h->t.n);
		for (size_t i = 0; i < h->t.n; i++) {
			t->v[t->n + i] = h->t.v[i];
			t->v[t->n + i].line += shift;
		}
		t->n += h->t.n;
	}
	kz_arena_adopt(&t->arena, &h->t.arena);
	for (size_t i = 0; i < h->nheld; i++) {
		struct kz_err *e = &h->held[i];
		if (e->line)
			e->line += shift;
		if (cr->nwarned < KZ_ROWS_NAMED) {
			cr->warn(e, cr->arg);
			cr->nwarned++;
		} else if (e->code) {
			cr->nleft++;
		} else {
			cr->nkept++;
		}
	}
	cr->nleft += h->cr.nleft;
	cr->nkept += h->cr.nkept;
	if (h->rc) {
		*err = h->err;
		if (err->line)
			err->line += shift;
	}
	return h->rc;
}

int kz_claims_read_csv(struct kz_table *t, const char *path, kz_warn_fn warn, void *arg,
		       struct kz_err *err)
{
	struct claims_rd cr;
	struct kz_csv_reader *r;
	struct half *h = NULL;
	pthread_t th;
	char *piece;
	size_t size, split = 0, head = 0;
	ssize_t got;
	int fd, rc;

	if ((rc = kz_open_read(path, 0, &fd, &size, err)) != 0)
		return rc;
	claims_rd_init(&cr, t, path, warn, arg, err);
	r = kz_csv_reader_new(path, claims_row, &cr);
	piece = kz_xmalloc(READ_PIECE);
	if ((split = split_point(fd, size, piece, &head)) != 0) {
		h = kz_xcalloc(1, sizeof(*h));
		h->fd = fd;
		h->path = path;
		h->head = head;
		h->from = split;
		h->to = size;
		h->warn = warn != NULL;
		kz_table_init(&h->t);
		if (pthread_create(&th, NULL, read_half, h) != 0) {
			free(h);
			h = NULL;
		}
	}
	if (h) {
		rc = feed_range(fd, r, 0, split, piece, path, err);
		pthread_join(th, NULL);
		if (!rc && kz_csv_reader_between(r))
			rc = join_half(&cr, h, kz_csv_reader_line(r), err);
		else if (!rc)
			rc = feed_range(fd, r, split, size, piece, path, err); /* a quoted line end: read on */
		kz_table_release(&h->t);
		free(h->held);
		free(h);
	} else {
		/* in order, with read: a file of any kind or size */
		while (!rc && (got = kz_read_some(fd, piece, READ_PIECE)) != 0) {
			if (got < 0)
				rc = kz_err_set(err, KZ_EIO, path, 0, "read error: %s", strerror(errno));
			else
				rc = kz_csv_reader_feed(r, piece, (size_t)got, err);
		}
	}
	if (!rc)
		rc = kz_csv_reader_finish(r, NULL, err);
	close(fd);
	free(piece);
	kz_csv_reader_free(r);
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

