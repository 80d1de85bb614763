/* doc.c: documents — loading by type, text decoding, datelines and sources.csv (collect.c finds them). */
#include "extract.h"
#include "load_int.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A single document may hold at most this much text (a larger one is refused, not truncated). */
#define EX_MAX_DOC (512u * 1024 * 1024)

void ex_doc_init(struct ex_doc *d)
{
	memset(d, 0, sizeof(*d));
}

static void meta_release(struct ex_meta *m)
{
	free(m->title);
	free(m->publisher);
	free(m->date);
	free(m->url);
	memset(m, 0, sizeof(*m));
}

void ex_doc_release(struct ex_doc *d)
{
	free(d->path);
	free(d->text);
	free(d->pages);
	meta_release(&d->meta);
	memset(d, 0, sizeof(*d));
}

int ex_doc_page(const struct ex_doc *d, size_t off)
{
	size_t lo = 0, hi = d->npages;

	if (!d->npages)
		return 0;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (d->pages[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (int)lo + 1;
}

static int has_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);
	return n > e && !strcasecmp(path + n - e, ext);
}

int ex_loadable(const char *path)
{
	return has_ext(path, ".txt") || has_ext(path, ".md") || has_ext(path, ".text") ||
	       has_ext(path, ".html") || has_ext(path, ".htm") || has_ext(path, ".pdf");
}

int ex_doc_load(struct ex_doc *d, const char *path, struct kz_err *err)
{
	int rc;

	if (has_ext(path, ".html") || has_ext(path, ".htm"))
		rc = ex_load_html(d, path, err);
	else if (has_ext(path, ".pdf"))
		rc = ex_load_pdf(d, path, err);
	else
		rc = ex_load_text(d, path, err);
	if (rc) {
		ex_doc_release(d);
		return rc;
	}
	if (!d->path)
		d->path = kz_xstrdup(path);
	if (d->warned_cp1252)
		kz_warn("%s: not valid UTF-8, read as Windows-1252", path);
	if (!d->meta.year)
		ex_meta_from_dateline(&d->meta, d->text, d->len);
	return 0;
}

/* --- text decoding --- */

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

int ex_load_text(struct ex_doc *d, const char *path, struct kz_err *err)
{
	char *raw;
	size_t len;
	int rc;

	rc = kz_read_file(path, EX_MAX_DOC, &raw, &len, err);
	if (rc)
		return rc;
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
		while (i + 8 <= len) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if ((w | (w - 0x2020202020202020ULL)) & 0x8080808080808080ULL)
				break;
			i += 8;
		}
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

/* --- datelines --- */

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
		if (text[i] != '(')
			continue;
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

/* --- sources.csv --- */

void ex_sources_init(struct ex_sources *s)
{
	memset(s, 0, sizeof(*s));
}

void ex_sources_release(struct ex_sources *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].file);
		free(s->v[i].title);
		free(s->v[i].publisher);
		free(s->v[i].date);
		free(s->v[i].url);
	}
	free(s->v);
	for (size_t i = 0; i < s->nread; i++)
		free(s->read[i]);
	free(s->read);
	memset(s, 0, sizeof(*s));
}

static int same_path(const char *a, const char *b);

struct src_rd {
	struct ex_sources *s;
	int col[5];
	size_t ncols; /* fields of the header row */
	int header;
	const char *dir;
	const char *path;
	struct kz_err *err;
};

static int valid_date(const char *d)
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

/* A German date "31.01.2025" or "1.2.2025" as "2025-01-31" into out (24 bytes); 0 if it is none. */
static int german_date(const char *d, char *out)
{
	int da = 0, mo = 0, y = 0, k;
	const char *p = d;

	for (k = 0; k < 2 && *p >= '0' && *p <= '9'; k++)
		da = da * 10 + (*p++ - '0');
	if (!k || *p++ != '.')
		return 0;
	for (k = 0; k < 2 && *p >= '0' && *p <= '9'; k++)
		mo = mo * 10 + (*p++ - '0');
	if (!k || *p++ != '.')
		return 0;
	for (k = 0; k < 4 && *p >= '0' && *p <= '9'; k++)
		y = y * 10 + (*p++ - '0');
	if (k != 4 || *p || da < 1 || da > 31 || mo < 1 || mo > 12)
		return 0;
	snprintf(out, 24, "%04d-%02d-%02d", y, mo, da);
	return 1;
}

static int src_row(char **f, size_t n, long line, void *arg)
{
	static const char *const names[] = {"file", "title", "publisher", "date", "url"};
	struct src_rd *r = arg;
	struct ex_source *e;
	const char *v[5];
	char iso[24];
	size_t i;

	if (!r->header) {
		for (i = 0; i < 5; i++)
			r->col[i] = -1;
		for (i = 0; i < n; i++)
			for (int k = 0; k < 5; k++)
				if (!strcmp(f[i], names[k]))
					r->col[k] = (int)i;
		if (r->col[0] < 0)
			return kz_err_set(r->err, KZ_EINPUT, r->path, line, "sources.csv lacks a 'file' column");
		r->ncols = n;
		r->header = 1;
		return 0;
	}
	if (n == 1 && !f[0][0])
		return 0; /* blank line */
	while (n > r->ncols && !f[n - 1][0])
		n--; /* empty cells beyond the header's are no harm */
	if (n != r->ncols)
		return kz_err_set(r->err, KZ_EINPUT, r->path, line, "row has %zu fields, the header %zu", n,
				  r->ncols);
	for (i = 0; i < 5; i++)
		v[i] = r->col[i] >= 0 && (size_t)r->col[i] < n ? f[r->col[i]] : "";
	if (!v[0][0])
		return kz_err_set(r->err, KZ_EINPUT, r->path, line, "row names no file");
	if (v[3][0] && !valid_date(v[3])) {
		if (!german_date(v[3], iso))
			return kz_err_set(r->err, KZ_EINPUT, r->path, line,
					  "date '%s' is not YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY", v[3]);
		v[3] = iso;
	}
	KZ_GROW(r->s->v, r->s->alloc, r->s->n + 1);
	e = &r->s->v[r->s->n++];
	{
		size_t dl = strlen(r->dir);
		e->file = kz_xmalloc(dl + strlen(v[0]) + 2);
		sprintf(e->file, "%s%s%s", r->dir, dl ? "/" : "", v[0]);
	}
	e->title = v[1][0] ? kz_xstrdup(v[1]) : NULL;
	e->publisher = v[2][0] ? kz_xstrdup(v[2]) : NULL;
	e->date = v[3][0] ? kz_xstrdup(v[3]) : NULL;
	e->url = v[4][0] ? kz_xstrdup(v[4]) : NULL;
	return 0;
}

int ex_sources_read(struct ex_sources *s, const char *path, struct kz_err *err)
{
	struct src_rd r;
	char *data, *dir;
	size_t len;
	const char *slash;
	int rc;

	for (size_t i = 0; i < s->nread; i++)
		if (same_path(s->read[i], path))
			return 0;
	/* recorded before reading: a broken file is reported once */
	KZ_GROW(s->read, s->aread, s->nread + 1);
	s->read[s->nread++] = kz_xstrdup(path);
	rc = kz_read_file(path, 64u << 20, &data, &len, err);
	if (rc)
		return rc;
	memset(&r, 0, sizeof(r));
	slash = strrchr(path, '/');
	dir = slash ? kz_xstrndup(path, (size_t)(slash - path)) : kz_xstrdup("");
	r.s = s;
	r.dir = dir;
	r.path = path;
	r.err = err;
	rc = kz_csv_parse(data, len, path, src_row, &r, NULL, err);
	free(dir);
	free(data);
	return rc;
}

int ex_sources_beside(struct ex_sources *s, const char *doc, struct kz_err *err)
{
	const char *slash = strrchr(doc, '/');
	size_t dl = slash ? (size_t)(slash - doc) + 1 : 0;
	char *sc = kz_xmalloc(dl + sizeof("sources.csv"));
	int rc = 0;

	memcpy(sc, doc, dl);
	memcpy(sc + dl, "sources.csv", sizeof("sources.csv"));
	if (access(sc, R_OK) == 0)
		rc = ex_sources_read(s, sc, err);
	free(sc);
	return rc;
}

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

static int same_path(const char *a, const char *b)
{
	while (a[0] == '.' && a[1] == '/')
		a += 2;
	while (b[0] == '.' && b[1] == '/')
		b += 2;
	return !strcmp(a, b);
}

void ex_sources_apply(const struct ex_sources *s, struct ex_doc *d)
{
	const struct ex_source *hit = NULL;
	size_t i;

	for (i = 0; i < s->n && !hit; i++)
		if (same_path(s->v[i].file, d->path))
			hit = &s->v[i];
	for (i = 0; i < s->n && !hit; i++)
		if (!strcmp(base_name(s->v[i].file), base_name(d->path)))
			hit = &s->v[i];
	if (!hit)
		return;
#define SET(f)                                         \
	if (hit->f) {                                  \
		free(d->meta.f);                       \
		d->meta.f = kz_xstrdup(hit->f);        \
	}
	SET(title);
	SET(publisher);
	SET(url);
	if (hit->date) {
		free(d->meta.date);
		d->meta.date = kz_xstrdup(hit->date);
		d->meta.year = (int)strtol(hit->date, NULL, 10);
		d->meta.src = EX_META_SOURCES;
	}
#undef SET
}
