/* extract_int.h: internals shared by the extract module's files (never included from outside). */
#ifndef EX_EXTRACT_INT_H
#define EX_EXTRACT_INT_H

#include "extract.h"

#include "lexicon_int.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

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
int ex_clause_has_stem(const struct ex_ctx *c, const struct ex_sentence_cues *sc, size_t k, int kind);
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
