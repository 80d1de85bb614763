/* extract.c: the extraction driver — sentences, quantities, attribution, claims. */
#include "extract_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Collapse runs of ASCII white space (line ends, indentation) of [s, e) into one space; the
 * no-break and narrow spaces inside numbers are kept as written. b has no maximum (the result is
 * never longer than [s, e)): it is written in place, grown once. */
static void collapse(struct kz_buf *b, const char *s, const char *e)
{
	int space = 0;
	char *o;

	KZ_GROW(b->s, b->alloc, (size_t)(e - s) + 1);
	o = b->s;
	while (s < e) {
		const char *run = s;
		size_t k;
		/* copy a run of ordinary bytes at once */
		while (s < e && ((unsigned char)*s > ' ' && (unsigned char)*s != 0xC2))
			s++;
		if (s > run) {
			if (space && o > b->s)
				*o++ = ' ';
			space = 0;
			memcpy(o, run, (size_t)(s - run));
			o += s - run;
			continue;
		}
		k = ex_space_at(s, e);
		if (k == 1) {
			space = 1;
			s += k;
			continue;
		}
		if (space && o > b->s)
			*o++ = ' ';
		space = 0;
		/* soft hyphens vanish */
		if ((unsigned char)s[0] == 0xC2 && s + 1 < e && (unsigned char)s[1] == 0xAD) {
			s += 2;
			continue;
		}
		*o++ = *s++;
	}
	*o = '\0';
	b->len = (size_t)(o - b->s);
}

/* Is there an empty line between two offsets? */
static int blank_between(const char *t, size_t a, size_t b)
{
	int nl = 0;

	for (size_t i = a; i < b; i++) {
		if (t[i] == '\n' && ++nl >= 2)
			return 1;
		if (t[i] != '\n' && t[i] != ' ' && t[i] != '\t' && t[i] != '\r')
			nl = 0;
	}
	return 0;
}

static int table_row(const char *t, struct ex_span s)
{
	return t[s.start] == '|';
}

/* "|---|:---:|": the rule under a markdown table's header */
static int table_rule(const char *t, struct ex_span s)
{
	for (size_t i = s.start; i < s.end; i++)
		if (!strchr("|-: \t", t[i]))
			return 0;
	return 1;
}

static int is_share(enum kz_ind i)
{
	return i == KZ_I_TRADE_SHARE || i == KZ_I_GDP_SHARE || i == KZ_I_COST_SHARE;
}

/* The one country's dollar a text names (units.tsv flag local: "kanadische Dollar"), when it names
 * just one and never writes "US-Dollar": its code, else NULL. A local unit whose currency row names
 * no country (a user's lexicon may lack it) cannot be matched to a figure's subject: not counted. */
static const char *local_dollar(const struct ex_lexicon *lx, const char *text, size_t len)
{
	const char *found = NULL;

	if (memmem(text, len, "US-Dollar", 9))
		return NULL;
	for (size_t i = 0; i < lx->n[LX_UNIT]; i++) {
		const struct ex_lex_entry *e = &lx->v[LX_UNIT][i];
		if (!(e->flags & LXF_LOCAL) || (found && !strcmp(found, e->value)) ||
		    !memmem(text, len, e->key, strlen(e->key)) || !ex_currency_country(lx, e->value))
			continue;
		if (found)
			return NULL; /* two of them: a bare "Dollar" says nothing */
		found = e->value;
	}
	return found;
}

/* Is the unit of q written as a bare "Dollar" (no country, no sign)? */
static int bare_dollar(const char *text, const struct ex_qty *q)
{
	size_t n = q->unit_end - q->unit_start;

	return q->unit && !strcmp(q->unit, "USD") && q->unit_end > q->unit_start && (n == 6 || n == 7) &&
	       !memcmp(text + q->unit_start, "Dollar", 6);
}

/*
 * One sentence speaks of one thing: a conversion in parentheses shares the
 * subject, partner, year and indicator of the amount it converts, and figures
 * whose subject came only from context take the subject a currency gave.
 */
/* A restatement of a figure is the same fact: indicator, detail, subject, partner and year. */
static void same_fact(struct ex_attr *to, const struct ex_attr *from)
{
	to->ind = from->ind;
	memcpy(to->detail, from->detail, sizeof(to->detail));
	memcpy(to->subject, from->subject, sizeof(to->subject));
	memcpy(to->partner, from->partner, sizeof(to->partner));
	memcpy(to->year, from->year, sizeof(to->year));
}

/* Does figure f open a list item of its own after a comma, its subject's country first ("Spanien
 * auf 1,17, Luxemburg als Schlusslicht auf 0,57")? prev: the figure before. */
static int own_list_item(const struct ex_lexicon *lx, const char *text, const struct ex_qty *prev,
			 const struct ex_qty *f, const struct ex_attr *a)
{
	const char *comma, *w, *end = text + f->start;
	const struct ex_lex_entry *e;
	size_t ml;

	if (!a->subject[0] || f->start <= prev->end)
		return 0;
	comma = memrchr(text + prev->end, ',', f->start - prev->end);
	if (!comma)
		return 0;
	w = ex_skip_space(comma + 1, end);
	e = ex_lex_match_after(lx, LX_COUNTRY, w, end, &ml);
	return e && !strcmp(e->value, a->subject) && !(e->flags & (LXF_ADJ | LXF_PERSON));
}

static void harmonise(const struct ex_lexicon *lx, const char *text, const struct ex_qty *q, struct ex_attr *a, size_t n)
{
	size_t i;
	const char *cur = NULL;

	for (i = 0; i + 1 < n; i++)
		if (ex_paired(text, &q[i], &q[i + 1]) && a[i].ind == KZ_I_BUDGET) {
			same_fact(&a[i + 1], &a[i]);
			a[i + 1].subj_src = a[i].subj_src;
			/* ("sieht für 2026 200,1 Milliarden Złoty vor, umgerechnet rund 47 Milliarden
			 * Euro": a conversion is the same kind of statement) */
			a[i + 1].status = a[i].status;
		}
	/* "26,8 Prozent – mehr als ein Viertel": a fraction in words right after a percent, set off by a
	 * dash or a comma, restates it */
	for (i = 0; i + 1 < n; i++) {
		const char *g = text + q[i].end, *ge = text + q[i + 1].start;
		if (!(q[i + 1].flags & QF_FRACTION) || !q[i].unit || !q[i + 1].unit || strcmp(q[i].unit, "percent") ||
		    strcmp(q[i + 1].unit, "percent") || ge < g || ge - g > 8)
			continue;
		while (g < ge && (*g == ' ' || *g == ',' || (unsigned char)*g == 0xE2 || (unsigned char)*g == 0x80 ||
				  (unsigned char)*g == 0x93 || (unsigned char)*g == 0x94 || *g == '-'))
			g++;
		if (g != ge)
			continue;
		same_fact(&a[i + 1], &a[i]);
		a[i + 1].status = a[i].status;
	}
	/* "stiegen von 2,4 auf 3,9 Prozent der Wirtschaftsleistung", "Von 2014 bis 2023 … von 1,9 auf
	 * 3,9 Prozent": the figure after "von" is the quantity after "auf" at the start of the change —
	 * its fact and status; a run of years they share is split, its first year the start's */
	for (i = 0; i + 1 < n; i++) {
		const char *s = text + q[i].start, *w = s;
		size_t gap = q[i + 1].start > q[i].end ? q[i + 1].start - q[i].end : 0;
		if (!q[i].unit || !q[i + 1].unit || strcmp(q[i].unit, q[i + 1].unit) || a[i + 1].ind == KZ_I_CHANGE ||
		    a[i + 1].ind == KZ_I_OTHER || gap != 5 || memcmp(text + q[i].end, " auf ", 5))
			continue;
		while (w > text && w[-1] == ' ')
			w--;
		if (w - text < 4 || memcmp(w - 3, "von", 3) || (w - text > 4 && ex_letter_at(w - 4, w - 3)))
			continue;
		/* (the start of a change to come is the level reached, reported, of its own year: "soll
		 * von 2,5 auf 2,9 Prozent steigen") */
		if (a[i].status == KZ_S_REPORTED && a[i + 1].status != KZ_S_REPORTED && a[i + 1].status != KZ_S_CLAIM) {
			a[i].ind = a[i + 1].ind;
			memcpy(a[i].detail, a[i + 1].detail, sizeof(a[i].detail));
			memcpy(a[i].subject, a[i + 1].subject, sizeof(a[i].subject));
			memcpy(a[i].partner, a[i + 1].partner, sizeof(a[i].partner));
			continue;
		}
		same_fact(&a[i], &a[i + 1]);
		a[i].status = a[i + 1].status;
		if (strlen(a[i + 1].year) == 9 && a[i + 1].year[4] == '-') {
			memcpy(a[i].year, a[i + 1].year, 4);
			a[i].year[4] = '\0';
			memmove(a[i + 1].year, a[i + 1].year + 5, 5);
		}
	}
	/* "1,83 Mrd. Euro oder rund 3,7 Prozent mehr": an amount restating a change is a change */
	for (i = 0; i + 1 < n; i++) {
		const char *g = text + q[i].end;
		size_t gap = q[i + 1].start > q[i].end ? q[i + 1].start - q[i].end : 0;
		if (a[i + 1].ind == KZ_I_CHANGE && a[i].ind != KZ_I_CHANGE && gap <= 8 &&
		    (memmem(g, gap, "oder", 4) || memmem(g, gap, "bzw.", 4))) {
			a[i].ind = KZ_I_CHANGE;
			memcpy(a[i].detail, a[i + 1].detail, sizeof(a[i].detail));
		}
	}
	/* "746,9 Milliarden Yen (…), was etwa 0,1 Prozent des BIP entspricht": a share of GDP in a
	 * sentence about one kind of spending is that spending's share, not the defence budget's */
	{
		size_t j = 0; /* the first such spending: the loop below changes only shares of GDP */
		while (j < n && !(a[j].ind == KZ_I_BUDGET && a[j].detail[0] && strcmp(a[j].detail, "defense_budget")))
			j++;
		for (i = 0; i < n && j < n; i++)
			if (a[i].ind == KZ_I_GDP_SHARE)
				memcpy(a[i].detail, a[j].detail, sizeof(a[i].detail));
	}
	/* a bare number that took its unit from the figure before shares its subject too — unless a
	 * list item of its own, after a comma, names its own ("Spanien auf 1,17, Luxemburg als
	 * Schlusslicht auf 0,57") */
	for (i = 1; i < n; i++)
		if ((q[i].flags & QF_CARRIED) && !(q[i].flags & QF_PREV) && a[i - 1].subject[0] &&
		    a[i].ind == a[i - 1].ind && !a[i].subj_near && !own_list_item(lx, text, &q[i - 1], &q[i], &a[i])) {
			memcpy(a[i].subject, a[i - 1].subject, sizeof(a[i].subject));
			/* its own partner stands ("30 Milliarden für die Ukraine und sechs Milliarden für
			 * Israel") */
			if (!a[i].partner[0] || !strcmp(a[i].partner, a[i].subject))
				memcpy(a[i].partner, a[i - 1].partner, sizeof(a[i].partner));
			if (!a[i].detail[0])
				memcpy(a[i].detail, a[i - 1].detail, sizeof(a[i].detail));
		}
	/* "rund 18 000 Soldaten in Rheinland-Pfalz, gefolgt von Bayern (gut 12 000)": troops in
	 * parentheses after a place in the country where the figure before stands, counted like it,
	 * are that figure's force there ("Italien mit etwa 850 Soldaten, es folgen die USA (rund
	 * 600)" in a NATO force: each country's own contingent) */
	for (i = 1; i < n; i++)
		if ((q[i].flags & QF_CARRIED) && !(q[i].flags & QF_PREV) && a[i].ind == KZ_I_TROOPS &&
		    a[i - 1].ind == KZ_I_TROOPS && a[i - 1].subject[0] && a[i - 1].partner[0] && q[i].start > 0 &&
		    text[q[i].start - 1] == '(' && a[i].subj_near && strcmp(a[i].subject, a[i - 1].subject) &&
		    !strcmp(a[i].subject, a[i - 1].partner)) {
			memcpy(a[i].partner, a[i].subject, sizeof(a[i].partner));
			memcpy(a[i].subject, a[i - 1].subject, sizeof(a[i].subject));
			if (!a[i].detail[0])
				memcpy(a[i].detail, a[i - 1].detail, sizeof(a[i].detail));
		}
	/* a figure without any subject takes the nearest one named in its sentence (the one before
	 * when two are as near); the nearest before and after are kept as the loop goes */
	{
		size_t left = (size_t)-1, right = 0;
		for (i = 0; i < n; i++) {
			if (i > 0 && a[i - 1].subject[0] && a[i - 1].subj_src >= 2)
				left = i - 1;
			if (a[i].subject[0] || a[i].world)
				continue;
			if (right <= i)
				right = i + 1;
			while (right < n && !(a[right].subject[0] && a[right].subj_src >= 2))
				right++;
			if (left != (size_t)-1 && (right >= n || i - left <= right - i))
				memcpy(a[i].subject, a[left].subject, sizeof(a[i].subject));
			else if (right < n)
				memcpy(a[i].subject, a[right].subject, sizeof(a[i].subject));
		}
	}
	/* a trade share naming the pair the other way round than one before takes that one's order:
	 * the last share before with the same two countries decides (earlier ones it overrides) */
	for (i = 1; i < n; i++) {
		if (a[i].ind != KZ_I_TRADE_SHARE || !a[i].subject[0] || !a[i].partner[0])
			continue;
		for (size_t j = i; j-- > 0;)
			if (a[j].ind == KZ_I_TRADE_SHARE && a[j].subject[0] && a[j].partner[0] &&
			    ((!strcmp(a[i].subject, a[j].partner) && !strcmp(a[i].partner, a[j].subject)) ||
			     (!strcmp(a[i].subject, a[j].subject) && !strcmp(a[i].partner, a[j].partner)))) {
				memcpy(a[i].subject, a[j].subject, sizeof(a[i].subject));
				memcpy(a[i].partner, a[j].partner, sizeof(a[i].partner));
				break;
			}
	}
	/* "… einen Anteil von 13,9 Prozent an den amerikanischen Warenimporten, Mexiko auf 15,4
	 * Prozent": a list's next share, whose country took the owner of the one before for its
	 * partner, is of that owner's trade too, going to its own country */
	for (i = 1; i < n; i++)
		if (a[i].ind == KZ_I_TRADE_SHARE && a[i - 1].ind == KZ_I_TRADE_SHARE && a[i - 1].subject[0] &&
		    a[i - 1].partner[0] && !strcmp(a[i].partner, a[i - 1].subject) && a[i].subject[0] &&
		    strcmp(a[i].subject, a[i - 1].partner) && !strcmp(a[i].detail, a[i - 1].detail)) {
			memcpy(a[i].partner, a[i].subject, sizeof(a[i].partner));
			memcpy(a[i].subject, a[i - 1].subject, sizeof(a[i].subject));
		}
	for (i = 0; i < n; i++)
		if (!strcmp(a[i].partner, a[i].subject))
			a[i].partner[0] = '\0';
	for (i = 0; i < n; i++)
		if (a[i].subj_src == 3)
			cur = a[i].subject;
	for (i = 0; i < n && cur; i++)
		if (a[i].subj_src == 0 && a[i].subject[0] && strcmp(a[i].subject, cur)) {
			snprintf(a[i].subject, sizeof(a[i].subject), "%s", cur);
			if (!strcmp(a[i].partner, cur))
				a[i].partner[0] = '\0';
		}
}

/*
 * The one door into the table: a claim holds low <= value <= high with finite numbers
 * (kz_claim_problem). The grammar is meant to guarantee it; should a rule still break it, the
 * figure as stated wins — the interval is widened to hold it, with a warning — and a
 * value that is not finite or beyond KZ_NUM_MAX (a lexicon scale of 1e40 times 16 digits) is
 * no claim. Returns whether c goes into the table.
 */
static int enter_claim(struct kz_claim *c)
{
	char why[256];

	if (!kz_claim_problem(c, why, sizeof(why)))
		return 1;
	if (!kz_num_ok(c->value) || !kz_num_ok(c->low) || !kz_num_ok(c->high))
		return 0; /* too large to be a figure, as a 17-digit run is */
	kz_warn("%s: byte %zu: '%s': %s; the interval is widened to hold the value (a grammar bug: "
		"please report)",
		c->doc, c->start, c->quote, why);
	if (c->low > c->high) {
		double t = c->low;
		c->low = c->high;
		c->high = t;
	}
	if (c->value < c->low)
		c->low = c->value;
	if (c->value > c->high)
		c->high = c->value;
	return 1;
}

/*
 * "Biden schickt 7000 weitere Soldaten nach Deutschland" over "Präsident Joe Biden ordnete … die
 * Verlegung von rund 7000 Soldaten nach Deutschland an": a headline states in few words a figure
 * its first paragraphs state in full. A headline figure (the document's first line, a paragraph
 * of its own) that a figure of the first HEADLINE_PARAS paragraphs after it repeats (the same
 * unit, the value within the rounding of either) is that figure's fact: what the headline leaves
 * open — its kind, whose, where — and, for a headline in the present, what kind of statement it is
 * ("schickt": the plan the lead tells). Its year and source stay the headline's own: it is read
 * alone. The first such figure tells it.
 */
#define HEADLINE_PARAS 2
#define HEADLINE_MAX 16
static int same_figure(const struct kz_claim *a, const struct kz_claim *b)
{
	double tol = 0.01 * fmax(fabs(a->value), fabs(b->value));

	if (strcmp(a->unit, b->unit))
		return 0;
	return fabs(a->value - b->value) <= tol ||
	       (a->qual != KZ_Q_EXACT && b->value >= a->low && b->value <= a->high && a->value >= b->low &&
		a->value <= b->high);
}

static void headline_from_body(struct kz_table *t, size_t first, size_t n, unsigned char *done, size_t from,
			       size_t count)
{
	for (size_t h = 0; h < n && h < HEADLINE_MAX; h++) {
		struct kz_claim *hc = &t->v[first + h];
		if (done[h])
			continue;
		for (size_t k = from; k < from + count; k++) {
			const struct kz_claim *b = &t->v[k];
			if (!same_figure(hc, b) || (hc->ind != b->ind && hc->ind != KZ_I_OTHER && b->ind != KZ_I_OTHER))
				continue;
			if (hc->ind == KZ_I_OTHER && b->ind != KZ_I_OTHER) {
				hc->ind = b->ind;
				hc->detail = b->detail;
			} else if (!*hc->detail)
				hc->detail = b->detail;
			if (!*hc->subject) {
				/* ("Seoul soll zehn Milliarden zahlen": the country named is the payer) */
				if (!strcmp(hc->partner, b->subject))
					hc->partner = b->partner;
				hc->subject = b->subject;
			}
			if (!*hc->partner && strcmp(b->partner, hc->subject))
				hc->partner = b->partner;
			if (hc->status == KZ_S_REPORTED)
				hc->status = b->status;
			done[h] = 1;
			break;
		}
	}
}

/* With a flush callback, the claims are handed over between sentences once the table holds
 * this many: a document dense with figures is not held as rows in memory. */
#define EX_FLUSH_CLAIMS 4096

void ex_extract(const struct ex_lexicon *lx, const struct ex_doc *d, const struct ex_options *o,
		struct kz_table *t)
{
	struct ex_span *sent = NULL;
	size_t nsent = 0, si;
	struct ex_qty *q = NULL;
	size_t nq = 0, aq = 0;
	struct kz_buf sbuf, id, quote;
	struct kz_idgen ids;
	const char *file = d->name ? d->name : kz_path_base(d->path);
	struct ex_ctx ctx;
	struct ex_attr *attr = NULL;
	size_t aattr = 0, prev_si = (size_t)-1;
	struct ex_qty prev;
	size_t hdr = (size_t)-1; /* the header row of the table being read */
	const char *shared;      /* the sentence's text as the table holds it */
	size_t added = 0;        /* rows the sentence added */
	size_t hl_first = 0, hl_count = 0, hl_para = 0; /* the headline's rows in t */
	unsigned char hl_done[HEADLINE_MAX] = {0};      /* which of them a figure of the body has told */

	ex_sentences(lx, d->text, d->len, &sent, &nsent);
	memset(&ctx, 0, sizeof(ctx)); /* no claim, topic, source or frame remembered yet */
	ctx.lx = lx;
	ctx.doc = d;
	ctx.text = d->text;
	ctx.sent = sent;
	ctx.nsent = nsent;
	ctx.cache = ex_attr_cache_new();
	ctx.words = ex_word_cache_new();
	ctx.cues = kz_xcalloc(1, sizeof(*ctx.cues));
	ctx.last_source_si = (size_t)-1;
	{
		/* where the text first names the alliance (attrib.c: a GDP target after it is NATO's) */
		const char *n1 = memmem(d->text, d->len, "Nato", 4), *n2 = memmem(d->text, d->len, "NATO", 4);
		const char *first = n1 && (!n2 || n1 < n2) ? n1 : n2;
		ctx.nato_at = first ? (size_t)(first - d->text) : (size_t)-1;
	}
	ctx.local_dollar = local_dollar(lx, d->text, d->len);
	ex_seed_topic(&ctx);
	kz_buf_init(&sbuf, 0);
	kz_buf_init(&id, 0);
	kz_buf_init(&quote, 0);
	kz_idgen_init(&ids);
	for (si = 0; si < nsent; si++) {
		int have_prev = nq > 0 && si > 0 && prev_si == si - 1 && sent[si - 1].para == sent[si].para;
		const struct ex_span *header = NULL;
		const char *prev_money = NULL;
		if (have_prev) {
			prev = q[nq - 1];
			for (size_t i = nq; i-- > 0 && !prev_money;)
				if (q[i].unit && ex_is_currency(q[i].unit))
					prev_money = q[i].unit;
		}
		nq = 0;
		/* a markdown table: its first row names the columns, a |---| row separates */
		if (d->text[sent[si].start] == '|') {
			if (hdr == (size_t)-1 || si == 0 || !table_row(d->text, sent[si - 1]) ||
			    blank_between(d->text, sent[si - 1].end, sent[si].start)) {
				hdr = si;
				continue;
			}
			if (table_rule(d->text, sent[si]))
				continue;
			header = &sent[hdr];
		} else {
			hdr = (size_t)-1;
		}
		ex_scan_sentence(lx, d->text, sent[si].start, sent[si].end, have_prev ? &prev : NULL, prev_money, header, &q, &nq,
				 &aq);
		if (!nq)
			continue;
		prev_si = si;
		ex_shared_currency(&ctx, si, q, nq);
		collapse(&sbuf, d->text + sent[si].start, d->text + sent[si].end);
		KZ_GROW(attr, aattr, nq);
		for (size_t i = 0; i < nq; i++)
			ex_attribute(&ctx, si, &q[i], q, nq, &attr[i]);
		harmonise(lx, d->text, q, attr, nq);
		/* the amount remembered for the sentences after is the harmonised conversion ("1,0389
		 * Billionen Won (rund 900 Mio. US-Dollar)": Korea's, not the dollar's) */
		for (size_t i = 0; i + 1 < nq; i++)
			if (attr[i + 1].ind == KZ_I_BUDGET && attr[i + 1].subject[0] && ex_paired(d->text, &q[i], &q[i + 1]))
				ctx.last[KZ_I_BUDGET] = attr[i + 1];
		shared = NULL;
		added = t->n;
		for (size_t i = 0; i < nq; i++) {
			struct ex_attr a = attr[i];
			struct kz_claim c;
			if (o && o->core_only && !kz_ind_is_core(a.ind))
				continue;
			memset(&c, 0, sizeof(c));
			kz_idgen_make(&ids, &id, file, sbuf.s, d->text + q[i].nstart, q[i].nend - q[i].nstart);
			collapse(&quote, d->text + q[i].start, d->text + q[i].end);
			c.id = id.s;
			c.doc = d->path;
			c.page = ex_doc_page(d, q[i].start);
			c.start = q[i].start;
			c.end = q[i].end;
			c.quote = quote.s;
			c.value = q[i].value;
			c.low = q[i].low;
			c.high = q[i].high;
			/* a share lies in 0 … 100 %: its interval is clipped there, unless the figure
			 * itself lies outside (then it is no share of one whole, and check sees it) */
			if (a.ind != KZ_I_CHANGE && is_share(a.ind) && !strcmp(q[i].unit, "percent") &&
			    c.value >= 0 && c.value <= 100) {
				if (c.high > 100)
					c.high = 100;
				if (c.low < 0)
					c.low = 0;
			}
			c.unit = q[i].unit;
			if (ctx.local_dollar && bare_dollar(d->text, &q[i]) &&
			    (!a.subject[0] || !strcmp(a.subject, ex_currency_country(lx, ctx.local_dollar))))
				c.unit = ctx.local_dollar;
			c.qual = q[i].qual;
			c.ind = a.ind;
			c.detail = a.detail;
			c.subject = a.subject;
			c.partner = a.partner;
			c.year = a.year;
			c.status = a.status;
			c.source = a.source;
			c.title = d->meta.title;
			c.publisher = d->meta.publisher;
			c.published = d->meta.date;
			c.url = d->meta.url;
			c.sentence = shared ? shared : sbuf.s;
			if (enter_claim(&c))
				shared = kz_table_add(t, &c)->sentence;
		}
		added = t->n - added;
		if (si == 0 && nsent > 1 && sent[1].para != sent[0].para) {
			hl_first = t->n - added;
			hl_count = added;
			hl_para = sent[0].para;
		} else if (hl_count && si > 0) {
			headline_from_body(t, hl_first, hl_count, hl_done, t->n - added, added);
		}
		if (o && o->flush && t->n >= EX_FLUSH_CLAIMS) {
			o->flush(t, o->flush_arg);
			hl_count = 0; /* (the headline's rows are gone: a document dense with figures) */
		}
		if (hl_count && sent[si].para > hl_para + HEADLINE_PARAS)
			hl_count = 0;
	}
	kz_buf_release(&sbuf);
	kz_buf_release(&id);
	kz_buf_release(&quote);
	kz_idgen_release(&ids);
	free(q);
	free(attr);
	ex_attr_cache_free(ctx.cache);
	ex_word_cache_free(ctx.words);
	free(ctx.cues);
	free(ctx.cues_before);
	free(sent);
}
