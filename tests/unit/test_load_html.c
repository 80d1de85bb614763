/* test_load_html.c: the HTML loader — markup, entities, skipped parts, metadata, hostile pages. */
#include "extract/extract.h"
#include "t.h"

#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static char dir[64];
static struct ex_doc d;
static char errmsg[512];

/* Load data as dir/name into the global d; returns its text, or NULL with errmsg set. */
static const char *load_n(const char *name, const char *data, size_t n)
{
	char path[256];
	struct kz_err err;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	fwrite(data, 1, n, f);
	fclose(f);
	ex_doc_release(&d);
	ex_doc_init(&d);
	if (ex_doc_load(&d, path, &err)) {
		snprintf(errmsg, sizeof(errmsg), "%s", err.msg);
		return NULL;
	}
	return d.text;
}

#define LOAD(lit) load_n("t.html", lit, sizeof(lit) - 1)

static const char page[] =
	"<!DOCTYPE html>\n<html lang=\"de\"><head>\n"
	"<meta charset=\"utf-8\">\n"
	"<title>Truppen in Korea | Beispiel-Zeitung</title>\n"
	"<meta property=\"og:title\" content=\"Truppen in Korea &amp; Japan\">\n"
	"<meta property=\"og:site_name\" content='Beispiel-Zeitung'>\n"
	"<meta name=author content=\"Erika Muster\">\n"
	"<meta property=\"article:published_time\" content=\"2024-02-26T10:00:00+01:00\">\n"
	"<meta name=\"date\" content=\"2020-01-01\">\n"
	"<link rel=\"canonical\" href=\"https://example.org/korea?a=1&amp;b=2\">\n"
	"<script type=\"text/javascript\">var s = \"</p><p>4711 Soldaten\"; if (a < b && c > d) {}</script>\n"
	"<style>/* 12 Prozent */ p > b { color: red }</style>\n"
	"</head>\n<BODY>\n"
	"<nav><ul><li>Alle 250 Artikel</li></ul></nav>\n"
	"<header><h1>Kopf mit 99 Lesern</h1></header>\n"
	"<article>\n"
	"<h1>US-Truppen&nbsp;in S&uuml;dkorea</h1>\n"
	"<p>Die USA haben rund 28.500<sup>12</sup> Soldaten in\n   S&#252;dkorea &#x2013; das sind\t\t"
	"<b>mehr</b> als 2,1&#8239;Prozent<sup><a href=\"#fn3\">[3]</a></sup>.</p>\n"
	"<!-- <p>auskommentiert: 777 Soldaten</p> -->\n"
	"<p>Zeile eins<br>Zeile zwei<br/>Zeile drei</p>\n"
	"<div>Kosten: 1&#x202F;000 &euro; &ndash; &bdquo;Zitat&ldquo; &amp; &lt;Klammer&gt; &unbekannt; a&b</div>\n"
	"<p><![CDATA[roh <nicht> &amp; markiert]]></p>\n"
	"<table><tr><td>2020</td><td>28.500</td></tr><tr><td>2021</td><td>28.000</td></tr></table>\n"
	"<pre>  Zeile A\n  Zeile B</pre>\n"
	"<p>Auf&shy;listung, m<sup>2</sup> <sup>a</sup></p>\n"
	"</article>\n"
	"<aside>Mehr als 1000 Leser empfehlen</aside>\n"
	"<footer>&copy; 2024 Verlag, 30 Mitarbeiter</footer>\n"
	"<noscript>Bitte JavaScript einschalten</noscript>\n"
	"</body></html>\n";

static void test_page(void)
{
	const char *t = LOAD(page);

	T_CHECK(t != NULL);
	if (!t)
		return;
	T_STREQ(t, "US-Truppen\xC2\xA0in Südkorea\n\n"
		   "Die USA haben rund 28.500 Soldaten in Südkorea – das sind mehr als 2,1\xE2\x80\xAFProzent.\n\n"
		   "Zeile eins\nZeile zwei\nZeile drei\n\n"
		   "Kosten: 1\xE2\x80\xAF" "000 € – „Zitat“ & <Klammer> &unbekannt; a&b\n\n"
		   "roh <nicht> &amp; markiert\n\n"
		   "2020\n\n28.500\n\n2021\n\n28.000\n\n"
		   "  Zeile A\n  Zeile B\n\n"
		   "Auflistung, m a\n");
	T_STREQ(d.meta.title, "Truppen in Korea & Japan");
	T_STREQ(d.meta.publisher, "Beispiel-Zeitung");
	T_STREQ(d.meta.date, "2024-02-26");
	T_STREQ(d.meta.url, "https://example.org/korea?a=1&b=2");
	T_CHECK(d.meta.year == 2024 && d.meta.src == EX_META_FILE);
	T_CHECK(!strstr(t, "4711") && !strstr(t, "250") && !strstr(t, "99") && !strstr(t, "777") &&
		!strstr(t, "1000") && !strstr(t, "Mitarbeiter") && !strstr(t, "JavaScript"));
}

static void test_meta_fallbacks(void)
{
	const char *t;

	/* <title> when there is no og:title; dc.date in German form; author as publisher */
	t = LOAD("<html><head><title>  Lastenteilung\n in Japan </title>"
		 "<meta name=\"DC.date\" content=\"26.02.2024\"><meta name=\"author\" content=\"SWP\"></head>"
		 "<body><p>Japan zahlt 1,9 Milliarden Dollar.</p></body></html>");
	T_STREQ(t ? t : "", "Japan zahlt 1,9 Milliarden Dollar.\n");
	T_STREQ(d.meta.title, "Lastenteilung in Japan");
	T_STREQ(d.meta.publisher, "SWP");
	T_STREQ(d.meta.date, "2024-02-26");
	T_CHECK(d.meta.src == EX_META_FILE);

	/* no metadata: the dateline in the text gives the date */
	t = LOAD("<p>Berlin, 31. Januar 2025</p><p>Text mit 5 Prozent.</p>");
	T_STREQ(t ? t : "", "Berlin, 31. Januar 2025\n\nText mit 5 Prozent.\n");
	T_STREQ(d.meta.date, "2025-01-31");
	T_CHECK(d.meta.src == EX_META_DATELINE && d.meta.title == NULL);

	/* a year-month date */
	LOAD("<meta property=article:published_time content=2023-07><p>x</p>");
	T_STREQ(d.meta.date, "2023-07");
}

static void test_malformed(void)
{
	const char *t;

	/* "<d, 3 <= 4 </>" is a tag, as browsers read it */
	t = LOAD("a < b und c<d, 3 <= 4 </> <p class=\"x>y\">ok</p> &#128; &#0; &#xD800; &#x110000; &amp &nbspx");
	T_STREQ(t ? t : "", "a < b und c\n\nok\n\n€ \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD & \xC2\xA0x\n");
	/* an attribute value that never closes swallows the rest, without overrunning */
	t = LOAD("<p>Vorher</p><a href=\"offen>Text ohne Ende");
	T_STREQ(t ? t : "", "Vorher\n");
	/* an unterminated comment and a tag cut off at the end */
	t = LOAD("<p>Text</p><!-- offen <p>mehr</p>");
	T_STREQ(t ? t : "", "Text\n");
	t = LOAD("<p>Text</p><p");
	T_STREQ(t ? t : "", "Text\n");
	t = LOAD("<p>Text <script>nie geschlossen 42");
	T_STREQ(t ? t : "", "Text\n");
	/* an unclosed <header> would swallow the page: it is read again keeping that text */
	t = LOAD("<header><h1>Titel</h1>\n<p>Der Haushalt stieg um 5 Prozent.</p>");
	T_STREQ(t ? t : "", "Titel\n\nDer Haushalt stieg um 5 Prozent.\n");
	/* only markup: a clear error */
	T_CHECK(LOAD("<html><head><script>x()</script></head><body> </body></html>") == NULL);
	T_STREQ(errmsg, "no text in html page");
	/* uppercase tags and attributes, script end tag in odd case */
	t = LOAD("<P>Eins</P><SCRIPT>x</ScRiPt ><DIV>Zwei</DIV>");
	T_STREQ(t ? t : "", "Eins\n\nZwei\n");
}

static void test_charset(void)
{
	static const char latin[] = "<meta charset=\"windows-1252\"><p>S\xFC" "dkorea \x80 5</p>";
	const char *t = load_n("latin.html", latin, sizeof(latin) - 1);

	T_STREQ(t ? t : "", "Südkorea € 5\n");
	T_CHECK(d.warned_cp1252 == 0); /* declared, so no warning */
}

static void test_deep(void)
{
	struct kz_buf b = KZ_BUF_INIT;
	clock_t c0;
	const char *t;
	double secs;

	for (int i = 0; i < 10000; i++)
		kz_buf_adds(&b, "<div><span>");
	kz_buf_adds(&b, "Tief: 7 Prozent");
	for (int i = 0; i < 10000; i++)
		kz_buf_adds(&b, "</span></div>");
	c0 = clock();
	t = load_n("deep.html", b.s, b.len);
	T_STREQ(t ? t : "", "Tief: 7 Prozent\n");
	kz_buf_reset(&b);

	/* 10 000 unclosed <nav> then text: skipped, then the fallback pass keeps it */
	for (int i = 0; i < 10000; i++)
		kz_buf_adds(&b, "<nav>");
	kz_buf_adds(&b, "Navigation 5");
	t = load_n("deepnav.html", b.s, b.len);
	T_STREQ(t ? t : "", "Navigation 5\n");
	kz_buf_reset(&b);

	/* 100 000 unterminated "<a" openers and stray ampersands: linear, no crash */
	for (int i = 0; i < 100000; i++)
		kz_buf_adds(&b, "<a x='&#");
	t = load_n("junk.html", b.s, b.len);
	(void)t;
	T_CHECK(1);
	secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
	T_CHECK(secs < 2.0);
	kz_buf_release(&b);
}

int main(void)
{
	snprintf(dir, sizeof(dir), "/tmp/kz-load-html-XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	ex_doc_init(&d);
	test_page();
	test_meta_fallbacks();
	test_malformed();
	test_charset();
	test_deep();
	ex_doc_release(&d);
	{
		char cmd[128];
		snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
		if (system(cmd) != 0)
			fprintf(stderr, "cannot remove %s\n", dir);
	}
	return t_done("test_load_html");
}
