/* check.c: st_check — runs the stages over one claims table; interning, years and money conversion. */
#include "stats_int.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

void st_intern_init(struct st_intern *in)
{
	memset(in, 0, sizeof(*in));
}

void st_intern_release(struct st_intern *in)
{
	free(in->key);
	free(in->slot);
	st_intern_init(in);
}

uint64_t st_hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static void rehash(struct st_intern *in, size_t cap)
{
	free(in->slot);
	in->slot = kz_xcalloc(cap, sizeof(*in->slot));
	in->cap = cap;
	for (size_t i = 0; i < in->n; i++) {
		size_t h = st_hash_str(in->key[i]) & (cap - 1);
		while (in->slot[h])
			h = (h + 1) & (cap - 1);
		in->slot[h] = (uint32_t)i + 1;
	}
}

uint32_t st_intern_id(struct st_intern *in, const char *s)
{
	size_t h;

	if (in->cap == 0 || (in->n + 1) * 2 > in->cap)
		rehash(in, in->cap ? in->cap * 2 : 64);
	h = st_hash_str(s) & (in->cap - 1);
	while (in->slot[h]) {
		uint32_t id = in->slot[h] - 1;
		if (!strcmp(in->key[id], s))
			return id;
		h = (h + 1) & (in->cap - 1);
	}
	KZ_GROW(in->key, in->kalloc, in->n + 1);
	in->key[in->n] = s;
	in->slot[h] = (uint32_t)in->n + 1;
	return (uint32_t)in->n++;
}

uint32_t st_intern_find(const struct st_intern *in, const char *s)
{
	size_t h;

	if (!in->cap)
		return UINT32_MAX;
	for (h = st_hash_str(s) & (in->cap - 1); in->slot[h]; h = (h + 1) & (in->cap - 1))
		if (!strcmp(in->key[in->slot[h] - 1], s))
			return in->slot[h] - 1;
	return UINT32_MAX;
}

static int num4(const char *s)
{
	int v = 0;
	for (int i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

struct st_year st_year_parse(const char *s)
{
	struct st_year y = {0, 0};
	size_t n = strlen(s);
	int a;

	if (n < 4 || (a = num4(s)) < 0)
		return y;
	if (n == 4) {
		y.y0 = y.y1 = a;
	} else if (n == 9 && s[4] == '-' && num4(s + 5) >= a) {
		y.y0 = a;
		y.y1 = num4(s + 5);
	} else if (n == 5 && s[4] == 's') {
		y.y0 = a;
		y.y1 = a + (a % 100 == 0 ? 99 : 9);
	}
	return y;
}

int st_is_money(const char *u)
{
	return strlen(u) == 3 && u[0] >= 'A' && u[0] <= 'Z' && u[1] >= 'A' && u[1] <= 'Z' &&
	       u[2] >= 'A' && u[2] <= 'Z';
}

double st_val(const struct st_ctx *x, const struct st_bucket *b, size_t i)
{
	return b->mixed ? x->usd[i] : x->t->v[i].value;
}

double st_lo(const struct st_ctx *x, const struct st_bucket *b, size_t i)
{
	return b->mixed ? x->ulo[i] : x->t->v[i].low;
}

double st_hi(const struct st_ctx *x, const struct st_bucket *b, size_t i)
{
	return b->mixed ? x->uhi[i] : x->t->v[i].high;
}

/* A memo of USD per unit by (currency, period): the rates table is searched once per pair. */
struct fxmemo {
	struct st_intern cur;
	double *v; /* cur id * SLOTS + (year - 1900) * 13 + month; 0 = not looked up, -1 = unknown */
	size_t alloc;
};
#define SLOTS (301 * 13)

double st_fx(struct st_ctx *x, const char *cur, int period)
{
	struct fxmemo *m = x->fxmemo;
	int year = period > 9999 ? period / 100 : period, month = period > 9999 ? period % 100 : 0;
	uint32_t id;
	size_t k;

	if (!x->fx || year < 1900 || year > 2200 || month > 12)
		return 0;
	if (!strcmp(cur, "USD"))
		return 1;
	id = st_intern_id(&m->cur, cur);
	if ((id + 1) * SLOTS > m->alloc) {
		size_t old = m->alloc;
		m->v = kz_xrealloc(m->v, (id + 1) * SLOTS * sizeof(double));
		m->alloc = (id + 1) * SLOTS;
		memset(m->v + old, 0, (m->alloc - old) * sizeof(double));
	}
	k = id * SLOTS + (size_t)(year - 1900) * 13 + (size_t)month;
	if (m->v[k] == 0) {
		double r = st_usd_per(x->fx, cur, period);
		m->v[k] = r > 0 ? r : -1;
	}
	return m->v[k] > 0 ? m->v[k] : 0;
}

/* Convert every money claim to USD at the rate of its year (mean over a range), else its document's year. */
static void to_usd(struct st_ctx *x)
{
	size_t n = x->t->n;

	for (size_t i = 0; i < n; i++) {
		const struct kz_claim *c = &x->t->v[i];
		struct st_year y;
		double sum = 0;
		int k = 0;

		x->usd[i] = x->ulo[i] = x->uhi[i] = NAN;
		if (!st_is_money(c->unit) || !x->fx)
			continue;
		y = st_year_parse(c->year);
		if (!y.y0) {
			y.y0 = y.y1 = x->docyear[i];
		}
		if (!y.y0 || y.y1 - y.y0 > 30)
			continue;
		for (int yy = y.y0; yy <= y.y1; yy++) {
			double r = st_fx(x, c->unit, yy);
			if (r > 0) {
				sum += r;
				k++;
			}
		}
		if (!k)
			continue;
		sum /= k;
		x->usd[i] = c->value * sum;
		x->ulo[i] = c->low * sum;
		x->uhi[i] = c->high * sum;
	}
}

static int cmp_finding(const void *a, const void *b)
{
	const struct st_finding *f = a, *g = b;
	if (f->kind != g->kind)
		return f->kind < g->kind ? -1 : 1;
	if (f->claims[0] != g->claims[0])
		return f->claims[0] < g->claims[0] ? -1 : 1;
	if (f->nclaims > 1 && g->nclaims > 1 && f->claims[1] != g->claims[1])
		return f->claims[1] < g->claims[1] ? -1 : 1;
	return 0;
}

/* The consensus stage reads the context as the finding stages do and writes only its own result:
 * it runs beside them, into a result of its own appended after theirs (the order stays that of one
 * thread). */
struct side_job {
	struct st_ctx x;
	struct st_result r;
};

static void *side_consensus(void *arg)
{
	struct side_job *j = arg;
	st_consensus(&j->x);
	return NULL;
}

/* Tables smaller than this are checked in one thread: the second would cost more than it saves. */
#define SIDE_MIN 20000

static void finding_stages(struct st_ctx *x)
{
	st_conflicts(x);
	st_arithmetic(x);
	st_disputed(x);
}

int st_check(const struct kz_table *t, const struct st_rates *fx, const struct st_docinfo *docs,
	     const struct st_options *o, struct st_result *r, struct kz_err *err)
{
	struct st_ctx x;
	struct st_options def;
	size_t n = t->n, f0 = r->nf;
	uint32_t *dy = NULL;
	size_t ndy = 0;
	struct fxmemo memo;

	if (!o) {
		st_options_init(&def);
		o = &def;
	}
	if (!(o->fx_tol >= 0 && o->fx_tol < 1) || !(o->change_tol >= 0) || !(o->alpha > 0 && o->alpha < 1) ||
	    !(o->outlier_z > 0))
		return kz_err_set(err, KZ_EINPUT, NULL, 0, "check: option out of range");
	memset(&x, 0, sizeof(x));
	x.t = t;
	x.fx = fx;
	x.docs = docs;
	x.o = o;
	x.r = r;
	memset(&memo, 0, sizeof(memo));
	st_intern_init(&memo.cur);
	x.fxmemo = &memo;
	st_intern_init(&x.docs_in);
	x.docid = kz_xmalloc((n ? n : 1) * sizeof(*x.docid));
	st_intern_init(&x.src_in);
	x.srcid = kz_xmalloc((n ? n : 1) * sizeof(*x.srcid));
	x.docyear = kz_xcalloc(n ? n : 1, sizeof(int));
	x.docmonth = kz_xcalloc(n ? n : 1, sizeof(int));
	x.twin = kz_xcalloc(n ? n : 1, 1);
	x.usd = kz_xmalloc((n ? n : 1) * sizeof(double));
	x.ulo = kz_xmalloc((n ? n : 1) * sizeof(double));
	x.uhi = kz_xmalloc((n ? n : 1) * sizeof(double));

	/* documents: ids, and their dates looked up once per document */
	for (size_t i = 0; i < n; i++) {
		uint32_t id = st_intern_id(&x.docs_in, t->v[i].doc);
		const struct kz_claim *c = &t->v[i];
		x.docid[i] = id;
		x.srcid[i] = st_intern_id(&x.src_in, c->source && *c->source ? c->source
						    : c->publisher && *c->publisher ? c->publisher : c->doc);
		if (id >= ndy) {
			size_t old = ndy;
			KZ_GROW(dy, ndy, (size_t)id + 1);
			for (size_t k = old; k < ndy; k++)
				dy[k] = UINT32_MAX;
		}
		if (dy[id] == UINT32_MAX) {
			const struct st_docdate *d = docs ? st_docinfo_find(docs, t->v[i].doc) : NULL;
			dy[id] = d ? (uint32_t)(d->year * 100 + d->month) : 0;
		}
		x.docyear[i] = (int)(dy[id] / 100);
		x.docmonth[i] = (int)(dy[id] % 100);
	}
	free(dy);
	to_usd(&x);

	st_currency_pairs(&x);
	st_group(&x);
	{
		struct side_job *side = n >= SIDE_MIN ? kz_xmalloc(sizeof(*side)) : NULL;
		pthread_t th;
		if (side) {
			side->x = x;
			st_result_init(&side->r);
			side->x.r = &side->r;
			if (pthread_create(&th, NULL, side_consensus, side) != 0) {
				st_result_release(&side->r);
				free(side);
				side = NULL;
			}
		}
		finding_stages(&x);
		if (side) {
			pthread_join(th, NULL);
			st_result_merge(r, &side->r);
			free(side);
		} else {
			st_consensus(&x);
		}
	}

	if (r->nf > f0)
		qsort(r->f + f0, r->nf - f0, sizeof(*r->f), cmp_finding);

	st_intern_release(&x.docs_in);
	free(x.docid);
	st_intern_release(&x.src_in);
	free(x.srcid);
	free(x.docyear);
	free(x.docmonth);
	free(x.twin);
	free(x.usd);
	free(x.ulo);
	free(x.uhi);
	free(x.order);
	st_intern_release(&memo.cur);
	free(memo.v);
	free(x.b);
	return 0;
}
