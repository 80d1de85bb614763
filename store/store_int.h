/* store_int.h: what store.c and snapshot.c share. */
#ifndef KZ_STORE_INT_H
#define KZ_STORE_INT_H

#include "store/store.h"

#include <sqlite3.h>

struct kz_store {
	char *path;
	sqlite3 *db;
	struct _GHashTable *index; /* key -> struct kz_store_entry */
	sqlite3_stmt *save, *fetch, *touch; /* prepared once, used per document */
	int in_tx, pending; /* a cache transaction is open, with pending documents */
	long long tx_started;
	int stale;          /* the cache was made by another build: emptied */
};

/* Run sql (several statements); 0 or KZ_EIO with SQLite's message. */
int st_exec(struct kz_store *st, const char *sql, struct kz_err *err);
/* err from SQLite's last message: "what: message". */
int st_sql_fail(struct kz_store *st, int code, struct kz_err *err, const char *what);
/* Commit the open cache transaction, if any. */
int st_commit_pending(struct kz_store *st, struct kz_err *err);

#endif
