/* number.c: the German number grammar — digits with grouping, number words, fractions, multiples, scales, units, qualifiers, ranges. */
#include "extract_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Bounds on what counts as one number: a 5-million-digit run is not a figure. */
#define MAX_INT_DIGITS 16
#define MAX_DEC_DIGITS 6

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* --- number words --- */

struct word_num {
	const char *w;
	int v;
	size_t n; /* strlen(w) */
};
#define W(s, v) {s, v, sizeof(s) - 1}

/* Units and teens, longest first where one is a prefix of another. */
static const struct word_num small[] = {
	W("dreizehn", 13), W("vierzehn", 14), W("fünfzehn", 15), W("sechzehn", 16), W("siebzehn", 17),
	W("achtzehn", 18), W("neunzehn", 19), W("zwölf", 12),    W("elf", 11),	W("zehn", 10),
	W("einem", 1),	  W("einen", 1),    W("einer", 1),
	W("eins", 1),	  W("eine", 1),	    W("ein", 1),	      W("zwei", 2),	W("drei", 3),
	W("vier", 4),	  W("fünf", 5),	    W("sechs", 6),     W("sieben", 7),	W("acht", 8),
	W("neun", 9),	  W("zwo", 2),	    {NULL, 0, 0}};
static const struct word_num tens[] = {W("zwanzig", 20), W("dreißig", 30), W("vierzig", 40),
				       W("fünfzig", 50), W("sechzig", 60), W("siebzig", 70),
				       W("achtzig", 80), W("neunzig", 90), {NULL, 0, 0}};

/* Match a lower-case word piece at *p (advancing it) from list; returns its value or -1. */
static int piece(const char **p, const char *end, const struct word_num *list)
{
	unsigned char f = ex_fold_byte((unsigned char)**p);

	for (; list->w; list++) {
		size_t n = list->n;
		if ((unsigned char)list->w[0] != f)
			continue;
		if ((size_t)(end - *p) >= n && !ex_casecmp_n(*p, n, list->w)) {
			*p += n;
			return list->v;
		}
	}
	return -1;
}

/* 1..99: "fünf", "dreizehn", "zwanzig", "fünfundzwanzig". */
static int below100(const char **p, const char *end)
{
	const char *q = *p;
	int u, t;

	/* tens first: "dreißig" starts like "drei", "vierzig" like "vier" */
	if ((t = piece(&q, end, tens)) > 0) {
		*p = q;
		return t;
	}
	u = piece(&q, end, small);

	if (u >= 1 && u <= 9 && (size_t)(end - q) >= 3 && !ex_casecmp_n(q, 3, "und")) {
		const char *r = q + 3;
		if ((t = piece(&r, end, tens)) > 0) {
			*p = r;
			return t + u;
		}
	}
	if (u > 0) {
		*p = q;
		return u;
	}
	q = *p;
	if ((t = piece(&q, end, tens)) > 0) {
		*p = q;
		return t;
	}
	return -1;
}

/* 1..999: "hundert", "zweihundertdreißig", "dreihundert". */
static int below1000(const char **p, const char *end)
{
	const char *q = *p;
	int h = 0, r;

	r = below100(&q, end);
	if ((size_t)(end - q) >= 7 && !ex_casecmp_n(q, 7, "hundert")) {
		h = (r > 0 && r < 10) ? r : (r < 0 ? 1 : -1);
		if (h < 0)
			return -1;
		q += 7;
		*p = q;
		r = below100(&q, end);
		if (r > 0)
			*p = q;
		return h * 100 + (r > 0 ? r : 0);
	}
	if (r > 0)
		*p = q;
	return r;
}

int ex_numword(const char *w, size_t n, double *v)
{
	const char *p = w, *end = w + n;
	int a, b = 0;

	if (n < 3)
		return 0;
	/* "anderthalb", "eineinhalb", "zweieinhalb": and a half */
	if (n == 10 && !ex_casecmp_n(w, n, "anderthalb")) {
		*v = 1.5;
		return 1;
	}
	if (n > 7 && ex_ends_with_ci(w, n, "einhalb", 7)) {
		double whole;
		if (n - 7 >= 3 && ex_numword(w, n - 7, &whole) && whole < 100) {
			*v = whole + 0.5;
			return 1;
		}
		return 0;
	}
	/* "tausend" alone, "zweitausend", "zweitausendfünfhundert" */
	a = below1000(&p, end);
	if ((size_t)(end - p) >= 7 && !ex_casecmp_n(p, 7, "tausend")) {
		p += 7;
		if (a < 0)
			a = 1;
		if (p < end) {
			b = below1000(&p, end);
			if (b < 0)
				return 0;
		}
		if (p != end)
			return 0;
		*v = a * 1000.0 + b;
		return 1;
	}
	if (a < 0 || p != end)
		return 0;
	*v = a;
	return 1;
}

/* --- scanning helpers --- */

struct scan {
	const char *prev_unit; /* the unit of the last figure of the sentence before (same paragraph) */
	int prev_military;
	const struct ex_span *header; /* a table row's header row, or NULL */
	const struct ex_lexicon *lx;
	const char *t;  /* whole text */
	const char *s, *e; /* sentence bounds */
	struct ex_qty **out;
	size_t *n, *alloc;
	const char *col_at; /* header_unit: the '|' before col_at are counted, */
	int col;            /* col of them */
};

static const char *word_before(const struct scan *sc, const char *p, const char **wend)
{
	const char *q = p, *w;
	size_t k;

	/* skip spaces backwards */
	while (q > sc->s) {
		if (ex_space_at(q - 1, sc->e) == 1)
			q--;
		else if (q - sc->s >= 2 && ex_space_at(q - 2, sc->e) == 2)
			q -= 2;
		else if (q - sc->s >= 3 && ex_space_at(q - 3, sc->e) == 3)
			q -= 3;
		else
			break;
	}
	*wend = q;
	w = q;
	while (w > sc->s && w[-1] == '.')
		w--; /* "S." "Nr." */
	while ((k = ex_letter_before(sc->s, w)) != 0)
		w -= k;
	if (w == q)
		return NULL;
	return w;
}

/* A reference word right before the number ("S. 22", "Grafik 2", "Gruppe der 20")? */
static int ref_before(const struct scan *sc, const char *p)
{
	const char *we, *w = word_before(sc, p, &we);

	if (w && ex_lex_word(sc->lx, LX_REF, w, (size_t)(we - w)))
		return 1;
	if (w && we - w == 3 && !memcmp(w, "der", 3)) {
		const char *we2, *w2 = word_before(sc, w, &we2);
		if (w2 && we2 - w2 == 6 && !memcmp(w2, "Gruppe", 6))
			return 1;
	}
	/* "§ 12" */
	if (p - sc->s >= 3 && !memcmp(ex_skip_space(p - 3, p) == p ? p - 3 : p - 3, "\xC2\xA7", 2))
		return 1;
	return 0;
}

/* At most three words in [p, q), none of them the preposition prep: "verfügt im Jahr 2024 über" but
 * not "verfügt über eine Armee von über …" (the second 'über' is a qualifier again). */
static int few_words_between(const struct scan *sc, const char *p, const char *q, const char *prep)
{
	const char *w;
	int n = 0;

	while ((w = ex_next_word(sc->s, &p, q)) != NULL)
		if (++n > 3 || (strlen(prep) == (size_t)(p - w) && !ex_casecmp_n(w, (size_t)(p - w), prep)))
			return 0;
	return 1;
}

/* Is the qualifier at q the preposition of a verb before it in the clause ("verfügt 2020 über
 * 5.000 Soldaten": 'über' belongs to 'verfügen', the figure is exact)? */
static int governed(const struct scan *sc, const char *q, const struct ex_lex_entry *qual)
{
	const struct ex_lexicon *lx = sc->lx;
	const char *p = q, *w;

	while (p > sc->s && q - p < 60 && p[-1] != ',' && p[-1] != ';' && p[-1] != ':')
		p--;
	while ((w = ex_next_word(sc->s, &p, q)) != NULL) {
		const char *we = p;
		for (size_t i = 0; i < lx->n[LX_GOVERN]; i++) {
			const struct ex_lex_entry *g = &lx->v[LX_GOVERN][i];
			if ((size_t)(we - w) >= g->klen && !ex_casecmp_n(w, g->klen, g->key) &&
			    strlen(g->value) == qual->klen && !ex_casecmp_n(qual->key, qual->klen, g->value) &&
			    few_words_between(sc, we, q, g->value))
				return 1;
		}
	}
	return 0;
}

/* The qualifier phrase ending right before p (spaces between); sets *qs to its start. */
static const struct ex_lex_entry *qual_before(const struct scan *sc, const char *p, const char **qs)
{
	const char *starts[4], *we, *w = p;
	int k, m = 0;

	for (k = 0; k < 4; k++) {
		w = word_before(sc, w, &we);
		if (!w)
			break;
		starts[m++] = w;
	}
	if (!m)
		return NULL;
	{
		const char *target_end;
		word_before(sc, p, &target_end);
		for (k = m - 1; k >= 0; k--) {
			size_t ml;
			const struct ex_lex_entry *e =
				ex_lex_match_after(sc->lx, LX_QUAL, starts[k], target_end, &ml);
			if (e && starts[k] + ml == target_end) {
				/* "ca." needs its stop; others must end at the word boundary */
				if (governed(sc, starts[k], e))
					return NULL;
				*qs = starts[k];
				return e;
			}
		}
	}
	return NULL;
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

/* Scale word at p (after optional spaces); returns multiplier (1 if none) and advances *pp. */
static double scale_at(const struct scan *sc, const char **pp)
{
	const char *p = ex_skip_space(*pp, sc->e);
	size_t ml;
	const struct ex_lex_entry *e = ex_lex_match_after(sc->lx, LX_SCALE, p, sc->e, &ml);

	if (!e)
		return 1;
	*pp = p + ml;
	return e->num;
}

/* Lower-case function words that never stand between a number and its unit. */
static const char *const stop[] = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "und",
				   "oder", "in", "im", "an", "am", "auf", "aus", "bei", "mit", "nach",
				   "von", "vor", "zu", "zum", "zur", "über", "unter", "gegen", "ohne",
				   "um", "bis", "seit", "je", "pro", "als", "wie", "sowie", "jeweils",
				   "davon", NULL};

static int is_adverb(const char *w, size_t n)
{
	static const char *const adv[] = {"dort", "hier", "derzeit", "aktuell", "heute", "noch", "bereits",
					  "insgesamt", "zusätzlich", "weitere", "weiteren", "damals", NULL};
	return ex_word_in(w, n, adv);
}

static int is_stop(const char *w, size_t n)
{
	return ex_word_in(w, n, stop);
}

/* Unit after p: phrases, words, compound endings, up to two adjectives in between. */
static const struct ex_lex_entry *unit_after(const struct scan *sc, const char *p, const char **us,
					     const char **ue)
{
	int adj;

	p = ex_skip_space(p, sc->e);
	for (adj = 0; adj <= 2 && p < sc->e; adj++) {
		size_t ml;
		const struct ex_lex_entry *e = ex_lex_match_after(sc->lx, LX_UNIT, p, sc->e, &ml);
		const char *we;
		if (e && adj > 0 && (e->flags & LXF_BEFORE))
			return NULL; /* "2022 insgesamt ¥ 211": the sign belongs to the next number */
		if (e) {
			*us = p;
			*ue = p + ml;
			return e;
		}
		we = ex_word_end(p, sc->e);
		if (we == p)
			return NULL;
		if (ex_upper_at(p, sc->e) || (p[0] == 'U' && p[1] == 'S')) {
			e = ex_lex_suffix(sc->lx, LX_UNIT, p, (size_t)(we - p));
			if (e) {
				*us = p;
				*ue = we;
				return e;
			}
			return NULL; /* a noun that is not a unit: "5 Jahre", "2 Minuten" */
		}
		/* a lower-case adjective ("amerikanische", "aktive") or adverb ("dort") may stand between */
		if (is_adverb(p, (size_t)(we - p))) {
			p = ex_skip_space(we, sc->e);
			continue;
		}
		if (is_stop(p, (size_t)(we - p)) || we - p < 4)
			return NULL;
		{
			char last = we[-1];
			if (!(last == 'e' || last == 'n' || last == 'r' || last == 's' || last == 'm'))
				return NULL;
		}
		p = ex_skip_space(we, sc->e);
	}
	return NULL;
}

/* Currency written before the number ("$ 5", "US$ 12,4", "EUR 3"). */
static const struct ex_lex_entry *unit_before(const struct scan *sc, const char *p, const char **us)
{
	const char *q = p;

	/* skip back one space at most */
	if (q > sc->s && ex_space_at(q - 1, sc->e) == 1)
		q--;
	else if (q - sc->s >= 2 && ex_space_at(q - 2, sc->e) == 2)
		q -= 2;
	for (size_t i = 0; i < sc->lx->n[LX_UNIT]; i++) {
		const struct ex_lex_entry *e = &sc->lx->v[LX_UNIT][i];
		if (!(e->flags & LXF_BEFORE) || (size_t)(q - sc->s) < e->klen)
			continue;
		if (!memcmp(q - e->klen, e->key, e->klen)) {
			const char *st = q - e->klen;
			/* a letter code must stand alone: "USD 5", not "XUSD 5" */
			if (st > sc->s && ex_letter_before(sc->s, st) && ex_letter_at(st, sc->e))
				continue;
			*us = st;
			return e;
		}
	}
	return NULL;
}

static void push(struct scan *sc, const struct ex_qty *q)
{
	KZ_GROW(*sc->out, *sc->alloc, *sc->n + 1);
	(*sc->out)[(*sc->n)++] = *q;
}

/* A qualifier phrase right before at ("etwa", "mehr als") qualifies q, whose quote then starts
 * there; "zwischen" is left to the range scanner. Returns whether one was found. */
static int take_qual(const struct scan *sc, struct ex_qty *q, const char *at)
{
	const char *qs;
	const struct ex_lex_entry *qual = qual_before(sc, at, &qs);

	if (!qual || kz_qual_parse(qual->value) == KZ_Q_RANGE)
		return 0;
	q->qual = (enum kz_qual)kz_qual_parse(qual->value);
	q->qflags = qual->flags;
	q->start = (size_t)(qs - sc->t);
	return 1;
}

/* Interval from qualifier and rounding (documented in README: "Intervals"). */
static void interval(struct ex_qty *q)
{
	double v = q->value, half = q->step / 2, av = fabs(v);

	switch (q->qual) {
	case KZ_Q_EXACT:
		/* decimals are cut short as often as rounded ("1,05 Billionen" for 1,0551): a whole step */
		q->low = v - ((q->flags & QF_DECIMALS) ? q->step : half);
		q->high = v + ((q->flags & QF_DECIMALS) ? q->step : half);
		break;
	case KZ_Q_APPROX: {
		double w = half > 0.05 * av ? half : 0.05 * av;
		q->low = v - w;
		q->high = v + w;
		break;
	}
	case KZ_Q_AT_LEAST:
		q->low = v;
		if (q->qflags & LXF_WEAK)
			q->high = v + (half > 0.1 * av ? half : 0.1 * av);
		else
			q->high = v * 1.5;
		break;
	case KZ_Q_AT_MOST:
		q->high = v;
		if (q->qflags & LXF_WEAK)
			q->low = v - (half > 0.1 * av ? half : 0.1 * av);
		else
			q->low = v * 0.5;
		break;
	default:
		break; /* range: set by the caller */
	}
}

/* Is there a "-fache"/"fach" multiple ending at the word? */
static int fache_suffix(const char *w, size_t n, size_t *stem)
{
	static const struct word_num ends[] = {W("fachen", 0), W("facher", 0), W("faches", 0),
					       W("fache", 0), W("fach", 0), {NULL, 0, 0}};
	unsigned char l;

	if (n < 5)
		return 0;
	l = ex_fold_byte((unsigned char)w[n - 1]); /* every ending ends in h, n, r, s or e */
	if (l != 'h' && l != 'n' && l != 'r' && l != 's' && l != 'e')
		return 0;
	for (const struct word_num *e = ends; e->w; e++) {
		size_t k = e->n;
		if (n > k && ex_ends_with_ci(w, n, e->w, k)) {
			*stem = n - k;
			return 1;
		}
	}
	return 0;
}

/* Verbs and nouns of multiplication: verdoppelt, Verzehnfachung. */
static int multiple_word(const char *w, size_t n)
{
	static const struct word_num verbs[] = {
		W("verdopp", 2),	   W("verdreif", 3),  W("vervierf", 4),	W("verfünff", 5),
		W("versechsf", 6),  W("versiebenf", 7), W("verachtf", 8),	W("verneunf", 9),
		W("verzehnf", 10),  W("verhundertf", 100), {NULL, 0, 0}};
	if (n < 7 || ex_fold_byte((unsigned char)w[0]) != 'v' || ex_fold_byte((unsigned char)w[1]) != 'e')
		return 0;
	for (const struct word_num *v = verbs; v->w; v++) {
		size_t k = v->n;
		if (n >= k && !ex_casecmp_n(w, k, v->w))
			return v->v;
	}
	return 0;
}

/* A scale word never multiplies a percentage or percentage points: "51,95 Mrd. Prozent" is a
 * slip (51,95 Prozent?) or, rarely, meant ("1,37 Millionen Prozent" Inflation); either reading
 * may be wrong, so the quantity is no figure. */
static int scaled_percent(const struct ex_qty *q)
{
	return (q->flags & QF_SCALED) && q->unit && (!strcmp(q->unit, "percent") || !strcmp(q->unit, "points"));
}

/* Finish a quantity that has its number(s): scale, unit, qualifier, interval; push it. */
static const char *finish(struct scan *sc, struct ex_qty *q, const char *after, double scale,
			  int words)
{
	const char *us = NULL, *ue = NULL;
	const struct ex_lex_entry *u;

	if (scale > 1 && q->step > 1 && !(q->flags & QF_WORDS))
		q->step = 1; /* "100 Milliarden Euro" is a hundred billions, not a rounded thousand */
	if (scale != 1)
		q->flags |= QF_SCALED;
	q->value *= scale;
	q->step *= scale;
	if (q->qual == KZ_Q_RANGE) {
		q->low *= scale;
		q->high *= scale;
	}
	u = unit_after(sc, after, &us, &ue);
	if (u) {
		q->unit = u->value;
		q->military = !!(u->flags & LXF_MILITARY);
		q->end = (size_t)(ue - sc->t);
		q->unit_start = (size_t)(us - sc->t);
		q->unit_end = q->end;
	} else {
		q->end = (size_t)(after - sc->t);
		u = unit_before(sc, sc->t + q->start, &us);
		if (u) {
			q->unit = u->value;
			q->start = (size_t)(us - sc->t);
			q->unit_start = q->start;
			q->unit_end = q->nstart;
		}
	}
	if (words && !q->unit && scale == 1 && !(q->flags & (QF_FRACTION | QF_MULTIPLE)))
		return after; /* "drei" alone is not a figure */
	if (scaled_percent(q))
		return sc->t + q->end; /* "51,95 Mrd. Prozent": no figure (README, "Scales") */
	if (q->qual != KZ_Q_RANGE) {
		take_qual(sc, q, sc->t + q->start);
		interval(q);
	}
	push(sc, q);
	return sc->t + q->end;
}

/* Try a second number of a range after "bis", a dash, or "und" (after "zwischen"). */
static const char *range_second(const struct scan *sc, const char *p, int allow_und, struct digits *d2,
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
static const char *scan_digits(struct scan *sc, const char *p)
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
			if (!(unit_before(sc, p, &us) && us < p)) {
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
			if (fache_suffix(c, (size_t)(we - c), &st) && st == 0) {
				q.unit = "factor";
				q.flags |= QF_MULTIPLE;
				q.end = (size_t)(we - sc->t);
				q.low = q.value - q.step / 2;
				q.high = q.value + q.step / 2;
				push(sc, &q);
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
						take_qual(sc, &q, p);
						interval(&q);
						push(sc, &q);
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
	if (is_yearlike(&d)) {
		q.flags |= QF_YEARLIKE;
		/* "2016 bis 2020", "2003-2008": a span of years, not figures */
		if (range_second(sc, after, 1, &d2, &d2s) && is_yearlike(&d2))
			return d2.end;
	}
	/* Ranges: "10 bis 40 Kilometer", "10.000–12.000", "zwischen 1,1 und 1,3 Prozent". */
	{
		const char *qs;
		const struct ex_lex_entry *qual = qual_before(sc, p, &qs);
		int zw = qual && kz_qual_parse(qual->value) == KZ_Q_RANGE;
		const char *a1 = after;
		double s1 = 1;
		const char *tmp = after;
		s1 = scale_at(sc, &tmp);
		if (s1 != 1)
			a1 = tmp;
		r = range_second(sc, a1, zw, &d2, &d2s);
		if (r && !(is_yearlike(&d2) && !is_yearlike(&d))) {
			const char *a2 = r;
			double s2 = scale_at(sc, &a2);
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
				return finish(sc, &q, a2, 1, 0);
			}
		}
	}
	scale = scale_at(sc, &after);
	if (q.flags & QF_YEARLIKE && scale == 1) {
		/* a year, unless a unit follows right after it ("2000 Soldaten"); "seit 2014
		 * Abkommen" or "2017 mehrere Tests" keep the number a year */
		const char *us, *ue;
		const struct ex_lex_entry *u = unit_after(sc, after, &us, &ue);
		if (!u || !strcmp(u->value, "count") || us != ex_skip_space(after, sc->e))
			return after;
	}
	return finish(sc, &q, after, scale, 0);
}

/* Number words, fractions and multiples at word w. Returns where scanning resumes. */
static const char *scan_word(struct scan *sc, const char *w, const char *we)
{
	size_t n = (size_t)(we - w), st;
	struct ex_qty q;
	double v;
	int m;

	/* most candidates are ordinary words: reject them before building a quantity */
	if (!multiple_word(w, n) && !fache_suffix(w, n, &st) && !ex_numword(w, n, &v) &&
	    !((n == 7 || n == 8) && (unsigned char)w[1] == 0xC3))
		return we;
	memset(&q, 0, sizeof(q));
	q.start = q.nstart = (size_t)(w - sc->t);
	q.nend = q.end = (size_t)(we - sc->t);
	q.qual = KZ_Q_EXACT;
	q.flags = QF_WORDS;

	/* verdoppelt, Verzehnfachung */
	if ((m = multiple_word(w, n)) != 0) {
		q.value = m;
		q.step = 0;
		q.unit = "factor";
		q.flags |= QF_MULTIPLE;
		q.low = q.high = m;
		if (take_qual(sc, &q, w)) {
			q.step = 0.2 * m; /* "mehr als verdreifacht": a step of a fifth */
			interval(&q);
		}
		push(sc, &q);
		return we;
	}
	/* das Dreifache, Zehnfache */
	if (fache_suffix(w, n, &st) && ex_numword(w, st, &v)) {
		q.value = q.low = q.high = v;
		q.unit = "factor";
		q.flags |= QF_MULTIPLE;
		push(sc, &q);
		return we;
	}
	/* die Hälfte */
	if ((n == 7 && !ex_casecmp_n(w, n, "hälfte")) || (n == 8 && !ex_casecmp_n(w, n, "hälften"))) {
		const char *pe, *pw = word_before(sc, w, &pe);
		if (pw && (pe - pw == 3) && (!ex_casecmp_n(pw, 3, "die") || !ex_casecmp_n(pw, 3, "der"))) {
			q.start = (size_t)(pw - sc->t);
			q.value = 50;
			q.unit = "percent";
			q.flags |= QF_FRACTION;
			q.step = 10;
			take_qual(sc, &q, pw);
			interval(&q);
			push(sc, &q);
		}
		return we;
	}
	if (!ex_numword(w, n, &v)) {
		/* "Fünf- bis Sechsfache" */
		return we;
	}
	/* Fractions: "ein Drittel", "zwei Dritteln", "drei Viertel" */
	{
		const char *f = ex_skip_space(we, sc->e), *fe = ex_word_end(f, sc->e);
		static const struct word_num denoms[] = {
			W("dritteln", 3), W("drittel", 3), W("vierteln", 4), W("viertel", 4), W("fünfteln", 5),
			W("fünftel", 5),	 W("zehnteln", 10), W("zehntel", 10), W("sechstel", 6), W("achtel", 8),
			{NULL, 0, 0}};
		for (const struct word_num *dn = denoms; dn->w && f > we; dn++) {
			if ((size_t)(fe - f) == strlen(dn->w) && !ex_casecmp_n(f, (size_t)(fe - f), dn->w)) {
				if (v >= dn->v)
					return fe;
				q.value = 100.0 * v / dn->v;
				q.unit = "percent";
				q.flags |= QF_FRACTION;
				q.end = (size_t)(fe - sc->t);
				q.step = q.value * 0.2;
				take_qual(sc, &q, w);
				interval(&q);
				push(sc, &q);
				return fe;
			}
		}
	}
	/* "Fünf- bis Sechsfache" */
	if (we < sc->e && *we == '-') {
		const char *b = ex_skip_space(we + 1, sc->e);
		if ((size_t)(sc->e - b) > 4 && !memcmp(b, "bis", 3)) {
			const char *w2 = ex_skip_space(b + 3, sc->e), *w2e = ex_word_end(w2, sc->e);
			double v2;
			if (fache_suffix(w2, (size_t)(w2e - w2), &st) && ex_numword(w2, st, &v2) && v2 > v) {
				const char *pe, *pw = word_before(sc, w, &pe);
				if (pw && pe - pw == 3 && !ex_casecmp_n(pw, 3, "das"))
					q.start = (size_t)(pw - sc->t);
				q.value = (v + v2) / 2;
				q.low = v;
				q.high = v2;
				q.qual = KZ_Q_RANGE;
				q.unit = "factor";
				q.flags |= QF_MULTIPLE;
				q.end = (size_t)(w2e - sc->t);
				push(sc, &q);
				return w2e;
			}
		}
	}
	/* Cardinal words need a scale or a unit: "zehn Millionen", "elf Zerstörer". */
	{
		const char *after = we;
		double scale = scale_at(sc, &after);
		if (v == 1 && scale == 1) {
			/* "ein", "eine" alone are articles; "rund ein Prozent" is a figure */
			const char *u = ex_skip_space(after, sc->e);
			size_t ml;
			const struct ex_lex_entry *ue = ex_lex_match_after(sc->lx, LX_UNIT, u, sc->e, &ml);
			if (!ue || strcmp(ue->value, "percent"))
				return we;
		}
		q.value = v;
		q.step = 1;
		return finish(sc, &q, after, scale, 1);
	}
}

/* The [start, end) of cell number col (0 = before the first '|') of the table line [s, e). */
static int table_cell(const char *s, const char *e, int col, const char **cs, const char **ce)
{
	int k = 0;
	const char *p = s, *start = s;

	for (; p < e; p++) {
		p = memchr(p, '|', (size_t)(e - p));
		if (!p)
			break;
		if (k == col) {
			*cs = start;
			*ce = p;
			return 1;
		}
		k++;
		start = p + 1;
	}
	if (k == col) {
		*cs = start;
		*ce = e;
		return 1;
	}
	return 0;
}

/* A header cell longer than this is no column title ("Verteidigungsetat 2024 (Mrd. Euro)") but
 * text: it names no unit, and attribution does not read it for every figure of its column. */
#define MAX_HEADER_CELL 512

/*
 * A number in a table cell takes the unit (and scale) its column's header names:
 * "| Land | US-Soldaten |", "| Land | Verteidigungsetat (Mrd. Euro) |", "| Land | Anteil in % |".
 */
static void header_unit(struct scan *sc, struct ex_qty *q)
{
	const char *hs = sc->t + sc->header->start, *he = sc->t + sc->header->end, *cs, *ce;
	const char *at = sc->t + q->nstart;
	double scale = 1;

	/* the column: the '|' before the number, counted on from the number before */
	if (at < sc->col_at) {
		sc->col_at = sc->s;
		sc->col = 0;
	}
	for (const char *p = sc->col_at; p < at; p++)
		sc->col += *p == '|';
	sc->col_at = at;
	if (!table_cell(hs, he, sc->col, &cs, &ce) || ce - cs > MAX_HEADER_CELL)
		return;
	q->cell_start = (size_t)(cs - sc->t);
	q->cell_end = (size_t)(ce - sc->t);
	for (const char *p = cs; p < ce;) {
		size_t ml;
		const struct ex_lex_entry *e;
		const char *we;
		if ((e = ex_lex_match_after(sc->lx, LX_SCALE, p, ce, &ml)) != NULL) {
			scale = e->num;
			p += ml;
			continue;
		}
		if ((e = ex_lex_match_after(sc->lx, LX_UNIT, p, ce, &ml)) != NULL && !q->unit) {
			q->unit = e->value;
			q->military = !!(e->flags & LXF_MILITARY);
			q->unit_start = (size_t)(p - sc->t);
			q->unit_end = q->unit_start + ml;
			p += ml;
			continue;
		}
		we = ex_word_end(p, ce);
		if (we > p && !q->unit && (e = ex_lex_suffix(sc->lx, LX_UNIT, p, (size_t)(we - p))) != NULL) {
			q->unit = e->value;
			q->military = !!(e->flags & LXF_MILITARY);
			q->unit_start = (size_t)(p - sc->t);
			q->unit_end = (size_t)(we - sc->t);
		}
		p = we > p ? we : p + 1;
	}
	if (q->unit) {
		q->flags |= QF_CARRIED;
		if (scale != 1)
			q->flags |= QF_SCALED;
		q->value *= scale;
		q->low *= scale;
		q->high *= scale;
		q->step *= scale;
	}
}

/* Is there a clause boundary (", ", "; ", " – ") in [a, b)? */
static int clause_gap(const char *a, const char *b)
{
	for (const char *p = a; p + 1 < b; p++) {
		if ((*p == ',' || *p == ';' || *p == ':') && (p[1] == ' ' || p[1] == '\n'))
			return 1;
		if ((unsigned char)p[0] == 0xE2 && p + 2 < b && (unsigned char)p[1] == 0x80 &&
		    ((unsigned char)p[2] == 0x93 || (unsigned char)p[2] == 0x94))
			return 1;
	}
	return 0;
}

/* How far back from a number noun_before looks for its noun: twelve words of German take well
 * under 200 bytes (the corpus, seeds and news sets reach 77), so the figure's clause is never cut;
 * a run of figures without words is not walked back to its start for every number. */
#define NOUN_WINDOW 512
#define ASCII_LETTER(c) (((c) | 0x20) >= 'a' && ((c) | 0x20) <= 'z')

/*
 * A count noun named before the number in the same clause and not attached to another figure:
 * "die Zahl der aktiven Reservisten von derzeit 60.000", "eine Truppe von rund 460.000".
 */
static void noun_before(struct scan *sc, struct ex_qty *q)
{
	const char *p = sc->t + q->start;
	const char *lim = p - sc->s > NOUN_WINDOW ? p - NOUN_WINDOW : sc->s;
	const char *win = lim;
	int words = 0;

	for (const char *x = p; x > win; x--)
		if ((x[-1] == ',' || x[-1] == ';' || x[-1] == ':') && x < p && (*x == ' ' || *x == '\n')) {
			lim = x;
			break;
		}
	while (p > lim && words < 12) {
		const char *we, *w;
		size_t k;
		while (p > lim && ((unsigned char)p[-1] < 0x80 ? !ASCII_LETTER(p[-1]) : !ex_letter_before(lim, p)))
			p--; /* the ASCII test first: a run of figures is mostly ASCII */
		we = p;
		while ((k = ex_letter_before(lim, p)) != 0)
			p -= k;
		w = p;
		while (w > lim && w[-1] == '-') {
			/* compounds: "US-Soldaten" */
			w--;
			while ((k = ex_letter_before(lim, w)) != 0)
				w -= k;
		}
		if (we == w)
			break;
		words++;
		if (ex_upper_at(w, we)) {
			size_t ml;
			const struct ex_lex_entry *u = ex_lex_match_after(sc->lx, LX_UNIT, w, we, &ml);
			if (!u || w + ml != we)
				u = ex_lex_suffix(sc->lx, LX_UNIT, w, (size_t)(we - w));
			if (u && (!strcmp(u->value, "persons") || !strcmp(u->value, "count"))) {
				/* not the unit of a figure before it ("28.500 Soldaten … 30.000") */
				const struct ex_qty *v = *sc->out;
				for (size_t j = 0; j < *sc->n; j++)
					if (v[j].unit && (size_t)(w - sc->t) >= v[j].start && (size_t)(w - sc->t) < v[j].end)
						return;
				q->unit = u->value;
				q->military = !!(u->flags & LXF_MILITARY);
				q->flags |= QF_CARRIED;
				q->unit_start = (size_t)(w - sc->t); /* the noun it counts, for attribution */
				q->unit_end = (size_t)(we - sc->t);
				return;
			}
		}
		p = w;
	}
}

/* Does the number continue a count of the sentence before? "Etwa 6.400 von ihnen …",
 * "davon 2.000", "auf etwa 24.000 sinken", "noch 15". */
static int continues_count(const struct scan *sc, const struct ex_qty *q)
{
	const char *after = ex_skip_space(sc->t + q->end, sc->e), *we;
	const char *pe, *pw;

	if ((size_t)(sc->e - after) >= 9 && !memcmp(after, "von ihnen", 9))
		return 1;
	if ((size_t)(sc->e - after) >= 5 && !memcmp(after, "davon", 5))
		return 1;
	pw = word_before(sc, sc->t + q->start, &pe);
	if (!pw)
		return 0;
	we = pe;
	return (we - pw == 5 && !memcmp(pw, "davon", 5)) || (we - pw == 3 && !memcmp(pw, "auf", 3)) ||
	       (we - pw == 4 && !memcmp(pw, "noch", 4)) || (we - pw == 3 && !memcmp(pw, "nur", 3)) ||
	       (q->qual != KZ_Q_EXACT && q->start == (size_t)(sc->s - sc->t));
}

/* May figure v lend its unit to a bare number of this value? Not a factor, not a fraction in
 * words, and no percent above 100. */
static int lends_unit(const struct ex_qty *v, int any_percent)
{
	return v->unit && strcmp(v->unit, "factor") && !(v->flags & QF_FRACTION) &&
	       (any_percent || strcmp(v->unit, "percent"));
}

/* The nearest figure after i (its unit as scanned) that may lend its unit; *at caches the answer
 * for the next numbers, so the walk forward is made once per sentence. */
static size_t next_lender(const struct ex_qty *v, size_t n, size_t i, size_t *at, int any_percent)
{
	size_t j = *at > i ? *at : i + 1;

	while (j < n && !lends_unit(&v[j], any_percent))
		j++;
	*at = j;
	return j;
}

/*
 * Carry a unit over to unit-less numbers of the same sentence ("… 25 Prozent …, 2020 nur noch 15").
 * Linear in the figures: the nearest lender before and after each number is kept as the loop goes
 * (before: of any unit, and of a unit other than percent; after: found once by next_lender).
 */
static void carry_units(struct scan *sc, size_t first)
{
	struct ex_qty *v = *sc->out;
	size_t n = *sc->n, i;
	size_t back_any = (size_t)-1, back_np = (size_t)-1; /* the last lender before i, or none */
	size_t fwd_any = first, fwd_np = first;

	for (i = first; i < n; i++) {
		struct ex_qty *q = &v[i];
		const char *after;
		/* the figure before is done: its unit is final */
		if (i > first && lends_unit(&v[i - 1], 1)) {
			back_any = i - 1;
			if (lends_unit(&v[i - 1], 0))
				back_np = i - 1;
		}
		if (q->unit)
			continue;
		if (q->flags & (QF_YEARLIKE | QF_WORDS))
			continue;
		after = ex_skip_space(sc->t + q->end, sc->e);
		/* a noun right after the number names what is counted: not ours to guess */
		if (after < sc->e && ex_upper_at(after, sc->e) && !ex_lex_match_after(sc->lx, LX_TIME, after, sc->e, &(size_t){0}))
			continue;
		if (q->start > 0 && sc->t[q->start - 1] == '(' && after < sc->e && *after == ')')
			continue; /* (1) */
		{
			/* "Einzelplan 14", "Panzerbrigade 45": a noun right before names the number */
			const char *pe, *pw = word_before(sc, sc->t + q->nstart, &pe);
			if (q->qual == KZ_Q_EXACT && q->start == q->nstart && pw && pe == sc->t + q->nstart - 1 &&
			    ex_upper_at(pw, pe) && pw > sc->s && !ex_lex_match_after(sc->lx, LX_QUAL, pw, pe, &(size_t){0}) &&
			    !ex_lex_match_after(sc->lx, LX_TIME, pw, pe, &(size_t){0}) &&
			    !ex_lex_match_after(sc->lx, LX_UNIT, pw, pe, &(size_t){0}) &&
			    !ex_lex_suffix(sc->lx, LX_UNIT, pw, (size_t)(pe - pw)) &&
			    !ex_lex_match_after(sc->lx, LX_COUNTRY, pw, pe, &(size_t){0}))
				continue;
		}
		/* a table cell: the unit named in its column's header ("| Land | US-Soldaten |") */
		if (sc->header)
			header_unit(sc, q);
		if (!q->unit) {
			/* the nearest figure before: not from a fraction in words, and no percent above 100 */
			size_t j = q->value > 100 ? back_np : back_any;
			if (j != (size_t)-1) {
				q->unit = v[j].unit;
				q->military = v[j].military;
				q->flags |= QF_CARRIED;
			}
		}
		/* "die Zahl der aktiven Reservisten von 60.000 …", "eine Truppe von 460.000" */
		if (!q->unit)
			noun_before(sc, q);
		if (!q->unit) {
			/* a figure before its unit: "von 3,8 auf 38 Milliarden Dollar", "genau 11.900
			 * der derzeit rund 36.000 Soldaten", "von rund 200.000 bis 2035 auf 300.000 Soldaten" */
			size_t j = q->value > 100 ? next_lender(v, n, i, &fwd_np, 0) : next_lender(v, n, i, &fwd_any, 1);
			if (j < n && (q->value != floor(q->value) ||
				      (v[j].start - q->end <= 60 && !clause_gap(sc->t + q->end, sc->t + v[j].start)))) {
				q->unit = v[j].unit;
				q->military = v[j].military;
				q->flags |= QF_CARRIED;
			}
		}
		/* "Etwa 6.400 von ihnen …", "… würde auf etwa 24.000 sinken": the figure the sentence
		 * before counted, when the number says it continues that count */
		if (!q->unit && sc->prev_unit && q->value >= 10 && continues_count(sc, q)) {
			q->unit = sc->prev_unit;
			q->military = sc->prev_military;
			q->flags |= QF_CARRIED | QF_PREV;
		}
	}
	/* drop what still has no unit, and scaled percentages ("| Anteil (Mio. %) |") */
	{
		size_t j = first;
		for (i = first; i < n; i++)
			if (v[i].unit && !scaled_percent(&v[i]))
				v[j++] = v[i];
		*sc->n = j;
	}
}

/* Could a number word, fraction or multiple start here? (a cheap two-letter pre-filter) */
static int numword_start(const char *p)
{
	/* ei zw dr vi fü se si ac ne ze el hu ta hä ve */
	unsigned char b = ex_fold_byte((unsigned char)p[1]);

	switch (ex_fold_byte((unsigned char)p[0])) {
	case 'e':
		return b == 'i' || b == 'l';
	case 'z':
		return b == 'w' || b == 'e';
	case 'd':
		return b == 'r';
	case 'v':
		return b == 'i' || b == 'e';
	case 'f':
	case 'h':
		return b == 0xC3 || b == 'u';
	case 's':
		return b == 'e' || b == 'i';
	case 'a':
		return b == 'c' || b == 'n';
	case 'n':
		return b == 'e';
	case 't':
		return b == 'a';
	default:
		return 0;
	}
}

void ex_scan_sentence(const struct ex_lexicon *lx, const char *text, size_t s, size_t e,
		      const struct ex_qty *prev, const struct ex_span *header, struct ex_qty **out, size_t *n,
		      size_t *alloc)
{
	struct scan sc = {prev ? prev->unit : NULL, prev ? prev->military : 0, header, lx, text, text + s,
			  text + e, out, n, alloc, text + s, 0};
	const char *p = sc.s;
	size_t first = *n;

	while (p < sc.e) {
		unsigned char c = (unsigned char)*p;
		if (c >= '0' && c <= '9') {
			const char *r = scan_digits(&sc, p);
			p = r > p ? r : p + 1;
		} else if (ex_letter_at(p, sc.e)) {
			if (sc.e - p >= 3 && numword_start(p)) {
				const char *we = ex_word_end(p, sc.e);
				const char *r = we - p >= 3 ? scan_word(&sc, p, we) : we;
				p = r > p ? r : we;
			} else {
				/* not a number word: skip its letters quickly */
				p++;
				while (p < sc.e) {
					unsigned char b = (unsigned char)*p;
					if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')
						p++;
					else if (b >= 0xC3 && b <= 0xC9 && p + 1 < sc.e)
						p += 2;
					else
						break;
				}
			}
		} else {
			p++;
		}
	}
	carry_units(&sc, first);
}
