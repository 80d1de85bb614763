/* reports.h: PDF fact sheets (and SVG/PNG charts) from a claims table, its sources and the check. */
#ifndef RP_REPORTS_H
#define RP_REPORTS_H

#include "core/claims.h"
#include "plots/plots.h"
#include "stats/stats.h"

/*
 * What a report knows about each document: the claims' doc path, the metadata
 * from sources.csv, the document itself or the claims table's citation
 * columns, and what became of it (documents.csv). Strings are copied into the
 * list's arena; empty strings when unknown.
 */
enum rp_doc_state { RP_DOC_OK, RP_DOC_NO_FIGURES, RP_DOC_BAD };
struct rp_doc {
	const char *path, *title, *publisher, *date, *url;
	const char *sha256;  /* of the file's bytes; "" when not computed or unreadable */
	const char *message; /* why the document is bad */
	int pages;           /* PDF pages, 0 when not paged */
	size_t nclaims;      /* figures read from it */
	enum rp_doc_state state;
};
struct rp_docs {
	struct rp_doc *v;
	size_t n, alloc;
	struct kz_arena arena;
	struct _GHashTable *by_path; /* path -> index + 1: finding a document is O(1) */
};
void rp_docs_init(struct rp_docs *d);
void rp_docs_release(struct rp_docs *d);
/* Add (or replace the citation of) the entry for path; NULL strings count as unknown. A new
 * entry is RP_DOC_OK with no claims. Returns the entry (valid until the next add). */
struct rp_doc *rp_docs_add(struct rp_docs *d, const char *path, const char *title, const char *publisher,
			   const char *date, const char *url);
/* A copy of s in the list's arena (for the entry's sha256 and message). */
const char *rp_docs_str(struct rp_docs *d, const char *s);
/* documents.csv: file,title,publisher,published,url,sha256,pages,claims,state,message. */
void rp_docs_write_csv(const struct rp_docs *d, FILE *f, enum kz_csv_dialect dialect);
const char *rp_doc_state_name(enum rp_doc_state s);
/* The entry for path, or NULL. */
const struct rp_doc *rp_docs_find(const struct rp_docs *d, const char *path);

/*
 * --select: "indicator=troops,subject=KR": claims must match every key named;
 * a key given twice matches either value. Keys: indicator, detail, subject,
 * partner, unit, year, doc. The spec string is copied.
 */
#define RP_SELECT_MAX 16
struct rp_select {
	char *buf;
	const char *key[RP_SELECT_MAX], *val[RP_SELECT_MAX];
	int n;
};
int rp_select_parse(struct rp_select *s, const char *spec, struct kz_err *err);
void rp_select_release(struct rp_select *s);
/* kz_table_filter callback: arg is a struct rp_select *. */
int rp_select_keep(const struct kz_claim *c, void *arg);

struct rp_options {
	const char *title;      /* NULL: a title from the corpus */
	enum pl_lang lang;
	const char *charts_dir; /* also write every chart as SVG and PNG here (NULL: no) */
	long long date;         /* generation time (Unix seconds): footer and PDF metadata */
	struct kz_buf *dump;    /* when non-NULL, the layout as text ("P n" per page, "T"/"C" lines) */
};
void rp_options_init(struct rp_options *o);

/*
 * Write the fact sheet for the claims of t to path (atomically; "-" is
 * stdout): summary with key figures per country, comparison charts, findings,
 * sources and an appendix with every claim. docs gives titles, publishers and
 * dates; res (may be NULL) is st_check's result for exactly t; without it the
 * key figures are medians per fact and conflicts are non-overlapping
 * intervals. Returns 0 or KZ_EIO/KZ_EINPUT with err filled.
 */
int rp_factsheet_write(const char *path, const struct kz_table *t, const struct rp_docs *docs,
		       const struct st_result *res, const struct rp_options *o,
		       struct kz_err *err);

/*
 * Write claims.xlsx to path (atomically): sheets claims, findings, consensus and documents, the
 * same tables as the CSV files, numbers as numbers, urls as links, header frozen, autofilter;
 * date (Unix seconds) is the workbook's creation date. A table longer than a sheet holds is
 * KZ_EINPUT and nothing is written. Returns 0 or KZ_E* with err filled.
 */
int rp_xlsx_write(const char *path, const struct kz_table *t, const struct st_result *res,
		  const struct rp_docs *docs, long long date, struct kz_err *err);

#endif
