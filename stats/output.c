/* output.c: findings.csv, consensus.csv and the summary a person reads on stdout. */
#include "stats_int.h"

#include <math.h>
#include <string.h>

static const char *const finding_cols[] = {"kind",  "severity", "indicator", "detail", "subject",
					   "partner", "year",	  "unit",      "values", "claims",
					   "docs",  "rel_diff", "explanation", NULL};
static const char *const consensus_cols[] = {"indicator", "detail", "status", "subject", "partner", "year",
					     "unit",	  "estimate", "low",   "high",	  "claims",
					     "docs",	  "method", "weights", "state", "ids", NULL};

/* The writer has already put the excel-de byte-order mark. */
static void header(struct kz_csv_writer *w, const char *const *cols)
{
	for (int i = 0; cols[i]; i++)
		kz_csv_field(w, cols[i]);
	kz_csv_endrow(w);
}

/* Numbers inside a joined list always use '.' (the list is text, not a number cell). */
static void add_num(struct kz_buf *b, double v)
{
	char s[64];
	kz_fmt_double(s, sizeof(s), v, '.');
	kz_buf_adds(b, s);
}

void st_findings_write_csv(const struct st_result *r, const struct kz_table *t, FILE *f,
			   enum kz_csv_dialect d)
{
	struct kz_csv_writer w;
	struct kz_buf vals = KZ_BUF_INIT, ids = KZ_BUF_INIT, docs = KZ_BUF_INIT;

	kz_csv_writer_init(&w, f, d);
	header(&w, finding_cols);
	for (size_t i = 0; i < r->nf; i++) {
		const struct st_finding *x = &r->f[i];
		kz_buf_reset(&vals);
		kz_buf_reset(&ids);
		kz_buf_reset(&docs);
		for (size_t k = 0; k < x->nclaims; k++) {
			const struct kz_claim *c = &t->v[x->claims[k]];
			if (k) {
				kz_buf_adds(&vals, " | ");
				kz_buf_adds(&ids, " | ");
				kz_buf_adds(&docs, " | ");
			}
			add_num(&vals, c->value);
			kz_buf_addc(&vals, ' ');
			kz_buf_adds(&vals, c->unit);
			kz_buf_adds(&ids, c->id);
			kz_buf_adds(&docs, c->doc);
		}
		kz_csv_field(&w, st_kind_name(x->kind));
		kz_csv_field(&w, st_sev_name(x->sev));
		kz_csv_field(&w, kz_ind_name(x->ind));
		kz_csv_field(&w, x->detail);
		kz_csv_field(&w, x->subject);
		kz_csv_field(&w, x->partner);
		kz_csv_field(&w, x->year);
		kz_csv_field(&w, x->unit);
		kz_csv_field(&w, vals.s ? vals.s : "");
		kz_csv_field(&w, ids.s ? ids.s : "");
		kz_csv_field(&w, docs.s ? docs.s : "");
		if (isfinite(x->rel_diff)) {
			/* four decimals are plenty for a relative difference */
			kz_csv_num(&w, round(x->rel_diff * 1e4) / 1e4);
		} else {
			kz_csv_field(&w, "");
		}
		kz_csv_field(&w, x->explanation);
		kz_csv_endrow(&w);
	}
	kz_buf_release(&vals);
	kz_buf_release(&ids);
	kz_buf_release(&docs);
}

/* Round to 6 significant digits so estimates do not print float noise. */
static double sig6(double v)
{
	char s[64];
	double out;
	if (!isfinite(v) || v == 0)
		return v;
	snprintf(s, sizeof(s), "%.6g", v);
	if (kz_parse_double(s, &out))
		return v;
	return out;
}

void st_consensus_write_csv(const struct st_result *r, const struct kz_table *t, FILE *f, enum kz_csv_dialect d)
{
	struct kz_csv_writer w;
	struct kz_buf ws = KZ_BUF_INIT;

	kz_csv_writer_init(&w, f, d);
	header(&w, consensus_cols);
	for (size_t i = 0; i < r->nc; i++) {
		const struct st_consensus *c = &r->c[i];
		kz_buf_reset(&ws);
		for (size_t k = 0; k < c->nsources; k++) {
			if (k)
				kz_buf_adds(&ws, " | ");
			kz_buf_adds(&ws, c->w[k].doc);
			kz_buf_addc(&ws, '=');
			add_num(&ws, round(c->w[k].weight * 1000) / 1000);
		}
		kz_csv_field(&w, kz_ind_name(c->ind));
		kz_csv_field(&w, c->detail);
		kz_csv_field(&w, kz_status_name(c->status));
		kz_csv_field(&w, c->subject);
		kz_csv_field(&w, c->partner);
		kz_csv_field(&w, c->year);
		kz_csv_field(&w, c->unit);
		kz_csv_num(&w, sig6(c->estimate));
		kz_csv_num(&w, sig6(c->low));
		kz_csv_num(&w, sig6(c->high));
		kz_csv_int(&w, (long)c->nclaims);
		kz_csv_int(&w, (long)c->ndocs);
		kz_csv_field(&w, c->method);
		kz_csv_field(&w, ws.s ? ws.s : "");
		kz_csv_field(&w, c->state ? c->state : "");
		kz_buf_reset(&ws);
		for (size_t k = 0; k < c->nclaims && t; k++) {
			if (k)
				kz_buf_adds(&ws, " | ");
			kz_buf_adds(&ws, t->v[c->claims[k]].id);
		}
		kz_csv_field(&w, ws.s ? ws.s : "");
		kz_csv_endrow(&w);
	}
	kz_buf_release(&ws);
}

/* Columns of the summary: at most this many bytes of a cell before it is cut with "…". */
static void cell(FILE *f, const char *s, int width)
{
	int n = 0, bytes = 0;
	/* count UTF-8 characters, not bytes */
	for (const char *p = s; *p; p++) {
		if (((unsigned char)*p & 0xC0) != 0x80) {
			if (n == width - 1 && strlen(p) > 0 && p[1]) {
				/* more follows: cut here */
				int more = 0;
				for (const char *q = p + 1; *q; q++)
					if (((unsigned char)*q & 0xC0) != 0x80)
						more = 1;
				if (more) {
					fwrite(s, 1, (size_t)bytes, f);
					fputs("…", f);
					n++;
					goto pad;
				}
			}
			n++;
		}
		bytes++;
	}
	fputs(s, f);
pad:
	for (; n < width; n++)
		fputc(' ', f);
	fputc(' ', f);
}

void st_summary_write(const struct st_result *r, const struct kz_table *t, enum st_lang lang, size_t max,
		      const char *where, FILE *f)
{
	struct kz_buf what = KZ_BUF_INIT, vals = KZ_BUF_INIT, docs = KZ_BUF_INIT;
	int en = lang == ST_LANG_EN;

	if (r->nf) {
		cell(f, en ? "KIND" : "ART", 10);
		cell(f, en ? "SEVERITY" : "STUFE", 8);
		cell(f, en ? "WHAT" : "WAS", 34);
		cell(f, en ? "VALUES" : "WERTE", 30);
		cell(f, en ? "SOURCES" : "QUELLEN", 26);
		fputs(en ? "WHY\n" : "WARUM\n", f);
	}
	for (size_t i = 0; i < r->nf; i++) {
		const struct st_finding *x = &r->f[i];
		const struct kz_claim *c0 = &t->v[x->claims[0]];
		if (max && i == max) {
			/* an archive's thousands of findings are in findings.csv; the terminal gets a page */
			fprintf(f, en ? "… and %zu more findings in %s\n" : "… und %zu weitere Befunde in %s\n", r->nf - max,
				where ? where : "findings.csv");
			break;
		}
		struct kz_claim fact = *c0;
		kz_buf_reset(&what);
		kz_buf_reset(&vals);
		kz_buf_reset(&docs);
		fact.ind = x->ind;
		fact.detail = x->detail;
		fact.subject = x->subject;
		fact.partner = x->partner;
		st_fact_phrase(&what, &fact, x->year, lang);
		for (size_t k = 0; k < x->nclaims; k++) {
			const struct kz_claim *c = &t->v[x->claims[k]];
			const char *base = st_basename(c->doc);
			if (k)
				kz_buf_adds(&vals, " | ");
			kz_buf_adds(&vals, c->quote);
			if (!docs.s || !strstr(docs.s, base)) {
				if (docs.len)
					kz_buf_adds(&docs, ", ");
				kz_buf_adds(&docs, base);
			}
		}
		cell(f, st_kind_name(x->kind), 10);
		cell(f, st_sev_name(x->sev), 8);
		cell(f, what.s ? what.s : "", 34);
		cell(f, vals.s ? vals.s : "", 30);
		cell(f, docs.s ? docs.s : "", 26);
		fprintf(f, "%s\n", x->explanation);
	}
	fprintf(f, en ? "%zu findings (%zu errors):" : "%zu Befunde (%zu Fehler):", r->nf, r->nerrors);
	for (int k = 0; k < ST_K__N; k++)
		fprintf(f, " %zu %s%s", r->count[k], st_kind_name((enum st_kind)k), k + 1 < ST_K__N ? "," : "");
	fprintf(f, en ? "; %zu consensus rows\n" : "; %zu Konsenszeilen\n", r->nc);
	kz_buf_release(&what);
	kz_buf_release(&vals);
	kz_buf_release(&docs);
}
