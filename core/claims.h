/* claims.h: the claim type, the claims table and its CSV form — the contract between stages. */
#ifndef KZ_CLAIMS_H
#define KZ_CLAIMS_H

#include "core.h"

enum kz_qual { KZ_Q_EXACT, KZ_Q_APPROX, KZ_Q_AT_LEAST, KZ_Q_AT_MOST, KZ_Q_RANGE, KZ_Q__N };
enum kz_ind {
	KZ_I_TROOPS,
	KZ_I_TRADE_SHARE,
	KZ_I_BUDGET,
	KZ_I_GDP_SHARE,
	KZ_I_COST_SHARE,
	KZ_I_CHANGE,
	KZ_I_OTHER,
	KZ_I__N
};

/* What kind of statement a figure is (DESIGN.md): stated as fact, planned, a goal, asked of
 * another party, a cap or floor, a disputed assertion, a projection. */
enum kz_status {
	KZ_S_REPORTED,
	KZ_S_PLAN,
	KZ_S_TARGET,
	KZ_S_DEMAND,
	KZ_S_LIMIT,
	KZ_S_CLAIM,
	KZ_S_FORECAST,
	KZ_S__N
};

const char *kz_qual_name(enum kz_qual q);
const char *kz_status_name(enum kz_status s);
int kz_status_parse(const char *s);
const char *kz_ind_name(enum kz_ind i);
/* Parse a vocabulary word; return -1 if unknown. */
int kz_qual_parse(const char *s);
int kz_ind_parse(const char *s);
/* yes for troops, trade_share, budget, gdp_share, cost_share. */
int kz_ind_is_core(enum kz_ind i);

/*
 * One claim. Every string points into the owning table's arena (never NULL;
 * "" when empty). page is 0 when the document is not paged.
 */
struct kz_claim {
	const char *id, *doc;
	int page;
	size_t start, end;
	const char *quote;
	double value, low, high;
	const char *unit;
	enum kz_qual qual;
	enum kz_ind ind;
	const char *detail;
	enum kz_status status;
	const char *subject, *partner, *year;
	const char *source; /* who the text says the figure comes from; "" in the document's own voice */
	const char *review; /* "", confirmed, corrected or added */
	const char *sentence;
	/* the document's citation, so that a row is self-contained wherever the table travels */
	const char *title, *publisher, *published, *url;
	long line; /* the line of the CSV it was read from; 0 when extracted */
};

/* The claims table: owns its claims and, in one arena, all their strings. */
struct kz_table {
	struct kz_claim *v;
	size_t n, alloc;
	struct kz_arena arena;
};

void kz_table_init(struct kz_table *t);
void kz_table_release(struct kz_table *t);
/* Append a copy of c; its strings are copied into the table's arena, but for doc and sentence:
 * equal to the last claim's (its own pointer, as returned, is the O(1) way to say so), they
 * share the last claim's copy. */
struct kz_claim *kz_table_add(struct kz_table *t, const struct kz_claim *c);
/* Drop every claim and string, keeping the table ready for more (and its array). */
void kz_table_clear(struct kz_table *t);
/* Keep only the claims for which keep() returns non-zero. */
void kz_table_filter(struct kz_table *t, int (*keep)(const struct kz_claim *, void *), void *arg);

/*
 * The stable claim key (claimid.c): `<file>#<anchor>`, the anchor from the figure's sentence
 * and its number as written (never a byte offset). kz_idgen hands out the keys of one document
 * and numbers repeats (`~2`, `~3`); init it per document, release it after.
 */
struct kz_idgen {
	struct _GHashTable *seen; /* key -> times handed out */
	char *memo;               /* the last sentence hashed, and its hash: one SHA-256 a sentence */
	char memo_hash[9];
	struct _GChecksum *ck;    /* reused for every sentence (reset, no allocation per sentence) */
};
void kz_idgen_init(struct kz_idgen *g);
void kz_idgen_release(struct kz_idgen *g);
/* The key of a figure: file (relative to the folder given), the sentence (white space
 * collapsed), the number as written [num, num+numlen). Written to out (reset first); returns
 * out->s. */
const char *kz_idgen_make(struct kz_idgen *g, struct kz_buf *out, const char *file, const char *sentence,
			  const char *num, size_t numlen);
/* Append the anchor alone (no repeat count) to out. */
void kz_claim_anchor(struct kz_buf *out, const char *sentence, const char *num, size_t numlen);
/* The file name of a path (what follows its last '/'). */
const char *kz_path_base(const char *path);

/* CSV dialects: plain (RFC 4180, ',' and '.') and excel-de (';', ',' decimal, BOM, CRLF). */
enum kz_csv_dialect { KZ_CSV_PLAIN, KZ_CSV_EXCEL_DE };
int kz_csv_dialect_parse(const char *s, enum kz_csv_dialect *d);

/*
 * Generic CSV writer over libcsv: kz_csv_field quotes a field when needed;
 * kz_csv_num writes a number in the dialect's decimal; kz_csv_endrow ends a line.
 */
struct kz_csv_writer {
	FILE *f;
	enum kz_csv_dialect dialect;
	int col;
};
void kz_csv_writer_init(struct kz_csv_writer *w, FILE *f, enum kz_csv_dialect d);
void kz_csv_field(struct kz_csv_writer *w, const char *s);
void kz_csv_num(struct kz_csv_writer *w, double v);
void kz_csv_int(struct kz_csv_writer *w, long v);
void kz_csv_endrow(struct kz_csv_writer *w);

/* Write the header line and every claim. */
void kz_claims_write_csv(const struct kz_table *t, FILE *f, enum kz_csv_dialect d);
/* Streaming form: the header (and BOM) once, then rows table by table. */
void kz_claims_write_header(struct kz_csv_writer *w);
void kz_claims_write_rows(struct kz_csv_writer *w, const struct kz_table *t);

/*
 * Generic CSV reader over libcsv: parses a whole buffer (either dialect,
 * detected from the BOM and the header line) and calls row() for each record
 * with its fields (NUL-terminated, "" for empty) and 1-based line number.
 * A non-zero return from row() stops the parse and is returned.
 */
typedef int (*kz_csv_row_fn)(char **fields, size_t n, long line, void *arg);
int kz_csv_parse(const char *data, size_t len, const char *path, kz_csv_row_fn row, void *arg,
		 enum kz_csv_dialect *dialect, struct kz_err *err);
/*
 * The same as a stream (csvread.c): feed the bytes in pieces of any size, in order, then finish;
 * the records and their line numbers are those kz_csv_parse gives for the whole. feed and
 * finish return 0, the error (err filled) or row()'s non-zero return, after which the reader
 * takes nothing more; free it in any case.
 */
struct kz_csv_reader;
struct kz_csv_reader *kz_csv_reader_new(const char *path, kz_csv_row_fn row, void *arg);
int kz_csv_reader_feed(struct kz_csv_reader *r, const char *data, size_t len, struct kz_err *err);
int kz_csv_reader_finish(struct kz_csv_reader *r, enum kz_csv_dialect *dialect, struct kz_err *err);
/* The line the next byte fed begins or continues (1 at the start). */
long kz_csv_reader_line(const struct kz_csv_reader *r);
/* 1 when what was fed ended with a line end between two records (not inside a quoted field), the
 * header read, and no error or stop: a new piece of the table may begin here. */
int kz_csv_reader_between(const struct kz_csv_reader *r);
void kz_csv_reader_free(struct kz_csv_reader *r);

/*
 * Why the claim c cannot be used, or NULL when it can: value, low and high
 * must be kz_num_ok (finite, within KZ_NUM_MAX), with low <= value <= high,
 * and the unit must not be empty. The reason is written to buf (n bytes).
 * Every claim that enters a table (extracted or read) passes this test.
 */
const char *kz_claim_problem(const struct kz_claim *c, char *buf, size_t n);
/* Is unit one of the table's units: percent, points, persons, km, count, factor, votes or an
 * ISO 4217 code (three capital letters)? */
int kz_unit_known(const char *unit);

/* A warning about one row of a table (err->line names it; err->code 0 when the row was kept). */
typedef void (*kz_warn_fn)(const struct kz_err *err, void *arg);
/* Rows a reader names one by one before it only counts them. */
#define KZ_ROWS_NAMED 10

/*
 * Read a claims CSV (either dialect) into t. A row that cannot be used — a
 * field missing (short row), a value, low or high that is no number or out of
 * range, an interval that does not hold its value, no unit, an unknown
 * qualifier or indicator — is left out and passed to warn with its line (code
 * KZ_EINPUT); a row with a unit outside the vocabulary is kept with a warning
 * (code 0). The first KZ_ROWS_NAMED warnings are passed one by one, then one
 * more (line 0) counts the rest. With warn NULL the first such row is an
 * error instead. Returns 0, or KZ_EINPUT/KZ_EIO when the table as a whole is
 * unreadable (no header, malformed CSV such as an unterminated quote); rows
 * read before the error stay in t.
 */
int kz_claims_read_csv(struct kz_table *t, const char *path, kz_warn_fn warn, void *arg,
		       struct kz_err *err);
/* Same from memory. */
int kz_claims_parse_csv(struct kz_table *t, const char *data, size_t len, const char *path,
			kz_warn_fn warn, void *arg, struct kz_err *err);

/*
 * Drop the claims of t from index from on whose id an earlier claim of t already has (the same
 * claim read twice: overlapping tables concatenated), keeping the first and the order. The first
 * repeated id goes to *first (NULL if none; it points into t). Returns how many were dropped.
 */
size_t kz_table_drop_repeats(struct kz_table *t, size_t from, const char **first);

/* Does this file look like a claims CSV (by its header line)? */
int kz_is_claims_csv(const char *path);

/* The columns in their order (DESIGN.md); kz_claim_columns[KZ_COL_x] is the name of each. */
enum kz_col {
	KZ_COL_ID,
	KZ_COL_DOC,
	KZ_COL_PAGE,
	KZ_COL_START,
	KZ_COL_END,
	KZ_COL_QUOTE,
	KZ_COL_VALUE,
	KZ_COL_UNIT,
	KZ_COL_LOW,
	KZ_COL_HIGH,
	KZ_COL_QUALIFIER,
	KZ_COL_INDICATOR,
	KZ_COL_DETAIL,
	KZ_COL_STATUS,
	KZ_COL_SUBJECT,
	KZ_COL_PARTNER,
	KZ_COL_YEAR,
	KZ_COL_SOURCE,
	KZ_COL_CORE,
	KZ_COL_REVIEW,
	KZ_COL_SENTENCE,
	KZ_COL_TITLE,
	KZ_COL_PUBLISHER,
	KZ_COL_PUBLISHED,
	KZ_COL_URL,
	KZ_CLAIM_NCOLS
};
extern const char *const kz_claim_columns[];

#endif
