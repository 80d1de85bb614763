/* test_grammar.c: runs the grammar case files (tests/extract, *.test) through the extractor. */
#include "extract/extract.h"
#include "t.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * File format (one or more cases, separated by a line "%%"):
 *   %%YEAR 2025          optional: the document's year (as from a dateline)
 *   %%DATE 2025-01-14    optional: the document's date (as from sources.csv), and so its year
 *   %%NOCLAIM            optional: the text must yield no claim at all
 *   German text, one or more lines
 *   .                    a line with a single dot ends the text
 *   value unit qualifier indicator subject partner year [low high] [detail=D] [status=S] [source=N]
 *                        one line per claim, in order; "-" for an empty field, "*" for "do not check";
 *                        in source=N a "_" stands for a space
 */

static struct ex_lexicon *lx;
static int cases;

static int field_ok(const char *want, const char *got)
{
	if (!strcmp(want, "*"))
		return 1;
	if (!strcmp(want, "-"))
		return got[0] == '\0';
	return !strcmp(want, got);
}

static int num_ok(const char *want, double got)
{
	double w;
	if (!strcmp(want, "*"))
		return 1;
	if (kz_parse_double(want, &w))
		return 0;
	return fabs(w - got) <= 1e-6 * (fabs(w) > 1 ? fabs(w) : 1);
}

static void run_case(const char *file, int line, const char *text, int year, const char *date, int noclaim,
		     char **exp, int nexp)
{
	struct ex_doc d;
	struct kz_table t;
	int i, ok = 1;

	cases++;
	ex_doc_init(&d);
	d.path = kz_xstrdup("case");
	d.text = kz_xstrdup(text);
	d.len = strlen(text);
	if (year) {
		d.meta.year = year;
		d.meta.src = EX_META_DATELINE;
	}
	if (date[0]) {
		d.meta.date = kz_xstrdup(date);
		d.meta.year = (int)strtol(date, NULL, 10);
		d.meta.src = EX_META_SOURCES;
	}
	kz_table_init(&t);
	ex_extract(lx, &d, NULL, &t);
	if (noclaim) {
		if (t.n) {
			ok = 0;
			fprintf(stderr, "%s:%d: expected no claim, got %zu (first: '%s')\n", file, line, t.n,
				t.v[0].quote);
		}
	} else if ((int)t.n != nexp) {
		ok = 0;
		fprintf(stderr, "%s:%d: expected %d claims, got %zu\n", file, line, nexp, t.n);
		for (size_t k = 0; k < t.n; k++)
			fprintf(stderr, "    got: %g %s %s %s %s %s %s  '%s'\n", t.v[k].value, t.v[k].unit,
				kz_qual_name(t.v[k].qual), kz_ind_name(t.v[k].ind), t.v[k].subject,
				t.v[k].partner, t.v[k].year, t.v[k].quote);
	} else {
		for (i = 0; i < nexp; i++) {
			char buf[512], *f[10];
			int nf = 0;
			const struct kz_claim *c = &t.v[i];
			snprintf(buf, sizeof(buf), "%s", exp[i]);
			for (char *tok = strtok(buf, " \t"); tok && nf < 10; tok = strtok(NULL, " \t"))
				f[nf++] = tok;
			if (nf < 7) {
				fprintf(stderr, "%s:%d: expected row needs 7 fields: %s\n", file, line, exp[i]);
				ok = 0;
				continue;
			}
			/* optional: "detail=X", "status=X", "source=X" ('_' for a space, '-' for empty)
			 * anywhere after the seven fields; two numbers are low high */
			const char *detail = NULL, *status = NULL;
			char source[64] = "", *src = NULL;
			for (int k = 7; k < nf; k++) {
				const char **slot = !strncmp(f[k], "detail=", 7)   ? &detail
						    : !strncmp(f[k], "status=", 7) ? &status
										    : NULL;
				if (!slot && strncmp(f[k], "source=", 7))
					continue;
				if (slot) {
					*slot = f[k] + 7;
				} else {
					snprintf(source, sizeof(source), "%s", f[k] + 7);
					for (char *u = source; *u; u++)
						if (*u == '_')
							*u = ' ';
					src = source;
				}
				for (int m = k; m + 1 < nf; m++)
					f[m] = f[m + 1];
				nf--;
				k--;
			}
			if (!num_ok(f[0], c->value) || !field_ok(f[1], c->unit) ||
			    !field_ok(f[2], kz_qual_name(c->qual)) || !field_ok(f[3], kz_ind_name(c->ind)) ||
			    !field_ok(f[4], c->subject) || !field_ok(f[5], c->partner) ||
			    !field_ok(f[6], c->year) || (detail && !field_ok(detail, c->detail)) ||
			    (status && !field_ok(status, kz_status_name(c->status))) || (src && !field_ok(src, c->source)) ||
			    (nf >= 9 && (!num_ok(f[7], c->low) || !num_ok(f[8], c->high)))) {
				ok = 0;
				fprintf(stderr, "%s:%d: claim %d\n    want: %s\n    got:  %g %s %s %s(%s) %s %s %s %g %g status=%s source=%s  '%s'\n",
					file, line, i + 1, exp[i], c->value, c->unit, kz_qual_name(c->qual),
					kz_ind_name(c->ind), c->detail, c->subject[0] ? c->subject : "-",
					c->partner[0] ? c->partner : "-", c->year[0] ? c->year : "-", c->low, c->high,
					kz_status_name(c->status), c->source[0] ? c->source : "-", c->quote);
			}
		}
	}
	T_CHECK(ok);
	kz_table_release(&t);
	ex_doc_release(&d);
}

static void run_file(const char *path)
{
	char *data, *p, *text = NULL;
	size_t len;
	struct kz_err err;
	struct kz_buf in;
	char *exp[64];
	int nexp = 0, state = 0, year = 0, noclaim = 0, lineno = 0, start = 1;
	char date[16] = "";

	if (kz_read_file(path, 0, &data, &len, &err)) {
		kz_err_print(&err);
		T_CHECK(0);
		return;
	}
	kz_buf_init(&in, 0);
	for (p = data; p && *p;) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		lineno++;
		if (!strcmp(p, "%%")) {
			if (state == 1)
				run_case(path, start, text, year, date, noclaim, exp, nexp);
			state = 0;
			nexp = 0;
			year = 0;
			date[0] = '\0';
			noclaim = 0;
			kz_buf_reset(&in);
			start = lineno + 1;
		} else if (state == 0 && !strncmp(p, "%%YEAR ", 7)) {
			year = (int)strtol(p + 7, NULL, 10);
		} else if (state == 0 && !strncmp(p, "%%DATE ", 7)) {
			snprintf(date, sizeof(date), "%s", p + 7);
		} else if (state == 0 && !strcmp(p, "%%NOCLAIM")) {
			noclaim = 1;
		} else if (state == 0 && p[0] == '#') {
			/* comment */
		} else if (state == 0 && !strcmp(p, ".")) {
			state = 1;
			text = in.s ? in.s : (char *)"";
		} else if (state == 0) {
			kz_buf_adds(&in, p);
			kz_buf_addc(&in, '\n');
		} else if (!strncmp(p, "%%", 2)) {
			/* "%%YEAR" or "%%NOCLAIM" among a case's expected claims: the case before lacks
			 * its closing "%%", and its expectations would swallow the next case */
			fprintf(stderr, "%s:%d: a new case starts before \"%%%%\" ends the one before\n", path, lineno);
			T_CHECK(0);
		} else if (p[0] && p[0] != '#' && nexp < 64) {
			exp[nexp++] = p;
		}
		p = nl ? nl + 1 : NULL;
	}
	if (state == 1)
		run_case(path, start, text, year, date, noclaim, exp, nexp);
	kz_buf_release(&in);
	free(data);
}

/*
 * A lexicon whose keys nest deeper than the lookup trie holds (more than EX_TRIE_MAX key ends on
 * one path: "Zz", "Zzz", … 70 of them) is read by scanning the candidates instead: the same words
 * are found, the longest first, and the built-in ones still are.
 */
static void deep_lexicon(void)
{
	struct ex_lexicon *deep = ex_lexicon_new();
	struct kz_err err;
	struct kz_buf tsv, text;
	char path[] = "/tmp/kz-deeplexXXXXXX";
	int fd = mkstemp(path);
	struct ex_doc d;
	struct kz_table t;

	kz_buf_init(&tsv, 0);
	kz_buf_init(&text, 0);
	for (int k = 2; k <= 71; k++) {
		kz_buf_adds(&tsv, "unit\t");
		kz_buf_addc(&tsv, 'Z');
		for (int j = 1; j < k; j++)
			kz_buf_addc(&tsv, 'z');
		kz_buf_adds(&tsv, k == 71 ? "\tvotes\n" : "\tcount\n");
	}
	T_CHECK(fd >= 0 && write(fd, tsv.s, tsv.len) == (ssize_t)tsv.len);
	close(fd);
	T_CHECK(ex_lexicon_add_file(deep, path, &err) == 0);
	unlink(path);
	kz_buf_adds(&text, "Im Rat stimmten 40 Z");
	for (int j = 1; j < 71; j++)
		kz_buf_addc(&text, 'z');
	kz_buf_adds(&text, " dafür. In Japan sind 54.000 US-Soldaten stationiert.\n");
	ex_doc_init(&d);
	d.path = kz_xstrdup("deep");
	d.text = kz_xstrdup(text.s);
	d.len = text.len;
	kz_table_init(&t);
	ex_extract(deep, &d, NULL, &t);
	T_CHECK(t.n == 2);
	if (t.n == 2) {
		T_STREQ(t.v[0].unit, "votes"); /* the longest of the 70 nested keys */
		T_STREQ(t.v[1].unit, "persons");
		T_STREQ(t.v[1].subject, "US");
		T_STREQ(t.v[1].partner, "JP");
	}
	kz_table_release(&t);
	ex_doc_release(&d);
	kz_buf_release(&tsv);
	kz_buf_release(&text);
	ex_lexicon_free(deep);
}

int main(void)
{
	DIR *dp = opendir("tests/extract");
	struct dirent *de;
	char *names[256];
	int n = 0;

	lx = ex_lexicon_new();
	if (!dp) {
		fprintf(stderr, "tests/extract: cannot open (run from the repository root)\n");
		return 1;
	}
	while ((de = readdir(dp)) && n < 256) {
		size_t l = strlen(de->d_name);
		if (l > 5 && !strcmp(de->d_name + l - 5, ".test"))
			names[n++] = kz_xstrdup(de->d_name);
	}
	closedir(dp);
	for (int i = 0; i < n; i++) {
		char path[512];
		snprintf(path, sizeof(path), "tests/extract/%s", names[i]);
		run_file(path);
		free(names[i]);
	}
	ex_lexicon_free(lx);
	deep_lexicon();
	fprintf(stderr, "grammar: %d cases\n", cases);
	return t_done("grammar");
}
