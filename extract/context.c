/*
 * context.c: what the words around a figure say of whom it is about, once who.c, frames.c and
 * when.c have read its own clause. Each rule reads the figure's sentence (and the one before)
 * for one construction and changes subject, partner or detail only when it finds it:
 *   "das Land", "des Landes" before the figure: the country spoken of last (the_country);
 *   "mit dem Nachbarland": the country named last before it, other than the subject (the_neighbour);
 *   troops "im Land": in the country named last, other than whose they are (in_the_country);
 *   troops withdrawn "aus" a country: that country is where they were (left_place);
 *   a clause without a verb of its own, or one that only restates ("2022 waren es …"), continues
 *   the figure before it (elided_clause), and a change there is that figure's (change_of_before);
 *   a trade share's owner and partner from the words around it (tradectx.c, at_trade_context);
 *   money for "die Kosten für die US-Soldaten": host-nation support, the US its partner (costs_of_forces);
 *   money of no kind one side of the forces counted last pays concerns the other (presence_money);
 *   a clause opened by words of a part: part of the total before it (part_of_total);
 *   a target share of GDP the alliance set is the alliance's (alliance_target);
 *   ", was etwa 0,1 Prozent des BIP entspricht" after money: that money's share (share_of_money_before);
 *   troops at a place inside a country are a part of the force there (at_troops_inside, run by
 *   ex_attribute once the troops' detail is final);
 *   a relative clause that places troops — after a country with a word of stationing, "an
 *   Washington gebunden, das rund 55.000 Soldaten in Japan stationiert hat", or right after the
 *   figure, "Von den 54.000 US-Soldaten, die in Japan dienen" (at_stationed_by_antecedent,
 *   at_placed_by_relative, run by who.c before it looks for a place in the sentences before).
 */
#include "attrib_int.h"

#include <stdio.h>
#include <string.h>

/*
 * "Das Land gibt 2,3 Prozent seiner Wirtschaftsleistung aus", "die NATO kam für das Land auf 4,12
 * Prozent": "das Land" in the figure's clause, before it, is the country the text spoke of last —
 * the one the sentence before names bare, its subject, else the subject of the figure before, in
 * this sentence or the one before (grammar.tsv anaphor).
 */
/* The country sentence k names bare — no preposition, genitive, adjective or prefix, no originator
 * or organisation — the sentence's subject, if it names one such ("Mit einer Grenze zu Russland
 * gilt Finnland als Frontstaat der Nato": FI); else NULL. */
static const char *bare_country(const struct ex_ctx *c, size_t k)
{
	const struct cache_slot *sl = at_sentence_info(c, c->sent[k].start, c->sent[k].end, NULL, 0, AT_MENTIONS);
	const char *one = NULL;

	for (size_t i = 0; i < sl->nm; i++) {
		const struct mention *m = &sl->m[i];
		if (m->prep[0] || m->role != R_NONE || (m->flags & (LXF_GEN | LXF_ADJ | LXF_PREFIX | LXF_ORG | LXF_PERSON)) ||
		    !strcmp(m->code, "NATO") || !strcmp(m->code, "EU"))
			continue;
		if (one && strcmp(one, m->code))
			return NULL; /* two: which one the text goes on with is not told */
		one = m->code;
	}
	return one;
}

static void the_country(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const char *s = c->text + c->sent[si].start, *p = c->text + q->start, *x = p, *w, *we;
	const char *spoken = NULL;
	int found = 0;

	if (!a->subj_near && si > 0 && c->sent[si - 1].para == c->sent[si].para &&
	    (a->ind == KZ_I_GDP_SHARE || a->ind == KZ_I_BUDGET || a->ind == KZ_I_TROOPS))
		spoken = bare_country(c, si - 1);
	if (!spoken && c->have_prev && c->prev_si + 1 >= si && strcmp(c->prev.subject, "NATO") && strcmp(c->prev.subject, "EU"))
		spoken = c->prev.subject; /* (an alliance is never "das Land") */
	if (a->subj_near || !spoken || !spoken[0] || !strcmp(spoken, a->subject) ||
	    (a->ind != KZ_I_GDP_SHARE && a->ind != KZ_I_BUDGET && a->ind != KZ_I_TROOPS))
		return;
	/* back through the figure's clause */
	for (int words = 0; words < 12 && !found; words++) {
		w = ex_word_back(s, x, &we);
		if (w == we && w > s && at_digit(w[-1])) {
			/* a year between ("kam das Land 2024 auf …"): over it */
			while (w > s && (at_digit(w[-1]) || w[-1] == '.'))
				w--;
			x = w;
			continue;
		}
		if (w == we)
			break;
		for (const char *g = we; g < x; g++)
			if (*g == ',' || *g == ';' || *g == ':')
				return;
		if (ex_lex_word_ci(c->lx, LX_ANAPHOR, w, (size_t)(we - w))) {
			const char *aw, *awe = w;
			aw = ex_word_back(s, w, &awe);
			found = aw < awe && (lower_word(aw, (size_t)(awe - aw), "das") || lower_word(aw, (size_t)(awe - aw), "des") ||
					     lower_word(aw, (size_t)(awe - aw), "dem"));
		}
		x = w;
	}
	if (!found)
		return;
	snprintf(a->subject, sizeof(a->subject), "%s", spoken);
	if (!strcmp(a->partner, a->subject))
		a->partner[0] = '\0';
}

/* The partner an anaphor at byte at of sentence si stands for: the country named last before it, in
 * its sentence or up to back sentences before — not the subject, an originator's phrase, a mention
 * with a flag of skip, nor (no_alliance) NATO or the EU. Sets a->partner when there is one. */
static void named_last(const struct ex_ctx *c, size_t si, size_t at, size_t back_max, int skip, int no_alliance,
		       struct ex_attr *a)
{
	for (size_t back = 0; back <= back_max && back <= si; back++) {
		const struct cache_slot *sl =
			at_sentence_info(c, c->sent[si - back].start, c->sent[si - back].end, NULL, 0, AT_MENTIONS);
		const struct mention *last = NULL;
		for (size_t k = 0; k < sl->nm; k++)
			if ((back || sl->m[k].end <= at) && strcmp(sl->m[k].code, a->subject) && !(sl->m[k].flags & skip) &&
			    sl->m[k].role != R_SOURCE &&
			    !(no_alliance && (!strcmp(sl->m[k].code, "EU") || !strcmp(sl->m[k].code, "NATO"))))
				last = &sl->m[k];
		if (last) {
			snprintf(a->partner, sizeof(a->partner), "%s", last->code);
			return;
		}
	}
}

/*
 * "China bleibt der Rettungsanker: Nordkorea wickelt über 95 Prozent seines Außenhandels mit dem
 * Nachbarland ab": a noun for a neighbour (grammar.tsv anaphor 'neighbour') after a preposition
 * of a partner and an article, in the figure's sentence, is the country that sentence or the one
 * before named last before it, other than the figure's subject.
 */
static void the_neighbour(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const char *s = c->text + c->sent[si].start, *e = c->text + c->sent[si].end, *p = s, *w;
	const struct ex_lex_entry *an = NULL;
	size_t at = 0;

	if (a->partner[0] || !a->subject[0] ||
	    (a->ind != KZ_I_TRADE_SHARE && a->ind != KZ_I_TROOPS && a->ind != KZ_I_BUDGET))
		return;
	for (const char *pw = NULL, *ppw = NULL, *pwe = NULL, *ppwe = NULL; (w = ex_next_word(s, &p, e)) != NULL;
	     ppw = pw, ppwe = pwe, pw = w, pwe = p) {
		const struct ex_lex_entry *r;
		if (!ppw || !(an = ex_lex_word(c->lx, LX_ANAPHOR, w, (size_t)(p - w))) || strcmp(an->value, "neighbour"))
			continue;
		r = ex_lex_word_ci(c->lx, LX_ROLE, ppw, (size_t)(ppwe - ppw));
		if (r && !strcmp(r->value, "partner") && (lower_word(pw, (size_t)(pwe - pw), "dem") ||
							  lower_word(pw, (size_t)(pwe - pw), "den") ||
							  lower_word(pw, (size_t)(pwe - pw), "des"))) {
			at = (size_t)(w - c->text);
			break;
		}
	}
	if (!at || at_clause_apart(c->text, at, at + 1, q->start, q->end))
		return;
	named_last(c, si, at, 1, LXF_ORG, 0, a);
}

/*
 * "Im Land sind gut 18 000 US-Soldaten stationiert", "die Zahl der amerikanischen Soldaten im
 * Land": troops "im Land" (a preposition of place, grammar.tsv role loc, before an anaphor of a
 * country) are in the country the text named last — in this sentence before the word, else in
 * the two before — other than whose they are.
 */
static void in_the_country(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const char *s = c->text + c->sent[si].start, *e = c->text + c->sent[si].end, *p = s, *w;
	size_t at = 0;

	if (a->partner[0] || !a->subject[0])
		return;
	for (const char *pw = NULL, *ppw = NULL, *pwe = NULL, *ppwe = NULL; (w = ex_next_word(s, &p, e)) != NULL;
	     ppw = pw, ppwe = pwe, pw = w, pwe = p) {
		const struct ex_lex_entry *an = ex_lex_word(c->lx, LX_ANAPHOR, w, (size_t)(p - w)), *r;
		if (!an || strcmp(an->value, "-") || !pw)
			continue;
		r = ex_lex_word_ci(c->lx, LX_ROLE, pw, (size_t)(pwe - pw));
		if (r && !strcmp(r->value, "loc") && lower_word(pw, (size_t)(pwe - pw), "im")) {
			at = (size_t)(w - c->text);
			break;
		}
		if (ppw && (lower_word(pw, (size_t)(pwe - pw), "dem") || lower_word(pw, (size_t)(pwe - pw), "diesem")) &&
		    (r = ex_lex_word_ci(c->lx, LX_ROLE, ppw, (size_t)(ppwe - ppw))) != NULL && !strcmp(r->value, "loc")) {
			at = (size_t)(w - c->text);
			break;
		}
	}
	if (!at || at_clause_apart(c->text, at, at + 1, q->start, q->end))
		return;
	named_last(c, si, at, 2, LXF_ORG | LXF_PERSON, 1, a);
}

/*
 * "Trump wolle 9.500 Soldaten aus Deutschland abziehen": troops withdrawn or moved "aus" a country
 * leave it — it is where they were, not whose they are (as in "50 000 Soldaten aus Südkorea").
 * Whose they are: the country of a leader the sentence names (a person's country), else the one
 * the document last counted there, else none is named.
 */
static void left_place(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const struct cache_slot *sl;
	const struct mention *from = NULL;
	const char *owner = NULL;

	if (strcmp(a->detail, "withdrawal") && strcmp(a->detail, "relocation"))
		return;
	sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_MENTIONS);
	for (size_t i = 0; i < sl->nm && !from; i++)
		if ((!strcmp(sl->m[i].code, a->subject) || (!a->subject[0] && !strcmp(sl->m[i].code, a->partner))) &&
		    !strcmp(sl->m[i].prep, "aus") && sl->m[i].start >= q->end &&
		    !at_clause_apart(c->text, q->start, q->end, sl->m[i].start, sl->m[i].end))
			from = &sl->m[i];
	if (!from || (a->partner[0] && strcmp(a->partner, from->code)))
		return;
	for (size_t i = 0; i < sl->nm && !owner; i++)
		if ((sl->m[i].flags & LXF_PERSON) && strcmp(sl->m[i].code, from->code))
			owner = sl->m[i].code;
	if (!owner && c->have_troops_where && !strcmp(c->troops_where, from->code))
		owner = c->troops_where_subject;
	snprintf(a->partner, sizeof(a->partner), "%s", from->code);
	snprintf(a->subject, sizeof(a->subject), "%s", owner ? owner : "");
}

/*
 * "das Zwei-Prozent-Ziel", "die Nato-Vorgabe von zwei Prozent": a target share of GDP the
 * alliance set is the alliance's, whoever the sentence says meets it — when the figure is part of
 * the target's compound or the sentence names the alliance, and no country stands with the
 * figure itself, nor intends it (own_intent).
 */
/* "Kanada will das Nato-Ziel von zwei Prozent … erreichen", "Regierungschef Kristen Michal strebt ab
 * 2026 mindestens fünf Prozent an": a target the figure's clause says a country intends — a verb of
 * intent (a plan's or a target's, no noun) in that clause, and that country named bare before it,
 * or a head of government by office and name opening the sentence — is that country's own: the
 * country's code (the figure's subject, or the one named), else NULL. */
static const char *own_intent(const struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct ex_attr *a,
			      const struct cache_slot *sl)
{
	const struct ex_sentence_cues *sc = c->cues;
	int alliance = !strcmp(a->subject, "NATO") || !strcmp(a->subject, "EU");
	size_t k, at = (size_t)-1;

	if (!sc || !sc->valid || sc->si != si)
		return NULL;
	k = ex_clause_of(sc, q->start);
	/* (or in the clause before, when the figure's is its infinitive: "will … das Nato-Ziel
	 * erreichen, zwei Prozent … auszugeben") */
	for (size_t pass = 0; pass < 2 && at == (size_t)-1; pass++) {
		if (pass == 1 && (k == 0 || sc->main_clause[k]))
			break;
		for (size_t i = 0; i < sc->ncue && at == (size_t)-1; i++)
			if (!sc->cue[i].noun && (sc->cue[i].status == KZ_S_PLAN || sc->cue[i].status == KZ_S_TARGET) &&
			    ex_clause_of(sc, sc->cue[i].pos) == k - pass)
				at = sc->cue[i].pos;
	}
	if (at == (size_t)-1)
		return NULL;
	k = ex_clause_of(sc, at);
	/* (a government body by its country's name counts: "Die Bundesregierung will …"; so does the
	 * subject right after the verb: "Zusammengerechnet will die Bundesregierung …") */
	{
		const char *ve = ex_word_end(c->text + at, c->text + c->sent[si].end);
		for (size_t i = 0; i < sl->nm; i++) {
			const struct mention *m = &sl->m[i];
			if (m->start >= at && (m->start < (size_t)(ve - c->text) || m->start - (size_t)(ve - c->text) > 6))
				continue;
			if (m->role == R_NONE && !(m->flags & (LXF_ADJ | LXF_PREFIX | LXF_GEN)) &&
			    ex_clause_of(sc, m->start) == k && strcmp(m->code, "NATO") && strcmp(m->code, "EU") &&
			    (alliance || !strcmp(m->code, a->subject)))
				return m->code;
		}
	}
	if (!alliance && a->subject[0]) {
		char who[48];
		const char *s = c->text + c->sent[si].start;
		if (ex_titled_name(c->lx, s, s, c->text + q->start, 1, who, sizeof(who)))
			return a->subject;
	}
	return NULL;
}

static void alliance_target(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const struct cache_slot *sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_MENTIONS);
	const char *e = c->text + c->sent[si].end, *w = c->text + q->end;
	int nato = 0, compound = w < e && *w == '-';

	const char *own = own_intent(c, si, q, a, sl);

	if (own) {
		if (strcmp(own, a->subject)) {
			snprintf(a->subject, sizeof(a->subject), "%s", own);
			a->partner[0] = '\0';
		}
		return;
	}
	if (a->subj_near)
		return;
	for (size_t i = 0; i < sl->nm && !nato; i++)
		nato = !strcmp(sl->m[i].code, "NATO");
	/* "Das bisherige Ziel von 2 Prozent war 2014 beschlossen worden" in a text that spoke of the
	 * alliance before: its target too */
	if (!nato && c->sent[si].start > 0)
		nato = c->nato_at != (size_t)-1 && c->nato_at + 4 <= c->sent[si].start;
	if (nato || compound) {
		snprintf(a->subject, sizeof(a->subject), "NATO");
		a->partner[0] = '\0';
	}
}

/* Does [a, b) hold a year and then a copula and "es" next to each other ("2022 waren es", "2019
 * sind es"): a verb that only restates the figure before for another year? */
static int copula_es(const struct ex_ctx *c, const char *a, const char *b)
{
	const char *p = a, *w, *pw = NULL, *pwe = NULL;

	while ((w = ex_next_word(a, &p, b)) != NULL) {
		if (pw && (lower_word(w, (size_t)(p - w), "es") || lower_word(pw, (size_t)(pwe - pw), "es"))) {
			const char *x = lower_word(w, (size_t)(p - w), "es") ? pw : w;
			const char *xe = x == w ? p : pwe;
			const struct ex_lex_entry *r = ex_lex_word_ci(c->lx, LX_ROLE, x, (size_t)(xe - x));
			int year = 0;
			for (const char *y = a; y + 4 <= pw && !year; y++)
				year = (y[0] == '1' || y[0] == '2') && y[1] >= '0' && y[1] <= '9' && y[2] >= '0' &&
				       y[2] <= '9' && y[3] >= '0' && y[3] <= '9' && (y == a || y[-1] < '0' || y[-1] > '9') &&
				       (y + 4 == b || y[4] < '0' || y[4] > '9');
			if (year && r && !strcmp(r->value, "copula"))
				return 1;
		}
		pw = w;
		pwe = p;
	}
	return 0;
}

/*
 * "Südkorea zahlt 2026 rund 1,5 Billionen Won für die US-Truppen, 8,3 Prozent mehr als 2025": a
 * change in a clause without a verb and without a country of its own, right after an amount or
 * share of the same sentence, is that figure's change — its subject, partner, detail and status.
 */
static void change_of_before(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const char *s = c->text + c->sent[si].start, *e = c->text + c->sent[si].end;
	const char *a0 = c->text + q->start, *b0 = c->text + q->end;
	const struct cache_slot *sl;
	/* "zahlt Seoul 1,5192 Billionen Won für die rund 28.500 … Soldaten, 8,3 Prozent mehr": the
	 * sentence's money is what changes, not the troops it pays for */
	const struct ex_attr *ref = c->have_prev && c->prev.ind == KZ_I_TROOPS && c->have_money && c->money_si == si
					    ? &c->money
					    : &c->prev;

	if (a->ind != KZ_I_CHANGE || !c->have_prev || c->prev_si != si || ref->ind == KZ_I_CHANGE ||
	    ref->ind == KZ_I_OTHER || !ref->subject[0] || !at_clause_between(c->text, c->prev_end, q->start))
		return;
	while (a0 > s && a0[-1] != ',' && a0[-1] != ';')
		a0--;
	while (b0 < e && *b0 != ',' && *b0 != ';')
		b0++;
	/* the clause comes right after the clause of the figure before, and has no verb */
	for (const char *x = c->text + c->prev_end; x + 1 < a0; x++)
		if (*x == ',' || *x == ';')
			return;
	if (at_tense_of(c->lx, a0, b0))
		return;
	sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_MENTIONS);
	for (size_t i = 0; i < sl->nm; i++)
		if (sl->m[i].start >= (size_t)(a0 - c->text) && sl->m[i].end <= (size_t)(b0 - c->text))
			return;
	snprintf(a->subject, sizeof(a->subject), "%s", ref->subject);
	snprintf(a->partner, sizeof(a->partner), "%s", ref->partner);
	if (!a->detail[0])
		at_set_detail(a, ref->detail);
	if (a->status == KZ_S_REPORTED)
		a->status = ref->status;
}

/*
 * "Südkorea beteiligt sich mit knapp 1,1 Milliarden Dollar an den Kosten für die 28.500
 * US-Soldaten", "… an den Kosten der amerikanischen Truppen": money of no kind whose clause names
 * the costs (status.tsv cost: "Kosten") of another country's forces (a troop noun with its prefix or
 * adjective), or is given "für" them, is host-nation support paid for them — that country is the
 * partner.
 */
static void costs_of_forces(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const struct ex_words *ws;
	const struct cache_slot *sl;
	size_t at = 0;

	if (a->ind != KZ_I_BUDGET || (a->detail[0] && strcmp(a->detail, "infrastructure")) || a->partner[0] || !a->subject[0] || !ex_is_currency(q->unit))
		return;
	ws = ex_words_of(c, c->sent[si].start, c->sent[si].end);
	for (size_t i = 0; i < ws->n && !at; i++) {
		const char *w = c->text + ws->w[i].start;
		size_t n = ws->w[i].end - ws->w[i].start;
		/* (or a preposition of whom it is for, grammar.tsv role for: "Für die in Japan
		 * stationierten US-Streitkräfte stellt Tokio 211 Milliarden Yen bereit") */
		const struct ex_lex_entry *r = ex_lex_word_ci(c->lx, LX_ROLE, w, n);
		if (((!strncmp(w, "Kosten", 6) && n == 6 && ex_lex_word(c->lx, LX_COST, w, n)) || (r && !strcmp(r->value, "for"))) &&
		    !at_clause_apart(c->text, ws->w[i].start, ws->w[i].end, q->start, q->end))
			at = ws->w[i].end;
	}
	if (!at)
		return;
	sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_MENTIONS);
	for (size_t k = 0; k < sl->nm; k++) {
		const struct mention *m = &sl->m[k];
		if (m->start < at || m->start - at > 60 || !strcmp(m->code, a->subject) ||
		    at_clause_between(c->text, at, m->start) || !at_mention_forces(c, m, c->sent[si].end))
			continue;
		at_set_detail(a, "host_nation_support");
		snprintf(a->partner, sizeof(a->partner), "%s", m->code);
		return;
	}
}

/*
 * "2021 hatte China noch gut 25 Prozent der südkoreanischen Ausfuhren abgenommen, im Rekordjahr
 * 2018 sogar 26,8 Prozent": a clause without a verb and without a country continues the figure
 * before it in the sentence — its subject and partner are that figure's.
 */
static void elided_clause(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const char *s = c->text + c->sent[si].start, *e = c->text + c->sent[si].end;
	const char *a0 = c->text + q->start, *b0 = c->text + q->end;
	const struct cache_slot *sl;
	int es = 0;

	if (!c->have_prev || c->prev_si != si || c->prev.ind != a->ind || !c->prev.partner[0] ||
	    !at_clause_between(c->text, c->prev_end, q->start))
		return;
	/* the clause: back and forward to , ; or a dash between spaces */
	while (a0 > s && !(a0[-1] == ',' || a0[-1] == ';') &&
	       !(a0 - s >= 4 && a0[-1] == ' ' && (unsigned char)a0[-4] == 0xE2 && (unsigned char)a0[-3] == 0x80 &&
		 ((unsigned char)a0[-2] == 0x93 || (unsigned char)a0[-2] == 0x94)))
		a0--;
	while (b0 < e && *b0 != ',' && *b0 != ';' &&
	       !(e - b0 >= 4 && *b0 == ' ' && (unsigned char)b0[1] == 0xE2 && (unsigned char)b0[2] == 0x80 &&
		 ((unsigned char)b0[3] == 0x93 || (unsigned char)b0[3] == 0x94)))
		b0++;
	if (at_tense_of(c->lx, a0, b0) && !(es = copula_es(c, a0, b0)))
		return; /* a verb of its own: a statement of its own ("2022 waren es 96,7 Prozent" is none) */
	/* "dazu 90 Millionen Dollar für Partner in Afrika": a receiver of its own, if no country; a
	 * restating clause may name it before the figure ("bei den Einfuhren aus Japan waren es …") */
	for (const char *x = es ? a0 : c->text + q->end, *w; (w = ex_next_word(x, &x, b0)) != NULL;) {
		const struct ex_lex_entry *r = ex_lex_word_ci(c->lx, LX_ROLE, w, (size_t)(x - w));
		if (r && (!strcmp(r->value, "for") || !strcmp(r->value, "to") || !strcmp(r->value, "partner") ||
			  !strcmp(r->value, "loc")))
			return;
	}
	sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_MENTIONS);
	{
		const struct mention *own = NULL;
		int nown = 0;
		for (size_t i = 0; i < sl->nm; i++)
			if (sl->m[i].start >= (size_t)(a0 - c->text) && sl->m[i].end <= (size_t)(b0 - c->text)) {
				own = &sl->m[i];
				nown++;
			}
		/* "… in Deutschland stationiert – mehr als in jedem anderen Land außer Japan mit etwa
		 * 55.000": troops of the same force, the one country of the clause is where they are */
		if (nown == 1 && a->ind == KZ_I_TROOPS && !strcmp(c->prev.detail, "stationed") &&
		    strcmp(own->code, c->prev.subject) && strcmp(own->code, c->prev.partner) &&
		    !(own->flags & (LXF_PREFIX | LXF_ADJ | LXF_PERSON | LXF_ORG)) &&
		    (!strcmp(a->subject, own->code) || !strcmp(a->partner, own->code))) {
			snprintf(a->subject, sizeof(a->subject), "%s", c->prev.subject);
			snprintf(a->partner, sizeof(a->partner), "%s", own->code);
			return;
		}
		if (nown || a->partner[0] || (a->subject[0] && strcmp(a->subject, c->prev.subject)))
			return;
	}
	snprintf(a->subject, sizeof(a->subject), "%s", c->prev.subject);
	snprintf(a->partner, sizeof(a->partner), "%s", c->prev.partner);
}

/* Mark a's detail as a part of its total ("stationed" → "stationed_part"), once. */
static void mark_part(struct ex_attr *a)
{
	size_t dl = strlen(a->detail);
	int parted;

	kz_detail_base(a->detail, NULL, &parted);
	if (dl && !parted && dl + 5 < sizeof(a->detail))
		memcpy(a->detail + dl, "_part", 6);
}

/*
 * "Etwa 11.000 Soldaten kämpfen in Kursk", "rund 30.000 US-Soldaten auf Okinawa": troops at a
 * place inside a country (countries.tsv flag 'inside': a region, a base) are a part of the force
 * there, a fact apart from its total in the country — unless the clause names the country too.
 * Only a presence (stationed, sent): a move from or to such a place stays a move.
 */
void at_troops_inside(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const struct cache_slot *sl;
	int inside = 0, whole = 0;

	if (!a->partner[0] || (strcmp(a->detail, "stationed") && strcmp(a->detail, "sent")))
		return; /* (a move from or to such a place is a move, no part) */
	sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_MENTIONS);
	for (size_t i = 0; i < sl->nm; i++) {
		if (strcmp(sl->m[i].code, a->partner) || at_clause_apart(c->text, q->start, q->end, sl->m[i].start, sl->m[i].end))
			continue;
		if (sl->m[i].flags & LXF_INSIDE)
			inside = 1;
		else
			whole = 1;
	}
	if (inside && !whole)
		mark_part(a);
}

/*
 * "Das Budget umfasst insgesamt 746,9 Milliarden Yen. … Darunter fallen mit 152,0 Milliarden Yen die
 * Kosten …": an amount or count in a clause opened by words of a part (data/words.tsv part) is
 * part of the total before it — its detail ends in "_part", a fact apart from the total's.
 */
static void part_of_total(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const char *s = c->text + c->sent[si].start, *x = c->text + q->start;
	size_t ml;
	int parted;

	kz_detail_base(a->detail, NULL, &parted);
	if (!strcmp(q->unit, "percent") || !strcmp(q->unit, "factor") || parted || strlen(a->detail) + 5 >= sizeof(a->detail))
		return;
	while (x > s && x[-1] != ',' && x[-1] != ';' && x[-1] != ':')
		x--;
	x = ex_skip_space(x, c->text + q->start);
	if (!ex_lex_match_after(c->lx, LX_PART, x, c->text + q->start, &ml))
		return;
	/* a part without a cue of its own is of the total's kind */
	if (!a->detail[0] && c->have_prev && c->prev_si + 1 >= si && c->prev.ind == a->ind && c->prev.detail[0]) {
		snprintf(a->detail, sizeof(a->detail), "%s", c->prev.detail);
		kz_detail_base(a->detail, NULL, &parted);
		if (parted || strlen(a->detail) + 5 >= sizeof(a->detail))
			return;
	}
	if (!a->detail[0])
		return;
	mark_part(a);
	/* a part is of its total's time, unless it names its own */
	if (a->year_doc && c->have_prev && c->prev_si + 1 >= si && c->prev.year[0])
		snprintf(a->year, sizeof(a->year), "%s", c->prev.year);
}

/*
 * "… insgesamt 746,9 Milliarden Yen, was etwa 0,1 Prozent des japanischen BIP entspricht": a share
 * of GDP in a clause opened by "was", "das" or "dies" right after money of a named kind is that
 * money's share — its kind, its payer and its partner ("Stationierungskosten in % des BIP").
 */
static void share_of_money_before(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const char *s = c->text + c->sent[si].start, *x = c->text + q->start, *w, *we;

	if (a->ind != KZ_I_GDP_SHARE || !c->have_prev || c->prev_si != si || c->prev.ind != KZ_I_BUDGET ||
	    !c->prev.detail[0] || !strcmp(c->prev.detail, "defense_budget") || !c->prev.subject[0] ||
	    (a->detail[0] && strcmp(a->detail, "defense_budget") && strcmp(a->detail, c->prev.detail)))
		return;
	while (x > s && x[-1] != ',' && x[-1] != ';')
		x--;
	if (x == s || c->text + c->prev_end > x)
		return;
	w = ex_skip_space(x, c->text + q->start);
	we = ex_word_end(w, c->text + q->start);
	if (!ex_word_in(w, (size_t)(we - w), (const char *const[]){"was", "das", "dies", NULL}))
		return;
	at_set_detail(a, c->prev.detail);
	snprintf(a->subject, sizeof(a->subject), "%s", c->prev.subject);
	snprintf(a->partner, sizeof(a->partner), "%s", c->prev.partner);
}

/* The relative clause opened after mention m and at most two lower-case words ("Washington, das
 * …", "an Washington gebunden, das …"), up to its next comma or the sentence's end, if it holds
 * the figure: its start and end; else 0. */
static int relative_after(const struct ex_ctx *c, size_t si, const struct mention *m, const struct ex_qty *q,
			  const char **rs, const char **re)
{
	const char *t = c->text, *se = t + c->sent[si].end, *x = ex_skip_space(t + m->end, se), *y;

	for (int k = 0; k < 2 && x < se && *x >= 'a' && *x <= 'z'; k++)
		x = ex_skip_space(ex_word_end(x, se), se);
	if (x >= se || *x != ',')
		return 0;
	x = ex_skip_space(x + 1, se);
	if (!ex_word_in(x, (size_t)(ex_word_end(x, se) - x), (const char *const[]){"das", "der", "die", NULL}))
		return 0;
	for (y = x; y < se && *y != ',' && *y != ';'; y++)
		;
	if (t + q->start < x || t + q->end > y)
		return 0;
	*rs = x;
	*re = y;
	return 1;
}

/* "Von den rund 54.000 US-Soldaten, die in Japan dienen, …": a relative clause right after the
 * figure describes its troops, and the place it names ("in", "auf") is where they are. */
void at_placed_by_relative(const struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct mention *m,
			   size_t n, struct ex_attr *a)
{
	const char *t = c->text, *se = t + c->sent[si].end, *x = ex_skip_space(t + q->end, se), *y;

	if (x >= se || *x != ',')
		return;
	x = ex_skip_space(x + 1, se);
	if (!ex_word_in(x, (size_t)(ex_word_end(x, se) - x), (const char *const[]){"die", "der", "denen", NULL}))
		return;
	for (y = x; y < se && *y != ',' && *y != ';'; y++)
		;
	for (size_t k = 0; k < n; k++)
		if (m[k].start >= (size_t)(x - t) && m[k].end <= (size_t)(y - t) && strcmp(m[k].code, a->subject) &&
		    ((m[k].rel_at ? m[k].rel_role : m[k].role) == R_LOC || !strcmp(m[k].prep, "auf")) &&
		    !(m[k].flags & (LXF_ORG | LXF_PERSON))) {
			ex_copy(a->partner, sizeof(a->partner), m[k].code);
			return;
		}
}

void at_stationed_by_antecedent(const struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct mention *m,
				size_t n, struct ex_attr *a)
{
	const struct cache_slot *sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_CUES);
	const char *rs, *re;

	for (size_t i = 0; i < n; i++) {
		const struct mention *where = NULL;
		int station = 0;
		if (m[i].end > q->start || (m[i].flags & (LXF_ORG | LXF_PERSON)) || !relative_after(c, si, &m[i], q, &rs, &re))
			continue;
		for (size_t k = 0; k < n && !where; k++)
			if (((m[k].rel_at ? m[k].rel_role : m[k].role) == R_LOC || !strcmp(m[k].prep, "auf")) &&
			    m[k].start >= (size_t)(rs - c->text) && m[k].end <= (size_t)(re - c->text) &&
			    strcmp(m[k].code, m[i].code))
				where = &m[k];
		for (size_t k = 0; k < sl->nc && !station; k++)
			station = sl->c[k].ws >= (size_t)(rs - c->text) && sl->c[k].we <= (size_t)(re - c->text) &&
				  !strcmp(sl->c[k].e->value, "troops") && !strcmp(sl->c[k].e->detail, "stationed");
		if (!where || !station)
			continue;
		ex_copy(a->subject, sizeof(a->subject), m[i].code);
		ex_copy(a->partner, sizeof(a->partner), where->code);
		return;
	}
}

/*
 * "Die Betriebskosten von jährlich etwa 20 Millionen Dollar tragen die USA", "Polen hatte 40
 * Millionen Złoty für Unterkünfte bereitgestellt" after figures of US troops in Romania or Poland:
 * money of no named kind (or for buildings) and no second party, paid by one side of the forces the document counted
 * last (whose troops, where they are), concerns the other side — the host pays for the guests,
 * the guests spend in the host country.
 */
static void presence_money(const struct ex_ctx *c, struct ex_attr *a)
{
	const struct ex_attr *t = &c->last[KZ_I_TROOPS];

	if (a->ind != KZ_I_BUDGET || (a->detail[0] && strcmp(a->detail, "infrastructure")) || a->partner[0] || !a->subject[0] || a->world ||
	    !c->have_last[KZ_I_TROOPS] || !t->subject[0] || !t->partner[0] || !strcmp(t->subject, t->partner))
		return;
	if (!strcmp(a->subject, t->subject))
		ex_copy(a->partner, sizeof(a->partner), t->partner);
	else if (!strcmp(a->subject, t->partner))
		ex_copy(a->partner, sizeof(a->partner), t->subject);
}

void at_context(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	/* "knapp 12.000 der damals etwa 36.000 Soldaten aus Deutschland abzuziehen": the total a part
	 * is withdrawn or moved from is the force stationed there, not one withdrawn */
	if (a->ind == KZ_I_TROOPS && (!strcmp(a->detail, "withdrawal") || !strcmp(a->detail, "relocation")) &&
	    ex_partitive_total(c, si, q))
		at_set_detail(a, "stationed");
	the_country(c, si, q, a);
	the_neighbour(c, si, q, a);
	if (a->ind == KZ_I_TROOPS) {
		left_place(c, si, q, a);
		in_the_country(c, si, q, a);
	}
	elided_clause(c, si, q, a);
	change_of_before(c, si, q, a);
	at_trade_context(c, si, q, a);
	costs_of_forces(c, si, q, a);
	presence_money(c, a);
	part_of_total(c, si, q, a);
	if (a->ind == KZ_I_GDP_SHARE && a->status == KZ_S_TARGET)
		alliance_target(c, si, q, a);
	share_of_money_before(c, si, q, a);
}
