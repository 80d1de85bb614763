/* fuzz_sources.c: libFuzzer harness — a folder's sources.csv read, its rows applied to documents, their dates used by extraction. */
#include "fuzz.h"

static struct ex_lexicon *lx;

/* "heute" and "derzeit" take the year sources.csv gives the document. */
static const char text[] = "Heute sind etwa 28.500 US-Soldaten in Südkorea stationiert. Derzeit zahlt Seoul "
			   "rund 1 Bio. Won für die Stationierungskosten.";

/* One document read with the sources (meta from the matching row), then extracted. */
static void apply(const struct ex_sources *s, const char *path)
{
	struct ex_doc d;
	struct ex_options eo = {0};
	struct kz_table t;

	ex_doc_init(&d);
	d.path = kz_xstrdup(path);
	d.text = kz_xstrndup(text, sizeof(text) - 1);
	d.len = sizeof(text) - 1;
	ex_sources_apply(s, &d);
	if (!d.meta.year)
		ex_meta_from_dateline(&d.meta, d.text, d.len);
	kz_table_init(&t);
	ex_extract(lx, &d, &eo, &t);
	fz_check_claims(&t, d.len);
	kz_table_release(&t);
	ex_doc_release(&d);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	lx = ex_lexicon_new();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ex_sources s;
	struct kz_err err;
	const char *path = fz_put("sources", ".csv", data, size);

	ex_sources_init(&s);
	/* a broken file still leaves the rows read before the error, as extract goes on with them */
	(void)ex_sources_read(&s, path, &err);
	(void)ex_sources_read(&s, path, &err); /* a file already read is not read again */
	fz_drop();
	for (size_t i = 0; i < s.n && i < 8; i++)
		apply(&s, s.v[i].file);
	apply(&s, "/elsewhere/usfk-truppenstaerke-2025.txt"); /* matched by base name, or not at all */
	ex_sources_release(&s);
	return 0;
}
