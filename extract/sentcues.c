/*
 * sentcues.c: a sentence read once for the status and cite words its figures' status and source
 * come from (ex_sentence_cues).
 *
 * It is cut into clauses at , ; : and at a dash between spaces (not at a restatement's comma:
 * "…, umgerechnet etwa 19,7 Milliarden Dollar"), and the words of data/status.tsv are found in
 * it: status words with what they reach (a noun, or a participle between its article and its
 * noun, only its own phrase; a governing verb its dependent clauses too), cite words and the
 * originators they name. status.c decides a figure's status from them, originator.c its source.
 */
#include "attrib_int.h"

#include <stdlib.h>
#include <string.h>

/* Which clause holds byte offset pos. */
size_t ex_clause_of(const struct ex_sentence_cues *sc, size_t pos)
{
	size_t i = 0;
	while (i + 1 < sc->nclause && sc->clause[i + 1] <= pos)
		i++;
	return i;
}

/* The bytes a clause boundary can begin with: , ; : and a dash's first byte ('-', the 0xE2 lead
 * of U+2010..U+2015 and U+2212); every other byte is passed over without a test. */
static const unsigned char boundary_first[256] = {[','] = 1, [';'] = 1, [':'] = 1, ['-'] = 1, [0xE2] = 1};

/* Is there a clause boundary at p: , ; : or a dash between spaces? */
static size_t boundary_at(const char *p, const char *s, const char *end)
{
	size_t k;

	/* "8,8 Billionen", "10:30": a comma or colon between digits is part of a number */
	if ((*p == ',' || *p == ':') && p > s && p + 1 < end && p[-1] >= '0' && p[-1] <= '9' && p[1] >= '0' &&
	    p[1] <= '9')
		return 0;
	if (*p == ',' || *p == ';' || *p == ':')
		return 1; /* a parenthesis is part of its clause: "8,8 Billionen Yen (rund 59,9 Milliarden Dollar)" */
	if (p > s && p[-1] == ' ' && (k = ex_dash_at(p, end)) != 0 && p + k < end && p[k] == ' ')
		return k;
	return 0;
}

/*
 * Separable verbs (status.tsv `separable`, "sieht vor"): the verb's form, then its particle as the
 * last word of the verb's clause ("Das Abkommen sieht für 2026 einen Beitrag von 1,52 Billionen
 * Won vor", "Putin ordnete an, die Zahl … zu erhöhen"). A match is a governing status cue at the
 * verb.
 */
static void separable_cues(const struct ex_ctx *c, size_t si, const struct ex_words *ws,
			   struct ex_sentence_cues *sc)
{
	const struct ex_lexicon *lx = c->lx;
	const char *t = c->text, *s = t + c->sent[si].start;

	for (size_t wi = 0; wi < ws->n && sc->ncue < EX_MAX_CUES; wi++) {
		const char *w = t + ws->w[wi].start, *p = t + ws->w[wi].end;
		size_t n = (size_t)(p - w);
		unsigned char b = ex_fold_byte((unsigned char)*w);
		/* a verb of two bytes or more: the candidates of its first two; of one: all of its byte */
		unsigned nix = lx->n_first[LX_SEPARABLE][b];
		const unsigned *ix = n >= 2 ? ex_lex_candidates(lx, LX_SEPARABLE, w, n, &nix) : lx->by_first[LX_SEPARABLE][b];
		for (unsigned j = 0; j < nix; j++) {
			const struct ex_lex_entry *e = &lx->v[LX_SEPARABLE][ix[j]];
			const char *sp = strchr(e->key, ' ');
			size_t cl, ce;
			const char *x, *lw = NULL, *lwe = NULL, *pw;
			if (!sp || (size_t)(sp - e->key) != n || memcmp(e->key, w, n))
				continue;
			/* the last word of the verb's clause */
			cl = ex_clause_of(sc, (size_t)(w - t));
			ce = cl + 1 < sc->nclause ? sc->clause[cl + 1] : c->sent[si].end;
			for (x = p; (pw = ex_next_word(p, &x, t + ce)) != NULL;) {
				lw = pw;
				lwe = x;
			}
			if (!lw || (size_t)(lwe - lw) != strlen(sp + 1) || memcmp(lw, sp + 1, (size_t)(lwe - lw)))
				continue;
			{
				/* the separable reading stands for the word's plain one ("plante … ein" is
				 * budgeting, not "plant") */
				struct ex_status_cue *h = NULL;
				const char *bb = w;
				for (size_t k = 0; k < sc->ncue && !h; k++)
					if (sc->cue[k].pos == (size_t)(w - t))
						h = &sc->cue[k];
				if (!h)
					h = &sc->cue[sc->ncue++];
				h->pos = (size_t)(w - t);
				h->status = kz_status_parse(e->value);
				h->governs = 1;
				h->settled = (e->flags & LXF_SETTLED) != 0;
				h->budgeted = (e->flags & LXF_BUDGETED) != 0;
				h->estimate = (e->flags & LXF_ESTIMATE) != 0;
				h->pledge = (e->flags & LXF_PLEDGE) != 0;
				h->option = (e->flags & LXF_OPTION) != 0;
				h->ought = (e->flags & LXF_OUGHT) != 0;
				h->voice = (e->flags & LXF_VOICE) != 0;
				h->hearsay = 0;
				h->noun = 0;
				while (bb > s && (bb[-1] == ' ' || bb[-1] == '\n'))
					bb--;
				h->opens = bb > s && (bb[-1] == ',' || bb[-1] == ';');
				h->aside = 0;
			}
			break;
		}
	}
}

/* Is there a verb in the clause of p, after it: a reporting verb (status.tsv cite verb), a status
 * verb, a finite verb (grammar.tsv tense) or a word with a weak preterite's ending? */
static int verb_in_clause(const struct ex_ctx *c, const struct ex_sentence_cues *sc, const char *p, const char *end)
{
	const struct ex_lexicon *lx = c->lx;
	size_t cl = ex_clause_of(sc, (size_t)(p - c->text));
	const char *e = cl + 1 < sc->nclause ? c->text + sc->clause[cl + 1] : end, *x = p, *w;

	while ((w = ex_next_word(p, &x, e)) != NULL) {
		const struct ex_lex_entry *ce;
		size_t ml;
		if (ex_lex_word(lx, LX_TENSE, w, (size_t)(x - w)) || ex_lex_stem(lx, LX_STATUS, w, x, e, &ml))
			return 1;
		if ((ce = ex_lex_stem(lx, LX_CITE, w, x, e, &ml)) != NULL && !strcmp(ce->value, "verb"))
			return 1;
		/* a weak verb's preterite the lexicon lacks ("wie das Ministerium vorrechnete") */
		if (*w >= 'a' && *w <= 'z' && x - w >= 5 && (!memcmp(x - 2, "te", 2) || !memcmp(x - 3, "ten", 3)))
			return 1;
	}
	return 0;
}

/* "US-Regierung", "US-Außenministerium": a country's prefix on a government noun (grammar.tsv
 * govt) is that country's government, by the country's name. 1 with name set. */
static int prefixed_government(const struct ex_lexicon *lx, const char *w, const char *we, char *name, size_t n)
{
	const struct ex_lex_entry *ce;
	const char *h = memchr(w, '-', (size_t)(we - w));
	size_t ml;

	if (!h || h + 1 >= we || !(ce = ex_lex_match_after(lx, LX_COUNTRY, w, h + 1, &ml)) ||
	    ml != (size_t)(h + 1 - w) || !(ce->flags & LXF_PREFIX) || !ex_lex_word(lx, LX_GOVT, h + 1, (size_t)(we - h - 1)))
		return 0;
	snprintf(name, n, "%s", ex_country_name(lx, ce->value));
	return 1;
}

/* Does the noun at p follow a preposition that cites ("nach Zahlen der Weltbank", "laut den
 * Daten"), an article between? */
static int after_citing_prep(const char *s, const char *p)
{
	const char *w, *we;

	w = ex_word_back(s, p, &we);
	if (w < we && ex_word_in(w, (size_t)(we - w), (const char *const[]){"den", "der", "die", "dem", "des", NULL}))
		w = ex_word_back(s, w, &we);
	return w < we && ex_word_in(w, (size_t)(we - w), (const char *const[]){"nach", "Nach", "laut", "Laut", "gemäß", "Gemäß", NULL});
}

/* Does clause k of the sentence sc reads hold a word of the lexicon kind, as a stem (grammar.tsv
 * surpass, meetverb)? */
int ex_clause_has_stem(const struct ex_ctx *c, const struct ex_sentence_cues *sc, size_t k, int kind)
{
	const char *b = c->text + sc->clause[k];
	const char *e = c->text + (k + 1 < sc->nclause ? sc->clause[k + 1] : c->sent[sc->si].end), *x = b, *w;
	size_t ml;

	while ((w = ex_next_word(x, &x, e)) != NULL)
		if (ex_lex_stem(c->lx, kind, w, x, e, &ml))
			return 1;
	return 0;
}

/* Is the noun phrase at p a government's with no country named in it ("der Regierung", "des
 * Verteidigungsministeriums"): its article, then a government noun (grammar.tsv govt) ending the
 * phrase? */
static int govt_after(const struct ex_lexicon *lx, const char *p, const char *end, char *noun, size_t nn)
{
	const struct ex_lex_entry *g;
	const char *q = p, *w = ex_next_word(p, &q, end), *w2, *q2;
	static const char *const arts[] = {"der", "des", "dem", "den", "die", "das", NULL};

	if (!w || !ex_word_in(w, (size_t)(q - w), arts))
		return 0;
	w = ex_next_word(q, &q, end);
	if (!w || !ex_upper_at(w, q))
		return 0;
	{
		size_t n = (size_t)(q - w);
		/* a genitive ending: "des Verteidigungsministeriums" */
		if (!(g = ex_lex_word(lx, LX_GOVT, w, n)) && !(n > 2 && w[n - 1] == 's' && (g = ex_lex_word(lx, LX_GOVT, w, n - 1))) &&
		    !(n > 3 && w[n - 1] == 's' && w[n - 2] == 'e' && (g = ex_lex_word(lx, LX_GOVT, w, n - 2))))
			return 0;
	}
	/* no country after it ("der Regierung in Warschau" names its own) */
	q2 = q;
	w2 = ex_next_word(q, &q2, end);
	if (w2 && ex_skip_space(q, end) != w2)
		w2 = NULL; /* a figure or a mark stands first: the phrase ended */
	/* (a capitalised word after it that is no name of the lexicon opens the rest of the clause:
	 * "nach Angaben des Verteidigungsministeriums Militärhilfe von …"; an acronym names it) */
	if (w2 && (ex_lex_match_after(lx, LX_COUNTRY, w2, end, &(size_t){0}) ||
		   (ex_upper_at(w2, q2) && q2 - w2 >= 2 && ex_upper_at(w2 + 1, q2))))
		return 0;
	if (w2 && ex_word_in(w2, (size_t)(q2 - w2), (const char *const[]){"in", "von", "aus", NULL}))
		return 0;
	snprintf(noun, nn, "%s", g->key);
	return 1;
}

/* The originator a reporting verb's participle at p has for subject when an auxiliary of the
 * perfect stands before it in its clause ("Das „Wall Street Journal“ hatte am Donnerstag unter
 * Berufung auf Regierungskreise gemeldet"): the one that opens the clause, after its article and
 * quotation marks. 1 and name set when found. */
static int perfect_subject(const struct ex_ctx *c, const struct ex_sentence_cues *sc, const char *p, const char *end,
			   char *name, size_t n)
{
	static const char *const aux[] = {"hat", "hatte", "haben", "hatten", NULL};
	const char *t = c->text, *cs = t + sc->clause[ex_clause_of(sc, (size_t)(p - t))], *x = cs, *w, *first = NULL;
	int has_aux = 0;

	while ((w = ex_next_word(cs, &x, p)) != NULL) {
		if (!first)
			first = w;
		has_aux |= ex_word_in(w, (size_t)(x - w), aux);
	}
	if (!has_aux || !first)
		return 0;
	w = first;
	if (ex_word_in(w, (size_t)(ex_word_end(w, p) - w), (const char *const[]){"Das", "Der", "Die", "das", "der", "die", NULL}))
		w = ex_skip_space(ex_word_end(w, p), p);
	/* („ " ‚ ') */
	while (w < p && (*w == '"' || *w == '\'' || !strncmp(w, "\xe2\x80\x9e", 3) || !strncmp(w, "\xe2\x80\x9c", 3) ||
			 !strncmp(w, "\xe2\x80\x9a", 3)))
		w += *w == '"' || *w == '\'' ? 1 : 3;
	return w < p && ex_originator_at(c->lx, w, end, 0, name, n) > 0;
}

/* The originator the sentence before si cited first, into name; 0 when it cited none. The
 * sentence before had no figure when it was not read: it is read now for its originator ("Nach
 * den … veröffentlichten Nato-Zahlen erfüllen 23 Verbündete die Vorgabe. Demnach liegt Polen …"). */
static int source_before(struct ex_ctx *c, size_t si, char *name, size_t n)
{
	if (c->last_source_si + 1 != si && si > 0 && !c->reading_before) {
		if (!c->cues_before)
			c->cues_before = kz_xcalloc(1, sizeof(*c->cues_before));
		c->reading_before = 1;
		c->cues_before->valid = 0;
		ex_sentence_cues(c, si - 1, c->cues_before);
		c->reading_before = 0;
	}
	if (!c->last_source[0] || c->last_source_si + 1 != si)
		return 0;
	snprintf(name, n, "%s", c->last_source);
	return 1;
}

/* The acronym in parentheses after the name that follows p, in its clause and within 80 bytes
 * ("der US-Streitkräfte in Korea (USFK)"): into name, when there is one. */
static void acronym_after(const char *p, const char *end, char *name, size_t n)
{
	for (const char *x = p; x < end && x - p < 80 && *x != ',' && *x != ';' && *x != '.'; x++) {
		const char *y = x + 1;
		if (*x != '(')
			continue;
		while (y < end && *y >= 'A' && *y <= 'Z')
			y++;
		if (y < end && *y == ')' && y - x - 1 >= 2 && y - x - 1 <= 8)
			snprintf(name, n, "%.*s", (int)(y - x - 1), x + 1);
		return;
	}
}

/* "Die 2014 beschlossene Vorgabe erreichen nur wenige: …": is the verb's word at [p, we) an
 * inflected participle between an article (and perhaps a year) and its noun? Then it is part of
 * the noun's phrase and reaches that phrase only, like a noun. ml: the bytes its stem matched. */
static int attributive(const struct ex_lexicon *lx, const char *s, const char *p, const char *we, const char *end,
		       size_t ml)
{
	const char *n = ex_skip_space(we, end);

	if ((size_t)(we - p) <= ml || !strchr("enrsm", we[-1]) || n >= end || !(*n >= 'A' && *n <= 'Z'))
		return 0;
	return at_article_before(lx, s, p, 1) != NULL; /* (over a year: "das 2014 vereinbarte Ziel") */
}

void ex_sentence_cues(struct ex_ctx *c, size_t si, struct ex_sentence_cues *sc)
{
	const struct ex_lexicon *lx = c->lx;
	const char *t = c->text, *s = t + c->sent[si].start, *end = t + c->sent[si].end, *p;
	const struct ex_words *ws;
	size_t speech_at = 0; /* 1 + where the sentence opens in reported speech, else 0 */
	int own_voice = 0;    /* a clause of the sentence is a statement of the text's own */

	if (sc->valid && sc->si == si)
		return;
	sc->valid = 1;
	sc->si = si;
	sc->nclause = 1;
	sc->clause[0] = c->sent[si].start;
	sc->ncue = sc->ncite = 0;
	for (p = s; p < end; p++) {
		size_t k;
		const char *w;
		if (!boundary_first[(unsigned char)*p] || !(k = boundary_at(p, s, end)))
			continue;
		w = p + k;
		while (w < end && *w == ' ')
			w++;
		/* "…, umgerechnet etwa 19,7 Milliarden Dollar", "…; das entspräche 60 Milliarden Euro": a
		 * restatement is no clause of its own */
		{
			const char *we = ex_word_end(w, end), *w2 = ex_skip_space(we, end);
			if (ex_lex_word(lx, LX_RESTATE, w, (size_t)(we - w)) ||
			    (ex_word_in(w, (size_t)(we - w), (const char *const[]){"das", "dies", "was", NULL}) &&
			     ex_lex_word(lx, LX_RESTATE, w2, (size_t)(ex_word_end(w2, end) - w2))))
				continue;
		}
		if (sc->nclause < EX_MAX_CLAUSES)
			sc->clause[sc->nclause++] = (size_t)(p + k - t);
	}
	ws = ex_words_of(c, c->sent[si].start, c->sent[si].end);
	for (size_t wi = 0; wi < ws->n; wi++) {
		const char *we = t + ws->w[wi].end;
		const struct ex_lex_entry *e;
		size_t ml;
		p = t + ws->w[wi].start;
		e = ex_lex_stem(lx, LX_STATUS, p, we, end, &ml);
		if (e && sc->ncue < EX_MAX_CUES) {
			struct ex_status_cue *h = &sc->cue[sc->ncue++];
			const char *b = p;
			h->pos = (size_t)(p - t);
			h->status = kz_status_parse(e->value);
			h->governs = (e->flags & LXF_GOVERNS) != 0;
			h->hearsay = (e->flags & LXF_HEARSAY) != 0;
			h->settled = (e->flags & LXF_SETTLED) != 0;
			h->budgeted = (e->flags & LXF_BUDGETED) != 0;
			h->estimate = (e->flags & LXF_ESTIMATE) != 0;
			h->pledge = (e->flags & LXF_PLEDGE) != 0;
			h->option = (e->flags & LXF_OPTION) != 0;
			h->ought = (e->flags & LXF_OUGHT) != 0;
			h->voice = (e->flags & LXF_VOICE) != 0;
			/* a noun (capitalised key, or a compound ending) governs its own phrase only */
			h->noun = (e->flags & LXF_SUFFIX) || (e->key[0] >= 'A' && e->key[0] <= 'Z') ||
				  ((unsigned char)e->key[0] == 0xC3 && (unsigned char)e->key[1] >= 0x80 &&
				   (unsigned char)e->key[1] <= 0x9E);
			if (!h->noun && attributive(lx, s, p, we, end, ml))
				h->noun = 1, h->governs = 0;
			while (b > s && (b[-1] == ' ' || b[-1] == '\n'))
				b--;
			h->opens = b > s && (b[-1] == ',' || b[-1] == ';');
			h->aside = 0;
		}
		e = ex_lex_stem(lx, LX_CITE, p, we, end, &ml);
		if (e && sc->ncite < EX_MAX_CUES) {
			struct ex_cite *h = &sc->cite[sc->ncite];
			int found = 0;
			const char *adj = NULL; /* "nach russischen Angaben": the adjective that named it */
			h->pos = (size_t)(p - t);
			h->self = h->titled = 0;
			if (!strcmp(e->value, "self")) {
				/* "nach eigenen Angaben": the subject speaks for itself — an originator of the
				 * lexicon that is the clause's subject by name ("kostet das Pentagon nach
				 * eigenen Angaben") by that name */
				found = h->self = 1;
				h->name[0] = '\0';
				if (ex_originator_before(lx, s, p, end, 0, h->name, sizeof(h->name)))
					h->self = 0;
			} else if (!strcmp(e->value, "carry")) {
				/* "Die USA gaben demnach …": the originator the sentence before cited */
				found = source_before(c, si, h->name, sizeof(h->name));
			} else if (!strcmp(e->value, "compound")) {
				/* "nach Nato-Zahlen", "nach Eurostat-Daten": the compound's first part, when
				 * it is an originator */
				const char *dash = memchr(p, '-', (size_t)(we - p));
				const struct ex_lex_entry *ce;
				found = dash && dash > p && ex_originator_at(lx, p, dash + 1, 1, h->name, sizeof(h->name)) > 0;
				/* "nach US-Angaben", "Japan-Daten": a country's name or prefix is its government */
				if (!found && dash && dash > p && (ce = ex_lex_match_after(lx, LX_COUNTRY, p, dash + 1, &ml)) != NULL &&
				    (ml == (size_t)(dash + 1 - p) || ml == (size_t)(dash - p)) &&
				    (ce->flags & (LXF_PREFIX | LXF_NAME)) && !(ce->flags & (LXF_PERSON | LXF_ADJ))) {
					snprintf(h->name, sizeof(h->name), "%s", ex_country_name(lx, ce->value));
					found = 1;
				}
				if (!found && dash && dash > p && ex_upper_at(p, dash) && (size_t)(dash - p) >= 3 &&
				    (size_t)(dash - p) < sizeof(h->name) && !ex_lex_match_after(lx, LX_COUNTRY, p, dash, &ml)) {
					snprintf(h->name, sizeof(h->name), "%.*s", (int)(dash - p), p);
					found = 1; /* an originator the lexicon lacks, as written ("Eurostat-Daten") */
				}
			} else if (!strcmp(e->value, "after") && ex_upper_at(p, we) && !after_citing_prep(s, p) &&
				   ex_clause_has_stem(c, sc, ex_clause_of(sc, (size_t)(p - t)), LX_SURPASS)) {
				/* "was die Zahlen der USA und Japans deutlich übersteigt": a noun of figures in
				 * a clause of surpassing names figures compared with */
				found = 0; /* "übersteigt die Zahlen der USA": figures compared with, no citation */
			} else if (!strcmp(e->value, "after")) {
				/* (a name of the lexicon first, then a government no country is named with,
				 * then a name as written: "nach Angaben des Verteidigungsministeriums
				 * Militärhilfe" is no name of two words) */
				found = ex_originator_after(lx, p + ml, end, 0, 2, h->name, sizeof(h->name));
				if (!found && govt_after(lx, p + ml, end, h->name, sizeof(h->name))) {
					found = 1;
					h->self = 2;
				}
				if (!found)
					found = ex_originator_after(lx, p + ml, end, 1, 2, h->name, sizeof(h->name));
				/* "wie das Pentagon mitteilte" cites, "in Länder wie Belgien und Italien" lists */
				if (found && (e->flags & LXF_SPEECH) && !verb_in_clause(c, sc, p + ml, end))
					found = 0;
				/* "nach Angaben der US-Streitkräfte in Korea (USFK)": a name written out goes
				 * by the acronym in parentheses after it */
				if (found && (strchr(h->name, ' ') || strchr(h->name, '-')))
					acronym_after(p + ml, end, h->name, sizeof(h->name));
				/* "nach Angaben der Regierung", "des Verteidigungsministeriums": a government no
				 * country is named with speaks for the figure's own country, as "nach eigenen
				 * Angaben" */
				if (!found && govt_after(lx, p + ml, end, h->name, sizeof(h->name))) {
					found = 1;
					h->self = 2;
				}
				/* "nach russischen Angaben": a country's adjective before the noun is its government */
				if (!found && ex_upper_at(p, we)) {
					const char *aw, *awe;
					const struct ex_lex_entry *ce;
					size_t al;
					aw = ex_word_back(s, p, &awe);
					if (aw < awe && awe == p - 1 && (ce = ex_lex_stem(lx, LX_COUNTRY, aw, awe, awe, &al)) != NULL &&
					    (ce->flags & LXF_ADJ) && !(ce->flags & LXF_PERSON)) {
						snprintf(h->name, sizeof(h->name), "%s", ex_country_name(lx, ce->value));
						found = 1;
						adj = aw;
					}
				}
			}
			else if (!strcmp(e->value, "before"))
				found = ex_originator_before(lx, s, p, end, 2, h->name, sizeof(h->name));
			else {
				/* a reporting verb: its originator in its clause, before it or after it;
				 * a country right before it is the one reporting, the subject, no source
				 * ("Berlin meldete der Allianz …") */
				const char *w, *wb;
				size_t cl2;
				const struct ex_lex_entry *ce;
				const char *pw, *pwb;
				w = ex_word_back(s, p, &wb);
				pw = w < wb ? ex_word_back(s, w, &pwb) : w;
				/* … unless a preposition makes it a place ("In Japan zählte das DMDC …") */
				if (w < wb && (ce = ex_lex_match_after(lx, LX_COUNTRY, w, end, &cl2)) != NULL &&
				    !(ce->flags & LXF_PERSON) && !(pw < pwb && ex_lex_word_ci(lx, LX_ROLE, pw, (size_t)(pwb - pw))))
					found = 0;
				else
					found = ex_originator_before(lx, s, p, end, 0, h->name, sizeof(h->name)) ||
						ex_originator_after(lx, p + ml, end, 0, 0, h->name, sizeof(h->name)) ||
						ex_speaker_near(c, si, p, p + ml, h->name, sizeof(h->name)) ||
						(h->titled = ex_titled_name(lx, s, p, end, 0, h->name, sizeof(h->name)) ||
							     ex_titled_name(lx, s, p + ml, end, 1, h->name, sizeof(h->name))) ||
						ex_experts_name(lx, s, p, h->name, sizeof(h->name));
				/* "Das „Wall Street Journal“ hatte am Donnerstag … gemeldet": a participle
				 * after its auxiliary; its subject opens the clause */
				if (!found)
					found = perfect_subject(c, sc, p, end, h->name, sizeof(h->name));
				/* "wie das Ministerium mitteilte", "teilte die Regierung mit": a government no
				 * country is named with, the verb's subject right before or after it */
				if (!found) {
					/* (after a figure or a mark the verb has no word before it: ", teilte das
					 * Außenministerium mit" after "… 2016 bis 2021") */
					const char *art = w < wb && pw < pwb ? pw : NULL;
					if ((art && govt_after(lx, art, p, h->name, sizeof(h->name))) ||
					    govt_after(lx, p + ml, end, h->name, sizeof(h->name)))
						found = 1, h->self = 2;
				}
			}
			if (found) {
				/* the phrase naming the originator: after the cue, its article and words; before
				 * it ("dem Pentagon zufolge"), its words back to their article; a compound
				 * ("nach Pentagon-Daten") is its own phrase; a reporting verb names it in its
				 * clause, where a country may be the figure's too: none */
				const char *a = p, *b = p + ml, *x = p + ml, *w2;
				int words = 0;
				if (adj) {
					a = adj; /* the adjective and its noun, nothing after */
				} else if (!strcmp(e->value, "after")) {
					/* the article and the originator's words: up to its first capitalised word
					 * (and a run of them) */
					int caps = 0;
					while (words < 7 && (w2 = ex_next_word(p + ml, &x, end)) != NULL && !memchr(b, ',', (size_t)(w2 - b))) {
						int up = ex_upper_at(w2, end) != 0;
						if (caps && !up)
							break;
						if (caps && up && !ex_lex_word(lx, LX_SOURCE, w2, (size_t)(x - w2)))
							break; /* "laut Nato Griechenland": the next noun is the sentence's */
						b = x;
						words++;
						caps += up;
					}
				} else if (!strcmp(e->value, "before")) {
					static const char *const arts[] = {"der", "des", "dem", "den", "die", "das", NULL};
					for (words = 0; words < 3 && a > s && a[-1] != ','; words++) {
						const char *wb;
						const char *w3 = ex_word_back(s, a, &wb);
						int art = ex_word_in(w3, (size_t)(wb - w3), arts);
						if (w3 == wb || (!art && !ex_upper_at(w3, wb)))
							break;
						a = w3;
						if (art)
							break;
					}
				} else if (!strcmp(e->value, "compound")) {
					b = we;
				}
				h->from = (size_t)(a - t);
				h->to = (size_t)(b - t);
				sc->ncite++;
			}
		}
	}
	separable_cues(c, si, ws, sc);
	/* which clauses are statements of their own: a finite verb and no subordinator opening them
	 * ("…, der Rahmenvertrag hat ein Volumen von …"); a governing verb does not reach into them */
	for (size_t k = 0, wi = 0; k < sc->nclause; k++) {
		size_t a = sc->clause[k], b = k + 1 < sc->nclause ? sc->clause[k + 1] : c->sent[si].end;
		int first = 1, finite = 0, sub = 0, zu = 0, speech = 0, cond = 0, rel = 0, last_finite = 0;
		/* its words: a clause starts after a mark no word holds, so they are the sentence's */
		while (wi < ws->n && ws->w[wi].start < a)
			wi++;
		for (; wi < ws->n && ws->w[wi].start < b; wi++) {
			const char *w = t + ws->w[wi].start;
			size_t n = ws->w[wi].end - ws->w[wi].start;
			const struct ex_lex_entry *tv;
			if (first && ex_lex_word(lx, LX_SUBORD, w, n))
				sub = 1;
			/* ", das … eingeplant hat": a relative pronoun opening a clause after a comma */
			if (first && k > 0 && t[a - 1] == ',' &&
			    ex_word_in(w, n, (const char *const[]){"der", "die", "das", "dem", "den", "deren", "dessen", "denen",
								    "welche", "welcher", "welches", NULL}))
				rel = 1;
			first = 0;
			last_finite = 0;
			/* "…, künftig acht Milliarden Dollar zu zahlen": an infinitive, no finite verb */
			if ((tv = ex_lex_word(lx, LX_TENSE, w, n)) != NULL && !zu) {
				finite = 1;
				speech |= !strcmp(tv->value, "speech");
				cond |= !strcmp(tv->value, "conditional");
				last_finite = 1;
			}
			zu = n == 2 && !memcmp(w, "zu", 2);
		}
		/* "behauptete Trump, in Südkorea seien 40.000 Soldaten stationiert": reported speech is
		 * the governing verb's, not a statement of the text's own */
		/* "Trump behauptet: Saudi-Arabien zahlt …": after a colon, what a governing verb of the
		 * clause before says (a claim, a demand) is its content, no statement of the text's */
		{
			size_t ca = a;
			while (ca > c->sent[si].start && t[ca - 1] == ' ')
				ca--;
			if (k > 0 && ca > c->sent[si].start && t[ca - 1] == ':')
				for (size_t i = 0; i < sc->ncue; i++)
					if (sc->cue[i].governs && !sc->cue[i].noun && sc->cue[i].pos >= sc->clause[k - 1] &&
					    sc->cue[i].pos < a)
						speech = 1;
		}
		sc->main_clause[k] = finite && !sub && !speech && !cond;
		sc->speech[k] = speech && !cond;
		if (k == 0 && speech && !cond && !sub)
			speech_at = a + 1;
		if (sc->main_clause[k])
			own_voice = 1;
		/* its finite verb last: a relative clause, a statement of its own that no word outside
		 * it reaches ("Deutschland, das … sieben Milliarden Euro eingeplant hat, drängte darauf") */
		sc->relative[k] = rel && last_finite;
	}
	/* a clause opened by "so" or "wie" (", so die Prognose der Kieler Forscher", ", wie Trump
	 * behauptete") is an aside on the clauses before it: its status words reach back */
	for (size_t i = 0; i < sc->ncue; i++) {
		size_t cl = ex_clause_of(sc, sc->cue[i].pos);
		const char *w = t + sc->clause[cl];
		while (w < end && *w == ' ')
			w++;
		if (cl > 0 && ex_word_in(w, (size_t)(ex_word_end(w, end) - w), (const char *const[]){"so", "wie", NULL}))
			sc->cue[i].aside = 1;
	}
	/* "Trump: Südkorea soll zehn Milliarden Dollar zahlen", "Pentagon: China hat mehr als 500
	 * Sprengköpfe": a headline that opens with an originator and a colon cites it */
	if (!sc->ncite) {
		const char *w = ex_skip_space(s, end), *we = ex_word_end(w, end), *colon = we;
		const struct ex_lex_entry *pe;
		size_t ml = 0;
		while (colon < end && *colon == ' ')
			colon++;
		if (we > w && colon < end && *colon == ':' && ex_upper_at(w, we)) {
			struct ex_cite *h = &sc->cite[0];
			if (((ml = ex_originator_at(lx, w, colon, 2, h->name, sizeof(h->name))) != 0 && w + ml == we) ||
			    ((pe = ex_lex_word(lx, LX_COUNTRY, w, (size_t)(we - w))) != NULL && (pe->flags & LXF_PERSON) &&
			     snprintf(h->name, sizeof(h->name), "%.*s", (int)(we - w), w) > 0) ||
			    prefixed_government(lx, w, we, h->name, sizeof(h->name))) {
				h->pos = h->from = (size_t)(w - t);
				h->to = (size_t)(we - t);
				h->self = h->titled = 0;
				sc->ncite = 1;
			}
		}
	}
	/* "Die USA hätten dort 40.000 Soldaten stationiert" after "…, sagte Trump": a sentence that
	 * opens in reported speech (a subjunctive, grammar.tsv tense speech), cites no one and has no
	 * clause in the text's own voice goes on with the speech of the sentence before, and with its
	 * originator */
	if (!sc->ncite && speech_at && !own_voice && !c->reading_before) {
		struct ex_cite *h = &sc->cite[0];
		if (source_before(c, si, h->name, sizeof(h->name))) {
			h->pos = h->from = h->to = speech_at - 1;
			h->self = h->titled = 0;
			sc->ncite = 1;
		}
	}
	c->last_source[0] = '\0';
	if (sc->ncite) {
		snprintf(c->last_source, sizeof(c->last_source), "%s", sc->cite[0].name);
		c->last_source_si = si;
	}
}
