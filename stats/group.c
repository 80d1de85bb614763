/* group.c: the claims about one fact (indicator, detail, status, subject, partner, unit class) grouped by year. */
#include "stats_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/*
 * A fact claim's sort key, 32 bytes so that qsort moves the keys themselves (glibc's merge sort
 * sorts larger elements through pointers, each comparison a jump elsewhere in memory). The year
 * is its rank among the table's year strings by (first year, last year, first sight): one
 * number that sorts as those three did and is equal just when the strings are. Claim indices are
 * 32-bit, as the interner's ids are: a table holds fewer than 2^32 claims.
 */
struct key {
	uint32_t k[6]; /* ind, detail and status, subject, partner, unit class, year rank */
	uint32_t doc;
	uint32_t i;
};

static int cmp_key(const void *a, const void *b)
{
	const struct key *p = a, *q = b;

	for (int j = 0; j < 6; j++)
		if (p->k[j] != q->k[j])
			return p->k[j] < q->k[j] ? -1 : 1;
	if (p->doc != q->doc)
		return p->doc < q->doc ? -1 : 1;
	return p->i < q->i ? -1 : p->i > q->i;
}

/* A year string of the table, parsed, and its rank in year order. */
struct yearkey {
	struct st_year y;
	uint32_t id;
};

static int cmp_yearkey(const void *a, const void *b)
{
	const struct yearkey *p = a, *q = b;

	if (p->y.y0 != q->y.y0)
		return p->y.y0 < q->y.y0 ? -1 : 1;
	if (p->y.y1 != q->y.y1)
		return p->y.y1 < q->y.y1 ? -1 : 1;
	return p->id < q->id ? -1 : p->id > q->id;
}

/* Claims that take part in fact checks: core indicators about a known subject. */
int st_is_fact_claim(const struct st_ctx *x, size_t i)
{
	const struct kz_claim *c = &x->t->v[i];

	return kz_ind_is_core(c->ind) && *c->subject && !x->twin[i] && isfinite(c->value) &&
	       isfinite(c->low) && isfinite(c->high) && c->low <= c->high;
}

void st_group(struct st_ctx *x)
{
	const struct kz_table *t = x->t;
	struct st_intern str, years;
	struct kz_arena keys_arena;
	struct key *keys;
	struct yearkey *yk;
	struct st_year *yr;
	uint32_t *rank;
	size_t n = 0;
	uint32_t money;

	st_intern_init(&str);
	st_intern_init(&years);
	kz_arena_init(&keys_arena);
	money = st_intern_id(&str, "\001money");
	keys = kz_xmalloc((t->n ? t->n : 1) * sizeof(*keys));
	for (size_t i = 0; i < t->n; i++) {
		const struct kz_claim *c = &t->v[i];
		struct key *k;
		if (!st_is_fact_claim(x, i))
			continue;
		k = &keys[n++];
		k->k[0] = (uint32_t)c->ind;
		/* a plan, target, demand, limit, claim or forecast is never one fact with what is reported */
		if (c->status == KZ_S_REPORTED) {
			k->k[1] = st_intern_id(&str, c->detail);
		} else {
			/* the interner borrows its strings: this one lives in the group's arena */
			char ds[112];
			/* (an undated one is its own document's: Trump's five billion of 2019 and his ten
			 * billion of 2024, both without a year, are two demands, not one disputed fact) */
			if (*c->year)
				snprintf(ds, sizeof(ds), "%s\001%s", c->detail, kz_status_name(c->status));
			else
				snprintf(ds, sizeof(ds), "%s\001%s\001%u", c->detail, kz_status_name(c->status), (unsigned)x->docid[i]);
			k->k[1] = st_intern_id(&str, kz_arena_strdup(&keys_arena, ds));
		}
		k->k[2] = st_intern_id(&str, c->subject);
		k->k[3] = st_intern_id(&str, c->partner);
		k->k[4] = st_is_money(c->unit) && isfinite(x->usd[i]) ? money : st_intern_id(&str, c->unit);
		k->k[5] = st_intern_id(&years, c->year); /* its rank below */
		k->doc = x->docid[i];
		k->i = (uint32_t)i;
	}
	/* an undated or unparsable year sorts first */
	yk = kz_xmalloc((years.n ? years.n : 1) * sizeof(*yk));
	yr = kz_xmalloc((years.n ? years.n : 1) * sizeof(*yr));
	rank = kz_xmalloc((years.n ? years.n : 1) * sizeof(*rank));
	for (size_t y = 0; y < years.n; y++) {
		yk[y].y = st_year_parse(years.key[y]);
		yk[y].id = (uint32_t)y;
	}
	qsort(yk, years.n, sizeof(*yk), cmp_yearkey);
	for (size_t r = 0; r < years.n; r++) {
		rank[yk[r].id] = (uint32_t)r;
		yr[r] = yk[r].y;
	}
	for (size_t j = 0; j < n; j++)
		keys[j].k[5] = rank[keys[j].k[5]];
	qsort(keys, n, sizeof(*keys), cmp_key);
	x->order = kz_xmalloc((n ? n : 1) * sizeof(size_t));
	x->norder = n;
	for (size_t j = 0; j < n;) {
		size_t e = j + 1, fact;
		struct st_bucket *b;
		while (e < n && !memcmp(keys[e].k, keys[j].k, sizeof(keys[j].k)))
			e++;
		fact = x->nb && !memcmp(keys[j].k, keys[x->b[x->nb - 1].start].k, 5 * sizeof(uint32_t))
			       ? x->b[x->nb - 1].fact
			       : (x->nb ? x->b[x->nb - 1].fact + 1 : 0);
		KZ_GROW(x->b, x->balloc, x->nb + 1);
		b = &x->b[x->nb++];
		memset(b, 0, sizeof(*b));
		b->start = j;
		b->n = e - j;
		b->fact = fact;
		b->yr = yr[keys[j].k[5]];
		b->year = t->v[keys[j].i].year;
		b->ndocs = 1;
		for (size_t k = j; k < e; k++) {
			x->order[k] = keys[k].i;
			if (k > j && keys[k].doc != keys[k - 1].doc)
				b->ndocs++;
			if (keys[k].k[4] == money && strcmp(t->v[keys[k].i].unit, t->v[keys[j].i].unit))
				b->mixed = 1;
		}
		j = e;
	}
	/* b->start indexed keys while building; it indexes order[] too (same positions) */
	free(keys);
	free(yk);
	free(yr);
	free(rank);
	st_intern_release(&str);
	st_intern_release(&years);
	kz_arena_release(&keys_arena);
}
