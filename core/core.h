/* core.h: allocation, growable buffers, arenas, errors and exit codes shared by every module. */
#ifndef KZ_CORE_H
#define KZ_CORE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>

/* Exit statuses, one enum for the whole program (STYLE.md rule 8). */
enum kz_exit {
	KZ_EXIT_OK = 0,
	KZ_EXIT_FINDINGS = 1, /* findings found that --fail-on names */
	KZ_EXIT_USAGE = 2,
	KZ_EXIT_INPUT = 3, /* bad input: unreadable document, broken CSV */
	KZ_EXIT_SYSTEM = 4 /* I/O or system error */
};

/* Error codes returned by fallible functions (0 = success). */
enum kz_errcode { KZ_OK = 0, KZ_EINPUT = 3, KZ_EIO = 4 };

/* A caller-supplied error record: fallible functions fill it, cmd_*.c print it. */
struct kz_err {
	int code;      /* KZ_EINPUT or KZ_EIO */
	char file[512];
	long line;     /* 0 when unknown */
	char msg[512];
};

/* Fill err (file may be NULL) and return code. */
int kz_err_set(struct kz_err *err, int code, const char *file, long line, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;
/* Print "kennzahl: file:line: msg" to stderr. */
void kz_err_print(const struct kz_err *err);
/* Print "kennzahl: " + formatted message to stderr. */
void kz_warn(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/* Send this thread's kz_err_print and kz_warn output to b (NULL: stderr again) and return the
 * previous sink: a worker thread keeps a document's messages so they are printed in document
 * order. */
struct kz_buf;
struct kz_buf *kz_diag_capture(struct kz_buf *b);
/* Messages already formatted (a document's, kept from an earlier run) to the same place. */
void kz_diag_puts(const char *s);

/* Allocation wrappers: print and abort on out-of-memory, never return NULL. */
void *kz_xmalloc(size_t n);
void *kz_xcalloc(size_t n, size_t size);
void *kz_xrealloc(void *p, size_t n);
char *kz_xstrdup(const char *s);
char *kz_xstrndup(const char *s, size_t n);
/* Grow *v (of *alloc elements of size sz) so it holds at least need elements. */
void kz_grow(void **v, size_t *alloc, size_t need, size_t sz);
/* The same, the test for room inline (it holds most of the time); need and alloc are read twice. */
#define KZ_GROW(v, alloc, need) \
	((need) > (alloc) ? kz_grow((void **)&(v), &(alloc), (need), sizeof(*(v))) : (void)0)

/*
 * A growable byte buffer, always NUL-terminated. max (0 = unlimited) caps its
 * length: kz_buf_add returns -1 and leaves the buffer unchanged when an append
 * would exceed it, so input cannot make a buffer grow without bound.
 */
struct kz_buf {
	char *s;
	size_t len, alloc, max;
};
#define KZ_BUF_INIT {NULL, 0, 0, 0}
void kz_buf_init(struct kz_buf *b, size_t max);
void kz_buf_release(struct kz_buf *b);
void kz_buf_reset(struct kz_buf *b);
int kz_buf_add(struct kz_buf *b, const void *p, size_t n);
/* Inline: the writers of findings and consensus rows add millions of short pieces. */
static inline int kz_buf_addc(struct kz_buf *b, int c)
{
	char ch = (char)c;
	if (!b->max && b->len + 2 <= b->alloc) {
		b->s[b->len++] = ch;
		b->s[b->len] = '\0';
		return 0;
	}
	return kz_buf_add(b, &ch, 1);
}
static inline int kz_buf_adds(struct kz_buf *b, const char *s)
{
	return kz_buf_add(b, s, strlen(s));
}
int kz_buf_addf(struct kz_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/* Take the string out of the buffer (caller frees); the buffer is left empty. */
char *kz_buf_detach(struct kz_buf *b, size_t *len);

/* An arena of strings released at once (the claims table keeps its strings here). */
struct kz_arena {
	struct kz_arena_block *head;
};
void kz_arena_init(struct kz_arena *a);
void kz_arena_release(struct kz_arena *a);
/* Move every copy of from into a (from is empty after; what it held lives as long as a). */
void kz_arena_adopt(struct kz_arena *a, struct kz_arena *from);
/* Copy n bytes of s plus a NUL into the arena; returns the copy. */
const char *kz_arena_strndup(struct kz_arena *a, const char *s, size_t n);
const char *kz_arena_strdup(struct kz_arena *a, const char *s);

/*
 * Read a whole regular file (max bytes; 0 = unlimited; "-" reads stdin). A FIFO,
 * device or folder is refused without reading, and so is a file over max.
 * Returns 0 or KZ_E* with err filled.
 */
int kz_read_file(const char *path, size_t max, char **out, size_t *len, struct kz_err *err);
/* The same file opened to be read in pieces, with the same checks: a descriptor the caller
 * closes and the size fstat gave (0 for stdin), or KZ_E* with err filled. */
int kz_open_read(const char *path, size_t max, int *fd, size_t *size, struct kz_err *err);
/* read(2) again after an interruption by a signal: bytes read, 0 at the end, -1 (errno). */
ssize_t kz_read_some(int fd, void *buf, size_t n);

/* The SHA-256 of len bytes as 64 hex digits (hex holds 65 bytes). */
void kz_sha256(const void *data, size_t len, char hex[65]);
/* The SHA-256 of a regular file's bytes as 64 hex digits (hex holds 65 bytes) and its size:
 * 0, or KZ_E* with err filled when it cannot be read. */
int kz_file_sha256(const char *path, char hex[65], size_t *bytes, struct kz_err *err);

/*
 * Safe output (files.c): kz_out_open opens a locked hidden temporary beside
 * path ("-" or NULL means stdout); kz_out_commit flushes, closes and renames
 * it over path; kz_out_abort removes it. An output file is never left
 * half-written, and only a regular file or a new name is ever replaced: a
 * symbolic link is followed (the link stays), a character device or FIFO is
 * written through (direct), any other kind of file is refused.
 */
struct kz_out {
	FILE *f;
	char *path, *tmp;
	int direct;
	char *buf; /* f's buffer when kennzahl gave it one (a file it replaces) */
};
int kz_out_open(struct kz_out *o, const char *path, struct kz_err *err);
int kz_out_commit(struct kz_out *o, struct kz_err *err);
void kz_out_abort(struct kz_out *o);
/* Remove the temporaries an interrupted writer of path left beside it (kz_out_open does it too). */
void kz_out_sweep(const char *path);

/* The file `kennzahl run` puts in its output folder first: a folder holding it is never input. */
#define KZ_OUTDIR_MARK ".kennzahl-output"

/*
 * The output folder of `kennzahl run` (outdir.c): begin marks it and removes
 * the previous manifest; add records an output written into it (a name
 * relative to the folder); add_dir records the files of a subfolder written
 * since a time; finish writes manifest.csv (file,bytes,sha256) last and
 * removes what the previous manifest listed and this run did not write.
 */
struct kz_outdir {
	char *dir;
	char **names, **old;
	size_t n, nold;
};
int kz_outdir_begin(struct kz_outdir *od, const char *dir, struct kz_err *err);
void kz_outdir_add(struct kz_outdir *od, const char *name);
void kz_outdir_add_dir(struct kz_outdir *od, const char *sub, time_t since);
int kz_outdir_finish(struct kz_outdir *od, struct kz_err *err);
void kz_outdir_release(struct kz_outdir *od);

/*
 * A number too large for a reader to count its digits (magnitude 1e15 or more), in short
 * scientific form with three significant digits: "1,23·10¹⁸" (decimal ','), "−5·10²⁰";
 * a non-finite one as "∞", "−∞" or "–". Returns 1 when it wrote dst, 0 (dst untouched)
 * when v is small enough for ordinary digits.
 */
#define KZ_HUGE 1e15
int kz_fmt_huge(char *dst, size_t n, double v, char decimal);
/* Number formatting without the locale: '.' or ',' decimal, shortest round-trip form. */
void kz_fmt_double(char *dst, size_t n, double v, char decimal);
/*
 * The largest magnitude a number read from any input may have (and the
 * smallest one other than zero): no figure in a text comes near 10^40, and
 * products, squares and currency conversions of such numbers stay finite.
 */
#define KZ_NUM_MAX 1e40
/* Is v finite and 0 or of a magnitude within [1 / KZ_NUM_MAX, KZ_NUM_MAX]? */
int kz_num_ok(double v);
/*
 * Parse a number written with '.' or ',' as decimal separator (no grouping).
 * Returns 0 on success, KZ_NUM_SYNTAX when s is not a number, KZ_NUM_RANGE
 * when it is one but not kz_num_ok (1e400, 1e-400, 1e50): every reader of
 * numbers goes through here, so none lets an infinite or overflowing value in.
 */
enum { KZ_NUM_SYNTAX = -1, KZ_NUM_RANGE = -2 };
int kz_parse_double(const char *s, double *out);
/* The reason for a kz_parse_double failure, for messages: "not a number", "out of range …". */
const char *kz_num_strerror(int rc);

/* The words of a claim's detail (data/details.tsv): "procurement" is "Beschaffung", or
 * "procurement" in English; a detail not in the vocabulary with its underscores as spaces; a
 * "_per_year" ending as "pro Jahr" / "a year". Into dst; returns dst. */
const char *kz_detail_words(char *dst, size_t n, const char *detail, int english);
/* The length of a detail's base, without its "_part" and "_per_year" endings
 * ("host_nation_support_per_year": "host_nation_support"); *yearly and *parted (either may be
 * NULL) say which it had. */
size_t kz_detail_base(const char *detail, int *yearly, int *parted);

/* The SHA-256 digest of the len bytes at data into out, as kz_sha256 hashes them (files.c, GLib). */
void kz_sha256_digest(const void *data, size_t len, unsigned char out[32]);

#endif
