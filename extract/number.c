/* number.c: the German number grammar's pass over a sentence — digits and number words to their scanners, then carried units. */
#include "number_int.h"

/*
 * How the quantities of a sentence are found (ex_scan_sentence):
 *  1. One pass over the sentence's bytes. A digit goes to ex_num_scan_digits (num_digits.c); a
 *     word whose first two letters may begin a number word, fraction or multiple goes to
 *     ex_num_scan_word (num_words.c); any other word is skipped at once, letter run by letter
 *     run. Each scanner returns where the pass goes on (the pass moves one byte at least).
 *  2. The scanners read a number and its scale, then ex_num_finish (num_units.c) adds the unit
 *     before or after it, the qualifier and the interval, and appends the quantity.
 *  3. When the sentence is done, ex_num_carry_units (num_carry.c) gives bare numbers the unit
 *     of their table column, a neighbouring figure, a noun before them or the sentence before,
 *     and drops the numbers left without one.
 * The pass's state is struct ex_scan (number_int.h). Linear in the sentence's bytes and figures;
 * memory: the quantity list, owned by the caller and reused from sentence to sentence.
 */

void ex_scan_sentence(const struct ex_lexicon *lx, const char *text, size_t s, size_t e,
		      const struct ex_qty *prev, const char *prev_money, const struct ex_span *header,
		      struct ex_qty **out, size_t *n, size_t *alloc)
{
	struct ex_qual_memo qual = {NULL, NULL, NULL};
	struct ex_scan sc = {prev ? prev->unit : NULL, prev ? prev->military : 0, prev_money, header, lx, text,
			     text + s, text + e, out, n, alloc, text + s, 0, &qual};
	const char *p = sc.s;
	size_t first = *n;

	while (p < sc.e) {
		unsigned char c = (unsigned char)*p;
		if (c >= '0' && c <= '9') {
			const char *r = ex_num_scan_digits(&sc, p);
			p = r > p ? r : p + 1;
		} else if (ex_letter_at(p, sc.e)) {
			if (sc.e - p >= 3 && ex_num_maybe_word(p)) {
				const char *we = ex_word_end(p, sc.e);
				const char *r = we - p >= 3 ? ex_num_scan_word(&sc, p, we) : we;
				p = r > p ? r : we;
			} else {
				/* not a number word: skip its letters quickly */
				p++;
				while (p < sc.e) {
					unsigned char b;
					if (sc.e - p >= 8) {
						size_t r = ex_ascii_run8(p, 0);
						p += r;
						if (r == 8)
							continue;
					}
					b = (unsigned char)*p;
					if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')
						p++;
					else if (b >= 0xC3 && b <= 0xC9 && p + 1 < sc.e)
						p += 2;
					else
						break;
				}
			}
		} else if (c == ' ' && sc.e - p >= 9 && !memcmp(p + 1, "        ", 8)) {
			/* indentation: eight spaces at a time (text from a PDF carries dozens a line) */
			p++;
			while (sc.e - p >= 8 && !memcmp(p, "        ", 8))
				p += 8;
		} else {
			p++;
		}
	}
	ex_num_carry_units(&sc, first);
}
