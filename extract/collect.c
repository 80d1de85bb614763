/*
 * collect.c: the documents under the paths given — files as given, folders
 * walked in sorted order. Each file and folder is visited once however many
 * links lead to it; a link back to a folder being walked is named as a loop;
 * only regular files are documents; an output folder of `kennzahl run` is
 * never input.
 */
#include "extract.h"
#include "load_int.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

void ex_paths_release(struct ex_paths *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->v[i]);
		free(p->rel[i]);
	}
	free(p->v);
	free(p->rel);
	memset(p, 0, sizeof(*p));
}

/* Append s and its relative name (may be NULL); rel grows with v. */
static void push_path_rel(struct ex_paths *p, const char *s, const char *rel)
{
	size_t alloc = p->alloc;

	KZ_GROW(p->v, p->alloc, p->n + 1);
	if (p->alloc != alloc)
		p->rel = kz_xrealloc(p->rel, p->alloc * sizeof(*p->rel));
	p->rel[p->n] = rel ? kz_xstrdup(rel) : NULL;
	p->v[p->n++] = kz_xstrdup(s);
}

static void push_path(struct ex_paths *p, const char *s)
{
	push_path_rel(p, s, NULL);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files and folders seen, by device and inode: an open-addressing hash set. */
struct file_id {
	dev_t dev;
	ino_t ino;
};
struct seen {
	struct file_id *v;
	size_t n, cap; /* cap is 0 or a power of two */
};

static size_t id_hash(struct file_id id, size_t cap)
{
	uint64_t h = (uint64_t)id.ino * 0x9E3779B97F4A7C15ull ^ (uint64_t)id.dev * 0xC2B2AE3D27D4EB4Full;
	return (size_t)(h ^ (h >> 29)) & (cap - 1);
}

/* Add id; 1 if it was new, 0 if seen before. (ino 0 never occurs for a real file: it marks a free slot.) */
static int seen_add(struct seen *s, struct file_id id)
{
	size_t i;

	if (2 * (s->n + 1) > s->cap) {
		struct seen g = {NULL, 0, s->cap ? 2 * s->cap : 64};
		g.v = kz_xcalloc(g.cap, sizeof(*g.v));
		for (i = 0; i < s->cap; i++)
			if (s->v[i].ino)
				seen_add(&g, s->v[i]);
		free(s->v);
		*s = g;
	}
	for (i = id_hash(id, s->cap); s->v[i].ino; i = (i + 1) & (s->cap - 1))
		if (s->v[i].ino == id.ino && s->v[i].dev == id.dev)
			return 0;
	s->v[i] = id;
	s->n++;
	return 1;
}

struct walk {
	struct ex_paths *out;
	struct ex_sources *src;
	ex_err_fn cb;
	void *arg;
	int *nbad, *worst;
	struct seen seen;       /* every file and folder visited */
	struct file_id up[65];  /* the folders being walked, outermost first */
	const char *up_path[65];
	int depth;
	size_t rootlen; /* length of the path given that is being walked: a document's name follows it */
};

static void bad(struct walk *w, int code, const char *path, const char *fmt, const char *detail)
{
	struct kz_err e;
	kz_err_set(&e, code, path, 0, fmt, detail);
	w->cb(&e, w->arg);
	(*w->nbad)++;
	if (code > *w->worst)
		*w->worst = code;
}

/* Does dir hold the mark `kennzahl run` leaves in its output folder? */
static int is_output_dir(const char *dir)
{
	char mark[4096];
	struct stat st;
	snprintf(mark, sizeof(mark), "%s/%s", dir, KZ_OUTDIR_MARK);
	return lstat(mark, &st) == 0 && S_ISREG(st.st_mode);
}

static void walk_path(struct walk *w, const char *path, const char *name, int given);

static void walk_dir(struct walk *w, const char *dir, struct file_id id)
{
	struct ex_paths names = {0};
	struct dirent *de;
	DIR *dp;
	size_t i, dl = strlen(dir);

	if (w->depth >= 64) {
		bad(w, KZ_EINPUT, dir, "%s", "folders nested too deep");
		return;
	}
	if (is_output_dir(dir)) {
		kz_warn("%s: an output folder of kennzahl run; not read as input", dir);
		return;
	}
	dp = opendir(dir);
	if (!dp) {
		bad(w, KZ_EIO, dir, "cannot read folder: %s", strerror(errno));
		return;
	}
	while ((de = readdir(dp)) != NULL) {
		/* hidden files (temporaries among them) and a folder's README are not documents */
		if (de->d_name[0] == '.' || !strncasecmp(de->d_name, "readme", 6))
			continue;
		push_path(&names, de->d_name);
	}
	closedir(dp);
	if (names.n)
		qsort(names.v, names.n, sizeof(*names.v), cmp_str);
	w->up[w->depth] = id;
	w->up_path[w->depth] = dir;
	w->depth++;
	for (i = 0; i < names.n; i++) {
		size_t fl = dl + strlen(names.v[i]) + 2;
		char *full = kz_xmalloc(fl);
		snprintf(full, fl, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", names.v[i]);
		walk_path(w, full, names.v[i], 0);
		free(full);
	}
	w->depth--;
	ex_paths_release(&names);
}

/* One path: a folder is walked, a document kept, a sources.csv read; given: named by the user. */
static void walk_path(struct walk *w, const char *path, const char *name, int given)
{
	struct stat st;
	struct file_id id;

	if (stat(path, &st) != 0) {
		struct stat lst;
		int e = errno;
		if (e == ELOOP)
			bad(w, KZ_EINPUT, path, "%s", "symbolic link loop");
		else if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
			bad(w, KZ_EINPUT, path, "%s", "broken symbolic link");
		else if (given)
			bad(w, e == ENOENT ? KZ_EINPUT : KZ_EIO, path, "%s", strerror(e));
		else
			bad(w, KZ_EIO, path, "cannot stat: %s", strerror(e));
		return;
	}
	id.dev = st.st_dev;
	id.ino = st.st_ino;
	if (S_ISDIR(st.st_mode)) {
		for (int k = 0; k < w->depth; k++)
			if (w->up[k].dev == id.dev && w->up[k].ino == id.ino) {
				/* a link back to a folder being walked: everything in it is read already */
				kz_warn("%s: symbolic link loop (back to %s); not followed", path, w->up_path[k]);
				return;
			}
		if (seen_add(&w->seen, id))
			walk_dir(w, path, id);
		return;
	}
	if (!given && !strcmp(name, "sources.csv")) {
		struct kz_err e;
		if (ex_sources_read(w->src, path, &e)) {
			w->cb(&e, w->arg);
			(*w->nbad)++;
			if (e.code > *w->worst)
				*w->worst = e.code;
		}
		return;
	}
	if (!given && !ex_loadable(path))
		return;
	if (!S_ISREG(st.st_mode)) {
		/* a FIFO would block, a device never end: only regular files are documents */
		bad(w, KZ_EINPUT, path, "%s", S_ISFIFO(st.st_mode)  ? "a FIFO, not a regular file; not read"
					     : S_ISCHR(st.st_mode) ? "a character device, not a regular file; not read"
								   : "not a regular file; not read");
		return;
	}
	if (!seen_add(&w->seen, id))
		return; /* the same file through another link: read once */
	if (given) {
		/* A sources.csv beside a file given by name applies to it too. */
		struct kz_err e;
		if (ex_sources_beside(w->src, path, &e))
			w->cb(&e, w->arg);
		push_path_rel(w->out, path, kz_path_base(path));
		return;
	}
	/* the name inside the folder given: what follows its path (the walk built path from it) */
	{
		const char *rel = path + w->rootlen;
		while (*rel == '/')
			rel++;
		push_path_rel(w->out, path, rel);
	}
}

void ex_collect(char **paths, int npaths, struct ex_paths *out, struct ex_sources *src,
		ex_err_fn err_cb, void *arg, int *nbad, int *worst)
{
	struct walk w;

	memset(&w, 0, sizeof(w));
	w.out = out;
	w.src = src;
	w.cb = err_cb;
	w.arg = arg;
	w.nbad = nbad;
	w.worst = worst;
	for (int i = 0; i < npaths; i++) {
		size_t before = out->n;
		struct stat st;
		w.rootlen = strlen(paths[i]);
		walk_path(&w, paths[i], paths[i], 1);
		if (out->n == before && stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode) && !is_output_dir(paths[i]))
			bad(&w, KZ_EINPUT, paths[i], "%s", "no documents in this folder (.txt, .md, .text, .html, .htm, .pdf)");
	}
	free(w.seen.v);
}

int ex_collect_load(struct ex_doc *d, const struct ex_paths *p, size_t k, const struct ex_sources *src,
		    char *raw, size_t len, struct kz_err *err)
{
	int rc;

	/* bytes above the text readers' limit are read again by the reader of the file, which says so */
	if (raw && len > EX_LOAD_MAX) {
		free(raw);
		raw = NULL;
	}
	rc = raw ? ex_doc_load_bytes(d, p->v[k], raw, len, err) : ex_doc_load(d, p->v[k], err);
	if (rc)
		return rc;
	free(d->name);
	d->name = kz_xstrdup(p->rel && p->rel[k] ? p->rel[k] : kz_path_base(p->v[k]));
	ex_sources_apply(src, d);
	return 0;
}
