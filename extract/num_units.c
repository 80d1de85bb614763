/* num_units.c: the words around a number — its scale, its unit before or after it, its qualifier, and the interval they imply. */
#include "number_int.h"

#include <math.h>
#include <string.h>

/*
 * A scale word after a number (ex_num_scale_at: "Tsd.", "Mio.", "Milliarden", "Bio.", from the
 * lexicon) is read by the scanners, which may need it to tell a range; then ex_num_finish makes
 * the number a figure:
 *  1. The unit after it (ex_num_unit_after): a lexicon word or phrase ("Prozent", "Dollar"), or
 *     an upper-case word whose ending is a unit noun ("US-Soldaten"). Up to two lower-case
 *     adjectives or adverbs may stand between ("28.500 amerikanische Soldaten"), no function
 *     word; an upper-case noun that is no unit ends the search ("5 Jahre"). An extended
 *     attribute may stand between when it ends in a participle and the unit counts persons
 *     ("36.000 in der Bundesrepublik stationierten Soldaten").
 *  2. Else a currency written before it (ex_num_unit_before: "$ 5", "EUR 3", "US$12").
 *  3. A number word with no unit and no scale is no figure ("drei"), nor is a percentage a
 *     scale word multiplied ("51,95 Mrd. Prozent": README, "Scales").
 *  4. The qualifier phrase right before it (ex_num_qual_before, up to four words back: "etwa",
 *     "mehr als", "knapp") makes it approx, at_least or at_most, unless a verb of the clause
 *     governs that word as its preposition ("verfügt 2020 über 5.000 Soldaten": exact).
 *     "zwischen" is left to the range scanner.
 *  5. Its interval (ex_num_interval; README, "Intervals"): exact, half a rounding step either
 *     way (a whole step with decimals); approx, the larger of half a step and 5 %; at_least and
 *     at_most, up to 1,5 times or down to half, or 10 % (at least half a step) after a weak
 *     qualifier ("knapp", "gut"). A range has its interval from its two numbers.
 * Memory: none of its own; the figure is appended to the sentence's list.
 */

/* Scale word at p (after optional spaces); returns multiplier (1 if none) and advances *pp. */
double ex_num_scale_at(const struct ex_scan *sc, const char **pp)
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

/*
 * An extended attribute between a number and its noun: "36.000 in der Bundesrepublik
 * stationierten Soldaten", "40 in der Region gelegenen Depots". At p a preposition of the
 * lexicon's `attrib` kind, then up to five words without a comma or a digit, the last a
 * participle (an `attrib` '*' ending: -ten, -nden), then an upper-case noun: its span, or NULL.
 */
const char *ex_num_attribute_noun(const struct ex_scan *sc, const char *p, const char **ne)
{
	const char *we = ex_word_end(p, sc->e);

	if (!ex_lex_word(sc->lx, LX_ATTRIB, p, (size_t)(we - p)))
		return NULL;
	for (int words = 0; words < 5; words++) {
		p = ex_skip_space(we, sc->e);
		we = ex_word_end(p, sc->e);
		if (we == p)
			return NULL; /* a comma, a digit, the sentence's end */
		if (ex_upper_at(p, sc->e) || !ex_lex_suffix(sc->lx, LX_ATTRIB, p, (size_t)(we - p)))
			continue;
		/* the participle: the noun must follow right after it, or after an adjective or two
		 * ("in Südkorea stationierten amerikanischen Soldaten") */
		p = ex_skip_space(we, sc->e);
		we = ex_word_end(p, sc->e);
		for (int a = 0; a < 2 && we - p >= 4 && !ex_upper_at(p, sc->e) && (we[-1] == 'n' || we[-1] == 'e'); a++) {
			p = ex_skip_space(we, sc->e);
			we = ex_word_end(p, sc->e);
		}
		if (we == p || !ex_upper_at(p, sc->e))
			return NULL;
		*ne = we;
		return p;
	}
	return NULL;
}

/* The unit of persons an extended attribute leads to ("… stationierten Soldaten"), or NULL. */
static const struct ex_lex_entry *attribute_unit(const struct ex_scan *sc, const char *p, const char **us,
						 const char **ue)
{
	const char *ne, *n = ex_num_attribute_noun(sc, p, &ne);
	const struct ex_lex_entry *e;
	size_t ml;

	if (!n)
		return NULL;
	e = ex_lex_match_after(sc->lx, LX_UNIT, n, sc->e, &ml);
	if (e)
		ne = n + ml;
	else
		e = ex_lex_suffix(sc->lx, LX_UNIT, n, (size_t)(ne - n));
	if (!e || strcmp(e->value, "persons"))
		return NULL;
	*us = n;
	*ue = ne;
	return e;
}

/* Unit after p: phrases, words, compound endings, up to two adjectives in between. */
const struct ex_lex_entry *ex_num_unit_after(const struct ex_scan *sc, const char *p, const char **us,
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
			/* "24.000 Berufs- und Zeitsoldaten": a compound's first part, its hyphen standing
			 * for the ending of the compound after "und" or "oder" */
			{
				const char *h = we < sc->e && *we == '-' ? we + 1 : we[-1] == '-' ? we : NULL;
				if (h) {
					const char *cj = ex_skip_space(h, sc->e), *cje = ex_word_end(cj, sc->e);
					if (ex_word_in(cj, (size_t)(cje - cj), (const char *const[]){"und", "oder", NULL})) {
						const char *n2 = ex_skip_space(cje, sc->e), *n2e = ex_word_end(n2, sc->e);
						if (n2e > n2 && ex_upper_at(n2, sc->e) &&
						    (e = ex_lex_suffix(sc->lx, LX_UNIT, n2, (size_t)(n2e - n2))) != NULL) {
							*us = p;
							*ue = n2e;
							return e;
						}
					}
				}
			}
			return NULL; /* a noun that is not a unit: "5 Jahre", "2 Minuten" */
		}
		/* a lower-case adjective ("amerikanische", "aktive") or adverb ("dort") may stand between */
		if (is_adverb(p, (size_t)(we - p))) {
			p = ex_skip_space(we, sc->e);
			continue;
		}
		if (is_stop(p, (size_t)(we - p)) || we - p < 4)
			return adj == 0 ? attribute_unit(sc, p, us, ue) : NULL;
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
const struct ex_lex_entry *ex_num_unit_before(const struct ex_scan *sc, const char *p, const char **us)
{
	const char *q = p;

	/* skip back one space at most */
	if (q > sc->s && ex_space_at(q - 1, sc->e) == 1)
		q--;
	else if (q - sc->s >= 2 && ex_space_at(q - 2, sc->e) == 2)
		q -= 2;
	for (unsigned j = 0; j < sc->lx->n_unit_before; j++) {
		const struct ex_lex_entry *e = &sc->lx->v[LX_UNIT][sc->lx->unit_before[j]];
		if ((size_t)(q - sc->s) < e->klen)
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

/* At most three words in [p, q), none of them the preposition prep: "verfügt im Jahr 2024 über" but
 * not "verfügt über eine Armee von über …" (the second 'über' is a qualifier again). */
static int few_words_between(const struct ex_scan *sc, const char *p, const char *q, const char *prep)
{
	const char *w;
	int n = 0;

	while ((w = ex_next_word(sc->s, &p, q)) != NULL)
		if (++n > 3 || (strlen(prep) == (size_t)(p - w) && !ex_casecmp_n(w, (size_t)(p - w), prep)))
			return 0;
	return 1;
}

/* Is the qualifier at q the preposition of a verb before it in the clause ("verfügt 2020 über
 * 5.000 Soldaten": 'über' belongs to 'verfügen', the figure is exact), or of a noun right before
 * it (a '*' row, a compound ending: "ein Hilfspaket über 300 Millionen Euro")? */
static int governed(const struct ex_scan *sc, const char *q, const struct ex_lex_entry *qual)
{
	const struct ex_lexicon *lx = sc->lx;
	const char *p = q, *w;

	while (p > sc->s && q - p < 60 && p[-1] != ',' && p[-1] != ';' && p[-1] != ':')
		p--;
	while ((w = ex_next_word(sc->s, &p, q)) != NULL) {
		const char *we = p;
		for (size_t i = 0; i < lx->n[LX_GOVERN]; i++) {
			const struct ex_lex_entry *g = &lx->v[LX_GOVERN][i];
			int noun = (g->flags & LXF_SUFFIX) != 0;
			if ((size_t)(we - w) < g->klen || strlen(g->value) != qual->klen ||
			    ex_casecmp_n(qual->key, qual->klen, g->value))
				continue;
			if (noun ? !ex_casecmp_n(we - g->klen, g->klen, g->key) && ex_skip_space(we, q) == q
				 : !ex_casecmp_n(w, g->klen, g->key) && few_words_between(sc, we, q, g->value))
				return 1;
		}
	}
	return 0;
}

/* The qualifier phrase ending right before p (spaces between); sets *qs to its start. */
static const struct ex_lex_entry *qual_before(const struct ex_scan *sc, const char *p, const char **qs)
{
	const char *starts[4], *we, *w = p;
	int k, m = 0;

	for (k = 0; k < 4; k++) {
		w = ex_num_word_before(sc, w, &we);
		if (!w)
			break;
		starts[m++] = w;
	}
	if (!m)
		return NULL;
	{
		const char *target_end;
		ex_num_word_before(sc, p, &target_end);
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

/* qual_before, asked once a position: the answer depends on the sentence's text alone */
const struct ex_lex_entry *ex_num_qual_before(const struct ex_scan *sc, const char *p, const char **qs)
{
	struct ex_qual_memo *m = sc->qual;

	if (!m)
		return qual_before(sc, p, qs);
	if (m->at != p) {
		m->at = p;
		m->qs = NULL;
		m->e = qual_before(sc, p, &m->qs);
	}
	if (m->e)
		*qs = m->qs;
	return m->e;
}

/* A qualifier phrase right before at ("etwa", "mehr als") qualifies q, whose quote then starts
 * there; "zwischen" is left to the range scanner. Returns whether one was found. */
int ex_num_take_qual(const struct ex_scan *sc, struct ex_qty *q, const char *at)
{
	const char *qs;
	const struct ex_lex_entry *qual = ex_num_qual_before(sc, at, &qs);

	if (!qual || kz_qual_parse(qual->value) == KZ_Q_RANGE)
		return 0;
	q->qual = (enum kz_qual)kz_qual_parse(qual->value);
	q->qflags = qual->flags;
	q->start = (size_t)(qs - sc->t);
	return 1;
}

/* Interval from qualifier and rounding (documented in README: "Intervals"). */
void ex_num_interval(struct ex_qty *q)
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

/* A scale word never multiplies a percentage or percentage points: "51,95 Mrd. Prozent" is a
 * slip (51,95 Prozent?) or, rarely, meant ("1,37 Millionen Prozent" Inflation); either reading
 * may be wrong, so the quantity is no figure. */
int ex_num_scaled_percent(const struct ex_qty *q)
{
	return (q->flags & QF_SCALED) && q->unit && (!strcmp(q->unit, "percent") || !strcmp(q->unit, "points"));
}

/* Finish a quantity that has its number(s): scale, unit, qualifier, interval; push it. */
const char *ex_num_finish(struct ex_scan *sc, struct ex_qty *q, const char *after, double scale,
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
	u = ex_num_unit_after(sc, after, &us, &ue);
	if (u) {
		const char *w = ex_skip_space(after, sc->e);
		q->unit = u->value;
		q->military = !!(u->flags & LXF_MILITARY);
		q->end = (size_t)(ue - sc->t);
		q->unit_start = (size_t)(us - sc->t);
		q->unit_end = q->end;
		/* through an attribute ("36.000 in der Bundesrepublik stationierten Soldaten") the
		 * quote is the number; the unit's span stays where the noun is */
		if (us > w && ex_lex_word(sc->lx, LX_ATTRIB, w, (size_t)(ex_word_end(w, sc->e) - w)))
			q->end = (size_t)(after - sc->t);
	} else {
		q->end = (size_t)(after - sc->t);
		u = ex_num_unit_before(sc, sc->t + q->start, &us);
		if (u) {
			q->unit = u->value;
			q->start = (size_t)(us - sc->t);
			q->unit_start = q->start;
			q->unit_end = q->nstart;
		}
	}
	/* "drei" alone is not a figure; "zwölftausend der damals 36.000 Soldaten" is, as its digits
	 * would be (a thousand or more in words is no article or count word) */
	if (words && !q->unit && scale == 1 && !(q->flags & (QF_FRACTION | QF_MULTIPLE)) && q->value < 1000)
		return after;
	if (ex_num_scaled_percent(q))
		return sc->t + q->end; /* "51,95 Mrd. Prozent": no figure (README, "Scales") */
	if (q->qual != KZ_Q_RANGE) {
		ex_num_take_qual(sc, q, sc->t + q->start);
		ex_num_interval(q);
	}
	ex_num_push(sc, q);
	return sc->t + q->end;
}
