/*
 * trade.c: whose a trade share is and whom it goes to (at_who's reading of a trade_share figure).
 *
 * "der chinesische Anteil" at Japan's imports: the adjective before "Anteil" is the partner;
 * "Der Anteil Chinas an den südkoreanischen Exporten", "an den Ausfuhren Taiwans": the adjective
 * or genitive of the noun of trade owns it, the genitive after "Anteil" is the partner; with no
 * owner in the sentence, the one of the trade share spoken of before; "die USA kamen auf 18,3
 * Prozent": a bare country of the figure's own clause that is not that owner is a new partner;
 * "Chinas Anteil an Südkoreas Exporten": genitives before the nouns, the same roles; "Der Anteil
 * der USA an den Gesamtausfuhren": a genitive after "Anteil" (its article between) is the partner.
 */
#include "attrib_int.h"

#include <string.h>

/* Is [w, we) a noun of exports or imports (or, with handel, of trade)? */
static int trade_noun(const char *w, const char *we, int handel)
{
	size_t n = (size_t)(we - w);

	return ex_contains_ci(w, n, "ausfuhr", 7) || ex_contains_ci(w, n, "export", 6) ||
	       ex_contains_ci(w, n, "einfuhr", 7) || ex_contains_ci(w, n, "import", 6) ||
	       (handel && ex_contains_ci(w, n, "handel", 6));
}

/* Does the word [w, we) end in "Anteil" ("Anteil", "China-Anteil")? */
static int ends_anteil(const char *w, const char *we)
{
	return we - w >= 6 && !ex_casecmp_n(we - 6, 6, "anteil");
}

/* Does the genitive m follow "Anteil" right away, or after its article ("der Anteil Chinas", "der
 * Anteil der USA")? s: the sentence's start. */
static int after_anteil(const struct ex_ctx *c, const char *s, const struct mention *m)
{
	const char *we, *w = ex_word_back(s, c->text + m->start, &we);

	if (w < we && ex_word_in(w, (size_t)(we - w), (const char *const[]){"der", "des", NULL}))
		w = ex_word_back(s, w, &we);
	return ((m->flags & LXF_GEN) || m->role == R_GEN) && w < we && ends_anteil(w, we);
}

/* "der Anteil der USA an den Gesamtausfuhren": does "an" and a noun of trade follow the mention m
 * within a few words? */
static int trade_share_of_noun(const struct ex_ctx *c, size_t si, const struct mention *m)
{
	const char *e = c->text + c->sent[si].end, *w = ex_skip_space(c->text + m->end, e), *we = ex_word_end(w, e);

	if (we - w != 2 || memcmp(w, "an", 2))
		return 0;
	for (int k = 0; k < 4; k++) {
		w = ex_skip_space(we, e);
		we = ex_word_end(w, e);
		if (w == we)
			return 0;
		if (trade_noun(w, we, 1))
			return 1;
	}
	return 0;
}

/* Is the last trade share near enough to own the trade sentence si speaks of without naming its
 * owner: a few sentences back, in its paragraph or the one before ("… der südkoreanischen Exporte
 * … ¶ 2018 hatte die Volksrepublik noch gut ein Viertel der Exporte abgenommen")? */
static int trade_spoken_of(const struct ex_ctx *c, size_t si)
{
	size_t k = c->last_si[KZ_I_TRADE_SHARE];

	return si >= k && si - k <= 6 && c->sent[si].para - c->sent[k].para <= 1;
}

int at_trade_roles(struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct mention *m, size_t n,
		   struct ex_attr *a, const struct mention **subp, const struct mention **parp)
{
	size_t s = c->sent[si].start, e = c->sent[si].end;
	const struct mention *sub = *subp, *par = *parp;
	const struct mention *share_of = NULL;
	for (size_t i = 0; i < n && !sub; i++) {
		const char *w, *we;
		if (!(m[i].flags & LXF_ADJ))
			continue;
		w = ex_skip_space(ex_word_end(c->text + m[i].start, c->text + e), c->text + e);
		we = ex_word_end(w, c->text + e);
		/* "der chinesische Anteil" at Japan's imports: China is the partner, also for a
		 * second figure of the sentence ("…, bei den Exporten bei 19,4 Prozent") */
		if ((size_t)(we - w) >= 6 && !ex_casecmp_n(w, 6, "anteil") && !par && m[i].end <= q->start) {
			par = share_of = &m[i];
			continue;
		}
		/* "Der Anteil Chinas an den südkoreanischen Exporten fiel … von knapp 25 Prozent": the
		 * owner's adjective may stand far in the figure's clause */
		if (at_dist(c, q->start, q->end, m[i].start, m[i].end) > 120 ||
		    at_clause_apart(c->text, q->start, q->end, m[i].start, m[i].end))
			continue;
		if (trade_noun(w, we, 1)) {
			sub = &m[i];
			for (size_t j = 0; j < n && !par; j++)
				if ((m[j].flags & LXF_GEN) && strcmp(m[j].code, m[i].code))
					par = &m[j]; /* "der Anteil Chinas an den deutschen Ausfuhren" */
		}
	}
	/* "Damit kam China nur noch auf einen Anteil von 13,9 Prozent an den amerikanischen
	 * Warenimporten": the owner named by its adjective, the clause's bare subject before the
	 * figure is whom the share goes to */
	if (sub && !par && (sub->flags & LXF_ADJ))
		for (size_t j = 0; j < n && !par; j++)
			if (&m[j] != sub && m[j].role == R_NONE && strcmp(m[j].code, sub->code) && m[j].end <= q->start &&
			    !(m[j].flags & (LXF_ADJ | LXF_PREFIX | LXF_PERSON | LXF_GEN)) &&
			    !at_clause_apart(c->text, q->start, q->end, m[j].start, m[j].end))
				par = &m[j];
	/* "der Anteil Chinas an den Ausfuhren Taiwans": the genitive after a noun of trade owns
	 * the trade, the one after "Anteil" is whom the share goes to */
	for (size_t i = 0; i < n && !sub; i++) {
		const char *we, *w = ex_word_back(c->text + s, c->text + m[i].start, &we);
		if (!(m[i].flags & LXF_GEN) || w == we || at_clause_apart(c->text, q->start, q->end, m[i].start, m[i].end))
			continue;
		if (trade_noun(w, we, 0)) {
			sub = &m[i];
			for (size_t j = 0; j < n && !par; j++)
				if (j != i && after_anteil(c, c->text + s, &m[j]))
					par = &m[j];
		}
	}
	/* "Chinas Anteil an Südkoreas Exporten": a genitive before a noun of trade owns the trade,
	 * one before "Anteil" is whom the share goes to */
	for (size_t i = 0; i < n && !sub; i++) {
		const char *w = ex_skip_space(c->text + m[i].end, c->text + e), *we = ex_word_end(w, c->text + e);
		if (!(m[i].flags & LXF_GEN) || w == we || !trade_noun(w, we, 0) ||
		    at_clause_apart(c->text, q->start, q->end, m[i].start, m[i].end))
			continue;
		sub = &m[i];
		for (size_t j = 0; j < n && !par; j++) {
			const char *v = ex_skip_space(c->text + m[j].end, c->text + e), *ve = ex_word_end(v, c->text + e);
			/* (or after it: "Der Anteil Chinas an Südkoreas Ausfuhren") */
			if (j != i && (m[j].flags & LXF_GEN) && ((v < ve && ends_anteil(v, ve)) || after_anteil(c, c->text + s, &m[j])))
				par = &m[j];
		}
	}
	/* "bei den Importen lag der Anteil Chinas mit 12 Prozent": the genitive after "Anteil" is
	 * whom the share goes to; whose trade it is, the sentences before say */
	for (size_t i = 0; i < n && !sub && !par; i++) {
		if (!after_anteil(c, c->text + s, &m[i]))
			continue;
		if (c->have_last[KZ_I_TRADE_SHARE] && c->last[KZ_I_TRADE_SHARE].subject[0] &&
		    strcmp(c->last[KZ_I_TRADE_SHARE].subject, m[i].code) && trade_spoken_of(c, si)) {
			ex_copy(a->subject, sizeof(a->subject), c->last[KZ_I_TRADE_SHARE].subject);
			ex_copy(a->partner, sizeof(a->partner), m[i].code);
			a->subj_src = 1;
			return 1;
		}
		/* ("Der Anteil der USA an den Gesamtausfuhren", no share before: the owner is found
		 * as for a figure that names none) */
		if (trade_share_of_noun(c, si, &m[i]))
			par = &m[i];
	}
	if (!sub)
		sub = at_pick(c, m, n, q, ROLE(R_GEN), 0);
	if (sub && par && !strcmp(sub->code, par->code))
		sub = NULL;
	if (!sub)
		sub = at_pick(c, m, n, q, ROLE(R_NONE) | ROLE(R_FOR), 1);
	if (sub && sub == share_of)
		sub = NULL; /* whose share it is comes from the sentences before */
	if (!par)
		par = at_pick(c, m, n, q, ROLE(R_PARTNER) | ROLE(R_LOC), 1);
	/* "2021 hatte China noch gut 25 Prozent der südkoreanischen Ausfuhren abgenommen": with the
	 * owner an adjective of the trade, the clause's bare subject is whom the trade goes to */
	for (size_t j = 0; j < n && !par && sub && (sub->flags & LXF_ADJ); j++)
		if (m[j].role == R_NONE && !(m[j].flags & (LXF_ADJ | LXF_PERSON | LXF_PREFIX)) &&
		    strcmp(m[j].code, sub->code) && !at_clause_apart(c->text, q->start, q->end, m[j].start, m[j].end))
			par = &m[j];
	/* "… entfielen 20,3 Prozent des japanischen Außenhandels auf die Volksrepublik, die USA
	 * kamen auf 14,4 Prozent": a bare country of the figure's own clause, the owner named
	 * elsewhere, is its partner, not the partner of the clause before */
	if (par && sub && at_clause_apart(c->text, q->start, q->end, par->start, par->end) &&
	    at_clause_apart(c->text, q->start, q->end, sub->start, sub->end))
		for (size_t j = 0; j < n; j++)
			if (m[j].role == R_NONE && !(m[j].flags & (LXF_ADJ | LXF_PERSON | LXF_PREFIX | LXF_ORG)) &&
			    strcmp(m[j].code, sub->code) && m[j].end <= q->start &&
			    !at_clause_apart(c->text, q->start, q->end, m[j].start, m[j].end)) {
				par = &m[j];
				break;
			}
	/* "Die USA kamen auf 18,3 Prozent" after the shares of Korea's exports: a bare country that
	 * is not the owner of the trade spoken of is its new partner */
	if (sub && !par && sub->role == R_NONE && !(sub->flags & LXF_ADJ) && c->have_last[KZ_I_TRADE_SHARE] &&
	    trade_spoken_of(c, si) && c->last[KZ_I_TRADE_SHARE].subject[0] &&
	    strcmp(c->last[KZ_I_TRADE_SHARE].subject, sub->code)) {
		ex_copy(a->subject, sizeof(a->subject), c->last[KZ_I_TRADE_SHARE].subject);
		ex_copy(a->partner, sizeof(a->partner), sub->code);
		a->subj_src = 1;
		return 1;
	}
	*subp = sub;
	*parp = par;
	return 0;
}
