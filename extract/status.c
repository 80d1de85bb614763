/*
 * status.c: what kind of statement a figure is, and who the text says it comes from (the
 * claims table's `status` and `source`).
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
 * Source. A cite word names an originator: after it ("laut SIPRI", "nach Angaben der Nato",
 * ", so das Pentagon"), before it ("Nato-Angaben zufolge") or in a reporting verb's clause
 * ("teilte das Ministerium mit"). The originator is a name of data/status.tsv (its short name),
 * a country's capital or genitive after "laut" or "nach Angaben" ("nach Angaben Seouls": KR), or
 * the capitalised words after "laut" as written. The cite nearest the figure gives its source;
 * without one the figure is in the document's own voice (source empty).
 */
#include "extract_int.h"

#include <stdlib.h>
#include <string.h>

/* How far a status noun reaches from its figure, in bytes: "eine Untergrenze von 28.500 Soldaten". */
#define EX_NOUN_REACH 40

/* Which clause holds byte offset pos. */
static size_t clause_of(const struct ex_sentence_cues *sc, size_t pos)
{
	size_t i = 0;
	while (i + 1 < sc->nclause && sc->clause[i + 1] <= pos)
		i++;
	return i;
}

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

/* Is the word at [w, we) a government noun (data/grammar.tsv govt: "Regierung",
 * "Verteidigungsministerium"), with up to three letters of inflection ("des Außenministeriums")? */
static const struct ex_lex_entry *govt_noun(const struct ex_lexicon *lx, const char *w, const char *we)
{
	size_t ml;
	const struct ex_lex_entry *e = ex_upper_at(w, we) ? ex_lex_stem(lx, LX_GOVT, w, we, we, &ml) : NULL;

	return e && (size_t)(we - w) - ml <= 3 ? e : NULL;
}

/* A government by its country, at p: "das polnische Verteidigungsministerium", "des
 * Außenministeriums in Seoul", "der Regierung Japans" → the country's name; a ministry whose
 * govt row says 'named' keeps its noun ("Finanzministerium Japan"). Returns the bytes matched. */
static size_t government_at(const struct ex_lexicon *lx, const char *p, const char *end, char *name, size_t n)
{
	const char *we = ex_word_end(p, end), *w2, *w2e, *x;
	const struct ex_lex_entry *ce = NULL, *ge = NULL;
	size_t ml;

	if (we <= p)
		return 0;
	w2 = ex_skip_space(we, end);
	w2e = ex_word_end(w2, end);
	if (!ex_upper_at(p, we) && (ce = ex_lex_stem(lx, LX_COUNTRY, p, we, we, &ml)) != NULL &&
	    (ce->flags & LXF_ADJ) && !(ce->flags & LXF_PERSON) && (size_t)(we - p) - ml <= 2 &&
	    (ge = govt_noun(lx, w2, w2e)) != NULL) {
		x = w2e;
	} else if ((ge = govt_noun(lx, p, we)) != NULL) {
		/* "… in Seoul", "… in Südkorea", "… Japans" */
		const char *c0 = w2, *c0e = w2e;
		if (ex_word_in(w2, (size_t)(w2e - w2), (const char *const[]){"in", NULL})) {
			c0 = ex_skip_space(w2e, end);
			c0e = ex_word_end(c0, end);
		}
		ce = c0 < c0e ? ex_lex_match_after(lx, LX_COUNTRY, c0, end, &ml) : NULL;
		if (!ce || ml != (size_t)(c0e - c0) || (ce->flags & (LXF_PERSON | LXF_ADJ | LXF_PREFIX)) ||
		    (c0 == w2 && !(ce->flags & LXF_GEN)))
			return 0;
		x = c0e;
		w2 = p, w2e = we;
	} else {
		return 0;
	}
	if (!strcmp(ge->value, "named")) {
		size_t k = ge->klen;
		snprintf(name, n, "%.*s %s", (int)k, ge->key, ex_country_name(lx, ce->value));
	} else {
		snprintf(name, n, "%s", ex_country_name(lx, ce->value));
	}
	return (size_t)(x - p);
}

/* An originator named at p: a sourcename (its short name) or, when country_ok, a country's
 * capital, genitive or name (its code). Returns the bytes matched, 0 when none. */
static size_t originator_at(const struct ex_lexicon *lx, const char *p, const char *end, int country_ok,
			    char *name, size_t n)
{
	const char *we = ex_word_end(p, end);
	const struct ex_lex_entry *e;
	size_t ml;

	e = ex_lex_stem(lx, LX_SOURCENAME, p, we, end, &ml);
	if (e && (!(e->flags & LXF_CAPITAL) || country_ok)) {
		const char *after = p + ml;
		size_t extra = 0;
		/* up to three letters of inflection: "des Pentagons", "des Bündnisses" */
		while (after + extra < end && ex_letter_at(after + extra, end) && extra < 4)
			extra += ex_letter_at(after + extra, end);
		if (extra <= 3) {
			snprintf(name, n, "%s", e->value);
			return ml + extra;
		}
	}
	if ((ml = government_at(lx, p, end, name, n)) != 0)
		return ml;
	if (country_ok) {
		/* "nach Angaben Seouls", "laut Washington": a government cited as one; a plain name
		 * ("Südkorea") only right after the cite word */
		int want = LXF_CAPITAL | LXF_GEN | (country_ok > 1 ? LXF_NAME : 0);
		e = ex_lex_match_after(lx, LX_COUNTRY, p, end, &ml);
		if (e && (e->flags & want)) {
			snprintf(name, n, "%s", ex_country_name(lx, e->value));
			return ml;
		}
	}
	return 0;
}

/* A word that may stand inside the noun phrase between a cite word and its originator: an
 * article, "von", or an adjective (lower case, ending in -e, -en, -er, -es, -em). */
static int in_phrase(const char *w, size_t n)
{
	static const char *const small[] = {"der", "des", "dem", "den", "die", "das", "einer", "eines", "einem",
					    "von", "nach", "aus", NULL};
	if (ex_word_in(w, n, small))
		return 1;
	if (n < 4 || !(w[0] >= 'a' && w[0] <= 'z'))
		return 0;
	/* "zahlte", "meldeten": a verb in the past, not an adjective */
	if ((w[n - 1] == 'e' && w[n - 2] == 't') || (w[n - 1] == 'n' && w[n - 2] == 'e' && w[n - 3] == 't'))
		return 0;
	return w[n - 1] == 'e' || (w[n - 2] == 'e' && (w[n - 1] == 'n' || w[n - 1] == 'r' || w[n - 1] == 's' ||
						      w[n - 1] == 'm'));
}

/* The originator after a cite word ending at p, within its noun phrase (articles, adjectives,
 * nouns: "laut einer Studie des Stockholmer Friedensforschungsinstituts"); as_written: else the
 * name there as written when it is one — two capitalised words or an acronym ("nach Angaben der
 * Korea International Trade Association"). countries: see originator_at. */
static int originator_after(const struct ex_lexicon *lx, const char *p, const char *end, int as_written,
			    int countries, char *name, size_t n)
{
	const char *q = p, *prev = p, *w, *first = NULL, *last = NULL;
	int words = 0, run = as_written, caps = 0, acronym = 0;
	size_t ml;

	while (words < 7 && (w = ex_next_word(p, &q, end)) != NULL) {
		size_t k = (size_t)(q - w);
		for (const char *x = prev; x < w; x++)
			if (*x == ',' || *x == ';' || *x == '.' || *x == ':' || *x == '(' || *x == ')' || *x == '"')
				goto done; /* the clause ended */
		prev = q;
		words++;
		if (originator_at(lx, w, end, words == 1 ? countries : countries ? 1 : 0, name, n))
			return 1;
		if (ex_lex_stem(lx, LX_CITE, w, q, end, &ml))
			break; /* "Schätzungen zufolge": the originator stands before */
		if (!ex_upper_at(w, end)) {
			if (!in_phrase(w, k))
				break; /* a verb: the noun phrase ended */
			if (first)
				run = 0;
			continue;
		}
		if (!run)
			continue;
		if (!ex_lex_word(lx, LX_SOURCE, w, k) && !ex_lex_suffix(lx, LX_SOURCE, w, k)) {
			if (!first)
				first = w;
			last = q;
			caps++;
			if (k >= 2 && ex_upper_at(w + 1, end))
				acronym = 1;
		} else if (first) {
			run = 0;
		}
	}
done:
	if (first && (caps >= 2 || acronym) && (size_t)(last - first) < n) {
		memcpy(name, first, (size_t)(last - first));
		name[last - first] = '\0';
		return 1;
	}
	return 0;
}

/* The originator in the few words before a cite word at p ("Nato-Angaben zufolge", "dem Pentagon zufolge"). */
static int originator_before(const struct ex_lexicon *lx, const char *s, const char *p, const char *end,
			     int countries, char *name, size_t n)
{
	const char *w = p, *we;

	for (int words = 0; words < 4; words++) {
		w = ex_word_back(s, w, &we);
		/* "Nato-Angaben": the originator starts the compound */
		while (w > s + 1 && w[-1] == '-' && ex_letter_before(s, w - 1))
			w = ex_word_back(s, w - 1, &we);
		if (w == we)
			break;
		if (originator_at(lx, w, end, countries, name, n))
			return 1;
		for (const char *x = we; x < p; x++)
			if (*x == ',' || *x == ';' || *x == '.')
				return 0;
	}
	/* as written: a run of capitalised words right before "zufolge" ("einem Bericht des „Wall
	 * Street Journal“ zufolge"), two or more or an acronym, not a source noun; not before a
	 * reporting verb, whose subject is often a title and a name ("Verteidigungsminister Mariusz
	 * Błaszczak sagte") */
	if (countries == 2) {
		const char *first = NULL, *last = NULL;
		int caps = 0, acronym = 0;
		static const char *const articles[] = {"Der", "Die", "Das", "Dem", "Den", "Des", "Ein", "Eine", "Einem",
						       "Einer", "Eines", NULL};
		w = p;
		for (int words = 0; words < 5; words++) {
			/* quotation marks around the name („…“, "…") are skipped */
			while (w > s && (w[-1] == ' ' || w[-1] == '"' ||
					 (w - s >= 3 && (unsigned char)w[-3] == 0xE2 && (unsigned char)w[-2] == 0x80 &&
					  ((unsigned char)w[-1] == 0x9C || (unsigned char)w[-1] == 0x9E))))
				w -= w[-1] == ' ' || w[-1] == '"' ? 1 : 3;
			w = ex_word_back(s, w, &we);
			if (w == we || !ex_upper_at(w, we) || ex_lex_word(lx, LX_SOURCE, w, (size_t)(we - w)) ||
			    ex_lex_suffix(lx, LX_SOURCE, w, (size_t)(we - w)) || ex_word_in(w, (size_t)(we - w), articles))
				break;
			for (const char *x = we; x < (last ? first : p); x++)
				if (*x == ',' || *x == ';' || *x == '.' || *x == ':')
					goto run_done;
			if (!last)
				last = we;
			first = w;
			caps++;
			if (we - w >= 2 && ex_upper_at(w + 1, we))
				acronym = 1;
		}
run_done:
		if (first && (caps >= 2 || acronym) && (size_t)(last - first) < n) {
			memcpy(name, first, (size_t)(last - first));
			name[last - first] = '\0';
			for (char *x = name; *x; x++)
				if ((unsigned char)x[0] == 0xE2 && (unsigned char)x[1] == 0x80 &&
				    ((unsigned char)x[2] == 0x9C || (unsigned char)x[2] == 0x9E)) {
					memmove(x, x + 3, strlen(x + 3) + 1); /* no quotation marks inside */
					x--;
				}
			return 1;
		}
	}
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
			cl = clause_of(sc, (size_t)(w - t));
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

void ex_sentence_cues(struct ex_ctx *c, size_t si, struct ex_sentence_cues *sc)
{
	const struct ex_lexicon *lx = c->lx;
	const char *t = c->text, *s = t + c->sent[si].start, *end = t + c->sent[si].end, *p;
	const struct ex_words *ws;

	if (sc->valid && sc->si == si)
		return;
	sc->valid = 1;
	sc->si = si;
	sc->nclause = 1;
	sc->clause[0] = c->sent[si].start;
	sc->ncue = sc->ncite = 0;
	for (p = s; p < end; p++) {
		size_t k = boundary_at(p, s, end);
		const char *w = p + k;
		if (!k)
			continue;
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
			/* a noun (capitalised key, or a compound ending) governs its own phrase only */
			h->noun = (e->flags & LXF_SUFFIX) || (e->key[0] >= 'A' && e->key[0] <= 'Z') ||
				  ((unsigned char)e->key[0] == 0xC3 && (unsigned char)e->key[1] >= 0x80 &&
				   (unsigned char)e->key[1] <= 0x9E);
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
			h->self = 0;
			if (!strcmp(e->value, "self")) {
				/* "nach eigenen Angaben": the subject speaks for itself */
				found = h->self = 1;
				h->name[0] = '\0';
			} else if (!strcmp(e->value, "carry")) {
				/* "Die USA gaben demnach …": the originator the sentence before cited */
				found = c->last_source[0] && c->last_source_si + 1 == si;
				if (found)
					snprintf(h->name, sizeof(h->name), "%s", c->last_source);
			} else if (!strcmp(e->value, "compound")) {
				/* "nach Nato-Zahlen", "nach Eurostat-Daten": the compound's first part, when
				 * it is an originator */
				const char *dash = memchr(p, '-', (size_t)(we - p));
				const struct ex_lex_entry *ce;
				found = dash && dash > p && originator_at(lx, p, dash + 1, 1, h->name, sizeof(h->name)) > 0;
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
				found = originator_after(lx, p + ml, end, 1, 2, h->name, sizeof(h->name));
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
				found = originator_before(lx, s, p, end, 2, h->name, sizeof(h->name));
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
					found = originator_before(lx, s, p, end, 0, h->name, sizeof(h->name)) ||
						originator_after(lx, p + ml, end, 0, 0, h->name, sizeof(h->name));
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
		int first = 1, finite = 0, sub = 0, zu = 0, speech = 0;
		/* its words: a clause starts after a mark no word holds, so they are the sentence's */
		while (wi < ws->n && ws->w[wi].start < a)
			wi++;
		for (; wi < ws->n && ws->w[wi].start < b; wi++) {
			const char *w = t + ws->w[wi].start;
			size_t n = ws->w[wi].end - ws->w[wi].start;
			const struct ex_lex_entry *tv;
			if (first && ex_lex_word(lx, LX_SUBORD, w, n))
				sub = 1;
			first = 0;
			/* "…, künftig acht Milliarden Dollar zu zahlen": an infinitive, no finite verb */
			if ((tv = ex_lex_word(lx, LX_TENSE, w, n)) != NULL && !zu) {
				finite = 1;
				speech |= !strcmp(tv->value, "speech");
			}
			zu = n == 2 && !memcmp(w, "zu", 2);
		}
		/* "behauptete Trump, in Südkorea seien 40.000 Soldaten stationiert": reported speech is
		 * the governing verb's, not a statement of the text's own */
		sc->main_clause[k] = finite && !sub && !speech;
	}
	/* a clause opened by "so" or "wie" (", so die Prognose der Kieler Forscher", ", wie Trump
	 * behauptete") is an aside on the clauses before it: its status words reach back */
	for (size_t i = 0; i < sc->ncue; i++) {
		size_t cl = clause_of(sc, sc->cue[i].pos);
		const char *w = t + sc->clause[cl];
		while (w < end && *w == ' ')
			w++;
		if (cl > 0 && ex_word_in(w, (size_t)(ex_word_end(w, end) - w), (const char *const[]){"so", "wie", NULL}))
			sc->cue[i].aside = 1;
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
		size_t cl = clause_of(sc, sc->cue[i].pos);
		if (sc->cue[i].status == KZ_S_REPORTED && cl > from && cl <= to)
			return 1;
	}
	return 0;
}

/* Is a perfect infinitive (a participle, then haben or sein) in the clause of pos, after it? */
static int perfect_infinitive(const struct ex_ctx *c, const struct ex_sentence_cues *sc, size_t pos)
{
	size_t cl = clause_of(sc, pos);
	size_t e = cl + 1 < sc->nclause ? sc->clause[cl + 1] : c->sent[sc->si].end;
	const char *t = c->text, *p = t + pos, *end = t + e, *w;
	static const char *const aux[] = {"haben", "sein", "worden", NULL};

	while ((w = ex_next_word(t + pos, &p, end)) != NULL)
		if (ex_word_in(w, (size_t)(p - w), aux))
			return 1;
	return 0;
}

/*
 * Is the figure a current value, whatever its clause plans? An adverb of the present right before
 * it ("von derzeit rund 34.500 auf 25.000", data/status.tsv `current`), or the whole of which the
 * figure before it is a part ("11.900 der etwa 36.000 stationierten Soldaten", "4.500 von
 * 28.500").
 */
static int current_value(const struct ex_ctx *c, size_t si, const struct ex_qty *q)
{
	const char *s = c->text + c->sent[si].start, *p = c->text + q->start, *w, *we;

	w = ex_word_back(s, p, &we);
	if (we > w && ex_lex_word_ci(c->lx, LX_CURRENT, w, (size_t)(we - w)))
		return 1;
	if (we > w && (lower_word(w, (size_t)(we - w), "der") || lower_word(w, (size_t)(we - w), "von")) && c->have_prev && c->prev_si == si &&
	    c->prev_end <= (size_t)(w - c->text)) {
		const char *g = c->text + c->prev_end;
		while (g < w && (*g == ' ' || *g == '\n'))
			g++;
		return g == w;
	}
	return 0;
}

/* Does the noun cue h end right before the comma that opens clause k? */
static int noun_opens_clause(const struct ex_ctx *c, const struct ex_sentence_cues *sc,
			     const struct ex_status_cue *h, size_t k)
{
	const char *t = c->text, *w = t + h->pos, *b = t + sc->clause[k];
	const char *we = ex_word_end(w, b);

	while (b > we && (b[-1] == ' ' || b[-1] == ','))
		b--;
	return b == we;
}

void ex_status(struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_sentence_cues *sc,
	       struct ex_attr *a)
{
	size_t fc, best = (size_t)-1, bestd = (size_t)-1;

	ex_sentence_cues(c, si, sc);
	fc = clause_of(sc, q->start);
	for (size_t i = 0; i < sc->ncue; i++) {
		const struct ex_status_cue *h = &sc->cue[i];
		size_t cl = clause_of(sc, h->pos), d = h->pos > q->start ? h->pos - q->start : q->start - h->pos;
		/* "das Ziel von 2 Prozent", "Zwei-Prozent-Ziel", "eine Obergrenze von 28.500": a noun reaches
		 * the figure of its own phrase, not every figure of the clause ("2,12 Prozent … und damit
		 * das Ziel erreichen" states a level) */
		int reach = cl == fc && (!h->noun || d <= EX_NOUN_REACH);
		if (!reach && h->governs && fc > cl)
			reach = !own_voice_between(sc, cl, fc);
		if (!reach && fc < cl && ((h->governs && h->opens) || h->aside))
			reach = !own_voice_between(sc, fc, cl - 1);
		/* "das Ziel, mindestens zwei Prozent … auszugeben": a noun reaches the infinitive clause
		 * that follows it right after a comma */
		if (!reach && h->noun && fc == cl + 1 && !sc->main_clause[fc] && noun_opens_clause(c, sc, h, fc))
			reach = 1;
		if (!reach)
			continue;
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
	a->status = (enum kz_status)sc->cue[best].status;
	a->status_pos = sc->cue[best].pos;
	a->status_settled = sc->cue[best].settled;
	a->status_budgeted = sc->cue[best].budgeted;
	/* "Nordkorea soll 12.000 Soldaten geschickt haben": hearsay, reported */
	if (a->status == KZ_S_PLAN && sc->cue[best].hearsay && perfect_infinitive(c, sc, sc->cue[best].pos))
		a->status = KZ_S_REPORTED;
	if (a->status != KZ_S_CLAIM && current_value(c, si, q))
		a->status = KZ_S_REPORTED;
}

/* An agent named as written: a leader's or party's name, an originator's short name, a
 * government by its country's name. 0 when the word is none of these. */
static int agent_at(const struct ex_lexicon *lx, const char *w, const char *we, const char *end, char *name, size_t n)
{
	const struct ex_lex_entry *e;
	size_t ml;
	static const char *const not_agents[] = {"Der", "Die", "Das", "Dem", "Den", "Des", "Ein", "Eine", "Er", "Sie",
						  "Es", "Man", "Wer", "Zudem", "Auch", "Nun", "Jetzt", "Damals", NULL};

	if (originator_at(lx, w, end, 2, name, n))
		return 1;
	e = ex_lex_match_after(lx, LX_COUNTRY, w, end, &ml);
	if (e && ml == (size_t)(we - w)) {
		if (e->flags & LXF_PERSON)
			snprintf(name, n, "%.*s", (int)(we - w), w);
		else
			snprintf(name, n, "%s", ex_country_name(lx, e->value));
		return 1;
	}
	if (!ex_upper_at(w, we) || ex_word_in(w, (size_t)(we - w), not_agents) || (size_t)(we - w) < 3 ||
	    (size_t)(we - w) >= n)
		return 0;
	/* a unit's noun ("Soldaten", "US-Soldaten") counts, it names nobody */
	if (ex_lex_word(lx, LX_UNIT, w, (size_t)(we - w)) || ex_lex_suffix(lx, LX_UNIT, w, (size_t)(we - w)))
		return 0;
	snprintf(name, n, "%.*s", (int)(we - w), w);
	return 1;
}

/* Is the word at w part of one of the sentence's figures ("fünf Milliarden Dollar pro Jahr")? */
static int in_figure(const struct ex_ctx *c, size_t si, const char *w)
{
	size_t pos = (size_t)(w - c->text);

	for (size_t i = 0; i < c->ncur; i++) {
		size_t e = c->cur[i].unit_end > c->cur[i].end ? c->cur[i].unit_end : c->cur[i].end;
		e += ex_per_year(c->text + e, c->text + c->sent[si].end);
		if (pos >= c->cur[i].start && pos < e)
			return 1;
	}
	return 0;
}

/* A known agent at [w, we): an originator's short name, a leader, a government by its country. */
static int known_agent_at(const struct ex_lexicon *lx, const char *w, const char *we, const char *end,
			  int country_ok, char *name, size_t n)
{
	const struct ex_lex_entry *e;
	size_t ml;

	if (!ex_upper_at(w, we))
		return 0; /* a name is written capitalised ("und" is not the UN) */
	if (originator_at(lx, w, end, country_ok, name, n))
		return 1;
	e = ex_lex_match_after(lx, LX_COUNTRY, w, end, &ml);
	if (e && ml == (size_t)(we - w) && (e->flags & LXF_PERSON)) {
		snprintf(name, n, "%.*s", (int)(we - w), w);
		return 1;
	}
	return 0;
}

/*
 * "Trump fordert von Seoul fünf Milliarden Dollar", "Die Linke verlangt den Abzug aller 35.000
 * Soldaten", ", behauptete Trump": who demands or claims a figure is where it comes from — the
 * name right before the word that made it a demand or claim, in its clause, or right after it;
 * "Präsident Trump hatte fünf Milliarden Dollar im Jahr gefordert": with the participle at the
 * clause's end, the leader or originator its clause names before it. A word of a figure
 * ("Dollar") or of a phrase ("im Jahr": after a preposition or article) is nobody.
 */
static void demander(const struct ex_ctx *c, size_t si, const struct ex_sentence_cues *sc, struct ex_attr *a)
{
	const char *t = c->text, *s = t + c->sent[si].start, *end = t + c->sent[si].end, *cue = t + a->status_pos;
	const char *w, *we, *x, *cs;

	if (a->status_pos < c->sent[si].start || a->status_pos >= c->sent[si].end)
		return;
	/* before it: the last name of its clause's subject ("US-Präsident Donald Trump fordert") */
	w = ex_word_back(s, cue, &we);
	if (w < we && !memchr(we, ',', (size_t)(cue - we)) && !in_figure(c, si, w)) {
		const char *pw, *pwe;
		int phrase;
		const struct ex_lex_entry *r;
		pw = ex_word_back(s, w, &pwe);
		/* "für die Ukraine gefordert", "im Jahr gefordert": after a preposition (and its article),
		 * a phrase, no agent — but the agent of a passive ("von Trump gefordert") */
		r = pw < pwe ? ex_lex_word_ci(c->lx, LX_ROLE, pw, (size_t)(pwe - pw)) : NULL;
		if (r && (!strcmp(r->value, "article") || !strcmp(r->value, "gen_art"))) {
			pw = ex_word_back(s, pw, &pwe);
			r = pw < pwe ? ex_lex_word_ci(c->lx, LX_ROLE, pw, (size_t)(pwe - pw)) : NULL;
		}
		phrase = r && strcmp(r->value, "article") && strcmp(r->value, "gen_art") && strcmp(r->value, "copula") &&
			 !ex_word_in(pw, (size_t)(pwe - pw), (const char *const[]){"von", "vom", "durch", NULL});
		if (!phrase && known_agent_at(c->lx, w, we, end, 2, a->source, sizeof(a->source)))
			return;
		/* (a capital at the sentence's start says nothing: "Zugleich beklagten …") */
		if (!phrase && w > s && agent_at(c->lx, w, we, end, a->source, sizeof(a->source)))
			return;
	}
	/* after it: ", forderte Trump", "verlangt Washington von Seoul" (past all its words: "ins Spiel
	 * gebracht") */
	{
		size_t ml = 0;
		const struct ex_lex_entry *ce = ex_lex_stem(c->lx, LX_STATUS, cue, ex_word_end(cue, end), end, &ml);
		x = ex_word_end(ce ? cue + (ml ? ml - 1 : 0) : cue, end);
	}
	while (x < end && *x == ' ')
		x++;
	/* "beklagten Außenminister Pompeo …": a known name among the next words of its clause */
	{
		const char *y = x, *w2;
		for (int k = 0; k < 3 && (w2 = ex_next_word(x, &y, end)) != NULL && !memchr(x, ',', (size_t)(w2 - x)); k++)
			if (!in_figure(c, si, w2) && known_agent_at(c->lx, w2, y, end, 1, a->source, sizeof(a->source)))
				return;
	}
	we = ex_word_end(x, end);
	if (x < we && !in_figure(c, si, x) && agent_at(c->lx, x, we, end, a->source, sizeof(a->source)))
		return;
	/* the clause before it: "Präsident Trump hatte … gefordert"; a clause joined by "und" shares
	 * the subject of the one before ("Trump hatte erklärt, …, und zehn Milliarden ins Spiel gebracht") */
	for (size_t cl = clause_of(sc, a->status_pos) + 1; cl-- > 0;) {
		const char *ce = cl + 1 < sc->nclause ? t + sc->clause[cl + 1] : cue, *fw;
		cs = t + sc->clause[cl];
		if (ce > cue)
			ce = cue;
		for (x = cs; (w = ex_next_word(cs, &x, ce)) != NULL;)
			if (!in_figure(c, si, w) && known_agent_at(c->lx, w, x, end, 1, a->source, sizeof(a->source)))
				return; /* (a government by its seat, not by its name: that may be the payer) */
		fw = ex_skip_space(cs, ce);
		while (fw < ce && (*fw == ',' || *fw == ';' || *fw == ' '))
			fw++;
		if (!ex_word_in(fw, (size_t)(ex_word_end(fw, ce) - fw), (const char *const[]){"und", "sowie", "oder", NULL}))
			break;
	}
	a->source[0] = '\0';
}

void ex_source(struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_sentence_cues *sc,
	       struct ex_attr *a)
{
	size_t best = (size_t)-1, bestd = (size_t)-1;

	ex_sentence_cues(c, si, sc);
	for (size_t i = 0; i < sc->ncite; i++) {
		size_t d = sc->cite[i].pos > q->start ? sc->cite[i].pos - q->start : q->start - sc->cite[i].pos;
		if (d < bestd) {
			bestd = d;
			best = i;
		}
	}
	a->source[0] = '\0';
	if (best != (size_t)-1 && sc->cite[best].self) {
		if (a->subject[0])
			snprintf(a->source, sizeof(a->source), "%s", ex_country_name(c->lx, a->subject));
	} else if (best != (size_t)-1)
		snprintf(a->source, sizeof(a->source), "%s", sc->cite[best].name);
	else if (a->status == KZ_S_DEMAND || a->status == KZ_S_CLAIM)
		demander(c, si, sc, a);
}
