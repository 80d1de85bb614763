/* lexicon_int.h: the lexicon of extract — its kinds, entries, trie and lookups (lexicon.c,
 * lextrie.c, lexlookup.c); extract_int.h includes it for the rest of the module. */
#ifndef EX_LEXICON_INT_H
#define EX_LEXICON_INT_H

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
	double num;        /* scale: multiplier; period, fiscal: a month's number (0: none) */
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

#endif
