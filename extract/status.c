/*
 * status.c: what kind of statement a figure is (the claims table's `status`), and the reading of
 * a sentence's status and cite words that `source` is found from.
 *
 * A sentence is read once (ex_sentence_cues): it is cut into clauses at , ; : and at a
 * dash between spaces, and the words of data/status.tsv are found in it — status words, cite
 * words and originators.
 *
 * Status. Each status word reaches its own clause — a noun only its own phrase, the figures within
 * a few words of it ("das Ziel von 2 Prozent", "eine Obergrenze von 28.500"). A governing verb ("forderte", "plant",
 * "behauptete") reaches on into the clauses after it, up to one that speaks in the text's own
 * voice ("tatsächlich", "bislang": status words of value reported), and back into the clauses
 * before it when it opens its own clause (", forderte Trump"). Of the status words that reach a
 * figure, the nearest wins; a word in the figure's own clause beats one that reaches in from
 * another. Then two rules of German: "soll … geschickt haben" (modal with a perfect infinitive)
 * reports hearsay, not a plan. A clause opened by "so" or "wie" is an aside on the clauses before
 * it (", so die Prognose der Kieler Forscher"); a clause opened by a restating word ("umgerechnet",
 * "also") belongs to the clause before it.
 *
 * Source: who the text says a figure comes from is found in originator.c from the cite words
 * this file's sentence reading collects.
 */
#include "attrib_int.h"

#include <stdlib.h>
#include <string.h>

/* How far a status noun reaches from its figure, in bytes: "eine Untergrenze von 28.500 Soldaten". */
#define EX_NOUN_REACH 40

/* Does a verb that gives a noun its figure (status.tsv measure: liegt, beträgt) stand between the
 * noun at from and the figure at to? */
static int measured(const struct ex_ctx *c, size_t from, size_t to)
{
	const char *s = c->text + from, *e = c->text + to, *p = s, *w;

	while ((w = ex_next_word(s, &p, e)) != NULL)
		if (ex_lex_word(c->lx, LX_MEASURE, w, (size_t)(p - w)))
			return 1;
	return 0;
}

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
	if (w2 && (ex_lex_match_after(lx, LX_COUNTRY, w2, end, &(size_t){0}) || ex_upper_at(w2, q2)))
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
			} else if (!strcmp(e->value, "after")) {
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
				if (!found && w < wb) {
					const char *art = pw < pwb ? pw : NULL;
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
			     snprintf(h->name, sizeof(h->name), "%.*s", (int)(we - w), w) > 0)) {
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

/* Does a clause in (from, to] speak in the text's own voice (a status word of value reported), or
 * is it a statement of its own (a main clause with its finite verb)? */
static int own_voice_between(const struct ex_sentence_cues *sc, size_t from, size_t to)
{
	for (size_t k = from + 1; k <= to && k < sc->nclause; k++)
		if (sc->main_clause[k])
			return 1;
	for (size_t i = 0; i < sc->ncue; i++) {
		size_t cl = ex_clause_of(sc, sc->cue[i].pos);
		if (sc->cue[i].status == KZ_S_REPORTED && cl > from && cl <= to)
			return 1;
	}
	return 0;
}

/* Is a perfect infinitive (a participle, then haben or sein) in the clause of pos, after it? */
static int perfect_infinitive(const struct ex_ctx *c, const struct ex_sentence_cues *sc, size_t pos)
{
	size_t cl = ex_clause_of(sc, pos);
	size_t e = cl + 1 < sc->nclause ? sc->clause[cl + 1] : c->sent[sc->si].end;
	const char *t = c->text, *p = t + pos, *end = t + e, *w;
	static const char *const aux[] = {"haben", "sein", "worden", NULL};

	while ((w = ex_next_word(t + pos, &p, end)) != NULL)
		if (ex_word_in(w, (size_t)(p - w), aux))
			return 1;
	return 0;
}

/* "soll von 2,5 auf 2,9 Prozent steigen", "von 43,9 Milliarden Euro in diesem Jahr auf 47,2
 * Milliarden": is q, after "von" (the word [w, we) before it), the start of a change whose end is
 * a figure after "auf" in its clause? */
static int change_start(const struct ex_ctx *c, size_t si, const struct ex_qty *q, const char *w, const char *we)
{
	const char *t = c->text, *e = t + c->sent[si].end, *p, *x, *v;

	if (we <= w || !(lower_word(w, (size_t)(we - w), "von") || lower_word(w, (size_t)(we - w), "vom")))
		return 0;
	for (p = t + q->end, x = p; (v = ex_next_word(p, &x, e)) != NULL;) {
		if (memchr(p, ',', (size_t)(v - p)) || memchr(p, ';', (size_t)(v - p)))
			return 0; /* (the clause ended) */
		if (x - v == 3 && !memcmp(v, "auf", 3)) {
			const char *f = ex_skip_space(x, e);
			for (size_t i = 0; i < c->ncur; i++)
				if (t + c->cur[i].start == f)
					return 1;
		}
		p = x;
	}
	return 0;
}

/*
 * Is the figure a current value, whatever its clause plans? An adverb of the present right before
 * it ("von derzeit rund 34.500 auf 25.000", data/status.tsv `current`) or the point it is compared
 * with ("82,7 Milliarden …, nach 62,4 Milliarden im laufenden Jahr"), or the whole of which the
 * figure before it is a part ("11.900 der etwa 36.000 stationierten Soldaten", "4.500 von
 * 28.500").
 */
int ex_current_value(const struct ex_ctx *c, size_t si, const struct ex_qty *q)
{
	const char *s = c->text + c->sent[si].start, *p = c->text + q->start, *w, *we;

	w = ex_word_back(s, p, &we);
	if (we > w && ex_lex_word_ci(c->lx, LX_CURRENT, w, (size_t)(we - w)))
		return 1;
	if (change_start(c, si, q, w, we))
		return 1;
	return ex_partitive_total(c, si, q);
}

/* "11.900 der etwa 36.000 stationierten Soldaten", "knapp 12.000 der damals etwa 36.000": is q the
 * total a figure right before it (and "der" or "von", an adverb of time between) is a part of? */
int ex_partitive_total(const struct ex_ctx *c, size_t si, const struct ex_qty *q)
{
	const char *s = c->text + c->sent[si].start, *p = c->text + q->start, *w, *we;

	w = ex_word_back(s, p, &we);
	if (we > w && ex_lex_word_ci(c->lx, LX_CURRENT, w, (size_t)(we - w)))
		w = ex_word_back(s, w, &we);
	if (we > w && (lower_word(w, (size_t)(we - w), "der") || lower_word(w, (size_t)(we - w), "von")) && c->have_prev && c->prev_si == si &&
	    c->prev_end <= (size_t)(w - c->text)) {
		const char *g = c->text + c->prev_end;
		while (g < w && (*g == ' ' || *g == '\n'))
			g++;
		return g == w;
	}
	return 0;
}

/* Does the noun cue h end the clause before clause k, but for up to two lower-case words ("Ziel
 * ist es, …", "hat das Ziel ausgegeben, …")? */
static int noun_opens_clause(const struct ex_ctx *c, const struct ex_sentence_cues *sc,
			     const struct ex_status_cue *h, size_t k)
{
	const char *t = c->text, *w = t + h->pos, *b = t + sc->clause[k];
	const char *we = ex_word_end(w, b), *x = we, *v;
	int words = 0;

	while (b > we && (b[-1] == ' ' || b[-1] == ','))
		b--;
	while ((v = ex_next_word(we, &x, b)) != NULL)
		if (++words > 2 || !(*v >= 'a' && *v <= 'z'))
			return 0;
	return x >= b || words == 0 ? 1 : 0;
}

/* Does clause k of the sentence name what something costs or is worth (status.tsv cost:
 * "Die Kosten schätzt die Regierung auf …", "den Wert des Pakets auf … taxiert")? */
static int cost_in_clause(const struct ex_ctx *c, const struct ex_sentence_cues *sc, size_t k)
{
	size_t a = sc->clause[k], b = k + 1 < sc->nclause ? sc->clause[k + 1] : c->sent[sc->si].end;
	const struct ex_words *ws = ex_words_of(c, c->sent[sc->si].start, c->sent[sc->si].end);

	for (size_t i = 0; i < ws->n; i++) {
		const char *w = c->text + ws->w[i].start;
		size_t n = ws->w[i].end - ws->w[i].start;
		if (ws->w[i].start < a || ws->w[i].start >= b || !ex_upper_at(w, w + n))
			continue;
		if (ex_lex_word(c->lx, LX_COST, w, n) || ex_lex_suffix(c->lx, LX_COST, w, n))
			return 1;
	}
	return 0;
}


/* Is clause fc of sentence si without a finite verb, and does clause fc + 1 open with one ("…,
 * rund 16,9 Billionen Won, ist für … vorgesehen")? */
static int verbless_before_verb(const struct ex_ctx *c, size_t si, const struct ex_sentence_cues *sc, size_t fc)
{
	const char *t = c->text, *a = t + sc->clause[fc], *b = t + sc->clause[fc + 1];
	const char *e = fc + 2 < sc->nclause ? t + sc->clause[fc + 2] : t + c->sent[si].end;
	const char *w = ex_skip_space(b, e), *we = ex_word_end(w, e);

	if (fc == 0 || we <= w || !(*w >= 'a' && *w <= 'z') || at_tense_of(c->lx, a, b))
		return 0;
	return at_tense_of(c->lx, w, we) != 0;
}

void ex_status(struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_sentence_cues *sc,
	       struct ex_attr *a)
{
	size_t fc, best = (size_t)-1, bestd = (size_t)-1, gov = (size_t)-1;
	int costed = -1; /* money whose clause names a cost: not yet asked */

	ex_sentence_cues(c, si, sc);
	fc = ex_clause_of(sc, q->start);
	/* "Gut ein Drittel des Geldes, rund 16,9 Billionen Won, ist für neue Waffen vorgesehen": a
	 * clause without a verb of its own, right before one that opens with its verb, is the subject
	 * of that verb — the status words of that clause reach it */
	int apposition = -1; /* (read only when a status word of the next clause asks) */
	for (size_t i = 0; i < sc->ncue; i++) {
		const struct ex_status_cue *h = &sc->cue[i];
		size_t cl = ex_clause_of(sc, h->pos), d = h->pos > q->start ? h->pos - q->start : q->start - h->pos;
		/* a verb of estimating makes a forecast of money beside a word of cost only ("Die Kosten
		 * schätzt die Regierung auf etwa 1,5 Milliarden Euro"); a count it estimates is reported */
		if (h->estimate) {
			if (costed < 0)
				costed = ex_is_currency(q->unit) && cost_in_clause(c, sc, fc);
			if (!costed && h->status == KZ_S_FORECAST)
				continue;
		}
		/* "das Ziel von 2 Prozent", "Zwei-Prozent-Ziel", "eine Obergrenze von 28.500": a noun reaches
		 * the figure of its own phrase, not every figure of the clause ("2,12 Prozent … und damit
		 * das Ziel erreichen" states a level) */
		int reach = cl == fc && (!h->noun || d <= EX_NOUN_REACH || (h->pos < q->start && measured(c, h->pos, q->start)));
		if (!reach && sc->relative[fc])
			continue;
		if (!reach && h->governs && fc > cl)
			reach = !own_voice_between(sc, cl, fc);
		if (!reach && cl == fc + 1) {
			if (apposition < 0)
				apposition = verbless_before_verb(c, si, sc, fc);
			reach = apposition;
		}
		if (!reach && fc < cl && ((h->governs && h->opens) || h->aside))
			reach = !own_voice_between(sc, fc, cl - 1);
		/* "der Abzug von knapp 12.000 Soldaten, den Trump angeordnet hatte": the verb of a
		 * relative clause on the figure's noun phrase (the figure right before its comma)
		 * says what kind of thing that phrase is */
		if (!reach && !h->noun && cl == fc + 1 && sc->relative[cl] && q->end <= sc->clause[cl] &&
		    sc->clause[cl] - q->end <= 16)
			reach = 1;
		/* "das Ziel, mindestens zwei Prozent … auszugeben": a noun reaches the infinitive clause
		 * that follows it right after a comma */
		if (!reach && h->noun && fc == cl + 1 && !sc->main_clause[fc] && noun_opens_clause(c, sc, h, fc))
			reach = 1;
		if (!reach)
			continue;
		if ((h->governs || cl == fc) && (h->status == KZ_S_DEMAND || h->status == KZ_S_CLAIM) && gov == (size_t)-1)
			gov = i;
		if (h->aside && cl != fc)
			d = 0; /* ", so die Prognose der …": the frame of the whole statement */
		else if (cl != fc)
			d += 1u << 20; /* a word of the figure's own clause comes first */
		if (d < bestd) {
			bestd = d;
			best = i;
		}
	}
	a->status = KZ_S_REPORTED;
	if (best == (size_t)-1)
		return;
	/* "Die Verbündeten sollten ihre Ausgaben auf vier Prozent anheben, verlangte Trump", "Fünf
	 * Milliarden Dollar soll Südkorea nach dem Willen Trumps zahlen": a modal of the figure's clause
	 * reports the demand or claim of its own clause or of the verb that governs it */
	if (gov != (size_t)-1 && sc->cue[best].status == KZ_S_PLAN &&
	    (sc->cue[best].hearsay || ex_clause_of(sc, sc->cue[gov].pos) == ex_clause_of(sc, sc->cue[best].pos)))
		best = gov; /* (and "Trump will die Gastländer 150 Prozent zahlen lassen": one wants what one demands) */
	a->status = (enum kz_status)sc->cue[best].status;
	/* "sagten die USA bis Ende Februar insgesamt 42,2 Milliarden Euro zu": pledges counted up to a
	 * date (status.tsv tally: insgesamt, bisher, seit) are a tally, reported; one pledge is a plan */
	if (sc->cue[best].pledge && ex_sentence_has(c, si, LX_TALLY, 0))
		a->status = KZ_S_REPORTED;
	if (sc->cue[best].estimate && costed == 1)
		a->status = KZ_S_FORECAST; /* "den Wert des Geschäfts auf 7,2 Milliarden Dollar veranschlagt" */
	a->status_pos = sc->cue[best].pos;
	a->status_settled = sc->cue[best].settled;
	a->status_budgeted = sc->cue[best].budgeted;
	a->status_pledge = sc->cue[best].pledge;
	a->status_ought = sc->cue[best].ought;
	/* "Nordkorea soll 12.000 Soldaten geschickt haben": hearsay, reported */
	if (a->status == KZ_S_PLAN && sc->cue[best].hearsay && perfect_infinitive(c, sc, sc->cue[best].pos))
		a->status = KZ_S_REPORTED;
	if ((a->status != KZ_S_CLAIM || sc->cue[best].option) && ex_current_value(c, si, q))
		a->status = KZ_S_REPORTED;
}
