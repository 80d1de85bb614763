/* text.c: small UTF-8 scanners — spaces, dashes, letters and case-insensitive comparisons. */
#include "extract_int.h"

#include <stdint.h>
#include <string.h>

size_t ex_letter_before_mb(const char *start, const char *p)
{
	const char *q = p;
	int k;

	if (p <= start)
		return 0;
	if (((unsigned char)p[-1] & 0x80) == 0)
		return ex_letter_at(p - 1, p);
	/* back up over continuation bytes to the lead byte */
	for (k = 0; k < 4 && q > start && ((unsigned char)q[-1] & 0xC0) == 0x80; k++)
		q--;
	if (q > start)
		q--;
	return ex_letter_at(q, p) == (size_t)(p - q) ? (size_t)(p - q) : 0;
}

int ex_upper_at(const char *p, const char *end)
{
	const unsigned char *u = (const unsigned char *)p;

	if (p >= end)
		return 0;
	if (u[0] >= 'A' && u[0] <= 'Z')
		return 1;
	return end - p >= 2 && u[0] == 0xC3 && u[1] >= 0x80 && u[1] <= 0x9E && u[1] != 0x97;
}

/* Byte-wise comparison folding ASCII and the Latin-1 capitals (Ä Ö Ü …, lead byte 0xC3). */
int ex_casecmp_n(const char *a, size_t n, const char *key)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)key;
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = x[i], d = y[i];
		if (!d)
			return 1;
		if (c == d)
			continue;
		if (i > 0 && x[i - 1] == 0xC3 && y[i - 1] == 0xC3) {
			if (c >= 0x80 && c <= 0x9E && c != 0x97)
				c = (unsigned char)(c + 0x20);
			if (d >= 0x80 && d <= 0x9E && d != 0x97)
				d = (unsigned char)(d + 0x20);
		} else {
			if (c >= 'A' && c <= 'Z')
				c = (unsigned char)(c + 32);
			if (d >= 'A' && d <= 'Z')
				d = (unsigned char)(d + 32);
		}
		if (c != d)
			return 1;
	}
	return y[n] != 0;
}

int ex_ends_with_ci(const char *w, size_t n, const char *key, size_t klen)
{
	if (n < klen)
		return 0;
	return !ex_casecmp_n(w + n - klen, klen, key);
}

int ex_contains_ci(const char *w, size_t n, const char *key, size_t klen)
{
	unsigned char first = (unsigned char)key[0];

	if (n < klen)
		return 0;
	for (size_t i = 0; i + klen <= n; i++) {
		unsigned char c = (unsigned char)w[i];
		if (c != first && !(c >= 'A' && c <= 'Z' && c + 32 == first) &&
		    !(c == 0xC3 && first == 0xC3))
			continue;
		if (!ex_casecmp_n(w + i, klen, key))
			return 1;
	}
	return 0;
}

const char *ex_skip_space(const char *p, const char *end)
{
	size_t k;

	/* eight spaces at a time first: indentation runs long in text from a PDF */
	for (uint64_t w; end - p >= 8; p += 8) {
		memcpy(&w, p, 8);
		if (w != 0x2020202020202020ULL)
			break;
	}
	while (p < end && (k = ex_space_at(p, end)) != 0)
		p += k;
	return p;
}

const char *ex_word_end(const char *p, const char *end)
{
	for (;;) {
		size_t k;
		/* the most of a word first: ASCII letters and digits, eight bytes at a time, then a
		 * byte each */
		while (end - p >= 8) {
			size_t r = ex_ascii_run8(p, 1);
			p += r;
			if (r < 8)
				break;
		}
		while (p < end && ((unsigned)(((unsigned char)*p | 0x20) - 'a') < 26u ||
				   (unsigned)((unsigned char)*p - '0') < 10u))
			p++;
		/* the usual end: a space or a sign of ASCII, which neither continues a word nor, but
		 * the hyphen, joins one */
		if (p >= end || ((unsigned char)*p < 0x80 && *p != '-'))
			return p;
		k = ex_letter_at(p, end);
		if (k) {
			p += k;
			continue;
		}
		if (p < end && *p >= '0' && *p <= '9') {
			p++;
			continue;
		}
		k = ex_dash_at(p, end);
		if (k && p + k < end && (ex_letter_at(p + k, end) || (p[k] >= '0' && p[k] <= '9')) &&
		    (k == 1 || (unsigned char)p[2] == 0x91)) {
			p += k;
			continue;
		}
		if (k == 3 && p + k < end && ex_letter_at(p + k, end) &&
		    (unsigned char)p[2] == 0x91) { /* U+2011 non-breaking hyphen inside a word */
			p += k;
			continue;
		}
		return p;
	}
}

int ex_word_in(const char *w, size_t n, const char *const *list)
{
	for (; *list; list++) {
		if (n && **list != *w)
			continue; /* the first byte first: most words of the list fail there */
		if (strlen(*list) == n && !memcmp(*list, w, n))
			return 1;
	}
	return 0;
}

const char *ex_word_back(const char *s, const char *p, const char **we)
{
	size_t k;

	while (p > s && (p[-1] == ' ' || p[-1] == '\n' || p[-1] == '\t' || p[-1] == '\r'))
		p--;
	*we = p;
	while ((k = ex_letter_before(s, p)) != 0)
		p -= k;
	return p;
}

const char *ex_next_word(const char *s, const char **p, const char *end)
{
	const char *w = *p;

	while (w < end && (!ex_letter_at(w, end) || (w > s && ex_letter_before(s, w))))
		w++;
	if (w >= end)
		return NULL;
	*p = ex_word_end(w, end);
	if (*p == w)
		*p = w + 1;
	return w;
}
