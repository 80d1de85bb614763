/* sentence.c: split a document's text into sentences (abbreviations, ordinals, footnotes, wrapped lines). */
#include "extract_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Words that start a German sentence after a number and a full stop ("… nur noch 15. Ein …"). */
static const char *const starters[] = {
	"Der",	 "Die",	  "Das",      "Dem",	  "Den",      "Des",	 "Ein",	    "Eine",    "Einer",
	"Es",	 "Er",	  "Sie",      "Wir",	  "Ich",      "Im",	 "In",	    "Auch",    "Doch",
	"Aber",	 "Dies",  "Diese",    "Dieser",	  "Dieses",   "Damit",	 "Dabei",   "Daher",   "Zudem",
	"So",	 "Nach",  "Bei",      "Mit",	  "Seit",     "Für",	 "Als",	    "Wie",     "Um",
	"Zum",	 "Zur",	  "Laut",     "Trotz",	  "Während",  "Allerdings", "Insgesamt", "Außerdem",
	"Darüber", "Demnach", "Dennoch", "Deshalb", "Zugleich", "Gleichzeitig", "Seitdem", "Dazu",
	"Hinzu", "Unter", "Von",      "Vor",	  "Zwar",     "Jedoch",	 "Nun",	    "Heute",   "Damals",
	"Inzwischen", "Mittlerweile", "Bis", "Ende", "Anfang", "Mitte", "Am", "An", "Auf", "Aus",
	"Nicht", "Noch",  "Nur",      "Wenn",	  "Weil",     "Obwohl",	 "Zunächst", "Schließlich",
	"Experten", "Analysten", "Laut", NULL};

static const char *const months[] = {"Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni",
				     "Juli", "August", "September", "Oktober", "November", "Dezember",
				     NULL};


static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_lower_ascii_or_umlaut(const char *p, const char *end)
{
	const unsigned char *u = (const unsigned char *)p;
	if (p >= end)
		return 0;
	if (u[0] >= 'a' && u[0] <= 'z')
		return 1;
	return end - p >= 2 && u[0] == 0xC3 && u[1] >= 0x9F && u[1] <= 0xBF;
}

/* Closing quotes and brackets that may follow a sentence's final punctuation. */
static size_t closer_at(const char *p, const char *end)
{
	const unsigned char *u = (const unsigned char *)p;
	if (p >= end)
		return 0;
	if (u[0] == '"' || u[0] == '\'' || u[0] == ')' || u[0] == ']')
		return 1;
	if (end - p >= 2 && u[0] == 0xC2 && (u[1] == 0xBB || u[1] == 0xAB))
		return 2; /* » « */
	if (end - p >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
	    (u[2] == 0x9C || u[2] == 0x9D || u[2] == 0x98 || u[2] == 0x99 || u[2] == 0xB9 || u[2] == 0xBA))
		return 3; /* “ ” ‘ ’ ‹ › */
	return 0;
}

struct splitter {
	const struct ex_lexicon *lx;
	const char *t, *end;
	struct ex_span *v;
	size_t n, alloc;
	size_t start;
	size_t para;
	size_t para_mark; /* the sentences there were when para last grew */
};

/* A new paragraph begins after the sentences just emitted: empty lines between make no more of them
 * (a paragraph's number counts paragraphs, not lines). */
static void next_para(struct splitter *s)
{
	if (s->n != s->para_mark) {
		s->para++;
		s->para_mark = s->n;
	}
}

/* A "sentence" longer than this (a table, a run-on line) is cut at white space, so attribution
 * stays linear in the text. One with no white space in the next MAX_SENTENCE bytes either (no
 * German text: a run of figures and signs) is cut there all the same, between two characters,
 * after a sign where one is near: so no sentence is longer than 2 * MAX_SENTENCE, and neither
 * are the figure lists and look-backs of one sentence. */
#define MAX_SENTENCE 4000

static void emit_one(struct splitter *s, size_t end);

/* Where to cut a sentence that has no white space near MAX_SENTENCE: at a character start at
 * most at, after a byte that is neither a letter, a digit nor '.' ',' when one is within 64. */
static size_t hard_cut(const struct splitter *s, size_t at)
{
	const unsigned char *u = (const unsigned char *)s->t;
	size_t cut = at;

	for (size_t k = 0; k < 64 && cut > s->start + 1; k++, cut--) {
		unsigned char b = u[cut - 1];
		if (b < 0x80 && !(b >= '0' && b <= '9') && !((b | 0x20) >= 'a' && (b | 0x20) <= 'z') &&
		    b != '.' && b != ',')
			return cut;
	}
	cut = at;
	while (cut > s->start + 1 && (u[cut] & 0xC0) == 0x80)
		cut--;
	return cut;
}

static void emit(struct splitter *s, size_t end)
{
	while (end - s->start > MAX_SENTENCE) {
		size_t cut = s->start + MAX_SENTENCE, lim = s->start + 2 * MAX_SENTENCE, k;
		if (lim > end)
			lim = end;
		while (cut < lim && !ex_space_at(s->t + cut, s->end))
			cut++;
		if (cut >= end)
			break;
		if (cut >= lim) {
			emit_one(s, hard_cut(s, lim));
			continue;
		}
		k = ex_space_at(s->t + cut, s->end);
		emit_one(s, cut + k);
	}
	emit_one(s, end);
}

static void emit_one(struct splitter *s, size_t end)
{
	size_t a = s->start, b = end, k;

	while (a < b && (k = ex_space_at(s->t + a, s->t + b)) != 0)
		a += k;
	while (b > a) {
		/* trim trailing white space, including multi-byte spaces */
		if (ex_space_at(s->t + b - 1, s->t + b))
			b--;
		else if (b - a >= 2 && ex_space_at(s->t + b - 2, s->t + b) == 2)
			b -= 2;
		else if (b - a >= 3 && ex_space_at(s->t + b - 3, s->t + b) == 3)
			b -= 3;
		else
			break;
	}
	if (b > a) {
		KZ_GROW(s->v, s->alloc, s->n + 1);
		s->v[s->n].start = a;
		s->v[s->n].end = b;
		s->v[s->n].para = s->para;
		s->n++;
	}
	s->start = end;
}

/* Is the word ending at p (exclusive) an abbreviation or an initial? */
static int abbrev_before(const struct splitter *s, const char *p)
{
	const char *w = p;
	size_t k;

	while ((k = ex_letter_before(s->t, w)) != 0)
		w -= k;
	if (w == p)
		return 0;
	if (ex_lex_word(s->lx, LX_ABBR, w, (size_t)(p - w)))
		return 1;
	/* a single upper-case letter: an initial (Eric J. Ballbach) */
	if (p - w == 1 && *w >= 'A' && *w <= 'Z')
		return 1;
	/* a dotted abbreviation: z.B., u.a., U.S. */
	if (w > s->t && w[-1] == '.' && p - w <= 2)
		return 1;
	return 0;
}

/* Decide after a full stop at p (p points at '.'); returns the split position or 0 for none. */
static size_t after_stop(const struct splitter *s, const char *p)
{
	const char *q = p + 1, *end = s->end, *w;
	size_t k;

	while ((k = closer_at(q, end)) != 0)
		q += k;
	if (q >= end)
		return (size_t)(q - s->t);
	if (abbrev_before(s, p)) {
		/* "… auf $127,8 Mrd. Der Abstand …": an abbreviation can end a sentence too, when
		 * a word that starts sentences follows */
		const char *nw = ex_skip_space(q, end), *nwe = ex_word_end(nw, end);
		if (nw > q && nwe > nw && ex_word_in(nw, (size_t)(nwe - nw), starters) && p - s->t >= 3 &&
		    (!strncmp(p - 3, "Mrd", 3) || !strncmp(p - 3, "Mio", 3) || !strncmp(p - 3, "Bio", 3) ||
		     !strncmp(p - 3, "Tsd", 3) || !strncmp(p - 3, "usw", 3) || !strncmp(p - 3, "etc", 3)))
			return (size_t)(q - s->t);
		return 0;
	}
	if (p > s->t && is_digit(p[-1])) {
		/* digits before the stop: ordinal, date or a sentence ending in a number */
		const char *d = p;
		/* only whether at most two such bytes stand before the stop matters: look no further,
		 * so a run like "1.000" or "5..." repeated is not walked back at every stop */
		while (d > s->t && p - d < 3 && (is_digit(d[-1]) || d[-1] == '.' || d[-1] == ','))
			d--;
		w = ex_skip_space(q, end);
		if (w == q) {
			/* "28.500", "26.02.2024": inside a number; but "im Jahr 2012.149 Die":
			 * a footnote marker after a full stop (no 3-digit group follows a 4-digit run) */
			const char *x = q, *r = p;
			while (r > s->t && p - r < 4 && is_digit(r[-1]))
				r--; /* only p - r >= 4 matters */
			while (x < end && is_digit(*x))
				x++;
			if (x > q && x < end && ex_space_at(x, end) && (p - r >= 4 || x - q != 3) &&
			    ex_upper_at(ex_skip_space(x, end), end))
				return (size_t)(x - s->t);
			if (x == q && ex_upper_at(q, end) && is_lower_ascii_or_umlaut(q + ex_letter_at(q, end), end))
				return (size_t)(q - s->t); /* "… von 28.500.Seit Mitte …" */
			return 0;
		}
		if (w < end && is_digit(*w))
			return 0; /* "16. 3. 2021", "Nr. 5. 1" */
		if (is_lower_ascii_or_umlaut(w, end))
			return 0; /* "am 5. des Monats" */
		{
			const char *we = ex_word_end(w, end);
			if (ex_word_in(w, (size_t)(we - w), months))
				return 0; /* "16. März 2021" */
			if (p - d <= 2 && ex_upper_at(w, end) && !ex_word_in(w, (size_t)(we - w), starters))
				return 0; /* "5. Generation", "3. Armee" */
		}
		return (size_t)(q - s->t);
	}
	if (ex_space_at(q, end)) {
		w = ex_skip_space(q, end);
		if (w >= end)
			return (size_t)(q - s->t);
		if (is_lower_ascii_or_umlaut(w, end))
			return 0;
		return (size_t)(q - s->t);
	}
	/* No space after the stop. */
	if (is_digit(*q) && p > s->t &&
	    (ex_letter_before(s->t, p) || p[-1] == ')' || p[-1] == '"' || p[-1] == '%' ||
			     closer_at(p - 1, p) || (p - s->t >= 2 && closer_at(p - 2, p) == 2) ||
			     (p - s->t >= 3 && closer_at(p - 3, p) == 3))) {
		/* footnote marker after the stop: "… Allianz.1 Doch" */
		const char *d = q;
		while (d < end && is_digit(*d) && d - q < 4)
			d++;
		if (d < end && ex_space_at(d, end) && !is_digit(*d))
			return (size_t)(d - s->t);
		return 0;
	}
	if (ex_upper_at(q, end) && p > s->t && is_lower_ascii_or_umlaut(p - 1, end)) {
		/* missing space: "… Allianz.Die …" (not "z.B.", "U.S.") */
		const char *x = p;
		size_t letters = 0;
		while ((k = ex_letter_before(s->t, x)) != 0 && letters < 3) {
			x -= k;
			letters++;
		}
		if (letters >= 3) {
			const char *nx = q + (ex_letter_at(q, end) ? ex_letter_at(q, end) : 1);
			if (is_lower_ascii_or_umlaut(nx, end))
				return (size_t)(q - s->t);
		}
	}
	return 0;
}

/* From i on, past spaces, tabs and (cr) carriage returns, up to lim: eight spaces at a time first
 * (the indentation of text taken from a PDF runs to dozens). */
static size_t skip_blank(const char *t, size_t i, size_t lim, int cr)
{
	for (uint64_t w; i + 8 <= lim; i += 8) {
		memcpy(&w, t + i, 8);
		if (w != 0x2020202020202020ULL)
			break;
	}
	while (i < lim && (t[i] == ' ' || t[i] == '\t' || (cr && t[i] == '\r')))
		i++;
	return i;
}

/* Is the text line-wrapped (sentences running across single newlines)? */
static int wrapped_text(const char *t, size_t len, size_t *typical)
{
	size_t lines = 0, open = 0, sum = 0, i = 0;

	while (i < len) {
		size_t a = i, b;
		const char *nl = memchr(t + i, '\n', len - i);
		i = nl ? (size_t)(nl - t) : len;
		b = i++;
		a = skip_blank(t, a, b, 1);
		while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t' || t[b - 1] == '\r'))
			b--;
		if (b - a < 2)
			continue;
		lines++;
		if (b - a >= 40 && !strchr(".!?:\"»«“”)", t[b - 1])) {
			open++;
			sum += b - a;
		}
	}
	*typical = open ? sum / open : 0;
	return lines >= 4 && open * 4 >= lines;
}

/* Does any of the 8 bytes at p equal '.', '!', '?', '\n' or '\f'? (SWAR zero-byte test) */
static int word_has_stop(const char *p)
{
	uint64_t w, hit = 0;
#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL
#define HAS(c) ((((w ^ (ONES * (uint64_t)(c))) - ONES) & ~(w ^ (ONES * (uint64_t)(c)))) & HIGHS)

	memcpy(&w, p, 8);
	hit = HAS('.') | HAS('!') | HAS('?') | HAS('\n') | HAS('\f');
	return hit != 0;
#undef HAS
#undef HIGHS
#undef ONES
}

/* The first byte from i on that may end a sentence ('.', '!', '?', '\n', '\f'), len when none:
 * sixteen bytes at a time where SSE2 is (x86-64 always), else eight (word_has_stop). */
static size_t next_stop(const char *text, size_t i, size_t len)
{
#ifdef __SSE2__
	const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'), ask = _mm_set1_epi8('?'),
		      nl = _mm_set1_epi8('\n'), ff = _mm_set1_epi8('\f');

	for (; i + 16 <= len; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(text + i));
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, dot), _mm_cmpeq_epi8(x, bang)),
					 _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, ask), _mm_cmpeq_epi8(x, nl)),
						      _mm_cmpeq_epi8(x, ff)));
		unsigned bits = (unsigned)_mm_movemask_epi8(m);
		if (bits)
			return i + (size_t)__builtin_ctz(bits);
	}
#endif
	while (i + 8 <= len && !word_has_stop(text + i))
		i += 8;
	for (; i < len; i++)
		if (text[i] == '.' || text[i] == '!' || text[i] == '?' || text[i] == '\n' || text[i] == '\f')
			break;
	return i;
}

/* Does the line [ls, le) end in the middle of a phrase — on a lower-case word that is an article
 * or a preposition or has an adjective's ending ("von US-Basen im japanischen" before "Okinawa
 * nach Guam …")? A short line that does is no heading: the sentence runs on. */
static int open_ending(const char *ls, const char *le)
{
	static const char *const ends[] = {"en", "er", "em", "es", NULL};
	static const char *const small[] = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen",
					    "im", "in", "am", "an", "auf", "aus", "bei", "mit", "nach", "von",
					    "vom", "zu", "zum", "zur", "für", "und", "oder", NULL};
	const char *w = le;
	size_t n;

	while (w > ls && w[-1] != ' ')
		w--;
	n = (size_t)(le - w);
	if (n == 0 || !(*w >= 'a' && *w <= 'z'))
		return 0;
	for (const char *const *k = small; *k; k++)
		if (strlen(*k) == n && !memcmp(w, *k, n))
			return 1;
	for (const char *const *k = ends; *k; k++)
		if (n > 4 && !memcmp(le - 2, *k, 2))
			return 1;
	return 0;
}

void ex_sentences(const struct ex_lexicon *lx, const char *text, size_t len, struct ex_span **out,
		  size_t *n)
{
	struct splitter s = {lx, text, text + len, NULL, 0, 0, 0, 0, 0};
	size_t typical = 0, line_start = 0, i;
	int wrapped = wrapped_text(text, len, &typical);

	for (i = 0; i < len; i++) {
		char c;
		/* on to the next byte that can end a sentence */
		i = next_stop(text, i, len);
		if (i >= len)
			break;
		c = text[i];
		if (c != '.' && c != '!' && c != '?' && c != '\n' && c != '\f')
			continue;
		if (c == '.' || c == '!' || c == '?') {
			size_t at;
			if (c == '.')
				at = after_stop(&s, text + i);
			else {
				const char *q = text + i + 1;
				size_t k;
				while (q < s.end && (*q == '!' || *q == '?'))
					q++;
				while ((k = closer_at(q, s.end)) != 0)
					q += k;
				at = (q >= s.end || ex_space_at(q, s.end)) ? (size_t)(q - text) : 0;
				if (!at) {
					/* every stop of the run up to q decides the same: go on after it,
					 * so "??…?5" is read once */
					i = (size_t)(q - text) - 1;
					continue;
				}
			}
			if (at) {
				emit(&s, at);
				i = at - 1;
			}
		} else if (c == '\n' || c == '\f') {
			/* line end: a paragraph break always ends a sentence; a single newline
			 * does unless the text is wrapped and the line was a full-width one */
			size_t j = i + 1, ls = line_start, le = i;
			int blank = 0;
			j = skip_blank(text, j, len, 1);
			if (j >= len || text[j] == '\n' || text[j] == '\f' || c == '\f')
				blank = 1;
			ls = skip_blank(text, ls, le, 0);
			while (le > ls && (text[le - 1] == ' ' || text[le - 1] == '\t' || text[le - 1] == '\r'))
				le--;
			line_start = i + 1;
			/* a table row ("| Japan | 55 300 |") is a line of its own */
			if (text[j] == '|' || (le > ls && text[le - 1] == '|'))
				blank = 1;
			if (blank || !wrapped) {
				emit(&s, i);
				next_para(&s);
				continue;
			}
			if (le - ls < typical / 2 && le > ls && text[le - 1] != ',' && text[le - 1] != '-' &&
			    ex_upper_at(text + j, s.end) && !open_ending(text + ls, text + le)) {
				emit(&s, i);
				next_para(&s);
			}
		}
	}
	emit(&s, len);
	*out = s.v;
	*n = s.n;
}
