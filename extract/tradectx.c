/*
 * tradectx.c: whose a trade share is and whom it goes to, from the words around it, once who.c and
 * trade.c have read its own phrase (at_trade_context, run by at_context). In order:
 *   "Größter Abnehmer blieb China mit 19,5 Prozent": a partner taken for the owner gives the owner
 *   back to the trade the document's figures were of (partner_as_owner);
 *   "Für Australien war China … der wichtigste Abnehmer": the trade of the country "für" opens
 *   the clause with, the country named bare after the verb its partner (for_owner);
 *   "… gingen dorthin", "kam von dort": the partner the clause before named bare (there_partner);
 *   "China ist … Südkoreas größter Handelspartner": a noun of the other side of trade names the
 *   partner bare before it (partner_noun).
 */
#include "attrib_int.h"

#include <string.h>

/* The first word of the lexicon kind (with suffix, as a compound ending) in the figure's clause;
 * 1 with *at its offset. */
static int word_in_clause(const struct ex_ctx *c, size_t si, const struct ex_qty *q, int kind, int suffix, size_t *at)
{
	const struct ex_words *ws = ex_words_of(c, c->sent[si].start, c->sent[si].end);

	for (size_t i = 0; i < ws->n; i++) {
		const char *w = c->text + ws->w[i].start;
		size_t n = ws->w[i].end - ws->w[i].start;
		if ((suffix ? ex_lex_suffix(c->lx, kind, w, n) != NULL : ex_lex_word(c->lx, kind, w, n) != NULL) &&
		    !at_clause_apart(c->text, ws->w[i].start, ws->w[i].end, q->start, q->end)) {
			*at = ws->w[i].start;
			return 1;
		}
	}
	return 0;
}

/* Is the mention a country named plainly — no preposition, no adjective, prefix or genitive, no
 * person or organisation? */
static int plain_name(const struct mention *m)
{
	return !m->prep[0] && !(m->flags & (LXF_ADJ | LXF_PREFIX | LXF_GEN | LXF_PERSON | LXF_ORG));
}

/*
 * "China ist mit einem Anteil von 22 Prozent Südkoreas größter Handelspartner": a trade share whose
 * clause has a noun of the other side of trade (grammar.tsv partnernoun) goes to the country named
 * bare before that noun in the clause, other than whose trade it is.
 */
static void partner_noun(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const struct cache_slot *sl;
	size_t at;

	if (a->ind != KZ_I_TRADE_SHARE || a->partner[0] || !a->subject[0] ||
	    !word_in_clause(c, si, q, LX_PARTNERNOUN, 1, &at))
		return;
	sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_MENTIONS);
	for (size_t k = 0; k < sl->nm; k++) {
		const struct mention *m = &sl->m[k];
		if (m->end <= at && m->role == R_NONE && !(m->flags & (LXF_ADJ | LXF_PREFIX | LXF_GEN | LXF_PERSON | LXF_ORG)) &&
		    strcmp(m->code, a->subject) && !at_clause_apart(c->text, m->start, m->end, at, at + 1)) {
			snprintf(a->partner, sizeof(a->partner), "%s", m->code);
			return;
		}
	}
}

/*
 * "Für Australien war China mit fast einem Drittel der Ausfuhren der wichtigste Abnehmer", "Für
 * Österreich ist Deutschland mit rund 30 Prozent des Außenhandels der wichtigste Partner": a clause
 * opened by "für" and a country, then a verb, speaks of that country's trade; the country named
 * bare after the verb is its partner.
 */
static void for_owner(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const struct cache_slot *sl;
	const struct mention *own = NULL, *other = NULL;
	const char *s = c->text + c->sent[si].start, *w, *we;

	if (a->ind != KZ_I_TRADE_SHARE)
		return;
	sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_MENTIONS);
	for (size_t k = 0; k < sl->nm; k++) {
		const struct mention *m = &sl->m[k];
		if (at_clause_apart(c->text, m->start, m->end, q->start, q->end))
			continue;
		if (!own && !strcmp(m->prep, "für") && m->end <= q->start) {
			/* "für" opens the clause: the sentence's start or a mark before it */
			const char *f = c->text + m->start;
			w = ex_word_back(s, f, &we);
			if (w < we && lower_word(w, (size_t)(we - w), "für") &&
			    (w == s || (w > s && (w[-1] == ' ' && w - 1 > s && (w[-2] == ':' || w[-2] == ';' || w[-2] == ',')))))
				own = m;
		} else if (own && !other && m->role == R_NONE && plain_name(m) && strcmp(m->code, own->code)) {
			other = m;
		}
	}
	if (!own || !other)
		return;
	ex_copy(a->subject, sizeof(a->subject), own->code);
	ex_copy(a->partner, sizeof(a->partner), other->code);
}

/*
 * "Japan ist nach China Australiens wichtigster Abnehmer: Gut 14 Prozent der Ausfuhren gingen
 * dorthin", "… blieb China der wichtigste Lieferant: Gut ein Fünftel aller Importe kam von dort": a
 * trade share whose clause points "there" (grammar.tsv there) goes to the country the text named
 * bare last before that clause, other than whose trade it is.
 */
static void there_partner(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const struct cache_slot *sl;
	const char *to = NULL;
	size_t at;

	if (a->ind != KZ_I_TRADE_SHARE || !a->subject[0] || !word_in_clause(c, si, q, LX_THERE, 0, &at))
		return;
	for (size_t back = 0; back <= 1 && back <= si && !to; back++) {
		size_t k = si - back;
		sl = at_sentence_info(c, c->sent[k].start, c->sent[k].end, NULL, 0, AT_MENTIONS);
		for (size_t j = 0; j < sl->nm; j++) {
			const struct mention *m = &sl->m[j];
			if ((back == 0 && (m->end > q->start || !at_clause_apart(c->text, m->start, m->end, q->start, q->end))) ||
			    (m->role != R_NONE && m->role != R_FOR) || !plain_name(m) || !strcmp(m->code, a->subject))
				continue;
			to = m->code; /* (the last one before the clause) */
		}
	}
	if (to)
		ex_copy(a->partner, sizeof(a->partner), to);
}

/* Does the mention m stand with the figure q as a list names a partner with its share: "China mit
 * 22,1 Prozent", "den USA (18,7 Prozent)", "China mit einem Anteil von 19,5 Prozent"? */
static int named_with_share(const struct ex_ctx *c, const struct mention *m, const struct ex_qty *q)
{
	const char *p = ex_skip_space(c->text + m->end, c->text + q->start), *f = c->text + q->start;

	if (m->end > q->start || f - p > 30)
		return 0;
	if (p < f && *p == '(')
		return ex_skip_space(p + 1, f) == f;
	if (f - p < 4 || memcmp(p, "mit ", 4))
		return 0;
	p = ex_skip_space(p + 4, f);
	return p == f || (f - p <= 22 && !memcmp(p, "einem Anteil von", 16) && ex_skip_space(p + 16, f) == f);
}

/*
 * "Größter Abnehmer blieb China mit einem Anteil von 19,5 Prozent an den Exporten", "Bei den
 * Einfuhren lag China mit 22,1 Prozent vorn" after figures of Korea's trade: a trade share whose
 * subject the clause names bare as the other side of trade — with a partner noun (grammar.tsv
 * partnernoun), or set with the share as a list sets its entries — is that country's share of the
 * trade whose owner the document's trade shares had before: the owner stays, the country is the
 * partner.
 */
static void partner_as_owner(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const struct ex_attr *o = &c->last[KZ_I_TRADE_SHARE], *v = &c->last[KZ_I_OTHER];
	const struct cache_slot *sl;
	size_t at;
	int noun;

	/* (the owner: of the trade shares before, else of the trade's value the text gave last,
	 * "Südkoreas Ausfuhren stiegen auf 683,8 Milliarden Dollar") */
	if (!c->have_last[KZ_I_TRADE_SHARE] && c->have_last[KZ_I_OTHER] &&
	    (!strcmp(v->detail, "exports") || !strcmp(v->detail, "imports") || !strcmp(v->detail, "total_trade")))
		o = v;
	else if (!c->have_last[KZ_I_TRADE_SHARE])
		return;
	if (a->ind != KZ_I_TRADE_SHARE || !a->subject[0] || !o->subject[0] ||
	    !strcmp(o->subject, a->subject) || !strcmp(o->subject, "EU") || (a->partner[0] && strcmp(a->partner, o->subject) &&
	    !strcmp(o->partner, a->subject)))
		return;
	noun = word_in_clause(c, si, q, LX_PARTNERNOUN, 1, &at);
	sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_MENTIONS);
	/* "Bei den Importen lag China vorn: 11,8 Prozent aller Einfuhren kamen aus der Volksrepublik":
	 * the subject named in the figure's clause after a preposition of the other side of trade (aus,
	 * von, nach), and nowhere as an owner (a genitive, an adjective), is the partner */
	{
		int from = 0, owner = 0;
		for (size_t k = 0; k < sl->nm; k++) {
			const struct mention *m = &sl->m[k];
			if (strcmp(m->code, a->subject))
				continue;
			if (m->flags & (LXF_ADJ | LXF_GEN) || m->role == R_GEN)
				owner = 1;
			else if (m->prep[0] && ex_word_in(m->prep, strlen(m->prep), (const char *const[]){"aus", "von", "vom", "nach", NULL}) &&
				 !at_clause_apart(c->text, m->start, m->end, q->start, q->end))
				from = 1;
		}
		if (from && !owner) {
			if (!a->partner[0] || !strcmp(a->partner, o->subject))
				ex_copy(a->partner, sizeof(a->partner), a->subject);
			ex_copy(a->subject, sizeof(a->subject), o->subject);
			return;
		}
	}
	for (size_t k = 0; k < sl->nm; k++) {
		const struct mention *m = &sl->m[k];
		if (strcmp(m->code, a->subject))
			continue;
		/* (bare: no preposition — a noun of receiving before it may have given it its role) */
		if ((m->role != R_NONE && m->role != R_FOR) || !plain_name(m))
			return; /* named as whose trade it is, somewhere in the sentence */
		if (!(noun && !at_clause_apart(c->text, m->start, m->end, q->start, q->end)) && !named_with_share(c, m, q))
			return;
	}
	/* (the owner itself named in the sentence otherwise than bare would have been taken) */
	if (!a->partner[0] || !strcmp(a->partner, o->subject))
		ex_copy(a->partner, sizeof(a->partner), a->subject);
	ex_copy(a->subject, sizeof(a->subject), o->subject);
}

void at_trade_context(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	partner_as_owner(c, si, q, a);
	for_owner(c, si, q, a);
	there_partner(c, si, q, a);
	partner_noun(c, si, q, a);
}
