/*
 * mentions.c: the countries a sentence names, and the role each plays for its figures.
 *
 * A mention is a country lexicon entry matched in the text: a name ("Südkorea"), a genitive
 * ("Japans"), an adjective ("japanische"), a prefix ("US-Soldaten"), a capital standing for its
 * government ("Seoul"). Its role comes from the words before it, read back over articles,
 * adjectives and place nouns: "in"/"bei" place it (R_LOC), "nach"/"an" make it a destination or a
 * recipient (R_LOC with via_an), "mit"/"auf"/"aus"/"von"/"zwischen" a partner, "des" or a noun
 * before "der" a genitive owner, "für" or a recipient noun a beneficiary (R_FOR), "laut" or a
 * source noun ("nach Angaben der USA") a source; nothing of these leaves it a candidate subject.
 * A mention inside a relative clause is scenery; one joined to the one before by "und", "oder",
 * "sowie" or a comma shares its role.
 *
 * The distance helpers measure between figure and mention: white space runs count as one byte,
 * a comma before the figure pushes an earlier list item away, a short stretch ending in a
 * preposition of direction ("48 Prozent seiner Waren nach China") ties a later name to the
 * figure.
 */
#include "attrib_int.h"

#include <stdio.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Grammar words from data/grammar.tsv: is [w, w+n) a word of this kind (exactly)? */
int at_is_word(const struct ex_lexicon *lx, int kind, const char *w, size_t n)
{
	return ex_lex_word(lx, kind, w, n) != NULL;
}

/* Does the adjective ending at p qualify a document or an agency ("Verteidigungsweißbuch",
 * "Geheimdienst", "Studie")? Then the country is the source, not the subject. */
static int source_noun_after(const struct ex_lexicon *lx, const char *p, const char *end)
{
	const char *w, *we;

	while (p < end && (*p == ' ' || *p == '\n'))
		p++;
	w = p;
	we = ex_word_end(w, end);
	if (we == w || !ex_upper_at(w, end))
		return 0;
	return ex_lex_suffix(lx, LX_SOURCE, w, (size_t)(we - w)) != NULL;
}

const char *at_article_before(const struct ex_lexicon *lx, const char *s, const char *p, int over_year)
{
	const char *w = p, *we;
	const struct ex_lex_entry *r;

	while (w > s && w[-1] == ' ')
		w--;
	if (over_year && w > s && at_digit(w[-1]))
		while (w > s && at_digit(w[-1]))
			w--;
	w = ex_word_back(s, w, &we);
	r = w < we ? ex_lex_word_ci(lx, LX_ROLE, w, (size_t)(we - w)) : NULL;
	return r && (!strcmp(r->value, "article") || !strcmp(r->value, "gen") || !strcmp(r->value, "gen_art")) ? w
														  : NULL;
}


/* Does a verb of giving or reporting to someone (grammar.tsv dative) follow in the clause from p
 * on? A dative before it is the one the figure goes to ("will der Nato … melden"); with other
 * verbs a dative may be whose it is ("fehlen der Ukraine 20 Milliarden Euro"). */
static int giving_verb_after(const struct ex_lexicon *lx, const char *p, const char *end)
{
	const char *x = p, *w;

	for (const char *g = p; g < end; g++) {
		/* (the clause ends at a comma no digits stand around, or a semicolon) */
		if (*g == ';' || (*g == ',' && !(g > p && at_digit(g[-1]) && g + 1 < end && at_digit(g[1])))) {
			end = g;
			break;
		}
	}
	while ((w = ex_next_word(p, &x, end)) != NULL)
		if (ex_lex_word(lx, LX_DATIVE, w, (size_t)(x - w)))
			return 1;
	return 0;
}

/* The role the words before the mention at w give it (data/grammar.tsv `role`), looking back
 * over up to three words: articles, copulas, lower-case adjectives and place nouns. */
static enum role role_before(const struct ex_lexicon *lx, const char *s, const char *w, int *prep_an, char *prep,
			     size_t np)
{
	const char *p = w;

	*prep_an = 0;
	prep[0] = '\0';
	for (int steps = 0; steps < 3; steps++) {
		const char *we, *ws = p = ex_word_back(s, p, &we);
		size_t n = (size_t)(we - ws);
		const struct ex_lex_entry *r;
		const char *v;

		if (ws == we)
			return R_NONE;
		r = ex_lex_word_ci(lx, LX_ROLE, ws, n);
		v = r ? r->value : "";
		/* "Der US-Senat hat …": "der" opening the sentence is the subject's article, no genitive */
		if (!strcmp(v, "gen_art")) {
			const char *xe, *x = ex_word_back(s, ws, &xe);
			if (x == xe)
				v = "article";
		}
		if (r && n < np && strcmp(v, "article") && strcmp(v, "copula")) {
			/* the preposition, lower-case: frames.c tells a receiver ("an", "für") from a giver */
			for (size_t k = 0; k < n; k++)
				prep[k] = (char)(ws[k] >= 'A' && ws[k] <= 'Z' ? ws[k] - 'A' + 'a' : ws[k]);
			prep[n] = '\0';
		}
		if (!strcmp(v, "loc")) {
			/* "die Regierung in Taipeh", "die Führung in Pjöngjang": the government */
			const char *xe, *x = ex_word_back(s, ws, &xe);
			return at_is_word(lx, LX_GOVT, x, (size_t)(xe - x)) ? R_NONE : R_LOC;
		}
		if (!strcmp(v, "for") || ex_lex_suffix(lx, LX_RECIPIENT, ws, n))
			return R_FOR; /* "für die Ukraine"; "Wichtigstes Empfängerland war die Ukraine" */
		if (!strcmp(v, "copula"))
			continue;
		if (!strcmp(v, "to")) {
			*prep_an = 1;
			return R_LOC;
		}
		if (!strcmp(v, "partner"))
			return R_PARTNER;
		if (!strcmp(v, "gen"))
			return R_GEN;
		if (!strcmp(v, "source"))
			return R_SOURCE;
		if (!strcmp(v, "gen_art") && steps <= 1) {
			/* "nach Angaben der südkoreanischen Behörde": a source; "Bündnispartner der USA":
			 * a genitive after a noun */
			const char *xe, *x = ex_word_back(s, ws, &xe);
			if (xe > x && at_is_word(lx, LX_SOURCE, x, (size_t)(xe - x)))
				return R_SOURCE;
			if (steps == 0 && xe > x && ex_upper_at(x, xe))
				return R_GEN;
			/* "Die Bundesregierung will der Nato … melden", "hat der Ukraine … geliefert":
			 * "der" right after a finite verb is a feminine dative — with a verb of giving,
			 * the one something goes to, not whose it is (a masculine name after it is the
			 * subject, "gab der Iran": grammar.tsv masc; the verb: both read by the caller) */
			if (steps == 0 && xe > x && !ex_upper_at(x, xe) &&
			    (ex_lex_word(lx, LX_TENSE, x, (size_t)(xe - x)) ||
			     ex_word_in(x, (size_t)(xe - x), (const char *const[]){"will", "wollen", "soll", "sollen", "muss", "müssen",
										    "wird", "werden", "möchte", NULL})))
				return R_PARTNER;
		}
		/* articles, adjectives and place nouns may stand between ("in die Grenzregion Kursk") */
		if (!strcmp(v, "article") || !strcmp(v, "gen_art") || (ws[0] >= 'a' && ws[0] <= 'z' && n > 3) ||
		    at_is_word(lx, LX_PLACE, ws, n))
			continue;
		return R_NONE;
	}
	return R_NONE;
}

/* "für die Stationierung der US-Truppen", "Für Bauleistungen und Liegenschaften der US-Streitkräfte",
 * "für den Wiederaufbau Deutschlands": is the genitive at w (after its article, if any) the
 * attribute of a noun that a "für" governs? Back over the article, one or two nouns joined by
 * "und", then articles and lower-case adjectives, to the preposition. */
static int genitive_of_for(const struct ex_lexicon *lx, const char *s, const char *w)
{
	const char *we, *ws = ex_word_back(s, w, &we);
	const struct ex_lex_entry *r = ws < we ? ex_lex_word_ci(lx, LX_ROLE, ws, (size_t)(we - ws)) : NULL;
	int nouns = 0;

	if (r && (!strcmp(r->value, "gen_art") || !strcmp(r->value, "gen")))
		ws = ex_word_back(s, ws, &we); /* the article of the genitive */
	for (int steps = 0; steps < 6 && ws < we; steps++, ws = ex_word_back(s, ws, &we)) {
		size_t n = (size_t)(we - ws);
		r = ex_lex_word_ci(lx, LX_ROLE, ws, n);
		if (r && !strcmp(r->value, "for"))
			return nouns > 0;
		if (ex_upper_at(ws, we) && !r) {
			if (++nouns > 2)
				return 0;
		} else if (!(r && (!strcmp(r->value, "article") || !strcmp(r->value, "gen_art"))) &&
			   !(n == 3 && !memcmp(ws, "und", 3)) && !(ws[0] >= 'a' && ws[0] <= 'z' && n > 3))
			return 0;
		if (we < w && *we == ',')
			return 0;
	}
	return 0;
}

/* Is p inside a relative clause opened since the last comma (", das nicht der Nato angehört")?
 * Its start (the byte after the comma), or NULL. */
static const char *relative_clause_at(const char *s, const char *p)
{
	static const char *const rel[] = {"der ", "die ", "das ", "dem ", "den ", "deren ", "dessen ",
					  "welche ", "welcher ", "welches ", "wo ", NULL};
	const char *x = p;

	while (x > s && x[-1] != ',' && x[-1] != '(' && x[-1] != ';')
		x--;
	if (x == s || x[-1] != ',')
		return 0;
	while (*x == ' ')
		x++;
	for (const char *const *r = rel; *r; r++) {
		size_t k = strlen(*r);
		if (!strncmp(x, *r, k)) {
			/* the relative pronoun is followed by lower-case words, not by a noun phrase */
			const char *w = x + k;
			return w < p && ((*w >= 'a' && *w <= 'z') || (unsigned char)*w == 0xC3) && w != p ? x : NULL;
		}
	}
	return NULL;
}

/* The mention (at most one) of the word [p, we) of the sentence [s, end), appended to m[*n];
 * returns where the walk goes on: the word's end, or the end of a name that stops inside it. */
/* Does the text name NATO ("Nato", "NATO", "Bündnis") in the few hundred bytes before p? */
static int nato_just_before(const char *t, const char *p)
{
	const char *from = p - t > 400 ? p - 400 : t;
	static const char *const names[] = {"Nato", "NATO", "Bündnis", NULL};

	for (const char *const *n = names; *n; n++)
		if (memmem(from, (size_t)(p - from), *n, strlen(*n)))
			return 1;
	return 0;
}

/* Does the word at p follow an office (status.tsv title) and a first name, "Ministerpräsident
 * Luís Montenegro"? */
static int family_name_at(const struct ex_lexicon *lx, const char *s, const char *p)
{
	const char *w, *we, *o, *oe;

	w = ex_word_back(s, p, &we);
	if (w == we || we != p - 1 || !ex_upper_at(w, we) || at_is_word(lx, LX_COUNTRY, w, (size_t)(we - w)))
		return 0;
	o = ex_word_back(s, w, &oe);
	return o < oe && oe == w - 1 && ex_upper_at(o, oe) &&
	       (ex_lex_word(lx, LX_TITLE, o, (size_t)(oe - o)) || ex_lex_suffix(lx, LX_TITLE, o, (size_t)(oe - o)));
}

static const char *mention_in_word(const struct ex_ctx *c, const char *s, const char *end, const char *p,
				   const char *we, const struct ex_qty *qs, size_t nq, struct mention *m,
				   size_t cap, size_t *np)
{
	const struct ex_lexicon *lx = c->lx;
	const char *t = c->text;
	size_t n = *np;

	{
		size_t k, i;
		int hit = 0;

		for (i = 0; i < nq; i++)
			if ((size_t)(p - t) >= qs[i].unit_start && (size_t)(p - t) < qs[i].unit_end &&
			    ex_is_currency(qs[i].unit))
				break; /* "US-Dollar" is money, not the US */
		if (i < nq)
			return we;
		{
			/* a word of one letter: only keys of one byte can match (see the second-byte test) */
			unsigned nix, nodes[EX_TRIE_MAX], nn = 0, found[128];
			const unsigned *ix = NULL;
			if (lx->trie.ok) {
				/* the keys the text begins with, to the sentence's end, longest first */
				nn = ex_lex_trie_walk(lx, LX_COUNTRY, p, end, nodes);
				nix = 0;
				for (unsigned d = nn; d-- > 0 && nix <= 128;)
					nix += lx->trie.first[nodes[d] + 1] - lx->trie.first[nodes[d]];
				if (nix <= 128) {
					nix = 0;
					while (nn-- > 0)
						for (unsigned j = lx->trie.first[nodes[nn]]; j < lx->trie.first[nodes[nn] + 1]; j++)
							found[nix++] = lx->trie.ent[j];
					ix = found;
				}
			}
			if (!ix)
				ix = ex_lex_candidates(lx, LX_COUNTRY, p, (size_t)(we - p), &nix);
		for (i = 0; i < nix && !hit && n < cap; i++) {
			const struct ex_lex_entry *en = &lx->v[LX_COUNTRY][ix[i]];
			size_t kl = en->klen;
			struct mention *mm = &m[n];
			/* the second byte first: most of the bucket's entries fail there (no adjective: its
			 * stem is matched ignoring case) */
			if (kl >= 2 && !(en->flags & LXF_ADJ) && (we - p < 2 || p[1] != en->key[1]))
				continue;
			if (en->flags & LXF_PREFIX) {
				if ((size_t)(we - p) > kl && !memcmp(p, en->key, kl) &&
				    !ex_ends_with_ci(p, (size_t)(we - p), "dollar", 6))
					hit = 1;
			} else if (en->flags & LXF_ADJ) {
				if ((size_t)(we - p) >= kl && !ex_casecmp_n(p, kl, en->key))
					hit = 1;
			} else if ((size_t)(end - p) >= kl && !memcmp(p, en->key, kl) &&
				   (p + kl >= end || !ex_letter_at(p + kl, end)) &&
				   (p + kl >= end || p[kl] != '-')) {
				hit = 1;
				we = p + kl;
			}
			/* "die Verbündeten" are NATO's only where the text named NATO just before them, and
			 * never another power's ("die US-Verbündeten in Asien") */
			if (hit && (en->flags & LXF_ALLIANCE) && ((p > t && p[-1] == '-') || !nato_just_before(t, p)))
				hit = 0;
			/* "Ministerpräsident Luís Montenegro", "Präsident Mohamed Bazoum": a name after an
			 * office and a first name is a person's, no country */
			if (hit && (en->flags & LXF_NAME) && family_name_at(lx, s, p))
				hit = 0;
			if (hit) {
				int an;
				mm->prep[0] = '\0';
				mm->start = (size_t)(p - t);
				mm->end = (size_t)(we - t);
				ex_copy(mm->code, sizeof(mm->code), en->value);
				mm->flags = en->flags;
				an = 0;
				mm->role = (en->flags & LXF_GEN) ? R_GEN : role_before(lx, s, p, &an, mm->prep, sizeof(mm->prep));
				/* ("hat der US-Präsident verlangt": a compound's gender is its last part's, the
				 * article its nominative; so is it before a masculine name, "gab der Iran") */
				if (mm->role == R_PARTNER && !strcmp(mm->prep, "der") &&
				    ((en->flags & LXF_PREFIX) || at_is_word(lx, LX_MASC, p, (size_t)(we - p)) ||
				     !giving_verb_after(lx, we, end)))
					mm->role = R_NONE;
				mm->via_an = an;
				mm->for_gen = mm->role == R_GEN && genitive_of_for(lx, s, p);
				if ((en->flags & LXF_ADJ) && source_noun_after(lx, we, end))
					mm->role = R_SOURCE;
				/* "Das US-Außenministerium schätzt …": a country's prefix on a source noun */
				if ((en->flags & LXF_PREFIX) && we > p + kl && ex_upper_at(p + kl, we) &&
				    ex_lex_suffix(lx, LX_SOURCE, p + kl, (size_t)(we - p - kl)))
					mm->role = R_SOURCE;
				if (en->flags & LXF_ORG)
					mm->role = R_NONE;
				if (en->flags & LXF_PERSON)
					mm->role = R_SOURCE; /* "verlangte Trump": who demands, not whose figure */
				if ((en->flags & LXF_GEN) && role_before(lx, s, p, &an, mm->prep, sizeof(mm->prep)) == R_PARTNER)
					mm->role = R_PARTNER;
				n++;
			}
		}
		}
		(void)k;
		*np = n;
		return we > p ? we : p + 1;
	}
}

size_t at_mentions_raw(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *qs, size_t nq,
		       struct mention *m, size_t cap, int *regular)
{
	const struct ex_words *ws = ex_words_of(c, s, e);
	const char *t = c->text, *end = t + e, *p = t + s; /* p: where the walk is */
	size_t n = 0;

	*regular = 1;
	for (size_t wi = 0; wi < ws->n && n < cap; wi++) {
		const char *w = t + ws->w[wi].start, *we = t + ws->w[wi].end;
		if (w >= p)
			p = mention_in_word(c, t + s, end, w, we, qs, nq, m, cap, &n);
		if (p != we)
			*regular = 0;
		/* a name that ends inside a word ("Korea" of "Korea‑Krieg", before a non-breaking
		 * hyphen or a digit, or the last word of a name of two): the walk goes on from there
		 * and finds words inside the rest; one that ends past a word skips it */
		while (p < we && n < cap) {
			if (!ex_letter_at(p, end) || (p > t + s && ex_letter_before(t + s, p))) {
				p++;
				continue;
			}
			p = mention_in_word(c, t + s, end, p, ex_word_end(p, end), qs, nq, m, cap, &n);
		}
	}
	return n;
}

/* Does a ranking follow the mention ending at p: an article, then a superlative or an ordinal
 * ("der zweitgrößte", "die wichtigste"), or one right away ("größter Geber")? */
static int ranked_after(const struct ex_ctx *c, const char *p)
{
	const char *end = c->text + c->doc->len, *w, *we;

	for (int k = 0; k < 2; k++) {
		w = ex_skip_space(p, end);
		if (w < end && *w == ',')
			w = ex_skip_space(w + 1, end);
		we = ex_word_end(w, end);
		if (we == w)
			return 0;
		if (ex_lex_stem(c->lx, LX_RANK, w, we, end, &(size_t){0}))
			return 1;
		if (!ex_word_in(w, (size_t)(we - w), (const char *const[]){"der", "die", "das", "den", "dem", NULL}))
			return 0;
		p = we;
	}
	return 0;
}

void at_mentions_roles(const struct ex_ctx *c, size_t s, struct mention *m, size_t n)
{
	const char *t = c->text;

	for (size_t i = 0; i < n; i++) {
		const char *r = relative_clause_at(t + s, t + m[i].start);
		m[i].rel_at = r ? (size_t)(r - t) : 0;
		m[i].rel_role = m[i].role;
		if (r)
			m[i].role = R_SOURCE; /* "Österreich, das nicht der Nato angehört, gibt …" */
	}
	/* "Deutschland ist nach den USA der zweitgrößte Unterstützer": "nach" a country and a ranking
	 * (grammar.tsv rank) orders, it names no destination — the country is scenery */
	for (size_t i = 0; i < n; i++)
		if (!strcmp(m[i].prep, "nach") && ranked_after(c, t + m[i].end)) {
			m[i].role = R_SOURCE;
			m[i].prep[0] = '\0'; /* nor a receiver's "nach" (frames.c) */
			m[i].via_an = 0;
		}
	for (size_t i = 1; i < n; i++) {
		const char *a = t + m[i - 1].end, *b = t + m[i].start;
		size_t gap = (size_t)(b - a);
		if ((gap <= 12 || (gap <= 32 && memchr(a, '(', gap))) && m[i].role == R_NONE && !(m[i].flags & LXF_GEN) &&
		    (strstr_n(a, gap, " und ") || strstr_n(a, gap, " oder ") || strstr_n(a, gap, " sowie ") ||
		     (gap <= 3 && memchr(a, ',', gap))))
			m[i].role = m[i - 1].role;
	}
}

void at_mentions_in_clause(const struct ex_ctx *c, size_t s, size_t pos, struct mention *m, size_t n)
{
	const char *r;
	size_t k = 0;

	/* (only an originator's phrase inside a relative clause can change: a sentence with none is
	 * not walked back, once a figure) */
	while (k < n && !(m[k].rel_at && m[k].role == R_SOURCE))
		k++;
	if (k == n || (r = relative_clause_at(c->text + s, c->text + pos)) == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		if (m[i].rel_at == (size_t)(r - c->text) && m[i].role == R_SOURCE)
			m[i].role = m[i].rel_role;
}

size_t at_find_mentions(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *qs,
			    size_t nq, struct mention *m, size_t cap)
{
	int regular;
	size_t n = at_mentions_raw(c, s, e, qs, nq, m, cap, &regular);

	at_mentions_roles(c, s, m, n);
	return n;
}

static int gap_space(char ch)
{
	return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* The top bit of each of x's bytes that equals c, exactly (no carry crosses a byte). */
static unsigned long long bytes_eq(unsigned long long x, unsigned char c)
{
	const unsigned long long low7 = 0x7F7F7F7F7F7F7F7FULL;
	unsigned long long t = x ^ (0x0101010101010101ULL * c);

	return ~(((t & low7) + low7) | t) & ~low7;
}

/* How many bytes of x have their top bit set, x having no other bits: summed into the top byte
 * by one multiplication (a popcount without the instruction the baseline x86-64 lacks). */
static size_t high_bits(unsigned long long x)
{
	return (size_t)(((x >> 7) * 0x0101010101010101ULL) >> 56);
}
#endif

static size_t gap_len(const struct ex_ctx *c, size_t from, size_t to)
{
	const char *t = c->text;
	size_t i, dup = 0;
	int sp;

	/* distances skip repeated white space; it only matters for near calls; far apart is far apart */
	if (to - from > 256)
		return to - from;
	if (from >= to)
		return 0;
	/* every byte counts but a white space right after another: the bytes less those pairs */
	sp = gap_space(t[from]);
	i = from + 1;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* eight bytes at a time: a top bit per white-space byte, paired with the one before it */
	for (; to - i >= 8; i += 8) {
		unsigned long long x, m;
		memcpy(&x, t + i, 8);
		m = bytes_eq(x, ' ') | bytes_eq(x, '\n') | bytes_eq(x, '\t') | bytes_eq(x, '\r');
		dup += high_bits(m & (m << 8 | (sp ? 0x80ULL : 0)));
		sp = (int)(m >> 63);
	}
#endif
	for (; i < to; i++) {
		int is_sp = gap_space(t[i]);
		dup += is_sp && sp;
		sp = is_sp;
	}
	return to - from - dup;
}

/* Is [from, to) a short stretch of words, ending in a preposition of direction ("seiner Waren
 * nach", "in die"), with no comma, stop, parenthesis or digit? */
static int tied_after(const struct ex_ctx *c, size_t from, size_t to)
{
	const char *p, *w, *we;
	int words = 0, toward = 0;

	for (size_t i = from; i < to; i++) {
		char ch = c->text[i];
		if (ch == ',' || ch == '.' || ch == ';' || ch == ':' || ch == '(' || ch == ')' || (ch >= '0' && ch <= '9'))
			return 0;
	}
	/* the preposition is one of the last two words: "nach China", "in die USA"; a coordinator
	 * there opens the next item ("etwa 54.000 und in Südkorea 28.500") */
	p = c->text + to;
	for (w = ex_word_back(c->text + from, p, &we); w < we; w = ex_word_back(c->text + from, w, &we)) {
		if (ex_lex_word(c->lx, LX_COORD, w, (size_t)(we - w)))
			return 0;
		if (++words <= 2 && ex_lex_word(c->lx, LX_TOWARD, w, (size_t)(we - w)))
			toward = 1;
	}
	return toward;
}

/* Is there a comma in [from, to) of the text (a short gap only)? */
static int comma_between(const struct ex_ctx *c, size_t from, size_t to)
{
	if (to - from > 64)
		return 0;
	return memchr(c->text + from, ',', to - from) != NULL;
}

size_t at_dist(const struct ex_ctx *c, size_t a0, size_t a1, size_t b0, size_t b1)
{
	if (b1 <= a0)
		return gap_len(c, b1, a0);
	if (a1 <= b0)
		return gap_len(c, a1, b0);
	return 0;
}

/* Does a clause boundary start at i (i + 1 < b): , ; : before a space or line end, or an en or em dash? */
static int boundary_at(const char *t, size_t i, size_t b)
{
	if ((t[i] == ',' || t[i] == ';' || t[i] == ':') && (t[i + 1] == ' ' || t[i + 1] == '\n'))
		return 1;
	return (unsigned char)t[i] == 0xE2 && i + 2 < b && (unsigned char)t[i + 1] == 0x80 &&
	       ((unsigned char)t[i + 2] == 0x93 || (unsigned char)t[i + 2] == 0x94);
}

/* Does a clause boundary (", ", "; ", " – ", ": ") stand between two offsets? */
int at_clause_between(const char *t, size_t a, size_t b)
{
	if (b < a) {
		size_t x = a;
		a = b;
		b = x;
	}
	if (b - a > 400)
		return 1;
#ifdef __SSE2__
	/* sixteen bytes at a time to the bytes a boundary starts with: , ; : and a dash's lead byte */
	for (const __m128i comma = _mm_set1_epi8(','), semi = _mm_set1_epi8(';'), colon = _mm_set1_epi8(':'),
			   dash = _mm_set1_epi8((char)0xE2);
	     a + 16 < b; a += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(t + a));
		unsigned m = (unsigned)_mm_movemask_epi8(
			_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, comma), _mm_cmpeq_epi8(x, semi)),
				     _mm_or_si128(_mm_cmpeq_epi8(x, colon), _mm_cmpeq_epi8(x, dash))));
		for (; m; m &= m - 1)
			if (boundary_at(t, a + (size_t)__builtin_ctz(m), b))
				return 1;
	}
#endif
	for (size_t i = a; i + 1 < b; i++)
		if (boundary_at(t, i, b))
			return 1;
	return 0;
}

/* Does a clause boundary stand in the gap between two spans, whichever of them comes first? */
int at_clause_apart(const char *t, size_t a0, size_t a1, size_t b0, size_t b1)
{
	return b0 < a0 ? at_clause_between(t, b1, a0) : at_clause_between(t, a1, b0);
}

int at_word_before_is(const char *s, const char *p, const char *w)
{
	size_t n = strlen(w);
	const char *we;

	p = ex_word_back(s, p, &we);
	return (size_t)(we - p) == n && !ex_casecmp_n(p, n, w);
}

static int other_figures_name(const struct ex_ctx *c, const struct mention *m, const struct ex_qty *q, size_t d)
{
	/* only a name after the figure: one before it is often the subject of a whole list or of a
	 * restatement ("1,44 Prozent, das entspricht 55,6 Milliarden Dollar") */
	if (m->start < q->end || !at_clause_between(c->text, q->end, m->start))
		return 0;
	for (size_t i = 0; i < c->ncur; i++) {
		const struct ex_qty *f = &c->cur[i];
		if (f->start == q->start || ex_paired(c->text, q, f) || ex_paired(c->text, f, q))
			continue;
		/* (in that figure's clause and not in this one's, nearer or not: "rund 500.000 Soldaten,
		 * Nordkorea unterhält mehr als doppelt so viele") */
		if (f->start > q->start && !at_clause_apart(c->text, f->start, f->end, m->start, m->end) &&
		    (at_dist(c, f->start, f->end, m->start, m->end) < d || at_clause_apart(c->text, q->start, q->end, m->start, m->end)))
			return 1;
	}
	return 0;
}

const struct mention *at_pick(const struct ex_ctx *c, const struct mention *m, size_t n, const struct ex_qty *q,
				  int want_roles, int prefer_before)
{
	const struct mention *best = NULL;
	size_t bestd = (size_t)-1;

	for (size_t i = 0; i < n; i++) {
		size_t d;
		if (!(want_roles & (1 << m[i].role)))
			continue;
		d = at_dist(c, q->start, q->end, m[i].start, m[i].end);
		/* "… auf rund 1,28 Millionen, mehr als doppelt so viele wie Südkorea mit etwa 500.000": a
		 * name in another clause that stands nearer to another figure is that figure's */
		if (other_figures_name(c, &m[i], q, d))
			continue;
		/* "48 Prozent seiner Waren nach China": a name a few words after the figure, in its
		 * clause with no other figure between, stands with it even where names before win */
		if (m[i].start >= q->end && m[i].start - q->end <= 24 && tied_after(c, q->end, m[i].start))
			d = 0; /* ("1700 Fallschirmjäger nach Polen und 300 nach Deutschland": each its own) */
		else if (prefer_before && m[i].start >= q->end)
			d += 200;
		/* "48 Prozent nach China, 30 Prozent in die USA": a name before a comma before the
		 * figure is the list's item before, not this one's */
		if (m[i].end <= q->start && comma_between(c, m[i].end, q->start))
			d += 60;
		if (d < bestd) {
			bestd = d;
			best = &m[i];
		}
	}
	return best;
}

/* The first mention (in text order) with one of the roles, other than not_code: a sentence's
 * grammatical subject usually comes first ("Polen gibt …, mehr als jedes andere Nato-Land"). */
const struct mention *at_first_not(const struct ex_ctx *c, const struct mention *m, size_t n, int want_roles,
				   const char *not_code)
{
	for (size_t i = 0; i < n; i++)
		if ((want_roles & (1 << m[i].role)) && (!*not_code || strcmp(m[i].code, not_code)) &&
		    (!(m[i].flags & LXF_PREFIX && !(m[i].flags & LXF_NAME)) || at_prefix_government(c, &m[i])))
			return &m[i];
	return NULL;
}

/* Does the prefix or adjective mention m qualify a noun of soldiers ("US-Soldaten", "der
 * amerikanischen Truppen": units.tsv military) — the compound the prefix opens, the noun after the
 * adjective? e is the end of m's sentence. */
int at_mention_forces(const struct ex_ctx *c, const struct mention *m, size_t e)
{
	const char *end = c->text + e, *w = c->text + m->start, *we = ex_word_end(w, end);
	const struct ex_lex_entry *u;

	if (!(m->flags & (LXF_PREFIX | LXF_ADJ)))
		return 0;
	/* an adjective qualifies the word after it; a prefix is the start of its own word
	 * ("US-Soldaten"), whatever follows */
	if (m->flags & LXF_ADJ) {
		w = ex_skip_space(we, end);
		we = ex_word_end(w, end);
	}
	u = ex_lex_suffix(c->lx, LX_UNIT, w, (size_t)(we - w));
	return u && (u->flags & LXF_MILITARY);
}

/* Is the prefix mention m a government's compound ("US-Präsident", "US-Regierung": grammar.tsv
 * govt)? Then it stands for its country as a name does. */
int at_prefix_government(const struct ex_ctx *c, const struct mention *m)
{
	const char *p = c->text + m->start, *we = c->text + m->end, *h = memchr(p, '-', (size_t)(we - p));

	if (!(m->flags & LXF_PREFIX) || !h || h + 1 >= we)
		return 0;
	return at_is_word(c->lx, LX_GOVT, h + 1, (size_t)(we - h - 1));
}
