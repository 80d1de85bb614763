/* load_text.c: the plain-text loader, and the decoding of bytes into UTF-8 text that the HTML loader shares. */
#include "load_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/*
 * How a text file becomes a document's text (ex_load_text):
 *  1. The file is read whole, at most EX_LOAD_MAX bytes. A file of nothing but a byte-order
 *     mark and white space is an empty file.
 *  2. The common case first: valid UTF-8 with no byte-order mark, no CR, no control character
 *     but tab, line feed and form feed and nothing the clean-up changes (clean_utf8) is the
 *     text as it stands, not copied.
 *  3. Else ex_text_decode: UTF-16 with a byte-order mark is decoded (surrogate pairs joined, a
 *     lone surrogate U+FFFD, a NUL a binary file); a UTF-8 byte-order mark is dropped; UTF-8 is
 *     checked eight ASCII bytes at a time, and a NUL byte, or more than one control byte in ten
 *     of a text over 64 bytes, makes a binary file; text that is not valid UTF-8 is read as
 *     Windows-1252 and flagged for a warning.
 *  4. Decoded text is cleaned as every loader cleans it (ex_text_clean, load_common.c): line
 *     ends to LF, soft hyphens and zero-width characters dropped, ligatures spelt out.
 * Memory: the file and, when it must be decoded, its text beside it.
 */

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t k, i;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		k = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		k = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		k = 4;
	else
		return 0;
	if (n < k)
		return 0;
	for (i = 1; i < k; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if (c == 0xE0 && s[1] < 0xA0)
		return 0;
	if (c == 0xED && s[1] >= 0xA0)
		return 0; /* surrogates */
	if (c == 0xF0 && s[1] < 0x90)
		return 0;
	if (c == 0xF4 && s[1] >= 0x90)
		return 0;
	return k;
}

/* Windows-1252 0x80..0x9F. */
static const unsigned short cp1252[32] = {
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
	0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
	0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

/* The buffer's text cleaned (line ends, soft hyphens, ligatures: see ex_text_clean); b is released. */
static char *clean_detach(struct kz_buf *b, size_t *outlen)
{
	char *t = ex_text_clean(b->s ? b->s : "", b->len, outlen);
	kz_buf_release(b);
	return t;
}

char *ex_text_decode(const char *raw, size_t len, const char *path, size_t *outlen, int *cp1252_used,
		     struct kz_err *err)
{
	const unsigned char *s = (const unsigned char *)raw;
	struct kz_buf b;
	size_t i, nonprint = 0;
	int valid = 1;

	*cp1252_used = 0;
	kz_buf_init(&b, 0);
	if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
		int le = s[0] == 0xFF;
		for (i = 2; i + 1 < len; i += 2) {
			unsigned u = le ? (unsigned)(s[i] | s[i + 1] << 8) : (unsigned)(s[i] << 8 | s[i + 1]);
			if (u >= 0xD800 && u <= 0xDBFF && i + 3 < len) {
				unsigned v = le ? (unsigned)(s[i + 2] | s[i + 3] << 8)
						: (unsigned)(s[i + 2] << 8 | s[i + 3]);
				if (v >= 0xDC00 && v <= 0xDFFF) {
					u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
					i += 2;
				} else {
					u = 0xFFFD;
				}
			} else if (u >= 0xD800 && u <= 0xDFFF) {
				u = 0xFFFD;
			}
			if (u == 0) {
				kz_buf_release(&b);
				kz_err_set(err, KZ_EINPUT, path, 0, "binary file (NUL character in UTF-16 text)");
				return NULL;
			}
			ex_put_utf8(&b, u);
		}
		return clean_detach(&b, outlen);
	}
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		s += 3;
		len -= 3;
	}
	for (i = 0; i < len;) {
		size_t k;
		/* eight bytes of printable ASCII at a time: the common case */
		while (i + 8 <= len) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if ((w | (w - 0x2020202020202020ULL)) & 0x8080808080808080ULL)
				break; /* a byte >= 0x80 or < 0x20 */
			i += 8;
		}
		if (i >= len)
			break;
		if (s[i] >= 0x20 && s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] == 0) {
			kz_err_set(err, KZ_EINPUT, path, 0, "binary file (NUL byte at offset %zu)", i);
			kz_buf_release(&b);
			return NULL;
		}
		if (s[i] < 0x20 && s[i] != '\n' && s[i] != '\r' && s[i] != '\t' && s[i] != '\f')
			nonprint++;
		k = utf8_len(s + i, len - i);
		if (!k) {
			valid = 0;
			break;
		}
		i += k;
	}
	if (len > 64 && nonprint * 10 > len) {
		kz_err_set(err, KZ_EINPUT, path, 0, "binary file (%zu control bytes)", nonprint);
		return NULL;
	}
	if (valid)
		return ex_text_clean((const char *)s, len, outlen);
	*cp1252_used = 1;
	for (i = 0; i < len; i++) {
		if (s[i] == 0) {
			kz_err_set(err, KZ_EINPUT, path, 0, "binary file (NUL byte at offset %zu)", i);
			kz_buf_release(&b);
			return NULL;
		}
		if (s[i] < 0x80)
			kz_buf_addc(&b, s[i]);
		else if (s[i] < 0xA0)
			ex_put_utf8(&b, cp1252[s[i] - 0x80]);
		else
			ex_put_utf8(&b, s[i]);
	}
	return clean_detach(&b, outlen);
}

static int clean_utf8(const char *raw, size_t len);

/* Nothing but a UTF-8 byte-order mark and white space (or nothing at all): an empty file. */
static int blank_text(const char *s, size_t n)
{
	size_t i = n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;

	for (; i < n; i++)
		if (!strchr(" \t\r\n\f\v", s[i]) || !s[i])
			return 0;
	return 1;
}

int ex_load_text_bytes(struct ex_doc *d, const char *path, char *raw, size_t len, struct kz_err *err)
{
	if (blank_text(raw, len)) {
		free(raw);
		return kz_err_set(err, KZ_EINPUT, path, 0, "empty file");
	}
	if (clean_utf8(raw, len)) {
		/* the common case: nothing to decode or clean, the text is the file */
		d->text = raw;
		d->len = len;
		return 0;
	}
	d->text = ex_text_decode(raw, len, path, &d->len, &d->warned_cp1252, err);
	free(raw);
	return d->text ? 0 : KZ_EINPUT;
}

int ex_load_text(struct ex_doc *d, const char *path, struct kz_err *err)
{
	char *raw;
	size_t len;
	int rc;

	rc = kz_read_file(path, EX_LOAD_MAX, &raw, &len, err);
	if (rc)
		return rc;
	return ex_load_text_bytes(d, path, raw, len, err);
}

/* From i on, past the bytes that are printable ASCII (' ' … '~'): sixteen at a time where SSE2
 * is (as signed bytes none below ' ', which takes in every byte of 0x80 and more, and none 0x7F),
 * then eight (a test that may stop early); returns where it stopped. */
static size_t skip_plain(const unsigned char *s, size_t i, size_t len)
{
#ifdef __SSE2__
	const __m128i lo = _mm_set1_epi8(' '), del = _mm_set1_epi8(0x7F);

	for (; i + 16 <= len; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi8(x, lo), _mm_cmpeq_epi8(x, del)));
		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	while (i + 8 <= len) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if ((w | (w - 0x2020202020202020ULL)) & 0x8080808080808080ULL)
			break;
		i += 8;
	}
	return i;
}

/*
 * Is s valid UTF-8 that ex_text_decode would return unchanged: no byte-order mark, no CR,
 * no control characters but tab, line feed and form feed, none of the characters the clean-up
 * removes or replaces (soft hyphen, zero-width characters, ligatures)?
 */
static int clean_utf8(const char *raw, size_t len)
{
	const unsigned char *s = (const unsigned char *)raw;
	size_t i = 0, k;

	while (i < len) {
		i = skip_plain(s, i, len);
		if (i >= len)
			break;
		if (s[i] < 0x80) {
			if ((s[i] < 0x20 && s[i] != '\n' && s[i] != '\t' && s[i] != '\f') || s[i] == 0x7F)
				return 0;
			i++;
			continue;
		}
		k = utf8_len(s + i, len - i);
		if (!k)
			return 0;
		if (s[i] == 0xC2 && s[i + 1] == 0xAD)
			return 0; /* soft hyphen */
		if (s[i] == 0xE2 && ((s[i + 1] == 0x80 && s[i + 2] >= 0x8B && s[i + 2] <= 0x8D) ||
				     (s[i + 1] == 0x81 && s[i + 2] == 0xA0)))
			return 0; /* zero-width characters, word joiner */
		if (s[i] == 0xEF && ((s[i + 1] == 0xBB && s[i + 2] == 0xBF) || (s[i + 1] == 0xAC && s[i + 2] <= 0x86)))
			return 0; /* byte-order mark, ligatures */
		i += k;
	}
	return 1;
}
