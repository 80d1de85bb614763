/*
 * snapshot.c: the run's tables in the store, replaced in one transaction at the end of a run.
 *
 * Each table is made from the CSV the run wrote (claims.csv, findings.csv, …): its header gives the
 * column names, so the store speaks the contract's names exactly; the columns that hold numbers are
 * typed, empty cells of them are NULL. Then the views an analyst starts from and the full-text
 * index over the claims' sentences, and the cache loses the documents this run no longer saw.
 */
#include "store/store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The columns that hold numbers; every other column is text. */
static const struct {
	const char *table, *column, *type;
} typed[] = {
	{"claims", "page", "INTEGER"},	    {"claims", "start", "INTEGER"},	{"claims", "end", "INTEGER"},
	{"claims", "value", "REAL"},	    {"claims", "low", "REAL"},		{"claims", "high", "REAL"},
	{"findings", "rel_diff", "REAL"},   {"consensus", "estimate", "REAL"},	{"consensus", "low", "REAL"},
	{"consensus", "high", "REAL"},	    {"consensus", "claims", "INTEGER"}, {"consensus", "docs", "INTEGER"},
	{"documents", "pages", "INTEGER"},  {"documents", "claims", "INTEGER"}, {"corrections", "line", "INTEGER"},
};

static const char *type_of(const char *table, const char *col)
{
	for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++)
		if (!strcmp(typed[i].table, table) && !strcmp(typed[i].column, col))
			return typed[i].type;
	return "TEXT";
}

/* The views: the figures as facts (reported, core), the disputed facts, the errors found. */
static const char views_sql[] =
	"CREATE VIEW facts AS SELECT id, indicator, detail, subject, partner, year, value, unit, low, high,"
	" qualifier, source, publisher, published, quote, doc FROM claims WHERE status='reported' AND core='yes';\n"
	"CREATE VIEW disputed AS SELECT * FROM consensus WHERE state='disputed';\n"
	"CREATE VIEW errors AS SELECT * FROM findings WHERE severity='error';\n"
	"CREATE VIEW claims_by_source AS SELECT CASE WHEN source<>'' THEN source WHEN publisher<>'' THEN publisher"
	" ELSE doc END AS originator, count(*) AS claims, count(DISTINCT doc) AS documents FROM claims"
	" GROUP BY originator;\n";

static const char drop_sql[] =
	"DROP VIEW IF EXISTS facts; DROP VIEW IF EXISTS disputed; DROP VIEW IF EXISTS errors;"
	" DROP VIEW IF EXISTS claims_by_source; DROP TABLE IF EXISTS claims_fts;";

struct loader {
	struct kz_store *st;
	const char *table;
	sqlite3_stmt *ins;
	size_t ncols;
	int *numeric; /* per column: empty is NULL */
	struct kz_err *err;
};

static int quote_ident(struct kz_buf *b, const char *s)
{
	kz_buf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			kz_buf_addc(b, '"');
		kz_buf_addc(b, *s);
	}
	return kz_buf_addc(b, '"');
}

/* The header: the table created with these columns, the insert prepared. */
static int header(struct loader *l, char **f, size_t n)
{
	struct kz_buf b = KZ_BUF_INIT;
	int rc;

	kz_buf_adds(&b, "CREATE TABLE ");
	quote_ident(&b, l->table);
	kz_buf_adds(&b, "(");
	l->numeric = kz_xcalloc(n, sizeof *l->numeric);
	for (size_t i = 0; i < n; i++) {
		const char *type = type_of(l->table, f[i]);
		l->numeric[i] = strcmp(type, "TEXT") != 0;
		if (i)
			kz_buf_adds(&b, ", ");
		quote_ident(&b, f[i]);
		kz_buf_addf(&b, " %s", type);
	}
	kz_buf_adds(&b, ")");
	rc = st_exec(l->st, b.s, l->err);
	kz_buf_reset(&b);
	if (!rc) {
		kz_buf_adds(&b, "INSERT INTO ");
		quote_ident(&b, l->table);
		kz_buf_adds(&b, " VALUES(");
		for (size_t i = 0; i < n; i++)
			kz_buf_adds(&b, i ? ",?" : "?");
		kz_buf_adds(&b, ")");
		if (sqlite3_prepare_v2(l->st->db, b.s, -1, &l->ins, NULL) != SQLITE_OK)
			rc = st_sql_fail(l->st, KZ_EIO, l->err, "cannot fill the run's tables");
	}
	l->ncols = n;
	kz_buf_release(&b);
	return rc;
}

static int row(char **f, size_t n, long line, void *arg)
{
	struct loader *l = arg;

	(void)line;
	if (!l->ins)
		return header(l, f, n);
	if (n == 1 && !f[0][0])
		return 0;
	sqlite3_reset(l->ins);
	for (size_t i = 0; i < l->ncols; i++) {
		const char *v = i < n ? f[i] : "";
		if (l->numeric[i] && !*v)
			sqlite3_bind_null(l->ins, (int)i + 1);
		else
			sqlite3_bind_text(l->ins, (int)i + 1, v, -1, SQLITE_TRANSIENT);
	}
	if (sqlite3_step(l->ins) != SQLITE_DONE)
		return st_sql_fail(l->st, KZ_EIO, l->err, "cannot fill the run's tables");
	return 0;
}

static int load_table(struct kz_store *st, const struct kz_store_table *t, struct kz_err *err)
{
	struct loader l;
	char *sql = sqlite3_mprintf("DROP TABLE IF EXISTS \"%w\"", t->name);
	int rc = st_exec(st, sql, err);

	sqlite3_free(sql);
	if (rc)
		return rc;
	memset(&l, 0, sizeof l);
	l.st = st;
	l.table = t->name;
	l.err = err;
	rc = kz_csv_parse(t->csv, t->len, t->name, row, &l, NULL, err);
	if (!rc && !l.ins)
		rc = kz_err_set(err, KZ_EIO, st->path, 0, "%s: no header to make its table from", t->name);
	sqlite3_finalize(l.ins);
	free(l.numeric);
	return rc;
}

static int put_run(struct kz_store *st, const struct kz_store_run *r, struct kz_err *err)
{
	char *sql = sqlite3_mprintf(
		"DROP TABLE IF EXISTS run;"
		" CREATE TABLE run(started TEXT, finished TEXT, kennzahl TEXT, schema INTEGER, inputs TEXT,"
		" documents INTEGER, extracted INTEGER, reused INTEGER, claims INTEGER, findings INTEGER);"
		" INSERT INTO run VALUES(%Q, %Q, %Q, %d, %Q, %ld, %ld, %ld, %ld, %ld)",
		r->started, r->finished, r->version, KZ_STORE_SCHEMA, r->inputs, r->documents, r->extracted, r->reused,
		r->claims, r->findings);
	int rc = st_exec(st, sql, err);
	sqlite3_free(sql);
	return rc;
}

/* The cache keeps the documents of this run only. */
static int forget_unseen(struct kz_store *st, const char *const *keys, size_t n, struct kz_err *err)
{
	sqlite3_stmt *s;
	int rc = st_exec(st, "CREATE TEMP TABLE IF NOT EXISTS seen(key TEXT PRIMARY KEY); DELETE FROM seen", err);

	if (rc)
		return rc;
	if (sqlite3_prepare_v2(st->db, "INSERT OR IGNORE INTO seen VALUES(?)", -1, &s, NULL) != SQLITE_OK)
		return st_sql_fail(st, KZ_EIO, err, "cannot update the cache");
	for (size_t i = 0; i < n && !rc; i++) {
		if (!keys[i])
			continue;
		sqlite3_reset(s);
		sqlite3_bind_text(s, 1, keys[i], -1, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = st_sql_fail(st, KZ_EIO, err, "cannot update the cache");
	}
	sqlite3_finalize(s);
	return rc ? rc : st_exec(st, "DELETE FROM cache_documents WHERE key NOT IN (SELECT key FROM seen)", err);
}

int kz_store_snapshot(struct kz_store *st, const struct kz_store_table *tables, size_t ntables,
		      const struct kz_store_run *run, const char *const *keys, size_t nkeys, struct kz_err *err)
{
	int rc = st_commit_pending(st, err);

	if (!rc)
		rc = st_exec(st, "BEGIN IMMEDIATE", err);
	if (rc)
		return rc;
	rc = st_exec(st, drop_sql, err);
	for (size_t i = 0; !rc && i < ntables; i++)
		rc = load_table(st, &tables[i], err);
	if (!rc)
		rc = put_run(st, run, err);
	if (!rc)
		rc = forget_unseen(st, keys, nkeys, err);
	if (!rc)
		rc = st_exec(st, views_sql, err);
	/* the sentences searchable: SELECT id FROM claims_fts WHERE claims_fts MATCH 'Stationierung' */
	if (!rc)
		rc = st_exec(st,
			     "CREATE VIRTUAL TABLE claims_fts USING fts5(id UNINDEXED, sentence, quote, content='claims', content_rowid='rowid');"
			     " INSERT INTO claims_fts(claims_fts) VALUES('rebuild')",
			     err);
	if (!rc)
		return st_exec(st, "COMMIT", err);
	st_exec(st, "ROLLBACK", NULL);
	return rc;
}
