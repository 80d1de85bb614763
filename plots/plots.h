/* plots.h: chart models (series, axes with nice ticks, labels) and their drawing with Cairo + Pango. */
#ifndef PL_PLOTS_H
#define PL_PLOTS_H

#include "core/core.h"

#include <cairo.h>
#include <pango/pangocairo.h>

/* Output language of numbers and fixed words. */
enum pl_lang { PL_DE, PL_EN };

/*
 * Number formatting without the locale. pl_fmt_num groups thousands
 * ("55.300" in German, "55,300" in English) and writes decimals digits after
 * the decimal sign (decimals < 0: as many as needed, at most 4, trailing zeros
 * dropped). pl_fmt_value adds the unit and scale words the way a reader
 * expects them: "74,5 %", "5,07 Bio. Yen", "28.500"; in English "74.5%",
 * "JPY 5.07 tn". Both always NUL-terminate dst.
 */
void pl_fmt_num(char *dst, size_t n, double v, int decimals, enum pl_lang lang);
void pl_fmt_value(char *dst, size_t n, double v, const char *unit, enum pl_lang lang);
/*
 * v written to the precision a quote states it: step is the place of its last digit as written
 * (0.1 for "40,0 Prozent", 1e4 for "1,28 Mio.", 1e8 for "1.519,2 Mrd."), scale the scale word
 * the quote writes for a count (1e6 for "Mio.", 0 for none). "40,0 %", "1,28 Mio.", "51,95 Mrd.
 * Euro"; in English "40.0%", "1.28 million". Money takes the scale word of its amount, as in
 * pl_fmt_value. step <= 0 (precision unknown): pl_fmt_value.
 */
void pl_fmt_stated(char *dst, size_t n, double v, const char *unit, double step, double scale,
		   enum pl_lang lang);
/* "low–high" with the unit once at the end ("52.250–57.750", "4,1–4,2 %"). */
void pl_fmt_range(char *dst, size_t n, double lo, double hi, const char *unit, enum pl_lang lang);
/*
 * The scale used for an axis of values up to maxabs in unit: the divisor and
 * the unit text shown in the axis title ("Mrd. Yen", "%", "Personen").
 */
void pl_unit_scale(double maxabs, const char *unit, enum pl_lang lang, double *div, char *label,
		   size_t n);

/*
 * An axis with "nice" ticks (steps of 1, 2, 2.5 or 5 times a power of ten)
 * covering [lo, hi] with at most maxticks ticks (at least 3 are allowed). min/max are the first and
 * last tick; decimals is what a tick label needs.
 */
#define PL_MAXTICKS 12
/* the largest magnitude an axis spans: twice it stays finite */
#define PL_AXIS_LIMIT 1e307
struct pl_axis {
	double min, max, step;
	double ticks[PL_MAXTICKS];
	int nticks, decimals;
};
void pl_axis_nice(struct pl_axis *a, double lo, double hi, int maxticks);
/* The same for an axis of years: whole years only, steps of 1, 2 or 5 times a power of ten (1, 2,
 * 5, 10, 20, 50 … years), so every tick is a year and the ticks are evenly spaced in years. */
void pl_axis_years(struct pl_axis *a, double lo, double hi, int maxticks);
/* Position of v on an axis drawn from x0 to x1. */
double pl_axis_pos(const struct pl_axis *a, double v, double x0, double x1);

/* Chart kinds. */
enum pl_kind {
	PL_DOTS,  /* one row per claim: interval bar, point, consensus band */
	PL_BARS,  /* one horizontal bar per category, with an interval whisker */
	PL_SERIES /* points over years per source, with a fitted linear trend */
};

/* Point flags: how a point is marked. */
enum { PL_F_CONFLICT = 1, PL_F_OUTLIER = 2 };

/* One data point; label and note point into the chart's arena. */
struct pl_point {
	const char *label; /* row or category label; series name for PL_SERIES */
	const char *note;  /* text printed right of the row (value as quoted), may be "" */
	double x;          /* year for PL_SERIES */
	double value, low, high;
	int series;        /* PL_SERIES: index into series names */
	int flags;
};

/*
 * The chart model: kind, texts, points, an optional consensus band; it owns
 * its points and strings (pl_chart_release frees them). Nothing here draws.
 */
struct pl_chart {
	enum pl_kind kind;
	const char *title, *subtitle, *unit;
	const char *source; /* the source line under the chart ("Quellen: [1] Yonhap, 12.03.2025; …"), "" for none */
	struct pl_point *v;
	size_t n, alloc;
	int has_band;
	double band_lo, band_hi, band_value;
	int has_trend;              /* PL_SERIES: fit a line over the points with x in [trend_x0, trend_x1] */
	double trend_x0, trend_x1;  /* and draw it there only: never beyond the figures it is fitted to */
	const char **series;
	size_t nseries, series_alloc;
	struct kz_arena arena;
};

void pl_chart_init(struct pl_chart *c, enum pl_kind kind, const char *title, const char *unit);
void pl_chart_release(struct pl_chart *c);
void pl_chart_set_subtitle(struct pl_chart *c, const char *s);
/* The source line drawn under the chart, wrapped to at most three lines (copied). */
void pl_chart_set_source(struct pl_chart *c, const char *s);
/* Append a point (label and note copied). Returns it. */
struct pl_point *pl_chart_add(struct pl_chart *c, const char *label, const char *note, double x,
			      double value, double low, double high, int flags);
/* Index of the series called name, added when new. */
int pl_chart_series(struct pl_chart *c, const char *name);
/* Ask for a trend over the points with x0 <= x <= x1 (the caller decides which figures may share a
 * line; a chart has none unless asked). */
void pl_chart_set_trend(struct pl_chart *c, double x0, double x1);
/* Least-squares line through the points (x, value) in the trend's range: returns 0 and sets a, b
 * for y = a + b x; -1 when no trend was asked for or the range holds fewer than PL_TREND_MIN
 * distinct x. */
#define PL_TREND_MIN 3
int pl_chart_trend(const struct pl_chart *c, double *a, double *b);

/*
 * The drawing context: the cairo_t to draw into (not owned), a Pango layout
 * made for it (owned) and the language. When dump is non-NULL every text box
 * drawn is appended to it as a line "T x y w h font|text" (points, one
 * decimal) and every chart frame as "C x y w h kind|title", for golden layout
 * tests and overlap checks.
 */
struct pl_ctx {
	cairo_t *cr;
	PangoLayout *layout;
	enum pl_lang lang;
	struct kz_buf *dump;
	char font[64]; /* the font description last set on layout */
};

void pl_ctx_init(struct pl_ctx *c, cairo_t *cr, enum pl_lang lang, struct kz_buf *dump);
void pl_ctx_release(struct pl_ctx *c);

/* Text alignment inside the width given to pl_text. */
enum pl_align { PL_LEFT, PL_CENTER, PL_RIGHT };

/*
 * Measure text in font ("DejaVu Sans 9") wrapped at width w (w <= 0: one line,
 * no wrap); markup is Pango markup when non-zero. Sets *tw and *th (points).
 */
void pl_text_size(struct pl_ctx *c, const char *font, const char *text, int markup, double w,
		  double *tw, double *th);
/*
 * Draw text with its top-left at (x, y), wrapped at w when w > 0 and aligned in
 * it; maxlines > 0 ellipsizes after that many lines. Returns the height used.
 */
double pl_text(struct pl_ctx *c, double x, double y, double w, const char *font, int markup,
	       enum pl_align align, int maxlines, const char *text);
/* Height pl_text would use for the same arguments, without drawing. */
double pl_text_height(struct pl_ctx *c, double w, const char *font, int markup, int maxlines,
		      const char *text);
void pl_set_rgb(struct pl_ctx *c, unsigned rgb);

/* The colours of the house style (0xRRGGBB). */
#define PL_C_INK 0x1d2733u
#define PL_C_MUTED 0x5b6670u
#define PL_C_ACCENT 0x1f4e79u
#define PL_C_POINT 0x2f6db5u
#define PL_C_BAND 0xd6e4f2u
#define PL_C_GRID 0xe3e6e9u
#define PL_C_CONFLICT 0xc0392bu
#define PL_C_OUTLIER 0xd9822bu

/* The height a chart wants at width w (its rows decide for PL_DOTS and PL_BARS). */
double pl_chart_height(struct pl_ctx *c, const struct pl_chart *ch, double w);
/* Draw ch into the box (x, y, w, h): title, axes, labels, legend; nothing leaves the box. */
void pl_chart_draw(struct pl_ctx *c, const struct pl_chart *ch, double x, double y, double w,
		   double h);

#endif
