/* test_report.c: the report's model from a small claims table: country and fact names, selection,
 * facts and families, chart rules, figures as stated, consensus lines (test_factsheet.c: the sheet). */
#include "reports/reports_int.h"
#include "report_fixture.h"
#include "t.h"

#include <stdlib.h>
#include <unistd.h>

static struct kz_claim *quoted(const char *quote, double v, const char *unit)
{
	static struct kz_claim c;

	memset(&c, 0, sizeof c);
	c.quote = quote;
	c.value = v;
	c.unit = unit;
	return &c;
}

static void test_names(void)
{
	char b[256];

	T_CHECK(rp_year_num("2020") == 2020);
	T_CHECK(rp_year_num("2016-2020") == 2020);
	T_CHECK(rp_year_num("1950s") == 1955);
	T_CHECK(rp_year_num("") == 0);
	T_CHECK(rp_year_num("FY20") == 0);
	T_STREQ(rp_country("KR", PL_DE), "Südkorea");
	T_STREQ(rp_country("KR", PL_EN), "South Korea");
	T_STREQ(rp_country("XX", PL_DE), "XX");
	rp_fact_name(b, sizeof b, KZ_I_TROOPS, "stationed", "US", "KR", PL_DE);
	T_STREQ(b, "US-Truppen in Südkorea");
	rp_fact_name(b, sizeof b, KZ_I_BUDGET, "defense_budget", "JP", "", PL_EN);
	T_STREQ(b, "Defence budget, Japan");
	/* English troops take the country's adjective, a country without one "Troops of" */
	rp_fact_name(b, sizeof b, KZ_I_TROOPS, "stationed", "DE", "LT", PL_EN);
	T_STREQ(b, "German troops in Lithuania");
	rp_fact_name(b, sizeof b, KZ_I_TROOPS, "stationed", "KP", "RU", PL_EN);
	T_STREQ(b, "North Korean troops in Russia");
	rp_fact_name(b, sizeof b, KZ_I_TROOPS, "stationed", "XX", "LT", PL_EN);
	T_STREQ(b, "Troops of XX in Lithuania");
	/* German labels inflect the name: the genitive after a noun, the article after a preposition */
	rp_fact_name(b, sizeof b, KZ_I_TROOPS, "stationed", "US", "IQ", PL_DE);
	T_STREQ(b, "US-Truppen im\xc2\xa0Irak");
	rp_fact_name(b, sizeof b, KZ_I_TROOPS, "stationed", "US", "TR", PL_DE);
	T_STREQ(b, "US-Truppen in der\xc2\xa0Türkei");
	rp_fact_name(b, sizeof b, KZ_I_TROOPS, "relocation", "US", "JP", PL_DE);
	T_STREQ(b, "Verlegung von US-Truppen aus Japan");
	/* a withdrawal is named as one, never as the troops stationed */
	rp_fact_name(b, sizeof b, KZ_I_TROOPS, "withdrawal", "US", "DE", PL_DE);
	T_STREQ(b, "Abzug von US-Truppen aus Deutschland");
	rp_fact_name(b, sizeof b, KZ_I_TROOPS, "withdrawal", "US", "DE", PL_EN);
	T_STREQ(b, "Withdrawal of US troops from Germany");
	rp_fact_name(b, sizeof b, KZ_I_TROOPS, "armed_forces", "UA", "", PL_DE);
	T_STREQ(b, "Streitkräfte der\xc2\xa0Ukraine");
	rp_fact_name(b, sizeof b, KZ_I_BUDGET, "host_nation_support", "KR", "US", PL_DE);
	T_STREQ(b, "Stationierungskosten: Beitrag Südkoreas an die\xc2\xa0USA");
	rp_fact_name(b, sizeof b, KZ_I_BUDGET, "defense_budget", "US", "", PL_DE);
	T_STREQ(b, "Verteidigungshaushalt der\xc2\xa0USA");
	rp_fact_name(b, sizeof b, KZ_I_BUDGET, "defense_budget", "XX", "", PL_DE);
	T_STREQ(b, "Verteidigungshaushalt XX"); /* a code the table lacks stands as it is */
	rp_fact_name(b, sizeof b, KZ_I_TROOPS, "relocation", "US", "JP", PL_EN);
	T_STREQ(b, "Relocation of US troops from Japan");
	rp_fact_name(b, sizeof b, KZ_I_TROOPS, "stationed", "DE", "LT", PL_DE);
	T_STREQ(b, "Truppen Deutschlands in Litauen");
	/* a part of a force is named as the force and marked as its part */
	rp_fact_name(b, sizeof b, KZ_I_TROOPS, "stationed_part", "KP", "RU", PL_DE);
	T_STREQ(b, "Truppen Nordkoreas in Russland (Teilkontingent)");
	rp_fact_name(b, sizeof b, KZ_I_TROOPS, "stationed_part", "US", "JP", PL_EN);
	T_STREQ(b, "US troops in Japan (part of the force)");
	/* a yearly rate of host-nation support in the words of the total */
	rp_fact_name(b, sizeof b, KZ_I_BUDGET, "host_nation_support_per_year", "JP", "US", PL_EN);
	T_STREQ(b, "Host-nation support a year, Japan to United States");
	rp_fact_name(b, sizeof b, KZ_I_BUDGET, "host_nation_support_per_year", "JP", "US", PL_DE);
	T_STREQ(b, "Stationierungskosten pro Jahr: Beitrag Japans an die\xc2\xa0USA");
	/* the parts of a GDP target apart from its whole; the defence budget keeps its plain name */
	rp_fact_name(b, sizeof b, KZ_I_GDP_SHARE, "related_spending", "NATO", "", PL_DE);
	T_STREQ(b, "Verteidigungsnahe Ausgaben in % des BIP: NATO");
	rp_fact_name(b, sizeof b, KZ_I_GDP_SHARE, "defense_and_security", "NATO", "", PL_EN);
	T_STREQ(b, "Defence and security, % of GDP: NATO");
	rp_fact_name(b, sizeof b, KZ_I_GDP_SHARE, "defense_budget", "PL", "", PL_DE);
	T_STREQ(b, "Verteidigungsausgaben in % des BIP: Polen");
	rp_fact_name(b, sizeof b, KZ_I_BUDGET, "", "KR", "",
	             PL_DE); /* no detail: no claim it is the defence budget */
	T_STREQ(b, "Ausgaben Südkoreas");
	/* a share with a detail says of what: the US share of South Korea's arms imports is no trade share */
	rp_fact_name(b, sizeof b, KZ_I_TRADE_SHARE, "arms_imports", "KR", "US", PL_DE);
	T_STREQ(b, "Rüstungsimporte: Anteil Südkorea ← USA");
	rp_fact_name(b, sizeof b, KZ_I_TRADE_SHARE, "arms_imports", "KR", "US", PL_EN);
	T_STREQ(b, "Arms imports: share South Korea ← United States");
	rp_fact_name(b, sizeof b, KZ_I_TRADE_SHARE, "", "KR", "US", PL_DE);
	T_STREQ(b, "Handelsanteil Südkorea ↔ USA");
	rp_fact_name(b, sizeof b, KZ_I_TRADE_SHARE, "total_trade", "KR", "US", PL_DE);
	T_STREQ(b, "Handelsanteil Südkorea ↔ USA");
	rp_fact_name(b, sizeof b, KZ_I_TROOPS, "floor", "US", "KR", PL_DE);
	T_STREQ(b, "Mindeststärke US-Truppen in Südkorea (Gesetz)");
	/* names, no codes and no "?" for a partner the text does not name */
	rp_fact_name(b, sizeof b, KZ_I_TROOPS, "branch", "JP", "", PL_DE);
	T_STREQ(b, "Truppen Japans: eine Teilstreitkraft");
	rp_fact_name(b, sizeof b, KZ_I_TROOPS, "branch", "US", "JP", PL_EN);
	T_STREQ(b, "US troops in Japan: one branch");
	rp_fact_name(b, sizeof b, KZ_I_TROOPS, "floor", "KR", "", PL_DE);
	T_STREQ(b, "Mindeststärke Truppen Südkoreas (Gesetz)");
	/* years and dates as an editor writes them */
	rp_fmt_year(b, sizeof b, "2023-2027", PL_DE);
	T_STREQ(b, "2023\xe2\x80\x93"
	           "2027");
	rp_fmt_year(b, sizeof b, "1950s", PL_DE);
	T_STREQ(b, "1950er");
	rp_fmt_year(b, sizeof b, "1950s", PL_EN);
	T_STREQ(b, "1950s");
	rp_fmt_year(b, sizeof b, "", PL_DE);
	T_STREQ(b, "\xe2\x80\x93");
	T_CHECK(rp_year_width("2020") == 0 && rp_year_width("2016-2020") == 4 &&
	        rp_year_width("1950s") == 10 && rp_year_width("") == -1);
	rp_fmt_date(b, sizeof b, "2021-05", PL_DE);
	T_STREQ(b, "Mai 2021");
	rp_fmt_date(b, sizeof b, "2021-05", PL_EN);
	T_STREQ(b, "May 2021");
	rp_fmt_date(b, sizeof b, "2025-05-23", PL_DE);
	T_STREQ(b, "23.05.2025");
	rp_fmt_date(b, sizeof b, "2025-05-23", PL_EN);
	T_STREQ(b, "23 May 2025");
	rp_fmt_date(b, sizeof b, "2024", PL_DE);
	T_STREQ(b, "2024");
	rp_fmt_date(b, sizeof b, "", PL_DE);
	T_STREQ(b, "\xe2\x80\x93");
	rp_fmt_date(b, sizeof b, "2024-13", PL_DE); /* not a date: as given */
	T_STREQ(b, "2024-13");
	/* Markdown out of quotes and sentences */
	{
		static const char *const cases[][2] = {
		    {"| Japan | ca. 55 300 | 2 500 |", "Japan \xc2\xb7 ca. 55\xc2\xa0"
		                                       "300 \xc2\xb7 2\xc2\xa0"
		                                       "500"},
		    {"**Europa rüstet auf.** Nach SIPRI stiegen die Ausgaben.",
		     "Europa rüstet auf. Nach SIPRI stiegen die Ausgaben."},
		    {"## Lage", "Lage"},
		    {"> laut [SIPRI](https://sipri.org) 5 %", "laut SIPRI 5\xc2\xa0%"},
		    /* a figure's inner space and the one before its percent sign do not break */
		    {"etwa 55 000 Soldaten, 3,43 % und 2 1000 Tage",
		     "etwa 55\xc2\xa0"
		     "000 Soldaten, 3,43\xc2\xa0% und 2 1000 Tage"},
		    {"Der `Wert` von 3 | 4", "Der Wert von 3 | 4"},
		    /* footnotes glued to the text go; a figure's digits, a type's number and a year stay */
		    {"In Korea waren 31 050 US-Soldaten stationiert2, die Luftwaffe ist vertreten.3",
		     "In Korea waren 31\xc2\xa0"
		     "050 US-Soldaten stationiert, die Luftwaffe ist vertreten."},
		    {"Seoul gab 50,1 Billionen Won (41,7 Mrd. Dollar)5 aus, rund 2,5 Prozent des BIP.7",
		     "Seoul gab 50,1 Billionen Won (41,7 Mrd. Dollar) aus, rund 2,5 Prozent des BIP."},
		    {"ein Anstieg um 13,9 Prozent.\n11", "ein Anstieg um 13,9 Prozent."},
		    {"Je 40 F-35 und Patriot PAC-3 kosten 1.519,2 Mrd. Won, mehr als 2020.",
		     "Je 40 F-35 und Patriot PAC-3 kosten 1.519,2 Mrd. Won, mehr als 2020."},
		    {"Das Heer hat 2 500 Männer und Frauen103 im Jahr 2020er", "Das Heer hat 2\xc2\xa0"
		                                                       "500 Männer und Frauen im Jahr 2020er"},
		    {"||||", "\xc2\xb7 \xc2\xb7"},
		    {"", ""},
		};
		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			char *p = rp_plain(cases[i][0]);
			T_STREQ(p, cases[i][1]);
			free(p);
		}
	}
	{
		char *e = rp_markup_escape("a < b & „c“");
		T_STREQ(e, "a &lt; b &amp; „c“");
		free(e);
	}
	{
		char s[] = "Südkorea Südkorea Südkorea";
		rp_utf8_cut(s, 12); /* never inside a character */
		T_CHECK(strlen(s) <= 12);
		T_CHECK(g_utf8_validate(s, -1, NULL));
	}
}

static void test_select(void)
{
	struct kz_table t;
	struct rp_docs d;
	struct rp_select s;
	struct kz_err err;

	sample(&t, &d);
	T_CHECK(rp_select_parse(&s, "indicator=troops,partner=KR,partner=JP", &err) == 0);
	kz_table_filter(&t, rp_select_keep, &s);
	T_CHECK(t.n == 5);
	rp_select_release(&s);
	T_CHECK(rp_select_parse(&s, "colour=red", &err) != 0);
	T_CHECK(strstr(err.msg, "colour") != NULL);
	rp_select_release(&s);
	T_CHECK(rp_select_parse(&s, "subject", &err) != 0);
	rp_select_release(&s);
	kz_table_release(&t);
	rp_docs_release(&d);
}

static void test_model(void)
{
	struct kz_table t;
	struct rp_docs d;
	struct rp_model m;
	size_t i, nconf = 0;

	sample(&t, &d);
	rp_model_build(&m, &t, &d, NULL, PL_DE);
	T_CHECK(!m.checked);
	T_CHECK(m.docs.n == 2);
	T_CHECK(m.docno[0] == 1 && m.docno[1] == 2);
	/* US in KR 2024: 28.500 and "gut 23.000" do not overlap: one conflict, both marked */
	for (i = 0; i < m.nfinds; i++)
		nconf += m.finds[i].kind == ST_K_CONFLICT;
	T_CHECK(nconf == 1);
	T_CHECK((m.flags[0] & PL_F_CONFLICT) && (m.flags[1] & PL_F_CONFLICT));
	T_CHECK(!(m.flags[3] & PL_F_CONFLICT));
	for (i = 0; i < m.nfacts; i++)
		if (m.facts[i].ind == KZ_I_TROOPS && !strcmp(m.facts[i].partner, "KR")) {
			T_NEAR(m.facts[i].value, 28500, 1e-12); /* the median */
			T_CHECK(m.facts[i].ndocs == 2 && m.facts[i].nclaims == 3);
			T_CHECK(m.facts[i].low <= 28500 && m.facts[i].high >= 28500);
		}
	rp_model_release(&m);

	/* with a check result, its consensus and findings are what the sheet shows */
	{
		struct st_result r;
		struct st_consensus c;
		struct st_finding f;
		size_t idx[2] = {3, 4};
		memset(&r, 0, sizeof r);
		memset(&c, 0, sizeof c);
		memset(&f, 0, sizeof f);
		c.ind = KZ_I_TROOPS;
		c.detail = "stationed";
		c.subject = "US";
		c.partner = "JP";
		c.year = "2024";
		c.unit = "persons";
		c.estimate = 52852;
		c.low = 52800;
		c.high = 52900;
		c.nclaims = 2;
		c.ndocs = 2;
		c.claims = idx;
		f.kind = ST_K_OUTLIER;
		f.detail = f.subject = f.partner = f.year = f.unit = "";
		f.claims = idx;
		f.nclaims = 1;
		f.explanation = "weit weg";
		r.c = &c;
		r.nc = 1;
		r.f = &f;
		r.nf = 1;
		rp_model_build(&m, &t, &d, &r, PL_DE);
		T_CHECK(m.checked && m.nfacts == 1 && m.nfinds == 1);
		T_CHECK(m.flags[3] & PL_F_OUTLIER);
		T_CHECK(!(m.flags[0] & PL_F_CONFLICT));
		rp_model_release(&m);
	}
	kz_table_release(&t);
	rp_docs_release(&d);
}

/* Charts compare reported figures of one definition; a trend covers >= 3 years without a long
 * gap and stops at its last figure. */
static void test_chart_rules(void)
{
	struct kz_table t;
	struct rp_docs d;
	struct rp_model m;
	struct rp_charts cs;
	const struct pl_chart *c;
	size_t i;
	int nato = 0, plan = 0, span = 0;

	kz_table_init(&t);
	rp_docs_init(&d);
	rp_docs_add(&d, "a.txt", "A", "Agentur", "2025-05-23", NULL);
	add(&t, "a.txt", "2,12 Prozent", 2.12, 2.11, 2.13, "percent", KZ_I_GDP_SHARE, "defense_budget", "DE",
	    "", "2024");
	add(&t, "a.txt", "4,12 Prozent", 4.12, 4.11, 4.13, "percent", KZ_I_GDP_SHARE, "defense_budget", "PL",
	    "", "2024");
	add(&t, "a.txt", "etwa 1 Prozent", 1, 0.5, 1.5, "percent", KZ_I_GDP_SHARE, "", "JP", "",
	    "2023-2027"); /* a span: not in the bars */
	add(&t, "a.txt", "5 Prozent", 5, 4.5, 5.5, "percent", KZ_I_GDP_SHARE, "", "NATO", "", "2035");
	t.v[t.n - 1].status = KZ_S_TARGET;
	add(&t, "a.txt", "3,5 Prozent", 3.5, 3.4, 3.6, "percent", KZ_I_GDP_SHARE, "", "NATO", "", "2035");
	t.v[t.n - 1].status = KZ_S_TARGET;
	add(&t, "a.txt", "etwa 5000", 5000, 4750, 5250, "persons", KZ_I_TROOPS, "stationed", "US", "JP",
	    "2024-2025");
	t.v[t.n - 1].status = KZ_S_PLAN;
	add(&t, "a.txt", "55 300", 55300, 55250, 55350, "persons", KZ_I_TROOPS, "stationed", "US", "JP",
	    "2021");
	add(&t, "a.txt", "mehr als 300.000", 300000, 300000, 450000, "persons", KZ_I_TROOPS, "stationed",
	    "US", "KR", "1950-1953");
	add(&t, "a.txt", "26.305", 26305, 26304.5, 26305.5, "persons", KZ_I_TROOPS, "stationed", "US", "KR",
	    "2009");
	add(&t, "a.txt", "31 050", 31050, 31045, 31055, "persons", KZ_I_TROOPS, "stationed", "US", "KR",
	    "2020");
	add(&t, "a.txt", "31 050", 31050, 31045, 31055, "persons", KZ_I_TROOPS, "stationed", "US", "KR",
	    "2021");
	add(&t, "a.txt", "gut 23.000", 23000, 23000, 25300, "persons", KZ_I_TROOPS, "stationed", "US", "KR",
	    "2024");
	add(&t, "a.txt", "28.500", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "stationed", "US", "KR",
	    "2025");
	add(&t, "a.txt", "rund 4.500", 4500, 4275, 4725, "persons", KZ_I_TROOPS, "stationed", "US", "KR",
	    "2026");
	t.v[t.n - 1].status = KZ_S_PLAN;
	rp_model_build(&m, &t, &d, NULL, PL_DE);
	rp_charts_build(&cs, &m);

	/* the GDP comparison holds the two levels, not the NATO target */
	c = find_chart(&cs, PL_BARS, "in % des BIP");
	T_CHECK(c && c->n == 2);
	for (i = 0; c && i < c->n; i++)
		nato += strstr(c->v[i].label, "NATO") != NULL;
	T_CHECK(nato == 0);
	/* no chart of its own for the target either (it has two figures) */
	T_CHECK(find_chart(&cs, PL_DOTS, "NATO") == NULL);
	/* US troops by country: Japan's reported 55 300, not the plan to move 5 000 */
	c = find_chart(&cs, PL_BARS, "US-Truppen");
	T_CHECK(c && c->n == 2);
	for (i = 0; c && i < c->n; i++)
		if (strstr(c->v[i].label, "Japan"))
			T_NEAR(c->v[i].value, 55300, 1e-12);
	/* the series: yearly counts only — no war-time span, no plan — and a trend 2020-2025 */
	c = find_chart(&cs, PL_SERIES, "US-Truppen in Südkorea");
	T_CHECK(c != NULL);
	for (i = 0; c && i < c->n; i++) {
		span += c->v[i].value == 300000;
		plan += c->v[i].value == 4500;
	}
	T_CHECK(c && c->n == 5 && span == 0 && plan == 0);
	T_CHECK(c && c->has_trend && c->trend_x0 == 2020 && c->trend_x1 == 2025);
	T_CHECK(c && strstr(c->subtitle, "Trend nur 2020") != NULL);
	rp_charts_release(&cs);
	rp_model_release(&m);

	/* one figure stated alike in two texts compares nothing: no dots chart; two that differ get
	 * one, its rows named by the originator the text cites */
	kz_table_release(&t);
	kz_table_init(&t);
	rp_docs_add(&d, "b.txt", "B", "Sender", "2025-05-24", NULL);
	add(&t, "a.txt", "28.500", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2025");
	add(&t, "b.txt", "28.500", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2025");
	add(&t, "a.txt", "rund 12.000", 12000, 11400, 12600, "persons", KZ_I_TROOPS, "sent", "KP", "RU", "2024");
	t.v[t.n - 1].source = "NIS";
	add(&t, "b.txt", "etwa 11.000", 11000, 10450, 11550, "persons", KZ_I_TROOPS, "sent", "KP", "RU", "2024");
	rp_model_build(&m, &t, &d, NULL, PL_DE);
	rp_charts_build(&cs, &m);
	T_CHECK(find_chart(&cs, PL_DOTS, "US-Truppen in S") == NULL);
	c = find_chart(&cs, PL_DOTS, "Entsandte Truppen Nordkoreas");
	T_CHECK(c && c->n == 2);
	for (i = 0, nato = 0; c && i < c->n; i++)
		nato += strstr(c->v[i].label, "] NIS: A") != NULL;
	T_CHECK(nato == 1);
	rp_charts_release(&cs);
	rp_model_release(&m);

	/* figures spread with gaps of more than a decade: the points, no trend */
	kz_table_release(&t);
	kz_table_init(&t);
	add(&t, "a.txt", "300.000", 300000, 299500, 300500, "persons", KZ_I_TROOPS, "stationed", "US", "KR",
	    "1953");
	add(&t, "a.txt", "40.000", 40000, 39500, 40500, "persons", KZ_I_TROOPS, "stationed", "US", "KR",
	    "1975");
	add(&t, "a.txt", "28.500", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "stationed", "US", "KR",
	    "2025");
	rp_model_build(&m, &t, &d, NULL, PL_DE);
	rp_charts_build(&cs, &m);
	c = find_chart(&cs, PL_SERIES, "US-Truppen in Südkorea");
	T_CHECK(c && c->n == 3 && !c->has_trend);
	T_CHECK(c && strstr(c->subtitle, "kein Trend") != NULL);
	rp_charts_release(&cs);
	rp_model_release(&m);

	/* three years whose figures agree within their rounding tell no change: no trend line */
	kz_table_release(&t);
	kz_table_init(&t);
	add(&t, "a.txt", "etwa 36.000", 36000, 34200, 37800, "persons", KZ_I_TROOPS, "stationed", "US", "DE", "2020");
	add(&t, "a.txt", "rund 35 000", 35000, 33250, 36750, "persons", KZ_I_TROOPS, "stationed", "US", "DE", "2022");
	add(&t, "a.txt", "34 894", 34894, 34893.5, 34894.5, "persons", KZ_I_TROOPS, "stationed", "US", "DE", "2024");
	rp_model_build(&m, &t, &d, NULL, PL_DE);
	rp_charts_build(&cs, &m);
	c = find_chart(&cs, PL_SERIES, "US-Truppen in Deutschland");
	T_CHECK(c && c->n == 3 && !c->has_trend);
	T_CHECK(c && strstr(c->subtitle, "nicht über ihre Rundung") != NULL);
	rp_charts_release(&cs);
	rp_model_release(&m);

	/* one figure restated for a second year and one other value: two values, no trend */
	kz_table_release(&t);
	kz_table_init(&t);
	add(&t, "a.txt", "31 050", 31050, 31045, 31055, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2020");
	add(&t, "a.txt", "31 050", 31050, 31045, 31055, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2021");
	add(&t, "a.txt", "28.500", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2025");
	rp_model_build(&m, &t, &d, NULL, PL_DE);
	rp_charts_build(&cs, &m);
	c = find_chart(&cs, PL_SERIES, "US-Truppen in Südkorea");
	T_CHECK(c && c->n == 3 && !c->has_trend);
	T_CHECK(c && strstr(c->subtitle, "weniger als drei verschiedene Werte") != NULL);
	T_CHECK(c && strstr(c->subtitle, "Trend nur") == NULL);
	T_CHECK(c && *c->source && strstr(c->source, "Quelle: [1]") != NULL); /* its source line */
	rp_charts_release(&cs);
	rp_model_release(&m);

	/* a total beside its part under one name (more than threefold apart): no trend */
	kz_table_release(&t);
	kz_table_init(&t);
	add(&t, "a.txt", "fast 5,5 Billionen Won", 5.5e12, 4.95e12, 5.5e12, "KRW", KZ_I_BUDGET, "host_nation_support",
	    "KR", "US", "2015");
	add(&t, "a.txt", "1,04 Billionen Won", 1.04e12, 1.035e12, 1.045e12, "KRW", KZ_I_BUDGET, "host_nation_support",
	    "KR", "US", "2019");
	add(&t, "a.txt", "1,18 Billionen Won", 1.18e12, 1.175e12, 1.185e12, "KRW", KZ_I_BUDGET, "host_nation_support",
	    "KR", "US", "2021");
	rp_model_build(&m, &t, &d, NULL, PL_DE);
	rp_charts_build(&cs, &m);
	c = find_chart(&cs, PL_SERIES, "Stationierungskosten");
	T_CHECK(c && c->n == 3 && !c->has_trend);
	T_CHECK(c && strstr(c->subtitle, "mehr als das Dreifache") != NULL);
	rp_charts_release(&cs);
	rp_model_release(&m);
	kz_table_release(&t);
	rp_docs_release(&d);
}

/* A figure keeps the precision and the scale word its quote states: "40,0 Prozent" is "40,0 %",
 * "rund 1,28 Mio. Soldaten" "1,28 Mio.", not "40 %" and "1.280.000". */
static void test_stated(void)
{
	double step, scale;
	char b[96];

	T_CHECK(rp_claim_stated(quoted("40,0 Prozent", 40, "percent"), &step, &scale));
	T_NEAR(step, 0.1, 1e-12);
	T_CHECK(scale == 0);
	T_CHECK(rp_claim_stated(quoted("rund 1,28 Mio. Soldaten", 1.28e6, "persons"), &step, &scale));
	T_NEAR(step, 1e4, 1e-9);
	T_NEAR(scale, 1e6, 1e-12);
	T_CHECK(rp_claim_stated(quoted("1.519,2 Mrd. Won", 1.5192e12, "KRW"), &step, &scale));
	T_NEAR(step, 1e8, 1e-9);
	T_CHECK(rp_claim_stated(quoted("31\xc2\xa0"
	                               "050 US-Soldaten",
	                               31050, "persons"),
	                        &step, &scale));
	T_NEAR(step, 10, 1e-12);
	T_CHECK(rp_claim_stated(quoted("etwa 5000 Marineinfanteristen", 5000, "persons"), &step, &scale));
	T_NEAR(step, 1000, 1e-12);
	T_CHECK(rp_claim_stated(quoted("6.821,9 Milliarden Yen", 6.8219e12, "JPY"), &step, &scale));
	T_NEAR(step, 1e8, 1e-9);
	/* no digits of the value: nothing stated */
	T_CHECK(!rp_claim_stated(quoted("gut fünfundzwanzig Prozent", 25, "percent"), &step, &scale) &&
	        step == 0);
	T_CHECK(!rp_claim_stated(quoted("ein Drittel", 100.0 / 3, "percent"), &step, &scale));
	T_CHECK(!rp_claim_stated(quoted("11.000 bis 12.000", 11500, "persons"), &step, &scale));
	rp_fmt_claim(b, sizeof b, quoted("40,0 Prozent", 40, "percent"), PL_DE);
	T_STREQ(b, "40,0\xc2\xa0%");
	rp_fmt_claim(b, sizeof b, quoted("40,0 Prozent", 40, "percent"), PL_EN);
	T_STREQ(b, "40.0%");
	rp_fmt_claim(b, sizeof b, quoted("rund 1,28 Mio. Soldaten", 1.28e6, "persons"), PL_DE);
	T_STREQ(b, "1,28\xc2\xa0Mio.");
	rp_fmt_claim(b, sizeof b, quoted("rund 1,28 Mio. Soldaten", 1.28e6, "persons"), PL_EN);
	T_STREQ(b, "1.28\xc2\xa0million");
	rp_fmt_claim(b, sizeof b, quoted("28.500 US-Soldaten", 28500, "persons"), PL_DE);
	T_STREQ(b, "28.500");
	rp_fmt_claim(b, sizeof b, quoted("51,90 Mrd. Euro", 51.9e9, "EUR"), PL_DE);
	T_STREQ(b, "51,90\xc2\xa0Mrd.\xc2\xa0"
	           "Euro");
	rp_fmt_claim(b, sizeof b, quoted("ein Drittel", 100.0 / 3, "percent"), PL_DE);
	T_STREQ(b, "33\xc2\xa0%"); /* a fraction in words: as before */
}

/* A consensus is printed inside its own interval, to the precision its sources state, and the
 * chart's line is drawn at the estimate itself: the mean 51,9486 of "51,95" and "51,9" is
 * "51,95 Mrd. Euro" in "51,94–51,96", not "51,9"; the mean of "1.519,2 Mrd.", "1,5192 Bio." and
 * "1,52 Bio." Won is "1,5192 Bio. Won", not "1,52". */
static void test_consensus_print(void)
{
	struct kz_table t;
	struct rp_docs d;
	struct rp_options o;
	struct rp_model m;
	struct rp_charts cs;
	struct st_result r;
	struct st_consensus c[2];
	struct kz_buf dump = KZ_BUF_INIT;
	struct kz_err err;
	char pdf[] = "/tmp/kz-test-consensus-XXXXXX";
	size_t de[2] = {0, 1}, kr[3] = {2, 3, 4};
	const struct pl_chart *ch;
	int fd = mkstemp(pdf);

	T_CHECK(fd >= 0);
	close(fd);
	kz_table_init(&t);
	rp_docs_init(&d);
	rp_docs_add(&d, "a.txt", "A", "Zeitung", "2024-06-18", NULL);
	rp_docs_add(&d, "b.txt", "B", "Agentur", "2025-07-01", NULL);
	add(&t, "a.txt", "51,95 Mrd. Euro", 51.95e9, 51.945e9, 51.955e9, "EUR", KZ_I_BUDGET, "defense_budget",
	    "DE", "", "2024");
	add(&t, "b.txt", "51,9 Mrd. Euro", 51.9e9, 51.85e9, 51.95e9, "EUR", KZ_I_BUDGET, "defense_budget",
	    "DE", "", "2024");
	add(&t, "a.txt", "1.519,2 Mrd. Won", 1.5192e12, 1.51915e12, 1.51925e12, "KRW", KZ_I_BUDGET,
	    "host_nation_support", "KR", "US", "2026");
	add(&t, "a.txt", "1,5192 Billionen Won", 1.5192e12, 1.51915e12, 1.51925e12, "KRW", KZ_I_BUDGET,
	    "host_nation_support", "KR", "US", "2026");
	add(&t, "b.txt", "1,52 Bio. Won", 1.52e12, 1.515e12, 1.525e12, "KRW", KZ_I_BUDGET,
	    "host_nation_support", "KR", "US", "2026");
	memset(&r, 0, sizeof r);
	memset(c, 0, sizeof c);
	c[0].ind = c[1].ind = KZ_I_BUDGET;
	c[0].detail = "defense_budget";
	c[0].subject = "DE";
	c[0].partner = "";
	c[0].year = "2024";
	c[0].unit = "EUR";
	c[0].estimate = 51.9486e9;
	c[0].low = 51.945e9;
	c[0].high = 51.95e9;
	c[0].claims = de;
	c[0].nclaims = c[0].ndocs = c[0].nsources = 2;
	c[0].state = "agreed";
	c[1].detail = "host_nation_support";
	c[1].subject = "KR";
	c[1].partner = "US";
	c[1].year = "2026";
	c[1].unit = "KRW";
	c[1].estimate = 1.51924e12;
	c[1].low = 1.51915e12;
	c[1].high = 1.51925e12;
	c[1].claims = kr;
	c[1].nclaims = 3;
	c[1].ndocs = c[1].nsources = 2;
	c[1].state = "agreed";
	r.c = c;
	r.nc = 2;
	rp_options_init(&o);
	o.date = 1700000000;
	o.dump = &dump;
	T_CHECK(rp_factsheet_write(pdf, &t, &d, &r, &o, &err) == 0);
	T_CHECK(strstr(dump.s, "|51,95\xc2\xa0Mrd.\xc2\xa0"
	                       "Euro\n") != NULL);
	T_CHECK(strstr(dump.s, "Konsens 51,95\xc2\xa0Mrd.\xc2\xa0"
	                       "Euro (51,94") != NULL);
	T_CHECK(strstr(dump.s, "|1.519,2\xc2\xa0"
	                       "Mrd.\xc2\xa0Won\n") != NULL);
	T_CHECK(strstr(dump.s, "Konsens 1.519,2\xc2\xa0"
	                       "Mrd.\xc2\xa0Won (") != NULL);
	kz_buf_reset(&dump);
	o.lang = PL_EN;
	T_CHECK(rp_factsheet_write(pdf, &t, &d, &r, &o, &err) == 0);
	T_CHECK(strstr(dump.s, "|EUR\xc2\xa0"
	                       "51.95\xc2\xa0"
	                       "bn\n") != NULL);
	/* the dot chart's consensus line: at the estimate, inside the band */
	rp_model_build(&m, &t, &d, &r, PL_DE);
	rp_charts_build(&cs, &m);
	ch = find_chart(&cs, PL_DOTS, "Verteidigungshaushalt Deutschland");
	T_CHECK(ch && ch->has_band);
	T_CHECK(ch && fabs(ch->band_value - 51.9486e9) < 1e3);
	T_CHECK(ch && ch->band_value >= ch->band_lo && ch->band_value <= ch->band_hi);
	rp_charts_release(&cs);
	rp_model_release(&m);
	unlink(pdf);
	kz_buf_release(&dump);
	kz_table_release(&t);
	rp_docs_release(&d);
}

int main(void)
{
	test_names();
	test_select();
	test_model();
	test_chart_rules();
	test_stated();
	test_consensus_print();
	return t_done("test_report");
}
