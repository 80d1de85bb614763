/* attrib.c: who and when a figure is about — indicator and detail, subject and partner, year. */
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum role { R_NONE, R_GEN, R_LOC, R_PARTNER };

struct mention {
	size_t start, end;
	char code[8];
	int flags; /* LXF_NAME, LXF_GEN, LXF_ADJ, LXF_CAPITAL, LXF_PREFIX */
	enum role role;
};

#define MAX_MENTIONS 64

static int lower_word(const char *w, size_t n, const char *key)
{
	return strlen(key) == n && !ex_casecmp_n(w, n, key);
}

/* The preposition governing a mention at w: looks back over articles and adjectives. */
static enum role role_before(const char *s, const char *w, int *prep_an)
{
	const char *p = w;
	int steps;

	*prep_an = 0;
	for (steps = 0; steps < 3; steps++) {
		const char *we, *ws;
		size_t k;
		while (p > s && (p[-1] == ' ' || p[-1] == '\n' || p[-1] == '\t' || p[-1] == '\r'))
			p--;
		we = p;
		while ((k = ex_letter_before(s, p)) != 0)
			p -= k;
		ws = p;
		if (ws == we)
			return R_NONE;
		{
			size_t n = (size_t)(we - ws);
			if (lower_word(ws, n, "in") || lower_word(ws, n, "im"))
				return R_LOC;
			if (lower_word(ws, n, "nach") || lower_word(ws, n, "an") || lower_word(ws, n, "ans")) {
				*prep_an = 1;
				return R_LOC;
			}
			if (lower_word(ws, n, "mit") || lower_word(ws, n, "auf") || lower_word(ws, n, "aus") ||
			    lower_word(ws, n, "gegenüber") || lower_word(ws, n, "für") ||
			    lower_word(ws, n, "zwischen") || lower_word(ws, n, "von") || lower_word(ws, n, "vom"))
				return R_PARTNER;
			if (lower_word(ws, n, "des"))
				return R_GEN;
			/* articles and adjectives may stand between */
			if (lower_word(ws, n, "der") || lower_word(ws, n, "die") || lower_word(ws, n, "den") ||
			    lower_word(ws, n, "dem") || lower_word(ws, n, "das") ||
			    (ws[0] >= 'a' && ws[0] <= 'z' && n > 3))
				continue;
			return R_NONE;
		}
	}
	return R_NONE;
}

/* Country mentions of [s, e), skipping the quantities' own spans ("US-Dollar"). */
static size_t find_mentions(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *qs,
			    size_t nq, struct mention *m)
{
	const struct ex_lexicon *lx = c->lx;
	const char *t = c->text, *p = t + s, *end = t + e;
	size_t n = 0;

	while (p < end && n < MAX_MENTIONS) {
		const char *we;
		size_t k, i;
		int hit = 0;

		if (!ex_letter_at(p, end) || (p > t + s && ex_letter_before(t + s, p))) {
			p++;
			continue;
		}
		we = ex_word_end(p, end);
		for (i = 0; i < nq; i++)
			if ((size_t)(p - t) >= qs[i].unit_start && (size_t)(p - t) < qs[i].unit_end)
				break;
		if (i < nq) {
			p = we;
			continue;
		}
		for (i = 0; i < lx->n[LX_COUNTRY] && !hit; i++) {
			const struct ex_lex_entry *en = &lx->v[LX_COUNTRY][i];
			size_t kl = en->klen;
			struct mention *mm = &m[n];
			if (en->flags & LXF_PREFIX) {
				if ((size_t)(we - p) > kl && !memcmp(p, en->key, kl))
					hit = 1;
			} else if (en->flags & LXF_ADJ) {
				if ((size_t)(we - p) >= kl && !ex_casecmp_n(p, kl, en->key))
					hit = 1;
			} else if ((size_t)(end - p) >= kl && !memcmp(p, en->key, kl) &&
				   (p + kl >= end || !ex_letter_at(p + kl, end)) &&
				   (p + kl >= end || p[kl] != '-')) {
				hit = 1;
				we = p + kl;
			}
			if (hit) {
				int an;
				mm->start = (size_t)(p - t);
				mm->end = (size_t)(we - t);
				snprintf(mm->code, sizeof(mm->code), "%s", en->value);
				mm->flags = en->flags;
				mm->role = (en->flags & LXF_GEN) ? R_GEN : role_before(t + s, p, &an);
				if ((en->flags & LXF_GEN) && role_before(t + s, p, &an) == R_PARTNER)
					mm->role = R_PARTNER;
				n++;
			}
		}
		(void)k;
		p = we > p ? we : p + 1;
	}
	return n;
}

static size_t dist(size_t a0, size_t a1, size_t b0, size_t b1)
{
	if (b1 <= a0)
		return a0 - b1;
	if (a1 <= b0)
		return b0 - a1;
	return 0;
}

/* --- indicator --- */

struct cue_hit {
	const struct ex_lex_entry *e;
	size_t pos;
};

static const struct ex_lex_entry *nearest_cue(const struct ex_ctx *c, size_t s, size_t e,
					      const struct ex_qty *q, const char *const *inds,
					      size_t *where)
{
	const struct ex_lexicon *lx = c->lx;
	const char *t = c->text, *p = t + s, *end = t + e;
	const struct ex_lex_entry *best = NULL;
	size_t bestd = (size_t)-1;

	while (p < end) {
		const char *we;
		if (!ex_letter_at(p, end)) {
			p++;
			continue;
		}
		we = ex_word_end(p, end);
		for (size_t i = 0; i < lx->n[LX_CUE]; i++) {
			const struct ex_lex_entry *en = &lx->v[LX_CUE][i];
			int ok = 0;
			for (const char *const *ind = inds; *ind; ind++)
				if (!strcmp(en->value, *ind))
					ok = 1;
			if (!ok || !ex_contains_ci(p, (size_t)(we - p), en->key, en->klen))
				continue;
			{
				size_t ws = (size_t)(p - t), wend = (size_t)(we - t);
				size_t d = dist(q->start, q->end, ws, wend);
				/* what follows the figure ("74,5 Prozent der Stationierungskosten") weighs more */
				if (ws >= q->end)
					d = d / 2;
				if (d < bestd) {
					bestd = d;
					best = en;
					*where = ws;
				}
			}
			break;
		}
		p = we;
	}
	return best;
}

static int word_before_is(const char *s, const char *p, const char *w)
{
	size_t k, n = strlen(w);
	const char *we;

	while (p > s && (p[-1] == ' ' || p[-1] == '\n'))
		p--;
	we = p;
	while ((k = ex_letter_before(s, p)) != 0)
		p -= k;
	return (size_t)(we - p) == n && !ex_casecmp_n(p, n, w);
}

static int is_currency(const char *u)
{
	return strlen(u) == 3 && u[0] >= 'A' && u[0] <= 'Z';
}

static void set_detail(struct ex_attr *a, const char *d)
{
	snprintf(a->detail, sizeof(a->detail), "%s", d ? d : "");
}

static void indicator(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *q,
		      struct ex_attr *a)
{
	size_t where;
	const struct ex_lex_entry *cue;

	a->ind = KZ_I_OTHER;
	set_detail(a, "");
	if (!strcmp(q->unit, "factor")) {
		a->ind = KZ_I_CHANGE;
		set_detail(a, "increase");
		return;
	}
	if (!strcmp(q->unit, "percent") || !strcmp(q->unit, "points")) {
		static const char *const share[] = {"trade_share", "gdp_share", "cost_share", "change", NULL};
		if (word_before_is(c->text + s, c->text + q->start, "um")) {
			a->ind = KZ_I_CHANGE;
			return;
		}
		cue = nearest_cue(c, s, e, q, share, &where);
		if (cue) {
			a->ind = (enum kz_ind)kz_ind_parse(cue->value);
			set_detail(a, cue->detail);
		} else if (!strcmp(q->unit, "points")) {
			a->ind = KZ_I_CHANGE;
		}
		if (!strcmp(q->unit, "points") && a->ind != KZ_I_CHANGE)
			a->ind = KZ_I_CHANGE;
		return;
	}
	if (is_currency(q->unit)) {
		static const char *const money[] = {"budget", "cost_share", NULL};
		cue = nearest_cue(c, s, e, q, money, &where);
		if (cue) {
			a->ind = KZ_I_BUDGET;
			set_detail(a, cue->detail);
		}
		return;
	}
	if (!strcmp(q->unit, "persons") && q->military) {
		static const char *const troops[] = {"troops", NULL};
		a->ind = KZ_I_TROOPS;
		cue = nearest_cue(c, s, e, q, troops, &where);
		set_detail(a, cue ? cue->detail : "");
		return;
	}
}

/* --- subject and partner --- */

static const struct mention *pick(const struct mention *m, size_t n, const struct ex_qty *q,
				  int want_roles, int prefer_before)
{
	const struct mention *best = NULL;
	size_t bestd = (size_t)-1;

	for (size_t i = 0; i < n; i++) {
		size_t d;
		if (!(want_roles & (1 << m[i].role)))
			continue;
		d = dist(q->start, q->end, m[i].start, m[i].end);
		if (prefer_before && m[i].start >= q->end)
			d += 200;
		if (d < bestd) {
			bestd = d;
			best = &m[i];
		}
	}
	return best;
}

#define ROLE(r) (1 << (r))

static void who(const struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct ex_qty *all,
		size_t nq, struct ex_attr *a)
{
	struct mention m[MAX_MENTIONS];
	size_t s = c->sent[si].start, e = c->sent[si].end, n;
	const struct mention *sub = NULL, *par = NULL;

	n = find_mentions(c, s, e, all, nq, m);
	a->subject[0] = a->partner[0] = '\0';

	/* The unit itself may name the subject: "US-Soldaten", "nordkoreanische Soldaten". */
	if (a->ind == KZ_I_TROOPS) {
		for (size_t i = 0; i < n; i++) {
			if (m[i].start >= q->unit_start && m[i].end <= q->unit_end)
				sub = &m[i];
			if ((m[i].flags & LXF_ADJ) && m[i].start >= q->nend && m[i].end <= q->unit_start)
				sub = &m[i];
		}
	}
	switch (a->ind) {
	case KZ_I_TROOPS:
		if (!sub)
			sub = pick(m, n, q, ROLE(R_NONE) | ROLE(R_GEN), 1);
		par = pick(m, n, q, ROLE(R_LOC), 0);
		break;
	case KZ_I_TRADE_SHARE:
		sub = pick(m, n, q, ROLE(R_GEN), 0);
		if (!sub)
			sub = pick(m, n, q, ROLE(R_NONE), 1);
		par = pick(m, n, q, ROLE(R_PARTNER) | ROLE(R_LOC), 1);
		break;
	case KZ_I_COST_SHARE:
		sub = pick(m, n, q, ROLE(R_NONE), 1);
		if (sub && (sub->flags & LXF_PREFIX)) {
			par = sub;
			sub = NULL;
		}
		for (size_t i = 0; i < n && !par; i++)
			if ((m[i].flags & LXF_PREFIX) && m[i].start > q->end)
				par = &m[i];
		if (!sub)
			sub = pick(m, n, q, ROLE(R_GEN), 1);
		if (!par)
			par = pick(m, n, q, ROLE(R_PARTNER) | ROLE(R_GEN), 0);
		break;
	default:
		sub = pick(m, n, q, ROLE(R_GEN) | ROLE(R_NONE), 1);
		par = pick(m, n, q, ROLE(R_PARTNER) | ROLE(R_LOC), 0);
		break;
	}
	/* Nothing in the sentence: the sentences before set the scene. */
	for (size_t back = 1; !sub && back <= 2 && back <= si; back++) {
		struct mention pm[MAX_MENTIONS];
		size_t pn = find_mentions(c, c->sent[si - back].start, c->sent[si - back].end, NULL, 0, pm);
		for (size_t i = 0; i < pn && !sub; i++)
			if (pm[i].role == R_NONE || pm[i].role == R_GEN)
				sub = &pm[i];
		if (sub) {
			snprintf(a->subject, sizeof(a->subject), "%s", sub->code);
			sub = NULL;
			break;
		}
	}
	if (sub)
		snprintf(a->subject, sizeof(a->subject), "%s", sub->code);
	if (par && strcmp(par->code, a->subject))
		snprintf(a->partner, sizeof(a->partner), "%s", par->code);
	/* Host-nation support is paid for US forces unless the text names others. */
	if ((a->ind == KZ_I_COST_SHARE || !strcmp(a->detail, "host_nation_support")) && !a->partner[0] &&
	    strcmp(a->subject, "US"))
		snprintf(a->partner, sizeof(a->partner), "US");
}

/* --- year --- */

struct yexp {
	size_t start, end;
	char text[32];
};

static int dig(char ch)
{
	return ch >= '0' && ch <= '9';
}

static int year_at(const char *p, const char *end, int *y)
{
	if (end - p < 4 || !dig(p[0]) || !dig(p[1]) || !dig(p[2]) || !dig(p[3]))
		return 0;
	if (end - p > 4 && dig(p[4]))
		return 0;
	*y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
	return *y >= 1900 && *y <= 2100;
}

static size_t years_in(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *qs, size_t nq,
		       struct yexp *out, size_t max)
{
	const char *t = c->text, *p = t + s, *end = t + e;
	size_t n = 0;
	int docyear = c->doc->meta.year;

	while (p < end && n < max) {
		int y, y2;
		size_t i, ml;
		if (ex_letter_at(p, end) && (p == t + s || !ex_letter_before(t + s, p))) {
			if (docyear && ex_lex_match_after(c->lx, LX_TIME, p, end, &ml)) {
				out[n].start = (size_t)(p - t);
				out[n].end = out[n].start + ml;
				snprintf(out[n].text, sizeof(out[n].text), "%d", docyear);
				n++;
				p += ml;
				continue;
			}
			p = ex_word_end(p, end);
			continue;
		}
		if (!year_at(p, end, &y) || (p > t + s && (dig(p[-1]) || p[-1] == '.' || p[-1] == ','))) {
			p++;
			continue;
		}
		if (p > t + s && (p[-1] == '-' || ex_letter_before(t + s, p)) &&
		    !(p - (t + s) >= 2 && p[-1] != '-' && (p[-2] == 'Y'))) {
			/* "F-2020"-like names; "FY2020" passes */
			p += 4;
			continue;
		}
		for (i = 0; i < nq; i++)
			if ((size_t)(p - t) >= qs[i].start && (size_t)(p - t) < qs[i].end)
				break;
		if (i < nq) {
			p += 4;
			continue;
		}
		out[n].start = (size_t)(p - t);
		out[n].end = out[n].start + 4;
		snprintf(out[n].text, sizeof(out[n].text), "%d", y);
		{
			const char *q = p + 4;
			if (end - q >= 2 && q[0] == 'e' && q[1] == 'r' && y % 10 == 0) {
				snprintf(out[n].text, sizeof(out[n].text), "%ds", y);
				q += 2;
				out[n].end = (size_t)(q - t);
			} else {
				/* spans: "2016 bis 2020", "2003-2008", "2024/25", "zwischen 2003 und 2008" */
				const char *r = ex_skip_space(q, end);
				size_t k;
				if (end - r > 4 && !memcmp(r, "bis", 3))
					r = ex_skip_space(r + 3, end);
				else if (end - r > 4 && !memcmp(r, "und", 3) &&
					 word_before_is(t + s, p, "zwischen"))
					r = ex_skip_space(r + 3, end);
				else if ((k = ex_dash_at(r, end)) != 0 || (r < end && *r == '/'))
					r = ex_skip_space(r + (k ? k : 1), end);
				else
					r = NULL;
				if (r && year_at(r, end, &y2) && y2 > y) {
					snprintf(out[n].text, sizeof(out[n].text), "%d-%d", y, y2);
					out[n].end = (size_t)(r + 4 - t);
				} else if (r && end - r >= 2 && dig(r[0]) && dig(r[1]) && (end - r == 2 || !dig(r[2])) &&
					   r[-1] == '/') {
					y2 = y / 100 * 100 + (r[0] - '0') * 10 + (r[1] - '0');
					if (y2 > y) {
						snprintf(out[n].text, sizeof(out[n].text), "%d-%d", y, y2);
						out[n].end = (size_t)(r + 2 - t);
					}
				}
			}
		}
		p = t + out[n].end;
		n++;
	}
	return n;
}

static void when(const struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct ex_qty *all,
		 size_t nq, struct ex_attr *a)
{
	struct yexp y[32];
	size_t n, i, best = (size_t)-1, bestd = (size_t)-1;

	a->year[0] = '\0';
	n = years_in(c, c->sent[si].start, c->sent[si].end, all, nq, y, 32);
	for (i = 0; i < n; i++) {
		size_t d = dist(q->start, q->end, y[i].start, y[i].end);
		if (d < bestd) {
			bestd = d;
			best = i;
		}
	}
	if (best != (size_t)-1) {
		snprintf(a->year, sizeof(a->year), "%s", y[best].text);
		return;
	}
	/* the sentence before, then the one after */
	if (si > 0) {
		n = years_in(c, c->sent[si - 1].start, c->sent[si - 1].end, NULL, 0, y, 32);
		if (n) {
			snprintf(a->year, sizeof(a->year), "%s", y[n - 1].text);
			return;
		}
	}
	if (si + 1 < c->nsent) {
		n = years_in(c, c->sent[si + 1].start, c->sent[si + 1].end, NULL, 0, y, 32);
		if (n) {
			snprintf(a->year, sizeof(a->year), "%s", y[0].text);
			return;
		}
	}
	if (c->doc->meta.year && c->doc->meta.src >= EX_META_DATELINE)
		snprintf(a->year, sizeof(a->year), "%d", c->doc->meta.year);
}

void ex_attribute(const struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct ex_qty *all,
		  size_t nq, struct ex_attr *a)
{
	indicator(c, c->sent[si].start, c->sent[si].end, q, a);
	who(c, si, q, all, nq, a);
	when(c, si, q, all, nq, a);
}
