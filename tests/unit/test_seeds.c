/* test_seeds.c: the seed documents' examples from the extract issue come out right (skipped without the seeds: SEEDS=DIR, default ../shared/seeds). */
#include "extract/extract.h"
#include "t.h"

#include <stdlib.h>

/* The folder of the seed documents: $SEEDS, else ../shared/seeds. */
static const char *seeds(void)
{
	const char *e = getenv("SEEDS");
	return e && *e ? e : "../shared/seeds";
}

static struct ex_lexicon *lx;
static int skipped;

struct want {
	const char *doc, *quote;
	double value;
	const char *unit, *qual, *ind, *subject, *partner, *year;
	double low, high; /* checked when low < high */
};

static const struct want wants[] = {
	{"001_d4558ec47ee6bd5f.txt", "circa 55\xC2\xA0" "300 Soldaten", 55300, "persons", "approx", "troops", "US", "JP", "2020", 0, 0},
	{"001_d4558ec47ee6bd5f.txt", "5,07 Billionen Yen", 5.07e12, "JPY", "exact", "budget", "JP", "", "2020", 0, 0},
	{"001_d4558ec47ee6bd5f.txt", "47,0 Milliarden Dollar", 4.7e10, "USD", "exact", "budget", "JP", "", "2020", 0, 0},
	{"001_d4558ec47ee6bd5f.txt", "74,5 Prozent", 74.5, "percent", "exact", "cost_share", "JP", "US", "2003", 0, 0},
	{"001_d4558ec47ee6bd5f.txt", "ein Drittel", 100.0 / 3, "percent", "exact", "cost_share", "KR", "US", NULL, 0, 0},
	{"001_d4558ec47ee6bd5f.txt", "zwischen 1,1 und 1,3 Prozent", 1.2, "percent", "range", "gdp_share", "JP", "", NULL, 1.1, 1.3},
	{"001_d4558ec47ee6bd5f.txt", "gut 95 Prozent", 95, "percent", "at_least", "trade_share", "KP", "CN", "2019", 0, 0},
	{"000_1786ce4cda8a2f10.txt", "mehr als 300.000 Soldaten", 300000, "persons", "at_least", "troops", "US", "KR", "1950s", 0, 0},
	{"000_1786ce4cda8a2f10.txt", "etwa 28.500", 28500, "persons", "approx", "troops", "US", "KR", "2025", 0, 0},
	{"003_95af9f820ec7b694.txt", "3,8 Milliarden US-Dollar", 3.8e9, "USD", "exact", "budget", "KR", NULL, "2016-2020", 0, 0},
	{"003_95af9f820ec7b694.txt", "3,66 Milliarden Euro", 3.66e9, "EUR", "exact", "budget", "KR", NULL, "2016-2020", 0, 0},
	{"003_95af9f820ec7b694.txt", "38 Milliarden US-Dollar", 3.8e10, "USD", "exact", "budget", "KR", NULL, "2021-2023", 0, 0},
	{"003_95af9f820ec7b694.txt", "verzehnfacht", 10, "factor", "exact", "change", NULL, NULL, NULL, 0, 0},
	{"003_95af9f820ec7b694.txt", "rund 11.000 Militärangehörige", 11000, "persons", "approx", "troops", "KP", NULL, "2025", 0, 0},
};

/* Quotes that must not appear as claims: footnote digits, years, model names. */
static const char *const never[] = {"148", "165", "1953", "F-35", "Taepodong", "5. Generation", NULL};

static int load(struct ex_doc *d, const char *name)
{
	char path[256];
	struct kz_err err;

	snprintf(path, sizeof(path), "%s/%s", seeds(), name);
	ex_doc_init(d);
	if (ex_doc_load(d, path, &err)) {
		skipped++;
		return -1;
	}
	return 0;
}

int main(void)
{
	const char *docs[] = {"000_1786ce4cda8a2f10.txt", "001_d4558ec47ee6bd5f.txt", "002_6640de33ef00d5b8.txt",
			      "003_95af9f820ec7b694.txt", "004_1e6b0e475ff56036.txt"};
	size_t total = 0;

	lx = ex_lexicon_new();
	for (size_t k = 0; k < sizeof(docs) / sizeof(docs[0]); k++) {
		struct ex_doc d;
		struct kz_table t;
		if (load(&d, docs[k]))
			continue;
		kz_table_init(&t);
		ex_extract(lx, &d, NULL, &t);
		total += t.n;
		for (size_t i = 0; i < sizeof(wants) / sizeof(wants[0]); i++) {
			const struct want *w = &wants[i];
			const struct kz_claim *c = NULL;
			if (strcmp(w->doc, docs[k]))
				continue;
			for (size_t j = 0; j < t.n && !c; j++)
				if (!strcmp(t.v[j].quote, w->quote))
					c = &t.v[j];
			T_CHECK(c != NULL);
			if (!c) {
				fprintf(stderr, "  missing: %s in %s\n", w->quote, w->doc);
				continue;
			}
			T_NEAR(c->value, w->value, 1e-9);
			T_STREQ(c->unit, w->unit);
			T_STREQ(kz_qual_name(c->qual), w->qual);
			T_STREQ(kz_ind_name(c->ind), w->ind);
			if (w->subject)
				T_STREQ(c->subject, w->subject);
			if (w->partner)
				T_STREQ(c->partner, w->partner);
			if (w->year)
				T_STREQ(c->year, w->year);
			if (w->low < w->high) {
				T_NEAR(c->low, w->low, 1e-9);
				T_NEAR(c->high, w->high, 1e-9);
			}
		}
		for (size_t j = 0; j < t.n; j++)
			for (const char *const *n = never; *n; n++)
				if (!strcmp(t.v[j].quote, *n) || !strncmp(t.v[j].quote, *n, strlen(*n))) {
					fprintf(stderr, "  not a claim: '%s' in %s\n", t.v[j].quote, docs[k]);
					T_CHECK(0);
				}
		/* 002 has no figure at all (its numbers are a dateline, "2 Minuten", "G20") */
		if (!strcmp(docs[k], "002_6640de33ef00d5b8.txt"))
			T_CHECK(t.n == 0);
		kz_table_release(&t);
		ex_doc_release(&d);
	}
	ex_lexicon_free(lx);
	if (skipped) {
		printf("seeds: %s not found: %d documents skipped (make check SEEDS=DIR)\n", seeds(), skipped);
		printf("seeds: %d passed, %d failed, %d skipped\n", t_pass, t_fail, skipped);
		return t_fail ? 1 : 0;
	}
	fprintf(stderr, "seeds: %zu claims in all\n", total);
	return t_done("seeds");
}
