/* lextrie.c: the lexicon's keys as a trie of folded bytes, so a lookup reads the text once instead of comparing candidates. */
#include "extract_int.h"

#include <stdlib.h>
#include <string.h>

/*
 * Every key of every kind (compound endings too, as the candidate lists hold them) is a path from
 * its kind's root, byte by byte folded as ex_casecmp_n folds (ex_lex_trie_fold): the text at p
 * matches a key ignoring case exactly when the walk from p reaches the key's node. A node lists
 * the entries whose key ends there in their order in v (longest first, as the lexicon sorts
 * them), so the deepest node first, then that order, is the order a scan of the candidates meets
 * the matches in.
 *
 * Layout: the nodes are numbered breadth first, kind by kind, so a node's children are
 * consecutive (kid0 … kid0 + nkids - 1, in byte order) and the first levels, which most lookups
 * never leave, lie together in a few cache lines; a root row maps a kind's first byte to its
 * node. A second trie holds the compound endings ('*' keys) read backwards from their last byte,
 * for ex_lex_suffix. Node 0 is "none". It is built with a hash of edges (struct build), then laid out, after
 * every sort of the lexicon. A lexicon whose paths hold more than EX_TRIE_MAX key ends is left
 * without one (trie.ok 0): the lookups then scan the candidates.
 */

struct edge {
	unsigned key;   /* parent << 8 | folded byte; 0: an empty slot */
	unsigned child;
};

/* The trie as it is built: nodes by the order they were made, edges hashed and listed as made. */
struct build {
	unsigned root[LX__N][256];
	struct edge *edge;
	unsigned mask, nedge, nnode;
	struct edge *made;
	size_t nmade, amade;
};

static unsigned edge_hash(unsigned key)
{
	unsigned h = key * 0x9E3779B1u;
	return h ^ h >> 16;
}

static void edge_put(struct build *b, unsigned key, unsigned child);

static void edges_grow(struct build *b)
{
	struct edge *old = b->edge;
	unsigned oldcap = b->mask + 1;

	b->mask = oldcap * 2 - 1;
	b->edge = kz_xcalloc(oldcap * 2, sizeof(*b->edge));
	b->nedge = 0;
	for (unsigned i = 0; i < oldcap; i++)
		if (old[i].key)
			edge_put(b, old[i].key, old[i].child);
	free(old);
}

static void edge_put(struct build *b, unsigned key, unsigned child)
{
	if (2 * (b->nedge + 1) > b->mask + 1)
		edges_grow(b);
	for (unsigned h = edge_hash(key);; h++) {
		struct edge *e = &b->edge[h & b->mask];
		if (!e->key) {
			e->key = key;
			e->child = child;
			b->nedge++;
			return;
		}
	}
}

static unsigned edge_get(const struct build *b, unsigned key)
{
	for (unsigned h = edge_hash(key);; h++) {
		const struct edge *e = &b->edge[h & b->mask];
		if (e->key == key)
			return e->child;
		if (!e->key)
			return 0;
	}
}

void ex_lex_trie_free(struct ex_lex_trie *tr)
{
	free(tr->node);
	free(tr->kbyte);
	free(tr->first);
	free(tr->ent);
	memset(tr, 0, sizeof(*tr));
}

/* Folded byte j of the path of key e: its bytes in order, or reverse, from its last. */
static unsigned char path_byte(const struct ex_lex_entry *e, size_t j, int reverse)
{
	return ex_lex_trie_fold(e->key, reverse ? e->klen - 1 - j : j);
}

/* The node of kind k's key e, made as needed (b->nnode grows; node ids below 1 << 23). */
static unsigned insert(struct build *b, int k, const struct ex_lex_entry *e, int reverse)
{
	unsigned node = 0;

	for (size_t j = 0; j < e->klen; j++) {
		unsigned char c = path_byte(e, j, reverse);
		unsigned child = j ? edge_get(b, node << 8 | c) : b->root[k][c];
		if (!child) {
			child = b->nnode++;
			if (child >= 1u << 23)
				abort(); /* a lexicon of 8 M key bytes */
			if (j) {
				edge_put(b, node << 8 | c, child);
				KZ_GROW(b->made, b->amade, b->nmade + 1);
				b->made[b->nmade].key = node << 8 | c;
				b->made[b->nmade++].child = child;
			} else
				b->root[k][c] = child;
		}
		node = child;
	}
	return node;
}

/* The trie of every key, or (reverse) of the compound endings read from their last byte. */
static void build(const struct ex_lexicon *lx, struct ex_lex_trie *tr, int reverse)
{
	struct build b;
	size_t nent = 0, k_off[LX__N];
	unsigned *end_of;  /* per entry (all kinds, in order): its key's node (as made), 0 if none */
	unsigned *nkid, *kid_at, *kids; /* per node made: its children, by byte */
	unsigned *renum, *queue, *count, *depth_ends;
	unsigned next = 1, total = 0;
	size_t keybytes = 0;
	int bad = 0;

	ex_lex_trie_free(tr);
	memset(&b, 0, sizeof(b));
	/* an edge per key byte at most: room for all at half load, so the table never grows */
	b.mask = 1023;
	for (int k = 0; k < LX__N; k++)
		for (size_t i = 0; i < lx->n[k]; i++)
			keybytes += lx->v[k][i].klen;
	while (2 * keybytes > b.mask + 1 && b.mask < (1u << 30))
		b.mask = b.mask * 2 + 1;
	b.edge = kz_xcalloc(b.mask + 1, sizeof(*b.edge));
	b.nnode = 1; /* node 0: none */
	for (int k = 0; k < LX__N; k++) {
		k_off[k] = nent;
		nent += lx->n[k];
	}
	end_of = kz_xcalloc(nent + 1, sizeof(unsigned));
	for (int k = 0; k < LX__N; k++)
		for (size_t i = 0; i < lx->n[k]; i++) {
			const struct ex_lex_entry *e = &lx->v[k][i];
			/* a key with a NUL inside never compares equal ignoring case */
			if (!e->klen || memchr(e->key, '\0', e->klen) || (reverse && !(e->flags & LXF_SUFFIX)))
				continue;
			/* read backwards, the text's byte where an ending starts folds as one after the
			 * byte before it: the same unless the ending starts with a UTF-8 continuation byte */
			if (reverse && ((unsigned char)e->key[0] & 0xC0) == 0x80)
				bad = 1;
			end_of[k_off[k] + i] = insert(&b, k, e, reverse);
		}
	/* the children of each node, in byte order: counted, placed, sorted */
	nkid = kz_xcalloc(b.nnode + 1, sizeof(unsigned));
	kid_at = kz_xcalloc(b.nnode + 1, sizeof(unsigned));
	kids = kz_xcalloc(b.nedge + 1, sizeof(unsigned));
	for (size_t s = 0; s < b.nmade; s++)
		nkid[b.made[s].key >> 8]++;
	for (unsigned v = 0, at = 0; v < b.nnode; v++) {
		kid_at[v] = at;
		at += nkid[v];
		nkid[v] = 0;
	}
	for (size_t s = 0; s < b.nmade; s++) {
		unsigned pa = b.made[s].key >> 8, *list = kids + kid_at[pa];
		unsigned j = nkid[pa]++;
		/* insertion by byte: edge keys of one parent differ in their low byte */
		while (j > 0 && (b.made[s].key & 0xFF) < (b.made[list[j - 1]].key & 0xFF)) {
			list[j] = list[j - 1];
			j--;
		}
		list[j] = (unsigned)s;
	}
	/* breadth first, kind by kind: renum[old] is the node's place */
	tr->node = kz_xcalloc(b.nnode + 1, sizeof(*tr->node));
	renum = kz_xcalloc(b.nnode + 1, sizeof(unsigned));
	queue = kz_xcalloc(b.nnode + 1, sizeof(unsigned));
	for (int k = 0; k < LX__N; k++) {
		unsigned qh = 0, qt = 0;
		for (unsigned c = 0; c < 256; c++)
			if (b.root[k][c]) {
				renum[b.root[k][c]] = next;
				tr->node[next].byte = (unsigned char)c;
				tr->root[k][c] = next++;
				queue[qt++] = b.root[k][c];
			}
		while (qh < qt) {
			unsigned old = queue[qh++];
			struct ex_trie_node *nd = &tr->node[renum[old]];
			nd->kid0 = next;
			nd->nkids = (unsigned short)nkid[old];
			for (unsigned j = 0; j < nkid[old]; j++) {
				const struct edge *e = &b.made[kids[kid_at[old] + j]];
				renum[e->child] = next;
				tr->node[next++].byte = (unsigned char)(e->key & 0xFF);
				queue[qt++] = e->child;
			}
		}
	}
	tr->nnode = next;
	tr->kbyte = kz_xcalloc(next + 16, 1);
	for (unsigned v = 0; v < next; v++)
		tr->kbyte[v] = tr->node[v].byte;
	/* each node's entries, in the order of v: counted, placed, filled */
	count = kz_xcalloc(next + 1, sizeof(unsigned));
	for (size_t x = 0; x < nent; x++)
		if (end_of[x])
			count[renum[end_of[x]]]++;
	tr->first = kz_xmalloc((next + 1) * sizeof(unsigned));
	for (unsigned v = 0; v <= next; v++) {
		tr->first[v] = total;
		total += v < next ? count[v] : 0;
		if (v < next)
			tr->node[v].ends = count[v] > 0;
		count[v] = 0;
	}
	tr->ent = kz_xmalloc((total + 1) * sizeof(unsigned));
	for (int k = 0; k < LX__N; k++)
		for (size_t i = 0; i < lx->n[k]; i++)
			if (end_of[k_off[k] + i]) {
				unsigned v = renum[end_of[k_off[k] + i]];
				tr->ent[tr->first[v] + count[v]++] = (unsigned)i;
			}
	/* how many key ends a path holds at most: a node's, its own and its parent's (parents come
	 * first in breadth-first order) */
	depth_ends = kz_xcalloc(next + 1, sizeof(unsigned));
	tr->ok = !bad;
	for (unsigned v = 1; v < next; v++) {
		depth_ends[v] += tr->node[v].ends;
		if (depth_ends[v] > EX_TRIE_MAX)
			tr->ok = 0;
		for (unsigned j = 0; j < tr->node[v].nkids; j++)
			depth_ends[tr->node[v].kid0 + j] = depth_ends[v];
	}
	/* the whole-word filter: every key a whole-word lookup may return */
	if (!reverse)
		for (int k = 0; k < LX__N; k++)
			for (size_t i = 0; i < lx->n[k]; i++) {
				const struct ex_lex_entry *e = &lx->v[k][i];
				if (e->klen && !(e->flags & LXF_SUFFIX)) {
					unsigned bit = ex_lex_word_bit(k, e->key, e->klen);
					tr->word_bits[bit >> 3] |= (unsigned char)(1u << (bit & 7));
				}
			}
	free(depth_ends);
	free(count);
	free(queue);
	free(renum);
	free(kids);
	free(kid_at);
	free(nkid);
	free(end_of);
	free(b.edge);
	free(b.made);
}

void ex_lex_trie_build(struct ex_lexicon *lx)
{
	build(lx, &lx->trie, 0);
	build(lx, &lx->rtrie, 1);
}
