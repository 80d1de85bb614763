/* dateline.c: a document's date from its text — datelines, agency datelines, "Stand:", the latest year it mentions. */
#include "load_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * How a text gives its date (ex_meta_from_dateline), the first of these that finds one:
 *  1. A date at a word's start in the first eight lines (at most 1500 bytes): "31. Januar
 *     2025", "26.02.2024", "February 26, 2024", "Mai 2021" (date_at: German and English month
 *     names, "Jänner"), in a year from 1950 to 2100.
 *  2. An agency dateline anywhere: "(", up to 48 bytes of agency names, a full date and ")"
 *     within 24 bytes after it: "(APA, Reuters, 21.11.2019)", "(dpa/AFP, 3. März 2022)".
 *  3. "Stand:" and a date, anywhere.
 *  4. As a guess, a year and no date: the latest year from 1990 to 2035 the text mentions.
 * A date is kept as YYYY, YYYY-MM or YYYY-MM-DD with where it came from (ex_meta_set_date),
 * the form sources.csv dates are checked against (ex_date_valid).
 * Linear in the text; memory: the date string.
 */

static const char *const months_de[] = {"Januar",    "Februar", "März",	    "April",
					"Mai",	     "Juni",	"Juli",	    "August",
					"September", "Oktober", "November", "Dezember"};
static const char *const months_en[] = {"January", "February", "March",	    "April",
					"May",	   "June",     "July",	    "August",
					"September", "October", "November", "December"};

/* A month name at s, German or English, as a whole word ("Januar" does not match "January"). */
static int month_at(const char *s, size_t n, size_t *mlen)
{
	for (int i = 0; i < 12; i++) {
		const char *names[2] = {months_de[i], months_en[i]};
		for (int k = 0; k < 2; k++) {
			size_t l = strlen(names[k]);
			if (n >= l && !strncmp(s, names[k], l) && (n == l || !isalpha((unsigned char)s[l]))) {
				*mlen = l;
				return i + 1;
			}
		}
	}
	if (n >= 7 && !strncmp(s, "Jänner", 7)) {
		*mlen = 7;
		return 1;
	}
	return 0;
}

static int digits(const char *s, size_t n, int k, int *v)
{
	int x = 0;
	if (n < (size_t)k)
		return 0;
	for (int i = 0; i < k; i++) {
		if (!isdigit((unsigned char)s[i]))
			return 0;
		x = x * 10 + (s[i] - '0');
	}
	if (n > (size_t)k && isdigit((unsigned char)s[k]))
		return 0;
	*v = x;
	return 1;
}

void ex_meta_set_date(struct ex_meta *m, int y, int mo, int da, int src)
{
	char tmp[16];

	if (mo && da)
		snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y, mo, da);
	else if (mo)
		snprintf(tmp, sizeof(tmp), "%04d-%02d", y, mo);
	else
		snprintf(tmp, sizeof(tmp), "%04d", y);
	free(m->date);
	m->date = kz_xstrdup(tmp);
	m->year = y;
	m->src = src;
}

/* Try the date forms at s: "31. Januar 2025", "26.02.2024", "February 26, 2024", "Stand: Mai 2021". */
static int date_at(const char *s, size_t n, int *y, int *mo, int *da)
{
	int a, b, c;
	size_t ml, p;

	if (digits(s, n, 2, &a) || digits(s, n, 1, &a)) {
		p = isdigit((unsigned char)s[1]) ? 2 : 1;
		if (p < n && s[p] == '.') {
			p++;
			if (digits(s + p, n - p, 2, &b) && p + 2 < n && s[p + 2] == '.' &&
			    digits(s + p + 3, n - p - 3, 4, &c) && b >= 1 && b <= 12 && a >= 1 && a <= 31) {
				*y = c, *mo = b, *da = a;
				return 1;
			}
			while (p < n && s[p] == ' ')
				p++;
			if ((b = month_at(s + p, n - p, &ml)) != 0) {
				p += ml;
				while (p < n && s[p] == ' ')
					p++;
				if (digits(s + p, n - p, 4, &c) && a >= 1 && a <= 31) {
					*y = c, *mo = b, *da = a;
					return 1;
				}
			}
		}
		return 0;
	}
	if ((b = month_at(s, n, &ml)) != 0) {
		p = ml;
		while (p < n && s[p] == ' ')
			p++;
		if (digits(s + p, n - p, 2, &a) || digits(s + p, n - p, 1, &a)) {
			p += isdigit((unsigned char)s[p + 1]) ? 2 : 1;
			if (p < n && s[p] == ',')
				p++;
			while (p < n && s[p] == ' ')
				p++;
			if (digits(s + p, n - p, 4, &c)) {
				*y = c, *mo = b, *da = a;
				return 1;
			}
		} else if (digits(s + p, n - p, 4, &c)) {
			*y = c, *mo = b, *da = 0;
			return 1;
		}
	}
	return 0;
}

void ex_meta_from_dateline(struct ex_meta *m, const char *text, size_t len)
{
	size_t i, lines = 0, lim = len < 1500 ? len : 1500;
	int y, mo, da;

	/* A date in the first lines of the text (news datelines, "Stand: Mai 2021"). */
	for (i = 0; i < lim && lines < 8; i++) {
		if (text[i] == '\n') {
			lines++;
			continue;
		}
		if (i > 0 && isalnum((unsigned char)text[i - 1]))
			continue;
		if (date_at(text + i, len - i, &y, &mo, &da) && y >= 1950 && y <= 2100) {
			ex_meta_set_date(m, y, mo, da, EX_META_DATELINE);
			return;
		}
	}
	/* An agency dateline anywhere: "(APA, Reuters, 21.11.2019)", "(dpa/AFP, 3. März 2022)". */
	for (i = 0; i + 8 < len; i++) {
		size_t p = i + 1, letters = 0;
		const char *paren = memchr(text + i, '(', len - 8 - i); /* the next '(' the loop reaches */
		if (!paren)
			break;
		i = (size_t)(paren - text);
		p = i + 1;
		while (p < len && p - i < 48 && (isalpha((unsigned char)text[p]) || text[p] == ',' ||
						 text[p] == '/' || text[p] == ' ' || text[p] == '-' || text[p] == '.')) {
			letters += isalpha((unsigned char)text[p]) != 0;
			p++;
		}
		if (letters < 2 || p == i + 1 || !(text[p - 1] == ' ' || text[p - 1] == ','))
			continue;
		if (date_at(text + p, len - p, &y, &mo, &da) && da && y >= 1950 && y <= 2100) {
			size_t q = p;
			while (q < len && q - p < 24 && text[q] != ')' && text[q] != '\n')
				q++;
			if (q < len && text[q] == ')') {
				ex_meta_set_date(m, y, mo, da, EX_META_DATELINE);
				return;
			}
		}
	}
	/* "Stand: Mai 2021" anywhere. */
	for (i = 0; i + 7 < len; i++) {
		const char *st = memchr(text + i, 'S', len - 7 - i); /* the next 'S' the loop reaches */
		if (!st)
			break;
		i = (size_t)(st - text);
		if (!strncmp(text + i, "Stand:", 6)) {
			size_t p = i + 6;
			while (p < len && text[p] == ' ')
				p++;
			if (date_at(text + p, len - p, &y, &mo, &da) && y >= 1950 && y <= 2100) {
				ex_meta_set_date(m, y, mo, da, EX_META_DATELINE);
				return;
			}
		}
	}
	/* Last resort: the latest year the text mentions (news speaks of its own year). */
	{
		int best = 0;
		for (i = 0; i + 4 <= len; i++) {
			if ((text[i] == '1' || text[i] == '2') && (i == 0 || !isalnum((unsigned char)text[i - 1])) &&
			    digits(text + i, len - i, 4, &y) && y >= 1990 && y <= 2035 &&
			    (i + 4 >= len || !isalpha((unsigned char)text[i + 4])) && y > best)
				best = y;
		}
		if (best) {
			m->year = best;
			m->src = EX_META_GUESS;
		}
	}
}

int ex_date_valid(const char *d)
{
	size_t n = strlen(d);
	int y, mo = 1, da = 1;

	if (!(n == 4 || n == 7 || n == 10) || !digits(d, n, 4, &y))
		return 0;
	if (n >= 7 && (d[4] != '-' || !digits(d + 5, n - 5, 2, &mo) || mo < 1 || mo > 12))
		return 0;
	if (n == 10 && (d[7] != '-' || !digits(d + 8, 2, 2, &da) || da < 1 || da > 31))
		return 0;
	return 1;
}

/*
 * "Südkorea, Japan und die NATO: gemeinsame Herausforderungen": a plain text's first line is its
 * title when it reads as one — not indented (a PDF's body), four to twenty-five words, at most 200
 * bytes, not ending a sentence or a clause (. ! ? , ;), and no date line. A title of sources.csv
 * replaces it.
 */
void ex_meta_title_from_text(struct ex_meta *m, const char *text, size_t len)
{
	const char *p = text, *end = text + len, *eol, *last;
	int words = 0, in = 0;
	char buf[256];

	if (m->title || !len)
		return;
	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	while (p < end && (*p == '\n' || *p == '\r'))
		p++;
	if (p >= end || *p == ' ' || *p == '\t')
		return;
	eol = memchr(p, '\n', (size_t)(end - p));
	if (!eol)
		eol = end;
	last = eol;
	while (last > p && (last[-1] == ' ' || last[-1] == '\r' || last[-1] == '\t'))
		last--;
	if (last - p > 200 || last == p || strchr(".!?,;", last[-1]))
		return;
	for (const char *x = p; x < last; x++) {
		if (*x == ' ')
			in = 0;
		else if (!in) {
			in = 1;
			words++;
		}
	}
	if (words < 4 || words > 25)
		return;
	{
		struct ex_meta probe = {0};
		ex_meta_from_dateline(&probe, p, (size_t)(last - p));
		int dated = probe.src == EX_META_DATELINE && probe.date && strlen(probe.date) >= 7;
		free(probe.date); /* the dateline sets the date alone */
		if (dated)
			return; /* "Berlin, 18. Juni 2024": a dateline, no title */
	}
	snprintf(buf, sizeof(buf), "%.*s", (int)(last - p), p);
	ex_meta_set_str(&m->title, buf);
}
