/* attrib.c: who and when a figure is about — indicator and detail, subject and partner, year. */
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum role { R_NONE, R_GEN, R_LOC, R_PARTNER, R_SOURCE, R_FOR };

struct mention {
	int via_an; /* the preposition was "an" or "nach": a recipient of money, a destination */
	size_t start, end;
	char code[8];
	int flags; /* LXF_NAME, LXF_GEN, LXF_ADJ, LXF_CAPITAL, LXF_PREFIX */
	enum role role;
};

#define MAX_MENTIONS 64

static int strstr_n(const char *s, size_t n, const char *pat)
{
	size_t k = strlen(pat);
	for (size_t i = 0; i + k <= n; i++)
		if (!memcmp(s + i, pat, k))
			return 1;
	return 0;
}

static int lower_word(const char *w, size_t n, const char *key)
{
	return strlen(key) == n && !ex_casecmp_n(w, n, key);
}

/* The preposition governing a mention at w: looks back over articles and adjectives. */
/* Grammar words from data/grammar.tsv: is [w, w+n) a word of this kind (exactly)? */
static int is_word(const struct ex_lexicon *lx, int kind, const char *w, size_t n)
{
	return ex_lex_word(lx, kind, w, n) != NULL;
}

/* Nouns naming who receives: "Empfängerland", "Abnehmer", "Käufer". */
static int is_recipient_noun(const struct ex_lexicon *lx, const char *w, size_t n)
{
	return ex_lex_suffix(lx, LX_RECIPIENT, w, n) != NULL;
}

/* Does the adjective ending at p qualify a document or an agency ("Verteidigungsweißbuch",
 * "Geheimdienst", "Studie")? Then the country is the source, not the subject. */
static int source_noun_after(const struct ex_lexicon *lx, const char *p, const char *end)
{
	const char *w, *we;

	while (p < end && (*p == ' ' || *p == '\n'))
		p++;
	w = p;
	we = ex_word_end(w, end);
	if (we == w || !ex_upper_at(w, end))
		return 0;
	return ex_lex_suffix(lx, LX_SOURCE, w, (size_t)(we - w)) != NULL;
}

static enum role role_before(const struct ex_lexicon *lx, const char *s, const char *w, int *prep_an)
{
	const char *p = w;
	int steps;

	*prep_an = 0;
	for (steps = 0; steps < 3; steps++) {
		const char *we, *ws;
		ws = p = ex_word_back(s, p, &we);
		if (ws == we)
			return R_NONE;
		{
			size_t n = (size_t)(we - ws);
			if (lower_word(ws, n, "in") || lower_word(ws, n, "im") || lower_word(ws, n, "bei")) {
				/* "die Regierung in Taipeh", "die Führung in Pjöngjang": the government */
				const char *xe, *x = ex_word_back(s, ws, &xe);
				if (is_word(lx, LX_GOVT, x, (size_t)(xe - x)))
					return R_NONE;
				return R_LOC;
			}
			if (lower_word(ws, n, "für"))
				return R_FOR; /* "für Südkorea" (its trade), "für die Ukraine" (aid to it) */
			if (is_recipient_noun(lx, ws, n))
				return R_FOR; /* "Wichtigstes Empfängerland war die Ukraine" */
			if (lower_word(ws, n, "war") || lower_word(ws, n, "ist") || lower_word(ws, n, "waren") ||
			    lower_word(ws, n, "sind"))
				continue;
			if (lower_word(ws, n, "nach") || lower_word(ws, n, "an") || lower_word(ws, n, "ans")) {
				*prep_an = 1;
				return R_LOC;
			}
			if (lower_word(ws, n, "mit") || lower_word(ws, n, "auf") || lower_word(ws, n, "aus") ||
			    lower_word(ws, n, "gegenüber") || lower_word(ws, n, "zwischen") || lower_word(ws, n, "von") || lower_word(ws, n, "vom"))
				return R_PARTNER;
			if (lower_word(ws, n, "des"))
				return R_GEN;
			if (lower_word(ws, n, "laut") || lower_word(ws, n, "gemäß"))
				return R_SOURCE;
			if (steps <= 1 && (lower_word(ws, n, "der") || lower_word(ws, n, "des"))) {
				/* "Bündnispartner der USA": genitive after a noun; "nach Angaben der
				 * südkoreanischen Behörde": a source */
				{
					const char *xe, *x = ex_word_back(s, ws, &xe);
					if (xe > x && is_word(lx, LX_SOURCE, x, (size_t)(xe - x)))
						return R_SOURCE;
					if (steps == 0 && lower_word(ws, n, "der") && xe > x && ex_upper_at(x, xe))
						return R_GEN;
				}
			}
			/* articles, adjectives and place nouns may stand between ("in die Grenzregion Kursk") */
			if (lower_word(ws, n, "der") || lower_word(ws, n, "die") || lower_word(ws, n, "den") ||
			    lower_word(ws, n, "dem") || lower_word(ws, n, "das") ||
			    (ws[0] >= 'a' && ws[0] <= 'z' && n > 3) || is_word(lx, LX_PLACE, ws, n))
				continue;
			return R_NONE;
		}
	}
	return R_NONE;
}

/* Is p inside a relative clause opened since the last comma (", das nicht der Nato angehört")? */
static int in_relative_clause(const char *s, const char *p)
{
	static const char *const rel[] = {"der ", "die ", "das ", "dem ", "den ", "deren ", "dessen ",
					  "welche ", "welcher ", "welches ", "wo ", NULL};
	const char *x = p;

	while (x > s && x[-1] != ',' && x[-1] != '(' && x[-1] != ';')
		x--;
	if (x == s || x[-1] != ',')
		return 0;
	while (*x == ' ')
		x++;
	for (const char *const *r = rel; *r; r++) {
		size_t k = strlen(*r);
		if (!strncmp(x, *r, k)) {
			/* the relative pronoun is followed by lower-case words, not by a noun phrase */
			const char *w = x + k;
			return w < p && ((*w >= 'a' && *w <= 'z') || (unsigned char)*w == 0xC3) && w != p;
		}
	}
	return 0;
}

/* Country mentions of [s, e), skipping the quantities' own spans ("US-Dollar"). */
static size_t find_mentions(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *qs,
			    size_t nq, struct mention *m, size_t cap)
{
	const struct ex_lexicon *lx = c->lx;
	const char *t = c->text, *p = t + s, *end = t + e;
	size_t n = 0;

	while (p < end && n < cap) {
		const char *we;
		size_t k, i;
		int hit = 0;

		if (!ex_letter_at(p, end) || (p > t + s && ex_letter_before(t + s, p))) {
			p++;
			continue;
		}
		we = ex_word_end(p, end);
		for (i = 0; i < nq; i++)
			if ((size_t)(p - t) >= qs[i].unit_start && (size_t)(p - t) < qs[i].unit_end &&
			    qs[i].unit && strlen(qs[i].unit) == 3 && qs[i].unit[0] >= 'A' && qs[i].unit[0] <= 'Z')
				break; /* "US-Dollar" is money, not the US */
		if (i < nq) {
			p = we;
			continue;
		}
		{
			unsigned char b0 = ex_fold_byte((unsigned char)*p);
			const unsigned *ix = lx->by_first[LX_COUNTRY][b0];
			unsigned nix = lx->n_first[LX_COUNTRY][b0];
		for (i = 0; i < nix && !hit && n < cap; i++) {
			const struct ex_lex_entry *en = &lx->v[LX_COUNTRY][ix[i]];
			size_t kl = en->klen;
			struct mention *mm = &m[n];
			if (en->flags & LXF_PREFIX) {
				if ((size_t)(we - p) > kl && !memcmp(p, en->key, kl) &&
				    !ex_ends_with_ci(p, (size_t)(we - p), "dollar", 6))
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
				an = 0;
				mm->role = (en->flags & LXF_GEN) ? R_GEN : role_before(lx, t + s, p, &an);
				mm->via_an = an;
				if ((en->flags & LXF_ADJ) && source_noun_after(lx, we, end))
					mm->role = R_SOURCE;
				if (en->flags & LXF_ORG)
					mm->role = R_NONE;
				if ((en->flags & LXF_GEN) && role_before(lx, t + s, p, &an) == R_PARTNER)
					mm->role = R_PARTNER;
				n++;
			}
		}
		}
		(void)k;
		p = we > p ? we : p + 1;
	}
	for (size_t i = 0; i < n; i++)
		if (in_relative_clause(t + s, t + m[i].start))
			m[i].role = R_SOURCE; /* "Österreich, das nicht der Nato angehört, gibt …" */
	for (size_t i = 1; i < n; i++) {
		const char *a = t + m[i - 1].end, *b = t + m[i].start;
		size_t gap = (size_t)(b - a);
		if ((gap <= 12 || (gap <= 32 && memchr(a, '(', gap))) && m[i].role == R_NONE && !(m[i].flags & LXF_GEN) &&
		    (strstr_n(a, gap, " und ") || strstr_n(a, gap, " oder ") || strstr_n(a, gap, " sowie ") ||
		     (gap <= 3 && memchr(a, ',', gap))))
			m[i].role = m[i - 1].role;
	}
	return n;
}

static const char *dist_text; /* set by ex_attribute: distances skip repeated white space */

static size_t gap_len(size_t from, size_t to)
{
	size_t n = 0, i;
	int sp = 0;

	/* white space only matters for near calls; far apart is far apart */
	if (!dist_text || to - from > 256)
		return to - from;
	for (i = from; i < to; i++) {
		char ch = dist_text[i];
		int is_sp = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
		if (!(is_sp && sp))
			n++;
		sp = is_sp;
	}
	return n;
}

/* Is [from, to) a short stretch of words, ending in a preposition of direction ("seiner Waren
 * nach", "in die"), with no comma, stop, parenthesis or digit? */
static const struct ex_lexicon *dist_lx; /* set with dist_text */
static int tied_after(size_t from, size_t to)
{
	const char *p, *w, *we;
	int words = 0, toward = 0;

	if (!dist_text || !dist_lx)
		return 0;
	for (size_t i = from; i < to; i++) {
		char ch = dist_text[i];
		if (ch == ',' || ch == '.' || ch == ';' || ch == ':' || ch == '(' || ch == ')' || (ch >= '0' && ch <= '9'))
			return 0;
	}
	/* the preposition is one of the last two words: "nach China", "in die USA" */
	p = dist_text + to;
	for (w = ex_word_back(dist_text + from, p, &we); w < we && words < 2; w = ex_word_back(dist_text + from, w, &we)) {
		words++;
		if (ex_lex_word(dist_lx, LX_TOWARD, w, (size_t)(we - w)))
			toward = 1;
	}
	return toward;
}

/* Is there a comma in [from, to) of the text (a short gap only)? */
static int comma_between(size_t from, size_t to)
{
	if (!dist_text || to - from > 64)
		return 0;
	return memchr(dist_text + from, ',', to - from) != NULL;
}

static size_t dist(size_t a0, size_t a1, size_t b0, size_t b1)
{
	if (b1 <= a0)
		return gap_len(b1, a0);
	if (a1 <= b0)
		return gap_len(a1, b0);
	return 0;
}

/* --- indicator --- */

/* A cue stem found inside a word of a sentence. */
struct cue_hit {
	const struct ex_lex_entry *e;
	size_t ws, we;
};

#define MAX_CUES 128

/* Every cue contained in the words of [s, e), each word's hits longest first. */
static size_t find_cues(const struct ex_ctx *c, size_t s, size_t e, struct cue_hit *h)
{
	const struct ex_lexicon *lx = c->lx;
	const char *t = c->text, *p = t + s, *end = t + e;
	size_t n = 0;

	while (p < end && n < MAX_CUES) {
		const char *we;
		size_t first = n;
		if (!ex_letter_at(p, end)) {
			p++;
			continue;
		}
		we = ex_word_end(p, end);
		for (const char *x = p; x + 1 < we && n < MAX_CUES; x++) {
			unsigned char b = ex_fold_byte((unsigned char)*x);
			unsigned pr = (unsigned)b << 8 | ex_fold_byte((unsigned char)x[1]);
			const unsigned *ix = lx->by_first[LX_CUE][b];
			if (!(lx->cue_pair[pr >> 3] & (1u << (pr & 7))))
				continue;
			for (unsigned j = 0; j < lx->n_first[LX_CUE][b] && n < MAX_CUES; j++) {
				const struct ex_lex_entry *en = &lx->v[LX_CUE][ix[j]];
				if ((size_t)(we - x) < en->klen ||
				    ((unsigned char)en->key[0] < 0x80 &&
				     (unsigned char)en->key[1] != ex_fold_byte((unsigned char)x[1])) ||
				    ex_casecmp_n(x, en->klen, en->key))
					continue;
				h[n].e = en;
				h[n].ws = (size_t)(p - t);
				h[n].we = (size_t)(we - t);
				n++;
			}
		}
		/* longest first within the word, so the most specific stem wins */
		for (size_t i = first + 1; i < n; i++)
			for (size_t j = i; j > first && h[j].e->klen > h[j - 1].e->klen; j--) {
				struct cue_hit tmp = h[j];
				h[j] = h[j - 1];
				h[j - 1] = tmp;
			}
		p = we;
	}
	return n;
}

struct yexp {
	size_t start, end;
	char text[32];
	int baseline; /* "seit 2003", "mehr als 2025", "als im Vorjahr": a point of comparison */
	int target;   /* "bis 2040": when a plan is to be met, not a date for other sentences */
	int since;    /* "seit Januar 2022": an amount summed since then runs to the document's year */
};
#define MAX_YEARS 32
static size_t years_in(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *qs, size_t nq,
		       struct yexp *out, size_t max);
static int tense_of(const struct ex_lexicon *lx, const char *s, const char *e);
static int present_tense(const struct ex_lexicon *lx, const char *s, const char *e)
{
	return tense_of(lx, s, e) > 0;
}
static int year_at(const char *p, const char *end, int *y);

/* Is the year expression at p a point of comparison? "seit (Anfang der) 2003", "mehr als 2025",
 * "gegenüber 2019", "im Vergleich zu 2019". */
static int is_baseline(const char *s, const char *p)
{
	const char *x = p;

	/* "mehr als im bisherigen Rekordjahr 2023": "als" a few small words back */
	{
		const char *y = p;
		for (int step = 0; step < 4; step++) {
			const char *ye;
			y = ex_word_back(s, y, &ye);
			if (ye == y)
				break;
			if (lower_word(y, (size_t)(ye - y), "als") || lower_word(y, (size_t)(ye - y), "gegenüber"))
				return 1;
			if (!((*y >= 'a' && *y <= 'z') || ex_ends_with_ci(y, (size_t)(ye - y), "jahr", 4) ||
			      ex_ends_with_ci(y, (size_t)(ye - y), "jahres", 6)))
				break;
		}
	}
	for (int step = 0; step < 3; step++) {
		const char *we;
		x = ex_word_back(s, x, &we);
		if (we == x)
			return 0;
		if (lower_word(x, (size_t)(we - x), "seit") || lower_word(x, (size_t)(we - x), "zuletzt"))
			return 1;
		if (step == 0 && (lower_word(x, (size_t)(we - x), "als") || lower_word(x, (size_t)(we - x), "gegenüber") ||
				  lower_word(x, (size_t)(we - x), "zu") || lower_word(x, (size_t)(we - x), "vom")))
			return 1;
		if (step == 0 && lower_word(x, (size_t)(we - x), "im"))
			continue; /* "als im Vorjahr" */
		if (!(lower_word(x, (size_t)(we - x), "anfang") || lower_word(x, (size_t)(we - x), "ende") ||
		      lower_word(x, (size_t)(we - x), "mitte") || lower_word(x, (size_t)(we - x), "der") ||
		      lower_word(x, (size_t)(we - x), "den") || lower_word(x, (size_t)(we - x), "erstmals") ||
		      lower_word(x, (size_t)(we - x), "dem") || lower_word(x, (size_t)(we - x), "jahr")))
			return 0;
	}
	return 0;
}

/* Does sentence si state a change ("haben sich seit 2015 verdoppelt", "ein Plus von 12 Prozent")?
 * Then a "seit" year in it is the change's baseline, not the start of a sum. */
static int speaks_of_change(const struct ex_ctx *c, size_t si, const struct ex_qty *all, size_t nq)
{
	const char *s = c->text + c->sent[si].start, *end = c->text + c->sent[si].end, *p = s, *w;

	for (size_t i = 0; i < nq; i++)
		if (all[i].unit && !strcmp(all[i].unit, "factor"))
			return 1;
	while ((w = ex_next_word(s, &p, end)) != NULL) {
		/* a change noun (Plus, Anstieg) or verb (gestiegen); "mehr" ("mehr als") says nothing here */
		const struct ex_lex_entry *e = ex_lex_word(c->lx, LX_CHANGE, w, (size_t)(p - w));
		if (e && strcmp(e->value, "after"))
			return 1;
	}
	return 0;
}

/* Does the year at p start a span running to now: "seit (Januar|Anfang|Beginn) 2022"? */
static int since_before(const char *s, const char *p)
{
	static const char *const skip[] = {"Januar",  "Februar", "März",   "April",  "Mai",    "Juni",
					   "Juli",    "August",  "September", "Oktober", "November", "Dezember",
					   "Anfang",  "Beginn",  "Mitte",  "Ende",   "dem",    "Jahr", NULL};
	const char *x = p, *we;

	for (int step = 0; step < 3; step++) {
		x = ex_word_back(s, x, &we);
		if (we == x)
			return 0;
		if (lower_word(x, (size_t)(we - x), "seit"))
			return 1;
		if (!ex_word_in(x, (size_t)(we - x), skip))
			return 0;
	}
	return 0;
}

/* Is the year at p the end of a full date "21. Dezember 2023" or "21.12.2023"? */
static int full_date_before(const char *s, const char *p)
{
	static const char *const months[] = {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
					     "August", "September", "Oktober", "November", "Dezember", NULL};
	const char *x = p, *we;
	size_t k;

	if (x - s >= 6 && x[-1] == '.' && x[-2] >= '0' && x[-2] <= '9' && x[-4] == '.')
		return 1;
	while (x > s && x[-1] == ' ')
		x--;
	we = x;
	while ((k = ex_letter_before(s, x)) != 0)
		x -= k;
	for (const char *const *m = months; *m; m++)
		if ((size_t)(we - x) == strlen(*m) && !memcmp(x, *m, strlen(*m))) {
			while (x > s && x[-1] == ' ')
				x--;
			return x - s >= 2 && x[-1] == '.' && x[-2] >= '0' && x[-2] <= '9';
		}
	return 0;
}

/* Does the sentence continue a plan ("Davon sollen 3,5 Prozent …")? */
static int speaks_of_plan(const struct ex_lexicon *lx, const char *s, const char *e)
{
	const char *p = s, *w;

	while ((w = ex_next_word(s, &p, e)) != NULL)
		if (is_word(lx, LX_PLAN, w, (size_t)(p - w)))
			return 1;
	return 0;
}

/* Is the figure's own clause in the present tense? (a sentence may turn to the past after a dash) */
static int clause_present(const struct ex_ctx *c, size_t si, const struct ex_qty *q)
{
	const char *s = c->text + c->sent[si].start, *e = c->text + c->sent[si].end;
	const char *a = c->text + q->start, *b = c->text + q->end;

	/* back and forward to the nearest ", ", "; ", ": " or dash */
	while (a > s && !(a - s >= 2 && (a[-2] == ',' || a[-2] == ';' || a[-2] == ':') && a[-1] == ' ') &&
	       !(a - s >= 3 && (unsigned char)a[-3] == 0xE2 && (unsigned char)a[-2] == 0x80 &&
		 ((unsigned char)a[-1] == 0x93 || (unsigned char)a[-1] == 0x94)))
		a--;
	while (b < e && !((*b == ',' || *b == ';' || *b == ':') && b + 1 < e && b[1] == ' ') &&
	       !((unsigned char)*b == 0xE2 && b + 2 < e && (unsigned char)b[1] == 0x80 &&
		 ((unsigned char)b[2] == 0x93 || (unsigned char)b[2] == 0x94)))
		b++;
	/* "Davon sollen 3,5 Prozent … entfallen": a plan, not the present; a plan in another clause
	 * ("…, im Kriegsfall sollen es 90.000 sein") leaves this one as it is */
	if (speaks_of_plan(c->lx, a, b))
		return 0;
	/* "…, Belgien mit 1,30 und Kanada mit 1,37 Prozent": a clause without a finite verb continues
	 * the sentence's, and takes its tense */
	if (!tense_of(c->lx, a, b)) {
		/* unless the sentence names a year: that dates it ("zwischen 2022 und 2026 …, im Schnitt
		 * 211 Milliarden Yen im Jahr") */
		for (const char *x = s; x + 4 <= e; x++) {
			int y;
			if ((x == s || !(x[-1] >= '0' && x[-1] <= '9')) && year_at(x, e, &y))
				return 0;
		}
		return !speaks_of_plan(c->lx, s, e) && present_tense(c->lx, s, e);
	}
	return present_tense(c->lx, a, b);
}

/* "vor zehn Jahren", "vor 5 Jahren": how many years before the document (0 if not that). */
static int years_ago(const char *p, const char *end, size_t *len)
{
	const char *q, *w, *we;
	double v = 0;

	if (end - p < 10 || (memcmp(p, "vor ", 4) && memcmp(p, "Vor ", 4)))
		return 0;
	w = ex_skip_space(p + 4, end);
	if (w < end && *w >= '0' && *w <= '9') {
		for (we = w; we < end && *we >= '0' && *we <= '9'; we++)
			v = v * 10 + (*we - '0');
	} else {
		we = ex_word_end(w, end);
		if (!ex_numword(w, (size_t)(we - w), &v))
			return 0;
	}
	q = ex_skip_space(we, end);
	if (end - q >= 6 && !memcmp(q, "Jahren", 6) && v >= 1 && v <= 100) {
		*len = (size_t)(q + 6 - p);
		return (int)v;
	}
	return 0;
}

/* Does a clause boundary (", ", "; ", " – ", ": ") stand between two offsets? */
static int clause_between(const char *t, size_t a, size_t b)
{
	if (b < a) {
		size_t x = a;
		a = b;
		b = x;
	}
	if (b - a > 400)
		return 1;
	for (size_t i = a; i + 1 < b; i++) {
		if ((t[i] == ',' || t[i] == ';' || t[i] == ':') && (t[i + 1] == ' ' || t[i + 1] == '\n'))
			return 1;
		if ((unsigned char)t[i] == 0xE2 && i + 2 < b && (unsigned char)t[i + 1] == 0x80 &&
		    ((unsigned char)t[i + 2] == 0x93 || (unsigned char)t[i + 2] == 0x94))
			return 1;
	}
	return 0;
}

/* The small per-sentence cache: mentions, cues and years are found once per sentence. */
#define CACHE_SLOTS 8
struct cache_slot {
	int used, with_q, has_m, has_c;
	size_t s, e;
	size_t nm, nc;
	struct mention m[MAX_MENTIONS];
	struct cue_hit c[MAX_CUES];
	int has_y, has_p, present;
	size_t ny;
	struct yexp y[MAX_YEARS];
};
struct ex_attr_cache {
	struct cache_slot slot[CACHE_SLOTS];
	unsigned next;
};

struct ex_attr_cache *ex_attr_cache_new(void)
{
	return kz_xcalloc(1, sizeof(struct ex_attr_cache));
}

void ex_attr_cache_free(struct ex_attr_cache *c)
{
	free(c);
}

/* want: 1 mentions, 2 cues, 4 years, 8 present tense (computed on first use and kept while the slot lives) */
static const struct cache_slot *sentence_info(const struct ex_ctx *c, size_t s, size_t e,
					      const struct ex_qty *qs, size_t nq, int want)
{
	struct ex_attr_cache *ca = c->cache;
	struct cache_slot *sl = NULL;
	int with_q = qs != NULL;

	for (unsigned i = 0; i < CACHE_SLOTS && !sl; i++)
		if (ca->slot[i].used && ca->slot[i].s == s && ca->slot[i].e == e &&
		    ca->slot[i].with_q == with_q)
			sl = &ca->slot[i];
	if (!sl) {
		sl = &ca->slot[ca->next++ % CACHE_SLOTS];
		sl->used = 1;
		sl->s = s;
		sl->e = e;
		sl->with_q = with_q;
		sl->has_m = sl->has_c = sl->has_y = sl->has_p = 0;
	}
	if ((want & 4) && !sl->has_y) {
		sl->ny = years_in(c, s, e, qs, nq, sl->y, MAX_YEARS);
		sl->has_y = 1;
	}
	if ((want & 8) && !sl->has_p) {
		sl->present = present_tense(c->lx, c->text + s, c->text + e);
		sl->has_p = 1;
	}
	if ((want & 1) && !sl->has_m) {
		sl->nm = find_mentions(c, s, e, qs, nq, sl->m, MAX_MENTIONS);
		sl->has_m = 1;
	}
	if ((want & 2) && !sl->has_c) {
		sl->nc = find_cues(c, s, e, sl->c);
		sl->has_c = 1;
	}
	return sl;
}

static const struct ex_lex_entry *nearest_cue(const struct ex_ctx *c, size_t s, size_t e,
					      const struct ex_qty *q, const char *const *inds,
					      size_t *where)
{
	const struct cache_slot *sl = sentence_info(c, s, e, NULL, 0, 2);
	const struct ex_lex_entry *best = NULL;
	size_t bestd = (size_t)-1, i, last_ws = (size_t)-1;

	for (i = 0; i < sl->nc; i++) {
		const struct cue_hit *h = &sl->c[i];
		int ok = 0;
		size_t d;
		if (h->ws == last_ws)
			continue; /* this word already gave its most specific wanted cue */
		for (const char *const *ind = inds; *ind; ind++)
			if (!strcmp(h->e->value, *ind))
				ok = 1;
		if (!ok)
			continue;
		last_ws = h->ws;
		d = dist(q->start, q->end, h->ws, h->we);
		/* what follows the figure ("74,5 Prozent der Stationierungskosten") weighs more,
		 * unless another clause begins in between ("…, dazu kamen … aus dem Sondervermögen") */
		if (h->ws >= q->end)
			d = clause_between(c->text, q->end, h->ws) ? d + 60 : d / 2;
		else if (clause_between(c->text, h->we, q->start))
			d += 60;
		/* a cue that names no sub-kind ("Verteidigungsministerium") is weaker evidence */
		if (!h->e->detail[0])
			d += strcmp(inds[0], "budget") ? 40 : 1000; /* money: only when no cue names a sub-kind */
		if (d < bestd) {
			bestd = d;
			best = h->e;
			*where = h->ws;
		}
	}
	return best;
}

static int word_before_is(const char *s, const char *p, const char *w)
{
	size_t n = strlen(w);
	const char *we;

	p = ex_word_back(s, p, &we);
	return (size_t)(we - p) == n && !ex_casecmp_n(p, n, w);
}

/* "ein Plus von 6,5 Milliarden Euro", "einen Zuwachs um 2 Mrd.": the amount is a change */
static int change_noun_before(const struct ex_lexicon *lx, const char *s, const char *p)
{
	const struct ex_lex_entry *e;
	const char *x = p, *we;

	for (int step = 0; step < 2; step++) {
		x = ex_word_back(s, x, &we);
		if (we == x)
			return 0;
		if (step == 0 && (lower_word(x, (size_t)(we - x), "von") || lower_word(x, (size_t)(we - x), "um")))
			continue;
		if (step == 0 && (lower_word(x, (size_t)(we - x), "rund") || lower_word(x, (size_t)(we - x), "etwa")))
			continue;
		e = ex_lex_word(lx, LX_CHANGE, x, (size_t)(we - x));
		return e && !strcmp(e->value, "before");
	}
	return 0;
}

/* "… pro Jahr", "… im Jahr", "… jährlich", "… jedes Jahr" right after an amount */
static int per_year(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\n'))
		p++;
	return (e - p >= 8 && !memcmp(p, "pro Jahr", 8)) || (e - p >= 7 && !memcmp(p, "im Jahr", 7) &&
							      !(e - p > 8 && p[7] == ' ' && p[8] >= '0' && p[8] <= '9')) ||
	       (e - p >= 8 && !memcmp(p, "jährlich", 9 > e - p ? (size_t)(e - p) : 9)) ||
	       (e - p >= 10 && !memcmp(p, "jedes Jahr", 10));
}

/* "8,3 Prozent mehr als 2025", "3,7 Prozent höher": the figure is a change */
static int word_after_is_change(const struct ex_lexicon *lx, const char *p, const char *e)
{
	const struct ex_lex_entry *w;
	const char *we;

	while (p < e && (*p == ' ' || *p == '\n'))
		p++;
	we = ex_word_end(p, e);
	w = ex_lex_word(lx, LX_CHANGE, p, (size_t)(we - p));
	return w && !strcmp(w->value, "after");
}

static int is_currency(const char *u)
{
	return strlen(u) == 3 && u[0] >= 'A' && u[0] <= 'Z';
}

static void set_detail(struct ex_attr *a, const char *d)
{
	snprintf(a->detail, sizeof(a->detail), "%s", d ? d : "");
}

static void troop_detail(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *q,
			 struct ex_attr *a);

/* "Die USA ziehen 12.000 Soldaten aus Deutschland ab": ziehen/zog … ab */
static int separable_withdrawal(const char *s, const char *e)
{
	int verb = 0, ab = 0;
	const char *p = s, *w;

	while ((w = ex_next_word(s, &p, e)) != NULL) {
		if ((p - w >= 4 && !memcmp(w, "zieh", 4)) || (p - w >= 3 && !memcmp(w, "zog", 3)))
			verb = 1;
		if (p - w == 2 && !memcmp(w, "ab", 2) && verb)
			ab = 1;
	}
	return verb && ab;
}

static void indicator(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	/* a table cell is read with its column's header: cues come from there */
	size_t s = q->cell_end > q->cell_start ? q->cell_start : c->sent[si].start;
	size_t e = q->cell_end > q->cell_start ? q->cell_end : c->sent[si].end;
	struct ex_qty qq;

	if (q->cell_end > q->cell_start) {
		qq = *q;
		qq.start = qq.nstart = qq.end = q->cell_end; /* distances measured from the header cell */
		q = &qq;
	}
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
		static const char *const share[] = {"trade_share", "gdp_share", "cost_share", "change", "other", NULL};
		if (word_before_is(c->text + s, c->text + q->start, "um") || word_after_is_change(c->lx, c->text + q->end, c->text + e)) {
			a->ind = KZ_I_CHANGE;
			return;
		}
		if (word_before_is(c->text + s, c->text + q->start, "auf") ||
		    word_before_is(c->text + s, c->text + q->start, "nach")) {
			/* "sank auf 5,8 Prozent": a level; the verb is not the figure's kind */
			static const char *const levels[] = {"trade_share", "gdp_share", "cost_share", "other", NULL};
			cue = nearest_cue(c, s, e, q, levels, &where);
		} else {
			cue = nearest_cue(c, s, e, q, share, &where);
		}
		/* "…, ein Plus von einem Prozentpunkt": a change named in the next clause is that clause's */
		if (cue && !strcmp(cue->value, "change") && where >= q->end && clause_between(c->text, q->end, where))
			cue = NULL;
		/* "Davon sollen 3,5 Prozent auf die Kernausgaben entfallen": what the percent is of
		 * may stand in the sentence before — in a news text often a paragraph before ("Spitzenreiter
		 * ist Polen (4,12 Prozent) …" after the paragraph on the share of GDP) */
		for (size_t back = 1; !cue && back <= 2 && back <= si &&
				      c->sent[si].para - c->sent[si - back].para <= 2;
		     back++) {
			struct ex_qty far = *q;
			far.start = far.end = c->sent[si - back].end;
			cue = nearest_cue(c, c->sent[si - back].start, c->sent[si - back].end, &far, share, &where);
			if (cue && !strcmp(cue->value, "change"))
				cue = NULL; /* a change in the sentence before is its own figure's */
		}
		if (cue) {
			a->ind = (enum kz_ind)kz_ind_parse(cue->value);
			set_detail(a, cue->detail);
			if (a->ind == KZ_I_CHANGE && !strcmp(q->unit, "percent") && cue->detail[0] &&
			    strcmp(cue->detail, "difference")) {
				/* "Anstieg von 14 Prozent": keep the direction as detail */
			}
		} else if (!strcmp(q->unit, "points")) {
			a->ind = KZ_I_CHANGE;
		}
		if (!strcmp(q->unit, "points") && a->ind != KZ_I_CHANGE)
			a->ind = KZ_I_CHANGE;
		return;
	}
	if (is_currency(q->unit)) {
		static const char *const money[] = {"budget", "cost_share", "trade_share", "other", NULL};
		if (word_before_is(c->text + s, c->text + q->start, "um") ||
		    word_after_is_change(c->lx, c->text + q->end, c->text + e) || change_noun_before(c->lx, c->text + s, c->text + q->start)) {
			a->ind = KZ_I_CHANGE;
			return;
		}
		cue = nearest_cue(c, s, e, q, money, &where);
		if (si > 0 && c->sent[si - 1].para == c->sent[si].para &&
		    (strstr_n(c->text + s, q->start - s, "dafür") || strstr_n(c->text + s, q->start - s, "hierfür"))) {
			/* "Im Haushaltsentwurf sind dafür 4 Milliarden Euro vorgesehen": what "dafür"
			 * points to is named in the sentence before */
			struct ex_qty far = *q;
			const struct ex_lex_entry *prev;
			far.start = far.end = c->sent[si - 1].end;
			prev = nearest_cue(c, c->sent[si - 1].start, c->sent[si - 1].end, &far, money, &where);
			if (prev)
				cue = prev;
		}
		for (size_t back = 1; !cue && back <= 2 && back <= si; back++) {
			struct ex_qty far = *q;
			far.start = far.end = c->sent[si - back].end;
			cue = nearest_cue(c, c->sent[si - back].start, c->sent[si - back].end, &far, money,
					  &where);
		}
		if (cue && (!strcmp(cue->value, "trade_share") || !strcmp(cue->value, "other"))) {
			a->ind = KZ_I_OTHER; /* trade volumes, a company's sales: not budgets */
			set_detail(a, cue->detail);
		} else if (cue) {
			a->ind = KZ_I_BUDGET;
			set_detail(a, cue->detail);
			/* "im Schnitt 211 Milliarden Yen pro Jahr": a yearly rate, not the total */
			if (per_year(c->text + q->end, c->text + e) || strstr_n(c->text + s, q->start - s, "im Schnitt") ||
			    strstr_n(c->text + s, q->start - s, "jährlich")) {
				size_t dl = strlen(a->detail);
				if (dl + 9 < sizeof(a->detail))
					memcpy(a->detail + dl, "_per_year", 10);
			}
			/* "zusätzlich 18,8 Mrd. Euro": an addition, not the budget itself */
			if (word_before_is(c->text + s, c->text + q->start, "zusätzlich") ||
			    word_before_is(c->text + s, c->text + q->start, "zusätzliche") ||
			    word_before_is(c->text + s, c->text + q->start, "weitere") ||
			    word_before_is(c->text + s, c->text + q->start, "weiteren"))
				set_detail(a, "additional");
		}
		return;
	}
	if (!strcmp(q->unit, "persons") && word_after_is_change(c->lx, c->text + q->end, c->text + e)) {
		a->ind = KZ_I_CHANGE; /* "rund 20.000 mehr als im Vorjahr" */
		return;
	}
	if (!strcmp(q->unit, "persons") && q->military) {
		static const char *const loss[] = {"other", NULL};
		a->ind = KZ_I_TROOPS;
		/* "4.000 Soldaten seien getötet oder verwundet worden": losses, not a force */
		cue = nearest_cue(c, s, e, q, loss, &where);
		if (cue && !strcmp(cue->detail, "casualties") && !clause_between(c->text, q->end, where > q->end ? where : q->end)) {
			a->ind = KZ_I_OTHER;
			set_detail(a, "casualties");
			return;
		}
		troop_detail(c, s, e, q, a);
		return;
	}
}

/*
 * What kind of troop figure: a legal floor or an exercise wherever the sentence says so; a
 * branch ("das Heer", "von der Luftwaffe") only when named close by in the same clause; else
 * the nearest cue (stationed, sent, relocation, armed_forces). Cues inside the figure's own
 * quote ("Soldaten") say nothing. Without a cue, ex_attribute calls troops with a partner
 * "stationed".
 */
static void troop_detail(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *q,
			 struct ex_attr *a)
{
	const struct cache_slot *sl = sentence_info(c, s, e, NULL, 0, 2);
	const struct cue_hit *best = NULL;
	size_t bestd = (size_t)-1;
	int strong = 0;

	set_detail(a, "");
	for (size_t i = 0; i < sl->nc; i++) {
		const struct cue_hit *h = &sl->c[i];
		size_t d;
		int st;
		if (strcmp(h->e->value, "troops") || !h->e->detail[0])
			continue;
		if (h->ws >= q->start && h->we <= q->end)
			continue;
		d = dist(q->start, q->end, h->ws, h->we);
		if (!strcmp(h->e->detail, "branch") &&
		    (d > 30 || clause_between(c->text, h->ws < q->start ? h->we : q->end,
					      h->ws < q->start ? q->start : h->ws)))
			continue;
		st = !strcmp(h->e->detail, "floor") ? 3 : !strcmp(h->e->detail, "exercise") ? 2
		     : !strcmp(h->e->detail, "plan") ? 1 : 0; /* "plant, … 5000 Marines … zu verlegen" */
		/* a weak cue in another clause speaks of another figure ("Südkorea verfügt über
		 * 500.000 Soldaten, hinzu kommen 28.500 dort stationierte US-Soldaten") */
		if (!st && clause_between(c->text, h->ws < q->start ? h->we : q->end,
					  h->ws < q->start ? q->start : h->ws))
			continue;
		if (h->ws >= q->end)
			d /= 2;
		if (st > strong || (st == strong && d < bestd)) {
			strong = st;
			bestd = d;
			best = h;
		}
	}
	if (best)
		set_detail(a, best->e->detail);
	else if (separable_withdrawal(c->text + s, c->text + e))
		set_detail(a, "withdrawal");
	/* "darf nicht unter 28 500 fallen": a floor */
	if (q->end - q->start > 12 && !ex_casecmp_n(c->text + q->start, 11, "nicht unter"))
		set_detail(a, "floor");
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
		/* "48 Prozent seiner Waren nach China": a name a few words after the figure, in its
		 * clause with no other figure between, stands with it even where names before win */
		if (prefer_before && m[i].start >= q->end) {
			if (m[i].start - q->end <= 24 && tied_after(q->end, m[i].start))
				d = 0;
			else
				d += 200;
		}
		/* "48 Prozent nach China, 30 Prozent in die USA": a name before a comma before the
		 * figure is the list's item before, not this one's */
		if (m[i].end <= q->start && comma_between(m[i].end, q->start))
			d += 60;
		if (d < bestd) {
			bestd = d;
			best = &m[i];
		}
	}
	return best;
}

#define ROLE(r) (1 << (r))

/* The first mention (in text order) with one of the roles, other than not_code: a sentence's
 * grammatical subject usually comes first ("Polen gibt …, mehr als jedes andere Nato-Land"). */
static const struct mention *first_not(const struct mention *m, size_t n, int want_roles, const char *not_code)
{
	for (size_t i = 0; i < n; i++)
		if ((want_roles & (1 << m[i].role)) && (!*not_code || strcmp(m[i].code, not_code)) &&
		    !(m[i].flags & LXF_PREFIX && !(m[i].flags & LXF_NAME)))
			return &m[i];
	return NULL;
}


/* Is the word after p (spaces skipped) w? */
static int word_after_is(const char *p, const char *e, const char *w)
{
	size_t n = strlen(w);
	const char *we;

	p = ex_skip_space(p, e);
	we = ex_word_end(p, e);
	return (size_t)(we - p) == n && !memcmp(p, w, n);
}

/* Does the "für" mention m follow another amount right away ("26 Milliarden Dollar für Israel und
 * gut acht Milliarden Dollar für Partner im Indopazifik")? Then it names that amount's recipient. */
static int for_of_other(const char *t, const struct ex_qty *q, const struct ex_qty *all, size_t nq,
			const struct mention *m)
{
	for (size_t i = 0; i < nq; i++) {
		const struct ex_qty *o = &all[i];
		/* a conversion of the figure ("61 Milliarden Dollar (rund 57 Milliarden Euro) für") is
		 * the same amount */
		if (o->start == q->start || o->end > m->start || m->start - o->end > 14 || !o->unit ||
		    ex_paired(t, q, o) || ex_paired(t, o, q))
			continue;
		if (strstr_n(t + o->end, m->start - o->end, "für"))
			return 1;
	}
	return 0;
}

static void who(struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct ex_qty *all,
		size_t nq, struct ex_attr *a)
{
	struct mention m[MAX_MENTIONS];
	size_t s = c->sent[si].start, e = c->sent[si].end, n;
	const struct mention *sub = NULL, *par = NULL;
	int from_sentence, named_before = 0;

	{
		const struct cache_slot *sl = sentence_info(c, s, e, all, nq, 1);
		n = sl->nm;
		memcpy(m, sl->m, n * sizeof(*m));
	}
	a->subject[0] = a->partner[0] = '\0';

	/* A table row: the header cell's "US-Soldaten" says whose, the row's first name where */
	if (q->cell_end > q->cell_start) {
		struct mention hm[8];
		size_t hn = find_mentions(c, q->cell_start, q->cell_end, NULL, 0, hm, sizeof(hm) / sizeof(hm[0]));
		if (n > 0) {
			if (hn > 0 && strcmp(hm[0].code, m[0].code)) {
				snprintf(a->subject, sizeof(a->subject), "%s", hm[0].code);
				snprintf(a->partner, sizeof(a->partner), "%s", m[0].code);
			} else {
				snprintf(a->subject, sizeof(a->subject), "%s", m[0].code);
			}
			a->subj_src = 2;
			return;
		}
	}
	/* The unit itself may name the subject: "US-Soldaten", "nordkoreanische Soldaten". */
	if (a->ind == KZ_I_TROOPS) {
		for (size_t i = 0; i < n; i++) {
			if (m[i].start >= q->unit_start && m[i].end <= q->unit_end)
				sub = &m[i];
			if ((m[i].flags & LXF_ADJ) && m[i].start >= q->nend && m[i].end <= q->unit_start)
				sub = &m[i];
		}
	}
	/* "gefolgt von Estland (3,43 %)": a figure in parentheses right after a name is that country's */
	for (size_t i = 0; i < n && !sub; i++) {
		const char *ga = c->text + m[i].end, *gb = c->text + q->start;
		if (m[i].end <= q->start && gb - ga <= 3 && memchr(ga, '(', (size_t)(gb - ga)) &&
		    !(m[i].flags & LXF_PREFIX)) {
			if ((m[i].role == R_PARTNER || m[i].role == R_LOC) && a->ind == KZ_I_TRADE_SHARE)
				break; /* "mit China (26 Prozent)": the trade partner */
			sub = &m[i];
		}
	}
	/* "40,0 Prozent im Falle Südkoreas", "Über 90 Prozent der japanischen Rüstungsimporte" */
	if (!sub && a->ind != KZ_I_COST_SHARE && a->ind != KZ_I_TROOPS) {
		for (size_t i = 0; i < n && !sub; i++) {
			size_t gap = m[i].start >= q->end ? m[i].start - q->end : (size_t)-1;
			if (gap > 24 || (m[i].flags & LXF_PREFIX))
				continue;
			if ((m[i].flags & LXF_GEN) ||
			    ((m[i].flags & LXF_ADJ) && (strstr_n(c->text + q->end, gap, " der ") ||
							strstr_n(c->text + q->end, gap, " des "))))
				sub = &m[i];
		}
	}
	switch (a->ind) {
	case KZ_I_TROOPS:
		/* "17 500 Soldaten aus den USA": where troops come from is whose they are, unless
		 * they are withdrawn from there ("zogen 20.000 Mann aus Südkorea ab") */
		for (size_t i = 0; i < n && !sub && strcmp(a->detail, "withdrawal"); i++)
			if (m[i].start >= q->end && m[i].start - q->end <= 16 &&
			    word_before_is(c->text + s, c->text + m[i].start, "aus"))
				sub = &m[i];
		for (size_t i = 0; i < n && !sub; i++)
			if (m[i].start >= q->end && m[i].start - q->end <= 16 &&
			    word_before_is(c->text + s, c->text + m[i].start, "den") &&
			    strstr_n(c->text + q->end, m[i].start - q->end, "aus den"))
				sub = &m[i];
		if (!sub)
			sub = pick(m, n, q, ROLE(R_NONE) | ROLE(R_GEN), 1);
		par = pick(m, n, q, ROLE(R_LOC), 0);
		if (!par)
			par = pick(m, n, q, ROLE(R_PARTNER), 0);
		if (par == sub)
			par = NULL;
		if (par && sub && par == sub)
			par = NULL;
		break;
	case KZ_I_TRADE_SHARE: {
		const struct mention *share_of = NULL;
		for (size_t i = 0; i < n && !sub; i++) {
			const char *w, *we;
			if (!(m[i].flags & LXF_ADJ))
				continue;
			w = ex_skip_space(ex_word_end(c->text + m[i].start, c->text + e), c->text + e);
			we = ex_word_end(w, c->text + e);
			/* "der chinesische Anteil" at Japan's imports: China is the partner, also for a
			 * second figure of the sentence ("…, bei den Exporten bei 19,4 Prozent") */
			if ((size_t)(we - w) >= 6 && !ex_casecmp_n(w, 6, "anteil") && !par && m[i].end <= q->start) {
				par = share_of = &m[i];
				continue;
			}
			if (dist(q->start, q->end, m[i].start, m[i].end) > 40 ||
			    clause_between(c->text, m[i].start < q->start ? m[i].end : q->end,
					   m[i].start < q->start ? q->start : m[i].start))
				continue;
			if (ex_contains_ci(w, (size_t)(we - w), "ausfuhr", 7) || ex_contains_ci(w, (size_t)(we - w), "export", 6) ||
			    ex_contains_ci(w, (size_t)(we - w), "einfuhr", 7) || ex_contains_ci(w, (size_t)(we - w), "import", 6) ||
			    ex_contains_ci(w, (size_t)(we - w), "handel", 6)) {
				sub = &m[i];
				for (size_t j = 0; j < n && !par; j++)
					if ((m[j].flags & LXF_GEN) && strcmp(m[j].code, m[i].code))
						par = &m[j]; /* "der Anteil Chinas an den deutschen Ausfuhren" */
			}
		}
		if (!sub)
			sub = pick(m, n, q, ROLE(R_GEN), 0);
		if (!sub)
			sub = pick(m, n, q, ROLE(R_NONE) | ROLE(R_FOR), 1);
		if (sub && sub == share_of)
			sub = NULL; /* whose share it is comes from the sentences before */
		if (!par)
			par = pick(m, n, q, ROLE(R_PARTNER) | ROLE(R_LOC), 1);
		break;
	}
	case KZ_I_COST_SHARE:
		for (size_t i = 0; i < n && !sub; i++)
			if ((m[i].flags & LXF_GEN) && m[i].start >= q->end && m[i].start - q->end <= 24)
				sub = &m[i];
		/* "ein Beitrag Japans von 74,5 Prozent" */
		for (size_t i = 0; i < n && !sub; i++)
			if ((m[i].flags & LXF_GEN) && m[i].end <= q->start && q->start - m[i].end <= 16 &&
			    strstr_n(c->text + m[i].end, q->start - m[i].end, " von "))
				sub = &m[i];
		if (!sub)
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
		/* "Den Kosten der US-Stationierung stand ein Beitrag Japans von 74,5 Prozent gegenüber;
		 * Südkorea übernahm 40,0 Prozent": whose forces cost is the partner, before the figure too */
		for (size_t i = 0; i < n && !par; i++)
			if ((m[i].flags & LXF_PREFIX) && (!sub || strcmp(m[i].code, sub->code)))
				par = &m[i];
		if (!par)
			par = pick(m, n, q, ROLE(R_PARTNER) | ROLE(R_GEN), 0);
		break;
	case KZ_I_GDP_SHARE:
		if (!sub)
			sub = pick(m, n, q, ROLE(R_NONE) | ROLE(R_FOR), 1);
		if (!sub)
			sub = pick(m, n, q, ROLE(R_GEN), 1);
		break;
	case KZ_I_BUDGET:
		if (!sub)
			sub = pick(m, n, q, ROLE(R_NONE), 1);
		if (!sub)
			sub = pick(m, n, q, ROLE(R_GEN), 1);
		/* "Militärhilfe für die Ukraine", "26 Milliarden Dollar für Israel": the "für" of the
		 * figure's own clause */
		{
			size_t bd = (size_t)-1;
			for (size_t i = 0; i < n; i++) {
				size_t d;
				if (m[i].role != R_FOR || for_of_other(c->text, q, all, nq, &m[i]))
					continue;
				d = dist(q->start, q->end, m[i].start, m[i].end);
				if (clause_between(c->text, m[i].start < q->start ? m[i].end : q->end,
						   m[i].start < q->start ? q->start : m[i].start))
					d += 100;
				if (d < bd) {
					bd = d;
					par = &m[i];
				}
			}
		}
		if (!par)
			par = pick(m, n, q, ROLE(R_PARTNER), 0);
		for (size_t i = 0; i < n && !par; i++)
			if (m[i].role == R_LOC && m[i].via_an)
				par = &m[i]; /* "meldete an die NATO", "zahlt an die USA" */
		if (!sub && par && !strcmp(a->detail, "demand")) {
			sub = par; /* "von Seoul … gefordert": who is asked to pay */
			par = NULL;
		}
		{
			/* "einigten sich Seoul und Washington auf 1,04 Billionen Won": an amount in won is
			 * Korea's when Korea is among those named */
			const char *own = ex_currency_country(c->lx, q->unit);
			if (own && !(sub && !strcmp(sub->code, own)))
				for (size_t i = 0; i < n; i++)
					if (!strcmp(m[i].code, own) && (m[i].role == R_NONE || m[i].role == R_GEN)) {
						if (sub && !par)
							par = sub;
						sub = &m[i];
						break;
					}
		}
		break;
	default:
		if (!sub)
			sub = pick(m, n, q, ROLE(R_GEN) | ROLE(R_NONE) | ROLE(R_FOR), 1);
		par = pick(m, n, q, ROLE(R_PARTNER) | ROLE(R_LOC), 0);
		break;
	}
	from_sentence = sub != NULL;
	a->subj_src = sub ? 2 : 0;
	a->subj_near = sub && (dist(q->start, q->end, sub->start, sub->end) <= 16 ||
			       (sub->start >= q->unit_start && sub->end <= q->unit_end));
	/* a number continuing the count of the sentence before is about the same troops */
	if ((q->flags & QF_PREV) && c->have_last[a->ind] && c->last_si[a->ind] + 1 >= si) {
		snprintf(a->subject, sizeof(a->subject), "%s", c->last[a->ind].subject);
		snprintf(a->partner, sizeof(a->partner), "%s", c->last[a->ind].partner);
		a->subj_src = 1;
		return;
	}
	if (sub)
		snprintf(a->subject, sizeof(a->subject), "%s", sub->code);
	if (par && strcmp(par->code, a->subject))
		snprintf(a->partner, sizeof(a->partner), "%s", par->code);
	/* Nothing in the sentence: the last claim of the same kind a few sentences back,
	 * else the sentences before set the scene. */
	if (!sub && c->have_last[a->ind] && si - c->last_si[a->ind] <= 3 && a->ind != KZ_I_OTHER &&
	    c->sent[c->last_si[a->ind]].para == c->sent[si].para &&
	    (!a->partner[0] || strcmp(c->last[a->ind].subject, a->partner))) {
		snprintf(a->subject, sizeof(a->subject), "%s", c->last[a->ind].subject);
		if (!par && strcmp(c->last[a->ind].partner, a->subject) &&
		    !(a->ind == KZ_I_BUDGET && word_after_is(c->text + q->end, c->text + e, "für")))
			snprintf(a->partner, sizeof(a->partner), "%s", c->last[a->ind].partner);
		sub = (const struct mention *)1;
	}
	for (size_t back = 1; !sub && back <= 2 && back <= si && c->sent[si - back].para == c->sent[si].para;
	     back++) {
		struct mention pm[MAX_MENTIONS];
		const struct mention *ps, *pp;
		struct ex_qty far = *q;
		const struct cache_slot *psl = sentence_info(c, c->sent[si - back].start, c->sent[si - back].end, NULL, 0, 1);
		size_t pn = psl->nm;
		memcpy(pm, psl->m, pn * sizeof(*pm));
		far.start = far.end = far.nend = far.unit_start = far.unit_end = c->sent[si - back].end;
		ps = NULL;
		if (a->ind == KZ_I_TROOPS) {
			/* "Kein anderes Land beherbergt so viele US-Soldaten wie Japan." */
			for (size_t i = 0; i < pn && !ps; i++) {
				const char *w = c->text + pm[i].start, *we;
				if (!(pm[i].flags & (LXF_PREFIX | LXF_ADJ)))
					continue;
				we = ex_word_end(w, c->text + c->sent[si - back].end);
				if (pm[i].flags & LXF_ADJ)
					we = ex_word_end(ex_skip_space(we, c->text + c->sent[si - back].end),
							 c->text + c->sent[si - back].end);
				if (ex_ends_with_ci(w, (size_t)(we - w), "soldaten", 8) ||
				    ex_ends_with_ci(w, (size_t)(we - w), "truppen", 7) ||
				    ex_ends_with_ci(w, (size_t)(we - w), "streitkräfte", 13))
					ps = &pm[i];
			}
			if (ps && !par) {
				for (size_t i = 0; i < pn; i++)
					if (&pm[i] != ps && strcmp(pm[i].code, ps->code) && (pm[i].flags & (LXF_NAME | LXF_CAPITAL))) {
						snprintf(a->partner, sizeof(a->partner), "%s", pm[i].code);
						break;
					}
			}
			if (ps) {
				snprintf(a->subject, sizeof(a->subject), "%s", ps->code);
				named_before = 1;
				break;
			}
		}
		ps = first_not(pm, pn, ROLE(R_NONE), a->partner);
		if (!ps)
			ps = first_not(pm, pn, ROLE(R_GEN), a->partner);
		if (!ps)
			continue;
		snprintf(a->subject, sizeof(a->subject), "%s", ps->code);
		named_before = 1;
		if (!par) {
			pp = pick(pm, pn, &far, a->ind == KZ_I_TROOPS ? ROLE(R_LOC) : ROLE(R_PARTNER), 0);
			if (pp && strcmp(pp->code, a->subject))
				snprintf(a->partner, sizeof(a->partner), "%s", pp->code);
		}
		break;
	}
	if (!from_sentence && a->ind == KZ_I_BUDGET) {
		const char *own = ex_currency_country(c->lx, q->unit);
		if (own) {
			snprintf(a->subject, sizeof(a->subject), "%s", own);
			a->subj_src = 3;
		}
	}
	/* Still no one: the country the document has been speaking of most. */
	if (!a->subject[0] && a->ind != KZ_I_OTHER && a->ind != KZ_I_CHANGE) {
		int best = -1, total = 0;
		for (int i = 0; i < c->ntopic; i++) {
			total += c->topic_n[i];
			if (best < 0 || c->topic_n[i] > c->topic_n[best])
				best = i;
		}
		/* troops only when the document clearly speaks of one country's forces */
		if (best >= 0 && (a->ind != KZ_I_TROOPS || (c->topic_n[best] >= 2 && c->topic_n[best] * 10 >= total * 6)))
			snprintf(a->subject, sizeof(a->subject), "%s", c->topic[best]);
	}
	/* the sentence named them, the sentences before did, or the currency ("13,5 Billionen Rubel") */
	if ((from_sentence || named_before || a->subj_src == 3) && a->subject[0]) {
		int i;
		for (i = 0; i < c->ntopic && strcmp(c->topic[i], a->subject); i++)
			;
		if (i == c->ntopic && i < EX_TOPICS) {
			snprintf(c->topic[i], sizeof(c->topic[i]), "%s", a->subject);
			c->topic_n[i] = 0;
			c->ntopic++;
		}
		if (i < c->ntopic)
			c->topic_n[i]++;
	}
	if (a->ind == KZ_I_TROOPS && !a->partner[0] && c->have_last[KZ_I_TROOPS] &&
	    !strcmp(c->last[KZ_I_TROOPS].subject, a->subject) && strcmp(a->detail, "armed_forces") &&
	    (si - c->last_si[KZ_I_TROOPS] <= 3 || strcmp(a->subject, "US") == 0))
		snprintf(a->partner, sizeof(a->partner), "%s", c->last[KZ_I_TROOPS].partner);
	/* "… gut acht Milliarden Dollar für Partner im Indopazifik": the recipient is named, if not a
	 * country, so the last amount's recipient is not this one's */
	if (a->ind == KZ_I_BUDGET && !a->partner[0] && c->have_last[KZ_I_BUDGET] &&
	    !word_after_is(c->text + q->end, c->text + e, "für") &&
	    c->sent[c->last_si[KZ_I_BUDGET]].para == c->sent[si].para && si - c->last_si[KZ_I_BUDGET] <= 3 &&
	    !strcmp(c->last[KZ_I_BUDGET].subject, a->subject) && !strcmp(c->last[KZ_I_BUDGET].detail, a->detail))
		snprintf(a->partner, sizeof(a->partner), "%s", c->last[KZ_I_BUDGET].partner);
	if (a->ind == KZ_I_BUDGET && !a->partner[0] && !strcmp(a->detail, "military_aid") && si > 0 &&
	    c->sent[si - 1].para == c->sent[si].para) {
		const struct cache_slot *psl = sentence_info(c, c->sent[si - 1].start, c->sent[si - 1].end, NULL, 0, 1);
		for (size_t i = 0; i < psl->nm; i++)
			if ((psl->m[i].role == R_FOR || psl->m[i].via_an) && strcmp(psl->m[i].code, a->subject)) {
				snprintf(a->partner, sizeof(a->partner), "%s", psl->m[i].code);
				break;
			}
	}
	/* aid goes to someone: a country of the sentence in the dative ("hat der Ukraine … geliefert")
	 * or any other one but the giver; else the recipient of the document's first aid figure (an
	 * article about aid names its main recipient first, its donors many times) */
	if (a->ind == KZ_I_BUDGET && !strcmp(a->detail, "military_aid") &&
	    !word_after_is(c->text + q->end, c->text + e, "für")) {
		const struct cache_slot *sl = sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, 1);
		const char *ss = c->text + c->sent[si].start, *got = NULL, *giver = NULL;
		/* "Schweden hat der Ukraine … geleistet": the dative is the recipient, never the giver */
		for (size_t i = 0; i < sl->nm; i++) {
			const struct mention *mm = &sl->m[i];
			int dative = word_before_is(ss, c->text + mm->start, "der") ||
				     word_before_is(ss, c->text + mm->start, "den");
			if (mm->role == R_SOURCE || (mm->flags & LXF_ORG))
				continue;
			if (dative && !got)
				got = mm->code;
			else if (!dative && mm->role == R_NONE && !giver)
				giver = mm->code;
		}
		if (got && !strcmp(a->subject, got) && giver && strcmp(giver, got)) {
			snprintf(a->subject, sizeof(a->subject), "%s", giver);
			a->partner[0] = '\0';
		}
		if (a->partner[0])
			got = NULL;
		for (size_t i = 0; i < sl->nm && !got && !a->partner[0]; i++) {
			const struct mention *mm = &sl->m[i];
			if (strcmp(mm->code, a->subject) && mm->role != R_SOURCE && !(mm->flags & LXF_ORG))
				got = mm->code;
		}
		if (got && !strcmp(got, a->subject))
			got = NULL;
		if (!got && !a->partner[0] && c->aid_to[0] && strcmp(c->aid_to, a->subject))
			got = c->aid_to;
		if (got && !a->partner[0])
			snprintf(a->partner, sizeof(a->partner), "%s", got);
	}
	if (a->ind == KZ_I_BUDGET && a->partner[0] && !strcmp(a->detail, "military_aid") && !c->aid_to[0])
		snprintf(c->aid_to, sizeof(c->aid_to), "%s", a->partner); /* the article's first recipient */
	/* "Polen hat bei Südkorea 180 Panzer bestellt … Wert von 6,5 Milliarden Dollar": a deal's
	 * seller is its subject, the buyer its partner */
	if (a->ind == KZ_I_BUDGET && !strcmp(a->detail, "arms_deal")) {
		for (size_t back = 0; back <= 1 && back <= si; back++) {
			const struct cache_slot *bsl = sentence_info(c, c->sent[si - back].start, c->sent[si - back].end,
								     NULL, 0, 1);
			const struct mention *seller = NULL;
			if (back && c->sent[si - 1].para != c->sent[si].para)
				break;
			for (size_t i = 0; i < bsl->nm && !seller; i++)
				if (word_before_is(c->text + c->sent[si - back].start, c->text + bsl->m[i].start, "bei") &&
				    strcmp(bsl->m[i].code, a->subject))
					seller = &bsl->m[i];
			if (seller) {
				if (a->subject[0])
					snprintf(a->partner, sizeof(a->partner), "%s", a->subject);
				snprintf(a->subject, sizeof(a->subject), "%s", seller->code);
				break;
			}
		}
	}
	/* troops whose place the sentence does not name: the place the sentences before name
	 * ("Panzerbrigade 45 in Vilnius in Dienst gestellt. Derzeit dienen rund 400 Soldaten …") */
	if (a->ind == KZ_I_TROOPS && !a->partner[0] && a->subject[0] && strcmp(a->detail, "armed_forces")) {
		for (size_t back = 1; back <= 2 && back <= si && !a->partner[0] &&
				      c->sent[si - back].para == c->sent[si].para; back++) {
			const struct cache_slot *bsl = sentence_info(c, c->sent[si - back].start, c->sent[si - back].end,
								     NULL, 0, 1);
			for (size_t i = 0; i < bsl->nm; i++)
				if (bsl->m[i].role == R_LOC && strcmp(bsl->m[i].code, a->subject)) {
					snprintf(a->partner, sizeof(a->partner), "%s", bsl->m[i].code);
					break;
				}
		}
	}
	/* "… rund 250.000 US-Soldaten im Land": the country the report is about */
	if (a->ind == KZ_I_TROOPS && !a->partner[0] && a->subject[0] &&
	    (strstr_n(c->text + s, e - s, "im Land") || strstr_n(c->text + s, e - s, " dort ") ||
	     strstr_n(c->text + s, e - s, "hierzulande"))) {
		int best = -1;
		for (int i = 0; i < c->ntopic; i++)
			if (strcmp(c->topic[i], a->subject) && (best < 0 || c->topic_n[i] > c->topic_n[best]))
				best = i;
		if (best >= 0)
			snprintf(a->partner, sizeof(a->partner), "%s", c->topic[best]);
	}
	/* "Washington hatte 1,4 Billionen Won gefordert": a demand in won is made of Korea */
	if (!strcmp(a->detail, "demand")) {
		const char *own = ex_currency_country(c->lx, q->unit);
		if (own && strcmp(a->subject, own)) {
			if (a->subject[0])
				snprintf(a->partner, sizeof(a->partner), "%s", a->subject);
			snprintf(a->subject, sizeof(a->subject), "%s", own);
		}
	}
	/* "die Zahl der Reservisten in Deutschland": with no one else named, the place is whose */
	if (a->ind == KZ_I_TROOPS && !a->subject[0] && a->partner[0] && q->unit_end > q->unit_start &&
	    (ex_contains_ci(c->text + q->unit_start, q->unit_end - q->unit_start, "reserv", 6) ||
	     ex_contains_ci(c->text + q->unit_start, q->unit_end - q->unit_start, "wehrpflicht", 11) ||
	     ex_contains_ci(c->text + q->unit_start, q->unit_end - q->unit_start, "rekrut", 6) ||
	     ex_contains_ci(c->text + q->unit_start, q->unit_end - q->unit_start, "freiwillig", 10) ||
	     ex_contains_ci(c->text + q->unit_start, q->unit_end - q->unit_start, "wehrdienst", 10))) {
		snprintf(a->subject, sizeof(a->subject), "%s", a->partner);
		a->partner[0] = '\0';
	}
	/* "28.500 dort stationierte US-Soldaten": "dort" is the country named before */
	if (a->ind == KZ_I_TROOPS && !a->partner[0] && q->unit_start > q->nend &&
	    (strstr_n(c->text + q->nend, q->unit_start - q->nend, "dort") ||
	     strstr_n(c->text + q->nend, q->unit_start - q->nend, "hier"))) {
		for (size_t i = n; i-- > 0;)
			if (m[i].end <= q->start && strcmp(m[i].code, a->subject)) {
				snprintf(a->partner, sizeof(a->partner), "%s", m[i].code);
				break;
			}
	}
	if (a->ind == KZ_I_GDP_SHARE)
		a->partner[0] = '\0';
	if (!strcmp(a->partner, a->subject))
		a->partner[0] = '\0';
	/* Host-nation support is paid for US forces unless the text names others. */
	if ((a->ind == KZ_I_COST_SHARE || !strcmp(a->detail, "host_nation_support") ||
	     !strcmp(a->detail, "demand")) && !a->partner[0] &&
	    strcmp(a->subject, "US"))
		snprintf(a->partner, sizeof(a->partner), "US");
}

/* --- year --- */


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
			const struct ex_lex_entry *te;
			int ago;
			if (docyear && (ago = years_ago(p, end, &ml)) > 0) {
				out[n].start = (size_t)(p - t);
				out[n].end = out[n].start + ml;
				out[n].baseline = 0;
				out[n].since = 0;
				out[n].target = 0;
				snprintf(out[n].text, sizeof(out[n].text), "%d", docyear - ago);
				n++;
				p += ml;
				continue;
			}
			if (docyear && (te = ex_lex_match_after(c->lx, LX_TIME, p, end, &ml)) != NULL) {
				int off = !strcmp(te->value, "-1") ? -1 : !strcmp(te->value, "+1") ? 1 : 0;
				out[n].start = (size_t)(p - t);
				out[n].end = out[n].start + ml;
				out[n].baseline = is_baseline(t + s, p);
				out[n].since = 0;
				out[n].target = 0;
				snprintf(out[n].text, sizeof(out[n].text), "%d", docyear + off);
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
		if ((size_t)(p - t) < 300 && !memchr(t, '\n', (size_t)(p - t)) && full_date_before(t + s, p)) {
			p += 4; /* "SEOUL, 21. Dezember 2023 (Reuters)": the report's date */
			continue;
		}
		out[n].start = (size_t)(p - t);
		out[n].end = out[n].start + 4;
		out[n].baseline = is_baseline(t + s, p);
		out[n].since = since_before(t + s, p);
		out[n].target = word_before_is(t + s, p, "bis") || word_before_is(t + s, p, "Bis");
		snprintf(out[n].text, sizeof(out[n].text), "%d", y);
		{
			static const char *const preps[] = {"zwischen", "von", "seit", "bis", "im", "in",
							    "für", "Jahr", "Jahre", "Fiskaljahr", "Haushaltsjahr",
							    NULL};
			const char *x = p;
			size_t kk;
			while (x > t + s && x[-1] == ' ')
				x--;
			{
				const char *xe = x;
				while ((kk = ex_letter_before(t + s, x)) != 0)
					x -= kk;
				for (const char *const *pp = preps; *pp; pp++)
					if ((size_t)(xe - x) == strlen(*pp) && !memcmp(x, *pp, strlen(*pp)))
						out[n].start = (size_t)(x - t);
			}
		}
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

/* The tense of [s, e) by its finite verbs: -1 a past one, 1 present ones only, 0 none of the list. */
static int tense_of(const struct ex_lexicon *lx, const char *s, const char *e)
{
	const struct ex_lex_entry *v;
	int pres = 0;
	const char *p = s, *w;

	while ((w = ex_next_word(s, &p, e)) != NULL) {
		v = ex_lex_word(lx, LX_TENSE, w, (size_t)(p - w));
		if (v && !strcmp(v->value, "past"))
			return -1;
		if (v)
			pres = 1;
	}
	return pres;
}

/* Is b written as a conversion of a ("5,07 Billionen Yen (47,0 Milliarden Dollar)")? */
int ex_paired(const char *t, const struct ex_qty *a, const struct ex_qty *b)
{
	const char *p = t + a->end, *e = t + b->start;
	int paren = 0;

	if (e < p || e - p > 24)
		return 0;
	for (; p < e; p++) {
		if (*p == '(')
			paren = 1;
		else if (!(*p == ' ' || *p == ',' || (*p >= '0' && *p <= '9') || *p == '\n'))
			break;
	}
	if (p < e && !strncmp(p, "umgerechnet", 11))
		return 1;
	return paren && p == e;
}

/* "Seit Januar 2022 haben die USA 64 Milliarden Euro zugesagt": a sum since the year y covers the
 * years from then to the document's; a share, or a sentence stating a change, keeps it as the
 * baseline. 1 when a->year was set. */
static int since_span(const struct ex_ctx *c, size_t si, const struct ex_qty *all, size_t nq,
		      const struct yexp *y, struct ex_attr *a)
{
	long y0 = strtol(y->text, NULL, 10);
	int dy = c->doc->meta.year;

	if (!y->since || dy <= y0 || y0 <= 1900 || a->ind == KZ_I_CHANGE || a->ind == KZ_I_GDP_SHARE ||
	    a->ind == KZ_I_TRADE_SHARE || speaks_of_change(c, si, all, nq))
		return 0;
	snprintf(a->year, sizeof(a->year), "%ld-%d", y0, dy);
	return 1;
}

static void when(const struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct ex_qty *all,
		 size_t nq, struct ex_attr *a)
{
	struct yexp y[MAX_YEARS];
	size_t n, i, best = (size_t)-1, bestd = (size_t)-1, far_year = (size_t)-1;
	char far_text[32] = "";

	a->year[0] = '\0';
	a->year_doc = 0;
	if (q->cell_end > q->cell_start) {
		/* a table column's header may date it: "| Verteidigungsetat 2024 (Mrd. Euro) |" */
		n = years_in(c, q->cell_start, q->cell_end, NULL, 0, y, MAX_YEARS);
		if (n) {
			snprintf(a->year, sizeof(a->year), "%s", y[0].text);
			return;
		}
	}
	{
		const struct cache_slot *sl = sentence_info(c, c->sent[si].start, c->sent[si].end, all, nq, 4);
		n = sl->ny;
		memcpy(y, sl->y, n * sizeof(*y));
	}
	/* Each year expression belongs to the figure nearest to it ("von 3,8 Mrd. zwischen
	 * 2016 und 2020 auf 38 Mrd. zwischen 2021 und 2023"); a figure takes a year bound to
	 * it or to its parenthesised twin, else the nearest year. */
	{
		size_t self = (size_t)(q - all), twin = (size_t)-1;
		if (self < nq) {
			if (self + 1 < nq && ex_paired(c->text, &all[self], &all[self + 1]))
				twin = self + 1;
			else if (self > 0 && ex_paired(c->text, &all[self - 1], &all[self]))
				twin = self - 1;
		}
		for (i = 0; i < n && self < nq; i++) {
			size_t bq = (size_t)-1, bd = (size_t)-1, d;
			if (y[i].baseline)
				continue;
			for (size_t j = 0; j < nq; j++) {
				if (!strcmp(all[j].unit, "factor"))
					continue; /* "zwischen 2021 und 2023 verzehnfacht": the span is not the multiple's */
				d = dist(all[j].start, all[j].end, y[i].start, y[i].end);
				if (all[j].start >= y[i].end)
					d *= 3; /* a year follows the figure it dates more often than it precedes it */
				if (clause_between(c->text, all[j].start, y[i].start))
					d += 500;
				if (d < bd) {
					bd = d;
					bq = j;
				}
			}
			if (bq != self && bq != twin)
				continue;
			d = dist(q->start, q->end, y[i].start, y[i].end);
			if (d < bestd) {
				bestd = d;
				best = i;
			}
		}
	}
	for (i = 0; i < n && best == (size_t)-1; i++) {
		size_t d;
		if (y[i].baseline)
			continue;
		d = dist(q->start, q->end, y[i].start, y[i].end);
		if (clause_between(c->text, q->start < y[i].start ? q->end : y[i].end,
				   q->start < y[i].start ? y[i].start : q->start)) {
			far_year = far_year == (size_t)-1 ? i : far_year;
			continue; /* in another clause: used only if nothing else dates the figure */
		}
		if (d < bestd) {
			bestd = d;
			best = i;
		}
	}
	if (best != (size_t)-1) {
		if (!since_span(c, si, all, nq, &y[best], a))
			snprintf(a->year, sizeof(a->year), "%s", y[best].text);
		return;
	}
	/* a "seit" year that is a point of comparison, in the figure's clause */
	for (i = 0; i < n; i++)
		if (y[i].since &&
		    !clause_between(c->text, q->start < y[i].start ? q->end : y[i].end,
				    q->start < y[i].start ? y[i].start : q->start) &&
		    since_span(c, si, all, nq, &y[i], a))
			return;
	if (far_year != (size_t)-1)
		snprintf(far_text, sizeof(far_text), "%s", y[far_year].text);
	/* the sentence before, then the one after */
	/* A short report speaks of its own date when it speaks in the present; a long study's
	 * sentences take their time from the context before (tried after the sentences before). */
	if (c->doc->meta.year && c->doc->meta.src >= EX_META_DATELINE && c->doc->len < 20000 &&
	    clause_present(c, si, q)) {
		snprintf(a->year, sizeof(a->year), "%d", c->doc->meta.year), a->year_doc = 1;
		return;
	}
	for (size_t back = 1; back <= 2 && back <= si; back++) {
		const struct cache_slot *psl = sentence_info(c, c->sent[si - back].start, c->sent[si - back].end, NULL, 0, 4);
		n = psl->ny;
		memcpy(y, psl->y, n * sizeof(*y));
		if (c->sent[si - back].para != c->sent[si].para)
			break;
		for (i = 0; i < n; i++) {
			if (y[i].text[strlen(y[i].text) - 1] == 's' || y[i].baseline ||
			    (y[i].target && !speaks_of_plan(c->lx, c->text + c->sent[si].start, c->text + c->sent[si].end)))
				continue; /* a decade, a baseline or a target in another sentence is scenery */
			snprintf(a->year, sizeof(a->year), "%s", y[i].text);
			return;
		}
	}
	if (c->doc->meta.year && c->doc->meta.src >= EX_META_DATELINE && clause_present(c, si, q)) {
		snprintf(a->year, sizeof(a->year), "%d", c->doc->meta.year), a->year_doc = 1;
		return;
	}
	if (far_text[0]) {
		snprintf(a->year, sizeof(a->year), "%s", far_text);
		return;
	}
	if (si + 1 < c->nsent) {
		const struct cache_slot *nsl = sentence_info(c, c->sent[si + 1].start, c->sent[si + 1].end, NULL, 0, 4);
		n = nsl->ny;
		memcpy(y, nsl->y, n * sizeof(*y));
		if (n) {
			snprintf(a->year, sizeof(a->year), "%s", y[0].text);
			return;
		}
	}
	if (c->doc->meta.year && c->doc->meta.src >= EX_META_DATELINE)
		snprintf(a->year, sizeof(a->year), "%d", c->doc->meta.year), a->year_doc = 1;
}

/*
 * Where troops are, from the words of the sentence: "Südkorea selbst verfügt über 500.000
 * Soldaten" (a country's own forces: no partner), "hinzu kommen 28.500 dort stationierte
 * US-Soldaten" ("dort": the country named last before it).
 */
static void troops_here(const struct ex_ctx *c, size_t si, const struct ex_qty *q, struct ex_attr *a)
{
	const struct cache_slot *sl = sentence_info(c, c->sent[si].start, c->sent[si].end, NULL, 0, 1);
	const char *s = c->text + c->sent[si].start, *end = c->text + c->sent[si].end, *p, *w;
	const struct mention *last = NULL;

	/* "dort" within the figure's phrase, a few words either side */
	for (p = c->text + q->start; p > s && c->text + q->start - p < 24; p--)
		;
	for (const char *x = p; (w = ex_next_word(s, &x, end)) != NULL && w < c->text + q->end + 32;) {
		if (!ex_lex_word(c->lx, LX_THERE, w, (size_t)(x - w)))
			continue;
		for (size_t i = 0; i < sl->nm; i++)
			if (sl->m[i].end <= (size_t)(w - c->text) && strcmp(sl->m[i].code, a->subject) &&
			    sl->m[i].role != R_SOURCE)
				last = &sl->m[i];
		if (last) {
			snprintf(a->partner, sizeof(a->partner), "%s", last->code);
			return;
		}
	}
	/* "Südkorea selbst …": the subject named with "selbst" in the figure's clause */
	for (size_t i = 0; i < sl->nm; i++) {
		const char *we = c->text + sl->m[i].end, *nw;
		if (strcmp(sl->m[i].code, a->subject) || sl->m[i].start > q->start ||
		    clause_between(c->text, sl->m[i].end, q->start))
			continue;
		nw = ex_skip_space(we, end);
		if (ex_lex_word(c->lx, LX_OWN, nw, (size_t)(ex_word_end(nw, end) - nw))) {
			a->partner[0] = '\0';
			return;
		}
	}
}

void ex_attribute(struct ex_ctx *c, size_t si, const struct ex_qty *q, const struct ex_qty *all,
		  size_t nq, struct ex_attr *a)
{
	dist_text = c->text;
	dist_lx = c->lx;
	indicator(c, si, q, a);
	/* a share of costs is host-nation support unless a cue says otherwise ("75 Prozent der Kosten");
	 * the bare cue "Kosten" names no sub-kind, so money it finds stays a plain budget figure */
	if (a->ind == KZ_I_COST_SHARE && !a->detail[0])
		set_detail(a, "host_nation_support");
	who(c, si, q, all, nq, a);
	when(c, si, q, all, nq, a);
	ex_status(c, si, q, c->cues, a);
	ex_source(c, si, q, c->cues, a);
	/* a plan, target, demand, limit or forecast is for the year the text names, never the
	 * document's own by default (DESIGN.md) */
	if (a->status != KZ_S_REPORTED && a->status != KZ_S_CLAIM && a->year_doc)
		a->year[0] = '\0';
	if (a->ind == KZ_I_TROOPS)
		troops_here(c, si, q, a);
	/* troops with a foreign location are stationed there ("US-Streitkräfte in Korea") */
	if (a->ind == KZ_I_TROOPS && (!a->detail[0] || !strcmp(a->detail, "armed_forces")) && a->partner[0] &&
	    strcmp(a->partner, a->subject))
		set_detail(a, "stationed");
	if (a->subject[0]) {
		c->last[a->ind] = *a;
		c->last_si[a->ind] = si;
		c->have_last[a->ind] = 1;
	}
}

/*
 * A news dateline names where the report comes from ("Berlin (dpa) -", "SEOUL, 12. März 2024
 * (Reuters) -"): that country starts the document's topic tally, the last resort for subjects.
 */
void ex_seed_topic(struct ex_ctx *c)
{
	const char *t = c->text, *end = t + (c->doc->len < 160 ? c->doc->len : 160), *cut = NULL;
	struct mention m[MAX_MENTIONS];
	size_t n;

	for (const char *p = t; p + 2 < end && !cut; p++) {
		if (*p == '\n')
			break;
		if ((p[0] == ' ' && p[1] == '-' && p[2] == ' ') || (*p == '(' && p + 1 < end && ex_upper_at(p + 1, end)) ||
		    ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x93))
			cut = p;
	}
	if (!cut || cut - t > 80)
		return;
	n = find_mentions(c, 0, (size_t)(cut - t), NULL, 0, m, MAX_MENTIONS);
	for (size_t i = 0; i < n && c->ntopic < EX_TOPICS; i++) {
		snprintf(c->topic[c->ntopic], sizeof(c->topic[0]), "%s", m[i].code);
		c->topic_n[c->ntopic++] = 2;
	}
}
