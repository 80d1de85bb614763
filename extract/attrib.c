/*
 * attrib.c: who and when a figure is about. ex_attribute runs the parts for one figure, in
 * order — indicator and detail (indicator.c), status (status.c), subject and partner (who.c) and
 * the frame of a transfer (frames.c), year (when.c), source (status.c) — then what the figure's
 * context says of it (context.c: "das Land", a neighbour, an elided clause, a part) and the rules
 * that need several of them (a plan keeps no document year; troops with a foreign place are
 * stationed there). The sentence cache below
 * keeps what the parts read from a sentence: its mentions, cues and years.
 */
#include "attrib_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


struct ex_attr_cache *ex_attr_cache_new(void)
{
	return kz_xcalloc(1, sizeof(struct ex_attr_cache));
}

void ex_attr_cache_free(struct ex_attr_cache *c)
{
	free(c);
}

/* The mentions of [s, e), with quantities qs or without (NULL), into sl: the raw walk without
 * quantities is made once for both, kept apart from the slots (it depends on the text alone). */
static void mentions_of(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *qs, size_t nq,
			struct cache_slot *sl)
{
	struct ex_attr_cache *ca = c->cache;
	struct raw_mentions *r = NULL;

	for (unsigned i = 0; i < RAW_SLOTS && !r; i++)
		if (ca->raw[i].used && ca->raw[i].s == s && ca->raw[i].e == e)
			r = &ca->raw[i];
	if (!r) {
		r = &ca->raw[ca->next_raw++ % RAW_SLOTS];
		r->used = 1;
		r->s = s;
		r->e = e;
		r->n = at_mentions_raw(c, s, e, NULL, 0, r->m, MAX_MENTIONS, &r->regular);
	}
	if (qs && (!r->regular || r->n == MAX_MENTIONS)) {
		/* a name inside or across words, or more mentions than kept: the walk with quantities */
		sl->nm = at_find_mentions(c, s, e, qs, nq, sl->m, MAX_MENTIONS);
		return;
	}
	if (!qs)
		nq = 0;
	sl->nm = 0;
	for (size_t j = 0; j < r->n; j++) {
		size_t i = 0, w = r->m[j].start; /* a regular walk's mention starts its word */
		while (i < nq && !(w >= qs[i].unit_start && w < qs[i].unit_end && ex_is_currency(qs[i].unit)))
			i++;
		if (i == nq)
			sl->m[sl->nm++] = r->m[j];
	}
	at_mentions_roles(c, s, sl->m, sl->nm);
}

/* want: AT_MENTIONS, AT_CUES, AT_YEARS, AT_PRESENT (computed on first use and kept while the slot lives) */
const struct cache_slot *at_sentence_info(const struct ex_ctx *c, size_t s, size_t e,
					      const struct ex_qty *qs, size_t nq, int want)
{
	struct ex_attr_cache *ca = c->cache;
	struct cache_slot *sl = NULL;
	int with_q = qs != NULL;

	for (unsigned i = 0; i < CACHE_SLOTS && !sl; i++)
		if (ca->slot[i].used && ca->slot[i].s == s && ca->slot[i].e == e &&
		    ca->slot[i].with_q == with_q)
			sl = &ca->slot[i];
	if (!sl) {
		sl = &ca->slot[ca->next++ % CACHE_SLOTS];
		sl->used = 1;
		sl->s = s;
		sl->e = e;
		sl->with_q = with_q;
		sl->has_m = sl->has_c = sl->has_y = sl->has_p = 0;
	}
	if ((want & AT_YEARS) && !sl->has_y) {
		sl->ny = at_years_in(c, s, e, qs, nq, sl->y, MAX_YEARS);
		sl->has_y = 1;
	}
	if ((want & AT_PRESENT) && !sl->has_p) {
		sl->present = at_present_tense(c->lx, c->text + s, c->text + e);
		sl->has_p = 1;
	}
	if ((want & AT_MENTIONS) && !sl->has_m) {
		mentions_of(c, s, e, qs, nq, sl);
		sl->has_m = 1;
	}
	if ((want & AT_CUES) && !sl->has_c) {
		sl->nc = at_find_cues(c, s, e, sl->c);
		sl->has_c = 1;
	}
	return sl;
}

/* "Die weltweiten Militärausgaben stiegen 2024 um 9,4 Prozent auf 2,72 Billionen Dollar": an
 * adjective of the world (words.tsv world) before a noun, in the figure's clause before it, makes
 * the money the world's — whatever country the dateline or the sentence before named. */
static int world_money(const struct ex_ctx *c, size_t si, const struct ex_qty *q)
{
	const char *s = c->text + c->sent[si].start, *a = c->text + q->start, *x, *w;

	while (a > s && !((a[-1] == ',' && !(a - 1 > s && at_digit(a[-2]) && at_digit(a[0]))) || a[-1] == ';'))
		a--; /* (back to its clause's start: a decimal comma is none) */
	for (x = a; (w = ex_next_word(a, &x, c->text + q->start)) != NULL;) {
		const char *n;
		if (!ex_lex_word_ci(c->lx, LX_WORLD, w, (size_t)(x - w)))
			continue;
		n = ex_skip_space(x, c->text + q->start);
		if (n < c->text + q->start && ex_upper_at(n, c->text + q->start))
			return 1;
	}
	return 0;
}

/* Is year a run of years that begins in the document's year dy and ends two or more years after it
 * ("2022-2026" in a text of 2022): mostly still to come? */
static int years_ahead(const char *year, int dy)
{
	const char *dash = strchr(year, '-');

	/* (a fiscal year across two calendar years, "2017/18", is one year under way) */
	return dash && strtol(year, NULL, 10) == dy && strtol(dash + 1, NULL, 10) > dy + 1;
}

/* Is the figure's clause (between , ; and the sentence's ends) in the present by its finite verbs?
 * The clause's tense is read once for all its figures (c->tense: a sentence of thousands of
 * figures and no comma is read once, not once a figure). */
static int clause_speaks_present(struct ex_ctx *c, size_t si, const struct ex_qty *q)
{
	const char *s = c->text + c->sent[si].start, *e = c->text + c->sent[si].end;
	const char *a0 = c->text + q->start, *b0 = c->text + q->end;
	struct ex_tense_memo *m = &c->tense;

	if (!m->have || m->si != si || q->start < m->a || q->end > m->b) {
		while (a0 > s && a0[-1] != ',' && a0[-1] != ';')
			a0--;
		while (b0 < e && *b0 != ',' && *b0 != ';')
			b0++;
		if (!m->have || m->si != si)
			m->sentence = 2; /* (not read yet) */
		m->have = 1;
		m->si = si;
		m->a = (size_t)(a0 - c->text);
		m->b = (size_t)(b0 - c->text);
		m->clause = at_tense_of(c->lx, a0, b0);
	}
	/* "… beträgt 1.519,2 Mrd. Won (1,5192 Billionen Won, …)": a clause without a verb is in the
	 * sentence's tense */
	if (m->clause)
		return m->clause > 0;
	if (m->sentence == 2)
		m->sentence = at_tense_of(c->lx, s, e);
	return m->sentence > 0;
}

/* Does sentence k hold a word of correction (status.tsv correct: opening it, or anywhere)? */
static int corrects(const struct ex_ctx *c, size_t k)
{
	const char *s = c->text + c->sent[k].start, *e = c->text + c->sent[k].end, *p = s, *w;
	const struct ex_lex_entry *x;
	size_t ml;

	while ((w = ex_next_word(s, &p, e)) != NULL)
		if ((x = ex_lex_match_after(c->lx, LX_CORRECT, w, e, &ml)) != NULL &&
		    (!strcmp(x->value, "any") || w == ex_skip_space(s, e)))
			return 1;
	return 0;
}

static int has_digit(const struct ex_ctx *c, size_t k)
{
	for (size_t i = c->sent[k].start; i < c->sent[k].end; i++)
		if (c->text[i] >= '0' && c->text[i] <= '9')
			return 1;
	return 0;
}

/* "Die USA hätten dort 40.000 Soldaten stationiert, sagte Trump. Tatsächlich sind es rund 28.500",
 * "… 32.000 Soldaten in Südkorea. Die Zahl ist zu hoch. Nach Angaben des Pentagons sind …": is
 * the figure in a clause of reported speech that one of the next two sentences corrects, with a
 * figure of its own there or in the sentence after it? */
static int corrected_speech(const struct ex_ctx *c, size_t si, const struct ex_qty *q)
{
	if (!c->cues || !c->cues->valid || c->cues->si != si || !c->cues->speech[ex_clause_of(c->cues, q->start)])
		return 0;
	for (size_t k = si + 1; k <= si + 2 && k < c->nsent; k++)
		if (corrects(c, k))
			return has_digit(c, k) || (k + 1 < c->nsent && k == si + 1 && has_digit(c, k + 1));
	return 0;
}

/* "Der Entwurf sieht für 2026 200,1 Milliarden Złoty vor. Das entspricht 4,81 Prozent der
 * Wirtschaftsleistung": the first figure of a sentence that opens by restating the one before (a
 * demonstrative, then within a few words a `restate` verb: status.tsv) is the same kind of
 * statement as the last figure of that sentence, unless a word of its own says otherwise. */
static void restated_status(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	static const char *const dem[] = {"Das", "Dies", "Dieses", "Die", "Der", "Diese", "Dieser", NULL};
	const char *s = c->text + c->sent[si].start, *end = c->text + q->start, *x = s, *w;
	int k = 0, verb = 0;

	if (a->status != KZ_S_REPORTED || a->status_pos || !c->have_prev || c->prev_si + 1 != si ||
	    c->prev.status == KZ_S_REPORTED || c->sent[c->prev_si].para != c->sent[si].para)
		return;
	if ((w = ex_next_word(s, &x, end)) == NULL || !ex_word_in(w, (size_t)(x - w), dem))
		return;
	while (!verb && k++ < 3 && (w = ex_next_word(s, &x, end)) != NULL)
		verb = ex_lex_word(c->lx, LX_RESTATE, w, (size_t)(x - w)) && strncmp(w, "oder", 4) && strncmp(w, "was", 3) &&
		       strncmp(w, "also", 4);
	if (!verb)
		return;
	a->status = c->prev.status;
	a->status_settled = c->prev.status_settled;
	a->status_budgeted = c->prev.status_budgeted;
}

/*
 * "Für Munition sind 16 Milliarden Euro vorgesehen, für Drohnen fünf Milliarden und …", "Die
 * Modernisierung soll 27,7 Milliarden Dollar kosten, der Schiffbau 22,6 Milliarden": a figure that
 * took its unit from the figure before it in a clause of its own without a finite verb (the verb
 * left out, as in a list) is the same kind of statement as that figure, unless a status word of
 * its own clause says otherwise. Returns whether it took that figure's status.
 */
static int gapped_status(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const struct ex_sentence_cues *sc = c->cues;
	size_t fc, pc, e;

	if (a->status != KZ_S_REPORTED || a->status_pos || (q->flags & QF_PREV) ||
	    !c->have_prev || c->prev_si != si || c->prev.status == KZ_S_REPORTED || !sc ||
	    !sc->valid || sc->si != si || c->prev_end == 0 || ex_current_value(c, si, q))
		return 0;
	fc = ex_clause_of(sc, q->start);
	/* ("Ausgaben von gut zwei Prozent melden, rund 73 Milliarden Euro": a clause that is the figure
	 * alone restates the one before in another unit, whatever its kind) */
	if (!(q->flags & QF_CARRIED) || c->prev.ind != a->ind) {
		const char *b = c->text + sc->clause[fc], *x = c->text + q->nstart, *y = c->text + q->end;
		const char *ce = c->text + (fc + 1 < sc->nclause ? sc->clause[fc + 1] : c->sent[si].end);
		while (b < x && (*b == ',' || *b == ' '))
			b++;
		/* (before the figure only its qualifier, after it only the clause's end) */
		if (!(b == c->text + q->start || b == x) ||
		    ex_skip_space(y, ce) != ce - (ce > y && (ce[-1] == '.' || ce[-1] == ',' || ce[-1] == ';')))
			return 0;
	}
	pc = ex_clause_of(sc, c->prev_end - 1);
	e = fc + 1 < sc->nclause ? sc->clause[fc + 1] : c->sent[si].end;
	/* (the figure before in the same clause: when its status came from another one, "für Drohnen
	 * fünf Milliarden und für die Weltraumverteidigung sechs Milliarden") */
	if (fc < pc || (fc == pc && (!c->prev.status_pos || ex_clause_of(sc, c->prev.status_pos) == fc)) ||
	    at_tense_of(c->lx, c->text + sc->clause[fc], c->text + e))
		return 0;
	a->status = c->prev.status;
	a->status_pos = c->prev.status_pos;
	a->status_settled = c->prev.status_settled;
	a->status_budgeted = c->prev.status_budgeted;
	a->status_pledge = c->prev.status_pledge;
	a->status_ought = c->prev.status_ought;
	return 1;
}

/* "Allein für das Haushaltsjahr 2023 sind rund 320 Milliarden Yen vorgesehen" in January 2023: the
 * year y of the figure's country's budget has not begun at the document's date when that country's
 * fiscal year starts later in the calendar (words.tsv fiscal: JP 4 — April; US 10 prev — October
 * of the year before). A span ("2024/25", span set) begins in its first year, y. */
static int fiscal_year_ahead(const struct ex_ctx *c, const struct ex_attr *a, long y, int span)
{
	const struct ex_lex_entry *f = a->subject[0] ? ex_lex_word(c->lx, LX_FISCAL, a->subject, strlen(a->subject)) : NULL;
	int month = at_doc_month(c->doc);
	long start_year;
	int start_month;

	if (!f || !month)
		return 0;
	start_month = (int)f->num;
	start_year = !span && f->detail && !strcmp(f->detail, "prev") ? y - 1 : y;
	return c->doc->meta.year < start_year || (c->doc->meta.year == start_year && month < start_month);
}

void ex_attribute(struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct ex_qty *all,
		  size_t nq, struct ex_attr *a)
{
	int gapped;

	memset(a, 0, sizeof *a); /* every part sets what it finds; the rest is nothing, never the figure before's */
	c->cur = all;
	c->ncur = nq;
	at_indicator(c, si, q, a);
	/* a share of costs is host-nation support unless a cue says otherwise ("75 Prozent der Kosten");
	 * the bare cue "Kosten" names no sub-kind, so money it finds stays a plain budget figure */
	if (a->ind == KZ_I_COST_SHARE && !a->detail[0])
		at_set_detail(a, "host_nation_support");
	/* the status first: who pays a demand depends on it */
	ex_status(c, si, q, c->cues, a);
	restated_status(c, si, q, a);
	gapped = gapped_status(c, si, q, a);
	at_who(c, si, q, all, nq, a);
	if (a->world_share && a->partner[0]) {
		/* "entfielen 39 Prozent der weltweiten Rüstungsexporte auf die USA": the country a share
		 * of the world's trade falls to is whose share it is, and it has no partner */
		snprintf(a->subject, sizeof(a->subject), "%s", a->partner);
		a->partner[0] = '\0';
	}
	at_frame(c, si, q, all, nq, a);
	at_purchase(c, si, q, all, nq, a);
	at_when(c, si, q, all, nq, a);
	ex_budget_year(c, a, a->status == KZ_S_REPORTED && clause_speaks_present(c, si, q));
	ex_source(c, si, q, c->cues, a);
	{
		/* the country of the originator: a person or government of the lexicon ("Trump", "USA") */
		const struct ex_lex_entry *e = a->source[0] ? ex_lex_word(c->lx, LX_COUNTRY, a->source, strlen(a->source)) : NULL;
		const char *from = e && !(e->flags & LXF_ADJ) && a->subject[0] && strcmp(e->value, a->subject) &&
					   strcmp(e->value, "NATO") && strcmp(e->value, "EU")
				       ? e->value
				       : NULL;
		/* "Trump: Südkorea soll zehn Milliarden Dollar zahlen", "…, Südkorea könne zehn
		 * Milliarden Dollar zahlen": what one country says another ought or could pay or spend
		 * is its demand ("In Rumänien sollen nach Angaben aus Bukarest
		 * 1.000 US-Soldaten bleiben" is a plan another reports) */
		if (from && (a->status == KZ_S_PLAN || a->status == KZ_S_FORECAST) && a->status_ought &&
		    (a->ind == KZ_I_BUDGET || a->ind == KZ_I_GDP_SHARE || a->ind == KZ_I_COST_SHARE))
			a->status = KZ_S_DEMAND;
		/* "Seoul solle zehn Milliarden Dollar im Jahr zahlen, sagte Trump": money demanded by a
		 * person or government of another country goes to that country */
		if (from && a->status == KZ_S_DEMAND && a->ind == KZ_I_BUDGET && !a->partner[0])
			snprintf(a->partner, sizeof(a->partner), "%s", from);
		/* "Die Regierung will zwei Prozent erreichen. Washington verlangt mehr: Das Pentagon hatte
		 * 3,5 Prozent gefordert": a share demanded by a country's own voice is asked of another —
		 * the country whose share of the same kind the text gave last, within two sentences */
		if (a->status == KZ_S_DEMAND && a->ind == KZ_I_GDP_SHARE && e && !(e->flags & LXF_ADJ) &&
		    !strcmp(e->value, a->subject) && c->have_last[a->ind] && si - c->last_si[a->ind] <= 2 &&
		    c->last[a->ind].subject[0] && strcmp(c->last[a->ind].subject, a->subject) &&
		    strcmp(c->last[a->ind].subject, "NATO") && strcmp(c->last[a->ind].subject, "EU"))
			snprintf(a->subject, sizeof(a->subject), "%s", c->last[a->ind].subject);
	}
	/* "Es hatte für 2019 einen südkoreanischen Beitrag von 1,04 Billionen Won vorgesehen.
	 * Washington verlangte zunächst fast fünf Milliarden Dollar im Jahr": money a country demands,
	 * no one named it is asked of, is asked of the one whose payment to it the text gave just
	 * before — that one pays, the demander receives */
	if (a->status == KZ_S_DEMAND && a->ind == KZ_I_BUDGET && !a->partner[0] && a->subject[0] &&
	    c->have_last[KZ_I_BUDGET] && si - c->last_si[KZ_I_BUDGET] <= 2 &&
	    c->sent[c->last_si[KZ_I_BUDGET]].para == c->sent[si].para && !strcmp(c->last[KZ_I_BUDGET].partner, a->subject) &&
	    c->last[KZ_I_BUDGET].subject[0] && strcmp(c->last[KZ_I_BUDGET].subject, a->subject)) {
		ex_copy(a->partner, sizeof(a->partner), a->subject);
		ex_copy(a->subject, sizeof(a->subject), c->last[KZ_I_BUDGET].subject);
		if (!a->detail[0])
			at_set_detail(a, c->last[KZ_I_BUDGET].detail);
	}
	/* a figure someone was reported to have said, that the text goes on to correct, is a claim */
	if (a->status == KZ_S_REPORTED && a->source[0] && corrected_speech(c, si, q))
		a->status = KZ_S_CLAIM;
	/* "Mit der Brigade stationiert Deutschland bis 2027 etwa 5.000 Soldaten", "Der Beitrag für 2026
	 * beträgt 1.519,2 Mrd. Won" (a text of 2024): a figure for a year after the document's is no
	 * fact yet — a plan */
	if (a->status == KZ_S_REPORTED && !a->year_doc && c->doc->meta.year && c->doc->meta.src >= EX_META_DATELINE &&
	    (strtol(a->year, NULL, 10) > c->doc->meta.year || years_ahead(a->year, c->doc->meta.year)) && !strchr(a->year, 's') &&
	    (a->year_target || clause_speaks_present(c, si, q) || a->ind == KZ_I_BUDGET))
		a->status = KZ_S_PLAN; /* (a run of years still to come too: "in den Jahren 2027 bis 2030";
					* one begun before the document's year is under way, in force; "für die
					* Fiskaljahre 2022 bis 2026 zahlt Japan" in a text of 2022 is to come;
					* money for a year to come is a plan
					* whatever the tense of its decision, "billigte für das kommende
					* Jahr 50,15 Billionen Won") */
	/* "Norwegen hat für die Jahre 2023 bis 2030 insgesamt 275 Milliarden Kronen zugesagt" (a text
	 * of 2025): money for a run of years that goes on two years or more past the document's is
	 * not spent yet — a plan */
	if (a->status == KZ_S_REPORTED && a->ind == KZ_I_BUDGET && c->doc->meta.year && strchr(a->year, '-') &&
	    strtol(strchr(a->year, '-') + 1, NULL, 10) > c->doc->meta.year + 1)
		a->status = KZ_S_PLAN;
	/* "Das Paket sieht 61 Milliarden Dollar für die Ukraine vor", "…, das für 2026 einen Beitrag
	 * von 1,5192 Billionen Won vorsieht": money a law or agreement provides for a year that has
	 * come is in force, the year the document's when it names none; for a later year or a run of
	 * years to come it is a plan */
	if (a->status == KZ_S_PLAN && a->status_settled && (a->ind == KZ_I_BUDGET || a->ind == KZ_I_COST_SHARE) &&
	    c->doc->meta.year && !a->year_target) {
		/* (a run of years under way, begun before the document's year, is in force: "für die
		 * Haushaltsjahre 2016 bis 2020" in 2019; one that begins in it is still to come) */
		long y = strtol(a->year, NULL, 10);
		if (!y || y < c->doc->meta.year + !strchr(a->year, '-')) {
			a->status = KZ_S_REPORTED;
			if (!y)
				snprintf(a->year, sizeof(a->year), "%d", c->doc->meta.year), a->year_doc = 1;
		}
	}
	/* "Tokio veranschlagte für das Fiskaljahr 2020 5,07 Billionen Yen", "Südkorea plante für 2024
	 * 59,4 Billionen Won ein" (a text of 2025), "für das laufende Jahr veranschlagt": money entered
	 * in the budget of a year that has come is that year's budget, and so are its share of the
	 * economy and its change */
	if (a->status == KZ_S_PLAN && a->status_budgeted && !a->year_doc && !a->year_target && c->doc->meta.year &&
	    (a->ind == KZ_I_BUDGET || a->ind == KZ_I_GDP_SHARE || a->ind == KZ_I_COST_SHARE || a->ind == KZ_I_CHANGE)) {
		const char *dash = strchr(a->year, '-');
		long y = strtol(dash ? dash + 1 : a->year, NULL, 10);
		if (y > 1900 && y <= c->doc->meta.year && !fiscal_year_ahead(c, a, dash ? strtol(a->year, NULL, 10) : y, dash != NULL))
			a->status = KZ_S_REPORTED;
	}
	/* "Die USA sagten im selben Zeitraum 67,7 Milliarden Euro zu": pledges summed over a run of
	 * years begun before the document's are a tally of what was pledged, reported (a run the
	 * figure only borrowed from the sentence before is none of its own: "Deutschland sagte ein
	 * weiteres Paket über 1,4 Milliarden Euro zu" after a sum since the war began) */
	if (a->status == KZ_S_PLAN && a->status_pledge && strchr(a->year, '-') && c->doc->meta.year &&
	    strtol(a->year, NULL, 10) < c->doc->meta.year && strtol(strchr(a->year, '-') + 1, NULL, 10) <= c->doc->meta.year &&
	    a->year_doc != 2)
		a->status = KZ_S_REPORTED; /* (a budget year to come, "für das Haushaltsjahr 2024/25", stays a plan; so
					    * do pledges for years to come, "für die Jahre 2023 bis 2030") */
	/* a plan, target, demand, limit or forecast is for the year the text names with it, never the
	 * document's own by default (DESIGN.md), nor a date of the sentences around it */
	if (a->status != KZ_S_REPORTED && a->status != KZ_S_CLAIM && a->year_doc)
		a->year[0] = '\0';
	/* … and a target or a cap is for the year named with it: a year another clause gives a level
	 * dates that level ("gibt das Land in diesem Jahr 1,6 Prozent aus; das Nato-Ziel liegt bei
	 * zwei Prozent") */
	if ((a->status == KZ_S_TARGET || a->status == KZ_S_LIMIT) && a->year_far)
		a->year[0] = '\0';

	/* (a figure that took its status from the one before, its verb left out, is for that one's
	 * year when it names none: "400 sollen 2021 zurückkehren, rund 5.600 in andere Länder") */
	if (gapped && (!a->year[0] || a->year_doc) && c->prev.year[0]) {
		snprintf(a->year, sizeof(a->year), "%s", c->prev.year);
		a->year_doc = c->prev.year_doc;
	}
	/* "Der Antrag für das Haushaltsjahr 2026 beläuft sich auf 8,85 Billionen Yen … Größter Posten
	 * sind Abwehrwaffen, für die knapp eine Billion Yen vorgesehen ist": planned money of the same
	 * country, in the paragraph of a planned budget for a named year, is a line of that budget */
	if (a->status == KZ_S_PLAN && !a->year[0] && a->ind == KZ_I_BUDGET && c->have_last[KZ_I_BUDGET] &&
	    c->last[KZ_I_BUDGET].status == KZ_S_PLAN && c->last[KZ_I_BUDGET].year[0] && !c->last[KZ_I_BUDGET].year_doc &&
	    !strcmp(c->last[KZ_I_BUDGET].subject, a->subject) && c->sent[c->last_si[KZ_I_BUDGET]].para == c->sent[si].para &&
	    (!strcmp(c->last[KZ_I_BUDGET].detail, "defense_budget") || !c->last[KZ_I_BUDGET].detail[0])) {
		snprintf(a->year, sizeof(a->year), "%s", c->last[KZ_I_BUDGET].year);
		a->year_doc = 2;
	}
	/* "Für Drohnen sind etwa 310 Milliarden Yen eingeplant" paragraphs after "Der Etat für 2026
	 * sieht 8,7 Billionen Yen vor": planned or projected money of the country whose budget for a
	 * named year the document planned last is a line of that budget */
	if ((a->status == KZ_S_PLAN || a->status == KZ_S_FORECAST) && !a->year[0] && a->ind == KZ_I_BUDGET &&
	    c->plan_who[0] && !strcmp(c->plan_who, a->subject)) {
		snprintf(a->year, sizeof(a->year), "%s", c->plan_year);
		a->year_doc = 2;
	}
	/* a draft budget's money with no year, told in August to December, is for the year after
	 * (words.tsv draft: "Im Haushaltsentwurf … sind 13,5 Billionen Rubel vorgesehen") */
	if (a->status == KZ_S_PLAN && !a->year[0] && (a->ind == KZ_I_BUDGET || a->ind == KZ_I_GDP_SHARE) &&
	    c->doc->meta.year && at_doc_month(c->doc) >= 8 && ex_sentence_has(c, si, LX_DRAFT, 1)) {
		snprintf(a->year, sizeof(a->year), "%d", c->doc->meta.year + 1);
		a->year_doc = 0;
	}
	at_context(c, si, q, a);
	if ((a->ind == KZ_I_BUDGET || a->ind == KZ_I_CHANGE) && world_money(c, si, q)) {
		a->subject[0] = '\0';
		a->partner[0] = '\0';
		a->world = 1;
	}
	if (a->ind == KZ_I_TROOPS)
		at_troops_here(c, si, q, a);
	/* troops with a foreign location are stationed there ("US-Streitkräfte in Korea"); a count of
	 * active soldiers only ("gut 23.000 aktive Soldaten" of the DMDC, against an official total)
	 * is a count of its own there, and at home the armed forces */
	if (a->ind == KZ_I_TROOPS && !strcmp(a->detail, "active")) {
		/* "Mit rund zwei Millionen aktiven Soldaten ist die Volksbefreiungsarmee die größte Armee":
		 * a sentence that names an armed force speaks of a country's own */
		const struct cache_slot *sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_CUES);
		int own = !a->partner[0] || !strcmp(a->partner, a->subject);
		for (size_t i = 0; i < sl->nc && !own; i++)
			own = !strcmp(sl->c[i].e->value, "troops") && !strcmp(sl->c[i].e->detail, "armed_forces");
		at_set_detail(a, own ? "armed_forces" : "stationed_active");
		if (own && a->partner[0] && strcmp(a->partner, a->subject)) {
			/* "Die Armee Italiens hat rund 160.000 aktive Soldaten": the country the sentence
			 * names with its army is whose */
			const struct cache_slot *ms = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_MENTIONS);
			for (size_t i = 0; i < ms->nm; i++)
				if (!strcmp(ms->m[i].code, a->partner)) {
					snprintf(a->subject, sizeof(a->subject), "%s", a->partner);
					break;
				}
		}
		if (own)
			a->partner[0] = '\0';
	}
	if (a->ind == KZ_I_TROOPS)
		at_troops_deployed(c, si, a);
	if (a->ind == KZ_I_TROOPS && (!a->detail[0] || !strcmp(a->detail, "armed_forces")) && a->partner[0] &&
	    strcmp(a->partner, a->subject))
		at_set_detail(a, "stationed");
	if (a->ind == KZ_I_TROOPS)
		at_troops_inside(c, si, q, a);
	/* a share of GDP that names nothing else is defence spending's, as a sheet names it: one
	 * fact with the shares that say so ("die NATO kam für das Land auf 4,12 Prozent") */
	if (a->ind == KZ_I_GDP_SHARE && !a->detail[0])
		at_set_detail(a, "defense_budget");
	/* "Polen wandte laut SIPRI 4,2 Prozent seiner Wirtschaftsleistung auf, die NATO kam auf 4,12
	 * Prozent": an originator that counts military spending by its own definition (status.tsv
	 * sourcename 'definition') gives military expenditure, not the defence budget another counts
	 * (its money is read by the cues: "Militärausgaben" is military expenditure already) */
	if (a->ind == KZ_I_GDP_SHARE && !strcmp(a->detail, "defense_budget") && ex_source_has(c->lx, a->source, LXF_DEFINITION))
		at_set_detail(a, "military_expenditure");
	/* "Der Verteidigungshaushalt für 2024 beträgt 119 Milliarden Kronen" after a sentence on the war
	 * in Ukraine, "sieht für das Verteidigungsministerium 31,3 Milliarden Euro vor" after the NATO
	 * target: a country's defence budget or military spending, and its share of the economy, are
	 * its own — no second country, unless the sentence names it as whom the money is for ("Für
	 * die Ukraine sagten die Verbündeten … 40 Milliarden Euro zu": aid, whatever its cue) */
	if ((a->ind == KZ_I_BUDGET || a->ind == KZ_I_GDP_SHARE) && a->partner[0] &&
	    (!strcmp(a->detail, "defense_budget") || !strcmp(a->detail, "military_expenditure"))) {
		const struct cache_slot *sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_MENTIONS);
		int named_for = 0;
		for (size_t i = 0; i < sl->nm && !named_for; i++)
			named_for = !strcmp(sl->m[i].code, a->partner) && (sl->m[i].role == R_FOR || sl->m[i].via_an);
		if (!named_for)
			a->partner[0] = '\0';
	}
	if (a->status == KZ_S_REPORTED && !a->year_doc && !a->year_compared && !a->year_then && a->year[0] &&
	    !strchr(a->year, 's')) {
		snprintf(c->dated_year, sizeof(c->dated_year), "%s", a->year);
		c->dated_si = si;
		c->have_dated = 1;
	}
	c->prev = *a;
	c->prev_si = si;
	c->prev_end = q->end;
	c->have_prev = 1;
	if (!strcmp(q->unit, "percent") &&
	    (a->ind == KZ_I_GDP_SHARE || a->ind == KZ_I_TRADE_SHARE || a->ind == KZ_I_COST_SHARE ||
	     (a->ind == KZ_I_OTHER && a->share_of_noun))) {
		c->share = *a;
		c->share_si = si;
		c->have_share = 1;
	}
	if (a->ind == KZ_I_BUDGET && a->detail[0] && ex_is_currency(q->unit)) {
		c->money = *a;
		c->money_si = si;
		c->have_money = 1;
	}
	/* (an alliance's target is no level of the country the text speaks of: "die Nato-Vorgabe, zwei
	 * Prozent … Nach Nato-Schätzungen liegt die Quote bei 2,05 Prozent" is the Netherlands') */
	if (a->subject[0] && !(a->status == KZ_S_TARGET && (!strcmp(a->subject, "NATO") || !strcmp(a->subject, "EU")))) {
		c->last[a->ind] = *a;
		c->last_si[a->ind] = si;
		c->have_last[a->ind] = 1;
	}
	/* (the budget a document plans: what its undated lines are for) */
	if (a->ind == KZ_I_BUDGET && a->status == KZ_S_PLAN && a->year[0] && a->subject[0] && !a->year_doc &&
	    (!a->detail[0] || !strcmp(a->detail, "defense_budget") || !strcmp(a->detail, "military_expenditure") ||
	     !strcmp(a->detail, "procurement"))) {
		ex_copy(c->plan_year, sizeof(c->plan_year), a->year);
		ex_copy(c->plan_who, sizeof(c->plan_who), a->subject);
	}
	if (a->ind == KZ_I_TROOPS && a->subject[0] && a->partner[0] && strcmp(a->subject, a->partner)) {
		snprintf(c->troops_where_subject, sizeof(c->troops_where_subject), "%s", a->subject);
		snprintf(c->troops_where, sizeof(c->troops_where), "%s", a->partner);
		c->troops_where_si = si;
		c->have_troops_where = 1;
	}
}

/*
 * A news dateline names where the report comes from ("Berlin (dpa) -", "SEOUL, 12. März 2024
 * (Reuters) -"): that country starts the document's topic tally, the last resort for subjects.
 */
void ex_seed_topic(struct ex_ctx *c)
{
	const char *t = c->text, *end = t + (c->doc->len < 160 ? c->doc->len : 160), *cut = NULL;
	struct mention m[MAX_MENTIONS];
	size_t n;

	for (const char *p = t; p + 2 < end && !cut; p++) {
		if (*p == '\n')
			break;
		if ((p[0] == ' ' && p[1] == '-' && p[2] == ' ') || (*p == '(' && p + 1 < end && ex_upper_at(p + 1, end)) ||
		    ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x93))
			cut = p;
	}
	if (!cut || cut - t > 80)
		return;
	n = at_find_mentions(c, 0, (size_t)(cut - t), NULL, 0, m, MAX_MENTIONS);
	for (size_t i = 0; i < n && c->ntopic < EX_TOPICS; i++) {
		snprintf(c->topic[c->ntopic], sizeof(c->topic[0]), "%s", m[i].code);
		c->topic_n[c->ntopic++] = 2;
	}
}
