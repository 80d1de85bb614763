/* load_stub.c: HTML and PDF loaders — placeholders until the document-loaders work lands. */
#include "extract.h"

int ex_load_html(struct ex_doc *d, const char *path, struct kz_err *err)
{
	(void)d;
	return kz_err_set(err, KZ_EINPUT, path, 0, "html input is not supported yet");
}

int ex_load_pdf(struct ex_doc *d, const char *path, struct kz_err *err)
{
	(void)d;
	return kz_err_set(err, KZ_EINPUT, path, 0, "pdf input is not supported yet");
}
