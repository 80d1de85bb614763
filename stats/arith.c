/* arith.c: arithmetic — stated changes ("Anstieg von knapp 14 Prozent", "verzehnfacht") against the stated figures; shares of one whole above 100 %. */
#include "stats_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIGS 64        /* figures of one sentence looked at */
#define BASE_LOOKBACK 4000 /* claims searched back for the base figure of a change */

enum how { HOW_REL, HOW_POINTS, HOW_FACTOR };

/* The change from a to b as an interval, in the way `how` measures it; magnitudes (direction is not compared). */
static void implied(const struct kz_claim *a, const struct kz_claim *b, enum how how, double *lo,
		    double *hi)
{
	double l, h;

	switch (how) {
	case HOW_POINTS:
		l = b->low - a->high;
		h = b->high - a->low;
		break;
	case HOW_FACTOR:
		l = b->low / a->high;
		h = b->high / a->low;
		if (h < 1) { /* a fall: "halbiert" is 0.5, a rise read backwards is its inverse */
			double t = l;
			l = 1 / h;
			h = 1 / t;
		}
		*lo = l;
		*hi = h;
		return;
	default:
		l = (b->low / a->high - 1) * 100;
		h = (b->high / a->low - 1) * 100;
		break;
	}
	if (l < 0 && h > 0) {
		*lo = 0;
		*hi = fabs(l) > h ? fabs(l) : h;
	} else {
		*lo = fmin(fabs(l), fabs(h));
		*hi = fmax(fabs(l), fabs(h));
	}
}

/* Does the stated change c (its interval, widened by tol) meet the change from a to b measured as how? */
static int bears_out(const struct kz_claim *c, const struct kz_claim *a, const struct kz_claim *b,
		     enum how how, double tol, double *mid)
{
	double lo, hi, slo = fmin(fabs(c->low), fabs(c->high)), shi = fmax(fabs(c->low), fabs(c->high));

	if (how == HOW_FACTOR && shi < 1 && shi > 0) { /* "halbiert": compare as a fall factor */
		double t = slo;
		slo = 1 / shi;
		shi = 1 / t;
	}
	implied(a, b, how, &lo, &hi);
	/* the change the point values give, for the explanation */
	if (how == HOW_FACTOR)
		*mid = b->value / a->value < 1 ? a->value / b->value : b->value / a->value;
	else if (how == HOW_POINTS)
		*mid = fabs(b->value - a->value);
	else
		*mid = fabs(b->value / a->value - 1) * 100;
	return hi >= slo * (1 - tol) && lo <= shi * (1 + tol);
}

static enum how how_of(const struct kz_claim *c)
{
	return !strcmp(c->unit, "points") ? HOW_POINTS : !strcmp(c->unit, "factor") ? HOW_FACTOR : HOW_REL;
}

static int usable_fig(const struct st_ctx *x, size_t i)
{
	const struct kz_claim *f = &x->t->v[i];
	return f->ind != KZ_I_CHANGE && !x->twin[i] && f->low > 0 && f->high >= f->low &&
	       isfinite(f->high) && *f->unit;
}

static void explain_change(struct st_ctx *x, size_t ci, size_t ai, size_t bi, enum how how,
			   double got, int other_fits)
{
	const struct kz_claim *c = &x->t->v[ci], *a = &x->t->v[ai], *b = &x->t->v[bi];
	enum st_lang lang = x->o->lang;
	struct kz_buf e = KZ_BUF_INIT, fa = KZ_BUF_INIT, fb = KZ_BUF_INIT;
	char s[64];
	size_t list[3] = {ci, ai, bi};
	double stated = c->value, rd = stated != 0 ? got / fabs(stated) - 1 : NAN;

	/* the two figures compared: in English in English digits, their quotes in quotation marks */
	st_claim_figure(&fa, a, lang);
	st_claim_figure(&fb, b, lang);
	if (how == HOW_FACTOR) {
		st_fmt_num(s, sizeof(s), got, lang);
		if (lang == ST_LANG_EN)
			kz_buf_addf(&e, "\"%s\" (%s): from %s to %s is a factor of %s", c->quote,
				    st_basename(c->doc), fa.s, fb.s, s);
		else
			kz_buf_addf(&e, "„%s“ (%s): von %s auf %s ist das %s-Fache", c->quote,
				    st_basename(c->doc), fa.s, fb.s, s);
	} else {
		if (how == HOW_POINTS) {
			st_fmt_num(s, sizeof(s), got, lang);
			kz_buf_addf(&e, lang == ST_LANG_EN ? "\"%s\" (%s): from %s to %s is %s percentage points"
							   : "„%s“ (%s): von %s auf %s sind %s Prozentpunkte",
				    c->quote, st_basename(c->doc), fa.s, fb.s, s);
		} else {
			st_fmt_pct(s, sizeof(s), got, lang);
			kz_buf_addf(&e, lang == ST_LANG_EN ? "\"%s\" (%s): from %s to %s is a change of %s"
							   : "„%s“ (%s): von %s auf %s sind %s Veränderung",
				    c->quote, st_basename(c->doc), fa.s, fb.s, s);
		}
		if (other_fits)
			kz_buf_adds(&e, how == HOW_REL
						? (lang == ST_LANG_EN ? " – the figure fits as percentage points, not percent"
								      : " – die Zahl passt als Prozentpunkte, nicht als Prozent")
						: (lang == ST_LANG_EN ? " – the figure fits as percent, not percentage points"
								      : " – die Zahl passt als Prozent, nicht als Prozentpunkte"));
	}
	st_result_add(x->r, ST_K_ARITHMETIC, ST_SEV_ERROR, b, b->year, c->unit, list, 3, rd,
		      e.s ? e.s : "");
	kz_buf_release(&e);
	kz_buf_release(&fa);
	kz_buf_release(&fb);
}

/* Order a pair from the earlier to the later year when both are dated, else keep text order. */
static void order_pair(const struct kz_table *t, size_t *a, size_t *b)
{
	struct st_year ya = st_year_parse(t->v[*a].year), yb = st_year_parse(t->v[*b].year);
	if (ya.y0 && yb.y0 && ya.y0 > yb.y1) {
		size_t s = *a;
		*a = *b;
		*b = s;
	}
}

/* The figure of the same fact dated to the change's comparison year ("im Vergleich zu 2019"), searched back in the document. */
static size_t find_base(const struct st_ctx *x, size_t s0, const struct kz_claim *c, const struct kz_claim *f)
{
	const struct kz_table *t = x->t;
	for (size_t k = s0, n = 0; k-- > 0 && n < BASE_LOOKBACK; n++) {
		const struct kz_claim *g = &t->v[k];
		if (x->docid[k] != x->docid[s0])
			break;
		if (g->ind == f->ind && !strcmp(g->year, c->year) && !strcmp(g->unit, f->unit) &&
		    !strcmp(g->detail, f->detail) && !strcmp(g->subject, f->subject) &&
		    !strcmp(g->partner, f->partner) && usable_fig(x, k))
			return k;
	}
	return SIZE_MAX;
}

/* The change claims of one sentence (claims s0..s1 of one document). */
/* Does a clause boundary (", " outside a number, "; ", " – ") stand between two claims of one
 * sentence? Their quotes are found in the sentence text. */
static int clause_apart(const struct kz_claim *a, const struct kz_claim *b)
{
	const char *s = a->sentence, *pa = strstr(s, a->quote), *pb;
	const char *lo, *hi;

	if (!pa || strcmp(a->sentence, b->sentence))
		return 0;
	pb = strstr(pa + strlen(a->quote), b->quote);
	if (!pb)
		pb = strstr(s, b->quote);
	if (!pb)
		return 0;
	lo = pa < pb ? pa + strlen(a->quote) : pb + strlen(b->quote);
	hi = pa < pb ? pb : pa;
	for (const char *p = lo; p + 1 < hi; p++) {
		if ((*p == ',' || *p == ';') && p[1] == ' ')
			return 1;
		if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 && p + 2 < hi &&
		    ((unsigned char)p[2] == 0x93 || (unsigned char)p[2] == 0x94))
			return 1;
	}
	return 0;
}

static void sentence_changes(struct st_ctx *x, size_t s0, size_t s1)
{
	const struct kz_table *t = x->t;
	size_t figs[MAX_FIGS], nf = 0;

	for (size_t i = s0; i < s1 && nf < MAX_FIGS; i++)
		if (usable_fig(x, i))
			figs[nf++] = i;
	for (size_t ci = s0; ci < s1; ci++) {
		const struct kz_claim *c = &t->v[ci];
		enum how how;
		size_t first_a = SIZE_MAX, first_b = SIZE_MAX;
		double first_got = 0, mid;
		int tried = 0, ok = 0, other = 0;
		double tol;

		if (c->ind != KZ_I_CHANGE || !isfinite(c->low) || !isfinite(c->high))
			continue;
		if (strcmp(c->unit, "percent") && strcmp(c->unit, "points") && strcmp(c->unit, "factor"))
			continue;
		how = how_of(c);
		tol = how == HOW_FACTOR ? fmax(x->o->change_tol, 0.1) : x->o->change_tol;
		/* consecutive figures of one unit: "von 3,8 ... auf 38 Milliarden US-Dollar" */
		for (size_t p = 0; p < nf && !ok; p++) {
			for (size_t q = p + 1; q < nf; q++) {
				size_t a = figs[p], b = figs[q];
				if (strcmp(t->v[a].unit, t->v[b].unit))
					continue;
				/* a change relates two figures of one fact: not Germany's budget and the
				 * US one named for comparison in the same sentence, nor a figure of the
				 * next clause ("… auf 7,2 Mrd. Euro, der Auftragsbestand erreichte 38 Mrd.") */
				if (t->v[a].ind != t->v[b].ind || strcmp(t->v[a].detail, t->v[b].detail) ||
				    (*t->v[a].subject && *t->v[b].subject && strcmp(t->v[a].subject, t->v[b].subject)) ||
				    clause_apart(&t->v[a], &t->v[b]))
					continue;
				if (how == HOW_POINTS && strcmp(t->v[a].unit, "percent"))
					break;
				order_pair(t, &a, &b);
				tried = 1;
				if (bears_out(c, &t->v[a], &t->v[b], how, tol, &mid)) {
					ok = 1;
					break;
				}
				if (first_a == SIZE_MAX) {
					first_a = a, first_b = b, first_got = mid;
					if (how != HOW_FACTOR && !strcmp(t->v[a].unit, "percent"))
						other = bears_out(c, &t->v[a], &t->v[b],
								  how == HOW_REL ? HOW_POINTS : HOW_REL, tol, &mid);
				}
				break; /* only the next figure of the same unit */
			}
		}
		/* the base in an earlier sentence: the change names the comparison year */
		if (!tried && nf > 0 && *c->year) {
			struct st_year yc = st_year_parse(c->year);
			for (size_t p = 0; p < nf && !tried; p++) {
				const struct kz_claim *f = &t->v[figs[p]];
				struct st_year yf = st_year_parse(f->year);
				size_t g;
				if (!yc.y0 || !yf.y0 || yf.y0 <= yc.y1 || !kz_ind_is_core(f->ind))
					continue;
				g = find_base(x, s0, c, f);
				if (g == SIZE_MAX)
					continue;
				tried = 1;
				if (bears_out(c, &t->v[g], f, how, tol, &mid)) {
					ok = 1;
				} else {
					first_a = g, first_b = figs[p], first_got = mid;
					if (how != HOW_FACTOR && !strcmp(f->unit, "percent"))
						other = bears_out(c, &t->v[g], f, how == HOW_REL ? HOW_POINTS : HOW_REL,
								  tol, &mid);
				}
			}
		}
		if (tried && !ok && first_a != SIZE_MAX)
			explain_change(x, ci, first_a, first_b, how, first_got, other);
	}
}

/* Shares of one whole: a country's trade by partner in one year must not exceed 100 %. */
struct share {
	uint32_t detail, subject, year;
	size_t claim; /* the claim with the smallest lower bound for this partner */
	double low;
};

static int cmp_share(const void *a, const void *b)
{
	const struct share *p = a, *q = b;
	if (p->subject != q->subject)
		return p->subject < q->subject ? -1 : 1;
	if (p->detail != q->detail)
		return p->detail < q->detail ? -1 : 1;
	if (p->year != q->year)
		return p->year < q->year ? -1 : 1;
	return p->claim < q->claim ? -1 : p->claim > q->claim;
}

static void shares(struct st_ctx *x)
{
	const struct kz_table *t = x->t;
	struct st_intern in;
	struct share *v = NULL;
	size_t n = 0, alloc = 0;

	st_intern_init(&in);
	for (size_t bi = 0; bi < x->nb; bi++) {
		const struct st_bucket *b = &x->b[bi];
		const struct kz_claim *c = &t->v[x->order[b->start]];
		size_t best = SIZE_MAX;
		if (c->ind != KZ_I_TRADE_SHARE || strcmp(c->unit, "percent") || !*c->partner ||
		    !strcmp(c->partner, "NATO") || !strcmp(c->partner, "EU") || !b->year[0])
			continue;
		for (size_t k = b->start; k < b->start + b->n; k++)
			if (best == SIZE_MAX || t->v[x->order[k]].low < t->v[best].low)
				best = x->order[k];
		KZ_GROW(v, alloc, n + 1);
		v[n].detail = st_intern_id(&in, c->detail);
		v[n].subject = st_intern_id(&in, c->subject);
		v[n].year = st_intern_id(&in, c->year);
		v[n].claim = best;
		v[n].low = t->v[best].low;
		n++;
	}
	if (n)
		qsort(v, n, sizeof(*v), cmp_share);
	for (size_t j = 0, e; j < n; j = e) {
		double sum = 0;
		for (e = j; e < n && v[e].subject == v[j].subject && v[e].detail == v[j].detail &&
			    v[e].year == v[j].year;
		     e++)
			sum += v[e].low;
		if (e - j >= 2 && sum > 100 + x->o->share_tol) {
			enum st_lang lang = x->o->lang;
			struct kz_buf eb = KZ_BUF_INIT;
			size_t *list = kz_xmalloc((e - j) * sizeof(size_t));
			const struct kz_claim *c0 = &t->v[v[j].claim];
			char s[64];

			struct kz_claim whole = *c0;
			whole.partner = ""; /* the finding is about the whole, not one partner */
			st_fact_phrase(&eb, &whole, c0->year, lang);
			kz_buf_adds(&eb, ": ");
			for (size_t k = j; k < e; k++) {
				const struct kz_claim *c = &t->v[v[k].claim];
				list[k - j] = v[k].claim;
				kz_buf_addf(&eb, "%s%s %s (%s)", k > j ? " + " : "", st_country_name(c->partner, lang),
					    c->quote, st_basename(c->doc));
			}
			st_fmt_pct(s, sizeof(s), sum, lang);
			kz_buf_addf(&eb, lang == ST_LANG_EN ? " – at least %s of one whole" : " – zusammen mindestens %s eines Ganzen", s);
			st_result_add(x->r, ST_K_ARITHMETIC, ST_SEV_ERROR, &whole, c0->year, "percent", list,
				      e - j, sum / 100 - 1, eb.s ? eb.s : "");
			free(list);
			kz_buf_release(&eb);
		}
	}
	free(v);
	st_intern_release(&in);
}

void st_arithmetic(struct st_ctx *x)
{
	const struct kz_table *t = x->t;

	for (size_t s0 = 0, s1; s0 < t->n; s0 = s1) {
		int any = t->v[s0].ind == KZ_I_CHANGE;
		for (s1 = s0 + 1; s1 < t->n && x->docid[s1] == x->docid[s0] &&
				  (t->v[s1].sentence == t->v[s0].sentence ||
				   !strcmp(t->v[s1].sentence, t->v[s0].sentence)) &&
				  *t->v[s0].sentence;
		     s1++)
			any |= t->v[s1].ind == KZ_I_CHANGE;
		if (any)
			sentence_changes(x, s0, s1);
	}
	shares(x);
}
