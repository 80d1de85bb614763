/* test_stats.c: unit tests of stats/ — rates, currency pairs, conflicts, drift, arithmetic, consensus, outliers. */
#include "stats/stats.h"
#include "t.h"

#include <math.h>
#include <stdlib.h>

/* Add a claim: doc, offsets, quote, value/low/high, unit, qualifier, indicator, detail, subject, partner, year, sentence. */
static size_t add(struct kz_table *t, const char *doc, size_t start, const char *quote, double v, double lo,
		  double hi, const char *unit, enum kz_ind ind, const char *detail, const char *subj,
		  const char *partner, const char *year, const char *sentence)
{
	struct kz_claim c;
	char id[256];

	memset(&c, 0, sizeof(c));
	snprintf(id, sizeof(id), "%s#%zu", doc, start);
	c.id = id;
	c.doc = doc;
	c.start = start;
	c.end = start + strlen(quote);
	c.quote = quote;
	c.value = v;
	c.low = lo;
	c.high = hi;
	c.unit = unit;
	c.qual = KZ_Q_EXACT;
	c.ind = ind;
	c.detail = detail;
	c.subject = subj;
	c.partner = partner;
	c.year = year;
	c.sentence = sentence;
	kz_table_add(t, &c);
	return t->n - 1;
}

static struct st_rates fx;

static void run(const struct kz_table *t, const struct st_docinfo *di, struct st_result *r)
{
	struct st_options o;
	struct kz_err err;

	st_options_init(&o);
	st_result_init(r);
	T_CHECK(st_check(t, &fx, di, &o, r, &err) == 0);
}

static const struct st_finding *find(const struct st_result *r, enum st_kind k, size_t nth)
{
	for (size_t i = 0; i < r->nf; i++)
		if (r->f[i].kind == k && nth-- == 0)
			return &r->f[i];
	return NULL;
}

static void test_rates(void)
{
	static const char tsv[] = "# fx\n# source: Test Bank\nyear\tEUR\tJPY\n2020\t1.25\t100\n2021\t\t110\n2021-03\t1.2\t\n";
	struct st_rates r;
	struct kz_err err;
	double v;

	st_rates_init(&r);
	T_CHECK(st_rates_parse(&r, tsv, sizeof(tsv) - 1, "t.tsv", &err) == 0);
	T_STREQ(r.source, "Test Bank");
	T_CHECK(st_rates_get(&r, "EUR", 2020, &v) == 0);
	T_NEAR(v, 0.8, 1e-12); /* EUR is quoted as USD per EUR and stored per USD */
	T_CHECK(st_rates_get(&r, "JPY", 2021, &v) == 0 && v == 110);
	T_CHECK(st_rates_get(&r, "EUR", 2021, &v) == -1); /* empty cell */
	T_CHECK(st_rates_get(&r, "EUR", 202103, &v) == 0);
	T_NEAR(v, 1 / 1.2, 1e-12);
	T_CHECK(st_rates_get(&r, "USD", 1999, &v) == 0 && v == 1);
	st_rates_release(&r);

	st_rates_init(&r);
	T_CHECK(st_rates_parse(&r, "year\tEUR\n20x0\t1\n", 17, "bad.tsv", &err) == KZ_EINPUT);
	T_CHECK(err.line == 2);
	st_rates_release(&r);
	st_rates_init(&r);
	T_CHECK(st_rates_parse(&r, "year\tEUR\n2020\t-1\n", 17, "bad.tsv", &err) == KZ_EINPUT);
	st_rates_release(&r);

	/* the built-in table: every year 2000-2025 for every currency, and the Fed's 2020 yen */
	st_rates_init(&r);
	T_CHECK(st_rates_builtin(&r, &err) == 0);
	for (int y = 2000; y <= 2025; y++) {
		const char *cur[] = {"EUR", "JPY", "KRW", "CNY", "RUB", "GBP", "CHF"};
		for (int k = 0; k < 7; k++)
			T_CHECK(st_rates_get(&r, cur[k], y, &v) == 0 && v > 0);
	}
	T_CHECK(st_rates_get(&r, "JPY", 2020, &v) == 0 && v > 100 && v < 110);
	T_CHECK(r.source && strstr(r.source, "Federal Reserve"));
	st_rates_release(&r);
}

static void test_kinds(void)
{
	unsigned m;
	T_CHECK(st_kinds_parse("conflict,currency", &m) == 0 && m == ((1u << ST_K_CONFLICT) | (1u << ST_K_CURRENCY)));
	T_CHECK(st_kinds_parse("all", &m) == 0 && m == 63);
	T_CHECK(st_kinds_parse("conflict,", &m) == -1);
	T_CHECK(st_kinds_parse("error", &m) == -1);
	T_CHECK(st_kinds_parse("", &m) == -1);
}

static void test_currency(void)
{
	static const char s1[] = "Der Haushalt betrug 5,07 Billionen Yen (47,0 Milliarden Dollar).";
	static const char s2[] = "Der Haushalt betrug 5,07 Billionen Yen (60,0 Milliarden Dollar).";
	static const char s3[] = "Seoul zahlte 50,1 Billionen Won, umgerechnet 41,7 Milliarden Dollar.";
	static const char s4[] = "Japan zahlte 5,07 Billionen Yen und Korea 47,0 Milliarden Dollar.";
	static const char s5[] = "Exporte: 3,8 Milliarden US-Dollar (3,66 Milliarden Euro) 2016 bis 2020.";
	struct kz_table t;
	struct st_result r;
	struct st_docinfo di;

	kz_table_init(&t);
	add(&t, "a", 10, "5,07 Billionen Yen", 5.07e12, 5.065e12, 5.075e12, "JPY", KZ_I_BUDGET, "", "JP", "", "2020", s1);
	add(&t, "a", 30, "47,0 Milliarden Dollar", 4.7e10, 4.695e10, 4.705e10, "USD", KZ_I_BUDGET, "", "JP", "", "2020", s1);
	add(&t, "b", 10, "5,07 Billionen Yen", 5.07e12, 5.065e12, 5.075e12, "JPY", KZ_I_BUDGET, "", "JP", "", "2020", s2);
	add(&t, "b", 30, "60,0 Milliarden Dollar", 6e10, 5.995e10, 6.005e10, "USD", KZ_I_BUDGET, "", "JP", "", "2020", s2);
	add(&t, "c", 10, "50,1 Billionen Won", 5.01e13, 5.005e13, 5.015e13, "KRW", KZ_I_OTHER, "", "", "", "2020", s3);
	add(&t, "c", 44, "41,7 Milliarden Dollar", 4.17e10, 4.165e10, 4.175e10, "USD", KZ_I_OTHER, "", "", "", "2020", s3);
	/* two amounts joined by "und" are not a conversion, whatever their ratio */
	add(&t, "d", 10, "5,07 Billionen Yen", 5.07e12, 5.065e12, 5.075e12, "JPY", KZ_I_OTHER, "", "", "", "2020", s4);
	add(&t, "d", 38, "47,0 Milliarden Dollar", 9e10, 8.995e10, 9.005e10, "USD", KZ_I_OTHER, "", "", "", "2020", s4);
	/* a news article of January 2025 converts at the day's rate, not the figures' years */
	add(&t, "e", 10, "3,8 Milliarden US-Dollar", 3.8e9, 3.75e9, 3.85e9, "USD", KZ_I_OTHER, "", "", "", "2016-2020", s5);
	add(&t, "e", 35, "3,66 Milliarden Euro", 3.66e9, 3.655e9, 3.665e9, "EUR", KZ_I_OTHER, "", "", "", "2016-2020", s5);
	st_docinfo_init(&di);
	st_docinfo_add(&di, "e", "2025-01-31");
	run(&t, &di, &r);
	T_CHECK(r.count[ST_K_CURRENCY] == 1);
	{
		const struct st_finding *f = find(&r, ST_K_CURRENCY, 0);
		T_CHECK(f && f->claims[0] == 2 && f->claims[1] == 3 && f->sev == ST_SEV_ERROR);
		T_CHECK(f && f->rel_diff > 0.2 && f->rel_diff < 0.35); /* 84.5 vs 106.8 yen per dollar */
		T_CHECK(f && strstr(f->explanation, "Referenzkurs"));
	}
	st_result_release(&r);
	/* without the document's date the January 2025 conversion is off every annual rate of 2016-2020 */
	run(&t, NULL, &r);
	T_CHECK(r.count[ST_K_CURRENCY] == 2);
	st_result_release(&r);
	st_docinfo_release(&di);
	kz_table_release(&t);
}

/* "1.055,1 Milliarden Yen (damals rund 9,6 Mrd. Dollar), im Schnitt 211 Mrd. Yen pro Jahr (knapp
 * 1,92 Mrd. Dollar)": a rate both amounts share stands between an amount and its conversion, and a
 * conversion after one at a rate of before ("damals"), in the same sentence, is at that rate too —
 * no currency finding at the rates of 2022 (131 yen per dollar). */
static void test_currency_then(void)
{
	struct st_docinfo di;
	static const char s[] = "Für 2022 bis 2026 zahlt Japan 1.055,1 Milliarden Yen (damals rund 9,6 Mrd. Dollar), im Schnitt "
				"211 Mrd. Yen pro Jahr (knapp 1,92 Mrd. Dollar).";
	struct kz_table t;
	struct st_result r;

	kz_table_init(&t);
	add(&t, "a", 30, "1.055,1 Milliarden Yen", 1.0551e12, 1.05505e12, 1.05515e12, "JPY", KZ_I_BUDGET, "", "JP", "US",
	    "2022-2026", s);
	add(&t, "a", 62, "rund 9,6 Mrd. Dollar", 9.6e9, 9.12e9, 10.08e9, "USD", KZ_I_BUDGET, "", "JP", "US", "2022-2026", s);
	add(&t, "a", 98, "211 Mrd. Yen", 2.11e11, 2.105e11, 2.115e11, "JPY", KZ_I_BUDGET, "per_year", "JP", "US", "2022-2026", s);
	add(&t, "a", 121, "knapp 1,92 Mrd. Dollar", 1.92e9, 1.824e9, 1.92e9, "USD", KZ_I_BUDGET, "per_year", "JP", "US",
	    "2022-2026", s);
	st_docinfo_init(&di);
	st_docinfo_add(&di, "a", "2022-12-23");
	run(&t, &di, &r);
	T_CHECK(r.count[ST_K_CURRENCY] == 0);
	/* (the conversions are twins: no fact of two figures that could be disputed) */
	for (size_t i = 0; i < r.nc; i++)
		T_STREQ(r.c[i].state, "single");
	st_result_release(&r);
	st_docinfo_release(&di);
	kz_table_release(&t);
}

/* Two demands without a year, in two documents, years apart in fact: two statements, each a
 * fact of its own, never one disputed fact. */
static void test_undated_demands(void)
{
	struct kz_table t;
	struct st_result r;
	size_t a, b, rows = 0;

	kz_table_init(&t);
	a = add(&t, "a", 10, "fünf Milliarden Dollar", 5e9, 4.5e9, 5.5e9, "USD", KZ_I_BUDGET, "host_nation_support", "KR", "US",
		"", "Trump hatte fünf Milliarden Dollar gefordert.");
	b = add(&t, "b", 10, "10 Milliarden Dollar", 1e10, 9.5e9, 1.05e10, "USD", KZ_I_BUDGET, "host_nation_support", "KR", "US",
		"", "Trump erklärte, Südkorea könne 10 Milliarden Dollar zahlen.");
	t.v[a].status = KZ_S_DEMAND;
	t.v[b].status = KZ_S_DEMAND;
	run(&t, NULL, &r);
	for (size_t i = 0; i < r.nc; i++)
		if (r.c[i].status == KZ_S_DEMAND) {
			rows++;
			T_STREQ(r.c[i].state, "single");
		}
	T_CHECK(rows == 2);
	st_result_release(&r);
	kz_table_release(&t);
}

static void test_conflicts(void)
{
	struct kz_table t;
	struct st_result r;
	struct st_docinfo di;
	const struct st_finding *f;

	kz_table_init(&t);
	/* "etwa 8 000" and "8.300" agree; "mehr als 20.000" and "23.000" agree */
	add(&t, "a", 1, "etwa 8 000", 8000, 7500, 8500, "persons", KZ_I_TROOPS, "stationed", "US", "DE", "2021", "x");
	add(&t, "b", 1, "8.300", 8300, 8250, 8350, "persons", KZ_I_TROOPS, "stationed", "US", "DE", "2021", "y");
	add(&t, "a", 50, "mehr als 20.000", 20000, 20000, 30000, "persons", KZ_I_TROOPS, "", "US", "PL", "2024", "x2");
	add(&t, "b", 50, "23.000", 23000, 22950, 23050, "persons", KZ_I_TROOPS, "", "US", "PL", "2024", "y2");
	/* "8 000" and "12.000" do not */
	add(&t, "a", 100, "8 000", 8000, 7500, 8500, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2021", "x3");
	add(&t, "b", 100, "12.000", 12000, 11500, 12500, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2021", "y3");
	/* a floor is another fact than the troops stationed */
	add(&t, "a", 200, "28 500", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "floor", "US", "JP", "2020", "x4");
	add(&t, "b", 200, "31 050", 31050, 31045, 31055, "persons", KZ_I_TROOPS, "stationed", "US", "JP", "2020", "y4");
	/* a different year is drift, not conflict */
	add(&t, "c", 10, "etwa 28.500", 28500, 27075, 29925, "persons", KZ_I_TROOPS, "stationed", "US", "JP", "2025", "z");
	/* an undated claim from a 2021 document against the dated ones: warning only */
	add(&t, "d", 10, "rund 20.000", 20000, 19000, 21000, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "", "w");
	/* one document's two figures for one fact (a whole and a part, often) are information only */
	add(&t, "e", 10, "31 050", 31050, 31045, 31055, "persons", KZ_I_TROOPS, "stationed", "US", "GB", "2021", "v");
	add(&t, "e", 90, "8 000", 8000, 7500, 8500, "persons", KZ_I_TROOPS, "stationed", "US", "GB", "2021", "v2");
	st_docinfo_init(&di);
	st_docinfo_add(&di, "d", "2021-06-01");
	run(&t, &di, &r);
	T_CHECK(r.count[ST_K_CONFLICT] == 3);
	{
		size_t info = 0;
		for (size_t i = 0; i < r.nf; i++)
			if (r.f[i].kind == ST_K_CONFLICT && r.f[i].sev == ST_SEV_INFO) {
				info++;
				T_CHECK(r.f[i].nclaims == 2 && r.f[i].claims[0] == 11 && r.f[i].claims[1] == 10);
			}
		T_CHECK(info == 1);
	}
	f = find(&r, ST_K_CONFLICT, 0);
	T_CHECK(f && f->sev == ST_SEV_ERROR && f->nclaims == 2 && f->claims[0] == 4 && f->claims[1] == 5);
	T_NEAR(f ? f->rel_diff : 0, 0.5, 1e-9);
	T_STREQ(f ? f->year : NULL, "2021");
	T_CHECK(f && strstr(f->explanation, "überschneiden sich nicht") && strstr(f->explanation, "50 %"));
	f = find(&r, ST_K_CONFLICT, 1);
	T_CHECK(f && f->sev == ST_SEV_WARNING && f->claims[0] == 9);
	T_CHECK(r.count[ST_K_DRIFT] == 1);
	f = find(&r, ST_K_DRIFT, 0);
	T_CHECK(f && f->sev == ST_SEV_INFO && f->claims[0] == 7 && f->claims[1] == 8);
	T_STREQ(f ? f->year : NULL, "2020/2025");
	T_CHECK(r.nerrors == 1);
	st_result_release(&r);
	st_docinfo_release(&di);
	kz_table_release(&t);
}

static void test_arithmetic(void)
{
	static const char s1[] = "Von 1,04 auf 1,18 Billionen Won, ein Anstieg von knapp 14 Prozent.";
	static const char s2[] = "Von 1,04 auf 1,18 Billionen Won, ein Anstieg von knapp 24 Prozent.";
	static const char s3[] = "Von 3,8 auf 38 Milliarden US-Dollar verzehnfacht.";
	static const char s4[] = "Von 3,8 auf 38 Milliarden US-Dollar verfünffacht.";
	static const char s5[] = "Der Anteil stieg von 20 auf 25 Prozent, um 5 Prozent.";
	static const char s6[] = "Der Anteil stieg von 20 auf 25 Prozent, um 5 Prozentpunkte.";
	static const char s7[] = "Seoul zahlt 2021 1,18 Billionen Won, knapp 14 Prozent mehr als 2019.";
	struct kz_table t;
	struct st_result r;
	const struct st_finding *f;

	kz_table_init(&t);
	add(&t, "a", 0, "1,04", 1.04e12, 1.035e12, 1.045e12, "KRW", KZ_I_BUDGET, "", "KR", "", "2019", s1);
	add(&t, "a", 10, "1,18 Billionen Won", 1.18e12, 1.175e12, 1.185e12, "KRW", KZ_I_BUDGET, "", "KR", "", "2021", s1);
	add(&t, "a", 40, "knapp 14 Prozent", 14, 12.6, 14, "percent", KZ_I_CHANGE, "", "KR", "", "", s1);
	add(&t, "b", 0, "1,04", 1.04e12, 1.035e12, 1.045e12, "KRW", KZ_I_BUDGET, "", "KR", "", "2019", s2);
	add(&t, "b", 10, "1,18 Billionen Won", 1.18e12, 1.175e12, 1.185e12, "KRW", KZ_I_BUDGET, "", "KR", "", "2021", s2);
	add(&t, "b", 40, "knapp 24 Prozent", 24, 21.6, 24, "percent", KZ_I_CHANGE, "", "KR", "", "", s2); /* 5 */
	add(&t, "c", 0, "3,8", 3.8e9, 3.75e9, 3.85e9, "USD", KZ_I_OTHER, "", "", "", "", s3);
	add(&t, "c", 10, "38 Milliarden US-Dollar", 3.8e10, 3.75e10, 3.85e10, "USD", KZ_I_OTHER, "", "", "", "", s3);
	add(&t, "c", 40, "verzehnfacht", 10, 10, 10, "factor", KZ_I_CHANGE, "", "", "", "", s3);
	add(&t, "d", 0, "3,8", 3.8e9, 3.75e9, 3.85e9, "USD", KZ_I_OTHER, "", "", "", "", s4);
	add(&t, "d", 10, "38 Milliarden US-Dollar", 3.8e10, 3.75e10, 3.85e10, "USD", KZ_I_OTHER, "", "", "", "", s4);
	add(&t, "d", 40, "verfünffacht", 5, 5, 5, "factor", KZ_I_CHANGE, "", "", "", "", s4); /* 11 */
	add(&t, "e", 0, "20", 20, 19.5, 20.5, "percent", KZ_I_OTHER, "", "", "", "", s5);
	add(&t, "e", 10, "25 Prozent", 25, 24.5, 25.5, "percent", KZ_I_OTHER, "", "", "", "", s5);
	add(&t, "e", 40, "5 Prozent", 5, 4.5, 5.5, "percent", KZ_I_CHANGE, "", "", "", "", s5); /* 14 */
	add(&t, "f", 0, "20", 20, 19.5, 20.5, "percent", KZ_I_OTHER, "", "", "", "", s6);
	add(&t, "f", 10, "25 Prozent", 25, 24.5, 25.5, "percent", KZ_I_OTHER, "", "", "", "", s6);
	add(&t, "f", 40, "5 Prozentpunkte", 5, 4.5, 5.5, "points", KZ_I_CHANGE, "", "", "", "", s6);
	/* the base of a change in an earlier sentence, found by the change's comparison year */
	add(&t, "g", 0, "1,04 Billionen Won", 1.04e12, 1.035e12, 1.045e12, "KRW", KZ_I_BUDGET, "hns", "KR", "US", "2019", "Seoul zahlte 2019 1,04 Billionen Won.");
	add(&t, "g", 50, "1,18 Billionen Won", 1.18e12, 1.175e12, 1.185e12, "KRW", KZ_I_BUDGET, "hns", "KR", "US", "2021", s7);
	add(&t, "g", 80, "knapp 14 Prozent", 14, 12.6, 14, "percent", KZ_I_CHANGE, "", "KR", "", "2019", s7);
	/* shares of one whole: 60 + 50 > 100; exports and imports are separate wholes */
	add(&t, "h", 0, "60 Prozent", 60, 59.5, 60.5, "percent", KZ_I_TRADE_SHARE, "exports", "KR", "CN", "2024", "h1");
	add(&t, "i", 0, "50 Prozent", 50, 49.5, 50.5, "percent", KZ_I_TRADE_SHARE, "exports", "KR", "US", "2024", "i1");
	add(&t, "i", 20, "45 Prozent", 45, 44.5, 45.5, "percent", KZ_I_TRADE_SHARE, "imports", "KR", "JP", "2024", "i2");
	add(&t, "i", 40, "40 Prozent", 40, 39.5, 40.5, "percent", KZ_I_TRADE_SHARE, "imports", "KR", "CN", "2024", "i3");
	run(&t, NULL, &r);
	T_CHECK(r.count[ST_K_ARITHMETIC] == 4);
	f = find(&r, ST_K_ARITHMETIC, 0);
	T_CHECK(f && f->claims[0] == 5 && f->claims[1] == 3 && f->claims[2] == 4);
	T_CHECK(f && strstr(f->explanation, "13,5 %")); /* 1,18 / 1,04 - 1 */
	f = find(&r, ST_K_ARITHMETIC, 1);
	T_CHECK(f && f->claims[0] == 11 && strstr(f->explanation, "10-Fache"));
	f = find(&r, ST_K_ARITHMETIC, 2);
	T_CHECK(f && f->claims[0] == 14 && strstr(f->explanation, "Prozentpunkte, nicht als Prozent"));
	f = find(&r, ST_K_ARITHMETIC, 3);
	T_CHECK(f && f->nclaims == 2 && !strcmp(f->detail, "exports") && !strcmp(f->partner, ""));
	T_NEAR(f ? f->rel_diff : 0, 0.09, 1e-9); /* 59.5 + 49.5 = 109 */
	T_CHECK(r.count[ST_K_CURRENCY] == 0 && r.count[ST_K_CONFLICT] == 0);
	st_result_release(&r);
	kz_table_release(&t);
}

static void test_consensus(void)
{
	struct kz_table t;
	struct st_result r;
	const struct st_consensus *c = NULL;
	const char *docs[] = {"a", "b", "c", "d", "e"};
	double vals[] = {28500, 28600, 28550, 28500, 85000};

	kz_table_init(&t);
	for (int k = 0; k < 5; k++) {
		add(&t, docs[k], 1, "x", vals[k], vals[k] - 50, vals[k] + 50, "persons", KZ_I_TROOPS, "", "US", "JP", "2022", "s");
		/* a second fact the sources share, where e is also off */
		add(&t, docs[k], 9, "y", k == 4 ? 900 : 500, (k == 4 ? 900 : 500) - 5, (k == 4 ? 900 : 500) + 5, "persons",
		    KZ_I_TROOPS, "", "US", "AU", "2022", "s2");
	}
	add(&t, "a", 20, "z", 100, 50, 150, "persons", KZ_I_TROOPS, "", "US", "NZ", "", "s3");
	run(&t, NULL, &r);
	for (size_t i = 0; i < r.nc; i++)
		if (!strcmp(r.c[i].partner, "JP"))
			c = &r.c[i];
	T_CHECK(c != NULL);
	if (c) {
		T_STREQ(c->method, "catd");
		T_CHECK(c->nclaims == 5 && c->ndocs == 5);
		/* no common range: disputed, no single estimate, the range of the stated figures */
		T_STREQ(c->state, "disputed");
		T_CHECK(isnan(c->estimate));
		T_NEAR(c->low, 28450, 1e-9);
		T_NEAR(c->high, 85050, 1e-9);
		/* the deviating source got almost no weight */
		T_CHECK(c->nsources == 5);
		T_STREQ(c->w[c->nsources - 1].doc, "e");
		T_CHECK(c->w[c->nsources - 1].weight < 0.01);
		{
			double s = 0;
			for (size_t k = 0; k < c->nsources; k++)
				s += c->w[k].weight;
			T_NEAR(s, 1, 1e-9);
		}
	}
	T_CHECK(r.count[ST_K_OUTLIER] == 2);
	{
		const struct st_finding *f = find(&r, ST_K_OUTLIER, 0);
		T_CHECK(f && f->nclaims == 1 && !strcmp(t.v[f->claims[0]].doc, "e"));
	}
	/* the undated single claim still gets a row of its own */
	T_CHECK(r.nc == 3);
	st_result_release(&r);
	kz_table_release(&t);
}

/* A lower bound ("mehr als 10.000", 10 000–15 000) and a range ("11.000 bis 12.000") agree on
 * 11 000–12 000; the bound's figure pulls the weighted mean below that range, so the estimate is
 * the middle of what both allow, not its lower end that no source gave. */
static void test_consensus_inside(void)
{
	struct kz_table t;
	struct st_result r;
	const struct st_consensus *c = NULL;

	kz_table_init(&t);
	/* (a publisher whose many figures another confirms gets the weight; b has one figure only) */
	for (int k = 0; k < 6; k++)
		for (int d = 0; d < 2; d++)
			add(&t, d ? "c" : "a", 100 + 10 * (size_t)k, "q", 500 + 10 * k, 500 + 10 * k - 0.5, 500 + 10 * k + 0.5,
			    "persons", KZ_I_TROOPS, "", "US", k % 2 ? "PL" : "RO", k < 2 ? "2022" : k < 4 ? "2023" : "2024", "s");
	add(&t, "a", 1, "mehr als 10.000", 10000, 10000, 15000, "persons", KZ_I_TROOPS, "", "KP", "RU", "2024", "t");
	add(&t, "b", 1, "11.000 bis 12.000", 11500, 11000, 12000, "persons", KZ_I_TROOPS, "", "KP", "RU", "2024", "u");
	run(&t, NULL, &r);
	for (size_t i = 0; i < r.nc; i++)
		if (!strcmp(r.c[i].partner, "RU"))
			c = &r.c[i];
	T_CHECK(c != NULL);
	if (c) {
		T_STREQ(c->state, "agreed");
		T_NEAR(c->low, 11000, 1e-9);
		T_NEAR(c->high, 12000, 1e-9);
		T_CHECK(c->estimate > 11000 && c->estimate < 12000);
		T_CHECK(c->nsources == 2 && c->w[0].weight > 0.9); /* (the bound's source weighs most) */
	}
	st_result_release(&r);
	kz_table_release(&t);
}

static void test_trend(void)
{
	struct kz_table t;
	struct st_result r;
	char year[8][8];

	kz_table_init(&t);
	for (int k = 0; k < 8; k++) {
		double v = k == 5 ? 200 : 100 + 5 * k; /* 2015..2022, one year far off the line */
		snprintf(year[k], sizeof(year[k]), "%d", 2015 + k);
		add(&t, "a", (size_t)k * 10, "x", v, v - 0.5, v + 0.5, "USD", KZ_I_BUDGET, "", "KR", "", year[k], year[k]);
	}
	run(&t, NULL, &r);
	T_CHECK(r.count[ST_K_OUTLIER] == 1);
	{
		const struct st_finding *f = find(&r, ST_K_OUTLIER, 0);
		T_CHECK(f && f->claims[0] == 5 && strstr(f->explanation, "Trend"));
	}
	T_CHECK(r.count[ST_K_DRIFT] == 0); /* one document's series is not drift */
	st_result_release(&r);
	kz_table_release(&t);
}

/* a document that dates one figure twice (its year, then the present tense) restates it: the
 * drift counts from the figure's first year */
static void test_drift_restated(void)
{
	struct kz_table t;
	struct st_result r;
	const struct st_finding *f;

	kz_table_init(&t);
	add(&t, "a", 10, "31 050", 31050, 31045, 31055, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2020", "a1");
	add(&t, "a", 90, "31 050", 31050, 31045, 31055, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2021", "a2");
	add(&t, "b", 10, "26.000", 26000, 25950, 26050, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2025", "b1");
	run(&t, NULL, &r);
	T_CHECK(r.count[ST_K_DRIFT] == 1);
	f = find(&r, ST_K_DRIFT, 0);
	T_STREQ(f ? f->year : NULL, "2020/2025");
	T_CHECK(f && f->claims[0] == 0 && f->claims[1] == 2);
	st_result_release(&r);
	/* a figure that changed between the two years is a period of its own */
	t.v[1].value = 30000, t.v[1].low = 29950, t.v[1].high = 30050;
	run(&t, NULL, &r);
	f = find(&r, ST_K_DRIFT, 0);
	T_STREQ(f ? f->year : NULL, "2021/2025");
	st_result_release(&r);
	kz_table_release(&t);
}

static void test_csv(void)
{
	struct kz_table t;
	struct st_result r;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	kz_table_init(&t);
	add(&t, "a", 1, "8 000", 8000, 7500, 8500, "persons", KZ_I_TROOPS, "", "US", "KR", "2021", "x");
	add(&t, "b", 1, "12.000", 12000, 11500, 12500, "persons", KZ_I_TROOPS, "", "US", "KR", "2021", "y");
	run(&t, NULL, &r);
	f = open_memstream(&buf, &len);
	st_findings_write_csv(&r, &t, f, KZ_CSV_PLAIN);
	fclose(f);
	T_CHECK(buf && !strncmp(buf, "kind,severity,indicator,detail,subject,partner,year,unit,values,claims,docs,rel_diff,explanation\n", 97));
	T_CHECK(buf && strstr(buf, "conflict,error,troops,,US,KR,2021,persons,8000 persons | 12000 persons,a#1 | b#1,a | b,0.5,"));
	free(buf);
	buf = NULL;
	f = open_memstream(&buf, &len);
	st_consensus_write_csv(&r, &t, f, KZ_CSV_EXCEL_DE);
	fclose(f);
	T_CHECK(buf && !strncmp(buf, "\xEF\xBB\xBFindicator;detail;", 20));
	T_CHECK(buf && strstr(buf, "troops;;reported;US;KR;2021;persons;;7500;12500;2;2;catd;"));
	free(buf);
	st_result_release(&r);
	kz_table_release(&t);
}

/* A source, not a document, is one vote: ten outlets repeating one ministry's figure weigh as much
 * as one institute's other figure; a document's own voice is its publisher's. */
static void test_sources(void)
{
	struct kz_table t;
	struct st_result r;
	const struct st_consensus *c = NULL;
	char doc[16];

	kz_table_init(&t);
	for (int k = 0; k < 10; k++) {
		snprintf(doc, sizeof doc, "agentur%d", k);
		add(&t, doc, 1, "100", 100, 99, 101, "persons", KZ_I_TROOPS, "", "US", "PL", "2024", "s");
		t.v[t.n - 1].source = "BMVg";
	}
	add(&t, "studie", 1, "101", 101, 100, 102, "persons", KZ_I_TROOPS, "", "US", "PL", "2024", "s");
	t.v[t.n - 1].source = "SIPRI";
	add(&t, "zeitung", 5, "7", 7, 7, 7, "persons", KZ_I_TROOPS, "", "US", "LT", "2024", "s");
	t.v[t.n - 1].publisher = "Beispielzeitung";
	run(&t, NULL, &r);
	for (size_t i = 0; i < r.nc; i++)
		if (!strcmp(r.c[i].partner, "PL"))
			c = &r.c[i];
	T_CHECK(c != NULL);
	if (c) {
		T_STREQ(c->state, "agreed");
		T_CHECK(c->ndocs == 11 && c->nsources == 2);
		/* one vote each: the estimate lies midway in the common range 100 … 101, not at 100.1 */
		T_CHECK(c->estimate > 100.3 && c->estimate < 100.7);
		T_CHECK(c->w[0].weight > 0.3 && c->w[1].weight > 0.3);
	}
	for (size_t i = 0; i < r.nc; i++)
		if (!strcmp(r.c[i].partner, "LT"))
			T_STREQ(r.c[i].w[0].doc, "Beispielzeitung");
	st_result_release(&r);
	kz_table_release(&t);
}

/* English explanations write figures in English digits; a German quote appears only inside
 * quotation marks ("26.305" in an English sentence reads as twenty-six point three). */
static void test_english_figures(void)
{
	struct kz_table t;
	struct st_result r;
	struct st_options o;
	struct kz_err err;
	const struct st_finding *f;

	kz_table_init(&t);
	add(&t, "usfk.txt", 1, "26.305 Soldaten", 26305, 26304.5, 26305.5, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2009", "x");
	add(&t, "bsr.txt", 1, "28.500", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "stationed", "US", "KR", "2009", "y");
	add(&t, "a.txt", 1, "6,8 Billionen Yen", 6.8e12, 6.75e12, 6.85e12, "JPY", KZ_I_BUDGET, "defense_budget", "JP", "", "2023", "z");
	add(&t, "b.txt", 1, "7,95 Billionen Yen", 7.95e12, 7.945e12, 7.955e12, "JPY", KZ_I_BUDGET, "defense_budget", "JP", "", "2024", "w");
	st_options_init(&o);
	o.lang = ST_LANG_EN;
	st_result_init(&r);
	T_CHECK(st_check(&t, &fx, NULL, &o, &r, &err) == 0);
	f = find(&r, ST_K_CONFLICT, 0);
	T_CHECK(f && strstr(f->explanation, "26,305 (\xe2\x80\x9c" "26.305 Soldaten\xe2\x80\x9d, usfk.txt) vs. 28,500 (bsr.txt)"));
	T_CHECK(f && !strstr(f->explanation, ": 26.305"));
	f = find(&r, ST_K_DRIFT, 0);
	T_CHECK(f && strstr(f->explanation, "JPY 6.8 tn (\xe2\x80\x9c" "6,8 Billionen Yen\xe2\x80\x9d, 2023, a.txt) \xe2\x86\x92 JPY 7.95 tn"));
	st_result_release(&r);
	/* German: the quotes as written, as before */
	o.lang = ST_LANG_DE;
	st_result_init(&r);
	T_CHECK(st_check(&t, &fx, NULL, &o, &r, &err) == 0);
	f = find(&r, ST_K_CONFLICT, 0);
	T_CHECK(f && strstr(f->explanation, "26.305 Soldaten (usfk.txt) vs. 28.500 (bsr.txt)"));
	st_result_release(&r);
	kz_table_release(&t);
}

int main(void)
{
	struct kz_err err;

	st_rates_init(&fx);
	if (st_rates_builtin(&fx, &err))
		return 1;
	test_rates();
	test_kinds();
	test_currency();
	test_conflicts();
	test_arithmetic();
	test_consensus();
	test_consensus_inside();
	test_currency_then();
	test_undated_demands();
	test_sources();
	test_trend();
	test_drift_restated();
	test_csv();
	test_english_figures();
	st_rates_release(&fx);
	return t_done("test_stats");
}
