/* docinfo.c: the documents' dates, as the caller knows them (sources.csv, datelines). */
#include "stats_int.h"

#include <stdlib.h>
#include <string.h>

void st_docinfo_init(struct st_docinfo *d)
{
	d->v = NULL;
	d->n = d->alloc = 0;
	kz_arena_init(&d->arena);
	d->slot = NULL;
	d->cap = 0;
}

void st_docinfo_release(struct st_docinfo *d)
{
	free(d->v);
	free(d->slot);
	kz_arena_release(&d->arena);
	st_docinfo_init(d);
}

/* The index slot of doc: the one holding it, or the empty one where it belongs. */
static size_t slot_of(const struct st_docinfo *d, const char *doc)
{
	size_t h = st_hash_str(doc) & (d->cap - 1);

	while (d->slot[h] && strcmp(d->v[d->slot[h] - 1].doc, doc))
		h = (h + 1) & (d->cap - 1);
	return h;
}

static void reindex(struct st_docinfo *d, size_t cap)
{
	free(d->slot);
	d->slot = kz_xcalloc(cap, sizeof(*d->slot));
	d->cap = cap;
	for (size_t i = 0; i < d->n; i++)
		d->slot[slot_of(d, d->v[i].doc)] = (uint32_t)i + 1;
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

const struct st_docdate *st_docinfo_find(const struct st_docinfo *d, const char *doc)
{
	size_t h;

	if (!d->cap)
		return NULL;
	h = slot_of(d, doc);
	return d->slot[h] ? &d->v[d->slot[h] - 1] : NULL;
}

void st_docinfo_add(struct st_docinfo *d, const char *doc, const char *date)
{
	struct st_docdate *e;
	int y, m = 0;

	if (!date || strlen(date) < 4 || (y = digits(date, 4)) < 1000)
		return;
	if (date[4] == '-' && (m = digits(date + 5, 2)) > 12)
		m = 0;
	if (m < 0)
		m = 0;
	e = (struct st_docdate *)st_docinfo_find(d, doc);
	if (!e) {
		if ((d->n + 1) * 2 > d->cap)
			reindex(d, d->cap ? d->cap * 2 : 64);
		KZ_GROW(d->v, d->alloc, d->n + 1);
		e = &d->v[d->n];
		e->doc = kz_arena_strdup(&d->arena, doc);
		d->slot[slot_of(d, doc)] = (uint32_t)d->n + 1;
		d->n++;
	}
	e->date = kz_arena_strdup(&d->arena, date);
	e->year = y;
	e->month = m;
}
