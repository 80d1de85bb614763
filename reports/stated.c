/*
 * stated.c: the precision a figure is stated to — what its quote writes — and the estimate of a
 * fact printed to it.
 *
 * 1. A quote's figure is its first numeral: digits, "." or a space grouping three digits, "," and
 *    the decimals ("1.519,2", "31 050", "40,0"). Its step is the place of its last digit: 10^-d for
 *    d decimals, else the power of ten its integer's trailing zeros leave ("28.500": 100).
 * 2. A scale word right after it (data/scales.tsv: "Mio.", "Milliarden", …) multiplies both.
 * 3. It is the claim's figure only when numeral × scale is the claim's value; a figure in words
 *    ("fünfundzwanzig", "ein Drittel") or a corrected value states no precision (step 0).
 * 4. A fact's estimate is printed to the finest step of its claims (the figure a claim states
 *    exactly to that claim's), and finer while that rounding would fall outside the fact's interval.
 * 5. Its interval is rounded outwards to two significant digits of its width, people and things
 *    too: "etwa 11.000" and "10.000 bis 12.000" share 10.400–11.600, not a computed 10.450–11.550.
 */
#include "reports_int.h"
#include "core/data.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SCALES 32

struct scale_word {
	char w[24];
	size_t len;
	double mult;
};

static struct scale_word scales[MAX_SCALES];
static size_t nscales;
static int scales_loaded;

/* data/scales.tsv: "scale<TAB>word<TAB>multiplier" rows. */
static void load_scales(void)
{
	const struct kz_blob *b = kz_data_find("scales.tsv");
	const char *p = NULL, *cell[3];
	size_t len[3];

	scales_loaded = 1;
	while (b && nscales < MAX_SCALES && kz_data_row(b, &p, cell, len, 3) == 3) {
		struct scale_word *s = &scales[nscales];
		char num[32];
		size_t k = len[2] < sizeof num - 1 ? len[2] : sizeof num - 1;
		if (len[1] >= sizeof s->w)
			continue;
		memcpy(s->w, cell[1], len[1]);
		s->w[len[1]] = '\0';
		s->len = len[1];
		memcpy(num, cell[2], k);
		num[k] = '\0';
		if (kz_parse_double(num, &s->mult) == 0 && s->mult > 0)
			nscales++;
	}
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Bytes of a space at p that may group digits: " ", U+00A0, U+202F, U+2009; 0 when none. */
static size_t space_len(const char *p)
{
	if (*p == ' ')
		return 1;
	if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0)
		return 2;
	if ((unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
	    ((unsigned char)p[2] == 0xaf || (unsigned char)p[2] == 0x89))
		return 3;
	return 0;
}

/* Exactly three digits at p, then no fourth. */
static int three(const char *p)
{
	return is_digit(p[0]) && is_digit(p[1]) && is_digit(p[2]) && !is_digit(p[3]);
}

/* The scale word at p (longest match, ending the word): its multiplier, else 1. */
static double scale_at(const char *p)
{
	size_t best = 0;
	double mult = 1;

	if (!scales_loaded)
		load_scales();
	for (size_t i = 0; i < nscales; i++) {
		const struct scale_word *s = &scales[i];
		unsigned char next;
		if (s->len <= best || strncmp(p, s->w, s->len))
			continue;
		next = (unsigned char)p[s->len];
		if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || next == 0xc3)
			continue; /* "Mio" of "Mios", "Million" of "Millionen" (the longer row matches) */
		best = s->len;
		mult = s->mult;
	}
	return mult;
}

int rp_claim_stated(const struct kz_claim *c, double *step, double *scale)
{
	const char *p = c->quote, *q;
	double ipart = 0, frac = 0, fk = 1, num, mult;
	int decimals = 0, zeros = 0;
	size_t sp;

	*step = 0;
	*scale = 0;
	if (!p || !isfinite(c->value))
		return 0;
	while (*p && !is_digit(*p))
		p++;
	if (!*p)
		return 0; /* a figure in words */
	/* the integer part: digits, and a "." or a space before each group of three */
	for (;;) {
		while (is_digit(*p)) {
			ipart = ipart * 10 + (*p - '0');
			zeros = *p == '0' ? zeros + 1 : 0;
			p++;
		}
		if (*p == '.' && three(p + 1))
			p++;
		else if ((sp = space_len(p)) && three(p + sp))
			p += sp;
		else
			break;
	}
	/* the decimals: after a comma (German), or a point that groups nothing */
	if ((*p == ',' || *p == '.') && is_digit(p[1])) {
		for (p++; is_digit(*p); p++) {
			fk /= 10;
			frac += (*p - '0') * fk;
			decimals++;
		}
	}
	num = ipart + frac;
	/* the scale word after it, over white space */
	for (q = p; (sp = space_len(q)); q += sp)
		;
	mult = scale_at(q);
	if (!(fabs(fabs(c->value) - num * mult) <= 1e-9 * fmax(1, fabs(c->value))))
		return 0; /* not the claim's figure (a range's other end, a corrected value) */
	*step = (decimals ? pow(10, -decimals) : pow(10, zeros < 15 ? zeros : 15)) * mult;
	if (!decimals && num == 0)
		*step = mult; /* "0": its one digit */
	*scale = mult > 1 ? mult : 0;
	return 1;
}

void rp_fmt_claim(char *dst, size_t n, const struct kz_claim *c, enum pl_lang lang)
{
	double step, scale;

	rp_claim_stated(c, &step, &scale);
	pl_fmt_stated(dst, n, c->value, c->unit, step, scale, lang);
}

/* data/qualifiers.tsv: "qual<TAB>phrase<TAB>class[<TAB>weak|strong]" rows, the words a quote may
 * open with ("knapp", "mehr als"). */
#define MAX_QUALS 64
struct qual_phrase {
	char w[32];
	size_t len;
	int weak;
};
static struct qual_phrase quals[MAX_QUALS];
static size_t nquals;
static int quals_loaded;

static void load_quals(void)
{
	const struct kz_blob *b = kz_data_find("qualifiers.tsv");
	const char *p = NULL, *cell[4];
	size_t len[4], n;

	quals_loaded = 1;
	while (b && nquals < MAX_QUALS && (n = kz_data_row(b, &p, cell, len, 4)) != 0) {
		struct qual_phrase *q = &quals[nquals];
		if (n < 3 || len[1] >= sizeof q->w)
			continue;
		memcpy(q->w, cell[1], len[1]);
		q->w[len[1]] = '\0';
		q->len = len[1];
		q->weak = n == 4 && len[3] >= 4 && !memcmp(cell[3], "weak", 4);
		nquals++;
	}
}

/* Does the quote open with phrase w (its first letter in either case), then a space? */
static int opens_with(const char *quote, const char *w, size_t len)
{
	if (strlen(quote) <= len || quote[len] != ' ')
		return 0;
	if (!strncmp(quote, w, len))
		return 1;
	/* "Mehr als die Hälfte", "Über 90 Prozent": a capital opening the sentence */
	if (w[0] >= 'a' && w[0] <= 'z' && quote[0] == w[0] - 'a' + 'A')
		return !strncmp(quote + 1, w + 1, len - 1);
	if (!strncmp(w, "\xc3\xbc", 2) && !strncmp(quote, "\xc3\x9c", 2)) /* ü, Ü */
		return !strncmp(quote + 2, w + 2, len - 2);
	return 0;
}

const char *rp_qual_stated(const struct kz_claim *c, enum pl_lang lang)
{
	const struct qual_phrase *best = NULL;

	if (!quals_loaded)
		load_quals();
	for (size_t i = 0; c->quote && i < nquals; i++)
		if ((!best || quals[i].len > best->len) && opens_with(c->quote, quals[i].w, quals[i].len))
			best = &quals[i];
	if (!best || c->qual == KZ_Q_RANGE || c->qual == KZ_Q_EXACT)
		return rp_qual_word(c->qual, lang);
	if (lang == PL_DE)
		return best->w;
	/* in English, a small step as a small step: "knapp 1,9" is "just under", not "at most" */
	if (best->weak && c->qual == KZ_Q_AT_MOST)
		return "just under";
	if (best->weak && c->qual == KZ_Q_AT_LEAST)
		return "just over";
	return rp_qual_word(c->qual, lang);
}

void rp_fmt_claim_qual(char *dst, size_t n, const struct kz_claim *c, enum pl_lang lang)
{
	char v[96];

	if (c->qual == KZ_Q_RANGE && isfinite(c->low) && isfinite(c->high) && c->low < c->high) {
		pl_fmt_range(dst, n, c->low, c->high, c->unit, lang);
		return;
	}
	rp_fmt_claim(v, sizeof v, c, lang);
	if (c->qual == KZ_Q_APPROX || c->qual == KZ_Q_AT_LEAST || c->qual == KZ_Q_AT_MOST)
		snprintf(dst, n, "%s %s", rp_qual_stated(c, lang), v);
	else
		snprintf(dst, n, "%s", v);
}

void rp_fmt_fact(char *dst, size_t n, const struct rp_fact *f, enum pl_lang lang)
{
	pl_fmt_stated(dst, n, f->value, f->unit, f->step, f->scale, lang);
}

void rp_fmt_interval(char *dst, size_t n, const struct rp_fact *f, enum pl_lang lang)
{
	double lo = f->low, hi = f->high, w = hi - lo;

	if (w > 0 && isfinite(w)) {
		double step = pow(10, floor(log10(w)) - 1);
		/* outwards, with slack for float noise in the last bits (28.500 × 1,05) */
		lo = floor(lo / step + 1e-9) * step;
		hi = ceil(hi / step - 1e-9) * step;
	}
	pl_fmt_range(dst, n, lo, hi, f->unit, lang);
}

/* The least and the greatest figure f's claims state in f's own unit (money in another currency is
 * never printed as this one); 1 when every claim is in that unit. lo > hi when none is. */
int rp_fact_stated_span(const struct rp_model *m, const struct rp_fact *f, double *lo, double *hi)
{
	int all = 1;

	*lo = INFINITY;
	*hi = -INFINITY;
	for (size_t k = 0; k < f->nclaims; k++) {
		const struct kz_claim *cl = &m->t->v[f->claims[k]];
		if (strcmp(cl->unit, f->unit)) {
			all = 0;
			continue;
		}
		*lo = fmin(*lo, cl->value);
		*hi = fmax(*hi, cl->value);
	}
	return all;
}

void rp_fmt_disputed(char *dst, size_t n, const struct rp_model *m, const struct rp_fact *f, enum pl_lang lang)
{
	double lo, hi;

	/* money in several currencies: the span check computed in the fact's unit */
	if (!rp_fact_stated_span(m, f, &lo, &hi) || lo > hi) {
		lo = f->low;
		hi = f->high;
	}
	pl_fmt_range(dst, n, lo, hi, f->unit, lang);
}

static double round_to(double v, double step)
{
	double r = round(v / step) * step;

	return isfinite(r) ? r : v;
}

void rp_fact_precision(const struct kz_table *t, struct rp_fact *f)
{
	double finest = 0, scale = -1, v = f->value, exact = 0, exact_scale = 0;
	double tol = 1e-9 * fmax(1, fabs(v));
	int whole = !strcmp(f->unit, "persons") || !strcmp(f->unit, "count"), stated_as_is = 0;

	f->step = 0;
	f->scale = 0;
	if (!isfinite(v))
		return;
	for (size_t k = 0; k < f->nclaims; k++) {
		const struct kz_claim *c;
		double st, sc;
		if (f->claims[k] >= t->n || strcmp((c = &t->v[f->claims[k]])->unit, f->unit))
			continue;
		if (!rp_claim_stated(c, &st, &sc)) {
			/* "fünfundzwanzig Prozent": the estimate as written, in the sheet's default digits */
			stated_as_is |= fabs(c->value - v) <= tol;
			continue;
		}
		if (!finest || st < finest)
			finest = st;
		/* one scale word when all that write one write the same */
		scale = scale < 0 ? sc : scale == sc ? scale : 0;
		if (fabs(c->value - v) <= tol && (!exact || st < exact)) {
			exact = st;
			exact_scale = sc;
		}
	}
	if (exact || stated_as_is) { /* the estimate is a figure a claim states: as it states it */
		f->step = exact;
		f->scale = exact_scale;
		return;
	}
	if (f->disputed)
		return; /* no estimate is printed, the span of the figures is */
	if (!finest) /* no claim states its digits: three significant digits */
		finest = v != 0 ? pow(10, floor(log10(fabs(v))) - 2) : 1;
	if (whole && finest < 1)
		finest = 1;
	/* finer while the rounded estimate would leave the fact's interval: never "51,9" printed
	 * beside "51,94–51,96" */
	for (int i = 0; i < 12; i++) {
		double r = round_to(v, finest), slack = 1e-9 * fmax(fabs(f->low), fabs(f->high));
		if ((r >= f->low - slack && r <= f->high + slack) || (whole && finest <= 1))
			break;
		finest /= 10;
	}
	f->value = round_to(v, finest);
	f->step = finest;
	f->scale = scale > 0 ? scale : 0;
}
