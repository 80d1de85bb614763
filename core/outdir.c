/*
 * outdir.c: the output folder of `kennzahl run`. The folder is marked first
 * (KZ_OUTDIR_MARK: a marked folder is never read as input), the previous
 * run's manifest is removed before anything is written, every output is
 * written atomically, and the manifest (manifest.csv: file,bytes,sha256) is
 * written last. So the files a manifest lists, with the sizes and hashes it
 * gives, are one run's outputs; a folder without a manifest holds an
 * interrupted run. Files the previous manifest listed and this run did not
 * write again (charts of an earlier --charts run) are removed at the end.
 */
#include "core.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MANIFEST "manifest.csv"

static void list_add(char ***v, size_t *n, const char *s)
{
	*v = kz_xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = kz_xstrdup(s);
}

static void list_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* A name the manifest may hold: relative, inside the folder, no odd bytes. */
static int safe_name(const char *s)
{
	if (!*s || *s == '/' || strstr(s, "..") || !strcmp(s, MANIFEST) || !strcmp(s, KZ_OUTDIR_MARK))
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == ',' || *s == '"')
			return 0;
	return 1;
}

/* The file names of dir's manifest (first column after the header); none when there is none. */
static void read_manifest(struct kz_outdir *od)
{
	char path[4096], *data = NULL, *line, *save = NULL;
	struct kz_err err;
	size_t len;

	snprintf(path, sizeof(path), "%s/%s", od->dir, MANIFEST);
	if (kz_read_file(path, 16u << 20, &data, &len, &err))
		return;
	for (line = strtok_r(data, "\r\n", &save); line; line = strtok_r(NULL, "\r\n", &save)) {
		char *comma = strchr(line, ',');
		if (comma)
			*comma = '\0';
		if (strcmp(line, "file") && safe_name(line))
			list_add(&od->old, &od->nold, line);
	}
	free(data);
}

int kz_outdir_begin(struct kz_outdir *od, const char *dir, struct kz_err *err)
{
	char path[4096];
	struct stat st;
	struct kz_out o;

	memset(od, 0, sizeof(*od));
	od->dir = kz_xstrdup(dir);
	if (mkdir(dir, 0777) && errno != EEXIST)
		return kz_err_set(err, KZ_EIO, dir, 0, "cannot create folder: %s", strerror(errno));
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return kz_err_set(err, KZ_EIO, dir, 0, "not a folder");
	snprintf(path, sizeof(path), "%s/%s", dir, KZ_OUTDIR_MARK);
	if (lstat(path, &st) != 0) {
		if (kz_out_open(&o, path, err))
			return KZ_EIO;
		fputs("This folder holds the outputs of kennzahl run; kennzahl never reads it as input.\n"
		      "manifest.csv lists the files of the last complete run, with their sizes and SHA-256.\n",
		      o.f);
		if (kz_out_commit(&o, err))
			return KZ_EIO;
	}
	read_manifest(od);
	snprintf(path, sizeof(path), "%s/%s", dir, MANIFEST);
	if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) && unlink(path) != 0)
		return kz_err_set(err, KZ_EIO, path, 0, "cannot remove the old manifest: %s", strerror(errno));
	return 0;
}

void kz_outdir_add(struct kz_outdir *od, const char *name)
{
	if (safe_name(name))
		list_add(&od->names, &od->n, name);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void kz_outdir_add_dir(struct kz_outdir *od, const char *sub, time_t since)
{
	char path[4096], **v = NULL;
	struct dirent *de;
	size_t n = 0;
	DIR *dp;

	snprintf(path, sizeof(path), "%s/%s", od->dir, sub);
	if (!(dp = opendir(path)))
		return;
	while ((de = readdir(dp)) != NULL) {
		char fp[4096 + 256];
		struct stat st;
		if (de->d_name[0] == '.')
			continue;
		snprintf(fp, sizeof(fp), "%s/%s", path, de->d_name);
		if (lstat(fp, &st) == 0 && S_ISREG(st.st_mode) && st.st_mtime >= since) {
			snprintf(fp, sizeof(fp), "%s/%s", sub, de->d_name);
			list_add(&v, &n, fp);
		}
	}
	closedir(dp);
	if (n)
		qsort(v, n, sizeof(*v), cmp_str);
	for (size_t i = 0; i < n; i++)
		kz_outdir_add(od, v[i]);
	list_free(v, n);
}

/* "bytes,sha256" of path into row; 0, or -1 when it cannot be read. */
static int describe(const char *path, char *row, size_t n)
{
	char hex[65];
	struct kz_err err;
	size_t len;

	if (kz_file_sha256(path, hex, &len, &err))
		return -1;
	snprintf(row, n, "%zu,%s", len, hex);
	return 0;
}

int kz_outdir_finish(struct kz_outdir *od, struct kz_err *err)
{
	char path[4096], row[128];
	struct kz_out o;
	size_t i, k;

	snprintf(path, sizeof(path), "%s/%s", od->dir, MANIFEST);
	if (kz_out_open(&o, path, err))
		return KZ_EIO;
	fputs("file,bytes,sha256\n", o.f);
	for (i = 0; i < od->n; i++) {
		char fp[4096];
		snprintf(fp, sizeof(fp), "%s/%s", od->dir, od->names[i]);
		if (describe(fp, row, sizeof(row))) {
			kz_out_abort(&o);
			return kz_err_set(err, KZ_EIO, fp, 0, "an output vanished before the manifest was written");
		}
		fprintf(o.f, "%s,%s\n", od->names[i], row);
	}
	if (kz_out_commit(&o, err))
		return KZ_EIO;
	/* what the previous run wrote and this one did not belongs to no run now */
	for (i = 0; i < od->nold; i++) {
		struct stat st;
		for (k = 0; k < od->n && strcmp(od->old[i], od->names[k]); k++)
			;
		snprintf(path, sizeof(path), "%s/%s", od->dir, od->old[i]);
		if (k == od->n && lstat(path, &st) == 0 && S_ISREG(st.st_mode))
			unlink(path);
	}
	return 0;
}

void kz_outdir_release(struct kz_outdir *od)
{
	list_free(od->names, od->n);
	list_free(od->old, od->nold);
	free(od->dir);
	memset(od, 0, sizeof(*od));
}
