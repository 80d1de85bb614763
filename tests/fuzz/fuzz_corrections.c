/* fuzz_corrections.c: libFuzzer harness — a corrections.csv read, validated, applied to a document's claims, written and read back. */
#include "fuzz.h"

#include "core/corrections.h"

static struct ex_lexicon *lx;

/* The document the corrections speak of: figures to confirm, set and reject, quotes to add. */
static const char text[] = "Rund 28.500 US-Soldaten sind in S\xC3\xBC" "dkorea stationiert. Seoul zahlt 2026 "
			   "1,52 Bio. Won (ca. 1,1 Mrd. US-Dollar), 8,3 Prozent mehr als 2025. Das Pentagon "
			   "erw\xC3\xA4gt, rund 4.500 Soldaten zu verlegen.";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	lx = ex_lexicon_new();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kz_corrections c, back;
	struct kz_err err;
	struct ex_doc d;
	struct ex_options eo = {0};
	struct kz_table t;
	struct kz_claim tmpl;
	char why[256], out[160];
	const char *path = fz_put("corrections", ".csv", data, size);
	int rc;

	kz_corrections_init(&c);
	rc = kz_corrections_read(&c, path, &err);
	fz_drop();
	/* all or nothing: a bad file gives no corrections, and says where */
	if (rc && (c.n || !err.msg[0]))
		abort();
	c.prefix = kz_xstrdup("");
	ex_doc_init(&d);
	d.path = kz_xstrdup("usfk.txt");
	d.text = kz_xstrndup(text, sizeof(text) - 1);
	d.len = sizeof(text) - 1;
	kz_table_init(&t);
	ex_extract(lx, &d, &eo, &t);
	memset(&tmpl, 0, sizeof tmpl);
	tmpl.doc = "usfk.txt";
	tmpl.title = tmpl.publisher = tmpl.published = tmpl.url = "";
	(void)kz_corrections_apply(&c, &t, 0, "usfk.txt", d.text, d.len, &tmpl, fz_warn, NULL);
	fz_check_claims(&t, d.len);
	/* every claim a correction touched still holds low <= value <= high, a known unit */
	for (size_t i = 0; i < t.n; i++)
		if (*t.v[i].review && (kz_claim_problem(&t.v[i], why, sizeof why) || !kz_unit_known(t.v[i].unit)))
			abort();
	kz_corrections_finish(&c, fz_warn, NULL);
	kz_claims_write_csv(&t, fz_sink(), KZ_CSV_PLAIN);
	/* what was read is written and read back whole: the writer keeps every value valid */
	if (!rc) {
		snprintf(out, sizeof out, "/tmp/kz-fuzz-corrections-out-%ld.csv", (long)getpid());
		free(c.path);
		c.path = kz_xstrdup(out);
		if (kz_corrections_write(&c, &err) == 0) {
			kz_corrections_init(&back);
			if (kz_corrections_read(&back, out, &err) || back.n != c.n) {
				fprintf(stderr, "fuzz: corrections do not read back: %s:%ld: %s\n", err.file, err.line, err.msg);
				abort();
			}
			kz_corrections_release(&back);
		}
		unlink(out);
	}
	kz_table_release(&t);
	ex_doc_release(&d);
	kz_corrections_release(&c);
	return 0;
}
