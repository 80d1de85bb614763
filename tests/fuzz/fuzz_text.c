/* fuzz_text.c: libFuzzer harness — a document read as plain text and Markdown (.txt, .md): decoding (BOM, UTF-16, Windows-1252), line ends, then extracted as `kennzahl extract` does; read from memory too (`extract --stdin`), which must agree. */
#include "fuzz.h"

static struct ex_lexicon *lx;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	lx = ex_lexicon_new(); /* the built-in lexicons; kept for the process, as extract keeps them */
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_extract_file(lx, fz_put("text", ".txt", data, size), data, size);
	fz_drop();
	return 0;
}
