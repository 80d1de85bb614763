/* test_report.c: the fact sheet from a small claims table — model, select, pages, tables, layout dump. */
#include "reports/reports_int.h"
#include "t.h"

#include <poppler.h>
#include <stdlib.h>
#include <unistd.h>

static void add(struct kz_table *t, const char *doc, const char *quote, double v, double lo, double hi,
		const char *unit, enum kz_ind ind, const char *detail, const char *subj, const char *partner,
		const char *year)
{
	struct kz_claim c;
	char id[64];

	memset(&c, 0, sizeof c);
	snprintf(id, sizeof id, "%s#%zu", doc, t->n * 10);
	c.id = id;
	c.doc = doc;
	c.quote = quote;
	c.value = v;
	c.low = lo;
	c.high = hi;
	c.unit = unit;
	c.qual = KZ_Q_APPROX;
	c.ind = ind;
	c.detail = detail;
	c.subject = subj;
	c.partner = partner;
	c.year = year;
	c.sentence = "Im Jahr waren in Südkorea „rund“ 28.500 US-Soldaten stationiert & mehr.";
	c.start = t->n * 10;
	c.end = c.start + 5;
	kz_table_add(t, &c);
}

static void sample(struct kz_table *t, struct rp_docs *d)
{
	kz_table_init(t);
	rp_docs_init(d);
	rp_docs_add(d, "a.txt", "Bericht über möglichen US-Teilabzug", "Agentur", "2025-05-23", NULL);
	rp_docs_add(d, "b.txt", "Analyse: Wer zahlt für die Sicherheit?", "Zeitung", "2025-07-01", NULL);
	add(t, "a.txt", "28.500 US-Soldaten", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2024");
	add(t, "b.txt", "gut 23.000 Soldaten", 23000, 23000, 25300, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2024");
	add(t, "b.txt", "rund 28.500", 28500, 27075, 29925, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2024");
	add(t, "a.txt", "etwa 55 000", 55000, 52250, 57750, "persons", KZ_I_TROOPS, "stationed", "US", "JP", "2022");
	add(t, "b.txt", "52 852", 52852, 52851.5, 52852.5, "persons", KZ_I_TROOPS, "stationed", "US", "JP", "2024");
	add(t, "a.txt", "74,5 Prozent", 74.5, 74.45, 74.55, "percent", KZ_I_COST_SHARE, "host_nation_support", "JP", "US", "2003");
	add(t, "a.txt", "40,0 Prozent", 40, 39.95, 40.05, "percent", KZ_I_COST_SHARE, "host_nation_support", "KR", "US", "2003");
	add(t, "b.txt", "5,07 Billionen Yen", 5.07e12, 5.065e12, 5.075e12, "JPY", KZ_I_BUDGET, "defense_budget", "JP", "", "2020");
	add(t, "b.txt", "6,8 Bio. Yen", 6.8e12, 6.75e12, 6.85e12, "JPY", KZ_I_BUDGET, "defense_budget", "JP", "", "2023");
	add(t, "b.txt", "7,95 Bio. Yen", 7.95e12, 7.945e12, 7.955e12, "JPY", KZ_I_BUDGET, "defense_budget", "JP", "", "2024");
	add(t, "a.txt", "2,12 Prozent", 2.12, 2.115, 2.125, "percent", KZ_I_GDP_SHARE, "", "DE", "", "2024");
	add(t, "b.txt", "4,12 Prozent", 4.12, 4.115, 4.125, "percent", KZ_I_GDP_SHARE, "", "PL", "", "2024");
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
	rp_fact_name(b, sizeof b, KZ_I_TROOPS, "stationed", "DE", "LT", PL_DE);
	T_STREQ(b, "Truppen Deutschland in Litauen");
	/* a yearly rate of host-nation support in the words of the total */
	rp_fact_name(b, sizeof b, KZ_I_BUDGET, "host_nation_support_per_year", "JP", "US", PL_EN);
	T_STREQ(b, "Host-nation support a year, Japan to United States");
	rp_fact_name(b, sizeof b, KZ_I_BUDGET, "host_nation_support_per_year", "JP", "US", PL_DE);
	T_STREQ(b, "Stationierungskosten pro Jahr: Beitrag Japan an USA");
	/* the parts of a GDP target apart from its whole; the defence budget keeps its plain name */
	rp_fact_name(b, sizeof b, KZ_I_GDP_SHARE, "related_spending", "NATO", "", PL_DE);
	T_STREQ(b, "Verteidigungsnahe Ausgaben in % des BIP: NATO");
	rp_fact_name(b, sizeof b, KZ_I_GDP_SHARE, "defense_and_security", "NATO", "", PL_EN);
	T_STREQ(b, "Defence and security, % of GDP: NATO");
	rp_fact_name(b, sizeof b, KZ_I_GDP_SHARE, "defense_budget", "PL", "", PL_DE);
	T_STREQ(b, "Verteidigungsausgaben in % des BIP: Polen");
	rp_fact_name(b, sizeof b, KZ_I_BUDGET, "", "KR", "", PL_DE); /* no detail: no claim it is the defence budget */
	T_STREQ(b, "Ausgaben Südkorea");
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
	T_STREQ(b, "Truppen Japan: eine Teilstreitkraft");
	rp_fact_name(b, sizeof b, KZ_I_TROOPS, "branch", "US", "JP", PL_EN);
	T_STREQ(b, "US troops in Japan: one branch");
	rp_fact_name(b, sizeof b, KZ_I_TROOPS, "floor", "KR", "", PL_DE);
	T_STREQ(b, "Mindeststärke Truppen Südkorea (Gesetz)");
	/* years and dates as an editor writes them */
	rp_fmt_year(b, sizeof b, "2023-2027", PL_DE);
	T_STREQ(b, "2023\xe2\x80\x93" "2027");
	rp_fmt_year(b, sizeof b, "1950s", PL_DE);
	T_STREQ(b, "1950er");
	rp_fmt_year(b, sizeof b, "1950s", PL_EN);
	T_STREQ(b, "1950s");
	rp_fmt_year(b, sizeof b, "", PL_DE);
	T_STREQ(b, "\xe2\x80\x93");
	T_CHECK(rp_year_width("2020") == 0 && rp_year_width("2016-2020") == 4 && rp_year_width("1950s") == 10 &&
		rp_year_width("") == -1);
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
			{"| Japan | ca. 55 300 | 2 500 |", "Japan \xc2\xb7 ca. 55\xc2\xa0" "300 \xc2\xb7 2\xc2\xa0" "500"},
			{"**Europa rüstet auf.** Nach SIPRI stiegen die Ausgaben.", "Europa rüstet auf. Nach SIPRI stiegen die Ausgaben."},
			{"## Lage", "Lage"},
			{"> laut [SIPRI](https://sipri.org) 5 %", "laut SIPRI 5\xc2\xa0%"},
			/* a figure's inner space and the one before its percent sign do not break */
			{"etwa 55 000 Soldaten, 3,43 % und 2 1000 Tage", "etwa 55\xc2\xa0" "000 Soldaten, 3,43\xc2\xa0% und 2 1000 Tage"},
			{"Der `Wert` von 3 | 4", "Der Wert von 3 | 4"},
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

static const struct pl_chart *find_chart(const struct rp_charts *cs, enum pl_kind kind, const char *title)
{
	for (size_t i = 0; i < cs->n; i++)
		if (cs->v[i].kind == kind && strstr(cs->v[i].title, title))
			return &cs->v[i];
	return NULL;
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
	add(&t, "a.txt", "2,12 Prozent", 2.12, 2.11, 2.13, "percent", KZ_I_GDP_SHARE, "defense_budget", "DE", "", "2024");
	add(&t, "a.txt", "4,12 Prozent", 4.12, 4.11, 4.13, "percent", KZ_I_GDP_SHARE, "defense_budget", "PL", "", "2024");
	add(&t, "a.txt", "etwa 1 Prozent", 1, 0.5, 1.5, "percent", KZ_I_GDP_SHARE, "", "JP", "", "2023-2027"); /* a span: not in the bars */
	add(&t, "a.txt", "5 Prozent", 5, 4.5, 5.5, "percent", KZ_I_GDP_SHARE, "", "NATO", "", "2035");
	t.v[t.n - 1].status = KZ_S_TARGET;
	add(&t, "a.txt", "3,5 Prozent", 3.5, 3.4, 3.6, "percent", KZ_I_GDP_SHARE, "", "NATO", "", "2035");
	t.v[t.n - 1].status = KZ_S_TARGET;
	add(&t, "a.txt", "etwa 5000", 5000, 4750, 5250, "persons", KZ_I_TROOPS, "stationed", "US", "JP", "2024-2025");
	t.v[t.n - 1].status = KZ_S_PLAN;
	add(&t, "a.txt", "55 300", 55300, 55250, 55350, "persons", KZ_I_TROOPS, "stationed", "US", "JP", "2021");
	add(&t, "a.txt", "mehr als 300.000", 300000, 300000, 450000, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "1950-1953");
	add(&t, "a.txt", "26.305", 26305, 26304.5, 26305.5, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2009");
	add(&t, "a.txt", "31 050", 31050, 31045, 31055, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2020");
	add(&t, "a.txt", "31 050", 31050, 31045, 31055, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2021");
	add(&t, "a.txt", "gut 23.000", 23000, 23000, 25300, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2024");
	add(&t, "a.txt", "28.500", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2025");
	add(&t, "a.txt", "rund 4.500", 4500, 4275, 4725, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2026");
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

	/* figures spread with gaps of more than a decade: the points, no trend */
	kz_table_release(&t);
	kz_table_init(&t);
	add(&t, "a.txt", "300.000", 300000, 299500, 300500, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "1953");
	add(&t, "a.txt", "40.000", 40000, 39500, 40500, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "1975");
	add(&t, "a.txt", "28.500", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2025");
	rp_model_build(&m, &t, &d, NULL, PL_DE);
	rp_charts_build(&cs, &m);
	c = find_chart(&cs, PL_SERIES, "US-Truppen in Südkorea");
	T_CHECK(c && c->n == 3 && !c->has_trend);
	T_CHECK(c && strstr(c->subtitle, "kein Trend") != NULL);
	rp_charts_release(&cs);
	rp_model_release(&m);
	kz_table_release(&t);
	rp_docs_release(&d);
}

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
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
	add(&t, "a.txt", "rund 5,4 Billionen Yen", 5.4e12, 5.1e12, 5.7e12, "JPY", KZ_I_BUDGET, "defense_budget", "JP", "", "");
	t.v[t.n - 1].status = KZ_S_PLAN;
	add(&t, "a.txt", "6.821,9 Milliarden Yen", 6.8219e12, 6.8218e12, 6.822e12, "JPY", KZ_I_BUDGET, "defense_budget", "JP", "", "");
	t.v[t.n - 1].status = KZ_S_PLAN;
	t.v[t.n - 1].qual = KZ_Q_EXACT;
	add(&t, "a.txt", "43 Billionen Yen", 43e12, 42.5e12, 43.5e12, "JPY", KZ_I_BUDGET, "defense_budget", "JP", "", "2023-2027");
	t.v[t.n - 1].status = KZ_S_PLAN;
	t.v[t.n - 1].qual = KZ_Q_EXACT;
	add(&t, "a.txt", "27,47 Billionen Yen", 27.47e12, 27.46e12, 27.48e12, "JPY", KZ_I_BUDGET, "defense_budget", "JP", "", "2019-2023");
	add(&t, "a.txt", "7,95 Billionen Yen", 7.95e12, 7.94e12, 7.96e12, "JPY", KZ_I_BUDGET, "defense_budget", "JP", "", "2024");
	/* a figure the text dates to no year is no key figure of any year */
	add(&t, "a.txt", "12,3 Billionen Yen", 12.3e12, 12.2e12, 12.4e12, "JPY", KZ_I_BUDGET, "defense_budget", "JP", "", "");
	/* a war-time span is history beside a yearly count of today: no key figure */
	add(&t, "a.txt", "mehr als 300.000", 300000, 300000, 450000, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "1950-1953");
	add(&t, "a.txt", "28.500", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2025");
	add(&t, "a.txt", "3,8 Mrd. Dollar", 3.8e9, 3.75e9, 3.85e9, "USD", KZ_I_BUDGET, "military_exports", "KR", "", "2016-2020");
	add(&t, "a.txt", "38 Mrd. Dollar", 38e9, 37.5e9, 38.5e9, "USD", KZ_I_BUDGET, "military_exports", "KR", "", "2021-2023");
	/* the same plan under two details the sheet names alike: one row */
	add(&t, "a.txt", "2 %", 2, 1.95, 2.05, "percent", KZ_I_GDP_SHARE, "", "JP", "", "2027");
	t.v[t.n - 1].status = KZ_S_PLAN;
	t.v[t.n - 1].qual = KZ_Q_EXACT;
	add(&t, "a.txt", "zwei Prozent", 2, 1.95, 2.05, "percent", KZ_I_GDP_SHARE, "defense_budget", "JP", "", "2027");
	t.v[t.n - 1].status = KZ_S_PLAN;
	t.v[t.n - 1].qual = KZ_Q_EXACT;
	/* one figure stated as precisely and as rounded ("1,5192" and "1,52"), in two texts: one row of
	 * two sources, as the precise one states it; a floor stated for no year beside the same floor
	 * for 2020: one row, of 2020 */
	add(&t, "a.txt", "1,5192 Billionen Won", 1.5192e12, 1.51915e12, 1.51925e12, "KRW", KZ_I_BUDGET, "host_nation_support", "KR", "US", "2026");
	t.v[t.n - 1].status = KZ_S_PLAN;
	t.v[t.n - 1].qual = KZ_Q_EXACT;
	add(&t, "b.txt", "1,52 Bio. Won", 1.52e12, 1.515e12, 1.525e12, "KRW", KZ_I_BUDGET, "host_nation_support", "KR", "US", "2026");
	t.v[t.n - 1].status = KZ_S_PLAN;
	t.v[t.n - 1].qual = KZ_Q_EXACT;
	add(&t, "a.txt", "28.500", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "floor", "US", "KR", "");
	t.v[t.n - 1].status = KZ_S_LIMIT;
	t.v[t.n - 1].qual = KZ_Q_EXACT;
	add(&t, "b.txt", "28 500", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "floor", "US", "KR", "2020");
	t.v[t.n - 1].status = KZ_S_LIMIT;
	t.v[t.n - 1].qual = KZ_Q_EXACT;
	/* a long sentence is given whole in the appendix, a long citation wraps in its heading */
	add(&t, "a.txt", "5.000 Soldaten", 5000, 4950, 5050, "persons", KZ_I_TROOPS, "stationed", "DE", "LT", "2027");
	t.v[t.n - 1].sentence = "Mit der Panzerbrigade 45 stationiert Deutschland bis 2027 dauerhaft etwa 5.000 "
				"Soldatinnen und Soldaten in Litauen, zum ersten Mal seit dem Ende des Kalten Krieges "
				"eine ganze Brigade außerhalb des eigenen Landes, mit Familien, Schulen und Wohnungen, "
				"die der litauische Staat zum großen Teil selbst baut und bezahlt, wie die Regierung in "
				"Vilnius im Dezember mitteilte, und mit einem Stab, der schon heute in Vilnius sitzt.";
	rp_docs_add(&d, "a.txt", "Ein sehr langer Titel eines Berichts über die Lastenteilung im Bündnis und ihre Folgen",
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
		T_CHECK(q && sscanf(line, "T %lf %lf %lf %lf", &x, &y, &w, &h) == 4 && h > 2 * 9.0 && x + w <= RP_PAGE_W - RP_MR);
	}
	T_CHECK(strstr(dump.s, "|5\xc2\xa0%\n") && strstr(dump.s, "|3,5\xc2\xa0%\n") && strstr(dump.s, "|1,5\xc2\xa0%\n"));
	T_CHECK(!strstr(dump.s, "1,5\xe2\x80\x93" "5"));
	T_CHECK(strstr(dump.s, "|etwa 5,4\xc2\xa0" "Bio.\xc2\xa0Yen\n") && strstr(dump.s, "|6,8219\xc2\xa0" "Bio.\xc2\xa0Yen\n"));
	T_CHECK(!strstr(dump.s, "5,4\xe2\x80\x93" "6,9"));
	T_CHECK(strstr(dump.s, "|2023\xe2\x80\x93" "2027\n") != NULL); /* the plan's years, with an en dash */
	/* the goals table's 5,4 and 6,8219 Bio. Yen, 43 Bio. Yen, 2 % and 1,5192 Bio. Won once; the
	 * appendix's kind column of the five stated without a qualifier (the approximate 5,4 reads
	 * "etwa Plan") */
	T_CHECK(count(dump.s, "|Plan\n") == 10);
	/* 1,52 is 1,5192 rounded: one goal row, as the precise figure; the appendix cites both */
	T_CHECK(count(dump.s, "|1,5192\xc2\xa0" "Bio.\xc2\xa0Won\n") == 2 && count(dump.s, "|1,52\xc2\xa0" "Bio.\xc2\xa0Won\n") == 1);
	/* the undated floor is the 2020 one: one row (and the 2020 claim in the appendix) */
	T_CHECK(count(dump.s, "|Grenze\n") == 2);
	/* key figures: the 2024 budget is a row; the five-year total before it is history, no key
	 * figure, and cited nowhere else, so the appendix leaves it to claims.csv */
	T_CHECK(strstr(dump.s, "|7,95\xc2\xa0" "Bio.\xc2\xa0Yen\n") && !strstr(dump.s, "27,47"));
	T_CHECK(!strstr(dump.s, "12,3"));
	T_CHECK(strstr(dump.s, "|28.500\n") != NULL);
	T_CHECK(strstr(dump.s, "|300.000–450.000\n") == NULL);
	T_CHECK(strstr(dump.s, "|3,7–3,9\xc2\xa0Mrd. US-Dollar\n") == NULL); /* the older span's interval */
	T_CHECK(strstr(dump.s, "|37,5–38,5\xc2\xa0Mrd. US-Dollar\n") != NULL);
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
	add(&t, "a.txt", "26.305 Soldaten", 26305, 26304.5, 26305.5, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2009");
	add(&t, "a.txt", "28.500", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2009");
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
					fprintf(stderr, "page %d: box off the page at %.1f %.1f\n", page, b[i].x, b[i].y);
					bad++;
				}
				for (size_t j = 0; j < i; j++) {
					double ox = fmin(b[i].x + b[i].w, b[j].x + b[j].w) - fmax(b[i].x, b[j].x);
					double oy = fmin(b[i].y + b[i].h, b[j].y + b[j].h) - fmax(b[i].y, b[j].y);
					if (ox > 0.5 && oy > 0.5) {
						fprintf(stderr, "page %d: boxes at %.1f,%.1f and %.1f,%.1f overlap\n", page,
							b[j].x, b[j].y, b[i].x, b[i].y);
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
		add(&t, "c.txt", "gut 35.000 Soldaten", 35000 + i, 35000, 38500, "persons", KZ_I_TROOPS, "stationed", "US", "DE", "2020");
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
	T_CHECK(strstr(dump.s, "zitiert (Kennzahlen, Ziele, Vergleiche, Befunde, gepr\xc3\xbc" "fte Angaben)") != NULL);
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
		add(&t, "a.txt", q, 1000, 1000, 1000, "persons", KZ_I_TROOPS, "stationed", "US", partner, "2024");
		snprintf(q, sizeof q, "%d Soldaten", 1500 + 100 * i);
		add(&t, "b.txt", q, 1500 + 100 * i, 1500 + 100 * i, 1500 + 100 * i, "persons", KZ_I_TROOPS, "stationed", "US",
		    partner, "2024");
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
	T_CHECK(big && strstr(big->explanation, "Abweichung") && strstr(dump.s, strstr(big->explanation, "Abweichung")) != NULL);
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
	add(&t, "a.txt", "31 050", 31050, 31045, 31055, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2021");
	add(&t, "b.txt", "28.500", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2025");
	add(&t, "a.txt", "6,8 Billionen Yen", 6.8e12, 6.75e12, 6.85e12, "JPY", KZ_I_BUDGET, "defense_budget", "JP", "", "2023");
	add(&t, "b.txt", "7,95 Billionen Yen", 7.95e12, 7.945e12, 7.955e12, "JPY", KZ_I_BUDGET, "defense_budget", "JP", "", "2024");
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
	T_CHECK(strstr(dump.s, "2021/2025 \xc2\xb7 Ver\xc3\xa4nderung \xe2\x88\x92" "8,2\xc2\xa0%") != NULL);
	T_CHECK(strstr(dump.s, "2023/2024 \xc2\xb7 Ver\xc3\xa4nderung +17\xc2\xa0%") != NULL);
	kz_buf_reset(&dump);
	o.lang = PL_EN;
	T_CHECK(rp_factsheet_write(pdf, &t, &d, &r, &o, &err) == 0);
	T_CHECK(strstr(dump.s, "2021/2025 \xc2\xb7 change \xe2\x88\x92" "8.2%") != NULL);
	T_CHECK(strstr(dump.s, "2023/2024 \xc2\xb7 change +17%") != NULL);
	unlink(pdf);
	kz_buf_release(&dump);
	kz_table_release(&t);
	rp_docs_release(&d);
}

static struct kz_claim *quoted(const char *quote, double v, const char *unit)
{
	static struct kz_claim c;

	memset(&c, 0, sizeof c);
	c.quote = quote;
	c.value = v;
	c.unit = unit;
	return &c;
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
	T_CHECK(rp_claim_stated(quoted("31\xc2\xa0" "050 US-Soldaten", 31050, "persons"), &step, &scale));
	T_NEAR(step, 10, 1e-12);
	T_CHECK(rp_claim_stated(quoted("etwa 5000 Marineinfanteristen", 5000, "persons"), &step, &scale));
	T_NEAR(step, 1000, 1e-12);
	T_CHECK(rp_claim_stated(quoted("6.821,9 Milliarden Yen", 6.8219e12, "JPY"), &step, &scale));
	T_NEAR(step, 1e8, 1e-9);
	/* no digits of the value: nothing stated */
	T_CHECK(!rp_claim_stated(quoted("gut fünfundzwanzig Prozent", 25, "percent"), &step, &scale) && step == 0);
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
	T_STREQ(b, "51,90\xc2\xa0Mrd.\xc2\xa0" "Euro");
	rp_fmt_claim(b, sizeof b, quoted("ein Drittel", 100.0 / 3, "percent"), PL_DE);
	T_STREQ(b, "33\xc2\xa0%"); /* a fraction in words: as before */
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
	add(&t, "a.txt", "40,0 Prozent", 40, 39.95, 40.05, "percent", KZ_I_COST_SHARE, "host_nation_support", "KR", "US", "2003");
	add(&t, "a.txt", "rund 1,28 Mio. Soldaten", 1.28e6, 1.216e6, 1.344e6, "persons", KZ_I_TROOPS, "armed_forces", "KP", "", "2022");
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
	add(&t, "a.txt", "51,95 Mrd. Euro", 51.95e9, 51.945e9, 51.955e9, "EUR", KZ_I_BUDGET, "defense_budget", "DE", "", "2024");
	add(&t, "b.txt", "51,9 Mrd. Euro", 51.9e9, 51.85e9, 51.95e9, "EUR", KZ_I_BUDGET, "defense_budget", "DE", "", "2024");
	add(&t, "a.txt", "1.519,2 Mrd. Won", 1.5192e12, 1.51915e12, 1.51925e12, "KRW", KZ_I_BUDGET, "host_nation_support", "KR", "US", "2026");
	add(&t, "a.txt", "1,5192 Billionen Won", 1.5192e12, 1.51915e12, 1.51925e12, "KRW", KZ_I_BUDGET, "host_nation_support", "KR", "US", "2026");
	add(&t, "b.txt", "1,52 Bio. Won", 1.52e12, 1.515e12, 1.525e12, "KRW", KZ_I_BUDGET, "host_nation_support", "KR", "US", "2026");
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
	T_CHECK(strstr(dump.s, "|51,95\xc2\xa0Mrd.\xc2\xa0" "Euro\n") != NULL);
	T_CHECK(strstr(dump.s, "Konsens 51,95\xc2\xa0Mrd.\xc2\xa0" "Euro (51,94") != NULL);
	T_CHECK(strstr(dump.s, "|1,5192\xc2\xa0" "Bio.\xc2\xa0Won\n") != NULL);
	T_CHECK(strstr(dump.s, "Konsens 1,5192\xc2\xa0" "Bio.\xc2\xa0Won (") != NULL);
	kz_buf_reset(&dump);
	o.lang = PL_EN;
	T_CHECK(rp_factsheet_write(pdf, &t, &d, &r, &o, &err) == 0);
	T_CHECK(strstr(dump.s, "|EUR\xc2\xa0" "51.95\xc2\xa0" "bn\n") != NULL);
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
	add(&t, "a.txt", "etwa 5000 Marineinfanteristen", 5000, 4750, 5250, "persons", KZ_I_TROOPS, "relocation", "US", "JP", "2024-2025");
	t.v[t.n - 1].status = KZ_S_PLAN;
	add(&t, "a.txt", "rund 4.500", 4500, 4275, 4725, "persons", KZ_I_TROOPS, "relocation", "US", "KR", "2025");
	t.v[t.n - 1].status = KZ_S_PLAN;
	add(&t, "a.txt", "etwa 0,9 Prozent", 0.9, 0.855, 0.945, "percent", KZ_I_GDP_SHARE, "", "JP", "", "2020");
	t.v[t.n - 1].status = KZ_S_PLAN;
	add(&t, "a.txt", "mindestens 2 Prozent", 2, 2, 2.5, "percent", KZ_I_GDP_SHARE, "", "NATO", "", "2024");
	t.v[t.n - 1].status = KZ_S_TARGET;
	t.v[t.n - 1].qual = KZ_Q_AT_LEAST;
	add(&t, "a.txt", "fünf Milliarden Dollar", 5e9, 4.95e9, 5.05e9, "USD", KZ_I_BUDGET, "host_nation_support", "KR", "US", "2020");
	t.v[t.n - 1].status = KZ_S_DEMAND;
	t.v[t.n - 1].qual = KZ_Q_EXACT;
	rp_options_init(&o);
	o.date = 1700000000;
	o.dump = &dump;
	T_CHECK(rp_factsheet_write(pdf, &t, &d, NULL, &o, &err) == 0);
	T_CHECK(strstr(dump.s, "|etwa 5.000\n") != NULL);
	T_CHECK(strstr(dump.s, "|etwa 4.500\n") != NULL);
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
	T_CHECK(strstr(dump.s, "|demand\n") != NULL && strstr(dump.s, "|exact") == NULL);
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
	test_goals();
	test_same_text();
	test_factsheet();
	test_scale();
	test_drift_heading();
	test_stated();
	test_stated_sheet();
	test_consensus_print();
	test_goal_qualifiers();
	return t_done("test_report");
}
