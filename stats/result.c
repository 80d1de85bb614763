/* result.c: the st_result container (findings, consensus rows, their strings and index arrays). */
#include "stats_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Index arrays and weight lists are carved from big blocks freed at once. */
struct memblk {
	struct memblk *next;
	size_t used, size;
	max_align_t data[];
};

void st_result_init(struct st_result *r)
{
	memset(r, 0, sizeof(*r));
	kz_arena_init(&r->arena);
}

void st_result_release(struct st_result *r)
{
	struct memblk *m = r->mem, *next;

	for (; m; m = next) {
		next = m->next;
		free(m);
	}
	free(r->f);
	free(r->c);
	kz_arena_release(&r->arena);
	memset(r, 0, sizeof(*r));
}

void *st_result_alloc(struct st_result *r, size_t n, size_t sz)
{
	struct memblk *m = r->mem;
	size_t bytes = n * sz, al = sizeof(max_align_t);
	void *p;

	if (sz && bytes / sz != n)
		abort();
	bytes = (bytes + al - 1) / al * al;
	if (!bytes)
		bytes = al;
	if (!m || m->size - m->used < bytes) {
		size_t size = bytes > 65536 ? bytes : 65536;
		m = kz_xmalloc(sizeof(*m) + size);
		m->next = r->mem;
		m->used = 0;
		m->size = size;
		r->mem = m;
	}
	p = (char *)m->data + m->used;
	m->used += bytes;
	memset(p, 0, bytes);
	return p;
}

const char *st_result_str(struct st_result *r, const char *s)
{
	return kz_arena_strdup(&r->arena, s ? s : "");
}

struct st_finding *st_result_add(struct st_result *r, enum st_kind k, enum st_sev sev,
				 const struct kz_claim *fact, const char *year, const char *unit,
				 const size_t *claims, size_t n, double rel_diff, const char *expl)
{
	struct st_finding *f;

	KZ_GROW(r->f, r->falloc, r->nf + 1);
	f = &r->f[r->nf++];
	f->kind = k;
	f->sev = sev;
	f->ind = fact->ind;
	f->detail = st_result_str(r, fact->detail);
	f->subject = st_result_str(r, fact->subject);
	f->partner = st_result_str(r, fact->partner);
	f->year = st_result_str(r, year);
	f->unit = st_result_str(r, unit);
	f->claims = st_result_alloc(r, n, sizeof(size_t));
	memcpy(f->claims, claims, n * sizeof(size_t));
	f->nclaims = n;
	f->rel_diff = rel_diff;
	f->explanation = st_result_str(r, expl);
	r->count[k]++;
	if (sev == ST_SEV_ERROR)
		r->nerrors++;
	return f;
}

void st_result_merge(struct st_result *r, struct st_result *from)
{
	struct memblk *m = from->mem;

	if (from->nf) {
		KZ_GROW(r->f, r->falloc, r->nf + from->nf);
		memcpy(r->f + r->nf, from->f, from->nf * sizeof(*r->f));
		r->nf += from->nf;
	}
	if (from->nc) {
		KZ_GROW(r->c, r->calloc, r->nc + from->nc);
		memcpy(r->c + r->nc, from->c, from->nc * sizeof(*r->c));
		r->nc += from->nc;
	}
	for (int k = 0; k < ST_K__N; k++)
		r->count[k] += from->count[k];
	r->nerrors += from->nerrors;
	kz_arena_adopt(&r->arena, &from->arena);
	if (m) {
		while (m->next)
			m = m->next;
		m->next = r->mem;
		r->mem = from->mem;
		from->mem = NULL;
	}
	st_result_release(from);
}

struct st_consensus *st_result_add_consensus(struct st_result *r)
{
	struct st_consensus *c;

	KZ_GROW(r->c, r->calloc, r->nc + 1);
	c = &r->c[r->nc++];
	memset(c, 0, sizeof(*c));
	c->estimate = c->low = c->high = NAN;
	return c;
}
