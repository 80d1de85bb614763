/* sources.c: a corpus folder's sources.csv — each document's title, publisher, date and URL. */
#include "load_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/*
 * How sources.csv gives documents their citation:
 *  1. ex_sources_beside looks for sources.csv in a document's folder; ex_sources_read reads
 *     each file once (paths compared without a leading "./"), and records it before reading,
 *     so a broken file is named once.
 *  2. The header row names the columns (file, title, publisher, date, url; "file" is needed).
 *     A row has the header's number of fields (empty cells beyond them are no harm), names a
 *     file, and has a date as YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY (kept as YYYY-MM-DD);
 *     else it is an error at FILE:LINE. A row's file is kept relative to the folder of its
 *     sources.csv.
 *  3. ex_sources_apply gives a document the row of its path, else the row of its base name;
 *     what the row says overrides what the file and its text said.
 * Memory: the rows of every sources.csv read, until ex_sources_release.
 */

void ex_sources_init(struct ex_sources *s)
{
	memset(s, 0, sizeof(*s));
}

void ex_sources_release(struct ex_sources *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].file);
		free(s->v[i].title);
		free(s->v[i].publisher);
		free(s->v[i].date);
		free(s->v[i].url);
	}
	free(s->v);
	for (size_t i = 0; i < s->nread; i++)
		free(s->read[i]);
	free(s->read);
	memset(s, 0, sizeof(*s));
}

static int same_path(const char *a, const char *b);

struct src_rd {
	struct ex_sources *s;
	int col[5];
	size_t ncols; /* fields of the header row */
	int header;
	const char *dir;
	const char *path;
	struct kz_err *err;
};


/* A German date "31.01.2025" or "1.2.2025" as "2025-01-31", or a month "Mai 2021" as "2021-05",
 * into out (24 bytes); 0 if it is none. */
static int german_date(const char *d, char *out)
{
	static const char *const months[] = {"Januar", "Februar", "März",      "April",   "Mai",      "Juni",
					     "Juli",   "August",  "September", "Oktober", "November", "Dezember"};
	int da = 0, mo = 0, y = 0, k;
	const char *p = d;

	for (int m = 0; m < 12; m++) {
		size_t ml = strlen(months[m]);
		if (!strncmp(d, months[m], ml) && d[ml] == ' ') {
			for (p = d + ml + 1, k = 0; k < 4 && *p >= '0' && *p <= '9'; k++)
				y = y * 10 + (*p++ - '0');
			if (k != 4 || *p)
				return 0;
			snprintf(out, 24, "%04d-%02d", y, m + 1);
			return 1;
		}
	}

	for (k = 0; k < 2 && *p >= '0' && *p <= '9'; k++)
		da = da * 10 + (*p++ - '0');
	if (!k || *p++ != '.')
		return 0;
	for (k = 0; k < 2 && *p >= '0' && *p <= '9'; k++)
		mo = mo * 10 + (*p++ - '0');
	if (!k || *p++ != '.')
		return 0;
	for (k = 0; k < 4 && *p >= '0' && *p <= '9'; k++)
		y = y * 10 + (*p++ - '0');
	if (k != 4 || *p || da < 1 || da > 31 || mo < 1 || mo > 12)
		return 0;
	snprintf(out, 24, "%04d-%02d-%02d", y, mo, da);
	return 1;
}

static int src_row(char **f, size_t n, long line, void *arg)
{
	static const char *const names[] = {"file", "title", "publisher", "date", "url"};
	struct src_rd *r = arg;
	struct ex_source *e;
	const char *v[5];
	char iso[24];
	size_t i;

	if (!r->header) {
		for (i = 0; i < 5; i++)
			r->col[i] = -1;
		for (i = 0; i < n; i++)
			for (int k = 0; k < 5; k++)
				if (!strcmp(f[i], names[k]))
					r->col[k] = (int)i;
		if (r->col[0] < 0)
			return kz_err_set(r->err, KZ_EINPUT, r->path, line, "sources.csv lacks a 'file' column");
		r->ncols = n;
		r->header = 1;
		return 0;
	}
	if (n == 1 && !f[0][0])
		return 0; /* blank line */
	while (n > r->ncols && !f[n - 1][0])
		n--; /* empty cells beyond the header's are no harm */
	if (n != r->ncols)
		return kz_err_set(r->err, KZ_EINPUT, r->path, line, "row has %zu fields, the header %zu", n,
				  r->ncols);
	for (i = 0; i < 5; i++)
		v[i] = r->col[i] >= 0 && (size_t)r->col[i] < n ? f[r->col[i]] : "";
	if (!v[0][0])
		return kz_err_set(r->err, KZ_EINPUT, r->path, line, "row names no file");
	if (v[3][0] && !ex_date_valid(v[3])) {
		if (!german_date(v[3], iso))
			return kz_err_set(r->err, KZ_EINPUT, r->path, line,
					  "date '%s' is not YYYY, YYYY-MM, YYYY-MM-DD, DD.MM.YYYY or 'Mai 2021'", v[3]);
		v[3] = iso;
	}
	KZ_GROW(r->s->v, r->s->alloc, r->s->n + 1);
	e = &r->s->v[r->s->n++];
	{
		size_t dl = strlen(r->dir);
		size_t fl = dl + strlen(v[0]) + 2;
		e->file = kz_xmalloc(fl);
		snprintf(e->file, fl, "%s%s%s", r->dir, dl ? "/" : "", v[0]);
	}
	/* a row naming a file that is not there is most often a typing error: said, not fatal */
	if (access(e->file, F_OK) != 0)
		kz_warn("%s:%ld: names '%s', which is not in its folder", r->path, line, v[0]);
	e->title = v[1][0] ? kz_xstrdup(v[1]) : NULL;
	e->publisher = v[2][0] ? kz_xstrdup(v[2]) : NULL;
	e->date = v[3][0] ? kz_xstrdup(v[3]) : NULL;
	e->url = v[4][0] ? kz_xstrdup(v[4]) : NULL;
	return 0;
}

int ex_sources_read(struct ex_sources *s, const char *path, struct kz_err *err)
{
	struct src_rd r;
	char *data, *dir;
	size_t len;
	const char *slash;
	int rc;

	for (size_t i = 0; i < s->nread; i++)
		if (same_path(s->read[i], path))
			return 0;
	/* recorded before reading: a broken file is reported once */
	KZ_GROW(s->read, s->aread, s->nread + 1);
	s->read[s->nread++] = kz_xstrdup(path);
	rc = kz_read_file(path, 64u << 20, &data, &len, err);
	if (rc)
		return rc;
	memset(&r, 0, sizeof(r));
	slash = strrchr(path, '/');
	dir = slash ? kz_xstrndup(path, (size_t)(slash - path)) : kz_xstrdup("");
	r.s = s;
	r.dir = dir;
	r.path = path;
	r.err = err;
	rc = kz_csv_parse(data, len, path, src_row, &r, NULL, err);
	free(dir);
	free(data);
	return rc;
}

int ex_sources_beside(struct ex_sources *s, const char *doc, struct kz_err *err)
{
	const char *slash = strrchr(doc, '/');
	size_t dl = slash ? (size_t)(slash - doc) + 1 : 0;
	char *sc = kz_xmalloc(dl + sizeof("sources.csv"));
	int rc = 0;

	memcpy(sc, doc, dl);
	memcpy(sc + dl, "sources.csv", sizeof("sources.csv"));
	if (access(sc, R_OK) == 0)
		rc = ex_sources_read(s, sc, err);
	free(sc);
	return rc;
}

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

static int same_path(const char *a, const char *b)
{
	while (a[0] == '.' && a[1] == '/')
		a += 2;
	while (b[0] == '.' && b[1] == '/')
		b += 2;
	return !strcmp(a, b);
}

/* Was a sources.csv read from the folder of doc? */
static int has_sources(const struct ex_sources *s, const char *doc)
{
	const char *slash = strrchr(doc, '/');
	size_t dl = slash ? (size_t)(slash - doc) + 1 : 0;

	for (size_t i = 0; i < s->nread; i++) {
		const char *r = s->read[i], *d = doc;
		size_t rl = strlen(r);
		if (rl < 11 || strcmp(r + rl - 11, "sources.csv"))
			continue;
		while (r[0] == '.' && r[1] == '/')
			r += 2, rl -= 2;
		while (d[0] == '.' && d[1] == '/')
			d += 2, dl -= dl >= 2 ? 2 : dl;
		if (rl - 11 == dl && !strncmp(r, d, dl))
			return 1;
	}
	return 0;
}

void ex_sources_apply(const struct ex_sources *s, struct ex_doc *d)
{
	const struct ex_source *hit = NULL;
	size_t i;

	for (i = 0; i < s->n && !hit; i++)
		if (same_path(s->v[i].file, d->path))
			hit = &s->v[i];
	for (i = 0; i < s->n && !hit; i++)
		if (!strcmp(base_name(s->v[i].file), base_name(d->path)))
			hit = &s->v[i];
	/* "Bericht.TXT" for "bericht.txt": the row is meant, but said */
	for (i = 0; i < s->n && !hit; i++)
		if (!strcasecmp(base_name(s->v[i].file), base_name(d->path))) {
			hit = &s->v[i];
			kz_warn("%s: its sources.csv row names '%s' (the case differs); the row is used", d->path,
				base_name(hit->file));
		}
	if (!hit) {
		if (has_sources(s, d->path))
			kz_warn("%s: no row in its folder's sources.csv; its date and citation come from the text",
				d->path);
		return;
	}
#define SET(f)                                         \
	if (hit->f) {                                  \
		free(d->meta.f);                       \
		d->meta.f = kz_xstrdup(hit->f);        \
	}
	SET(title);
	SET(publisher);
	SET(url);
	if (hit->date) {
		free(d->meta.date);
		d->meta.date = kz_xstrdup(hit->date);
		d->meta.year = (int)strtol(hit->date, NULL, 10);
		d->meta.src = EX_META_SOURCES;
	}
#undef SET
}
