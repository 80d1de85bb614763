/* test_factsheet.c: the fact sheet from a small claims table: its tables (key figures, "Ziele und
 * Forderungen"), pages, scale, headings and layout dump (test_report.c: the model under it). */
#include "reports/reports_int.h"
#include "report_fixture.h"
#include "t.h"

#include <poppler.h>
#include <stdlib.h>
#include <unistd.h>

/* Per page of a layout dump: text boxes stay on the page and do not overlap. */
static int check_layout(const char *dump, int *pages, int *nbox)
{
	struct box {
		double x, y, w, h;
	} *b = NULL;
	size_t n = 0, alloc = 0;
	int bad = 0, page = 0;
	const char *p = dump;

	*nbox = 0;
	for (;;) {
		int end = !p || !*p;
		if (end || *p == 'P') {
			for (size_t i = 0; i < n; i++) {
				if (b[i].x < 0 || b[i].y < 0 || b[i].x + b[i].w > RP_PAGE_W + 0.5 ||
				    b[i].y + b[i].h > RP_PAGE_H + 0.5) {
					fprintf(stderr, "page %d: box off the page at %.1f %.1f\n", page,
					        b[i].x, b[i].y);
					bad++;
				}
				for (size_t j = 0; j < i; j++) {
					double ox =
					    fmin(b[i].x + b[i].w, b[j].x + b[j].w) - fmax(b[i].x, b[j].x);
					double oy =
					    fmin(b[i].y + b[i].h, b[j].y + b[j].h) - fmax(b[i].y, b[j].y);
					if (ox > 0.5 && oy > 0.5) {
						fprintf(stderr,
						        "page %d: boxes at %.1f,%.1f and %.1f,%.1f overlap\n",
						        page, b[j].x, b[j].y, b[i].x, b[i].y);
						bad++;
					}
				}
			}
			*nbox += (int)n;
			n = 0;
			if (end)
				break;
			page++;
		} else if (*p == 'T') {
			KZ_GROW(b, alloc, n + 1);
			if (sscanf(p, "T %lf %lf %lf %lf", &b[n].x, &b[n].y, &b[n].w, &b[n].h) == 4)
				n++;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	free(b);
	*pages = page;
	return bad;
}

/* "Ziele und Forderungen": one row per figure stated, with its year; never a range of differing
 * targets, and the five-year total of a budget is a key figure of its own, not the latest year. */
static void test_goals(void)
{
	struct kz_table t;
	struct rp_docs d;
	struct rp_options o;
	struct kz_buf dump = KZ_BUF_INIT;
	struct kz_err err;
	char pdf[] = "/tmp/kz-test-goals-XXXXXX";
	int fd = mkstemp(pdf);

	T_CHECK(fd >= 0);
	close(fd);
	kz_table_init(&t);
	rp_docs_init(&d);
	rp_docs_add(&d, "a.txt", "A", "Zeitung", "2025-07-01", NULL);
	rp_docs_add(&d, "b.txt", "B", "Agentur", "2025-07-02", NULL);
	add(&t, "a.txt", "5 Prozent", 5, 4.5, 5.5, "percent", KZ_I_GDP_SHARE, "", "NATO", "", "2035");
	t.v[t.n - 1].status = KZ_S_TARGET;
	t.v[t.n - 1].qual = KZ_Q_EXACT;
	add(&t, "a.txt", "3,5 Prozent", 3.5, 3.4, 3.6, "percent", KZ_I_GDP_SHARE, "", "NATO", "", "2035");
	t.v[t.n - 1].status = KZ_S_TARGET;
	t.v[t.n - 1].qual = KZ_Q_EXACT;
	add(&t, "a.txt", "1,5 Prozent", 1.5, 1.4, 1.6, "percent", KZ_I_GDP_SHARE, "", "NATO", "", "2035");
	t.v[t.n - 1].status = KZ_S_TARGET;
	t.v[t.n - 1].qual = KZ_Q_EXACT;
	add(&t, "a.txt", "rund 5,4 Billionen Yen", 5.4e12, 5.1e12, 5.7e12, "JPY", KZ_I_BUDGET,
	    "defense_budget", "JP", "", "");
	t.v[t.n - 1].status = KZ_S_PLAN;
	add(&t, "a.txt", "6.821,9 Milliarden Yen", 6.8219e12, 6.8218e12, 6.822e12, "JPY", KZ_I_BUDGET,
	    "defense_budget", "JP", "", "");
	t.v[t.n - 1].status = KZ_S_PLAN;
	t.v[t.n - 1].qual = KZ_Q_EXACT;
	add(&t, "a.txt", "43 Billionen Yen", 43e12, 42.5e12, 43.5e12, "JPY", KZ_I_BUDGET, "defense_budget",
	    "JP", "", "2023-2027");
	t.v[t.n - 1].status = KZ_S_PLAN;
	t.v[t.n - 1].qual = KZ_Q_EXACT;
	add(&t, "a.txt", "27,47 Billionen Yen", 27.47e12, 27.46e12, 27.48e12, "JPY", KZ_I_BUDGET,
	    "defense_budget", "JP", "", "2019-2023");
	add(&t, "a.txt", "7,95 Billionen Yen", 7.95e12, 7.94e12, 7.96e12, "JPY", KZ_I_BUDGET,
	    "defense_budget", "JP", "", "2024");
	/* a figure the text dates to no year is no key figure of any year */
	add(&t, "a.txt", "12,3 Billionen Yen", 12.3e12, 12.2e12, 12.4e12, "JPY", KZ_I_BUDGET,
	    "defense_budget", "JP", "", "");
	/* a war-time span is history beside a yearly count of today: no key figure */
	add(&t, "a.txt", "mehr als 300.000", 300000, 300000, 450000, "persons", KZ_I_TROOPS, "stationed",
	    "US", "KR", "1950-1953");
	add(&t, "a.txt", "28.500", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "stationed", "US", "KR",
	    "2025");
	add(&t, "a.txt", "3,8 Mrd. Dollar", 3.8e9, 3.75e9, 3.85e9, "USD", KZ_I_BUDGET, "military_exports",
	    "KR", "", "2016-2020");
	add(&t, "a.txt", "38 Mrd. Dollar", 38e9, 37.5e9, 38.5e9, "USD", KZ_I_BUDGET, "military_exports", "KR",
	    "", "2021-2023");
	/* the same plan under two details the sheet names alike: one row */
	add(&t, "a.txt", "2 %", 2, 1.95, 2.05, "percent", KZ_I_GDP_SHARE, "", "JP", "", "2027");
	t.v[t.n - 1].status = KZ_S_PLAN;
	t.v[t.n - 1].qual = KZ_Q_EXACT;
	add(&t, "a.txt", "zwei Prozent", 2, 1.95, 2.05, "percent", KZ_I_GDP_SHARE, "defense_budget", "JP", "",
	    "2027");
	t.v[t.n - 1].status = KZ_S_PLAN;
	t.v[t.n - 1].qual = KZ_Q_EXACT;
	/* one figure stated as precisely and as rounded ("1,5192" and "1,52"), in two texts: one row of
	 * two sources, as the precise one states it; a floor stated for no year beside the same floor
	 * for 2020: one row, of 2020 */
	add(&t, "a.txt", "1,5192 Billionen Won", 1.5192e12, 1.51915e12, 1.51925e12, "KRW", KZ_I_BUDGET,
	    "host_nation_support", "KR", "US", "2026");
	t.v[t.n - 1].status = KZ_S_PLAN;
	t.v[t.n - 1].qual = KZ_Q_EXACT;
	add(&t, "b.txt", "1,52 Bio. Won", 1.52e12, 1.515e12, 1.525e12, "KRW", KZ_I_BUDGET,
	    "host_nation_support", "KR", "US", "2026");
	t.v[t.n - 1].status = KZ_S_PLAN;
	t.v[t.n - 1].qual = KZ_Q_EXACT;
	add(&t, "a.txt", "28.500", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "floor", "US", "KR", "");
	t.v[t.n - 1].status = KZ_S_LIMIT;
	t.v[t.n - 1].qual = KZ_Q_EXACT;
	add(&t, "b.txt", "28 500", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "floor", "US", "KR", "2020");
	t.v[t.n - 1].status = KZ_S_LIMIT;
	t.v[t.n - 1].qual = KZ_Q_EXACT;
	/* a long sentence is given whole in the appendix, a long citation wraps in its heading */
	add(&t, "a.txt", "5.000 Soldaten", 5000, 4950, 5050, "persons", KZ_I_TROOPS, "stationed", "DE", "LT",
	    "2027");
	t.v[t.n - 1].sentence =
	    "Mit der Panzerbrigade 45 stationiert Deutschland bis 2027 dauerhaft etwa 5.000 "
	    "Soldatinnen und Soldaten in Litauen, zum ersten Mal seit dem Ende des Kalten Krieges "
	    "eine ganze Brigade außerhalb des eigenen Landes, mit Familien, Schulen und Wohnungen, "
	    "die der litauische Staat zum großen Teil selbst baut und bezahlt, wie die Regierung in "
	    "Vilnius im Dezember mitteilte, und mit einem Stab, der schon heute in Vilnius sitzt.";
	rp_docs_add(
	    &d, "a.txt",
	    "Ein sehr langer Titel eines Berichts über die Lastenteilung im Bündnis und ihre Folgen",
	    "Ein Herausgeber mit einem langen Namen (projekteigener Text im Stil einer Zeitungsanalyse)",
	    "2025-07-01", NULL);
	rp_options_init(&o);
	o.date = 1700000000;
	o.dump = &dump;
	T_CHECK(rp_factsheet_write(pdf, &t, &d, NULL, &o, &err) == 0);
	{
		const char *q = strstr(dump.s, "Soldaten\xe2\x80\x9c Mit der Panzerbrigade");
		const char *line = q;
		double x, y, w, h;
		while (line && line > dump.s && line[-1] != '\n')
			line--;
		T_CHECK(q && sscanf(line, "T %lf %lf %lf %lf", &x, &y, &w, &h) == 4 && h > 6 * 8.0);
		q = strstr(dump.s, "|[1] Ein sehr langer Titel");
		line = q;
		while (line && line > dump.s && line[-1] != '\n')
			line--;
		T_CHECK(q && sscanf(line, "T %lf %lf %lf %lf", &x, &y, &w, &h) == 4 && h > 2 * 9.0 &&
		        x + w <= RP_PAGE_W - RP_MR);
	}
	T_CHECK(strstr(dump.s, "|5\xc2\xa0%\n") && strstr(dump.s, "|3,5\xc2\xa0%\n") &&
	        strstr(dump.s, "|1,5\xc2\xa0%\n"));
	T_CHECK(!strstr(dump.s, "1,5\xe2\x80\x93"
	                        "5"));
	T_CHECK(strstr(dump.s, "|rund 5,4\xc2\xa0"
	                       "Bio.\xc2\xa0Yen\n") &&
	        strstr(dump.s, "|6.821,9\xc2\xa0"
	                       "Mrd.\xc2\xa0Yen\n")); /* four decimals of Bio. are written in Mrd. */
	T_CHECK(!strstr(dump.s, "5,4\xe2\x80\x93"
	                        "6,9"));
	T_CHECK(strstr(dump.s, "|2023\xe2\x80\x93"
	                       "2027\n") != NULL); /* the plan's years, with an en dash */
	/* the goals table's 5,4 and 6,8219 Bio. Yen, 43 Bio. Yen, 2 % and 1,5192 Bio. Won once; the
	 * appendix's kind column of the five stated without a qualifier (the approximate 5,4 reads
	 * "etwa Plan") */
	T_CHECK(count(dump.s, "|Plan\n") == 10);
	/* 1,52 is 1,5192 rounded: one goal row, as the precise figure; the appendix cites both */
	T_CHECK(count(dump.s, "|1.519,2\xc2\xa0"
	                      "Mrd.\xc2\xa0Won\n") == 2 &&
	        count(dump.s, "|1,52\xc2\xa0"
	                      "Bio.\xc2\xa0Won\n") == 1);
	/* the undated floor is the 2020 one: one row (and the 2020 claim in the appendix) */
	T_CHECK(count(dump.s, "|Grenze\n") == 2);
	/* key figures: the 2024 budget is a row; the five-year total before it is history, no key
	 * figure, and cited nowhere else, so the appendix leaves it to claims.csv */
	T_CHECK(strstr(dump.s, "|7,95\xc2\xa0"
	                       "Bio.\xc2\xa0Yen\n") &&
	        !strstr(dump.s, "27,47"));
	T_CHECK(!strstr(dump.s, "12,3"));
	T_CHECK(strstr(dump.s, "|28.500\n") != NULL);
	T_CHECK(strstr(dump.s, "|300.000–450.000\n") == NULL);
	T_CHECK(strstr(dump.s, "|3,7–3,9\xc2\xa0Mrd. US-Dollar\n") == NULL); /* the older span's interval */
	/* the newer span's one approximate figure: as stated, with its word, not a computed range */
	T_CHECK(strstr(dump.s, "|37,5–38,5\xc2\xa0Mrd. US-Dollar\n") == NULL);
	T_CHECK(strstr(dump.s, "|wie angegeben (etwa)\n") != NULL);
	unlink(pdf);
	kz_buf_release(&dump);
	kz_table_release(&t);
	rp_docs_release(&d);
}

/* Is cell in the row of the key-figures table that name opens (the dump's next four lines)? */
static int row_has(const char *dump, const char *name, const char *cell)
{
	char key[128];
	const char *r, *e;
	int lines = 0;

	snprintf(key, sizeof key, "|%s\n", name);
	if ((r = strstr(dump, key)) == NULL)
		return 0;
	for (e = r + strlen(key); *e && lines < 4; e++)
		lines += *e == '\n';
	for (const char *x = r + strlen(key) - 1; x < e; x++)
		if (!strncmp(x, cell, strlen(cell)))
			return 1;
	return 0;
}

/* A figure its text dates to a year and then repeats in the present tense (dated by the text's
 * year) is a key figure of the year it was dated to; the same figure from another text for the
 * later year is that year's. */
static void test_restated(void)
{
	struct kz_table t;
	struct rp_docs d;
	struct rp_options o;
	struct kz_buf dump = KZ_BUF_INIT;
	struct kz_err err;
	char pdf[] = "/tmp/kz-test-restated-XXXXXX";
	int fd = mkstemp(pdf);

	T_CHECK(fd >= 0);
	close(fd);
	kz_table_init(&t);
	rp_docs_init(&d);
	rp_docs_add(&d, "a.txt", "A", "Institut", "2021-05-01", NULL);
	rp_docs_add(&d, "b.txt", "B", "Agentur", "2021-06-01", NULL);
	add(&t, "a.txt", "circa 55 300", 55300, 52535, 58065, "persons", KZ_I_TROOPS, "stationed", "US", "JP", "2020");
	add(&t, "a.txt", "rund 55 300", 55300, 52535, 58065, "persons", KZ_I_TROOPS, "stationed", "US", "JP", "2021");
	add(&t, "a.txt", "31 050", 31050, 31045, 31055, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2020");
	add(&t, "a.txt", "31 050", 31050, 31045, 31055, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2021");
	add(&t, "b.txt", "28.500", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2021");
	rp_options_init(&o);
	o.date = 1700000000;
	o.dump = &dump;
	T_CHECK(rp_factsheet_write(pdf, &t, &d, NULL, &o, &err) == 0);
	/* Japan: 2020 (the 2021 row restates it); Korea: 2021, where another text gives 28.500 */
	T_CHECK(row_has(dump.s, "US-Truppen in Japan", "|2020\n") && !row_has(dump.s, "US-Truppen in Japan", "|2021\n"));
	T_CHECK(row_has(dump.s, "US-Truppen in S\xc3\xbc" "dkorea", "|2021\n"));
	unlink(pdf);
	kz_buf_release(&dump);
	kz_table_release(&t);
	rp_docs_release(&d);
}

/* Two figures of one text that check rates as information (most often two quantities): their own
 * group of findings, not a red conflict, not set side by side in a chart, not "strittig". */
static void test_same_text(void)
{
	struct kz_table t;
	struct rp_docs d;
	struct rp_model m;
	struct rp_charts cs;
	struct rp_options o;
	struct kz_buf dump = KZ_BUF_INIT;
	struct kz_err err;
	struct st_result r;
	struct st_consensus c;
	struct st_finding f;
	size_t idx[2] = {0, 1};
	char pdf[] = "/tmp/kz-test-same-XXXXXX";
	int fd = mkstemp(pdf);

	T_CHECK(fd >= 0);
	close(fd);
	kz_table_init(&t);
	rp_docs_init(&d);
	rp_docs_add(&d, "a.txt", "A", "Agentur", "2025-05-23", NULL);
	add(&t, "a.txt", "26.305 Soldaten", 26305, 26304.5, 26305.5, "persons", KZ_I_TROOPS, "stationed",
	    "US", "KR", "2009");
	add(&t, "a.txt", "28.500", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "stationed", "US", "KR",
	    "2009");
	memset(&r, 0, sizeof r);
	memset(&c, 0, sizeof c);
	memset(&f, 0, sizeof f);
	c.ind = KZ_I_TROOPS;
	c.detail = "stationed";
	c.subject = "US";
	c.partner = "KR";
	c.year = "2009";
	c.unit = "persons";
	c.estimate = NAN;
	c.low = 26304.5;
	c.high = 28550;
	c.nclaims = 2;
	c.ndocs = c.nsources = 1;
	c.claims = idx;
	c.state = "disputed";
	f.kind = ST_K_CONFLICT;
	f.sev = ST_SEV_INFO;
	f.ind = KZ_I_TROOPS;
	f.detail = "stationed";
	f.subject = "US";
	f.partner = "KR";
	f.year = "2009";
	f.unit = "persons";
	f.claims = idx;
	f.nclaims = 2;
	f.rel_diff = 0.083;
	f.explanation = "beide im selben Text, womöglich zwei verschiedene Größen";
	r.c = &c;
	r.nc = 1;
	r.f = &f;
	r.nf = 1;
	rp_model_build(&m, &t, &d, &r, PL_DE);
	T_CHECK(!(m.flags[0] & PL_F_CONFLICT) && !(m.flags[1] & PL_F_CONFLICT));
	T_CHECK(rp_find_kind(&m.finds[0]) == RP_K_SAME_TEXT);
	rp_charts_build(&cs, &m);
	T_CHECK(find_chart(&cs, PL_DOTS, "US-Truppen in Südkorea, 2009") == NULL);
	rp_charts_release(&cs);
	rp_model_release(&m);
	rp_options_init(&o);
	o.date = 1700000000;
	o.dump = &dump;
	T_CHECK(rp_factsheet_write(pdf, &t, &d, &r, &o, &err) == 0);
	T_CHECK(strstr(dump.s, "|Abweichung im selben Text (1)\n") != NULL);
	T_CHECK(strstr(dump.s, "1 Abweichung im selben Text") != NULL);
	T_CHECK(strstr(dump.s, "Konflikt") == NULL);
	T_CHECK(strstr(dump.s, "|im Text verschieden\n") != NULL);
	T_CHECK(strstr(dump.s, "|strittig") == NULL);
	T_CHECK(strstr(dump.s, "c0392b") == NULL); /* nothing red */
	kz_buf_reset(&dump);
	o.lang = PL_EN;
	T_CHECK(rp_factsheet_write(pdf, &t, &d, &r, &o, &err) == 0);
	T_CHECK(strstr(dump.s, "1 difference within one text") != NULL); /* lower case in the sentence */
	T_CHECK(strstr(dump.s, "|Difference within one text (1)\n") != NULL);
	unlink(pdf);
	kz_buf_release(&dump);
	kz_table_release(&t);
	rp_docs_release(&d);
}

static void test_factsheet(void)
{
	struct kz_table t;
	struct rp_docs d;
	struct rp_options o;
	struct kz_buf dump = KZ_BUF_INIT;
	struct kz_err err;
	char path[] = "/tmp/kz-test-report-XXXXXX";
	char pdf[64], uri[128];
	int fd, pages = 0, nbox = 0;
	PopplerDocument *doc;

	sample(&t, &d);
	/* enough claims for the appendix to break across pages */
	for (int i = 0; i < 150; i++)
		add(&t, "c.txt", "gut 35.000 Soldaten", 35000 + i, 35000, 38500, "persons", KZ_I_TROOPS,
		    "stationed", "US", "DE", "2020");
	fd = mkstemp(path);
	T_CHECK(fd >= 0);
	close(fd);
	unlink(path);
	snprintf(pdf, sizeof pdf, "%s.pdf", path);
	rp_options_init(&o);
	o.date = 1700000000;
	o.dump = &dump;
	o.title = "Testblatt: Truppen & Geld";
	T_CHECK(rp_factsheet_write(pdf, &t, &d, NULL, &o, &err) == 0);
	T_CHECK(check_layout(dump.s, &pages, &nbox) == 0);
	T_CHECK(pages >= 5);
	T_CHECK(nbox > 300);
	/* the appendix holds what the sheet shows of the 150: the key figure's and the ten of its chart */
	T_CHECK(count(dump.s, "\xe2\x80\x9egut 35.000 Soldaten\xe2\x80\x9c") >= 10);
	T_CHECK(count(dump.s, "\xe2\x80\x9egut 35.000 Soldaten\xe2\x80\x9c") <= 11);
	T_CHECK(strstr(dump.s, "zitiert (Kennzahlen, Ziele, Vergleiche, Befunde, gepr\xc3\xbc"
	                       "fte Angaben)") != NULL);
	T_CHECK(strstr(dump.s, "claims.csv enth\xc3\xa4lt alle 162 Angaben") != NULL);
	/* the key figures, with German numbers, and the appendix header repeated on each of its pages */
	T_CHECK(strstr(dump.s, "|US-Truppen in Südkorea") != NULL);
	T_CHECK(strstr(dump.s, "|28.500\n") != NULL);
	T_CHECK(strstr(dump.s, "|74,5\xc2\xa0%") != NULL);
	T_CHECK(strstr(dump.s, "|Seite 1\n") != NULL);
	T_CHECK(strstr(dump.s, "Erstellt am 14.11.2023") != NULL);
	T_CHECK(count(dump.s, "|Zitat und Satz\n") >= 1);
	T_CHECK(strstr(dump.s, "C ") != NULL); /* charts */
	T_CHECK(strstr(dump.s, "„gut 23.000 Soldaten“") != NULL);
	snprintf(uri, sizeof uri, "file://%s", pdf);
	doc = poppler_document_new_from_file(uri, NULL, NULL);
	T_CHECK(doc != NULL);
	if (doc) {
		gchar *title = poppler_document_get_title(doc);
		T_CHECK(poppler_document_get_n_pages(doc) == pages);
		T_STREQ(title, "Testblatt: Truppen & Geld");
		T_CHECK(poppler_document_get_creation_date(doc) == 1700000000);
		g_free(title);
		g_object_unref(doc);
	}
	/* English */
	kz_buf_reset(&dump);
	o.lang = PL_EN;
	T_CHECK(rp_factsheet_write(pdf, &t, &d, NULL, &o, &err) == 0);
	T_CHECK(strstr(dump.s, "|US troops in South Korea") != NULL);
	T_CHECK(strstr(dump.s, "|28,500\n") != NULL);
	T_CHECK(strstr(dump.s, "|Page 1\n") != NULL);
	T_CHECK(check_layout(dump.s, &pages, &nbox) == 0);
	/* an unwritable path is an I/O error, not a crash */
	T_CHECK(rp_factsheet_write("/nonexistent/dir/x.pdf", &t, &d, NULL, &o, &err) == KZ_EIO);
	unlink(pdf);
	kz_buf_release(&dump);
	kz_table_release(&t);
	rp_docs_release(&d);
}

/* A sheet at archive scale: the findings that matter most, at most 40, with a line for the rest;
 * the appendix holds the claims the sheet shows or cites, not the whole table. */
static void test_scale(void)
{
	struct kz_table t;
	struct rp_docs d;
	struct rp_options o;
	struct st_options so;
	struct st_result r;
	struct kz_buf dump = KZ_BUF_INIT, want = KZ_BUF_INIT;
	struct kz_err err;
	char pdf[] = "/tmp/kz-test-scale-XXXXXX", partner[16], q[64];
	const struct st_finding *big = NULL, *small = NULL;
	size_t nconf = 0, shown = 0;
	int fd, i;

	kz_table_init(&t);
	rp_docs_init(&d);
	/* 60 facts whose two sources disagree, the more the later the fact */
	for (i = 0; i < 60; i++) {
		snprintf(partner, sizeof partner, "X%02d", i);
		snprintf(q, sizeof q, "%d Soldaten", 1000);
		add(&t, "a.txt", q, 1000, 1000, 1000, "persons", KZ_I_TROOPS, "stationed", "US", partner,
		    "2024");
		snprintf(q, sizeof q, "%d Soldaten", 1500 + 100 * i);
		add(&t, "b.txt", q, 1500 + 100 * i, 1500 + 100 * i, 1500 + 100 * i, "persons", KZ_I_TROOPS,
		    "stationed", "US", partner, "2024");
	}
	/* figures the sheet neither shows nor cites: claims.csv keeps them, the appendix does not */
	for (i = 0; i < 200; i++) {
		snprintf(partner, sizeof partner, "Y%03d", i);
		add(&t, "c.txt", "Nebenzahl", 7, 7, 7, "count", KZ_I_OTHER, "", "DE", partner, "2024");
	}
	st_options_init(&so);
	st_result_init(&r);
	T_CHECK(st_check(&t, NULL, NULL, &so, &r, &err) == 0);
	for (size_t k = 0; k < r.nf; k++)
		if (r.f[k].kind == ST_K_CONFLICT && r.f[k].sev == ST_SEV_ERROR) {
			nconf++;
			if (!big || r.f[k].rel_diff > big->rel_diff)
				big = &r.f[k];
			if (!small || r.f[k].rel_diff < small->rel_diff)
				small = &r.f[k];
		}
	T_CHECK(nconf == 60 && r.nf >= 60);
	fd = mkstemp(pdf);
	T_CHECK(fd >= 0);
	close(fd);
	rp_options_init(&o);
	o.date = 1700000000;
	o.dump = &dump;
	T_CHECK(rp_factsheet_write(pdf, &t, &d, &r, &o, &err) == 0);
	/* each finding shown is one text box beside its coloured rule: "T 66.0 … |name · Abweichung …" */
	for (const char *p = dump.s; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		const char *end = strchr(p, '\n'), *a = strstr(p, "\xc2\xb7 Abweichung ");
		shown += !strncmp(p, "T 66.0 ", 7) && a && (!end || a < end);
	}
	T_CHECK(shown == 40);
	kz_buf_addf(&want, "… und %zu weitere Befunde in findings.csv.", r.nf - 40);
	T_CHECK(strstr(dump.s, want.s) != NULL);
	kz_buf_reset(&want);
	kz_buf_addf(&want, "|Konflikte (40 von %zu)\n", nconf);
	T_CHECK(strstr(dump.s, want.s) != NULL);
	/* the greatest difference is shown, the least is left to findings.csv */
	/* (the sheet names documents by their [n]: the explanation's tail, its difference, is verbatim) */
	T_CHECK(big && strstr(big->explanation, "Abweichung") &&
	        strstr(dump.s, strstr(big->explanation, "Abweichung")) != NULL);
	T_CHECK(small && strstr(small->explanation, "Abweichung") &&
	        strstr(dump.s, strstr(small->explanation, "Abweichung")) == NULL);
	/* the summary still counts every finding */
	kz_buf_reset(&want);
	kz_buf_addf(&want, "%zu Befunde", r.nf);
	T_CHECK(strstr(dump.s, want.s) != NULL);
	/* the appendix: the claims cited, and what claims.csv holds */
	T_CHECK(strstr(dump.s, "Nebenzahl") == NULL);
	T_CHECK(strstr(dump.s, "claims.csv enthält alle 320 Angaben") != NULL);
	T_CHECK(strstr(dump.s, "„1500 Soldaten“") != NULL || strstr(dump.s, "„1000 Soldaten“") != NULL);
	/* English */
	kz_buf_reset(&dump);
	o.lang = PL_EN;
	T_CHECK(rp_factsheet_write(pdf, &t, &d, &r, &o, &err) == 0);
	kz_buf_reset(&want);
	kz_buf_addf(&want, "… and %zu more findings in findings.csv.", r.nf - 40);
	T_CHECK(strstr(dump.s, want.s) != NULL);
	kz_buf_reset(&want);
	kz_buf_addf(&want, "|Conflicts (40 of %zu)\n", nconf);
	T_CHECK(strstr(dump.s, want.s) != NULL);
	T_CHECK(strstr(dump.s, "claims.csv holds all 320 statements") != NULL);
	unlink(pdf);
	kz_buf_release(&dump);
	kz_buf_release(&want);
	st_result_release(&r);
	kz_table_release(&t);
	rp_docs_release(&d);
}

/* A drift heading gives the change with its sign, a fall as much as a rise (the seeds' US troops in
 * Korea 31 050 -> 28.500 had no "Veränderung" at all). */
static void test_drift_heading(void)
{
	struct kz_table t;
	struct rp_docs d;
	struct rp_options o;
	struct st_result r;
	struct st_finding f[2];
	struct kz_buf dump = KZ_BUF_INIT;
	struct kz_err err;
	char pdf[] = "/tmp/kz-test-drift-XXXXXX";
	size_t down[2] = {0, 1}, up[2] = {2, 3};
	int fd = mkstemp(pdf);

	T_CHECK(fd >= 0);
	close(fd);
	kz_table_init(&t);
	rp_docs_init(&d);
	rp_docs_add(&d, "a.txt", "A", "Zeitung", "2021-07-01", NULL);
	rp_docs_add(&d, "b.txt", "B", "Agentur", "2025-05-23", NULL);
	add(&t, "a.txt", "31 050", 31050, 31045, 31055, "persons", KZ_I_TROOPS, "stationed", "US", "KR",
	    "2021");
	add(&t, "b.txt", "28.500", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "stationed", "US", "KR",
	    "2025");
	add(&t, "a.txt", "6,8 Billionen Yen", 6.8e12, 6.75e12, 6.85e12, "JPY", KZ_I_BUDGET, "defense_budget",
	    "JP", "", "2023");
	add(&t, "b.txt", "7,95 Billionen Yen", 7.95e12, 7.945e12, 7.955e12, "JPY", KZ_I_BUDGET,
	    "defense_budget", "JP", "", "2024");
	memset(&r, 0, sizeof r);
	memset(f, 0, sizeof f);
	f[0].kind = f[1].kind = ST_K_DRIFT;
	f[0].sev = f[1].sev = ST_SEV_INFO;
	f[0].ind = KZ_I_TROOPS;
	f[0].detail = "stationed";
	f[0].subject = "US";
	f[0].partner = "KR";
	f[0].year = "2021/2025";
	f[0].unit = "persons";
	f[0].claims = down;
	f[0].nclaims = 2;
	f[0].rel_diff = 28500.0 / 31050 - 1; /* -8,2 % */
	f[0].explanation = "";
	f[1].ind = KZ_I_BUDGET;
	f[1].detail = "defense_budget";
	f[1].subject = "JP";
	f[1].partner = "";
	f[1].year = "2023/2024";
	f[1].unit = "JPY";
	f[1].claims = up;
	f[1].nclaims = 2;
	f[1].rel_diff = 7.95 / 6.8 - 1; /* +16,9 % */
	f[1].explanation = "";
	r.f = f;
	r.nf = 2;
	rp_options_init(&o);
	o.date = 1700000000;
	o.dump = &dump;
	T_CHECK(rp_factsheet_write(pdf, &t, &d, &r, &o, &err) == 0);
	T_CHECK(strstr(dump.s, "2021/2025 \xc2\xb7 Ver\xc3\xa4nderung \xe2\x88\x92"
	                       "8,2\xc2\xa0%") != NULL);
	T_CHECK(strstr(dump.s, "2023/2024 \xc2\xb7 Ver\xc3\xa4nderung +17\xc2\xa0%") != NULL);
	kz_buf_reset(&dump);
	o.lang = PL_EN;
	T_CHECK(rp_factsheet_write(pdf, &t, &d, &r, &o, &err) == 0);
	T_CHECK(strstr(dump.s, "2021/2025 \xc2\xb7 change \xe2\x88\x92"
	                       "8.2%") != NULL);
	T_CHECK(strstr(dump.s, "2023/2024 \xc2\xb7 change +17%") != NULL);
	unlink(pdf);
	kz_buf_release(&dump);
	kz_table_release(&t);
	rp_docs_release(&d);
}

/* The sheet: a single figure as stated, in the key figures, the appendix and the goals. */
static void test_stated_sheet(void)
{
	struct kz_table t;
	struct rp_docs d;
	struct rp_options o;
	struct kz_buf dump = KZ_BUF_INIT;
	struct kz_err err;
	char pdf[] = "/tmp/kz-test-stated-XXXXXX";
	int fd = mkstemp(pdf);

	T_CHECK(fd >= 0);
	close(fd);
	kz_table_init(&t);
	rp_docs_init(&d);
	rp_docs_add(&d, "a.txt", "A", "Zeitung", "2021-07-01", NULL);
	add(&t, "a.txt", "40,0 Prozent", 40, 39.95, 40.05, "percent", KZ_I_COST_SHARE, "host_nation_support",
	    "KR", "US", "2003");
	add(&t, "a.txt", "rund 1,28 Mio. Soldaten", 1.28e6, 1.216e6, 1.344e6, "persons", KZ_I_TROOPS,
	    "armed_forces", "KP", "", "2022");
	rp_options_init(&o);
	o.date = 1700000000;
	o.dump = &dump;
	T_CHECK(rp_factsheet_write(pdf, &t, &d, NULL, &o, &err) == 0);
	T_CHECK(strstr(dump.s, "|40,0\xc2\xa0%\n") != NULL);
	T_CHECK(strstr(dump.s, "|40\xc2\xa0%\n") == NULL);
	T_CHECK(strstr(dump.s, "|1,28\xc2\xa0Mio.\n") != NULL);
	T_CHECK(strstr(dump.s, "|1.280.000\n") == NULL);
	kz_buf_reset(&dump);
	o.lang = PL_EN;
	T_CHECK(rp_factsheet_write(pdf, &t, &d, NULL, &o, &err) == 0);
	T_CHECK(strstr(dump.s, "|40.0%\n") != NULL);
	T_CHECK(strstr(dump.s, "|1.28\xc2\xa0million\n") != NULL);
	unlink(pdf);
	kz_buf_release(&dump);
	kz_table_release(&t);
	rp_docs_release(&d);
}

/* "Ziele und Forderungen" keeps the qualifier, in the appendix's words ("etwa 5.000", not "5.000"),
 * and the appendix's "Art" says what kind of statement a figure is when it is no report. */
static void test_goal_qualifiers(void)
{
	struct kz_table t;
	struct rp_docs d;
	struct rp_options o;
	struct kz_buf dump = KZ_BUF_INIT;
	struct kz_err err;
	char pdf[] = "/tmp/kz-test-goalq-XXXXXX";
	int fd = mkstemp(pdf);

	T_CHECK(fd >= 0);
	close(fd);
	kz_table_init(&t);
	rp_docs_init(&d);
	rp_docs_add(&d, "a.txt", "A", "Zeitung", "2025-05-23", NULL);
	add(&t, "a.txt", "etwa 5000 Marineinfanteristen", 5000, 4750, 5250, "persons", KZ_I_TROOPS,
	    "relocation", "US", "JP", "2024-2025");
	t.v[t.n - 1].status = KZ_S_PLAN;
	add(&t, "a.txt", "rund 4.500", 4500, 4275, 4725, "persons", KZ_I_TROOPS, "relocation", "US", "KR",
	    "2025");
	t.v[t.n - 1].status = KZ_S_PLAN;
	add(&t, "a.txt", "etwa 0,9 Prozent", 0.9, 0.855, 0.945, "percent", KZ_I_GDP_SHARE, "", "JP", "",
	    "2020");
	t.v[t.n - 1].status = KZ_S_PLAN;
	add(&t, "a.txt", "mindestens 2 Prozent", 2, 2, 2.5, "percent", KZ_I_GDP_SHARE, "", "NATO", "",
	    "2024");
	t.v[t.n - 1].status = KZ_S_TARGET;
	t.v[t.n - 1].qual = KZ_Q_AT_LEAST;
	add(&t, "a.txt", "fünf Milliarden Dollar", 5e9, 4.95e9, 5.05e9, "USD", KZ_I_BUDGET,
	    "host_nation_support", "KR", "US", "2020");
	t.v[t.n - 1].status = KZ_S_DEMAND;
	t.v[t.n - 1].qual = KZ_Q_EXACT;
	/* "knapp" is a small step below, not a cap: the sheet says "knapp", in English "just under" */
	add(&t, "a.txt", "knapp 1,9 Mrd. $", 1.9e9, 1.71e9, 1.9e9, "USD", KZ_I_BUDGET, "host_nation_support",
	    "JP", "US", "2022-2026");
	t.v[t.n - 1].status = KZ_S_PLAN;
	t.v[t.n - 1].qual = KZ_Q_AT_MOST;
	rp_options_init(&o);
	o.date = 1700000000;
	o.dump = &dump;
	T_CHECK(rp_factsheet_write(pdf, &t, &d, NULL, &o, &err) == 0);
	T_CHECK(strstr(dump.s, "|knapp 1,9\xc2\xa0Mrd.\xc2\xa0US-Dollar\n") != NULL);
	T_CHECK(strstr(dump.s, "|knapp Plan\n") != NULL);
	T_CHECK(strstr(dump.s, "höchstens") == NULL);
	T_CHECK(strstr(dump.s, "|etwa 5.000\n") != NULL);
	T_CHECK(strstr(dump.s, "|rund 4.500\n") != NULL); /* the quote's own word */
	T_CHECK(strstr(dump.s, "|etwa 0,9\xc2\xa0%\n") != NULL);
	T_CHECK(strstr(dump.s, "|mindestens 2\xc2\xa0%\n") != NULL);
	T_CHECK(strstr(dump.s, "|5\xc2\xa0Mrd.\xc2\xa0US-Dollar\n") != NULL); /* exact: no word */
	/* the appendix: qualifier and status, in words */
	T_CHECK(strstr(dump.s, "|etwa Plan\n") != NULL);
	T_CHECK(strstr(dump.s, "|mindestens Ziel\n") != NULL);
	T_CHECK(strstr(dump.s, "|Forderung\n") != NULL); /* exact: the status alone, no "genau" */
	T_CHECK(strstr(dump.s, "genau") == NULL);
	T_CHECK(strstr(dump.s, "|demand\n") == NULL && strstr(dump.s, "|plan\n") == NULL);
	kz_buf_reset(&dump);
	o.lang = PL_EN;
	T_CHECK(rp_factsheet_write(pdf, &t, &d, NULL, &o, &err) == 0);
	T_CHECK(strstr(dump.s, "|approx. 5,000\n") != NULL);
	T_CHECK(strstr(dump.s, "|approx. 0.9%\n") != NULL);
	T_CHECK(strstr(dump.s, "|at least 2%\n") != NULL);
	T_CHECK(strstr(dump.s, "|approx. plan\n") != NULL);
	T_CHECK(strstr(dump.s, "|just under USD\xc2\xa0" "1.9\xc2\xa0" "bn\n") != NULL);
	T_CHECK(strstr(dump.s, "|just under\nplan\n") != NULL || strstr(dump.s, "just under plan") != NULL);
	T_CHECK(strstr(dump.s, "at most") == NULL);
	T_CHECK(strstr(dump.s, "|demand\n") != NULL && strstr(dump.s, "|exact") == NULL);
	unlink(pdf);
	kz_buf_release(&dump);
	kz_table_release(&t);
	rp_docs_release(&d);
}

int main(void)
{
	test_goals();
	test_restated();
	test_same_text();
	test_factsheet();
	test_scale();
	test_drift_heading();
	test_stated_sheet();
	test_goal_qualifiers();
	return t_done("test_factsheet");
}
