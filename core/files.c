/*
 * files.c: whole-file reads and safe output. Only regular files are read as
 * input, their size checked before a byte is read; only a regular file (or a
 * new name) is ever replaced by rename. A character device or FIFO at the
 * output path is written through, a symbolic link is followed to its target,
 * anything else is refused with a message. Temporaries are hidden files
 * (".NAME.kennzahl-tmp-XXXXXX") locked while their writer lives, so the next
 * writer of NAME removes what an interrupted run left.
 */
#include "core.h"

#include <dirent.h>
#include <glib.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#define TMP_TAG ".kennzahl-tmp-"
#define TMP_X "XXXXXX"

/* What a file that is not a regular file is, for messages. */
static const char *file_kind(mode_t m)
{
	if (S_ISDIR(m))
		return "a folder";
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISCHR(m))
		return "a character device";
	if (S_ISBLK(m))
		return "a block device";
	if (S_ISSOCK(m))
		return "a socket";
	return "not a regular file";
}

static int open_error(struct kz_err *err, const char *path, int e)
{
	if (e == ELOOP)
		return kz_err_set(err, KZ_EINPUT, path, 0, "symbolic link loop");
	return kz_err_set(err, e == ENOENT || e == ENOTDIR ? KZ_EINPUT : KZ_EIO, path, 0, "cannot open: %s",
			  strerror(e));
}

/* Read fd to its end into b (max caps it); 0, or the errno of a failed read, or EFBIG. Reads go
 * straight into b's room; only when it is full does a small read on the stack tell whether more
 * follows (a file of the size fstat gave fills b exactly and is not copied twice). */
static int read_all(int fd, struct kz_buf *b)
{
	char probe[4096];

	for (;;) {
		size_t room = b->alloc > b->len + 1 ? b->alloc - b->len - 1 : 0;
		char *to = room ? b->s + b->len : probe;
		ssize_t n = read(fd, to, room ? room : sizeof(probe));
		if (n == 0)
			return 0;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		if (room) {
			if (b->max && b->len + (size_t)n > b->max)
				return EFBIG;
			b->len += (size_t)n;
			b->s[b->len] = '\0';
		} else if (kz_buf_add(b, probe, (size_t)n) < 0) {
			return EFBIG;
		}
	}
}

int kz_open_read(const char *path, size_t max, int *fdp, size_t *size, struct kz_err *err)
{
	struct stat st;
	int fd, e;

	*size = 0;
	if (!strcmp(path, "-")) {
		fd = dup(STDIN_FILENO); /* a stream the user pipes in; only max bounds it */
		if (fd < 0)
			return kz_err_set(err, KZ_EIO, "stdin", 0, "cannot read: %s", strerror(errno));
		*fdp = fd;
		return 0;
	}
	/* O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return open_error(err, path, errno);
	if (fstat(fd, &st) != 0) {
		e = errno;
		close(fd);
		return kz_err_set(err, KZ_EIO, path, 0, "cannot stat: %s", strerror(e));
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return kz_err_set(err, KZ_EINPUT, path, 0, "%s, not a regular file; not read", file_kind(st.st_mode));
	}
	if (max && (unsigned long long)st.st_size > max) {
		close(fd);
		return kz_err_set(err, KZ_EINPUT, path, 0, "file larger than %zu bytes", max);
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	*fdp = fd;
	*size = st.st_size > 0 ? (size_t)st.st_size : 0;
	return 0;
}

ssize_t kz_read_some(int fd, void *buf, size_t n)
{
	ssize_t got;

	do
		got = read(fd, buf, n);
	while (got < 0 && errno == EINTR);
	return got;
}

int kz_read_file(const char *path, size_t max, char **out, size_t *len, struct kz_err *err)
{
	struct kz_buf b;
	size_t size;
	int fd, e, rc;

	if ((rc = kz_open_read(path, max, &fd, &size, err)) != 0)
		return rc;
	kz_buf_init(&b, max);
	if (size > 0)
		KZ_GROW(b.s, b.alloc, size + 1);
	e = read_all(fd, &b);
	close(fd);
	if (e) {
		kz_buf_release(&b);
		if (e == EFBIG) /* it grew while being read */
			return kz_err_set(err, KZ_EINPUT, path, 0, "file larger than %zu bytes", max);
		return kz_err_set(err, KZ_EIO, path, 0, "read error: %s", strerror(e));
	}
	*out = kz_buf_detach(&b, len);
	return 0;
}

/* dir and base name of path, split at the last '/' (dir "." when there is none). */
static void split_path(const char *path, char **dir, const char **base)
{
	const char *sl = strrchr(path, '/');
	if (!sl) {
		*dir = kz_xstrdup(".");
		*base = path;
	} else {
		*dir = kz_xstrndup(path, sl == path ? 1 : (size_t)(sl - path));
		*base = sl + 1;
	}
}

/* Is name a temporary of base: ".BASE.kennzahl-tmp-XXXXXX", or the older "BASE.tmpXXXXXX"? */
static int is_tmp_of(const char *name, const char *base)
{
	size_t bl = strlen(base), nl = strlen(name), tl = strlen(TMP_TAG), xl = strlen(TMP_X);

	if (nl == 1 + bl + tl + xl && name[0] == '.' && !strncmp(name + 1, base, bl) &&
	    !strncmp(name + 1 + bl, TMP_TAG, tl))
		return 1;
	return nl == bl + 4 + xl && !strncmp(name, base, bl) && !strncmp(name + bl, ".tmp", 4);
}

/*
 * Remove the temporaries beside path that an interrupted writer left: a
 * writer holds a lock on its temporary until it is renamed, so one whose lock
 * can be taken has no writer any more.
 */
void kz_out_sweep(const char *path)
{
	struct dirent *de;
	const char *base;
	char *dir;
	DIR *dp;

	split_path(path, &dir, &base);
	dp = *base ? opendir(dir) : NULL;
	while (dp && (de = readdir(dp)) != NULL) {
		struct stat st;
		int fd;
		if (!is_tmp_of(de->d_name, base))
			continue;
		fd = openat(dirfd(dp), de->d_name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0)
			continue;
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && flock(fd, LOCK_EX | LOCK_NB) == 0)
			unlinkat(dirfd(dp), de->d_name, 0);
		close(fd);
	}
	if (dp)
		closedir(dp);
	free(dir);
}

/* A locked temporary beside target; its fd, or -1 with errno set. */
static int open_tmp(const char *target, char **tmp)
{
	const char *base;
	char *dir;
	size_t n;

	split_path(target, &dir, &base);
	n = strlen(dir) + strlen(base) + strlen(TMP_TAG) + strlen(TMP_X) + 4;
	*tmp = kz_xmalloc(n);
	for (int tries = 0; tries < 8; tries++) {
		struct stat a, b;
		int fd;
		snprintf(*tmp, n, "%s/.%s%s%s", dir, base, TMP_TAG, TMP_X);
		fd = mkstemp(*tmp);
		if (fd < 0)
			break;
		/* another run's sweep may take the file between mkstemp and flock: then try a new name */
		if (flock(fd, LOCK_EX) == 0 && fstat(fd, &a) == 0 && stat(*tmp, &b) == 0 && a.st_ino == b.st_ino &&
		    a.st_dev == b.st_dev) {
			free(dir);
			fcntl(fd, F_SETFD, FD_CLOEXEC);
			fchmod(fd, 0644);
			return fd;
		}
		close(fd);
	}
	free(dir);
	free(*tmp);
	*tmp = NULL;
	return -1;
}

#define OUT_BUF (256u << 10)

static void out_clear(struct kz_out *o)
{
	free(o->path);
	free(o->tmp);
	free(o->buf); /* f is closed or was never opened */
	o->f = NULL;
	o->path = o->tmp = NULL;
	o->buf = NULL;
	o->direct = 0;
}

int kz_out_open(struct kz_out *o, const char *path, struct kz_err *err)
{
	char *target = NULL;
	struct stat st;
	int fd, e, exists = 1;

	o->f = NULL;
	o->path = o->tmp = NULL;
	o->buf = NULL;
	o->direct = 0;
	if (!path || !strcmp(path, "-")) {
		o->f = stdout;
		return 0;
	}
	if (lstat(path, &st) != 0) {
		if (errno != ENOENT)
			return kz_err_set(err, KZ_EIO, path, 0, "cannot create: %s", strerror(errno));
		target = kz_xstrdup(path); /* a new name */
		exists = 0;
	} else if (S_ISLNK(st.st_mode)) {
		/* write to what the link points to, keeping the link */
		target = realpath(path, NULL);
		if (!target || stat(target, &st) != 0) {
			e = errno;
			free(target);
			return kz_err_set(err, KZ_EIO, path, 0, "%s; not replaced",
					  e == ELOOP ? "symbolic link loop" : "symbolic link to a missing file");
		}
	} else {
		target = kz_xstrdup(path);
	}
	o->path = target;
	if (exists && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) {
		/* a device or FIFO is written through: it cannot be replaced, and must not be;
		 * O_NONBLOCK: a FIFO nobody reads is refused instead of waited on */
		fd = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
		if (fd >= 0)
			fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
		if (fd < 0 || !(o->f = fdopen(fd, "wb"))) {
			e = errno;
			if (fd >= 0)
				close(fd);
			if (e == ENXIO && S_ISFIFO(st.st_mode))
				kz_err_set(err, KZ_EIO, path, 0, "a FIFO that nobody reads; not written");
			else
				kz_err_set(err, KZ_EIO, path, 0, "cannot open: %s", strerror(e));
			out_clear(o);
			return KZ_EIO;
		}
		o->direct = 1;
		return 0;
	}
	if (exists && !S_ISREG(st.st_mode)) {
		kz_err_set(err, KZ_EIO, path, 0, "%s; kennzahl replaces only regular files", file_kind(st.st_mode));
		out_clear(o);
		return KZ_EIO;
	}
	kz_out_sweep(target);
	fd = open_tmp(target, &o->tmp);
	if (fd < 0 || !(o->f = fdopen(fd, "wb"))) {
		e = errno;
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		kz_err_set(err, KZ_EIO, path, 0, "cannot create: %s", strerror(e));
		out_clear(o);
		return KZ_EIO;
	}
	/* a table of tens of megabytes goes out in writes of OUT_BUF bytes, not of a disk block */
	o->buf = kz_xmalloc(OUT_BUF);
	setvbuf(o->f, o->buf, _IOFBF, OUT_BUF);
	return 0;
}

/* Flush and close o->f: 0, or the errno of the first failure (ENOSPC named when the disk is full). */
static int out_close(struct kz_out *o)
{
	int e = 0, had = ferror(o->f);

	if (fflush(o->f) != 0)
		e = errno;
	else if (had) {
		/* an earlier buffered write failed and its errno is gone: say when the disk is full */
		struct statvfs vs;
		e = fstatvfs(fileno(o->f), &vs) == 0 && vs.f_bavail == 0 ? ENOSPC : EIO;
	}
	if (fclose(o->f) != 0 && !e)
		e = errno;
	o->f = NULL;
	return e;
}

int kz_out_commit(struct kz_out *o, struct kz_err *err)
{
	int e;

	if (!o->tmp && !o->direct) {
		if (fflush(o->f) != 0 || ferror(o->f))
			return kz_err_set(err, KZ_EIO, "stdout", 0, "write error: %s", strerror(errno));
		return 0;
	}
	e = out_close(o);
	if (!e && o->tmp && rename(o->tmp, o->path) != 0)
		e = errno;
	if (e) {
		if (o->tmp)
			unlink(o->tmp);
		kz_err_set(err, KZ_EIO, o->path, 0, "cannot write: %s", strerror(e));
		out_clear(o);
		return KZ_EIO;
	}
	out_clear(o);
	return 0;
}

void kz_out_abort(struct kz_out *o)
{
	if (o->tmp || o->direct) {
		if (o->f)
			fclose(o->f);
		if (o->tmp)
			unlink(o->tmp);
	}
	out_clear(o);
}

void kz_sha256(const void *data, size_t len, char hex[65])
{
	GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);

	g_checksum_update(ck, (const guchar *)data, (gssize)len);
	snprintf(hex, 65, "%s", g_checksum_get_string(ck));
	g_checksum_free(ck);
}

void kz_sha256_digest(const void *data, size_t len, unsigned char out[32])
{
	GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);
	gsize dlen = 32;

	g_checksum_update(ck, (const guchar *)data, (gssize)len);
	g_checksum_get_digest(ck, out, &dlen);
	g_checksum_free(ck);
}

int kz_file_sha256(const char *path, char hex[65], size_t *bytes, struct kz_err *err)
{
	char *data = NULL;
	size_t len;
	int rc = kz_read_file(path, 0, &data, &len, err);

	if (rc)
		return rc;
	kz_sha256(data, len, hex);
	free(data);
	if (bytes)
		*bytes = len;
	return 0;
}
