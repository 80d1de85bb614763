/* reports_int.h: internals of reports/ — the report model, pages, tables; not for use outside. */
#ifndef RP_REPORTS_INT_H
#define RP_REPORTS_INT_H

#include "reports.h"

/* One fact's best estimate for one year (from st_check's consensus, or a median per fact). */
struct rp_fact {
	enum kz_ind ind;
	const char *detail, *subject, *partner, *year, *unit;
	enum kz_status status; /* of its claims (one fact is of one status) */
	int disputed;          /* the claims' intervals share no range: no single estimate */
	double value, low, high; /* value: the estimate as printed, to the precision its claims state */
	double estimate;         /* the estimate itself (a chart draws its line there) */
	double step, scale;      /* what value is printed to (pl_fmt_stated); 0: not known */
	size_t ndocs, nclaims;
	const size_t *claims;
	int yr; /* numeric year for ordering, 0 when unknown */
};

/* One finding, pointing at claims of the table. */
struct rp_find {
	int kind; /* enum st_kind */
	int sev;  /* enum st_sev */
	enum kz_ind ind;
	const char *detail, *subject, *partner, *year, *unit;
	const size_t *claims;
	size_t nclaims;
	double rel;
	const char *expl;
};

/*
 * What the report shows, computed once: facts, findings, per-claim marks
 * (PL_F_* flags) and each claim's document number (1-based index into docs,
 * in the order sources are listed). Owns everything but t, docs and res.
 */
struct rp_model {
	const struct kz_table *t;
	struct rp_docs docs;  /* the documents cited, in order of first claim (copied) */
	int *docno;           /* per claim */
	int *flags;           /* per claim */
	unsigned char *cited; /* per claim: 1 when the sheet shows or cites it (the appendix lists these) */
	size_t ncited;
	struct rp_fact *facts;
	size_t nfacts, falloc;
	struct rp_find *finds;
	size_t nfinds, fdalloc;
	/* Definitions, so that no section compares every fact with every other: facts of one family
	 * (indicator, status, detail, subject, partner, unit and the kind of period, rp_year_width)
	 * share fam[i]; facts of one key (the same but the kind of period) share key[i], and
	 * keymax[key] is the latest year of any of them. famord lists the facts family by family,
	 * famstart[f] .. famstart[f + 1] those of family f, in the order of the facts. */
	size_t *fam, *key, nfam, nkey;
	int *keymax;
	size_t *famord, *famstart;
	int checked;          /* 1 when facts and findings come from st_check */
	enum pl_lang lang;
	struct kz_arena arena;
	size_t *pool;         /* fallback: claim indices grouped by fact */
	size_t *pairs, npairs; /* fallback: the two claims of each conflict */
};

void rp_model_build(struct rp_model *m, const struct kz_table *t, const struct rp_docs *docs,
		    const struct st_result *res, enum pl_lang lang);
void rp_model_release(struct rp_model *m);
/* Mark claim ci as shown or cited by the sheet (the appendix lists it); an index beyond the table
 * is ignored. */
void rp_model_cite(struct rp_model *m, size_t ci);

/*
 * The claims that state what a key figure or a bar shows of fact f, into out (room for 2): for a
 * disputed fact the least and the greatest figure (its span), else the figure nearest the
 * estimate (ties by table order); only figures in f's unit, else f's first claim. Returns how many.
 */
size_t rp_fact_evidence(const struct rp_model *m, const struct rp_fact *f, size_t *out);
/*
 * Up to k of f's claims, spread evenly over its figures in f's unit from the least to the greatest
 * (ties by table order; k = 1 gives the middle one), in table order, into out (room for k). A fact
 * of at most k claims gives all of them, in f's order. Claims in another unit only fill up when f
 * has fewer than k in its own. Returns how many.
 */
size_t rp_fact_pick(const struct rp_model *m, const struct rp_fact *f, size_t k, size_t *out);

/*
 * The precision a claim's quote states (stated.c): step is the place of its figure's last digit in
 * the claim's unit (0.1 for "40,0 Prozent", 1e4 for "rund 1,28 Mio. Soldaten"), scale the scale
 * word the quote writes (1e6, 0 for none). Returns 0, both 0, when the quote states no digits of
 * the claim's value (a figure in words, a corrected value).
 */
int rp_claim_stated(const struct kz_claim *c, double *step, double *scale);
/* A claim's value as its quote states it ("40,0 %", "1,28 Mio."), a fact's printed estimate. */
void rp_fmt_claim(char *dst, size_t n, const struct kz_claim *c, enum pl_lang lang);
void rp_fmt_fact(char *dst, size_t n, const struct rp_fact *f, enum pl_lang lang);
/* the fact's interval, rounded outwards like its figures (stated.c) */
void rp_fmt_interval(char *dst, size_t n, const struct rp_fact *f, enum pl_lang lang);
/* the least and greatest figure f's claims state in f's unit; 1 when all are in it (stated.c) */
int rp_fact_stated_span(const struct rp_model *m, const struct rp_fact *f, double *lo, double *hi);
/* a disputed fact's figures: the span its claims state, never a mean no source gave (stated.c) */
void rp_fmt_disputed(char *dst, size_t n, const struct rp_model *m, const struct rp_fact *f, enum pl_lang lang);
/* A claim's figure with its qualifier, in the words of rp_qual_word: "etwa 5.000", "mindestens
 * 25 %", a range as its ends ("11.000–12.000"); an exact figure as rp_fmt_claim. */
void rp_fmt_claim_qual(char *dst, size_t n, const struct kz_claim *c, enum pl_lang lang);
/* Set f's step and scale from its claims and round f->value to them: the figure a claim states as
 * it states it, else the finest step its claims state, finer while f's interval needs it to
 * contain the printed value. Call with value, low, high, claims and disputed set. */
void rp_fact_precision(const struct kz_table *t, struct rp_fact *f);

/* Names a reader understands. */
const char *rp_country(const char *code, enum pl_lang lang);
/* "US-Truppen in Südkorea", "Verteidigungshaushalt Japan" ... into dst. */
void rp_fact_name(char *dst, size_t n, enum kz_ind ind, const char *detail, const char *subject,
		  const char *partner, enum pl_lang lang);
const char *rp_qual_word(enum kz_qual q, enum pl_lang lang);
/* The qualifier as the claim's quote states it, in German its own words ("knapp", "mehr als",
 * data/qualifiers.tsv), in English a small step as one ("just under"); else rp_qual_word. */
const char *rp_qual_stated(const struct kz_claim *c, enum pl_lang lang);
/* What kind of statement a figure is, as the sheet names it: "Plan", "Ziel", "Forderung", "Grenze",
 * "Behauptung", "Prognose" ("plan", "target", …), "Angabe" ("reported") for a reported one. */
const char *rp_status_word(enum kz_status st, enum pl_lang lang);
/* Findings as the sheet groups them: check's kinds (enum st_kind), and a conflict check rates as
 * information — two figures of one text that disagree, most often two quantities taken for one —
 * as a group of its own, never shown as a conflict. */
#define RP_K_SAME_TEXT ST_K__N
/* 1 when all of f's claims come from one document. */
int rp_fact_one_text(const struct rp_model *m, const struct rp_fact *f);
int rp_find_kind(const struct rp_find *f);
const char *rp_kind_word(int kind, enum pl_lang lang, int plural);
/* Leading 4-digit year of "2020", "2016-2020" (the end), "1950s" (+5); 0 when none. */
int rp_year_num(const char *year);
/* The kind of period a year names: 0 one year, N a span of N years ("2016-2020": 4), 10 a decade
 * ("1950s"), -1 none. Figures of different widths are of different definitions. */
int rp_year_width(const char *year);
/* A claim's year as a reader reads it: "2016–2020", "1950er" ("1950s"), "–" when none. */
void rp_fmt_year(char *dst, size_t n, const char *year, enum pl_lang lang);
/* A document date ("2025-05-23", "2021-05", "2021") as a reader reads it: "23.05.2025",
 * "Mai 2021" ("23 May 2025", "May 2021"); "–" when empty, anything else as given. */
void rp_fmt_date(char *dst, size_t n, const char *date, enum pl_lang lang);
/* A sentence or quote without Markdown syntax, in a fresh string (caller frees): a table row's
 * bars become " · " between its cells, "**", "__" and backticks go, a link keeps its text, a
 * heading's "#" and a quotation's ">" at the start go. */
char *rp_plain(const char *s);
/* Short label of document number k: "[k] title" shortened. */
void rp_doc_label(const struct rp_model *m, int k, char *dst, size_t n);
/* A chart row's label for claim ci: "[5] NIS: title" (its originator, when the text names one). */
void rp_claim_label(const struct rp_model *m, size_t ci, char *dst, size_t n);

/* ---- pages ---- */

#define RP_PAGE_W 595.28
#define RP_PAGE_H 841.89
#define RP_ML 56.0
#define RP_MR 56.0
#define RP_MT 62.0
#define RP_MB 58.0
#define RP_TEXT_W (RP_PAGE_W - RP_ML - RP_MR)

#define RP_F_BODY "DejaVu Sans 8.5"
#define RP_F_SMALL "DejaVu Sans 7"
#define RP_F_H1 "DejaVu Sans Bold 17"
#define RP_F_H2 "DejaVu Sans Bold 12"
#define RP_F_H3 "DejaVu Sans Bold 9.5"
#define RP_F_TABLE "DejaVu Sans 7"
#define RP_F_TABLE_B "DejaVu Sans Bold 7"

/* A paged document: header and footer on each page, a cursor y, page breaks. */
struct rp_pages {
	cairo_t *cr;
	struct pl_ctx pc;
	double y;
	int page;
	char head[256], foot[256];
	const char *section; /* shown in the header */
};
void rp_pages_begin(struct rp_pages *p, cairo_t *cr, enum pl_lang lang, struct kz_buf *dump,
		    const char *head, const char *foot);
/* Finish the current page and start a new one. */
void rp_pages_break(struct rp_pages *p);
/* Break when h points do not fit below the cursor. Returns 1 if it broke. */
int rp_pages_need(struct rp_pages *p, double h);
void rp_pages_end(struct rp_pages *p);
/* A section heading (kept with need points of what follows). */
void rp_pages_heading(struct rp_pages *p, const char *text, const char *font, double need);
/* A paragraph of (markup) text across the text width. */
void rp_pages_para(struct rp_pages *p, const char *font, int markup, unsigned rgb, const char *text);

/* Tables that break across pages and repeat their header. */
struct rp_col {
	const char *head;
	double w;             /* points */
	enum pl_align align;
	int maxlines;         /* 0: unlimited */
};
struct rp_table {
	const struct rp_col *cols;
	int ncols;
	int zebra, row;
	PangoLayout *lay[16];    /* one layout per column: measured once, drawn as measured */
	const char *font[16];    /* the font each layout has */
};
void rp_table_begin(struct rp_pages *p, struct rp_table *t, const struct rp_col *cols, int ncols);
/* One row; cell i is Pango markup when bit i of markup is set. bold draws the row in bold. */
void rp_table_row(struct rp_pages *p, struct rp_table *t, const char *const *cells, unsigned markup,
		  int bold);
void rp_table_end(struct rp_table *t);
void rp_table_group(struct rp_pages *p, struct rp_table *t, const char *text);

/* ---- charts from the model ---- */

struct rp_charts {
	struct pl_chart *v;
	char **slug;
	size_t n, alloc;
	size_t *cite;         /* the claims the charts show or stand for (may repeat) */
	size_t ncite, citealloc;
};
void rp_charts_build(struct rp_charts *cs, const struct rp_model *m);
void rp_charts_release(struct rp_charts *cs);
/* Write every chart as SVG and PNG into dir (created if missing). */
int rp_charts_export(const struct rp_charts *cs, const char *dir, enum pl_lang lang,
		     struct kz_err *err);

/* Shorten s to at most max bytes on a character boundary, ending in "…" when cut. */
void rp_utf8_cut(char *s, size_t max);
/* Escape text for Pango markup into a fresh string (caller frees). */
char *rp_markup_escape(const char *s);

/* A cairo write function over a FILE that remembers why a write failed (errno; 0 = none), so a
 * full disk is named as such and not as cairo's "error while writing to output stream". */
struct rp_stream {
	FILE *f;
	int err;
};
cairo_status_t rp_stream_write(void *closure, const unsigned char *data, unsigned int len);
/* The message for a failed surface: the errno the stream saw, else cairo's status. */
const char *rp_stream_strerror(const struct rp_stream *st, cairo_status_t status);

/* The sheet's text in its language. */
static inline const char *rp_tr(enum pl_lang l, const char *de, const char *en)
{
	return l == PL_DE ? de : en;
}

/* The sections of evidence (evidence.c): the findings shown, most important first, and the
 * appendix of the statements the sheet shows or cites; the order findings are listed in. */
#define RP_NFIND_ORDER 7
extern const int rp_find_order[RP_NFIND_ORDER];
struct rp_pages;
void rp_findings(struct rp_pages *p, struct rp_model *m);
void rp_appendix(struct rp_pages *p, const struct rp_model *m);

#endif
