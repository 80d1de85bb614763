/* rates.c: reference exchange rates (data/fx.tsv or --rates FILE): parsing and look-up. */
#include "stats_int.h"

#include "core/data.h"

#include <stdlib.h>
#include <string.h>

void st_rates_init(struct st_rates *r)
{
	r->v = NULL;
	r->n = r->alloc = 0;
	r->source = NULL;
}

void st_rates_release(struct st_rates *r)
{
	free(r->v);
	free(r->source);
	st_rates_init(r);
}

#define MAXCOLS 32

/* Split line [s, e) at tabs into cols (NUL-terminated copies in buf). */
static size_t split_tabs(const char *s, const char *e, char *buf, size_t bufn, char **cols)
{
	size_t n = 0, len = (size_t)(e - s);

	if (len >= bufn)
		len = bufn - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (len && buf[len - 1] == '\r')
		buf[--len] = '\0';
	cols[n++] = buf;
	for (char *p = buf; *p && n < MAXCOLS; p++)
		if (*p == '\t') {
			*p = '\0';
			cols[n++] = p + 1;
		}
	return n;
}

/* "2020" -> 2020*100, "2024-01" -> 2024*100 + 1; -1 when malformed. */
static int parse_period(const char *s)
{
	int y = 0, m = 0, i;

	for (i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		y = y * 10 + (s[i] - '0');
	}
	if (s[4] == '\0')
		return y * 100;
	if (s[4] != '-' || s[5] < '0' || s[5] > '9' || s[6] < '0' || s[6] > '9' || s[7])
		return -1;
	m = (s[5] - '0') * 10 + (s[6] - '0');
	if (m < 1 || m > 12)
		return -1;
	return y * 100 + m;
}

int st_rates_parse(struct st_rates *r, const char *data, size_t len, const char *path,
		   struct kz_err *err)
{
	const char *p = data, *end = data + len;
	char buf[1024], hdrbuf[1024], *cols[MAXCOLS], *hdr[MAXCOLS];
	size_t nhdr = 0;
	long line = 0;

	while (p < end) {
		const char *e = memchr(p, '\n', (size_t)(end - p));
		size_t n;
		if (!e)
			e = end;
		line++;
		if (p == e || *p == '\r') {
			p = e + 1;
			continue;
		}
		if (*p == '#') {
			const char *q = p + 1;
			while (q < e && *q == ' ')
				q++;
			if (!r->source && (size_t)(e - q) > 7 && !strncmp(q, "source:", 7)) {
				q += 7;
				while (q < e && *q == ' ')
					q++;
				r->source = kz_xstrndup(q, (size_t)(e - q));
			}
			p = e + 1;
			continue;
		}
		if (!nhdr) {
			nhdr = split_tabs(p, e, hdrbuf, sizeof(hdrbuf), hdr);
			if (strcmp(hdr[0], "year") || nhdr < 2)
				return kz_err_set(err, KZ_EINPUT, path, line,
						  "rates: expected a header 'year<TAB>EUR<TAB>...'");
			for (size_t i = 1; i < nhdr; i++)
				if (strlen(hdr[i]) != 3)
					return kz_err_set(err, KZ_EINPUT, path, line,
							  "rates: '%s' is not a currency code", hdr[i]);
			p = e + 1;
			continue;
		}
		n = split_tabs(p, e, buf, sizeof(buf), cols);
		int per = parse_period(cols[0]);
		if (per < 0)
			return kz_err_set(err, KZ_EINPUT, path, line, "rates: '%s' is not a year (YYYY or YYYY-MM)",
					  cols[0]);
		if (n > nhdr)
			return kz_err_set(err, KZ_EINPUT, path, line, "rates: more cells than columns");
		for (size_t i = 1; i < n; i++) {
			double v;
			struct st_rate *rt;
			if (!cols[i][0])
				continue;
			int rc = kz_parse_double(cols[i], &v);
			if (rc == KZ_NUM_RANGE)
				return kz_err_set(err, KZ_EINPUT, path, line, "rates: rate '%s' is %s", cols[i],
						  kz_num_strerror(rc));
			if (rc || !(v > 0))
				return kz_err_set(err, KZ_EINPUT, path, line, "rates: bad rate '%s'", cols[i]);
			KZ_GROW(r->v, r->alloc, r->n + 1);
			rt = &r->v[r->n++];
			memcpy(rt->cur, hdr[i], 4);
			rt->year = per; /* YYYY00 or YYYYMM */
			rt->per_usd = (!strcmp(hdr[i], "EUR") || !strcmp(hdr[i], "GBP")) ? 1.0 / v : v;
		}
		p = e + 1;
	}
	if (!nhdr)
		return kz_err_set(err, KZ_EINPUT, path, 0, "rates: no header line");
	/* st_rate.year holds the period: YYYY for annual rows, YYYY*100+MM for monthly ones */
	for (size_t i = 0; i < r->n; i++)
		r->v[i].year = r->v[i].year % 100 ? r->v[i].year : r->v[i].year / 100;
	return 0;
}

int st_rates_read(struct st_rates *r, const char *path, struct kz_err *err)
{
	char *data;
	size_t len;
	int rc = kz_read_file(path, 1 << 20, &data, &len, err);

	if (rc)
		return rc;
	rc = st_rates_parse(r, data, len, path, err);
	free(data);
	return rc;
}

int st_rates_builtin(struct st_rates *r, struct kz_err *err)
{
	const struct kz_blob *b = kz_data_find("fx.tsv");

	if (!b)
		return kz_err_set(err, KZ_EINPUT, "fx.tsv", 0, "rates: no built-in rates");
	return st_rates_parse(r, b->data, b->len, "fx.tsv", err);
}

/* year: YYYY for the annual average, YYYY*100+MM for a month. */
int st_rates_get(const struct st_rates *r, const char *cur, int year, double *per_usd)
{
	if (!strcmp(cur, "USD")) {
		*per_usd = 1;
		return 0;
	}
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].year == year && !strcmp(r->v[i].cur, cur)) {
			*per_usd = r->v[i].per_usd;
			return 0;
		}
	return -1;
}

double st_usd_per(const struct st_rates *fx, const char *cur, int year)
{
	double per;

	if (!fx || st_rates_get(fx, cur, year, &per))
		return 0;
	return 1.0 / per;
}
