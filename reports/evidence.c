/* evidence.c: the fact sheet's evidence — the findings it shows (the most important, ranked) and
 * the appendix of every statement it shows or cites, with quote, sentence and source. */
#include "reports_int.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The order the sheet lists findings in: contradictions first, information last. */
const int rp_find_order[RP_NFIND_ORDER] = {ST_K_CONFLICT, ST_K_CLAIM,     ST_K_CURRENCY, ST_K_ARITHMETIC,
				 RP_K_SAME_TEXT, ST_K_DRIFT, ST_K_OUTLIER};

/* ---- findings ---- */

static void claim_line(struct kz_buf *b, const struct rp_model *m, size_t ci)
{
	const struct kz_claim *c = &m->t->v[ci];
	const struct rp_doc *d = &m->docs.v[m->docno[ci] - 1];
	char *pq = rp_plain(c->quote), *ps = rp_plain(c->sentence);
	char *q = rp_markup_escape(pq), *t = rp_markup_escape(*d->title ? d->title : d->path),
	     *pub = rp_markup_escape(d->publisher), *s = rp_markup_escape(ps);
	char v[64], y[48], date[48];

	rp_fmt_claim(v, sizeof v, c, m->lang);
	rp_fmt_year(y, sizeof y, c->year, m->lang);
	kz_buf_addf(b, "<b>%s%s%s</b> (%s%s%s) — [%d] %s", m->lang == PL_DE ? "„" : "“", q,
		    m->lang == PL_DE ? "“" : "”", v, *c->year ? ", " : "", *c->year ? y : "", m->docno[ci], t);
	if (*pub)
		kz_buf_addf(b, ", %s", pub);
	rp_fmt_date(date, sizeof date, d->date, m->lang);
	if (*d->date)
		kz_buf_addf(b, ", %s", date);
	if (c->page)
		kz_buf_addf(b, m->lang == PL_DE ? ", S. %d" : ", p. %d", c->page);
	if (strlen(s) > 400)
		rp_utf8_cut(s, 400);
	kz_buf_addf(b, "\n<span foreground=\"#5b6670\" size=\"smaller\">%s%s%s</span>", m->lang == PL_DE ? "»" : "“", s,
		    m->lang == PL_DE ? "«" : "”");
	free(q);
	free(t);
	free(pub);
	free(s);
	free(pq);
	free(ps);
}

/* Which findings the sheet shows: the ones that matter most, at most RP_MAX_FINDINGS — errors before
 * warnings before information, within a severity the greatest difference first; every kind found
 * keeps its first RP_FIND_PER_KIND places, so none disappears behind a longer one. findings.csv
 * holds them all. sel[i] is set for each finding shown; returns the ranking (caller frees). */
#define RP_MAX_FINDINGS 40
#define RP_FIND_PER_KIND 3

/*
 * "… (2009, usfk-truppenstaerke-2025.txt) → …": a finding's explanation names documents by their
 * file names (it is made for findings.csv); on the sheet each becomes its number in the sources,
 * "[3]", where the sheet lists it. A name counts where it stands alone, not inside a longer one.
 */
static char *expl_numbered(const struct rp_model *m, const struct rp_find *f)
{
	struct kz_buf b = KZ_BUF_INIT;
	const char *p = f->expl;

	while (*p) {
		size_t best = 0;
		int no = 0;
		if (p == f->expl || !(isalnum((unsigned char)p[-1]) || p[-1] == '-' || p[-1] == '_' || p[-1] == '.'))
			for (size_t k = 0; k < f->nclaims; k++) {
				size_t ci = f->claims[k], n;
				const char *doc, *base;
				if (ci >= m->t->n || !m->docno[ci] || !(doc = m->t->v[ci].doc))
					continue;
				base = strrchr(doc, '/');
				base = base ? base + 1 : doc;
				n = strlen(base);
				if (n > best && !strncmp(p, base, n) && !isalnum((unsigned char)p[n]) && p[n] != '-' && p[n] != '_') {
					best = n;
					no = m->docno[ci];
				}
			}
		if (best) {
			kz_buf_addf(&b, "[%d]", no);
			p += best;
		} else
			kz_buf_add(&b, p++, 1);
	}
	return b.s ? b.s : kz_xstrdup("");
}

static const struct rp_model *rank_m;

static int find_rank_cmp(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	const struct rp_find *fa = &rank_m->finds[a], *fb = &rank_m->finds[b];
	double ra = isfinite(fa->rel) ? fa->rel : -1, rb = isfinite(fb->rel) ? fb->rel : -1;

	if (fa->sev != fb->sev)
		return fa->sev > fb->sev ? -1 : 1;
	if (ra != rb)
		return ra > rb ? -1 : 1;
	return a < b ? -1 : a > b;
}

static size_t *rank_findings(const struct rp_model *m, unsigned char *sel, size_t *nshown)
{
	size_t *ord = kz_xmalloc((m->nfinds + 1) * sizeof *ord), per[RP_K_SAME_TEXT + 1] = {0}, n = 0, i;

	for (i = 0; i < m->nfinds; i++)
		ord[i] = i;
	rank_m = m;
	qsort(ord, m->nfinds, sizeof *ord, find_rank_cmp);
	for (i = 0; i < m->nfinds && n < RP_MAX_FINDINGS; i++) {
		int k = rp_find_kind(&m->finds[ord[i]]);
		if (k >= 0 && k <= RP_K_SAME_TEXT && per[k] < RP_FIND_PER_KIND) {
			per[k]++;
			sel[ord[i]] = 1;
			n++;
		}
	}
	for (i = 0; i < m->nfinds && n < RP_MAX_FINDINGS; i++)
		if (!sel[ord[i]]) {
			sel[ord[i]] = 1;
			n++;
		}
	*nshown = n;
	return ord;
}

void rp_findings(struct rp_pages *p, struct rp_model *m)
{
	const int *order = rp_find_order;
	enum pl_lang L = m->lang;
	struct kz_buf b = KZ_BUF_INIT, h = KZ_BUF_INIT;
	unsigned char *sel = kz_xcalloc(m->nfinds + 1, 1);
	size_t nshown, *ord = rank_findings(m, sel, &nshown);

	p->section = rp_tr(L, "Befunde", "Findings");
	rp_pages_break(p);
	rp_pages_heading(p, rp_tr(L, "Befunde", "Findings"), RP_F_H2, 40);
	if (!m->nfinds) {
		rp_pages_para(p, RP_F_BODY, 0, PL_C_INK,
			      rp_tr(L, "Die Angaben widersprechen sich nicht.", "The statements do not contradict each other."));
	}
	if (!m->checked)
		rp_pages_para(p, RP_F_SMALL, 0, PL_C_MUTED,
			      rp_tr(L, "Ohne Prüfung der Quellen gegeneinander: gezeigt werden nur Konflikte (Angaben zum selben Fakt und Jahr, deren Intervalle sich nicht überschneiden).",
				 "Without a check of the sources against each other: only conflicts are shown (statements on the same fact and year whose intervals do not overlap)."));
	if (nshown < m->nfinds) {
		kz_buf_addf(&b, rp_tr(L, "Die %zu wichtigsten von %zu Befunden: Fehler vor Warnungen und Hinweisen, darin die größten Abweichungen zuerst, von jeder Art mindestens %d. findings.csv enthält alle Befunde.",
				   "The %zu most important of %zu findings: errors before warnings and notes, within them the greatest differences first, at least %d of each kind. findings.csv holds every finding."),
			    nshown, m->nfinds, RP_FIND_PER_KIND);
		rp_pages_para(p, RP_F_SMALL, 0, PL_C_MUTED, b.s);
	}
	for (size_t oi = 0; oi < RP_NFIND_ORDER; oi++) {
		size_t nk = 0, sk = 0;
		for (size_t i = 0; i < m->nfinds; i++)
			if (rp_find_kind(&m->finds[i]) == order[oi]) {
				nk++;
				sk += sel[i];
			}
		if (!sk)
			continue;
		kz_buf_reset(&h);
		if (sk == nk) /* "Konflikt (1)" */
			kz_buf_addf(&h, "%s (%zu)", rp_kind_word(order[oi], L, nk != 1), nk);
		else /* "Konflikte (12 von 624)" */
			kz_buf_addf(&h, rp_tr(L, "%s (%zu von %zu)", "%s (%zu of %zu)"), rp_kind_word(order[oi], L, 1), sk, nk);
		rp_pages_heading(p, h.s, RP_F_H3, 50);
		for (size_t r = 0; r < m->nfinds; r++) {
			const struct rp_find *f = &m->finds[ord[r]];
			char name[256], y[48], *e;
			double th;
			if (!sel[ord[r]] || rp_find_kind(f) != order[oi])
				continue;
			kz_buf_reset(&b);
			rp_fact_name(name, sizeof name, f->ind, f->detail, f->subject, f->partner, L);
			e = rp_markup_escape(name);
			rp_fmt_year(y, sizeof y, f->year, L);
			kz_buf_addf(&b, "<b>%s</b>%s%s", e, *f->year ? ", " : "", *f->year ? y : "");
			free(e);
			if (f->kind == ST_K_DRIFT && isfinite(f->rel) && f->rel != 0) {
				/* years apart: a change, not a deviation, with its sign — a fall as much as a rise
				 * (check's rel is signed for a drift: later / earlier - 1) */
				char rs[32];
				double pct = fabs(f->rel) * 100;
				if (pct >= 1e5)
					kz_buf_adds(&b, rp_tr(L, " · Veränderung über +100.000\xc2\xa0%", " · change over +100,000%"));
				else {
					pl_fmt_num(rs, sizeof rs, pct, pct < 10 ? 1 : 0, L);
					kz_buf_addf(&b, rp_tr(L, " · Veränderung %s%s\xc2\xa0%%", " · change %s%s%%"),
						    f->rel < 0 ? "\xe2\x88\x92" : "+", rs);
				}
			} else if (isfinite(f->rel) && f->rel > 0 && f->rel * 100 >= 1e5) {
				kz_buf_adds(&b, rp_tr(L, " · Abweichung über 100.000\xc2\xa0%", " · difference over 100,000%"));
			} else if (isfinite(f->rel) && f->rel > 0) {
				char rs[32];
				pl_fmt_num(rs, sizeof rs, f->rel * 100, f->rel * 100 < 10 ? 1 : 0, L);
				kz_buf_addf(&b, rp_tr(L, " · Abweichung %s\xc2\xa0%%", " · difference %s%%"), rs);
			}
			for (size_t k = 0; k < f->nclaims && k < 4; k++) {
				if (f->claims[k] >= m->t->n)
					continue;
				kz_buf_adds(&b, "\n• ");
				claim_line(&b, m, f->claims[k]);
				rp_model_cite(m, f->claims[k]);
			}
			if (f->nclaims > 4)
				kz_buf_addf(&b, rp_tr(L, "\n• … und %zu weitere Angaben", "\n• … and %zu more statements"), f->nclaims - 4);
			if (*f->expl) {
				char *numbered = expl_numbered(m, f);
				e = rp_markup_escape(numbered);
				kz_buf_addf(&b, "\n<i>%s</i>", e);
				free(e);
				free(numbered);
			}
			th = pl_text_height(&p->pc, RP_TEXT_W - 10, RP_F_BODY, 1, 0, b.s);
			rp_pages_need(p, th + 6);
			/* a coloured rule marks the kind */
			pl_set_rgb(&p->pc, rp_find_kind(f) == ST_K_CONFLICT || f->kind == ST_K_CURRENCY ||
						   f->kind == ST_K_ARITHMETIC
					       ? PL_C_CONFLICT
					   : rp_find_kind(f) == RP_K_SAME_TEXT ? PL_C_MUTED
									       : PL_C_OUTLIER);
			cairo_rectangle(p->cr, RP_ML, p->y + 1, 2.5, th - 2);
			cairo_fill(p->cr);
			pl_set_rgb(&p->pc, PL_C_INK);
			p->y += pl_text(&p->pc, RP_ML + 10, p->y, RP_TEXT_W - 10, RP_F_BODY, 1, PL_LEFT, 0, b.s) + 8;
		}
	}
	if (nshown < m->nfinds) {
		size_t more = m->nfinds - nshown;
		kz_buf_reset(&b);
		if (more == 1)
			kz_buf_adds(&b, rp_tr(L, "… und 1 weiterer Befund in findings.csv.", "… and 1 more finding in findings.csv."));
		else
			kz_buf_addf(&b, rp_tr(L, "… und %zu weitere Befunde in findings.csv.", "… and %zu more findings in findings.csv."), more);
		rp_pages_para(p, RP_F_BODY, 0, PL_C_MUTED, b.s);
	}
	free(sel);
	free(ord);
	kz_buf_release(&b);
	kz_buf_release(&h);
}

/* ---- appendix ---- */

void rp_appendix(struct rp_pages *p, const struct rp_model *m)
{
	enum pl_lang L = m->lang;
	const struct rp_col cols[] = {
		{rp_tr(L, "Nr.", "No."), 26, PL_RIGHT, 1},
		{rp_tr(L, "Fakt", "Fact"), 98, PL_LEFT, 3},
		{rp_tr(L, "Wert", "Value"), 72, PL_RIGHT, 2},
		{rp_tr(L, "Art", "Kind"), 46, PL_LEFT, 3}, /* qualifier, and a status that is no report */
		{rp_tr(L, "Jahr", "Year"), 42, PL_LEFT, 1},
		/* the whole sentence (60 lines hold any real one and keep a row on its page) */
		{rp_tr(L, "Zitat und Satz", "Quote and sentence"), 157, PL_LEFT, 60},
		{rp_tr(L, "Quelle", "Source"), RP_TEXT_W - 441, PL_LEFT, 2},
	};
	struct rp_table t;
	struct kz_buf q = KZ_BUF_INIT;
	int lastdoc = 0;

	p->section = rp_tr(L, "Anhang: Belege", "Appendix: evidence");
	rp_pages_break(p);
	rp_pages_heading(p, rp_tr(L, "Anhang: Belege", "Appendix: evidence"), RP_F_H2, 60);
	/* the claims the sheet shows or cites, never the whole table: that is claims.csv */
	if (m->ncited == m->t->n)
		kz_buf_addf(&q, rp_tr(L, "Alle %zu Angaben mit Zitat, Satz und Quelle, nach Dokument.",
				   "All %zu statements with quote, sentence and source, by document."),
			    m->t->n);
	else
		kz_buf_addf(&q, rp_tr(L, "Die %zu Angaben, die dieses Blatt zeigt oder zitiert (Kennzahlen, Ziele, Vergleiche, Befunde, geprüfte Angaben), mit Zitat, Satz und Quelle, nach Dokument; claims.csv enthält alle %zu Angaben, in der Reihenfolge, die Nr. zählt.",
				   "The %zu statements this sheet shows or cites (key figures, targets, comparisons, findings, reviewed figures) with quote, sentence and source, by document; claims.csv holds all %zu statements, in the order No. counts."),
			    m->ncited, m->t->n);
	rp_pages_para(p, RP_F_SMALL, 0, PL_C_MUTED, q.s);
	rp_table_begin(p, &t, cols, 7);
	for (size_t i = 0; i < m->t->n; i++) {
		const struct kz_claim *c = &m->t->v[i];
		char no[24], name[256], v[96], src[64], grp[700], y[48], kind[64], *eq, *es, *pq, *ps;
		const char *cells[7];
		if (!m->cited[i])
			continue;
		if (m->docno[i] != lastdoc) {
			const struct rp_doc *d = &m->docs.v[m->docno[i] - 1];
			char date[48];
			lastdoc = m->docno[i];
			rp_fmt_date(date, sizeof date, d->date, L);
			snprintf(grp, sizeof grp, "[%d] %s%s%s%s%s", lastdoc, *d->title ? d->title : d->path,
				 *d->publisher ? " — " : "", d->publisher, *d->date ? ", " : "", *d->date ? date : "");
			rp_utf8_cut(grp, sizeof grp - 1);
			rp_table_group(p, &t, grp);
		}
		snprintf(no, sizeof no, "%zu", i + 1);
		rp_fact_name(name, sizeof name, c->ind, c->detail, c->subject, c->partner, L);
		if (m->flags[i] & PL_F_CONFLICT)
			snprintf(v, sizeof v, "<span foreground=\"#c0392b\">");
		else
			v[0] = '\0';
		rp_fmt_claim(v + strlen(v), sizeof v - strlen(v) - 8, c, L);
		if (m->flags[i] & PL_F_CONFLICT)
			snprintf(v + strlen(v), sizeof v - strlen(v), "</span>");
		if (c->page)
			snprintf(src, sizeof src, L == PL_DE ? "[%d], S. %d" : "[%d], p. %d", m->docno[i], c->page);
		else
			snprintf(src, sizeof src, "[%d]", m->docno[i]);
		/* a figure an analyst reviewed says so (corrections.csv) */
		if (*c->review) {
			const char *r = !strcmp(c->review, "corrected") ? rp_tr(L, "korrigiert", "corrected")
					: !strcmp(c->review, "added")   ? rp_tr(L, "ergänzt", "added")
									: rp_tr(L, "geprüft", "confirmed");
			snprintf(src + strlen(src), sizeof src - strlen(src), "; %s", r);
		}
		pq = rp_plain(c->quote);
		ps = rp_plain(c->sentence);
		eq = rp_markup_escape(pq);
		es = rp_markup_escape(ps);
		free(pq);
		free(ps);
		rp_fmt_year(y, sizeof y, c->year, L);
		kz_buf_reset(&q);
		kz_buf_addf(&q, "<b>%s%s%s</b> <span foreground=\"#5b6670\">%s</span>", L == PL_DE ? "„" : "“", eq,
			    L == PL_DE ? "“" : "”", es);
		cells[0] = no;
		cells[1] = name;
		cells[2] = v;
		/* "etwa", and below it what kind of statement it is when it is no report ("Plan"); a
		 * figure the text states without a qualifier gets no word ("genau" would claim more
		 * precision than a round "28.500" has) */
		if (c->qual == KZ_Q_EXACT)
			snprintf(kind, sizeof kind, "%s", c->status != KZ_S_REPORTED ? rp_status_word(c->status, L) : "");
		else if (c->status != KZ_S_REPORTED)
			snprintf(kind, sizeof kind, "%s\n%s", rp_qual_stated(c, L), rp_status_word(c->status, L));
		else
			snprintf(kind, sizeof kind, "%s", rp_qual_stated(c, L));
		cells[3] = kind;
		cells[4] = *c->year ? y : "";
		cells[5] = q.s;
		cells[6] = src;
		rp_table_row(p, &t, cells, 1u << 2 | 1u << 5, 0);
		free(eq);
		free(es);
	}
	rp_table_end(&t);
	kz_buf_release(&q);
}

/* ---- the document ---- */

