/* fmt.c: numbers, units and intervals written the way German (or English) readers expect them. */
#include "plots.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define NBSP "\xc2\xa0"

struct cur {
	const char *code, *de, *en;
};

static const struct cur currencies[] = {
	{"USD", "US-Dollar", "USD"}, {"EUR", "Euro", "EUR"}, {"JPY", "Yen", "JPY"},
	{"KRW", "Won", "KRW"},       {"CNY", "Yuan", "CNY"}, {"RUB", "Rubel", "RUB"},
	{"GBP", "Pfund", "GBP"},     {"KPW", "Won (Nordkorea)", "KPW"}, {NULL, NULL, NULL},
};

static const struct cur *currency(const char *unit)
{
	const struct cur *c;

	for (c = currencies; c->code; c++)
		if (!strcmp(unit, c->code))
			return c;
	return NULL;
}

static int is_currency(const char *unit)
{
	/* ISO 4217: three upper-case letters. */
	return strlen(unit) == 3 && unit[0] >= 'A' && unit[0] <= 'Z' && unit[1] >= 'A' &&
	       unit[1] <= 'Z' && unit[2] >= 'A' && unit[2] <= 'Z';
}

/* Fewest decimals (0..4) that keep v to about six significant digits. */
static int auto_decimals(double v)
{
	double a = fabs(v), p = 1;
	int d;

	if (a == 0)
		return 0;
	for (d = 0; d < 4; d++, p *= 10)
		if (fabs(round(v * p) / p - v) <= a * 5e-6)
			return d;
	return 4;
}

/* Decimals that show v to two significant digits: 66,67 -> 67, 0,1234 -> 0,12. */
static int sig2_decimals(double v)
{
	double a = fabs(v);
	int d;

	if (a == 0 || !isfinite(a))
		return 0;
	d = 1 - (int)floor(log10(a));
	return d < 0 ? 0 : d > 6 ? 6 : d;
}

void pl_fmt_num(char *dst, size_t n, double v, int decimals, enum pl_lang lang)
{
	char raw[64], out[96];
	const char *p, *dot;
	const char *group = lang == PL_DE ? "." : ",";
	char dec = lang == PL_DE ? ',' : '.';
	size_t o = 0, intlen;

	if (n == 0)
		return;
	if (!isfinite(v)) {
		snprintf(dst, n, "%s", "–");
		return;
	}
	if (kz_fmt_huge(dst, n, v, dec))
		return; /* "1,2·10¹⁸", not eighteen digits and a dozen group marks */
	if (decimals < 0)
		decimals = auto_decimals(v);
	if (decimals > 6)
		decimals = 6;
	snprintf(raw, sizeof raw, "%.*f", decimals, v);
	if (!strcmp(raw, "-0") || !strncmp(raw, "-0.", 3)) {
		/* no "-0" or "-0,0" */
		int allzero = 1;
		for (p = raw + 1; *p; p++)
			if (*p >= '1' && *p <= '9')
				allzero = 0;
		if (allzero)
			memmove(raw, raw + 1, strlen(raw));
	}
	p = raw;
	if (*p == '-') {
		/* a real minus sign */
		memcpy(out + o, "\xe2\x88\x92", 3);
		o += 3;
		p++;
	}
	dot = strchr(p, '.');
	intlen = dot ? (size_t)(dot - p) : strlen(p);
	for (size_t i = 0; i < intlen; i++) {
		out[o++] = p[i];
		if (intlen >= 4) {
			size_t left = intlen - 1 - i;
			if (left > 0 && left % 3 == 0)
				out[o++] = group[0];
		}
	}
	if (dot) {
		out[o++] = dec;
		for (p = dot + 1; *p && o < sizeof out - 1; p++)
			out[o++] = *p;
	}
	out[o] = '\0';
	snprintf(dst, n, "%s", out);
}

/* The decimals that write a step of the last digit shown: 0.1 -> 1, 0.01 -> 2, 100 -> 0. */
static int step_decimals(double step)
{
	double d;

	if (!(step > 0) || !isfinite(step))
		return 0;
	d = ceil(-log10(step) - 1e-9);
	return d < 0 ? 0 : d > 6 ? 6 : (int)d;
}

/* Scale word for a money amount: divisor and the words in both languages. */
static double money_scale(double a, const char **de, const char **en)
{
	if (a >= KZ_HUGE) { /* beyond a thousand Bio.: the number itself says "·10¹⁵" */
		*de = *en = "";
		return 1;
	}
	if (a >= 1e12) {
		*de = "Bio.";
		*en = "tn";
		return 1e12;
	}
	if (a >= 1e9) {
		*de = "Mrd.";
		*en = "bn";
		return 1e9;
	}
	if (a >= 1e6) {
		*de = "Mio.";
		*en = "m";
		return 1e6;
	}
	*de = *en = "";
	return 1;
}

/* The scale of money written as a German editor writes it: the largest whose figure needs at
 * most two decimals ("7,95 Bio. Yen"), else the one below while its figure stays under ten
 * thousand and needs two decimals at most ("1.055,1 Mrd. Yen", not "1,0551 Bio. Yen"). The
 * decimals a scale needs are the stated step's, else the value's own, and a value with no stated
 * step (a computed mean) goes down only to a figure of one decimal. */
static double money_scale_fit(double v, double step, const char **de, const char **en)
{
	double a = fabs(v), div = money_scale(a, de, en);

	while (div >= 1e9 && a / (div / 1000) < 1e4 &&
	       (step > 0 ? step_decimals(step / div) : auto_decimals(v / div)) > 2 &&
	       (step > 0 ? step_decimals(step / (div / 1000)) <= 2 : auto_decimals(v / (div / 1000)) <= 1))
		div = money_scale(div / 1000, de, en);
	return div;
}

void pl_fmt_value(char *dst, size_t n, double v, const char *unit, enum pl_lang lang)
{
	char num[64];
	const struct cur *c;
	const char *de, *en, *name;
	double div;

	if (!unit)
		unit = "";
	if (!strcmp(unit, "percent")) {
		/* a third is "33 %", never "33,3333 %" nor "33,3 %": no share is stated to more than two
		 * decimals, one with more came from a fraction in words ("ein Drittel", "zwei Drittel")
		 * and is shown to the two digits such a fraction holds */
		pl_fmt_num(num, sizeof num, v, auto_decimals(v) > 2 ? sig2_decimals(v) : -1, lang);
		snprintf(dst, n, lang == PL_DE ? "%s" NBSP "%%" : "%s%%", num);
	} else if (!strcmp(unit, "points")) {
		pl_fmt_num(num, sizeof num, v, -1, lang);
		snprintf(dst, n, "%s" NBSP "%s", num, lang == PL_DE ? "Prozentpunkte" : "pp");
	} else if (!strcmp(unit, "km")) {
		pl_fmt_num(num, sizeof num, v, -1, lang);
		snprintf(dst, n, "%s" NBSP "km", num);
	} else if (!strcmp(unit, "factor")) {
		pl_fmt_num(num, sizeof num, v, -1, lang);
		snprintf(dst, n, lang == PL_DE ? "%s-fach" : "%s\xc3\x97", num);
	} else if (is_currency(unit)) {
		c = currency(unit);
		name = c ? (lang == PL_DE ? c->de : c->en) : unit;
		div = money_scale_fit(v, 0, &de, &en);
		pl_fmt_num(num, sizeof num, v / div, -1, lang);
		if (lang == PL_DE)
			snprintf(dst, n, "%s" NBSP "%s%s%s", num, de, *de ? NBSP : "", name);
		else
			snprintf(dst, n, "%s" NBSP "%s%s%s", name, num, *en ? NBSP : "", en);
	} else {
		pl_fmt_num(num, sizeof num, v, -1, lang);
		snprintf(dst, n, "%s", num);
	}
}


/* The scale word of a count written with one ("1,28 Mio. Soldaten"): divisor and words. */
static double count_scale(double scale, const char **de, const char **en)
{
	static const struct {
		double v;
		const char *de, *en;
	} w[] = {{1e12, "Bio.", "trillion"}, {1e9, "Mrd.", "billion"}, {1e6, "Mio.", "million"}, {1e3, "Tsd.", "thousand"}};

	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
		if (fabs(scale - w[i].v) <= w[i].v * 1e-9) {
			*de = w[i].de;
			*en = w[i].en;
			return w[i].v;
		}
	*de = *en = "";
	return 1;
}

void pl_fmt_stated(char *dst, size_t n, double v, const char *unit, double step, double scale,
		   enum pl_lang lang)
{
	char num[64];
	const char *de, *en;
	double div;

	if (!unit)
		unit = "";
	if (!(step > 0) || !isfinite(step) || !isfinite(v) || fabs(v) >= KZ_HUGE) {
		pl_fmt_value(dst, n, v, unit, lang);
		return;
	}
	if (is_currency(unit)) {
		const struct cur *c = currency(unit);
		const char *name = c ? (lang == PL_DE ? c->de : c->en) : unit;
		div = money_scale_fit(v, step, &de, &en); /* money: the scale of its amount, as everywhere */
		pl_fmt_num(num, sizeof num, v / div, step_decimals(step / div), lang);
		if (lang == PL_DE)
			snprintf(dst, n, "%s" NBSP "%s%s%s", num, de, *de ? NBSP : "", name);
		else
			snprintf(dst, n, "%s" NBSP "%s%s%s", name, num, *en ? NBSP : "", en);
		return;
	}
	if (!strcmp(unit, "percent")) {
		pl_fmt_num(num, sizeof num, v, step_decimals(step), lang);
		snprintf(dst, n, lang == PL_DE ? "%s" NBSP "%%" : "%s%%", num);
	} else if (!strcmp(unit, "points")) {
		pl_fmt_num(num, sizeof num, v, step_decimals(step), lang);
		snprintf(dst, n, "%s" NBSP "%s", num, lang == PL_DE ? "Prozentpunkte" : "pp");
	} else if (!strcmp(unit, "km")) {
		pl_fmt_num(num, sizeof num, v, step_decimals(step), lang);
		snprintf(dst, n, "%s" NBSP "km", num);
	} else if (!strcmp(unit, "factor")) {
		pl_fmt_num(num, sizeof num, v, step_decimals(step), lang);
		snprintf(dst, n, lang == PL_DE ? "%s-fach" : "%s\xc3\x97", num);
	} else {
		/* people and things keep the scale word their quote writes: "1,28 Mio.", not "1.280.000" */
		div = count_scale(scale, &de, &en);
		if (div > 1 && fabs(v) < div)
			div = 1, de = en = "";
		pl_fmt_num(num, sizeof num, v / div, step_decimals(step / div), lang);
		snprintf(dst, n, "%s%s%s", num, *de ? NBSP : "", lang == PL_DE ? de : en);
	}
}

/* lo and hi with the same decimals, as many as it takes to tell them apart (at most 6),
 * rounded outwards so that the printed interval contains the computed one (and float noise
 * in the last bits cannot flip a half-way digit). */
static void two_nums(char *a, char *b, size_t n, double lo, double hi, enum pl_lang lang)
{
	int d = auto_decimals(lo) > auto_decimals(hi) ? auto_decimals(lo) : auto_decimals(hi);
	double w = hi - lo;

	/* the width to two significant digits is enough to read an interval ("1,7–5,0 %", not
	 * "1,7109–4,9558 %"), and a stated figure's narrow interval keeps its digits */
	if (w > 0 && isfinite(w)) {
		int dw = 1 - (int)floor(log10(w));
		if (dw < 0)
			dw = 0;
		if (dw < d)
			d = dw;
	}

	for (;; d++) {
		double k = pow(10, d);
		pl_fmt_num(a, n, floor(lo * k + 1e-6) / k, d, lang);
		pl_fmt_num(b, n, ceil(hi * k - 1e-6) / k, d, lang);
		if (strcmp(a, b) || d >= 6 || lo == hi)
			break;
	}
}

void pl_fmt_range(char *dst, size_t n, double lo, double hi, const char *unit, enum pl_lang lang)
{
	char a[64], b[64], u[64];
	double div = 1;

	if (!unit)
		unit = "";
	if (is_currency(unit)) {
		const struct cur *c = currency(unit);
		const char *de, *en;
		pl_unit_scale(fmax(fabs(lo), fabs(hi)), unit, lang, &div, u, sizeof u);
		two_nums(a, b, sizeof a, lo / div, hi / div, lang);
		if (lang == PL_DE) {
			snprintf(dst, n, "%s\xe2\x80\x93%s" NBSP "%s", a, b, u);
		} else { /* as a single amount is written: "USD 1.07–1.19 bn" */
			money_scale(fmax(fabs(lo), fabs(hi)), &de, &en);
			snprintf(dst, n, "%s" NBSP "%s\xe2\x80\x93%s%s%s", c ? c->en : unit, a, b, *en ? NBSP : "", en);
		}
		return;
	}
	if (!strcmp(unit, "persons") || !strcmp(unit, "count")) {
		/* people and things come whole: the whole numbers the interval holds ("34.894", not
		 * "34.893,5–34.894,5") */
		double l = ceil(lo - 1e-9), h = floor(hi + 1e-9);
		if (l <= h) {
			pl_fmt_num(a, sizeof a, l, 0, lang);
			pl_fmt_num(b, sizeof b, h, 0, lang);
			if (l == h)
				snprintf(dst, n, "%s", a);
			else
				snprintf(dst, n, "%s\xe2\x80\x93%s", a, b);
			return;
		}
	}
	two_nums(a, b, sizeof a, lo, hi, lang);
	if (!strcmp(unit, "percent"))
		snprintf(dst, n, lang == PL_DE ? "%s\xe2\x80\x93%s" NBSP "%%" : "%s\xe2\x80\x93%s%%", a, b);
	else if (!strcmp(unit, "points"))
		snprintf(dst, n, "%s\xe2\x80\x93%s" NBSP "%s", a, b, lang == PL_DE ? "Pp." : "pp");
	else
		snprintf(dst, n, "%s\xe2\x80\x93%s", a, b);
}

void pl_unit_scale(double maxabs, const char *unit, enum pl_lang lang, double *div, char *label,
		   size_t n)
{
	const struct cur *c;
	const char *de, *en, *name;

	*div = 1;
	if (!unit)
		unit = "";
	if (is_currency(unit)) {
		c = currency(unit);
		name = c ? (lang == PL_DE ? c->de : c->en) : unit;
		*div = money_scale(maxabs, &de, &en);
		if (lang == PL_DE)
			snprintf(label, n, "%s%s%s", de, *de ? " " : "", name);
		else
			snprintf(label, n, "%s%s%s", *en ? en : "", *en ? " " : "", name);
		if (lang == PL_EN && *en) /* "bn USD" reads worse than "USD bn" */
			snprintf(label, n, "%s %s", name, en);
	} else if (!strcmp(unit, "percent")) {
		snprintf(label, n, "%s", lang == PL_DE ? "Prozent" : "per cent");
	} else if (!strcmp(unit, "points")) {
		snprintf(label, n, "%s", lang == PL_DE ? "Prozentpunkte" : "percentage points");
	} else if (!strcmp(unit, "persons")) {
		snprintf(label, n, "%s", lang == PL_DE ? "Personen" : "persons");
	} else if (!strcmp(unit, "count")) {
		snprintf(label, n, "%s", lang == PL_DE ? "Anzahl" : "count");
	} else {
		snprintf(label, n, "%s", unit);
	}
}
