/* select.c: --select key=value filters on the claims a report shows. */
#include "reports.h"

#include <stdlib.h>
#include <string.h>

static const char *const keys[] = {"indicator", "detail", "subject", "partner", "unit", "year", "doc", NULL};

int rp_select_parse(struct rp_select *s, const char *spec, struct kz_err *err)
{
	char *p, *tok, *save = NULL;

	s->n = 0;
	s->buf = kz_xstrdup(spec ? spec : "");
	for (tok = strtok_r(s->buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		int k;
		p = strchr(tok, '=');
		if (!p)
			return kz_err_set(err, KZ_EINPUT, NULL, 0, "--select: '%s' is not key=value", tok);
		*p = '\0';
		for (k = 0; keys[k] && strcmp(keys[k], tok); k++)
			;
		if (!keys[k])
			return kz_err_set(err, KZ_EINPUT, NULL, 0,
					  "--select: unknown key '%s' (indicator, detail, subject, partner, unit, year, doc)",
					  tok);
		if (s->n == RP_SELECT_MAX)
			return kz_err_set(err, KZ_EINPUT, NULL, 0, "--select: more than %d conditions",
					  RP_SELECT_MAX);
		s->key[s->n] = keys[k];
		s->val[s->n] = p + 1;
		s->n++;
	}
	return 0;
}

void rp_select_release(struct rp_select *s)
{
	free(s->buf);
	s->buf = NULL;
	s->n = 0;
}

static const char *field(const struct kz_claim *c, const char *key)
{
	if (!strcmp(key, "indicator"))
		return kz_ind_name(c->ind);
	if (!strcmp(key, "detail"))
		return c->detail;
	if (!strcmp(key, "subject"))
		return c->subject;
	if (!strcmp(key, "partner"))
		return c->partner;
	if (!strcmp(key, "unit"))
		return c->unit;
	if (!strcmp(key, "year"))
		return c->year;
	return c->doc;
}

int rp_select_keep(const struct kz_claim *c, void *arg)
{
	const struct rp_select *s = arg;

	/* every key named must match one of its values */
	for (int i = 0; i < s->n; i++) {
		int ok = 0;
		for (int j = 0; j < s->n; j++)
			if (!strcmp(s->key[j], s->key[i]) && !strcmp(field(c, s->key[j]), s->val[j]))
				ok = 1;
		if (!ok)
			return 0;
	}
	return 1;
}
