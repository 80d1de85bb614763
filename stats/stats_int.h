/* stats_int.h: internals shared by the stats module (grouping context, helpers); never included from outside stats/. */
#ifndef ST_STATS_INT_H
#define ST_STATS_INT_H

#include "stats.h"

#include <stdint.h>

/* A string interner: equal strings get the same small id (0, 1, 2, ... in order of first sight). */
struct st_intern {
	const char **key; /* borrowed: the strings must outlive the interner */
	uint32_t *slot;   /* open addressing: id + 1, 0 = empty */
	size_t n, cap, kalloc;
};
void st_intern_init(struct st_intern *in);
void st_intern_release(struct st_intern *in);
uint32_t st_intern_id(struct st_intern *in, const char *s);
/* The id of s, or UINT32_MAX when it was never interned. */
uint32_t st_intern_find(const struct st_intern *in, const char *s);
/* FNV-1a of a NUL-terminated string (the interner's and the document index's hash). */
uint64_t st_hash_str(const char *s);

/* A year column parsed: "2020" -> 2020..2020, "2016-2020", "1950s" -> 1950..1959, "" -> 0..0. */
struct st_year {
	int y0, y1;
};
struct st_year st_year_parse(const char *s);

/* Is unit an ISO 4217 code (three upper-case letters)? */
int st_is_money(const char *unit);

/*
 * One fact-year bucket: the claims order[start .. start+n) share indicator,
 * detail, subject, partner, unit class and year. Buckets of one fact are
 * adjacent and in year order; fact numbers them.
 */
struct st_bucket {
	size_t start, n;
	size_t fact;
	struct st_year yr;
	const char *year;
	int mixed;      /* money in more than one currency: compare in USD */
	size_t ndocs;
};

/* The state of one st_check run. Arrays indexed by claim hold one entry per claim of t. */
struct st_ctx {
	const struct kz_table *t;
	const struct st_rates *fx;
	const struct st_docinfo *docs;
	const struct st_options *o;
	struct st_result *r;
	struct st_intern docs_in; /* doc path -> id */
	uint32_t *docid;
	/* who vouches for a claim, one vote in truth discovery: its named source, else its document's
	 * publisher (the document's own voice), else the document */
	struct st_intern src_in;
	uint32_t *srcid;
	int *docyear, *docmonth;  /* the document's date (0 when unknown) */
	unsigned char *twin;      /* 1: the converted twin of the claim before it ("Yen (Dollar)") */
	double *usd, *ulo, *uhi;  /* value and interval in USD (money; NAN when not convertible) */
	size_t *order;            /* fact claims, grouped into buckets */
	size_t norder;
	struct st_bucket *b;
	size_t nb, balloc;
	void *fxmemo;             /* check.c's memo of rates by (currency, period) */
};

/* Comparing two claims (conflict.c): their intervals in a common unit (their own, or USD with the
 * rate tolerance as slack; 0 when they cannot be compared), the gap between two intervals relative
 * to the smaller bound (<= 0 when they overlap), the relative difference of two values, and a
 * claim as an explanation names it: "etwa 28.500 (2021, b.txt)". */
int st_common(const struct st_ctx *x, size_t i, size_t j, double iv[4], double *slack);
double st_gap(double a0, double a1, double b0, double b1, double slack);
double st_reldiff(double a, double b);
enum { ST_REF_SOURCE = 1, ST_REF_YEAR = 2 }; /* what st_claim_ref names before the file */
/* In English the figure comes in English digits and the German quote only inside quotation marks,
 * so that no "26.305" stands in an English sentence: "26,305 (“26.305 Soldaten”, 2009, b.txt)". */
void st_claim_ref(struct kz_buf *e, const struct kz_claim *c, unsigned what, enum st_lang lang);
/* A claim's figure as an explanation names it in a sentence of its own: the quote in German
 * ("6,8 Billionen Yen"), in English the figure in English digits and the quote in quotation marks
 * ("JPY 6.8 tn (“6,8 Billionen Yen”)"). */
void st_claim_figure(struct kz_buf *e, const struct kz_claim *c, enum st_lang lang);

/* Does claim i take part in fact checks (a core indicator, a subject, a finite interval, no
 * converted twin)? (group.c) */
int st_is_fact_claim(const struct st_ctx *x, size_t i);

/* The stages, in the order st_check runs them. */
void st_currency_pairs(struct st_ctx *x);   /* marks twins, reports currency findings */
void st_group(struct st_ctx *x);            /* builds order[] and the buckets */
void st_conflicts(struct st_ctx *x);        /* conflict and drift */
void st_arithmetic(struct st_ctx *x);       /* stated changes and shares of one whole */
void st_disputed(struct st_ctx *x);         /* a claim against the reported figure of its fact */
void st_consensus(struct st_ctx *x);        /* CATD weights, consensus rows, outliers */

/* The value of claim i in bucket b's comparison unit (USD for mixed money). */
double st_val(const struct st_ctx *x, const struct st_bucket *b, size_t i);
double st_lo(const struct st_ctx *x, const struct st_bucket *b, size_t i);
double st_hi(const struct st_ctx *x, const struct st_bucket *b, size_t i);

/* USD per unit of cur in year (0 when unknown); st_fx memoises it per run (period YYYY or YYYYMM). */
double st_usd_per(const struct st_rates *fx, const char *cur, int year);
double st_fx(struct st_ctx *x, const char *cur, int period);

/* Appending to the result: strings are copied into its arena. */
struct st_finding *st_result_add(struct st_result *r, enum st_kind k, enum st_sev sev,
				 const struct kz_claim *fact, const char *year, const char *unit,
				 const size_t *claims, size_t n, double rel_diff, const char *expl);
struct st_consensus *st_result_add_consensus(struct st_result *r);
/* Arena-backed array of n elements of size sz (zeroed), freed with the result. */
void *st_result_alloc(struct st_result *r, size_t n, size_t sz);
const char *st_result_str(struct st_result *r, const char *s);

/* Words for explanations. */
const char *st_fact_label(enum kz_ind ind, const char *detail, enum st_lang lang);
const char *st_country_name(const char *code, enum st_lang lang);
/* "Verteidigungshaushalt Südkorea → USA 2020" into b. */
void st_fact_phrase(struct kz_buf *b, const struct kz_claim *c, const char *year, enum st_lang lang);
/* Base name of a document path. */
const char *st_basename(const char *path);
/* A percentage for explanations: "22 %" / "22%" rounded sensibly, with decimal comma in German;
 * from ST_PCT_MAX on (a thousand-fold) and when not finite: "über 100.000 %". */
#define ST_PCT_MAX 1e5
void st_fmt_pct(char *dst, size_t n, double pct, enum st_lang lang);
/* A plain number for explanations (decimal comma in German, up to 4 significant digits after rounding). */
void st_fmt_num(char *dst, size_t n, double v, enum st_lang lang);
/* A claim's value in English digits with its unit: "26,305", "19.5%", "JPY 6.8 tn", "USD 1.13 bn". */
void st_fmt_value_en(char *dst, size_t n, double v, const char *unit);

#endif
