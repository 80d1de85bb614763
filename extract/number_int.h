/* number_int.h: what the files of the number grammar share — the scan of one sentence and its scanners. */
#ifndef EX_NUMBER_INT_H
#define EX_NUMBER_INT_H

#include "extract_int.h"

/*
 * The number grammar in five files, each for one concept; each calls only those below it:
 *   number.c      the pass over a sentence (ex_scan_sentence), handing digits and words on
 *   num_digits.c  figures in digits: grouping, decimal comma, ranges, digits that are no figure
 *   num_words.c   figures in words: number words, fractions, multiples
 *   num_carry.c   units carried to bare numbers: table headers, neighbours, the sentence before
 *   num_units.c   the words around a number: its scale, its unit before or after it, its
 *                 qualifier, and the interval they imply
 * The scanners take the sentence's state, read from a cursor inside [s, e) and never beyond it,
 * append what they read to *out and return where the pass goes on.
 */

/* The state of one pass over a sentence [s, e) of t. */
struct ex_scan {
	const char *prev_unit; /* the unit of the last figure of the sentence before (same paragraph) */
	int prev_military;
	const char *prev_money; /* the currency of the last amount of money of the sentence before (same paragraph) */
	const struct ex_span *header; /* a table row's header row, or NULL */
	const struct ex_lexicon *lx;
	const char *t;  /* whole text */
	const char *s, *e; /* sentence bounds */
	struct ex_qty **out;
	size_t *n, *alloc;
	const char *col_at; /* header_unit: the '|' before col_at are counted, */
	int col;            /* col of them */
	struct ex_qual_memo *qual; /* ex_num_qual_before's last answer (a number's qualifier is asked
				    * for up to three times: a year's test, the range, the finish) */
};
/* The qualifier before one position of the sentence: at (NULL: none asked yet), its entry, its start. */
struct ex_qual_memo {
	const char *at;
	const struct ex_lex_entry *e;
	const char *qs;
};

/* --- the scan's own steps (every file; inline, as they run for most numbers) --- */

/* The word ending before p, white space skipped back and a word's trailing dots ("S.", "Nr.")
 * taken with it, never before the sentence: its start, with its end in *wend; NULL when no word
 * ends there. */
static inline const char *ex_num_word_before(const struct ex_scan *sc, const char *p, const char **wend)
{
	const char *q = p, *w;
	size_t k;

	/* skip spaces backwards */
	while (q > sc->s) {
		if (ex_space_at(q - 1, sc->e) == 1)
			q--;
		else if (q - sc->s >= 2 && ex_space_at(q - 2, sc->e) == 2)
			q -= 2;
		else if (q - sc->s >= 3 && ex_space_at(q - 3, sc->e) == 3)
			q -= 3;
		else
			break;
	}
	*wend = q;
	w = q;
	while (w > sc->s && w[-1] == '.')
		w--; /* "S." "Nr." */
	while ((k = ex_letter_before(sc->s, w)) != 0)
		w -= k;
	if (w == q)
		return NULL;
	return w;
}

/* Append a copy of q to the sentence's quantities. */
static inline void ex_num_push(struct ex_scan *sc, const struct ex_qty *q)
{
	KZ_GROW(*sc->out, *sc->alloc, *sc->n + 1);
	(*sc->out)[(*sc->n)++] = *q;
}

/* --- figures in digits (num_digits.c) --- */

/* Digits at p: appends the figure they begin, if any; returns where scanning resumes. */
const char *ex_num_scan_digits(struct ex_scan *sc, const char *p);

/* --- figures in words (num_words.c) --- */

/* Could a number word, fraction or multiple start at p (two bytes readable)? A cheap filter in
 * front of ex_num_scan_word, inline: it is asked at every word. The pairs, either case: ei el, zw ze,
 * dr, vi ve, fü fu hä hu (0xC3: ä ü), se si, ac an, ne, ta. ex_num_first[b]: the second bytes
 * (bits by ex_num_second) that may follow a first byte b. */
extern const unsigned short ex_num_first[256];
extern const unsigned char ex_num_second[256];
static inline int ex_num_maybe_word(const char *p)
{
	return (ex_num_first[(unsigned char)p[0]] >> ex_num_second[(unsigned char)p[1]]) & 1;
}

/* Number words, fractions and multiples at the word [w, we): appends the figure, if any; returns
 * where scanning resumes. */
const char *ex_num_scan_word(struct ex_scan *sc, const char *w, const char *we);
/* Does the word [w, w+n) end in a multiple's ending ("-fache", "fach", …)? Sets *stem to the
 * length before it. */
int ex_num_fache_suffix(const char *w, size_t n, size_t *stem);

/* --- carried units (num_carry.c) --- */

/* Give the unit-less quantities from first on a unit carried from elsewhere, and drop those that
 * get none (and scaled percentages) from the list. */
void ex_num_carry_units(struct ex_scan *sc, size_t first);

/* --- scales, units, qualifiers, intervals (num_units.c) --- */

/* A scale word at *pp (after optional spaces): its multiplier, with *pp moved past it; 1 and *pp
 * untouched when there is none. */
double ex_num_scale_at(const struct ex_scan *sc, const char **pp);
/* The unit after p (up to two adjectives between): its entry, its quote [*us, *ue); or NULL. */
/* The noun an extended attribute after a number leads to ("40 in der Region gelegenen Depots"): its
 * start, its end in *ne; NULL when no attribute stands at p. */
const char *ex_num_attribute_noun(const struct ex_scan *sc, const char *p, const char **ne);
const struct ex_lex_entry *ex_num_unit_after(const struct ex_scan *sc, const char *p, const char **us,
					     const char **ue);
/* A currency written before the number at p ("$ 5", "EUR 3"): its entry and start *us; or NULL. */
const struct ex_lex_entry *ex_num_unit_before(const struct ex_scan *sc, const char *p, const char **us);
/* The qualifier phrase ending right before p ("etwa", "mehr als"), unless a verb governs it: its
 * entry and start *qs; or NULL. */
const struct ex_lex_entry *ex_num_qual_before(const struct ex_scan *sc, const char *p, const char **qs);
/* A qualifier right before at (not "zwischen") sets q's qualifier and moves its quote's start
 * there. Returns whether there was one. */
int ex_num_take_qual(const struct ex_scan *sc, struct ex_qty *q, const char *at);
/* Set q->low and q->high from its value, rounding step and qualifier (not for ranges). */
void ex_num_interval(struct ex_qty *q);
/* Is q a percentage (or points) that a scale word multiplied? Such a quantity is no figure. */
int ex_num_scaled_percent(const struct ex_qty *q);
/* Finish a quantity whose number(s) are read and end at after: scale, unit, qualifier, interval;
 * appends it when it is a figure. Returns where scanning resumes. */
const char *ex_num_finish(struct ex_scan *sc, struct ex_qty *q, const char *after, double scale,
			  int words);

#endif
