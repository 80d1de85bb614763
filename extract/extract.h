/* extract.h: documents in, claims out — loaders, the German number grammar and attribution. */
#ifndef EX_EXTRACT_H
#define EX_EXTRACT_H

#include "core/claims.h"

/* Where a document's metadata came from, best first. */
enum ex_meta_src { EX_META_NONE, EX_META_GUESS, EX_META_DATELINE, EX_META_FILE, EX_META_SOURCES };

/* Metadata of one document; strings owned by the document (NULL when unknown). */
struct ex_meta {
	char *title, *publisher, *date, *url; /* date as YYYY, YYYY-MM or YYYY-MM-DD */
	int year;                             /* the document's year, 0 if unknown */
	enum ex_meta_src src;                 /* where date/year came from */
};

/*
 * A loaded document: its text as UTF-8 (NUL-terminated, owned), the byte
 * offset where each page starts (PDF input; npages 0 otherwise) and metadata.
 */
struct ex_doc {
	char *path;
	char *name; /* the path relative to the folder given (the file name for a file given): the
		     * <file> of each claim's id; NULL: the file name of path */
	char *text;
	size_t len;
	size_t *pages;
	size_t npages;
	struct ex_meta meta;
	int warned_cp1252; /* text was not UTF-8 and was read as Windows-1252 */
};

void ex_doc_init(struct ex_doc *d);
void ex_doc_release(struct ex_doc *d);
/* 1-based page of byte offset off, or 0 for unpaged documents. */
int ex_doc_page(const struct ex_doc *d, size_t off);

/*
 * Load path into d, choosing the loader by extension (.txt, .md, .text; .html,
 * .htm; .pdf). Returns 0, or KZ_EINPUT / KZ_EIO with err filled; d is then
 * released. A document is loaded whole; the largest document bounds memory.
 */
int ex_doc_load(struct ex_doc *d, const char *path, struct kz_err *err);

/* The same for a document already in memory (standard input), named name (its extension picks
 * the loader, messages name it); takes raw (malloc'd, with raw[len] == '\0' as kz_read_file
 * gives it) whatever the outcome. */
int ex_doc_load_bytes(struct ex_doc *d, const char *name, char *raw, size_t len, struct kz_err *err);

/* The loaders behind ex_doc_load (each fills text/len/pages and what metadata the file has), and
 * their forms for bytes in memory (which they take). */
int ex_load_text(struct ex_doc *d, const char *path, struct kz_err *err);
int ex_load_html(struct ex_doc *d, const char *path, struct kz_err *err);
int ex_load_pdf(struct ex_doc *d, const char *path, struct kz_err *err);
int ex_load_text_bytes(struct ex_doc *d, const char *path, char *raw, size_t len, struct kz_err *err);
int ex_load_html_bytes(struct ex_doc *d, const char *path, char *raw, size_t len, struct kz_err *err);
int ex_load_pdf_bytes(struct ex_doc *d, const char *path, char *raw, size_t len, struct kz_err *err);

/* Turn raw bytes into UTF-8 text: BOM, UTF-16 with BOM, Windows-1252 fallback. Returns
 * a new string (caller frees) and sets *cp1252 when the fallback was used; NULL with err
 * filled if the bytes are binary (NUL bytes in 8-bit text). */
char *ex_text_decode(const char *raw, size_t len, const char *path, size_t *outlen, int *cp1252,
		     struct kz_err *err);

/* A dateline or "Stand:" in the first lines of text: fills meta date/year when found. */
void ex_meta_from_dateline(struct ex_meta *m, const char *text, size_t len);
/* A plain text's title from its first line, when that line reads as one (dateline.c). */
void ex_meta_title_from_text(struct ex_meta *m, const char *text, size_t len);

/* sources.csv of a corpus folder: file,title,publisher,date,url. */
struct ex_source {
	char *file, *title, *publisher, *date, *url;
};
struct ex_sources {
	struct ex_source *v;
	size_t n, alloc;
	char **read; /* the sources.csv files read so far */
	size_t nread, aread;
};
void ex_sources_init(struct ex_sources *s);
void ex_sources_release(struct ex_sources *s);
/* Read path into s (appending; rows keep file relative to the folder of path); a file already
 * read is not read again. */
int ex_sources_read(struct ex_sources *s, const char *path, struct kz_err *err);
/* Read the sources.csv in the folder of the document at doc, when there is one. */
int ex_sources_beside(struct ex_sources *s, const char *doc, struct kz_err *err);
/* Apply the matching sources.csv row (by path relative to its folder, or by base name) to d. */
void ex_sources_apply(const struct ex_sources *s, struct ex_doc *d);

/* Lexicons (data/ TSV files built in, plus --lexicon files). Opaque. */
struct ex_lexicon;
struct ex_lexicon *ex_lexicon_new(void);
/* Add entries from a TSV file (first column names the kind: see data/README). */
int ex_lexicon_add_file(struct ex_lexicon *lx, const char *path, struct kz_err *err);
void ex_lexicon_free(struct ex_lexicon *lx);

struct ex_options {
	int core_only;
	/* When set, called between sentences once t holds many claims: it takes them (writes
	 * them out) and empties t (kz_table_clear), so memory stays bounded by the document
	 * whatever its density of figures. NULL: every claim stays in t. */
	void (*flush)(struct kz_table *t, void *arg);
	void *flush_arg;
};

/* Extract every claim of d into t, in text order (with o->flush, what is left of them after the
 * last flush). Never fails on text. */
void ex_extract(const struct ex_lexicon *lx, const struct ex_doc *d, const struct ex_options *o,
		struct kz_table *t);

/*
 * Collect the documents under the given paths: files as given, folders
 * recursively in sorted order, keeping loadable extensions (and claims CSVs
 * when want_csv). sources.csv files found in folders are read into src.
 * Unreadable paths are reported through err_cb and counted in *nbad.
 */
struct ex_paths {
	char **v;
	char **rel; /* rel[i]: v[i] relative to the folder given, or its file name when given itself */
	size_t n, alloc;
};
void ex_paths_release(struct ex_paths *p);
typedef void (*ex_err_fn)(const struct kz_err *err, void *arg);
void ex_collect(char **paths, int npaths, struct ex_paths *out, struct ex_sources *src,
		ex_err_fn err_cb, void *arg, int *nbad, int *worst);
/* Is path a document by its name (.txt, .md, .text, .html, .htm, .pdf)? */
int ex_loadable(const char *path);
/* Load the k-th collected document — from raw when its bytes were read already (taken, as
 * ex_doc_load_bytes takes them), else from its file — give it its relative name and apply its
 * sources.csv row: 0, or KZ_E* with err filled (nothing printed; the caller goes on). */
int ex_collect_load(struct ex_doc *d, const struct ex_paths *p, size_t k, const struct ex_sources *src,
		    char *raw, size_t len, struct kz_err *err);

/*
 * Many documents at once (batch.c): the collected documents loaded and extracted on jobs worker
 * threads and handed to done() one at a time, in collection order, on the calling thread, each
 * one's messages printed just before; the output does not depend on jobs. A document that cannot
 * be loaded comes with rc and err set (and is counted in nbad, worst) and never stops the
 * others. With jobs 1 all runs on the calling thread and eo.flush may stream a document's claims
 * (unless may_flush says no for it); with more, each document's claims stay in its item until
 * done() takes them, and at most 2 x jobs documents are in memory at once.
 */
#define EX_BATCH_MAX_JOBS 256
struct ex_batch_item {
	size_t k;          /* the document's index in paths */
	int rc;            /* 0: doc and t hold it and its claims; else err says why it was not read */
	struct kz_err err;
	struct ex_doc doc;
	struct kz_table t;
	int cached;        /* skip() took it: nothing was loaded or extracted */
	char sha256[65];   /* the content hash, when skip() computed it ("" otherwise) */
	char *raw;         /* the bytes skip() read to hash it, for the loader (or NULL) */
	size_t rawlen;
	struct kz_buf diag; /* what loading and extracting it said (printed before done()) */
	void *user;        /* skip() may leave something here for done() (which frees it) */
};
struct ex_batch {
	const struct ex_lexicon *lx;
	const struct ex_paths *paths;
	const struct ex_sources *src;
	struct ex_options eo;
	int jobs;
	/* called on a worker thread before document it->k is loaded (may be NULL): non-zero when the
	 * caller has the document's claims already (a store), which it then fetches in done() */
	int (*skip)(struct ex_batch_item *it, void *arg);
	int (*may_flush)(const struct ex_doc *d, void *arg);
	void (*done)(struct ex_batch_item *it, void *arg);
	void *arg;
	int nbad, worst; /* out: documents not read, the worst of their error codes */
};
void ex_batch_run(struct ex_batch *b);
/* The -j argument: NULL for the number of online processors; 0, or -1 when it is not 1..256. */
int ex_batch_jobs(const char *arg, int *jobs);

#endif
