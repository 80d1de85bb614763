/* mkpdf.c: lay German text out into a multi-page PDF (Cairo + Pango) with hyphenated line ends and footnotes. */
#include "core/core.h"
#include "extract/extract.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/*
 * Input: UTF-8 text, one paragraph per line (blank lines are ignored).
 *   ^{...}        set in superscript (footnote markers: "Prozent^{165}")
 *   [^N]: text    defines footnote N; it is set at the foot of the page where ^{N} first appears
 * Lines are broken by the tool itself (not by Pango) so that long words are
 * hyphenated at line ends with a visible "-", and words that hold a hyphen
 * ("US-Soldaten") break after it. The PDF is what the loader's tests read back.
 */

struct opts {
	const char *out, *title, *author, *date, *header, *font, *html;
	int page_numbers, repeat, image_only, hyphenate;
	double width, height, margin;
};

struct footnote {
	char *num, *text;
	int placed;
};

struct ctx {
	struct opts o;
	cairo_surface_t *surf;
	cairo_t *cr;
	PangoLayout *lay;
	PangoFontDescription *font, *small;
	double lh;      /* line height, points */
	double y;       /* baseline cursor of the next line, from the top */
	double foot_h;  /* height reserved for this page's footnotes */
	int page;       /* pages finished so far */
	int on_page;    /* lines set on the current page */
	struct footnote *fn;
	size_t nfn;
	size_t *queue; /* footnotes for the current page */
	size_t nq, aq;
};

/* --- marked-up text: ^{...} is superscript --- */

/* Set the layout to marked text s (n bytes) in font f. */
static void set_marked(struct ctx *c, const char *s, size_t n, const PangoFontDescription *f)
{
	struct kz_buf b = KZ_BUF_INIT;
	PangoAttrList *al = pango_attr_list_new();
	size_t i = 0;

	while (i < n) {
		const char *close;
		if (i + 2 < n && s[i] == '^' && s[i + 1] == '{' &&
		    (close = memchr(s + i + 2, '}', n - i - 2)) != NULL) {
			size_t start = b.len, k = (size_t)(close - (s + i + 2));
			PangoAttribute *a;
			kz_buf_add(&b, s + i + 2, k);
			a = pango_attr_scale_new(0.62);
			a->start_index = (guint)start;
			a->end_index = (guint)b.len;
			pango_attr_list_insert(al, a);
			a = pango_attr_rise_new((int)(pango_font_description_get_size(f) * 0.45));
			a->start_index = (guint)start;
			a->end_index = (guint)b.len;
			pango_attr_list_insert(al, a);
			i += k + 3;
		} else {
			kz_buf_addc(&b, s[i++]);
		}
	}
	pango_layout_set_font_description(c->lay, f);
	pango_layout_set_text(c->lay, b.s ? b.s : "", (int)b.len);
	pango_layout_set_attributes(c->lay, al);
	pango_attr_list_unref(al);
	kz_buf_release(&b);
}

static double width_of(struct ctx *c, const char *s, size_t n)
{
	int w, h;

	pango_layout_set_width(c->lay, -1);
	set_marked(c, s, n, c->font);
	pango_layout_get_size(c->lay, &w, &h);
	return (double)w / PANGO_SCALE;
}

/* --- hyphenation --- */

static int vowel(gunichar u)
{
	return u && strchr("aeiouyAEIOUY", (int)(u < 128 ? u : 1)) ? 1 : (u == 0xE4 || u == 0xF6 || u == 0xFC);
}

/*
 * Places where word w may break at a line end, as byte offsets, best (longest)
 * last: after a hyphen the word holds (the hyphen stays), or before a consonant
 * that a vowel follows, three letters in from either end, not inside ch/ck/sch/ph/th.
 * *keep[i] says whether the break is after an existing hyphen.
 */
static size_t break_points(const char *w, size_t *off, int *keep, size_t max)
{
	gunichar cp[256];
	size_t byte[256], n = 0, k = 0;
	const char *p = w;

	while (*p && n < 255) {
		cp[n] = g_utf8_get_char(p);
		byte[n++] = (size_t)(p - w);
		p = g_utf8_next_char(p);
	}
	if (*p)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (cp[i] == '^' || (cp[i] < 128 && g_ascii_isdigit((char)cp[i])))
			return 0; /* figures and footnote markers are never split */
	for (size_t i = 2; i + 1 < n && k < max; i++) {
		if (cp[i - 1] == '-' && i >= 2 && g_unichar_isalpha(cp[i])) {
			off[k] = byte[i];
			keep[k++] = 1;
			continue;
		}
		if (i < 3 || i + 3 > n || !g_unichar_isalpha(cp[i - 1]) || !g_unichar_isalpha(cp[i]))
			continue;
		if (vowel(cp[i]) || !vowel(cp[i + 1]) || !g_unichar_isalpha(cp[i + 1]))
			continue;
		if ((cp[i] == 'r' || cp[i] == 'l') && cp[i - 1] < 128 && strchr("bdfgkpt", (int)cp[i - 1]))
			continue; /* keep br, gr, kl, tr, ... together: "Pro-gramm", not "Prog-ramm" */
		if (cp[i - 1] == 'c' || (cp[i] == 'h' && (cp[i - 1] == 'p' || cp[i - 1] == 't')))
			continue; /* c|h, c|k, p|h, t|h */
		if (cp[i] == 'c' && i + 1 < n && cp[i + 1] == 'h')
			continue;
		if (i >= 1 && cp[i - 1] == 's' && cp[i] == 'c')
			continue;
		off[k] = byte[i];
		keep[k++] = 0;
	}
	return k;
}

/* --- pages --- */

static void show(struct ctx *c, double x, double baseline)
{
	int base = pango_layout_get_baseline(c->lay);

	cairo_move_to(c->cr, x, baseline - (double)base / PANGO_SCALE);
	if (c->o.image_only) {
		pango_cairo_layout_path(c->cr, c->lay);
		cairo_fill(c->cr);
	} else {
		pango_cairo_show_layout(c->cr, c->lay);
	}
}

static double footnote_height(struct ctx *c, size_t i)
{
	struct kz_buf b = KZ_BUF_INIT;
	int w, h;

	kz_buf_addf(&b, "^{%s} %s", c->fn[i].num, c->fn[i].text);
	pango_layout_set_width(c->lay, (int)((c->o.width - 2 * c->o.margin) * PANGO_SCALE));
	set_marked(c, b.s, b.len, c->small);
	pango_layout_get_size(c->lay, &w, &h);
	kz_buf_release(&b);
	return (double)h / PANGO_SCALE + 2;
}

static void finish_page(struct ctx *c)
{
	char num[32];
	double y;

	if (c->o.header) {
		pango_layout_set_width(c->lay, -1);
		set_marked(c, c->o.header, strlen(c->o.header), c->small);
		show(c, c->o.margin, c->o.margin - 24);
	}
	if (c->nq) {
		y = c->o.height - c->o.margin - c->foot_h;
		cairo_set_line_width(c->cr, 0.5);
		cairo_move_to(c->cr, c->o.margin, y - 4);
		cairo_line_to(c->cr, c->o.margin + 120, y - 4);
		cairo_stroke(c->cr);
		for (size_t k = 0; k < c->nq; k++) {
			struct footnote *f = &c->fn[c->queue[k]];
			struct kz_buf b = KZ_BUF_INIT;
			double h = footnote_height(c, c->queue[k]);
			kz_buf_addf(&b, "^{%s} %s", f->num, f->text);
			pango_layout_set_width(c->lay, (int)((c->o.width - 2 * c->o.margin) * PANGO_SCALE));
			set_marked(c, b.s, b.len, c->small);
			cairo_move_to(c->cr, c->o.margin, y);
			if (c->o.image_only) {
				pango_cairo_layout_path(c->cr, c->lay);
				cairo_fill(c->cr);
			} else {
				pango_cairo_show_layout(c->cr, c->lay);
			}
			y += h;
			kz_buf_release(&b);
		}
	}
	c->page++;
	if (c->o.page_numbers) {
		snprintf(num, sizeof(num), "%d", c->page);
		pango_layout_set_width(c->lay, -1);
		set_marked(c, num, strlen(num), c->small);
		show(c, c->o.width / 2 - 4, c->o.height - c->o.margin + 30);
	}
	cairo_show_page(c->cr);
	c->nq = 0;
	c->foot_h = 0;
	c->on_page = 0;
	c->y = c->o.margin + c->lh;
}

/* Footnotes first referenced in marked line s, not yet placed: their total height. */
static double new_footnotes(struct ctx *c, const char *s, size_t n, int place)
{
	double h = 0;

	for (size_t i = 0; i + 3 < n; i++) {
		const char *close;
		if (s[i] != '^' || s[i + 1] != '{' || !(close = memchr(s + i + 2, '}', n - i - 2)))
			continue;
		for (size_t k = 0; k < c->nfn; k++) {
			size_t l = strlen(c->fn[k].num);
			if (c->fn[k].placed || l != (size_t)(close - s - i - 2) || strncmp(c->fn[k].num, s + i + 2, l))
				continue;
			h += footnote_height(c, k);
			if (place) {
				c->fn[k].placed = 1;
				KZ_GROW(c->queue, c->aq, c->nq + 1);
				c->queue[c->nq++] = k;
			}
		}
	}
	return h + (h > 0 && c->nq == 0 ? 8 : 0);
}

/* Set one line of marked text at the cursor, starting a new page when it does not fit. */
static void put_line(struct ctx *c, const char *s, size_t n)
{
	double fh = new_footnotes(c, s, n, 0);

	if (c->on_page && c->y + fh > c->o.height - c->o.margin - c->foot_h)
		finish_page(c);
	fh = new_footnotes(c, s, n, 1);
	c->foot_h += fh;
	pango_layout_set_width(c->lay, -1);
	set_marked(c, s, n, c->font);
	show(c, c->o.margin, c->y);
	c->y += c->lh;
	c->on_page++;
}

static void put_paragraph(struct ctx *c, const char *para)
{
	double avail = c->o.width - 2 * c->o.margin, space = width_of(c, " ", 1), used = 0;
	struct kz_buf line = KZ_BUF_INIT;
	char *copy = kz_xstrdup(para), *save = NULL, *w;

	for (w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		const char *rest = w;
		for (;;) {
			double ww = width_of(c, rest, strlen(rest));
			double need = (line.len ? space : 0) + ww;
			size_t off[64];
			int keep[64];
			size_t nb, best = 0;
			int best_keep = 0;
			if (used + need <= avail) {
				if (line.len)
					kz_buf_addc(&line, ' ');
				kz_buf_adds(&line, rest);
				used += need;
				break;
			}
			nb = c->o.hyphenate ? break_points(rest, off, keep, 64) : 0;
			for (size_t k = 0; k < nb; k++) {
				struct kz_buf t = KZ_BUF_INIT;
				kz_buf_add(&t, rest, off[k]);
				if (!keep[k])
					kz_buf_addc(&t, '-');
				if (used + (line.len ? space : 0) + width_of(c, t.s, t.len) <= avail) {
					best = off[k];
					best_keep = keep[k];
				}
				kz_buf_release(&t);
			}
			if (best) {
				if (line.len)
					kz_buf_addc(&line, ' ');
				kz_buf_add(&line, rest, best);
				if (!best_keep)
					kz_buf_addc(&line, '-');
				rest += best;
			} else if (!line.len) {
				kz_buf_adds(&line, rest); /* too long for any line: let it run over */
				used = ww;
				break;
			}
			put_line(c, line.s, line.len);
			kz_buf_reset(&line);
			used = 0;
		}
	}
	if (line.len)
		put_line(c, line.s, line.len);
	c->y += c->lh * 0.6; /* paragraph spacing */
	kz_buf_release(&line);
	free(copy);
}

/*
 * Cairo always writes a /CreationDate (the current time). Without --date the
 * document should carry no date at all (its text's dateline then counts, as
 * for the .txt it was made from), so blank the entry out with spaces of the
 * same length: the cross-reference offsets stay valid.
 */
static int blank_creation_date(const char *path)
{
	static const char key[] = "/CreationDate (";
	struct kz_err err;
	char *data, *p, *e;
	size_t len;
	FILE *f;

	if (kz_read_file(path, 0, &data, &len, &err)) {
		kz_err_print(&err);
		return -1;
	}
	for (p = data; p + sizeof(key) < data + len; p++) {
		if (memcmp(p, key, sizeof(key) - 1))
			continue;
		e = memchr(p, ')', (size_t)(data + len - p));
		if (!e)
			break;
		memset(p, ' ', (size_t)(e - p) + 1);
		f = fopen(path, "wb");
		if (!f || fwrite(data, 1, len, f) != len || fclose(f)) {
			fprintf(stderr, "mkpdf: %s: cannot rewrite\n", path);
			free(data);
			return -1;
		}
		break;
	}
	free(data);
	return 0;
}

/*
 * Split the input into paragraphs: one per line, or, when the text is
 * hard-wrapped (many long lines that end in no punctuation), one per block of
 * lines between blank lines. Footnote definitions "[^N]: text" go to c->fn.
 */
static size_t read_paragraphs(char *data, char ***out, struct ctx *c)
{
	char **lines = NULL, **paras = NULL;
	size_t nl = 0, np = 0, longl = 0, open = 0, afn = 0;
	char *p = data;
	int wrapped;

	while (*p) {
		char *e = strchr(p, '\n'), *s = p;
		size_t l;
		if (e)
			*e = '\0';
		p = e ? e + 1 : p + strlen(p);
		while (*s == ' ' || *s == '\t')
			s++;
		l = strlen(s);
		while (l && (s[l - 1] == '\r' || s[l - 1] == ' ' || s[l - 1] == '\t'))
			s[--l] = '\0';
		lines = kz_xrealloc(lines, (nl + 1) * sizeof(*lines));
		lines[nl++] = s;
		if (l >= 40) {
			longl++;
			if (!strchr(".!?:\"\u00bb\u00ab)", s[l - 1]))
				open++;
		}
	}
	wrapped = longl >= 4 && open * 4 >= longl;
	for (size_t i = 0; i < nl;) {
		struct kz_buf b = KZ_BUF_INIT;
		char *s = lines[i];
		if (!*s) {
			i++;
			continue;
		}
		if (s[0] == '[' && s[1] == '^' && strstr(s, "]:")) {
			char *e = strstr(s, "]:");
			KZ_GROW(c->fn, afn, c->nfn + 1);
			c->fn[c->nfn].num = kz_xstrndup(s + 2, (size_t)(e - s - 2));
			c->fn[c->nfn].text = kz_xstrdup(e[2] == ' ' ? e + 3 : e + 2);
			c->fn[c->nfn++].placed = 0;
			i++;
			continue;
		}
		kz_buf_adds(&b, s);
		for (i++; wrapped && i < nl && lines[i][0]; i++) {
			kz_buf_addc(&b, ' ');
			kz_buf_adds(&b, lines[i]);
		}
		paras = kz_xrealloc(paras, (np + 1) * sizeof(*paras));
		paras[np++] = kz_buf_detach(&b, NULL);
	}
	free(lines);
	*out = paras;
	return np;
}

/* Text as HTML: markup characters, umlauts and a few others as character references, ^{..} as <sup>. */
static void html_text(FILE *f, const char *s)
{
	for (; *s; s++) {
		const char *close;
		if (s[0] == '^' && s[1] == '{' && (close = strchr(s + 2, '}')) != NULL) {
			fputs("<sup>", f);
			fwrite(s + 2, 1, (size_t)(close - s - 2), f);
			fputs("</sup>", f);
			s = close;
		} else if (*s == '&')
			fputs("&amp;", f);
		else if (*s == '<')
			fputs("&lt;", f);
		else if (*s == '>')
			fputs("&gt;", f);
		else if (*s == '"')
			fputs("&quot;", f);
		else if (!strncmp(s, "\xC3\xA4", 2))
			fputs("&auml;", f), s++;
		else if (!strncmp(s, "\xC3\xBC", 2))
			fputs("&uuml;", f), s++;
		else if (!strncmp(s, "\xC3\x9F", 2))
			fputs("&szlig;", f), s++;
		else if (!strncmp(s, "\xC3\xB6", 2))
			fputs("&#246;", f), s++;
		else if (!strncmp(s, "\xC2\xA0", 2))
			fputs("&nbsp;", f), s++;
		else if (!strncmp(s, "\xE2\x80\x93", 3))
			fputs("&#x2013;", f), s += 2;
		else if (!strncmp(s, "\xE2\x80\x9E", 3))
			fputs("&bdquo;", f), s += 2;
		else
			fputc(*s, f);
	}
}

/*
 * The same paragraphs as a saved web page: metadata in <head>, a script, a
 * style sheet, navigation and a footer with figures of their own (which the
 * loader must skip), paragraphs in <p>, some split by comments.
 */
static int write_html(const struct ctx *c, char **paras, size_t np)
{
	FILE *f = fopen(c->o.html, "w");

	if (!f) {
		fprintf(stderr, "mkpdf: %s: cannot write\n", c->o.html);
		return -1;
	}
	fputs("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n", f);
	if (c->o.title) {
		fputs("<title>", f);
		html_text(f, c->o.title);
		fputs(" | Beispielseite</title>\n<meta property=\"og:title\" content=\"", f);
		html_text(f, c->o.title);
		fputs("\">\n", f);
	}
	if (c->o.author) {
		fputs("<meta property=\"og:site_name\" content=\"", f);
		html_text(f, c->o.author);
		fputs("\">\n", f);
	}
	if (c->o.date)
		fprintf(f, "<meta property=\"article:published_time\" content=\"%sT08:00:00+01:00\">\n", c->o.date);
	fputs("<script>var n = \"<p>4711 Soldaten</p>\"; if (n < 3) { n = 99; }</script>\n"
	      "<style>p > b { color: red; } /* 12 Prozent */</style>\n</head>\n<body>\n"
	      "<nav><ul><li><a href=\"/\">Startseite</a></li><li>Alle 250 Artikel</li></ul></nav>\n"
	      "<header><p>Ausgabe 17 &middot; 3 Minuten Lesezeit</p></header>\n<article>\n", f);
	for (size_t i = 0; i < np; i++) {
		fputs(i % 3 == 1 ? "<p class=\"text\">" : "<p>", f);
		html_text(f, paras[i]);
		fputs(i % 4 == 2 ? "</p><!-- Anzeige: 500 Euro sparen -->\n" : "</p>\n", f);
	}
	for (size_t i = 0; i < c->nfn; i++) {
		fprintf(f, "<p class=\"fn\"><sup>%s</sup> ", c->fn[i].num);
		html_text(f, c->fn[i].text);
		fputs("</p>\n", f);
	}
	fputs("</article>\n<aside>Mehr als 1000 Leser empfehlen</aside>\n"
	      "<footer>&copy; 2024 Beispielverlag, 30 Mitarbeiter</footer>\n</body>\n</html>\n", f);
	return fclose(f) ? -1 : 0;
}

/* --load: read PDFs back through kennzahl's loader, timed (for tools/bench-load.sh). */
static int load_back(int n, char **files)
{
	struct timespec t0, t1;
	size_t pages = 0, bytes = 0;
	double secs;
	int bad = 0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < n; i++) {
		struct ex_doc d;
		struct kz_err err;
		ex_doc_init(&d);
		if (ex_doc_load(&d, files[i], &err)) {
			kz_err_print(&err);
			bad++;
			continue;
		}
		pages += d.npages;
		bytes += d.len;
		ex_doc_release(&d);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("loaded %zu pages (%zu bytes of text) in %.3f s: %.0f pages/s\n", pages, bytes, secs,
	       secs > 0 ? (double)pages / secs : 0.0);
	return bad ? 3 : 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: mkpdf [-o OUT.pdf] [--title T] [--author A] [--date YYYY-MM-DD] [--header TEXT]\n"
			"             [--page-numbers] [--repeat N] [--image-only] [--no-hyphenate] [--font DESC]\n"
			"             [--html OUT.html] [FILE]\n"
			"       mkpdf --load FILE.pdf...   (read back through the loader, report pages/s)\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct ctx c;
	const char *in = NULL;
	char *data;
	size_t len;
	struct kz_err err;
	char **paras = NULL;
	size_t np = 0;
	PangoFontMetrics *fm;
	int i;

	memset(&c, 0, sizeof(c));
	c.o.out = "out.pdf";
	c.o.font = "DejaVu Serif 10";
	c.o.repeat = 1;
	c.o.hyphenate = 1;
	c.o.width = 595.276;
	c.o.height = 841.89;
	c.o.margin = 72;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		int more = i + 1 < argc;
		if (!strcmp(a, "-o") && more)
			c.o.out = argv[++i];
		else if (!strcmp(a, "--title") && more)
			c.o.title = argv[++i];
		else if (!strcmp(a, "--author") && more)
			c.o.author = argv[++i];
		else if (!strcmp(a, "--date") && more)
			c.o.date = argv[++i];
		else if (!strcmp(a, "--header") && more)
			c.o.header = argv[++i];
		else if (!strcmp(a, "--html") && more)
			c.o.html = argv[++i];
		else if (!strcmp(a, "--font") && more)
			c.o.font = argv[++i];
		else if (!strcmp(a, "--repeat") && more)
			c.o.repeat = atoi(argv[++i]);
		else if (!strcmp(a, "--load"))
			return load_back(argc - i - 1, argv + i + 1);
		else if (!strcmp(a, "--page-numbers"))
			c.o.page_numbers = 1;
		else if (!strcmp(a, "--image-only"))
			c.o.image_only = 1;
		else if (!strcmp(a, "--no-hyphenate"))
			c.o.hyphenate = 0;
		else if (a[0] == '-' && a[1])
			return usage();
		else
			in = a;
	}
	if (c.o.repeat < 1)
		c.o.repeat = 1;
	if (kz_read_file(in ? in : "-", 0, &data, &len, &err)) {
		kz_err_print(&err);
		return 4;
	}
	np = read_paragraphs(data, &paras, &c);
	if (c.o.html && write_html(&c, paras, np))
		return 4;
	c.surf = cairo_pdf_surface_create(c.o.out, c.o.width, c.o.height);
	if (cairo_surface_status(c.surf)) {
		fprintf(stderr, "mkpdf: %s: %s\n", c.o.out, cairo_status_to_string(cairo_surface_status(c.surf)));
		return 4;
	}
	if (c.o.title)
		cairo_pdf_surface_set_metadata(c.surf, CAIRO_PDF_METADATA_TITLE, c.o.title);
	if (c.o.author)
		cairo_pdf_surface_set_metadata(c.surf, CAIRO_PDF_METADATA_AUTHOR, c.o.author);
	if (c.o.date) {
		char date[64];
		snprintf(date, sizeof(date), "%sT12:00:00", c.o.date);
		cairo_pdf_surface_set_metadata(c.surf, CAIRO_PDF_METADATA_CREATE_DATE, date);
	}
	c.cr = cairo_create(c.surf);
	c.lay = pango_cairo_create_layout(c.cr);
	c.font = pango_font_description_from_string(c.o.font);
	c.small = pango_font_description_copy(c.font);
	pango_font_description_set_size(c.small, pango_font_description_get_size(c.font) * 8 / 10);
	fm = pango_context_get_metrics(pango_layout_get_context(c.lay), c.font, NULL);
	c.lh = 1.35 * (double)(pango_font_metrics_get_ascent(fm) + pango_font_metrics_get_descent(fm)) / PANGO_SCALE;
	pango_font_metrics_unref(fm);
	c.y = c.o.margin + c.lh;
	cairo_set_source_rgb(c.cr, 0, 0, 0);

	for (int r = 0; r < c.o.repeat; r++) {
		for (size_t k = 0; k < np; k++)
			put_paragraph(&c, paras[k]);
		for (size_t k = 0; k < c.nfn; k++)
			c.fn[k].placed = 0;
	}
	if (c.on_page || c.page == 0)
		finish_page(&c);
	g_object_unref(c.lay);
	pango_font_description_free(c.font);
	pango_font_description_free(c.small);
	cairo_destroy(c.cr);
	cairo_surface_finish(c.surf);
	if (cairo_surface_status(c.surf)) {
		fprintf(stderr, "mkpdf: %s: %s\n", c.o.out, cairo_status_to_string(cairo_surface_status(c.surf)));
		return 4;
	}
	cairo_surface_destroy(c.surf);
	if (!c.o.date && blank_creation_date(c.o.out))
		return 4;
	for (size_t k = 0; k < np; k++)
		free(paras[k]);
	for (size_t k = 0; k < c.nfn; k++) {
		free(c.fn[k].num);
		free(c.fn[k].text);
	}
	free(c.fn);
	free(c.queue);
	free(paras);
	free(data);
	printf("%s: %d pages\n", c.o.out, c.page);
	return 0;
}
