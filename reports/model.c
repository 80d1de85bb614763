/* model.c: what a fact sheet shows — facts, findings, marks per claim (the words for them: names.c). */
#include "reports_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int rp_fact_one_text(const struct rp_model *m, const struct rp_fact *f)
{
	for (size_t k = 1; k < f->nclaims; k++)
		if (f->claims[k] < m->t->n && f->claims[0] < m->t->n &&
		    strcmp(m->t->v[f->claims[k]].doc, m->t->v[f->claims[0]].doc))
			return 0;
	return 1;
}

int rp_find_kind(const struct rp_find *f)
{
	if (f->kind == ST_K_CONFLICT && f->sev == ST_SEV_INFO)
		return RP_K_SAME_TEXT;
	return f->kind;
}

static const char *base_name(const char *path, char *dst, size_t n)
{
	const char *b = strrchr(path, '/'), *dot;
	size_t len;

	b = b ? b + 1 : path;
	dot = strrchr(b, '.');
	len = dot && dot > b ? (size_t)(dot - b) : strlen(b);
	if (len >= n)
		len = n - 1;
	memcpy(dst, b, len);
	dst[len] = '\0';
	return dst;
}

void rp_doc_label(const struct rp_model *m, int k, char *dst, size_t n)
{
	char b[128];
	const struct rp_doc *d;

	if (k < 1 || (size_t)k > m->docs.n) {
		snprintf(dst, n, "[?]");
		return;
	}
	d = &m->docs.v[k - 1];
	snprintf(dst, n, "[%d] %s", k, *d->title ? d->title : base_name(d->path, b, sizeof b));
}

/* A row label for claim ci: its document's number and the originator the text names for it
 * ("[5] NIS: Nordkoreas Soldaten …"), so that statements of one document from different
 * originators are told apart; without one, the document's label. */
void rp_claim_label(const struct rp_model *m, size_t ci, char *dst, size_t n)
{
	char doc[200];
	const struct kz_claim *c = &m->t->v[ci];
	const char *t;

	rp_doc_label(m, m->docno[ci], doc, sizeof doc);
	if (!c->source || !*c->source || (t = strchr(doc, ']')) == NULL) {
		snprintf(dst, n, "%s", doc);
		return;
	}
	snprintf(dst, n, "%.*s %s:%s", (int)(t + 1 - doc), doc, c->source, t + 1);
}

/* ---- building the model ---- */

static void add_find(struct rp_model *m, const struct rp_find *f)
{
	KZ_GROW(m->finds, m->fdalloc, m->nfinds + 1);
	m->finds[m->nfinds++] = *f;
}

static const struct kz_table *sort_t;

static int key_cmp(const struct kz_claim *a, const struct kz_claim *b)
{
	int r;

	if (a->ind != b->ind)
		return a->ind < b->ind ? -1 : 1;
	if (a->status != b->status)
		return a->status < b->status ? -1 : 1;
	if ((r = strcmp(a->detail, b->detail)) || (r = strcmp(a->subject, b->subject)) ||
	    (r = strcmp(a->partner, b->partner)) || (r = strcmp(a->unit, b->unit)) ||
	    (r = strcmp(a->year, b->year)))
		return r;
	return 0;
}

static int idx_cmp(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	int r = key_cmp(&sort_t->v[a], &sort_t->v[b]);

	if (r)
		return r;
	return a < b ? -1 : a > b;
}

static int dbl_cmp(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return a < b ? -1 : a > b;
}

/* Without st_check: a median per fact and year; non-overlapping intervals are conflicts. */
static void fallback(struct rp_model *m)
{
	const struct kz_table *t = m->t;
	size_t i, j, k, n = 0;
	double *vals;

	m->pool = kz_xmalloc((t->n + 1) * sizeof *m->pool);
	for (i = 0; i < t->n; i++)
		if (kz_ind_is_core(t->v[i].ind))
			m->pool[n++] = i;
	m->pairs = kz_xmalloc(2 * (n + 1) * sizeof *m->pairs);
	m->npairs = 0;
	sort_t = t;
	qsort(m->pool, n, sizeof *m->pool, idx_cmp);
	vals = kz_xmalloc((n + 1) * sizeof *vals);
	for (i = 0; i < n; i = j) {
		const struct kz_claim *c0 = &t->v[m->pool[i]];
		struct rp_fact f;
		double maxlo = -INFINITY, minhi = INFINITY;
		size_t ilo = 0, ihi = 0, ndocs = 0;

		for (j = i; j < n && !key_cmp(c0, &t->v[m->pool[j]]); j++)
			;
		for (k = i; k < j; k++) {
			const struct kz_claim *c = &t->v[m->pool[k]];
			size_t q;
			vals[k - i] = c->value;
			if (c->low > maxlo) {
				maxlo = c->low;
				ilo = m->pool[k];
			}
			if (c->high < minhi) {
				minhi = c->high;
				ihi = m->pool[k];
			}
			for (q = i; q < k && strcmp(t->v[m->pool[q]].doc, c->doc); q++)
				;
			if (q == k)
				ndocs++;
		}
		qsort(vals, j - i, sizeof *vals, dbl_cmp);
		memset(&f, 0, sizeof f);
		f.ind = c0->ind;
		f.status = c0->status;
		f.detail = c0->detail;
		f.subject = c0->subject;
		f.partner = c0->partner;
		f.year = c0->year;
		f.unit = c0->unit;
		f.yr = rp_year_num(c0->year);
		f.value = (j - i) % 2 ? vals[(j - i) / 2]
				      : (vals[(j - i) / 2 - 1] + vals[(j - i) / 2]) / 2;
		f.nclaims = j - i;
		f.ndocs = ndocs;
		f.claims = m->pool + i;
		if (maxlo <= minhi) {
			f.low = maxlo;
			f.high = minhi;
		} else {
			struct rp_find fd;
			f.disputed = 1;
			const struct kz_claim *a = &t->v[ihi], *b = &t->v[ilo];
			size_t *two = m->pairs + 2 * m->npairs++;
			/* no common interval: the one of the statement nearest the median */
			size_t best = m->pool[i];
			for (k = i; k < j; k++)
				if (fabs(t->v[m->pool[k]].value - f.value) < fabs(t->v[best].value - f.value))
					best = m->pool[k];
			f.low = fmin(t->v[best].low, f.value);
			f.high = fmax(t->v[best].high, f.value);
			two[0] = ihi;
			two[1] = ilo;
			memset(&fd, 0, sizeof fd);
			fd.kind = ST_K_CONFLICT;
			fd.sev = ST_SEV_ERROR;
			fd.ind = f.ind;
			fd.detail = f.detail;
			fd.subject = f.subject;
			fd.partner = f.partner;
			fd.year = f.year;
			fd.unit = f.unit;
			fd.claims = two;
			fd.nclaims = 2;
			fd.rel = fabs(a->value - b->value) / fmax(fabs(a->value), fabs(b->value));
			fd.expl = m->lang == PL_DE
					  ? "Die Intervalle der beiden Angaben überschneiden sich nicht."
					  : "The intervals of the two statements do not overlap.";
			add_find(m, &fd);
			m->flags[ihi] |= PL_F_CONFLICT;
			m->flags[ilo] |= PL_F_CONFLICT;
		}
		f.estimate = f.value;
		rp_fact_precision(t, &f);
		KZ_GROW(m->facts, m->falloc, m->nfacts + 1);
		m->facts[m->nfacts++] = f;
	}
	free(vals);
}

static void from_stats(struct rp_model *m, const struct st_result *r)
{
	size_t i, k;

	for (i = 0; i < r->nc; i++) {
		const struct st_consensus *c = &r->c[i];
		struct rp_fact f;
		memset(&f, 0, sizeof f);
		f.ind = c->ind;
		f.detail = c->detail;
		f.subject = c->subject;
		f.partner = c->partner;
		f.year = c->year;
		f.unit = c->unit;
		f.yr = rp_year_num(c->year);
		f.value = f.estimate = c->estimate;
		f.low = c->low;
		f.high = c->high;
		f.ndocs = c->nsources; /* "2 Quellen": who vouches, not how many outlets repeat it */
		f.nclaims = c->nclaims;
		f.claims = c->claims;
		f.status = c->status;
		f.disputed = c->state && !strcmp(c->state, "disputed");
		/* printed as its sources state it ("51,95", not "51,9" beside "51,94–51,96");
		 * consensus.csv keeps every digit */
		rp_fact_precision(m->t, &f);
		KZ_GROW(m->facts, m->falloc, m->nfacts + 1);
		m->facts[m->nfacts++] = f;
	}
	for (i = 0; i < r->nf; i++) {
		const struct st_finding *s = &r->f[i];
		struct rp_find f;
		memset(&f, 0, sizeof f);
		f.kind = s->kind;
		f.sev = s->sev;
		f.ind = s->ind;
		f.detail = s->detail;
		f.subject = s->subject;
		f.partner = s->partner;
		f.year = s->year;
		f.unit = s->unit;
		f.claims = s->claims;
		f.nclaims = s->nclaims;
		f.rel = s->rel_diff;
		f.expl = s->explanation;
		add_find(m, &f);
		for (k = 0; k < s->nclaims; k++) {
			if (s->claims[k] >= m->t->n)
				continue;
			/* red is for sources that contradict each other; two figures of one text that
			 * check rates as information are most often two quantities, not a conflict */
			if (s->kind == ST_K_CONFLICT && s->sev != ST_SEV_INFO)
				m->flags[s->claims[k]] |= PL_F_CONFLICT;
			else if (s->kind == ST_K_OUTLIER)
				m->flags[s->claims[k]] |= PL_F_OUTLIER;
		}
	}
}

static const struct rp_model *fam_m;

/* facts by key (indicator, status, detail, subject, partner, unit), then kind of period, then order */
static int fam_cmp(const void *x, const void *y)
{
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	const struct rp_fact *a = &fam_m->facts[i], *b = &fam_m->facts[j];
	int r;

	if (a->ind != b->ind)
		return a->ind < b->ind ? -1 : 1;
	if (a->status != b->status)
		return a->status < b->status ? -1 : 1;
	if ((r = strcmp(a->detail, b->detail)) || (r = strcmp(a->subject, b->subject)) ||
	    (r = strcmp(a->partner, b->partner)) || (r = strcmp(a->unit, b->unit)))
		return r;
	if (rp_year_width(a->year) != rp_year_width(b->year))
		return rp_year_width(a->year) < rp_year_width(b->year) ? -1 : 1;
	return i < j ? -1 : i > j;
}

/* Family and key ids of every fact (see struct rp_model): one sort, O(n log n). */
static void families(struct rp_model *m)
{
	size_t n = m->nfacts, *ord = kz_xmalloc((n + 1) * sizeof *ord), i, *fill;

	m->fam = kz_xcalloc(n + 1, sizeof *m->fam);
	m->key = kz_xcalloc(n + 1, sizeof *m->key);
	m->keymax = kz_xcalloc(n + 1, sizeof *m->keymax);
	m->famord = kz_xmalloc((n + 1) * sizeof *m->famord);
	m->famstart = kz_xcalloc(n + 2, sizeof *m->famstart);
	for (i = 0; i < n; i++)
		ord[i] = i;
	fam_m = m;
	qsort(ord, n, sizeof *ord, fam_cmp);
	m->nfam = m->nkey = 0;
	for (i = 0; i < n; i++) {
		const struct rp_fact *f = &m->facts[ord[i]];
		if (i) {
			const struct rp_fact *p = &m->facts[ord[i - 1]];
			int samekey = f->ind == p->ind && f->status == p->status && !strcmp(f->detail, p->detail) &&
				      !strcmp(f->subject, p->subject) && !strcmp(f->partner, p->partner) &&
				      !strcmp(f->unit, p->unit);
			if (!samekey)
				m->nkey++;
			if (!samekey || rp_year_width(f->year) != rp_year_width(p->year))
				m->nfam++;
		}
		m->fam[ord[i]] = m->nfam;
		m->key[ord[i]] = m->nkey;
		if (f->yr > m->keymax[m->nkey])
			m->keymax[m->nkey] = f->yr;
	}
	if (n) {
		m->nfam++;
		m->nkey++;
	}
	/* the facts of each family, in the order of the facts (a counting sort) */
	for (i = 0; i < n; i++)
		m->famstart[m->fam[i] + 1]++;
	for (i = 0; i < m->nfam; i++)
		m->famstart[i + 1] += m->famstart[i];
	fill = kz_xmalloc((m->nfam + 1) * sizeof *fill);
	memcpy(fill, m->famstart, (m->nfam + 1) * sizeof *fill);
	for (i = 0; i < n; i++)
		m->famord[fill[m->fam[i]]++] = i;
	free(fill);
	free(ord);
}

void rp_model_build(struct rp_model *m, const struct kz_table *t, const struct rp_docs *docs,
		    const struct st_result *res, enum pl_lang lang)
{
	size_t i;
	int last = -1;

	memset(m, 0, sizeof *m);
	m->t = t;
	m->lang = lang;
	kz_arena_init(&m->arena);
	rp_docs_init(&m->docs);
	m->docno = kz_xcalloc(t->n + 1, sizeof *m->docno);
	m->flags = kz_xcalloc(t->n + 1, sizeof *m->flags);
	m->cited = kz_xcalloc(t->n + 1, sizeof *m->cited);
	/* documents in the order their first claim appears */
	for (i = 0; i < t->n; i++) {
		const char *doc = t->v[i].doc;
		if (last >= 0 && !strcmp(m->docs.v[last].path, doc)) {
			m->docno[i] = last + 1;
			continue;
		}
		const struct rp_doc *d = rp_docs_find(&m->docs, doc);
		if (!d) {
			const struct rp_doc *src = docs ? rp_docs_find(docs, doc) : NULL;
			const struct kz_claim *c = &t->v[i];
			/* the documents' list, else the claim's own citation columns (a table that
			 * travelled without its sources.csv still names its sources) */
			d = rp_docs_add(&m->docs, doc, src && *src->title ? src->title : c->title,
					src && *src->publisher ? src->publisher : c->publisher,
					src && *src->date ? src->date : c->published, src && *src->url ? src->url : c->url);
		}
		last = (int)(d - m->docs.v);
		m->docno[i] = last + 1;
	}
	/* documents read without a figure are sources too: listed after those with figures */
	for (i = 0; docs && i < docs->n; i++) {
		const struct rp_doc *src = &docs->v[i];
		if (src->state == RP_DOC_NO_FIGURES && !rp_docs_find(&m->docs, src->path))
			rp_docs_add(&m->docs, src->path, src->title, src->publisher, src->date, src->url);
	}
	if (res) {
		m->checked = 1;
		from_stats(m, res);
	} else {
		fallback(m);
	}
	families(m);
}

void rp_model_cite(struct rp_model *m, size_t ci)
{
	if (ci < m->t->n && !m->cited[ci]) {
		m->cited[ci] = 1;
		m->ncited++;
	}
}

static const struct kz_table *pick_t;

static int by_value(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	double va = pick_t->v[a].value, vb = pick_t->v[b].value;

	if (va != vb)
		return va < vb ? -1 : 1;
	return a < b ? -1 : a > b;
}

static int by_index(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	return a < b ? -1 : a > b;
}

size_t rp_fact_pick(const struct rp_model *m, const struct rp_fact *f, size_t k, size_t *out)
{
	size_t *own, nown = 0, n = 0, i, j;

	if (!k)
		return 0;
	if (f->nclaims <= k) {
		for (i = 0; i < f->nclaims; i++)
			if (f->claims[i] < m->t->n)
				out[n++] = f->claims[i];
		return n;
	}
	own = kz_xmalloc(f->nclaims * sizeof *own);
	for (i = 0; i < f->nclaims; i++)
		if (f->claims[i] < m->t->n && !strcmp(m->t->v[f->claims[i]].unit, f->unit))
			own[nown++] = f->claims[i];
	if (nown <= k) {
		memcpy(out, own, nown * sizeof *own);
		n = nown;
		for (i = 0; i < f->nclaims && n < k; i++) /* fill up with the other currencies */
			if (f->claims[i] < m->t->n && strcmp(m->t->v[f->claims[i]].unit, f->unit))
				out[n++] = f->claims[i];
	} else {
		pick_t = m->t;
		qsort(own, nown, sizeof *own, by_value);
		for (j = 0; j < k; j++) {
			/* ranks 0 and nown - 1 and evenly between; one alone is the middle */
			size_t r = k == 1 ? nown / 2 : (j * (nown - 1) + (k - 1) / 2) / (k - 1);
			if (!n || out[n - 1] != own[r])
				out[n++] = own[r];
		}
	}
	free(own);
	qsort(out, n, sizeof *out, by_index);
	return n;
}

size_t rp_fact_evidence(const struct rp_model *m, const struct rp_fact *f, size_t *out)
{
	size_t lo = SIZE_MAX, hi = SIZE_MAX, near = SIZE_MAX, i;

	for (i = 0; i < f->nclaims; i++) {
		size_t ci = f->claims[i];
		const struct kz_claim *c;
		if (ci >= m->t->n || strcmp((c = &m->t->v[ci])->unit, f->unit))
			continue;
		if (lo == SIZE_MAX || c->value < m->t->v[lo].value || (c->value == m->t->v[lo].value && ci < lo))
			lo = ci;
		if (hi == SIZE_MAX || c->value > m->t->v[hi].value || (c->value == m->t->v[hi].value && ci < hi))
			hi = ci;
		if (near == SIZE_MAX || fabs(c->value - f->value) < fabs(m->t->v[near].value - f->value) ||
		    (fabs(c->value - f->value) == fabs(m->t->v[near].value - f->value) && ci < near))
			near = ci;
	}
	if (near == SIZE_MAX) { /* no figure in the fact's unit (money converted) */
		if (!f->nclaims || f->claims[0] >= m->t->n)
			return 0;
		out[0] = f->claims[0];
		return 1;
	}
	if (!f->disputed) {
		out[0] = near;
		return 1;
	}
	out[0] = lo < hi ? lo : hi;
	out[1] = lo < hi ? hi : lo;
	return 1 + (lo != hi);
}

void rp_model_release(struct rp_model *m)
{
	free(m->docno);
	free(m->flags);
	free(m->cited);
	free(m->fam);
	free(m->key);
	free(m->keymax);
	free(m->famord);
	free(m->famstart);
	free(m->facts);
	free(m->finds);
	free(m->pool);
	free(m->pairs);
	rp_docs_release(&m->docs);
	kz_arena_release(&m->arena);
	memset(m, 0, sizeof *m);
}
