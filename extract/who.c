/*
 * who.c: subject and partner — whose figure it is and the second country it concerns.
 *
 * A table cell takes its header's country as subject and its row's as partner. Otherwise the
 * figure's own words come first: a country in its unit ("US-Soldaten"), a name right before a
 * parenthesis holding it ("Estland (3,43 %)"), a genitive right after it ("40 Prozent Südkoreas").
 * Then each indicator picks by role (mentions.c): troops take their owner from a bare or genitive
 * mention or "aus", their place from "in"/"nach"; trade shares the owner of the trade noun and
 * the partner of "mit"/"nach"/"auf"; budgets the bare mention and the "für" or "an" of their own
 * clause; cost shares who pays and whose forces. With no one named, the last figure of the same
 * kind a few sentences back, then the sentences before, then the currency ("Won" is Korea's),
 * then the country the document has spoken of most. Last come the rules of particular deals:
 * aid goes to a recipient, an arms deal's seller is the subject, a demand in a currency is made
 * of its country, host-nation support is paid for US forces. Where troops are, once whose they
 * are is read: troops.c. The mentions that are scenery are dropped first: scenery.c.
 */
#include "attrib_int.h"

#include <stdio.h>
#include <string.h>

/* Is the word after p (spaces skipped) w? */
static int word_after_is(const char *p, const char *e, const char *w)
{
	size_t n = strlen(w);
	const char *we;

	p = ex_skip_space(p, e);
	we = ex_word_end(p, e);
	return (size_t)(we - p) == n && !memcmp(p, w, n);
}

/* Does the "für" mention m follow another amount right away ("26 Milliarden Dollar für Israel und
 * gut acht Milliarden Dollar für Partner im Indopazifik")? Then it names that amount's recipient. */
static int for_of_other(const char *t, const struct ex_qty *q, const struct ex_qty *all, size_t nq,
			const struct mention *m)
{
	for (size_t i = 0; i < nq; i++) {
		const struct ex_qty *o = &all[i];
		/* a conversion of the figure ("61 Milliarden Dollar (rund 57 Milliarden Euro) für") is
		 * the same amount */
		if (o->start == q->start || o->end > m->start || m->start - o->end > 14 || !o->unit ||
		    ex_paired(t, q, o) || ex_paired(t, o, q))
			continue;
		if (strstr_n(t + o->end, m->start - o->end, "für"))
			return 1;
	}
	return 0;
}

/* Does a verb of leaving (words.tsv leave) follow the mention m in its clause ("den Tschad
 * verlassen")? */
static int leaves_after(const struct ex_ctx *c, size_t si, const struct mention *m)
{
	const char *e = c->text + c->sent[si].end, *p = c->text + m->end, *x = p, *w;

	while ((w = ex_next_word(p, &x, e)) != NULL) {
		if (memchr(p, ',', (size_t)(w - p)) || memchr(p, ';', (size_t)(w - p)))
			return 0;
		if (*w >= 'a' && *w <= 'z' && ex_lex_stem(c->lx, LX_LEAVE, w, x, e, &(size_t){0}))
			return 1;
		p = x;
	}
	return 0;
}

void at_who(struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct ex_qty *all,
		size_t nq, struct ex_attr *a)
{
	struct mention m[MAX_MENTIONS];
	size_t s = c->sent[si].start, e = c->sent[si].end, n;
	const struct mention *sub = NULL, *par = NULL;
	int from_sentence, named_before = 0;

	{
		const struct cache_slot *sl = at_sentence_info(c, s, e, all, nq, AT_MENTIONS);
		n = sl->nm;
		memcpy(m, sl->m, n * sizeof(*m));
		at_mentions_in_clause(c, s, q->start, m, n);
	}
	a->subject[0] = a->partner[0] = '\0';
	n = at_drop_scenery(c, si, a, m, n);

	/* A table row: the header cell's "US-Soldaten" says whose, the row's first name where */
	if (q->cell_end > q->cell_start) {
		struct mention hm[8];
		size_t hn = at_find_mentions(c, q->cell_start, q->cell_end, NULL, 0, hm, sizeof(hm) / sizeof(hm[0]));
		if (n > 0) {
			if (hn > 0 && strcmp(hm[0].code, m[0].code)) {
				ex_copy(a->subject, sizeof(a->subject), hm[0].code);
				ex_copy(a->partner, sizeof(a->partner), m[0].code);
			} else {
				ex_copy(a->subject, sizeof(a->subject), m[0].code);
			}
			a->subj_src = 2;
			a->subj_near = 1; /* the row and its header name it: no neighbour's subject overrides it */
			return;
		}
	}
	/* The unit itself may name the subject: "US-Soldaten", "nordkoreanische Soldaten". */
	if (a->ind == KZ_I_TROOPS) {
		for (size_t i = 0; i < n; i++) {
			if (m[i].start >= q->unit_start && m[i].end <= q->unit_end)
				sub = &m[i];
			if ((m[i].flags & LXF_ADJ) && m[i].start >= q->nend && m[i].end <= q->unit_start)
				sub = &m[i];
		}
	}
	/* "Die Obergrenze für US-Truppen in Südkorea liegt bei 28.500 Soldaten": a bare troop noun
	 * counts the forces its clause names with their country */
	if (a->ind == KZ_I_TROOPS && !sub && q->unit_end > q->unit_start) {
		int bare = 0; /* (a country named bare in the clause is whose: "Russland hat … gegen ukrainische Truppen") */
		for (size_t i = 0; i < n && !bare; i++)
			bare = m[i].role == R_NONE && !(m[i].flags & (LXF_PREFIX | LXF_ADJ)) &&
			       !at_clause_apart(c->text, m[i].start, m[i].end, q->start, q->end);
		for (size_t i = 0; i < n && !sub && !bare; i++)
			if ((m[i].flags & (LXF_PREFIX | LXF_ADJ)) && at_mention_forces(c, &m[i], e) &&
			    !at_clause_apart(c->text, m[i].start, m[i].end, q->start, q->end))
				sub = &m[i];
	}
	/* "gefolgt von Estland (3,43 %)": a figure in parentheses right after a name is that country's */
	for (size_t i = 0; i < n && !sub; i++) {
		const char *ga = c->text + m[i].end, *gb = c->text + q->start;
		if (m[i].end <= q->start && gb - ga <= 3 && memchr(ga, '(', (size_t)(gb - ga)) &&
		    !(m[i].flags & LXF_PREFIX)) {
			if ((m[i].role == R_PARTNER || m[i].role == R_LOC) && a->ind == KZ_I_TRADE_SHARE)
				break; /* "mit China (26 Prozent)": the trade partner */
			sub = &m[i];
		}
	}
	/* "gefolgt von Estland mit 3,43 Prozent", "Schlusslicht ist Spanien mit 1,28 Prozent": in a
	 * ranking, the country right before "mit" and the figure is whose figure it is */
	for (size_t i = 0; i < n && !sub && a->ind != KZ_I_TRADE_SHARE; i++) {
		const char *ga = c->text + m[i].end, *gb = c->text + q->start, *w, *x = ga;
		/* (a place with its preposition is where: "der US-Armee in Europa mit etwa 2600 Soldaten") */
		if (m[i].end > q->start || gb - ga > 24 || (m[i].flags & (LXF_PREFIX | LXF_ADJ)) ||
		    (m[i].prep[0] && strcmp(m[i].prep, "von")))
			continue;
		w = ex_next_word(ga, &x, gb);
		if (w && ex_word_in(w, (size_t)(x - w), (const char *const[]){"mit", NULL}) &&
		    (ex_skip_space(x, gb) == gb || ex_lex_match_after(c->lx, LX_QUAL, ex_skip_space(x, gb), gb, &(size_t){0})))
			sub = &m[i];
	}
	/* "40,0 Prozent im Falle Südkoreas", "Über 90 Prozent der japanischen Rüstungsimporte" */
	if (!sub && a->ind != KZ_I_COST_SHARE && a->ind != KZ_I_TROOPS) {
		for (size_t i = 0; i < n && !sub; i++) {
			size_t gap = m[i].start >= q->end ? m[i].start - q->end : (size_t)-1;
			if (gap > 24 || (m[i].flags & LXF_PREFIX))
				continue;
			/* "120 Millionen Euro an Kosten der amerikanischen Truppen": the forces money is
			 * paid for are not whose money it is */
			if ((m[i].flags & LXF_ADJ) && a->ind == KZ_I_BUDGET && at_mention_forces(c, &m[i], e))
				continue;
			if ((m[i].flags & LXF_GEN) ||
			    ((m[i].flags & LXF_ADJ) && (strstr_n(c->text + q->end, gap, " der ") ||
							strstr_n(c->text + q->end, gap, " des "))))
				sub = &m[i];
		}
	}
	switch (a->ind) {
	case KZ_I_TROOPS:
		/* "17 500 Soldaten aus den USA": where troops come from is whose they are, unless
		 * they are withdrawn or moved from there ("zogen 20.000 Mann aus Südkorea ab", "5.000
		 * Soldaten aus Deutschland nach Polen verlegen") */
		for (size_t i = 0; i < n && !sub && strcmp(a->detail, "withdrawal") && strcmp(a->detail, "relocation"); i++)
			if (m[i].start >= q->end && m[i].start - q->end <= 16 &&
			    at_word_before_is(c->text + s, c->text + m[i].start, "aus"))
				sub = &m[i];
		for (size_t i = 0; i < n && !sub; i++)
			if (m[i].start >= q->end && m[i].start - q->end <= 16 &&
			    at_word_before_is(c->text + s, c->text + m[i].start, "den") &&
			    strstr_n(c->text + q->end, m[i].start - q->end, "aus den"))
				sub = &m[i];
		if (!sub)
			sub = at_pick(c, m, n, q, ROLE(R_NONE) | ROLE(R_GEN), 1);
		/* "Das US-Verteidigungsministerium prüft, etwa 4.500 der … Soldaten abzuziehen": a
		 * government's compound that speaks of the troops is whose they are, when no one else is */
		for (size_t i = 0; i < n && !sub; i++)
			if (m[i].role == R_SOURCE && (m[i].flags & LXF_PREFIX) && at_prefix_government(c, &m[i]) &&
			    m[i].end <= q->start)
				sub = &m[i];
		par = at_pick(c, m, n, q, ROLE(R_LOC), 0);
		/* (a place of another clause yields to a destination of the figure's own: "verlegen 4700
		 * Soldaten nach Polen, dazu kommen 600 Matrosen in Rota") */
		if (!par || at_clause_apart(c->text, q->start, q->end, par->start, par->end)) {
			const struct mention *to = at_pick(c, m, n, q, ROLE(R_PARTNER), 0);
			if (to && (!par || (to->via_an && !at_clause_apart(c->text, q->start, q->end, to->start, to->end))))
				par = to;
		}
		/* "Ende Januar hatten die letzten knapp 1000 Soldaten den Tschad verlassen": the object
		 * of a verb of leaving (words.tsv leave) in the figure's clause is where they were */
		for (size_t i = 0; i < n; i++)
			if (m[i].role == R_NONE && !(m[i].flags & (LXF_ADJ | LXF_PREFIX | LXF_PERSON)) && m[i].start > q->end &&
			    leaves_after(c, si, &m[i])) {
				if (sub == &m[i])
					sub = NULL;
				if (!par || at_clause_apart(c->text, q->start, q->end, par->start, par->end))
					par = &m[i];
				break;
			}
		/* "Größter Standort ist Ramstein mit etwa 9000 Soldaten": a place inside a country (a
		 * base, a region: countries.tsv inside) is where troops are, never whose */
		if (sub && (sub->flags & LXF_INSIDE)) {
			if (!par)
				par = sub;
			sub = NULL;
		}
		/* a withdrawal or a relocation is from the country the troops leave ("von Okinawa nach
		 * Guam verlegen": Japan), not the one they go to (DESIGN.md) */
		if (!strcmp(a->detail, "withdrawal") || !strcmp(a->detail, "relocation")) {
			/* first where they come from ("aus", "von"), else where they are ("in", "auf"),
			 * never where they go ("nach") */
			const struct mention *from = NULL, *at = NULL;
			for (size_t i = 0; i < n; i++) {
				if (&m[i] == sub || (sub && !strcmp(m[i].code, sub->code)))
					continue;
				/* (in the figure's clause: "1700 … nach Polen verlegt; 1000 Soldaten wechselten von
				 * Vilseck nach Rumänien" — Vilseck is the 1000's) */
				if (!from && (!strcmp(m[i].prep, "aus") || !strcmp(m[i].prep, "von") || !strcmp(m[i].prep, "vom")) &&
				    !at_clause_apart(c->text, q->start, q->end, m[i].start, m[i].end))
					from = &m[i];
				if (!at && (!strcmp(m[i].prep, "in") || !strcmp(m[i].prep, "im") || !strcmp(m[i].prep, "auf")) &&
				    !at_clause_apart(c->text, q->start, q->end, m[i].start, m[i].end))
					at = &m[i];
			}
			if (from || at)
				par = from ? from : at;
		}
		if (par == sub)
			par = NULL;
		/* troops are stationed in a country: "in Europa" or "im Bündnisgebiet" names none, but
		 * another place of theirs may ("In Wiesbaden sitzt das Hauptquartier der US-Armee in
		 * Europa mit etwa 2600 Soldaten") */
		if (par && (!strcmp(par->code, "EU") || !strcmp(par->code, "NATO"))) {
			par = NULL;
			for (size_t i = 0; i < n && !par; i++)
				if (m[i].role == R_LOC && strcmp(m[i].code, "EU") && strcmp(m[i].code, "NATO") &&
				    (!sub || strcmp(m[i].code, sub->code)))
					par = &m[i];
		}
		/* "Rund 12.000 Soldaten sollen Deutschland verlassen" in a text on US troops there: the
		 * country where the troops counted before were is their place, not their owner */
		if (sub && !par && (sub->role == R_NONE || sub->role == R_GEN) && c->have_last[KZ_I_TROOPS] &&
		    !at_own_forces(c, sub, e) &&
		    !(sub->start >= q->unit_start && sub->end <= q->unit_end) &&
		    !(sub->flags & (LXF_ADJ | LXF_PREFIX | LXF_ORG)) && !strcmp(c->last[KZ_I_TROOPS].partner, sub->code) &&
		    c->last[KZ_I_TROOPS].subject[0] && strcmp(c->last[KZ_I_TROOPS].subject, sub->code)) {
			ex_copy(a->subject, sizeof(a->subject), c->last[KZ_I_TROOPS].subject);
			ex_copy(a->partner, sizeof(a->partner), sub->code);
			a->subj_src = 1;
			return;
		}
		break;
	case KZ_I_TRADE_SHARE:
		if (at_trade_roles(c, si, q, m, n, a, &sub, &par))
			return;
		break;
	case KZ_I_COST_SHARE:
		for (size_t i = 0; i < n && !sub; i++)
			if ((m[i].flags & LXF_GEN) && m[i].start >= q->end && m[i].start - q->end <= 24)
				sub = &m[i];
		/* "ein Beitrag Japans von 74,5 Prozent" */
		for (size_t i = 0; i < n && !sub; i++)
			if ((m[i].flags & LXF_GEN) && m[i].end <= q->start && q->start - m[i].end <= 16 &&
			    strstr_n(c->text + m[i].end, q->start - m[i].end, " von "))
				sub = &m[i];
		if (!sub)
			sub = at_pick(c, m, n, q, ROLE(R_NONE), 1);
		if (sub && (sub->flags & LXF_PREFIX)) {
			par = sub;
			sub = NULL;
		}
		for (size_t i = 0; i < n && !par; i++)
			if ((m[i].flags & LXF_PREFIX) && m[i].start > q->end)
				par = &m[i];
		if (!sub)
			sub = at_pick(c, m, n, q, ROLE(R_GEN), 1);
		/* "In Deutschland waren es zuletzt rund ein Drittel": the host named with "in" bears it */
		if (!sub && !par)
			sub = at_pick(c, m, n, q, ROLE(R_LOC), 1);
		/* "Den Kosten der US-Stationierung stand ein Beitrag Japans von 74,5 Prozent gegenüber;
		 * Südkorea übernahm 40,0 Prozent": whose forces cost is the partner, before the figure too */
		for (size_t i = 0; i < n && !par; i++)
			if ((m[i].flags & LXF_PREFIX) && (!sub || strcmp(m[i].code, sub->code)))
				par = &m[i];
		if (!par)
			par = at_pick(c, m, n, q, ROLE(R_PARTNER) | ROLE(R_GEN), 0);
		break;
	case KZ_I_GDP_SHARE:
		/* a share of GDP "in Ungarn" is Hungary's */
		if (!sub)
			sub = at_pick(c, m, n, q, ROLE(R_NONE) | ROLE(R_FOR), 1);
		if (!sub)
			sub = at_pick(c, m, n, q, ROLE(R_GEN), 1);
		/* "dass Deutschland 2026 eine Nato-Quote von 2,8 Prozent erreicht", "Polen gehört zu den
		 * Nato-Staaten, die …": an alliance in a compound says how or among whom a share is counted;
		 * a country the sentence names bare is whose it is (the alliance's own goals stay its own) */
		if (sub && (sub->flags & LXF_PREFIX) && (!strcmp(sub->code, "NATO") || !strcmp(sub->code, "EU")) &&
		    a->status != KZ_S_TARGET)
			for (size_t i = 0; i < n; i++)
				if (m[i].role == R_NONE && !(m[i].flags & (LXF_PREFIX | LXF_ADJ | LXF_PERSON | LXF_CAPITAL)) &&
				    strcmp(m[i].code, "NATO") && strcmp(m[i].code, "EU")) {
					sub = &m[i];
					break;
				}
		break;
	case KZ_I_BUDGET:
		if (!sub)
			sub = at_pick(c, m, n, q, ROLE(R_NONE), 1);
		if (!sub)
			sub = at_pick(c, m, n, q, ROLE(R_GEN), 1);
		/* "Militärhilfe für die Ukraine", "26 Milliarden Dollar für Israel": the "für" of the
		 * figure's own clause */
		{
			size_t bd = (size_t)-1;
			for (size_t i = 0; i < n; i++) {
				size_t d;
				if (m[i].role != R_FOR || for_of_other(c->text, q, all, nq, &m[i]))
					continue;
				d = at_dist(c, q->start, q->end, m[i].start, m[i].end);
				if (at_clause_apart(c->text, q->start, q->end, m[i].start, m[i].end))
					d += 100;
				if (d < bd) {
					bd = d;
					par = &m[i];
				}
			}
		}
		/* "Für die Stationierung der US-Truppen hat der Bund … ausgegeben": the genitive of what
		 * the money is for is whom it is for; never the payer */
		if (sub && sub->for_gen) {
			if (!par)
				par = sub;
			sub = at_pick(c, m, n, q, ROLE(R_NONE), 1);
		}
		for (size_t i = 0; i < n && !par; i++)
			if (m[i].for_gen && !(m[i].flags & LXF_ORG) && (!sub || strcmp(m[i].code, sub->code)) &&
			    !at_clause_apart(c->text, q->start, q->end, m[i].start, m[i].end) &&
			    !for_of_other(c->text, q, all, nq, &m[i]))
				par = &m[i];
		if (!par)
			par = at_pick(c, m, n, q, ROLE(R_PARTNER), 0);
		for (size_t i = 0; i < n && !par; i++)
			if (m[i].role == R_LOC && m[i].via_an && !(m[i].flags & LXF_PREFIX))
				par = &m[i]; /* "meldete an die NATO", "zahlt an die USA"; not "nach Nato-Kriterien" */
		if (!sub && par && a->status == KZ_S_DEMAND) {
			sub = par; /* "von Seoul … gefordert": who is asked to pay */
			par = NULL;
		}
		{
			/* "einigten sich Seoul und Washington auf 1,04 Billionen Won": an amount in won is
			 * Korea's when Korea is among those named */
			const char *own = ex_currency_country(c->lx, q->unit);
			if (own && !(sub && !strcmp(sub->code, own)))
				for (size_t i = 0; i < n; i++)
					if (!strcmp(m[i].code, own) && (m[i].role == R_NONE || m[i].role == R_GEN)) {
						if (sub && !par)
							par = sub;
						sub = &m[i];
						break;
					}
		}
		break;
	default:
		if (!sub)
			sub = at_pick(c, m, n, q, ROLE(R_GEN) | ROLE(R_NONE) | ROLE(R_FOR), 1);
		par = at_pick(c, m, n, q, ROLE(R_PARTNER) | ROLE(R_LOC), 0);
		break;
	}
	from_sentence = sub != NULL;
	a->subj_src = sub ? 2 : 0;
	a->subj_near = sub && (at_dist(c, q->start, q->end, sub->start, sub->end) <= 16 ||
			       (sub->start >= q->unit_start && sub->end <= q->unit_end));
	/* a number continuing the count of the sentence before is about the same troops */
	if ((q->flags & QF_PREV) && c->have_last[a->ind] && c->last_si[a->ind] + 1 >= si) {
		ex_copy(a->subject, sizeof(a->subject), c->last[a->ind].subject);
		ex_copy(a->partner, sizeof(a->partner), c->last[a->ind].partner);
		a->subj_src = 1;
		return;
	}
	if (sub)
		ex_copy(a->subject, sizeof(a->subject), sub->code);
	if (par && strcmp(par->code, a->subject))
		ex_copy(a->partner, sizeof(a->partner), par->code);
	/* Nothing in the sentence: the last claim of the same kind a few sentences back,
	 * else the sentences before set the scene. */
	if (!sub && c->have_last[a->ind] && si - c->last_si[a->ind] <= 3 && a->ind != KZ_I_OTHER &&
	    c->sent[c->last_si[a->ind]].para == c->sent[si].para &&
	    (!a->partner[0] || strcmp(c->last[a->ind].subject, a->partner))) {
		ex_copy(a->subject, sizeof(a->subject), c->last[a->ind].subject);
		if (!par && strcmp(c->last[a->ind].partner, a->subject) &&
		    !(a->ind == KZ_I_BUDGET && word_after_is(c->text + q->end, c->text + e, "für")))
			ex_copy(a->partner, sizeof(a->partner), c->last[a->ind].partner);
		sub = (const struct mention *)1;
	}
	for (size_t back = 1; !sub && back <= 2 && back <= si && c->sent[si - back].para == c->sent[si].para;
	     back++) {
		struct mention pm[MAX_MENTIONS];
		const struct mention *ps, *pp;
		struct ex_qty far = *q;
		const struct cache_slot *psl = at_sentence_info(c, c->sent[si - back].start, c->sent[si - back].end, NULL, 0, AT_MENTIONS);
		size_t pn = psl->nm;
		memcpy(pm, psl->m, pn * sizeof(*pm));
		far.start = far.end = far.nend = far.unit_start = far.unit_end = c->sent[si - back].end;
		ps = NULL;
		if (a->ind == KZ_I_TROOPS) {
			/* "Kein anderes Land beherbergt so viele US-Soldaten wie Japan." */
			for (size_t i = 0; i < pn && !ps; i++) {
				const char *w = c->text + pm[i].start, *we;
				if (!(pm[i].flags & (LXF_PREFIX | LXF_ADJ)))
					continue;
				we = ex_word_end(w, c->text + c->sent[si - back].end);
				if (pm[i].flags & LXF_ADJ)
					we = ex_word_end(ex_skip_space(we, c->text + c->sent[si - back].end),
							 c->text + c->sent[si - back].end);
				if (ex_ends_with_ci(w, (size_t)(we - w), "soldaten", 8) ||
				    ex_ends_with_ci(w, (size_t)(we - w), "truppen", 7) ||
				    ex_ends_with_ci(w, (size_t)(we - w), "streitkräfte", 13))
					ps = &pm[i];
			}
			if (ps && !par) {
				for (size_t i = 0; i < pn; i++)
					if (&pm[i] != ps && strcmp(pm[i].code, ps->code) && (pm[i].flags & (LXF_NAME | LXF_CAPITAL))) {
						ex_copy(a->partner, sizeof(a->partner), pm[i].code);
						break;
					}
			}
			if (ps) {
				ex_copy(a->subject, sizeof(a->subject), ps->code);
				named_before = 1;
				break;
			}
		}
		ps = at_first_not(c, pm, pn, ROLE(R_NONE), a->partner);
		if (!ps)
			ps = at_first_not(c, pm, pn, ROLE(R_GEN), a->partner);
		if (!ps)
			continue;
		ex_copy(a->subject, sizeof(a->subject), ps->code);
		named_before = 1;
		if (!par) {
			pp = at_pick(c, pm, pn, &far, a->ind == KZ_I_TROOPS ? ROLE(R_LOC) : ROLE(R_PARTNER), 0);
			if (pp && strcmp(pp->code, a->subject))
				ex_copy(a->partner, sizeof(a->partner), pp->code);
		}
		break;
	}
	if (!from_sentence && a->ind == KZ_I_BUDGET) {
		const char *own = ex_currency_country(c->lx, q->unit);
		if (own) {
			ex_copy(a->subject, sizeof(a->subject), own);
			a->subj_src = 3;
		}
	}
	/* Still no one: the country the document has been speaking of most. */
	if (!a->subject[0] && a->ind != KZ_I_OTHER && a->ind != KZ_I_CHANGE) {
		int best = -1, total = 0;
		for (int i = 0; i < c->ntopic; i++) {
			total += c->topic_n[i];
			if (best < 0 || c->topic_n[i] > c->topic_n[best])
				best = i;
		}
		/* troops only when the document clearly speaks of one country's forces */
		if (best >= 0 && (a->ind != KZ_I_TROOPS || (c->topic_n[best] >= 2 && c->topic_n[best] * 10 >= total * 6)))
			ex_copy(a->subject, sizeof(a->subject), c->topic[best]);
	}
	/* the sentence named them, the sentences before did, or the currency ("13,5 Billionen Rubel") */
	if ((from_sentence || named_before || a->subj_src == 3) && a->subject[0]) {
		int i;
		for (i = 0; i < c->ntopic && strcmp(c->topic[i], a->subject); i++)
			;
		if (i == c->ntopic && i < EX_TOPICS) {
			ex_copy(c->topic[i], sizeof(c->topic[i]), a->subject);
			c->topic_n[i] = 0;
			c->ntopic++;
		}
		if (i < c->ntopic)
			c->topic_n[i]++;
	}
	if (a->ind == KZ_I_TROOPS && !a->partner[0] && c->have_last[KZ_I_TROOPS] &&
	    !strcmp(c->last[KZ_I_TROOPS].subject, a->subject) && strcmp(a->detail, "armed_forces") &&
	    !strstr(a->detail, "active") &&
	    (si - c->last_si[KZ_I_TROOPS] <= 3 || strcmp(a->subject, "US") == 0) && !at_names_region(c, si, m, n))
		ex_copy(a->partner, sizeof(a->partner), c->last[KZ_I_TROOPS].partner);
	/* "… rund 11.900 Soldaten aus Deutschland abziehen. 6.400 sollen in die USA zurückkehren, 5.600
	 * in andere Nato-Staaten": a move of troops that names no place but home leaves the place the
	 * text last stationed them in */
	if (a->ind == KZ_I_TROOPS && (!a->partner[0] || !strcmp(a->partner, a->subject)) && c->have_troops_where &&
	    (!strcmp(a->detail, "withdrawal") || !strcmp(a->detail, "relocation") || a->status == KZ_S_PLAN ||
	     a->status == KZ_S_DEMAND) &&
	    !strcmp(c->troops_where_subject, a->subject) && si - c->troops_where_si <= 5)
		ex_copy(a->partner, sizeof(a->partner), c->troops_where);
	/* "… gut acht Milliarden Dollar für Partner im Indopazifik": the recipient is named, if not a
	 * country, so the last amount's recipient is not this one's */
	if (a->ind == KZ_I_BUDGET && !a->partner[0] && c->have_last[KZ_I_BUDGET] &&
	    !word_after_is(c->text + q->end, c->text + e, "für") &&
	    c->sent[c->last_si[KZ_I_BUDGET]].para == c->sent[si].para && si - c->last_si[KZ_I_BUDGET] <= 3 &&
	    !strcmp(c->last[KZ_I_BUDGET].subject, a->subject) && !strcmp(c->last[KZ_I_BUDGET].detail, a->detail))
		ex_copy(a->partner, sizeof(a->partner), c->last[KZ_I_BUDGET].partner);
	if (a->ind == KZ_I_BUDGET && !a->partner[0] && !strcmp(a->detail, "military_aid") && si > 0 &&
	    c->sent[si - 1].para == c->sent[si].para) {
		const struct cache_slot *psl = at_sentence_info(c, c->sent[si - 1].start, c->sent[si - 1].end, NULL, 0, AT_MENTIONS);
		for (size_t i = 0; i < psl->nm; i++)
			if ((psl->m[i].role == R_FOR || psl->m[i].via_an) && strcmp(psl->m[i].code, a->subject)) {
				ex_copy(a->partner, sizeof(a->partner), psl->m[i].code);
				break;
			}
	}
	/* aid goes to someone: a country of the sentence in the dative ("hat der Ukraine … geliefert")
	 * or any other one but the giver; else the recipient of the document's first aid figure (an
	 * article about aid names its main recipient first, its donors many times) */
	if (a->ind == KZ_I_BUDGET && !strcmp(a->detail, "military_aid") &&
	    !word_after_is(c->text + q->end, c->text + e, "für")) {
		const char *ss = c->text + c->sent[si].start, *got = NULL, *giver = NULL;
		/* "Schweden hat der Ukraine … geleistet": the dative is the recipient, never the giver
		 * (of the countries that are no scenery: "seit dem russischen Angriff" names an event) */
		for (size_t i = 0; i < n; i++) {
			const struct mention *mm = &m[i];
			int dative = at_word_before_is(ss, c->text + mm->start, "der") ||
				     at_word_before_is(ss, c->text + mm->start, "den");
			if (mm->role == R_SOURCE || (mm->flags & LXF_ORG))
				continue;
			if (dative && !got)
				got = mm->code;
			else if (!dative && mm->role == R_NONE && !giver)
				giver = mm->code;
		}
		if (got && !strcmp(a->subject, got) && giver && strcmp(giver, got)) {
			ex_copy(a->subject, sizeof(a->subject), giver);
			a->partner[0] = '\0';
		}
		if (a->partner[0])
			got = NULL;
		for (size_t i = 0; i < n && !got && !a->partner[0]; i++) {
			const struct mention *mm = &m[i];
			/* ("Norwegen hat … zugesagt, Dänemark … bereitgestellt": a giver of another clause
			 * is no receiver when the article has named its recipient) */
			if (c->aid_to[0] && at_clause_apart(c->text, q->start, q->end, mm->start, mm->end))
				continue;
			if (strcmp(mm->code, a->subject) && mm->role != R_SOURCE && !(mm->flags & LXF_ORG))
				got = mm->code;
		}
		if (got && !strcmp(got, a->subject))
			got = NULL;
		if (!got && !a->partner[0] && c->aid_to[0] && strcmp(c->aid_to, a->subject))
			got = c->aid_to;
		if (got && !a->partner[0])
			ex_copy(a->partner, sizeof(a->partner), got);
	}
	if (a->ind == KZ_I_BUDGET && a->partner[0] && !strcmp(a->detail, "military_aid") && !c->aid_to[0])
		ex_copy(c->aid_to, sizeof(c->aid_to), a->partner); /* the article's first recipient */
	/* where troops are, from the hosts, relative clauses and sentences around (troops.c) */
	if (a->ind == KZ_I_TROOPS)
		at_troops_place(c, si, q, m, n, a);
	/* "Washington hatte 1,4 Billionen Won gefordert": a demand in won is made of Korea */
	if (a->status == KZ_S_DEMAND) {
		const char *own = ex_currency_country(c->lx, q->unit);
		if (own && strcmp(a->subject, own)) {
			if (a->subject[0])
				ex_copy(a->partner, sizeof(a->partner), a->subject);
			ex_copy(a->subject, sizeof(a->subject), own);
		}
	}
	/* "die Zahl der Reservisten in Deutschland": with no one else named, the place is whose */
	if (a->ind == KZ_I_TROOPS && !a->subject[0] && a->partner[0] && q->unit_end > q->unit_start &&
	    (ex_contains_ci(c->text + q->unit_start, q->unit_end - q->unit_start, "reserv", 6) ||
	     ex_contains_ci(c->text + q->unit_start, q->unit_end - q->unit_start, "wehrpflicht", 11) ||
	     ex_contains_ci(c->text + q->unit_start, q->unit_end - q->unit_start, "rekrut", 6) ||
	     ex_contains_ci(c->text + q->unit_start, q->unit_end - q->unit_start, "freiwillig", 10) ||
	     ex_contains_ci(c->text + q->unit_start, q->unit_end - q->unit_start, "wehrdienst", 10))) {
		ex_copy(a->subject, sizeof(a->subject), a->partner);
		a->partner[0] = '\0';
	}
	/* "28.500 dort stationierte US-Soldaten": "dort" is the country named before */
	if (a->ind == KZ_I_TROOPS && !a->partner[0] && q->unit_start > q->nend &&
	    (strstr_n(c->text + q->nend, q->unit_start - q->nend, "dort") ||
	     strstr_n(c->text + q->nend, q->unit_start - q->nend, "hier"))) {
		for (size_t i = n; i-- > 0;)
			if (m[i].end <= q->start && strcmp(m[i].code, a->subject)) {
				ex_copy(a->partner, sizeof(a->partner), m[i].code);
				break;
			}
	}
	if (a->ind == KZ_I_GDP_SHARE)
		a->partner[0] = '\0';
	if (!strcmp(a->partner, a->subject))
		a->partner[0] = '\0';
	/* Host-nation support, and the costs a host bears for foreign forces, are paid for US forces
	 * unless the text names others (a share of contributions to a common fund is paid to no one
	 * power, "Deutschland trägt etwa ein Viertel" — in a text that counted no foreign troops) */
	if (((a->ind == KZ_I_COST_SHARE && (strcmp(a->detail, "contribution_share") || c->have_troops_where)) ||
	     !strcmp(a->detail, "host_nation_support") || !strcmp(a->detail, "stationing_costs")) &&
	    !a->partner[0] && strcmp(a->subject, "US"))
		snprintf(a->partner, sizeof(a->partner), "US");
}
