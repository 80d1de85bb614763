/*
 * status.c: what kind of statement a figure is (the claims table's `status`), from the status
 * words its sentence holds (sentcues.c reads them once a sentence).
 *
 * Status. Each status word reaches its own clause — a noun only its own phrase, the figures within
 * a few words of it ("das Ziel von 2 Prozent", "eine Obergrenze von 28.500"). A governing verb ("forderte", "plant",
 * "behauptete") reaches on into the clauses after it, up to one that speaks in the text's own
 * voice ("tatsächlich", "bislang": status words of value reported), and back into the clauses
 * before it when it opens its own clause (", forderte Trump"). Of the status words that reach a
 * figure, the nearest wins; a word in the figure's own clause beats one that reaches in from
 * another. Then two rules of German: "soll … geschickt haben" (modal with a perfect infinitive)
 * reports hearsay, not a plan. A clause opened by "so" or "wie" is an aside on the clauses before
 * it (", so die Prognose der Kieler Forscher"); a clause opened by a restating word ("umgerechnet",
 * "also") belongs to the clause before it.
 *
 * Source: who the text says a figure comes from is found in originator.c from the cite words
 * the sentence reading collects.
 */
#include "attrib_int.h"

#include <stdlib.h>
#include <string.h>

/* How far a status noun reaches from its figure, in bytes: "eine Untergrenze von 28.500 Soldaten". */
#define EX_NOUN_REACH 40

/* Does a verb that gives a noun its figure (status.tsv measure: liegt, beträgt) stand between the
 * noun at from and the figure at to? */
static int measured(const struct ex_ctx *c, size_t from, size_t to)
{
	const char *s = c->text + from, *e = c->text + to, *p = s, *w;

	while ((w = ex_next_word(s, &p, e)) != NULL)
		if (ex_lex_word(c->lx, LX_MEASURE, w, (size_t)(p - w)))
			return 1;
	return 0;
}

/* Does a clause in (from, to] speak in the text's own voice (a status word of value reported), or
 * is it a statement of its own (a main clause with its finite verb)? */
static int own_voice_between(const struct ex_sentence_cues *sc, size_t from, size_t to)
{
	for (size_t k = from + 1; k <= to && k < sc->nclause; k++)
		if (sc->main_clause[k])
			return 1;
	for (size_t i = 0; i < sc->ncue; i++) {
		size_t cl = ex_clause_of(sc, sc->cue[i].pos);
		if (sc->cue[i].status == KZ_S_REPORTED && cl > from && cl <= to)
			return 1;
	}
	return 0;
}

/* Is a perfect infinitive (a participle, then haben or sein) in the clause of pos, after it? */
static int perfect_infinitive(const struct ex_ctx *c, const struct ex_sentence_cues *sc, size_t pos)
{
	size_t cl = ex_clause_of(sc, pos);
	size_t e = cl + 1 < sc->nclause ? sc->clause[cl + 1] : c->sent[sc->si].end;
	const char *t = c->text, *p = t + pos, *end = t + e, *w;
	static const char *const aux[] = {"haben", "sein", "worden", NULL};

	while ((w = ex_next_word(t + pos, &p, end)) != NULL)
		if (ex_word_in(w, (size_t)(p - w), aux))
			return 1;
	return 0;
}

/* "soll von 2,5 auf 2,9 Prozent steigen", "von 43,9 Milliarden Euro in diesem Jahr auf 47,2
 * Milliarden": is q, after "von" (the word [w, we) before it), the start of a change whose end is
 * a figure after "auf" in its clause? */
static int change_start(const struct ex_ctx *c, size_t si, const struct ex_qty *q, const char *w, const char *we)
{
	const char *t = c->text, *e = t + c->sent[si].end, *p, *x, *v;

	if (we <= w || !(lower_word(w, (size_t)(we - w), "von") || lower_word(w, (size_t)(we - w), "vom")))
		return 0;
	for (p = t + q->end, x = p; (v = ex_next_word(p, &x, e)) != NULL;) {
		if (memchr(p, ',', (size_t)(v - p)) || memchr(p, ';', (size_t)(v - p)))
			return 0; /* (the clause ended) */
		if (x - v == 3 && !memcmp(v, "auf", 3)) {
			const char *f = ex_skip_space(x, e);
			for (size_t i = 0; i < c->ncur; i++)
				if (t + c->cur[i].start == f)
					return 1;
		}
		p = x;
	}
	return 0;
}

/*
 * Is the figure a current value, whatever its clause plans? An adverb of the present right before
 * it ("von derzeit rund 34.500 auf 25.000", data/status.tsv `current`) or the point it is compared
 * with ("82,7 Milliarden …, nach 62,4 Milliarden im laufenden Jahr"), or the whole of which the
 * figure before it is a part ("11.900 der etwa 36.000 stationierten Soldaten", "4.500 von
 * 28.500").
 */
int ex_current_value(const struct ex_ctx *c, size_t si, const struct ex_qty *q)
{
	const char *s = c->text + c->sent[si].start, *p = c->text + q->start, *w, *we;

	w = ex_word_back(s, p, &we);
	if (we > w && ex_lex_word_ci(c->lx, LX_CURRENT, w, (size_t)(we - w)))
		return 1;
	if (change_start(c, si, q, w, we))
		return 1;
	return ex_partitive_total(c, si, q);
}

/* "11.900 der etwa 36.000 stationierten Soldaten", "knapp 12.000 der damals etwa 36.000": is q the
 * total a figure right before it (and "der" or "von", an adverb of time between) is a part of? */
int ex_partitive_total(const struct ex_ctx *c, size_t si, const struct ex_qty *q)
{
	const char *s = c->text + c->sent[si].start, *p = c->text + q->start, *w, *we;

	w = ex_word_back(s, p, &we);
	if (we > w && ex_lex_word_ci(c->lx, LX_CURRENT, w, (size_t)(we - w)))
		w = ex_word_back(s, w, &we);
	if (we > w && (lower_word(w, (size_t)(we - w), "der") || lower_word(w, (size_t)(we - w), "von")) && c->have_prev && c->prev_si == si &&
	    c->prev_end <= (size_t)(w - c->text)) {
		const char *g = c->text + c->prev_end;
		while (g < w && (*g == ' ' || *g == '\n'))
			g++;
		return g == w;
	}
	return 0;
}

/* Does the noun cue h end the clause before clause k, but for up to two lower-case words ("Ziel
 * ist es, …", "hat das Ziel ausgegeben, …")? */
static int noun_opens_clause(const struct ex_ctx *c, const struct ex_sentence_cues *sc,
			     const struct ex_status_cue *h, size_t k)
{
	const char *t = c->text, *w = t + h->pos, *b = t + sc->clause[k];
	const char *we = ex_word_end(w, b), *x = we, *v;
	int words = 0;

	while (b > we && (b[-1] == ' ' || b[-1] == ','))
		b--;
	while ((v = ex_next_word(we, &x, b)) != NULL)
		if (++words > 2 || !(*v >= 'a' && *v <= 'z'))
			return 0;
	return x >= b || words == 0 ? 1 : 0;
}

/* Does clause k of the sentence name what something costs or is worth (status.tsv cost:
 * "Die Kosten schätzt die Regierung auf …", "den Wert des Pakets auf … taxiert")? */
static int cost_in_clause(const struct ex_ctx *c, const struct ex_sentence_cues *sc, size_t k)
{
	size_t a = sc->clause[k], b = k + 1 < sc->nclause ? sc->clause[k + 1] : c->sent[sc->si].end;
	const struct ex_words *ws = ex_words_of(c, c->sent[sc->si].start, c->sent[sc->si].end);

	for (size_t i = 0; i < ws->n; i++) {
		const char *w = c->text + ws->w[i].start;
		size_t n = ws->w[i].end - ws->w[i].start;
		if (ws->w[i].start < a || ws->w[i].start >= b || !ex_upper_at(w, w + n))
			continue;
		if (ex_lex_word(c->lx, LX_COST, w, n) || ex_lex_suffix(c->lx, LX_COST, w, n))
			return 1;
	}
	return 0;
}


/* Is clause fc of sentence si without a finite verb, and does clause fc + 1 open with one ("…,
 * rund 16,9 Billionen Won, ist für … vorgesehen")? */
static int verbless_before_verb(const struct ex_ctx *c, size_t si, const struct ex_sentence_cues *sc, size_t fc)
{
	const char *t = c->text, *a = t + sc->clause[fc], *b = t + sc->clause[fc + 1];
	const char *e = fc + 2 < sc->nclause ? t + sc->clause[fc + 2] : t + c->sent[si].end;
	const char *w = ex_skip_space(b, e), *we = ex_word_end(w, e);

	if (fc == 0 || we <= w || !(*w >= 'a' && *w <= 'z') || at_tense_of(c->lx, a, b))
		return 0;
	return at_tense_of(c->lx, w, we) != 0;
}

void ex_status(struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_sentence_cues *sc,
	       struct ex_attr *a)
{
	size_t fc, best = (size_t)-1, bestd = (size_t)-1, gov = (size_t)-1;
	int costed = -1; /* money whose clause names a cost: not yet asked */

	ex_sentence_cues(c, si, sc);
	fc = ex_clause_of(sc, q->start);
	/* "Gut ein Drittel des Geldes, rund 16,9 Billionen Won, ist für neue Waffen vorgesehen": a
	 * clause without a verb of its own, right before one that opens with its verb, is the subject
	 * of that verb — the status words of that clause reach it */
	int apposition = -1; /* (read only when a status word of the next clause asks) */
	for (size_t i = 0; i < sc->ncue; i++) {
		const struct ex_status_cue *h = &sc->cue[i];
		size_t cl = ex_clause_of(sc, h->pos), d = h->pos > q->start ? h->pos - q->start : q->start - h->pos;
		/* a verb of estimating makes a forecast of money beside a word of cost only ("Die Kosten
		 * schätzt die Regierung auf etwa 1,5 Milliarden Euro"); a count it estimates is reported */
		if (h->estimate) {
			if (costed < 0)
				costed = ex_is_currency(q->unit) && cost_in_clause(c, sc, fc);
			if (!costed && h->status == KZ_S_FORECAST)
				continue;
		}
		/* "das Ziel von 2 Prozent", "Zwei-Prozent-Ziel", "eine Obergrenze von 28.500": a noun reaches
		 * the figure of its own phrase, not every figure of the clause ("2,12 Prozent … und damit
		 * das Ziel erreichen" states a level) */
		int reach = cl == fc && (!h->noun || d <= EX_NOUN_REACH || (h->pos < q->start && measured(c, h->pos, q->start)));
		/* "verfehlte mit 1,4 Prozent das Nato-Ziel von zwei Prozent": a figure before a goal's noun,
		 * in a clause with a verb of meeting or missing it (grammar.tsv meetverb), is the level
		 * that meets or misses it */
		if (reach && h->noun && h->status == KZ_S_TARGET && h->pos >= q->end && ex_clause_has_stem(c, sc, fc, LX_MEETVERB))
			reach = 0;
		if (!reach && sc->relative[fc])
			continue;
		if (!reach && h->governs && fc > cl)
			reach = !own_voice_between(sc, cl, fc);
		if (!reach && cl == fc + 1) {
			if (apposition < 0)
				apposition = verbless_before_verb(c, si, sc, fc);
			reach = apposition;
		}
		if (!reach && fc < cl && ((h->governs && h->opens) || h->aside))
			reach = !own_voice_between(sc, fc, cl - 1);
		/* "der Abzug von knapp 12.000 Soldaten, den Trump angeordnet hatte": the verb of a
		 * relative clause on the figure's noun phrase (the figure right before its comma)
		 * says what kind of thing that phrase is */
		if (!reach && !h->noun && cl == fc + 1 && sc->relative[cl] && q->end <= sc->clause[cl] &&
		    sc->clause[cl] - q->end <= 16)
			reach = 1;
		/* "das Ziel, mindestens zwei Prozent … auszugeben": a noun reaches the infinitive clause
		 * that follows it right after a comma */
		if (!reach && h->noun && fc == cl + 1 && !sc->main_clause[fc] && noun_opens_clause(c, sc, h, fc))
			reach = 1;
		if (!reach)
			continue;
		if ((h->governs || cl == fc) && (h->status == KZ_S_DEMAND || h->status == KZ_S_CLAIM) && gov == (size_t)-1)
			gov = i;
		if (h->aside && cl != fc)
			d = 0; /* ", so die Prognose der …": the frame of the whole statement */
		else if (cl != fc)
			d += 1u << 20; /* a word of the figure's own clause comes first */
		if (d < bestd) {
			bestd = d;
			best = i;
		}
	}
	a->status = KZ_S_REPORTED;
	if (best == (size_t)-1)
		return;
	/* "Die Verbündeten sollten ihre Ausgaben auf vier Prozent anheben, verlangte Trump", "Fünf
	 * Milliarden Dollar soll Südkorea nach dem Willen Trumps zahlen": a modal of the figure's clause
	 * reports the demand or claim of its own clause or of the verb that governs it */
	if (gov != (size_t)-1 && sc->cue[best].status == KZ_S_PLAN &&
	    (sc->cue[best].hearsay || ex_clause_of(sc, sc->cue[gov].pos) == ex_clause_of(sc, sc->cue[best].pos)))
		best = gov; /* (and "Trump will die Gastländer 150 Prozent zahlen lassen": one wants what one demands) */
	a->status = (enum kz_status)sc->cue[best].status;
	/* "sagten die USA bis Ende Februar insgesamt 42,2 Milliarden Euro zu": pledges counted up to a
	 * date (status.tsv tally: insgesamt, bisher, seit) are a tally, reported; one pledge is a plan */
	if (sc->cue[best].pledge && ex_sentence_has(c, si, LX_TALLY, 0))
		a->status = KZ_S_REPORTED;
	if (sc->cue[best].estimate && costed == 1)
		a->status = KZ_S_FORECAST; /* "den Wert des Geschäfts auf 7,2 Milliarden Dollar veranschlagt" */
	a->status_pos = sc->cue[best].pos;
	a->status_settled = sc->cue[best].settled;
	a->status_budgeted = sc->cue[best].budgeted;
	a->status_pledge = sc->cue[best].pledge;
	a->status_ought = sc->cue[best].ought;
	/* "Nordkorea soll 12.000 Soldaten geschickt haben": hearsay, reported */
	if (a->status == KZ_S_PLAN && sc->cue[best].hearsay && perfect_infinitive(c, sc, sc->cue[best].pos))
		a->status = KZ_S_REPORTED;
	if ((a->status != KZ_S_CLAIM || sc->cue[best].option) && ex_current_value(c, si, q))
		a->status = KZ_S_REPORTED;
}
