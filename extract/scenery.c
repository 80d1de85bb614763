/*
 * scenery.c: the countries a sentence names that are none of a figure's — scenery, dropped before
 * who.c chooses subject and partner (at_drop_scenery). A mention is scenery when it stands in
 *   the phrase that cites the figure's originator ("Nach Angaben der Allianz", "nach Daten der
 *     südkoreanischen Agentur KOTRA"), unless the sentence names no other;
 *   an attack's phrase ("seit dem russischen Angriff auf die Ukraine": words.tsv attack);
 *   the scope of a preposition of exclusion ("außerhalb von EU und Nato": words.tsv outside);
 *   the compound of a goal ("die Nato-Vorgabe") for a reported level, or for a target a country
 *     named bare sets out to meet;
 *   for troops, the adjective of a front line ("an die ukrainische Front": words.tsv front).
 * Each filter marks its mentions and keeps the others; the cite and goal filters keep all when they
 * would keep none, the others drop even the only one.
 */
#include "attrib_int.h"

#include <string.h>

/* The mentions not marked in drop (ndrop of n marked): all of them when none is, and when every
 * one is unless all (then none). */
static size_t keep_unmarked(struct mention *m, size_t n, const char *drop, size_t ndrop, int all)
{
	size_t k = 0;

	if (!ndrop || (ndrop == n && !all))
		return n;
	for (size_t i = 0; i < n; i++)
		if (!drop[i])
			m[k++] = m[i];
	return k;
}

/* "an die ukrainische Front": a country's adjective on a noun of a front line (words.tsv front)
 * names the war, neither whose troops nor where they go. */
static size_t drop_front(const struct ex_ctx *c, struct mention *m, size_t n)
{
	char drop[MAX_MENTIONS] = {0};
	size_t nd = 0;
	const char *end = c->text + c->doc->len;

	for (size_t i = 0; i < n; i++) {
		const char *w, *we;
		if (!(m[i].flags & LXF_ADJ))
			continue;
		w = ex_skip_space(ex_word_end(c->text + m[i].start, end), end);
		we = ex_word_end(w, end);
		if (w < we && ex_lex_word(c->lx, LX_FRONT, w, (size_t)(we - w)))
			drop[i] = 1, nd++;
	}
	return keep_unmarked(m, n, drop, nd, 1); /* (even the only one: a war is no country of the figure's) */
}

/* Is [w, we) a noun of an attack (words.tsv attack)? */
static int attack_noun(const struct ex_ctx *c, const char *w, const char *we)
{
	return w < we && ex_lex_word(c->lx, LX_ATTACK, w, (size_t)(we - w)) != NULL;
}

/* "seit dem russischen Angriff auf die Ukraine", "vor dem Überfall der Hamas auf Israel": the
 * countries a noun of an attack names — the attacked after "auf", "in" or "gegen", the attacker's
 * adjective or genitive — name an event, neither whose figure it is nor whom it concerns (the
 * event mostly dates it: words.tsv time "Beginn des russischen Angriffs"). */
static size_t drop_attack(const struct ex_ctx *c, size_t si, struct mention *m, size_t n)
{
	static const char *const arts[] = {"der", "die", "das", "den", "dem", "des", NULL};
	static const char *const preps[] = {"auf", "in", "gegen", NULL};
	const char *s = c->text + c->sent[si].start, *end = c->text + c->sent[si].end;
	char drop[MAX_MENTIONS] = {0};
	size_t nd = 0;

	for (size_t i = 0; i < n; i++) {
		const char *w, *we, *x;
		/* before it: [article] preposition, the noun of attack */
		w = ex_word_back(s, c->text + m[i].start, &we);
		if (w < we && ex_word_in(w, (size_t)(we - w), arts))
			w = ex_word_back(s, w, &we);
		if (w < we && ex_word_in(w, (size_t)(we - w), preps)) {
			/* (a genitive between: "der Überfall Russlands auf die Ukraine", "der Hamas") */
			for (int k = 0; k < 3 && !drop[i]; k++) {
				const char *pw = w;
				w = ex_word_back(s, w, &we);
				if (w == we || memchr(we, ',', (size_t)(pw - we)))
					break;
				if (attack_noun(c, w, we))
					drop[i] = 1, nd++;
			}
			if (drop[i])
				continue;
		}
		/* after it: the attacker's adjective or genitive ("des russischen Angriffs", "der Hamas"
		 * after the noun) */
		if (m[i].flags & (LXF_ADJ | LXF_GEN)) {
			x = ex_skip_space(ex_word_end(c->text + m[i].start, end), end);
			if (attack_noun(c, x, ex_word_end(x, end)))
				drop[i] = 1, nd++;
		}
		/* ("der Überfall Russlands", "der Einmarsch der USA": a genitive after the noun) */
		w = ex_word_back(s, c->text + m[i].start, &we);
		if (!drop[i] && w < we && ex_word_in(w, (size_t)(we - w), (const char *const[]){"der", "des", NULL}))
			w = ex_word_back(s, w, &we);
		if (!drop[i] && (m[i].flags & LXF_GEN || m[i].role == R_GEN) && attack_noun(c, w, we))
			drop[i] = 1, nd++;
	}
	return keep_unmarked(m, n, drop, nd, 1);
}

/* "an Drittstaaten außerhalb von EU und Nato": the countries a preposition of exclusion (words.tsv
 * outside) governs — back from each over its article, "von", "und" or "oder" and the names of the
 * list — are none of the figure's. */
static size_t drop_outside(const struct ex_ctx *c, size_t si, struct mention *m, size_t n)
{
	static const char *const glue[] = {"der", "die", "das", "den", "dem", "des", "von", "vom", "und", "oder", "sowie", NULL};
	const char *s = c->text + c->sent[si].start;
	char drop[MAX_MENTIONS] = {0};
	size_t nd = 0;

	for (size_t i = 0; i < n; i++) {
		const char *w = c->text + m[i].start, *we;
		for (int k = 0; k < 6; k++) {
			const char *pw = w;
			w = ex_word_back(s, w, &we);
			if (w == we || memchr(we, ',', (size_t)(pw - we)) || memchr(we, '(', (size_t)(pw - we)))
				break;
			if (ex_lex_word_ci(c->lx, LX_OUTSIDE, w, (size_t)(we - w))) {
				drop[i] = 1, nd++;
				break;
			}
			if (!ex_word_in(w, (size_t)(we - w), glue) && !ex_upper_at(w, we))
				break;
		}
	}
	return keep_unmarked(m, n, drop, nd, 1);
}

/*
 * "Nach Angaben der Allianz lagen die Ausgaben bei 2,0 Prozent", "nach Daten der südkoreanischen
 * Agentur KOTRA wickelt Nordkorea 95 Prozent seines Handels ab": a country or alliance named in the
 * phrase that cites the figure's originator is the source's, not the figure's — unless the
 * sentence names no other (then it may be both: "Laut Seoul gibt das Land …"); an armed force or
 * government body stays ("laut US-Armee rund 12.000 Soldaten").
 */
static size_t drop_cited(const struct ex_ctx *c, size_t si, struct mention *m, size_t n)
{
	const struct ex_sentence_cues *sc = c->cues;
	size_t cited = 0;
	char in[MAX_MENTIONS] = {0};

	if (!sc || !sc->valid || sc->si != si)
		return n;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < sc->ncite && !in[i]; j++)
			if (m[i].start >= sc->cite[j].from && m[i].end <= sc->cite[j].to && !(m[i].flags & LXF_ORG))
				in[i] = 1, cited++;
	return keep_unmarked(m, n, in, cited, 0);
}

/*
 * "Südkoreas Verteidigungsausgaben liegen mit 2,6 Prozent über dem Nato-Ziel": the alliance that
 * set a goal, named in its compound (Nato-Ziel, Nato-Vorgabe), owns the goal, not a level stated
 * beside it — left out for a reported figure when the sentence names another.
 */
static size_t drop_goal_owner(const struct ex_ctx *c, struct mention *m, size_t n)
{
	const char *t = c->text;
	size_t dropped = 0;
	char goal[MAX_MENTIONS] = {0};

	for (size_t i = 0; i < n; i++) {
		const char *p = memchr(t + m[i].start, '-', m[i].end - m[i].start), *we, *end = t + m[i].end;
		const struct ex_lex_entry *e;
		size_t ml;
		if (!(m[i].flags & LXF_PREFIX) || !p)
			continue; /* the mention spans its compound: "Nato-Ziel" */
		p++;
		we = ex_word_end(p, end);
		e = we > p ? ex_lex_stem(c->lx, LX_STATUS, p, we, end, &ml) : NULL;
		if (e && (!strcmp(e->value, "target") || !strcmp(e->value, "limit")))
			goal[i] = 1, dropped++;
	}
	return keep_unmarked(m, n, goal, dropped, 0);
}

/* Does the sentence name a country bare, the subject of a verb ("Die Bundesregierung will …"), not
 * an alliance, a compound's prefix or an adjective? */
static int bare_country(const struct mention *m, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (m[i].role == R_NONE && !(m[i].flags & (LXF_PREFIX | LXF_ADJ | LXF_PERSON)) && strcmp(m[i].code, "NATO") &&
		    strcmp(m[i].code, "EU"))
			return 1;
	return 0;
}

size_t at_drop_scenery(const struct ex_ctx *c, size_t si, const struct ex_attr *a, struct mention *m, size_t n)
{
	n = drop_cited(c, si, m, n);
	n = drop_attack(c, si, m, n);
	n = drop_outside(c, si, m, n);
	/* (a target a country sets out to meet is its own: "will die Bundesregierung das Nato-Ziel
	 * erreichen, zwei Prozent … auszugeben") */
	if (a->status == KZ_S_REPORTED || (a->status == KZ_S_TARGET && bare_country(m, n)))
		n = drop_goal_owner(c, m, n);
	if (a->ind == KZ_I_TROOPS)
		n = drop_front(c, m, n);
	return n;
}
