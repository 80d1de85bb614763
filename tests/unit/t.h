/* t.h: a tiny unit-test harness; each tests/unit/test_*.c is a program ending in "N passed, N failed". */
#ifndef KZ_T_H
#define KZ_T_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int t_pass, t_fail;

#define T_CHECK(cond)                                                                   \
	do {                                                                            \
		if (cond) {                                                             \
			t_pass++;                                                       \
		} else {                                                                \
			t_fail++;                                                       \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		}                                                                       \
	} while (0)

#define T_STREQ(a, b)                                                                        \
	do {                                                                                 \
		const char *t_a = (a), *t_b = (b);                                           \
		if (t_a && t_b && !strcmp(t_a, t_b)) {                                       \
			t_pass++;                                                            \
		} else {                                                                     \
			t_fail++;                                                            \
			fprintf(stderr, "%s:%d: \"%s\" != \"%s\" (%s)\n", __FILE__, __LINE__, \
				t_a ? t_a : "(null)", t_b ? t_b : "(null)", #a);             \
		}                                                                            \
	} while (0)

#define T_NEAR(a, b, eps)                                                                   \
	do {                                                                                \
		double t_x = (a), t_y = (b);                                                \
		if (fabs(t_x - t_y) <= (eps) * (fabs(t_y) > 1 ? fabs(t_y) : 1)) {            \
			t_pass++;                                                           \
		} else {                                                                    \
			t_fail++;                                                           \
			fprintf(stderr, "%s:%d: %.17g != %.17g (%s)\n", __FILE__, __LINE__, t_x, \
				t_y, #a);                                                   \
		}                                                                           \
	} while (0)

/* Print the closing line and return the exit status for main(). */
static inline int t_done(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, t_pass, t_fail);
	return t_fail ? 1 : 0;
}

#endif
