/*
 * indicator.c: what a figure measures — its indicator (troops, trade_share, budget, gdp_share,
 * cost_share, change, other) and its detail.
 *
 * The unit decides the candidates: a factor is a change; a percent a share of trade, of GDP or
 * of costs; money a budget, a cost share or a trade volume; persons named as soldiers troops.
 * Among the cue stems of the sentence (data/cues.tsv, found inside compound words) the nearest
 * one of a candidate indicator wins (cues.c: one after the figure counts half the distance, one in
 * another clause 60 bytes more, one naming no sub-kind is weaker). With none in the sentence, the
 * one or two sentences before (across one paragraph break for a percent) may say what the figure
 * is of. Words right at the figure make it a change ("um 5 Prozent", "ein Plus von", "höher"),
 * a yearly rate ("pro Jahr") or an addition ("zusätzlich"). Troop figures get their detail from
 * troop cues: a legal floor or an exercise anywhere in the sentence, a branch only close by,
 * else the nearest cue of their own clause.
 */
#include "attrib_int.h"

#include <stdio.h>
#include <string.h>

/* "ein Fonds zur Unterstützung der Streitkräfte": a capitalised noun [ws, we) of aid whose genitive
 * ("der"/"des" and a capitalised word) names no country is support of one's own, no aid. */
int at_own_support(const struct ex_ctx *c, size_t ws, size_t we)
{
	const char *t = c->text, *end = t + c->doc->len, *a = ex_skip_space(t + we, end), *ae = ex_word_end(a, end);
	const char *n = ex_skip_space(ae, end), *ne = ex_word_end(n, end);
	size_t ml;

	if (!ex_upper_at(t + ws, t + we) || !ex_word_in(a, (size_t)(ae - a), (const char *const[]){"der", "des", NULL}) ||
	    ne <= n || !ex_upper_at(n, ne))
		return 0;
	return !ex_lex_match_after(c->lx, LX_COUNTRY, n, ne, &ml);
}

/* "zusätzlich 18,8 Mrd. Euro", "weitere 2 Milliarden", "zusätzliche Mittel in Höhe von 2,2
 * Milliarden": a word of addition right before the number at p, or before a noun of money and
 * "in Höhe von", "von" or "über" that lead to it. */
static int added_before(const char *s, const char *p)
{
	static const char *const add[] = {"zusätzlich", "zusätzliche", "zusätzlichen", "weitere", "weiteren", NULL};
	static const char *const between[] = {"Mittel", "Gelder", "Geld", "Summe", "Betrag", "Beträge", "in", "Höhe",
					      "von", "über", "im", "Umfang", NULL};
	const char *x = p, *w, *we;

	for (int k = 0; k < 6; k++) {
		w = ex_word_back(s, x, &we);
		if (w == we)
			return 0;
		if (ex_word_in(w, (size_t)(we - w), add))
			return 1;
		if (!ex_word_in(w, (size_t)(we - w), between))
			return 0;
		x = w;
	}
	return 0;
}

/* "ein Plus von 6,5 Milliarden Euro", "einen Zuwachs um 2 Mrd.": the amount is a change */
static int change_noun_before(const struct ex_lexicon *lx, const char *s, const char *p)
{
	const struct ex_lex_entry *e;
	const char *x = p, *we;

	for (int step = 0; step < 2; step++) {
		x = ex_word_back(s, x, &we);
		if (we == x)
			return 0;
		if (step == 0 && (lower_word(x, (size_t)(we - x), "von") || lower_word(x, (size_t)(we - x), "um")))
			continue;
		if (step == 0 && (lower_word(x, (size_t)(we - x), "rund") || lower_word(x, (size_t)(we - x), "etwa")))
			continue;
		e = ex_lex_word(lx, LX_CHANGE, x, (size_t)(we - x));
		return e && !strcmp(e->value, "before");
	}
	return 0;
}

/* "… pro Jahr", "… im Jahr", "… jährlich", "… jedes Jahr" right after an amount: the bytes from p
 * to the phrase's end, 0 when there is none */
size_t ex_per_year(const char *p, const char *e)
{
	const char *x = p;

	while (x < e && (*x == ' ' || *x == '\n'))
		x++;
	if (e - x >= 8 && !memcmp(x, "pro Jahr", 8))
		return (size_t)(x - p) + 8;
	if (e - x >= 7 && !memcmp(x, "im Jahr", 7) && !(e - x > 8 && x[7] == ' ' && x[8] >= '0' && x[8] <= '9'))
		return (size_t)(x - p) + 7;
	if (e - x >= 9 && !memcmp(x, "jährlich", 9))
		return (size_t)(x - p) + 9;
	if (e - x >= 10 && !memcmp(x, "jedes Jahr", 10))
		return (size_t)(x - p) + 10;
	return 0;
}

/* "8,3 Prozent mehr als 2025", "3,7 Prozent höher": the figure is a change; with compared, also
 * "gut ein Viertel über dem des laufenden Jahres", "2 Prozent unter dem Vorjahr" (a word of
 * comparison and a dative article: a difference, never "500 Soldaten über die Grenze") */
static int word_after_is_change(const struct ex_lexicon *lx, const char *p, const char *e, int compared)
{
	const struct ex_lex_entry *w;
	const char *we, *a, *ae;

	while (p < e && (*p == ' ' || *p == '\n'))
		p++;
	we = ex_word_end(p, e);
	w = ex_lex_word(lx, LX_CHANGE, p, (size_t)(we - p));
	if (!w)
		return 0;
	if (!strcmp(w->value, "after"))
		return 1;
	if (!compared || strcmp(w->value, "compared"))
		return 0;
	for (a = we; a < e && *a == ' '; a++)
		;
	ae = ex_word_end(a, e);
	return ex_word_in(a, (size_t)(ae - a), (const char *const[]){"dem", "der", "denen", NULL});
}

void at_set_detail(struct ex_attr *a, const char *d)
{
	ex_copy(a->detail, sizeof(a->detail), d ? d : "");
}

/* "des israelischen Verteidigungsetats", "der gesamten Staatsausgaben": at p, a genitive article,
 * lower-case adjectives, then a noun that names a budget or spending (cues.tsv budget or other
 * with a budget's detail) — and no word of GDP in the clause after it? */
static int budget_genitive(const struct ex_ctx *c, const char *p, const char *end)
{
	const char *x = p, *w, *ce = p;
	const struct ex_lex_entry *cue = NULL;
	size_t ml;
	int words = 0;

	w = ex_next_word(p, &x, end);
	if (!w || w != p ||
	    !ex_word_in(w, (size_t)(x - w), (const char *const[]){"des", "der", "aller", "seines", "seiner", "ihres", "ihrer", NULL}))
		return 0;
	while ((w = ex_next_word(x, &x, end)) != NULL && words++ < 3) {
		if (memchr(p, ',', (size_t)(w - p)))
			return 0;
		if (*w >= 'a' && *w <= 'z')
			continue; /* an adjective */
		/* the compound's head, its last part, with up to three letters of inflection
		 * ("Verteidigungsetats"; not "Rüstungseinfuhren") */
		/* — the longest such cue, the one starting first ("Nato-Haushalts" is the common budget) */
		for (const char *y = w; y + 3 < x && !cue; y++) {
			const struct ex_lex_entry *e = ex_lex_stem(c->lx, LX_CUE, y, x, end, &ml);
			if (e && (size_t)(x - y) - ml <= 3)
				cue = e;
		}
		if (cue && strcmp(cue->detail, "defense_budget") && strcmp(cue->detail, "federal_budget"))
			cue = NULL;
		ce = x;
		break;
	}
	if (!cue)
		return 0;
	/* (a share of GDP after all: "… des Haushalts, gemessen am BIP") */
	for (const char *y = ce; y < end && *y != ',' && *y != ';' && *y != '.'; y++) {
		const struct ex_lex_entry *e;
		if (ex_letter_before(ce, y) && y != ce)
			continue;
		e = ex_lex_stem(c->lx, LX_CUE, y, ex_word_end(y, end), end, &ml);
		if (e && !strcmp(e->value, "gdp_share") && !e->detail[0])
			return 0;
	}
	return 1;
}

/* "Frankreich steigerte seinen Anteil an den weltweiten Rüstungsexporten auf 11 Prozent": a whole
 * that may stand before its share (flag before) anywhere in the figure's clause before it. */
#define WHOLE_REACH 160 /* bytes */
static const struct ex_lex_entry *whole_before(const struct ex_ctx *c, const struct ex_qty *q)
{
	const char *s = c->text + q->start, *x, *end = c->text + q->start;
	const struct ex_lex_entry *w;
	size_t ml;

	/* (at most a phrase's length back: a clause of thousands of figures is not read again for each) */
	while (s > c->text && end - s < WHOLE_REACH && s[-1] != ',' && s[-1] != ';' && s[-1] != '.' && s[-1] != '\n')
		s--;
	for (x = s; x < end; x++)
		if ((x == s || x[-1] == ' ') && (w = ex_lex_match_after(c->lx, LX_WHOLE, x, end, &ml)) != NULL &&
		    (w->flags & LXF_BEFORE) && !ex_letter_at(x + ml, end))
			return w;
	return NULL;
}

/*
 * "gut zwei Drittel davon entfallen auf die USA", "mehr als zwei Drittel der Ausgaben im Bündnis":
 * right after a share, the total it is part of (grammar.tsv whole: davon, der Ausgaben, des
 * Haushalts) makes it a share of that total, not of GDP — unless GDP is named in the clause.
 */
static int share_of_whole(const struct ex_ctx *c, const struct ex_qty *q, size_t e, struct ex_attr *a)
{
	const char *p = c->text + q->end, *end = c->text + e, *x;
	const struct ex_lex_entry *w;
	size_t ml;

	while (p < end && *p == ' ')
		p++;
	if (!(w = ex_lex_match_after(c->lx, LX_WHOLE, p, end, &ml)) || ex_letter_at(p + ml, end))
		w = whole_before(c, q);
	if (!w) {
		if (!budget_genitive(c, p, end))
			return 0;
		/* "knapp 13 Prozent des israelischen Verteidigungsetats": a budget of no listed form */
		a->ind = KZ_I_OTHER;
		at_set_detail(a, "share_of_budget");
		a->share_of_noun = 1; /* (the percents after it share its kind, as after "Prozent der Aufträge") */
		return 1;
	}
	/* "military": only of a troop count before it in the sentence ("1,28 Mio. Soldaten, der Einsatz
	 * bindet also weniger als ein Prozent davon"), never of money or trade ("davon 19 Prozent nach
	 * China") */
	if (w->flags & LXF_MILITARY) {
		int troops = 0;
		for (size_t i = 0; i < c->ncur && !troops; i++)
			troops = c->cur[i].end <= q->start && c->cur[i].military;
		if (!troops)
			return 0;
	}
	for (x = c->text + q->end; x < end && *x != ',' && *x != ';' && *x != '.'; x++)
		if ((x == c->text + q->end || !ex_letter_before(c->text + q->end, x)) &&
		    ex_lex_stem(c->lx, LX_CUE, x, ex_word_end(x, end), end, &ml) &&
		    !strcmp(ex_lex_stem(c->lx, LX_CUE, x, ex_word_end(x, end), end, &ml)->value, "gdp_share") &&
		    !ex_lex_stem(c->lx, LX_CUE, x, ex_word_end(x, end), end, &ml)->detail[0])
			return 0; /* "… der Ausgaben, gemessen am BIP": GDP's after all */
	a->ind = KZ_I_OTHER;
	at_set_detail(a, w->value);
	a->share_of_noun = a->world_share = (w->flags & LXF_BEFORE) != 0; /* (the list after it shares its kind) */
	return 1;
}

/*
 * "dazu kamen 19,8 Mrd. Euro aus dem Sondervermögen": right after an amount, the fund it is drawn
 * from (words.tsv drawn) makes it a year's outlay of that fund, not the fund's volume ("ein
 * Sondervermögen von 100 Mrd. Euro").
 */
static void drawn_from(const struct ex_ctx *c, const struct ex_qty *q, size_t e, struct ex_attr *a)
{
	const char *p = c->text + q->end, *end = c->text + e;
	const struct ex_lex_entry *w;
	size_t ml;

	if (q->unit_end > q->end)
		p = c->text + q->unit_end;
	while (p < end && *p == ' ')
		p++;
	if ((w = ex_lex_match_after(c->lx, LX_DRAWN, p, end, &ml)) != NULL)
		at_set_detail(a, w->value);
}

static int people_in_force(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *q);
static void troop_detail(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *q,
			 struct ex_attr *a);

/* "Die USA ziehen 12.000 Soldaten aus Deutschland ab": ziehen/zog … ab */
static int separable_withdrawal(const char *s, const char *e)
{
	int verb = 0, ab = 0;
	const char *p = s, *w;

	while ((w = ex_next_word(s, &p, e)) != NULL) {
		if ((p - w >= 4 && !memcmp(w, "zieh", 4)) || (p - w >= 3 && !memcmp(w, "zog", 3)))
			verb = 1;
		if (p - w == 2 && !memcmp(w, "ab", 2) && verb)
			ab = 1;
	}
	return verb && ab;
}

/*
 * "1,44 Prozent, das entspricht rund 55,6 Milliarden Dollar", "746,9 Milliarden Yen, umgerechnet
 * 6,9 Milliarden Dollar": a figure restating the one before it in its sentence (a `restate` word
 * between them, data/status.tsv) measures the same: money restating a share of GDP is that
 * budget, a percent restating a budget its share of GDP. 1 when a was set.
 */
static int restates(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const struct ex_attr *p = &c->prev;
	const char *x, *w, *end = c->text + q->start;
	int money = ex_is_currency(q->unit), pct = !strcmp(q->unit, "percent"), found = 0;

	if (!c->have_prev || c->prev_si != si || c->prev_end > q->start || q->start - c->prev_end > 40 ||
	    q->cell_end > q->cell_start)
		return 0;
	for (x = c->text + c->prev_end; (w = ex_next_word(c->text + c->prev_end, &x, end)) != NULL;)
		if (ex_lex_word(c->lx, LX_RESTATE, w, (size_t)(x - w)) && strcmp(w, "oder") && strcmp(w, "was"))
			found = 1;
	if (!found)
		return 0;
	if (money && p->ind == KZ_I_GDP_SHARE) {
		a->ind = KZ_I_BUDGET;
		at_set_detail(a, p->detail[0] ? p->detail : "defense_budget");
	} else if (pct && p->ind == KZ_I_BUDGET && !strcmp(p->detail, "defense_budget")) {
		a->ind = KZ_I_GDP_SHARE;
		at_set_detail(a, p->detail);
	} else if ((money && p->ind == KZ_I_BUDGET) ||
		   (pct && (p->ind == KZ_I_GDP_SHARE || p->ind == KZ_I_TRADE_SHARE || p->ind == KZ_I_COST_SHARE))) {
		a->ind = p->ind;
		at_set_detail(a, p->detail);
	} else {
		return 0;
	}
	return 1;
}

/* "Für 2019 einigten sich die Bündnispartner auf eine Erhöhung dieses Betrags auf 1,04 Billionen
 * Won": money that a demonstrative of its clause (words.tsv amountref) points back with is of the
 * kind of the money named last, within two sentences of its paragraph. 1 when a was set. */
static int points_to_money(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const char *s = c->text + c->sent[si].start, *end = c->text + q->start, *x = s, *w;

	if (!c->have_money || si - c->money_si > 2 || c->sent[c->money_si].para != c->sent[si].para ||
	    (c->money_si == si && c->prev_end > q->start))
		return 0;
	while ((w = ex_next_word(s, &x, end)) != NULL) {
		size_t ml;
		if (ex_lex_match_after(c->lx, LX_AMOUNTREF, w, end, &ml) && !at_clause_between(c->text, (size_t)(w - c->text), q->start)) {
			a->ind = KZ_I_BUDGET;
			snprintf(a->detail, sizeof(a->detail), "%.*s", (int)kz_detail_base(c->money.detail, NULL, NULL),
				 c->money.detail);
			return 1;
		}
	}
	return 0;
}

/*
 * "Die Exporte in die USA stiegen auf 115,7 Milliarden Dollar (18,3 Prozent)": a percent alone in a
 * parenthesis right after a trade volume (money of exports or imports) is that trade's share of the
 * whole. 1 when a was set.
 */
static int share_of_volume(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const char *t = c->text, *p = t + q->start, *f = t + q->end;

	if (!c->have_prev || c->prev_si != si || c->prev.ind != KZ_I_OTHER ||
	    (strcmp(c->prev.detail, "exports") && strcmp(c->prev.detail, "imports")))
		return 0;
	while (p > t + c->prev_end && p[-1] == ' ')
		p--;
	if (p - 1 <= t + c->prev_end || p[-1] != '(')
		return 0;
	for (p--; p > t + c->prev_end && p[-1] == ' ';)
		p--;
	while (f < t + c->sent[si].end && *f == ' ')
		f++;
	if (p != t + c->prev_end || f >= t + c->sent[si].end || *f != ')')
		return 0;
	a->ind = KZ_I_TRADE_SHARE;
	at_set_detail(a, c->prev.detail);
	return 1;
}

/*
 * "… eine Außenhandelsquote von 78 Prozent, mehr als Japan (mit einem Anteil von 36 Prozent) und die
 * USA (26 Prozent)": a percent in a parenthesis opened right after a country is an entry of the list
 * the sentence's figure before opened, and measures the same. 1 when a was set.
 */
static int list_entry(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const char *s = c->text + c->sent[si].start, *p = c->text + q->start, *w, *we;
	size_t ml;

	if (!c->have_prev || c->prev_si != si || c->prev_end > q->start || q->cell_end > q->cell_start ||
	    !(c->prev.ind == KZ_I_GDP_SHARE || c->prev.ind == KZ_I_TRADE_SHARE || c->prev.ind == KZ_I_COST_SHARE ||
	      c->prev.ind == KZ_I_OTHER))
		return 0;
	/* the parenthesis may hold a few words before the figure ("Japan (mit einem Anteil von 36
	 * Prozent)") */
	while (p > s && p[-1] != '(' && p[-1] != ')' && p[-1] != ',' && c->text + q->start - p < 60)
		p--;
	if (p == s || p[-1] != '(')
		return 0;
	p--;
	w = ex_word_back(s, p, &we);
	if (w == we || !ex_lex_match_after(c->lx, LX_COUNTRY, w, we, &ml))
		return 0;
	a->ind = c->prev.ind;
	at_set_detail(a, c->prev.detail);
	return 1;
}

/* Is the figure followed by a genitive of a noun ("ein Viertel der Aufträge", "30 Prozent des
 * Personals")? */
static int of_noun(const struct ex_ctx *c, const struct ex_qty *q, size_t e)
{
	const char *end = c->text + e, *w = ex_skip_space(c->text + q->end, end), *we = ex_word_end(w, end), *n;

	if (!ex_word_in(w, (size_t)(we - w), (const char *const[]){"der", "des", NULL}))
		return 0;
	n = ex_skip_space(we, end);
	/* (an adjective may come first: "der heimischen Aufträge") */
	while (n < end && !ex_upper_at(n, end) && ex_letter_at(n, end)) {
		we = ex_word_end(n, end);
		if (we - n < 3 || (we[-1] != 'n' && we[-1] != 'r' && we[-1] != 's'))
			return 0;
		n = ex_skip_space(we, end);
	}
	return n < end && ex_upper_at(n, end);
}

void at_indicator(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	/* a table cell is read with its column's header: cues come from there */
	size_t s = q->cell_end > q->cell_start ? q->cell_start : c->sent[si].start;
	size_t e = q->cell_end > q->cell_start ? q->cell_end : c->sent[si].end;
	struct ex_qty qq;

	if (q->cell_end > q->cell_start) {
		qq = *q;
		qq.start = qq.nstart = qq.end = q->cell_end; /* distances measured from the header cell */
		q = &qq;
	}
	size_t where;
	const struct ex_lex_entry *cue;

	a->ind = KZ_I_OTHER;
	at_set_detail(a, "");
	if (!strcmp(q->unit, "factor")) {
		a->ind = KZ_I_CHANGE;
		at_set_detail(a, "increase");
		return;
	}
	if (!strcmp(q->unit, "percent") || !strcmp(q->unit, "points")) {
		static const char *const share[] = {"trade_share", "gdp_share", "cost_share", "change", "other", NULL};
		static const char *const shares[] = {"trade_share", "gdp_share", "cost_share", NULL};
		int of;
		if (at_word_before_is(c->text + s, c->text + q->start, "um") || word_after_is_change(c->lx, c->text + q->end, c->text + e, 1)) {
			a->ind = KZ_I_CHANGE;
			return;
		}
		if (restates(c, si, q, a) || list_entry(c, si, q, a) || share_of_volume(c, si, q, a))
			return;
		if (share_of_whole(c, q, e, a))
			return;
		if (at_word_before_is(c->text + s, c->text + q->start, "auf") ||
		    at_word_before_is(c->text + s, c->text + q->start, "nach")) {
			/* "sank auf 5,8 Prozent": a level; the verb is not the figure's kind */
			static const char *const levels[] = {"trade_share", "gdp_share", "cost_share", "other", NULL};
			cue = at_nearest_cue(c, s, e, q, levels, &where);
		} else {
			cue = at_nearest_cue(c, s, e, q, share, &where);
		}
		/* "mindestens ein Viertel der Aufträge": a percent of a noun no cue names is a share of
		 * that — never the share of GDP the text spoke of before (a total it spoke of may be:
		 * "fast 45 Prozent des Gesamtwerts" of the exports) */
		of = !cue && of_noun(c, q, e);
		/* "…, ein Plus von einem Prozentpunkt": a change named in the next clause is that clause's */
		if (cue && !strcmp(cue->value, "change") && where >= q->end && at_clause_between(c->text, q->end, where))
			cue = NULL;
		/* "Davon sollen 3,5 Prozent auf die Kernausgaben entfallen": what the percent is of
		 * may stand in the sentence before — in a news text often a paragraph before ("Spitzenreiter
		 * ist Polen (4,12 Prozent) …" after the paragraph on the share of GDP) */
		/* "… entfielen 39 Prozent der weltweiten Rüstungsexporte auf die USA. Russland kam auf 19
		 * Prozent": a list of world shares goes on in the sentences after it */
		if ((!cue || at_clause_between(c->text, where < q->start ? where : q->end, where < q->start ? q->start : where)) &&
		    !of && c->have_share && si - c->share_si <= 2 && c->share.world_share &&
		    c->sent[si].para == c->sent[c->share_si].para) {
			/* (a cue in another clause is that clause's: "Russland kam auf 19 Prozent, seine
			 * Exporte brachen um 26 Prozent ein") */
			a->ind = c->share.ind;
			at_set_detail(a, c->share.detail);
			a->share_of_noun = 1;
			a->world_share = c->share.world_share;
			return;
		}
		for (size_t back = 1; !cue && back <= 2 && back <= si &&
				      c->sent[si].para - c->sent[si - back].para <= 2;
		     back++) {
			/* a share only: a change or another kind in the sentence before is its own figure's */
			struct ex_qty far = *q;
			far.start = far.end = c->sent[si - back].end;
			cue = at_nearest_cue(c, c->sent[si - back].start, c->sent[si - back].end, &far, shares, &where);
		}
		/* a headline's share: what the lead says it measures ("Hegseth verlangt fünf Prozent" over
		 * "…, ihre Verteidigungsausgaben auf fünf Prozent der Wirtschaftsleistung zu erhöhen") */
		if (!cue && si == 0 && c->nsent > 1 && c->sent[1].para != c->sent[0].para) {
			struct ex_qty far = *q;
			far.start = far.end = c->sent[1].start;
			cue = at_nearest_cue(c, c->sent[1].start, c->sent[1].end, &far, shares, &where);
		}
		/* still nothing: the share the text spoke of last, a few paragraphs back at most ("Spanien
		 * liegt bei 1,01 und Kanada bei 1,27 Prozent" in a text on shares of GDP) */
		if (of && cue && !strcmp(cue->value, "gdp_share"))
			cue = NULL;
		if (!cue && !strcmp(q->unit, "percent") && c->have_share && si - c->share_si <= 8 && c->sent[si].para - c->sent[c->share_si].para <= 2 &&
		    !(of && c->share.ind == KZ_I_GDP_SHARE)) {
			a->ind = c->share.ind;
			at_set_detail(a, c->share.detail);
			a->share_of_noun = c->share.share_of_noun;
			a->world_share = c->share.world_share;
			return;
		}
		if (of && !cue) {
			a->share_of_noun = 1;
			return;
		}
		/* "Das Haushaltsdefizit soll auf 0,9 Prozent des BIP sinken": a share of GDP whose
		 * clause names a quantity that is no spending (a `ratio` cue) measures that quantity */
		if (cue && !strcmp(cue->value, "gdp_share")) {
			const struct ex_lex_entry *r = at_ratio_cue(c, s, e, q);
			if (r)
				cue = r;
		}
		if (cue) {
			a->ind = (enum kz_ind)kz_ind_parse(cue->value);
			at_set_detail(a, cue->detail);
			if (a->ind == KZ_I_CHANGE && !strcmp(q->unit, "percent") && cue->detail[0] &&
			    strcmp(cue->detail, "difference")) {
				/* "Anstieg von 14 Prozent": keep the direction as detail */
			}
		} else if (!strcmp(q->unit, "points")) {
			a->ind = KZ_I_CHANGE;
		}
		if (!strcmp(q->unit, "points") && a->ind != KZ_I_CHANGE)
			a->ind = KZ_I_CHANGE;
		return;
	}
	if (ex_is_currency(q->unit)) {
		static const char *const money[] = {"budget", "cost_share", "trade_share", "other", NULL};
		if (at_word_before_is(c->text + s, c->text + q->start, "um") ||
		    word_after_is_change(c->lx, c->text + q->end, c->text + e, 1) || change_noun_before(c->lx, c->text + s, c->text + q->start)) {
			a->ind = KZ_I_CHANGE;
			return;
		}
		if (restates(c, si, q, a) || points_to_money(c, si, q, a))
			return;
		cue = at_nearest_cue(c, s, e, q, money, &where);
		if (si > 0 && c->sent[si - 1].para == c->sent[si].para &&
		    (strstr_n(c->text + s, q->start - s, "dafür") || strstr_n(c->text + s, q->start - s, "hierfür"))) {
			/* "Im Haushaltsentwurf sind dafür 4 Milliarden Euro vorgesehen": what "dafür"
			 * points to is named in the sentence before */
			struct ex_qty far = *q;
			const struct ex_lex_entry *prev;
			far.start = far.end = c->sent[si - 1].end;
			prev = at_nearest_cue(c, c->sent[si - 1].start, c->sent[si - 1].end, &far, money, &where);
			if (prev)
				cue = prev;
		}
		/* (a sentence before that named money of a kind itself ends the search: that money's
		 * kind is the one spoken of, not a cue further back — see below) */
		for (size_t back = 1; !cue && back <= 2 && back <= si && !(c->have_money && c->money_si + back > si); back++) {
			struct ex_qty far = *q;
			far.start = far.end = c->sent[si - back].end;
			cue = at_nearest_cue(c, c->sent[si - back].start, c->sent[si - back].end, &far, money,
					  &where);
			a->detail_weak = cue != NULL;
		}
		/* "… gefordert": money named by a cue of no sub-kind, or of any spending ("Ausgaben", flag
		 * generic), is what the sentences before of its paragraph spoke of ("Stationierungskosten …
		 * Trump forderte fünf Milliarden Dollar", "Militärausgaben … Russlands Ausgaben von 149 Mrd.") */
		for (size_t back = 1; cue && (!cue->detail[0] || (cue->flags & LXF_GENERIC)) && !strcmp(cue->value, "budget") &&
				      back <= 2 && back <= si && c->sent[si - back].para == c->sent[si].para &&
				      !(c->have_money && c->money_si + back > si);
		     back++) {
			struct ex_qty far = *q;
			const struct ex_lex_entry *prev;
			far.start = far.end = c->sent[si - back].end;
			prev = at_nearest_cue(c, c->sent[si - back].start, c->sent[si - back].end, &far, money, &where);
			if (prev && prev->detail[0] && (!strcmp(prev->value, "budget") || !strcmp(prev->detail, "federal_budget")))
				cue = prev; /* (the whole federal budget too: "… den Bundeshaushalt 2026. Er sieht Ausgaben von …") */
		}
		if (cue && (!strcmp(cue->value, "trade_share") || !strcmp(cue->value, "other"))) {
			a->ind = KZ_I_OTHER; /* trade volumes, a company's sales: not budgets */
			at_set_detail(a, cue->detail);
		} else if (!cue) {
			/* money that nothing names is of the kind the text spoke of last ("Dahinter folgen
			 * Singapur (1,21 Milliarden Euro), Algerien (558,7 Millionen) …" after the arms
			 * exports), else, in these texts, spent by a state (the keys: 327 budget figures of
			 * 349 in money) */
			a->ind = KZ_I_BUDGET;
			if (c->have_money && si - c->money_si <= 8 && c->sent[si].para - c->sent[c->money_si].para <= 2)
				at_set_detail(a, c->money.detail);
		} else if (cue) {
			a->ind = KZ_I_BUDGET;
			at_set_detail(a, cue->detail);
			a->detail_weak |= (cue->flags & (LXF_GENERIC | LXF_WEAK)) != 0;
			/* a cue of no sub-kind whose paragraph named none either, or a word of any spending
			 * whose search stopped at money named between: the kind of the money just before
			 * ("… 1,0389 Billionen Won (rund 900 Mio. US-Dollar). Trump hatte fünf Milliarden
			 * Dollar gefordert": host-nation support; "… auf 88,5 Mrd. US-Dollar … Russlands
			 * Ausgaben von geschätzt 149 Mrd. Dollar": SIPRI's military expenditure) */
			if ((!a->detail[0] || ((cue->flags & LXF_GENERIC) && c->money_si < si)) && c->have_money &&
			    si - c->money_si <= 2 && c->sent[c->money_si].para == c->sent[si].para) {
				/* its kind, not its form: a yearly rate or a part is that figure's own */
				snprintf(a->detail, sizeof(a->detail), "%.*s",
					 (int)kz_detail_base(c->money.detail, NULL, NULL), c->money.detail);
			}
			/* "im Schnitt 211 Milliarden Yen pro Jahr": a yearly rate, not the total */
			if (ex_per_year(c->text + q->end, c->text + e) || strstr_n(c->text + s, q->start - s, "im Schnitt") ||
			    strstr_n(c->text + s, q->start - s, "jährlich")) {
				size_t dl = strlen(a->detail);
				if (dl && dl + 9 < sizeof(a->detail))
					memcpy(a->detail + dl, "_per_year", 10);
			}
			/* "zusätzlich 18,8 Mrd. Euro", "zusätzliche Mittel in Höhe von 2,2 Milliarden":
			 * an addition, not the budget itself */
			if (added_before(c->text + s, c->text + q->start))
				at_set_detail(a, "additional");
		}
		drawn_from(c, q, e, a);
		return;
	}
	if (!strcmp(q->unit, "persons") && word_after_is_change(c->lx, c->text + q->end, c->text + e, 0)) {
		a->ind = KZ_I_CHANGE; /* "rund 20.000 mehr als im Vorjahr" */
		return;
	}
	if (!strcmp(q->unit, "persons") && (q->military || people_in_force(c, s, e, q))) {
		static const char *const loss[] = {"other", NULL};
		a->ind = KZ_I_TROOPS;
		/* "4.000 Soldaten seien getötet oder verwundet worden": losses, not a force */
		cue = at_nearest_cue(c, s, e, q, loss, &where);
		if (cue && !strcmp(cue->detail, "casualties") && !at_clause_between(c->text, q->end, where > q->end ? where : q->end)) {
			a->ind = KZ_I_OTHER;
			at_set_detail(a, "casualties");
			return;
		}
		troop_detail(c, s, e, q, a);
		return;
	}
}

/*
 * "davon etwa 900 Briten", "auf der gut 3500 Amerikaner Dienst tun": people counted by their
 * nationality (a countries.tsv name as the figure's noun) are soldiers when a troop count stands
 * before them in the sentence or a troop cue (units.tsv / cues.tsv troops) in their clause.
 */
static int people_in_force(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *q)
{
	const struct ex_lex_entry *ce;
	const struct cache_slot *sl;
	size_t ml;

	if (q->unit_end <= q->unit_start ||
	    (ce = ex_lex_match_after(c->lx, LX_COUNTRY, c->text + q->unit_start, c->text + q->unit_end, &ml)) == NULL ||
	    ml != q->unit_end - q->unit_start || !(ce->flags & LXF_NAME) || (ce->flags & (LXF_PERSON | LXF_INSIDE)))
		return 0;
	/* a part of the troops before ("davon", "darunter"), or in their clause; families and
	 * civilians counted after them are not ("…; mit Familien leben hier etwa 50 000 Amerikaner") */
	{
		const char *we, *w = ex_word_back(c->text + s, c->text + q->start, &we);
		int part = w < we && ex_word_in(w, (size_t)(we - w), (const char *const[]){"davon", "darunter", NULL});
		for (size_t i = 0; i < c->ncur; i++)
			if (c->cur[i].end <= q->start && c->cur[i].military &&
			    (part || !at_clause_apart(c->text, q->start, q->end, c->cur[i].start, c->cur[i].end)))
				return 1;
	}
	/* a cue of where troops are or go in its clause ("stationiert", "entsandt", "Manöver") */
	sl = at_sentence_info(c, s, e, NULL, 0, AT_CUES);
	for (size_t i = 0; i < sl->nc; i++) {
		const char *d = sl->c[i].e->detail;
		if (!strcmp(sl->c[i].e->value, "troops") &&
		    (!strcmp(d, "stationed") || !strcmp(d, "sent") || !strcmp(d, "exercise") || !strcmp(d, "relocation")) &&
		    !at_clause_apart(c->text, q->start, q->end, sl->c[i].ws, sl->c[i].we) &&
		    !(sl->c[i].ws >= q->start && sl->c[i].we <= q->end))
			return 1;
	}
	return 0;
}

/* "rund 4.500 der 28.500 in Südkorea stationierten US-Soldaten … zu verlegen": a cue between
 * another figure's number and its unit describes that figure */
static int in_other_figure(const struct ex_ctx *c, const struct ex_qty *q, const struct cue_hit *h)
{
	for (size_t i = 0; i < c->ncur; i++) {
		const struct ex_qty *o = &c->cur[i];
		size_t oe = o->unit_end > o->end ? o->unit_end : o->end;
		if (o != q && o->start != q->start && h->ws >= o->end && h->we <= oe)
			return 1;
	}
	return 0;
}

/*
 * What kind of troop figure: a legal floor or an exercise wherever the sentence says so; a
 * branch ("das Heer", "von der Luftwaffe") only when named close by in the same clause; else
 * the nearest cue (stationed, sent, relocation, armed_forces). Cues inside the figure's own
 * quote ("Soldaten") say nothing. Without a cue, ex_attribute calls troops with a partner
 * "stationed".
 */
static void troop_detail(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *q,
			 struct ex_attr *a)
{
	const struct cache_slot *sl = at_sentence_info(c, s, e, NULL, 0, AT_CUES);
	const struct cue_hit *best = NULL;
	size_t bestd = (size_t)-1;
	int strong = 0;

	at_set_detail(a, "");
	for (size_t i = 0; i < sl->nc; i++) {
		const struct cue_hit *h = &sl->c[i];
		size_t d;
		int st;
		int place = 0;
		if (strcmp(h->e->value, "troops") || !h->e->detail[0])
			continue;
		/* "Truppenübungsplatz" is a place (a stem of another kind spans the word), no exercise */
		for (size_t k = i; k-- > 0 && sl->c[k].ws == h->ws && !place;)
			place = strcmp(sl->c[k].e->value, "troops") && sl->c[k].e->klen + 2 >= h->we - h->ws;
		if (place)
			continue;
		/* (but "23.000 aktive Soldaten": who is counted, active soldiers only) */
		if (h->ws >= q->start && h->we <= q->end && strcmp(h->e->detail, "active"))
			continue;
		if (in_other_figure(c, q, h))
			continue;
		d = at_dist(c, q->start, q->end, h->ws, h->we);
		if (!strcmp(h->e->detail, "branch") &&
		    (d > 30 || at_clause_apart(c->text, q->start, q->end, h->ws, h->we)))
			continue;
		st = !strcmp(h->e->detail, "floor") ? 3 : !strcmp(h->e->detail, "exercise") ? 2 : 0;
		/* a weak cue in another clause speaks of another figure ("Südkorea verfügt über
		 * 500.000 Soldaten, hinzu kommen 28.500 dort stationierte US-Soldaten") */
		if (!st && at_clause_apart(c->text, q->start, q->end, h->ws, h->we))
			continue;
		if (h->ws >= q->end)
			d /= 2;
		if (st > strong || (st == strong && d < bestd)) {
			strong = st;
			bestd = d;
			best = h;
		}
	}
	if (best)
		at_set_detail(a, best->e->detail);
	else if (separable_withdrawal(c->text + s, c->text + e))
		at_set_detail(a, "withdrawal");
	/* "darf nicht unter 28 500 fallen": a floor */
	if (q->end - q->start > 12 && !ex_casecmp_n(c->text + q->start, 11, "nicht unter"))
		at_set_detail(a, "floor");
}
