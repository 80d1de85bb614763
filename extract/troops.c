/*
 * troops.c: where troops are — the place (partner) of a troop count once who.c has read whose
 * they are, from what the sentence and its neighbours say of hosts and destinations:
 *   a host: "Polen, das rund 10.000 US-Soldaten beherbergt", "Polen beherbergt … Soldaten"
 *     (words.tsv host);
 *   a relative clause that stations them ("…, das rund 55.000 Soldaten in Japan stationiert hat");
 *   troops sent with no destination: where the same country sent them before, else the one other
 *     country the paragraph just named;
 *   the place the sentences before name; "im Land", "dort", "hierzulande": the country the report
 *     is about;
 *   the words of the sentence (at_troops_here): "selbst verfügt über" (own forces), "dort".
 */
#include "attrib_int.h"

#include <stdio.h>
#include <string.h>

/* Does an `own` word follow the mention ("Südkorea selbst", "Südkoreas eigene Streitkräfte", "Italiens
 * Streitkräfte")? */
int at_own_forces(const struct ex_ctx *c, const struct mention *m, size_t e)
{
	const char *end = c->text + e, *nw = ex_skip_space(c->text + m->end, end), *nwe = ex_word_end(nw, end);
	const struct ex_lex_entry *o = ex_lex_word(c->lx, LX_OWN, nw, (size_t)(nwe - nw));

	/* (a noun of forces after a name or genitive only: "nordkoreanische Streitkräfte" may be anywhere) */
	return o && (!ex_upper_at(nw, nwe) || !(m->flags & (LXF_ADJ | LXF_PREFIX)));
}

/* Does the sentence say where as a region that is no one country ("in den drei baltischen Staaten",
 * "in Europa", "auf dem Kontinent": words.tsv region, or the EU or NATO after a preposition of
 * place)? Troops there take no country from the figures before. */
int at_names_region(const struct ex_ctx *c, size_t si, const struct mention *m, size_t n)
{
	const char *e = c->text + c->sent[si].end;
	const struct ex_words *ws;

	for (size_t i = 0; i < n; i++)
		if (m[i].role == R_LOC && (!strcmp(m[i].code, "EU") || !strcmp(m[i].code, "NATO")))
			return 1;
	ws = ex_words_of(c, c->sent[si].start, c->sent[si].end);
	for (size_t i = 0; i < ws->n; i++)
		if (ex_lex_stem(c->lx, LX_REGION, c->text + ws->w[i].start, c->text + ws->w[i].end, e, &(size_t){0}))
			return 1;
	return 0;
}

/* The place of troops count q (a->ind troops) whose owner at_who has read; m, n: the mentions
 * at_who kept. Sets a->partner when the text says where. */
void at_troops_place(struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct mention *m, size_t n,
		     struct ex_attr *a)
{
	size_t s = c->sent[si].start, e = c->sent[si].end;

	/* "Polen, das rund 10.000 US-Soldaten beherbergt": the country a relative clause with a verb of
	 * hosting (words.tsv host) describes is where the troops are, whatever the text said before */
	{
		const char *t = c->text, *se = t + c->sent[si].end;
		int hosted = 0;
		for (size_t i = 0; i < n && !hosted; i++) {
			const char *x = t + m[i].end, *w, *y;
			if (m[i].end > q->start || !strcmp(m[i].code, a->subject))
				continue;
			x = ex_skip_space(x, se);
			if (x >= se || *x != ',')
				continue;
			x = ex_skip_space(x + 1, se);
			if (!ex_word_in(x, (size_t)(ex_word_end(x, se) - x), (const char *const[]){"das", "der", "die", NULL}))
				continue;
			for (y = x; (w = ex_next_word(x, &y, se)) != NULL && !memchr(x, ',', (size_t)(w - x));)
				if (w > t + q->end && ex_lex_stem(c->lx, LX_HOST, w, y, se, &(size_t){0})) {
					ex_copy(a->partner, sizeof(a->partner), m[i].code);
					hosted = 1;
					break;
				}
		}
	}
	/* "Polen beherbergt mehr als 10.000 amerikanische Soldaten": with a verb of hosting in the
	 * figure's clause, the country named bare before it, not whose troops they are, is where */
	if (!a->partner[0]) {
		const struct ex_words *ws = ex_words_of(c, c->sent[si].start, c->sent[si].end);
		for (size_t k = 0; k < ws->n && !a->partner[0]; k++) {
			const char *w = c->text + ws->w[k].start, *we = c->text + ws->w[k].end;
			if (!ex_lex_stem(c->lx, LX_HOST, w, we, c->text + c->sent[si].end, &(size_t){0}) ||
			    at_clause_apart(c->text, ws->w[k].start, ws->w[k].end, q->start, q->end))
				continue;
			for (size_t i = 0; i < n; i++)
				if (m[i].end <= ws->w[k].start && m[i].role == R_NONE && strcmp(m[i].code, a->subject) &&
				    !(m[i].flags & (LXF_ADJ | LXF_PREFIX | LXF_PERSON | LXF_ORG)) &&
				    !at_clause_apart(c->text, m[i].start, m[i].end, ws->w[k].start, ws->w[k].end)) {
					ex_copy(a->partner, sizeof(a->partner), m[i].code);
					break;
				}
		}
	}
	/* "…, an Washington gebunden, das rund 55.000 Soldaten in Japan stationiert hat": the country a
	 * relative clause with a word of stationing (a troops cue of detail stationed) describes owns
	 * the troops, and the place the clause names ("in Japan", "auf Zypern") is where they are */
	if (!a->subj_near)
		at_stationed_by_antecedent(c, si, q, m, n, a);
	at_placed_by_relative(c, si, q, m, n, a);
	/* troops sent whose destination the sentence does not name: the one of the troops the same
	 * country sent before ("… an die ukrainische Front" after "… nach Russland geschickt") */
	if (!a->partner[0] && a->subject[0] && !strcmp(a->detail, "sent") &&
	    c->have_last[KZ_I_TROOPS] && !strcmp(c->last[KZ_I_TROOPS].subject, a->subject) &&
	    !strcmp(c->last[KZ_I_TROOPS].detail, "sent") && c->last[KZ_I_TROOPS].partner[0])
		ex_copy(a->partner, sizeof(a->partner), c->last[KZ_I_TROOPS].partner);
	/* (else the one other country the sentences just before in its paragraph name: "Pjöngjang
	 * hatte seine militärische Unterstützung Russlands Ende 2022 begonnen. …") */
	if (!a->partner[0] && a->subject[0] && !strcmp(a->detail, "sent")) {
		const char *one = NULL;
		int many = 0;
		for (size_t back = 1; back <= 2 && back <= si && !many && c->sent[si - back].para == c->sent[si].para; back++) {
			const struct cache_slot *bsl = at_sentence_info(c, c->sent[si - back].start, c->sent[si - back].end,
								     NULL, 0, AT_MENTIONS);
			for (size_t i = 0; i < bsl->nm && !many; i++) {
				const char *cd = bsl->m[i].code;
				if (bsl->m[i].role == R_SOURCE || !strcmp(cd, a->subject) || !strcmp(cd, "NATO") || !strcmp(cd, "EU"))
					continue;
				if (one && strcmp(one, cd))
					many = 1;
				one = cd;
			}
		}
		if (one && !many)
			ex_copy(a->partner, sizeof(a->partner), one);
	}
	/* troops whose place the sentence does not name: the place the sentences before name
	 * ("Panzerbrigade 45 in Vilnius in Dienst gestellt. Derzeit dienen rund 400 Soldaten …") */
	if (!a->partner[0] && a->subject[0] && strcmp(a->detail, "armed_forces") &&
	    !at_names_region(c, si, m, n)) {
		for (size_t back = 1; back <= 2 && back <= si && !a->partner[0] &&
				      c->sent[si - back].para == c->sent[si].para; back++) {
			const struct cache_slot *bsl = at_sentence_info(c, c->sent[si - back].start, c->sent[si - back].end,
								     NULL, 0, AT_MENTIONS);
			for (size_t i = 0; i < bsl->nm; i++)
				if (bsl->m[i].role == R_LOC && strcmp(bsl->m[i].code, a->subject)) {
					ex_copy(a->partner, sizeof(a->partner), bsl->m[i].code);
					break;
				}
		}
	}
	/* "… rund 250.000 US-Soldaten im Land": the country the report is about */
	if (!a->partner[0] && a->subject[0] &&
	    (strstr_n(c->text + s, e - s, "im Land") || strstr_n(c->text + s, e - s, " dort ") ||
	     strstr_n(c->text + s, e - s, "hierzulande"))) {
		/* the place of the deployment the text named, else the country it names most */
		const char *dep = at_mission_place(c, si);
		int best = -1;
		for (int i = 0; i < c->ntopic; i++)
			if (strcmp(c->topic[i], a->subject) && (best < 0 || c->topic_n[i] > c->topic_n[best]))
				best = i;
		if (dep && strcmp(dep, a->subject))
			ex_copy(a->partner, sizeof(a->partner), dep);
		else if (best >= 0)
			ex_copy(a->partner, sizeof(a->partner), c->topic[best]);
	}
}

/*
 * Where troops are, from the words of the sentence: "Südkorea selbst verfügt über 500.000
 * Soldaten" (a country's own forces: no partner), "hinzu kommen 28.500 dort stationierte
 * US-Soldaten" ("dort": the country named last before it).
 */
void at_troops_here(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const struct cache_slot *sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_MENTIONS);
	const char *s = c->text + c->sent[si].start, *end = c->text + c->sent[si].end, *p, *w;
	const struct mention *last = NULL;

	/* "dort" in the figure's clause, or a few words after it: the country named last before it,
	 * in the sentence or the one before ("… aus Deutschland. Die Zahl der dort stationierten
	 * Truppen solle von rund 34.500 …") */
	for (p = c->text + q->start; p > s && !(p - s >= 2 && p[-2] == ',' && p[-1] == ' '); p--)
		;
	for (const char *x = p; (w = ex_next_word(s, &x, end)) != NULL && w < c->text + q->end + 32;) {
		if (!ex_lex_word(c->lx, LX_THERE, w, (size_t)(x - w)))
			continue;
		/* "…, hinzu kommen 28.500 dort stationierte US-Soldaten": another clause's "dort" */
		if (w >= c->text + q->end && at_clause_between(c->text, q->end, (size_t)(w - c->text)))
			break;
		for (size_t i = 0; i < sl->nm; i++)
			if (sl->m[i].end <= (size_t)(w - c->text) && strcmp(sl->m[i].code, a->subject) &&
			    sl->m[i].role != R_SOURCE)
				last = &sl->m[i];
		if (!last && si > 0) {
			const struct cache_slot *psl = at_sentence_info(c, c->sent[si - 1].start, c->sent[si - 1].end,
									NULL, 0, AT_MENTIONS);
			for (size_t i = 0; i < psl->nm; i++)
				if (strcmp(psl->m[i].code, a->subject) && psl->m[i].role != R_SOURCE)
					last = &psl->m[i];
		}
		if (last) {
			ex_copy(a->partner, sizeof(a->partner), last->code);
			return;
		}
	}
	/* "Im Land sind zudem rund 28.500 US-Soldaten stationiert": "im Land" in the figure's clause is
	 * the country the text spoke of last (grammar.tsv anaphor), where foreign troops are */
	{
		/* "im" and an anaphor before the figure in its clause, looked for first: most figures
		 * have none, and need neither the places nor the sentence before read */
		int anaphor = 0;
		for (const char *x = p, *pw = NULL, *pwe = NULL; !anaphor && (w = ex_next_word(s, &x, end)) != NULL &&
								w < c->text + q->start;) {
			anaphor = pw && ex_lex_word(c->lx, LX_ANAPHOR, w, (size_t)(x - w)) && lower_word(pw, (size_t)(pwe - pw), "im");
			pw = w;
			pwe = x;
		}
		/* (a place another clause names, "…, nur in Japan … sind es mehr", yields to it) */
		int far = anaphor && a->partner[0] != '\0';
		for (size_t i = 0; i < sl->nm && far; i++)
			if (!strcmp(sl->m[i].code, a->partner) &&
			    !at_clause_apart(c->text, sl->m[i].start, sl->m[i].end, q->start, q->end))
				far = 0;
		if (anaphor && (!a->partner[0] || far)) {
			/* the country spoken of last: the subject of the figure of the sentence before,
			 * else the first country that sentence names as its actor ("Zugleich bleibt
			 * Italien …") */
			const char *spoken = c->have_prev && c->prev_si + 1 >= si && c->prev.subject[0] ? c->prev.subject : NULL;
			if (!spoken && si > 0 && c->sent[si - 1].para + 1 >= c->sent[si].para) {
				const struct cache_slot *psl =
					at_sentence_info(c, c->sent[si - 1].start, c->sent[si - 1].end, NULL, 0, AT_MENTIONS);
				for (size_t i = 0; i < psl->nm && !spoken; i++)
					if ((psl->m[i].role == R_NONE || psl->m[i].role == R_GEN) &&
					    !(psl->m[i].flags & (LXF_PREFIX | LXF_ADJ)) && strcmp(psl->m[i].code, "NATO") &&
					    strcmp(psl->m[i].code, "EU"))
						spoken = psl->m[i].code;
			}
			if (spoken && strcmp(spoken, a->subject)) {
				ex_copy(a->partner, sizeof(a->partner), spoken);
				return;
			}
		}
	}
	/* "Südkorea selbst …": the subject named with "selbst" in the figure's clause */
	for (size_t i = 0; i < sl->nm; i++) {
		if (strcmp(sl->m[i].code, a->subject) || sl->m[i].start > q->start ||
		    at_clause_between(c->text, sl->m[i].end, q->start))
			continue;
		if (at_own_forces(c, &sl->m[i], c->sent[si].end)) {
			a->partner[0] = '\0';
			if (!a->detail[0])
				at_set_detail(a, "armed_forces"); /* a country's own forces are its armed forces */
			return;
		}
	}
}
