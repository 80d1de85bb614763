/* test_plots.c: number formats, nice axes, trends and chart layouts (no text box overlaps or leaves its box). */
#include "plots/plots.h"
#include "t.h"

#include <stdlib.h>

#define NB "\xc2\xa0"

static void test_fmt(void)
{
	char b[96];

	pl_fmt_num(b, sizeof b, 55300, -1, PL_DE);
	T_STREQ(b, "55.300");
	pl_fmt_num(b, sizeof b, 55300, -1, PL_EN);
	T_STREQ(b, "55,300");
	pl_fmt_num(b, sizeof b, 5000, -1, PL_DE);
	T_STREQ(b, "5.000");
	pl_fmt_num(b, sizeof b, 1234567.25, 2, PL_DE);
	T_STREQ(b, "1.234.567,25");
	pl_fmt_num(b, sizeof b, 74.5, -1, PL_DE);
	T_STREQ(b, "74,5");
	pl_fmt_num(b, sizeof b, 1.0389, -1, PL_DE);
	T_STREQ(b, "1,0389");
	pl_fmt_num(b, sizeof b, 100.0 / 3, -1, PL_DE);
	T_STREQ(b, "33,3333");
	pl_fmt_num(b, sizeof b, -1234.5, -1, PL_DE);
	T_STREQ(b, "\xe2\x88\x92" "1.234,5");
	pl_fmt_num(b, sizeof b, -0.0001, 1, PL_DE);
	T_STREQ(b, "0,0");
	pl_fmt_num(b, sizeof b, 0, -1, PL_EN);
	T_STREQ(b, "0");
	/* a third in percent is "33 %", the two digits a fraction in words holds; a stated share as stated */
	pl_fmt_value(b, sizeof b, 100.0 / 3, "percent", PL_DE);
	T_STREQ(b, "33\xc2\xa0%");
	pl_fmt_value(b, sizeof b, 200.0 / 3, "percent", PL_DE);
	T_STREQ(b, "67\xc2\xa0%");
	pl_fmt_value(b, sizeof b, 100.0 / 6, "percent", PL_EN);
	T_STREQ(b, "17%");
	pl_fmt_value(b, sizeof b, 33.33, "percent", PL_DE);
	T_STREQ(b, "33,33\xc2\xa0%");
	pl_fmt_value(b, sizeof b, 2.12, "percent", PL_DE);
	T_STREQ(b, "2,12\xc2\xa0%");
	pl_fmt_value(b, sizeof b, 5.07e12, "JPY", PL_DE);
	T_STREQ(b, "5,07" NB "Bio." NB "Yen");
	/* an amount that needs more than two decimals at its scale is written at the one below, as a
	 * German editor writes it, while that stays under ten thousand; a computed mean stays */
	pl_fmt_value(b, sizeof b, 1.0551e12, "JPY", PL_DE);
	T_STREQ(b, "1.055,1" NB "Mrd." NB "Yen");
	pl_fmt_value(b, sizeof b, 2.345e9, "EUR", PL_DE);
	T_STREQ(b, "2.345" NB "Mio." NB "Euro");
	pl_fmt_value(b, sizeof b, 12.3456e12, "KRW", PL_DE);
	T_STREQ(b, "12,3456" NB "Bio." NB "Won");
	pl_fmt_value(b, sizeof b, 1.23456789e9, "EUR", PL_DE);
	T_STREQ(b, "1,2346" NB "Mrd." NB "Euro");
	pl_fmt_stated(b, sizeof b, 1.5192e12, "KRW", 1e8, 1e12, PL_DE);
	T_STREQ(b, "1.519,2" NB "Mrd." NB "Won");
	pl_fmt_stated(b, sizeof b, 1.52e12, "KRW", 1e10, 1e12, PL_DE);
	T_STREQ(b, "1,52" NB "Bio." NB "Won");
	pl_fmt_value(b, sizeof b, 5.07e12, "JPY", PL_EN);
	T_STREQ(b, "JPY" NB "5.07" NB "tn");
	pl_fmt_value(b, sizeof b, 51.95e9, "EUR", PL_DE);
	T_STREQ(b, "51,95" NB "Mrd." NB "Euro");
	pl_fmt_value(b, sizeof b, 899e6, "USD", PL_DE);
	T_STREQ(b, "899" NB "Mio." NB "US-Dollar");
	pl_fmt_value(b, sizeof b, 74.5, "percent", PL_DE);
	T_STREQ(b, "74,5" NB "%");
	pl_fmt_value(b, sizeof b, 74.5, "percent", PL_EN);
	T_STREQ(b, "74.5%");
	pl_fmt_value(b, sizeof b, 28500, "persons", PL_DE);
	T_STREQ(b, "28.500");
	pl_fmt_value(b, sizeof b, 7.1, "points", PL_DE);
	T_STREQ(b, "7,1" NB "Prozentpunkte");
	pl_fmt_range(b, sizeof b, 52250, 57750, "persons", PL_DE);
	T_STREQ(b, "52.250\xe2\x80\x93" "57.750");
	/* people come whole: an exact count's interval is the count, never half a soldier */
	pl_fmt_range(b, sizeof b, 34893.5, 34894.5, "persons", PL_DE);
	T_STREQ(b, "34.894");
	pl_fmt_range(b, sizeof b, 26304.5, 28550, "persons", PL_DE);
	T_STREQ(b, "26.305\xe2\x80\x93" "28.550");
	pl_fmt_range(b, sizeof b, 4.115, 4.125, "percent", PL_DE);
	T_STREQ(b, "4,115\xe2\x80\x93" "4,125" NB "%");
	pl_fmt_range(b, sizeof b, 1.07e9, 1.19e9, "USD", PL_EN); /* written like "USD 1.13 bn" */
	T_STREQ(b, "USD" NB "1.07\xe2\x80\x93" "1.19" NB "bn");
	pl_fmt_range(b, sizeof b, 0.9e12, 1.2e12, "KRW", PL_DE);
	T_STREQ(b, "0,9\xe2\x80\x93" "1,2" NB "Bio. Won");
	/* a computed interval is shown to two digits of its width, rounded outwards */
	pl_fmt_range(b, sizeof b, 1.71093, 4.95581, "percent", PL_DE);
	T_STREQ(b, "1,7\xe2\x80\x93" "5,0" NB "%");
	pl_fmt_range(b, sizeof b, 1.51915e12, 1.51925e12, "KRW", PL_DE);
	T_STREQ(b, "1,5191\xe2\x80\x93" "1,5193" NB "Bio. Won");
	/* a short buffer is cut, never overrun */
	pl_fmt_value(b, 6, 5.07e12, "JPY", PL_DE);
	T_CHECK(strlen(b) == 5);
}

static int nice_step(double step)
{
	double m = pow(10, floor(log10(step))), r = step / m;
	return fabs(r - 1) < 1e-9 || fabs(r - 2) < 1e-9 || fabs(r - 2.5) < 1e-9 || fabs(r - 5) < 1e-9 ||
	       fabs(r - 10) < 1e-9;
}

static void test_axis(void)
{
	struct pl_axis a;
	int bad = 0;

	pl_axis_nice(&a, 0, 57750, 8);
	T_NEAR(a.min, 0, 1e-12);
	T_NEAR(a.max, 60000, 1e-12);
	T_NEAR(a.step, 10000, 1e-12);
	T_CHECK(a.nticks == 7);
	T_CHECK(a.decimals == 0);
	pl_axis_nice(&a, 4.115, 4.25, 6);
	T_CHECK(a.min <= 4.115 && a.max >= 4.25);
	T_CHECK(a.decimals >= 2);
	/* no step of 0,025: "51,825" reads as thousands on a German axis */
	pl_axis_nice(&a, 51.8, 52.0, 9);
	T_CHECK(a.min <= 51.8 + 1e-9 && a.max >= 52.0 - 1e-9 && a.decimals <= 2);
	pl_axis_nice(&a, 5, 5, 6); /* one value: the axis still has a span */
	T_CHECK(a.max > a.min && a.min <= 5 && a.max >= 5);
	/* the edges of double precision: the span stays finite, the ticks few and in bounds */
	pl_axis_nice(&a, -1.7e308, 1.7e308, 8);
	T_CHECK(isfinite(a.min) && isfinite(a.max) && a.max > a.min);
	T_CHECK(a.nticks >= 2 && a.nticks <= 8);
	pl_axis_nice(&a, 1e308, 1e308, 8);
	T_CHECK(isfinite(a.max) && a.nticks >= 1 && a.nticks <= PL_MAXTICKS);
	/* property: for many ranges, ticks cover the data, steps are nice, no more ticks than asked */
	srand(1);
	for (int i = 0; i < 5000; i++) {
		double lo = (rand() / (double)RAND_MAX - 0.3) * pow(10, rand() % 13 - 2);
		double hi = lo + rand() / (double)RAND_MAX * pow(10, rand() % 13 - 2);
		int maxt = 3 + rand() % 8;
		if (hi - lo < 1e-6 * fabs(lo))
			continue; /* below what a double can tick */
		pl_axis_nice(&a, lo, hi, maxt);
		if (a.min > lo + 1e-9 * a.step || a.max < hi - 1e-9 * a.step || a.nticks > maxt ||
		    a.nticks < 2 || !nice_step(a.step))
			bad++;
		for (int k = 1; k < a.nticks; k++)
			if (fabs(a.ticks[k] - a.ticks[k - 1] - a.step) > 1e-6 * a.step)
				bad++;
	}
	T_CHECK(bad == 0);
	T_NEAR(pl_axis_pos(&a, a.min, 10, 110), 10, 1e-12);
	T_NEAR(pl_axis_pos(&a, a.max, 10, 110), 110, 1e-12);
	/* years: whole years, evenly apart in years — 2008–2025 on eight ticks was 2,5 years a step,
	 * labelled 2008, 2010, 2013, 2015 */
	for (int maxt = 3; maxt <= 9; maxt++) {
		pl_axis_years(&a, 2008, 2025, maxt);
		T_CHECK(a.min <= 2008 && a.max >= 2025 && a.nticks <= maxt);
		T_CHECK(a.step == 1 || a.step == 2 || a.step == 5 || a.step == 10 || a.step == 20);
		for (int k = 0; k < a.nticks; k++)
			T_CHECK(a.ticks[k] == round(a.ticks[k]));
	}
	pl_axis_years(&a, 2020, 2022, 9); /* never half a year */
	T_CHECK(a.step >= 1 && a.ticks[0] == round(a.ticks[0]));
	pl_axis_years(&a, 1950, 2025, 6);
	T_CHECK(a.step == 20 && a.min == 1940 && a.max == 2040);
}

static void test_trend(void)
{
	struct pl_chart c;
	double a, b;

	pl_chart_init(&c, PL_SERIES, "t", "percent");
	T_CHECK(pl_chart_trend(&c, &a, &b) == -1);
	pl_chart_add(&c, "s", "", 2018, 26.8, 26.8, 26.8, 0);
	pl_chart_add(&c, "s", "", 2021, 25, 25, 27.5, 0);
	pl_chart_add(&c, "s", "", 2023, 19.7, 19.7, 19.7, 0);
	T_CHECK(pl_chart_trend(&c, &a, &b) == -1); /* no trend unless the caller asks for one */
	pl_chart_set_trend(&c, 2018, 2023);
	T_CHECK(pl_chart_trend(&c, &a, &b) == 0);
	T_CHECK(b < 0); /* China's share of Korean exports falls */
	T_NEAR(a + b * (2018 + 2021 + 2023) / 3.0, (26.8 + 25 + 19.7) / 3, 1e-9);
	/* a point outside the trend's range is drawn but not fitted */
	pl_chart_add(&c, "s", "", 1953, 300, 300, 450, 0);
	{
		double a2, b2;
		T_CHECK(pl_chart_trend(&c, &a2, &b2) == 0);
		T_NEAR(a2, a, 1e-9);
		T_NEAR(b2, b, 1e-9);
	}
	/* fewer than three distinct years in the range: no trend */
	pl_chart_set_trend(&c, 2021, 2023);
	T_CHECK(pl_chart_trend(&c, &a, &b) == -1);
	pl_chart_add(&c, "t", "", 2023, 20.1, 20.1, 20.1, 0);
	T_CHECK(pl_chart_trend(&c, &a, &b) == -1);
	T_CHECK(pl_chart_series(&c, "x") == 0 && pl_chart_series(&c, "y") == 1 && pl_chart_series(&c, "x") == 0);
	pl_chart_release(&c);
}

/* Text boxes of a layout dump: none overlaps another, none leaves (x0, y0, x1, y1). */
static int check_boxes(const char *dump, double x0, double y0, double x1, double y1, int *nbox)
{
	double bx[512][4];
	int n = 0, bad = 0;
	const char *p = dump;

	while (p && *p) {
		if (*p == 'T' && n < 512 &&
		    sscanf(p, "T %lf %lf %lf %lf", &bx[n][0], &bx[n][1], &bx[n][2], &bx[n][3]) == 4)
			n++;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	for (int i = 0; i < n; i++) {
		if (bx[i][0] < x0 - 0.5 || bx[i][1] < y0 - 0.5 || bx[i][0] + bx[i][2] > x1 + 0.5 ||
		    bx[i][1] + bx[i][3] > y1 + 0.5) {
			fprintf(stderr, "box %d leaves the chart: %.1f %.1f %.1f %.1f\n", i, bx[i][0], bx[i][1], bx[i][2], bx[i][3]);
			bad++;
		}
		for (int j = 0; j < i; j++) {
			double ox = fmin(bx[i][0] + bx[i][2], bx[j][0] + bx[j][2]) - fmax(bx[i][0], bx[j][0]);
			double oy = fmin(bx[i][1] + bx[i][3], bx[j][1] + bx[j][3]) - fmax(bx[i][1], bx[j][1]);
			if (ox > 0.5 && oy > 0.5) {
				fprintf(stderr, "boxes %d and %d overlap\n", j, i);
				bad++;
			}
		}
	}
	*nbox = n;
	return bad;
}

static void draw_and_check(struct pl_chart *ch, double w, const char *must)
{
	cairo_surface_t *s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
	cairo_t *cr = cairo_create(s);
	struct kz_buf dump = KZ_BUF_INIT;
	struct pl_ctx c;
	double h;
	int n = 0;

	pl_ctx_init(&c, cr, PL_DE, &dump);
	h = pl_chart_height(&c, ch, w);
	T_CHECK(h > 40 && h < 1000);
	pl_chart_draw(&c, ch, 20, 30, w, h);
	if (getenv("T_DUMP"))
		fputs(dump.s, stderr);
	T_CHECK(check_boxes(dump.s, 20, 30, 20 + w, 30 + h, &n) == 0);
	T_CHECK(n > (int)ch->n); /* every row or point has its label, plus ticks and legend */
	T_CHECK(dump.s && strstr(dump.s, must) != NULL);
	pl_ctx_release(&c);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	kz_buf_release(&dump);
}

/* Whether the drawing of ch holds the text needle. */
static int draw_has(struct pl_chart *ch, double w, const char *needle)
{
	cairo_surface_t *s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
	cairo_t *cr = cairo_create(s);
	struct kz_buf dump = KZ_BUF_INIT;
	struct pl_ctx c;
	int has;

	pl_ctx_init(&c, cr, PL_DE, &dump);
	pl_chart_draw(&c, ch, 20, 30, w, pl_chart_height(&c, ch, w));
	has = dump.s && strstr(dump.s, needle) != NULL;
	pl_ctx_release(&c);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	kz_buf_release(&dump);
	return has;
}

static void test_charts(void)
{
	struct pl_chart c;
	char note[64];

	/* dots: one row per source, long labels cut, a conflict */
	pl_chart_init(&c, PL_DOTS, "US-Truppen in Südkorea, 2024", "persons");
	pl_chart_set_subtitle(&c, "5 Angaben aus 4 Quellen · Konsens 28.500");
	c.has_band = 1;
	c.band_lo = 28000;
	c.band_hi = 29000;
	c.band_value = 28500;
	pl_chart_add(&c, "[1] Bericht über möglichen US-Teilabzug sorgt in Seoul für Unruhe, ein sehr langer Titel", "28.500 US-Soldaten", 2025, 28500, 28450, 28550, 0);
	pl_chart_add(&c, "[2] Analyse: Wer zahlt für die Sicherheit?", "gut 23.000 aktive Soldaten", 2024, 23000, 23000, 25300, PL_F_CONFLICT);
	pl_chart_add(&c, "[3] Pressemitteilung", "rund 28.500", 2024, 28500, 27075, 29925, 0);
	pl_chart_add(&c, "[4] SWP", "circa 31 050 Soldaten", 2020, 31050, 29497, 32602, PL_F_OUTLIER);
	draw_and_check(&c, 483, "Konsens-Intervall");
	draw_and_check(&c, 300, "im Konflikt"); /* narrow: legend wraps, ticks thin out */
	pl_chart_release(&c);

	/* bars: countries, one with a conflict */
	pl_chart_init(&c, PL_BARS, "US-Truppen im Ländervergleich", "persons");
	pl_chart_add(&c, "Japan (2024)", "52.852 · 2 Q.", 2024, 52852, 52800, 55000, 0);
	pl_chart_add(&c, "Südkorea (2025)", "28.500 · 5 Q.", 2025, 28500, 28450, 28550, PL_F_CONFLICT);
	pl_chart_add(&c, "Deutschland (2024)", "34.894 · 3 Q.", 2024, 34894, 34850, 35000, 0);
	draw_and_check(&c, 483, "Südkorea (2025)");
	pl_chart_release(&c);

	/* money bars get a scale word on the axis */
	pl_chart_init(&c, PL_BARS, "Verteidigungshaushalt", "JPY");
	pl_chart_add(&c, "2020", "", 2020, 5.07e12, 5.065e12, 5.075e12, 0);
	pl_chart_add(&c, "2023", "", 2023, 6.8e12, 6.75e12, 6.85e12, 0);
	draw_and_check(&c, 483, "Bio. Yen");
	pl_chart_release(&c);

	/* series: years on the x axis without grouping, trend in the legend */
	pl_chart_init(&c, PL_SERIES, "Exportanteil Südkorea → China im Zeitverlauf", "percent");
	for (int y = 2013; y <= 2024; y++) {
		struct pl_point *p;
		snprintf(note, sizeof note, "[%d] Quelle", y % 3 + 1);
		p = pl_chart_add(&c, note, "", y, 20 + (y % 5), 19 + (y % 5), 21 + (y % 5), 0);
		p->series = pl_chart_series(&c, note);
	}
	draw_and_check(&c, 483, "|2016");
	T_CHECK(!draw_has(&c, 483, "linearer Trend")); /* none asked for */
	pl_chart_set_trend(&c, 2013, 2024);
	draw_and_check(&c, 483, "linearer Trend");
	draw_and_check(&c, 483, "|2016");
	pl_chart_release(&c);

	/* a series over 2008–2025: whole-year ticks evenly apart, never 2008, 2010, 2013, 2015 … */
	pl_chart_init(&c, PL_SERIES, "US-Truppen in Südkorea im Zeitverlauf", "persons");
	{
		static const int yrs[] = {2008, 2009, 2020, 2021, 2024, 2025};
		for (size_t k = 0; k < sizeof yrs / sizeof yrs[0]; k++) {
			struct pl_point *p = pl_chart_add(&c, "[1] Quelle", "", yrs[k], 28500, 28450, 28550, 0);
			p->series = pl_chart_series(&c, "[1] Quelle");
		}
	}
	draw_and_check(&c, 483, "|2010");
	T_CHECK(!draw_has(&c, 483, "|2013\n") && !draw_has(&c, 483, "|2023\n"));
	pl_chart_release(&c);
}

int main(void)
{
	test_fmt();
	test_axis();
	test_trend();
	test_charts();
	return t_done("test_plots");
}
