/* test_load_pdf.c: the PDF loader — PDFs laid out here with Cairo + Pango, and hostile ones written by hand. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1 /* RTLD_DEFAULT */
#endif
#include "extract/extract.h"
#include "t.h"

#include <cairo-pdf.h>
#include <dlfcn.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static char dir[64];
static struct ex_doc d;
static char errmsg[512];

static const char *path_of(const char *name)
{
	static char p[4][256];
	static int k;
	char *s = p[k++ % 4];
	snprintf(s, 256, "%s/%s", dir, name);
	return s;
}

/* Load dir/name into d; its text, or NULL with errmsg set. */
static const char *load(const char *name)
{
	struct kz_err err;

	ex_doc_release(&d);
	ex_doc_init(&d);
	if (ex_doc_load(&d, path_of(name), &err)) {
		snprintf(errmsg, sizeof(errmsg), "%s", err.msg);
		return NULL;
	}
	return d.text;
}

/* --- PDFs laid out line by line (the test decides every line end) --- */

struct line {
	double y, size; /* baseline from the top, font size in points */
	const char *markup; /* Pango markup */
};

static void show(cairo_t *cr, PangoLayout *lay, const struct line *l, int as_paths)
{
	PangoFontDescription *fd = pango_font_description_from_string("DejaVu Serif");

	pango_font_description_set_absolute_size(fd, l->size * PANGO_SCALE);
	pango_layout_set_font_description(lay, fd);
	pango_layout_set_markup(lay, l->markup, -1);
	cairo_move_to(cr, 72, l->y - (double)pango_layout_get_baseline(lay) / PANGO_SCALE);
	if (as_paths) {
		pango_cairo_layout_path(cr, lay);
		cairo_fill(cr);
	} else {
		pango_cairo_show_layout(cr, lay);
	}
	pango_font_description_free(fd);
}

/*
 * Write a PDF of npages pages: each gets a running head, the body lines
 * body[page] (NULL-markup terminated) and a page number foot.
 */
static void make_pdf(const char *name, int npages, const struct line *const *body, int as_paths, int heads)
{
	cairo_surface_t *s = cairo_pdf_surface_create(path_of(name), 595, 842);
	cairo_t *cr = cairo_create(s);
	PangoLayout *lay = pango_cairo_create_layout(cr);

	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, "Allianzen im Indo-Pazifik");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, "Stiftung Wissenschaft und Politik");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2021-03-15T10:00:00");
	for (int p = 0; p < npages; p++) {
		char foot[32];
		struct line head = {40, 8, "SWP-Studie 7/2021 · Allianzen im Indo-Pazifik"};
		struct line num = {800, 8, foot};
		snprintf(foot, sizeof(foot), "%d", p + 1);
		if (heads)
			show(cr, lay, &head, as_paths);
		for (const struct line *l = body[p]; l->markup; l++)
			show(cr, lay, l, as_paths);
		if (heads)
			show(cr, lay, &num, as_paths);
		cairo_show_page(cr);
	}
	g_object_unref(lay);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
}

#define SUP(x) "<span size=\"6500\" rise=\"4000\">" x "</span>"

static const struct line page1[] = {
	{100, 14, "Allianzen im Wandel"},
	{140, 10, "Stand: Mai 2021"},
	{170, 10, "Der Verteidigungs-"},
	{184, 10, "haushalt stieg auf 51,95 Milliarden Euro" SUP("12") ", das sind"},
	{198, 10, "2,1 Prozent" SUP("3") " des BIP. In Südkorea sind 28.500 US-"},
	{212, 10, "Soldaten stationiert; die Verteidigungs- und"},
	{226, 10, "Sicherheitspolitik wird gemeinsam \xEF\xAC\x81nanziert, die Zahl der"},
	{0, 0, NULL}};
static const struct line page2[] = {
	{100, 10, "Soldaten sank auf 24.000" SUP("4") "."},
	{130, 10, "Japan zahlte 2020 rund 1,9 Milliarden Dollar."},
	{780, 8, SUP("12") " Bundeshaushalt 2021, Einzelplan 14."},
	{0, 0, NULL}};
static const struct line page3[] = {
	{100, 10, "Ende der Studie."},
	{0, 0, NULL}};

static void test_layout(void)
{
	const struct line *const body[] = {page1, page2, page3};
	const char *t, *p;

	make_pdf("studie.pdf", 3, body, 0, 1);
	t = load("studie.pdf");
	T_CHECK(t != NULL);
	if (!t) {
		fprintf(stderr, "%s\n", errmsg);
		return;
	}
	T_STREQ(t, "Allianzen im Wandel\n\n"
		   "Stand: Mai 2021\n\n"
		   "Der Verteidigungshaushalt stieg auf 51,95 Milliarden Euro, das sind 2,1 Prozent des BIP. "
		   "In Südkorea sind 28.500 US-Soldaten stationiert; die Verteidigungs- und Sicherheitspolitik "
		   "wird gemeinsam finanziert, die Zahl der Soldaten sank auf 24.000.\n\n"
		   "Japan zahlte 2020 rund 1,9 Milliarden Dollar.\n\n"
		   "Bundeshaushalt 2021, Einzelplan 14.\n\n"
		   "Ende der Studie.\n");
	T_CHECK(d.npages == 3);
	p = strstr(t, "Soldaten sank");
	T_CHECK(p && ex_doc_page(&d, (size_t)(p - t)) == 2);
	p = strstr(t, "Die Zahl");
	T_CHECK(ex_doc_page(&d, 0) == 1);
	p = strstr(t, "Ende der");
	T_CHECK(p && ex_doc_page(&d, (size_t)(p - t)) == 3);
	T_CHECK(!strstr(t, "SWP-Studie") && !strstr(t, "Euro12") && !strstr(t, "Prozent3"));
	/* the info dictionary */
	T_STREQ(d.meta.title, "Allianzen im Indo-Pazifik");
	T_STREQ(d.meta.publisher, "Stiftung Wissenschaft und Politik");
	T_STREQ(d.meta.date, "2021-03-15");
	T_CHECK(d.meta.year == 2021 && d.meta.src == EX_META_FILE);
}

/* Figures on the page come out of the extractor as from text, on the right page. */
static void test_claims(void)
{
	const struct line *const body[] = {page1, page2, page3};
	struct ex_lexicon *lx = ex_lexicon_new();
	struct ex_options o = {0};
	struct kz_table t;
	int troops = 0, glued = 0;

	make_pdf("claims.pdf", 3, body, 0, 1);
	if (!load("claims.pdf")) {
		T_CHECK(0);
		ex_lexicon_free(lx);
		return;
	}
	kz_table_init(&t);
	ex_extract(lx, &d, &o, &t);
	for (size_t i = 0; i < t.n; i++) {
		if (t.v[i].value == 28500 && t.v[i].page == 1)
			troops++;
		if (t.v[i].value == 24000 && t.v[i].page == 2)
			troops++;
		if (t.v[i].value == 12 || t.v[i].value == 3 || t.v[i].value == 4 || t.v[i].value == 7)
			glued++; /* footnote markers, running heads, page numbers */
	}
	T_CHECK(troops == 2);
	T_CHECK(glued == 0);
	kz_table_release(&t);
	ex_lexicon_free(lx);
}

/* --- hostile input --- */

/* Write a PDF from object bodies (1-based), computing the cross-reference table. */
static void write_objs(const char *name, const char *const *obj, int n, const char *trailer_extra)
{
	FILE *f = fopen(path_of(name), "wb");
	long off[16];

	fputs("%PDF-1.4\n", f);
	for (int i = 0; i < n; i++) {
		off[i] = ftell(f);
		fprintf(f, "%d 0 obj\n%s\nendobj\n", i + 1, obj[i]);
	}
	{
		long x = ftell(f);
		fprintf(f, "xref\n0 %d\n0000000000 65535 f \n", n + 1);
		for (int i = 0; i < n; i++)
			fprintf(f, "%010ld 00000 n \n", off[i]);
		fprintf(f, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%ld\n%%%%EOF\n", n + 1, trailer_extra, x);
	}
	fclose(f);
}

static void put_bytes(const char *name, const void *p, size_t n)
{
	FILE *f = fopen(path_of(name), "wb");
	fwrite(p, 1, n, f);
	fclose(f);
}

static void test_hostile(void)
{
	static const char *const zero[] = {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"};
	static const char *const enc[] = {
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
		"<< /Filter /Standard /V 1 /R 2 /P -44 "
		"/O <0102030405060708090a0b0c0d0e0f100102030405060708090a0b0c0d0e0f10> "
		"/U <a1a2a3a4a5a6a7a8a9aaabacadaeafb0a1a2a3a4a5a6a7a8a9aaabacadaeafb0> >>"};
	const struct line *const body[] = {page1, page2, page3};
	char *raw;
	size_t len;
	struct kz_err err;

	write_objs("zero.pdf", zero, 2, "");
	T_CHECK(load("zero.pdf") == NULL);
	T_STREQ(errmsg, "pdf has no pages");

	write_objs("enc.pdf", enc, 4, "/Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]");
	T_CHECK(load("enc.pdf") == NULL);
	T_STREQ(errmsg, "encrypted pdf (a password is needed)");

	make_pdf("image.pdf", 3, body, 1, 1);
	T_CHECK(load("image.pdf") == NULL);
	T_STREQ(errmsg, "no text layer (scanned or image-only pdf?)");

	put_bytes("garbage.pdf", "%PDF-1.4\n\x01\x02garbage\n", 18);
	T_CHECK(load("garbage.pdf") == NULL);
	T_CHECK(!strncmp(errmsg, "not a readable pdf", 18));

	put_bytes("text.pdf", "Das ist gar kein PDF, nur Text mit 5 Prozent.\n", 46);
	T_CHECK(load("text.pdf") == NULL);
	T_CHECK(!strncmp(errmsg, "not a readable pdf", 18));

	put_bytes("empty.pdf", "", 0);
	T_CHECK(load("empty.pdf") == NULL && errmsg[0]);

	ex_doc_init(&d);
	T_CHECK(ex_doc_load(&d, path_of("missing.pdf"), &err) == KZ_EINPUT);

	/* truncated at several points: an error or what text survives, never a crash */
	make_pdf("whole.pdf", 3, body, 0, 1);
	if (kz_read_file(path_of("whole.pdf"), 0, &raw, &len, &err) == 0) {
		size_t cuts[] = {len / 10, len / 3, len / 2, len - 40};
		for (size_t k = 0; k < sizeof(cuts) / sizeof(cuts[0]); k++) {
			const char *t;
			put_bytes("cut.pdf", raw, cuts[k]);
			t = load("cut.pdf");
			T_CHECK(t != NULL || errmsg[0] != '\0');
		}
		free(raw);
	}
}

/* A 500-page PDF loads page by page; pages and running heads come out right. */
static void test_long(void)
{
	static struct line lines[41];
	static char text[40][96];
	const struct line *body[500];
	clock_t c0;
	const char *t, *p;
	double secs;

	static struct line pages[500][41];
	static char words[500][8];

	for (int i = 0; i < 40; i++) {
		snprintf(text[i], sizeof(text[i]), "Zeile %d des Berichts: Die Streitkr\xC3\xA4" "fte umfassen %d Soldaten.",
			 i + 1, 1000 + i);
		lines[i].y = 80 + i * 17;
		lines[i].size = 10;
		lines[i].markup = text[i];
	}
	for (int i = 0; i < 500; i++) {
		/* each page's first line differs in a word, so it is no running head */
		snprintf(words[i], sizeof(words[i]), "%c%c%c", 'A' + i % 26, 'a' + i / 26 % 26, 'a' + i % 7);
		memcpy(pages[i], lines, sizeof(lines));
		pages[i][0].markup = words[i];
		body[i] = pages[i];
	}
	make_pdf("long.pdf", 500, body, 0, 1);
	c0 = clock();
	t = load("long.pdf");
	secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
	T_CHECK(t != NULL);
	if (!t)
		return;
	T_CHECK(d.npages == 500);
	T_CHECK(!strstr(t, "SWP-Studie"));
	p = strstr(t, "Zeile 2 des");
	T_CHECK(p && ex_doc_page(&d, (size_t)(p - t)) == 1);
	T_CHECK(ex_doc_page(&d, (size_t)(strstr(t, "Aaa") - t)) == 1);
	p = strrchr(t, 'Z');
	T_CHECK(p && ex_doc_page(&d, (size_t)(p - t)) == 500);
	fprintf(stderr, "test_load_pdf: 500 pages in %.2f s (%.0f pages/s)\n", secs, 500 / (secs > 0 ? secs : 1e-9));
}

int main(void)
{
	snprintf(dir, sizeof(dir), "/tmp/kz-load-pdf-XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	ex_doc_init(&d);
	test_layout();
	test_claims();
	test_hostile();
	test_long();
	ex_doc_release(&d);
	/* release the font caches Pango and Cairo keep, so the leak checker sees only ours */
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	{
		/* fontconfig's own caches: FcFini, found at run time (fontconfig is not linked directly) */
		void *fini = dlsym(RTLD_DEFAULT, "FcFini");
		if (fini)
			((void (*)(void))(size_t)fini)();
	}
	if (!getenv("KZ_KEEP")) {
		char cmd[128];
		snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
		if (system(cmd) != 0)
			fprintf(stderr, "cannot remove %s\n", dir);
	}
	return t_done("test_load_pdf");
}
