/* words.c: a sentence's words, found once and read by every part that walks them. */
#include "extract_int.h"

#include <stdlib.h>

/*
 * The words are those ex_next_word finds from the sentence's start on: a letter not preceded by
 * a letter starts one, ex_word_end ends it, and the next is sought from its end. Mentions, cues,
 * status words and clauses walk the same words; each asked for its own walk before.
 */

struct ex_word_cache {
	struct ex_words slot[EX_WORD_SLOTS];
	unsigned next;
};

struct ex_word_cache *ex_word_cache_new(void)
{
	return kz_xcalloc(1, sizeof(struct ex_word_cache));
}

void ex_word_cache_free(struct ex_word_cache *wc)
{
	if (!wc)
		return;
	for (unsigned i = 0; i < EX_WORD_SLOTS; i++)
		free(wc->slot[i].w);
	free(wc);
}

static void find_words(const char *t, struct ex_words *ws)
{
	const char *s = t + ws->s, *p = s, *end = t + ws->e, *w;

	ws->n = 0;
	while ((w = ex_next_word(s, &p, end)) != NULL) {
		KZ_GROW(ws->w, ws->alloc, ws->n + 1);
		/* a document holds at most EX_LOAD_MAX bytes: offsets fit in 32 bits */
		ws->w[ws->n].start = (uint32_t)(w - t);
		ws->w[ws->n].end = (uint32_t)(p - t);
		ws->n++;
	}
}

const struct ex_words *ex_words_of(const struct ex_ctx *c, size_t s, size_t e)
{
	struct ex_word_cache *wc = c->words;
	struct ex_words *ws;

	for (unsigned i = 0; i < EX_WORD_SLOTS; i++)
		if (wc->slot[i].used && wc->slot[i].s == s && wc->slot[i].e == e)
			return &wc->slot[i];
	ws = &wc->slot[wc->next++ % EX_WORD_SLOTS];
	ws->used = 1;
	ws->s = s;
	ws->e = e;
	find_words(c->text, ws);
	return ws;
}

int ex_sentence_has(const struct ex_ctx *c, size_t si, int k, int suffix)
{
	const struct ex_words *ws = ex_words_of(c, c->sent[si].start, c->sent[si].end);

	for (size_t i = 0; i < ws->n; i++) {
		const char *w = c->text + ws->w[i].start;
		size_t n = ws->w[i].end - ws->w[i].start;
		if (suffix ? ex_lex_suffix(c->lx, k, w, n) != NULL : ex_lex_word_ci(c->lx, k, w, n) != NULL)
			return 1;
	}
	return 0;
}
