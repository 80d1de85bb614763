/* factsheet.c: the fact sheet — summary with key figures, goals, charts and sources; the findings and
 * the appendix are evidence.c's. */
#include "reports_int.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_COUNTRIES 16
#define MAX_KEYROWS 14
/* a row of "Ziele und Forderungen" cites at most this many of the claims that state its figure */
#define RP_CITE_GOAL 3

void rp_options_init(struct rp_options *o)
{
	memset(o, 0, sizeof *o);
	o->lang = PL_DE;
}

static void fmt_date(char *dst, size_t n, long long t, enum pl_lang lang)
{
	time_t tt = (time_t)t;
	struct tm tm;

	char iso[32];

	gmtime_r(&tt, &tm);
	strftime(iso, sizeof iso, "%Y-%m-%d", &tm);
	rp_fmt_date(dst, n, iso, lang); /* as every other date of the sheet */
}

/* The country a fact is listed under: the host for US troops abroad, else the subject. */
static const char *fact_country(const struct rp_fact *f)
{
	if (f->ind == KZ_I_TROOPS && !strcmp(f->subject, "US") && *f->partner)
		return f->partner;
	return f->subject;
}

static int fact_conflict(const struct rp_model *m, const struct rp_fact *f)
{
	for (size_t k = 0; k < f->nclaims; k++)
		if (f->claims[k] < m->t->n && (m->flags[f->claims[k]] & PL_F_CONFLICT))
			return 1;
	return 0;
}



/* ---- summary ---- */

struct ctry {
	const char *code;
	size_t nclaims;
};

static int ctry_cmp(const void *x, const void *y)
{
	const struct ctry *a = x, *b = y;
	if (a->nclaims != b->nclaims)
		return a->nclaims > b->nclaims ? -1 : 1;
	return strcmp(a->code, b->code);
}

static int ind_rank(enum kz_ind i)
{
	static const enum kz_ind order[] = {KZ_I_TROOPS, KZ_I_BUDGET, KZ_I_GDP_SHARE, KZ_I_COST_SHARE,
					    KZ_I_TRADE_SHARE};
	for (int k = 0; k < 5; k++)
		if (order[k] == i)
			return k;
	return 5;
}

static const struct rp_model *sort_m;

static int key_cmp(const void *x, const void *y)
{
	const struct rp_fact *a = &sort_m->facts[*(const size_t *)x];
	const struct rp_fact *b = &sort_m->facts[*(const size_t *)y];
	int r;

	if (ind_rank(a->ind) != ind_rank(b->ind))
		return ind_rank(a->ind) - ind_rank(b->ind);
	/* US troops (host) before a country's own forces */
	if ((r = strcmp(b->subject, a->subject)) && a->ind == KZ_I_TROOPS)
		return strcmp(a->subject, "US") ? 1 : -1;
	if ((r = strcmp(a->detail, b->detail)) || (r = strcmp(a->partner, b->partner)))
		return r;
	/* local currency after USD */
	if ((r = strcmp(a->unit, b->unit)))
		return !strcmp(a->unit, "USD") ? -1 : !strcmp(b->unit, "USD") ? 1 : r;
	return b->yr - a->yr;
}

/* One definition is one family of the model (a five-year total is not the latest figure of a
 * yearly budget, it is a row of its own). A figure for a span of years that ended before a later
 * figure of its fact is history ("mehr als 300.000" in 1950–1953 beside 28.500 in 2025, arms
 * exports 2016–2020 beside 2021–2023): no key figure (claims.csv keeps it). */
static int past_span(const struct rp_model *m, size_t fi)
{
	const struct rp_fact *f = &m->facts[fi];

	return rp_year_width(f->year) > 0 && m->keymax[m->key[fi]] > f->yr;
}

/* Does every claim of fact fi restate a figure its document gives for an earlier year of the
 * same family — the same value, dated by its year and again by the present tense ("2020 circa
 * 55 300", then "der rund 55 300 Männer und Frauen" in a text of 2021)? Then the earlier year is
 * the fact's, and fi no key figure of its own. */
static int restated_fact(const struct rp_model *m, size_t fi)
{
	const struct rp_fact *f = &m->facts[fi];

	if (!f->yr || !f->nclaims)
		return 0;
	size_t fam = m->fam[fi];

	for (size_t k = 0; k < f->nclaims; k++) {
		size_t ci = f->claims[k];
		const struct kz_claim *c = &m->t->v[ci];
		int seen = 0;
		/* the facts of its family only (rp_model famord) */
		for (size_t x = m->famstart[fam]; x < m->famstart[fam + 1] && !seen; x++) {
			const struct rp_fact *e = &m->facts[m->famord[x]];
			if (!e->yr || e->yr >= f->yr)
				continue;
			for (size_t j = 0; j < e->nclaims && !seen; j++) {
				const struct kz_claim *d = &m->t->v[e->claims[j]];
				seen = m->docno[e->claims[j]] == m->docno[ci] && d->value == c->value && !strcmp(d->unit, c->unit);
			}
		}
		if (!seen)
			return 0;
	}
	return 1;
}

/* The key figures are the headline facts: troops stationed and armed forces, defence budgets,
 * host-nation support and arms exports, shares of GDP (by NATO's definition and by SIPRI's), of
 * costs and of trade; a branch, an
 * exercise, a demand or a relocation stays in the charts and the appendix; a count of active
 * soldiers only is a row of its own beside the official strength. */
static int key_detail(const struct rp_fact *f)
{
	if (f->status != KZ_S_REPORTED)
		return 0; /* a target, plan, demand, cap, claim or forecast is no level: "Ziele und Forderungen" */
	if (!*f->year)
		return 0; /* one the text dates to no year ("jahrzehntelang", "des vorangegangenen Plans")
			   * is of no reference year: the appendix keeps it */
	/* (a count of active soldiers only stands beside the official strength: "28.500" and the
	 * DMDC's "gut 23.000 aktive Soldaten" are both the reader's to see) */
	static const char *const keep[] = {"", "stationed", "stationed_active", "armed_forces", "defense_budget",
					   "host_nation_support", "military_exports", "exports",
					   "imports", "total_trade", NULL};
	if (f->ind == KZ_I_COST_SHARE)
		return 1;
	if (f->ind == KZ_I_BUDGET && !*f->detail)
		return 0; /* money of an unnamed kind is no headline figure */
	if (f->ind == KZ_I_GDP_SHARE) /* (SIPRI's military expenditure beside NATO's defence budget) */
		return !*f->detail || !strcmp(f->detail, "defense_budget") || !strcmp(f->detail, "military_expenditure");
	for (const char *const *k = keep; *k; k++)
		if (!strcmp(f->detail, *k))
			return 1;
	return 0;
}

/* "Stationierungskosten: Beitrag Japan an USA (Summe)": money over a run of years that is no
 * yearly rate is the sum of those years, not one year's figure beside the others' */
static void span_total(char *name, size_t n, const struct rp_fact *f, enum pl_lang L)
{
	size_t nl = strlen(name);
	int yearly;

	kz_detail_base(f->detail, &yearly, NULL);
	if (f->ind != KZ_I_BUDGET || !strchr(f->year, '-') || yearly)
		return;
	snprintf(name + nl, n - nl, "%s", rp_tr(L, " (Summe)", " (total)"));
}

/* Do all the fact's claims state one figure alike, in its unit and with one qualifier ("28.500",
 * "1,5192 Billionen Won", "etwa 11.000" twice)? Then its interval is only what that qualifier and
 * the rounding allow: the sheet says "wie angegeben", with the qualifier's word, rather than print
 * a range no source gave ("10.450–11.550" for "etwa 11.000"). The qualifier, or -1 if not alike. */
static int stated_alike(const struct rp_model *m, const struct rp_fact *f)
{
	const struct kz_claim *c0;

	if (!f->nclaims)
		return -1;
	c0 = &m->t->v[f->claims[0]];
	for (size_t k = 0; k < f->nclaims; k++) {
		const struct kz_claim *cl = &m->t->v[f->claims[k]];
		if (cl->qual != c0->qual || cl->qual == KZ_Q_RANGE || strcmp(cl->unit, f->unit) ||
		    fabs(cl->value - c0->value) > 1e-9 * fmax(1, fabs(c0->value)))
			return -1;
	}
	return (int)c0->qual;
}

/* "wie angegeben (knapp)": the qualifier in the words of the fact's first claim */
static const char *as_stated(const struct kz_claim *c, char *buf, size_t n, enum pl_lang L)
{
	if (c->qual != KZ_Q_APPROX && c->qual != KZ_Q_AT_LEAST && c->qual != KZ_Q_AT_MOST)
		return rp_tr(L, "wie angegeben", "as stated");
	snprintf(buf, n, "%s (%s)", rp_tr(L, "wie angegeben", "as stated"),
		 L == PL_EN && c->qual == KZ_Q_APPROX ? "about" : rp_qual_stated(c, L));
	return buf;
}

/* The originators the fact's claims name ("laut SIPRI"), appended to its row's name: 4,12 % by
 * NATO's definition and 4,2 % by SIPRI's are told apart where the figure stands, and a figure in
 * its documents' own voice names none — nor does one that some texts state in their own voice
 * ("Offiziell stehen 28.500 US-Soldaten in Südkorea" beside a report of what the Pentagon weighs:
 * not "laut Pentagon"). At most three, then "u. a.". */
static void named_sources(char *name, size_t n, const struct rp_model *m, const struct rp_fact *f, enum pl_lang L)
{
	const char *seen[3];
	size_t ns = 0, more = 0, nl;

	for (size_t k = 0; k < f->nclaims; k++) {
		const char *src = m->t->v[f->claims[k]].source;
		size_t j;
		if (!src || !*src)
			return;
		for (j = 0; j < ns && strcmp(seen[j], src); j++)
			;
		if (j < ns)
			continue;
		if (ns < sizeof seen / sizeof seen[0])
			seen[ns++] = src;
		else
			more = 1;
	}
	if (!ns)
		return;
	nl = strlen(name);
	nl += (size_t)snprintf(name + nl, nl < n ? n - nl : 0, "%s", rp_tr(L, " (laut ", " (per "));
	for (size_t j = 0; j < ns && nl < n; j++)
		nl += (size_t)snprintf(name + nl, n - nl, "%s%s", j ? ", " : "", seen[j]);
	if (nl < n)
		snprintf(name + nl, n - nl, "%s)", more ? rp_tr(L, " u. a.", " et al.") : "");
}

static void key_figures(struct rp_pages *p, struct rp_model *m)
{
	enum pl_lang L = m->lang;
	const struct rp_col cols[] = {
		{rp_tr(L, "Kennzahl", "Figure"), 170, PL_LEFT, 2},
		{rp_tr(L, "Konsens", "Consensus"), 100, PL_RIGHT, 1},
		{rp_tr(L, "Jahr", "Year"), 48, PL_LEFT, 1},
		{rp_tr(L, "Intervall", "Interval"), 120, PL_RIGHT, 1},
		{rp_tr(L, "Quellen", "Sources"), RP_TEXT_W - 438, PL_RIGHT, 1},
	};
	struct ctry cs[MAX_COUNTRIES * 4];
	size_t cited[2];
	size_t nc = 0, i, j, k, *ord = kz_xmalloc((m->nfacts + 1) * sizeof *ord), nord;
	unsigned char *seen = kz_xcalloc(m->nfam + 1, 1);
	struct rp_table t;

	for (i = 0; i < m->nfacts; i++) {
		const struct rp_fact *f = &m->facts[i];
		const char *c = fact_country(f);
		if (!kz_ind_is_core(f->ind) || !key_detail(f) || !*c)
			continue;
		for (k = 0; k < nc && strcmp(cs[k].code, c); k++)
			;
		if (k == nc) {
			if (nc == sizeof cs / sizeof cs[0])
				continue;
			cs[nc].code = c;
			cs[nc++].nclaims = 0;
		}
		cs[k].nclaims += f->nclaims;
	}
	qsort(cs, nc, sizeof *cs, ctry_cmp);
	if (nc > MAX_COUNTRIES)
		nc = MAX_COUNTRIES;
	rp_pages_heading(p, rp_tr(L, "Kennzahlen nach Land", "Key figures by country"), RP_F_H2, 60);
	rp_pages_para(p, RP_F_SMALL, 0, PL_C_MUTED,
		      m->checked ? rp_tr(L, "Konsens je Fakt für das jüngste Jahr mit Angaben (aus der Prüfung der Quellen gegeneinander), Intervall (wie angegeben: alle Quellen nennen dieselbe Zahl, in Klammern ihr Wort der Einschränkung) und Zahl der Quellen. Rot: Quellen widersprechen sich; strittig: kein Bereich, den alle Angaben zulassen, daher die Spanne der Angaben statt eines Mittelwerts.",
				      "Consensus per fact for the latest year with figures (from checking the sources against each other), its interval (as stated: every source states the same figure, in brackets its qualifying word) and number of sources. Red: sources disagree; disputed: no range all statements allow, so the span of the figures instead of a mean.")
				 : rp_tr(L, "Median der Angaben je Fakt für das jüngste Jahr, gemeinsames Intervall der Angaben und Zahl der Quellen. Rot: Quellen widersprechen sich.",
				      "Median of the statements per fact for the latest year, their common interval and number of sources. Red: sources disagree."));
	rp_table_begin(p, &t, cols, 5);
	sort_m = m;
	for (k = 0; k < nc; k++) {
		size_t rows = 0;
		nord = 0;
		for (i = 0; i < m->nfacts; i++)
			if (kz_ind_is_core(m->facts[i].ind) && key_detail(&m->facts[i]) &&
			    !strcmp(fact_country(&m->facts[i]), cs[k].code))
				ord[nord++] = i;
		qsort(ord, nord, sizeof *ord, key_cmp);
		rp_table_group(p, &t, rp_country(cs[k].code, L));
		for (i = 0; i < nord && rows < MAX_KEYROWS; i++) {
			const struct rp_fact *f = &m->facts[ord[i]];
			char name[256], v[160], r[96], n[32], y[48];
			const char *cells[5];
			int q;
			/* the latest year of each family only (facts are sorted newest first) */
			if (seen[m->fam[ord[i]]] || restated_fact(m, ord[i]))
				continue;
			seen[m->fam[ord[i]]] = 1;
			if (past_span(m, ord[i]))
				continue;
			rp_fact_name(name, sizeof name, f->ind, f->detail, f->subject, f->partner, L);
			span_total(name, sizeof name, f, L);
			named_sources(name, sizeof name, m, f, L);
			if (f->disputed) {
				/* no common range: the figures stated, never a mean no source gave (money in
				 * several currencies: the span check computed in the fact's unit) */
				rp_fmt_disputed(r, sizeof r, m, f, L);
				if (rp_fact_one_text(m, f)) /* one text, no sources contradicting each other */
					snprintf(v, sizeof v, "%s", r);
				else
					snprintf(v, sizeof v, "<span foreground=\"#c0392b\">%s</span>", r);
			} else {
				rp_fmt_fact(r, sizeof r, f, L); /* no markup characters */
				if (fact_conflict(m, f))
					snprintf(v, sizeof v, "<span foreground=\"#c0392b\">%s</span>", r);
				else
					snprintf(v, sizeof v, "%s", r);
			}
			if (f->disputed && rp_fact_one_text(m, f)) /* figures of one text that differ */
				snprintf(r, sizeof r, "%s", rp_tr(L, "im Text verschieden", "differ in one text"));
			else if (f->disputed) /* no range all statements allow */
				snprintf(r, sizeof r, "%s", rp_tr(L, "strittig", "disputed"));
			else if ((q = stated_alike(m, f)) >= 0) { /* "28.450–28.550": only how it is rounded */
				char sb[96];
				snprintf(r, sizeof r, "%s", as_stated(&m->t->v[f->claims[0]], sb, sizeof sb, L));
			}
			else
				rp_fmt_interval(r, sizeof r, f, L);
			snprintf(n, sizeof n, "%zu", f->ndocs);
			rp_fmt_year(y, sizeof y, f->year, L);
			cells[0] = name;
			cells[1] = v;
			cells[2] = y;
			cells[3] = r;
			cells[4] = n;
			rp_table_row(p, &t, cells, 1u << 1, 0);
			rows++;
			/* the row's evidence: the figure nearest its estimate, or the two ends of its span */
			for (j = rp_fact_evidence(m, f, cited); j > 0; j--)
				rp_model_cite(m, cited[j - 1]);
		}
	}
	rp_table_end(&t);
	free(seen);
	free(ord);
}

/* One row of "Ziele und Forderungen": one figure stated for one fact. */
struct goal_row {
	char name[256];
	const struct rp_fact *fact; /* the first fact that states it */
	const struct kz_claim *claim; /* the first claim that states it, as it states it */
	enum kz_status status;
	const char *unit, *year;
	double value;
	size_t nsrc;
};

/* Who vouches for a claim: the originator the text names ("S" + name), else its document ("D"). */
struct voucher {
	int named;
	const char *who;
};

static int voucher_cmp(const void *x, const void *y)
{
	const struct voucher *a = x, *b = y;

	if (a->named != b->named)
		return a->named - b->named;
	return strcmp(a->who, b->who);
}

/* Do two claims state one figure: equal, or one inside the other's rounding ("1,52" and "1,5192")? */
static int same_figure(const struct kz_claim *a, const struct kz_claim *b)
{
	return a->value == b->value || (strcmp(a->unit, b->unit) == 0 && ((b->value >= a->low && b->value <= a->high) ||
									  (a->value >= b->low && a->value <= b->high)));
}

/* The sources of f's claims that state the figure of c (within its rounding, in f's unit), each
 * once: the originator the text names, else the document. O(n log n) in f's claims. */
static size_t sources_within(const struct rp_model *m, const struct rp_fact *f, const struct kz_claim *c)
{
	struct voucher *v = kz_xmalloc((f->nclaims + 1) * sizeof *v);
	size_t k, nv = 0, n = 0;

	for (k = 0; k < f->nclaims; k++) {
		const struct kz_claim *a = &m->t->v[f->claims[k]];
		if (strcmp(a->unit, f->unit) || !same_figure(a, c))
			continue;
		v[nv].named = *a->source != '\0';
		v[nv++].who = *a->source ? a->source : a->doc;
	}
	qsort(v, nv, sizeof *v, voucher_cmp);
	for (k = 0; k < nv; k++)
		n += !k || voucher_cmp(&v[k - 1], &v[k]) != 0;
	free(v);
	return n;
}

/* Targets, plans, demands, caps, disputed claims and forecasts: never levels, so a table of their
 * own. Each row is one figure for one fact (indicator, detail, status, subject, partner, year)
 * with the year it is for: a target of 5 % and its parts of 3,5 % and 1,5 %, or a budget and its
 * draft, are figures of their own, never one range "1,5–5 %"; the same figure under two details
 * the sheet names alike is one row. */
static void goals(struct rp_pages *p, struct rp_model *m)
{
	enum pl_lang L = m->lang;
	const struct rp_col cols[] = {
		{rp_tr(L, "Kennzahl", "Figure"), 170, PL_LEFT, 2},
		{rp_tr(L, "Art", "Kind"), 80, PL_LEFT, 1},
		{rp_tr(L, "Angabe", "Figure stated"), 120, PL_RIGHT, 1},
		{rp_tr(L, "Jahr", "Year"), 48, PL_LEFT, 1},
		{rp_tr(L, "Quellen", "Sources"), RP_TEXT_W - 418, PL_RIGHT, 1},
	};
	struct goal_row rows[3 * MAX_KEYROWS];
	struct rp_table t;
	size_t i, k, j, nrows = 0;

	for (i = 0; i < m->nfacts && nrows < sizeof rows / sizeof rows[0]; i++) {
		const struct rp_fact *f = &m->facts[i];
		char name[256];
		if (f->status == KZ_S_REPORTED || !kz_ind_is_core(f->ind))
			continue;
		rp_fact_name(name, sizeof name, f->ind, f->detail, f->subject, f->partner, L);
		span_total(name, sizeof name, f, L);
		/* every figure stated, not a mean or a range of them: a demand of 5 and one of 10 are two demands */
		for (k = 0; k < f->nclaims && nrows < sizeof rows / sizeof rows[0]; k++) {
			const struct kz_claim *c = &m->t->v[f->claims[k]];
			if (strcmp(c->unit, f->unit))
				continue; /* the same figure in another currency */
			for (j = 0; j < nrows; j++)
				if (rows[j].status == f->status && same_figure(rows[j].claim, c) &&
				    !strcmp(rows[j].unit, f->unit) && !strcmp(rows[j].year, f->year) &&
				    !strcmp(rows[j].name, name))
					break;
			if (j < nrows) {
				/* "1,52 Bio. Won" is "1,5192 Bio. Won" rounded: one figure, stated as its most
				 * precise statement states it, vouched for by both */
				if (c->high - c->low < rows[j].claim->high - rows[j].claim->low) {
					rows[j].claim = c;
					rows[j].value = c->value;
				}
				rows[j].nsrc = sources_within(m, rows[j].fact, rows[j].claim);
				continue;
			}
			snprintf(rows[nrows].name, sizeof rows[nrows].name, "%s", name);
			rows[nrows].fact = f;
			rows[nrows].status = f->status;
			rows[nrows].unit = f->unit;
			rows[nrows].year = f->year;
			rows[nrows].value = c->value;
			rows[nrows].claim = c;
			rows[nrows].nsrc = sources_within(m, f, c);
			nrows++;
		}
	}
	/* a goal the text also states for a year ("Mindeststärke von 28.500" beside "darf 2020 nicht
	 * unter 28.500 fallen") is one row, of that year */
	for (i = 0; i < nrows; i++) {
		if (rows[i].year[0])
			continue;
		for (j = 0; j < nrows; j++)
			if (j != i && rows[j].year[0] && rows[j].status == rows[i].status && same_figure(rows[j].claim, rows[i].claim) &&
			    !strcmp(rows[j].unit, rows[i].unit) && !strcmp(rows[j].name, rows[i].name))
				break;
		if (j < nrows) {
			rows[j].nsrc += rows[i].nsrc;
			if (rows[i].claim->high - rows[i].claim->low < rows[j].claim->high - rows[j].claim->low) {
				rows[j].claim = rows[i].claim; /* as its most precise statement states it */
				rows[j].value = rows[i].value;
			}
			memmove(&rows[i], &rows[i + 1], (nrows - i - 1) * sizeof rows[0]);
			nrows--;
			i--;
		}
	}
	if (!nrows)
		return;
	rp_pages_heading(p, rp_tr(L, "Ziele und Forderungen", "Targets and demands"), RP_F_H2, 60);
	rp_pages_para(p, RP_F_SMALL, 0, PL_C_MUTED,
		      rp_tr(L, "Ziele, Pläne, Forderungen, Ober- und Untergrenzen, bestrittene Behauptungen und Prognosen: keine Ist-Werte, daher nicht in den Kennzahlen. Jede Zeile ist eine genannte Zahl; Jahr: wofür sie gilt (–: der Text nennt keines).",
			 "Targets, plans, demands, caps and floors, disputed claims and forecasts: not actual levels, so not among the key figures. Each row is one figure stated; year: what it is for (–: the text names none)."));
	rp_table_begin(p, &t, cols, 5);
	for (i = 0; i < nrows; i++) {
		char v[160], n[32], y[48];
		const char *cells[5];
		rp_fmt_claim_qual(v, sizeof v, rows[i].claim, L); /* "etwa 5.000", as the appendix says it */
		snprintf(n, sizeof n, "%zu", rows[i].nsrc);
		rp_fmt_year(y, sizeof y, rows[i].year, L);
		cells[0] = rows[i].name;
		cells[1] = rp_status_word(rows[i].status, L);
		cells[2] = v;
		cells[3] = y;
		cells[4] = n;
		rp_table_row(p, &t, cells, 0, 0);
		/* the row's evidence: the claims of its fact that state the figure */
		for (k = 0, j = 0; k < rows[i].fact->nclaims && j < RP_CITE_GOAL; k++) {
			size_t ci = rows[i].fact->claims[k];
			if (ci < m->t->n && same_figure(&m->t->v[ci], rows[i].claim) &&
			    !strcmp(m->t->v[ci].unit, rows[i].unit)) {
				rp_model_cite(m, ci);
				j++;
			}
		}
	}
	rp_table_end(&t);
}

static void summary(struct rp_pages *p, struct rp_model *m, const struct rp_options *o,
		    const char *title, const char *gendate)
{
	enum pl_lang L = m->lang;
	struct kz_buf b = KZ_BUF_INIT;
	const char *lo = NULL, *hi = NULL;
	size_t npub = 0, ncore = 0, kinds[RP_K_SAME_TEXT + 1] = {0}, i;
	GHashTable *pubs = g_hash_table_new(g_str_hash, g_str_equal);

	(void)o;
	for (i = 0; i < m->docs.n; i++) {
		const char *d = m->docs.v[i].date, *pub = m->docs.v[i].publisher;
		if (*d && (!lo || strcmp(d, lo) < 0))
			lo = d;
		if (*d && (!hi || strcmp(d, hi) > 0))
			hi = d;
		if (*pub && g_hash_table_add(pubs, (gpointer)pub)) /* each publisher once */
			npub++;
	}
	g_hash_table_destroy(pubs);
	for (i = 0; i < m->t->n; i++)
		ncore += kz_ind_is_core(m->t->v[i].ind) != 0;
	for (i = 0; i < m->nfinds; i++)
		if (rp_find_kind(&m->finds[i]) >= 0 && rp_find_kind(&m->finds[i]) <= RP_K_SAME_TEXT)
			kinds[rp_find_kind(&m->finds[i])]++;
	pl_set_rgb(&p->pc, PL_C_ACCENT);
	p->y += pl_text(&p->pc, RP_ML, p->y, RP_TEXT_W, RP_F_H1, 0, PL_LEFT, 3, title) + 4;
	kz_buf_addf(&b, rp_tr(L, "Faktenblatt, erstellt am %s · %zu Dokumente", "Fact sheet, generated %s · %zu documents"),
		    gendate, m->docs.n);
	if (npub)
		kz_buf_addf(&b, rp_tr(L, " von %zu Herausgebern", " from %zu publishers"), npub);
	if (lo) {
		/* both ends to the precision of the coarser ("von Mai 2021 bis Januar 2025", not "vom Mai
		 * 2021 bis 31.01.2025"); "vom" only before a day */
		char a[48], z[48], lo_s[16], hi_s[16];
		size_t k = strlen(lo) < strlen(hi) ? strlen(lo) : strlen(hi);
		if (k >= sizeof lo_s)
			k = sizeof lo_s - 1;
		snprintf(lo_s, sizeof lo_s, "%.*s", (int)k, lo);
		snprintf(hi_s, sizeof hi_s, "%.*s", (int)k, hi);
		rp_fmt_date(a, sizeof a, lo_s, L);
		rp_fmt_date(z, sizeof z, hi_s, L);
		kz_buf_addf(&b, k >= 10 ? rp_tr(L, " · Quellen vom %s bis %s", " · sources dated %s to %s")
					: rp_tr(L, " · Quellen von %s bis %s", " · sources dated %s to %s"),
			    a, z);
	}
	rp_pages_para(p, RP_F_BODY, 0, PL_C_MUTED, b.s);
	kz_buf_reset(&b);
	p->y += 4;
	kz_buf_addf(&b, rp_tr(L, "<b>%zu</b> Angaben, davon <b>%zu</b> zu Kernkennzahlen (Truppen, Haushalte, BIP-Anteile, Kostenanteile, Handel) · <b>%zu</b> Fakten · <b>%zu</b> %s",
			   "<b>%zu</b> statements, <b>%zu</b> of them on core figures (troops, budgets, GDP shares, cost shares, trade) · <b>%zu</b> facts · <b>%zu</b> %s"),
		    m->t->n, ncore, m->nfacts, m->nfinds,
		    m->nfinds == 1 ? rp_tr(L, "Befund", "finding") : rp_tr(L, "Befunde", "findings"));
	if (m->nfinds) {
		const char *sep = ": ";
		for (i = 0; i < RP_NFIND_ORDER; i++) {
			const int *order = rp_find_order;
			if (!kinds[order[i]])
				continue;
			char w[96];
			snprintf(w, sizeof w, "%s", rp_kind_word(order[i], L, kinds[order[i]] != 1));
			if (L != PL_DE && w[0] >= 'A' && w[0] <= 'Z') /* a heading word, lower case in a sentence */
				w[0] = (char)(w[0] - 'A' + 'a');
			kz_buf_addf(&b, "%s%zu %s", sep, kinds[order[i]], w);
			sep = ", ";
		}
	}
	rp_pages_para(p, RP_F_BODY, 1, PL_C_INK, b.s);
	kz_buf_reset(&b);
	rp_pages_para(p, RP_F_SMALL, 0, PL_C_MUTED,
		      rp_tr(L, "Jede Zahl dieses Blattes ist im Anhang mit ihrem Zitat, dem Satz und der Quelle (Titel, Herausgeber, Datum, Seite) belegt.",
			 "Every number on this sheet is traced in the appendix to its quote, sentence and source (title, publisher, date, page)."));
	kz_buf_release(&b);
	key_figures(p, m);
	goals(p, m);
}

/* ---- sources ---- */

static void sources(struct rp_pages *p, const struct rp_model *m)
{
	enum pl_lang L = m->lang;
	const struct rp_col cols[] = {
		{rp_tr(L, "Nr.", "No."), 24, PL_RIGHT, 1},
		{rp_tr(L, "Titel", "Title"), 190, PL_LEFT, 3},
		{rp_tr(L, "Herausgeber", "Publisher"), 150, PL_LEFT, 3},
		{rp_tr(L, "Datum", "Date"), 52, PL_LEFT, 2},
		{rp_tr(L, "Angaben", "Figures"), RP_TEXT_W - 416, PL_RIGHT, 1},
	};
	struct rp_table t;
	size_t *cnt = kz_xcalloc(m->docs.n + 1, sizeof *cnt), i, ncited = 0, nwith = 0, nlisted = 0;
	unsigned char *cited = kz_xcalloc(m->docs.n + 1, 1);

	for (i = 0; i < m->t->n; i++) {
		cnt[m->docno[i]]++;
		cited[m->docno[i]] |= m->cited[i];
	}
	for (i = 0; i < m->docs.n; i++) {
		ncited += cited[i + 1];
		nwith += cnt[i + 1] != 0;
	}
	rp_pages_heading(p, rp_tr(L, "Quellen", "Sources"), RP_F_H2, 60);
	rp_table_begin(p, &t, cols, 5);
	for (i = 0; i < m->docs.n; i++) {
		const struct rp_doc *d = &m->docs.v[i];
		char no[32], n[32], title[600], date[48];
		const char *cells[5];
		/* the documents the sheet cites; all of them (and those without figures) when it cites
		 * every one that has figures */
		if (!cited[i + 1] && ncited < nwith)
			continue;
		nlisted++;
		snprintf(no, sizeof no, "[%zu]", i + 1);
		rp_fmt_date(date, sizeof date, d->date, L);
		snprintf(n, sizeof n, "%zu", cnt[i + 1]);
		snprintf(title, sizeof title, "%s%s%s%s", *d->title ? d->title : "", *d->title ? " (" : "", d->path,
			 *d->title ? ")" : "");
		cells[0] = no;
		cells[1] = title;
		cells[2] = *d->publisher ? d->publisher : "–";
		cells[3] = date;
		cells[4] = n;
		rp_table_row(p, &t, cells, 0, 0);
	}
	rp_table_end(&t);
	if (nlisted < m->docs.n) {
		struct kz_buf b = KZ_BUF_INIT;
		size_t more = m->docs.n - nlisted;
		p->y += 4;
		if (more == 1)
			kz_buf_adds(&b, rp_tr(L, "… und 1 weiteres Dokument, das dieses Blatt nicht zitiert; claims.csv nennt zu jeder Angabe ihr Dokument.",
					   "… and 1 more document the sheet does not cite; claims.csv names the document of every statement."));
		else
			kz_buf_addf(&b, rp_tr(L, "… und %zu weitere Dokumente, die dieses Blatt nicht zitiert; claims.csv nennt zu jeder Angabe ihr Dokument.",
					   "… and %zu more documents the sheet does not cite; claims.csv names the document of every statement."),
				    more);
		rp_pages_para(p, RP_F_SMALL, 0, PL_C_MUTED, b.s);
		kz_buf_release(&b);
	}
	free(cited);
	free(cnt);
}

/* ---- charts ---- */

static void charts(struct rp_pages *p, const struct rp_model *m, const struct rp_charts *cs)
{
	if (!cs->n)
		return;
	p->section = rp_tr(m->lang, "Vergleiche", "Comparisons");
	rp_pages_break(p);
	rp_pages_heading(p, rp_tr(m->lang, "Vergleiche", "Comparisons"), RP_F_H2, 120);
	for (size_t i = 0; i < cs->n; i++) {
		double h = pl_chart_height(&p->pc, &cs->v[i], RP_TEXT_W);
		if (h > RP_PAGE_H - RP_MT - RP_MB)
			h = RP_PAGE_H - RP_MT - RP_MB;
		rp_pages_need(p, h + 6);
		pl_chart_draw(&p->pc, &cs->v[i], RP_ML, p->y, RP_TEXT_W, h);
		p->y += h + 14;
	}
}

cairo_status_t rp_stream_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct rp_stream *st = closure;

	errno = 0;
	if (fwrite(data, 1, len, st->f) == len)
		return CAIRO_STATUS_SUCCESS;
	if (!st->err)
		st->err = errno ? errno : EIO;
	return CAIRO_STATUS_WRITE_ERROR;
}

const char *rp_stream_strerror(const struct rp_stream *st, cairo_status_t status)
{
	return st->err ? strerror(st->err) : cairo_status_to_string(status);
}

int rp_factsheet_write(const char *path, const struct kz_table *t, const struct rp_docs *docs,
		       const struct st_result *res, const struct rp_options *o,
		       struct kz_err *err)
{
	struct rp_model m;
	struct rp_charts cs;
	struct rp_pages p;
	struct kz_out out;
	struct rp_stream st;
	cairo_surface_t *s;
	cairo_t *cr;
	char gendate[32], iso[32], foot[256], title[256];
	time_t tt = (time_t)o->date;
	struct tm tm;
	int rc;

	rc = kz_out_open(&out, path, err);
	if (rc)
		return rc;
	rp_model_build(&m, t, docs, res, o->lang);
	rp_charts_build(&cs, &m);
	fmt_date(gendate, sizeof gendate, o->date, o->lang);
	gmtime_r(&tt, &tm);
	strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (o->title && *o->title)
		snprintf(title, sizeof title, "%s", o->title);
	else
		snprintf(title, sizeof title, "%s",
			 rp_tr(o->lang, "Zahlen im Vergleich: Truppen, Haushalte, Lastenteilung",
			    "Figures compared: troops, budgets, burden sharing"));
	snprintf(foot, sizeof foot,
		 rp_tr(o->lang, "Erstellt am %s mit kennzahl %s · Belege im Anhang", "Generated %s with kennzahl %s · evidence in the appendix"),
		 gendate, KZ_VERSION);

	st.f = out.f;
	st.err = 0;
	s = cairo_pdf_surface_create_for_stream(rp_stream_write, &st, RP_PAGE_W, RP_PAGE_H);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "kennzahl " KZ_VERSION);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, iso);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, iso);
	cr = cairo_create(s);
	rp_pages_begin(&p, cr, o->lang, o->dump, title, foot);
	p.section = rp_tr(o->lang, "Zusammenfassung", "Summary");
	summary(&p, &m, o, title, gendate);
	charts(&p, &m, &cs);
	for (size_t i = 0; i < cs.ncite; i++)
		rp_model_cite(&m, cs.cite[i]);
	/* an analyst's decision (corrections.csv) is evidence the sheet gives: the reviewed figures stay in the appendix */
	for (size_t i = 0; i < t->n; i++)
		if (*t->v[i].review)
			rp_model_cite(&m, i);
	rp_findings(&p, &m);
	p.section = rp_tr(o->lang, "Quellen", "Sources");
	rp_pages_break(&p);
	sources(&p, &m);
	rp_appendix(&p, &m);
	rp_pages_end(&p);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		rc = kz_err_set(err, KZ_EIO, path, 0, "cannot write pdf: %s",
				rp_stream_strerror(&st, cairo_surface_status(s)));
		kz_out_abort(&out);
	} else {
		rc = kz_out_commit(&out, err);
	}
	cairo_surface_destroy(s);
	if (!rc && o->charts_dir)
		rc = rp_charts_export(&cs, o->charts_dir, o->lang, err);
	rp_charts_release(&cs);
	rp_model_release(&m);
	return rc;
}
