/* eval.c: precision / recall of extracted claims against a hand-checked answer key (tests/eval/seeds.tsv). */
#include "core/claims.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct key {
	char *doc, *unit, *ind, *detail, *subject, *partner, *year, *quote, *qual, *status, *source;
	double value;
	int core, used;
};

static char *field(char **p)
{
	char *s = *p, *t = strchr(s, '\t');
	if (t) {
		*t = '\0';
		*p = t + 1;
	} else {
		char *nl = strchr(s, '\n');
		if (nl)
			*nl = '\0';
		*p = s + strlen(s);
	}
	return s;
}

static const char *base(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

static int same_value(double a, double b)
{
	return fabs(a - b) <= 0.005 * fmax(1e-9, fabs(b)) + 1e-9;
}

enum { KEY_DOC, KEY_VALUE, KEY_UNIT, KEY_QUAL, KEY_IND, KEY_DETAIL, KEY_SUBJECT, KEY_PARTNER, KEY_YEAR,
       KEY_STATUS, KEY_SOURCE, KEY_QUOTE, KEY__N };
static const char *const key_names[KEY__N] = {"doc",	 "value",   "unit", "qualifier", "indicator", "detail",
					      "subject", "partner", "year", "status",    "source",    "quote"};
#define KEY_MAXCOLS 32

int main(int argc, char **argv)
{
	int col[KEY__N], ncol, has_status, has_source;
	long stat_ok = 0, src_ok = 0;
	struct kz_table t;
	struct kz_err err;
	struct key *k = NULL;
	size_t nk = 0, ak = 0, i, j;
	char line[4096];
	FILE *f;
	int verbose = argc > 3 && !strcmp(argv[3], "-v");
	int *cused;
	long tp = 0, fp = 0, fn = 0, atp = 0, afp = 0, afn = 0;
	long sub_ok = 0, par_ok = 0, year_ok = 0, qual_ok = 0, matched = 0;

	for (int c = 0; c < KEY__N; c++)
		col[c] = -1;
	if (argc < 3) {
		fprintf(stderr, "usage: eval KEY.tsv CLAIMS.csv [-v]\n");
		return 2;
	}
	f = fopen(argv[1], "r");
	if (!f) {
		perror(argv[1]);
		return 4;
	}
	if (!fgets(line, sizeof(line), f)) {
		fclose(f);
		return 3;
	}
	/* the key's columns by name: keys written before status and source lack those two */
	{
		char *p = line, *name;
		for (ncol = 0; ncol < KEY_MAXCOLS && *p; ncol++) {
			name = field(&p);
			for (int c = 0; c < KEY__N; c++)
				if (!strcmp(name, key_names[c]))
					col[c] = ncol;
		}
		for (int c = 0; c < KEY__N; c++)
			if (col[c] < 0 && c != KEY_STATUS && c != KEY_SOURCE) {
				fprintf(stderr, "eval: %s: the key lacks column '%s'\n", argv[1], key_names[c]);
				return 3;
			}
		has_status = col[KEY_STATUS] >= 0;
		has_source = col[KEY_SOURCE] >= 0;
	}
	while (fgets(line, sizeof(line), f)) {
		char *p = line, *v[KEY_MAXCOLS];
		struct key *e;
		int n;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		for (n = 0; n < KEY_MAXCOLS; n++)
			v[n] = *p ? field(&p) : (char *)"";
		KZ_GROW(k, ak, nk + 1);
		e = &k[nk++];
		memset(e, 0, sizeof(*e));
#define GET(c) kz_xstrdup(col[c] >= 0 ? v[col[c]] : "")
		e->doc = GET(KEY_DOC);
		if (kz_parse_double(v[col[KEY_VALUE]], &e->value)) {
			fprintf(stderr, "eval: %s: key row %zu: bad value\n", argv[1], nk);
			return 3;
		}
		e->unit = GET(KEY_UNIT);
		e->qual = GET(KEY_QUAL);
		e->ind = GET(KEY_IND);
		e->detail = GET(KEY_DETAIL);
		e->subject = GET(KEY_SUBJECT);
		e->partner = GET(KEY_PARTNER);
		e->year = GET(KEY_YEAR);
		e->status = GET(KEY_STATUS);
		e->source = GET(KEY_SOURCE);
		e->quote = GET(KEY_QUOTE);
#undef GET
		if (!e->status[0]) {
			free(e->status);
			e->status = kz_xstrdup("reported");
		}
		e->core = kz_ind_parse(e->ind) >= 0 && kz_ind_is_core((enum kz_ind)kz_ind_parse(e->ind));
	}
	fclose(f);
	kz_table_init(&t);
	if (kz_claims_read_csv(&t, argv[2], NULL, NULL, &err)) {
		kz_err_print(&err);
		return 3;
	}
	cused = calloc(t.n + 1, sizeof(int));
	/* Core: value + unit + indicator, both sides core. */
	for (i = 0; i < nk; i++) {
		if (!k[i].core)
			continue;
		for (j = 0; j < t.n; j++) {
			const struct kz_claim *c = &t.v[j];
			if (cused[j] || !kz_ind_is_core(c->ind) || strcmp(base(c->doc), k[i].doc) ||
			    strcmp(c->unit, k[i].unit) || !same_value(c->value, k[i].value) ||
			    strcmp(kz_ind_name(c->ind), k[i].ind))
				continue;
			cused[j] = 1;
			k[i].used = 1;
			tp++;
			matched++;
			sub_ok += !strcmp(c->subject, k[i].subject);
			par_ok += !strcmp(c->partner, k[i].partner);
			year_ok += !strcmp(c->year, k[i].year);
			qual_ok += !strcmp(kz_qual_name(c->qual), k[i].qual);
			stat_ok += !strcmp(kz_status_name(c->status), k[i].status);
			src_ok += !strcasecmp(c->source, k[i].source);
			if (verbose && has_status && strcmp(kz_status_name(c->status), k[i].status))
				printf("STATUS %s %-28s got %s want %s\n", k[i].doc, k[i].quote, kz_status_name(c->status),
				       k[i].status);
			if (verbose && has_source && strcasecmp(c->source, k[i].source))
				printf("SOURCE %s %-28s got '%s' want '%s'\n", k[i].doc, k[i].quote, c->source, k[i].source);
			if (verbose && (strcmp(c->subject, k[i].subject) || strcmp(c->partner, k[i].partner) ||
					strcmp(c->year, k[i].year)))
				printf("ATTR  %s %-28s got %s/%s/%s want %s/%s/%s\n", k[i].doc, k[i].quote,
				       c->subject, c->partner, c->year, k[i].subject, k[i].partner, k[i].year);
			break;
		}
		if (!k[i].used) {
			fn++;
			if (verbose)
				printf("MISS  %s %-28s %g %s %s\n", k[i].doc, k[i].quote, k[i].value, k[i].unit,
				       k[i].ind);
		}
	}
	for (j = 0; j < t.n; j++)
		if (kz_ind_is_core(t.v[j].ind) && !cused[j]) {
			fp++;
			if (verbose)
				printf("EXTRA %s %-28s %g %s %s\n", base(t.v[j].doc), t.v[j].quote, t.v[j].value,
				       t.v[j].unit, kz_ind_name(t.v[j].ind));
		}
	/* All claims: value + unit. */
	memset(cused, 0, (t.n + 1) * sizeof(int));
	for (i = 0; i < nk; i++) {
		int hit = 0;
		for (j = 0; j < t.n && !hit; j++) {
			const struct kz_claim *c = &t.v[j];
			if (cused[j] || strcmp(base(c->doc), k[i].doc) || strcmp(c->unit, k[i].unit) ||
			    !same_value(c->value, k[i].value))
				continue;
			cused[j] = hit = 1;
		}
		if (hit)
			atp++;
		else
			afn++;
		if (!hit && verbose && !k[i].core)
			printf("MISS* %s %-28s %g %s %s\n", k[i].doc, k[i].quote, k[i].value, k[i].unit, k[i].ind);
	}
	for (j = 0; j < t.n; j++)
		if (!cused[j]) {
			afp++;
			if (verbose && !kz_ind_is_core(t.v[j].ind))
				printf("EXTRA* %s %-28s %g %s %s\n", base(t.v[j].doc), t.v[j].quote, t.v[j].value,
				       t.v[j].unit, kz_ind_name(t.v[j].ind));
		}
	{
		double p = tp + fp ? (double)tp / (tp + fp) : 0, r = tp + fn ? (double)tp / (tp + fn) : 0;
		double f1 = p + r ? 2 * p * r / (p + r) : 0;
		double ap = atp + afp ? (double)atp / (atp + afp) : 0, ar = atp + afn ? (double)atp / (atp + afn) : 0;
		printf("core claims (value+unit+indicator): precision %.3f  recall %.3f  F1 %.3f  (tp %ld, fp %ld, fn %ld)\n",
		       p, r, f1, tp, fp, fn);
		printf("all claims (value+unit):            precision %.3f  recall %.3f  F1 %.3f  (tp %ld, fp %ld, fn %ld)\n",
		       ap, ar, ap + ar ? 2 * ap * ar / (ap + ar) : 0, atp, afp, afn);
		if (matched)
			printf("on matched core claims: subject %.3f  partner %.3f  year %.3f  qualifier %.3f  (n %ld)\n",
			       (double)sub_ok / matched, (double)par_ok / matched, (double)year_ok / matched,
			       (double)qual_ok / matched, matched);
		if (matched) {
			printf("on matched core claims: status ");
			if (has_status)
				printf("%.3f", (double)stat_ok / matched);
			else
				printf("(not in this key)");
			printf("  source ");
			if (has_source)
				printf("%.3f", (double)src_ok / matched);
			else
				printf("(not in this key)");
			printf("\n");
		}
	}
	for (i = 0; i < nk; i++) {
		free(k[i].doc);
		free(k[i].unit);
		free(k[i].qual);
		free(k[i].ind);
		free(k[i].detail);
		free(k[i].subject);
		free(k[i].partner);
		free(k[i].year);
		free(k[i].quote);
		free(k[i].status);
		free(k[i].source);
	}
	free(k);
	free(cused);
	kz_table_release(&t);
	return 0;
}
