/*
 * cues.c: the cue stems of a sentence (data/cues.tsv) and which of them names a figure.
 *
 * at_find_cues walks each word of a sentence once and lists every cue stem inside it (compounds:
 * "Stationierungskosten" holds "kosten"), each word's hits longest first. at_nearest_cue picks, of
 * the cues of the indicators a figure's unit allows, the nearest: one after the figure counts half
 * its distance, one in another clause 60 bytes more; the noun that governs the figure ("Zölle von
 * 25 Prozent", "Militärhilfe im Wert von") or that the figure is a part of ("80 Prozent der
 * Kosten") wins outright; a cue naming no sub-kind, and a word of any spending, are weaker
 * evidence. at_ratio_cue finds a quantity put as a share of GDP that is no spending (a deficit, a
 * debt) in the figure's clause.
 */
#include "attrib_int.h"

#include <string.h>

/* Every cue contained in the words of [s, e), each word's hits longest first. */
size_t at_find_cues(const struct ex_ctx *c, size_t s, size_t e, struct cue_hit *h)
{
	const struct ex_lexicon *lx = c->lx;
	const struct ex_words *ws = ex_words_of(c, s, e);
	const char *t = c->text;
	size_t n = 0;

	for (size_t wi = 0; wi < ws->n && n < MAX_CUES; wi++) {
		const char *p = t + ws->w[wi].start, *we = t + ws->w[wi].end;
		size_t first = n;
		for (const char *x = p; x + 1 < we && n < MAX_CUES; x++) {
			unsigned char b = ex_fold_byte((unsigned char)*x);
			unsigned pr = (unsigned)b << 8 | ex_fold_byte((unsigned char)x[1]);
			const unsigned *ix;
			unsigned nix;
			if (!(lx->cue_pair[pr >> 3] & (1u << (pr & 7))))
				continue;
			/* a stem of three bytes or more begins with the word's three here, a shorter one
			 * with its first byte */
			if (!(lx->cue_short[b >> 3] & (1u << (b & 7)))) {
				unsigned tr;
				if (we - x < 3)
					continue;
				tr = ex_cue_triple(x);
				if (!(lx->cue_triple[tr >> 3] & (1u << (tr & 7))))
					continue;
			}
			if (lx->trie.ok) {
				/* the stems the word holds from x on, longest first */
				unsigned nodes[EX_TRIE_MAX], nn = ex_lex_trie_walk(lx, LX_CUE, x, we, nodes);
				while (nn-- > 0)
					for (unsigned j = lx->trie.first[nodes[nn]];
					     j < lx->trie.first[nodes[nn] + 1] && n < MAX_CUES; j++) {
						/* (a 'word' stem only at a word's start: "trägt", not "beträgt") */
						if ((lx->v[LX_CUE][lx->trie.ent[j]].flags & LXF_WORD) && x != p)
							continue;
						h[n].e = &lx->v[LX_CUE][lx->trie.ent[j]];
						h[n].ws = (size_t)(p - t);
						h[n].we = (size_t)(we - t);
						n++;
					}
				continue;
			}
			ix = ex_lex_candidates(lx, LX_CUE, x, (size_t)(we - x), &nix);
			for (unsigned j = 0; j < nix && n < MAX_CUES; j++) {
				const struct ex_lex_entry *en = &lx->v[LX_CUE][ix[j]];
				if ((size_t)(we - x) < en->klen ||
				    ((unsigned char)en->key[0] < 0x80 &&
				     (unsigned char)en->key[1] != ex_fold_byte((unsigned char)x[1])) ||
				    ex_casecmp_n(x, en->klen, en->key) || ((en->flags & LXF_WORD) && x != p))
					continue;
				h[n].e = en;
				h[n].ws = (size_t)(p - t);
				h[n].we = (size_t)(we - t);
				n++;
			}
		}
		/* "Luftverteidigungssysteme", "Verteidigungsraketen": a compound that ends in a noun of
		 * things counted names weapons, not a kind of money — its stems of budgets are none */
		if (n > first) {
			int money = 0;
			const struct ex_lex_entry *u = NULL;
			for (size_t i = first; i < n && !money; i++)
				money = !strcmp(h[i].e->value, "budget");
			if (money) /* (the ending is looked up only for a word a stem of money stands in) */
				u = ex_lex_suffix(lx, LX_UNIT, p, (size_t)(we - p));
			/* "Verteidigungsminister", "Handelsministerium", "Beschaffungsbehörde": a compound that
			 * ends in an office (status.tsv title) or a body that speaks (grammar.tsv source, flag
			 * body) names who, not what is measured — none of its stems count */
			const struct ex_lex_entry *o = ex_upper_at(p, we) ? ex_lex_suffix(lx, LX_TITLE, p, (size_t)(we - p)) : NULL;
			if (!o && ex_upper_at(p, we)) {
				o = ex_lex_suffix(lx, LX_SOURCE, p, (size_t)(we - p));
				if (o && !(o->flags & LXF_BODY))
					o = NULL;
			}
			if (o && (o->flags & LXF_SUFFIX) && o->klen < (size_t)(we - p)) {
				n = first;
			} else if (u && (u->flags & LXF_SUFFIX) && !strcmp(u->value, "count") && u->klen < (size_t)(we - p)) {
				/* (a stem that names the compound with its head stays: "Sonderabkommen" is the
				 * host-nation agreement, however "*abkommen" are counted) */
				size_t k = first, ul = strlen(u->key) - (u->key[0] == '*');
				const char *uk = u->key + (u->key[0] == '*');
				for (size_t i = first; i < n; i++)
					if (strcmp(h[i].e->value, "budget") ||
					    (h[i].e->klen >= ul && !ex_casecmp_n(h[i].e->key + h[i].e->klen - ul, ul, uk)))
						h[k++] = h[i];
				n = k;
			}
		}
		/* longest first within the word, so the most specific stem wins */
		for (size_t i = first + 1; i < n; i++)
			for (size_t j = i; j > first && h[j].e->klen > h[j - 1].e->klen; j--) {
				struct cue_hit tmp = h[j];
				h[j] = h[j - 1];
				h[j - 1] = tmp;
			}
	}
	return n;
}

/* Does the word ending at we govern the figure at fs by "von", "im Wert von", "in Höhe von" or
 * "über" ("Zölle von 25 Prozent", "ein Anteil von rund 30 Prozent": a qualifier may stand
 * between)? */
static int noun_of_figure(const struct ex_ctx *c, size_t we, size_t fs, int money)
{
	static const char *const measure[] = {"im Wert von", "in Höhe von", "im Umfang von", "über", "von", NULL};
	const char *x, *xe;
	size_t k;

	if (we >= fs)
		return 0; /* (a cue in or after the figure's own words governs nothing before it) */
	x = ex_skip_space(c->text + we, c->text + fs);
	xe = ex_word_end(x, c->text + fs);

	/* (a noun of money also by "im Wert von", "in Höhe von", "über": "Militärhilfe im Wert von
	 * 13,5 Milliarden"; "Ausfuhren im Wert von" may be of any goods) */
	for (k = money ? 0 : 4; measure[k]; k++) {
		size_t l = strlen(measure[k]);
		if ((size_t)(c->text + fs - x) >= l && !memcmp(x, measure[k], l) && (x + l == c->text + fs || x[l] == ' ')) {
			xe = x + l;
			break;
		}
	}
	if (!measure[k])
		return 0;
	x = ex_skip_space(xe, c->text + fs);
	return x == c->text + fs || ex_lex_match_after(c->lx, LX_QUAL, x, c->text + fs, &(size_t){0}) != NULL;
}

/* Is the word at ws the noun right after the figure ending at fe and a genitive article ("80
 * Prozent der Kosten")? */
static int genitive_head(const struct ex_ctx *c, size_t fe, size_t ws)
{
	const char *x = ex_skip_space(c->text + fe, c->text + ws), *xe = ex_word_end(x, c->text + ws);

	return ex_word_in(x, (size_t)(xe - x), (const char *const[]){"der", "des", NULL}) &&
	       ex_skip_space(xe, c->text + ws) == c->text + ws;
}

/* A cue of a quantity that is no spending (flag ratio: Haushaltsdefizit, Staatsverschuldung) in the
 * clause of the figure q, or NULL. */
const struct ex_lex_entry *at_ratio_cue(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *q)
{
	const struct cache_slot *sl = at_sentence_info(c, s, e, NULL, 0, AT_CUES);

	for (size_t i = 0; i < sl->nc; i++)
		if ((sl->c[i].e->flags & LXF_RATIO) && !at_clause_apart(c->text, sl->c[i].ws, sl->c[i].we, q->start, q->end))
			return sl->c[i].e;
	return NULL;
}

const struct ex_lex_entry *at_nearest_cue(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *q,
					   const char *const *inds, size_t *where)
{
	const struct cache_slot *sl = at_sentence_info(c, s, e, NULL, 0, AT_CUES);
	const struct ex_lex_entry *best = NULL;
	size_t bestd = (size_t)-1, i, last_ws = (size_t)-1;

	for (i = 0; i < sl->nc; i++) {
		const struct cue_hit *h = &sl->c[i];
		int ok = 0;
		size_t d;
		if (h->ws == last_ws)
			continue; /* this word already gave its most specific wanted cue */
		for (const char *const *ind = inds; *ind; ind++)
			if (!strcmp(h->e->value, *ind))
				ok = 1;
		if (!ok || (!strcmp(h->e->detail, "military_aid") && at_own_support(c, h->ws, h->we)))
			continue;
		/* (a cue of shares only: money borne is of its own kind) */
		if ((h->e->flags & LXF_PERCENT) && strcmp(q->unit, "percent"))
			continue;
		/* "unter die Marke von 20 Prozent gefallen": losses are counted in people, not shares */
		if (!strcmp(h->e->detail, "casualties") && strcmp(q->unit, "persons") && strcmp(q->unit, "count"))
			continue;
		last_ws = h->ws;
		d = at_dist(c, q->start, q->end, h->ws, h->we);
		/* what follows the figure ("74,5 Prozent der Stationierungskosten") weighs more,
		 * unless another clause begins in between ("…, dazu kamen … aus dem Sondervermögen") */
		if (h->ws >= q->end)
			d = at_clause_between(c->text, q->end, h->ws) ? d + 60 : d / 2;
		else if (at_clause_between(c->text, h->we, q->start))
			d += 60;
		else if (noun_of_figure(c, h->we, q->start, !strcmp(h->e->value, "budget")))
			d = 0; /* "Zölle von 25 Prozent auf Autoimporte": the noun the figure measures */
		/* "80 Prozent der Kosten für die Sicherheit": the noun the figure is a part of, right
		 * after it with "der"/"des", is what it measures, whatever follows */
		if (h->ws >= q->end && genitive_head(c, q->end, h->ws))
			d = 0;
		/* a cue that names no sub-kind ("Verteidigungsministerium") is weaker evidence */
		else if (!h->e->detail[0])
			d += strcmp(inds[0], "budget") ? 40 : 1000; /* money: only when no cue names a sub-kind */
		/* … and a word of any spending ("Ausgaben") yields to one of its sentence that says which
		 * ("Der Bundeshaushalt sieht Ausgaben von 520,5 Mrd. Euro vor") */
		else if ((h->e->flags & (LXF_GENERIC | LXF_WEAK)) && !strcmp(inds[0], "budget"))
			d += 500; /* (so does a weak cue: "… für Löhne sowie für technische Unterstützung") */
		if (d < bestd) {
			bestd = d;
			best = h->e;
			*where = h->ws;
		}
	}
	return best;
}
