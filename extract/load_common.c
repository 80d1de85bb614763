/* load_common.c: what the loaders share — UTF-8 output, character clean-up, metadata dates. */
#include "load_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void ex_put_utf8(struct kz_buf *b, unsigned cp)
{
	char t[4];

	if (cp < 0x80) {
		kz_buf_addc(b, (int)cp);
	} else if (cp < 0x800) {
		t[0] = (char)(0xC0 | (cp >> 6));
		t[1] = (char)(0x80 | (cp & 0x3F));
		kz_buf_add(b, t, 2);
	} else if (cp < 0x10000) {
		t[0] = (char)(0xE0 | (cp >> 12));
		t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[2] = (char)(0x80 | (cp & 0x3F));
		kz_buf_add(b, t, 3);
	} else {
		t[0] = (char)(0xF0 | (cp >> 18));
		t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[3] = (char)(0x80 | (cp & 0x3F));
		kz_buf_add(b, t, 4);
	}
}

size_t ex_utf8_get(const char *s, size_t n, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned c = u[0], v;
	size_t k, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		k = 2, v = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		k = 3, v = c & 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		k = 4, v = c & 0x07;
	else
		goto bad;
	if (n < k)
		goto bad;
	for (i = 1; i < k; i++) {
		if ((u[i] & 0xC0) != 0x80)
			goto bad;
		v = v << 6 | (u[i] & 0x3F);
	}
	if ((k == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))) || (k == 4 && (v < 0x10000 || v > 0x10FFFF)))
		goto bad;
	*cp = v;
	return k;
bad:
	*cp = 0xFFFD;
	return 1;
}

int ex_put_clean(struct kz_buf *b, unsigned cp)
{
	static const char *const lig[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
	size_t before = b->len;

	switch (cp) {
	case 0x00AD: /* SOFT HYPHEN */
	case 0x200B: /* ZERO WIDTH SPACE */
	case 0x200C: /* ZERO WIDTH NON-JOINER */
	case 0x200D: /* ZERO WIDTH JOINER */
	case 0x2060: /* WORD JOINER */
	case 0xFEFF: /* BOM / ZERO WIDTH NO-BREAK SPACE */
		return 0;
	default:
		break;
	}
	if (cp >= 0xFB00 && cp <= 0xFB06)
		return kz_buf_adds(b, lig[cp - 0xFB00]);
	if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\f') || cp == 0x7F)
		cp = ' ';
	ex_put_utf8(b, cp);
	return b->len > before ? 0 : -1;
}

static int keep_byte(unsigned char c)
{
	if (c < 0x80)
		return c >= 0x20 ? c != 0x7F : (c == '\n' || c == '\t' || c == '\f');
	return c != 0xC2 && c != 0xE2 && c != 0xEF && c != 0xC0 && c != 0xC1 && c < 0xF5;
}

char *ex_text_clean(const char *s, size_t n, size_t *outlen)
{
	struct kz_buf b;
	size_t i = 0, run;

	kz_buf_init(&b, 0);
	KZ_GROW(b.s, b.alloc, n + 1);
	b.s[0] = '\0';
	while (i < n) {
		unsigned cp;
		/* copy runs at once: plain ASCII and the multi-byte characters that need no
		 * clean-up (everything but the lead bytes C2, E2 and EF, which start the soft
		 * hyphen, zero-width characters, ligatures and the BOM) */
		run = i;
		while (run + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + run, 8);
			if ((w | (w - 0x2020202020202020ULL)) & 0x8080808080808080ULL)
				break; /* not all printable ASCII: look byte by byte */
			run += 8;
		}
		for (; run < n && keep_byte((unsigned char)s[run]); run++)
			;
		if (run > i) {
			kz_buf_add(&b, s + i, run - i);
			i = run;
			continue;
		}
		if (s[i] == '\r') {
			kz_buf_addc(&b, '\n');
			i += i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
			continue;
		}
		i += ex_utf8_get(s + i, n - i, &cp);
		ex_put_clean(&b, cp);
	}
	return kz_buf_detach(&b, outlen);
}

/* --- metadata dates --- */

static int ndigits(const char *s, int k, int *v)
{
	int x = 0;

	for (int i = 0; i < k; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		x = x * 10 + (s[i] - '0');
	}
	*v = x;
	return 1;
}

int ex_meta_date_from(struct ex_meta *m, const char *s)
{
	int y, mo = 0, da = 0;
	struct ex_meta tmp;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	if (s[0] == 'D' && s[1] == ':')
		s += 2;
	if (ndigits(s, 4, &y) && y >= 1900 && y <= 2100) {
		const char *p = s + 4;
		if (p[0] == '-' && ndigits(p + 1, 2, &mo)) {
			p += 3;
			if (p[0] == '-' && ndigits(p + 1, 2, &da))
				p += 3;
		} else if (ndigits(p, 2, &mo)) { /* PDF: YYYYMMDD... */
			p += 2;
			if (ndigits(p, 2, &da))
				p += 2;
		}
		if (mo < 1 || mo > 12)
			mo = da = 0;
		if (da < 1 || da > 31)
			da = 0;
		if (*p == '\0' || *p == 'T' || *p == ' ' || *p == 'Z' || *p == '+' || *p == '-' ||
		    (p[0] >= '0' && p[0] <= '9')) {
			ex_meta_set_date(m, y, mo, da, EX_META_FILE);
			return 1;
		}
	}
	/* Dateline forms, through the text loader's parser. */
	memset(&tmp, 0, sizeof(tmp));
	ex_meta_from_dateline(&tmp, s, strlen(s));
	if (tmp.src == EX_META_DATELINE && tmp.date) {
		free(m->date);
		m->date = tmp.date;
		m->year = tmp.year;
		m->src = EX_META_FILE;
		return 1;
	}
	free(tmp.date);
	return 0;
}

void ex_meta_set_str(char **slot, const char *s)
{
	struct kz_buf b;
	int sp = 0;

	kz_buf_init(&b, 0);
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f') {
			sp = b.len > 0;
			continue;
		}
		if (sp)
			kz_buf_addc(&b, ' ');
		sp = 0;
		kz_buf_addc(&b, *s);
	}
	if (!b.len) {
		kz_buf_release(&b);
		return;
	}
	free(*slot);
	*slot = kz_buf_detach(&b, NULL);
}
