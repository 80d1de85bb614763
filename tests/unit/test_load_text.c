/* test_load_text.c: the text loader — encodings, line ends, spaces in numbers, datelines, sources.csv. */
#include "extract/extract.h"
#include "t.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* data given as a string literal, NUL bytes included */
#define LOAD(name, lit, d) load(name, lit, sizeof(lit) - 1, d)
#define PUT(name, lit) put(name, lit, sizeof(lit) - 1)

static char dir[64];

static const char *put(const char *name, const char *data, size_t n)
{
	static char path[4][256];
	static int k;
	char *p = path[k++ % 4];
	FILE *f;

	snprintf(p, 256, "%s/%s", dir, name);
	f = fopen(p, "wb");
	fwrite(data, 1, n, f);
	fclose(f);
	return p;
}

/* Load data written to a file called name; returns the text (static copy) or "ERR: message". */
static const char *load(const char *name, const char *data, size_t n, struct ex_doc *d)
{
	static char out[4096];
	struct kz_err err;
	const char *path = put(name, data, n);

	ex_doc_init(d);
	if (ex_doc_load(d, path, &err)) {
		snprintf(out, sizeof(out), "ERR: %s", err.msg);
		return out;
	}
	snprintf(out, sizeof(out), "%s", d->text);
	return out;
}

static void utf16(char *dst, size_t *n, const char *ascii, int le)
{
	/* BOM, then the ASCII text with "ü" (U+00FC) for '~' and U+1F600 for '@' (a surrogate pair) */
	size_t k = 0;
	dst[k++] = le ? '\xFF' : '\xFE';
	dst[k++] = le ? '\xFE' : '\xFF';
	for (; *ascii; ascii++) {
		unsigned u[2] = {(unsigned char)*ascii, 0};
		int m = 1;
		if (*ascii == '~')
			u[0] = 0xFC;
		if (*ascii == '@')
			u[0] = 0xD83D, u[1] = 0xDE00, m = 2;
		for (int j = 0; j < m; j++) {
			dst[k++] = (char)(le ? u[j] & 0xFF : u[j] >> 8);
			dst[k++] = (char)(le ? u[j] >> 8 : u[j] & 0xFF);
		}
	}
	*n = k;
}

static void test_encodings(void)
{
	struct ex_doc d;
	char buf[256];
	size_t n;

	T_STREQ(LOAD("bom.txt", "\xEF\xBB\xBF" "Die USA hatten 2020 Soldaten.\n", &d),
		"Die USA hatten 2020 Soldaten.\n");
	T_CHECK(d.len == 30 && d.warned_cp1252 == 0);
	ex_doc_release(&d);

	utf16(buf, &n, "S~dkorea: 28.500 Soldaten @\r\nzweite Zeile", 1);
	T_STREQ(load("le.txt", buf, n, &d), "Südkorea: 28.500 Soldaten \xF0\x9F\x98\x80\nzweite Zeile");
	ex_doc_release(&d);
	utf16(buf, &n, "S~dkorea\r\n", 0);
	T_STREQ(load("be.txt", buf, n, &d), "Südkorea\n");
	ex_doc_release(&d);

	/* not UTF-8: Windows-1252, including its 0x80..0x9F characters */
	T_STREQ(LOAD("cp.txt", "S\xFC" "dkorea zahlt \x80 5 Mrd. \x84Zitat\x93 \x96 gr\xF6\xDF" "er\r\n", &d),
		"Südkorea zahlt € 5 Mrd. „Zitat“ – größer\n");
	T_CHECK(d.warned_cp1252 == 1);
	ex_doc_release(&d);

	/* CRLF and lone CR become LF */
	T_STREQ(LOAD("crlf.txt", "eins\r\nzwei\rdrei\r\n\r\nvier", &d), "eins\nzwei\ndrei\n\nvier");
	ex_doc_release(&d);

	/* soft hyphens and zero-width characters go, ligatures open up, NO-BREAK and narrow spaces stay */
	T_STREQ(LOAD("clean.txt",
		     "Verteidigungs\xC2\xADhaushalt Au\xEF\xAC\x82istung o\xEF\xAC\x83ziell a\xE2\x80\x8B" "b "
		     "55\xE2\x80\xAF" "300 und 31\xC2\xA0" "050\n", &d),
		"Verteidigungshaushalt Auflistung offiziell ab 55\xE2\x80\xAF" "300 und 31\xC2\xA0" "050\n");
	ex_doc_release(&d);

	/* binary and empty files are refused with a reason */
	T_STREQ(LOAD("bin.txt", "abc\0def", &d), "ERR: binary file (NUL byte at offset 3)");
	T_STREQ(LOAD("empty.txt", "", &d), "ERR: empty file");
	{
		struct kz_err err;
		ex_doc_init(&d);
		T_CHECK(ex_doc_load(&d, "/nonexistent/x.txt", &err) != 0 && err.msg[0]);
	}
}

/* Figures written with NO-BREAK SPACE and NARROW NO-BREAK SPACE as digit grouping read whole. */
static void test_spaces_in_numbers(void)
{
	static const char text[] = "Die USA hatten 2020 circa 55\xE2\x80\xAF" "300 Soldaten in Japan stationiert. "
				   "In S\xC3\xBC" "dkorea waren es 28\xC2\xA0" "500 Soldaten.\n";
	struct ex_lexicon *lx = ex_lexicon_new();
	struct ex_options o = {0};
	struct kz_table t;
	struct ex_doc d;
	int a = 0, b = 0;

	load("nbsp.txt", text, sizeof(text) - 1, &d);
	kz_table_init(&t);
	ex_extract(lx, &d, &o, &t);
	for (size_t i = 0; i < t.n; i++) {
		a |= t.v[i].value == 55300;
		b |= t.v[i].value == 28500;
	}
	T_CHECK(a);
	T_CHECK(b);
	kz_table_release(&t);
	ex_doc_release(&d);
	ex_lexicon_free(lx);
}

static void dateline(const char *text, const char *date, enum ex_meta_src src)
{
	struct ex_meta m;

	memset(&m, 0, sizeof(m));
	ex_meta_from_dateline(&m, text, strlen(text));
	T_STREQ(m.date ? m.date : "(none)", date);
	if (m.src != src)
		fprintf(stderr, "dateline \"%.40s\": src %d, want %d\n", text, (int)m.src, (int)src);
	T_CHECK(m.src == src);
	free(m.date);
}

static void test_datelines(void)
{
	dateline("Berlin, 31. Januar 2025\nDie Bundeswehr hat 181.000 Soldaten.", "2025-01-31", EX_META_DATELINE);
	dateline("Seoul, 26.02.2024 – Die Allianz ...", "2024-02-26", EX_META_DATELINE);
	dateline("Washington, February 26, 2024\nThe United States ...", "2024-02-26", EX_META_DATELINE);
	dateline("Titel\nStand: Mai 2021\nText", "2021-05", EX_META_DATELINE);
	dateline("Wien, 4. Jänner 2023: Text", "2023-01-04", EX_META_DATELINE);
	/* an agency dateline, also at the end of a long text */
	{
		char big[3000];
		memset(big, 'x', sizeof(big));
		for (size_t i = 0; i < sizeof(big); i += 50)
			big[i] = '\n';
		snprintf(big + 2800, 200, "\nDie USA haben 28.500 Soldaten. (APA, Reuters, 21.11.2019)\n");
		dateline(big, "2019-11-21", EX_META_DATELINE);
	}
	dateline("Text ohne Datum 2017 und 2019.\nMehr.", "(none)", EX_META_GUESS);
	dateline("(Stand: 3. März 2022)", "2022-03-03", EX_META_DATELINE);
}

static void title(const char *text, const char *want)
{
	struct ex_meta m;

	memset(&m, 0, sizeof(m));
	ex_meta_title_from_text(&m, text, strlen(text));
	T_STREQ(m.title ? m.title : "(none)", want);
	free(m.title);
}

/* a plain text's first line is its title when it reads as one */
static void test_titles(void)
{
	title("Schweden verdoppelt Wehretat bis 2030\n\nStockholm – Die Regierung …", "Schweden verdoppelt Wehretat bis 2030");
	title("\xEF\xBB\xBF\nIndien kauft 26 Kampfjets aus Frankreich\r\nText.", "Indien kauft 26 Kampfjets aus Frankreich");
	title("    Die Bündnisse der USA bilden das Fundament der\n    Sicherheitsarchitektur.", "(none)"); /* indented: body */
	title("Die Bundeswehr hat 181.000 Soldaten.\nMehr.", "(none)");                                /* a sentence */
	title("China today logo\nText", "(none)");                                                        /* three words */
	title("Berlin, 18. Juni 2024 – Pressemitteilung Nr. 4\nText", "(none)");                        /* a dateline */
	title("", "(none)");
}

static void on_err(const struct kz_err *err, void *arg)
{
	(void)arg;
	kz_err_print(err);
}

/* sources.csv beats the file's own metadata, which beats the dateline. */
static void test_precedence(void)
{
	struct ex_sources src;
	struct ex_paths paths = {0};
	struct ex_doc d;
	struct kz_err err;
	char sub[128], *argv[1];
	int nbad = 0, worst = 0;
	snprintf(sub, sizeof(sub), "%s/korpus", dir);
	mkdir(sub, 0755);
	PUT("korpus/a.txt", "Seoul, 26.02.2024\nText.\n");
	PUT("korpus/b.txt", "Seoul, 26.02.2024\nText.\n");
	PUT("korpus/c.html",
	    "<html><head><meta name=\"date\" content=\"2023-07-01\"><title>T</title></head><body><p>Seoul, 26.02.2024</p></body></html>");
	PUT("korpus/sources.csv",
	    "file,title,publisher,date,url\na.txt,Studie A,SWP,2022-05,https://example.org/a\nc.html,,,,\n");
	argv[0] = sub;
	ex_sources_init(&src);
	ex_collect(argv, 1, &paths, &src, on_err, NULL, &nbad, &worst);
	T_CHECK(nbad == 0 && paths.n == 3 && src.n == 2);
	for (size_t i = 0; i < paths.n; i++) {
		ex_doc_init(&d);
		if (ex_doc_load(&d, paths.v[i], &err)) {
			T_CHECK(0);
			continue;
		}
		ex_sources_apply(&src, &d);
		if (strstr(d.path, "a.txt")) {
			T_STREQ(d.meta.date, "2022-05");
			T_STREQ(d.meta.title, "Studie A");
			T_STREQ(d.meta.publisher, "SWP");
			T_CHECK(d.meta.year == 2022 && d.meta.src == EX_META_SOURCES);
		} else if (strstr(d.path, "b.txt")) {
			T_STREQ(d.meta.date, "2024-02-26");
			T_CHECK(d.meta.year == 2024 && d.meta.src == EX_META_DATELINE);
		} else {
			/* an empty sources.csv row leaves the page's own date */
			T_STREQ(d.meta.date, "2023-07-01");
			T_CHECK(d.meta.src == EX_META_FILE);
		}
		ex_doc_release(&d);
	}
	ex_paths_release(&paths);
	ex_sources_release(&src);
}

int main(void)
{
	snprintf(dir, sizeof(dir), "/tmp/kz-load-text-XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	test_encodings();
	test_spaces_in_numbers();
	test_datelines();
	test_titles();
	test_precedence();
	{
		char cmd[128];
		snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
		if (system(cmd) != 0)
			fprintf(stderr, "cannot remove %s\n", dir);
	}
	return t_done("test_load_text");
}
