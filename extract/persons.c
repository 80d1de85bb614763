/*
 * persons.c: people and expert groups a text names as the originator of a figure, where the
 * lexicon lacks them (the claims table's `source`, read by originator.c and status.c).
 *
 * A person by office and name ("Premierminister Rishi Sunak sagte", "sagte der britische
 * Premierminister Rishi Sunak": Sunak); experts of an organisation ("Analysten des Korea Institute
 * for Defense Analyses rechnen"); a speaker by pronoun or role ("behauptete er", "Der Präsident
 * forderte"), who is the person the text named last. A family name keeps its particles ("von der
 * Leyen"). The offices are data/status.tsv title, the pronouns and roles its speaker rows.
 */
#include "extract_int.h"

#include <stdio.h>
#include <string.h>

/* A family name's particles, written lower-case before it: "von der Leyen", "van der Bellen". */
static const char *const particles[] = {"von", "van", "der", "den", "de", "zu", "di", "da", "du", "bin", "al", "el", "la", "le", NULL};

/* The start of the family name whose last word starts at w, with the particles before it back to
 * from ("Ursula von der Leyen" → "von der Leyen"). */
const char *ex_family_name(const char *from, const char *w)
{
	const char *a = w;

	for (;;) {
		const char *pe, *pw = ex_word_back(from, a, &pe);
		if (pw == pe || !ex_word_in(pw, (size_t)(pe - pw), particles))
			return a;
		a = pw;
	}
}

/* Is [w, we) a word that may be a person's name: capitalised, no country, no source noun, no title? */
static int name_word(const struct ex_lexicon *lx, const char *w, const char *we)
{
	size_t k = (size_t)(we - w), ml;
	const struct ex_lex_entry *ce;

	if (k < 2 || !ex_upper_at(w, we) || ex_upper_at(w + 1, we) || ex_lex_word(lx, LX_SOURCE, w, k) ||
	    ex_lex_suffix(lx, LX_SOURCE, w, k) || ex_lex_word(lx, LX_TITLE, w, k) || ex_lex_suffix(lx, LX_TITLE, w, k))
		return 0;
	/* a double name ("Kramp-Karrenbauer"): capitalised parts, the first no country ("US-Soldaten") */
	for (const char *x = w; x < we; x++)
		if ((*x >= '0' && *x <= '9') ||
		    (*x == '-' && (x + 1 >= we || !ex_upper_at(x + 1, we) || ex_lex_match_after(lx, LX_COUNTRY, w, x + 1, &ml))))
			return 0;
	ce = ex_lex_match_after(lx, LX_COUNTRY, w, we, &ml);
	return !ce || ml != k;
}

/* Is [w, we) a capitalised office word (status.tsv title: "Premierminister", "Analysten")? */
int ex_title_word(const struct ex_lexicon *lx, const char *w, const char *we)
{
	size_t k = (size_t)(we - w);

	return k > 0 && ex_upper_at(w, we) && (ex_lex_word(lx, LX_TITLE, w, k) || ex_lex_suffix(lx, LX_TITLE, w, k));
}

/*
 * "Premierminister Rishi Sunak sagte", "sagte Finanzministerin Nirmala Sitharaman": a person the
 * lexicon lacks, named with an office (data/status.tsv title) right before a reporting verb at p
 * (after: right after the verb's word ending at p, an article and adjectives allowed before the
 * office: "sagte der britische Premierminister Rishi Sunak") — one or two name words after the
 * title; the originator is the last of them, the surname. 1 when found.
 */
int ex_titled_name(const struct ex_lexicon *lx, const char *s, const char *p, const char *end, int after, char *name,
		   size_t n)
{
	const char *w, *we, *last = NULL, *laste = NULL;
	int names = 0;

	if (after) {
		/* "sagte der britische Premierminister Rishi Sunak": an article and adjectives before
		 * the title */
		const char *x = p;
		int skipped = 0;
		while ((w = ex_next_word(x, &x, end)) != NULL && !ex_title_word(lx, w, x))
			if (++skipped > 3 || !ex_phrase_word(w, (size_t)(x - w)) || memchr(p, ',', (size_t)(w - p)))
				return 0;
		if (!w)
			return 0;
		while (names < 3 && (w = ex_next_word(x, &x, end)) != NULL &&
		       !memchr(laste ? laste : p, ',', (size_t)(w - (laste ? laste : p)))) {
			const char *y = x, *v;
			/* "Ursula von der Leyen": the particles and the name after them */
			if (names && ex_word_in(w, (size_t)(x - w), particles)) {
				while ((v = ex_next_word(y, &y, end)) != NULL && ex_word_in(v, (size_t)(y - v), particles))
					;
				if (!v || !name_word(lx, v, y))
					break;
				last = w;
				laste = y;
				x = y;
				names = 3;
				break;
			}
			if (!name_word(lx, w, x))
				break;
			last = w;
			laste = x;
			names++;
		}
	} else {
		const char *x = p;
		for (;;) {
			const char *wp;
			w = ex_word_back(s, x, &we);
			/* a double name is one word: "Kramp-Karrenbauer" */
			while (w > s + 1 && w[-1] == '-' && ex_letter_before(s, w - 1) && (wp = ex_word_back(s, w - 1, &(const char *){0})) < w - 1)
				w = wp;
			if (w == we || memchr(we, ',', (size_t)(x - we)))
				return 0;
			if (ex_title_word(lx, w, we))
				break;
			if (names == 2 || !name_word(lx, w, we))
				return 0;
			if (!last) {
				last = w;
				laste = we;
			}
			names++;
			x = w;
		}
	}
	if (!names || (size_t)(laste - last) >= n)
		return 0;
	memcpy(name, last, (size_t)(laste - last));
	name[laste - last] = '\0';
	return 1;
}

/* Does [w, we) end in a source noun, with up to two letters of inflection ("Forschungsinstituts")? */
static int source_word(const struct ex_lexicon *lx, const char *w, const char *we)
{
	for (int k = 0; k <= 2 && we - k > w; k++)
		if (ex_lex_word(lx, LX_SOURCE, w, (size_t)(we - k - w)) || ex_lex_suffix(lx, LX_SOURCE, w, (size_t)(we - k - w)))
			return 1;
	return 0;
}

/*
 * "Analysten des Korea Institute for Defense Analyses rechnen damit", "Ökonomen der Hana Bank
 * erwarten": experts (status.tsv title 'expert') of an organisation the lexicon lacks, right
 * before a reporting verb at p — the organisation as written, its capitalised words after the
 * article, less a source noun ("des Forschungsinstituts Nomura": Nomura). 1 when found.
 */
int ex_experts_name(const struct ex_lexicon *lx, const char *s, const char *p, char *name, size_t n)
{
	const char *w, *we, *x = p, *from = NULL;
	const struct ex_lex_entry *t;
	size_t o = 0;

	for (int words = 0; words < 8 && !from; words++) {
		w = ex_word_back(s, x, &we);
		if (w == we || memchr(we, ',', (size_t)(x - we)) || memchr(we, ';', (size_t)(x - we)))
			return 0;
		t = ex_lex_word(lx, LX_TITLE, w, (size_t)(we - w));
		if (!t)
			t = ex_lex_suffix(lx, LX_TITLE, w, (size_t)(we - w));
		if (t && !strcmp(t->value, "expert"))
			from = we;
		x = w;
	}
	if (!from)
		return 0;
	x = from;
	w = ex_next_word(from, &x, p);
	if (!w || !ex_word_in(w, (size_t)(x - w), (const char *const[]){"des", "der", NULL}))
		return 0;
	while ((w = ex_next_word(x, &x, p)) != NULL) {
		size_t k = (size_t)(x - w);
		if (!ex_upper_at(w, x) && !ex_word_in(w, k, (const char *const[]){"for", "of", "für", "and", NULL}))
			break;
		if (source_word(lx, w, x) && !o)
			continue;
		if (o + k + 2 >= n)
			break;
		if (o)
			name[o++] = ' ';
		memcpy(name + o, w, k);
		o += k;
	}
	/* a trailing joiner ("für") is no part of the name */
	while (o > 0) {
		size_t b = o;
		while (b > 0 && name[b - 1] != ' ')
			b--;
		if (ex_upper_at(name + b, name + o))
			break;
		o = b ? b - 1 : 0;
	}
	name[o] = '\0';
	ex_prefer_acronym(name);
	return o > 0;
}

/* The person the text named last before byte offset pos of sentence si: in that sentence, else in
 * the three before it. A person is a sourcename or country entry marked 'person' ("Trump",
 * "Pistorius"); its name is its originator's ("Esper": Pentagon). */
static int last_person(const struct ex_ctx *c, size_t si, size_t pos, char *name, size_t n)
{
	for (size_t back = 0; back <= 3 && back <= si; back++) {
		size_t k = si - back;
		const char *s = c->text + c->sent[k].start, *e = back ? c->text + c->sent[k].end : c->text + pos;
		const char *p = s, *w, *hit = NULL;
		char got[48] = "";
		while ((w = ex_next_word(s, &p, e)) != NULL) {
			const struct ex_lex_entry *se, *ce;
			size_t ml;
			if (!ex_upper_at(w, p))
				continue;
			se = ex_lex_stem(c->lx, LX_SOURCENAME, w, p, e, &ml);
			ce = ex_lex_word(c->lx, LX_COUNTRY, w, (size_t)(p - w));
			if ((se && (se->flags & LXF_PERSON) && ml + 1 >= (size_t)(p - w)) || (ce && (ce->flags & LXF_PERSON))) {
				hit = w;
				if (!ex_originator_at(c->lx, w, e, 0, got, sizeof(got)))
					snprintf(got, sizeof(got), "%.*s", (int)(p - w), w);
			}
		}
		if (hit) {
			snprintf(name, n, "%s", got);
			return 1;
		}
	}
	return 0;
}

int ex_speaker_near(const struct ex_ctx *c, size_t si, const char *w, const char *we, char *name, size_t n)
{
	const char *s = c->text + c->sent[si].start, *end = c->text + c->sent[si].end, *x, *xe;
	size_t ml;

	/* after it: "behauptete er", "verlangte der US-Präsident" */
	x = ex_skip_space(we, end);
	if (ex_lex_match_after(c->lx, LX_SPEAKER, x, end, &ml) && !ex_letter_at(x + ml, end))
		return last_person(c, si, (size_t)(w - c->text), name, n);
	/* before it: "Er sagte", "Der Präsident forderte" (two words back at most) */
	x = w;
	for (int k = 0; k < 2; k++) {
		x = ex_word_back(s, x, &xe);
		if (x == xe)
			break;
		for (const char *g = xe; g < w; g++)
			if (*g == ',' || *g == ';' || *g == ':')
				return 0;
		if (ex_lex_match_after(c->lx, LX_SPEAKER, x, end, &ml) && ex_skip_space(x + ml, end) == w)
			return last_person(c, si, (size_t)(x - c->text), name, n);
	}
	return 0;
}
