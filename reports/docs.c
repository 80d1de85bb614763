/* docs.c: the documents a report cites — path, title, publisher, date. */
#include "reports.h"

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void rp_docs_init(struct rp_docs *d)
{
	d->v = NULL;
	d->n = d->alloc = 0;
	kz_arena_init(&d->arena);
	d->by_path = g_hash_table_new(g_str_hash, g_str_equal);
}

void rp_docs_release(struct rp_docs *d)
{
	free(d->v);
	d->v = NULL;
	d->n = d->alloc = 0;
	kz_arena_release(&d->arena);
	if (d->by_path)
		g_hash_table_destroy(d->by_path);
	d->by_path = NULL;
}

const struct rp_doc *rp_docs_find(const struct rp_docs *d, const char *path)
{
	uintptr_t k = d->by_path ? (uintptr_t)g_hash_table_lookup(d->by_path, path) : 0;
	return k ? &d->v[k - 1] : NULL;
}

void rp_docs_add(struct rp_docs *d, const char *path, const char *title, const char *publisher,
		 const char *date)
{
	struct rp_doc *e = (struct rp_doc *)rp_docs_find(d, path);

	if (!e) {
		KZ_GROW(d->v, d->alloc, d->n + 1);
		e = &d->v[d->n++];
		e->path = kz_arena_strdup(&d->arena, path);
		g_hash_table_insert(d->by_path, (gpointer)e->path, (gpointer)(uintptr_t)d->n);
	}
	e->title = kz_arena_strdup(&d->arena, title ? title : "");
	e->publisher = kz_arena_strdup(&d->arena, publisher ? publisher : "");
	e->date = kz_arena_strdup(&d->arena, date ? date : "");
}
