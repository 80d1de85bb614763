/* lexicon.c: the lexicons (units, scales, qualifiers, countries, cues, words) from data/ and --lexicon files, parsed, sorted and indexed; lexlookup.c finds their words in a text. */
#include "extract_int.h"
#include "core/data.h"

#include <stdlib.h>
#include <string.h>

/* each kind's name in the lexicon files, by its enum value (designated: the order cannot slip) */
static const char *const kind_names[LX__N] = {
	[LX_UNIT] = "unit",
	[LX_SCALE] = "scale",
	[LX_QUAL] = "qual",
	[LX_COUNTRY] = "country",
	[LX_CUE] = "cue",
	[LX_REF] = "ref",
	[LX_TIME] = "time",
	[LX_ABBR] = "abbr",
	[LX_PLACE] = "place",
	[LX_GOVT] = "govt",
	[LX_SOURCE] = "source",
	[LX_RECIPIENT] = "recipient",
	[LX_PLAN] = "plan",
	[LX_CHANGE] = "change",
	[LX_TENSE] = "tense",
	[LX_GOVERN] = "govern",
	[LX_STATUS] = "status",
	[LX_CITE] = "cite",
	[LX_SOURCENAME] = "sourcename",
	[LX_RESTATE] = "restate",
	[LX_TOWARD] = "toward",
	[LX_THERE] = "there",
	[LX_OWN] = "own",
	[LX_CURRENCY] = "currency",
	[LX_SUBORD] = "subord",
	[LX_ROLE] = "role",
	[LX_ATTRIB] = "attrib",
	[LX_CONTINUE] = "continue",
	[LX_CURRENT] = "current",
	[LX_FRAME] = "frame",
	[LX_RECEIVE] = "receive",
	[LX_DEMANDED] = "demanded",
	[LX_SEPARABLE] = "separable",
	[LX_GIVE] = "give",
	[LX_ANAPHOR] = "anaphor",
	[LX_WHOLE] = "whole",
	[LX_PERIOD] = "period",
	[LX_PART] = "part",
	[LX_DRAWN] = "drawn",
	[LX_AIDVERB] = "aidverb",
	[LX_REGION] = "region",
	[LX_HOST] = "host",
	[LX_LEAVE] = "leave",
	[LX_SPEAKER] = "speaker",
	[LX_DATIVE] = "dative",
	[LX_SHARED] = "shared",
	[LX_MISSION] = "mission",
	[LX_BUY] = "buy",
	[LX_COST] = "cost",
	[LX_RANK] = "rank",
	[LX_TALLY] = "tally",
	[LX_MINISTRY] = "ministry",
	[LX_GETS] = "gets",
	[LX_TITLE] = "title",
	[LX_AMOUNTREF] = "amountref",
	[LX_COORD] = "coord",
	[LX_CORRECT] = "correct",
	[LX_MAKER] = "maker",
	[LX_LISTNEXT] = "listnext",
	[LX_PARTNERNOUN] = "partnernoun",
	[LX_MEASURE] = "measure",
	[LX_FRONT] = "front",
	[LX_ATTACK] = "attack",
	[LX_OUTSIDE] = "outside",
	[LX_DRAFT] = "draft",
	[LX_WORLD] = "world",
	[LX_YEARCLAUSE] = "yearclause",
	[LX_NOUNLINK] = "nounlink",
	[LX_SURPASS] = "surpass",
	[LX_SETVERB] = "setverb",
	[LX_MEETVERB] = "meetverb",
	[LX_MASC] = "masc",
	[LX_FISCAL] = "fiscal",
};

static int parse_flags(const char *s)
{
	static const struct {
		const char *name;
		int flag;
	} names[] = {{"suffix", LXF_SUFFIX}, {"before", LXF_BEFORE}, {"military", LXF_MILITARY},
		     {"weak", LXF_WEAK},     {"strong", LXF_STRONG}, {"name", LXF_NAME},
		     {"gen", LXF_GEN},       {"adj", LXF_ADJ},	     {"capital", LXF_CAPITAL},
		     {"prefix", LXF_PREFIX}, {"org", LXF_ORG},	     {"word", LXF_WORD},
		     {"governs", LXF_GOVERNS}, {"hearsay", LXF_HEARSAY}, {"person", LXF_PERSON},
		     {"settled", LXF_SETTLED}, {"budgeted", LXF_BUDGETED}, {"generic", LXF_GENERIC},
		     {"estimate", LXF_ESTIMATE}, {"pledge", LXF_PLEDGE}, {"definition", LXF_DEFINITION}, {"alliance", LXF_ALLIANCE}, {"inside", LXF_INSIDE}, {"body", LXF_BODY}, {"option", LXF_OPTION}, {"ought", LXF_OUGHT}, {"voice", LXF_VOICE}, {"ratio", LXF_RATIO}, {"speech", LXF_SPEECH}, {"local", LXF_LOCAL}, {"percent", LXF_PERCENT}};
	int f = 0;

	while (*s) {
		size_t n = strcspn(s, ",");
		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (strlen(names[i].name) == n && !strncmp(names[i].name, s, n))
				f |= names[i].flag;
		s += n;
		if (*s == ',')
			s++;
	}
	return f;
}

/* Parse one TSV text into lx; returns 0 or KZ_EINPUT with the bad line. */
static int lex_parse(struct ex_lexicon *lx, const char *data, size_t len, const char *name,
		     struct kz_err *err)
{
	const char *p = data, *end = data + len;
	long line = 0;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *col[5] = {0};
		size_t clen[5] = {0};
		int ncol = 0, k;
		struct ex_lex_entry *e;

		if (!eol)
			eol = end;
		line++;
		if (eol > p && eol[-1] == '\r')
			eol--;
		if (p == eol || *p == '#') {
			p = (*eol == '\r' ? eol + 2 : eol + 1);
			continue;
		}
		for (const char *q = p; ncol < 5;) {
			const char *t = memchr(q, '\t', (size_t)(eol - q));
			col[ncol] = q;
			clen[ncol] = (size_t)((t ? t : eol) - q);
			ncol++;
			if (!t)
				break;
			q = t + 1;
		}
		for (k = 0; k < LX__N; k++)
			if (strlen(kind_names[k]) == clen[0] && !strncmp(kind_names[k], col[0], clen[0]))
				break;
		if (k == LX__N || ncol < 2 || clen[1] == 0) {
			char kinds[512];
			size_t kl = 0;
			for (int j = 0; j < LX__N && kl + 20 < sizeof(kinds); j++)
				kl += (size_t)snprintf(kinds + kl, sizeof(kinds) - kl, "%s%s", j ? ", " : "", kind_names[j]);
			return kz_err_set(err, KZ_EINPUT, name, line, "lexicon line needs kind<TAB>key<TAB>value (kind: %s)",
					  kinds);
		}
		KZ_GROW(lx->v[k], lx->alloc[k], lx->n[k] + 1);
		e = &lx->v[k][lx->n[k]];
		memset(e, 0, sizeof(*e));
		e->seq = (unsigned)lx->n[k]++;
		{
			char fl[64] = "";
			if (ncol > 3 && clen[3] < sizeof(fl)) {
				memcpy(fl, col[3], clen[3]);
				fl[clen[3]] = '\0';
			}
			if (k == LX_MINISTRY || k == LX_TIME || k == LX_DATIVE || k == LX_FISCAL) {
				/* its short name in the 4th column: "ministry Verteidigungsministerium DE BMVg";
				 * an event's country: "time Kriegsbeginn 2022 UA"; a separable verb's particle:
				 * "dative sagte - zu" */
				e->detail = kz_arena_strndup(&lx->arena, ncol > 3 ? col[3] : "", ncol > 3 ? clen[3] : 0);
			} else if (k == LX_CUE) {
				e->detail = kz_arena_strndup(&lx->arena, ncol > 3 ? col[3] : "",
							     ncol > 3 ? clen[3] : 0);
				/* a cue's flags follow its detail: "cue ausgaben budget defense_budget generic" */
				if (ncol > 4 && clen[4] < sizeof(fl)) {
					memcpy(fl, col[4], clen[4]);
					fl[clen[4]] = '\0';
					e->flags = parse_flags(fl);
				}
			} else {
				e->flags = parse_flags(fl);
			}
		}
		if (col[1][0] == '*' && clen[1] > 1) {
			/* '*key': a compound ending; stored lower-case for suffix matching. */
			char *low = kz_xstrndup(col[1] + 1, clen[1] - 1);
			for (char *c = low; *c; c++)
				if (*c >= 'A' && *c <= 'Z')
					*c = (char)(*c - 'A' + 'a');
			e->key = kz_arena_strdup(&lx->arena, low);
			e->klen = clen[1] - 1;
			e->flags |= LXF_SUFFIX;
			free(low);
		} else {
			e->key = kz_arena_strndup(&lx->arena, col[1], clen[1]);
			e->klen = clen[1];
		}
		if (k == LX_CUE) {
			/* cue stems match case-insensitively: keep them lower-case */
			char *low = kz_xstrdup(e->key);
			for (char *c = low; *c; c++)
				if (*c >= 'A' && *c <= 'Z')
					*c = (char)(*c - 'A' + 'a');
			e->key = kz_arena_strdup(&lx->arena, low);
			free(low);
		}
		e->value = kz_arena_strndup(&lx->arena, ncol > 2 ? col[2] : "", ncol > 2 ? clen[2] : 0);
		if (k == LX_SCALE) {
			int rc = kz_parse_double(e->value, &e->num);
			if (rc == KZ_NUM_RANGE)
				return kz_err_set(err, KZ_EINPUT, name, line, "scale '%s' is %s", e->value,
						  kz_num_strerror(rc));
			if (rc || e->num <= 0)
				return kz_err_set(err, KZ_EINPUT, name, line, "scale needs a positive number");
		}
		if (k == LX_PERIOD && strcmp(e->value, "-")) {
			/* a month's number: "Oktober 10" (a season its middle month) */
			if (kz_parse_double(e->value, &e->num) || e->num < 1 || e->num > 12 || e->num != (int)e->num)
				return kz_err_set(err, KZ_EINPUT, name, line, "period needs a month 1 to 12, or '-'");
		}
		if (k == LX_FISCAL) {
			/* the month a country's fiscal year starts: "fiscal JP 4" */
			if (kz_parse_double(e->value, &e->num) || e->num < 1 || e->num > 12 || e->num != (int)e->num)
				return kz_err_set(err, KZ_EINPUT, name, line, "fiscal needs a month 1 to 12");
		}
		if (k == LX_QUAL && kz_qual_parse(e->value) < 0)
			return kz_err_set(err, KZ_EINPUT, name, line,
					  "qualifier class must be approx, at_least, at_most or range");
		if (k == LX_CHANGE && strcmp(e->value, "before") && strcmp(e->value, "after") && strcmp(e->value, "verb") &&
		    strcmp(e->value, "compared"))
			return kz_err_set(err, KZ_EINPUT, name, line, "change word needs 'before', 'after', 'compared' or 'verb'");
		if (k == LX_TENSE && strcmp(e->value, "present") && strcmp(e->value, "past") && strcmp(e->value, "speech") &&
		    strcmp(e->value, "conditional"))
			return kz_err_set(err, KZ_EINPUT, name, line, "tense word needs 'present', 'past', 'speech' or 'conditional'");
		if (k == LX_STATUS && kz_status_parse(e->value) < 0)
			return kz_err_set(err, KZ_EINPUT, name, line,
					  "status must be reported, plan, target, demand, limit, claim or forecast");
		if (k == LX_CITE && strcmp(e->value, "after") && strcmp(e->value, "before") &&
		    strcmp(e->value, "verb") && strcmp(e->value, "carry") && strcmp(e->value, "compound") &&
		    strcmp(e->value, "self"))
			return kz_err_set(err, KZ_EINPUT, name, line,
					  "cite word needs 'after', 'before', 'verb', 'carry', 'compound' or 'self'");
		if (k == LX_SHARED) {
			/* the codes, each three capitals, apart by single spaces: "SEK NOK DKK" */
			size_t vl = strlen(e->value), i;
			for (i = 0; i < vl; i++)
				if (i % 4 == 3 ? e->value[i] != ' ' : !(e->value[i] >= 'A' && e->value[i] <= 'Z'))
					break;
			if (!vl || i < vl || vl % 4 != 3)
				return kz_err_set(err, KZ_EINPUT, name, line,
						  "shared needs the currency codes it may be, apart by spaces (SEK NOK DKK)");
		}
		if (k == LX_MINISTRY && (!e->detail || !e->detail[0] || !e->value[0]))
			return kz_err_set(err, KZ_EINPUT, name, line, "ministry needs a country code and a short name");
		if (k == LX_SOURCENAME && !e->value[0])
			return kz_err_set(err, KZ_EINPUT, name, line, "sourcename needs its short name");
		if (k == LX_CUE && memchr(e->key, ' ', e->klen))
			return kz_err_set(err, KZ_EINPUT, name, line,
					  "a cue is one word stem (cues are matched inside words)");
		if (k == LX_CUE && kz_ind_parse(e->value) < 0)
			return kz_err_set(err, KZ_EINPUT, name, line, "unknown indicator '%s'", e->value);
		p = eol < end && *eol == '\r' ? eol + 2 : eol + 1;
	}
	return 0;
}

/* Longer keys first, so "mehr als" wins over "als" and "Soldatinnen und Soldaten" over "Soldaten". */
static int cmp_len(const void *a, const void *b)
{
	const struct ex_lex_entry *x = a, *y = b;
	return x->klen < y->klen ? 1 : x->klen > y->klen ? -1 : 0;
}

/* The slot key of entry i of kind k in the prefix lists (every key, as by_first: compound endings
 * too) or the suffix lists (compound endings only), or EX_LEX_NOSLOT when it is in none (a key of
 * one byte: those follow each prefix list of their first byte, or are suffix1). */
static unsigned entry_slot(const struct ex_lexicon *lx, int k, size_t i, int suffix)
{
	const struct ex_lex_entry *e = &lx->v[k][i];

	if (e->klen < 2 || (suffix && !(e->flags & LXF_SUFFIX)))
		return EX_LEX_NOSLOT;
	if (!suffix)
		return ex_lex_slot(k, 0, ex_fold_pair(e->key));
	return ex_lex_slot(k, 1,
			   ex_fold_after((unsigned char)e->key[e->klen - 2], (unsigned char)e->key[e->klen - 1]));
}

static struct ex_lex_range *slot_find(struct ex_lexicon *lx, unsigned key)
{
	unsigned h = ex_lex_hash(key);

	for (;; h++) {
		struct ex_lex_range *r = &lx->pair_tab[h & lx->pair_mask];
		if (r->key == key || r->key == EX_LEX_NOSLOT)
			return r;
	}
}

/*
 * The candidate lists (struct ex_lexicon): 1. count each slot's entries: a prefix slot's keys of two
 * bytes or more, then the one-byte keys of its first byte (every one of them, again in each of its
 * slots); a suffix slot's endings of two bytes or more; 2. give each slot its range of pair_ix;
 * 3. fill the ranges walking v in order, so each list keeps the longest-first order. The table has at
 * least twice as many slots as lists.
 */
static void lex_index(struct ex_lexicon *lx)
{
	size_t total = 0, nent = 0;
	unsigned cap = 64;

	free(lx->pair_tab);
	free(lx->pair_ix);
	for (int k = 0; k < LX__N; k++)
		nent += lx->n[k];
	while (cap < 2 * nent + 2)
		cap *= 2;
	lx->pair_tab = kz_xmalloc(cap * sizeof(*lx->pair_tab));
	lx->pair_mask = cap - 1;
	for (unsigned i = 0; i < cap; i++) {
		lx->pair_tab[i].key = EX_LEX_NOSLOT;
		lx->pair_tab[i].n = 0;
	}
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			/* 2. the ranges */
			for (unsigned i = 0; i < cap; i++) {
				lx->pair_tab[i].off = (unsigned)total;
				total += lx->pair_tab[i].n;
				lx->pair_tab[i].n = 0;
			}
			lx->pair_ix = kz_xmalloc((total + 1) * sizeof(unsigned));
		}
		for (int k = 0; k < LX__N; k++) {
			for (size_t i = 0; i < lx->n[k]; i++)
				for (int suffix = 0; suffix < 2; suffix++) {
					unsigned key = entry_slot(lx, k, i, suffix);
					struct ex_lex_range *r;
					if (key == EX_LEX_NOSLOT)
						continue;
					r = slot_find(lx, key);
					r->key = key;
					if (pass == 1)
						lx->pair_ix[r->off + r->n] = (unsigned)i;
					r->n++;
				}
			/* the one-byte keys after each prefix list of their first byte */
			for (unsigned s = 0; s < cap; s++) {
				struct ex_lex_range *r = &lx->pair_tab[s];
				unsigned char b;
				if (r->key == EX_LEX_NOSLOT || r->key >> 16 != ((unsigned)k << 1))
					continue;
				b = (unsigned char)(r->key >> 8);
				for (unsigned j = lx->short_from[k][b]; j < lx->n_first[k][b]; j++) {
					if (pass == 1)
						lx->pair_ix[r->off + r->n] = lx->by_first[k][b][j];
					r->n++;
				}
			}
		}
	}
	memset(lx->pair_seen, 0, sizeof(lx->pair_seen));
	for (unsigned i = 0; i < cap; i++)
		if (lx->pair_tab[i].key != EX_LEX_NOSLOT) {
			unsigned h = ex_lex_hash(lx->pair_tab[i].key);
			lx->pair_seen[(h & 0xFFFF) >> 3] |= (unsigned char)(1u << (h & 7));
		}
	memset(lx->has_short, 0, sizeof(lx->has_short));
	for (int k = 0; k < LX__N; k++)
		for (int b = 0; b < 256; b++)
			if (lx->short_from[k][b] < lx->n_first[k][b])
				lx->has_short[k][b >> 3] |= (unsigned char)(1u << (b & 7));
	for (int k = 0; k < LX__N; k++) {
		free(lx->suffix1[k]);
		lx->suffix1[k] = NULL;
		lx->n_suffix1[k] = 0;
		for (unsigned j = 0; j < lx->n_suffix[k]; j++)
			if (lx->v[k][lx->suffix[k][j]].klen < 2) {
				lx->suffix1[k] = kz_xrealloc(lx->suffix1[k], (lx->n_suffix1[k] + 1) * sizeof(unsigned));
				lx->suffix1[k][lx->n_suffix1[k]++] = lx->suffix[k][j];
			}
	}
}

static void lex_sort(struct ex_lexicon *lx)
{
	for (int k = 0; k < LX__N; k++) {
		qsort(lx->v[k], lx->n[k], sizeof(*lx->v[k]), cmp_len);
		for (int b = 0; b < 256; b++) {
			free(lx->by_first[k][b]);
			lx->by_first[k][b] = NULL;
			lx->n_first[k][b] = 0;
		}
		if (k == LX_CUE) {
			memset(lx->cue_pair, 0, sizeof(lx->cue_pair));
			memset(lx->cue_triple, 0, sizeof(lx->cue_triple));
			memset(lx->cue_short, 0, sizeof(lx->cue_short));
			for (size_t i = 0; i < lx->n[k]; i++) {
				const struct ex_lex_entry *e = &lx->v[k][i];
				unsigned pr = (unsigned)ex_fold_byte((unsigned char)e->key[0]) << 8 |
					      ex_fold_byte((unsigned char)e->key[1]);
				lx->cue_pair[pr >> 3] |= (unsigned char)(1u << (pr & 7));
				if (e->klen >= 3) {
					unsigned tr = ex_cue_triple(e->key);
					lx->cue_triple[tr >> 3] |= (unsigned char)(1u << (tr & 7));
				} else {
					unsigned char b = ex_fold_byte((unsigned char)e->key[0]);
					lx->cue_short[b >> 3] |= (unsigned char)(1u << (b & 7));
				}
			}
		}
		free(lx->suffix[k]);
		lx->suffix[k] = NULL;
		lx->n_suffix[k] = 0;
		for (size_t i = 0; i < lx->n[k]; i++)
			if (lx->v[k][i].flags & LXF_SUFFIX) {
				lx->suffix[k] = kz_xrealloc(lx->suffix[k], (lx->n_suffix[k] + 1) * sizeof(unsigned));
				lx->suffix[k][lx->n_suffix[k]++] = (unsigned)i;
			}
		/* index by folded first byte, keeping the longest-first order */
		for (size_t i = 0; i < lx->n[k]; i++) {
			unsigned char b = ex_fold_byte((unsigned char)lx->v[k][i].key[0]);
			unsigned *n = &lx->n_first[k][b];
			lx->by_first[k][b] = kz_xrealloc(lx->by_first[k][b], (*n + 1) * sizeof(unsigned));
			lx->by_first[k][b][(*n)++] = (unsigned)i;
		}
		for (int b = 0; b < 256; b++) {
			unsigned j = lx->n_first[k][b];
			while (j > 0 && lx->v[k][lx->by_first[k][b][j - 1]].klen < 2)
				j--;
			lx->short_from[k][b] = j;
		}
	}
	lex_index(lx);
	free(lx->unit_before);
	lx->unit_before = NULL;
	lx->n_unit_before = 0;
	for (size_t i = 0; i < lx->n[LX_UNIT]; i++)
		if (lx->v[LX_UNIT][i].flags & LXF_BEFORE) {
			lx->unit_before = kz_xrealloc(lx->unit_before, (lx->n_unit_before + 1) * sizeof(unsigned));
			lx->unit_before[lx->n_unit_before++] = (unsigned)i;
		}
	ex_lex_trie_build(lx);
}

struct ex_lexicon *ex_lexicon_new(void)
{
	struct ex_lexicon *lx = kz_xcalloc(1, sizeof(*lx));
	struct kz_err err;

	kz_arena_init(&lx->arena);
	for (const struct kz_blob *b = kz_data; b->name; b++) {
		size_t n = strlen(b->name);
		/* every lexicon of data/, not the reference tables (rates, the detail vocabulary, the
		 * words of a currency conversion) */
		if (n < 4 || strcmp(b->name + n - 4, ".tsv") || !strcmp(b->name, "fx.tsv") ||
		    !strcmp(b->name, "details.tsv") || !strcmp(b->name, "joiners.tsv"))
			continue;
		if (lex_parse(lx, b->data, b->len, b->name, &err)) {
			/* The built-in lexicons are tested; a failure here is a build defect. */
			kz_err_print(&err);
			abort();
		}
	}
	lex_sort(lx);
	return lx;
}

int ex_lexicon_add_file(struct ex_lexicon *lx, const char *path, struct kz_err *err)
{
	char *data;
	size_t len;
	int rc;

	rc = kz_read_file(path, 16u << 20, &data, &len, err);
	if (rc)
		return rc;
	rc = lex_parse(lx, data, len, path, err);
	free(data);
	lex_sort(lx);
	return rc;
}

void ex_lexicon_free(struct ex_lexicon *lx)
{
	if (!lx)
		return;
	free(lx->pair_tab);
	free(lx->pair_ix);
	free(lx->unit_before);
	ex_lex_trie_free(&lx->trie);
	ex_lex_trie_free(&lx->rtrie);
	for (int k = 0; k < LX__N; k++) {
		free(lx->v[k]);
		free(lx->suffix[k]);
		free(lx->suffix1[k]);
		for (int b = 0; b < 256; b++)
			free(lx->by_first[k][b]);
	}
	kz_arena_release(&lx->arena);
	free(lx);
}

const char *ex_country_name(const struct ex_lexicon *lx, const char *code)
{
	const struct ex_lex_entry *best = NULL;

	/* the first name countries.tsv gives it */
	for (size_t i = 0; i < lx->n[LX_COUNTRY]; i++) {
		const struct ex_lex_entry *e = &lx->v[LX_COUNTRY][i];
		if ((e->flags & LXF_NAME) && !(e->flags & (LXF_PERSON | LXF_SUFFIX)) && !strcmp(e->value, code) &&
		    (!best || e->seq < best->seq))
			best = e;
	}
	return best ? best->key : code;
}

int ex_source_has(const struct ex_lexicon *lx, const char *name, int flag)
{
	for (size_t i = 0; *name && i < lx->n[LX_SOURCENAME]; i++)
		if ((lx->v[LX_SOURCENAME][i].flags & flag) && !strcmp(lx->v[LX_SOURCENAME][i].value, name))
			return 1;
	return 0;
}

const char *ex_currency_country(const struct ex_lexicon *lx, const char *unit)
{
	const struct ex_lex_entry *e = unit ? ex_lex_word(lx, LX_CURRENCY, unit, strlen(unit)) : NULL;
	return e ? e->value : NULL;
}
