/* chart.c: the chart model — points, series, consensus band and trend — apart from drawing. */
#include "plots.h"

#include <stdlib.h>
#include <string.h>

void pl_chart_init(struct pl_chart *c, enum pl_kind kind, const char *title, const char *unit)
{
	memset(c, 0, sizeof *c);
	c->kind = kind;
	kz_arena_init(&c->arena);
	c->title = kz_arena_strdup(&c->arena, title ? title : "");
	c->subtitle = "";
	c->source = "";
	c->unit = kz_arena_strdup(&c->arena, unit ? unit : "");
}

void pl_chart_release(struct pl_chart *c)
{
	free(c->v);
	free(c->series);
	kz_arena_release(&c->arena);
	memset(c, 0, sizeof *c);
}

void pl_chart_set_subtitle(struct pl_chart *c, const char *s)
{
	c->subtitle = kz_arena_strdup(&c->arena, s ? s : "");
}

void pl_chart_set_source(struct pl_chart *c, const char *s)
{
	c->source = kz_arena_strdup(&c->arena, s ? s : "");
}

struct pl_point *pl_chart_add(struct pl_chart *c, const char *label, const char *note, double x,
			      double value, double low, double high, int flags)
{
	struct pl_point *p;

	KZ_GROW(c->v, c->alloc, c->n + 1);
	p = &c->v[c->n++];
	p->label = kz_arena_strdup(&c->arena, label ? label : "");
	p->note = kz_arena_strdup(&c->arena, note ? note : "");
	p->x = x;
	p->value = value;
	p->low = low <= value ? low : value;
	p->high = high >= value ? high : value;
	p->series = 0;
	p->flags = flags;
	return p;
}

int pl_chart_series(struct pl_chart *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nseries; i++)
		if (!strcmp(c->series[i], name))
			return (int)i;
	KZ_GROW(c->series, c->series_alloc, c->nseries + 1);
	c->series[c->nseries] = kz_arena_strdup(&c->arena, name);
	return (int)c->nseries++;
}

void pl_chart_set_trend(struct pl_chart *c, double x0, double x1)
{
	c->has_trend = 1;
	c->trend_x0 = x0 < x1 ? x0 : x1;
	c->trend_x1 = x0 < x1 ? x1 : x0;
}

static int in_trend(const struct pl_chart *c, const struct pl_point *p)
{
	return p->x >= c->trend_x0 && p->x <= c->trend_x1;
}

int pl_chart_trend(const struct pl_chart *c, double *a, double *b)
{
	double sx = 0, sy = 0, sxx = 0, sxy = 0, n = 0, d, seen[PL_TREND_MIN];
	size_t i, j, distinct = 0;

	if (!c->has_trend)
		return -1;
	for (i = 0; i < c->n; i++) {
		if (!in_trend(c, &c->v[i]))
			continue;
		/* PL_TREND_MIN distinct x are enough to know */
		for (j = 0; j < distinct && seen[j] != c->v[i].x; j++)
			;
		if (j == distinct && distinct < PL_TREND_MIN)
			seen[distinct++] = c->v[i].x;
		sx += c->v[i].x;
		sy += c->v[i].value;
		n++;
	}
	if (distinct < PL_TREND_MIN)
		return -1;
	sx /= n;
	sy /= n;
	for (i = 0; i < c->n; i++) {
		double dx = c->v[i].x - sx;
		if (!in_trend(c, &c->v[i]))
			continue;
		sxx += dx * dx;
		sxy += dx * (c->v[i].value - sy);
	}
	if (sxx <= 0)
		return -1;
	d = sxy / sxx;
	*b = d;
	*a = sy - d * sx;
	return 0;
}
