/* currency.c: two amounts given as one ("5,07 Billionen Yen (47,0 Milliarden Dollar)") checked against the reference rate. */
#include "stats_int.h"
#include "core/data.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_JOINERS 64

/* The words that may stand between an amount and its conversion (data/joiners.tsv), lower case. */
struct joiners {
	const char *w[MAX_JOINERS];
	size_t len[MAX_JOINERS];
	int past[MAX_JOINERS]; /* "damals": the conversion is at a rate of before the document */
	size_t n;
};

static void joiners_load(struct joiners *j)
{
	const struct kz_blob *b = kz_data_find("joiners.tsv");
	const char *p = b ? b->data : NULL, *end = b ? b->data + b->len : NULL;

	j->n = 0;
	while (p && p < end && j->n < MAX_JOINERS) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		if (eol > p && *p != '#') {
			const char *tab = memchr(p, '\t', (size_t)(eol - p));
			j->w[j->n] = p;
			j->len[j->n] = (size_t)((tab ? tab : eol) - p);
			j->past[j->n++] = tab && (size_t)(eol - tab - 1) == 4 && !memcmp(tab + 1, "past", 4);
		}
		p = eol + 1;
	}
}

static const char *skip_ws(const char *s, const char *e)
{
	while (s < e && (*s == ' ' || *s == '\t' || *s == '\n' || (unsigned char)*s == 0xC2 ||
			 (unsigned char)*s == 0xA0))
		s++;
	return s;
}

/* Skip joiner words; returns the position after them. */
static const char *skip_joiners(const struct joiners *j, const char *s, const char *e, int *n, int *past)
{
	for (;;) {
		int hit = 0;
		s = skip_ws(s, e);
		for (size_t k = 0; k < j->n; k++) {
			size_t l = j->len[k];
			if ((size_t)(e - s) >= l && !strncasecmp(s, j->w[k], l) &&
			    (s + l == e || s[l] == ' ' || s[l] == ',' || s[l] == ':')) {
				s += l;
				if (s < e && (*s == ',' || *s == ':'))
					s++;
				hit = 1;
				(*n)++;
				*past |= j->past[k];
				break;
			}
		}
		if (!hit)
			return s;
	}
}

/*
 * Does the text between two amounts make the second a conversion of the
 * first? " (", "169 (" (a footnote mark), " (umgerechnet ", ", umgerechnet ",
 * " bzw. ", " / ".
 */
static int is_conversion_gap(const struct joiners *j, const char *s, const char *e, int in_brackets, int *past)
{
	int words = 0;

	s = skip_ws(s, e);
	while (s < e && *s >= '0' && *s <= '9') /* footnote marks glued to the first amount */
		s++;
	s = skip_ws(s, e);
	/* "211 Mrd. Yen pro Jahr (knapp 1,9 Mrd. $)": a rate both amounts share */
	{
		static const char *const rate[] = {"pro Jahr", "im Jahr", "jährlich", "pro Monat", "im Monat", "a year",
						   "per year", NULL};
		for (size_t k = 0; rate[k]; k++) {
			size_t n = strlen(rate[k]);
			if ((size_t)(e - s) > n && !strncmp(s, rate[k], n) && (s[n] == ' ' || s[n] == ',' || s[n] == '(')) {
				s = skip_ws(s + n, e);
				break;
			}
		}
	}
	if (s < e && (*s == '(' || *s == '[' || *s == '/')) {
		s = skip_joiners(j, s + 1, e, &words, past);
		return s == e;
	}
	if (s < e && *s == ',') {
		s = skip_joiners(j, s + 1, e, &words, past);
		/* "(1,5192 Billionen Won, ca. 1,13 Mrd. US-Dollar)": inside a restatement's brackets, the
		 * joiner is the second amount's qualifier */
		if (s == e && !words && in_brackets)
			skip_joiners(j, e, e + strlen(e), &words, past);
		return s == e && words > 0;
	}
	if (s < e && (*s == '-' || !strncmp(s, "\xe2\x80\x93", 3))) {
		s = skip_joiners(j, s + (*s == '-' ? 1 : 3), e, &words, past);
		return s == e && words > 0;
	}
	s = skip_joiners(j, s, e, &words, past);
	return s == e && words > 0;
}

/* Are claims a and b (adjacent, same document) one amount given in two currencies? *past: at a rate of the time the text speaks of ("damals"). */
static int is_pair(const struct joiners *j, const struct kz_claim *a, const struct kz_claim *b, int *past)
{
	const char *pa, *pb;

	if (strcmp(a->doc, b->doc) || !st_is_money(a->unit) || !st_is_money(b->unit) ||
	    !strcmp(a->unit, b->unit) || b->start < a->end || b->start - a->end > 40)
		return 0;
	if (!(a->low > 0) || !(b->low > 0))
		return 0;
	if (*a->sentence && *a->quote && (pa = strstr(a->sentence, a->quote)) &&
	    (pb = strstr(pa + strlen(a->quote), b->quote)))
	{
		int open = 0;
		for (const char *q = a->sentence; q < pa; q++)
			open += *q == '(' ? 1 : *q == ')' && open > 0 ? -1 : 0;
		return is_conversion_gap(j, pa + strlen(a->quote), pb, open > 0, past);
	}
	/* no sentence to look at (a hand-made table): only amounts right next to each other */
	return b->start - a->end <= 2;
}

struct cand {
	int period; /* YYYY or YYYYMM */
	double ref; /* units of b per unit of a */
};

static void period_label(char *dst, size_t n, int period, enum st_lang lang)
{
	if (period > 9999)
		snprintf(dst, n, lang == ST_LANG_EN ? "monthly average %02d/%d" : "Monatsmittel %02d/%d",
			 period % 100, period / 100);
	else
		snprintf(dst, n, lang == ST_LANG_EN ? "annual average %d" : "Jahresmittel %d", period);
}

static void check_pair(struct st_ctx *x, size_t i, size_t j, int past)
{
	const struct kz_claim *a = &x->t->v[i], *b = &x->t->v[j];
	struct cand c[80];
	size_t nc = 0, best = SIZE_MAX;
	double lo = b->low / a->high, hi = b->high / a->low, bestdev = INFINITY;
	struct st_year ya = st_year_parse(a->year), yb = st_year_parse(b->year);
	int periods[80], np = 0;

	/* the figure's year(s), the document's year, the document's month and the month before */
	if (!ya.y0)
		ya = yb;
	if (ya.y0 && ya.y1 - ya.y0 <= 30)
		for (int y = ya.y0; y <= ya.y1; y++)
			periods[np++] = y;
	if (yb.y0 && (yb.y0 != ya.y0 || yb.y1 != ya.y1) && yb.y1 - yb.y0 <= 30)
		for (int y = yb.y0; y <= yb.y1 && np < 70; y++)
			periods[np++] = y;
	/* "(damals rund 9,3 Mrd. US-Dollar)": a rate of some time before the document — the two
	 * years before the figure's first year or the document's, whichever is earlier */
	if (past && x->docyear[i])
		for (int y = (ya.y0 && ya.y0 < x->docyear[i] ? ya.y0 : x->docyear[i]) - 2; y < x->docyear[i] && np < 70; y++)
			periods[np++] = y;
	if (x->docyear[i]) {
		periods[np++] = x->docyear[i];
		if (x->docmonth[i]) {
			int m = x->docmonth[i], y = x->docyear[i];
			periods[np++] = y * 100 + m;
			periods[np++] = m > 1 ? y * 100 + m - 1 : (y - 1) * 100 + 12;
		}
	}
	for (int k = 0; k < np; k++) {
		double ua = st_fx(x, a->unit, periods[k]), ub = st_fx(x, b->unit, periods[k]);
		double dev;
		if (!(ua > 0) || !(ub > 0))
			continue;
		c[nc].period = periods[k];
		c[nc].ref = ua / ub;
		/* distance of the reference from the interval the two roundings allow */
		dev = c[nc].ref < lo ? lo / c[nc].ref - 1 : c[nc].ref > hi ? c[nc].ref / hi - 1 : 0;
		if (dev < bestdev)
			bestdev = dev, best = nc;
		nc++;
	}
	if (best == SIZE_MAX || bestdev <= x->o->fx_tol)
		return;
	{
		enum st_lang lang = x->o->lang;
		struct kz_buf e = KZ_BUF_INIT;
		double implied = b->value / a->value, ref = c[best].ref, rd = implied / ref - 1;
		const char *num = b->unit, *den = a->unit;
		char s1[64], s2[64], s3[64], per[64];
		size_t list[2] = {i, j};

		if (implied < 1) { /* quote the rate as the larger number: 107,9 JPY je USD */
			implied = 1 / implied;
			ref = 1 / ref;
			num = a->unit;
			den = b->unit;
		}
		st_fmt_num(s1, sizeof(s1), implied, lang);
		st_fmt_num(s2, sizeof(s2), ref, lang);
		st_fmt_pct(s3, sizeof(s3), fabs(rd) * 100, lang);
		period_label(per, sizeof(per), c[best].period, lang);
		st_fact_phrase(&e, a, a->year, lang);
		kz_buf_addf(&e, ": %s = %s (%s)", a->quote, b->quote, st_basename(a->doc));
		if (lang == ST_LANG_EN)
			kz_buf_addf(&e, " implies %s %s per %s; the reference rate (%s) is %s, off by %s", s1,
				    num, den, per, s2, s3);
		else
			kz_buf_addf(&e, " ergibt %s %s je %s; Referenzkurs (%s) %s, Abweichung %s", s1, num,
				    den, per, s2, s3);
		st_result_add(x->r, ST_K_CURRENCY, ST_SEV_ERROR, a, a->year, b->unit, list, 2, rd,
			      e.s ? e.s : "");
		kz_buf_release(&e);
	}
}

void st_currency_pairs(struct st_ctx *x)
{
	const struct kz_table *t = x->t;
	struct joiners j;

	joiners_load(&j);
	for (size_t i = 0, last_past = (size_t)-1; i + 1 < t->n; i++) {
		int past = 0;
		if (!is_pair(&j, &t->v[i], &t->v[i + 1], &past))
			continue;
		x->twin[i + 1] = 1;
		/* "1.055,1 Milliarden Yen (damals rund 9,3 Mrd. US-Dollar), im Schnitt 211 Mrd. Yen pro
		 * Jahr (knapp 1,9 Mrd. $)": a conversion after one at a rate of before, in the same
		 * sentence, is at that rate too */
		if (!past && last_past != (size_t)-1 && !strcmp(t->v[last_past].doc, t->v[i].doc) &&
		    *t->v[i].sentence && !strcmp(t->v[last_past].sentence, t->v[i].sentence))
			past = 1;
		if (past)
			last_past = i;
		if (x->fx)
			check_pair(x, i, i + 1, past);
		i++;
	}
}
