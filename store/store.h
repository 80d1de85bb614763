/*
 * store.h: OUTDIR/kennzahl.sqlite, the store that makes runs incremental and the archive queryable.
 *
 * Two parts (README "The store"): the extraction cache — each document's raw claims, keyed by its
 * real path and checked against its size, modification time, content hash, the sources.csv row it
 * gets and the build that extracted it — and the run's tables (claims, findings, consensus,
 * documents, corrections, run) under the contract's column names, with views and a full-text
 * index. The cache is written in transactions of many documents while a run extracts (a killed
 * run keeps what it committed); the run's tables are replaced in one transaction at its end, so a
 * reader sees the previous run or this one, never a mixture.
 */
#ifndef KZ_STORE_H
#define KZ_STORE_H

#include "core/claims.h"

#define KZ_STORE_FILE "kennzahl.sqlite"
#define KZ_STORE_SCHEMA 1 /* PRAGMA user_version of the layout store.c creates */

struct kz_store;

/* What the cache knows of one document (strings owned by the store, or by the caller of save). */
struct kz_store_entry {
	const char *key;          /* the real path */
	long long size, mtime_ns; /* mtime_ns -1: too fresh when stored to be trusted without a hash */
	char sha256[65];
	const char *srckey;       /* its name, path and sources.csv row (kz_store_srckey) */
	const char *diag;         /* what loading it said (a guessed encoding), said again when reused */
};

/* A document's metadata as extraction left it. */
struct kz_store_meta {
	char *title, *publisher, *date, *url;
	int year, pages;
};
void kz_store_meta_release(struct kz_store_meta *m);

/*
 * Open path, creating it; rebuild: start from an empty store. A store of another schema, a file
 * that is no SQLite database, or a cache made by another build (fingerprint) is said and started
 * afresh; path must be a regular file or new. 0, or KZ_E* with err filled.
 */
int kz_store_open(struct kz_store **out, const char *path, const char *fingerprint, int rebuild,
		  struct kz_err *err);
/* Commit what is pending and close; 0 or KZ_EIO. NULL is fine. */
int kz_store_close(struct kz_store *st, struct kz_err *err);

/* The cache entry of key, or NULL. Read-only: safe from many threads while nothing is saved. */
const struct kz_store_entry *kz_store_find(const struct kz_store *st, const char *key);
/* The claims (appended to t, each with doc set to doc) and metadata of a cached document. */
int kz_store_fetch(struct kz_store *st, const char *key, const char *doc, struct kz_table *t,
		   struct kz_store_meta *meta, struct kz_err *err);
/* Record a document just extracted with its raw claims t[from..]; batched into transactions of a
 * few hundred documents (and the rest at snapshot or close). */
int kz_store_save(struct kz_store *st, const struct kz_store_entry *e, const struct kz_store_meta *m,
		  const struct kz_table *t, size_t from, struct kz_err *err);
/* Commit what the cache holds so far (the extraction is done). */
int kz_store_flush(struct kz_store *st, struct kz_err *err);
/* A document found unchanged by its hash after its size or time changed: its new ones. */
int kz_store_touch(struct kz_store *st, const struct kz_store_entry *e, struct kz_err *err);

/* The srckey of a document (malloc'd): what decides its claims besides its content — its id file
 * name, its path as given, the citation its sources.csv row gives, the messages about that row —
 * as n fields (NULL as ""), joined by a unit separator. */
char *kz_store_srckey(const char *const *fields, size_t n);

/* One table of the run's snapshot: its name in the store and its CSV (header first). */
struct kz_store_table {
	const char *name;
	const char *csv;
	size_t len;
};
/* The run as a whole, the one row of its run table. */
struct kz_store_run {
	const char *started, *finished, *version, *inputs;
	long documents, extracted, reused, claims, findings;
};
/*
 * Replace the run's tables with these in one transaction, rebuild the views and the full-text
 * index, and drop the cache entries of documents this run did not see (keys, nkeys). 0 or KZ_E*.
 */
int kz_store_snapshot(struct kz_store *st, const struct kz_store_table *tables, size_t ntables,
		      const struct kz_store_run *run, const char *const *keys, size_t nkeys, struct kz_err *err);

#endif
