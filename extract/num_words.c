/* num_words.c: figures written in words — German number words, fractions, multiples. */
#include "number_int.h"

#include <string.h>

/*
 * How a word becomes a figure (ex_num_scan_word, at a word ex_num_maybe_word lets through):
 *  1. ex_numword reads a cardinal from its pieces, tens before units ("dreißig" begins like
 *     "drei"): 1..99 ("fünfundzwanzig"), "<1..9>hundert<1..99>", then "tausend" and another
 *     1..999 ("zweitausendfünfhundert"); "anderthalb" and "<n>einhalb" add a half, "eine halbe"
 *     before a scale is half of it ("eine halbe Milliarde"). The
 *     pieces must make up the whole word.
 *  2. Multiples are factors: verbs and nouns of multiplication ("verdoppelt", "Verzehnfachung"),
 *     "<n>fache" ("das Dreifache"), and "das Fünf- bis Sechsfache" as a range; "doppelt so" and
 *     "<n>mal so" ("dreimal so viele").
 *  3. Fractions are percent: "die Hälfte" is 50, "<n> Drittel/Viertel/…" 100·n/d (n below d).
 *  4. A cardinal needs a scale or a unit after it ("zehn Millionen", "elf Zerstörer"): "ein",
 *     "eine" alone are articles unless "Prozent" follows. ex_num_finish does the rest.
 * Memory: none; the word tables are constant.
 */

/* --- number words --- */

struct word_num {
	const char *w;
	int v;
	size_t n; /* strlen(w) */
};
#define W(s, v) {s, v, sizeof(s) - 1}

/* Units and teens, longest first where one is a prefix of another. */
static const struct word_num small[] = {
	W("dreizehn", 13), W("vierzehn", 14), W("fünfzehn", 15), W("sechzehn", 16), W("siebzehn", 17),
	W("achtzehn", 18), W("neunzehn", 19), W("zwölf", 12),    W("elf", 11),	W("zehn", 10),
	W("einem", 1),	  W("einen", 1),    W("einer", 1),
	W("eins", 1),	  W("eine", 1),	    W("ein", 1),	      W("zwei", 2),	W("drei", 3),
	W("vier", 4),	  W("fünf", 5),	    W("sechs", 6),     W("sieben", 7),	W("acht", 8),
	W("neun", 9),	  W("zwo", 2),	    {NULL, 0, 0}};
static const struct word_num tens[] = {W("zwanzig", 20), W("dreißig", 30), W("vierzig", 40),
				       W("fünfzig", 50), W("sechzig", 60), W("siebzig", 70),
				       W("achtzig", 80), W("neunzig", 90), {NULL, 0, 0}};

/* Match a lower-case word piece at *p (advancing it) from list; returns its value or -1. */
static int piece(const char **p, const char *end, const struct word_num *list)
{
	unsigned char f = ex_fold_byte((unsigned char)**p);

	for (; list->w; list++) {
		size_t n = list->n;
		if ((unsigned char)list->w[0] != f)
			continue;
		if ((size_t)(end - *p) >= n && !ex_casecmp_n(*p, n, list->w)) {
			*p += n;
			return list->v;
		}
	}
	return -1;
}

/* 1..99: "fünf", "dreizehn", "zwanzig", "fünfundzwanzig". */
static int below100(const char **p, const char *end)
{
	const char *q = *p;
	int u, t;

	/* tens first: "dreißig" starts like "drei", "vierzig" like "vier" */
	if ((t = piece(&q, end, tens)) > 0) {
		*p = q;
		return t;
	}
	u = piece(&q, end, small);

	if (u >= 1 && u <= 9 && (size_t)(end - q) >= 3 && !ex_casecmp_n(q, 3, "und")) {
		const char *r = q + 3;
		if ((t = piece(&r, end, tens)) > 0) {
			*p = r;
			return t + u;
		}
	}
	if (u > 0) {
		*p = q;
		return u;
	}
	q = *p;
	if ((t = piece(&q, end, tens)) > 0) {
		*p = q;
		return t;
	}
	return -1;
}

/* 1..999: "hundert", "zweihundertdreißig", "dreihundert". */
static int below1000(const char **p, const char *end)
{
	const char *q = *p;
	int h = 0, r;

	r = below100(&q, end);
	if ((size_t)(end - q) >= 7 && !ex_casecmp_n(q, 7, "hundert")) {
		h = (r > 0 && r < 10) ? r : (r < 0 ? 1 : -1);
		if (h < 0)
			return -1;
		q += 7;
		*p = q;
		r = below100(&q, end);
		if (r > 0)
			*p = q;
		return h * 100 + (r > 0 ? r : 0);
	}
	if (r > 0)
		*p = q;
	return r;
}

/* Could a cardinal begin at w (three bytes readable)? Every one begins with a piece of small or
 * tens, "hundert", "tausend" or "anderthalb", and each of those with one of these three bytes,
 * folded as ex_casecmp_n folds them: a cheap no for most words. */
static int cardinal_start(const char *w)
{
	static const char starts[][4] = {"ein", "elf", "zeh", "zwe", "zwo", "zw\xC3", "zwa", "dre", "vie",
					 "f\xC3\xBC", "sec", "sie", "ach", "neu", "hun", "tau", "and"};
	unsigned k = ex_fold_pair(w) << 8 | ex_fold_after((unsigned char)w[1], (unsigned char)w[2]);

	for (size_t i = 0; i < sizeof(starts) / sizeof(starts[0]); i++)
		if (k == ((unsigned)(unsigned char)starts[i][0] << 16 | (unsigned)(unsigned char)starts[i][1] << 8 |
			  (unsigned char)starts[i][2]))
			return 1;
	return 0;
}

int ex_numword(const char *w, size_t n, double *v)
{
	const char *p = w, *end = w + n;
	int a, b = 0;

	if (n < 3 || !cardinal_start(w))
		return 0;
	/* "anderthalb", "eineinhalb", "zweieinhalb": and a half */
	if (n == 10 && !ex_casecmp_n(w, n, "anderthalb")) {
		*v = 1.5;
		return 1;
	}
	if (n > 7 && ex_ends_with_ci(w, n, "einhalb", 7)) {
		double whole;
		if (n - 7 >= 3 && ex_numword(w, n - 7, &whole) && whole < 100) {
			*v = whole + 0.5;
			return 1;
		}
		return 0;
	}
	/* "tausend" alone, "zweitausend", "zweitausendfünfhundert" */
	a = below1000(&p, end);
	if ((size_t)(end - p) >= 7 && !ex_casecmp_n(p, 7, "tausend")) {
		p += 7;
		if (a < 0)
			a = 1;
		if (p < end) {
			b = below1000(&p, end);
			if (b < 0)
				return 0;
		}
		if (p != end)
			return 0;
		*v = a * 1000.0 + b;
		return 1;
	}
	if (a < 0 || p != end)
		return 0;
	*v = a;
	return 1;
}

/* Is there a "-fache"/"fach" multiple ending at the word? */
int ex_num_fache_suffix(const char *w, size_t n, size_t *stem)
{
	static const struct word_num ends[] = {W("fachen", 0), W("facher", 0), W("faches", 0),
					       W("fache", 0), W("fach", 0), {NULL, 0, 0}};
	unsigned char l;

	if (n < 5)
		return 0;
	l = ex_fold_byte((unsigned char)w[n - 1]); /* every ending ends in h, n, r, s or e */
	if (l != 'h' && l != 'n' && l != 'r' && l != 's' && l != 'e')
		return 0;
	for (const struct word_num *e = ends; e->w; e++) {
		size_t k = e->n;
		if (n > k && ex_ends_with_ci(w, n, e->w, k)) {
			*stem = n - k;
			return 1;
		}
	}
	return 0;
}

/* Verbs and nouns of multiplication: verdoppelt, Verzehnfachung. */
static int multiple_word(const char *w, size_t n)
{
	static const struct word_num verbs[] = {
		W("verdopp", 2),	   W("verdreif", 3),  W("vervierf", 4),	W("verfünff", 5),
		W("versechsf", 6),  W("versiebenf", 7), W("verachtf", 8),	W("verneunf", 9),
		W("verzehnf", 10),  W("verhundertf", 100), {NULL, 0, 0}};
	if (n < 7 || ex_fold_byte((unsigned char)w[0]) != 'v' || ex_fold_byte((unsigned char)w[1]) != 'e')
		return 0;
	for (const struct word_num *v = verbs; v->w; v++) {
		size_t k = v->n;
		if (n >= k && !ex_casecmp_n(w, k, v->w))
			return v->v;
	}
	return 0;
}

/* ex_num_maybe_word's pairs: the second byte's bit (0: none), and per first byte the bits that may
 * follow it; ASCII letters in either case (as ex_fold_byte folds them). */
#define NB(c) (1u << (c))
enum { N2_I = 1, N2_L, N2_W, N2_E, N2_R, N2_C3, N2_U, N2_C, N2_N, N2_A, N2_O };
const unsigned char ex_num_second[256] = {
	['i'] = N2_I, ['I'] = N2_I, ['l'] = N2_L, ['L'] = N2_L, ['w'] = N2_W, ['W'] = N2_W,
	['e'] = N2_E, ['E'] = N2_E, ['r'] = N2_R, ['R'] = N2_R, [0xC3] = N2_C3, ['u'] = N2_U,
	['U'] = N2_U, ['c'] = N2_C, ['C'] = N2_C, ['n'] = N2_N, ['N'] = N2_N, ['a'] = N2_A,
	['A'] = N2_A, ['o'] = N2_O, ['O'] = N2_O,
};
const unsigned short ex_num_first[256] = {
	['e'] = NB(N2_I) | NB(N2_L), ['E'] = NB(N2_I) | NB(N2_L),
	['z'] = NB(N2_W) | NB(N2_E), ['Z'] = NB(N2_W) | NB(N2_E),
	['d'] = NB(N2_R) | NB(N2_O), ['D'] = NB(N2_R) | NB(N2_O),
	['v'] = NB(N2_I) | NB(N2_E), ['V'] = NB(N2_I) | NB(N2_E),
	['f'] = NB(N2_C3) | NB(N2_U), ['F'] = NB(N2_C3) | NB(N2_U),
	['h'] = NB(N2_C3) | NB(N2_U), ['H'] = NB(N2_C3) | NB(N2_U),
	['s'] = NB(N2_E) | NB(N2_I), ['S'] = NB(N2_E) | NB(N2_I),
	['a'] = NB(N2_C) | NB(N2_N), ['A'] = NB(N2_C) | NB(N2_N),
	['n'] = NB(N2_E), ['N'] = NB(N2_E),
	['t'] = NB(N2_A), ['T'] = NB(N2_A),
};
#undef NB

/*
 * What a word is read as (a multiple, a multiple's ending and its stem's length, a cardinal and its
 * value) depends on its bytes alone, and the words that pass ex_num_maybe_word repeat ("eine",
 * "einer", "sind", "seit"): the last readings are kept, per thread, in a small table by the word's
 * hash. Words longer than WORD_MEMO_LEN are read each time.
 */
#define WORD_MEMO_LEN 23
#define WORD_MEMO_SLOTS 256
struct word_memo {
	unsigned char n; /* 0: empty */
	char w[WORD_MEMO_LEN];
	unsigned char fache, cardinal;
	unsigned short st;
	int m;
	double v;
};
static _Thread_local struct word_memo word_memo[WORD_MEMO_SLOTS];

static void read_word(const char *w, size_t n, int *m, int *fache, size_t *st, int *cardinal, double *v)
{
	struct word_memo *e = NULL;

	if (n <= WORD_MEMO_LEN) {
		unsigned h = 2166136261u;
		for (size_t i = 0; i < n; i++)
			h = (h ^ (unsigned char)w[i]) * 16777619u;
		e = &word_memo[(h ^ h >> 16) % WORD_MEMO_SLOTS];
		if (e->n == n && !memcmp(e->w, w, n)) {
			*m = e->m;
			*fache = e->fache;
			*st = e->st;
			*cardinal = e->cardinal;
			*v = e->v;
			return;
		}
	}
	*st = 0;
	*v = 0;
	*m = multiple_word(w, n);
	*fache = !*m && ex_num_fache_suffix(w, n, st);
	*cardinal = !*m && !*fache && ex_numword(w, n, v);
	if (e) {
		e->n = (unsigned char)n;
		memcpy(e->w, w, n);
		e->m = *m;
		e->fache = (unsigned char)*fache;
		e->st = (unsigned short)*st;
		e->cardinal = (unsigned char)*cardinal;
		e->v = *v;
	}
}

/* Number words, fractions and multiples at word w. Returns where scanning resumes. */
const char *ex_num_scan_word(struct ex_scan *sc, const char *w, const char *we)
{
	size_t n = (size_t)(we - w), st;
	struct ex_qty q;
	double v;
	int m, fache, cardinal;

	/* each reading of the word once: a multiple, a multiple's ending, a cardinal */
	read_word(w, n, &m, &fache, &st, &cardinal, &v);

	/* "doppelt so viele", "dreimal so hoch": a multiple compared */
	if (!m && !fache && (n == 7 || (n > 3 && !ex_casecmp_n(we - 3, 3, "mal")))) {
		const char *x = ex_skip_space(we, sc->e);
		double f = 0;
		if (sc->e - x >= 3 && !memcmp(x, "so", 2) && x[2] == ' ') {
			if (n == 7 && !ex_casecmp_n(w, 7, "doppelt"))
				f = 2;
			else if (n > 3 && !ex_casecmp_n(we - 3, 3, "mal") && !ex_numword(w, n - 3, &f))
				f = 0;
		}
		if (f >= 2) {
			memset(&q, 0, sizeof(q));
			q.start = q.nstart = (size_t)(w - sc->t);
			q.nend = q.end = (size_t)(we - sc->t);
			q.qual = KZ_Q_EXACT;
			q.flags = QF_WORDS | QF_MULTIPLE;
			q.value = q.low = q.high = f;
			q.unit = "factor";
			if (ex_num_take_qual(sc, &q, w)) {
				q.step = 0.2 * f;
				ex_num_interval(&q);
			}
			ex_num_push(sc, &q);
			return we;
		}
	}
	/* most candidates are ordinary words: reject them before building a quantity */
	if (!m && !fache && !cardinal && !((n == 7 || n == 8) && (unsigned char)w[1] == 0xC3))
		return we;
	memset(&q, 0, sizeof(q));
	q.start = q.nstart = (size_t)(w - sc->t);
	q.nend = q.end = (size_t)(we - sc->t);
	q.qual = KZ_Q_EXACT;
	q.flags = QF_WORDS;

	/* verdoppelt, Verzehnfachung */
	if (m) {
		q.value = m;
		q.step = 0;
		q.unit = "factor";
		q.flags |= QF_MULTIPLE;
		q.low = q.high = m;
		if (ex_num_take_qual(sc, &q, w)) {
			q.step = 0.2 * m; /* "mehr als verdreifacht": a step of a fifth */
			ex_num_interval(&q);
		}
		ex_num_push(sc, &q);
		return we;
	}
	/* das Dreifache, Zehnfache */
	if (fache && ex_numword(w, st, &v)) {
		q.value = q.low = q.high = v;
		q.unit = "factor";
		q.flags |= QF_MULTIPLE;
		ex_num_push(sc, &q);
		return we;
	}
	/* die Hälfte */
	if ((n == 7 && !ex_casecmp_n(w, n, "hälfte")) || (n == 8 && !ex_casecmp_n(w, n, "hälften"))) {
		const char *pe, *pw = ex_num_word_before(sc, w, &pe);
		if (pw && (pe - pw == 3) && (!ex_casecmp_n(pw, 3, "die") || !ex_casecmp_n(pw, 3, "der"))) {
			q.start = (size_t)(pw - sc->t);
			q.value = 50;
			q.unit = "percent";
			q.flags |= QF_FRACTION;
			q.step = 10;
			ex_num_take_qual(sc, &q, pw);
			ex_num_interval(&q);
			ex_num_push(sc, &q);
		}
		return we;
	}
	if (fache && !cardinal)
		cardinal = ex_numword(w, n, &v); /* an ending no multiple's stem stands before */
	if (!cardinal) {
		/* "Fünf- bis Sechsfache" */
		return we;
	}
	/* Fractions: "ein Drittel", "zwei Dritteln", "drei Viertel" */
	{
		const char *f = ex_skip_space(we, sc->e), *fe = ex_word_end(f, sc->e);
		static const struct word_num denoms[] = {
			W("dritteln", 3), W("drittel", 3), W("vierteln", 4), W("viertel", 4), W("fünfteln", 5),
			W("fünftel", 5),	 W("zehnteln", 10), W("zehntel", 10), W("sechstel", 6), W("achtel", 8),
			{NULL, 0, 0}};
		for (const struct word_num *dn = denoms; dn->w && f > we; dn++) {
			if ((size_t)(fe - f) == dn->n && !ex_casecmp_n(f, (size_t)(fe - f), dn->w)) {
				if (v >= dn->v)
					return fe;
				q.value = 100.0 * v / dn->v;
				q.unit = "percent";
				q.flags |= QF_FRACTION;
				q.end = (size_t)(fe - sc->t);
				q.step = q.value * 0.2;
				ex_num_take_qual(sc, &q, w);
				ex_num_interval(&q);
				ex_num_push(sc, &q);
				return fe;
			}
		}
	}
	/* "Fünf- bis Sechsfache" */
	if (we < sc->e && *we == '-') {
		const char *b = ex_skip_space(we + 1, sc->e);
		if ((size_t)(sc->e - b) > 4 && !memcmp(b, "bis", 3)) {
			const char *w2 = ex_skip_space(b + 3, sc->e), *w2e = ex_word_end(w2, sc->e);
			double v2;
			if (ex_num_fache_suffix(w2, (size_t)(w2e - w2), &st) && ex_numword(w2, st, &v2) && v2 > v) {
				const char *pe, *pw = ex_num_word_before(sc, w, &pe);
				if (pw && pe - pw == 3 && !ex_casecmp_n(pw, 3, "das"))
					q.start = (size_t)(pw - sc->t);
				q.value = (v + v2) / 2;
				q.low = v;
				q.high = v2;
				q.qual = KZ_Q_RANGE;
				q.unit = "factor";
				q.flags |= QF_MULTIPLE;
				q.end = (size_t)(w2e - sc->t);
				ex_num_push(sc, &q);
				return w2e;
			}
		}
	}
	/* "sieben bis acht Prozent", "zwischen zwei und drei Milliarden Euro": a range of two number
	 * words, the scale and unit after the second standing for both */
	{
		const char *qs, *b = ex_skip_space(we, sc->e), *be = ex_word_end(b, sc->e);
		const struct ex_lex_entry *qual = ex_num_qual_before(sc, w, &qs);
		int zw = qual && kz_qual_parse(qual->value) == KZ_Q_RANGE;
		if ((be - b == 3 && !memcmp(b, "bis", 3)) || (zw && be - b == 3 && !memcmp(b, "und", 3))) {
			const char *w2 = ex_skip_space(be, sc->e), *w2e = ex_word_end(w2, sc->e), *a2 = w2e;
			double v2, s2;
			if (w2e > w2 && ex_numword(w2, (size_t)(w2e - w2), &v2) && v2 > v && v2 > 1) {
				s2 = ex_num_scale_at(sc, &a2);
				q.qual = KZ_Q_RANGE;
				if (zw)
					q.start = (size_t)(qs - sc->t);
				q.low = v * s2;
				q.high = v2 * s2;
				q.value = (q.low + q.high) / 2;
				q.step = s2;
				if (s2 != 1)
					q.flags |= QF_SCALED;
				return ex_num_finish(sc, &q, a2, 1, 1);
			}
		}
	}
	/* Cardinal words need a scale or a unit: "zehn Millionen", "elf Zerstörer". */
	{
		const char *after = we;
		double scale = ex_num_scale_at(sc, &after);
		if (v == 1 && scale == 1) {
			/* "eine halbe Milliarde Euro": a half of the scale after it */
			const char *h = ex_skip_space(we, sc->e), *he = ex_word_end(h, sc->e), *a2 = he;
			double s2;
			if (((he - h == 5 && !ex_casecmp_n(h, 5, "halbe")) || (he - h == 6 && !ex_casecmp_n(h, 6, "halben"))) &&
			    (s2 = ex_num_scale_at(sc, &a2)) > 1) {
				q.value = 0.5;
				q.step = 0.5;
				return ex_num_finish(sc, &q, a2, s2, 1);
			}
		}
		if (v == 1 && scale == 1) {
			/* "ein", "eine" alone are articles; "rund ein Prozent" is a figure */
			const char *u = ex_skip_space(after, sc->e);
			size_t ml;
			const struct ex_lex_entry *ue = ex_lex_match_after(sc->lx, LX_UNIT, u, sc->e, &ml);
			if (!ue || strcmp(ue->value, "percent"))
				return we;
		}
		q.value = v;
		q.step = 1;
		return ex_num_finish(sc, &q, after, scale, 1);
	}
}
