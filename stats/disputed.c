/*
 * disputed.c: claim findings — a figure the text marks as someone's assertion (status `claim`:
 * "wie er behauptete", "angeblich", later corrected) against the reported figure of the same
 * fact.
 *
 * The fact is the same but for the status: indicator, detail, subject, partner and unit class
 * (money in USD where it converts). The claim's figures are few, so their keys go into a small
 * interner first; one pass over the reported figures then finds those of the same key whose year
 * fits (the same year, or one of the two undated and the other of its document's year). A claim
 * that overlaps a reported figure is borne out and gives no finding. Of the others, the reported
 * figure of the claim's own document is taken first (the text that corrects it), else the
 * nearest one: one finding per claim, a warning, with both quotes.
 */
#include "stats_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The key of claim i without its status, into buf. */
static const char *fact_key(const struct st_ctx *x, size_t i, char *buf, size_t n)
{
	const struct kz_claim *c = &x->t->v[i];
	const char *unit = st_is_money(c->unit) && isfinite(x->usd[i]) ? "\001money" : c->unit;

	snprintf(buf, n, "%d\001%s\001%s\001%s\001%s", (int)c->ind, c->detail, c->subject, c->partner, unit);
	return buf;
}

/* Do the years of claims i and j fit: the same, or one undated and the other its document's? */
static int same_year(const struct st_ctx *x, size_t i, size_t j)
{
	const struct kz_claim *a = &x->t->v[i], *b = &x->t->v[j];
	char dy[16];

	if (!strcmp(a->year, b->year))
		return 1;
	if (!*a->year && x->docyear[i]) {
		snprintf(dy, sizeof(dy), "%d", x->docyear[i]);
		return !strcmp(dy, b->year);
	}
	if (!*b->year && x->docyear[j]) {
		snprintf(dy, sizeof(dy), "%d", x->docyear[j]);
		return !strcmp(dy, a->year);
	}
	return 0;
}

struct pending {
	size_t claim;
	int borne;      /* a reported figure overlaps it */
	size_t against; /* the reported figure it is set against (SIZE_MAX: none yet) */
	int own_doc;    /* against is from the claim's own document */
	double gap;
};

static void explain(struct st_ctx *x, const struct pending *p)
{
	const struct kz_claim *c = &x->t->v[p->claim], *r = &x->t->v[p->against];
	enum st_lang lang = x->o->lang;
	int mixed = strcmp(c->unit, r->unit) != 0;
	double rd = st_reldiff(mixed ? x->usd[p->claim] : c->value, mixed ? x->usd[p->against] : r->value);
	struct kz_buf e = KZ_BUF_INIT;
	size_t list[2] = {p->claim, p->against};
	char pct[64];

	st_fact_phrase(&e, r, *r->year ? r->year : c->year, lang);
	kz_buf_adds(&e, lang == ST_LANG_EN ? ": the claim " : ": die Behauptung ");
	st_claim_ref(&e, c, ST_REF_SOURCE, lang);
	kz_buf_adds(&e, lang == ST_LANG_EN ? " against the reported " : " gegen den berichteten Wert ");
	st_claim_ref(&e, r, ST_REF_SOURCE, lang);
	if (isfinite(rd)) {
		st_fmt_pct(pct, sizeof(pct), rd * 100, lang);
		kz_buf_addf(&e, lang == ST_LANG_EN ? " – difference %s" : " – Abweichung %s", pct);
	}
	if (p->own_doc)
		kz_buf_adds(&e, lang == ST_LANG_EN ? "; the same text corrects it"
						   : "; derselbe Text stellt sie richtig");
	else
		kz_buf_adds(&e, lang == ST_LANG_EN ? "; the text marks the first figure as an assertion"
						   : "; der Text kennzeichnet die erste Zahl als Behauptung");
	st_result_add(x->r, ST_K_CLAIM, ST_SEV_WARNING, r, *r->year ? r->year : c->year, mixed ? "USD" : r->unit,
		      list, 2, rd, e.s ? e.s : "");
	kz_buf_release(&e);
}

void st_disputed(struct st_ctx *x)
{
	const struct kz_table *t = x->t;
	struct st_intern keys;
	struct kz_arena arena;
	struct pending *p = NULL;
	size_t np = 0, ap = 0, *first, *next;
	char buf[256];

	st_intern_init(&keys);
	kz_arena_init(&arena);
	for (size_t i = 0; i < t->n; i++) {
		if (t->v[i].status != KZ_S_CLAIM || !st_is_fact_claim(x, i))
			continue;
		KZ_GROW(p, ap, np + 1);
		p[np].claim = i;
		p[np].borne = 0;
		p[np].against = SIZE_MAX;
		p[np].own_doc = 0;
		p[np].gap = INFINITY;
		np++;
		st_intern_id(&keys, kz_arena_strdup(&arena, fact_key(x, i, buf, sizeof(buf))));
	}
	if (!np) {
		st_intern_release(&keys);
		kz_arena_release(&arena);
		return;
	}
	/* the claims of each key, chained: first[key], next[claim] */
	first = kz_xmalloc(keys.n * sizeof(*first));
	next = kz_xmalloc(np * sizeof(*next));
	for (size_t k = 0; k < keys.n; k++)
		first[k] = SIZE_MAX;
	for (size_t k = np; k-- > 0;) {
		uint32_t id = st_intern_find(&keys, fact_key(x, p[k].claim, buf, sizeof(buf)));
		next[k] = first[id];
		first[id] = k;
	}
	for (size_t j = 0; j < t->n; j++) {
		uint32_t id;
		if (t->v[j].status != KZ_S_REPORTED || !st_is_fact_claim(x, j))
			continue;
		id = st_intern_find(&keys, fact_key(x, j, buf, sizeof(buf)));
		if (id == UINT32_MAX)
			continue;
		for (size_t k = first[id]; k != SIZE_MAX; k = next[k]) {
			size_t i = p[k].claim;
			double iv[4], s, g;
			int own;
			if (p[k].borne || !same_year(x, i, j) || !st_common(x, i, j, iv, &s))
				continue;
			g = st_gap(iv[0], iv[1], iv[2], iv[3], s);
			if (g <= 0) {
				p[k].borne = 1;
				continue;
			}
			own = x->docid[i] == x->docid[j];
			if (p[k].against == SIZE_MAX || own > p[k].own_doc || (own == p[k].own_doc && g < p[k].gap)) {
				p[k].against = j;
				p[k].own_doc = own;
				p[k].gap = g;
			}
		}
	}
	for (size_t k = 0; k < np; k++)
		if (!p[k].borne && p[k].against != SIZE_MAX)
			explain(x, &p[k]);
	free(first);
	free(next);
	free(p);
	st_intern_release(&keys);
	kz_arena_release(&arena);
}
