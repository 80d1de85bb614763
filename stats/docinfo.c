/* docinfo.c: the documents' dates, as the caller knows them (sources.csv, datelines). */
#include "stats_int.h"

#include <stdlib.h>
#include <string.h>

void st_docinfo_init(struct st_docinfo *d)
{
	d->v = NULL;
	d->n = d->alloc = 0;
	kz_arena_init(&d->arena);
}

void st_docinfo_release(struct st_docinfo *d)
{
	free(d->v);
	kz_arena_release(&d->arena);
	st_docinfo_init(d);
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
	for (size_t i = d->n; i-- > 0;)
		if (!strcmp(d->v[i].doc, doc))
			return &d->v[i];
	return NULL;
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
		KZ_GROW(d->v, d->alloc, d->n + 1);
		e = &d->v[d->n++];
		e->doc = kz_arena_strdup(&d->arena, doc);
	}
	e->date = kz_arena_strdup(&d->arena, date);
	e->year = y;
	e->month = m;
}
