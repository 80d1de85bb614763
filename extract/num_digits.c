/* num_digits.c: figures written in digits — German grouping, the decimal comma, ranges, and digits that are no figure. */
#include "number_int.h"

#include <string.h>


/* "rund 2000 mehr als ein Jahr zuvor", "knapp 2000": a word of rounding before four digits makes
 * them an amount, not a year; "um 2000" (around then), "mehr als 2022" (than in 2022) and
 * "zwischen 2016 und 2020" stay years. */
static int qualified_amount(const struct ex_scan *sc, const char *p)
{
	const char *qs;
	const struct ex_lex_entry *qual = ex_num_qual_before(sc, p, &qs);

	if (!qual || (qual->klen == 2 && !ex_casecmp_n(qual->key, 2, "um")))
		return 0;
	return kz_qual_parse(qual->value) == KZ_Q_APPROX || (qual->flags & LXF_WEAK);
}

/*
 * How a run of digits becomes a figure (ex_num_scan_digits, at its first digit):
 *  1. Glued to what stands before it — a letter, a closing bracket, punctuation, a quotation
 *     mark, a dash after a letter or digit — the run is a footnote marker or part of a name
 *     ("Prozent165", "Allianz.1", "F-35") and is passed over; a currency glued on ("US$12") is not.
 *  2. parse_digits: one to three digits, then groups of exactly three after one kind of
 *     separator, '.' or a space ("28.500", "55 300"); or a plain run; then a decimal comma
 *     ("5,07"). More than 16 integer or 6 decimal digits is no figure. The rounding step is
 *     one unit of the last decimal, else 10^k for k trailing zeros.
 *  3. Glued after it: letters ("1950er", "22f"), clock times, dates and ratios ("08:45",
 *     "26.02.2024", "24/7") end it as no figure; a compound is a factor ("2,5-fache"), a
 *     currency amount ("12-Milliarden-Dollar-Auftrag") or nothing.
 *  4. No figure either: after a reference word ("S. 22", "Grafik 2", "§ 12"), an ordinal or a
 *     day ("5. Generation", "16. März"), a span of years ("2016 bis 2020").
 *  5. A second number after "bis", a dash, or "und" after "zwischen", each side with its scale
 *     word, is a range when it is the larger ("10 bis 40 Kilometer", "3 bis 4 Mrd.").
 *  6. Else a scale word after it multiplies it (ex_num_scale_at, num_units.c); a year-like
 *     number stays a year unless a unit follows at once ("2000 Soldaten"); ex_num_finish
 *     (num_units.c) does the rest.
 * Memory: none of its own; the figure is appended to the sentence's list.
 */

/* Bounds on what counts as one number: a 5-million-digit run is not a figure. */
#define MAX_INT_DIGITS 16
#define MAX_DEC_DIGITS 6

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Parse digits at p: grouping by space kinds or '.', decimal ','. */
struct digits {
	const char *end;
	double value;
	int int_digits, decimals, trailing_zeros, grouped;
};

static int parse_digits(const char *p, const char *e, struct digits *d)
{
	const char *q = p;
	double v = 0;
	int n = 0, tz = 0, group_kind = 0; /* 1 '.', 2 space-like */

	memset(d, 0, sizeof(*d));
	while (q < e && is_digit(*q)) {
		if (++n > MAX_INT_DIGITS)
			return -1;
		v = v * 10 + (*q - '0');
		tz = *q == '0' ? tz + 1 : 0;
		q++;
	}
	if (n <= 3) {
		for (;;) {
			const char *g = q;
			size_t k = 0;
			int kind = 0;
			if (g < e && *g == '.') {
				k = 1;
				kind = 1;
			} else if ((k = ex_space_at(g, e)) != 0 && *g != '\n' && *g != '\r' && *g != '\t') {
				kind = 2;
			} else {
				break;
			}
			if (group_kind && kind != group_kind)
				break;
			g += k;
			if (e - g < 3 || !is_digit(g[0]) || !is_digit(g[1]) || !is_digit(g[2]) ||
			    (e - g > 3 && is_digit(g[3])))
				break;
			/* "2003 2008"-like year pairs are not grouping: only 3-digit groups after ≤3 digits */
			if (kind == 2 && e - g > 3 && (g[3] == ',' || g[3] == '.') && e - g > 4 && is_digit(g[4]) &&
			    g[3] == '.')
				break;
			group_kind = kind;
			for (int i = 0; i < 3; i++) {
				if (++n > MAX_INT_DIGITS)
					return -1;
				v = v * 10 + (g[i] - '0');
				tz = g[i] == '0' ? tz + 1 : 0;
			}
			q = g + 3;
		}
	}
	d->grouped = group_kind;
	d->int_digits = n;
	if (tz >= n)
		tz = n - 1;
	d->trailing_zeros = tz;
	if (q + 1 < e && *q == ',' && is_digit(q[1])) {
		double f = 0.1;
		q++;
		while (q < e && is_digit(*q)) {
			if (++d->decimals > MAX_DEC_DIGITS)
				return -1;
			v += (*q - '0') * f;
			f /= 10;
			q++;
		}
		d->trailing_zeros = 0;
	}
	/* A run of digits too long to be one number (or still going): not a figure. */
	if (q < e && is_digit(*q))
		return -1;
	d->value = v;
	d->end = q;
	return 0;
}

static int is_yearlike(const struct digits *d)
{
	return !d->grouped && !d->decimals && d->int_digits == 4 && d->value >= 1000 && d->value <= 2100;
}

static double pow10i(int k)
{
	double r = 1;
	while (k-- > 0)
		r *= 10;
	return r;
}

/* A reference word right before the number ("S. 22", "Grafik 2", "Gruppe der 20")? */
static int ref_before(const struct ex_scan *sc, const char *p)
{
	const char *we, *w = ex_num_word_before(sc, p, &we);

	if (w && ex_lex_word(sc->lx, LX_REF, w, (size_t)(we - w)))
		return 1;
	if (w && we - w == 3 && !memcmp(w, "der", 3)) {
		const char *we2, *w2 = ex_num_word_before(sc, w, &we2);
		if (w2 && we2 - w2 == 6 && !memcmp(w2, "Gruppe", 6))
			return 1;
	}
	/* "§ 12" */
	if (p - sc->s >= 3 && !memcmp(ex_skip_space(p - 3, p) == p ? p - 3 : p - 3, "\xC2\xA7", 2))
		return 1;
	return 0;
}

/* Try a second number of a range after "bis", a dash, or "und" (after "zwischen"). */
static const char *range_second(const struct ex_scan *sc, const char *p, int allow_und, struct digits *d2,
				const char **d2start)
{
	const char *q = ex_skip_space(p, sc->e);
	size_t k;

	if ((size_t)(sc->e - q) > 4 && !memcmp(q, "bis", 3) && ex_space_at(q + 3, sc->e))
		q += 3;
	else if (allow_und && (size_t)(sc->e - q) > 4 && !memcmp(q, "und", 3) && ex_space_at(q + 3, sc->e))
		q += 3;
	else if ((k = ex_dash_at(q, sc->e)) != 0 && (q == p || ex_space_at(q + k, sc->e) || is_digit(q[k])))
		q += k;
	else
		return NULL;
	q = ex_skip_space(q, sc->e);
	if (q >= sc->e || !is_digit(*q))
		return NULL;
	if (parse_digits(q, sc->e, d2) < 0)
		return NULL;
	*d2start = q;
	return d2->end;
}

/* Digits at p. Returns where scanning resumes. */
const char *ex_num_scan_digits(struct ex_scan *sc, const char *p)
{
	struct digits d, d2;
	struct ex_qty q;
	const char *after, *d2s, *r;
	size_t k;
	double scale;

	/* Glued to what stands before: a footnote marker (Dollar)148, Prozent165,
	 * Allianz.1) or part of a model name (F-35, SM-3, Taepodong-1). */
	if (p > sc->s) {
		unsigned char b = (unsigned char)p[-1];
		const char *x = p;
		if (ex_letter_before(sc->s, p) || b == ')' || b == ']' || b == '.' || b == ',' || b == ';' ||
		    b == ':' || b == '!' || b == '?' || b == '"' || b == '/' || b == '\'' ||
		    (p - sc->s >= 2 && (unsigned char)p[-2] == 0xC2 && (b == 0xBB || b == 0xAB)) ||
		    (p - sc->s >= 3 && (unsigned char)p[-3] == 0xE2 && (unsigned char)p[-2] == 0x80 &&
		     (b == 0x9C || b == 0x9D || b == 0x99))) {
			/* but a currency sign or code glued on is fine: "US$12", "€5" handled below */
			const char *us;
			if (!(ex_num_unit_before(sc, p, &us) && us < p)) {
				while (x < sc->e && (is_digit(*x) || ((*x == '.' || *x == ',') && x + 1 < sc->e &&
								       is_digit(x[1]))))
					x++;
				return x;
			}
		}
		if ((k = ex_dash_at(p - 1, p)) != 0 || (p - sc->s >= 3 && ex_dash_at(p - 3, p) == 3)) {
			const char *dsh = ex_dash_at(p - 1, p) ? p - 1 : p - 3;
			if (dsh > sc->s && (ex_letter_before(sc->s, dsh) || is_digit(dsh[-1]))) {
				while (x < sc->e && (is_digit(*x) || *x == '.' || *x == ','))
					x++;
				return x; /* F-35, E‑2D, 2016-2020 tail */
			}
		}
	}
	if (parse_digits(p, sc->e, &d) < 0) {
		const char *x = p;
		while (x < sc->e && is_digit(*x))
			x++;
		return x;
	}
	after = d.end;
	memset(&q, 0, sizeof(q));
	q.start = q.nstart = (size_t)(p - sc->t);
	q.nend = (size_t)(after - sc->t);
	q.value = d.value;
	q.step = d.decimals ? 1.0 / pow10i(d.decimals) : pow10i(d.trailing_zeros);
	q.qual = KZ_Q_EXACT;
	if (d.decimals)
		q.flags |= QF_DECIMALS;

	/* What is glued after: "1950er", "22f", "5G", "08:45", "26.02.2024", "24/7". */
	if (after < sc->e) {
		if (ex_letter_at(after, sc->e)) {
			const char *we = ex_word_end(after, sc->e);
			if (we - after >= 2 && !memcmp(after, "er", 2) && is_yearlike(&d))
				return we; /* decade: the year scan reads it */
			if (!(we - after == 2 && !memcmp(after, "km", 2)))
				return we;
		}
		if ((*after == ':' || *after == '/') && after + 1 < sc->e && is_digit(after[1])) {
			r = after + 1;
			while (r < sc->e && (is_digit(*r) || *r == ':' || *r == '/' || *r == '.'))
				r++;
			return r;
		}
		if (*after == '.' && after + 1 < sc->e && is_digit(after[1]))
			return ex_word_end(after + 1, sc->e); /* a date 26.02.2024 */
		if (*after == '-' && after + 1 < sc->e && (after[1] == ' ' || after[1] == ',')) {
			/* "einen 20- und einen 26-Jährigen": the first half of a compound */
			return after + 1;
		}
		if ((k = ex_dash_at(after, sc->e)) != 0 && after + k < sc->e && ex_letter_at(after + k, sc->e)) {
			/* compounds: "12-Milliarden-Dollar-Auftrag", "2,5-fache", else not a figure */
			const char *c = after + k, *we = ex_word_end(c, sc->e);
			size_t st;
			if (ex_num_fache_suffix(c, (size_t)(we - c), &st) && st == 0) {
				q.unit = "factor";
				q.flags |= QF_MULTIPLE;
				q.end = (size_t)(we - sc->t);
				q.low = q.value - q.step / 2;
				q.high = q.value + q.step / 2;
				ex_num_push(sc, &q);
				return we;
			}
			{
				size_t ml;
				const struct ex_lex_entry *se = ex_lex_match_after(sc->lx, LX_SCALE, c, sc->e, &ml);
				double sc2 = 1;
				const char *u = c;
				if (se) {
					sc2 = se->num;
					u = c + ml;
					if ((k = ex_dash_at(u, sc->e)) != 0)
						u += k;
				}
				{
					const struct ex_lex_entry *ue = ex_lex_match_after(sc->lx, LX_UNIT, u, sc->e, &ml);
					if (ue && strlen(ue->value) == 3 && ue->value[0] >= 'A' && ue->value[0] <= 'Z') {
						q.value *= sc2;
						q.step *= sc2;
						if (sc2 != 1)
							q.flags |= QF_SCALED;
						q.unit = ue->value;
						q.end = (size_t)(we - sc->t);
						q.unit_start = (size_t)(u - sc->t);
						q.unit_end = (size_t)(u + ml - sc->t);
						ex_num_take_qual(sc, &q, p);
						ex_num_interval(&q);
						ex_num_push(sc, &q);
						return we;
					}
				}
			}
			return we;
		}
	}
	if (ref_before(sc, p))
		return after;
	/* "16. März", "5. Generation": a day or an ordinal */
	if (after < sc->e && *after == '.' && !d.grouped && !d.decimals && d.int_digits <= 2) {
		const char *w = ex_skip_space(after + 1, sc->e);
		if (w > after + 1 && w < sc->e && !is_digit(*w)) {
			const char *we = ex_word_end(w, sc->e);
			/* a unit right after "5." is still a sentence-final number; otherwise ordinal */
			size_t ml;
			if (!ex_lex_match_after(sc->lx, LX_UNIT, w, sc->e, &ml) || we == w)
				return after + 1;
		}
	}
	if (is_yearlike(&d) && !qualified_amount(sc, p)) {
		q.flags |= QF_YEARLIKE;
		/* "2016 bis 2020", "2003-2008": a span of years, not figures */
		if (range_second(sc, after, 1, &d2, &d2s) && is_yearlike(&d2))
			return d2.end;
	}
	/* Ranges: "10 bis 40 Kilometer", "10.000–12.000", "zwischen 1,1 und 1,3 Prozent". */
	{
		const char *qs;
		const struct ex_lex_entry *qual = ex_num_qual_before(sc, p, &qs);
		int zw = qual && kz_qual_parse(qual->value) == KZ_Q_RANGE;
		const char *a1 = after;
		double s1 = 1;
		const char *tmp = after;
		s1 = ex_num_scale_at(sc, &tmp);
		if (s1 != 1)
			a1 = tmp;
		r = range_second(sc, a1, zw, &d2, &d2s);
		if (r && !(is_yearlike(&d2) && !is_yearlike(&d))) {
			const char *a2 = r;
			double s2 = ex_num_scale_at(sc, &a2);
			double v1 = d.value * (s1 != 1 ? s1 : s2), v2 = d2.value * s2;
			if (v2 > v1 && !(q.flags & QF_YEARLIKE)) {
				q.qual = KZ_Q_RANGE;
				if (zw)
					q.start = (size_t)(qs - sc->t);
				q.low = v1;
				q.high = v2;
				q.value = (v1 + v2) / 2;
				q.step = d2.decimals ? 1.0 / pow10i(d2.decimals) : pow10i(d2.trailing_zeros);
				q.step *= s2;
				if (s1 != 1 || s2 != 1)
					q.flags |= QF_SCALED;
				return ex_num_finish(sc, &q, a2, 1, 0);
			}
		}
	}
	scale = ex_num_scale_at(sc, &after);
	if (q.flags & QF_YEARLIKE && scale == 1) {
		/* a year, unless a unit follows right after it ("2000 Soldaten"); "seit 2014
		 * Abkommen" or "2017 mehrere Tests" keep the number a year */
		const char *us, *ue;
		const struct ex_lex_entry *u = ex_num_unit_after(sc, after, &us, &ue);
		if (!u || !strcmp(u->value, "count") || us != ex_skip_space(after, sc->e)) {
			/* "1500 zusätzliche Soldaten", "1200 amerikanische Soldaten": below 1900 a number
			 * is seldom a year of these texts — one lower-case word between it and its unit
			 * leaves it an amount ("2022 zusätzliche Soldaten" stays the year) */
			const char *w = ex_skip_space(after, sc->e), *we = ex_word_end(w, sc->e);
			if (!(q.value < 1900 && u && strcmp(u->value, "count") && we > w && *w >= 'a' && *w <= 'z' &&
			      ex_skip_space(we, sc->e) == us))
				return after;
		}
	}
	return ex_num_finish(sc, &q, after, scale, 0);
}
