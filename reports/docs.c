/* docs.c: the documents a report cites — path, citation, hash, claims, state — and documents.csv. */
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

const char *rp_docs_str(struct rp_docs *d, const char *s)
{
	return kz_arena_strdup(&d->arena, s ? s : "");
}

struct rp_doc *rp_docs_add(struct rp_docs *d, const char *path, const char *title, const char *publisher,
			   const char *date, const char *url)
{
	struct rp_doc *e = (struct rp_doc *)rp_docs_find(d, path);

	if (!e) {
		KZ_GROW(d->v, d->alloc, d->n + 1);
		e = &d->v[d->n++];
		memset(e, 0, sizeof *e);
		e->path = kz_arena_strdup(&d->arena, path);
		e->sha256 = e->message = "";
		g_hash_table_insert(d->by_path, (gpointer)e->path, (gpointer)(uintptr_t)d->n);
	}
	e->title = rp_docs_str(d, title);
	e->publisher = rp_docs_str(d, publisher);
	e->date = rp_docs_str(d, date);
	e->url = rp_docs_str(d, url);
	return e;
}

const char *rp_doc_state_name(enum rp_doc_state s)
{
	return s == RP_DOC_BAD ? "bad" : s == RP_DOC_NO_FIGURES ? "no_figures" : "ok";
}

void rp_docs_write_csv(const struct rp_docs *d, FILE *f, enum kz_csv_dialect dialect)
{
	static const char *const cols[] = {"file", "title", "publisher", "published", "url", "sha256",
					   "pages", "claims", "state", "message", NULL};
	struct kz_csv_writer w;

	kz_csv_writer_init(&w, f, dialect);
	for (int i = 0; cols[i]; i++)
		kz_csv_field(&w, cols[i]);
	kz_csv_endrow(&w);
	for (size_t i = 0; i < d->n; i++) {
		const struct rp_doc *e = &d->v[i];
		kz_csv_field(&w, e->path);
		kz_csv_field(&w, e->title);
		kz_csv_field(&w, e->publisher);
		kz_csv_field(&w, e->date);
		kz_csv_field(&w, e->url);
		kz_csv_field(&w, e->sha256);
		if (e->pages > 0)
			kz_csv_int(&w, e->pages);
		else
			kz_csv_field(&w, "");
		kz_csv_int(&w, (long)e->nclaims);
		kz_csv_field(&w, rp_doc_state_name(e->state));
		kz_csv_field(&w, e->message);
		kz_csv_endrow(&w);
	}
}
