/* fuzz_claims.c: libFuzzer harness — a claims CSV (either dialect) read from memory, then checked and written as `kennzahl check` does. */
#include "fuzz.h"
#include "stats/stats.h"

static struct st_rates fx;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct kz_err err;

	(void)argc;
	(void)argv;
	st_rates_init(&fx);
	if (st_rates_builtin(&fx, &err)) {
		kz_err_print(&err);
		abort();
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kz_table t;
	struct kz_err err;
	struct st_options so;
	struct st_result res;

	kz_table_init(&t);
	if (kz_claims_parse_csv(&t, (const char *)data, size, "claims.csv", fz_warn, NULL, &err) == 0) {
		kz_claims_write_csv(&t, fz_sink(), KZ_CSV_EXCEL_DE);
		/* the documents named in the table are not looked up on disk: no dates from them */
		st_options_init(&so);
		so.lang = size && (data[0] & 1) ? ST_LANG_EN : ST_LANG_DE;
		st_result_init(&res);
		if (st_check(&t, &fx, NULL, &so, &res, &err) == 0) {
			st_findings_write_csv(&res, &t, fz_sink(), KZ_CSV_PLAIN);
			st_consensus_write_csv(&res, &t, fz_sink(), KZ_CSV_PLAIN);
			st_summary_write(&res, &t, so.lang, 0, NULL, fz_sink());
		}
		st_result_release(&res);
	}
	kz_table_release(&t);
	return 0;
}
