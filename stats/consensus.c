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
 * CATD (Li et al., VLDB 2015): w_s = chi2_{alpha/2}(n_s) / sum of squared
 * normalised deviations of s's claims from the current truths; truths are the
 * weighted means. Values and documents are copied into flat arrays (in order[]
 * positions) so the iterations run over contiguous memory.
 */
static void catd_weights(struct st_ctx *x, double *truth, double *w)
{
	size_t nd = x->docs_in.n, n = x->norder;
	double *dev = kz_xcalloc(nd ? nd : 1, sizeof(double));
	size_t *cnt = kz_xcalloc(nd ? nd : 1, sizeof(size_t));
	double *val = kz_xmalloc((n ? n : 1) * sizeof(double)), *tmp;
	uint32_t *doc = kz_xmalloc((n ? n : 1) * sizeof(uint32_t));
	double chi[CHI_MEMO] = {0}; /* chi2 quantile by claim count: the same few counts recur */

	for (size_t bi = 0; bi < x->nb; bi++) {
		const struct st_bucket *b = &x->b[bi];
		double v[64];
		size_t m = 0;
		for (size_t k = b->start; k < b->start + b->n; k++) {
			val[k] = st_val(x, b, x->order[k]);
			doc[k] = x->docid[x->order[k]];
			if (m < 64)
				v[m++] = val[k];
		}
		gsl_sort(v, 1, m);
		truth[bi] = m ? gsl_stats_median_from_sorted_data(v, 1, m) : NAN;
	}
	tmp = kz_xmalloc((nd ? nd : 1) * sizeof(double));
	for (size_t d = 0; d < nd; d++)
		w[d] = 1;
	for (int it = 0; it < ITER; it++) {
		double wmax = 0, med = 1;
		size_t m = 0;
		memset(dev, 0, nd * sizeof(double));
		memset(cnt, 0, nd * sizeof(size_t));
		for (size_t bi = 0; bi < x->nb; bi++) {
			const struct st_bucket *b = &x->b[bi];
			double t = truth[bi], scale = fabs(t) > 0 ? fabs(t) : 1;
			if (b->ndocs < 2)
				continue; /* a fact only one source states says nothing about its reliability */
			for (size_t k = b->start; k < b->start + b->n; k++) {
				double dv = (val[k] - t) / scale;
				dev[doc[k]] += dv * dv;
				cnt[doc[k]]++;
			}
		}
		for (size_t d = 0; d < nd; d++) {
			if (!cnt[d])
				continue;
			double q;
			if (cnt[d] < CHI_MEMO && chi[cnt[d]] > 0) {
				q = chi[cnt[d]];
			} else {
				q = gsl_cdf_chisq_Pinv(x->o->alpha / 2, (double)cnt[d]);
				if (cnt[d] < CHI_MEMO)
					chi[cnt[d]] = q;
			}
			w[d] = q / (dev[d] + (double)cnt[d] * NOISE * NOISE);
			if (w[d] > wmax)
				wmax = w[d];
		}
		/* sources that share no fact with another get the median weight */
		for (size_t d = 0; d < nd; d++)
			if (cnt[d])
				tmp[m++] = w[d] = wmax > 0 ? w[d] / wmax : 1;
		if (m) {
			gsl_sort(tmp, 1, m);
			med = gsl_stats_median_from_sorted_data(tmp, 1, m);
		}
		for (size_t d = 0; d < nd; d++)
			if (!cnt[d])
				w[d] = med;
		for (size_t bi = 0; bi < x->nb; bi++) {
			const struct st_bucket *b = &x->b[bi];
			double sw = 0, sv = 0;
			for (size_t k = b->start; k < b->start + b->n; k++) {
				sw += w[doc[k]];
				sv += w[doc[k]] * val[k];
			}
			if (sw > 0)
				truth[bi] = sv / sw;
		}
	}
	free(tmp);
	free(val);
	free(doc);
	free(dev);
	free(cnt);
}

static void claim_list_phrase(struct kz_buf *e, const struct kz_claim *c)
{
	kz_buf_adds(e, c->quote);
	kz_buf_adds(e, " (");
	kz_buf_adds(e, st_basename(c->doc));
	kz_buf_addc(e, ')');
}

/* Robust z of each document's figure against the median of the documents (>= 3 documents). */
static void bucket_outliers(struct st_ctx *x, const struct st_bucket *b, double *work)
{
	size_t nrep = 0;
	double med, mad;

	if (b->ndocs < 3)
		return;
	/* one value per document: the median of its claims (order[] is grouped by document) */
	for (size_t k = b->start; k < b->start + b->n;) {
		size_t e = k, m = 0;
		double tmp[32];
		while (e < b->start + b->n && x->docid[x->order[e]] == x->docid[x->order[k]]) {
			if (m < 32)
				tmp[m++] = st_val(x, b, x->order[e]);
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
		double v = st_val(x, b, i), rel = med != 0 ? fabs(v - med) / fabs(med) : INFINITY;
		double z = mad > 0 ? fabs(v - med) / mad : (v != med ? INFINITY : 0);
		if (z > x->o->outlier_z && rel > x->o->outlier_rel && !(st_lo(x, b, i) <= med && med <= st_hi(x, b, i))) {
			enum st_lang lang = x->o->lang;
			struct kz_buf e = KZ_BUF_INIT;
			char s1[64], s2[64];
			const struct kz_claim *c = &x->t->v[i];
			st_fact_phrase(&e, c, b->year, lang);
			kz_buf_adds(&e, ": ");
			claim_list_phrase(&e, c);
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
static void trend_outliers(struct st_ctx *x, size_t f0, size_t f1)
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
			tmp[n++] = st_val(x, b, x->order[j]);
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
				claim_list_phrase(&e, cl);
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

static void consensus_row(struct st_ctx *x, const struct st_bucket *b, double truth, const double *w)
{
	struct st_result *r = x->r;
	const struct kz_claim *c0 = &x->t->v[x->order[b->start]];
	struct st_consensus *c = st_result_add_consensus(r);
	struct kz_buf key = KZ_BUF_INIT;
	double ilo = -INFINITY, ihi = INFINITY, minlo = INFINITY, maxhi = -INFINITY, sw = 0, sw2 = 0;
	double pw = 0, pv = 0; /* precision-weighted: a narrow statement ("8.300") counts more than "etwa 8 000" */
	size_t nd = 0;

	kz_buf_addf(&key, "%s/%s/%s/%s", kz_ind_name(c0->ind), c0->detail, c0->subject, c0->partner);
	c->key = st_result_str(r, key.s);
	kz_buf_release(&key);
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
	c->w = st_result_alloc(r, b->ndocs, sizeof(struct st_weight));
	for (size_t k = b->start; k < b->start + b->n; k++) {
		size_t i = x->order[k];
		double lo = st_lo(x, b, i), hi = st_hi(x, b, i), wi = w[x->docid[i]];
		c->claims[k - b->start] = i;
		ilo = fmax(ilo, lo);
		ihi = fmin(ihi, hi);
		minlo = fmin(minlo, lo);
		maxhi = fmax(maxhi, hi);
		sw += wi;
		sw2 += wi * wi;
		{
			double half = (hi - lo) / 2, floor = fabs(st_val(x, b, i)) * 1e-4 + 1e-12;
			double pi = wi / ((half > floor ? half : floor) * (half > floor ? half : floor));
			pw += pi;
			pv += pi * st_val(x, b, i);
		}
		if (nd == 0 || strcmp(c->w[nd - 1].doc, x->t->v[i].doc)) {
			c->w[nd].doc = st_result_str(r, x->t->v[i].doc);
			nd++;
		}
		c->w[nd - 1].weight += wi;
		c->w[nd - 1].nclaims++;
	}
	c->ndocs = nd;
	for (size_t d = 0; d < nd; d++)
		c->w[d].weight = sw > 0 ? c->w[d].weight / sw : 1.0 / (double)nd;
	qsort(c->w, nd, sizeof(*c->w), cmp_weight);
	if (b->n == 1) {
		c->method = "single";
		c->estimate = st_val(x, b, x->order[b->start]);
		c->low = ilo;
		c->high = ihi;
	} else if (ilo <= ihi) {
		/* every statement allows a common range: the estimate is the weighted mean kept inside it */
		c->method = "interval";
		c->estimate = fmin(fmax(pw > 0 ? pv / pw : truth, ilo), ihi);
		c->low = ilo;
		c->high = ihi;
	} else {
		double var = 0, neff = sw2 > 0 ? sw * sw / sw2 : (double)b->n, se;
		c->method = "catd";
		c->estimate = truth;
		for (size_t k = b->start; k < b->start + b->n; k++) {
			size_t i = x->order[k];
			double d = st_val(x, b, i) - truth;
			var += w[x->docid[i]] * d * d;
		}
		se = sw > 0 ? sqrt(var / sw / neff) : 0;
		c->low = fmax(truth - 1.96 * se, minlo);
		c->high = fmin(truth + 1.96 * se, maxhi);
	}
	c->method = st_result_str(r, c->method);
	c->state = b->n == 1 ? "single" : ilo <= ihi ? "agreed" : "disputed";
}

void st_consensus(struct st_ctx *x)
{
	gsl_error_handler_t *old = gsl_set_error_handler_off();
	double *truth = kz_xmalloc((x->nb ? x->nb : 1) * sizeof(double));
	double *w = kz_xmalloc((x->docs_in.n ? x->docs_in.n : 1) * sizeof(double));
	size_t maxn = 1;

	catd_weights(x, truth, w);
	for (size_t bi = 0; bi < x->nb; bi++)
		if (x->b[bi].n > maxn)
			maxn = x->b[bi].n;
	{
		double *work = kz_xmalloc(2 * maxn * sizeof(double));
		for (size_t bi = 0; bi < x->nb; bi++) {
			consensus_row(x, &x->b[bi], truth[bi], w);
			if (x->b[bi].year[0])
				bucket_outliers(x, &x->b[bi], work);
		}
		free(work);
	}
	for (size_t f0 = 0, f1; f0 < x->nb; f0 = f1) {
		for (f1 = f0; f1 < x->nb && x->b[f1].fact == x->b[f0].fact; f1++)
			;
		trend_outliers(x, f0, f1);
	}
	free(truth);
	free(w);
	gsl_set_error_handler(old);
}
