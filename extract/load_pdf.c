/* load_pdf.c: the PDF loader — Poppler text page by page, rejoined into paragraphs without running heads. */
#include "load_int.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/*
 * How a PDF becomes text:
 *  1. Each page's text comes from Poppler in reading order, one line per '\n',
 *     with a rectangle and a font size for every character.
 *  2. Per line: its body font size (the most common one), baseline and extent.
 *     Characters set smaller than the body and raised above its baseline are
 *     superscripts; a superscript run that looks like a footnote marker ("165",
 *     "*", "2,3") is dropped, so "Prozent^165" reads "Prozent", not "Prozent165".
 *  3. Lines repeated at the top or bottom of many pages (running heads and
 *     feet, with their digits masked) and bare page numbers there are dropped,
 *     as are lines holding nothing but small-set footnote numbers.
 *  4. Lines are joined into paragraphs: a larger gap than the page's line
 *     pitch, a change of font size or a short line ending a sentence starts a
 *     new one. A word hyphenated at a line end is joined again
 *     ("Verteidigungs-" + "haushalt"), but a real hyphen stays ("US-" +
 *     "Soldaten"), and so does "Verteidigungs- und". Paragraphs are separated
 *     by a blank line; a paragraph running over a page break is joined too.
 * Memory: the lines of the whole document (about the size of its text) plus
 * one page's character layout at a time.
 */

#define MAX_PAGES 100000
/* a PDF larger than this is refused before poppler reads it */
#define EX_PDF_MAX (1024ull * 1024 * 1024)

struct pline {
	char *text; /* cleaned UTF-8, trimmed, footnote markers dropped */
	size_t len;
	double x1, x2, y2, size; /* extent, baseline (bottom of body glyphs), body font size */
	int geom;                /* geometry known */
	int soft;                /* ended in a SOFT HYPHEN */
	int drop;                /* running head or foot, page number, detached marker */
};

struct pdf {
	struct pline *v;
	size_t n, alloc;
	size_t *first; /* first line of each page; first[npages] == n */
	int npages;
};

/* --- per page --- */

static int marker_cp(unsigned c)
{
	return (c >= '0' && c <= '9') || c == '*' || c == ',' || c == ' ' || c == 0x2020 || c == 0x2021 ||
	       c == '(' || c == ')' || c == '[' || c == ']';
}

static int alnum_cp(unsigned c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c < 0x2000);
}

struct pchar {
	unsigned cp;
	float size;
	PopplerRectangle r;
};

/* The most common font size among the non-space characters [a, b). */
static double dominant_size(const struct pchar *c, size_t a, size_t b)
{
	double best = 0;
	size_t bestn = 0;

	for (size_t i = a; i < b; i++) {
		size_t k = 0;
		if (c[i].cp == ' ' || c[i].size <= 0)
			continue;
		if (i > a && c[i].size == c[i - 1].size && c[i - 1].cp != ' ')
			continue; /* counted with its run */
		for (size_t j = a; j < b; j++)
			if (c[j].size == c[i].size && c[j].cp != ' ')
				k++;
		if (k > bestn) {
			bestn = k;
			best = c[i].size;
		}
	}
	return best;
}

/*
 * Is c set above the baseline y2 of a line whose body size is dom: smaller and
 * raised a little, or raised a lot (Poppler reports the size of raised text
 * unreliably)? All glyphs of a font share one box height, so quotes and
 * apostrophes are not "raised".
 */
static int raised(const struct pchar *c, double dom, double y2)
{
	double up = y2 - c->r.y2;

	if (dom <= 0 || c->size <= 0)
		return 0;
	return (c->size < dom * 0.9 && up > dom * 0.15) || (c->size < dom * 1.2 && up > dom * 0.3);
}

/* Add the line of characters [a, b) to p. */
static void add_line(struct pdf *p, const struct pchar *c, size_t a, size_t b, int geom)
{
	struct kz_buf t;
	struct pline *l;
	double dom = geom ? dominant_size(c, a, b) : 0, y2 = 0, x1 = 1e9, x2 = -1e9;
	size_t i;
	int soft = 0;

	while (a < b && c[a].cp == ' ')
		a++;
	while (b > a && (c[b - 1].cp == ' ' || c[b - 1].cp == '\r'))
		b--;
	if (a == b)
		return;
	if (c[b - 1].cp == 0x00AD)
		soft = 1;
	if (geom) {
		for (i = a; i < b; i++) {
			if (c[i].cp == ' ')
				continue;
			if (c[i].size >= dom * 0.9 && c[i].r.y2 > y2)
				y2 = c[i].r.y2;
			if (c[i].r.x1 < x1)
				x1 = c[i].r.x1;
			if (c[i].r.x2 > x2)
				x2 = c[i].r.x2;
		}
	}
	kz_buf_init(&t, 0);
	for (i = a; i < b;) {
		/* a superscript run: smaller than the body and raised off its baseline */
		if (geom && raised(&c[i], dom, y2) && c[i].cp != ' ') {
			size_t j = i;
			int marker = 1;
			while (j < b && raised(&c[j], dom, y2)) {
				if (!marker_cp(c[j].cp))
					marker = 0;
				j++;
			}
			if (marker) {
				/* "Euro¹ das" keeps its space; "Euro¹das" gets one */
				if (j < b && alnum_cp(c[j].cp) && t.len && alnum_cp((unsigned char)t.s[t.len - 1]))
					kz_buf_addc(&t, ' ');
				i = j;
				continue;
			}
			for (; i < j; i++)
				ex_put_clean(&t, c[i].cp);
			continue;
		}
		ex_put_clean(&t, c[i].cp);
		i++;
	}
	while (t.len && t.s[t.len - 1] == ' ')
		t.s[--t.len] = '\0';
	if (!t.len) {
		kz_buf_release(&t);
		return;
	}
	KZ_GROW(p->v, p->alloc, p->n + 1);
	l = &p->v[p->n++];
	memset(l, 0, sizeof(*l));
	l->text = kz_buf_detach(&t, &l->len);
	l->geom = geom;
	l->soft = soft;
	l->size = dom;
	l->y2 = y2;
	l->x1 = x1;
	l->x2 = x2;
}

/* Read one page's lines into p. */
static void read_page(struct pdf *p, PopplerPage *page)
{
	char *text = poppler_page_get_text(page);
	PopplerRectangle *rects = NULL;
	guint nrects = 0;
	GList *attrs, *it;
	struct pchar *c;
	size_t n = 0, alloc = 0, len, i, a;
	int geom;

	if (!text)
		return;
	len = strlen(text);
	c = NULL;
	for (i = 0; i < len;) {
		unsigned cp;
		i += ex_utf8_get(text + i, len - i, &cp);
		KZ_GROW(c, alloc, n + 1);
		memset(&c[n], 0, sizeof(c[n]));
		c[n++].cp = cp;
	}
	g_free(text);
	geom = poppler_page_get_text_layout(page, &rects, &nrects) && nrects == n;
	if (geom) {
		for (i = 0; i < n; i++)
			c[i].r = rects[i];
		attrs = poppler_page_get_text_attributes(page);
		for (it = attrs; it; it = it->next) {
			const PopplerTextAttributes *ta = it->data;
			for (int k = ta->start_index; k <= ta->end_index && k >= 0 && (size_t)k < n; k++)
				c[k].size = (float)ta->font_size;
		}
		poppler_page_free_text_attributes(attrs);
	}
	g_free(rects);
	for (a = i = 0; i <= n; i++) {
		if (i == n || c[i].cp == '\n' || c[i].cp == '\f') {
			add_line(p, c, a, i, geom);
			a = i + 1;
		}
	}
	free(c);
}

/* --- running heads and feet --- */

/* The line with digits masked and white space dropped, for comparing heads across pages. */
static char *head_key(const struct pline *l)
{
	struct kz_buf b;

	kz_buf_init(&b, 0);
	for (size_t i = 0; i < l->len && b.len < 160; i++) {
		char ch = l->text[i];
		if (ch == ' ')
			continue;
		kz_buf_addc(&b, ch >= '0' && ch <= '9' ? '#' : ch);
	}
	return kz_buf_detach(&b, NULL);
}

/* "12", "- 12 -", "Seite 12", "S. 12 von 40", "12 / 40", "Page 3 of 9". */
static int page_number(const char *s)
{
	const char *p = s;
	int digits = 0;

	while (*p == ' ' || *p == '-' || *p == '[' || *p == '(' || !strncmp(p, "\xE2\x80\x93", 3))
		p += (unsigned char)*p == 0xE2 ? 3 : 1;
	if (!strncmp(p, "Seite ", 6))
		p += 6;
	else if (!strncmp(p, "S. ", 3))
		p += 3;
	else if (!strncmp(p, "Page ", 5))
		p += 5;
	while (*p >= '0' && *p <= '9')
		p++, digits++;
	if (!digits || digits > 4)
		return 0;
	while (*p == ' ')
		p++;
	if (*p == '/' || !strncmp(p, "von ", 4) || !strncmp(p, "of ", 3)) {
		p += *p == '/' ? 1 : (p[0] == 'v' ? 4 : 3);
		while (*p == ' ')
			p++;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	while (*p == ' ' || *p == '-' || *p == ']' || *p == ')' || !strncmp(p, "\xE2\x80\x93", 3))
		p += (unsigned char)*p == 0xE2 ? 3 : 1;
	return *p == '\0';
}

struct cand {
	char *key;
	int page;
	size_t line;
};

static int cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	int r = strcmp(x->key, y->key);
	return r ? r : (x->page > y->page) - (x->page < y->page);
}

/* The kept lines of page pg, as indices: the k-th from the top (k >= 0) or bottom (k < 0). */
static int nth_line(const struct pdf *p, int pg, int k, size_t *out)
{
	size_t i;

	if (k >= 0) {
		for (i = p->first[pg]; i < p->first[pg + 1]; i++)
			if (!p->v[i].drop && k-- == 0) {
				*out = i;
				return 1;
			}
	} else {
		for (i = p->first[pg + 1]; i > p->first[pg]; i--)
			if (!p->v[i - 1].drop && ++k == 0) {
				*out = i - 1;
				return 1;
			}
	}
	return 0;
}

static void drop_running(struct pdf *p)
{
	static const int slots[] = {0, 1, -1, -2};
	struct cand *cv = NULL;
	size_t nc = 0, ac = 0, i, j;
	int pg, need;

	/* detached footnote numbers: lines of small-set digits only */
	for (pg = 0; pg < p->npages; pg++) {
		double body = 0;
		size_t best = 0;
		for (i = p->first[pg]; i < p->first[pg + 1]; i++) {
			size_t k = 0;
			for (j = p->first[pg]; j < p->first[pg + 1]; j++)
				if (p->v[j].size == p->v[i].size)
					k += p->v[j].len;
			if (k > best)
				best = k, body = p->v[i].size;
		}
		for (i = p->first[pg]; i < p->first[pg + 1]; i++) {
			struct pline *l = &p->v[i];
			size_t k;
			if (!l->geom || l->size >= body * 0.75 || l->len > 12)
				continue;
			for (k = 0; k < l->len && marker_cp((unsigned char)l->text[k]); k++)
				;
			if (k == l->len)
				l->drop = 1;
		}
	}
	/* bare page numbers first, so a head or foot under them becomes an edge line */
	for (pg = 0; pg < p->npages; pg++)
		for (int s = 0; s < 4; s++) {
			size_t li;
			if (nth_line(p, pg, slots[s] >= 0 ? 0 : -1, &li) && page_number(p->v[li].text))
				p->v[li].drop = 1;
		}
	if (p->npages < 2)
		return;
	for (pg = 0; pg < p->npages; pg++) {
		size_t got[4];
		int ng = 0;
		for (int s = 0; s < 4; s++) {
			size_t li;
			int dup = 0;
			if (!nth_line(p, pg, slots[s], &li))
				continue;
			for (int k = 0; k < ng; k++)
				dup |= got[k] == li;
			if (dup)
				continue;
			got[ng++] = li;
			KZ_GROW(cv, ac, nc + 1);
			cv[nc].key = head_key(&p->v[li]);
			cv[nc].page = pg;
			cv[nc++].line = li;
		}
	}
	if (nc)
		qsort(cv, nc, sizeof(*cv), cmp_cand);
	/* a head or foot recurs on at least 3 pages and 30 % of them (both pages of a 2-page document) */
	need = p->npages == 2 ? 2 : 3;
	if (need < (p->npages * 3 + 9) / 10)
		need = (p->npages * 3 + 9) / 10;
	for (i = 0; i < nc; i = j) {
		int pages = 0, last = -1;
		for (j = i; j < nc && !strcmp(cv[j].key, cv[i].key); j++)
			if (cv[j].page != last)
				pages++, last = cv[j].page;
		if (pages >= need && strlen(cv[i].key) > 0)
			for (size_t k = i; k < j; k++)
				p->v[cv[k].line].drop = 1;
	}
	for (i = 0; i < nc; i++)
		free(cv[i].key);
	free(cv);
}

/* --- joining lines into paragraphs --- */

static int ends_sentence(const struct pline *l)
{
	const char *e = l->text + l->len;
	unsigned char c = (unsigned char)e[-1];

	if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == ')')
		return 1;
	/* closing quotes » « “ ” */
	return l->len >= 2 && (!strcmp(e - 2, "\xC2\xBB") || !strcmp(e - 2, "\xC2\xAB")) ? 1
	       : l->len >= 3 && (!strcmp(e - 3, "\xE2\x80\x9C") || !strcmp(e - 3, "\xE2\x80\x9D"));
}

/* The smallest baseline pitch between consecutive lines of page pg set in size sz. */
static double pitch(const struct pdf *p, int pg, double sz)
{
	double best = 0;

	for (size_t i = p->first[pg]; i + 1 < p->first[pg + 1]; i++) {
		const struct pline *a = &p->v[i], *b = &p->v[i + 1];
		double d = b->y2 - a->y2;
		if (!a->geom || !b->geom || a->drop || b->drop || fabs(a->size - sz) > sz * 0.05 ||
		    fabs(b->size - sz) > sz * 0.05 || d < sz * 0.5)
			continue;
		if (best == 0 || d < best)
			best = d;
	}
	return best;
}

/* Left and right edges of the text block on page pg. */
static void edges(const struct pdf *p, int pg, double *left, double *right)
{
	*left = 1e9;
	*right = 0;
	for (size_t i = p->first[pg]; i < p->first[pg + 1]; i++) {
		const struct pline *l = &p->v[i];
		if (l->drop || !l->geom)
			continue;
		if (l->x2 > *right)
			*right = l->x2;
		if (l->x1 < *left)
			*left = l->x1;
	}
}

/* Does page pg separate paragraphs by extra space (some gap well above the line pitch)? */
static int spaced(const struct pdf *p, int pg)
{
	for (size_t i = p->first[pg]; i + 1 < p->first[pg + 1]; i++) {
		const struct pline *a = &p->v[i], *b = &p->v[i + 1];
		double pt;
		if (!a->geom || !b->geom || fabs(a->size - b->size) > a->size * 0.05)
			continue;
		pt = pitch(p, pg, a->size);
		if (pt > 0 && b->y2 - a->y2 > pt * 1.3)
			return 1;
	}
	return 0;
}

static int ends_stop(const struct pline *l)
{
	char c = l->text[l->len - 1];
	return c == '.' || c == '!' || c == '?' || c == ':';
}

/* Does line a end a paragraph before line b (same page)? */
static int para_break(const struct pdf *p, int pg, const struct pline *a, const struct pline *b)
{
	double d, pt, left, right;

	if (!a->geom || !b->geom)
		return ends_stop(a) && a->len < 60;
	if (fabs(a->size - b->size) > a->size * 0.1)
		return 1;
	d = b->y2 - a->y2;
	if (d <= 0) /* a new column or block above: only a sentence end breaks */
		return ends_sentence(a);
	pt = pitch(p, pg, a->size);
	if (pt > 0 && d > pt * 1.3)
		return 1;
	if (spaced(p, pg))
		return 0; /* paragraphs are marked by space here, and this gap is none */
	edges(p, pg, &left, &right);
	if (ends_stop(a) && a->x2 < left + 0.7 * (right - left))
		return 1; /* a short last line */
	if (ends_stop(a) && b->x1 > left + a->size)
		return 1; /* the next line is indented */
	return 0;
}

/* Does the last line a of a page run on into b at the top of the next? */
static int runs_on(const struct pdf *p, int pg, const struct pline *a, const struct pline *b)
{
	unsigned char last = (unsigned char)a->text[a->len - 1];
	double left, right;

	if (a->soft || last == '-' || last == ',')
		return 1;
	if (a->geom && b->geom && fabs(a->size - b->size) > a->size * 0.1)
		return 0; /* a heading, or footnotes, meet body text */
	if (!ends_stop(a))
		return 1; /* German capitalises nouns: only a sentence end can close the paragraph */
	if (!a->geom)
		return 0;
	/* a full last line: the paragraph goes on, even when a sentence ended with the page */
	edges(p, pg, &left, &right);
	return a->x2 >= right - 3 * a->size && a->size > 0 && fabs(a->size - b->size) <= a->size * 0.1;
}

static const char *const conjunctions[] = {"und ", "oder ", "bzw.", "sowie ", "bis ", "als ", "noch ", "wie ", "respektive ", NULL};

/* Append line b to out, continuing the paragraph whose last line is a. */
static int join(struct kz_buf *out, const struct pline *a, const struct pline *b)
{
	const char *s = a->text, *e = s + a->len;
	unsigned cp;
	size_t k;

	ex_utf8_get(b->text, b->len, &cp);
	if (a->soft)
		return kz_buf_add(out, b->text, b->len);
	k = e[-1] == '-' ? 1 : (a->len >= 3 && !strncmp(e - 3, "\xE2\x80\x90", 3)) ? 3 : 0;
	if (k && a->len > k) {
		const char *h = e - k, *w = h;
		int lower = (cp >= 'a' && cp <= 'z') || cp == 0xE4 || cp == 0xF6 || cp == 0xFC || cp == 0xDF;
		int caps = 1, letters = 0;
		while (w > s && w[-1] != ' ')
			w--;
		for (const char *q = w; q < h; q++) {
			if ((*q >= 'a' && *q <= 'z') || (unsigned char)*q >= 0x80)
				caps = 0;
			if ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (unsigned char)*q >= 0x80)
				letters++;
		}
		if (h[-1] == ' ') /* a dash between words */
			return kz_buf_addc(out, ' ') || kz_buf_add(out, b->text, b->len);
		if (lower && letters > 0) {
			for (int c = 0; conjunctions[c]; c++)
				if (!strncmp(b->text, conjunctions[c], strlen(conjunctions[c])))
					return kz_buf_addc(out, ' ') || kz_buf_add(out, b->text, b->len);
			if (!(caps && letters >= 2)) {
				/* a word hyphenated at the line end: take the hyphen back out */
				out->len -= k;
				out->s[out->len] = '\0';
				return kz_buf_add(out, b->text, b->len);
			}
		}
		return kz_buf_add(out, b->text, b->len); /* a real hyphen: "US-Soldaten", "2020-2024" */
	}
	return kz_buf_addc(out, ' ') || kz_buf_add(out, b->text, b->len);
}

static int assemble(struct pdf *p, struct ex_doc *d)
{
	struct kz_buf out;
	const struct pline *prev = NULL;
	int prev_pg = -1, full = 0;

	kz_buf_init(&out, EX_LOAD_MAX);
	d->pages = kz_xcalloc((size_t)p->npages + 1, sizeof(*d->pages));
	d->npages = (size_t)p->npages;
	for (int pg = 0; pg < p->npages && !full; pg++) {
		int first = 1;
		d->pages[pg] = out.len;
		for (size_t i = p->first[pg]; i < p->first[pg + 1] && !full; i++) {
			const struct pline *l = &p->v[i];
			int brk;
			if (l->drop)
				continue;
			if (!prev)
				brk = -1;
			else if (first && prev_pg != pg)
				brk = !runs_on(p, prev_pg, prev, l);
			else
				brk = para_break(p, pg, prev, l);
			if (brk < 0) {
				full |= kz_buf_add(&out, l->text, l->len);
			} else if (brk) {
				full |= kz_buf_adds(&out, "\n\n") || kz_buf_add(&out, l->text, l->len);
			} else {
				full |= join(&out, prev, l);
			}
			if (first && !full)
				d->pages[pg] = out.len - l->len; /* the page starts at its first line's text */
			first = 0;
			prev = l;
			prev_pg = pg;
		}
	}
	if (full || kz_buf_addc(&out, '\n')) {
		kz_buf_release(&out);
		return -1;
	}
	d->text = kz_buf_detach(&out, &d->len);
	return 0;
}

/* --- the document --- */

static void pdf_release(struct pdf *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].text);
	free(p->v);
	free(p->first);
}

static void info(PopplerDocument *doc, struct ex_meta *m)
{
	gchar *s;
	time_t t;

	if ((s = poppler_document_get_title(doc)) != NULL) {
		ex_meta_set_str(&m->title, s);
		g_free(s);
	}
	if ((s = poppler_document_get_author(doc)) != NULL) {
		ex_meta_set_str(&m->publisher, s);
		g_free(s);
	}
	t = poppler_document_get_creation_date(doc);
	if (t > 0) {
		struct tm tm;
		char date[32];
		if (gmtime_r(&t, &tm) && tm.tm_year + 1900 >= 1980) {
			snprintf(date, sizeof(date), "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
			ex_meta_date_from(m, date);
		}
	}
}

/* Why poppler could not open a document, as kennzahl says it. */
static int open_failed(GError *gerr, const char *path, struct kz_err *err)
{
	int rc;

	if (gerr && gerr->domain == POPPLER_ERROR && gerr->code == POPPLER_ERROR_ENCRYPTED)
		rc = kz_err_set(err, KZ_EINPUT, path, 0, "encrypted pdf (a password is needed)");
	else if (gerr && gerr->domain == G_FILE_ERROR)
		rc = kz_err_set(err, KZ_EIO, path, 0, "cannot read: %s", gerr->message);
	else
		rc = kz_err_set(err, KZ_EINPUT, path, 0, "not a readable pdf (%s)", gerr ? gerr->message : "damaged");
	if (gerr)
		g_error_free(gerr);
	return rc;
}

static int read_document(struct ex_doc *d, const char *path, PopplerDocument *doc, struct kz_err *err);

int ex_load_pdf(struct ex_doc *d, const char *path, struct kz_err *err)
{
	PopplerDocument *doc;
	GError *gerr = NULL;
	struct stat st;
	int fd;

	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return kz_err_set(err, errno == ENOENT ? KZ_EINPUT : KZ_EIO, path, 0, "cannot open: %s",
				  strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return kz_err_set(err, KZ_EINPUT, path, 0, "not a regular file; not read");
	}
	if ((unsigned long long)st.st_size > EX_PDF_MAX) {
		close(fd);
		return kz_err_set(err, KZ_EINPUT, path, 0, "file larger than %llu bytes", (unsigned long long)EX_PDF_MAX);
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	doc = poppler_document_new_from_fd(fd, NULL, &gerr); /* takes fd, closes it */
	if (!doc)
		return open_failed(gerr, path, err);
	return read_document(d, path, doc, err);
}

int ex_load_pdf_bytes(struct ex_doc *d, const char *path, char *raw, size_t len, struct kz_err *err)
{
	GBytes *bytes;
	PopplerDocument *doc;
	GError *gerr = NULL;

	if ((unsigned long long)len > EX_PDF_MAX) {
		free(raw);
		return kz_err_set(err, KZ_EINPUT, path, 0, "file larger than %llu bytes", (unsigned long long)EX_PDF_MAX);
	}
	bytes = g_bytes_new_with_free_func(raw, len, free, raw); /* poppler keeps it while it reads */
	doc = poppler_document_new_from_bytes(bytes, NULL, &gerr);
	g_bytes_unref(bytes);
	if (!doc)
		return open_failed(gerr, path, err);
	return read_document(d, path, doc, err);
}

/* Read an opened document's text, pages and metadata into d; unrefs doc. */
static int read_document(struct ex_doc *d, const char *path, PopplerDocument *doc, struct kz_err *err)
{
	struct pdf p;
	gchar *creator;
	int npages, rc = 0;

	creator = poppler_document_get_creator(doc);
	if (creator && !strncmp(creator, "kennzahl ", 9)) {
		/* a fact sheet of ours: reading it back would count every figure twice */
		g_free(creator);
		g_object_unref(doc);
		return kz_err_set(err, KZ_EINPUT, path, 0, "a fact sheet written by kennzahl; not read as input");
	}
	g_free(creator);
	npages = poppler_document_get_n_pages(doc);
	if (npages <= 0) {
		g_object_unref(doc);
		return kz_err_set(err, KZ_EINPUT, path, 0, "pdf has no pages");
	}
	if (npages > MAX_PAGES) {
		g_object_unref(doc);
		return kz_err_set(err, KZ_EINPUT, path, 0, "pdf has %d pages, more than %d", npages, MAX_PAGES);
	}
	memset(&p, 0, sizeof(p));
	p.npages = npages;
	p.first = kz_xcalloc((size_t)npages + 1, sizeof(*p.first));
	for (int pg = 0; pg < npages; pg++) {
		PopplerPage *page = poppler_document_get_page(doc, pg);
		p.first[pg] = p.n;
		if (page) {
			read_page(&p, page);
			g_object_unref(page);
		}
	}
	p.first[npages] = p.n;
	if (p.n == 0) {
		rc = kz_err_set(err, KZ_EINPUT, path, 0, "no text layer (scanned or image-only pdf?)");
		goto out;
	}
	drop_running(&p);
	if (assemble(&p, d)) {
		rc = kz_err_set(err, KZ_EINPUT, path, 0, "document text exceeds %u MiB", (unsigned)(EX_LOAD_MAX >> 20));
		goto out;
	}
	{
		size_t i = 0;
		while (i < d->len && (d->text[i] == ' ' || d->text[i] == '\n' || d->text[i] == '\t'))
			i++;
		if (i == d->len) {
			rc = kz_err_set(err, KZ_EINPUT, path, 0, "no text besides page numbers and running heads");
			goto out;
		}
	}
	info(doc, &d->meta);
out:
	pdf_release(&p);
	g_object_unref(doc);
	return rc;
}
