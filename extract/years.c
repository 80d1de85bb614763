/*
 * years.c: the year expressions of a sentence, found once per sentence (at_years_in): four-digit
 * years (not dates of a dateline, not parts of names like "F-2020"), spans ("2016 bis 2020",
 * "2024/25", "zwischen 2003 und 2008", "in den fünf Jahren bis 2027"), decades ("1990er"),
 * relative years ("im Vorjahr", "vor zehn Jahren", "im Oktober" told in the past) from the
 * document's date. Each is marked as a baseline ("seit 2003", "mehr als 2025"), a target ("bis
 * 2040"), the start of a sum ("seit Januar 2022"), a compared figure's own ("nach 7,1 Prozent im
 * Jahr 2020") or its clause's only (a month). Also the tense of a stretch of text (at_tense_of).
 * when.c binds them to the figures.
 */
#include "attrib_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Does the year at p start a span running to now: "seit (Januar|Anfang|Beginn) 2022", "seit Beginn
 * des russischen Angriffs im Februar 2022"? "seit" up to seven words back, with no comma or finite
 * verb between. */
static int since_before(const struct ex_lexicon *lx, const char *s, const char *p)
{
	const char *x = p, *we;

	for (int step = 0; step < 7; step++) {
		const char *g;
		x = ex_word_back(s, x, &we);
		if (we == x)
			return 0;
		for (g = we; g < p && *g != ',' && *g != ';' && *g != '.' && *g != ':'; g++)
			;
		if (g < p || ex_lex_word(lx, LX_TENSE, x, (size_t)(we - x)))
			return 0;
		if (lower_word(x, (size_t)(we - x), "seit"))
			return 1;
	}
	return 0;
}

/* p past up to two words naming a part of a year ("Ende", "Januar", "Ende Februar") and their spaces */
static const char *skip_period(const struct ex_lexicon *lx, const char *p, const char *end)
{
	for (int k = 0; k < 2; k++) {
		const char *we = ex_word_end(p, end);
		if (we <= p || !ex_lex_word(lx, LX_PERIOD, p, (size_t)(we - p)))
			break;
		p = ex_skip_space(we, end);
	}
	return p;
}

/* Is the word before the year at p (past words naming a part of a year) w? "zwischen Januar 2022" */
static int word_before_period_is(const struct ex_lexicon *lx, const char *s, const char *p, const char *w)
{
	const char *x = p, *we;

	for (int k = 0; k < 2; k++) {
		const char *b = ex_word_back(s, x, &we);
		if (b == we || !ex_lex_word(lx, LX_PERIOD, b, (size_t)(we - b)))
			break;
		x = b;
	}
	return at_word_before_is(s, x, w);
}

/* Is the year at p in a phrase of comparison that names its own figure: "…, nach 7,1 Prozent im
 * Jahr 2020", "nach 62,4 Milliarden im Jahr 2023" — "nach", a number and at most four words? */
static int compared_before(const char *s, const char *p)
{
	const char *x = p;
	int number = 0;

	/* back at most 48 bytes, within the clause (a comma between digits is a number's) */
	while (x > s && p - x < 48) {
		char ch = x[-1];
		if ((ch == ',' || ch == ';' || ch == '.' || ch == ':') &&
		    !(x - s >= 2 && x[-2] >= '0' && x[-2] <= '9' && *x >= '0' && *x <= '9'))
			return 0;
		if (ch >= '0' && ch <= '9')
			number = 1;
		x--;
		if (number && x - s >= 0 && p - x >= 5 && !memcmp(x, "nach ", 5) && (x == s || x[-1] == ' '))
			return 1;
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

/* " zehn Jahren", " 5 Jahre" at p: how many years (lo to hi; 0 if not that), *len the bytes; one:
 * "ein Jahr" too ("ein Jahr zuvor"; "vor einem Jahr" dates a deed, and a figure near it, worse). */
static int years_counted(const char *p, const char *end, int lo, int hi, int one, size_t *len)
{
	const char *w = ex_skip_space(p, end), *we, *q;
	double v = 0;

	if (w < end && *w >= '0' && *w <= '9') {
		for (we = w; we < end && *we >= '0' && *we <= '9'; we++)
			v = v * 10 + (*we - '0');
	} else {
		we = ex_word_end(w, end);
		if (we == w || !ex_numword(w, (size_t)(we - w), &v))
			return 0;
	}
	q = ex_skip_space(we, end);
	if (v < lo || v > hi || end - q < 4 || memcmp(q, "Jahr", 4))
		return 0;
	q += 4; /* "zwei Jahre", "vor zehn Jahren"; "ein Jahr" only where lo is 1 and one is asked for */
	if (q < end && *q == 'e')
		q++;
	else if (v != 1 || lo != 1 || !one)
		return 0;
	if (q < end && *q == 'n')
		q++;
	if (q < end && ex_letter_at(q, end))
		return 0;
	*len = (size_t)(q - p);
	return (int)v;
}

/* "vor zehn Jahren", "vor 5 Jahren": how many years before the document (0 if not that). */
static int years_ago(const char *p, const char *end, size_t *len)
{
	size_t k;
	int v;

	if (end - p < 10 || (memcmp(p, "vor ", 4) && memcmp(p, "Vor ", 4)))
		return 0;
	if ((v = years_counted(p + 4, end, 1, 100, 0, &k)) == 0)
		return 0;
	*len = 4 + k;
	return v;
}

/* "fünf Jahre zuvor", "zwei Jahre später": how many years before (negative) or after the year
 * the sentence named before it (0 if not that); *len the bytes. */
static int years_apart(const char *p, const char *end, size_t *len)
{
	static const char *const before[] = {"zuvor", "davor", "früher", "vorher", NULL};
	static const char *const after[] = {"später", "danach", "darauf", NULL};
	const char *from = p[-1] == ' ' ? p - 1 : p; /* (years_counted reads from the space before) */
	const char *w = ex_skip_space(ex_word_end(p, end), end), *we;
	size_t k;
	int v;

	/* (the noun first, the number word only then: this is asked at every word) */
	if (end - w < 4 || memcmp(w, "Jahr", 4) || (v = years_counted(from, end, 1, 50, 1, &k)) == 0)
		return 0;
	w = ex_skip_space(from + k, end);
	we = ex_word_end(w, end);
	if (ex_word_in(w, (size_t)(we - w), before))
		v = -v;
	else if (!ex_word_in(w, (size_t)(we - w), after))
		return 0;
	*len = (size_t)(we - p);
	return v;
}

/* "in den fünf Jahren bis 2027", "in den 10 Jahren bis 2030": how many years the span before
 * "bis" at p (the year's start) counts, 0 if none is named. */
static size_t years_before_until(const char *s, const char *p)
{
	const char *b, *be, *j, *je, *nw, *nwe;
	double v = 0;

	b = ex_word_back(s, p, &be); /* bis */
	je = b; /* (no word before: an empty one) */
	j = b < be ? ex_word_back(s, b, &je) : b;
	if (j == je || !(lower_word(j, (size_t)(je - j), "jahren") || lower_word(j, (size_t)(je - j), "jahre")))
		return 0;
	nw = ex_word_back(s, j, &nwe);
	if (nw == nwe)
		return 0;
	if (*nw >= '0' && *nw <= '9') {
		for (const char *x = nw; x < nwe && *x >= '0' && *x <= '9'; x++)
			v = v * 10 + (*x - '0');
	} else if (!ex_numword(nw, (size_t)(nwe - nw), &v)) {
		return 0;
	}
	return v >= 2 && v <= 50 ? (size_t)v : 0;
}

int at_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

int at_year_at(const char *p, const char *end, int *y)
{
	if (end - p < 4 || !at_digit(p[0]) || !at_digit(p[1]) || !at_digit(p[2]) || !at_digit(p[3]))
		return 0;
	if (end - p > 4 && at_digit(p[4]))
		return 0;
	*y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
	return *y >= 1900 && *y <= 2100;
}

int at_doc_month(const struct ex_doc *d)
{
	const char *t = d->meta.date;
	int m;

	if (!t || strlen(t) < 7 || t[4] != '-' || !at_digit(t[5]) || !at_digit(t[6]))
		return 0;
	m = (t[5] - '0') * 10 + (t[6] - '0');
	return m >= 1 && m <= 12 ? m : 0;
}

/* "Im Oktober meldete …", "Anfang November sprach …": a month named without a year, in a sentence
 * of the past, is the last such month up to the document's date. Its year, or 0 when the word at
 * [p, we) is no month, a year or time phrase follows it ("Oktober 2024", "im Oktober vergangenen
 * Jahres") or the sentence does not speak of the past. */
/* Does [s, e) end in a past participle ("haben die USA bis Ende Juli 71 Milliarden Euro
 * zugesagt"): a perfect, told of the past? A participle here: "ge" in it after at most a
 * separable particle's letters, ending in -t or -en, lower case. */
static int ends_in_participle(const char *s, const char *e)
{
	const char *we = e, *w;
	size_t n;

	while (we > s && !ex_letter_before(s, we))
		we--;
	w = we;
	while (w > s && ex_letter_before(s, w))
		w--;
	n = (size_t)(we - w);
	if (n < 5 || !(*w >= 'a' && *w <= 'z') || !((we[-1] == 't') || (we[-2] == 'e' && we[-1] == 'n')))
		return 0;
	for (size_t i = 0; i + 2 < n && i <= 4; i++)
		if (w[i] == 'g' && w[i + 1] == 'e')
			return 1;
	return 0;
}

/* Does "bis" stand before the month at p, over period words ("bis Mitte September")? */
static int until_before(const struct ex_ctx *c, const char *s, const char *p)
{
	const char *x = p, *w, *we;

	for (int k = 0; k < 3; k++) {
		w = ex_word_back(s, x, &we);
		if (w == we)
			return 0;
		if (lower_word(w, (size_t)(we - w), "bis"))
			return 1;
		if (!ex_lex_word(c->lx, LX_PERIOD, w, (size_t)(we - w)))
			return 0;
		x = w;
	}
	return 0;
}

static int month_year(const struct ex_ctx *c, const char *s, const char *e, const char *p, const char *we,
		      int *target)
{
	const struct ex_lex_entry *pe = ex_lex_word(c->lx, LX_PERIOD, p, (size_t)(we - p));
	int mon = pe ? (int)pe->num : 0, dm = at_doc_month(c->doc), y;
	const char *q = ex_skip_space(we, e);
	size_t ml;

	*target = 0;
	if (mon <= 0 || !dm || !c->doc->meta.year)
		return 0;
	if (at_year_at(q, e, &y) || (q < e && at_digit(*q)) || ex_lex_match_after(c->lx, LX_TIME, q, e, &ml))
		return 0;
	/* "bis Mitte September" (a text of August 2024): in a sentence of the present or of a plan,
	 * the first such month from the document's on, a date to be met by; told in the past ("sagten
	 * bis Ende Februar … zu"), the last one up to the document's date, a sum until then */
	if (until_before(c, s, p)) {
		const char *ce = p;
		while (ce < e && *ce != ',' && *ce != ';')
			ce++; /* the clause of the month ends there */
		if ((at_tense_of(c->lx, s, e) < 0 || ends_in_participle(s, ce)) && !at_speaks_of_plan(c->lx, s, e))
			return mon > dm ? c->doc->meta.year - 1 : c->doc->meta.year;
		*target = 1;
		return mon >= dm ? c->doc->meta.year : c->doc->meta.year + 1;
	}
	if (at_tense_of(c->lx, s, e) >= 0 || at_speaks_of_plan(c->lx, s, e))
		return 0;
	return mon > dm ? c->doc->meta.year - 1 : c->doc->meta.year;
}

/* The slot after out[n], cleared to fill (each slot is cleared once, when it becomes the next). */
static size_t next_slot(struct yexp *out, size_t n, size_t max)
{
	if (++n < max)
		memset(&out[n], 0, sizeof(out[n]));
	return n;
}

/* Does the text name the country of an event's time word (its detail; none: any text)? Looked up
 * once per document and country (the cache lives as long as the document's reading). */
static int epoch_named(const struct ex_ctx *c, const struct ex_lex_entry *te)
{
	struct ex_attr_cache *ca = c->cache;
	const char *name;
	int named;

	if (!te->detail || !te->detail[0])
		return 1;
	for (unsigned i = 0; i < ca->nepoch; i++)
		if (!strcmp(ca->epoch_code[i], te->detail))
			return ca->epoch_named[i];
	name = ex_country_name(c->lx, te->detail);
	named = memmem(c->text, c->doc->len, name, strlen(name)) != NULL;
	if (ca->nepoch < EPOCH_CODES) {
		snprintf(ca->epoch_code[ca->nepoch], sizeof(ca->epoch_code[0]), "%s", te->detail);
		ca->epoch_named[ca->nepoch++] = (signed char)named;
	}
	return named;
}

/* Is p inside a parenthesis opened in [s, p) and not closed before p? */
static int in_parenthesis(const char *s, const char *p)
{
	for (const char *x = p; x > s; x--)
		if (x[-1] == ')')
			return 0;
		else if (x[-1] == '(')
			return 1;
	return 0;
}

/* The year written last before p (four digits standing alone, 1900-2100), looking back at most
 * lim bytes and not past a paragraph break; 0 when none. */
static int year_written_before(const char *t, const char *p, size_t lim)
{
	const char *lo = (size_t)(p - t) > lim ? p - lim : t;

	for (const char *x = p - 1; x >= lo && x > t; x--) {
		int y;
		if (*x == '\n' && x > t && x[-1] == '\n')
			return 0;
		if (x + 4 <= p && at_year_at(x, p, &y) && !at_digit(x[-1]) && x[-1] != '.' && x[-1] != ',') {
			/* the end of a span ("2022 bis 2026") is no one time to point back to, nor a
			 * period's start ("seit 2004") */
			const char *b = x;
			while (b > t && b[-1] == ' ')
				b--;
			if ((b > t && (b[-1] == '-' || b[-1] == '/')) || (b - t >= 3 && !memcmp(b - 3, "bis", 3)) ||
			    (b - t >= 3 && !memcmp(b - 3, "\xe2\x80\x93", 3)) || (b - t >= 4 && !memcmp(b - 4, "seit", 4)))
				return 0;
			return y;
		}
	}
	return 0;
}

size_t at_years_in(const struct ex_ctx *c, size_t s, size_t e, const struct ex_qty *qs, size_t nq,
		       struct yexp *out, size_t max)
{
	const char *t = c->text, *p = t + s, *end = t + e;
	size_t n = 0, wi = 0;
	int docyear = c->doc->meta.year;
	const struct ex_words *ws = ex_words_of(c, s, e); /* where a word starting at p ends */

	if (max)
		memset(&out[0], 0, sizeof(out[0])); /* each slot is cleared once, when it becomes the next */
	while (p < end && n < max) {
		int y, y2;
		size_t i, ml;
		if (ex_letter_at(p, end) && (p == t + s || !ex_letter_before(t + s, p))) {
			const struct ex_lex_entry *te;
			int ago;
			/* "2023 waren es 2,01 Prozent, fünf Jahre zuvor erst 1,3 Prozent": from the year the
			 * sentence named before */
			if (n > 0 && strlen(out[n - 1].text) == 4 && !out[n - 1].target && p > t + s &&
			    (ago = years_apart(p, end, &ml)) != 0) {
				out[n].start = (size_t)(p - t);
				out[n].end = out[n].start + ml;
				out[n].baseline = is_baseline(t + s, p); /* ("rund 2000 mehr als ein Jahr zuvor") */
				snprintf(out[n].text, sizeof(out[n].text), "%ld", strtol(out[n - 1].text, NULL, 10) + ago);
				n = next_slot(out, n, max);
				p += ml;
				continue;
			}
			if (docyear && (ago = years_ago(p, end, &ml)) > 0) {
				out[n].start = (size_t)(p - t);
				out[n].end = out[n].start + ml;
				out[n].baseline = 0;
				out[n].since = 0;
				out[n].target = 0;
				out[n].compared = 0;
				snprintf(out[n].text, sizeof(out[n].text), "%d", docyear - ago);
				n = next_slot(out, n, max);
				p += ml;
				continue;
			}
			te = docyear ? ex_lex_match_after(c->lx, LX_TIME, p, end, &ml) : NULL;
			if (te && !strcmp(te->value, "future") && (ago = years_counted(p + ml, end, 2, 50, 0, &i)) > 0) {
				/* "in den kommenden fünf Jahren" (a text of 2023): 2023-2027; told in its last two
				 * months, from the year after ("Japan zahlt in den kommenden fünf Jahren mehr", a
				 * text of December 2021: the fiscal years 2022 to 2026) */
				int from = docyear + (at_doc_month(c->doc) >= 11);
				out[n].start = (size_t)(p - t);
				out[n].end = out[n].start + ml + i;
				out[n].baseline = out[n].since = out[n].target = out[n].compared = 0;
				snprintf(out[n].text, sizeof(out[n].text), "%d-%d", from, from + ago - 1);
				n = next_slot(out, n, max);
				p += ml + i;
				continue;
			}
			if (te && !strcmp(te->value, "past") && (ago = years_counted(p + ml, end, 2, 50, 0, &i)) > 0) {
				/* "in den vergangenen zehn Jahren" (a text of 2021): the years before the
				 * document's, 2011-2020 */
				out[n].start = (size_t)(p - t);
				out[n].end = out[n].start + ml + i;
				out[n].baseline = out[n].since = out[n].target = out[n].compared = 0;
				snprintf(out[n].text, sizeof(out[n].text), "%d-%d", docyear - ago, docyear - 1);
				n = next_slot(out, n, max);
				p += ml + i;
				continue;
			}
			if ((te = ex_lex_match_after(c->lx, LX_TIME, p, end, &ml)) != NULL && !strcmp(te->value, "undated")) {
				/* "jahrzehntelang an einer Marke von 1 Prozent festgehalten": a long stretch,
				 * no year — the figure is dated neither by its neighbours nor by the document */
				out[n].start = (size_t)(p - t);
				out[n].end = out[n].start + ml;
				out[n].baseline = out[n].since = out[n].target = out[n].compared = 0;
				out[n].text[0] = '\0';
				n = next_slot(out, n, max);
				p += ml;
				continue;
			}
			if (te && !strcmp(te->value, "until")) {
				/* "bis dahin": the end of the period named before in the sentence, else of the
				 * figure before, a date to be met by */
				const char *py = n && out[n - 1].text[0] ? out[n - 1].text : c->have_prev ? c->prev.year : "";
				const char *dash = strchr(py, '-');
				if (py[0]) {
					out[n].start = (size_t)(p - t);
					out[n].end = out[n].start + ml;
					out[n].target = 1;
					snprintf(out[n].text, sizeof(out[n].text), "%s", dash ? dash + 1 : py);
					n = next_slot(out, n, max);
				}
				p += ml;
				continue;
			}
			if (te && !strcmp(te->value, "then")) {
				/* "seit dem Lieferstopp von 2010 … Damals kamen gut 90 Prozent …": the year
				 * written last before it, in its paragraph and the 400 bytes before */
				/* (not in an aside on a figure: "(damals rund 9,3 Mrd. US-Dollar)" is a rate) */
				int ty = 0;
				/* a time point its sentence dated before it, not a period's start ("Schon 2023
				 * war der Anteil erstmals seit 2004 gefallen; die USA kamen damals auf …": 2023) */
				for (size_t k = n; k-- > 0 && !ty;)
					if (strlen(out[k].text) == 4 && !out[k].since && !out[k].target && !out[k].compared &&
					    !out[k].baseline)
						ty = (int)strtol(out[k].text, NULL, 10);
				if (!ty)
					ty = year_written_before(t, t + s, 400);
				if (in_parenthesis(t + s, p))
					ty = 0;
				if (ty) {
					out[n].start = (size_t)(p - t);
					out[n].end = out[n].start + ml;
					out[n].baseline = out[n].since = out[n].target = out[n].compared = 0;
					out[n].then = 1;
					snprintf(out[n].text, sizeof(out[n].text), "%d", ty);
					n = next_slot(out, n, max);
				}
				p += ml;
				continue;
			}
			if (te && !strcmp(te->value, "same")) {
				/* "im selben Zeitraum": the period of the figure before */
				if (c->have_prev && c->prev.year[0]) {
					out[n].start = (size_t)(p - t);
					out[n].end = out[n].start + ml;
					out[n].baseline = out[n].since = out[n].target = out[n].compared = 0;
					snprintf(out[n].text, sizeof(out[n].text), "%s", c->prev.year);
					n = next_slot(out, n, max);
				}
				p += ml;
				continue;
			}
			if (te && strlen(te->value) == 4 && at_digit(te->value[0])) {
				/* "seit Kriegsbeginn", "seit Beginn der russischen Invasion": an event's year
				 * (words.tsv time, a year; its country named in the text, else no date) */
				if (epoch_named(c, te)) {
					out[n].start = (size_t)(p - t);
					out[n].end = out[n].start + ml;
					out[n].baseline = out[n].target = out[n].compared = 0;
					out[n].since = since_before(c->lx, t + s, p);
					out[n].event = 1;
					snprintf(out[n].text, sizeof(out[n].text), "%s", te->value);
					n = next_slot(out, n, max);
				}
				p += ml;
				continue;
			}
			if (te && !strcmp(te->value, "future")) {
				p += ml; /* "in den kommenden Jahren": no count, no year */
				continue;
			}
			if (docyear && te) { /* the time word matched above */
				int off = !strcmp(te->value, "-1") ? -1 : !strcmp(te->value, "+1") ? 1 : 0;
				int base = docyear;
				/* "2023 stiegen die Ausgaben auf 3,1 Milliarden, nach 2,8 im Vorjahr": the year
				 * before the one the sentence named ('prior' rows), not the document's */
				if (te->detail && !strcmp(te->detail, "prior") && n > 0 && strlen(out[n - 1].text) == 4 &&
				    !out[n - 1].target && !out[n - 1].baseline)
					base = (int)strtol(out[n - 1].text, NULL, 10);
				out[n].start = (size_t)(p - t);
				out[n].end = out[n].start + ml;
				out[n].baseline = is_baseline(t + s, p);
				out[n].since = 0;
				out[n].target = 0;
				out[n].compared = 0;
				/* ("heute vorgelegt": the day of a deed, 'deed', not what a plan is for) */
				out[n].event = te->detail && !strcmp(te->detail, "deed");
				snprintf(out[n].text, sizeof(out[n].text), "%d", base + off);
				n = next_slot(out, n, max);
				p += ml;
				continue;
			}
			while (wi < ws->n && t + ws->w[wi].start < p)
				wi++;
			{
				const char *we = wi < ws->n && t + ws->w[wi].start == p ? t + ws->w[wi].end
											: ex_word_end(p, end);
				int target, my = month_year(c, t + s, end, p, we, &target);
				if (my) {
					out[n].start = (size_t)(p - t);
					out[n].end = (size_t)(we - t);
					out[n].baseline = is_baseline(t + s, p);
					out[n].since = out[n].compared = 0;
					out[n].target = target;
					out[n].clause = 1;
					snprintf(out[n].text, sizeof(out[n].text), "%d", my);
					n = next_slot(out, n, max);
				}
				p = we;
			}
			continue;
		}
		if (!at_year_at(p, end, &y) || (p > t + s && (at_digit(p[-1]) || p[-1] == '.' || p[-1] == ','))) {
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
		out[n].since = since_before(c->lx, t + s, p);
		out[n].target = at_word_before_is(t + s, p, "bis") || at_word_before_is(t + s, p, "Bis");
		out[n].compared = compared_before(t + s, p);
		snprintf(out[n].text, sizeof(out[n].text), "%d", y);
		if (out[n].target) {
			/* "in den fünf Jahren bis 2027": the five years that end then, 2023-2027 */
			size_t ys = years_before_until(t + s, p);
			if (ys > 1 && ys <= 50) {
				snprintf(out[n].text, sizeof(out[n].text), "%d-%d", y - (int)ys + 1, y);
				out[n].target = 0;
			}
		}
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
					r = skip_period(c->lx, ex_skip_space(r + 3, end), end);
				else if (end - r > 4 && !memcmp(r, "und", 3) &&
					 word_before_period_is(c->lx, t + s, p, "zwischen"))
					r = skip_period(c->lx, ex_skip_space(r + 3, end), end);
				else if ((k = ex_dash_at(r, end)) != 0 || (r < end && *r == '/'))
					r = ex_skip_space(r + (k ? k : 1), end);
				else
					r = NULL;
				if (r && at_year_at(r, end, &y2) && y2 > y) {
					snprintf(out[n].text, sizeof(out[n].text), "%d-%d", y, y2);
					out[n].end = (size_t)(r + 4 - t);
				} else if (r && end - r >= 2 && at_digit(r[0]) && at_digit(r[1]) && (end - r == 2 || !at_digit(r[2])) &&
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
		n = next_slot(out, n, max);
	}
	return n;
}

/* The tense of [s, e) by its finite verbs: -1 a past one, 1 present ones only, 0 none of the list. */
int at_tense_of(const struct ex_lexicon *lx, const char *s, const char *e)
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
