/*
 * lexlookup.c: finding the lexicons' words in a text — a whole word, the longest key at a position,
 * a stem, a compound ending. The trie (lextrie.c) answers when the lexicon has one; else the
 * candidates the first two bytes allow are compared (a lexicon nesting deeper than the trie holds).
 * The entries and their order come from lexicon.c.
 */
#include "extract_int.h"

#include <string.h>

/* Does the key, matched at p, end where a word may end? */
static int key_ends(const struct ex_lex_entry *e, const char *p, const char *end)
{
	const char *after = p + e->klen;
	/* keys ending in punctuation or symbols ("ca.", "%", "US-") need no boundary */
	unsigned char last = (unsigned char)e->key[e->klen - 1];

	if (!((last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z') || last >= 0x80))
		return 1;
	return after >= end || !ex_letter_at(after, end);
}

/* Does the key match at p, followed by a word boundary? */
static int key_at(const struct ex_lex_entry *e, const char *p, const char *end, int ci)
{
	size_t n = e->klen;

	if ((size_t)(end - p) < n)
		return 0;
	if (ci ? ex_casecmp_n(p, n, e->key) : strncmp(p, e->key, n))
		return 0;
	return key_ends(e, p, end);
}

const struct ex_lex_entry *ex_lex_match_after(const struct ex_lexicon *lx, int kind, const char *p,
					      const char *end, size_t *mlen)
{
	const unsigned *ix;
	unsigned nix;

	/* qualifiers and time words are often capitalised at a sentence start */
	int ci = kind == LX_QUAL || kind == LX_TIME;

	if (p >= end)
		return NULL;
	if (lx->trie.ok) {
		/* the keys the text begins with ignoring case, longest first: the first that matches
		 * as written (ci: it does) and ends where a word may end */
		unsigned nodes[EX_TRIE_MAX], nn = ex_lex_trie_walk(lx, kind, p, end, nodes);
		while (nn-- > 0)
			for (unsigned j = lx->trie.first[nodes[nn]]; j < lx->trie.first[nodes[nn] + 1]; j++) {
				const struct ex_lex_entry *e = &lx->v[kind][lx->trie.ent[j]];
				if (!(e->flags & LXF_SUFFIX) && (ci || !memcmp(p, e->key, e->klen)) && key_ends(e, p, end)) {
					*mlen = e->klen;
					return e;
				}
			}
		return NULL;
	}
	ix = ex_lex_candidates(lx, kind, p, (size_t)(end - p), &nix);
	for (unsigned j = 0; j < nix; j++) {
		const struct ex_lex_entry *e = &lx->v[kind][ix[j]];
		if (e->flags & LXF_SUFFIX)
			continue;
		if (key_at(e, p, end, ci)) {
			*mlen = e->klen;
			return e;
		}
	}
	return NULL;
}

/* The whole-word entry of kind for [w, w+n): its bytes exactly, or ignoring the case of ASCII letters. */
static const struct ex_lex_entry *lex_word(const struct ex_lexicon *lx, int kind, const char *w, size_t n, int ci)
{
	const unsigned *ix;
	unsigned nix;

	if (!n)
		return NULL;
	if (lx->trie.ok) {
		/* the node n bytes down, if the walk gets there */
		const struct ex_lex_trie *tr = &lx->trie;
		unsigned bit = ex_lex_word_bit(kind, w, n), node;
		if (!(tr->word_bits[bit >> 3] & (1u << (bit & 7))))
			return NULL; /* no key of this length, first and last byte */
		node = tr->root[kind][ex_fold_byte((unsigned char)*w)];
		for (size_t i = 1; i < n && node; i++)
			node = ex_lex_trie_child(tr, node, ex_fold_after((unsigned char)w[i - 1], (unsigned char)w[i]));
		if (!tr->node[node].ends)
			return NULL;
		for (unsigned j = tr->first[node]; j < tr->first[node + 1]; j++) {
			const struct ex_lex_entry *e = &lx->v[kind][tr->ent[j]];
			if (!(e->flags & LXF_SUFFIX) && (ci || !memcmp(e->key, w, n)))
				return e;
		}
		return NULL;
	}
	ix = ex_lex_candidates(lx, kind, w, n, &nix);
	for (unsigned j = 0; j < nix; j++) {
		const struct ex_lex_entry *e = &lx->v[kind][ix[j]];
		if (!(e->flags & LXF_SUFFIX) && e->klen == n && !(ci ? ex_casecmp_n(w, n, e->key) : memcmp(e->key, w, n)))
			return e;
	}
	return NULL;
}

const struct ex_lex_entry *ex_lex_word(const struct ex_lexicon *lx, int kind, const char *w, size_t n)
{
	return lex_word(lx, kind, w, n, 0);
}

const struct ex_lex_entry *ex_lex_word_ci(const struct ex_lexicon *lx, int kind, const char *w, size_t n)
{
	return lex_word(lx, kind, w, n, 1);
}

const struct ex_lex_entry *ex_lex_suffix(const struct ex_lexicon *lx, int kind, const char *w, size_t n)
{
	if (lx->rtrie.ok) {
		/* the endings the word ends with, longest first */
		unsigned nodes[EX_TRIE_MAX], nn = ex_lex_rtrie_walk(lx, kind, w, n, nodes);
		while (nn-- > 0)
			for (unsigned j = lx->rtrie.first[nodes[nn]]; j < lx->rtrie.first[nodes[nn] + 1]; j++) {
				const struct ex_lex_entry *e = &lx->v[kind][lx->rtrie.ent[j]];
				if (ex_ends_with_ci(w, n, e->key, e->klen))
					return e;
			}
		return NULL;
	}
	/* the endings of two bytes or more whose last byte is the word's, folded; then those of one */
	if (n >= 2) {
		const struct ex_lex_range *r = ex_lex_range_of(
			lx, ex_lex_slot(kind, 1, ex_fold_after((unsigned char)w[n - 2], (unsigned char)w[n - 1])));
		for (unsigned j = 0; r && j < r->n; j++) {
			const struct ex_lex_entry *e = &lx->v[kind][lx->pair_ix[r->off + j]];
			if (ex_ends_with_ci(w, n, e->key, e->klen))
				return e;
		}
	}
	for (unsigned j = 0; j < lx->n_suffix1[kind]; j++) {
		const struct ex_lex_entry *e = &lx->v[kind][lx->suffix1[kind][j]];
		if (ex_ends_with_ci(w, n, e->key, e->klen))
			return e;
	}
	return NULL;
}

const struct ex_lex_entry *ex_lex_stem(const struct ex_lexicon *lx, int kind, const char *p, const char *we,
				       const char *end, size_t *mlen)
{
	const unsigned *ix;
	unsigned nix;

	if (p >= end)
		return NULL;
	if (lx->trie.ok) {
		/* the stems the text begins with, longest first (a whole word's key: at its end only) */
		unsigned nodes[EX_TRIE_MAX], nn = ex_lex_trie_walk(lx, kind, p, end, nodes);
		while (nn-- > 0)
			for (unsigned j = lx->trie.first[nodes[nn]]; j < lx->trie.first[nodes[nn] + 1]; j++) {
				const struct ex_lex_entry *e = &lx->v[kind][lx->trie.ent[j]];
				const char *after = p + e->klen;
				if ((e->flags & LXF_SUFFIX) || ((e->flags & LXF_WORD) && after < end && ex_letter_at(after, end)))
					continue;
				*mlen = e->klen;
				return e;
			}
		nix = 0;
		ix = NULL;
	} else
		ix = ex_lex_candidates(lx, kind, p, (size_t)(end - p), &nix);
	for (unsigned j = 0; j < nix; j++) {
		const struct ex_lex_entry *e = &lx->v[kind][ix[j]];
		const char *after = p + e->klen;
		if ((e->flags & LXF_SUFFIX) || (size_t)(end - p) < e->klen || ex_casecmp_n(p, e->klen, e->key))
			continue;
		if ((e->flags & LXF_WORD) && after < end && ex_letter_at(after, end))
			continue;
		*mlen = e->klen;
		return e;
	}
	if (we > p) {
		const struct ex_lex_entry *e = ex_lex_suffix(lx, kind, p, (size_t)(we - p));
		if (e) {
			*mlen = (size_t)(we - p);
			return e;
		}
	}
	return NULL;
}
