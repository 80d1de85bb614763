/*
 * details.c (core): the words of a detail (data/details.tsv) — "procurement" is "Beschaffung" on a German
 * sheet — so that no code of the claims table's vocabulary reaches the text. The table is read once
 * into a small array; a detail it lacks is written with its underscores as spaces; a detail ending
 * in "_per_year" is its base's words and "pro Jahr".
 */
#include "core/core.h"
#include "core/data.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define MAX_DETAILS 128

struct detail_words {
	char code[40], de[64], en[64];
};

static struct detail_words words[MAX_DETAILS];
static size_t nwords;
static pthread_once_t loaded = PTHREAD_ONCE_INIT; /* the checks run in two threads */

static void cell(char *dst, size_t n, const char *s, const char *e)
{
	size_t k = (size_t)(e - s) < n - 1 ? (size_t)(e - s) : n - 1;
	memcpy(dst, s, k);
	dst[k] = '\0';
}

static void load(void)
{
	const struct kz_blob *b = kz_data_find("details.tsv");
	const char *p = NULL, *c[3];
	size_t len[3];

	while (b && nwords < MAX_DETAILS && kz_data_row(b, &p, c, len, 3) == 3) {
		struct detail_words *w = &words[nwords++];
		cell(w->code, sizeof w->code, c[0], c[0] + len[0]);
		cell(w->de, sizeof w->de, c[1], c[1] + len[1]);
		cell(w->en, sizeof w->en, c[2], c[2] + len[2]);
	}
}

size_t kz_detail_base(const char *detail, int *yearly, int *parted)
{
	static const char per[] = "_per_year", part[] = "_part";
	size_t dl = strlen(detail), pl = sizeof per - 1, ql = sizeof part - 1;
	int pa = dl > ql && !strcmp(detail + dl - ql, part), ye;

	if (pa)
		dl -= ql;
	ye = dl > pl && !strncmp(detail + dl - pl, per, pl);
	if (yearly)
		*yearly = ye;
	if (parted)
		*parted = pa;
	return dl - (ye ? pl : 0);
}

const char *kz_detail_words(char *dst, size_t n, const char *detail, int english)
{
	int yearly, parted;
	size_t base = kz_detail_base(detail, &yearly, &parted);
	const char *tail = parted ? (english ? " (part)" : " (Teilbetrag)") : "";

	pthread_once(&loaded, load);
	for (size_t i = 0; i < nwords; i++)
		if (strlen(words[i].code) == base && !strncmp(words[i].code, detail, base)) {
			snprintf(dst, n, "%s%s%s", english ? words[i].en : words[i].de,
				 yearly ? (english ? " a year" : " pro Jahr") : "", tail);
			return dst;
		}
	/* not in the vocabulary (an analyst's own detail): its words, no underscores */
	snprintf(dst, n, "%.*s%s", (int)base, detail, yearly ? (english ? " a year" : " pro Jahr") : "");
	for (char *c = dst; *c; c++)
		if (*c == '_')
			*c = ' ';
	snprintf(dst + strlen(dst), n - strlen(dst), "%s", tail);
	return dst;
}
