/*
 * purchase.c: who sells and who buys in an arms deal.
 *
 * "Polen hat bei Südkorea 180 Panzer bestellt … Wert von 6,5 Milliarden Dollar", "Rumänien kauft
 * 32 Kampfflugzeuge in den USA", "Polen kauft für 4,75 Milliarden Dollar das US-Raketenabwehrsystem
 * Patriot", "Weitere 32 F-16 kauft das Land für rund 300 Millionen Euro von Norwegen": a word of
 * buying (data/grammar.tsv buy, a stem) names the deal; its seller is the country a seller's
 * preposition gives (buy rows of value `seller`: bei, in, von, aus), else a country's prefix or
 * adjective in what is bought ("US-Raketenabwehrsystem", "amerikanische Kampfjets"), else the
 * country that makes the system bought (grammar.tsv maker: "Kampfjets vom Typ F-35"). The deal's
 * money is the seller's (its subject), the buyer its partner (DESIGN.md). Money that is already a
 * deal ("Vertrag im Wert von") finds its seller in the sentence before too. A word of selling
 * (buy rows of value `sale`: Verkauf, verkauft) names the seller before it and the buyer after it
 * with "an" ("den Verkauf von 40 F-35 an Griechenland"). A buyer that names no seller, in an
 * article on one country's exports, buys from that exporter (the document's first giver of the
 * export frame, frames.c). In a list of deals, each buyer is the country that opens its own
 * conjunct or sentence ("…, Ägypten im Februar Haubitzen im Wert von …").
 */
#include "attrib_int.h"

#include <string.h>

/* The position of a word of buying or (*sale) selling in sentence si, or (size_t)-1. */
static size_t buy_word(const struct ex_ctx *c, size_t si, int *sale)
{
	const char *s = c->text + c->sent[si].start, *e = c->text + c->sent[si].end, *p = s, *w;

	while ((w = ex_next_word(s, &p, e)) != NULL) {
		const struct ex_lex_entry *b = ex_lex_stem(c->lx, LX_BUY, w, p, e, &(size_t){0});
		if (b && strcmp(b->value, "seller")) {
			*sale = !strcmp(b->value, "sale");
			return (size_t)(w - c->text);
		}
	}
	return (size_t)-1;
}

/* The buyer a word of selling at bw names: the country after it with "an" or "nach" ("den Verkauf
 * von 40 F-35 an Griechenland"), else the first named bare after it; NULL if none. */
static const struct mention *sold_to(const struct cache_slot *sl, size_t bw, const char *seller)
{
	const struct mention *any = NULL;

	for (size_t i = 0; i < sl->nm; i++) {
		if (sl->m[i].start <= bw || !strcmp(sl->m[i].code, seller) || sl->m[i].role == R_SOURCE ||
		    (sl->m[i].flags & (LXF_PREFIX | LXF_ADJ)))
			continue;
		if (sl->m[i].via_an)
			return &sl->m[i];
		if (!any)
			any = &sl->m[i]; /* ("an den Nachbarn und Rivalen Griechenland": a name after nouns) */
	}
	return any;
}

/* The seller sentence si names with a word of buying at bw: by a seller's preposition, the one
 * nearest the word ("32 F-16 aus Norwegen, die Rumänien … erworben hat"), else by a prefix or
 * adjective after the word in its clause; not buyer. NULL when none. */
static const struct mention *seller_in(const struct cache_slot *sl, const struct ex_ctx *c, size_t bw,
				       const char *buyer)
{
	const struct mention *best = NULL;
	size_t bd = (size_t)-1;

	for (size_t i = 0; i < sl->nm; i++) {
		const struct ex_lex_entry *b;
		size_t d = sl->m[i].start > bw ? sl->m[i].start - bw : bw - sl->m[i].start;
		if (!sl->m[i].prep[0] || !strcmp(sl->m[i].code, buyer) || d >= bd)
			continue;
		b = ex_lex_word(c->lx, LX_BUY, sl->m[i].prep, strlen(sl->m[i].prep));
		if (b && !strcmp(b->value, "seller")) {
			best = &sl->m[i];
			bd = d;
		}
	}
	if (best)
		return best;
	for (size_t i = 0; i < sl->nm; i++)
		if ((sl->m[i].flags & (LXF_PREFIX | LXF_ADJ)) && sl->m[i].start > bw && strcmp(sl->m[i].code, buyer) &&
		    sl->m[i].role != R_SOURCE && !at_clause_between(c->text, bw, sl->m[i].start))
			return &sl->m[i];
	return NULL;
}

/* The country that makes a weapon system sentence si names (data/grammar.tsv maker), other than
 * buyer, or NULL (attrib_int.h): "32 Kampfjets vom Typ F-35 … bestellt" buys from the US. */
const char *at_maker_in(const struct ex_ctx *c, size_t si, const char *buyer)
{
	const char *s = c->text + c->sent[si].start, *e = c->text + c->sent[si].end, *p = s, *w;
	size_t ml;

	while ((w = ex_next_word(s, &p, e)) != NULL) {
		const struct ex_lex_entry *m = ex_upper_at(w, e) ? ex_lex_match_after(c->lx, LX_MAKER, w, e, &ml) : NULL;
		if (m && strcmp(m->value, buyer))
			return m->value;
	}
	return NULL;
}

/* The buyer: the country named bare right before the word of buying ("Rumänien kauft"), else NULL. */
static const struct mention *buyer_in(const struct cache_slot *sl, size_t bw)
{
	const struct mention *b = NULL;

	for (size_t i = 0; i < sl->nm && sl->m[i].start < bw; i++)
		if (sl->m[i].role == R_NONE || sl->m[i].role == R_GEN)
			b = &sl->m[i];
	return b;
}

/* The buyer a figure's own part of a sentence names after from (a word of buying, or the
 * sentence's start): a country bare before the figure at the start of that part — the sentence's,
 * or a conjunct's after a comma — else NULL. */
static const struct mention *own_buyer(const struct ex_ctx *c, size_t si, size_t from, const struct ex_qty *q)
{
	const struct cache_slot *sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_MENTIONS);
	const char *t = c->text, *s = t + c->sent[si].start;

	for (size_t i = sl->nm; i-- > 0;) {
		const struct mention *m = &sl->m[i];
		const char *b = t + m->start;
		if (m->start < from || m->end > q->start || m->role != R_NONE ||
		    (m->flags & (LXF_PREFIX | LXF_ADJ | LXF_ORG | LXF_PERSON)))
			continue;
		const char *ae, *a = ex_word_back(s, b, &ae);
		/* (the article of a name: "die Vereinigten Arabischen Emirate") */
		if (ae > a && ex_word_in(a, (size_t)(ae - a), (const char *const[]){"die", "Die", "der", "Der", "das", "Das", NULL}))
			b = a;
		while (b > s && b[-1] == ' ')
			b--;
		if (b == s || b[-1] == ',')
			return m;
	}
	return NULL;
}

/* "Warschau hatte 32 Kampfjets vom Typ F-35 bestellt": a count of what a country buys is the
 * buyer's; the seller, named as for the deal's money, is its partner. */
static void bought_count(const struct ex_ctx *c, size_t si, struct ex_attr *a)
{
	size_t bw;
	int sale = 0;
	const struct cache_slot *sl;
	const struct mention *by, *seller;
	const char *maker;

	if ((bw = buy_word(c, si, &sale)) == (size_t)-1 || sale)
		return;
	sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_MENTIONS);
	by = buyer_in(sl, bw);
	if (!by || strcmp(by->code, a->subject) || a->partner[0])
		return;
	if ((seller = seller_in(sl, c, bw, by->code)) != NULL)
		ex_copy(a->partner, sizeof(a->partner), seller->code);
	else if ((maker = at_maker_in(c, si, by->code)) != NULL)
		ex_copy(a->partner, sizeof(a->partner), maker);
}

static void purchase_in(const struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct ex_qty *all, size_t nq,
			struct ex_attr *a)
{
	int deal = !strcmp(a->detail, "arms_deal"), weapons = 0;
	/* (aid only because the article is about aid: a sentence of buying buys — "Rumänien plant
	 * den Kauf von 32 Kampfjets für 6,5 Milliarden Dollar" in a text on aid to Ukraine) */
	int topic = a->detail_topic;

	if (a->ind == KZ_I_OTHER && !strcmp(q->unit, "count") && a->subject[0] && a->status != KZ_S_DEMAND) {
		bought_count(c, si, a);
		return;
	}
	/* "Die Niederlande kaufen bei Rheinmetall Munition für 1,2 Milliarden Euro": money a company
	 * is named with is its business, unless the sentence buys — then it is a deal */
	if (a->ind == KZ_I_OTHER && !strcmp(a->detail, "company") && ex_is_currency(q->unit) &&
	    a->status != KZ_S_DEMAND && buy_word(c, si, &(int){0}) != (size_t)-1) {
		a->ind = KZ_I_BUDGET;
		at_set_detail(a, "arms_deal");
		deal = 1;
	}
	if (a->ind != KZ_I_BUDGET || !ex_is_currency(q->unit) || a->status == KZ_S_DEMAND)
		return;
	/* money of no kind buys weapons when the sentence counts them ("32 Kampfflugzeuge … für 6,5
	 * Milliarden Dollar") */
	for (size_t i = 0; i < nq && !weapons; i++)
		weapons = all[i].unit && !strcmp(all[i].unit, "count");
	/* (an export approval of one sale is that deal: "genehmigte den Verkauf … für 8,6 Milliarden") */
	if (!deal && strcmp(a->detail, "procurement") && strcmp(a->detail, "military_exports") &&
	    !(weapons && (!a->detail[0] || topic)))
		return;
	for (size_t back = 0; back <= (size_t)deal && back <= si; back++) {
		size_t k = si - back, bw;
		const struct mention *seller, *by;
		const struct cache_slot *sl;
		char buyer[sizeof(a->subject)];
		int sale = 0;
		if (back && c->sent[k].para != c->sent[si].para)
			break;
		if ((bw = buy_word(c, k, &sale)) == (size_t)-1)
			continue;
		sl = at_sentence_info(c, c->sent[k].start, c->sent[k].end, NULL, 0, AT_MENTIONS);
		by = buyer_in(sl, bw);
		if (!sale) {
			/* "Die Emirate bestellten … für 3,5 Milliarden Dollar, Ägypten im Februar Haubitzen
			 * im Wert von …": a conjunct of its own, or a sentence of its own after the word of
			 * buying ("Australien hatte … für 30 Haubitzen ausgegeben"), names its own buyer */
			const struct mention *own = own_buyer(c, si, back ? c->sent[si].start : bw, q);
			if (own)
				by = own;
		}
		if (sale) {
			/* "genehmigte Washington den Verkauf von 40 F-35 an Griechenland": the one named
			 * before the word sells, the one it goes to buys */
			char sel[sizeof(a->subject)];
			const struct mention *to;
			ex_copy(sel, sizeof(sel), by ? by->code : a->subject);
			if (!sel[0] || (to = sold_to(sl, bw, sel)) == NULL)
				continue;
			at_set_detail(a, "arms_deal");
			ex_copy(a->subject, sizeof(a->subject), sel);
			ex_copy(a->partner, sizeof(a->partner), to->code);
			return;
		}
		if (!strcmp(a->detail, "military_exports"))
			continue; /* an exporter's total is no one purchase */
		ex_copy(buyer, sizeof(buyer), by ? by->code : a->subject);
		if ((seller = seller_in(sl, c, bw, buyer)) == NULL) {
			const char *maker = buyer[0] ? at_maker_in(c, k, buyer) : NULL;
			if (maker) {
				at_set_detail(a, "arms_deal");
				ex_copy(a->partner, sizeof(a->partner), buyer);
				ex_copy(a->subject, sizeof(a->subject), maker);
				return;
			}
			/* "Die Emirate bestellten ein Flugabwehrsystem für 3,5 Milliarden Dollar" in an
			 * article on one country's arms exports: that exporter sells */
			if (by && c->giver[F_EXPORT][0] && strcmp(c->giver[F_EXPORT], buyer)) {
				at_set_detail(a, "arms_deal");
				ex_copy(a->partner, sizeof(a->partner), buyer);
				ex_copy(a->subject, sizeof(a->subject), c->giver[F_EXPORT]);
				return;
			}
			continue;
		}
		at_set_detail(a, "arms_deal");
		if (buyer[0])
			ex_copy(a->partner, sizeof(a->partner), buyer);
		ex_copy(a->subject, sizeof(a->subject), seller->code);
		if (!strcmp(a->partner, a->subject))
			a->partner[0] = '\0';
		return;
	}
}

/* The seller and buyer sentence k names together with a word of buying (its buyer bare before
 * it, its seller by preposition, prefix or maker) or of selling (its seller before it, its buyer
 * after it), copied to seller and buyer (8 bytes each); 0 when it names no such pair. */
static int deal_in(const struct ex_ctx *c, size_t k, char *seller, char *buyer)
{
	int sale = 0;
	size_t bw = buy_word(c, k, &sale);
	const struct cache_slot *sl;
	const struct mention *by, *other;
	const char *sc;

	if (bw == (size_t)-1)
		return 0;
	sl = at_sentence_info(c, c->sent[k].start, c->sent[k].end, NULL, 0, AT_MENTIONS);
	if ((by = buyer_in(sl, bw)) == NULL)
		return 0;
	if (sale) {
		if ((other = sold_to(sl, bw, by->code)) == NULL)
			return 0;
		ex_copy(seller, 8, by->code);
		ex_copy(buyer, 8, other->code);
		return strcmp(seller, buyer) != 0;
	}
	other = seller_in(sl, c, bw, by->code);
	if ((sc = other ? other->code : at_maker_in(c, k, by->code)) == NULL || !strcmp(sc, by->code))
		return 0;
	ex_copy(seller, 8, sc);
	ex_copy(buyer, 8, by->code);
	return 1;
}

/* Does sentence si name country code bare, by its name ("Katar hat …"), not as a source nor as an
 * adjective or prefix ("nach Angaben der britischen Regierung")? */
static int names(const struct ex_ctx *c, size_t si, const char *code)
{
	const struct cache_slot *sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_MENTIONS);

	for (size_t i = 0; i < sl->nm; i++)
		if (sl->m[i].role == R_NONE && !(sl->m[i].flags & (LXF_ADJ | LXF_PREFIX)) && !strcmp(sl->m[i].code, code))
			return 1;
	return 0;
}

/* "Japan hat den Kauf von 400 Marschflugkörpern des Typs Tomahawk in den USA besiegelt. … Der
 * Kaufpreis betrage bis zu 254 Milliarden Yen", "Die Emirate bestellen 80 Kampfjets vom Typ
 * Rafale. … Zusätzlich kaufen die Emirate zwölf Transporthubschrauber für knapp eine Milliarde
 * Euro": a deal's money (or money of no kind, or of procurement, in a sentence of buying) whose
 * sentence names no seller sells from the maker of what that sentence names ("Der Vertrag über 96
 * Kampfhubschrauber vom Typ AH-64E Apache"), else is of the document's deal — the first a sentence
 * of the lead names with both its parties, or a figure before was read with — when it names that
 * deal's buyer, its seller or no one ("Katar hat seit 1996 mehr als eine Milliarde Dollar in den
 * Ausbau der Basis gesteckt": a buyer named in a sentence that buys nothing spends its own money).
 * The parties a deal gives are named with the figure: "das Land" after it changes neither. */
static void the_deal(struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const char *maker;
	int deal = !strcmp(a->detail, "arms_deal"), buys;

	if (a->ind != KZ_I_BUDGET || !ex_is_currency(q->unit) || a->status == KZ_S_DEMAND || a->partner[0])
		return;
	buys = buy_word(c, si, &(int){0}) != (size_t)-1;
	if (!deal && ((a->detail[0] && strcmp(a->detail, "procurement")) || !buys))
		return;
	for (; !c->deal_seller[0] && c->deal_upto <= si && c->deal_upto < c->nsent && c->deal_upto < 3; c->deal_upto++)
		if (!deal_in(c, c->deal_upto, c->deal_seller, c->deal_buyer))
			c->deal_seller[0] = c->deal_buyer[0] = '\0';
	maker = deal ? at_maker_in(c, si, "") : NULL;
	if (maker && a->subject[0] && strcmp(a->subject, maker) && strcmp(c->deal_seller, maker)) {
		ex_copy(a->partner, sizeof(a->partner), a->subject);
		ex_copy(a->subject, sizeof(a->subject), maker);
		return;
	}
	if (!c->deal_seller[0] || (maker && strcmp(maker, c->deal_seller)) ||
	    (a->subject[0] && strcmp(a->subject, c->deal_buyer) && strcmp(a->subject, c->deal_seller)) ||
	    (!buys && names(c, si, a->subject)))
		return;
	at_set_detail(a, "arms_deal");
	ex_copy(a->subject, sizeof(a->subject), c->deal_seller);
	ex_copy(a->partner, sizeof(a->partner), c->deal_buyer);
	a->subj_near = 1; /* ("Zusätzlich kauft das Land acht Hubschrauber für …": the buyer stays the buyer) */
}

void at_purchase(struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct ex_qty *all, size_t nq,
		 struct ex_attr *a)
{
	purchase_in(c, si, q, all, nq, a);
	the_deal(c, si, q, a);
	/* (the first deal a figure is read with is the document's, when its lead named none) */
	if (!c->deal_seller[0] && !strcmp(a->detail, "arms_deal") && a->subject[0] && a->partner[0] &&
	    strcmp(a->subject, a->partner) && c->deal_upto >= 3) {
		ex_copy(c->deal_seller, sizeof(c->deal_seller), a->subject);
		ex_copy(c->deal_buyer, sizeof(c->deal_buyer), a->partner);
	}
}
