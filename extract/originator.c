/*
 * originator.c: who the text says a figure comes from (the claims table's `source`).
 *
 * A cite word names an originator: after it ("laut SIPRI", "nach Angaben der Nato",
 * ", so das Pentagon"), before it ("Nato-Angaben zufolge") or in a reporting verb's clause
 * ("teilte das Ministerium mit"). The originator is a name of data/status.tsv (its short name),
 * a government by its country ("das polnische Verteidigungsministerium", "des Außenministeriums
 * in Seoul"), a country's capital or genitive after "laut" or "nach Angaben" ("nach Angaben
 * Seouls": KR), or the capitalised words after "laut" as written; "nach eigenen Angaben" names the
 * figure's subject. The cite nearest the figure gives its source (ex_source); without one a
 * demand or claim comes from who demands or claims it (the name before or after the word that
 * made it one); else the figure is in the document's own voice (source empty). The sentence's
 * cite words are found with its status words, once per sentence (status.c, ex_sentence_cues);
 * people and expert groups the lexicon lacks are read by persons.c.
 */
#include "extract_int.h"

#include <string.h>

/* Is the word at [w, we) a government noun (data/grammar.tsv govt: "Regierung",
 * "Verteidigungsministerium"), with up to three letters of inflection ("des Außenministeriums")? */
static const struct ex_lex_entry *govt_noun(const struct ex_lexicon *lx, const char *w, const char *we)
{
	size_t ml;
	const struct ex_lex_entry *e = ex_upper_at(w, we) ? ex_lex_stem(lx, LX_GOVT, w, we, we, &ml) : NULL;

	return e && (size_t)(we - w) - ml <= 3 ? e : NULL;
}

/* The short name status.tsv ministry gives the government noun of a country ("Verteidigungsministerium",
 * DE: BMVg), or NULL. */
static const char *ministry_name(const struct ex_lexicon *lx, const char *noun, const char *country)
{
	for (size_t i = 0; i < lx->n[LX_MINISTRY]; i++) {
		const struct ex_lex_entry *e = &lx->v[LX_MINISTRY][i];
		if (!strcmp(e->key, noun) && !strcmp(e->value, country))
			return e->detail;
	}
	return NULL;
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
		/* (a name of several words ends where the lexicon's does: "in Tel Aviv") */
		if (!ce || ml < (size_t)(c0e - c0) || (c0 + ml < end && ex_letter_at(c0 + ml, end)) ||
		    (ce->flags & (LXF_PERSON | LXF_ADJ | LXF_PREFIX)) || (c0 == w2 && !(ce->flags & LXF_GEN)))
			return 0;
		x = c0 + ml;
		w2 = p, w2e = we;
	} else {
		return 0;
	}
	if (!strcmp(ge->value, "named")) {
		/* "des Finanzministeriums in Berlin": BMF, when status.tsv ministry has a short name */
		char noun[64];
		const char *sn;
		size_t k = ge->klen;
		snprintf(noun, sizeof(noun), "%.*s", (int)k, ge->key);
		if ((sn = ministry_name(lx, noun, ce->value)) != NULL)
			snprintf(name, n, "%s", sn);
		else
			snprintf(name, n, "%.*s %s", (int)k, ge->key, ex_country_name(lx, ce->value));
	} else {
		snprintf(name, n, "%s", ex_country_name(lx, ce->value));
	}
	/* "des ukrainischen Militärgeheimdienstes HUR": an acronym right after the noun is its name */
	{
		const char *aw = ex_skip_space(w2e, end), *ae = aw;
		while (ae < end && *ae >= 'A' && *ae <= 'Z')
			ae++;
		if (aw == w2e + 1 && ae - aw >= 2 && ae - aw <= 6 && (ae == end || !ex_letter_at(ae, end)) &&
		    (size_t)(ae - aw) < n) {
			snprintf(name, n, "%.*s", (int)(ae - aw), aw);
			if (x < ae)
				x = ae;
		}
	}
	return (size_t)(x - p);
}

/* An acronym's key (capitals only: UN, NATO, IISS) matches a word that starts with a capital
 * ("UN", "Nato", "Sipri"), never a lower-case one ("und"); other keys match in any case. */
static int acronym_as_written(const struct ex_lex_entry *e, const char *p)
{
	for (size_t i = 0; i < e->klen; i++)
		if (!(e->key[i] >= 'A' && e->key[i] <= 'Z'))
			return 1;
	return *p >= 'A' && *p <= 'Z';
}

/* An originator named at p: a sourcename (its short name) or, when country_ok, a country's
 * capital, genitive or name (its code). Returns the bytes matched, 0 when none. */
size_t ex_originator_at(const struct ex_lexicon *lx, const char *p, const char *end, int country_ok,
			    char *name, size_t n)
{
	const char *we = ex_word_end(p, end);
	const struct ex_lex_entry *e;
	size_t ml;

	e = ex_lex_stem(lx, LX_SOURCENAME, p, we, end, &ml);
	if (e && !acronym_as_written(e, p))
		e = NULL; /* "UN" is not "und" */
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
int ex_phrase_word(const char *w, size_t n)
{
	static const char *const small[] = {"der", "des", "dem", "den", "die", "das", "ein", "eine", "einer", "eines", "einem",
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

/* A name as written after "des" is in the genitive: its last word goes by its nominative ("des
 * US-Geheimdienstes": US-Geheimdienst, "des Wall Street Journals": Journal) — "-es" or "-s" after
 * a consonant dropped from a capitalised word of five letters or more that is no acronym. */
static void strip_genitive(char *name)
{
	char *last = strrchr(name, ' '), *dash, *fuer = strstr(name, " für ");
	size_t k;
	char keep = 0;

	if (fuer) {
		/* "des Bundesamts für Zivilschutz": the head before "für" is the genitive */
		keep = *fuer;
		*fuer = '\0';
		last = strrchr(name, ' ');
	}
	last = last ? last + 1 : name;
	if ((dash = strrchr(last, '-')) != NULL)
		last = dash + 1; /* the compound's last part */
	k = strlen(last);
	if (k >= 5 && (last[0] >= 'A' && last[0] <= 'Z') && !(last[1] >= 'A' && last[1] <= 'Z')) {
		size_t cut = k;
		if (!strchr("aeiouy", last[k - 3]) && last[k - 2] == 'e' && last[k - 1] == 's')
			cut = k - 2;
		else if (last[k - 1] == 's' && !strchr("aeiouys", last[k - 2]))
			cut = k - 1;
		if (fuer)
			*fuer = keep;
		if (cut < k && fuer) /* the words from "für" on move up to the shortened head */
			memmove(last + cut, fuer, strlen(fuer) + 1);
		else if (cut < k)
			last[cut] = '\0';
	} else if (fuer) {
		*fuer = keep;
	}
}

/* A name written with its acronym last ("Polnischen Wirtschaftsinstituts PIE") goes by the
 * acronym: the one word of two to eight capitals that ends it, when other words come before. */
void ex_prefer_acronym(char *name)
{
	char *last = strrchr(name, ' ');
	size_t k;

	if (!last)
		return;
	last++;
	k = strlen(last);
	if (k < 2 || k > 8)
		return;
	for (size_t i = 0; i < k; i++)
		if (!(last[i] >= 'A' && last[i] <= 'Z'))
			return;
	memmove(name, last, k + 1);
}

/* The originator after a cite word ending at p, within its noun phrase (articles, adjectives,
 * nouns: "laut einer Studie des Stockholmer Friedensforschungsinstituts"); as_written: else the
 * name there as written when it is one — two capitalised words or an acronym ("nach Angaben der
 * Korea International Trade Association"). countries: see originator_at. */
int ex_originator_after(const struct ex_lexicon *lx, const char *p, const char *end, int as_written,
			    int countries, char *name, size_t n)
{
	const char *q = p, *prev = p, *w, *first = NULL, *last = NULL, *pw = NULL, *pwe = NULL;
	int words = 0, run = as_written, caps = 0, acronym = 0, genitive = 0;
	size_t ml;

	{
		/* "Nach Schätzungen, die das Bündnis veröffentlicht hat": a relative clause right after
		 * the cite word names who published it, first in the clause */
		const char *r = ex_skip_space(p, end), *rw, *rq;
		if (r < end && *r == ',') {
			rq = r + 1;
			rw = ex_next_word(r + 1, &rq, end);
			if (rw && ex_word_in(rw, (size_t)(rq - rw), (const char *const[]){"die", "der", "das", "den", NULL}))
				p = q = prev = rq;
		}
	}
	for (; words < 7 && (w = ex_next_word(p, &q, end)) != NULL; pw = w, pwe = q) {
		size_t k = (size_t)(q - w);
		for (const char *x = prev; x < w; x++)
			if (*x == ',' || *x == ';' || *x == '.' || *x == ':' || *x == '(' || *x == ')' || *x == '"' ||
			    (*x >= '0' && *x <= '9'))
				goto done; /* the clause ended, or a figure stands: the name ended before it */
		prev = q;
		words++;
		if (ex_originator_at(lx, w, end, words == 1 ? countries : countries ? 1 : 0, name, n))
			return 1;
		if (ex_lex_stem(lx, LX_CITE, w, q, end, &ml))
			break; /* "Schätzungen zufolge": the originator stands before */
		if (!ex_upper_at(w, end)) {
			/* "Bundesamt für Zivilschutz", "Stiftung Wissenschaft und Politik": a name's own
			 * "für" or "und" before its next capitalised word */
			if (first && run && ex_word_in(w, k, (const char *const[]){"für", "und", NULL})) {
				const char *nq = q, *nw = ex_next_word(q, &nq, end);
				if (nw && ex_upper_at(nw, end) && !memchr(q, ',', (size_t)(nw - q)))
					continue;
			}
			if (!ex_phrase_word(w, k))
				break; /* a verb: the noun phrase ended */
			if (first && (caps >= 2 || acronym))
				goto done; /* a name as written ended: no name further on is the cited one */
			if (first)
				run = 0;
			continue;
		}
		if (!run)
			continue;
		if (!ex_lex_word(lx, LX_SOURCE, w, k) && !ex_lex_suffix(lx, LX_SOURCE, w, k)) {
			if (!first) {
				first = w;
				genitive = pw && ex_word_in(pw, (size_t)(pwe - pw), (const char *const[]){"des", "eines", NULL});
			}
			last = q;
			caps++;
			if (k >= 2 && ex_upper_at(w + 1, end))
				acronym = 1;
		} else if (first) {
			run = 0;
		}
	}
done:
	/* "der Zeitung „Stars and Stripes“": a name in quotation marks is one as they hold it, of any
	 * words */
	if (first && first - p >= 3 && !memcmp(first - 3, "\xe2\x80\x9e", 3)) {
		const char *close = NULL;
		for (const char *x = first; x + 3 <= end && x < first + 60 && !close; x++)
			if (!memcmp(x, "\xe2\x80\x9c", 3))
				close = x;
		if (close && (size_t)(close - first) < n) {
			memcpy(name, first, (size_t)(close - first));
			name[close - first] = '\0';
			return 1;
		}
	}
	/* "wie Verteidigungsminister Troels Lund Poulsen sagte": a person by office is named by the
	 * family name, as ex_titled_name names one */
	if (first && caps >= 2 && ex_upper_at(first, last) &&
	    (ex_lex_word(lx, LX_TITLE, first, (size_t)(ex_word_end(first, last) - first)) ||
	     ex_lex_suffix(lx, LX_TITLE, first, (size_t)(ex_word_end(first, last) - first)))) {
		const char *lw, *lwe;
		lw = ex_word_back(first, last, &lwe);
		if (lw < lwe && lw > first)
			first = ex_family_name(first, lw);
	}
	if (first && (caps >= 2 || acronym) && (size_t)(last - first) < n) {
		memcpy(name, first, (size_t)(last - first));
		name[last - first] = '\0';
		/* "des Magazins „Foreign Policy“", "des Projekts „Costs of War“": the name is what the
		 * quotation marks hold, to the closing one */
		{
			const char *open = NULL, *close = NULL;
			for (const char *x = first; x + 3 <= last && !open; x++)
				if (!memcmp(x, "\xe2\x80\x9e", 3))
					open = x + 3;
			for (const char *x = open; x && x + 3 <= end && x < open + 60 && !close; x++)
				if (!memcmp(x, "\xe2\x80\x9c", 3))
					close = x;
			if (open && close && close > open && (size_t)(close - open) < n) {
				memcpy(name, open, (size_t)(close - open));
				name[close - open] = '\0';
				genitive = 0;
			}
		}
		if (genitive)
			strip_genitive(name);
		ex_prefer_acronym(name);
		return 1;
	}
	return 0;
}

/* The originator in the few words before a cite word at p ("Nato-Angaben zufolge", "dem Pentagon zufolge"). */
int ex_originator_before(const struct ex_lexicon *lx, const char *s, const char *p, const char *end,
			     int countries, char *name, size_t n)
{
	const char *w = p, *we;

	/* a reporting verb's subject may be a longer noun phrase ("Ein Bericht des Pentagons aus dem
	 * Jahr 2004 bezifferte …") */
	for (int words = 0; words < (countries == 0 ? 7 : 4); words++) {
		/* "des Pentagon (DMDC) wies …": a name in parentheses before the verb; "aus dem Jahr
		 * 2004 bezifferte": a number is a word of the phrase */
		while (w > s && (w[-1] == ' ' || w[-1] == ')' || (countries == 0 && w[-1] >= '0' && w[-1] <= '9')))
			w--;
		w = ex_word_back(s, w, &we);
		/* "Nato-Angaben": the originator starts the compound */
		while (w > s + 1 && w[-1] == '-' && ex_letter_before(s, w - 1))
			w = ex_word_back(s, w - 1, &we);
		if (w == we)
			break;
		if (ex_originator_at(lx, w, end, countries, name, n))
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

/* An agent named as written: a leader's or party's name, an originator's short name, a
 * government by its country's name. 0 when the word is none of these. */
static int agent_at(const struct ex_lexicon *lx, const char *w, const char *we, const char *end, char *name, size_t n)
{
	const struct ex_lex_entry *e;
	size_t ml;
	static const char *const not_agents[] = {"Der", "Die", "Das", "Dem", "Den", "Des", "Ein", "Eine", "Er", "Sie",
						  "Es", "Man", "Wer", "Zudem", "Auch", "Nun", "Jetzt", "Damals", NULL};

	if (ex_originator_at(lx, w, end, 2, name, n))
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
		const char *se = c->text + c->sent[si].end, *x, *v;
		size_t e = c->cur[i].unit_end > c->cur[i].end ? c->cur[i].unit_end : c->cur[i].end;
		e += ex_per_year(c->text + e, se);
		/* (a noun joined to the figure's, "mehr als 3.000 Toten und Verwundeten", or its
		 * genitive, "150 Prozent der Kosten") */
		x = ex_skip_space(c->text + e, se);
		v = ex_word_end(x, se);
		if (ex_word_in(x, (size_t)(v - x), (const char *const[]){"und", "oder", "der", "des", NULL}))
			e = (size_t)(ex_word_end(ex_skip_space(v, se), se) - c->text);
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
	if (ex_originator_at(lx, w, end, country_ok, name, n))
		return 1;
	e = ex_lex_match_after(lx, LX_COUNTRY, w, end, &ml);
	if (e && ml == (size_t)(we - w) && (e->flags & LXF_PERSON)) {
		snprintf(name, n, "%.*s", (int)(we - w), w);
		return 1;
	}
	return 0;
}

/* Is there a passive auxiliary ("wurde", "wird", "worden", "werden") in the clause of pos, or right
 * after pos ("von Trump gefordert worden")? */
static int passive_before(const struct ex_ctx *c, size_t si, const struct ex_sentence_cues *sc, const char *pos)
{
	static const char *const aux[] = {"wurde", "wurden", "wird", "werden", "worden", NULL};
	size_t cl = ex_clause_of(sc, (size_t)(pos - c->text));
	const char *a = c->text + sc->clause[cl];
	const char *b = cl + 1 < sc->nclause ? c->text + sc->clause[cl + 1] : c->text + c->sent[si].end;
	const char *p = a, *w;

	while ((w = ex_next_word(a, &p, b)) != NULL)
		if (ex_word_in(w, (size_t)(p - w), aux))
			return 1;
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
		int object = 0;
		r = pw < pwe ? ex_lex_word_ci(c->lx, LX_ROLE, pw, (size_t)(pwe - pw)) : NULL;
		if (r && (!strcmp(r->value, "article") || !strcmp(r->value, "gen_art"))) {
			/* "Hegseth hat die Verbündeten aufgefordert": after an auxiliary, a noun with its
			 * article right before the participle is its object, not who asks */
			const char *aw, *awe;
			aw = ex_word_back(s, pw, &awe);
			object = aw < awe && ex_word_in(aw, (size_t)(awe - aw), (const char *const[]){"hat", "haben", "hatte", "hatten", NULL});
			pw = ex_word_back(s, pw, &pwe);
			r = pw < pwe ? ex_lex_word_ci(c->lx, LX_ROLE, pw, (size_t)(pwe - pw)) : NULL;
		}
		phrase = object || (r && strcmp(r->value, "article") && strcmp(r->value, "gen_art") && strcmp(r->value, "copula") &&
				    !ex_word_in(pw, (size_t)(pwe - pw), (const char *const[]){"von", "vom", "durch", NULL}));
		/* "über fünf Jahre gefordert", "für 2026 gefordert": a noun a number counts names no one */
		if (pw < pwe && ((*pw >= '0' && *pw <= '9') || ex_numword(pw, (size_t)(pwe - pw), &(double){0})))
			phrase = 1;
		/* "hat von Japan verlangt": with no passive auxiliary in the clause "von" names whom it
		 * is asked of, not who asks ("von Trump gefordert wurde") */
		if (!phrase && pw < pwe && ex_word_in(pw, (size_t)(pwe - pw), (const char *const[]){"von", "vom", NULL}) &&
		    !passive_before(c, si, sc, cue))
			phrase = 1;
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
	/* "verlangte der US-Präsident", "Er forderte": the person named last */
	if (ex_speaker_near(c, si, cue, x, a->source, sizeof(a->source)))
		return;
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
	for (size_t cl = ex_clause_of(sc, a->status_pos) + 1; cl-- > 0;) {
		const char *ce = cl + 1 < sc->nclause ? t + sc->clause[cl + 1] : cue, *fw;
		cs = t + sc->clause[cl];
		if (ce > cue)
			ce = cue;
		for (x = cs; (w = ex_next_word(cs, &x, ce)) != NULL;)
			if (!in_figure(c, si, w) && known_agent_at(c->lx, w, x, end, 1, a->source, sizeof(a->source)))
				return; /* (a government by its seat, not by its name: that may be the payer) */
		/* "Generalsekretär Anders Rasmussen hatte … gefordert": a person the lexicon lacks, by office */
		for (x = cs; (w = ex_next_word(cs, &x, ce)) != NULL;)
			if (!in_figure(c, si, w) && ex_title_word(c->lx, w, x) &&
			    ex_titled_name(c->lx, cs, w, ce, 1, a->source, sizeof(a->source)))
				return;
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
		size_t lo = sc->cite[i].pos < q->start ? sc->cite[i].pos : q->end, hi = sc->cite[i].pos < q->start ? q->start : sc->cite[i].pos;
		/* a semicolon ends a statement: a person named by office beyond it speaks of another */
		if (sc->cite[i].titled && hi > lo && memchr(c->text + lo, ';', hi - lo))
			continue;
		if (d < bestd) {
			bestd = d;
			best = i;
		}
	}
	/* "Trump behauptete, Deutschland zahle nur 1 Prozent; tatsächlich waren es 2,1 Prozent": a
	 * clause with a word of the text's own voice (status.tsv flag voice) is not the cited one's */
	if (best != (size_t)-1) {
		size_t fc = ex_clause_of(sc, q->start);
		if (fc != ex_clause_of(sc, sc->cite[best].pos))
			for (size_t i = 0; i < sc->ncue; i++)
				if (sc->cue[i].voice && ex_clause_of(sc, sc->cue[i].pos) == fc) {
					best = (size_t)-1;
					break;
				}
	}
	a->source[0] = '\0';
	if (best != (size_t)-1 && sc->cite[best].self == 2) {
		/* "nach Angaben des Verteidigungsministeriums": the figure's country's government, by
		 * its short name when status.tsv ministry has one (BMVg, JMOD), else the country's */
		const char *cty = a->subject[0] && strcmp(a->subject, "NATO") && strcmp(a->subject, "EU") ? a->subject : NULL;
		const char *sn = cty ? ministry_name(c->lx, sc->cite[best].name, cty) : NULL;
		if (sn)
			snprintf(a->source, sizeof(a->source), "%s", sn);
		else if (cty)
			snprintf(a->source, sizeof(a->source), "%s", ex_country_name(c->lx, cty));
	} else if (best != (size_t)-1 && sc->cite[best].self) {
		if (a->subject[0])
			snprintf(a->source, sizeof(a->source), "%s", ex_country_name(c->lx, a->subject));
	} else if (best != (size_t)-1)
		snprintf(a->source, sizeof(a->source), "%s", sc->cite[best].name);
	else if (a->status == KZ_S_DEMAND || a->status == KZ_S_CLAIM)
		demander(c, si, sc, a);
}
