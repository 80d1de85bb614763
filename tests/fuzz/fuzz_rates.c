/* fuzz_rates.c: libFuzzer harness — a `--rates FILE` (fx.tsv format) parsed from memory, looked up, and used by the currency check. */
#include "fuzz.h"
#include "stats/stats.h"

/* Conversions "X Yen (Y Dollar)" and money in several currencies, so check uses the rates. */
static const char claims_csv[] =
	"id,doc,page,start,end,quote,value,unit,low,high,qualifier,indicator,detail,subject,partner,year,core,sentence\n"
	"a#1,a.txt,,1,9,5 Bio. Yen,5000000000000,JPY,4950000000000,5050000000000,exact,budget,defense_budget,JP,,2023,yes,s\n"
	"a#20,a.txt,,20,30,38 Mrd. Dollar,38000000000,USD,37500000000,38500000000,exact,budget,defense_budget,JP,,2023,yes,s\n"
	"b#1,b.txt,,1,9,1 Bio. Won,1000000000000,KRW,950000000000,1050000000000,exact,cost_share,host_nation_support,KR,US,2024,yes,s\n"
	"b#20,b.txt,,20,30,770 Mio. Dollar,770000000,USD,765000000,775000000,exact,cost_share,host_nation_support,KR,US,2024,yes,s\n"
	"c#1,c.txt,,1,9,52 Mrd. Euro,52000000000,EUR,51500000000,52500000000,exact,budget,defense_budget,DE,,2024,yes,s\n"
	"d#1,d.txt,,1,9,56 Mrd. Dollar,56000000000,USD,55500000000,56500000000,exact,budget,defense_budget,DE,,2024,yes,s\n"
	"e#1,e.txt,,1,9,9 Bio. Rubel,9000000000000,RUB,8950000000000,9050000000000,exact,budget,defense_budget,RU,,2024,yes,s\n";

static struct kz_table claims;
static struct st_docinfo docs;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct kz_err err;

	(void)argc;
	(void)argv;
	kz_table_init(&claims);
	if (kz_claims_parse_csv(&claims, claims_csv, sizeof(claims_csv) - 1, "claims.csv", NULL, NULL, &err)) {
		kz_err_print(&err);
		abort();
	}
	st_docinfo_init(&docs);
	st_docinfo_add(&docs, "a.txt", "2023-05-10");
	st_docinfo_add(&docs, "b.txt", "2024-01");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const cur[] = {"USD", "EUR", "JPY", "KRW", "RUB", "GBP", "CNY", "CHF", "XYZ"};
	static const int years[] = {0, 1999, 2000, 2023, 2024, 202401, 202412, 2025, 9999};
	struct st_rates r;
	struct st_options so;
	struct st_result res;
	struct kz_err err;
	double v;

	st_rates_init(&r);
	if (st_rates_parse(&r, (const char *)data, size, "rates.tsv", &err) == 0) {
		for (size_t i = 0; i < sizeof(cur) / sizeof(cur[0]); i++)
			for (size_t k = 0; k < sizeof(years) / sizeof(years[0]); k++)
				(void)st_rates_get(&r, cur[i], years[k], &v);
		st_options_init(&so);
		st_result_init(&res);
		if (st_check(&claims, &r, &docs, &so, &res, &err) == 0) {
			st_findings_write_csv(&res, &claims, fz_sink(), KZ_CSV_PLAIN);
			st_consensus_write_csv(&res, &claims, fz_sink(), KZ_CSV_PLAIN);
		}
		st_result_release(&res);
	}
	st_rates_release(&r);
	return 0;
}
