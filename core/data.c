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
