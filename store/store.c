/*
 * store.c: opening the store — the file checked, the schema created or, when another version
 * made it, started afresh — and the extraction cache (index in memory, fetch, save, touch).
 * The run's tables are in snapshot.c.
 */
#include "store/store_int.h"

#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* How many documents one cache transaction holds, and for how long at most: few fsyncs, little
 * lost to a kill. */
#define SAVE_BATCH 256
#define SAVE_SECONDS 2

static const char schema_sql[] =
	"CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);\n"
	"CREATE TABLE IF NOT EXISTS cache_documents(\n"
	"  key TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, sha256 TEXT, srckey TEXT, diag TEXT,\n"
	"  title TEXT, publisher TEXT, published TEXT, url TEXT, year INTEGER, pages INTEGER,\n"
	"  nclaims INTEGER, claims_csv BLOB);\n";

int st_sql_fail(struct kz_store *st, int code, struct kz_err *err, const char *what)
{
	return kz_err_set(err, code, st->path, 0, "%s: %s", what, sqlite3_errmsg(st->db));
}

int st_exec(struct kz_store *st, const char *sql, struct kz_err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		kz_err_set(err, KZ_EIO, st->path, 0, "%s", msg ? msg : "sqlite error");
		sqlite3_free(msg);
		return KZ_EIO;
	}
	return 0;
}

int st_commit_pending(struct kz_store *st, struct kz_err *err)
{
	if (!st->in_tx)
		return 0;
	st->in_tx = 0;
	st->pending = 0;
	return st_exec(st, "COMMIT", err);
}

static void entry_free(void *p)
{
	struct kz_store_entry *e = p;
	free((char *)e->key);
	free((char *)e->srckey);
	free((char *)e->diag);
	free(e);
}

static char *col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);
	return kz_xstrdup(v ? (const char *)v : "");
}

/* The cache's index, read once: lookups from the worker threads touch no SQLite. */
static int load_index(struct kz_store *st, struct kz_err *err)
{
	sqlite3_stmt *s;
	int rc;

	st->index = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, entry_free);
	if (sqlite3_prepare_v2(st->db, "SELECT key, size, mtime_ns, sha256, srckey, diag FROM cache_documents", -1,
			       &s, NULL) != SQLITE_OK)
		return st_sql_fail(st, KZ_EIO, err, "cannot read the cache");
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct kz_store_entry *e = kz_xcalloc(1, sizeof *e);
		e->key = col_dup(s, 0);
		e->size = sqlite3_column_int64(s, 1);
		e->mtime_ns = sqlite3_column_int64(s, 2);
		snprintf(e->sha256, sizeof e->sha256, "%s", sqlite3_column_text(s, 3) ? (const char *)sqlite3_column_text(s, 3) : "");
		e->srckey = col_dup(s, 4);
		e->diag = col_dup(s, 5);
		g_hash_table_replace(st->index, (char *)e->key, e);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : st_sql_fail(st, KZ_EIO, err, "cannot read the cache");
}

static int user_version(struct kz_store *st, int *v)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
		return -1;
	rc = sqlite3_step(s);
	*v = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : -1;
}

static int tables_in(struct kz_store *st)
{
	sqlite3_stmt *s;
	int n = -1;

	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM sqlite_master", -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return n;
}

static void remove_store(const char *path)
{
	char j[4096];
	unlink(path);
	snprintf(j, sizeof j, "%s-journal", path);
	unlink(j);
}

/* Open path and make it a store of this schema: 0, 1 when it had to be started afresh (why in
 * *why), or -1 when SQLite cannot open it at all. */
static int open_db(struct kz_store *st, char *why, size_t nwhy)
{
	int v = 0, n;

	if (sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
		return -1;
	sqlite3_busy_timeout(st->db, 10000); /* a reader in the sqlite3 shell holds it a moment */
	if (user_version(st, &v) != 0 || (n = tables_in(st)) < 0) {
		snprintf(why, nwhy, "not a kennzahl store (%s)", sqlite3_errmsg(st->db));
		return 1;
	}
	if (v != 0 && v != KZ_STORE_SCHEMA) {
		snprintf(why, nwhy, "a store of schema %d, this kennzahl writes schema %d", v, KZ_STORE_SCHEMA);
		return 1;
	}
	if (v == 0 && n > 0) {
		snprintf(why, nwhy, "an SQLite database, but not a kennzahl store");
		return 1;
	}
	return 0;
}

int kz_store_open(struct kz_store **out, const char *path, const char *fingerprint, int rebuild,
		  struct kz_err *err)
{
	struct kz_store *st;
	struct stat sb;
	char why[600];
	int rc;

	*out = NULL;
	if (lstat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
		return kz_err_set(err, KZ_EINPUT, path, 0, "not a regular file; the store is not replaced");
	if (rebuild)
		remove_store(path);
	st = kz_xcalloc(1, sizeof *st);
	st->path = kz_xstrdup(path);
	rc = open_db(st, why, sizeof why);
	if (rc == 1) {
		/* never ours, or another version's: a cache can always be built again */
		kz_warn("%s: %s; starting a new store", path, why);
		sqlite3_close(st->db);
		st->db = NULL;
		remove_store(path);
		rc = open_db(st, why, sizeof why);
	}
	if (rc != 0) {
		kz_err_set(err, KZ_EIO, path, 0, "cannot open the store: %s", st->db ? sqlite3_errmsg(st->db) : "out of memory");
		sqlite3_close(st->db);
		free(st->path);
		free(st);
		return KZ_EIO;
	}
	rc = st_exec(st, "PRAGMA journal_mode=DELETE; PRAGMA synchronous=NORMAL; BEGIN IMMEDIATE", err);
	if (!rc)
		rc = st_exec(st, schema_sql, err);
	if (!rc) {
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA user_version=%d", KZ_STORE_SCHEMA);
		rc = st_exec(st, sql, err);
	}
	/* a cache another build or other lexicons made would give other claims: emptied */
	if (!rc) {
		sqlite3_stmt *s;
		const char *old = NULL;
		if (sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key='fingerprint'", -1, &s, NULL) == SQLITE_OK) {
			if (sqlite3_step(s) == SQLITE_ROW)
				old = (const char *)sqlite3_column_text(s, 0);
			if (old && strcmp(old, fingerprint))
				kz_warn("%s: made by another build of kennzahl or with other lexicons; every document is "
					"extracted again", path);
			if (!old || strcmp(old, fingerprint))
				st->stale = 1;
			sqlite3_finalize(s);
		}
		if (st->stale) {
			char *sql = sqlite3_mprintf("DELETE FROM cache_documents; INSERT OR REPLACE INTO meta VALUES('fingerprint', %Q)",
						    fingerprint);
			rc = st_exec(st, sql, err);
			sqlite3_free(sql);
		}
	}
	if (!rc)
		rc = st_exec(st, "COMMIT", err);
	if (!rc)
		rc = load_index(st, err);
	if (rc) {
		kz_store_close(st, NULL);
		return rc;
	}
	*out = st;
	return 0;
}

int kz_store_close(struct kz_store *st, struct kz_err *err)
{
	int rc = 0;

	if (!st)
		return 0;
	if (st->db)
		rc = st_commit_pending(st, err);
	sqlite3_finalize(st->save);
	sqlite3_finalize(st->fetch);
	sqlite3_finalize(st->touch);
	if (st->db && sqlite3_close(st->db) != SQLITE_OK && !rc)
		rc = kz_err_set(err, KZ_EIO, st->path, 0, "cannot close the store");
	if (st->index)
		g_hash_table_destroy(st->index);
	free(st->path);
	free(st);
	return rc;
}

const struct kz_store_entry *kz_store_find(const struct kz_store *st, const char *key)
{
	return st && key ? g_hash_table_lookup(st->index, key) : NULL;
}

void kz_store_meta_release(struct kz_store_meta *m)
{
	free(m->title);
	free(m->publisher);
	free(m->date);
	free(m->url);
	memset(m, 0, sizeof *m);
}

static char *col_or_null(sqlite3_stmt *s, int i)
{
	return sqlite3_column_type(s, i) == SQLITE_NULL ? NULL : col_dup(s, i);
}

int kz_store_fetch(struct kz_store *st, const char *key, const char *doc, struct kz_table *t,
		   struct kz_store_meta *meta, struct kz_err *err)
{
	sqlite3_stmt *s;
	size_t from = t->n;
	int rc;

	memset(meta, 0, sizeof *meta);
	if (!st->fetch &&
	    sqlite3_prepare_v2(st->db,
			       "SELECT title, publisher, published, url, year, pages, claims_csv FROM cache_documents WHERE key=?",
			       -1, &st->fetch, NULL) != SQLITE_OK)
		return st_sql_fail(st, KZ_EIO, err, "cannot read the cache");
	s = st->fetch;
	sqlite3_reset(s);
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_reset(s);
		return kz_err_set(err, KZ_EIO, st->path, 0, "%s: no longer in the store", key);
	}
	meta->title = col_or_null(s, 0);
	meta->publisher = col_or_null(s, 1);
	meta->date = col_or_null(s, 2);
	meta->url = col_or_null(s, 3);
	meta->year = sqlite3_column_int(s, 4);
	meta->pages = sqlite3_column_int(s, 5);
	rc = kz_claims_parse_csv(t, sqlite3_column_blob(s, 6), (size_t)sqlite3_column_bytes(s, 6), st->path,
				 NULL, NULL, err);
	sqlite3_reset(s);
	if (rc) {
		t->n = from;
		kz_store_meta_release(meta);
		return rc;
	}
	for (size_t i = from; i < t->n; i++) {
		t->v[i].doc = doc;
		t->v[i].line = 0;
	}
	return 0;
}

static void bind_opt(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

/* The cache's writes go in transactions of SAVE_BATCH documents. */
static int batch_begin(struct kz_store *st, struct kz_err *err)
{
	int rc;

	if (st->in_tx)
		return 0;
	if ((rc = st_exec(st, "BEGIN IMMEDIATE", err)) != 0)
		return rc;
	st->in_tx = 1;
	st->tx_started = time(NULL);
	return 0;
}

static int batch_step(struct kz_store *st, struct kz_err *err)
{
	/* by count, and by time: a slow document does not hold back what is done */
	if (++st->pending >= SAVE_BATCH || time(NULL) - st->tx_started >= SAVE_SECONDS)
		return st_commit_pending(st, err);
	return 0;
}

int kz_store_flush(struct kz_store *st, struct kz_err *err)
{
	return st ? st_commit_pending(st, err) : 0;
}

int kz_store_save(struct kz_store *st, const struct kz_store_entry *e, const struct kz_store_meta *m,
		  const struct kz_table *t, size_t from, struct kz_err *err)
{
	struct kz_table part;
	char *csv = NULL;
	size_t len = 0;
	FILE *f;
	int rc;

	if ((rc = batch_begin(st, err)) != 0)
		return rc;
	if (!st->save &&
	    sqlite3_prepare_v2(st->db,
			       "INSERT OR REPLACE INTO cache_documents(key, size, mtime_ns, sha256, srckey, diag, title,"
			       " publisher, published, url, year, pages, nclaims, claims_csv)"
			       " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
			       -1, &st->save, NULL) != SQLITE_OK)
		return st_sql_fail(st, KZ_EIO, err, "cannot write the cache");
	/* the document's claims as a claims table: the contract's own form, read back by its reader */
	part = *t;
	part.v = t->v + from;
	part.n = t->n - from;
	f = open_memstream(&csv, &len);
	if (!f)
		return kz_err_set(err, KZ_EIO, st->path, 0, "out of memory");
	kz_claims_write_csv(&part, f, KZ_CSV_PLAIN);
	fclose(f);
	sqlite3_reset(st->save);
	sqlite3_bind_text(st->save, 1, e->key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st->save, 2, e->size);
	sqlite3_bind_int64(st->save, 3, e->mtime_ns);
	sqlite3_bind_text(st->save, 4, e->sha256, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st->save, 5, e->srckey, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st->save, 6, e->diag ? e->diag : "", -1, SQLITE_TRANSIENT);
	bind_opt(st->save, 7, m->title);
	bind_opt(st->save, 8, m->publisher);
	bind_opt(st->save, 9, m->date);
	bind_opt(st->save, 10, m->url);
	sqlite3_bind_int(st->save, 11, m->year);
	sqlite3_bind_int(st->save, 12, m->pages);
	sqlite3_bind_int64(st->save, 13, (sqlite3_int64)part.n);
	sqlite3_bind_blob(st->save, 14, csv, (int)len, free);
	rc = sqlite3_step(st->save);
	sqlite3_clear_bindings(st->save);
	if (rc != SQLITE_DONE)
		return st_sql_fail(st, KZ_EIO, err, "cannot write the cache");
	return batch_step(st, err);
}

int kz_store_touch(struct kz_store *st, const struct kz_store_entry *e, struct kz_err *err)
{
	int rc = batch_begin(st, err);

	if (rc)
		return rc;
	if (!st->touch && sqlite3_prepare_v2(st->db, "UPDATE cache_documents SET size=?, mtime_ns=? WHERE key=?", -1,
					     &st->touch, NULL) != SQLITE_OK)
		return st_sql_fail(st, KZ_EIO, err, "cannot write the cache");
	sqlite3_reset(st->touch);
	sqlite3_bind_int64(st->touch, 1, e->size);
	sqlite3_bind_int64(st->touch, 2, e->mtime_ns);
	sqlite3_bind_text(st->touch, 3, e->key, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st->touch) != SQLITE_DONE)
		return st_sql_fail(st, KZ_EIO, err, "cannot write the cache");
	return batch_step(st, err);
}

char *kz_store_srckey(const char *const *fields, size_t n)
{
	struct kz_buf b = KZ_BUF_INIT;

	for (size_t i = 0; i < n; i++) {
		if (i)
			kz_buf_addc(&b, '\x1f');
		kz_buf_adds(&b, fields[i] ? fields[i] : "");
	}
	return kz_buf_detach(&b, NULL);
}
