/* axis.c: axes with "nice" tick values (1, 2, 2.5, 5 times a power of ten). */
#include "plots.h"

#include <math.h>

/* The axis over [lo, hi] with the smallest step of steps[0..nsteps) times a power of ten, at least
 * minstep (0: none), whose ticks are at most maxticks. */
static void axis_steps(struct pl_axis *a, double lo, double hi, int maxticks, const double *steps,
		       int nsteps, double minstep)
{
	double span, mag, step = 1, t;
	int i, n;

	if (maxticks < 3)
		maxticks = 3; /* a range across zero needs three */
	if (maxticks > PL_MAXTICKS)
		maxticks = PL_MAXTICKS;
	if (!isfinite(lo) || !isfinite(hi)) {
		lo = 0;
		hi = 1;
	}
	/* keep the span finite: -1e308 to 1e308 would overflow it (such an axis is labelled, not exact) */
	lo = fmin(fmax(lo, -PL_AXIS_LIMIT), PL_AXIS_LIMIT);
	hi = fmin(fmax(hi, -PL_AXIS_LIMIT), PL_AXIS_LIMIT);
	if (lo > hi) {
		t = lo;
		lo = hi;
		hi = t;
	}
	if (hi - lo < 1e-12 * fmax(1, fabs(hi))) {
		/* a single value: give it some room */
		double pad = fabs(hi) > 0 ? fabs(hi) * 0.1 : 1;
		lo -= pad;
		hi += pad;
	}
	span = hi - lo;
	mag = pow(10, floor(log10(span / (maxticks - 1))));
	if (minstep > 0 && mag < minstep)
		mag = minstep;
	/* the smallest nice step whose ticks around [lo, hi] are few enough */
	for (i = 0;; i++) {
		double k0, k1;
		step = steps[i % nsteps] * mag * pow(10, i / nsteps);
		/* no 0,025: three decimals after a comma read as thousands in German ("51,825") */
		if (steps[i % nsteps] == 2.5 && step < 0.1 && i <= 10 * nsteps)
			continue;
		k0 = floor(lo / step);
		k1 = ceil(hi / step);
		if (lo - (k0 + 1) * step >= -1e-9 * step)
			k0++; /* lo sits on a tick */
		if ((k1 - 1) * step - hi >= -1e-9 * step)
			k1--;
		if (k1 - k0 + 1 <= maxticks || i > 10 * nsteps) {
			a->min = k0 * step;
			a->max = k1 * step;
			break;
		}
	}
	a->step = step;
	t = floor((a->max - a->min) / step + 0.5) + 1;
	n = isfinite(t) && t >= 1 ? (t < PL_MAXTICKS ? (int)t : PL_MAXTICKS) : 1;
	a->nticks = n;
	for (i = 0; i < n; i++) {
		t = a->min + i * step;
		if (fabs(t) < step * 1e-9)
			t = 0;
		a->ticks[i] = t;
	}
	a->max = a->ticks[n - 1];
	/* decimals a tick label needs: those of the step */
	a->decimals = 0;
	for (t = step; a->decimals < 6 && fabs(t - round(t)) > 1e-9 * fmax(1, fabs(t)); t *= 10)
		a->decimals++;
}

double pl_axis_pos(const struct pl_axis *a, double v, double x0, double x1)
{
	if (a->max == a->min)
		return (x0 + x1) / 2;
	return x0 + (v - a->min) / (a->max - a->min) * (x1 - x0);
}

void pl_axis_nice(struct pl_axis *a, double lo, double hi, int maxticks)
{
	static const double steps[] = {1, 2, 2.5, 5};

	axis_steps(a, lo, hi, maxticks, steps, 4, 0);
}

void pl_axis_years(struct pl_axis *a, double lo, double hi, int maxticks)
{
	/* no 2.5: ticks 2,5 years apart would be labelled 2008, 2010, 2013, 2015 — unevenly */
	static const double steps[] = {1, 2, 5};

	axis_steps(a, lo, hi, maxticks, steps, 3, 1);
}
