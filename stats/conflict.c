/* conflict.c: conflict (same fact and year, intervals apart, between documents or within one) and drift (same fact, years apart, changed beyond the statements). */
#include "stats_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LISTED 50   /* claims listed in one conflict finding */
#define MAX_PAIRS 10000 /* claim pairs compared between two years before sampling */

/*
 * The intervals of claims i and j in a common unit: their own when the units
 * agree, else in USD with the rate tolerance as slack. Returns 0 when the two
 * cannot be compared.
 */
int st_common(const struct st_ctx *x, size_t i, size_t j, double iv[4], double *slack)
{
	const struct kz_claim *a = &x->t->v[i], *b = &x->t->v[j];

	if (!strcmp(a->unit, b->unit)) {
		iv[0] = a->low, iv[1] = a->high, iv[2] = b->low, iv[3] = b->high;
		*slack = 0;
		return 1;
	}
	if (!isfinite(x->usd[i]) || !isfinite(x->usd[j]))
		return 0;
	iv[0] = x->ulo[i], iv[1] = x->uhi[i], iv[2] = x->ulo[j], iv[3] = x->uhi[j];
	*slack = x->o->fx_tol;
	return 1;
}

/* Gap between [a0,a1] and [b0,b1] relative to the smaller bound, after slack; <= 0 when they overlap. */
double st_gap(double a0, double a1, double b0, double b1, double slack)
{
	double g;

	if (a1 < b0) {
		g = (b0 - a1) / (fabs(a1) > 0 ? fabs(a1) : 1);
	} else if (b1 < a0) {
		g = (a0 - b1) / (fabs(b1) > 0 ? fabs(b1) : 1);
	} else {
		return -1;
	}
	return g - slack;
}

double st_reldiff(double a, double b)
{
	double lo = fabs(a) < fabs(b) ? fabs(a) : fabs(b), hi = fabs(a) < fabs(b) ? fabs(b) : fabs(a);
	return lo > 0 ? hi / lo - 1 : NAN;
}

/* Has the quote words beyond its figure ("gut 23.000 aktive Soldaten", not "28.500")? */
static int quote_has_words(const char *q)
{
	for (; *q; q++)
		if ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') || (unsigned char)*q >= 0xc3)
			return 1;
	return 0;
}

void st_claim_figure(struct kz_buf *e, const struct kz_claim *c, enum st_lang lang)
{
	char v[96];

	if (lang != ST_LANG_EN) {
		kz_buf_adds(e, c->quote);
		return;
	}
	st_fmt_value_en(v, sizeof v, c->value, c->unit);
	kz_buf_adds(e, v);
	if (quote_has_words(c->quote))
		kz_buf_addf(e, " (\xe2\x80\x9c%s\xe2\x80\x9d)", c->quote);
}

/* "etwa 28.500 (b.txt)", "etwa 28.500 (Yonhap, b.txt)", "etwa 28.500 (2025, b.txt)"; in English
 * "28,500 (“etwa 28.500”, 2025, b.txt)" */
void st_claim_ref(struct kz_buf *e, const struct kz_claim *c, unsigned what, enum st_lang lang)
{
	if (lang == ST_LANG_EN) {
		char v[96];
		st_fmt_value_en(v, sizeof v, c->value, c->unit);
		kz_buf_adds(e, v);
		kz_buf_adds(e, " (");
		if (quote_has_words(c->quote))
			kz_buf_addf(e, "\xe2\x80\x9c%s\xe2\x80\x9d, ", c->quote);
	} else {
		kz_buf_adds(e, c->quote);
		kz_buf_adds(e, " (");
	}
	if ((what & ST_REF_SOURCE) && c->source && *c->source) {
		kz_buf_adds(e, c->source);
		kz_buf_adds(e, ", ");
	}
	if ((what & ST_REF_YEAR) && *c->year) {
		kz_buf_adds(e, c->year);
		kz_buf_adds(e, ", ");
	}
	kz_buf_adds(e, st_basename(c->doc));
	kz_buf_addc(e, ')');
}

static void add_conflict(struct st_ctx *x, const struct st_bucket *b, size_t a, size_t c,
			 const size_t *list, size_t nlist, enum st_sev sev, int undated, int mixed, int one_doc)
{
	const struct kz_claim *ca = &x->t->v[a], *cc = &x->t->v[c];
	enum st_lang lang = x->o->lang;
	struct kz_buf e = KZ_BUF_INIT;
	char pct[64];
	double va = mixed ? x->usd[a] : ca->value, vc = mixed ? x->usd[c] : cc->value;
	double rd = st_reldiff(va, vc);

	st_fact_phrase(&e, ca, undated ? cc->year : b->year, lang);
	kz_buf_adds(&e, ": ");
	st_claim_ref(&e, ca, 0, lang);
	kz_buf_adds(&e, " vs. ");
	st_claim_ref(&e, cc, 0, lang);
	kz_buf_adds(&e, lang == ST_LANG_EN ? " – the intervals do not overlap" : " – die Intervalle überschneiden sich nicht");
	if (mixed)
		kz_buf_adds(&e, lang == ST_LANG_EN ? " (compared in USD)" : " (in US-Dollar verglichen)");
	if (isfinite(rd)) {
		st_fmt_pct(pct, sizeof(pct), rd * 100, lang);
		kz_buf_addf(&e, lang == ST_LANG_EN ? ", difference %s" : ", Abweichung %s", pct);
	}
	if (one_doc)
		kz_buf_adds(&e, lang == ST_LANG_EN ? "; both in the same text, which may mean two different quantities"
						   : "; beide im selben Text, womöglich zwei verschiedene Größen");
	if (undated)
		kz_buf_adds(&e, lang == ST_LANG_EN
					? "; one figure has no year (its document's year was assumed), so this is not certain"
					: "; eine Angabe nennt kein Jahr (angenommen: das Jahr des Dokuments), daher unsicher");
	st_result_add(x->r, ST_K_CONFLICT, sev, ca, undated ? cc->year : b->year,
		      mixed ? "USD" : ca->unit, list, nlist, rd, e.s ? e.s : "");
	kz_buf_release(&e);
}

/* Claims of one dated bucket from different documents whose intervals do not overlap. */
static void bucket_conflict(struct st_ctx *x, const struct st_bucket *b)
{
	double s = b->mixed ? x->o->fx_tol : 0;
	/* smallest highs and largest lows, each with a runner-up from another document */
	size_t h1 = SIZE_MAX, h2 = SIZE_MAX, l1 = SIZE_MAX, l2 = SIZE_MAX;
	size_t list[MAX_LISTED], nlist = 0, a, c;

	for (size_t k = b->start; k < b->start + b->n; k++) {
		size_t i = x->order[k];
		double hi = st_hi(x, b, i), lo = st_lo(x, b, i);
		if (h1 == SIZE_MAX || hi < st_hi(x, b, h1)) {
			if (h1 != SIZE_MAX && x->docid[h1] != x->docid[i])
				h2 = h1;
			h1 = i;
		} else if (x->docid[i] != x->docid[h1] && (h2 == SIZE_MAX || hi < st_hi(x, b, h2))) {
			h2 = i;
		}
		if (l1 == SIZE_MAX || lo > st_lo(x, b, l1)) {
			if (l1 != SIZE_MAX && x->docid[l1] != x->docid[i])
				l2 = l1;
			l1 = i;
		} else if (x->docid[i] != x->docid[l1] && (l2 == SIZE_MAX || lo > st_lo(x, b, l2))) {
			l2 = i;
		}
	}
	/* the pair: lowest high against the highest low of another document */
	a = h1;
	c = x->docid[l1] != x->docid[h1] ? l1 : l2;
	if (c == SIZE_MAX || st_gap(st_lo(x, b, a), st_hi(x, b, a), st_lo(x, b, c), st_hi(x, b, c), s) <= 0) {
		c = l1;
		a = x->docid[h1] != x->docid[l1] ? h1 : h2;
		if (a == SIZE_MAX ||
		    st_gap(st_lo(x, b, a), st_hi(x, b, a), st_lo(x, b, c), st_hi(x, b, c), s) <= 0)
			return;
	}
	list[nlist++] = a;
	list[nlist++] = c;
	for (size_t k = b->start; k < b->start + b->n && nlist < MAX_LISTED; k++) {
		size_t i = x->order[k], oh, ol;
		if (i == a || i == c)
			continue;
		oh = x->docid[i] != x->docid[h1] ? h1 : h2;
		ol = x->docid[i] != x->docid[l1] ? l1 : l2;
		if ((oh != SIZE_MAX && st_gap(st_lo(x, b, i), st_hi(x, b, i), st_lo(x, b, oh), st_hi(x, b, oh), s) > 0) ||
		    (ol != SIZE_MAX && st_gap(st_lo(x, b, i), st_hi(x, b, i), st_lo(x, b, ol), st_hi(x, b, ol), s) > 0))
			list[nlist++] = i;
	}
	add_conflict(x, b, a, c, list, nlist, ST_SEV_ERROR, 0, b->mixed, 0);
}

/*
 * Two reported figures of one fact and year in one document whose intervals do not overlap: the
 * text contradicts itself, or (more often, on the seeds 8 times of 8) speaks of two things the
 * extraction took for one — a total and its part, a year and a span. So it is information for
 * the reader, not a warning. Money in two currencies within one text is the currency check's.
 * The bucket's claims are in document order, so each document's claims are adjacent.
 */
static void within_doc_conflicts(struct st_ctx *x, const struct st_bucket *b)
{
	const size_t *o = x->order + b->start;

	if (x->t->v[o[0]].status != KZ_S_REPORTED || b->mixed)
		return;
	for (size_t k0 = 0, k1; k0 < b->n; k0 = k1) {
		size_t lo = o[k0], hi = o[k0];
		for (k1 = k0 + 1; k1 < b->n && x->docid[o[k1]] == x->docid[o[k0]]; k1++) {
			if (st_hi(x, b, o[k1]) < st_hi(x, b, lo))
				lo = o[k1];
			if (st_lo(x, b, o[k1]) > st_lo(x, b, hi))
				hi = o[k1];
		}
		if (k1 - k0 >= 2 && lo != hi &&
		    st_gap(st_lo(x, b, lo), st_hi(x, b, lo), st_lo(x, b, hi), st_hi(x, b, hi), 0) > 0) {
			size_t list[2] = {lo, hi};
			add_conflict(x, b, lo, hi, list, 2, ST_SEV_INFO, 0, 0, 1);
		}
	}
}

/*
 * An undated claim against the claims dated to its document's year: if it
 * overlaps none of them (from other documents), a conflict at warning level.
 */
static void undated_conflicts(struct st_ctx *x, size_t f0, size_t f1, const struct st_bucket *u)
{
	for (size_t k = u->start; k < u->start + u->n; k++) {
		size_t i = x->order[k], best = SIZE_MAX;
		int y = x->docyear[i], any = 0, overlap = 0;
		double bestgap = INFINITY, iv[4], s;
		const struct st_bucket *d = NULL;

		if (!y)
			continue;
		for (size_t bi = f0; bi < f1; bi++)
			if (x->b[bi].yr.y0 == y && x->b[bi].yr.y1 == y && x->b[bi].year[0])
				d = &x->b[bi];
		if (!d)
			continue;
		for (size_t m = d->start; m < d->start + d->n && !overlap; m++) {
			size_t j = x->order[m];
			double g;
			if (x->docid[j] == x->docid[i] || !st_common(x, i, j, iv, &s))
				continue;
			any = 1;
			g = st_gap(iv[0], iv[1], iv[2], iv[3], s);
			if (g <= 0)
				overlap = 1;
			else if (g < bestgap)
				bestgap = g, best = j;
		}
		if (any && !overlap && best != SIZE_MAX) {
			size_t list[2] = {i, best};
			add_conflict(x, d, i, best, list, 2, ST_SEV_WARNING, 1,
				     strcmp(x->t->v[i].unit, x->t->v[best].unit) != 0, 0);
		}
	}
}

/* Two dated buckets of one fact, years apart: drift when no pair of claims from different documents overlaps. */
static void drift(struct st_ctx *x, const struct st_bucket *a, const struct st_bucket *b)
{
	size_t na = a->n, nb = b->n, bi = SIZE_MAX, bj = SIZE_MAX;
	double best = INFINITY, iv[4], s;
	int any = 0;

	if (na * nb > MAX_PAIRS) {
		na = na > 100 ? 100 : na;
		nb = nb > 100 ? 100 : nb;
	}
	for (size_t p = 0; p < na; p++) {
		size_t i = x->order[a->start + p];
		for (size_t q = 0; q < nb; q++) {
			size_t j = x->order[b->start + q];
			double g;
			if (x->docid[i] == x->docid[j] || !st_common(x, i, j, iv, &s))
				continue;
			any = 1;
			g = st_gap(iv[0], iv[1], iv[2], iv[3], s);
			if (g <= 0)
				return;
			if (g < best)
				best = g, bi = i, bj = j;
		}
	}
	if (!any || bi == SIZE_MAX)
		return;
	{
		const struct kz_claim *ci = &x->t->v[bi], *cj = &x->t->v[bj];
		enum st_lang lang = x->o->lang;
		int mixed = strcmp(ci->unit, cj->unit) != 0;
		double vi = mixed ? x->usd[bi] : ci->value, vj = mixed ? x->usd[bj] : cj->value;
		double rd = vi != 0 ? vj / vi - 1 : NAN;
		struct kz_buf e = KZ_BUF_INIT, yr = KZ_BUF_INIT;
		char pct[64];
		size_t list[2] = {bi, bj};

		kz_buf_addf(&yr, "%s/%s", a->year, b->year);
		st_fact_phrase(&e, ci, NULL, lang);
		kz_buf_adds(&e, ": ");
		st_claim_ref(&e, ci, ST_REF_YEAR, lang);
		kz_buf_adds(&e, " → ");
		st_claim_ref(&e, cj, ST_REF_YEAR, lang);
		if (isfinite(rd)) {
			/* a sign as the sheet's heading writes it: "+57 %", "−8,2 %" (a minus, not a hyphen) */
			st_fmt_pct(pct, sizeof(pct), fabs(rd) * 100, lang);
			kz_buf_addf(&e, lang == ST_LANG_EN ? " – changed by %s%s" : " – Veränderung um %s%s",
				    rd * 100 >= ST_PCT_MAX ? "" : rd > 0 ? "+" : rd < 0 ? "\xe2\x88\x92" : "", pct);
		}
		/* (a change beyond what the figures' rounding explains: a development, no contradiction) */
		kz_buf_adds(&e, lang == ST_LANG_EN
					? ", more than the rounding of the figures explains: a development over the years, not a contradiction"
					: ", mehr als die Rundung der Angaben erklärt: eine Entwicklung über die Jahre, kein Widerspruch");
		st_result_add(x->r, ST_K_DRIFT, ST_SEV_INFO, ci, yr.s, mixed ? "USD" : ci->unit, list, 2, rd,
			      e.s ? e.s : "");
		kz_buf_release(&e);
		kz_buf_release(&yr);
	}
}

/* Does every claim of bucket p restate a figure its document gave for an earlier period of the
 * same length (buckets [f0, p) of the fact): the same value, dated twice ("2020 circa 31 050" and,
 * in the present tense, "umfasst 31 050")? Such a bucket is no period of its own for a drift. */
static int restated_bucket(const struct st_ctx *x, size_t f0, size_t p)
{
	const struct st_bucket *b = &x->b[p];

	for (size_t k = b->start; k < b->start + b->n; k++) {
		size_t i = x->order[k];
		int seen = 0;
		for (size_t q = f0; q < p && !seen; q++) {
			const struct st_bucket *e = &x->b[q];
			if (!e->yr.y0 || e->yr.y1 - e->yr.y0 != b->yr.y1 - b->yr.y0 || e->yr.y1 >= b->yr.y0)
				continue;
			for (size_t m = e->start; m < e->start + e->n && !seen; m++) {
				size_t j = x->order[m];
				seen = x->docid[j] == x->docid[i] && x->t->v[j].value == x->t->v[i].value &&
				       !strcmp(x->t->v[j].unit, x->t->v[i].unit);
			}
		}
		if (!seen)
			return 0;
	}
	return b->n > 0;
}

void st_conflicts(struct st_ctx *x)
{
	for (size_t f0 = 0, f1; f0 < x->nb; f0 = f1) {
		for (f1 = f0; f1 < x->nb && x->b[f1].fact == x->b[f0].fact; f1++)
			;
		for (size_t bi = f0; bi < f1; bi++) {
			const struct st_bucket *b = &x->b[bi];
			if (!b->year[0]) {
				undated_conflicts(x, f0, f1, b);
				continue;
			}
			if (b->ndocs >= 2)
				bucket_conflict(x, b);
			within_doc_conflicts(x, b);
			/* drift only between reported figures: a target against a level is no change */
			if (!b->yr.y0 || x->t->v[x->order[b->start]].status != KZ_S_REPORTED)
				continue;
			/* drift against the nearest earlier period of the same length (year with year, decade with decade) */
			for (size_t pj = bi; pj-- > f0 && bi - pj <= 64;) {
				const struct st_bucket *p = &x->b[pj];
				if (p->yr.y0 && p->yr.y1 - p->yr.y0 == b->yr.y1 - b->yr.y0 && p->yr.y1 < b->yr.y0) {
					if (restated_bucket(x, f0, pj))
						continue; /* the figure's first period is the one to compare */
					drift(x, p, b);
					break;
				}
			}
		}
	}
}
