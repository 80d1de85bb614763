/* report_fixture.h: what test_report.c and test_factsheet.c share — the small claims tables they
 * build models and sheets from, a count of a text in a layout dump, a chart by kind and title. */
#ifndef KZ_REPORT_FIXTURE_H
#define KZ_REPORT_FIXTURE_H

#include "reports/reports_int.h"

#include <stdio.h>
#include <string.h>

static inline void add(struct kz_table *t, const char *doc, const char *quote, double v, double lo, double hi,
                       const char *unit, enum kz_ind ind, const char *detail, const char *subj,
                       const char *partner, const char *year)
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

static inline void sample(struct kz_table *t, struct rp_docs *d)
{
	kz_table_init(t);
	rp_docs_init(d);
	rp_docs_add(d, "a.txt", "Bericht über möglichen US-Teilabzug", "Agentur", "2025-05-23", NULL);
	rp_docs_add(d, "b.txt", "Analyse: Wer zahlt für die Sicherheit?", "Zeitung", "2025-07-01", NULL);
	add(t, "a.txt", "28.500 US-Soldaten", 28500, 28450, 28550, "persons", KZ_I_TROOPS, "stationed", "US",
	    "KR", "2024");
	add(t, "b.txt", "gut 23.000 Soldaten", 23000, 23000, 25300, "persons", KZ_I_TROOPS, "stationed", "US",
	    "KR", "2024");
	add(t, "b.txt", "rund 28.500", 28500, 27075, 29925, "persons", KZ_I_TROOPS, "stationed", "US", "KR",
	    "2024");
	add(t, "a.txt", "etwa 55 000", 55000, 52250, 57750, "persons", KZ_I_TROOPS, "stationed", "US", "JP",
	    "2022");
	add(t, "b.txt", "52 852", 52852, 52851.5, 52852.5, "persons", KZ_I_TROOPS, "stationed", "US", "JP",
	    "2024");
	add(t, "a.txt", "74,5 Prozent", 74.5, 74.45, 74.55, "percent", KZ_I_COST_SHARE, "host_nation_support",
	    "JP", "US", "2003");
	add(t, "a.txt", "40,0 Prozent", 40, 39.95, 40.05, "percent", KZ_I_COST_SHARE, "host_nation_support",
	    "KR", "US", "2003");
	add(t, "b.txt", "5,07 Billionen Yen", 5.07e12, 5.065e12, 5.075e12, "JPY", KZ_I_BUDGET,
	    "defense_budget", "JP", "", "2020");
	add(t, "b.txt", "6,8 Bio. Yen", 6.8e12, 6.75e12, 6.85e12, "JPY", KZ_I_BUDGET, "defense_budget", "JP",
	    "", "2023");
	add(t, "b.txt", "7,95 Bio. Yen", 7.95e12, 7.945e12, 7.955e12, "JPY", KZ_I_BUDGET, "defense_budget",
	    "JP", "", "2024");
	add(t, "a.txt", "2,12 Prozent", 2.12, 2.115, 2.125, "percent", KZ_I_GDP_SHARE, "", "DE", "", "2024");
	add(t, "b.txt", "4,12 Prozent", 4.12, 4.115, 4.125, "percent", KZ_I_GDP_SHARE, "", "PL", "", "2024");
}

/* How often needle stands in hay. */
static inline int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

/* The first chart of cs of that kind whose title holds title, or NULL. */
static inline const struct pl_chart *find_chart(const struct rp_charts *cs, enum pl_kind kind,
                                                const char *title)
{
	for (size_t i = 0; i < cs->n; i++)
		if (cs->v[i].kind == kind && strstr(cs->v[i].title, title))
			return &cs->v[i];
	return NULL;
}

#endif
