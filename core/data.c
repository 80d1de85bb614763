/* data.c: lookup of the built-in data files. */
#include "data.h"

#include <string.h>

const struct kz_blob *kz_data_find(const char *name)
{
	for (const struct kz_blob *b = kz_data; b->name; b++)
		if (!strcmp(b->name, name))
			return b;
	return NULL;
}

size_t kz_data_row(const struct kz_blob *b, const char **p, const char **cell, size_t *len, size_t max)
{
	const char *end = b->data + b->len, *x = *p ? *p : b->data;

	while (x < end) {
		const char *eol = memchr(x, '\n', (size_t)(end - x)), *c = x;
		size_t n = 0;
		if (!eol)
			eol = end;
		*p = eol + 1;
		if (eol == x || *x == '#') {
			x = eol + 1;
			continue;
		}
		while (n < max) {
			const char *tab = n + 1 < max ? memchr(c, '\t', (size_t)(eol - c)) : NULL;
			cell[n] = c;
			len[n++] = (size_t)((tab ? tab : eol) - c);
			if (!tab)
				break;
			c = tab + 1;
		}
		return n;
	}
	*p = end;
	return 0;
}
