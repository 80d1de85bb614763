/* doc.c: a document — its lifecycle, its pages, and loading by type (collect.c finds documents, sources.c cites them). */
#include "extract.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/*
 * How a path becomes a document (ex_doc_load):
 *  1. The loader is chosen by the name's ending: .html and .htm (load_html.c), .pdf
 *     (load_pdf.c), anything else as plain text (load_text.c). Each fills the text as clean
 *     UTF-8, the page offsets (PDF) and what metadata the file itself holds.
 *  2. A loader that fails leaves nothing behind: the document is released, the error returned.
 *  3. Text read as Windows-1252 is warned about, by path.
 *  4. A document whose file named no date takes one from its text (dateline.c); a sources.csv
 *     row, applied after loading (sources.c), overrides both.
 * Memory: one document's text (at most EX_LOAD_MAX bytes) and its page offsets.
 */

void ex_doc_init(struct ex_doc *d)
{
	memset(d, 0, sizeof(*d));
}

static void meta_release(struct ex_meta *m)
{
	free(m->title);
	free(m->publisher);
	free(m->date);
	free(m->url);
	memset(m, 0, sizeof(*m));
}

void ex_doc_release(struct ex_doc *d)
{
	free(d->path);
	free(d->name);
	free(d->text);
	free(d->pages);
	meta_release(&d->meta);
	memset(d, 0, sizeof(*d));
}

int ex_doc_page(const struct ex_doc *d, size_t off)
{
	size_t lo = 0, hi = d->npages;

	if (!d->npages)
		return 0;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (d->pages[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (int)lo + 1;
}

static int has_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);
	return n > e && !strcasecmp(path + n - e, ext);
}

int ex_loadable(const char *path)
{
	return has_ext(path, ".txt") || has_ext(path, ".md") || has_ext(path, ".text") ||
	       has_ext(path, ".html") || has_ext(path, ".htm") || has_ext(path, ".pdf");
}

static int loaded(struct ex_doc *d, const char *path, int rc);

int ex_doc_load(struct ex_doc *d, const char *path, struct kz_err *err)
{
	int rc;

	if (has_ext(path, ".html") || has_ext(path, ".htm"))
		rc = ex_load_html(d, path, err);
	else if (has_ext(path, ".pdf"))
		rc = ex_load_pdf(d, path, err);
	else
		rc = ex_load_text(d, path, err);
	return loaded(d, path, rc);
}

int ex_doc_load_bytes(struct ex_doc *d, const char *name, char *raw, size_t len, struct kz_err *err)
{
	int rc;

	if (has_ext(name, ".html") || has_ext(name, ".htm"))
		rc = ex_load_html_bytes(d, name, raw, len, err);
	else if (has_ext(name, ".pdf"))
		rc = ex_load_pdf_bytes(d, name, raw, len, err);
	else
		rc = ex_load_text_bytes(d, name, raw, len, err);
	return loaded(d, name, rc);
}

/* What every loader's document gets: its path, the warning of a guessed encoding, a dateline. */
static int loaded(struct ex_doc *d, const char *path, int rc)
{
	if (rc) {
		ex_doc_release(d);
		return rc;
	}
	if (!d->path)
		d->path = kz_xstrdup(path);
	if (d->warned_cp1252)
		kz_warn("%s: not valid UTF-8, read as Windows-1252", path);
	if (!d->meta.year)
		ex_meta_from_dateline(&d->meta, d->text, d->len);
	/* a plain text names its title in its first line, if anywhere (HTML and PDF carry theirs) */
	if (!has_ext(path, ".html") && !has_ext(path, ".htm") && !has_ext(path, ".pdf"))
		ex_meta_title_from_text(&d->meta, d->text, d->len);
	return 0;
}
