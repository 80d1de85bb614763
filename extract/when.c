/*
 * when.c: the year a figure describes, from the year expressions years.c finds in its sentence
 * and the sentences around it.
 *
 * A figure takes the year bound to it: each year goes to the figure nearest to it, a figure
 * after it counting three times the distance and one in another clause far more; a conversion
 * in parentheses shares its twin's year. Else the nearest year of its clause; a sum since a year
 * runs to the document's year. Else, in a short dated report, the document's year when the
 * figure's clause speaks in the present; else a year of the one or two sentences before in the
 * same paragraph (not a decade, baseline or another sentence's target); else a year of another
 * clause; else the next sentence's first year; else the document's year. ex_attribute clears a
 * document year given to a plan, target, demand, limit or forecast.
 */
#include "attrib_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int at_present_tense(const struct ex_lexicon *lx, const char *s, const char *e)
{
	return at_tense_of(lx, s, e) > 0;
}


/* Is the word of comparison w..we one after a figure and before a dative article ("ein Viertel
 * über dem des Vorjahres")? Elsewhere "über" and "unter" are prepositions ("Hilfe über 28
 * Milliarden Euro"), no change. */
static int compared_at(const struct ex_ctx *c, const char *w, const char *we, const char *end,
		       const struct ex_qty *all, size_t nq)
{
	const char *b = w, *a = ex_skip_space(we, end);
	int after_figure = 0;

	while (b > c->text && b[-1] == ' ')
		b--;
	for (size_t i = 0; i < nq && !after_figure; i++)
		after_figure = c->text + all[i].end == b;
	return after_figure &&
	       ex_word_in(a, (size_t)(ex_word_end(a, end) - a), (const char *const[]){"dem", "der", "denen", NULL});
}

/* Does sentence si state a change ("haben sich seit 2015 verdoppelt", "ein Plus von 12 Prozent")?
 * Then a "seit" year in it is the change's baseline, not the start of a sum. */
static int speaks_of_change(const struct ex_ctx *c, size_t si, const struct ex_qty *all, size_t nq)
{
	const char *s = c->text + c->sent[si].start, *end = c->text + c->sent[si].end, *p = s, *w;

	for (size_t i = 0; i < nq; i++)
		if (all[i].unit && !strcmp(all[i].unit, "factor"))
			return 1;
	while ((w = ex_next_word(s, &p, end)) != NULL) {
		/* a change noun (Plus, Anstieg) or verb (gestiegen); "mehr" ("mehr als") says nothing here */
		const struct ex_lex_entry *e = ex_lex_word(c->lx, LX_CHANGE, w, (size_t)(p - w));
		if (e && strcmp(e->value, "after") && (strcmp(e->value, "compared") || compared_at(c, w, p, end, all, nq)))
			return 1;
	}
	return 0;
}




/* Does the clause of q have a finite verb (grammar.tsv tense)? */
static int clause_has_verb(const struct ex_ctx *c, size_t si, const struct ex_qty *q)
{
	const struct ex_sentence_cues *sc = c->cues;
	size_t k, b;

	if (!sc || !sc->valid || sc->si != si)
		return 1;
	k = ex_clause_of(sc, q->start);
	b = k + 1 < sc->nclause ? sc->clause[k + 1] : c->sent[si].end;
	return at_tense_of(c->lx, c->text + sc->clause[k], c->text + b) != 0;
}

/* Does the figure's clause open with a word that restates the clause before ("…, was etwa 0,9
 * Prozent entspricht", "…; das sind 2,1 Prozent")? */
static int restating_clause(const struct ex_ctx *c, size_t si, const struct ex_qty *q)
{
	const char *s = c->text + c->sent[si].start, *x = c->text + q->start, *w;

	while (x > s && x[-1] != ',' && x[-1] != ';')
		x--;
	if (x == s)
		return 0;
	w = ex_skip_space(x, c->text + q->start);
	return ex_word_in(w, (size_t)(ex_word_end(w, c->text + q->start) - w), (const char *const[]){"was", "das", "dies", NULL});
}

/* Does sentence si open by restating the figure before — "Das sind …", "Dies entspricht …", "Das
 * wären …" — with q in that first clause? */
static int restates_before(const struct ex_ctx *c, size_t si, const struct ex_qty *q)
{
	static const char *const verbs[] = {"sind", "ist", "wären", "wäre", "waren", "war", "entspricht", "entsprach",
					    "entspräche", "macht", "machte", NULL};
	const char *s = c->text + c->sent[si].start, *e = c->text + q->start, *w, *we;

	w = ex_skip_space(s, e);
	we = ex_word_end(w, e);
	if (!ex_word_in(w, (size_t)(we - w), (const char *const[]){"Das", "Dies", "Damit", NULL}))
		return 0;
	w = ex_skip_space(we, e);
	we = ex_word_end(w, e);
	if (!ex_word_in(w, (size_t)(we - w), verbs))
		return 0;
	for (const char *x = we; x < e; x++)
		if (*x == ',' || *x == ';' || *x == ':')
			return 0;
	return 1;
}



/* Does the sentence continue a plan ("Davon sollen 3,5 Prozent …")? */
int at_speaks_of_plan(const struct ex_lexicon *lx, const char *s, const char *e)
{
	const char *p = s, *w;

	while ((w = ex_next_word(s, &p, e)) != NULL)
		if (at_is_word(lx, LX_PLAN, w, (size_t)(p - w)))
			return 1;
	return 0;
}

/* Does [s, e) tell a change in the perfect: an auxiliary ("haben", "ist") and, ending the clause,
 * a participle of change ("gestiegen", "verdoppelt")? */
static int perfect_of_change(const struct ex_ctx *c, const char *s, const char *e)
{
	static const char *const aux[] = {"hat", "haben", "ist", "sind", NULL};
	const char *p = s, *w, *last = NULL, *laste = NULL;
	int have = 0;

	while ((w = ex_next_word(s, &p, e)) != NULL) {
		have |= ex_word_in(w, (size_t)(p - w), aux);
		last = w;
		laste = p;
	}
	if (!have || !last)
		return 0;
	{
		const struct ex_lex_entry *ce = ex_lex_word(c->lx, LX_CHANGE, last, (size_t)(laste - last));
		if (ce && !strcmp(ce->value, "verb"))
			return 1;
	}
	/* verdoppelt, verdreifacht */
	return laste - last >= 8 && !memcmp(last, "ver", 3) && laste[-1] == 't' &&
	       (!memcmp(laste - 5, "ppelt", 5) || !memcmp(laste - 5, "facht", 5));
}

/* Is the figure's own clause in the present tense? (a sentence may turn to the past after a dash) */
static int clause_present(const struct ex_ctx *c, size_t si, const struct ex_qty *q)
{
	const char *s = c->text + c->sent[si].start, *e = c->text + c->sent[si].end;
	const char *a = c->text + q->start, *b = c->text + q->end;

	/* back and forward to the nearest ", ", "; ", ": " or dash */
	while (a > s && !(a - s >= 2 && (a[-2] == ',' || a[-2] == ';' || a[-2] == ':') && a[-1] == ' ') &&
	       !(a - s >= 3 && (unsigned char)a[-3] == 0xE2 && (unsigned char)a[-2] == 0x80 &&
		 ((unsigned char)a[-1] == 0x93 || (unsigned char)a[-1] == 0x94)))
		a--;
	while (b < e && !((*b == ',' || *b == ';' || *b == ':') && b + 1 < e && b[1] == ' ') &&
	       !((unsigned char)*b == 0xE2 && b + 2 < e && (unsigned char)b[1] == 0x80 &&
		 ((unsigned char)b[2] == 0x93 || (unsigned char)b[2] == 0x94)))
		b++;
	/* "Davon sollen 3,5 Prozent … entfallen": a plan, not the present; a plan in another clause
	 * ("…, im Kriegsfall sollen es 90.000 sein") leaves this one as it is */
	if (at_speaks_of_plan(c->lx, a, b))
		return 0;
	/* "Russlands Ausgaben von 149 Mrd. Dollar haben sich seit 2015 verdoppelt": a change told in
	 * the perfect reports what the figures of its time showed, not the document's date */
	if (perfect_of_change(c, a, b))
		return 0;
	/* "…, Belgien mit 1,30 und Kanada mit 1,37 Prozent": a clause without a finite verb continues
	 * the sentence's, and takes its tense */
	if (!at_tense_of(c->lx, a, b)) {
		/* unless the sentence names a year: that dates it ("zwischen 2022 und 2026 …, im Schnitt
		 * 211 Milliarden Yen im Jahr") */
		for (const char *x = s; x + 4 <= e; x++) {
			int y;
			if ((x == s || !(x[-1] >= '0' && x[-1] <= '9')) && at_year_at(x, e, &y))
				return 0;
		}
		return !at_speaks_of_plan(c->lx, s, e) && at_present_tense(c->lx, s, e);
	}
	return at_present_tense(c->lx, a, b);
}









/* Is b written as a conversion of a ("5,07 Billionen Yen (47,0 Milliarden Dollar)")? */
int ex_paired(const char *t, const struct ex_qty *a, const struct ex_qty *b)
{
	const char *p = t + a->end, *e = t + b->start;
	int paren = 0;

	if (e < p || e - p > 24)
		return 0;
	for (; p < e; p++) {
		if (*p == '(')
			paren = 1;
		else if (!(*p == ' ' || *p == ',' || (*p >= '0' && *p <= '9') || *p == '\n'))
			break;
	}
	if (p < e && !strncmp(p, "umgerechnet", 11))
		return 1;
	return paren && p == e;
}

/* "Seit Januar 2022 haben die USA 64 Milliarden Euro zugesagt": a sum since the year y covers the
 * years from then to the document's; a share, or a sentence stating a change, keeps it as the
 * baseline. 1 when a->year was set. */
static int since_span(const struct ex_ctx *c, size_t si, const struct ex_qty *all, size_t nq,
		      const struct yexp *y, struct ex_attr *a)
{
	long y0 = strtol(y->text, NULL, 10);
	int dy = c->doc->meta.year;

	if (!y->since || dy <= y0 || y0 <= 1900 || a->ind == KZ_I_CHANGE || a->ind == KZ_I_GDP_SHARE ||
	    a->ind == KZ_I_TRADE_SHARE || speaks_of_change(c, si, all, nq))
		return 0;
	snprintf(a->year, sizeof(a->year), "%ld-%d", y0, dy);
	return 1;
}

/* Is the figure an apposition, set off by commas on both sides (", 12,2 Milliarden Euro,")? */
static int apposition(const struct ex_ctx *c, size_t si, const struct ex_qty *q)
{
	const char *s = c->text + c->sent[si].start, *e = c->text + c->sent[si].end;
	const char *b = c->text + q->start, *f = c->text + q->end;

	while (b > s && b[-1] == ' ')
		b--;
	while (f < e && *f == ' ')
		f++;
	return b > s && b[-1] == ',' && f < e && *f == ',';
}

/* Was the figure before, in this sentence or the one before of the same paragraph, a sum running
 * to the document's year ("2022-2025")? */
static int cumulative_before(const struct ex_ctx *c, size_t si)
{
	const char *dash;

	if (!c->have_prev || c->prev_si + 1 < si || c->sent[c->prev_si].para != c->sent[si].para)
		return 0;
	dash = strchr(c->prev.year, '-');
	return dash && strtol(dash + 1, NULL, 10) == c->doc->meta.year;
}

/* Does a month's year (y, clause-bound) reach figure q? In its own clause, and in a clause of
 * reported speech after it: "Im Oktober meldete der NIS, Kim habe die Entsendung von rund
 * zwölftausend Soldaten beschlossen". Not past a semicolon, colon or dash. */
static int month_reaches(const struct ex_ctx *c, size_t si, const struct yexp *y, const struct ex_qty *q)
{
	const char *t = c->text, *a, *b, *e = t + c->sent[si].end, *p, *w;

	if (!at_clause_apart(t, y->start, y->end, q->start, q->end))
		return 1;
	if (q->start < y->end)
		return 0;
	for (p = t + y->end; p < t + q->start; p++)
		if (*p == ';' || *p == ':' || ex_dash_at(p, t + q->start))
			return 0;
	for (a = t + q->start; a > t + y->end && a[-1] != ','; a--)
		;
	for (b = t + q->end; b < e && *b != ',' && *b != ';' && *b != ':'; b++)
		;
	for (p = a; (w = ex_next_word(a, &p, b)) != NULL;) {
		const struct ex_lex_entry *v = ex_lex_word(c->lx, LX_TENSE, w, (size_t)(p - w));
		if (v && (!strcmp(v->value, "speech") || !strcmp(v->value, "conditional")))
			return 1;
	}
	return 0;
}

/* "der Abzug von knapp 12.000 Soldaten, den Trump im vergangenen Sommer angeordnet hatte": the
 * relative clause right after the figure's noun phrase tells when what it counts happened; the
 * index in y of the first date in that clause, or -1. */
static int attached_relative_year(const struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct yexp *y,
				  size_t n)
{
	static const char *const prons[] = {"der", "die", "das", "dem", "den", "deren", "dessen", NULL};
	const char *t = c->text, *e = t + c->sent[si].end, *p = t + q->end, *w, *we, *ce;

	while (p < e && *p != ',' && *p != ';' && *p != ':' && p - (t + q->end) < 60)
		p++;
	if (p >= e || *p != ',')
		return -1;
	w = ex_skip_space(p + 1, e);
	we = ex_word_end(w, e);
	if (!ex_word_in(w, (size_t)(we - w), prons))
		return -1;
	for (ce = we; ce < e && *ce != ',' && *ce != ';' && *ce != ':'; ce++)
		;
	for (size_t i = 0; i < n; i++)
		if (t + y[i].start >= we && t + y[i].end <= ce && y[i].text[0] && !y[i].baseline && !y[i].compared)
			return (int)i;
	return -1;
}

/* "… über dem des laufenden Jahres, für das rund 5,4 Billionen Yen veranschlagt sind": a figure in a
 * relative clause takes the year the noun it refers to names, right before the comma. The index
 * of that year in y, or -1. */
static int relative_year(const struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct yexp *y, size_t n)
{
	static const char *const preps[] = {"für", "in", "bei", "mit", "von", "an", "auf", "aus", "über", "unter",
					    "nach", "zu", "seit", NULL};
	const char *s = c->text + c->sent[si].start, *x = c->text + q->start, *w, *we, *e = c->text + q->start;
	const struct ex_lex_entry *opener;

	if (!n)
		return -1; /* (no year to take: the clause is not walked back) */
	while (x > s && !(x[-1] == ',' && !(x - s >= 2 && at_digit(x[-2]) && at_digit(*x))))
		x--;
	if (x == s)
		return -1;
	w = ex_skip_space(x, e);
	we = ex_word_end(w, e);
	if (ex_word_in(w, (size_t)(we - w), preps)) {
		w = ex_skip_space(we, e);
		we = ex_word_end(w, e);
	}
	opener = ex_lex_word(c->lx, LX_YEARCLAUSE, w, (size_t)(we - w));
	if (!opener)
		return -1;
	w = ex_skip_space(we, e);
	if (!strcmp(opener->value, "rel") && w < e && ex_upper_at(w, e))
		return -1; /* "…, das Ziel von 2 Prozent": an article and its noun */
	for (size_t i = n; i-- > 0;) {
		const char *ye = c->text + y[i].end, *comma = x - 1;
		/* (a year compared with is the relative clause's own: "8,2 Prozent mehr als in diesem
		 * Jahr, in dem 61,2 Billionen Won bereitstehen") */
		if (ye <= comma && comma - ye <= 2 && y[i].text[0] && !y[i].since)
			return (int)i;
	}
	return -1;
}

/* "Das 2014 vereinbarte Ziel erfüllen nur sechs": is the year y an attribute of a noun, between its
 * article and a participle or adjective (or a phrase before it: "das 2014 in Wales vereinbarte")?
 * Then it dates the noun, not the sentence. */
static int attribute_year(const struct ex_ctx *c, size_t si, const struct yexp *y)
{
	const char *s = c->text + c->sent[si].start, *e = c->text + c->sent[si].end;
	const char *w = at_article_before(c->lx, s, c->text + y->start, 0), *n = ex_skip_space(c->text + y->end, e);
	const char *ne = ex_word_end(n, e);

	while (w && w > s && w[-1] == ' ')
		w--;
	/* (", das 2025 auf 2,0 Prozent kommen will": after a comma, a relative pronoun) */
	return at_digit(c->text[y->start]) && w && !(w > s && w[-1] == ',') && n < e && *n >= 'a' && *n <= 'z' &&
	       !ex_lex_word(c->lx, LX_TENSE, n, (size_t)(ne - n));
}

/* Does the attributed noun's phrase reach the figure q: "das 2014 vereinbarte Ziel von zwei
 * Prozent" — after the year, its participles and its noun, only words that tie a noun to its
 * measure (grammar.tsv nounlink: von, über, in Höhe von)? Not "nach einem 2016 geschlossenen
 * Abkommen … jedes Jahr 3,8 Milliarden Dollar": the year dates the noun, not the figure. */
static int attribute_reaches(const struct ex_ctx *c, const struct yexp *y, const struct ex_qty *q)
{
	const char *p = c->text + y->end, *f = c->text + q->start, *w, *we;
	int noun = 0;

	if (q->start < y->end)
		return 0;
	for (int words = 0; words < 9; words++) {
		w = ex_skip_space(p, f);
		if (w >= f)
			return noun;
		we = ex_word_end(w, f);
		if (we == w || memchr(p, ',', (size_t)(w - p)) || memchr(p, ';', (size_t)(w - p)))
			return 0;
		if (!noun)
			noun = ex_upper_at(w, we);
		else if (!ex_lex_word(c->lx, LX_NOUNLINK, w, (size_t)(we - w)))
			return 0;
		p = we;
	}
	return 0;
}

/* Does the year expression y stand as what something is for or from: "für 2024", "ab 2026", "zum
 * Jahr 2030"? */
static int year_for_at(const struct ex_ctx *c, size_t si, const struct yexp *y)
{
	const char *s = c->text + c->sent[si].start, *w, *we;

	w = ex_word_back(s, c->text + y->start, &we);
	if (w < we && ex_word_in(w, (size_t)(we - w), (const char *const[]){"Jahr", "Jahres", "Haushaltsjahr", "Fiskaljahr", NULL}))
		w = ex_word_back(s, w, &we);
	if (w < we && ex_word_in(w, (size_t)(we - w), (const char *const[]){"das", "dem", "den", NULL}))
		w = ex_word_back(s, w, &we);
	return w < we && ex_word_in(w, (size_t)(we - w), (const char *const[]){"für", "Für", "ab", "Ab", "zum", "im", NULL}) &&
	       !(we - w == 2 && !memcmp(w, "im", 2) && !at_digit(c->text[y->start]));
}

/* Does the clause of the year expression y hold a verb of the kind (grammar.tsv setverb: of setting
 * a goal or rule, "vereinbart", "beschlossen" — the year set it; meetverb: of meeting or missing
 * one, "erreichen", "verfehlt" — the year is when it was met)? */
static int year_verb_at(const struct ex_ctx *c, size_t si, const struct yexp *y, int kind)
{
	const struct ex_sentence_cues *sc = c->cues; /* (read for the sentence by status.c before) */

	return sc && sc->valid && sc->si == si && ex_clause_has_stem(c, sc, ex_clause_of(sc, y->start), kind);
}

void at_when(const struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct ex_qty *all,
		 size_t nq, struct ex_attr *a)
{
	struct yexp y[MAX_YEARS];
	size_t n, i, best = (size_t)-1, bestd = (size_t)-1, far_year = (size_t)-1;
	char far_text[32] = "";
	struct yexp y_far;

	a->year[0] = '\0';
	a->year_doc = 0;
	a->year_target = 0;
	if (q->cell_end > q->cell_start) {
		/* a table column's header may date it: "| Verteidigungsetat 2024 (Mrd. Euro) |" */
		n = at_years_in(c, q->cell_start, q->cell_end, NULL, 0, y, MAX_YEARS);
		if (n && y[0].text[0]) {
			snprintf(a->year, sizeof(a->year), "%s", y[0].text);
			a->year_doc = 2;
			return;
		}
		/* … else its caption, the short line right before the table: "Tabelle 1: US-Truppen in
		 * Japan und Südkorea, 2020" */
		{
			size_t k = si;
			while (k > 0 && c->text[c->sent[k - 1].start] == '|')
				k--;
			if (k > 0 && c->sent[k - 1].end - c->sent[k - 1].start <= 200) {
				n = at_years_in(c, c->sent[k - 1].start, c->sent[k - 1].end, NULL, 0, y, MAX_YEARS);
				if (n && y[n - 1].text[0] && !y[n - 1].baseline) {
					snprintf(a->year, sizeof(a->year), "%s", y[n - 1].text);
					a->year_doc = 2;
					return;
				}
			}
		}
	}
	{
		const struct cache_slot *sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, all, nq, AT_YEARS);
		n = sl->ny;
		memcpy(y, sl->y, n * sizeof(*y));
	}
	/* "für das im April beginnende Haushaltsjahr 2024/25": a month without a year never dates a
	 * figure whose clause names a year */
	{
		int named = 0;
		for (i = 0; i < n && !named; i++)
			named = !y[i].clause && y[i].text[0] && !y[i].baseline && !y[i].compared &&
				!at_clause_apart(c->text, y[i].start, y[i].end, q->start, q->end);
		if (named) {
			size_t k = 0;
			for (i = 0; i < n; i++)
				if (!y[i].clause)
					y[k++] = y[i];
			n = k;
		}
	}
	/* (an event's time dates a state or a deed, not what a plan is for: "Scholz hat nach dem
	 * russischen Angriff auf die Ukraine ein Sondervermögen von 100 Milliarden Euro angekündigt") */
	int planned = a->status != KZ_S_REPORTED && a->status != KZ_S_CLAIM;
	/* "erreichen in diesem Jahr nur neun Staaten das Ziel, zwei Prozent … auszugeben": a goal
	 * takes the year it is for ("bis 2035", "für 2024", "ab 2026") or was set in ("das 2014 in
	 * Wales vereinbarte Ziel", "hatten die Verbündeten 2014 vereinbart"), not the year someone
	 * meets or misses it (another clause's years, and those of a clause with a verb of meeting,
	 * are dropped) */
	if (a->status == KZ_S_TARGET) {
		size_t k = 0;
		for (i = 0; i < n; i++)
			if (y[i].target || year_for_at(c, si, &y[i]) || attribute_year(c, si, &y[i]) ||
			    year_verb_at(c, si, &y[i], LX_SETVERB) ||
			    (!year_verb_at(c, si, &y[i], LX_MEETVERB) && !at_clause_apart(c->text, y[i].start, y[i].end, q->start, q->end)) ||
			    (c->doc->meta.year && strtol(y[i].text, NULL, 10) > c->doc->meta.year)) /* ("im kommenden Jahr") */
				y[k++] = y[i];
		n = k;
	}
	/* Each year expression belongs to the figure nearest to it ("von 3,8 Mrd. zwischen
	 * 2016 und 2020 auf 38 Mrd. zwischen 2021 und 2023"); a figure takes a year bound to
	 * it or to its parenthesised twin, else the nearest year. */
	{
		size_t self = (size_t)(q - all), twin = (size_t)-1;
		if (self < nq) {
			if (self + 1 < nq && ex_paired(c->text, &all[self], &all[self + 1]))
				twin = self + 1;
			else if (self > 0 && ex_paired(c->text, &all[self - 1], &all[self]))
				twin = self - 1;
		}
		for (i = 0; i < n && self < nq; i++) {
			size_t bq = (size_t)-1, bd = (size_t)-1, d;
			if (y[i].baseline || (y[i].clause && !month_reaches(c, si, &y[i], q)) || (y[i].event && planned) ||
			    (!planned && attribute_year(c, si, &y[i]) && !attribute_reaches(c, &y[i], q)))
				continue; /* (a year of a noun's phrase dates a level only inside that phrase) */
			for (size_t j = 0; j < nq; j++) {
				if (!strcmp(all[j].unit, "factor"))
					continue; /* "zwischen 2021 und 2023 verzehnfacht": the span is not the multiple's */
				d = at_dist(c, all[j].start, all[j].end, y[i].start, y[i].end);
				if (all[j].start >= y[i].end)
					d *= 3; /* a year follows the figure it dates more often than it precedes it */
				if (at_clause_between(c->text, all[j].start, y[i].start))
					d += 500;
				if (d < bd) {
					bd = d;
					bq = j;
				}
			}
			/* "von derzeit rund 200.000 bis 2035 auf 300.000": the date a change is to reach
			 * its end by is the end figure's, after "auf" */
			if (y[i].target) {
				const char *w = ex_skip_space(c->text + y[i].end, c->text + c->sent[si].end);
				if (c->text + c->sent[si].end - w > 4 && !memcmp(w, "auf ", 4))
					for (size_t j = 0; j < nq; j++)
						if (all[j].start >= y[i].end && strcmp(all[j].unit, "factor")) {
							bq = j;
							break;
						}
			}
			if (bq != self && bq != twin)
				continue;
			d = at_dist(c, q->start, q->end, y[i].start, y[i].end);
			if (d < bestd) {
				bestd = d;
				best = i;
			}
		}
	}
	int bound = best != (size_t)-1; /* (the year found so far is bound to the figure) */
	/* "von derzeit rund 34.500 auf 25.000": the time of a change's start is the start's, not the
	 * end's after "auf" */
	size_t from_von = (size_t)-1;
	{
		const char *s0 = c->text + c->sent[si].start, *wb, *w = ex_word_back(s0, c->text + q->nstart, &wb);
		while (w < wb && ex_lex_match_after(c->lx, LX_QUAL, w, wb, &(size_t){0}))
			w = ex_word_back(s0, w, &wb);
		if (w < wb && lower_word(w, (size_t)(wb - w), "auf"))
			for (const char *x = w; x > s0 && !(x[-1] == ',' || x[-1] == ';'); x--)
				if (x - s0 >= 4 && !memcmp(x - 4, "von ", 4) && (x - s0 == 4 || x[-5] == ' ')) {
					from_von = (size_t)(x - c->text);
					break;
				}
	}
	for (i = 0; i < n && best == (size_t)-1; i++) {
		size_t d;
		if (y[i].baseline || !y[i].text[0] || y[i].compared || (y[i].event && planned) ||
		    (!planned && attribute_year(c, si, &y[i]) && !attribute_reaches(c, &y[i], q)))
			continue; /* an undated stretch, a compared figure's year: only its own figure's */
		if (from_von != (size_t)-1 && y[i].start >= from_von && y[i].end <= q->start)
			continue;
		d = at_dist(c, q->start, q->end, y[i].start, y[i].end);
		if (y[i].clause && !month_reaches(c, si, &y[i], q))
			continue;
		if (at_clause_apart(c->text, y[i].start, y[i].end, q->start, q->end) && !y[i].clause) {
			if (!attribute_year(c, si, &y[i]))
				far_year = far_year == (size_t)-1 ? i : far_year;
			continue; /* in another clause: used only if nothing else dates the figure */
		}
		if (d < bestd) {
			bestd = d;
			best = i;
		}
	}
	int own_rel = 0;
	if (best == (size_t)-1) {
		int ri = relative_year(c, si, q, y, n);
		own_rel = ri >= 0;
		if (ri < 0)
			ri = attached_relative_year(c, si, q, y, n);
		if (ri >= 0)
			best = (size_t)ri;
	}
	if (best != (size_t)-1) {
		if (!since_span(c, si, all, nq, &y[best], a)) {
			snprintf(a->year, sizeof(a->year), "%s", y[best].text);
			a->year_target = y[best].target;
			a->year_compared = y[best].compared && !own_rel;
			a->year_then = y[best].then;
		}
		a->year_far = !bound && !own_rel && !y[best].target; /* ("bis 2027" dates all a clause plans) */
		return;
	}
	/* a "seit" year that is a point of comparison, in the figure's clause */
	for (i = 0; i < n; i++)
		if (y[i].since &&
		    !at_clause_apart(c->text, y[i].start, y[i].end, q->start, q->end) &&
		    since_span(c, si, all, nq, &y[i], a))
			return;
	if (far_year != (size_t)-1) {
		snprintf(far_text, sizeof(far_text), "%s", y[far_year].text);
		y_far = y[far_year];
		/* "Der Rekord aus dem Vorjahr, 12,2 Milliarden Euro, ist übertroffen": a figure set off
		 * by commas restates the phrase before it, and that phrase's year is its own */
		if (apposition(c, si, q) && y_far.start < q->start) {
			if (!since_span(c, si, all, nq, &y_far, a))
				snprintf(a->year, sizeof(a->year), "%s", far_text);
			return;
		}
		/* "Tokio veranschlagte für das Fiskaljahr 2020 5,07 Billionen Yen, was etwa 0,9 Prozent der
		 * Wirtschaftsleistung entspricht": a clause that restates the one before (was, das, dies)
		 * is of its time, whatever tense it speaks in */
		if (y_far.start < q->start && restating_clause(c, si, q)) {
			snprintf(a->year, sizeof(a->year), "%s", far_text);
			return;
		}
		/* "Für die Fiskaljahre 2022 bis 2026 sind … vorgesehen, im Schnitt rund 211 Milliarden
		 * Yen pro Jahr": a clause without a verb of its own goes on with the figure before, of
		 * the same kind of statement, in its time — before any other sentence's (not "Das 2014
		 * vereinbarte Ziel … erfüllen nur sechs: die USA (3,57 Prozent), …": levels, not the
		 * target) */
		if (y_far.start < q->start && !clause_has_verb(c, si, q) && c->have_prev && c->prev_si == si &&
		    c->prev.status == a->status && c->prev.year[0] && !strcmp(c->prev.year, far_text)) {
			snprintf(a->year, sizeof(a->year), "%s", far_text);
			a->year_far = !y_far.target;
			return;
		}
	}
	/* "hat das Pentagon zuletzt vor langer Zeit beziffert: … Japans 74,5 Prozent, Südkorea 40,0
	 * Prozent": once a sentence has said its time is long past and unnamed, the figures after it
	 * are dated from nowhere else */
	if (!far_text[0])
		for (i = 0; i < n; i++)
			if (!y[i].text[0] && !y[i].baseline && y[i].end <= q->start)
				return;
	/* "… für die Jahre 2022 bis 2026 insgesamt 1,0551 Billionen Yen. Das sind im Schnitt 211
	 * Milliarden Yen pro Jahr": a sentence that opens by restating the figure before ("Das sind",
	 * "Dies entspricht") is of that figure's time */
	/* "… Ägypten (4,34 Milliarden Euro). Es folgen die USA (1,01 Milliarden), die Niederlande (0,56
	 * Milliarden) …": every figure of a sentence that goes on with the list before (grammar.tsv
	 * listnext) is of the time of that list */
	if (c->have_prev && c->prev.year[0] &&
	    ((c->prev_si + 1 == si && restates_before(c, si, q)) ||
	     ((c->prev_si + 1 == si || c->prev_si == si) &&
	      ex_lex_match_after(c->lx, LX_LISTNEXT, ex_skip_space(c->text + c->sent[si].start, c->text + q->start),
				 c->text + q->start, &(size_t){0})))) {
		snprintf(a->year, sizeof(a->year), "%s", c->prev.year);
		a->year_doc = c->prev.year_doc;
		return;
	}
	/* the sentence before, then the one after */
	/* A short report speaks of its own date when it speaks in the present; a long study's
	 * sentences take their time from the context before (tried after the sentences before). */
	if (c->doc->meta.year && c->doc->meta.src >= EX_META_DATELINE && c->doc->len < 20000 &&
	    clause_present(c, si, q)) {
		/* "… seit Januar 2022 auf 132 Milliarden Euro. … 62 Milliarden Euro aus Europa stehen 64
		 * Milliarden gegenüber": a figure of the present right after a sum that runs to now
		 * is part of that sum */
		if (cumulative_before(c, si))
			snprintf(a->year, sizeof(a->year), "%s", c->prev.year);
		else
			snprintf(a->year, sizeof(a->year), "%d", c->doc->meta.year), a->year_doc = 1;
		return;
	}
	/* "1971 zogen die USA rund 20.000 Mann ab, die Stärke sank auf etwa 43.000": a year before
	 * the figure in its own sentence dates it before any sentence back */
	if (far_text[0] && y_far.start < q->start && !y_far.target) {
		if (!since_span(c, si, all, nq, &y_far, a))
			snprintf(a->year, sizeof(a->year), "%s", far_text);
		a->year_far = 1;
		return;
	}
	for (size_t back = 1; back <= 3 && back <= si; back++) {
		const struct cache_slot *psl = at_sentence_info(c, c->sent[si - back].start, c->sent[si - back].end, NULL, 0, AT_YEARS);
		n = psl->ny;
		memcpy(y, psl->y, n * sizeof(*y));
		if (c->sent[si - back].para != c->sent[si].para)
			break;
		for (i = 0; i < n; i++) {
			if (!y[i].text[0] || y[i].text[strlen(y[i].text) - 1] == 's' || y[i].baseline || y[i].compared ||
			    (y[i].target && !at_speaks_of_plan(c->lx, c->text + c->sent[si].start, c->text + c->sent[si].end)) ||
			    attribute_year(c, si - back, &y[i]))
				continue; /* a decade, a baseline, a target or the year of a noun's phrase ("die 1976
					   * eingeführte Regel") in another sentence is scenery */
			snprintf(a->year, sizeof(a->year), "%s", y[i].text);
			a->year_doc = y[i].target ? 0 : 2; /* borrowed, unless the date a plan is to be met by */
			return;
		}
	}
	if (c->doc->meta.year && c->doc->meta.src >= EX_META_DATELINE && clause_present(c, si, q)) {
		snprintf(a->year, sizeof(a->year), "%d", c->doc->meta.year), a->year_doc = 1;
		return;
	}
	if (far_text[0]) {
		/* "seit Januar 2022 auf 132 Milliarden Euro, die der USA auf 114 Milliarden Euro": a sum
		 * since a year in another clause runs to the document's year too */
		if (!since_span(c, si, all, nq, &y_far, a))
			snprintf(a->year, sizeof(a->year), "%s", far_text);
		/* (the date a plan is to be met by reaches a clause without a verb of its own: "bis 2035
		 * … fünf Prozent: 3,5 Prozent für …, 1,5 Prozent für …") */
		a->year_far = !(y_far.target && !clause_has_verb(c, si, q));
		return;
	}
	if (si + 1 < c->nsent && c->sent[si + 1].para == c->sent[si].para) {
		const struct cache_slot *nsl = at_sentence_info(c, c->sent[si + 1].start, c->sent[si + 1].end, NULL, 0, AT_YEARS);
		n = nsl->ny;
		memcpy(y, nsl->y, n * sizeof(*y));
		/* a target or a baseline there is scenery, as for the sentences before */
		if (n && y[0].text[0] && !y[0].baseline &&
		    (!y[0].target || at_speaks_of_plan(c->lx, c->text + c->sent[si].start, c->text + c->sent[si].end))) {
			snprintf(a->year, sizeof(a->year), "%s", y[0].text);
			a->year_doc = y[0].target ? 0 : 2;
			return;
		}
	}
	/* "Der Warenaustausch summierte sich 2024 auf … ¶ Der Anteil Chinas sank damit auf 5,8
	 * Prozent": a figure told in the past that nothing around dates is of the time the text last
	 * dated a figure, a few sentences back, not the document's */
	if (c->have_dated && si - c->dated_si <= 6 && at_tense_of(c->lx, c->text + c->sent[si].start, c->text + c->sent[si].end) < 0) {
		snprintf(a->year, sizeof(a->year), "%s", c->dated_year);
		a->year_doc = 2;
		return;
	}
	if (c->doc->meta.year && c->doc->meta.src >= EX_META_DATELINE)
		snprintf(a->year, sizeof(a->year), "%d", c->doc->meta.year), a->year_doc = 1;
}

/*
 * "Das Bundeskabinett hat den Entwurf für den Bundeshaushalt 2026 beschlossen": an article on a
 * budget names its year in its lead, the first two sentences — a noun of a budget (a cue of the
 * defence or the federal budget: Haushalt, Etat, Bundeshaushalt) and after it in its clause a year
 * that is no baseline, comparison or target ("… für das im April beginnende Fiskaljahr 2023"; not
 * "Ausgaben sollen bis 2027 …"). Planned money and shares of GDP the
 * article gives no year of their own are that budget's ("Der Etat soll auf 82,7 Mrd. Euro
 * steigen"), not of no year; so is money it states in the present when that year is still to come.
 * Read once.
 */
void ex_budget_year(struct ex_ctx *c, struct ex_attr *a, int present)
{
	int federal = a->ind == KZ_I_OTHER && !strcmp(a->detail, "federal_budget");

	if ((a->ind != KZ_I_BUDGET && a->ind != KZ_I_GDP_SHARE && !federal) || !a->year_doc || a->year_compared ||
	    (a->status != KZ_S_PLAN && !(a->status == KZ_S_REPORTED && present)))
		return;
	for (; !c->budget_year[0] && c->budget_upto < c->nsent && c->budget_upto < 2; c->budget_upto++) {
		size_t si = c->budget_upto;
		const struct cache_slot *sl =
			at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_CUES | AT_YEARS);
		for (size_t i = 0; i < sl->nc && !c->budget_year[0]; i++) {
			const char *d = sl->c[i].e->detail;
			if (strcmp(d, "defense_budget") && strcmp(d, "federal_budget"))
				continue;
			for (size_t k = 0; k < sl->ny; k++) {
				const struct yexp *y = &sl->y[k];
				if (y->start < sl->c[i].we || y->start - sl->c[i].we > 100 || y->baseline || y->compared ||
				    y->since || y->target || !y->text[0] || y->text[strlen(y->text) - 1] == 's' ||
				    at_clause_between(c->text, sl->c[i].we, y->start))
					continue;
				snprintf(c->budget_year, sizeof(c->budget_year), "%s", y->text);
				{
					const struct cache_slot *ml =
						at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_MENTIONS);
					for (size_t m = 0; m < ml->nm && !c->budget_who[0]; m++)
						if (ml->m[m].role != R_SOURCE)
							ex_copy(c->budget_who, sizeof(c->budget_who), ml->m[m].code);
				}
				break;
			}
		}
	}
	if (!c->budget_year[0] || (federal && a->status != KZ_S_REPORTED))
		return;
	/* money the text states in the present, in an article on the budget of a year still to come
	 * ("… den Haushalt für 2023 verabschiedet. Der Verteidigungsetat steigt darin auf 57 Billionen
	 * Won", a text of December 2022), is that budget's: a plan for its year (attrib.c) */
	if (a->status == KZ_S_REPORTED &&
	    (strtol(c->budget_year, NULL, 10) <= c->doc->meta.year || strcmp(a->subject, c->budget_who)))
		return; /* (another country's money is not of this budget) */
	snprintf(a->year, sizeof(a->year), "%s", c->budget_year);
	a->year_doc = 0;
}
