/* fuzz_lexicon.c: libFuzzer harness — a `--lexicon FILE` read over the built-in lexicons, then a text extracted with it. */
#include "fuzz.h"

/*
 * Input: the lexicon file, optionally followed by a line "%%" and a text to
 * extract with it (seeds pair the golden lexicon cases' extra.tsv with their
 * documents); without one the text below is used.
 */
static const char text[] =
	"Rund 28.500 US-Soldaten sind in Südkorea stationiert. Japan gibt 2023 etwa 6,8 Bio. Yen "
	"(51 Mrd. Dollar) für Verteidigung aus, knapp 1,1 Prozent des BIP. Mehr als 300.000 Soldaten "
	"laut NATO. Seoul trägt über 40 Prozent der Stationierungskosten, bis zu 1,4 Mrd. Dollar. "
	"Der Anteil Chinas am Handel lag zwischen 20 und 25 Prozent. Die Zahl hat sich verdoppelt.";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data, *sep = NULL;
	size_t lexlen = size;
	struct ex_lexicon *lx;
	struct kz_err err;
	int rc;

	for (size_t i = 0; i + 4 <= size; i++)
		if (!memcmp(in + i, "\n%%\n", 4)) {
			sep = in + i + 4;
			lexlen = i + 1;
			break;
		}
	lx = ex_lexicon_new();
	rc = ex_lexicon_add_file(lx, fz_put("lexicon", ".tsv", in, lexlen), &err);
	fz_drop();
	if (rc == 0) {
		/* a bad lexicon stops every command (exit 3): only a good one is used */
		struct ex_doc d;
		int cp1252;

		ex_doc_init(&d);
		d.path = kz_xstrdup("doc.txt");
		if (sep && sep < in + size)
			d.text = ex_text_decode(sep, (size_t)(in + size - sep), d.path, &d.len, &cp1252, &err);
		if (!d.text)
			d.text = ex_text_decode(text, sizeof(text) - 1, d.path, &d.len, &cp1252, &err);
		ex_meta_from_dateline(&d.meta, d.text, d.len);
		fz_extract_doc(lx, &d);
	}
	ex_lexicon_free(lx);
	return 0;
}
