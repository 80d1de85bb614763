/* eval.c: precision / recall of extracted claims against a hand-checked answer key (tests/eval/seeds.tsv). */
#include "core/claims.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct key {
	char *doc, *unit, *ind, *detail, *subject, *partner, *year, *quote, *qual;
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

int main(int argc, char **argv)
{
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
	while (fgets(line, sizeof(line), f)) {
		char *p = line;
		struct key *e;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		KZ_GROW(k, ak, nk + 1);
		e = &k[nk++];
		memset(e, 0, sizeof(*e));
		e->doc = kz_xstrdup(field(&p));
		if (kz_parse_double(field(&p), &e->value)) {
			fprintf(stderr, "eval: %s: key row %zu: bad value\n", argv[1], nk);
			return 3;
		}
		e->unit = kz_xstrdup(field(&p));
		e->qual = kz_xstrdup(field(&p));
		field(&p);
		field(&p);
		e->ind = kz_xstrdup(field(&p));
		e->detail = kz_xstrdup(field(&p));
		e->subject = kz_xstrdup(field(&p));
		e->partner = kz_xstrdup(field(&p));
		e->year = kz_xstrdup(field(&p));
		e->quote = kz_xstrdup(field(&p));
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
	}
	free(k);
	free(cused);
	kz_table_release(&t);
	return 0;
}
