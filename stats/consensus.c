/* consensus.c: truth discovery (CATD source weights), consensus rows per fact and year, robust and trend outliers (GSL). */
#include "stats_int.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ITER 10
#define CHI_MEMO 256 /* claim counts whose chi-square quantile is remembered */
#define NOISE 0.01 /* relative deviation every claim is allowed (rounding): keeps weights finite */

/*
 * What the stages below read of each fact claim, copied once in order[] positions: a table of a
 * million claims lies in memory in the order it was read, the buckets visit it in fact order, and
 * every pass over scattered claims costs a cache miss a claim.
 */
struct gathered {
	double *val, *lo, *hi; /* the claim's value and interval (in US dollars in a mixed bucket) */
	uint32_t *src, *doc;   /* its source (x->srcid) and document (x->docid) */
};

static void gather(const struct st_ctx *x, struct gathered *g)
{
	size_t n = x->norder ? x->norder : 1;

	g->val = kz_xmalloc(n * sizeof(double));
	g->lo = kz_xmalloc(n * sizeof(double));
	g->hi = kz_xmalloc(n * sizeof(double));
	g->src = kz_xmalloc(n * sizeof(uint32_t));
	g->doc = kz_xmalloc(n * sizeof(uint32_t));
	for (size_t bi = 0; bi < x->nb; bi++) {
		const struct st_bucket *b = &x->b[bi];
		for (size_t k = b->start; k < b->start + b->n; k++) {
			size_t i = x->order[k];
			g->val[k] = st_val(x, b, i);
			g->lo[k] = st_lo(x, b, i);
			g->hi[k] = st_hi(x, b, i);
			g->src[k] = x->srcid[i];
			g->doc[k] = x->docid[i];
		}
	}
}

static void gathered_release(struct gathered *g)
{
	free(g->val);
	free(g->lo);
	free(g->hi);
	free(g->src);
	free(g->doc);
}

/*
 * CATD (Li et al., VLDB 2015): w_s = chi2_{alpha/2}(n_s) / sum of squared
 * normalised deviations of s's claims from the current truths; truths are the
 * weighted means. A source is who vouches for a figure (x->srcid: the named
 * originator, else the publisher), not a document: ten outlets repeating one
 * ministry's figure are one source, and within one fact-year a source has one
 * vote, shared among its claims (share[]). Values, sources and shares are
 * flat arrays (in order[] positions) so the iterations run over contiguous
 * memory.
 */
static void catd_weights(struct st_ctx *x, const struct gathered *g, double *truth, double *w, double *share,
			 unsigned char *multi)
{
	size_t ns = x->src_in.n;
	double *dev = kz_xcalloc(ns ? ns : 1, sizeof(double));
	double *cnt = kz_xcalloc(ns ? ns : 1, sizeof(double)); /* claims per source, one vote per fact-year */
	const double *val = g->val;
	const uint32_t *src = g->src;
	double *tmp;
	double chi[CHI_MEMO] = {0}; /* chi2 quantile by claim count */

	for (size_t bi = 0; bi < x->nb; bi++) {
		const struct st_bucket *b = &x->b[bi];
		double v[64];
		size_t m = 0, distinct = 0;
		for (size_t k = b->start; k < b->start + b->n; k++) {
			if (cnt[src[k]]++ == 0)
				distinct++;
			if (m < 64)
				v[m++] = val[k];
		}
		for (size_t k = b->start; k < b->start + b->n; k++)
			share[k] = 1.0 / (double)cnt[src[k]];
		for (size_t k = b->start; k < b->start + b->n; k++)
			cnt[src[k]] = 0;
		multi[bi] = distinct >= 2;
		gsl_sort(v, 1, m);
		truth[bi] = m ? gsl_stats_median_from_sorted_data(v, 1, m) : NAN;
	}
	tmp = kz_xmalloc((ns ? ns : 1) * sizeof(double));
	for (size_t d = 0; d < ns; d++)
		w[d] = 1;
	for (int it = 0; it < ITER; it++) {
		double wmax = 0, med = 1;
		size_t m = 0;
		memset(dev, 0, ns * sizeof(double));
		memset(cnt, 0, ns * sizeof(double));
		for (size_t bi = 0; bi < x->nb; bi++) {
			const struct st_bucket *b = &x->b[bi];
			double t = truth[bi], scale = fabs(t) > 0 ? fabs(t) : 1;
			if (!multi[bi])
				continue; /* a fact only one source states says nothing about its reliability */
			for (size_t k = b->start; k < b->start + b->n; k++) {
				double dv = (val[k] - t) / scale;
				dev[src[k]] += share[k] * dv * dv;
				cnt[src[k]] += share[k];
			}
		}
		for (size_t d = 0; d < ns; d++) {
			double q;
			size_t ic = (size_t)cnt[d];
			if (cnt[d] <= 0)
				continue;
			/* the quantile of a whole count is remembered: the same few counts recur */
			if ((double)ic == cnt[d] && ic < CHI_MEMO && chi[ic] > 0) {
				q = chi[ic];
			} else {
				q = gsl_cdf_chisq_Pinv(x->o->alpha / 2, cnt[d]);
				if ((double)ic == cnt[d] && ic < CHI_MEMO)
					chi[ic] = q;
			}
			w[d] = q / (dev[d] + cnt[d] * NOISE * NOISE);
			if (w[d] > wmax)
				wmax = w[d];
		}
		/* sources that share no fact with another get the median weight */
		for (size_t d = 0; d < ns; d++)
			if (cnt[d] > 0)
				tmp[m++] = w[d] = wmax > 0 ? w[d] / wmax : 1;
		if (m) {
			gsl_sort(tmp, 1, m);
			med = gsl_stats_median_from_sorted_data(tmp, 1, m);
		}
		for (size_t d = 0; d < ns; d++)
			if (!(cnt[d] > 0))
				w[d] = med;
		for (size_t bi = 0; bi < x->nb; bi++) {
			const struct st_bucket *b = &x->b[bi];
			double sw = 0, sv = 0;
			for (size_t k = b->start; k < b->start + b->n; k++) {
				sw += w[src[k]] * share[k];
				sv += w[src[k]] * share[k] * val[k];
			}
			if (sw > 0)
				truth[bi] = sv / sw;
		}
	}
	free(tmp);
	free(dev);
	free(cnt);
}

/* Robust z of each document's figure against the median of the documents (>= 3 documents). */
static void bucket_outliers(struct st_ctx *x, const struct gathered *g, const struct st_bucket *b, double *work)
{
	size_t nrep = 0;
	double med, mad;

	if (b->ndocs < 3)
		return;
	/* one value per document: the median of its claims (order[] is grouped by document) */
	for (size_t k = b->start; k < b->start + b->n;) {
		size_t e = k, m = 0;
		double tmp[32];
		while (e < b->start + b->n && g->doc[e] == g->doc[k]) {
			if (m < 32)
				tmp[m++] = g->val[e];
			e++;
		}
		gsl_sort(tmp, 1, m);
		work[nrep++] = gsl_stats_median_from_sorted_data(tmp, 1, m);
		k = e;
	}
	gsl_sort(work, 1, nrep);
	med = gsl_stats_median_from_sorted_data(work, 1, nrep);
	mad = gsl_stats_mad(work, 1, nrep, work + nrep);
	for (size_t k = b->start; k < b->start + b->n; k++) {
		size_t i = x->order[k];
		double v = g->val[k], rel = med != 0 ? fabs(v - med) / fabs(med) : INFINITY;
		double z = mad > 0 ? fabs(v - med) / mad : (v != med ? INFINITY : 0);
		if (z > x->o->outlier_z && rel > x->o->outlier_rel && !(g->lo[k] <= med && med <= g->hi[k])) {
			enum st_lang lang = x->o->lang;
			struct kz_buf e = KZ_BUF_INIT;
			char s1[64], s2[64];
			const struct kz_claim *c = &x->t->v[i];
			st_fact_phrase(&e, c, b->year, lang);
			kz_buf_adds(&e, ": ");
			st_claim_ref(&e, c, 0, lang);
			st_fmt_num(s1, sizeof(s1), med, lang);
			st_fmt_pct(s2, sizeof(s2), rel * 100, lang);
			kz_buf_addf(&e, lang == ST_LANG_EN
						? " is %s away from the median of %zu sources (%s %s)"
						: " liegt %s neben dem Median von %zu Quellen (%s %s)",
				    s2, b->ndocs, s1, b->mixed ? "USD" : c->unit);
			st_result_add(x->r, ST_K_OUTLIER, ST_SEV_WARNING, c, b->year, b->mixed ? "USD" : c->unit,
				      &i, 1, rel, e.s ? e.s : "");
			kz_buf_release(&e);
		}
	}
}

/*
 * Trend outliers: a fact stated for at least 5 single years (in one unit) is
 * fitted robustly (bisquare) over the years; a year far off the line (robust
 * z and relative distance as for outliers) marks its claims.
 */
static void trend_outliers(struct st_ctx *x, const struct gathered *g, size_t f0, size_t f1)
{
	size_t m = 0, idx[64];
	const char *unit = NULL;
	gsl_matrix *X;
	gsl_vector *y, *c, *r;
	gsl_matrix *cov;
	gsl_multifit_robust_workspace *ws;
	double mean = 0;

	for (size_t bi = f0; bi < f1 && m < 64; bi++) {
		const struct st_bucket *b = &x->b[bi];
		const char *u = x->t->v[x->order[b->start]].unit;
		if (!b->yr.y0 || b->yr.y0 != b->yr.y1)
			continue;
		if (b->mixed || (unit && strcmp(unit, u)))
			return;
		unit = u;
		idx[m++] = bi;
		mean += b->yr.y0;
	}
	if (m < 5)
		return;
	mean /= (double)m;
	X = gsl_matrix_alloc(m, 2);
	y = gsl_vector_alloc(m);
	c = gsl_vector_alloc(2);
	r = gsl_vector_alloc(m);
	cov = gsl_matrix_alloc(2, 2);
	ws = gsl_multifit_robust_alloc(gsl_multifit_robust_bisquare, m, 2);
	for (size_t k = 0; k < m; k++) {
		const struct st_bucket *b = &x->b[idx[k]];
		double tmp[32];
		size_t n = 0;
		for (size_t j = b->start; j < b->start + b->n && n < 32; j++)
			tmp[n++] = g->val[j];
		gsl_sort(tmp, 1, n);
		gsl_matrix_set(X, k, 0, 1);
		gsl_matrix_set(X, k, 1, b->yr.y0 - mean);
		gsl_vector_set(y, k, gsl_stats_median_from_sorted_data(tmp, 1, n));
	}
	if (gsl_multifit_robust(X, y, c, cov, ws) == GSL_SUCCESS) {
		gsl_multifit_robust_stats st = gsl_multifit_robust_statistics(ws);
		double sigma = st.sigma_rob;
		for (size_t k = 0; k < m; k++) {
			const struct st_bucket *b = &x->b[idx[k]];
			double pred = gsl_vector_get(c, 0) + gsl_vector_get(c, 1) * (b->yr.y0 - mean);
			double yk = gsl_vector_get(y, k), rel = pred != 0 ? fabs(yk - pred) / fabs(pred) : 0;
			if (!(sigma > 0) || fabs(yk - pred) / sigma <= x->o->outlier_z || rel <= x->o->outlier_rel)
				continue;
			for (size_t j = b->start; j < b->start + b->n; j++) {
				size_t i = x->order[j];
				const struct kz_claim *cl = &x->t->v[i];
				enum st_lang lang = x->o->lang;
				struct kz_buf e = KZ_BUF_INIT;
				char s1[64], s2[64];
				if (cl->low <= pred && pred <= cl->high)
					continue;
				st_fact_phrase(&e, cl, b->year, lang);
				kz_buf_adds(&e, ": ");
				st_claim_ref(&e, cl, 0, lang);
				st_fmt_num(s1, sizeof(s1), pred, lang);
				st_fmt_pct(s2, sizeof(s2), rel * 100, lang);
				kz_buf_addf(&e, lang == ST_LANG_EN
							? " is %s off the trend of %zu years (%s %s expected)"
							: " liegt %s neben dem Trend über %zu Jahre (erwartet %s %s)",
					    s2, m, s1, unit);
				st_result_add(x->r, ST_K_OUTLIER, ST_SEV_WARNING, cl, b->year, unit, &i, 1, rel,
					      e.s ? e.s : "");
				kz_buf_release(&e);
			}
		}
	}
	gsl_multifit_robust_free(ws);
	gsl_matrix_free(cov);
	gsl_vector_free(r);
	gsl_vector_free(c);
	gsl_vector_free(y);
	gsl_matrix_free(X);
}

static int cmp_weight(const void *a, const void *b)
{
	const struct st_weight *p = a, *q = b;
	if (p->weight != q->weight)
		return p->weight > q->weight ? -1 : 1;
	return strcmp(p->doc, q->doc);
}

static void consensus_row(struct st_ctx *x, const struct gathered *g, const struct st_bucket *b, double truth,
			  const double *w, const double *share)
{
	struct st_result *r = x->r;
	const struct kz_claim *c0 = &x->t->v[x->order[b->start]];
	struct st_consensus *c = st_result_add_consensus(r);
	double ilo = -INFINITY, ihi = INFINITY, minlo = INFINITY, maxhi = -INFINITY, sw = 0;
	double pw = 0, pv = 0; /* precision-weighted: a narrow statement ("8.300") counts more than "etwa 8 000" */
	size_t nw = 0;

	c->ind = c0->ind;
	c->detail = st_result_str(r, c0->detail);
	c->status = c0->status; /* one fact is of one status (group.c) */
	c->subject = st_result_str(r, c0->subject);
	c->partner = st_result_str(r, c0->partner);
	c->year = st_result_str(r, b->year);
	c->unit = st_result_str(r, b->mixed ? "USD" : c0->unit);
	c->nclaims = b->n;
	c->ndocs = b->ndocs;
	c->claims = st_result_alloc(r, b->n, sizeof(size_t));
	c->w = st_result_alloc(r, b->n, sizeof(struct st_weight));
	for (size_t k = b->start; k < b->start + b->n; k++) {
		size_t i = x->order[k], j;
		double lo = g->lo[k], hi = g->hi[k], v = g->val[k], wi = w[g->src[k]] * share[k];
		/* the name a source goes by in consensus.csv: a named source or publisher as it is, a
		 * document by its path */
		const char *sn = x->src_in.key[g->src[k]];
		c->claims[k - b->start] = i;
		ilo = fmax(ilo, lo);
		ihi = fmin(ihi, hi);
		minlo = fmin(minlo, lo);
		maxhi = fmax(maxhi, hi);
		sw += wi;
		{
			double half = (hi - lo) / 2, floor = fabs(v) * 1e-4 + 1e-12;
			double pi = wi / ((half > floor ? half : floor) * (half > floor ? half : floor));
			pw += pi;
			pv += pi * v;
		}
		/* the row's sources: few, so a short scan finds one seen before */
		for (j = 0; j < nw && c->w[j].doc != sn; j++)
			;
		if (j == nw) {
			c->w[nw].doc = sn;
			nw++;
		}
		c->w[j].weight += wi;
		c->w[j].nclaims++;
	}
	for (size_t d = 0; d < nw; d++) {
		c->w[d].doc = st_result_str(r, c->w[d].doc);
		c->w[d].weight = sw > 0 ? c->w[d].weight / sw : 1.0 / (double)nw;
	}
	c->nsources = nw;
	qsort(c->w, nw, sizeof(*c->w), cmp_weight);
	if (b->n == 1) {
		c->method = "single";
		c->estimate = g->val[b->start];
		c->low = ilo;
		c->high = ihi;
	} else if (ilo <= ihi) {
		/* every statement allows a common range: the estimate is the weighted mean when it lies
		 * inside it; a mean outside ("mehr als 10.000" pulling "11.000 bis 12.000" down) says
		 * only that the range is all the statements agree on — its middle, not an end no source
		 * gave */
		double mean = pw > 0 ? pv / pw : truth;
		c->method = "interval";
		c->estimate = mean >= ilo && mean <= ihi ? mean : isfinite(ilo) && isfinite(ihi) ? (ilo + ihi) / 2
							: fmin(fmax(mean, ilo), ihi);
		c->low = ilo;
		c->high = ihi;
	} else {
		/* no common range: no single estimate (DESIGN.md), the range of the stated figures; the
		 * sources' CATD weights say which side the evidence leans to */
		c->method = "catd";
		c->estimate = NAN;
		c->low = minlo;
		c->high = maxhi;
	}
	c->method = st_result_str(r, c->method);
	c->state = b->n == 1 ? "single" : ilo <= ihi ? "agreed" : "disputed";
	(void)truth;
}

void st_consensus(struct st_ctx *x)
{
	gsl_error_handler_t *old = gsl_set_error_handler_off();
	double *truth = kz_xmalloc((x->nb ? x->nb : 1) * sizeof(double));
	double *w = kz_xmalloc((x->src_in.n ? x->src_in.n : 1) * sizeof(double));
	double *share = kz_xmalloc((x->norder ? x->norder : 1) * sizeof(double));
	unsigned char *multi = kz_xmalloc(x->nb ? x->nb : 1);
	size_t maxn = 1;
	struct gathered g;

	gather(x, &g);
	catd_weights(x, &g, truth, w, share, multi);
	for (size_t bi = 0; bi < x->nb; bi++)
		if (x->b[bi].n > maxn)
			maxn = x->b[bi].n;
	{
		double *work = kz_xmalloc(2 * maxn * sizeof(double));
		for (size_t bi = 0; bi < x->nb; bi++) {
			consensus_row(x, &g, &x->b[bi], truth[bi], w, share);
			if (x->b[bi].year[0])
				bucket_outliers(x, &g, &x->b[bi], work);
		}
		free(work);
	}
	for (size_t f0 = 0, f1; f0 < x->nb; f0 = f1) {
		for (f1 = f0; f1 < x->nb && x->b[f1].fact == x->b[f0].fact; f1++)
			;
		trend_outliers(x, &g, f0, f1);
	}
	gathered_release(&g);
	free(truth);
	free(w);
	free(share);
	free(multi);
	gsl_set_error_handler(old);
}
