/* stats.h: consistency of the figures across sources — findings (conflict, drift, currency, arithmetic, outlier, claim) and consensus (GSL). */
#ifndef ST_STATS_H
#define ST_STATS_H

#include "core/claims.h"

#include <stdint.h>
#include <stdio.h>

/* What a finding is about; the names are the `kind` column of findings.csv. */
enum st_kind {
	ST_K_CONFLICT,   /* same fact, comparable year, intervals do not overlap */
	ST_K_DRIFT,      /* same fact, different years, changed beyond the statements */
	ST_K_CURRENCY,   /* "X Yen (Y Dollar)": implied rate off the reference rate */
	ST_K_ARITHMETIC, /* stated change not borne out; shares of one whole above 100 % */
	ST_K_OUTLIER,    /* far from the robust consensus or trend of the others */
	ST_K_CLAIM,      /* a figure the text marks as an assertion against the reported one */
	ST_K__N
};
enum st_sev { ST_SEV_INFO, ST_SEV_WARNING, ST_SEV_ERROR, ST_SEV__N };

const char *st_kind_name(enum st_kind k);
const char *st_sev_name(enum st_sev s);
/* Parse a kind name; -1 if unknown. */
int st_kind_parse(const char *s);
/*
 * Parse a comma-separated list of kind names ("conflict,currency") into a bit
 * mask (1 << kind); "all" names every kind. Returns 0, or -1 on an unknown name.
 */
int st_kinds_parse(const char *s, unsigned *mask);

/* Language of explanations and of the summary. */
enum st_lang { ST_LANG_DE, ST_LANG_EN };

/*
 * One finding. The strings live in the owning st_result's arena ("" when
 * empty, never NULL). claims are indices into the kz_table that st_check was
 * given, in the order the explanation names them; the finding is only
 * meaningful together with that table.
 */
struct st_finding {
	enum st_kind kind;
	enum st_sev sev;
	enum kz_ind ind;
	const char *detail, *subject, *partner;
	const char *year;  /* "2020", "2020/2025" for drift, "" when unknown */
	const char *unit;  /* unit the comparison was made in (USD for mixed money) */
	size_t *claims;    /* owned by the result (arena-backed) */
	size_t nclaims;
	double rel_diff;   /* relative difference behind the finding; NAN when none */
	const char *explanation; /* one sentence in the chosen language */
};

/* The weight one source got in a consensus row: a named originator ("SIPRI"), else the
 * publisher of the document's own voice, else the document's path. */
struct st_weight {
	const char *doc;   /* the source's name */
	double weight;     /* normalised over the row: weights of a row sum to 1 */
	size_t nclaims;    /* claims of this source in the row */
};

/*
 * One consensus row: per fact (indicator, detail, subject, partner) and year,
 * the best estimate and its interval in unit (the claims' common unit, or USD
 * when money in several currencies was converted with the rates).
 */
struct st_consensus {
	enum kz_ind ind;
	const char *detail, *subject, *partner, *year, *unit;
	enum kz_status status;
	double estimate, low, high; /* disputed: no estimate (NAN), low and high the stated range */
	size_t nclaims, ndocs, nsources;
	const char *method; /* "single", "interval", "catd", "median" */
	const char *state;  /* "single", "agreed" (the claims' intervals share a range) or "disputed" */
	struct st_weight *w; /* nsources entries, largest weight first */
	size_t *claims;      /* indices into the table, nclaims entries */
};

/* The result of st_check: owns its findings and consensus rows and all their strings. */
struct st_result {
	struct st_finding *f;
	size_t nf, falloc;
	struct st_consensus *c;
	size_t nc, calloc;
	size_t count[ST_K__N];     /* findings per kind */
	size_t nerrors;            /* findings of severity error */
	struct kz_arena arena;
	void *mem;                 /* internal: blocks of index arrays */
};
void st_result_init(struct st_result *r);
void st_result_release(struct st_result *r);
/* Append from's findings and consensus rows to r (their strings move too); from is released. */
void st_result_merge(struct st_result *r, struct st_result *from);

/*
 * Reference exchange rates: annual averages, units of a currency per US
 * dollar (EUR and GBP are stored the same way even though their source
 * quotes USD per unit). source names where they come from ("# source:" line).
 */
struct st_rate {
	char cur[4];
	int year;          /* YYYY, or YYYY * 100 + MM for a monthly average */
	double per_usd;
};
struct st_rates {
	struct st_rate *v;
	size_t n, alloc;
	char *source;
};
void st_rates_init(struct st_rates *r);
void st_rates_release(struct st_rates *r);
/*
 * Parse an fx.tsv text: lines "#..." are comments ("# source: ..." is kept as
 * source); a header "year<TAB>EUR<TAB>JPY..." names the columns; then one row
 * per year. A column named "EUR" or "GBP" holds USD per unit (the Fed's
 * quotation) and is inverted; every other column holds units per USD. Empty
 * cells are missing rates. Returns 0 or KZ_EINPUT with err filled.
 */
int st_rates_parse(struct st_rates *r, const char *data, size_t len, const char *path,
		   struct kz_err *err);
/* Read a rates file (KZ_EIO when unreadable). */
int st_rates_read(struct st_rates *r, const char *path, struct kz_err *err);
/* The built-in data/fx.tsv. */
int st_rates_builtin(struct st_rates *r, struct kz_err *err);
/*
 * Units of cur per USD (USD is 1) in year: YYYY for the annual average, or
 * YYYY * 100 + MM for a monthly average (rows "2025-01" of the file).
 * Returns 0 and fills *per_usd, or -1 when unknown.
 */
int st_rates_get(const struct st_rates *r, const char *cur, int year, double *per_usd);

/*
 * Document dates known to the caller (from sources.csv, a dateline or file
 * metadata): doc is the claims' `doc` column, date "YYYY", "YYYY-MM" or
 * "YYYY-MM-DD". Strings are copied into the structure's arena.
 */
struct st_docdate {
	const char *doc, *date;
	int year, month;   /* month 0 when the date has none */
};
struct st_docinfo {
	struct st_docdate *v;
	size_t n, alloc;
	struct kz_arena arena;
	uint32_t *slot;    /* open addressing over v by doc: index + 1, 0 = empty */
	size_t cap;
};
void st_docinfo_init(struct st_docinfo *d);
void st_docinfo_release(struct st_docinfo *d);
/* Record doc's date (a later call for the same doc replaces it); ignored when date has no year. */
void st_docinfo_add(struct st_docinfo *d, const char *doc, const char *date);
/* The date recorded for doc, or NULL. Constant time (a hash of the doc paths). */
const struct st_docdate *st_docinfo_find(const struct st_docinfo *d, const char *doc);

struct st_options {
	enum st_lang lang;
	double fx_tol;      /* currency: relative tolerance beyond the amounts' rounding (0.05) */
	double change_tol;  /* arithmetic: relative slack on stated changes and multiples (0.05) */
	double share_tol;   /* arithmetic: percentage points above 100 before shares are an error (1) */
	double outlier_z;   /* outlier: robust z (|x - median| / 1.4826 MAD) above which (3.5) */
	double outlier_rel; /* outlier: and at least this relative distance (0.25) */
	double alpha;       /* CATD: chi-square confidence level 1 - alpha (0.05) */
};
/* Fill o with the defaults above. */
void st_options_init(struct st_options *o);

/*
 * Check the claims of t against each other and estimate the consensus. fx
 * (may be NULL: no money conversion, no currency check) gives the reference
 * rates; docs (may be NULL) the documents' dates for currency pairs converted
 * at the rate of the day. r must be initialised; findings and consensus rows
 * are appended to it, findings in a stable order (kind, then fact, then
 * position in t). Returns 0; KZ_EINPUT with err filled only for unusable
 * options. Time O(n log n), memory linear in the claims.
 */
int st_check(const struct kz_table *t, const struct st_rates *fx, const struct st_docinfo *docs,
	     const struct st_options *o, struct st_result *r, struct kz_err *err);

/*
 * findings.csv: kind,severity,indicator,detail,subject,partner,year,unit,
 * values,claims,docs,rel_diff,explanation. values/claims/docs list the
 * finding's claims joined by " | " (values in each claim's own unit).
 */
void st_findings_write_csv(const struct st_result *r, const struct kz_table *t, FILE *f,
			   enum kz_csv_dialect d);
/*
 * consensus.csv: indicator,detail,subject,partner,year,unit,estimate,low,high,
 * claims,docs,method,weights (weights as "doc=0.62 | doc2=0.38").
 */
void st_consensus_write_csv(const struct st_result *r, const struct kz_table *t, FILE *f, enum kz_csv_dialect d);
/* A table a person can scan (kind, what, values, sources, why), then a one-line tally. With max
 * > 0 and more findings than that, the first max, then how many more `where` holds (findings.csv). */
void st_summary_write(const struct st_result *r, const struct kz_table *t, enum st_lang lang, size_t max,
		      const char *where, FILE *f);

#endif
