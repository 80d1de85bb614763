/*
 * xlsx.c: claims.xlsx — the run's tables as one workbook (libxlsxwriter) that opens right in a
 * spreadsheet of any locale: numbers are numbers, not text a German Calc reads as thousands.
 *
 *  1. Each sheet is the CSV kennzahl writes anyway (claims, findings, consensus, documents),
 *     made in memory by the same writers, read back with the CSV reader: the sheets cannot
 *     drift from the CSV files.
 *  2. A cell of a column of numbers (value, low, high, …) that reads as a number is written
 *     as one; a url as a link; everything else as text (never as a formula).
 *  3. Every sheet has its header frozen and an autofilter; the workbook's creation date is the
 *     report's date, so the same run gives the same content.
 *  4. libxlsxwriter writes to a name: it writes the hidden temporary kz_out opened, which is
 *     renamed over claims.xlsx when complete (never a half-written workbook).
 * Memory: one sheet's CSV text at a time; rows go out in order (libxlsxwriter's constant
 * memory mode).
 */
#include "reports.h"

#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

/* A sheet: its name, the CSV to fill it, its columns of numbers and the widths to show. */
struct sheet {
	const char *name;
	const char *const *numeric; /* NULL-terminated */
	char *csv;
	size_t len;
};

struct fill {
	lxw_worksheet *ws;
	lxw_format *head;
	const struct sheet *sh;
	int is_num[64], is_url[64];
	size_t ncols;
	lxw_row_t row;
	int err;
};

static int in_list(const char *s, const char *const *list)
{
	for (; list && *list; list++)
		if (!strcmp(s, *list))
			return 1;
	return 0;
}

/* Display width of a column, in characters: wide for text, narrow for codes and numbers. */
static double width_of(const char *col)
{
	static const char *const wide[] = {"sentence", "explanation", "title", "message", "ids", "weights", NULL};
	static const char *const mid[] = {"id", "doc", "quote", "values", "claims", "docs", "url", "file",
					  "publisher", "sha256", NULL};
	return in_list(col, wide) ? 60 : in_list(col, mid) ? 28 : 12;
}

static int fill_row(char **f, size_t n, long line, void *arg)
{
	struct fill *x = arg;
	size_t i;

	(void)line;
	if (x->row >= LXW_ROW_MAX) {
		x->err = 1;
		return 1;
	}
	if (x->row == 0) {
		x->ncols = n < 64 ? n : 64;
		for (i = 0; i < x->ncols; i++) {
			x->is_num[i] = in_list(f[i], x->sh->numeric);
			x->is_url[i] = !strcmp(f[i], "url");
			worksheet_write_string(x->ws, 0, (lxw_col_t)i, f[i], x->head);
			worksheet_set_column(x->ws, (lxw_col_t)i, (lxw_col_t)i, width_of(f[i]), NULL);
		}
		x->row++;
		return 0;
	}
	for (i = 0; i < n && i < x->ncols; i++) {
		double v;
		if (!*f[i])
			continue;
		if (x->is_num[i] && kz_parse_double(f[i], &v) == 0) {
			worksheet_write_number(x->ws, x->row, (lxw_col_t)i, v, NULL);
			continue;
		}
		if (x->is_url[i] && (!strncmp(f[i], "http://", 7) || !strncmp(f[i], "https://", 8)) &&
		    worksheet_write_url(x->ws, x->row, (lxw_col_t)i, f[i], NULL) == LXW_NO_ERROR)
			continue;
		if (worksheet_write_string(x->ws, x->row, (lxw_col_t)i, f[i], NULL) != LXW_NO_ERROR) {
			/* longer than a cell holds (32 767 characters): cut at a character */
			size_t k = 32767; /* a cell holds 32 767 characters: as many bytes are never more */
			char *cut = kz_xstrndup(f[i], k);
			while (k && ((unsigned char)cut[k - 1] & 0xC0) == 0x80)
				cut[--k] = '\0';
			if (k && (unsigned char)cut[k - 1] >= 0xC0)
				cut[--k] = '\0';
			worksheet_write_string(x->ws, x->row, (lxw_col_t)i, cut, NULL);
			free(cut);
		}
	}
	x->row++;
	return 0;
}

/* The CSV of one table in memory: what run writes beside the workbook. */
enum table { T_CLAIMS, T_FINDINGS, T_CONSENSUS, T_DOCUMENTS };
static void make_csv(struct sheet *sh, enum table what, const struct kz_table *t, const struct st_result *res,
		     const struct rp_docs *docs)
{
	FILE *f = open_memstream(&sh->csv, &sh->len);

	if (!f)
		abort();
	if (what == T_CLAIMS)
		kz_claims_write_csv(t, f, KZ_CSV_PLAIN);
	else if (what == T_FINDINGS)
		st_findings_write_csv(res, t, f, KZ_CSV_PLAIN);
	else if (what == T_CONSENSUS)
		st_consensus_write_csv(res, t, f, KZ_CSV_PLAIN);
	else
		rp_docs_write_csv(docs, f, KZ_CSV_PLAIN);
	fclose(f);
}

int rp_xlsx_write(const char *path, const struct kz_table *t, const struct st_result *res,
		  const struct rp_docs *docs, long long date, struct kz_err *err)
{
	static const char *const num_claims[] = {"page", "start", "end", "value", "low", "high", NULL};
	static const char *const num_findings[] = {"rel_diff", NULL};
	static const char *const num_consensus[] = {"estimate", "low", "high", "claims", "docs", NULL};
	static const char *const num_docs[] = {"pages", "claims", NULL};
	struct sheet sheets[] = {
		{"claims", num_claims, NULL, 0},
		{"findings", num_findings, NULL, 0},
		{"consensus", num_consensus, NULL, 0},
		{"documents", num_docs, NULL, 0},
	};
	lxw_workbook_options wo = {LXW_TRUE, NULL, LXW_TRUE};
	lxw_doc_properties props;
	lxw_workbook *wb;
	lxw_format *head;
	lxw_error le;
	struct kz_out o;
	int rc = 0, big = 0;

	if (t->n + 1 >= LXW_ROW_MAX)
		return kz_err_set(err, KZ_EINPUT, path, 0,
				  "%zu claims are more rows than a sheet holds (%d); not written (claims.csv holds them)",
				  t->n, LXW_ROW_MAX - 1);
	if (kz_out_open(&o, path, err))
		return KZ_EIO;
	if (o.direct || !o.tmp) {
		kz_out_abort(&o);
		return kz_err_set(err, KZ_EIO, path, 0, "a workbook is written to a regular file only");
	}
	wb = workbook_new_opt(o.tmp, &wo);
	if (!wb) {
		kz_out_abort(&o);
		return kz_err_set(err, KZ_EIO, path, 0, "cannot create the workbook");
	}
	memset(&props, 0, sizeof props);
	props.title = (char *)"kennzahl claims";
	props.author = (char *)"kennzahl";
	props.created = (time_t)date;
	workbook_set_properties(wb, &props);
	head = workbook_add_format(wb);
	format_set_bold(head);
	for (size_t k = 0; k < sizeof sheets / sizeof *sheets; k++) {
		struct fill x;
		struct kz_err e;
		memset(&x, 0, sizeof x);
		make_csv(&sheets[k], (enum table)k, t, res, docs);
		x.ws = workbook_add_worksheet(wb, sheets[k].name);
		x.head = head;
		x.sh = &sheets[k];
		if (kz_csv_parse(sheets[k].csv, sheets[k].len, sheets[k].name, fill_row, &x, NULL, &e) && !x.err)
			rc = kz_err_set(err, KZ_EIO, path, 0, "sheet %s: %s", sheets[k].name, e.msg);
		big |= x.err;
		worksheet_freeze_panes(x.ws, 1, 0);
		if (x.ncols)
			worksheet_autofilter(x.ws, 0, 0, x.row ? x.row - 1 : 0, (lxw_col_t)(x.ncols - 1));
		free(sheets[k].csv);
	}
	if (big && !rc)
		rc = kz_err_set(err, KZ_EINPUT, path, 0, "a sheet has more rows than a workbook holds; not written");
	le = workbook_close(wb);
	if (!rc && le != LXW_NO_ERROR)
		rc = kz_err_set(err, KZ_EIO, path, 0, "cannot write the workbook: %s", lxw_strerror(le));
	if (rc) {
		kz_out_abort(&o);
		return rc;
	}
	return kz_out_commit(&o, err) ? KZ_EIO : 0;
}
