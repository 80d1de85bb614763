/*
 * claimid.c: the stable claim key of DESIGN.md, `<file>#<anchor>`.
 *
 *  1. <file> is the document's path relative to the folder named on the command line (its file
 *     name when a file was named), so the key does not change with the folder kennzahl runs
 *     from or with a move of the corpus.
 *  2. <anchor> is `<h>-<n>`: h the first 8 hex digits of the SHA-256 of the figure's sentence
 *     (white space collapsed, as in the `sentence` column), n the number as written with its
 *     white space removed ("55 300" → 55300, "5,07" stays 5,07). No byte offset enters it, so
 *     text added or removed elsewhere in the document, or a wider or narrower quote, leaves it.
 *  3. When a document yields the same key twice (the same number twice in one sentence, or a
 *     sentence repeated word for word), the second is `…~2`, the third `…~3`, in text order.
 * Memory: one hash set entry per key of the current document.
 */
#include "claims.h"

#include <glib.h>
#include <stdint.h>
#include <string.h>

#define NUM_MAX 40 /* bytes of the number text kept in the anchor */

void kz_idgen_init(struct kz_idgen *g)
{
	g->seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g->memo = NULL;
	g->memo_hash[0] = '\0';
	g->ck = g_checksum_new(G_CHECKSUM_SHA256);
}

void kz_idgen_release(struct kz_idgen *g)
{
	if (g->seen)
		g_hash_table_destroy(g->seen);
	g->seen = NULL;
	g_free(g->memo);
	g->memo = NULL;
	if (g->ck)
		g_checksum_free(g->ck);
	g->ck = NULL;
}

/* Byte length of a white-space character at p: ASCII, NO-BREAK, THIN or NARROW NO-BREAK SPACE. */
static size_t space_len(const unsigned char *p, const unsigned char *e)
{
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		return 1;
	if (e - p >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
		return 2;
	if (e - p >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x89 || p[2] == 0xAF))
		return 3;
	return 0;
}

/* "-28.500": the number as written, white space dropped. */
static void kz_claim_anchor_num(struct kz_buf *out, const char *num, size_t numlen)
{
	const unsigned char *p = (const unsigned char *)num, *e = p + numlen;
	size_t kept = 0;

	kz_buf_addc(out, '-');
	while (p < e && kept < NUM_MAX) {
		size_t k = space_len(p, e);
		if (k) {
			p += k;
			continue;
		}
		/* a '#' or '~' would make the key ambiguous; none occurs in a number, but be sure */
		kz_buf_addc(out, *p == '#' || *p == '~' ? '_' : *p);
		p++;
		kept++;
	}
}

/* The first 8 hex digits of the SHA-256 of sentence into h; with ck, that checksum is reset and
 * reused (a document's sentences allocate nothing). */
static void sentence_hash(char h[8], const char *sentence, GChecksum *ck)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char digest[32];
	gsize dlen = sizeof digest;

	if (ck) {
		g_checksum_reset(ck);
		g_checksum_update(ck, (const guchar *)sentence, (gssize)strlen(sentence));
		g_checksum_get_digest(ck, digest, &dlen);
	} else
		kz_sha256_digest(sentence, strlen(sentence), digest);
	for (int i = 0; i < 4; i++) {
		h[2 * i] = hex[digest[i] >> 4];
		h[2 * i + 1] = hex[digest[i] & 15];
	}
}

void kz_claim_anchor(struct kz_buf *out, const char *sentence, const char *num, size_t numlen)
{
	char h[8];

	sentence_hash(h, sentence, NULL);
	kz_buf_add(out, h, 8);
	kz_claim_anchor_num(out, num, numlen);
}

const char *kz_idgen_make(struct kz_idgen *g, struct kz_buf *out, const char *file, const char *sentence,
			  const char *num, size_t numlen)
{
	uintptr_t n;

	kz_buf_reset(out);
	kz_buf_adds(out, file);
	kz_buf_addc(out, '#');
	/* the figures of one sentence share its hash: computed once (the anchor is the same as
	 * kz_claim_anchor's) */
	if (!g->memo || strcmp(g->memo, sentence)) {
		sentence_hash(g->memo_hash, sentence, g->ck);
		g->memo_hash[8] = '\0';
		g_free(g->memo);
		g->memo = g_strdup(sentence);
	}
	kz_buf_adds(out, g->memo_hash);
	kz_claim_anchor_num(out, num, numlen);
	n = (uintptr_t)g_hash_table_lookup(g->seen, out->s) + 1;
	g_hash_table_insert(g->seen, g_strdup(out->s), (gpointer)n);
	if (n > 1) {
		/* "~%lu", from the end of a buffer (no format read at every repeated key) */
		char tmp[24], *q = tmp + sizeof(tmp);
		do
			*--q = (char)('0' + n % 10);
		while ((n /= 10) != 0);
		*--q = '~';
		kz_buf_add(out, q, (size_t)(tmp + sizeof(tmp) - q));
	}
	return out->s;
}

const char *kz_path_base(const char *path)
{
	const char *b = strrchr(path, '/');
	return b ? b + 1 : path;
}
