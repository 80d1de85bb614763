/* num_carry.c: units carried to bare numbers — from a table's header, a neighbouring figure, a noun before, the sentence before. */
#include "number_int.h"

#include <math.h>
#include <string.h>

/*
 * How a number written without a unit gets one (ex_num_carry_units, once the sentence is
 * scanned), the first of these that gives one:
 *  0. None for years, number words, a number with a noun right after it (not a time word) or
 *     after an extended attribute ("40 in der Region gelegenen Depots"), an
 *     enumeration "(1)" (a whole number in parentheses: "Estland (3,43)" is a figure), a number
 *     that the noun right before it names ("Einzelplan 14").
 *  1. In a table row, the unit and scale its column's header cell names ("| Land |
 *     Verteidigungsetat (Mrd. Euro) |"); the column is counted on from the number before.
 *     Before the walk below, from the sentence's end back to its start: a figure joined to the
 *     next by a coordinating word or a comma and a country shares the noun written after that
 *     one ("rund 11.500 amerikanische und etwa 300.000 südkoreanische Soldaten", "rund 35.000,
 *     in Japan etwa 54.000 und in Südkorea 28.500 US-Soldaten"): backwards, so a chain of them
 *     takes the unit of its last.
 *  2. The nearest figure before it that may lend its unit: no factor, no fraction in words,
 *     and no percent for a number above 100.
 *  3. A count noun before it in its clause that is not another figure's unit ("eine Truppe
 *     von rund 460.000"), looked for twelve words and at most 512 bytes back.
 *  4. The nearest lending figure after it, within 60 bytes and no clause boundary (at any
 *     distance for a decimal): "von 3,8 auf 38 Milliarden Dollar" — and its scale word, when the
 *     number has none and is below 1000.
 *  5. The last figure of the sentence before, when the number continues its count ("Etwa
 *     6.400 von ihnen", "davon 2.000", "auf etwa 24.000").
 * Then the numbers still bare, and scaled percentages, are dropped from the list.
 * Linear in the figures of the sentence: the nearest lender before is kept as the loop goes,
 * the nearest after is found once (next_lender). Memory: none; the list is compacted in place.
 */

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
static void header_unit(struct ex_scan *sc, struct ex_qty *q)
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

/* ", in Deutschland ", ", Japan ": between two numbers, a comma and a short phrase naming a
 * country — the second number is the first one's parallel ("In Japan zählte das DMDC 52 852, in
 * Deutschland 34 894 Soldaten"), so the first is of the second's unit */
static int parallel_gap(const struct ex_scan *sc, const char *a, const char *b)
{
	const char *p = a, *w, *we;
	int words = 0, country = 0;

	while (p < b && *p == ' ')
		p++;
	if (p >= b || *p != ',')
		return 0;
	for (p++; p < b; p = we) {
		while (p < b && *p == ' ')
			p++;
		if (p >= b)
			break;
		we = ex_word_end(p, b);
		if (we <= p || ++words > 3)
			return 0;
		w = p;
		if (ex_lex_match_after(sc->lx, LX_COUNTRY, w, we, &(size_t){0}))
			country = 1;
	}
	return country;
}

/* A lower-case word with an adjective's ending ("amerikanische", "deutschen"). */
static int adjective_word(const char *w, const char *we)
{
	size_t k = (size_t)(we - w);

	if (k < 4 || ex_upper_at(w, we))
		return 0;
	return w[k - 1] == 'e' || ((w[k - 1] == 'n' || w[k - 1] == 'r' || w[k - 1] == 's' || w[k - 1] == 'm') && w[k - 2] == 'e');
}

/*
 * Between two figures [a, b), the words of a coordination whose shared noun follows the second:
 * up to two adjectives after the first, a coordinating word (grammar.tsv coord) or a comma, then
 * up to three words, each a qualifier, a preposition or article (grammar.tsv role), or a country
 * ("amerikanische und etwa", ", in Japan etwa", "und in Südkorea"). After a comma a country must
 * be among them: ", was etwa 20 Prozent" joins nothing.
 */
static int coordinated_gap(const struct ex_scan *sc, const char *a, const char *b)
{
	const char *p = a, *we;
	int adjectives = 0, joined = 0, comma = 0, words = 0, country = 0;
	size_t ml;

	for (;;) {
		while (p < b && (*p == ' ' || *p == '\n'))
			p++;
		if (p >= b)
			break;
		if (*p == ',' && !joined) {
			joined = comma = 1;
			p++;
			continue;
		}
		we = ex_word_end(p, b);
		if (we <= p)
			return 0;
		if (!joined) {
			const struct ex_lex_entry *j = ex_lex_word(sc->lx, LX_COORD, p, (size_t)(we - p));
			if (j) {
				joined = 1;
			} else if (!adjective_word(p, we) || ++adjectives > 2) {
				return 0;
			}
		} else {
			const struct ex_lex_entry *r = ex_lex_word(sc->lx, LX_ROLE, p, (size_t)(we - p));
			if (++words > 3)
				return 0;
			if (ex_lex_match_after(sc->lx, LX_COUNTRY, p, we, &ml) && p + ml == we) {
				country = 1;
			} else if (ex_lex_match_after(sc->lx, LX_QUAL, p, b, &ml)) {
				if (p + ml > we)
					we = p + ml; /* a qualifier of several words: "mehr als" */
			} else if (!r || !strcmp(r->value, "copula") || !strcmp(r->value, "source")) {
				return 0;
			}
		}
		p = we;
	}
	return joined && (!comma || country);
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
static void noun_before(struct ex_scan *sc, struct ex_qty *q)
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

/* Does the number continue a count of the sentence before? "Etwa 6.400 von ihnen …", "Weitere 5.600",
 * "davon 2.000", "auf etwa 24.000 sinken", "noch 15". */
static int continues_count(const struct ex_scan *sc, const struct ex_qty *q)
{
	const char *after = ex_skip_space(sc->t + q->end, sc->e), *pe, *pw;
	const struct ex_lex_entry *w;
	size_t ml;

	/* "Etwa 6.400 von ihnen", "2.000 davon" (grammar.tsv `continue` after) */
	w = ex_lex_match_after(sc->lx, LX_CONTINUE, after, sc->e, &ml);
	if (w && !strcmp(w->value, "after"))
		return 1;
	/* "davon 2.000", "auf 24.000", "Weitere 5.600" (`continue` before) */
	pw = ex_num_word_before(sc, sc->t + q->start, &pe);
	if (pw && (w = ex_lex_word_ci(sc->lx, LX_CONTINUE, pw, (size_t)(pe - pw))) != NULL && !strcmp(w->value, "before"))
		return 1;
	/* a qualified number opening the sentence: "Rund 2.000 …" */
	return q->qual != KZ_Q_EXACT && q->start == (size_t)(sc->s - sc->t);
}

/* Does an adjective and a noun follow q ("1,1 Millionen ukrainische Geflüchtete")? They name what
 * is counted: a lower-case word with an adjective's ending, then a capitalised one. */
static int adjective_noun(const struct ex_scan *sc, const struct ex_qty *q)
{
	const char *w = ex_skip_space(sc->t + q->end, sc->e), *we = ex_word_end(w, sc->e), *n;
	size_t k = (size_t)(we - w);

	if (k < 3 || ex_upper_at(w, sc->e))
		return 0;
	if (!(w[k - 1] == 'e' || ((w[k - 1] == 'n' || w[k - 1] == 'r' || w[k - 1] == 's' || w[k - 1] == 'm') && w[k - 2] == 'e')))
		return 0;
	n = ex_skip_space(we, sc->e);
	return n > we && n < sc->e && ex_upper_at(n, sc->e);
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

/* May the bare number q take a unit from its neighbours? Not a year, a number word alone, a
 * number that a noun right after it or before it names, nor an enumeration "(1)". */
static int may_carry(const struct ex_scan *sc, const struct ex_qty *q)
{
	const char *after = ex_skip_space(sc->t + q->end, sc->e);

	/* a year, a number word alone ("drei"); a number word with a scale ("etwa acht
	 * Milliarden") is an amount like its neighbours */
	if ((q->flags & QF_YEARLIKE) || ((q->flags & QF_WORDS) && !(q->flags & QF_SCALED) && q->value < 1000))
		return 0; /* (thousands in words are an amount too: "knapp zwölftausend der … Soldaten") */
	/* a noun right after the number names what is counted: not ours to guess; so does an
	 * adjective and a noun ("rund 50 amerikanische Atombomben") */
	if (after < sc->e && ex_upper_at(after, sc->e) && !ex_lex_match_after(sc->lx, LX_TIME, after, sc->e, &(size_t){0}))
		return 0;
	if (adjective_noun(sc, q))
		return 0;
	/* … or after an attribute: "40 in der Region gelegenen Depots" (a time phrase is none:
	 * "nach 62,4 Milliarden im laufenden Jahr") */
	if (!ex_lex_match_after(sc->lx, LX_TIME, after, sc->e, &(size_t){0}) &&
	    ex_num_attribute_noun(sc, after, &(const char *){0}))
		return 0;
	/* an enumeration "(1)"; a decimal in parentheses is a figure of a list ("Estland (3,43)"),
	 * and so is a qualified or a large one ("Bayern (gut 12 000)", "Hessen (2500)") */
	if (q->start > 0 && sc->t[q->start - 1] == '(' && after < sc->e && *after == ')' &&
	    q->value == floor(q->value) && !memchr(sc->t + q->nstart, ',', q->end - q->nstart) &&
	    q->qual == KZ_Q_EXACT && q->value < 100)
		return 0;
	{
		/* "Einzelplan 14", "Panzerbrigade 45": a noun right before names the number */
		const char *pe, *pw = ex_num_word_before(sc, sc->t + q->nstart, &pe);
		/* (a number with a thousands separator, "das Ministerium 1.450", a decimal or a scale
		 * word, "sonstige Rüstungsgüter 3,4 Milliarden", is an amount, no name) */
		int grouped = (q->flags & QF_SCALED) || memchr(sc->t + q->nstart, ',', q->nend - q->nstart) != NULL ||
			      memchr(sc->t + q->nstart, '.', q->nend - q->nstart) != NULL ||
			      memchr(sc->t + q->nstart, ' ', q->nend - q->nstart) != NULL ||
			      memchr(sc->t + q->nstart, 0xC2, q->nend - q->nstart) != NULL ||
			      memchr(sc->t + q->nstart, 0xE2, q->nend - q->nstart) != NULL;
		if (q->qual == KZ_Q_EXACT && q->start == q->nstart && pw && pe == sc->t + q->nstart - 1 && !grouped &&
		    ex_upper_at(pw, pe) && pw > sc->s && !ex_lex_match_after(sc->lx, LX_QUAL, pw, pe, &(size_t){0}) &&
		    !ex_lex_match_after(sc->lx, LX_TIME, pw, pe, &(size_t){0}) &&
		    !ex_lex_match_after(sc->lx, LX_UNIT, pw, pe, &(size_t){0}) &&
		    !ex_lex_suffix(sc->lx, LX_UNIT, pw, (size_t)(pe - pw)) &&
		    !ex_lex_match_after(sc->lx, LX_COUNTRY, pw, pe, &(size_t){0}) &&
		    !ex_lex_word(sc->lx, LX_SOURCENAME, pw, (size_t)(pe - pw)))
			return 0; /* ("zählte das DMDC 52 852": an originator names no number) */
	}
	return 1;
}

/*
 * Carry a unit over to unit-less numbers of the same sentence ("… 25 Prozent …, 2020 nur noch 15").
 * Linear in the figures: the nearest lender before and after each number is kept as the loop goes
 * (before: of any unit, and of a unit other than percent; after: found once by next_lender).
 */
void ex_num_carry_units(struct ex_scan *sc, size_t first)
{
	struct ex_qty *v = *sc->out;
	size_t n = *sc->n, i;
	size_t back_any = (size_t)-1, back_np = (size_t)-1; /* the last lender before i, or none */
	size_t fwd_any = first, fwd_np = first;

	/* figures of one coordination, from the last back: "rund 35.000, in Japan etwa 54.000 und in
	 * Südkorea 28.500 US-Soldaten" */
	for (i = n; i-- > first;) {
		struct ex_qty *q = &v[i], *w = i + 1 < n ? &v[i + 1] : NULL;
		if (q->unit || !w || !lends_unit(w, q->value <= 100) || w->start - q->end > 80 || sc->header ||
		    !may_carry(sc, q) || !coordinated_gap(sc, sc->t + q->end, sc->t + w->start))
			continue;
		q->unit = w->unit;
		q->military = w->military;
		q->flags |= QF_CARRIED;
	}
	for (i = first; i < n; i++) {
		struct ex_qty *q = &v[i];
		/* the figure before is done: its unit is final */
		if (i > first && lends_unit(&v[i - 1], 1)) {
			back_any = i - 1;
			if (lends_unit(&v[i - 1], 0))
				back_np = i - 1;
		}
		if (q->unit)
			continue;
		if (!may_carry(sc, q))
			continue;
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
				      (v[j].start - q->end <= 60 && (!clause_gap(sc->t + q->end, sc->t + v[j].start) ||
								     parallel_gap(sc, sc->t + q->end, sc->t + v[j].start))))) {
				q->unit = v[j].unit;
				q->military = v[j].military;
				q->flags |= QF_CARRIED;
				/* "von 3,8 auf 38 Milliarden Dollar": the scale word is shared too, when the
				 * bare number has none and is small */
				if ((v[j].flags & QF_SCALED) && !(q->flags & QF_SCALED) && q->value < 1000) {
					const char *sp = sc->t + v[j].nend;
					double m = ex_num_scale_at(sc, &sp);
					if (m > 1) {
						q->value *= m;
						q->low *= m;
						q->high *= m;
						q->step *= m;
						q->flags |= QF_SCALED;
					}
				}
			}
		}
		/* "Etwa 6.400 von ihnen …", "… würde auf etwa 24.000 sinken": the figure the sentence
		 * before counted, when the number says it continues that count (no percent above 100:
		 * "87 Prozent der Kosten … rund 4.000 von ihnen" counts people) */
		if (!q->unit && sc->prev_unit && q->value >= 10 && !(q->value > 100 && !strcmp(sc->prev_unit, "percent")) &&
		    continues_count(sc, q)) {
			q->unit = sc->prev_unit;
			q->military = sc->prev_military;
			q->flags |= QF_CARRIED | QF_PREV;
		}
		/* "Ägypten (4,34 Milliarden Euro) … Es folgen die USA (1,01 Milliarden)": an amount with a
		 * scale word and no unit is money, in the currency the sentence before last named */
		if (!q->unit && sc->prev_money && (q->flags & QF_SCALED) && q->value >= 1e6 && !adjective_noun(sc, q)) {
			q->unit = sc->prev_money;
			q->flags |= QF_CARRIED | QF_PREV;
		}
	}
	/* drop what still has no unit, and scaled percentages ("| Anteil (Mio. %) |") */
	{
		size_t j = first;
		for (i = first; i < n; i++)
			if (v[i].unit && !ex_num_scaled_percent(&v[i]))
				v[j++] = v[i];
		*sc->n = j;
	}
}
