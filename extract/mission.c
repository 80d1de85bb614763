/*
 * mission.c: where a document's troops are when a figure names no place.
 *
 * "Nach mehr als zehn Jahren ist der Einsatz der Bundeswehr in Mali Geschichte. … landeten die
 * letzten rund 300 Soldatinnen und Soldaten in Wunstorf": an article about a deployment names its
 * place once, with a noun of deployment (data/grammar.tsv mission: Einsatz, Mission, Mandat, and
 * compounds ending in them) and "in" or "nach" and a country in its clause, or a country's
 * adjective right before it ("den türkischen Luftwaffenstützpunkt"). A troop figure of a
 * force named by its owner that names no place of its own is that deployment's — the first one the
 * text names (a report's lead names its deployment; later operations, "Einsätze … in Syrien", are
 * flown from it) — and so is one "dort" or "im Land" places; a country's armed forces as a whole
 * are at home. Only in a short report: a long study speaks of many forces in many places.
 *
 * The sentences are read once, as the figures ask for them, up to the first deployment found
 * (mission_upto).
 */
#include "attrib_int.h"

#include <string.h>

/* The country a deployment noun of sentence si puts troops in ("Einsatz … in Mali"), or NULL. */
static const char *deployed_in(const struct ex_ctx *c, size_t si)
{
	const char *s = c->text + c->sent[si].start, *e = c->text + c->sent[si].end, *p = s, *w;
	const struct cache_slot *sl = NULL;
	const char *found = NULL;

	while ((w = ex_next_word(s, &p, e)) != NULL) {
		size_t at;
		if (!ex_upper_at(w, p) || !ex_lex_suffix(c->lx, LX_MISSION, w, (size_t)(p - w)))
			continue;
		if (!sl)
			sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_MENTIONS);
		at = (size_t)(p - c->text);
		/* the first place after the noun, in its clause and within a few words */
		for (size_t i = 0; i < sl->nm; i++)
			if (sl->m[i].start >= at && sl->m[i].role == R_LOC && sl->m[i].start - at <= 64 &&
			    !at_clause_between(c->text, at, sl->m[i].start)) {
				found = sl->m[i].code;
				break;
			}
		/* … or a country's adjective right before it: "den türkischen Luftwaffenstützpunkt" */
		for (size_t i = 0; i < sl->nm && !found; i++)
			if ((sl->m[i].flags & LXF_ADJ) && sl->m[i].end <= (size_t)(w - c->text) &&
			    ex_skip_space(c->text + sl->m[i].end, w) == w)
				found = sl->m[i].code;
	}
	return found;
}

const char *at_mission_place(struct ex_ctx *c, size_t si)
{
	if (!c->lx->n[LX_MISSION] || c->doc->len >= 20000)
		return NULL; /* a long study speaks of many forces in many places */
	for (; !c->mission[0] && c->mission_upto <= si && c->mission_upto < c->nsent; c->mission_upto++) {
		const char *code = deployed_in(c, c->mission_upto);
		if (code)
			ex_copy(c->mission, sizeof(c->mission), code);
	}
	return c->mission[0] ? c->mission : NULL;
}

void at_troops_deployed(struct ex_ctx *c, size_t si, struct ex_attr *a)
{
	if (!at_mission_place(c, si))
		return;
	if (a->partner[0] || !a->subject[0] || !strcmp(c->mission, a->subject) ||
	    !strcmp(a->detail, "armed_forces") || strstr(a->detail, "active"))
		return; /* (a count of active soldiers is a force's strength, at home or abroad) */
	ex_copy(a->partner, sizeof(a->partner), c->mission);
	if (!a->detail[0])
		at_set_detail(a, "stationed");
}
