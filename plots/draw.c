/* draw.c: drawing the chart kinds (dots with intervals, bars, time series) into a box. */
#include "plots.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define F_TITLE "DejaVu Sans Bold 9"
#define F_SUB "DejaVu Sans 7.5"
#define F_LABEL "DejaVu Sans 7.5"
#define F_TICK "DejaVu Sans 6.5"
#define F_SRC "DejaVu Sans 6"
#define F_LEGEND "DejaVu Sans 7"

#define ROW 12.0     /* height of one row of a dots or bars chart */
#define GAP 6.0      /* between columns */
#define SERIES_H 130 /* plot height of a time series */

static const unsigned palette[] = {0x2f6db5, 0xd9822b, 0x3a9a5b, 0x8e5ea2,
				   0x7f7f7f, 0xb8a532, 0x2bb3c0, 0xc0392b};
#define NPAL (sizeof palette / sizeof palette[0])

/* ---- texts shared by the kinds ---- */

static const char *word(const struct pl_ctx *c, const char *de, const char *en)
{
	return c->lang == PL_DE ? de : en;
}

static double header(struct pl_ctx *c, const struct pl_chart *ch, double x, double y, double w,
		     int draw)
{
	double h = 0, tw, th;

	if (*ch->title) {
		if (draw) {
			pl_set_rgb(c, PL_C_INK);
			h += pl_text(c, x, y, w, F_TITLE, 0, PL_LEFT, 2, ch->title);
		} else {
			pl_text_size(c, F_TITLE, ch->title, 0, w, &tw, &th);
			h += th > 2 * 12 ? 2 * 12 : th;
		}
	}
	if (*ch->subtitle) {
		if (draw) {
			pl_set_rgb(c, PL_C_MUTED);
			h += pl_text(c, x, y + h, w, F_SUB, 0, PL_LEFT, 2, ch->subtitle);
		} else {
			pl_text_size(c, F_SUB, ch->subtitle, 0, w, &tw, &th);
			h += th > 2 * 10 ? 2 * 10 : th;
		}
	}
	return h + 4;
}

/* ---- axes ---- */

static void tick_label(const struct pl_ctx *c, char *dst, size_t n, const struct pl_axis *a,
		       double v, double div, int years)
{
	if (years)
		snprintf(dst, n, "%d", (int)lround(v));
	else
		pl_fmt_num(dst, n, v / div, a->decimals > 0 ? a->decimals : 0, c->lang);
}

/* The axis with the most ticks whose labels fit side by side in len points. */
static void fit_axis(struct pl_ctx *c, struct pl_axis *a, double lo, double hi, double len,
		     double div, int years)
{
	char buf[64];
	double tw, th, widest;
	int maxt;

	for (maxt = 9; maxt >= 3; maxt--) {
		if (years)
			pl_axis_years(a, lo / div, hi / div, maxt);
		else
			pl_axis_nice(a, lo / div, hi / div, maxt);
		a->min *= div;
		a->max *= div;
		a->step *= div;
		for (int i = 0; i < a->nticks; i++)
			a->ticks[i] *= div;
		if (years && a->step < 1 - 1e-9)
			continue;
		widest = 0;
		for (int i = 0; i < a->nticks; i++) {
			tick_label(c, buf, sizeof buf, a, a->ticks[i], div, years);
			pl_text_size(c, F_TICK, buf, 0, 0, &tw, &th);
			if (tw > widest)
				widest = tw;
		}
		if (a->nticks < 2 || len / (a->nticks - 1) >= widest + 6)
			return;
	}
}

/* Tick labels below a horizontal axis from x0 to x1 at y; labels stay inside [bx0, bx1]. */
static double draw_xticks(struct pl_ctx *c, const struct pl_axis *a, double x0, double x1,
			  double y, double div, int years, double bx0, double bx1, double gy0, double dy)
{
	char buf[64];
	double tw, th = 0, px, lx;

	for (int i = 0; i < a->nticks; i++) {
		px = pl_axis_pos(a, a->ticks[i], x0, x1);
		/* grid line */
		pl_set_rgb(c, PL_C_GRID);
		cairo_set_line_width(c->cr, 0.5);
		cairo_move_to(c->cr, px, gy0);
		cairo_line_to(c->cr, px, y);
		cairo_stroke(c->cr);
		tick_label(c, buf, sizeof buf, a, a->ticks[i], div, years);
		pl_text_size(c, F_TICK, buf, 0, 0, &tw, &th);
		lx = px - tw / 2;
		if (lx < bx0)
			lx = bx0;
		if (lx + tw > bx1)
			lx = bx1 - tw;
		pl_set_rgb(c, PL_C_MUTED);
		pl_text(c, lx, y + dy, 0, F_TICK, 0, PL_LEFT, 0, buf);
	}
	/* base line */
	pl_set_rgb(c, PL_C_MUTED);
	cairo_set_line_width(c->cr, 0.6);
	cairo_move_to(c->cr, x0, y);
	cairo_line_to(c->cr, x1, y);
	cairo_stroke(c->cr);
	return th + dy;
}

/* ---- legend ---- */

enum sym { S_DOT, S_BAR, S_BAND, S_LINE, S_DASH };
struct item {
	enum sym sym;
	unsigned rgb;
	const char *text;
};

static void symbol(struct pl_ctx *c, enum sym s, unsigned rgb, double x, double cy)
{
	cairo_t *cr = c->cr;

	cairo_new_path(cr);
	pl_set_rgb(c, rgb);
	switch (s) {
	case S_DOT:
		cairo_arc(cr, x + 5, cy, 2.8, 0, 2 * M_PI);
		cairo_fill(cr);
		break;
	case S_BAR:
		cairo_rectangle(cr, x, cy - 3, 10, 6);
		cairo_fill(cr);
		break;
	case S_BAND:
		cairo_rectangle(cr, x, cy - 4, 10, 8);
		cairo_fill(cr);
		break;
	case S_LINE:
		cairo_set_line_width(cr, 2);
		cairo_move_to(cr, x, cy);
		cairo_line_to(cr, x + 10, cy);
		cairo_stroke(cr);
		break;
	case S_DASH: {
		double d[] = {2.5, 1.5};
		cairo_set_line_width(cr, 1.2);
		cairo_set_dash(cr, d, 2, 0);
		cairo_move_to(cr, x, cy);
		cairo_line_to(cr, x + 10, cy);
		cairo_stroke(cr);
		cairo_set_dash(cr, NULL, 0, 0);
		break;
	}
	}
}

/* Items flow left to right and wrap; returns the height used. */
static double legend(struct pl_ctx *c, const struct item *it, size_t n, double x, double y,
		     double w, int draw)
{
	double cx = x, cy = y, tw, th, lh = 10, iw;

	for (size_t i = 0; i < n; i++) {
		pl_text_size(c, F_LEGEND, it[i].text, 0, 0, &tw, &th);
		if (tw > w - 14)
			tw = w - 14;
		iw = 14 + tw + 10;
		if (cx > x && cx + iw > x + w) {
			cx = x;
			cy += lh;
		}
		if (draw) {
			symbol(c, it[i].sym, it[i].rgb, cx, cy + th / 2);
			pl_set_rgb(c, PL_C_INK);
			pl_text(c, cx + 14, cy, tw + 1, F_LEGEND, 0, PL_LEFT, 1, it[i].text);
		}
		cx += iw;
	}
	return cy - y + lh;
}

/* ---- rows (dots and bars) ---- */

struct rows {
	double labw, notew, x0, x1; /* label column, note column, plot span */
	double head, axis, leg;
	struct pl_axis ax;
	double div;
	char unit[64];
};

static size_t row_items(const struct pl_ctx *c, const struct pl_chart *ch, struct item *it)
{
	size_t n = 0;
	int conflict = 0, outlier = 0;

	for (size_t i = 0; i < ch->n; i++) {
		conflict |= ch->v[i].flags & PL_F_CONFLICT;
		outlier |= ch->v[i].flags & PL_F_OUTLIER;
	}
	if (ch->kind == PL_DOTS) {
		it[n++] = (struct item){S_DOT, PL_C_POINT, word(c, "Angabe", "stated value")};
		it[n++] = (struct item){S_LINE, 0x9bb8dc, word(c, "Spielraum der Formulierung", "range the wording allows")};
		if (ch->has_band)
			it[n++] = (struct item){S_BAND, PL_C_BAND, isfinite(ch->band_value) ? word(c, "Konsens-Intervall", "consensus interval") : word(c, "Spanne der Angaben", "span of the figures")};
		if (conflict)
			it[n++] = (struct item){S_DOT, PL_C_CONFLICT, word(c, "im Konflikt", "in conflict")};
		if (outlier)
			it[n++] = (struct item){S_DOT, PL_C_OUTLIER, word(c, "Ausreißer", "outlier")};
	} else {
		it[n++] = (struct item){S_BAR, PL_C_POINT, word(c, "Konsens", "consensus")};
		it[n++] = (struct item){S_LINE, PL_C_INK, word(c, "Intervall", "interval")};
		if (conflict)
			it[n++] = (struct item){S_BAR, PL_C_CONFLICT, word(c, "mit Konflikt", "with conflict")};
	}
	return n;
}

static void rows_layout(struct pl_ctx *c, const struct pl_chart *ch, double w, struct rows *r)
{
	double lo = INFINITY, hi = -INFINITY, tw, th;
	struct item it[8];
	size_t ni;

	r->labw = r->notew = 0;
	for (size_t i = 0; i < ch->n; i++) {
		const struct pl_point *p = &ch->v[i];
		pl_text_size(c, F_LABEL, p->label, 0, 0, &tw, &th);
		if (tw > r->labw)
			r->labw = tw;
		pl_text_size(c, F_LABEL, p->note, 0, 0, &tw, &th);
		if (tw > r->notew)
			r->notew = tw;
		if (isfinite(p->low) && p->low < lo)
			lo = p->low;
		if (isfinite(p->high) && p->high > hi)
			hi = p->high;
	}
	if (ch->has_band) {
		lo = fmin(lo, ch->band_lo);
		hi = fmax(hi, ch->band_hi);
	}
	if (ch->kind == PL_BARS) {
		if (lo > 0)
			lo = 0;
		if (hi < 0)
			hi = 0;
	}
	if (!isfinite(lo) || !isfinite(hi)) {
		lo = 0;
		hi = 1;
	}
	if (r->labw > w * 0.30)
		r->labw = w * 0.30;
	if (r->notew > w * 0.28)
		r->notew = w * 0.28;
	r->x0 = r->labw + GAP;
	r->x1 = w - (r->notew > 0 ? r->notew + GAP : 4);
	pl_unit_scale(fmax(fabs(lo), fabs(hi)), ch->unit, c->lang, &r->div, r->unit, sizeof r->unit);
	fit_axis(c, &r->ax, lo, hi, r->x1 - r->x0, r->div, 0);
	r->head = header(c, ch, 0, 0, w, 0);
	pl_text_size(c, F_TICK, "0", 0, 0, &tw, &th);
	r->axis = 2 + th + 1 + th + 4; /* tick labels, unit line */
	ni = row_items(c, ch, it);
	r->leg = legend(c, it, ni, 0, 0, w, 0);
}

static void draw_rows(struct pl_ctx *c, const struct pl_chart *ch, double x, double y, double w)
{
	struct rows r;
	struct item it[8];
	cairo_t *cr = c->cr;
	double top, ybase, x0, x1, tw, th;
	size_t ni;

	rows_layout(c, ch, w, &r);
	header(c, ch, x, y, w, 1);
	top = y + r.head;
	x0 = x + r.x0;
	x1 = x + r.x1;
	ybase = top + ch->n * ROW + 2;
	if (ch->has_band) {
		double b0 = pl_axis_pos(&r.ax, ch->band_lo, x0, x1);
		double b1 = pl_axis_pos(&r.ax, ch->band_hi, x0, x1);
		if (b1 - b0 < 1.5) {
			b0 -= 0.75;
			b1 += 0.75;
		}
		pl_set_rgb(c, PL_C_BAND);
		cairo_rectangle(cr, b0, top, b1 - b0, ybase - top);
		cairo_fill(cr);
	}
	draw_xticks(c, &r.ax, x0, x1, ybase, r.div, 0, x, x + w, top, 2);
	if (ch->has_band && isfinite(ch->band_value)) { /* a disputed fact has no estimate */
		double bx = pl_axis_pos(&r.ax, ch->band_value, x0, x1);
		pl_set_rgb(c, PL_C_ACCENT);
		cairo_set_line_width(cr, 0.8);
		cairo_move_to(cr, bx, top);
		cairo_line_to(cr, bx, ybase);
		cairo_stroke(cr);
	}
	for (size_t i = 0; i < ch->n; i++) {
		const struct pl_point *p = &ch->v[i];
		double cy = top + i * ROW + ROW / 2;
		double pl = pl_axis_pos(&r.ax, p->low, x0, x1);
		double ph = pl_axis_pos(&r.ax, p->high, x0, x1);
		double pv = pl_axis_pos(&r.ax, p->value, x0, x1);
		unsigned col = p->flags & PL_F_CONFLICT  ? PL_C_CONFLICT
			       : p->flags & PL_F_OUTLIER ? PL_C_OUTLIER
							 : PL_C_POINT;

		pl_text_size(c, F_LABEL, "Ag", 0, 0, &tw, &th);
		pl_set_rgb(c, PL_C_INK);
		pl_text(c, x, cy - th / 2, r.labw, F_LABEL, 0, PL_RIGHT, 1, p->label);
		if (*p->note) {
			pl_set_rgb(c, p->flags & PL_F_CONFLICT ? PL_C_CONFLICT : PL_C_MUTED);
			pl_text(c, x1 + GAP, cy - th / 2, r.notew, F_LABEL, 0, PL_LEFT, 1, p->note);
		}
		if (ch->kind == PL_BARS) {
			double z = pl_axis_pos(&r.ax, 0 > r.ax.min ? 0 : r.ax.min, x0, x1);
			/* a disputed fact has no value: its range alone, no bar */
			if (isfinite(p->value)) {
				pl_set_rgb(c, col == PL_C_POINT ? PL_C_POINT : col);
				cairo_rectangle(cr, fmin(z, pv), cy - 3.5, fabs(pv - z), 7);
				cairo_fill(cr);
			}
			if (ph - pl > 1) {
				pl_set_rgb(c, PL_C_INK);
				cairo_set_line_width(cr, 0.8);
				cairo_move_to(cr, pl, cy);
				cairo_line_to(cr, ph, cy);
				cairo_move_to(cr, pl, cy - 2.5);
				cairo_line_to(cr, pl, cy + 2.5);
				cairo_move_to(cr, ph, cy - 2.5);
				cairo_line_to(cr, ph, cy + 2.5);
				cairo_stroke(cr);
			}
		} else {
			pl_set_rgb(c, col == PL_C_POINT ? 0x9bb8dc : col);
			cairo_set_line_width(cr, 2.2);
			cairo_move_to(cr, pl, cy);
			cairo_line_to(cr, fmax(ph, pl + 0.5), cy);
			cairo_stroke(cr);
			if (isfinite(p->value)) {
				pl_set_rgb(c, col);
				cairo_arc(cr, pv, cy, 2.8, 0, 2 * M_PI);
				cairo_fill(cr);
			}
		}
	}
	pl_text_size(c, F_TICK, "0", 0, 0, &tw, &th);
	pl_set_rgb(c, PL_C_MUTED);
	pl_text(c, x0, ybase + 2 + th + 1, x1 - x0, F_TICK, 0, PL_CENTER, 1, r.unit);
	ni = row_items(c, ch, it);
	legend(c, it, ni, x, ybase + r.axis, w, 1);
}

/* ---- time series ---- */

struct ser {
	struct pl_axis xa, ya;
	double div, ylabw, head, leg;
	char unit[64];
};

static size_t ser_items(const struct pl_ctx *c, const struct pl_chart *ch, struct item *it,
			size_t max)
{
	size_t n = 0;
	double a, b;

	for (size_t i = 0; i < ch->nseries && n + 1 < max; i++)
		it[n++] = (struct item){S_DOT, palette[i % NPAL], ch->series[i]};
	if (pl_chart_trend(ch, &a, &b) == 0)
		it[n++] = (struct item){S_DASH, PL_C_INK, word(c, "linearer Trend", "linear trend")};
	return n;
}

static void ser_layout(struct pl_ctx *c, const struct pl_chart *ch, double w, struct ser *s)
{
	double xlo = INFINITY, xhi = -INFINITY, lo = INFINITY, hi = -INFINITY, tw, th;
	char buf[64];
	struct item it[16];
	size_t ni;

	for (size_t i = 0; i < ch->n; i++) {
		xlo = fmin(xlo, ch->v[i].x);
		xhi = fmax(xhi, ch->v[i].x);
		lo = fmin(lo, ch->v[i].low);
		hi = fmax(hi, ch->v[i].high);
	}
	{
		/* the trend line's ends stay inside the plot, not clipped at its floor */
		double a, b;
		if (isfinite(lo) && pl_chart_trend(ch, &a, &b) == 0) {
			lo = fmin(lo, fmin(a + b * ch->trend_x0, a + b * ch->trend_x1));
			hi = fmax(hi, fmax(a + b * ch->trend_x0, a + b * ch->trend_x1));
		}
	}
	if (!isfinite(lo)) {
		lo = 0;
		hi = 1;
		xlo = 2000;
		xhi = 2001;
	}
	if (xhi - xlo < 2) {
		xlo -= 1;
		xhi += 1;
	}
	pl_unit_scale(fmax(fabs(lo), fabs(hi)), ch->unit, c->lang, &s->div, s->unit, sizeof s->unit);
	/* a y axis that starts at zero unless the values sit far from it */
	if (lo > 0 && lo < hi * 0.6)
		lo = 0;
	pl_text_size(c, F_TICK, "0", 0, 0, &tw, &th);
	fit_axis(c, &s->ya, lo, hi, SERIES_H * 1.6, s->div, 0);
	s->ylabw = 0;
	for (int i = 0; i < s->ya.nticks; i++) {
		tick_label(c, buf, sizeof buf, &s->ya, s->ya.ticks[i], s->div, 0);
		pl_text_size(c, F_TICK, buf, 0, 0, &tw, &th);
		s->ylabw = fmax(s->ylabw, tw);
	}
	fit_axis(c, &s->xa, xlo, xhi, w - s->ylabw - GAP - 8, 1, 1);
	s->head = header(c, ch, 0, 0, w, 0);
	ni = ser_items(c, ch, it, 16);
	s->leg = legend(c, it, ni, 0, 0, w, 0);
}

static void draw_series(struct pl_ctx *c, const struct pl_chart *ch, double x, double y, double w)
{
	struct ser s;
	struct item it[16];
	cairo_t *cr = c->cr;
	char buf[64];
	double top, x0, x1, y0, y1, tw, th, a, b;
	size_t ni;

	ser_layout(c, ch, w, &s);
	header(c, ch, x, y, w, 1);
	pl_text_size(c, F_TICK, "0", 0, 0, &tw, &th);
	pl_set_rgb(c, PL_C_MUTED);
	pl_text(c, x, y + s.head, w, F_TICK, 0, PL_LEFT, 1, s.unit);
	top = y + s.head + th + 4;
	x0 = x + s.ylabw + GAP;
	x1 = x + w - 8;
	y0 = top + SERIES_H; /* bottom */
	y1 = top;
	for (int i = 0; i < s.ya.nticks; i++) {
		double py = pl_axis_pos(&s.ya, s.ya.ticks[i], y0, y1);
		pl_set_rgb(c, PL_C_GRID);
		cairo_set_line_width(cr, 0.5);
		cairo_move_to(cr, x0, py);
		cairo_line_to(cr, x1, py);
		cairo_stroke(cr);
		tick_label(c, buf, sizeof buf, &s.ya, s.ya.ticks[i], s.div, 0);
		pl_text_size(c, F_TICK, buf, 0, 0, &tw, &th);
		pl_set_rgb(c, PL_C_MUTED);
		pl_text(c, x0 - GAP - tw, py - th / 2, 0, F_TICK, 0, PL_LEFT, 0, buf);
	}
	draw_xticks(c, &s.xa, x0, x1, y0, 1, 1, x, x + w, y1, th / 2 + 1);
	if (pl_chart_trend(ch, &a, &b) == 0) {
		double d[] = {3, 2};
		double xa = ch->trend_x0, xb = ch->trend_x1; /* between the figures fitted, no further */
		cairo_save(cr);
		cairo_rectangle(cr, x0, y1, x1 - x0, y0 - y1);
		cairo_clip(cr);
		pl_set_rgb(c, PL_C_INK);
		cairo_set_line_width(cr, 1);
		cairo_set_dash(cr, d, 2, 0);
		cairo_move_to(cr, pl_axis_pos(&s.xa, xa, x0, x1), pl_axis_pos(&s.ya, a + b * xa, y0, y1));
		cairo_line_to(cr, pl_axis_pos(&s.xa, xb, x0, x1), pl_axis_pos(&s.ya, a + b * xb, y0, y1));
		cairo_stroke(cr);
		cairo_restore(cr);
	}
	for (size_t i = 0; i < ch->n; i++) {
		const struct pl_point *p = &ch->v[i];
		double px = pl_axis_pos(&s.xa, p->x, x0, x1);
		double pv = pl_axis_pos(&s.ya, p->value, y0, y1);
		unsigned col = palette[(size_t)p->series % NPAL];
		/* points of one year and one value from several sources side by side, not on top of
		 * one another: each earlier one of another series at the same spot moves it 4 points on */
		{
			int same = 0;
			for (size_t j = 0; j < i; j++)
				if (ch->v[j].series != p->series && ch->v[j].x == p->x &&
				    fabs(pl_axis_pos(&s.ya, ch->v[j].value, y0, y1) - pv) < 3)
					same++;
			px += 4.0 * same;
		}
		if (fabs(p->high - p->low) > 0) {
			pl_set_rgb(c, col);
			cairo_set_line_width(cr, 1);
			cairo_move_to(cr, px, pl_axis_pos(&s.ya, p->low, y0, y1));
			cairo_line_to(cr, px, pl_axis_pos(&s.ya, p->high, y0, y1));
			cairo_stroke(cr);
		}
		pl_set_rgb(c, col);
		cairo_arc(cr, px, pv, 2.8, 0, 2 * M_PI);
		cairo_fill(cr);
		if (p->flags & (PL_F_CONFLICT | PL_F_OUTLIER)) {
			pl_set_rgb(c, p->flags & PL_F_CONFLICT ? PL_C_CONFLICT : PL_C_OUTLIER);
			cairo_set_line_width(cr, 1);
			cairo_arc(cr, px, pv, 4.5, 0, 2 * M_PI);
			cairo_stroke(cr);
		}
	}
	ni = ser_items(c, ch, it, 16);
	legend(c, it, ni, x, y0 + th / 2 + 1 + th + 6, w, 1);
}

/* The source line's height: at most three lines of F_SRC, and a gap above it. */
#define SRC_LINES 3
static double source_height(struct pl_ctx *c, const struct pl_chart *ch, double w)
{
	double tw, th, line;

	if (!ch->source || !*ch->source)
		return 0;
	pl_text_size(c, F_SRC, "Ag", 0, 0, &tw, &line);
	pl_text_size(c, F_SRC, ch->source, 0, w, &tw, &th);
	return 4 + (th > SRC_LINES * line ? SRC_LINES * line : th);
}

static double body_height(struct pl_ctx *c, const struct pl_chart *ch, double w)
{
	if (ch->kind == PL_SERIES) {
		struct ser s;
		double tw, th;
		ser_layout(c, ch, w, &s);
		pl_text_size(c, F_TICK, "0", 0, 0, &tw, &th);
		return s.head + th + 4 + SERIES_H + th / 2 + 1 + th + 6 + s.leg;
	} else {
		struct rows r;
		rows_layout(c, ch, w, &r);
		return r.head + ch->n * ROW + 2 + r.axis + r.leg;
	}
}

double pl_chart_height(struct pl_ctx *c, const struct pl_chart *ch, double w)
{
	return body_height(c, ch, w) + source_height(c, ch, w);
}

void pl_chart_draw(struct pl_ctx *c, const struct pl_chart *ch, double x, double y, double w,
		   double h)
{
	if (c->dump)
		kz_buf_addf(c->dump, "C %.1f %.1f %.1f %.1f %s|%s\n", x, y, w, h,
			    ch->kind == PL_DOTS ? "dots" : ch->kind == PL_BARS ? "bars" : "series",
			    ch->title);
	cairo_save(c->cr);
	cairo_rectangle(c->cr, x, y, w, h);
	cairo_clip(c->cr);
	if (ch->kind == PL_SERIES)
		draw_series(c, ch, x, y, w);
	else
		draw_rows(c, ch, x, y, w);
	if (ch->source && *ch->source) {
		/* under the chart, wrapped: a chart taken out of the sheet still says where it is from */
		double sh = source_height(c, ch, w), by = body_height(c, ch, w);
		pl_set_rgb(c, PL_C_MUTED);
		pl_text(c, x, y + (by + sh <= h ? by : h - sh) + 4, w, F_SRC, 0, PL_LEFT, SRC_LINES, ch->source);
	}
	cairo_restore(c->cr);
}
