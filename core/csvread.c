/* csvread.c: the generic CSV reader over libcsv — whole buffers or a stream in pieces, each record with the line it starts on. */
#include "claims.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

/*
 * The reader's state. The record being read keeps its fields' bytes, each NUL-terminated, one
 * after another in buf (offsets in off, as buf may move while it grows): one buffer for every
 * record, so a field costs no allocation. Lines are counted across pieces: a line that a piece
 * cuts is one line, and the record it begins keeps its number.
 */
struct kz_csv_reader {
	struct csv_parser p;
	int started;     /* the dialect is known and p initialised */
	struct kz_buf head; /* the stream's start, held until its header line has ended */
	enum kz_csv_dialect dialect;
	const char *path;
	char *buf;
	size_t len, balloc;
	size_t *off;
	char **fields;
	size_t n, alloc;
	long line, row_line;
	size_t nrows;      /* records ended so far */
	size_t line_rows;  /* nrows when the current line began */
	int at_line_start; /* the next byte begins a line */
	int nonblank;      /* the current line has a byte other than a line end */
	int open;          /* a record has begun on an earlier line and not ended (a quoted line end) */
	kz_csv_row_fn row;
	void *arg;
	int stop, rc;
};

static void cb_field(void *s, size_t len, void *data)
{
	struct kz_csv_reader *r = data;

	if (r->stop)
		return;
	if (r->n == r->alloc) {
		KZ_GROW(r->off, r->alloc, r->n + 1);
		r->fields = kz_xrealloc(r->fields, r->alloc * sizeof(*r->fields));
	}
	if (!s)
		len = 0;
	KZ_GROW(r->buf, r->balloc, r->len + len + 1);
	if (len)
		memcpy(r->buf + r->len, s, len);
	r->buf[r->len + len] = '\0';
	r->off[r->n++] = r->len;
	r->len += len + 1;
}

static void cb_row(int c, void *data)
{
	struct kz_csv_reader *r = data;

	(void)c;
	r->nrows++;
	if (!r->stop && r->n) {
		for (size_t i = 0; i < r->n; i++)
			r->fields[i] = r->buf + r->off[i];
		r->stop = r->row(r->fields, r->n, r->row_line, r->arg);
	}
	r->n = r->len = 0;
}

struct kz_csv_reader *kz_csv_reader_new(const char *path, kz_csv_row_fn row, void *arg)
{
	struct kz_csv_reader *r = kz_xcalloc(1, sizeof(*r));

	kz_buf_init(&r->head, 0);
	r->path = path;
	r->row = row;
	r->arg = arg;
	r->line = 1;
	r->at_line_start = 1;
	return r;
}

/* The dialect from the header line at data (a byte-order mark skipped); the parser set up.
 * Returns how many bytes of data to skip (the mark), or -1 with r->rc set. */
static long begin(struct kz_csv_reader *r, const char *data, size_t len, struct kz_err *err)
{
	unsigned char sep = ',';
	size_t skip = 0;

	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		skip = 3;
	/* The dialect is told by the header line: ';' outside quotes means excel-de. */
	for (size_t i = skip; i < len && data[i] != '\n'; i++) {
		if (data[i] == ';') {
			sep = ';';
			break;
		}
		if (data[i] == ',')
			break;
	}
	r->dialect = sep == ';' ? KZ_CSV_EXCEL_DE : KZ_CSV_PLAIN;
	/* strict: a quote inside an unquoted field, text after a closing quote and a quote left
	 * open at the end of the file are errors, not data */
	if (csv_init(&r->p, CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI) != 0) {
		r->rc = kz_err_set(err, KZ_EIO, r->path, 0, "cannot initialise the csv parser");
		return -1;
	}
	csv_set_delim(&r->p, sep);
	r->started = 1;
	return (long)skip;
}

/* Parse len bytes, line by line so each record knows the line it starts on. */
static int parse(struct kz_csv_reader *r, const char *data, size_t len, struct kz_err *err)
{
	for (size_t start = 0; start < len && !r->stop;) {
		const char *nl = memchr(data + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - data) + 1 : len;
		if (r->at_line_start) {
			r->line_rows = r->nrows;
			if (!r->open)
				r->row_line = r->line;
			r->nonblank = 0;
			r->at_line_start = 0;
		}
		if (csv_parse(&r->p, data + start, end - start, cb_field, cb_row, r) != end - start)
			return r->rc = kz_err_set(err, KZ_EINPUT, r->path, r->line,
						  csv_error(&r->p) == CSV_EPARSE
							  ? "malformed csv: a quote inside a field that does not start "
							    "with one, or text after a closing quote"
							  : "malformed csv: %s",
						  csv_strerror(csv_error(&r->p)));
		/* blank: nothing but line ends (the data need not end in a NUL: the test stays in
		 * the piece) */
		for (size_t k = start; !r->nonblank && k < end; k++)
			if (data[k] != '\r' && data[k] != '\n')
				r->nonblank = 1;
		if (nl) {
			/* still open: no record ended on this line, and the line was not blank */
			if (r->nrows == r->line_rows && r->nonblank)
				r->open = 1;
			else if (r->nrows != r->line_rows)
				r->open = 0;
			r->line++;
			r->at_line_start = 1;
		}
		start = end;
	}
	return 0;
}

int kz_csv_reader_feed(struct kz_csv_reader *r, const char *data, size_t len, struct kz_err *err)
{
	long skip;

	if (r->rc || r->stop)
		return r->rc ? r->rc : r->stop;
	if (len == 0)
		return 0;
	if (r->started)
		return parse(r, data, len, err);
	/* the header line tells the dialect: the start is held until it has ended */
	if (r->head.len || !memchr(data, '\n', len)) {
		kz_buf_add(&r->head, data, len);
		if (!memchr(data, '\n', len))
			return 0;
		data = r->head.s;
		len = r->head.len;
	}
	if ((skip = begin(r, data, len, err)) < 0)
		return r->rc;
	parse(r, data + skip, len - (size_t)skip, err);
	kz_buf_release(&r->head);
	return r->rc ? r->rc : r->stop;
}

int kz_csv_reader_finish(struct kz_csv_reader *r, enum kz_csv_dialect *dialect, struct kz_err *err)
{
	if (!r->started && !r->rc) {
		const char *h = r->head.s ? r->head.s : "";
		long skip = begin(r, h, r->head.len, err);
		if (skip >= 0)
			parse(r, h + skip, r->head.len - (size_t)skip, err);
		kz_buf_release(&r->head);
	}
	if (dialect && r->started)
		*dialect = r->dialect;
	if (!r->rc && !r->stop && csv_fini(&r->p, cb_field, cb_row, r) != 0)
		r->rc = kz_err_set(err, KZ_EINPUT, r->path, r->row_line,
				   "malformed csv: unterminated quote (the field opened here runs to the end "
				   "of the file)");
	return r->rc ? r->rc : r->stop;
}

long kz_csv_reader_line(const struct kz_csv_reader *r)
{
	return r->line;
}

int kz_csv_reader_between(const struct kz_csv_reader *r)
{
	return r->started && !r->rc && !r->stop && r->at_line_start && !r->open;
}

void kz_csv_reader_free(struct kz_csv_reader *r)
{
	if (!r)
		return;
	if (r->started)
		csv_free(&r->p);
	kz_buf_release(&r->head);
	free(r->buf);
	free(r->off);
	free(r->fields);
	free(r);
}

int kz_csv_parse(const char *data, size_t len, const char *path, kz_csv_row_fn row, void *arg,
		 enum kz_csv_dialect *dialect, struct kz_err *err)
{
	struct kz_csv_reader *r = kz_csv_reader_new(path, row, arg);
	int rc = kz_csv_reader_feed(r, data, len, err);

	if (!rc)
		rc = kz_csv_reader_finish(r, dialect, err);
	else if (dialect && r->started)
		*dialect = r->dialect;
	kz_csv_reader_free(r);
	return rc;
}
