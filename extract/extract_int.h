/* extract_int.h: internals shared by the extract module's files (never included from outside). */
#ifndef EX_EXTRACT_INT_H
#define EX_EXTRACT_INT_H

#include "extract.h"

#include <string.h>

#include <stddef.h>
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* --- lexicon --- */

enum ex_lex_kind {
	LX_UNIT,
	LX_SCALE,
	LX_QUAL,
	LX_COUNTRY,
	LX_CUE,
	LX_REF,
	LX_TIME,
	LX_ABBR,
	/* grammar words (data/grammar.tsv) */
	LX_PLACE,     /* a noun for a place named after it */
	LX_GOVT,      /* a government seated somewhere */
	LX_SOURCE,    /* who says a figure; '*' endings: documents and agencies */
	LX_RECIPIENT, /* '*' endings: whom a figure goes to */
	LX_PLAN,      /* a word of intent: soll, plant */
	LX_CHANGE,    /* value 'before' (Plus, Anstieg) or 'after' (mehr, höher) */
	LX_TENSE,     /* value 'present' or 'past' */
	LX_GOVERN,    /* a verb stem whose preposition (value) is no qualifier: verfüg + über */
	/* status and source words (data/status.tsv) */
	LX_STATUS,     /* a word whose clause gives its figures a status (value) */
	LX_CITE,       /* a word naming an originator: value after, before or verb */
	LX_SOURCENAME, /* an originator as written; value: its short name */
	LX_RESTATE,    /* a word opening a clause that restates the figure before: umgerechnet */
	LX_TOWARD,     /* a preposition tying the country after it to the figure before: nach, in */
	LX_THERE,      /* an adverb of place pointing at the country named before: dort */
	LX_OWN,        /* a word after a country making the figure its own forces: selbst */
	LX_CURRENCY,   /* a national currency code and its one country: KRW KR */
	LX_SUBORD,     /* a word opening a dependent clause: dass, ob */
	LX_ROLE,       /* a word before a country giving it its role: in loc, für for (data/grammar.tsv) */
	LX_ATTRIB,     /* a preposition opening an attribute before a unit noun; '*' a participle ending */
	LX_CONTINUE,   /* a word by which a bare number continues the count before: davon, weitere */
	LX_CURRENT,    /* an adverb of the present right before a figure: a current value (derzeit) */
	LX_FRAME,      /* a detail of money that goes from one party to another, and its family (frames.c) */
	LX_RECEIVE,    /* a preposition whose country receives a transfer: an, für, nach */
	LX_DEMANDED,   /* a preposition naming whom a demand is made of: von */
	LX_SEPARABLE,  /* a separable verb and its particle closing the clause: sieht … vor (status) */
	LX_GIVE,       /* a preposition whose country gives a transfer: aus */
	LX_ANAPHOR,    /* a noun that, with its article, stands for the country spoken of last: Land */
	LX_WHOLE,      /* right after a share, the total it is part of: davon, der Ausgaben (value: detail) */
	LX_PERIOD,     /* a part of a year before its number: Januar, Ende, Frühjahr ("zwischen Januar 2022 und Ende 2024") */
	LX_PART,       /* a clause's first words that make its figures part of the total before: Darunter, Darin enthalten */
	LX_DRAWN,      /* right after an amount, the fund it is drawn from: "aus dem Sondervermögen" (value: detail) */
	LX_AIDVERB,    /* a word of giving aid: zugesagt, bereitgestellt — in an article on aid, its money is aid */
	LX_REGION,     /* a region that is no one country: Baltikum, baltischen Staaten, Kontinent */
	LX_HOST,       /* a verb of hosting troops: beherbergt — "Polen, das 10.000 US-Soldaten beherbergt" */
	LX_LEAVE,      /* a verb of leaving a place: verlassen — the country troops leave is where they were (who.c) */
	LX_SPEAKER,    /* a pronoun or role for a person named before: "behauptete er", "der US-Präsident" */
	LX_DATIVE,     /* a verb of giving to someone: gezahlt, zugesagt — "haben der Ukraine … gezahlt" */
	LX_SHARED,     /* a currency word several countries use (Kronen) and the codes it may be: SEK NOK DKK */
	LX_MISSION,    /* a noun of a deployment, a compound ending: Einsatz, Mission — "der Einsatz in Mali" */
	LX_GETS,       /* a verb of receiving: erhält, bekommt — its bare subject receives the money (frames.c) */
	LX_MINISTRY,   /* a government noun of one country and its short name: Verteidigungsministerium DE BMVg */
	LX_TALLY,      /* a word of a running total: insgesamt, bisher, seit (status.c, pledges) */
	LX_RANK,       /* a superlative or ordinal after "nach X der": a ranking, not a destination (größt, zweit) */
	LX_COST,       /* a noun of what something costs or is worth: Kosten, Wert, Preis (status.c, estimates) */
	LX_BUY,        /* a word of buying, a stem: kauft, bestellt — its seller by "bei", "in", "von" (value seller) */
	LX_TITLE,      /* an office before a person's name: Premierminister, *präsident — "Premierminister Rishi Sunak sagte" */
	LX_AMOUNTREF,  /* a demonstrative that points to the money named before: dieses Betrags, diese Summe */
	LX_COORD,      /* a word joining two figures that share the noun after the second: und, oder (num_carry.c) */
	LX_CORRECT,    /* words of a sentence that corrects what was said before: Tatsächlich, ist zu hoch */
	LX_MAKER,      /* a weapon system and the country that makes it: F-35 US, K2 KR (purchase.c) */
	LX_LISTNEXT,   /* a sentence's first words that go on with the list of the sentence before: Es folgen */
	LX_PARTNERNOUN, /* '*' a noun of the other side of trade: *handelspartner, *abnehmer (tradectx.c) */
	LX_MEASURE,    /* a verb that gives a noun its figure: liegt bei, beträgt (status.c: a status noun's reach) */
	LX_FRONT,      /* a noun of a war's front line: Front — the adjective before it names the war (who.c) */
	LX_ATTACK,     /* a noun of an attack: Angriff, Überfall — the countries it names date a time (who.c) */
	LX_OUTSIDE,    /* a preposition of exclusion: außerhalb — the countries after it are the figure's none (who.c) */
	LX_DRAFT,      /* '*' a draft of a budget: *entwurf — told in a year's last months, it is for the next (attrib.c) */
	LX_WORLD,      /* an adjective of the whole world: weltweiten, globalen — money it qualifies is no country's (attrib.c) */
	LX_YEARCLAUSE, /* a word opening a clause told of the year right before it: in dem, als (when.c) */
	LX_NOUNLINK,   /* a word tying a noun to the figure that measures it: von, über, Höhe (when.c) */
	LX_SURPASS,    /* a verb of surpassing, a stem: übersteig — figures it compares are not cited (sentcues.c) */
	LX_SETVERB,    /* a verb of setting a goal or rule, a stem: vereinbar, beschloss — its year set it (when.c) */
	LX_MEETVERB,   /* a verb of meeting or missing a goal, a stem: erreich, verfehl — its year is no goal's (when.c) */
	LX_MASC,       /* a country's name of masculine gender: Iran, Irak — "der Iran" is its nominative (mentions.c) */
	LX_FISCAL,     /* a country whose fiscal year starts after January: JP 4 (attrib.c) */
	LX__N
};

enum {
	LXF_SUFFIX = 1,   /* key ends a compound word */
	LXF_BEFORE = 2,   /* currency written before the number */
	LXF_MILITARY = 4, /* troop noun */
	LXF_WEAK = 8,     /* qualifier: a small step (gut, knapp); cue: a word of several senses, yields to a cue naming another kind */
	LXF_STRONG = 16,  /* qualifier: an open bound (über, bis zu) */
	LXF_NAME = 32,
	LXF_GEN = 64,
	LXF_ADJ = 128,
	LXF_CAPITAL = 256,
	LXF_PREFIX = 512,
	LXF_ORG = 1024, /* an armed force or government body: the subject, whatever the preposition */
	LXF_WORD = 2048,   /* status, cite: the whole word only, not a stem */
	LXF_GOVERNS = 4096, /* status: a verb whose dependent clause is also its reach */
	LXF_HEARSAY = 8192, /* status: a modal a perfect infinitive makes hearsay (soll … haben) */
	LXF_PERSON = 16384, /* country: a leader who speaks or demands for it, never whose figure it is */
	LXF_SETTLED = 32768, /* status: a plan word of provisions ("sieht … vor"): for a year come, in force */
	LXF_BUDGETED = 65536, /* status: a plan word of budgeting ("veranschlagt", "plante … ein"): for a year gone, the budget */
	LXF_GENERIC = 131072, /* cue: a word of any spending ("Ausgaben"): the paragraph's kind of money before it wins */
	LXF_ESTIMATE = 262144, /* status: a verb of estimating ("schätzt", "taxiert"): money beside a word of cost is a forecast */
	LXF_PLEDGE = 524288,   /* status: a verb of pledging ("sagte … zu"): a plan, but a running total of pledges is reported */
	LXF_DEFINITION = 1048576, /* sourcename: counts military spending by a definition of its own (SIPRI) */
	LXF_ALLIANCE = 2097152,   /* country: the alliance's members ("die Verbündeten"), only once the text named NATO */
	LXF_INSIDE = 4194304,     /* country: a place inside it (a region, a base): troops there are part of its total */
	LXF_BODY = 8388608,       /* source: a compound ending of a body that speaks (*behörde): a word ending in it names who, not money */
	LXF_OPTION = 16777216,    /* status: an option weighed ("erwäge"): the figures it weighs are claims, a current value in its clause stays reported */
	LXF_OUGHT = 33554432,     /* status: a modal of obligation ("soll"): a plan another country's voice states is its demand */
	LXF_VOICE = 67108864,     /* status: a word of the text's own voice ("tatsächlich"): its clause is no cited one's */
	LXF_RATIO = 134217728,    /* cue: a quantity put as a share of GDP that is no spending (deficit, debt) */
	LXF_SPEECH = 268435456,   /* cite: names an originator only with a verb in its clause ("wie das Pentagon mitteilte", not "Länder wie Belgien") */
	LXF_LOCAL = 536870912,    /* unit: a country's own dollar ("kanadische Dollar"): once a text names it, its bare "Dollar" of that country is it */
	LXF_PERCENT = 1073741824  /* cue: names a share in percent only, never money ("trägt etwa ein Viertel") */
};

struct ex_lex_entry {
	const char *key;  /* as written (suffix entries: lower-case, without '*') */
	size_t klen;
	const char *value; /* unit code, qualifier class, country code, indicator, ... */
	const char *detail; /* cue: detail */
	double num;        /* scale: multiplier; period: a month's number (0: none) */
	int flags;
	unsigned seq;      /* its place among its kind's lines, as read (the sort puts longer keys first) */
};

/* The keys as a trie of folded bytes (lextrie.c): a root row per kind by first byte, nodes
 * numbered breadth first so that a node's children are consecutive, and per node the entries
 * whose key ends there, [first[node], first[node + 1]) of ent, in the order of v. ok: every path
 * holds at most EX_TRIE_MAX key ends (else the lookups scan the candidates). */
#define EX_TRIE_MAX 64
struct ex_trie_node {
	unsigned kid0;          /* its first child; the others follow, in byte order */
	unsigned short nkids;
	unsigned char byte;     /* the folded byte that leads to it */
	unsigned char ends;     /* keys end here */
};
struct ex_lex_trie {
	unsigned root[LX__N][256];
	struct ex_trie_node *node;
	unsigned char *kbyte; /* node[i].byte for every node, 16 bytes more: a node's children's bytes
			       * lie together (kbyte + kid0), to be compared sixteen at once */
	unsigned nnode;
	unsigned *first;
	unsigned *ent;
	int ok;
	/* the forward trie's: a bit per ex_lex_word_bit of each whole-word key (no compound ending),
	 * so a word no key of its kind, length, first and last byte can be is answered without a walk */
	unsigned char word_bits[65536 / 8];
};

struct ex_lexicon {
	struct ex_lex_entry *v[LX__N];
	size_t n[LX__N], alloc[LX__N];
	struct kz_arena arena;
	/* entries of each kind by first byte (ASCII folded to lower case): index lists into v */
	unsigned *by_first[LX__N][256];
	unsigned n_first[LX__N][256];
	/* the compound endings ('*' keys) of each kind: index lists into v */
	unsigned *suffix[LX__N];
	unsigned n_suffix[LX__N];
	/* which folded byte pairs start a cue stem: a cheap test before the candidates are tried;
	 * then which hashed first three folded bytes (ex_cue_triple) start one of three bytes or
	 * more, and which first bytes (folded) start a shorter one */
	unsigned char cue_pair[65536 / 8];
	unsigned char cue_triple[65536 / 8];
	unsigned char cue_short[256 / 8];
	/* by_first[k][b] from short_from[k][b] on: its keys of one byte (the list is longest first) */
	unsigned short_from[LX__N][256];
	/* Candidate lists, each a subsequence of a by_first list in its order: a hash (open addressing,
	 * pair_mask + 1 slots) from ex_lex_slot keys onto ranges of pair_ix. A prefix list holds the
	 * keys of two bytes or more whose first two bytes fold (ex_fold_pair) to the pair, then the
	 * one-byte keys of its first byte; a suffix list the compound endings of two bytes or more
	 * whose last byte folds (ex_fold_after) to the byte. */
	struct ex_lex_range *pair_tab;
	unsigned pair_mask;
	unsigned *pair_ix;
	/* a bit per low 16 bits of a slot key's hash (ex_lex_hash), set when a list has the key: a
	 * clear bit answers a lookup without a probe; and which first bytes of each kind have keys of
	 * one byte */
	unsigned char pair_seen[65536 / 8];
	unsigned char has_short[LX__N][256 / 8];
	/* the compound endings of one byte of each kind: index lists into v */
	unsigned *suffix1[LX__N];
	unsigned n_suffix1[LX__N];
	/* the units written before the number (LXF_BEFORE): index list into v[LX_UNIT], in its order */
	unsigned *unit_before;
	unsigned n_unit_before;
	struct ex_lex_trie trie, rtrie; /* every key; the compound endings, from their last byte */
};

struct ex_lex_range {
	unsigned key; /* ex_lex_slot; EX_LEX_NOSLOT: an empty slot */
	unsigned off, n;
};
#define EX_LEX_NOSLOT 0xFFFFFFFFu

/* Fold an ASCII upper-case byte to lower case. */
static inline unsigned char ex_fold_byte(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Fold byte c that follows byte prev as ex_casecmp_n does: after a 0xC3 lead byte the capital's
 * second byte (Ä Ö Ü …, 0x80..0x9E but ×) to the small letter's, else ASCII. */
static inline unsigned char ex_fold_after(unsigned char prev, unsigned char c)
{
	if (prev == 0xC3)
		return c >= 0x80 && c <= 0x9E && c != 0x97 ? (unsigned char)(c + 0x20) : c;
	return ex_fold_byte(c);
}

/* The first two bytes of a, folded: two strings' pairs are equal exactly when ex_casecmp_n finds
 * their first two bytes the same. */
static inline unsigned ex_fold_pair(const char *a)
{
	unsigned char x = (unsigned char)a[0];
	return (unsigned)ex_fold_byte(x) << 8 | ex_fold_after(x, (unsigned char)a[1]);
}

/* A hash in 16 bits of the first three bytes at p, folded as ex_casecmp_n folds them: two strings
 * the comparison finds the same on three bytes have the same. */
static inline unsigned ex_cue_triple(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;
	unsigned h = ex_fold_byte(u[0]) * 0x9E3779B1u ^ ex_fold_after(u[0], u[1]) * 0x85EBCA6Bu ^
		     ex_fold_after(u[1], u[2]) * 0xC2B2AE35u;

	return (h ^ h >> 16) & 0xFFFF;
}

/* The hash key of a prefix list (suffix 0, pair: ex_fold_pair) or a suffix list (suffix 1, pair:
 * the folded last byte) of kind. */
static inline unsigned ex_lex_slot(int kind, int suffix, unsigned pair)
{
	return (unsigned)kind << 17 | (unsigned)suffix << 16 | pair;
}

static inline unsigned ex_lex_hash(unsigned key)
{
	unsigned h = key * 0x9E3779B1u;
	return h ^ h >> 15;
}

static inline const struct ex_lex_range *ex_lex_range_of(const struct ex_lexicon *lx, unsigned key)
{
	unsigned h = ex_lex_hash(key);

	if (!(lx->pair_seen[(h & 0xFFFF) >> 3] & (1u << (h & 7))))
		return NULL;
	for (;; h++) {
		const struct ex_lex_range *r = &lx->pair_tab[h & lx->pair_mask];
		if (r->key == key)
			return r;
		if (r->key == EX_LEX_NOSLOT)
			return NULL;
	}
}

/* The entries of kind that can match the text at p (avail ≥ 1 bytes readable there) with a
 * comparison as strict as ex_casecmp_n's on their first two bytes: a subsequence of
 * by_first[kind][folded p[0]] in its order (longest first), indices into v. *n: its length. */
static inline const unsigned *ex_lex_candidates(const struct ex_lexicon *lx, int kind, const char *p,
						size_t avail, unsigned *n)
{
	unsigned char b = ex_fold_byte((unsigned char)*p);

	if (avail >= 2) {
		const struct ex_lex_range *r = ex_lex_range_of(lx, ex_lex_slot(kind, 0, ex_fold_pair(p)));
		if (r) {
			*n = r->n;
			return lx->pair_ix + r->off;
		}
	}
	if (!(lx->has_short[kind][b >> 3] & (1u << (b & 7)))) {
		*n = 0;
		return NULL;
	}
	*n = lx->n_first[kind][b] - lx->short_from[kind][b];
	return lx->by_first[kind][b] + lx->short_from[kind][b];
}

/* --- the trie (lextrie.c) --- */

void ex_lex_trie_build(struct ex_lexicon *lx);
void ex_lex_trie_free(struct ex_lex_trie *tr);

/* Byte i of s folded as ex_casecmp_n folds it when it compares from s on: ASCII, and after a
 * 0xC3 lead byte the capital's second byte. Two strings compare equal ignoring case exactly when
 * their folded bytes are equal. */
static inline unsigned char ex_lex_trie_fold(const char *s, size_t i)
{
	return i ? ex_fold_after((unsigned char)s[i - 1], (unsigned char)s[i]) : ex_fold_byte((unsigned char)s[0]);
}

/* The filter bit of a whole word of kind, n bytes (n ≥ 1) at w: of its length and its first and
 * last bytes folded as the trie folds them, so a key that matches the word ignoring case has the
 * word's bit. */
static inline unsigned ex_lex_word_bit(int kind, const char *w, size_t n)
{
	unsigned h = ((unsigned)kind << 8 | (unsigned)(n & 0xFF)) * 0x9E3779B1u ^
		     (unsigned)ex_fold_byte((unsigned char)w[0]) * 0x85EBCA6Bu ^ (unsigned)ex_lex_trie_fold(w, n - 1) * 0xC2B2AE35u;

	return (h ^ h >> 16) & 0xFFFF;
}

/* The child of node by folded byte b, 0 when none. */
static inline unsigned ex_lex_trie_child(const struct ex_lex_trie *tr, unsigned node, unsigned char b)
{
	unsigned kid0 = tr->node[node].kid0, nk = tr->node[node].nkids;
	const unsigned char *kb = tr->kbyte + kid0;

#ifdef __SSE2__
	for (unsigned off = 0; off < nk; off += 16) {
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
			_mm_loadu_si128((const __m128i *)(const void *)(kb + off)), _mm_set1_epi8((char)b)));
		if (nk - off < 16)
			m &= (1u << (nk - off)) - 1;
		if (m)
			return kid0 + off + (unsigned)__builtin_ctz(m);
	}
#else
	for (unsigned j = 0; j < nk; j++)
		if (kb[j] == b)
			return kid0 + j;
#endif
	return 0;
}

/* The nodes of kind's keys that [p, end) begins with, ignoring case as ex_casecmp_n does,
 * shortest first, into nodes[EX_TRIE_MAX] (lx->trie.ok); returns how many. */
static inline unsigned ex_lex_trie_walk(const struct ex_lexicon *lx, int kind, const char *p, const char *end,
					unsigned *nodes)
{
	const struct ex_lex_trie *tr = &lx->trie;
	unsigned node, n = 0;

	if (p >= end)
		return 0;
	node = tr->root[kind][ex_fold_byte((unsigned char)*p)];
	for (size_t i = 1; node; i++) {
		if (tr->node[node].ends)
			nodes[n++] = node;
		if (p + i >= end)
			break;
		node = ex_lex_trie_child(tr, node, ex_fold_after((unsigned char)p[i - 1], (unsigned char)p[i]));
	}
	return n;
}

/* The nodes of kind's compound endings that the word [w, w+n) ends with, ignoring case as
 * ex_ends_with_ci does, shortest first, into nodes[EX_TRIE_MAX] (lx->rtrie.ok); returns how many. */
static inline unsigned ex_lex_rtrie_walk(const struct ex_lexicon *lx, int kind, const char *w, size_t n,
					 unsigned *nodes)
{
	const struct ex_lex_trie *tr = &lx->rtrie;
	unsigned node, c = 0;
	size_t i = n - 1;

	if (!n)
		return 0;
	node = tr->root[kind][i ? ex_fold_after((unsigned char)w[i - 1], (unsigned char)w[i]) : ex_fold_byte((unsigned char)w[0])];
	while (node) {
		if (tr->node[node].ends)
			nodes[c++] = node;
		if (i-- == 0)
			break;
		node = ex_lex_trie_child(tr, node, i ? ex_fold_after((unsigned char)w[i - 1], (unsigned char)w[i])
						     : ex_fold_byte((unsigned char)w[0]));
	}
	return c;
}

/* --- UTF-8 text helpers (text.c) --- */

/* ex_space_at: byte length of a white-space character at p (ASCII or NBSP/thin/narrow spaces), else 0.
 * ex_dash_at: byte length of a dash or hyphen at p (-, U+2010..U+2015, U+2212), else 0.
 * ex_letter_at: byte length of a letter at p (ASCII, Latin-1, Latin Extended; soft hyphen), else 0. */
static inline size_t ex_space_at(const char *p, const char *end)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t n = (size_t)(end - p);

	if (n == 0)
		return 0;
	if (u[0] == ' ' || u[0] == '\t' || u[0] == '\n' || u[0] == '\r' || u[0] == '\f' || u[0] == '\v')
		return 1;
	if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2; /* NO-BREAK SPACE */
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
	    ((u[2] >= 0x80 && u[2] <= 0x8B) || u[2] == 0xAF))
		return 3; /* U+2000..U+200B (thin, hair, figure, ...), U+202F NARROW NBSP */
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F)
		return 3; /* MEDIUM MATHEMATICAL SPACE */
	return 0;
}

static inline size_t ex_dash_at(const char *p, const char *end)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t n = (size_t)(end - p);

	if (n == 0)
		return 0;
	if (u[0] == '-')
		return 1;
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0x90 && u[2] <= 0x95)
		return 3; /* U+2010..U+2015 */
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x88 && u[2] == 0x92)
		return 3; /* U+2212 MINUS */
	return 0;
}

static inline size_t ex_letter_at(const char *p, const char *end)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t n = (size_t)(end - p);

	if (n == 0)
		return 0;
	if ((u[0] >= 'a' && u[0] <= 'z') || (u[0] >= 'A' && u[0] <= 'Z'))
		return 1;
	if (n >= 2 && u[0] == 0xC3 && u[1] >= 0x80 && u[1] <= 0xBF && u[1] != 0x97 && u[1] != 0xB7)
		return 2; /* Latin-1 letters (not × ÷) */
	if (n >= 2 && u[0] >= 0xC4 && u[0] <= 0xC9 && (u[1] & 0xC0) == 0x80)
		return 2; /* Latin Extended-A/B */
	if (n >= 2 && u[0] == 0xC2 && u[1] == 0xAD)
		return 2; /* SOFT HYPHEN counts as part of a word */
	return 0;
}

/* How many of the eight bytes at p (all readable) are ASCII letters, or with digits ASCII letters
 * and digits, before the first that is not: a word's run read eight bytes at a time. */
static inline size_t ex_ascii_run8(const char *p, int digits)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const unsigned long long hi = 0x8080808080808080ULL, each = 0x0101010101010101ULL;
	unsigned long long x, z, y, in;

	memcpy(&x, p, 8);
	/* per byte, with no carry between bytes: z is the byte without its top bit, y folded to
	 * lower case; a top bit of z + c is set when z ≥ 0x80 - c */
	z = x & ~hi;
	y = z | (0x20 * each);
	in = ((y + 0x1F * each) & ~(y + 0x05 * each)) & hi; /* 'a' ≤ y ≤ 'z' */
	if (digits)
		in |= ((z + 0x50 * each) & ~(z + 0x46 * each)) & hi; /* '0' ≤ z ≤ '9' */
	in &= ~x; /* not ASCII: no letter of this run */
	if (in == hi)
		return 8;
	return (size_t)__builtin_ctzll(~in & hi) / 8;
#else
	size_t k = 0;

	while (k < 8 && ((unsigned)(((unsigned char)p[k] | 0x20) - 'a') < 26u ||
			 (digits && (unsigned)((unsigned char)p[k] - '0') < 10u)))
		k++;
	return k;
#endif
}

/* Length of the letter ending just before p (scanning back), or 0; ex_letter_before_mb when
 * the byte before p is not ASCII. */
size_t ex_letter_before_mb(const char *start, const char *p);
static inline size_t ex_letter_before(const char *start, const char *p)
{
	unsigned char c;

	if (p <= start)
		return 0;
	c = (unsigned char)p[-1];
	if (c < 0x80)
		return (unsigned)((c | 0x20) - 'a') < 26u;
	return ex_letter_before_mb(start, p);
}
/* Is the character at p upper-case (A-Z, Ä, Ö, Ü)? */
int ex_upper_at(const char *p, const char *end);
/* Compare a (n bytes) with the NUL-terminated key ignoring case for ASCII and ÄÖÜ. */
int ex_casecmp_n(const char *a, size_t n, const char *key);
/* Does the word [w, w+n) end with key (lower-case), ignoring case? */
int ex_ends_with_ci(const char *w, size_t n, const char *key, size_t klen);
/* Does [w, w+n) contain key (lower-case), ignoring case? */
int ex_contains_ci(const char *w, size_t n, const char *key, size_t klen);
/* The word before p (not before s): skips white space back, returns the word's start, its end in *we
 * (start == *we: no word there). */
const char *ex_word_back(const char *s, const char *p, const char **we);
/* Is [w, w+n) one of the NULL-terminated list's words (exactly, case-sensitive)? */
int ex_word_in(const char *w, size_t n, const char *const *list);
/* Skip spaces (not newlines when stop_nl) from p; returns new p. */
const char *ex_skip_space(const char *p, const char *end);
/* End of the word starting at p: letters, digits, hyphens inside, '.' not included. */
const char *ex_word_end(const char *p, const char *end);
/* "pro Jahr", "im Jahr", "jährlich", "jedes Jahr" at p (after spaces): its bytes from p, else 0 (indicator.c) */
size_t ex_per_year(const char *p, const char *e);
/* The next word in [*p, end) that starts there and not inside a word begun before s: its start,
 * with *p moved to its end; NULL when there is none. */
const char *ex_next_word(const char *s, const char **p, const char *end);

/* --- sentences (sentence.c) --- */

struct ex_span {
	size_t start, end;
	size_t para; /* paragraph number: a line break that ends a sentence starts a new one */
};
/* Split text into sentences (byte spans, trimmed); caller frees *out. */
void ex_sentences(const struct ex_lexicon *lx, const char *text, size_t len, struct ex_span **out,
		  size_t *n);

/* --- quantities (number.c and num_*.c; what only they share is in number_int.h) --- */

enum {
	QF_YEARLIKE = 1,
	QF_WORDS = 2,
	QF_FRACTION = 4,
	QF_MULTIPLE = 8,
	QF_CARRIED = 16,
	QF_DECADE = 32,
	QF_PREV = 64, /* continues the count of the sentence before ("Etwa 6.400 von ihnen …") */
	QF_DECIMALS = 128, /* written with decimals: "1,05" may be 1,0551 cut short */
	QF_SCALED = 256    /* a scale word multiplied it ("Mrd.", "Millionen", a header's "Mio.") */
};

struct ex_qty {
	size_t start, end;     /* the quote: qualifier word .. unit */
	size_t nstart, nend;   /* the number itself (first number of a range) */
	double value, low, high;
	double step;           /* rounding step of the stated digits (scaled) */
	const char *unit;      /* NULL when no unit was written */
	int military;          /* the unit is a troop noun */
	enum kz_qual qual;
	int qflags;            /* LXF_WEAK / LXF_STRONG of the qualifier */
	int flags;             /* QF_* */
	int in_parens;         /* written inside parentheses right after another amount */
	int pct_of_what;       /* unused */
	size_t unit_start, unit_end;
	size_t cell_start, cell_end; /* in a table row: the column's header cell, else 0 0 */
};

/* Find the quantities of one sentence [s, e) of text; prev, when not NULL, is the last figure
 * of the sentence before in the same paragraph (its unit may carry over), prev_money the currency
 * of that sentence's last amount of money (a bare "1,01 Milliarden" takes it), or NULL. */
void ex_scan_sentence(const struct ex_lexicon *lx, const char *text, size_t s, size_t e,
		      const struct ex_qty *prev, const char *prev_money, const struct ex_span *header,
		      struct ex_qty **out, size_t *n, size_t *alloc);

/* Parse a German number word (eins … neunundneunzigtausend…) in [w, w+n); returns 1 and sets *v
 * (num_words.c). */
int ex_numword(const char *w, size_t n, double *v);

/* Lexicon lookups. */
const struct ex_lex_entry *ex_lex_match_after(const struct ex_lexicon *lx, int kind, const char *p,
					      const char *end, size_t *mlen);
const struct ex_lex_entry *ex_lex_word(const struct ex_lexicon *lx, int kind, const char *w, size_t n);
/* Is [w, w+n) the word key, ignoring the case of ASCII letters? */
static inline int lower_word(const char *w, size_t n, const char *key)
{
	return strlen(key) == n && !ex_casecmp_n(w, n, key);
}
/* Copy src into dst of n ≥ 1 bytes, cut to n - 1: what snprintf(dst, n, "%s", src) writes, without
 * the reading of a format (a lexicon value into a claim's field, for every figure). */
static inline void ex_copy(char *dst, size_t n, const char *src)
{
	size_t k = strnlen(src, n - 1);

	memmove(dst, src, k);
	dst[k] = '\0';
}
/* Is u a currency code (ISO 4217: three capitals)? */
static inline int ex_is_currency(const char *u)
{
	return u && strlen(u) == 3 && u[0] >= 'A' && u[0] <= 'Z';
}
/* ex_lex_word, ignoring the case of ASCII letters ("In" at a sentence's start is "in") */
const struct ex_lex_entry *ex_lex_word_ci(const struct ex_lexicon *lx, int kind, const char *w, size_t n);
const struct ex_lex_entry *ex_lex_suffix(const struct ex_lexicon *lx, int kind, const char *w, size_t n);
/* The one country whose money a currency code is (KRW: KR), or NULL (EUR, USD: many countries'). */
const char *ex_currency_country(const struct ex_lexicon *lx, const char *unit);
/* A country's name as a source is written ("Südkorea" for KR): its first 'name' entry, else code. */
const char *ex_country_name(const struct ex_lexicon *lx, const char *code);
/* Does an originator's short name (sourcename's value) carry flag? */
int ex_source_has(const struct ex_lexicon *lx, const char *name, int flag);
/* The longest entry of kind that starts the word at p, case-insensitively: a stem, or with
 * LXF_WORD the whole word; then a compound ending ('*') of the word [p, we). *mlen: bytes
 * matched from p. NULL when none. */
const struct ex_lex_entry *ex_lex_stem(const struct ex_lexicon *lx, int kind, const char *p, const char *we,
				       const char *end, size_t *mlen);

/* --- attribution (attrib.c, mentions.c, indicator.c, who.c, when.c) --- */

struct ex_attr {
	enum kz_ind ind;
	char detail[32];
	char subject[8], partner[8];
	char year[32];
	int share_of_noun; /* a percent of a noun no cue names ("ein Viertel der Aufträge"): a share of other things */
	int world_share;   /* a share of a world total (grammar.tsv whole, flag before): whose it is, the subject */
	int world;         /* the world's money (words.tsv world): no country's, none is lent to it */
	int detail_topic; /* the kind (military aid) is only the article's topic, no word of the figure's sentence */
	int detail_weak; /* the kind of money is named only weakly: by a sentence before, or by a word of any budget (flag generic: Haushalt) */
	int subj_src; /* 0 context, 2 the sentence, 3 the currency */
	int subj_near; /* the subject is named at the figure itself ("US-Soldaten", "50 000 aus Südkorea") */
	int year_target; /* the year came from "bis 2027": when something is to be met */
	int year_compared; /* the year is a compared figure's ("…, nach 7,1 Prozent im Jahr 2020"): its own only */
	int year_then;     /* the year is a look back ("damals waren es …"): it dates no sentence after */
	int year_doc;  /* 1: the year is the document's own, taken for want of one in the text; 2: borrowed
			* from a sentence before or after */
	int year_far;  /* the year is not bound to the figure: the nearest of its clause, bound to another
			* figure, or one of another clause */
	enum kz_status status; /* status.c */
	size_t status_pos;     /* where the word that gave it stands (a demand's, a claim's: who makes it) */
	int status_settled;    /* that word provides for money (LXF_SETTLED): for a year come it is in force */
	int status_budgeted;   /* that word enters money in a budget (LXF_BUDGETED): for a year gone, the budget */
	int status_pledge;     /* that word pledges (LXF_PLEDGE): pledges summed over a run of years are a tally */
	int status_ought;      /* that word obliges (LXF_OUGHT): said by another country, a demand */
	char source[48];       /* originator.c: who the text says the figure comes from */
};

/* Is b written as a conversion of a ("5,07 Billionen Yen (47,0 Milliarden Dollar)")? */
int ex_paired(const char *t, const struct ex_qty *a, const struct ex_qty *b);

/* The tense of the clause read last (attrib.c): [a, b) of sentence si, and of that sentence
 * (2 until read). */
struct ex_tense_memo {
	int have;
	size_t si, a, b;
	int clause, sentence;
};

struct ex_ctx {
	const struct ex_lexicon *lx;
	const struct ex_doc *doc;
	const char *text;
	struct ex_span *sent;
	size_t nsent;
	/* the last claim of each indicator: what a later sentence without names refers to */
	struct ex_attr last[KZ_I__N];
	size_t last_si[KZ_I__N];
	/* the last troops figure with a place: whose troops, where, in which sentence */
	char troops_where_subject[8], troops_where[8];
	size_t troops_where_si;
	int have_troops_where;
	int have_last[KZ_I__N];
	struct ex_attr_cache *cache; /* per-sentence mentions, cues and years (attrib.c) */
	struct ex_word_cache *words; /* the words of the last sentences walked (words.c) */
	/* subjects named so far in the document, with counts: the last resort for a subject */
#define EX_TOPICS 16
	char topic[EX_TOPICS][8];
	int topic_n[EX_TOPICS];
	int ntopic;
	struct ex_sentence_cues *cues; /* sentcues.c's reading of the current sentence */
	char last_source[48];          /* the first originator the last sentence read cited */
	char aid_to[8];                /* the recipient of the document's last aid figure */
	char mission[8];               /* where the document's last deployment noun put troops (mission.c) */
	size_t mission_upto;           /* the sentences before it have been read for one */
	char aid_topic[8];             /* frames.c: whom the document's aid is for, as a noun of aid names it */
	size_t aid_upto;               /* the sentences before it have been read for one */
	char deal_seller[8], deal_buyer[8]; /* purchase.c: the document's arms deal, "" until one is read */
	size_t deal_upto;              /* the lead's sentences before it have been read for one */
	char budget_year[32];          /* when.c: the year of the budget the document's lead names, "" if none */
	char budget_who[8];            /* when.c: the country that lead sentence names first, "" if none */
	char plan_year[32], plan_who[8]; /* attrib.c: the year and country of the last planned budget
					  * dated in the document, "" if none */
	size_t budget_upto;            /* the sentences before it have been read for one */
	/* the figure attributed last (a restatement takes its kind) and the last share in percent
	 * (a later percent no cue explains is of the same kind, "Spanien liegt bei 1,01") */
	struct ex_attr prev;
	size_t prev_si, prev_end;
	size_t nato_at;      /* the first "Nato" or "NATO" of the text, (size_t)-1 if none (attrib.c) */
	const char *local_dollar; /* the one country's dollar the text names (units.tsv local), or NULL */
	char dated_year[32]; /* the last reported figure dated in its own sentence, and where (when.c) */
	size_t dated_si;
	int have_dated;
	int have_prev;
	struct ex_attr share;
	size_t share_si;
	int have_share;
	const struct ex_qty *cur; /* the figures of the sentence being attributed */
	size_t ncur;
	char giver[4][8], receiver[4][8]; /* frames.c: per family, the first giver, the first receiver */
	struct ex_attr money; /* the last budget figure a cue named: what later money is of */
	size_t money_si;
	int have_money;
	size_t last_source_si;
	struct ex_sentence_cues *cues_before; /* sentcues.c: a sentence before read for its originator only */
	int reading_before;                   /* (while it is read: no further sentence back) */
	struct ex_tense_memo tense;
};

/* --- the words of a sentence (words.c) --- */

/* The words of [s, e) of the text, in order: what ex_next_word finds from s on, each from the
 * end of the one before (start: a letter not preceded by one; end: ex_word_end). */
struct ex_word {
	uint32_t start, end; /* offsets into the text */
};
struct ex_words {
	int used;
	size_t s, e;
	size_t n, alloc;
	struct ex_word *w;
};
#define EX_WORD_SLOTS 4
struct ex_word_cache *ex_word_cache_new(void);
void ex_word_cache_free(struct ex_word_cache *wc);
/* The words of [s, e), found on first use; kept in c->words until EX_WORD_SLOTS other ranges have
 * been asked for, so a caller reads them before it asks for another range's. */
const struct ex_words *ex_words_of(const struct ex_ctx *c, size_t s, size_t e);
/* Does sentence si hold a word of lexicon kind k — the whole word, case ignored, or (suffix) a word
 * ending in one of its '*' keys? */
int ex_sentence_has(const struct ex_ctx *c, size_t si, int k, int suffix);

/* --- status and source (sentcues.c reads a sentence, status.c decides) --- */

/* What one sentence says of status and source, read once for all its figures. */
#define EX_MAX_CLAUSES 64
#define EX_MAX_CUES 32
struct ex_status_cue {
	size_t pos;
	int status;  /* enum kz_status */
	int governs; /* a verb reaching into its dependent clauses */
	int opens;   /* it opens its clause (", forderte Trump") */
	int hearsay; /* a modal that a perfect infinitive makes hearsay ("soll … geschickt haben") */
	int aside;   /* in a clause opened by "so" or "wie": it reaches the clauses before */
	int noun;    /* a noun (Ziel, Obergrenze): it reaches the figures of its own phrase */
	int settled; /* LXF_SETTLED */
	int budgeted; /* LXF_BUDGETED */
	int estimate; /* LXF_ESTIMATE */
	int pledge;   /* LXF_PLEDGE */
	int option;   /* LXF_OPTION */
	int ought;    /* LXF_OUGHT */
	int voice;    /* LXF_VOICE */
};
struct ex_cite {
	size_t pos;
	size_t from, to; /* the phrase naming the originator ("nach Angaben der Allianz", "Nato-Angaben zufolge") */
	char name[48]; /* the originator's short name, code or words as written */
	int self;      /* "nach eigenen Angaben": the figure's subject is its originator; 2: a government
			* named without its country ("des Verteidigungsministeriums", its noun in name) */
	int titled;    /* a person the lexicon lacks, by office and name ("Premierminister Rishi Sunak sagte"):
			* the originator of its own statement only, not across a semicolon */
};
struct ex_sentence_cues {
	int valid;
	size_t si;
	size_t clause[EX_MAX_CLAUSES]; /* byte offsets where clauses start */
	unsigned char main_clause[EX_MAX_CLAUSES]; /* a finite verb of its own, no subordinator */
	unsigned char relative[EX_MAX_CLAUSES];    /* a relative clause: ", das … eingeplant hat," */
	unsigned char speech[EX_MAX_CLAUSES];      /* reported speech: a subjunctive and no subordinator */
	size_t nclause;
	struct ex_status_cue cue[EX_MAX_CUES];
	size_t ncue;
	struct ex_cite cite[EX_MAX_CUES];
	size_t ncite;
};
void ex_sentence_cues(struct ex_ctx *c, size_t si, struct ex_sentence_cues *sc);
/* Set a->status (after a->ind is known) and a->source for the figure q of sentence si. */
void ex_status(struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_sentence_cues *sc,
	       struct ex_attr *a);
void ex_source(struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_sentence_cues *sc,
	       struct ex_attr *a);
/* Which clause of sc holds byte offset pos (status.c). */
size_t ex_clause_of(const struct ex_sentence_cues *sc, size_t pos);
/* Originators (originator.c), each writing the short name or the words as written to name:
 * the one named at p (bytes matched, 0 when none; country_ok: a country's capital, genitive or,
 * when 2, its name counts); the one after a cite word ending at p, within its noun phrase
 * (as_written: capitalised words the lexicon lacks count); the one in the few words before p. */
size_t ex_originator_at(const struct ex_lexicon *lx, const char *p, const char *end, int country_ok, char *name,
			size_t n);
int ex_originator_after(const struct ex_lexicon *lx, const char *p, const char *end, int as_written, int countries,
			char *name, size_t n);
int ex_originator_before(const struct ex_lexicon *lx, const char *s, const char *p, const char *end, int countries,
			 char *name, size_t n);
/* A word that may stand inside a noun phrase before a name (an article, "von", an adjective). */
int ex_phrase_word(const char *w, size_t n);
/* A name ending in an acronym after other words ("Polnischen Wirtschaftsinstituts PIE") goes by it. */
void ex_prefer_acronym(char *name);

/* People and expert groups (persons.c): a person by office and name before or after a reporting
 * verb at p; experts of an organisation before it; the start of the family name whose last word
 * starts at w, with its particles back to from ("von der Leyen"); an office word (status.tsv title). */
int ex_titled_name(const struct ex_lexicon *lx, const char *s, const char *p, const char *end, int after, char *name,
		   size_t n);
int ex_experts_name(const struct ex_lexicon *lx, const char *s, const char *p, char *name, size_t n);
const char *ex_family_name(const char *from, const char *w);
int ex_title_word(const struct ex_lexicon *lx, const char *w, const char *we);
/* "behauptete er", "verlangte der US-Präsident", "Er sagte": a speaker by pronoun or role right
 * after the word [w, we) of sentence si, or right before it, stands for the person the text named
 * last (its originator's name). 1 with name set, else 0. */
int ex_speaker_near(const struct ex_ctx *c, size_t si, const char *w, const char *we, char *name, size_t n);

struct ex_attr_cache *ex_attr_cache_new(void);
/* Seed the topic tally from a news dateline ("Berlin (dpa) -"). */
void ex_seed_topic(struct ex_ctx *c);
void ex_attr_cache_free(struct ex_attr_cache *c);

/* A figure in a currency word several countries use ("Kronen", data/units.tsv shared) takes the
 * money of the country its sentence, or the sentences before, speak of (currency.c). */
void ex_shared_currency(struct ex_ctx *c, size_t si, struct ex_qty *q, size_t nq);
/* A plan of money or a share of GDP without a year of its own takes the year of the budget the
 * document's lead names (when.c). */
void ex_budget_year(struct ex_ctx *c, struct ex_attr *a, int present);
int ex_partitive_total(const struct ex_ctx *c, size_t si, const struct ex_qty *q);
/* Is q a current value whatever its clause plans ("von derzeit rund 34.500", "nach 62,4 Milliarden
 * im laufenden Jahr", the whole a figure before is a part of: status.c)? */
int ex_current_value(const struct ex_ctx *c, size_t si, const struct ex_qty *q);
void ex_attribute(struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct ex_qty *all,
		  size_t nq, struct ex_attr *a);

#endif
