/* charts.c: the fact sheet's charts built from the model — dots per fact, bars per country, series. */
#include "reports_int.h"

#include <cairo-svg.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_DOTS 12
#define MAX_SERIES 6
/* a fact's statements side by side: beyond this many, as many spread from the least to the greatest */
#define MAX_ROWS 10
/* the points of one series: beyond this many, each year's figures are represented by a spread */
#define MAX_POINTS 24
/* a trend line never bridges more years without a figure than this: regimes change in less */
#define TREND_GAP 10

static const enum kz_ind ind_order[] = {KZ_I_TROOPS, KZ_I_BUDGET, KZ_I_GDP_SHARE, KZ_I_COST_SHARE,
					KZ_I_TRADE_SHARE};

static int ind_rank(enum kz_ind i)
{
	for (int k = 0; k < 5; k++)
		if (ind_order[k] == i)
			return k;
	return 5;
}

static struct pl_chart *add_chart(struct rp_charts *cs, enum pl_kind kind, const char *title,
				  const char *unit, const char *slug)
{
	struct pl_chart *c;
	char *s, *p;

	KZ_GROW(cs->v, cs->alloc, cs->n + 1);
	cs->slug = kz_xrealloc(cs->slug, cs->alloc * sizeof *cs->slug);
	c = &cs->v[cs->n];
	pl_chart_init(c, kind, title, unit);
	s = kz_xmalloc(strlen(slug) + 16);
	snprintf(s, strlen(slug) + 16, "%02zu-%s", cs->n + 1, slug);
	for (p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      *p == '-' || *p == '_'))
			*p = '_';
	cs->slug[cs->n++] = s;
	return c;
}

/* Charts compare levels: only reported figures. A target, plan, demand, cap, disputed claim or
 * forecast is no level of any year; the sheet lists them under "Ziele und Forderungen". */
static int charted(const struct rp_fact *f)
{
	return f->status == KZ_S_REPORTED;
}

/* One definition (a family, rp_model's fam): the same indicator, status, detail, subject, partner
 * and unit, and the same kind of period — a figure for one year, or for a span of as many years (a
 * five-year total is no year's budget, "more than 300 000 in the 1950s" no year's count). */

static const struct rp_model *sort_m;

/* facts ordered by indicator, claims (most first), then family and year */
static int fact_cmp(const void *x, const void *y)
{
	const struct rp_fact *a = &sort_m->facts[*(const size_t *)x];
	const struct rp_fact *b = &sort_m->facts[*(const size_t *)y];
	int r;

	if (ind_rank(a->ind) != ind_rank(b->ind))
		return ind_rank(a->ind) - ind_rank(b->ind);
	if (a->nclaims != b->nclaims)
		return a->nclaims > b->nclaims ? -1 : 1;
	if ((r = strcmp(a->subject, b->subject)) || (r = strcmp(a->partner, b->partner)) ||
	    (r = strcmp(a->detail, b->detail)) || (r = strcmp(a->unit, b->unit)))
		return r;
	return b->yr - a->yr;
}

static void cite(struct rp_charts *cs, size_t ci)
{
	KZ_GROW(cs->cite, cs->citealloc, cs->ncite + 1);
	cs->cite[cs->ncite++] = ci;
}

static int fact_flags(const struct rp_model *m, const struct rp_fact *f)
{
	int fl = 0;
	for (size_t k = 0; k < f->nclaims; k++)
		if (f->claims[k] < m->t->n)
			fl |= m->flags[f->claims[k]];
	return fl;
}

/* The note beside a point: its quote as the source wrote it on a German sheet; on an English one
 * the figure in English ("KRW 1,519.2 bn", not "1.519,2 Mrd. Won" beside an English axis). */
static const char *point_note(const struct rp_model *m, const struct kz_claim *cl, char *buf, size_t n)
{
	if (m->lang == PL_DE)
		return cl->quote;
	rp_fmt_claim(buf, n, cl, m->lang);
	return buf;
}

/* The source line under a chart: the documents of the claims it shows, by the sheet's number,
 * publisher (else title) and date, then the originators they cite ("Quellen: [1] Yonhap,
 * 12.03.2025; [4] SWP, Juli 2021 · Angaben laut DMDC"). */
#define SRC_DOCS 12
static void set_source(struct pl_chart *c, const struct rp_model *m, const size_t *claims, size_t n)
{
	int docs[SRC_DOCS];
	const char *who[4];
	size_t nd = 0, nw = 0, more = 0, own = 0;
	struct kz_buf b = KZ_BUF_INIT;
	int de = m->lang == PL_DE;

	for (size_t i = 0; i < n; i++) {
		int k = m->docno[claims[i]];
		const char *src = m->t->v[claims[i]].source;
		size_t j;
		own += !src || !*src; /* (a figure in its document's own voice) */
		for (j = 0; j < nd && docs[j] != k; j++)
			;
		if (j == nd) {
			if (nd < SRC_DOCS)
				docs[nd++] = k;
			else
				more++;
		}
		for (j = 0; src && *src && j < nw && strcmp(who[j], src); j++)
			;
		if (src && *src && j == nw && nw < 4)
			who[nw++] = src;
	}
	if (!nd)
		return;
	for (size_t i = 1; i < nd; i++) /* in the sheet's order */
		for (size_t j = i; j > 0 && docs[j - 1] > docs[j]; j--) {
			int t = docs[j];
			docs[j] = docs[j - 1];
			docs[j - 1] = t;
		}
	kz_buf_adds(&b, nd + more == 1 ? (de ? "Quelle: " : "Source: ") : (de ? "Quellen: " : "Sources: "));
	for (size_t i = 0; i < nd; i++) {
		const struct rp_doc *d = docs[i] >= 1 && (size_t)docs[i] <= m->docs.n ? &m->docs.v[docs[i] - 1] : NULL;
		char date[64] = "", name[96];
		if (!d)
			continue;
		if (*d->publisher)
			snprintf(name, sizeof name, "[%d] %s", docs[i], d->publisher);
		else
			rp_doc_label(m, docs[i], name, sizeof name); /* "[2] its title", else its file */
		rp_utf8_cut(name, 48);
		if (*d->date)
			rp_fmt_date(date, sizeof date, d->date, m->lang);
		kz_buf_addf(&b, "%s%s%s%s", i ? "; " : "", name, *date ? ", " : "", date);
	}
	if (more)
		kz_buf_addf(&b, de ? " und %zu weitere" : " and %zu more", more);
	/* ("Angaben laut NATO" where only some are: "teils laut NATO", the rest the documents' own) */
	for (size_t j = 0; j < nw; j++)
		kz_buf_addf(&b, "%s%s", j ? ", " : own ? (de ? " · Angaben teils laut " : " · figures partly according to ")
						     : (de ? " · Angaben laut " : " · figures according to "),
			    who[j]);
	pl_chart_set_source(c, b.s);
	kz_buf_release(&b);
}

static void dots_chart(struct rp_charts *cs, const struct rp_model *m, const struct rp_fact *f)
{
	char name[256], title[320], slug[160], label[200], sub[400], v[64], r[96], yr[48], note[96];
	struct pl_chart *c;
	size_t k, rows = 0, *shown, nshown;
	enum pl_lang lang = m->lang;

	int differ = 0;
	const struct kz_claim *first = NULL;

	for (k = 0; k < f->nclaims; k++)
		if (f->claims[k] < m->t->n && !strcmp(m->t->v[f->claims[k]].unit, f->unit)) {
			const struct kz_claim *cl = &m->t->v[f->claims[k]];
			rows++;
			if (!first)
				first = cl;
			else if (cl->value != first->value || cl->low != first->low || cl->high != first->high)
				differ = 1;
		}
	/* statements of one figure alike in every text ("28.500" three times) compare nothing: an
	 * axis zoomed onto one point tells no more than the key figures' "wie angegeben, 3 Quellen" */
	if (rows < 2 || !differ)
		return;
	rp_fact_name(name, sizeof name, f->ind, f->detail, f->subject, f->partner, lang);
	rp_fmt_year(yr, sizeof yr, f->year, lang);
	snprintf(title, sizeof title, "%s%s%s", name, *f->year ? ", " : "", *f->year ? yr : "");
	snprintf(slug, sizeof slug, "dots-%s-%s-%s-%s-%s-%s", kz_ind_name(f->ind), f->detail,
		 f->subject, f->partner, f->unit, f->year);
	c = add_chart(cs, PL_DOTS, title, f->unit, slug);
	if (f->disputed) /* no estimate: the range the statements span */
		rp_fmt_disputed(r, sizeof r, m, f, lang);
	else
		rp_fmt_interval(r, sizeof r, f, lang);
	if (f->disputed)
		snprintf(sub, sizeof sub, lang == PL_DE ? "%zu Angaben aus %zu %s · strittig (%s)"
							: "%zu statements from %zu %s · disputed (%s)",
			 rows, f->ndocs,
			 lang == PL_DE ? (f->ndocs == 1 ? "Quelle" : "Quellen") : (f->ndocs == 1 ? "source" : "sources"), r);
	else {
		rp_fmt_fact(v, sizeof v, f, lang);
		snprintf(sub, sizeof sub, lang == PL_DE ? "%zu Angaben aus %zu %s · Konsens %s (%s)"
							: "%zu statements from %zu %s · consensus %s (%s)",
			 rows, f->ndocs,
			 lang == PL_DE ? (f->ndocs == 1 ? "Quelle" : "Quellen") : (f->ndocs == 1 ? "source" : "sources"), v, r);
	}
	if (rows > MAX_ROWS) /* the chart shows a part: say so, and which */
		snprintf(sub + strlen(sub), sizeof sub - strlen(sub),
			 lang == PL_DE ? " · gezeigt: %d, von der kleinsten bis zur größten"
				       : " · shown: %d, from the least to the greatest",
			 MAX_ROWS);
	pl_chart_set_subtitle(c, sub);
	c->has_band = 1;
	c->band_lo = f->low;
	c->band_hi = f->high;
	c->band_value = f->estimate; /* the line where the estimate is, not where its print rounds to */
	shown = kz_xmalloc((MAX_ROWS + 1) * sizeof *shown);
	nshown = rp_fact_pick(m, f, MAX_ROWS, shown);
	for (k = 0; k < nshown; k++) {
		const struct kz_claim *cl = &m->t->v[shown[k]];
		const char *close;
		if (strcmp(cl->unit, f->unit))
			continue;
		rp_claim_label(m, shown[k], label, sizeof label);
		/* a row of the same document and originator as a row above goes by its number alone
		 * ("[2]"): two rows cut to one title read the same, the quote on the right tells them
		 * apart */
		for (size_t j = 0; j < k; j++) {
			char before[200];
			if (strcmp(m->t->v[shown[j]].unit, f->unit))
				continue;
			rp_claim_label(m, shown[j], before, sizeof before);
			if (!strcmp(before, label) && (close = strchr(label, ']')) != NULL) {
				label[close + 1 - label] = '\0';
				break;
			}
		}
		pl_chart_add(c, label, point_note(m, cl, note, sizeof note), rp_year_num(cl->year), cl->value, cl->low,
			     cl->high, m->flags[shown[k]]);
		cite(cs, shown[k]);
	}
	set_source(c, m, shown, nshown);
	free(shown);
}

static int int_cmp(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

/* The stretch a trend may cover: the latest run of years (sorted, distinct) with no gap of more
 * than TREND_GAP years between neighbours. Returns how many years it holds, sets *from. */
static int trend_stretch(const int *years, int ny, int *from)
{
	int k = ny - 1;

	while (k > 0 && years[k] - years[k - 1] <= TREND_GAP)
		k--;
	*from = ny ? years[k] : 0;
	return ny - k;
}

/* Would a trend over the family's facts from year `from` on tell a change the statements do not
 * make? 1 when their intervals share a common range (they agree up to their rounding: "etwa
 * 36.000", "rund 35 000", "34 894"), 2 when fewer than three distinct values stand behind the
 * years (one figure restated, and one other); 3 when the greatest is more than TREND_SPREAD times
 * the least (a total and its part under one name, "fast 5,5 Billionen Won" of all contributions
 * beside 1,04 of the agreement alone, more often than a real change); else 0. */
#define TREND_SPREAD 3
static int trend_honest(const struct rp_model *m, const size_t *ord, size_t n, int from)
{
	double lo = -HUGE_VAL, hi = HUGE_VAL, vals[3], least = HUGE_VAL, spread = 0;
	size_t nv = 0, nf = 0;

	for (size_t j = 0; j < n; j++) {
		const struct rp_fact *g = &m->facts[ord[j]];
		size_t k;
		if (!g->yr || g->yr < from)
			continue;
		nf++;
		if (g->low > lo)
			lo = g->low;
		if (g->high < hi)
			hi = g->high;
		if (fabs(g->estimate) < least)
			least = fabs(g->estimate);
		if (fabs(g->estimate) > spread)
			spread = fabs(g->estimate);
		for (k = 0; k < nv && fabs(vals[k] - g->estimate) > 1e-9 * fmax(1, fabs(g->estimate)); k++)
			;
		if (k == nv && nv < 3)
			vals[nv++] = g->estimate;
	}
	if (nf && lo <= hi)
		return 1;
	if (nv < 3)
		return 2;
	return spread > TREND_SPREAD * least ? 3 : 0;
}

/* One time series per definition with three or more years; a trend over the latest stretch of
 * at least three years without a long gap, drawn between its first and last figure. */
static void series_chart(struct rp_charts *cs, const struct rp_model *m, const size_t *ord,
			 size_t n)
{
	const struct rp_fact *f = &m->facts[ord[0]];
	char name[256], title[320], slug[160], label[200], sub[400], a[16], b[16], note[96];
	struct pl_chart *c = NULL;
	int years[256], ny = 0, from = 0, nt, why;
	int de = m->lang == PL_DE;
	size_t npoints = 0, nfacts = 0, maxn = 0, per = SIZE_MAX, *picked;
	size_t *shownv = NULL, nshownv = 0, nshownv_alloc = 0; /* the claims the chart shows */

	for (size_t j = 0; j < n; j++) {
		const struct rp_fact *g = &m->facts[ord[j]];
		int seen = 0;
		if (!g->yr)
			continue;
		for (int y = 0; y < ny; y++)
			seen |= years[y] == g->yr;
		if (!seen && ny < (int)(sizeof years / sizeof years[0]))
			years[ny++] = g->yr;
	}
	if (ny < 3)
		return;
	qsort(years, (size_t)ny, sizeof years[0], int_cmp);
	nt = trend_stretch(years, ny, &from);
	why = trend_honest(m, ord, n, from);
	rp_fact_name(name, sizeof name, f->ind, f->detail, f->subject, f->partner, m->lang);
	snprintf(title, sizeof title, de ? "%s im Zeitverlauf" : "%s over time", name);
	snprintf(slug, sizeof slug, "series-%s-%s-%s-%s-%s", kz_ind_name(f->ind), f->detail, f->subject,
		 f->partner, f->unit);
	snprintf(sub, sizeof sub, "%s",
		 de ? "Jede Angabe nach dem Jahr, auf das sie sich bezieht; Farbe = Quelle"
		    : "Every statement by the year it refers to; colour = source");
	snprintf(a, sizeof a, "%d", from);
	snprintf(b, sizeof b, "%d", years[ny - 1]);
	if (nt >= PL_TREND_MIN && nt < ny && !why)
		snprintf(sub + strlen(sub), sizeof sub - strlen(sub),
			 de ? "; Trend nur %s\xe2\x80\x93%s: davor eine Lücke von mehr als %d Jahren"
			    : "; trend %s\xe2\x80\x93%s only: a gap of more than %d years before it",
			 a, b, TREND_GAP);
	else if (nt < PL_TREND_MIN)
		snprintf(sub + strlen(sub), sizeof sub - strlen(sub),
			 de ? "; kein Trend: zu wenige Jahre ohne Lücke von mehr als %d Jahren"
			    : "; no trend: too few years without a gap of more than %d years",
			 TREND_GAP);
	if (nt >= PL_TREND_MIN && why) {
		/* (the reason holds for the stretch a trend could cover: say from when, when it is
		 * not all the chart shows) */
		char since[48] = "";
		if (nt < ny)
			snprintf(since, sizeof since, de ? " seit %s" : " since %s", a);
		snprintf(sub + strlen(sub), sizeof sub - strlen(sub),
			 why == 1 ? (de ? "; kein Trend: die Angaben%s weichen nicht über ihre Rundung hinaus voneinander ab"
				       : "; no trend: the statements%s differ by no more than their rounding")
				  : why == 2 ? (de ? "; kein Trend: weniger als drei verschiedene Werte%s"
						   : "; no trend: fewer than three distinct values%s")
				  : (de ? "; kein Trend: die Werte%s liegen mehr als das Dreifache auseinander, kaum eine Abgrenzung"
					: "; no trend: the values%s lie more than threefold apart, hardly one definition"),
			 since);
		nt = 0;
	}
	/* every statement of the family, or, when they are too many to tell apart, a spread of each
	 * year's (the least, the greatest and between) */
	for (size_t j = 0; j < n; j++) {
		const struct rp_fact *g = &m->facts[ord[j]];
		if (g->yr) {
			npoints += g->nclaims;
			nfacts++;
			if (g->nclaims > maxn)
				maxn = g->nclaims;
		}
	}
	if (npoints > MAX_POINTS) {
		per = MAX_POINTS / nfacts > 1 ? MAX_POINTS / nfacts : 1;
		snprintf(sub + strlen(sub), sizeof sub - strlen(sub),
			 de ? "; gezeigt: je Jahr %s" : "; shown: per year %s",
			 per == 1   ? (de ? "die mittlere Angabe" : "the middle statement")
			 : per == 2 ? (de ? "die kleinste und die größte Angabe" : "the least and the greatest statement")
				    : (de ? "die kleinste, die größte und Angaben dazwischen" : "the least, the greatest and statements between"));
	}
	picked = kz_xmalloc(((per < maxn ? per : maxn) + 1) * sizeof *picked);
	for (size_t j = 0; j < n; j++) {
		const struct rp_fact *g = &m->facts[ord[j]];
		size_t npicked;
		if (!g->yr)
			continue;
		npicked = rp_fact_pick(m, g, per, picked);
		for (size_t k = 0; k < npicked; k++) {
			const struct kz_claim *cl;
			struct pl_point *p;
			cl = &m->t->v[picked[k]];
			if (strcmp(cl->unit, f->unit) || !rp_year_num(cl->year))
				continue;
			if (!c) {
				c = add_chart(cs, PL_SERIES, title, f->unit, slug);
				pl_chart_set_subtitle(c, sub);
				if (nt >= PL_TREND_MIN)
					pl_chart_set_trend(c, from, years[ny - 1]);
			}
			rp_doc_label(m, m->docno[picked[k]], label, sizeof label);
			rp_utf8_cut(label, 48);
			p = pl_chart_add(c, label, point_note(m, cl, note, sizeof note), rp_year_num(cl->year), cl->value, cl->low,
					 cl->high, m->flags[picked[k]]);
			p->series = pl_chart_series(c, label);
			cite(cs, picked[k]);
			KZ_GROW(shownv, nshownv_alloc, nshownv + 1);
			shownv[nshownv++] = picked[k];
		}
	}
	if (c)
		set_source(c, m, shownv, nshownv);
	free(shownv);
	free(picked);
}

/* A bar's height for ordering: the estimate, or a disputed fact's range's middle. */
static double bar_value(const struct rp_fact *f)
{
	return isfinite(f->estimate) ? f->estimate : (f->low + f->high) / 2;
}

/* Bars comparing countries: the latest year's consensus of facts that match. */
static void bars_chart(struct rp_charts *cs, const struct rp_model *m, const size_t *ord, size_t n,
		       enum kz_ind ind, int us_troops, const char *title, const char *slug)
{
	struct pl_chart *c;
	const struct rp_fact *best[64];
	size_t nb = 0, j, k;
	const char *unit = NULL;

	for (j = 0; j < n; j++) {
		const struct rp_fact *f = &m->facts[ord[j]];
		const char *who = us_troops ? f->partner : f->subject;
		/* countries side by side, each with one year's figure: a span's total or mean is
		 * another definition */
		if (f->ind != ind || !*who || !charted(f) || rp_year_width(f->year) != 0)
			continue;
		if (us_troops && (strcmp(f->subject, "US") || (*f->detail && strcmp(f->detail, "stationed"))))
			continue;
		/* shares of GDP compare defence spending, not the share of one programme or a target */
		if (ind == KZ_I_GDP_SHARE && *f->detail && strcmp(f->detail, "defense_budget"))
			continue;
		if (!unit)
			unit = f->unit;
		if (strcmp(unit, f->unit))
			continue;
		for (k = 0; k < nb; k++)
			if (!strcmp(us_troops ? best[k]->partner : best[k]->subject, who))
				break;
		if (k == nb) {
			if (nb == 64)
				continue;
			best[nb++] = f;
		} else if (f->yr > best[k]->yr || (f->yr == best[k]->yr && f->ndocs > best[k]->ndocs)) {
			best[k] = f;
		}
	}
	if (nb < 2)
		return;
	/* the greatest first, as a table of countries is read (a disputed fact by its range's middle) */
	for (size_t i = 1; i < nb; i++)
		for (k = i; k > 0 && bar_value(best[k - 1]) < bar_value(best[k]); k--) {
			const struct rp_fact *t = best[k];
			best[k] = best[k - 1];
			best[k - 1] = t;
		}
	c = add_chart(cs, PL_BARS, title, unit, slug);
	pl_chart_set_subtitle(c, m->lang == PL_DE
					 ? "Konsens des jüngsten Jahres je Land, mit Intervall und Zahl der Quellen"
					 : "Consensus of the latest year per country, with interval and number of sources");
	for (k = 0; k < nb; k++) {
		const struct rp_fact *f = best[k];
		char label[128], note[128], v[64], yr[48];
		size_t cited[2], nc;
		if (f->disputed) /* no estimate: the range the sources give */
			rp_fmt_disputed(v, sizeof v, m, f, m->lang);
		else
			rp_fmt_fact(v, sizeof v, f, m->lang);
		rp_fmt_year(yr, sizeof yr, f->year, m->lang);
		snprintf(label, sizeof label, "%s%s%s%s", rp_country(us_troops ? f->partner : f->subject, m->lang),
			 *f->year ? " (" : "", *f->year ? yr : "", *f->year ? ")" : "");
		snprintf(note, sizeof note, m->lang == PL_DE ? "%s · %zu Q." : "%s · %zu src.", v, f->ndocs);
		nc = rp_fact_evidence(m, f, cited); /* a bar's evidence, as a key figure's */
		for (j = 0; j < nc; j++)
			cite(cs, cited[j]);
		pl_chart_add(c, label, note, f->yr, f->estimate, f->low, f->high,
			     (fact_flags(m, f) & PL_F_CONFLICT) | (f->disputed ? PL_F_CONFLICT : 0));
	}
	{
		/* a bar stands for all its fact's statements: all their documents are its sources */
		size_t *all = NULL, na = 0, aa = 0;
		for (k = 0; k < nb; k++)
			for (j = 0; j < best[k]->nclaims; j++) {
				KZ_GROW(all, aa, na + 1);
				all[na++] = best[k]->claims[j];
			}
		set_source(c, m, all, na);
		free(all);
	}
}

void rp_charts_build(struct rp_charts *cs, const struct rp_model *m)
{
	size_t *ord, *fo, *fill, n = m->nfacts, i, ndots = 0, nser = 0;
	int de = m->lang == PL_DE;

	memset(cs, 0, sizeof *cs);
	ord = kz_xmalloc((n + 1) * sizeof *ord);
	for (i = 0; i < n; i++)
		ord[i] = i;
	sort_m = m;
	qsort(ord, n, sizeof *ord, fact_cmp);
	bars_chart(cs, m, ord, n, KZ_I_TROOPS, 1, de ? "US-Truppen im Ländervergleich" : "US troops by host country",
		   "bars-us-troops");
	bars_chart(cs, m, ord, n, KZ_I_COST_SHARE, 0,
		   de ? "Anteil des Gastlands an den Stationierungskosten" : "Host-nation share of stationing costs",
		   "bars-cost-share");
	bars_chart(cs, m, ord, n, KZ_I_GDP_SHARE, 0,
		   de ? "Verteidigungsausgaben in % des BIP" : "Defence spending as % of GDP", "bars-gdp-share");
	for (i = 0; i < n && ndots < MAX_DOTS; i++) {
		const struct rp_fact *f = &m->facts[ord[i]];
		size_t before = cs->n;
		if (!kz_ind_is_core(f->ind) || f->nclaims < 2 || !charted(f))
			continue;
		/* differing figures of one text are most often two quantities (a count and an agreed
		 * strength, a total and a part): not set side by side as one fact's statements */
		if (f->disputed && rp_fact_one_text(m, f))
			continue;
		dots_chart(cs, m, f);
		ndots += cs->n - before;
	}
	/* the facts of each family in the order above, so that a series costs its family's length */
	fo = kz_xmalloc((n + 1) * sizeof *fo);
	fill = kz_xmalloc((m->nfam + 1) * sizeof *fill);
	memcpy(fill, m->famstart, (m->nfam + 1) * sizeof *fill);
	for (i = 0; i < n; i++)
		fo[fill[m->fam[ord[i]]]++] = ord[i];
	for (i = 0; i < n && nser < MAX_SERIES; i++) {
		const struct rp_fact *f = &m->facts[ord[i]];
		size_t before = cs->n, fam = m->fam[ord[i]];
		if (!kz_ind_is_core(f->ind) || !charted(f) || !*f->year)
			continue;
		if (fo[m->famstart[fam]] != ord[i])
			continue; /* family done: it starts with its first fact in this order */
		series_chart(cs, m, fo + m->famstart[fam], m->famstart[fam + 1] - m->famstart[fam]);
		nser += cs->n - before;
	}
	free(fill);
	free(fo);
	free(ord);
}

void rp_charts_release(struct rp_charts *cs)
{
	for (size_t i = 0; i < cs->n; i++) {
		pl_chart_release(&cs->v[i]);
		free(cs->slug[i]);
	}
	free(cs->v);
	free(cs->slug);
	free(cs->cite);
	memset(cs, 0, sizeof *cs);
}

#define CHART_W 480.0
#define CHART_PAD 12.0
#define PNG_SCALE 2.0

static void draw_on(cairo_surface_t *s, const struct pl_chart *ch, enum pl_lang lang, double h,
		    double scale)
{
	cairo_t *cr = cairo_create(s);
	struct pl_ctx pc;

	cairo_scale(cr, scale, scale);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	pl_ctx_init(&pc, cr, lang, NULL);
	pl_chart_draw(&pc, ch, CHART_PAD, CHART_PAD, CHART_W, h);
	pl_ctx_release(&pc);
	cairo_destroy(cr);
}

int rp_charts_export(const struct rp_charts *cs, const char *dir, enum pl_lang lang,
		     struct kz_err *err)
{
	char path[4096];
	cairo_surface_t *probe = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
	cairo_t *pcr = cairo_create(probe);
	struct pl_ctx pc;
	int rc = 0;

	if (mkdir(dir, 0777) && errno != EEXIST)
		rc = kz_err_set(err, KZ_EIO, dir, 0, "cannot create folder: %s", strerror(errno));
	pl_ctx_init(&pc, pcr, lang, NULL);
	for (size_t i = 0; i < cs->n && !rc; i++) {
		double h = pl_chart_height(&pc, &cs->v[i], CHART_W);
		double W = CHART_W + 2 * CHART_PAD, H = h + 2 * CHART_PAD;
		struct kz_out o;
		struct rp_stream st;
		cairo_status_t cst;
		cairo_surface_t *s;

		snprintf(path, sizeof path, "%s/%s.svg", dir, cs->slug[i]);
		if ((rc = kz_out_open(&o, path, err)))
			break;
		st.f = o.f;
		st.err = 0;
		s = cairo_svg_surface_create_for_stream(rp_stream_write, &st, W, H);
		draw_on(s, &cs->v[i], lang, h, 1);
		cairo_surface_finish(s);
		if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
			cairo_surface_destroy(s);
			kz_out_abort(&o);
			rc = kz_err_set(err, KZ_EIO, path, 0, "cannot write svg: %s",
					rp_stream_strerror(&st, cairo_surface_status(s)));
			break;
		}
		cairo_surface_destroy(s);
		if ((rc = kz_out_commit(&o, err)))
			break;
		snprintf(path, sizeof path, "%s/%s.png", dir, cs->slug[i]);
		if ((rc = kz_out_open(&o, path, err)))
			break;
		s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)ceil(W * PNG_SCALE),
					       (int)ceil(H * PNG_SCALE));
		draw_on(s, &cs->v[i], lang, h, PNG_SCALE);
		st.f = o.f;
		st.err = 0;
		if ((cst = cairo_surface_write_to_png_stream(s, rp_stream_write, &st)) != CAIRO_STATUS_SUCCESS) {
			cairo_surface_destroy(s);
			kz_out_abort(&o);
			rc = kz_err_set(err, KZ_EIO, path, 0, "cannot write png: %s", rp_stream_strerror(&st, cst));
			break;
		}
		cairo_surface_destroy(s);
		rc = kz_out_commit(&o, err);
	}
	pl_ctx_release(&pc);
	cairo_destroy(pcr);
	cairo_surface_destroy(probe);
	return rc;
}
