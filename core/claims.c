/* claims.c: the claims table, its vocabularies and its CSV form as written (claims_read.c reads it). */
#include "claims.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* A string's 64-bit FNV-1a hash (the set of ids below). */
static uint64_t id_hash(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/*
 * The ids seen are a set of row numbers, open addressing in an array sized once for the whole
 * table (no allocation per id, no rehash). The ids are hashed first, in one pass, so that the slot
 * a row probes can be fetched from memory a few rows ahead: with a million claims nearly every
 * probe is a cache miss otherwise.
 */
#define PROBE_AHEAD 16

size_t kz_table_drop_repeats(struct kz_table *t, size_t from, const char **first)
{
	size_t cap = 16, j = 0, dropped = 0, n = t->n;
	struct {
		size_t row; /* 0 empty, else 1 + the row the id is kept at */
		uint64_t h; /* its id's hash: most probes compare no string */
	} *slot;
	uint64_t *hv = kz_xmalloc((n ? n : 1) * sizeof(*hv));

	if (first)
		*first = NULL;
	while (cap < 2 * n)
		cap *= 2;
	slot = kz_xcalloc(cap, sizeof(*slot));
	for (size_t i = 0; i < n; i++)
		hv[i] = t->v[i].id && *t->v[i].id ? id_hash(t->v[i].id) : 0;
	for (size_t i = 0; i < n; i++) {
		const char *id = t->v[i].id;
#if defined(__GNUC__)
		if (i + PROBE_AHEAD < n)
			__builtin_prefetch(&slot[(size_t)hv[i + PROBE_AHEAD] & (cap - 1)]);
#endif
		if (id && *id) {
			uint64_t hash = hv[i];
			size_t h = (size_t)hash & (cap - 1);
			int seen = 0;
			for (; slot[h].row; h = (h + 1) & (cap - 1))
				if (slot[h].h == hash && !strcmp(t->v[slot[h].row - 1].id, id)) {
					seen = 1;
					break;
				}
			if (seen && i >= from) {
				if (first && !*first)
					*first = id;
				dropped++;
				continue;
			}
			if (!seen) {
				slot[h].row = j + 1;
				slot[h].h = hash;
			}
		}
		t->v[j++] = t->v[i];
	}
	t->n = j;
	free(slot);
	free(hv);
	return dropped;
}
