/* text.c: small UTF-8 scanners — spaces, dashes, letters and case-insensitive comparisons. */
#include "extract_int.h"

#include <string.h>

size_t ex_space_at(const char *p, const char *end)
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

size_t ex_dash_at(const char *p, const char *end)
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

size_t ex_letter_at(const char *p, const char *end)
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

size_t ex_letter_before(const char *start, const char *p)
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

/* Fold one character at s to lower case; writes its bytes to out, returns the length consumed. */
static size_t fold(const unsigned char *s, size_t n, unsigned char out[2], size_t *olen)
{
	if (s[0] >= 'A' && s[0] <= 'Z') {
		out[0] = (unsigned char)(s[0] + 32);
		*olen = 1;
		return 1;
	}
	if (n >= 2 && s[0] == 0xC3 && s[1] >= 0x80 && s[1] <= 0x9E && s[1] != 0x97) {
		out[0] = 0xC3;
		out[1] = (unsigned char)(s[1] + 0x20);
		*olen = 2;
		return 2;
	}
	out[0] = s[0];
	*olen = 1;
	return 1;
}

int ex_casecmp_n(const char *a, size_t n, const char *key)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)key;
	size_t i = 0, j = 0, kn = strlen(key);

	while (i < n && j < kn) {
		unsigned char fa[2], fb[2];
		size_t la, lb, ca, cb;
		ca = fold(x + i, n - i, fa, &la);
		cb = fold(y + j, kn - j, fb, &lb);
		if (la != lb || memcmp(fa, fb, la))
			return 1;
		i += ca;
		j += cb;
	}
	return !(i == n && j == kn);
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
	while (p < end && (k = ex_space_at(p, end)) != 0)
		p += k;
	return p;
}

const char *ex_word_end(const char *p, const char *end)
{
	for (;;) {
		size_t k = ex_letter_at(p, end);
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
