/* docs.c: the documents a report cites — path, title, publisher, date. */
#include "reports.h"

#include <stdlib.h>
#include <string.h>

void rp_docs_init(struct rp_docs *d)
{
	d->v = NULL;
	d->n = d->alloc = 0;
	kz_arena_init(&d->arena);
}

void rp_docs_release(struct rp_docs *d)
{
	free(d->v);
	d->v = NULL;
	d->n = d->alloc = 0;
	kz_arena_release(&d->arena);
}

const struct rp_doc *rp_docs_find(const struct rp_docs *d, const char *path)
{
	for (size_t i = 0; i < d->n; i++)
		if (!strcmp(d->v[i].path, path))
			return &d->v[i];
	return NULL;
}

void rp_docs_add(struct rp_docs *d, const char *path, const char *title, const char *publisher,
		 const char *date)
{
	struct rp_doc *e = (struct rp_doc *)rp_docs_find(d, path);

	if (!e) {
		KZ_GROW(d->v, d->alloc, d->n + 1);
		e = &d->v[d->n++];
		e->path = kz_arena_strdup(&d->arena, path);
	}
	e->title = kz_arena_strdup(&d->arena, title ? title : "");
	e->publisher = kz_arena_strdup(&d->arena, publisher ? publisher : "");
	e->date = kz_arena_strdup(&d->arena, date ? date : "");
}
