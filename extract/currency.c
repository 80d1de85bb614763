/*
 * currency.c: the money a currency word several countries use stands for.
 *
 * "Kronen" are Sweden's, Norway's, Denmark's, the Czech Republic's or Iceland's; data/units.tsv
 * gives the word a default (unit Kronen SEK) and a `shared` row the codes it may be
 * (shared Kronen SEK NOK DKK CZK ISK). A figure in such a word takes the money of the country the
 * text speaks of: the one of those countries named nearest before it in its sentence (a subject
 * before one that receives, "Norwegen will die Ukraine mit 75 Milliarden Kronen unterstützen"),
 * else after it, else the last one the sentences before it name as one that acts or owns (not
 * "Kampfjets aus Schweden"), back to the headline. A word that
 * says whose money it is ("dänische Kronen") is a unit row of its own and never comes here.
 */
#include "attrib_int.h"

#include <string.h>

/* The code of the candidates [v] that is the money of country, as the currency rows say: its
 * currency row's key (a string that lives as long as the lexicon), or NULL. */
static const char *money_of(const struct ex_lexicon *lx, const char *v, const char *country)
{
	for (const char *p = v; *p; p += p[3] ? 4 : 3) {
		const struct ex_lex_entry *e = ex_lex_word(lx, LX_CURRENCY, p, 3);
		if (e && !strcmp(e->value, country))
			return e->key;
		if (!p[3])
			break;
	}
	return NULL;
}

/* Of the mentions m[0 .. n), the money of the one that best says whose money an amount at pos
 * is: nearest before pos (one that is not a receiver first), else the first after; NULL if none
 * of them has one of the codes. last: only the last one of the sentence counts (a sentence
 * before the figure's). */
static const char *pick(const struct ex_lexicon *lx, const char *v, const struct mention *m, size_t n, size_t pos,
			int last)
{
	const char *before = NULL, *receiver = NULL, *after = NULL;

	for (size_t i = 0; i < n; i++) {
		const char *code = money_of(lx, v, m[i].code);
		if (!code || (last && m[i].role != R_NONE && m[i].role != R_GEN))
			continue; /* (in a sentence before, only a country that acts or owns: "Gripen aus Schweden" is none) */
		if (last || m[i].start < pos) {
			if (m[i].role == R_FOR || m[i].via_an)
				receiver = code;
			else
				before = code;
		} else if (!after) {
			after = code;
		}
	}
	if (before)
		return before;
	if (receiver)
		return receiver;
	return last ? NULL : after;
}

void ex_shared_currency(struct ex_ctx *c, size_t si, struct ex_qty *q, size_t nq)
{
	const struct ex_lexicon *lx = c->lx;

	if (!lx->n[LX_SHARED])
		return;
	for (size_t i = 0; i < nq; i++) {
		const struct ex_lex_entry *e;
		const char *w, *we, *code = NULL;
		if (!q[i].unit || q[i].unit_end <= q[i].unit_start)
			continue;
		/* the unit's last word: "Milliarden Kronen" ends in the currency word */
		we = c->text + q[i].unit_end;
		w = we;
		while (w > c->text + q[i].unit_start && w[-1] != ' ')
			w--;
		e = ex_lex_word(lx, LX_SHARED, w, (size_t)(we - w));
		if (!e || strncmp(e->value, q[i].unit, 3))
			continue; /* not the word's default: an adjective said whose money it is */
		{
			const struct cache_slot *sl =
				at_sentence_info(c, c->sent[si].start, c->sent[si].end, q, nq, AT_MENTIONS);
			code = pick(lx, e->value, sl->m, sl->nm, q[i].start, 0);
		}
		for (size_t sj = si; !code && sj-- > 0;) {
			const struct cache_slot *sl =
				at_sentence_info(c, c->sent[sj].start, c->sent[sj].end, NULL, 0, AT_MENTIONS);
			code = pick(lx, e->value, sl->m, sl->nm, 0, 1);
		}
		if (code)
			q[i].unit = code;
	}
}
