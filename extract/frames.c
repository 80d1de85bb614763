/*
 * frames.c: money that goes from one party to another — aid, arms exports, arms deals,
 * host-nation payments. The figure's detail names its frame's family (data/grammar.tsv `frame`):
 *   aid      giver → recipient; an article names its main recipient first, later figures of
 *            the family default to it;
 *   export   exporter → buyer; a list names a buyer with each figure;
 *   payment  payer → the power whose forces it pays for.
 * The frame has two slots, the giver (subject) and the receiver (partner), filled from the
 * figure's sentence after who.c has chosen:
 *   receiver: the country a list sets with the figure ("Singapur (1,21 Milliarden Euro)"), else
 *     the nearest one after a receiving preposition (`receive`: "an die Ukraine", "für Israel",
 *     "nach Polen", "auf sie entfallen"), a clause away counting far more;
 *   giver: a bare or genitive mention that is not the receiver nor another figure's list entry,
 *     else the first giver the document named for the family.
 * A receiver taken for the subject gives way to the giver; a frame without a receiver in its
 * sentence takes the family's default (aid: the document's first recipient; payment: the power
 * whose troops the document counted, else the United States).
 */
#include "attrib_int.h"

#include <stdio.h>
#include <string.h>


static enum family family_of(const struct ex_lexicon *lx, const char *detail)
{
	const struct ex_lex_entry *e = *detail ? ex_lex_word(lx, LX_FRAME, detail, strlen(detail)) : NULL;

	if (!e)
		return F_NONE;
	return !strcmp(e->value, "aid") ? F_AID : !strcmp(e->value, "export") ? F_EXPORT
	       : !strcmp(e->value, "payment")				  ? F_PAYMENT
									  : F_NONE;
}

/* Does the mention m stand right before a parenthesis that holds the figure ("Algerien (558,7
 * Millionen)")? */
static int listed_with(const struct ex_ctx *c, const struct mention *m, const struct ex_qty *q)
{
	const char *p = c->text + m->end, *f = c->text + q->start;

	if (m->end > q->start || f - p > 4)
		return 0;
	while (p < f && *p == ' ')
		p++;
	return p < f && *p == '(';
}

/* Does the mention m stand right before "mit" and the figure ("Singapur mit 1,21 Milliarden Euro")? */
static int ranked_with(const struct ex_ctx *c, const struct mention *m, const struct ex_qty *q)
{
	const char *p = c->text + m->end, *f = c->text + q->start;

	if (m->end > q->start || f - p > 8)
		return 0;
	p = ex_skip_space(p, f);
	return f - p >= 4 && !memcmp(p, "mit", 3) && ex_skip_space(p + 3, f) == f && p[3] == ' ';
}

/* Does a receiving phrase belong to another figure of the sentence: one it follows right after
 * ("26 Milliarden Dollar für Israel und gut acht Milliarden Dollar …"), or one standing between it
 * and q? */
static int anothers(const struct ex_ctx *c, const struct mention *m, const struct ex_qty *q,
		    const struct ex_qty *all, size_t nq)
{
	for (size_t i = 0; i < nq; i++) {
		const struct ex_qty *f = &all[i];
		if (f->start == q->start || ex_paired(c->text, q, f) || ex_paired(c->text, f, q))
			continue;
		if (f->end <= m->start && m->start - f->end <= 12 && q->start > f->start)
			return 1;
		if ((f->start >= q->end && f->end <= m->start) || (f->start >= m->end && f->end <= q->start))
			return 1;
	}
	return 0;
}

/* "die Unterstützung der Ukraine", "Hilfen der Ukraine": a genitive after a noun of aid (a `receive`
 * '*' ending) names who receives it. */
static int aid_genitive(const struct ex_ctx *c, const struct mention *m)
{
	const char *s = c->text, *we, *w;

	if (strcmp(m->prep, "der") && strcmp(m->prep, "des") && strcmp(m->prep, "dem"))
		return 0;
	w = ex_word_back(s, c->text + m->start, &we); /* the article */
	w = ex_word_back(s, w, &we);                   /* the word before it */
	if (we > w && ex_upper_at(w, we) && ex_lex_suffix(c->lx, LX_RECEIVE, w, (size_t)(we - w)))
		return 1;
	/* "haben die Niederlande der Ukraine … zugesagt": a dative after a verb or a name, no noun
	 * it could be the genitive of */
	return we > w && (!ex_upper_at(w, we) || ex_lex_match_after(c->lx, LX_COUNTRY, w, we, &(size_t){0}));
}

static const struct mention *receiver(const struct ex_ctx *c, const struct mention *m, size_t n,
				      const struct ex_qty *q, const struct ex_qty *all, size_t nq)
{
	const char *own = ex_currency_country(c->lx, q->unit);
	const struct mention *best = NULL;
	size_t bestd = (size_t)-1;

	for (size_t i = 0; i < n; i++) {
		size_t d;
		/* a sender, a source, a force; a country paid in its own money ("nach dem Seoul 1,04
		 * Billionen Won beisteuert": "nach dem" is no direction) */
		if (m[i].role == R_SOURCE || (m[i].flags & LXF_ORG) || (own && !strcmp(own, m[i].code)))
			continue;
		if (listed_with(c, &m[i], q))
			return &m[i];
		if (anothers(c, &m[i], q, all, nq))
			continue;
		if (!m[i].prep[0] ||
		    (!ex_lex_word(c->lx, LX_RECEIVE, m[i].prep, strlen(m[i].prep)) && !aid_genitive(c, &m[i])))
			continue;
		d = at_dist(c, q->start, q->end, m[i].start, m[i].end);
		if (at_clause_apart(c->text, q->start, q->end, m[i].start, m[i].end))
			d += 200;
		if (d < bestd) {
			bestd = d;
			best = &m[i];
		}
	}
	return best;
}

/* A giver in the sentence: a bare or genitive mention that is not the receiver, nor a country a
 * list sets with a figure of its own ("Singapur (1,21 Milliarden Euro), Algerien (…)", "Singapur
 * mit 1,21 Milliarden Euro"). */
static const struct mention *giver(const struct ex_ctx *c, size_t si, const struct mention *m, size_t n,
				   const struct mention *recv, const struct ex_qty *all, size_t nq)
{
	/* "62 Milliarden Euro aus Europa": a giving preposition (`give`) right with the figure */
	for (size_t i = 0; i < n; i++)
		if (m[i].prep[0] && ex_lex_word(c->lx, LX_GIVE, m[i].prep, strlen(m[i].prep)) &&
		    (!recv || strcmp(m[i].code, recv->code)))
			return &m[i];
	/* "die größten Abnehmer deutscher Rüstungsgüter": an adjective on a noun of the frame's
	 * money (a word holding a cue of a frame family) names whose it is */
	{
		const char *e = c->text + c->sent[si].end;
		const struct cache_slot *cs = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_CUES);
		for (size_t i = 0; i < n; i++) {
			size_t w;
			if (!(m[i].flags & LXF_ADJ) || (recv && !strcmp(m[i].code, recv->code)))
				continue;
			w = (size_t)(ex_skip_space(ex_word_end(c->text + m[i].start, e), e) - c->text);
			for (size_t k = 0; k < cs->nc; k++)
				if (cs->c[k].ws == w && family_of(c->lx, cs->c[k].e->detail) != F_NONE)
					return &m[i];
		}
	}
	for (size_t i = 0; i < n; i++) {
		int listed = 0;
		if (!(m[i].role == R_NONE || m[i].role == R_GEN) || (m[i].flags & LXF_ORG) ||
		    (recv && !strcmp(m[i].code, recv->code)) ||
		    (m[i].flags & LXF_PREFIX && !(m[i].flags & LXF_NAME) && !at_prefix_government(c, &m[i])))
			continue;
		for (size_t k = 0; k < nq && !listed; k++)
			listed = listed_with(c, &m[i], &all[k]) || ranked_with(c, &m[i], &all[k]);
		if (!listed)
			return &m[i];
	}
	return NULL;
}

/* The country after a giving preposition nearest the figure, not bound to another figure. */
static const struct mention *give_with(const struct ex_ctx *c, const struct mention *m, size_t n,
				       const struct ex_qty *q, const struct ex_qty *all, size_t nq,
				       const struct mention *recv)
{
	const struct mention *best = NULL;
	size_t bestd = (size_t)-1;

	for (size_t i = 0; i < n; i++) {
		size_t d;
		if (!m[i].prep[0] || !ex_lex_word(c->lx, LX_GIVE, m[i].prep, strlen(m[i].prep)) ||
		    (recv && !strcmp(m[i].code, recv->code)) || anothers(c, &m[i], q, all, nq))
			continue;
		d = at_dist(c, q->start, q->end, m[i].start, m[i].end);
		if (d < bestd && d <= 60) {
			bestd = d;
			best = &m[i];
		}
	}
	return best;
}

/*
 * "Größter Empfänger war die Ukraine mit 8,15 Milliarden Euro", "Es folgen Singapur mit 1,21
 * Milliarden Euro, …": exports name their buyer bare where the clause holds a noun of the other
 * side (grammar.tsv partnernoun: *empfänger, *abnehmer, *kunde) or the sentence goes on with the
 * list of buyers before it (listnext, after a figure of the family with a buyer): the country
 * named bare in the figure's clause, nearest it. NULL if none.
 */
static const struct mention *named_buyer(const struct ex_ctx *c, size_t si, const struct ex_qty *q,
					 const struct cache_slot *sl, enum family f)
{
	const char *s = c->text + c->sent[si].start, *e = c->text + c->sent[si].end;
	const struct mention *best = NULL;
	size_t bestd = (size_t)-1, ml;
	int cue = 0;

	if (f != F_EXPORT)
		return NULL;
	cue = c->have_prev && c->prev_si + 1 == si && family_of(c->lx, c->prev.detail) == F_EXPORT && c->prev.partner[0] &&
	      ex_lex_match_after(c->lx, LX_LISTNEXT, ex_skip_space(s, e), e, &ml) != NULL;
	if (!cue) {
		const struct ex_words *ws = ex_words_of(c, c->sent[si].start, c->sent[si].end);
		for (size_t i = 0; i < ws->n && !cue; i++)
			cue = ex_upper_at(c->text + ws->w[i].start, e) &&
			      ex_lex_suffix(c->lx, LX_PARTNERNOUN, c->text + ws->w[i].start, ws->w[i].end - ws->w[i].start) &&
			      !at_clause_apart(c->text, ws->w[i].start, ws->w[i].end, q->start, q->end);
	}
	if (!cue)
		return NULL;
	for (size_t k = 0; k < sl->nm; k++) {
		const struct mention *m = &sl->m[k];
		size_t d;
			/* (bare: no preposition — a noun of receiving before it may have given it its role) */
		if ((m->role != R_NONE && m->role != R_FOR) || m->prep[0] ||
		    (m->flags & (LXF_ADJ | LXF_PREFIX | LXF_GEN | LXF_PERSON | LXF_ORG)) ||
		    at_clause_apart(c->text, m->start, m->end, q->start, q->end))
			continue;
		d = at_dist(c, q->start, q->end, m->start, m->end);
		if (d < bestd) {
			bestd = d;
			best = m;
		}
	}
	return best;
}

/*
 * "Wichtigstes Empfängerland bleibt die Ukraine …: Auf sie entfallen 8,15 Milliarden Euro": a
 * receiving preposition with a pronoun in the figure's clause points to the country named last
 * before it, in the sentence or the one before.
 */
static const struct mention *pronoun_receiver(const struct ex_ctx *c, size_t si, const struct ex_qty *q,
					      const struct cache_slot *sl, const struct ex_attr *a)
{
	static const char *const pron[] = {"sie", "ihn", "ihm", "ihr", "ihnen", "es", NULL};
	const char *s = c->text + c->sent[si].start, *x = c->text + q->start, *w, *we, *pw, *pwe;
	const struct mention *last = NULL;

	for (int words = 0; words < 8; words++) {
		w = ex_word_back(s, x, &we);
		if (w == we)
			return NULL;
		for (const char *g = we; g < x; g++)
			if (*g == ',' || *g == ';' || *g == ':')
				return NULL;
		pw = ex_word_back(s, w, &pwe);
		if (ex_word_in(w, (size_t)(we - w), pron) && pwe > pw && ex_lex_word_ci(c->lx, LX_RECEIVE, pw, (size_t)(pwe - pw)))
			break;
		x = w;
		if (words == 7)
			return NULL;
	}
	/* (the subject too: a receiver taken for the subject gives way to the giver, at_frame) */
	(void)a;
	for (size_t i = 0; i < sl->nm; i++)
		if (sl->m[i].end <= (size_t)(w - c->text) && sl->m[i].role != R_SOURCE)
			last = &sl->m[i];
	if (!last && si > 0) {
		const struct cache_slot *psl = at_sentence_info(c, c->sent[si - 1].start, c->sent[si - 1].end, NULL, 0,
								AT_MENTIONS);
		for (size_t i = 0; i < psl->nm; i++)
			if (strcmp(psl->m[i].code, a->subject) && psl->m[i].role != R_SOURCE)
				last = &psl->m[i];
	}
	return last;
}

/* Does a receiving preposition follow the figure ("gut acht Milliarden Dollar für Partner im
 * Indopazifik")? Then its receiver is named, if as no country, and no default applies. */
static int names_receiver(const struct ex_ctx *c, size_t si, const struct ex_qty *q)
{
	const char *e = c->text + c->sent[si].end, *w = ex_skip_space(c->text + q->end, e);
	const char *we = ex_word_end(w, e), *n, *ne;

	if (!(we > w && ex_lex_word_ci(c->lx, LX_RECEIVE, w, (size_t)(we - w))))
		return 0;
	/* "114 Milliarden Euro an Hilfen", "an militärischer Unterstützung": "an" + a noun of aid
	 * says what the money is, not who receives it */
	n = ex_skip_space(we, e);
	for (int k = 0; k < 2; k++) {
		ne = ex_word_end(n, e);
		if (ne > n && ex_lex_suffix(c->lx, LX_RECEIVE, n, (size_t)(ne - n)))
			return 0;
		n = ex_skip_space(ne, e);
	}
	return 1;
}

/* "Der US-Präsident hat von Japan verlangt, acht Milliarden Dollar zu zahlen": the one a demand
 * is made of ("von" + country, `demand` grammar row) pays, the one who makes it receives. 1 when
 * a was set. */
static int demanded_of(const struct ex_ctx *c, size_t si, const struct mention *m, size_t n, struct ex_attr *a)
{
	const struct mention *of = NULL, *by = NULL;

	for (size_t i = 0; i < n; i++) {
		const char *w, *we, *end = c->text + c->doc->len;
		const struct ex_lex_entry *e;
		size_t ml;
		if (of || !m[i].prep[0] || !ex_lex_word(c->lx, LX_DEMANDED, m[i].prep, strlen(m[i].prep)))
			continue;
		/* "nach dem Willen von Trump", "auf Drängen von Washington": "von" after a noun of wanting
		 * (grammar.tsv demanded … by) names who wants it, not whom it is asked of */
		{
			/* back to the preposition that gave the role (articles may stand between), then one
			 * word more */
			const char *s0 = c->text + c->sent[si].start, *pw, *pwe, *vw, *vwe;
			vw = ex_word_back(s0, c->text + m[i].start, &vwe);
			while (vw < vwe && !lower_word(vw, (size_t)(vwe - vw), m[i].prep) &&
			       (size_t)(c->text + m[i].start - vw) < 40)
				vw = ex_word_back(s0, vw, &vwe);
			pwe = vw; /* (no word before: an empty one) */
			pw = vw < vwe ? ex_word_back(s0, vw, &pwe) : vw;
			if (pw < pwe && (e = ex_lex_word(c->lx, LX_DEMANDED, pw, (size_t)(pwe - pw))) != NULL &&
			    !strcmp(e->value, "by"))
				continue;
		}
		/* "die von den USA geforderten 2 Prozent": a participle of demand right after it
		 * (grammar.tsv demanded … agent) makes "von" its agent, not the one it is made of */
		w = ex_skip_space(c->text + m[i].end, end);
		we = ex_word_end(w, end);
		if (we > w && (e = ex_lex_stem(c->lx, LX_DEMANDED, w, we, end, &ml)) != NULL && !strcmp(e->value, "agent"))
			continue;
		of = &m[i];
	}
	for (size_t i = 0; i < n && of; i++)
		if (!by && (m[i].role == R_NONE || (m[i].flags & LXF_PERSON)) && strcmp(m[i].code, of->code) &&
		    !(m[i].flags & LXF_ORG && !(m[i].flags & LXF_CAPITAL)))
			by = &m[i];
	if (!of || !by)
		return 0;
	ex_copy(a->subject, sizeof(a->subject), of->code);
	ex_copy(a->partner, sizeof(a->partner), by->code);
	return 1;
}

/*
 * "Seit Februar 2022 haben die USA Waffen und Ausrüstung im Wert von mehr als 44 Milliarden Dollar
 * bereitgestellt" in an article that has named aid and its recipient: money a word of giving
 * (words.tsv aidverb) goes with, and no kind of its own but a budget's, weapons', imports' or an
 * addition's ("weitere fünf Milliarden Euro"), is that aid; so is money pledged ("sagten … zu").
 * The article's aid may be named by a noun of aid and its receiver before any figure ("Neue
 * Militärhilfe für die Ukraine soll es … geben").
 */
/* Is the word [w, we) lower case and no preposition or article (a verb, an auxiliary, an adverb)? */
static int plain_lower(const struct ex_ctx *c, const char *w, const char *we)
{
	return we > w && *w >= 'a' && *w <= 'z' && !ex_lex_word_ci(c->lx, LX_ROLE, w, (size_t)(we - w));
}

/* "die Unterstützung Armeniens": a genitive name right after a noun of aid (a `receive` '*' ending). */
static int bare_genitive(const struct ex_ctx *c, const struct mention *m)
{
	const char *we, *w = ex_word_back(c->text, c->text + m->start, &we);

	return (m->flags & LXF_GEN) && we > w && ex_upper_at(w, we) && ex_lex_suffix(c->lx, LX_RECEIVE, w, (size_t)(we - w));
}

/* Is the word [w, we) a lower-case article ("die", "den", "das")? */
static int article_at(const struct ex_ctx *c, const char *w, const char *we)
{
	const struct ex_lex_entry *r = we > w && *w >= 'a' && *w <= 'z' ? ex_lex_word(c->lx, LX_ROLE, w, (size_t)(we - w)) : NULL;

	return r && !strcmp(r->value, "article");
}

/* "Norwegen will die Ukraine … unterstützen", "Die USA unterstützen Israel mit …": the country a
 * lower-case word of giving (words.tsv aidverb) takes as its object — a clause-final verb the
 * nearest mention before it that follows an article, another the first bare mention after it.
 * NULL if none. */
static const struct mention *aid_object(const struct ex_ctx *c, const struct cache_slot *sl, const char *w,
					const char *we)
{
	const char *s = c->text, *e = ex_skip_space(we, s + sl->e);
	const struct mention *best = NULL;

	if (e >= s + sl->e || *e == ',' || *e == '.' || *e == ';') {
		for (size_t k = 0; k < sl->nm; k++) {
			const char *ae, *a = ex_word_back(s, s + sl->m[k].start, &ae);
			if (sl->m[k].end <= (size_t)(w - s) && sl->m[k].role == R_NONE && k > 0 &&
			    !(sl->m[k].flags & (LXF_PREFIX | LXF_ADJ | LXF_ORG)) && (article_at(c, a, ae) || plain_lower(c, a, ae)) &&
			    !at_clause_between(s, sl->m[k].end, (size_t)(w - s)))
				best = &sl->m[k];
		}
		return best;
	}
	for (size_t k = 0; k < sl->nm; k++)
		if (sl->m[k].start >= (size_t)(we - s) && sl->m[k].role == R_NONE &&
		    !(sl->m[k].flags & (LXF_PREFIX | LXF_ADJ | LXF_ORG)) && sl->m[k].start - (size_t)(we - s) <= 16)
			return &sl->m[k];
	return NULL;
}

/* Whom sentence si names as the receiver of aid. NULL if none. Three ways:
 *   a noun of aid (a cue whose detail is of the aid frame: Militärhilfe, Ukraine-Hilfe, or a
 *   word of giving: Unterstützung, Hilfspaket) and, after it in its clause, a country with "für"
 *   or "an" ("Neue Militärhilfe für die Ukraine", "die Hilfe an Kiew");
 *   a word of giving and a genitive or dative a noun of aid or a verb governs ("bei der
 *   Unterstützung der Ukraine", "hätten der Ukraine … gezahlt");
 *   the object of a verb of giving ("Norwegen will die Ukraine … unterstützen"). */
static const char *aid_named(const struct ex_ctx *c, size_t si)
{
	const struct cache_slot *sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_CUES | AT_MENTIONS);
	const struct ex_words *ws;
	const char *e = c->text + c->sent[si].end;

	for (size_t i = 0; i < sl->nc; i++) {
		if (family_of(c->lx, sl->c[i].e->detail) != F_AID || strcmp(sl->c[i].e->value, "budget"))
			continue;
		for (size_t k = 0; k < sl->nm; k++)
			if (sl->m[k].start >= sl->c[i].we && sl->m[k].start - sl->c[i].we <= 48 &&
			    (sl->m[k].role == R_FOR || sl->m[k].via_an) && !at_clause_between(c->text, sl->c[i].we, sl->m[k].start))
				return sl->m[k].code;
	}
	ws = ex_words_of(c, c->sent[si].start, c->sent[si].end);
	for (size_t i = 0; i < ws->n; i++) {
		const char *w = c->text + ws->w[i].start, *we = c->text + ws->w[i].end;
		const struct mention *m;
		if (!ex_lex_stem(c->lx, LX_AIDVERB, w, we, e, &(size_t){0}))
			continue;
		/* "die Hilfe Norwegens für die Ukraine": the one it is for is the receiver, before a
		 * genitive, which may as well name the giver */
		for (size_t k = 0; k < sl->nm; k++) {
			m = &sl->m[k];
			if (!(m->flags & (LXF_ORG | LXF_PREFIX)) && m->start >= ws->w[i].end && m->start - ws->w[i].end <= 48 &&
			    (m->role == R_FOR || m->via_an) && !at_clause_between(c->text, ws->w[i].end, m->start))
				return m->code;
		}
		for (size_t k = 0; k < sl->nm; k++) {
			m = &sl->m[k];
			if (!(m->flags & (LXF_ORG | LXF_PREFIX)) && (aid_genitive(c, m) || bare_genitive(c, m)) &&
			    !at_clause_between(c->text, ws->w[i].end < m->start ? ws->w[i].end : m->end,
					       ws->w[i].end < m->start ? m->start : ws->w[i].start))
				return m->code;
		}
		if (*w >= 'a' && *w <= 'z' && (m = aid_object(c, sl, w, we)) != NULL)
			return m->code;
	}
	return NULL;
}

static void aid_in_context(struct ex_ctx *c, size_t si, struct ex_attr *a)
{
	const char *e = c->text + c->sent[si].end;
	const struct ex_words *ws;

	if (a->ind != KZ_I_BUDGET)
		return;
	/* the article's aid and its receiver, named before any aid figure: in its lead, the first
	 * three sentences (read once, as the figures ask; the sentences after are read with their
	 * figures, and a figure of aid names its receiver itself) */
	for (; !c->aid_topic[0] && c->aid_upto <= si && c->aid_upto < c->nsent && c->aid_upto < 3; c->aid_upto++) {
		const char *r = aid_named(c, c->aid_upto);
		if (r)
			ex_copy(c->aid_topic, sizeof(c->aid_topic), r);
	}
	if (!c->receiver[F_AID][0] && c->aid_topic[0])
		ex_copy(c->receiver[F_AID], sizeof(c->receiver[F_AID]), c->aid_topic);
	if (!c->receiver[F_AID][0] ||
	    (a->detail[0] && strcmp(a->detail, "defense_budget") && strcmp(a->detail, "arms_deal") &&
	     strcmp(a->detail, "arms_imports") && strcmp(a->detail, "additional") && !(a->detail_weak && c->aid_topic[0])))
		return;
	/* a pledge ("Die Niederlande sagten gut 100 Millionen Euro zu") is a word of giving too; in
	 * an article whose lead names aid and its receiver, money of no named kind is that aid, and
	 * so is money whose kind only a sentence before named ("… im Haushalt gedeckt ist. Für dieses
	 * Jahr sind … 7,5 Milliarden Euro eingeplant") */
	if (a->status_pledge ||
	    ((!a->detail[0] || !strcmp(a->detail, "additional") || a->detail_weak) && c->aid_topic[0])) {
		/* (a word of several senses had made it a payment: its default partner goes with it,
		 * and the aid's receiver is found below) */
		if (!strcmp(a->detail, "host_nation_support") && !strcmp(a->partner, "US"))
			a->partner[0] = '\0';
		at_set_detail(a, "military_aid");
		a->detail_topic = !a->status_pledge;
		return;
	}
	ws = ex_words_of(c, c->sent[si].start, c->sent[si].end);
	for (size_t i = 0; i < ws->n; i++)
		if (ex_lex_stem(c->lx, LX_AIDVERB, c->text + ws->w[i].start, c->text + ws->w[i].end, e, &(size_t){0}) &&
		    !at_own_support(c, ws->w[i].start, ws->w[i].end)) {
			at_set_detail(a, "military_aid");
			return;
		}
}


/* Is [w, we) a relative pronoun right after a comma ("…, die Israel … zahlen", "…, das der Ukraine …")? */
static int relative_at(const char *s, const char *w, const char *we)
{
	const char *b = w;

	if (!ex_word_in(w, (size_t)(we - w), (const char *const[]){"die", "der", "das", NULL}))
		return 0;
	while (b > s && b[-1] == ' ')
		b--;
	return b > s && b[-1] == ',';
}

/* Does the particle of a separable verb (word i of ws: "sagen … zu") stand later in its clause,
 * as a word of its own? */
static int particle_after(const struct ex_ctx *c, const struct ex_words *ws, size_t i, const char *particle)
{
	size_t n = strlen(particle);

	for (size_t k = i + 1; k < ws->n; k++) {
		if (at_clause_apart(c->text, ws->w[i].start, ws->w[i].end, ws->w[k].start, ws->w[k].end))
			return 0;
		if (ws->w[k].end - ws->w[k].start == n && !memcmp(c->text + ws->w[k].start, particle, n))
			return 1;
	}
	return 0;
}

/*
 * "Die USA haben der Ukraine 175 Milliarden Dollar gezahlt", "…, die Israel jährlich 3,8
 * Milliarden Dollar zahlen", "Washington hat Taiwan Waffen für 26 Milliarden Dollar verkauft": with
 * a verb of giving (grammar.tsv dative) in the figure's clause, a country before the figure that
 * follows a verb or auxiliary, bare or with a dative article (der, dem, den), or a relative pronoun
 * right after a comma, receives; the country named before it gives. 1 with *gv and *rv set. With
 * gifts (things counted, not money), a verb of selling gives nothing.
 */
static int dative_pair(const struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct mention *m, size_t n,
		       int gifts, const struct mention **gv, const struct mention **rv)
{
	const char *t = c->text, *s = t + c->sent[si].start;
	const struct ex_words *ws = ex_words_of(c, c->sent[si].start, c->sent[si].end);
	const struct ex_lex_entry *verb = NULL;

	for (size_t i = 0; i < ws->n && !verb; i++)
		if ((verb = ex_lex_word(c->lx, LX_DATIVE, t + ws->w[i].start, ws->w[i].end - ws->w[i].start)) != NULL &&
		    (at_clause_apart(t, q->start, q->end, ws->w[i].start, ws->w[i].end) ||
		     (verb->detail && verb->detail[0] && !particle_after(c, ws, i, verb->detail))))
			verb = NULL;
	/* (things counted that are sold are the buyer's purchase: at_purchase reads them) */
	if (!verb || (gifts && !strcmp(verb->value, "sale")) || !strcmp(verb->value, "report"))
		return 0; /* (a figure reported to someone is none of theirs: "der Nato melden") */
	for (size_t i = 0; i < n; i++) {
		const char *w, *we, *pw, *pwe;
		int dative = 0, rel;
		if (m[i].end > q->start || (m[i].flags & (LXF_ADJ | LXF_PREFIX | LXF_GEN | LXF_PERSON | LXF_ORG)) ||
		    at_clause_apart(t, q->start, q->end, m[i].start, m[i].end))
			continue;
		w = ex_word_back(s, t + m[i].start, &we);
		if (w == we)
			continue;
		pw = ex_word_back(s, w, &pwe);
		rel = 0;
		if (ex_word_in(w, (size_t)(we - w), (const char *const[]){"der", "dem", "den", NULL}))
			dative = plain_lower(c, pw, pwe) || (rel = relative_at(s, pw, pwe)); /* "haben der Ukraine" */
		else if (!ex_word_in(w, (size_t)(we - w), (const char *const[]){"die", "das", NULL}))
			dative = !m[i].prep[0] && plain_lower(c, w, we); /* "zahlen Israel", "hat Taiwan" */
		if (!dative)
			dative = rel = relative_at(s, w, we); /* "die USA, die Israel … zahlen" */
		/* "haben die USA Israel … geleistet": right after the bare subject, the object */
		if (!dative && i > 0 && m[i - 1].role == R_NONE && !m[i - 1].prep[0] &&
		    !(m[i - 1].flags & (LXF_ADJ | LXF_GEN | LXF_ORG)) && strcmp(m[i - 1].code, m[i].code) &&
		    ex_skip_space(t + m[i - 1].end, t + m[i].start) == t + m[i].start)
			dative = 1;
		if (!dative)
			continue;
		/* the giver: the nearest bare mention before it, in its clause (or the relative's antecedent) */
		for (size_t j = i; j-- > 0;)
			if ((m[j].role == R_NONE || (m[j].flags & LXF_PERSON)) && strcmp(m[j].code, m[i].code) &&
			    !(m[j].flags & (LXF_ADJ | LXF_GEN)) && !m[j].prep[0] &&
			    (!(m[j].flags & LXF_PREFIX) || at_prefix_government(c, &m[j])) &&
			    (rel || !at_clause_apart(t, m[j].start, m[j].end, m[i].start, m[i].end))) {
				*gv = &m[j];
				*rv = &m[i];
				return 1;
			}
	}
	return 0;
}

/*
 * "Die Ukraine erhält 8,3 Milliarden Euro an Militärhilfe": with a verb of receiving (grammar.tsv
 * gets) in the figure's clause, the country named bare before it receives; the giver is the one
 * the clause names with "aus" or "von", else the document's of that money's kind, else none is
 * named. 1 when the figure was so read.
 */
static int gets_with(struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct cache_slot *sl, enum family f,
		     struct ex_attr *a)
{
	const struct ex_words *ws = ex_words_of(c, c->sent[si].start, c->sent[si].end);
	const struct mention *r = NULL;

	for (size_t i = 0; i < ws->n && !r; i++) {
		size_t w = ws->w[i].start;
		if (!ex_lex_word(c->lx, LX_GETS, c->text + w, ws->w[i].end - w) ||
		    at_clause_apart(c->text, w, ws->w[i].end, q->start, q->end))
			continue;
		for (size_t k = 0; k < sl->nm; k++)
			if (sl->m[k].end <= w && sl->m[k].role == R_NONE && !(sl->m[k].flags & (LXF_PREFIX | LXF_ADJ)) &&
			    !at_clause_between(c->text, sl->m[k].end, w))
				r = &sl->m[k]; /* the last one before the verb */
		/* "Unabhängig davon erhält Israel jedes Jahr 3,8 Milliarden Dollar": the verb first, the
		 * receiver right after it (an article between) */
		for (size_t k = 0; k < sl->nm && !r; k++) {
			const char *x = ex_skip_space(c->text + ws->w[i].end, c->text + sl->m[k].start), *xe;
			if (sl->m[k].start < ws->w[i].end || sl->m[k].role != R_NONE ||
			    (sl->m[k].flags & (LXF_PREFIX | LXF_ADJ | LXF_GEN)))
				continue;
			xe = ex_word_end(x, c->text + sl->m[k].start);
			if (x < xe && ex_word_in(x, (size_t)(xe - x), (const char *const[]){"die", "der", "das", NULL}))
				x = ex_skip_space(xe, c->text + sl->m[k].start);
			if (x == c->text + sl->m[k].start)
				r = &sl->m[k];
		}
	}
	if (!r)
		return 0;
	ex_copy(a->partner, sizeof(a->partner), r->code);
	a->subject[0] = '\0';
	/* "Die Ukraine erhielt … 35 Milliarden Euro aus Europa", "… von den USA": the giver the
	 * clause names (grammar.tsv give, or "von"), else the document's */
	for (size_t k = 0; k < sl->nm && !a->subject[0]; k++) {
		const struct mention *g = &sl->m[k];
		if (g->start > r->end && strcmp(g->code, r->code) && !at_clause_apart(c->text, g->start, g->end, q->start, q->end) &&
		    (ex_lex_word(c->lx, LX_GIVE, g->prep, strlen(g->prep)) || !strcmp(g->prep, "von") || !strcmp(g->prep, "vom")))
			ex_copy(a->subject, sizeof(a->subject), g->code);
	}
	if (!a->subject[0] && c->giver[f][0] && strcmp(c->giver[f], r->code))
		ex_copy(a->subject, sizeof(a->subject), c->giver[f]);
	if (!c->receiver[f][0])
		ex_copy(c->receiver[f], sizeof(c->receiver[f]), r->code);
	return 1;
}

/*
 * "Ihre Zusagen entsprechen gut 0,4 Prozent des BIP", "Die Militärhilfe entspricht etwa 0,3
 * Prozent der Wirtschaftsleistung": a share of GDP that a noun of aid (a cue of the aid frame) or a
 * word of giving comes before, in an article that has named aid's receiver, measures that aid and
 * goes to that receiver.
 */
static void aid_share(struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const struct cache_slot *sl;
	const struct ex_words *ws;
	const char *detail = NULL, *e = c->text + c->sent[si].end;
	const char *to = c->receiver[F_AID][0] ? c->receiver[F_AID] : c->aid_topic;

	if (!to[0] || a->partner[0] || !strcmp(to, a->subject) || (a->detail[0] && strcmp(a->detail, "defense_budget")))
		return;
	sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_CUES);
	for (size_t i = 0; i < sl->nc && !detail; i++)
		if (sl->c[i].we <= q->start && family_of(c->lx, sl->c[i].e->detail) == F_AID)
			detail = sl->c[i].e->detail;
	ws = ex_words_of(c, c->sent[si].start, c->sent[si].end);
	for (size_t i = 0; i < ws->n && !detail && ws->w[i].end <= q->start; i++)
		if (ex_lex_stem(c->lx, LX_AIDVERB, c->text + ws->w[i].start, c->text + ws->w[i].end, e, &(size_t){0}))
			detail = "aid_total";
	if (!detail)
		return;
	at_set_detail(a, detail);
	ex_copy(a->partner, sizeof(a->partner), to);
}

void at_frame(struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct ex_qty *all, size_t nq,
	      struct ex_attr *a)
{
	enum family f;

	aid_in_context(c, si, a);
	f = a->ind == KZ_I_BUDGET ? family_of(c->lx, a->detail) : F_NONE;
	const struct cache_slot *sl;
	const struct mention *r, *g;

	/* "Washington verlangt von Berlin zwei Prozent der Wirtschaftsleistung": a share of GDP
	 * demanded is the share of the one it is demanded of */
	if (a->ind == KZ_I_GDP_SHARE && a->status == KZ_S_DEMAND && q->cell_end <= q->cell_start) {
		sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_MENTIONS);
		if (demanded_of(c, si, sl->m, sl->nm, a))
			a->partner[0] = '\0';
		return;
	}
	if (a->ind == KZ_I_GDP_SHARE && q->cell_end <= q->cell_start)
		aid_share(c, si, q, a);
	/* "Die Niederlande liefern der Ukraine 18 Kampfjets": things given go from the giver to the
	 * dative's receiver, as money does */
	if (a->ind == KZ_I_OTHER && q->unit && !strcmp(q->unit, "count") && a->status != KZ_S_DEMAND &&
	    q->cell_end <= q->cell_start) {
		sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_MENTIONS);
		if (dative_pair(c, si, q, sl->m, sl->nm, 1, &g, &r)) {
			ex_copy(a->subject, sizeof(a->subject), g->code);
			ex_copy(a->partner, sizeof(a->partner), r->code);
			a->subj_src = 2;
		}
		return;
	}
	if (a->ind != KZ_I_BUDGET || q->cell_end > q->cell_start)
		return;
	sl = at_sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, AT_MENTIONS);
	if (a->status == KZ_S_DEMAND && demanded_of(c, si, sl->m, sl->nm, a))
		return;
	if (dative_pair(c, si, q, sl->m, sl->nm, 0, &g, &r)) {
		snprintf(a->subject, sizeof(a->subject), "%s", g->code);
		snprintf(a->partner, sizeof(a->partner), "%s", r->code);
		a->subj_src = 2;
		/* the document's first giver and receiver of the family, as below */
		if (f != F_NONE && !c->giver[f][0])
			snprintf(c->giver[f], sizeof(c->giver[f]), "%s", a->subject);
		if (f != F_NONE && !c->receiver[f][0])
			snprintf(c->receiver[f], sizeof(c->receiver[f]), "%s", a->partner);
		return;
	}
	if (f == F_NONE)
		return;
	if (gets_with(c, si, q, sl, f, a))
		return;
	r = receiver(c, sl->m, sl->nm, q, all, nq);
	if (!r)
		r = named_buyer(c, si, q, sl, f);
	if (!r)
		r = pronoun_receiver(c, si, q, sl, a);
	/* a country after a giving preposition is no receiver: "aus Europa" taken for a partner */
	for (size_t i = 0; i < sl->nm && a->partner[0]; i++)
		if (!strcmp(sl->m[i].code, a->partner) && sl->m[i].prep[0] &&
		    ex_lex_word(c->lx, LX_GIVE, sl->m[i].prep, strlen(sl->m[i].prep)))
			a->partner[0] = '\0';
	/* "62 Milliarden Euro aus Europa stehen 64 Milliarden aus Washington gegenüber": a giving
	 * preposition with the figure names its giver, whoever else the sentence names */
	{
		const struct mention *ga = give_with(c, sl->m, sl->nm, q, all, nq, r);
		if (ga) {
			ex_copy(a->subject, sizeof(a->subject), ga->code);
			a->subj_src = 2;
			a->subj_near = 1; /* named with the figure: no neighbour's subject overrides it */
			if (!strcmp(a->partner, ga->code))
				a->partner[0] = '\0'; /* "aus Europa" was taken for a partner */
		}
	}
	/* an aid figure no receiver stands with: the one the sentences before name ("bei der
	 * Unterstützung der Ukraine …") when the document has none yet */
	if (!r && f == F_AID && !c->receiver[f][0] && !names_receiver(c, si, q))
		for (size_t back = 1; back <= 3 && back <= si && !r; back++) {
			const struct cache_slot *bsl =
				at_sentence_info(c, c->sent[si - back].start, c->sent[si - back].end, NULL, 0, AT_MENTIONS);
			struct ex_qty far = *q;
			far.start = far.end = c->sent[si - back].end;
			r = receiver(c, bsl->m, bsl->nm, &far, NULL, 0);
					if (r && !strcmp(r->code, a->subject))
				r = NULL;
		}
	g = r ? giver(c, si, sl->m, sl->nm, r, all, nq) : NULL;
	/* a sentence that names no giver sells from the maker of the system it names ("den Verkauf
	 * von 36 Kampfjets vom Typ F-15 an Jakarta" in an article on the Rafale), else gives from the
	 * one the document named ("Für Israel wurden Ausfuhren im Wert von 161,1 Millionen Euro
	 * genehmigt") */
	const char *dg = r && !g && f == F_EXPORT ? at_maker_in(c, si, r->code) : NULL;
	if (!dg && c->giver[f][0])
		dg = c->giver[f];
	if (r && (!a->subject[0] || !strcmp(a->subject, r->code))) {
		/* the receiver was taken for whose money it is: the giver is; with no giver known, the
		 * receiver is no receiver */
		if (g)
			ex_copy(a->subject, sizeof(a->subject), g->code);
		else if (dg && strcmp(dg, r->code))
			ex_copy(a->subject, sizeof(a->subject), dg);
		else if (a->subject[0])
			r = NULL;
	} else if (r && !g && dg && strcmp(dg, r->code)) {
		ex_copy(a->subject, sizeof(a->subject), dg);
	}
	if (r && strcmp(r->code, a->subject) && (!a->partner[0] || listed_with(c, r, q)))
		ex_copy(a->partner, sizeof(a->partner), r->code);
	/* aid goes to the article's first recipient (exports have no default: an exporter's totals
	 * go to no one buyer, measured on news2: a total of Korea's exports was given Romania) */
	if (!a->partner[0] && f == F_AID && c->receiver[f][0] &&
	    strcmp(c->receiver[f], a->subject) && !names_receiver(c, si, q))
		ex_copy(a->partner, sizeof(a->partner), c->receiver[f]);
	if (!a->partner[0] && f == F_PAYMENT) {
		/* paid for the forces the document counts ("für die US-Truppen"), else, with no troops
		 * counted, for the US's when the money is named as host-nation support */
		const char *power = c->have_last[KZ_I_TROOPS] && c->last[KZ_I_TROOPS].subject[0]
					    ? c->last[KZ_I_TROOPS].subject
					    : "US";
		if (strcmp(power, a->subject))
			ex_copy(a->partner, sizeof(a->partner), power);
	}
	/* the document's giver is the first one: an article on exports or aid speaks of one */
	if (a->subject[0] && !c->giver[f][0])
		ex_copy(c->giver[f], sizeof(c->giver[f]), a->subject);
	if (a->partner[0] && strcmp(a->partner, a->subject) && !c->receiver[f][0])
		ex_copy(c->receiver[f], sizeof(c->receiver[f]), a->partner);
}
