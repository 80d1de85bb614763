/* load_int.h: helpers the document loaders share (never included from outside extract/). */
#ifndef EX_LOAD_INT_H
#define EX_LOAD_INT_H

#include "extract.h"

/*
 * Who gives what: load_common.c the UTF-8 output, the clean-up and metadata values;
 * dateline.c the document date and its form; load_text.c the decoding of bytes
 * (ex_text_decode, in extract.h). doc.c chooses among the loaders and needs none of this.
 */

/* A single document may hold at most this much text (a larger one is refused, not truncated). */
#define EX_LOAD_MAX (512u * 1024 * 1024)

/* Append code point cp to b as UTF-8 (cp must be a scalar value). */
void ex_put_utf8(struct kz_buf *b, unsigned cp);

/*
 * Decode the UTF-8 character at s (n > 0 bytes available) into *cp and return
 * its length; an invalid byte yields U+FFFD and length 1.
 */
size_t ex_utf8_get(const char *s, size_t n, unsigned *cp);

/*
 * Append cp to b the way every loader cleans text: SOFT HYPHEN, zero-width
 * spaces and joiners and a BOM inside the text are dropped; the Latin
 * ligatures U+FB00..U+FB06 (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) become their letters; C0 controls
 * other than tab, newline and form feed become a space. NO-BREAK SPACE and the
 * narrow spaces stay: the number grammar reads them as digit grouping.
 * Returns what kz_buf_add returns (-1 when b's maximum is reached).
 */
int ex_put_clean(struct kz_buf *b, unsigned cp);

/*
 * Clean decoded UTF-8 text s (n bytes) as every loader does: CRLF and a lone
 * CR become LF, then each character goes through ex_put_clean. Returns a new
 * NUL-terminated string (caller frees) and its length in *outlen.
 */
char *ex_text_clean(const char *s, size_t n, size_t *outlen);

/*
 * Take a date from a metadata value: ISO 8601 ("2024-02-26T10:00:00+01:00",
 * "2024-02", "2024"), a PDF date ("D:20240226103000Z"), or the dateline forms
 * ("26.02.2024", "31. Januar 2025", "February 26, 2024"). On success sets
 * m->date (YYYY, YYYY-MM or YYYY-MM-DD), m->year and m->src = EX_META_FILE and
 * returns 1; else leaves m alone and returns 0.
 */
int ex_meta_date_from(struct ex_meta *m, const char *s);
/* Set the document's date (YYYY, YYYY-MM or YYYY-MM-DD) and year, saying where they came from (dateline.c). */
void ex_meta_set_date(struct ex_meta *m, int y, int mo, int da, int src);
/* Is d a date in that form: YYYY, YYYY-MM (month 1..12) or YYYY-MM-DD (day 1..31)? (dateline.c) */
int ex_date_valid(const char *d);

/* Replace *slot (freed) with a copy of s, white space collapsed and trimmed; a blank s leaves *slot alone. */
void ex_meta_set_str(char **slot, const char *s);

#endif
