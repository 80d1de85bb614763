/* util.c: allocation wrappers, buffers, arenas, errors and numbers (files are in files.c). */
#include "core.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void oom(size_t n)
{
	fprintf(stderr, "kennzahl: out of memory (%zu bytes)\n", n);
	abort();
}

void *kz_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

void *kz_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom(n * size);
	return p;
}

void *kz_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom(n);
	return q;
}

char *kz_xstrndup(const char *s, size_t n)
{
	char *d = kz_xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *kz_xstrdup(const char *s)
{
	return kz_xstrndup(s, strlen(s));
}

void kz_grow(void **v, size_t *alloc, size_t need, size_t sz)
{
	size_t n;

	if (need <= *alloc)
		return;
	n = *alloc ? *alloc : 8;
	while (n < need) {
		if (n > SIZE_MAX / 2 / sz)
			oom(need * sz);
		n *= 2;
	}
	*v = kz_xrealloc(*v, n * sz);
	*alloc = n;
}

int kz_err_set(struct kz_err *err, int code, const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	err->code = code;
	err->line = line;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return code;
}

/* Where this thread's diagnostics go: stderr, or the buffer of kz_diag_capture. */
static _Thread_local struct kz_buf *diag_sink;

struct kz_buf *kz_diag_capture(struct kz_buf *b)
{
	struct kz_buf *old = diag_sink;
	diag_sink = b;
	return old;
}

void kz_diag_puts(const char *s)
{
	if (!s)
		return;
	if (diag_sink)
		kz_buf_adds(diag_sink, s);
	else
		fputs(s, stderr);
}

static void diag_vprintf(const char *fmt, va_list ap)
{
	if (diag_sink) {
		char tmp[2048];
		vsnprintf(tmp, sizeof tmp, fmt, ap);
		kz_buf_adds(diag_sink, tmp);
	} else {
		vfprintf(stderr, fmt, ap);
	}
}

static void diag_printf(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;
static void diag_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vprintf(fmt, ap);
	va_end(ap);
}

void kz_err_print(const struct kz_err *err)
{
	if (err->file[0] && err->line > 0)
		diag_printf("kennzahl: %s:%ld: %s\n", err->file, err->line, err->msg);
	else if (err->file[0])
		diag_printf("kennzahl: %s: %s\n", err->file, err->msg);
	else
		diag_printf("kennzahl: %s\n", err->msg);
}

void kz_warn(const char *fmt, ...)
{
	va_list ap;

	diag_printf("kennzahl: ");
	va_start(ap, fmt);
	diag_vprintf(fmt, ap);
	va_end(ap);
	diag_printf("\n");
}

/* --- buffers --- */

void kz_buf_init(struct kz_buf *b, size_t max)
{
	b->s = NULL;
	b->len = b->alloc = 0;
	b->max = max;
}

void kz_buf_release(struct kz_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->alloc = 0;
}

void kz_buf_reset(struct kz_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

int kz_buf_add(struct kz_buf *b, const void *p, size_t n)
{
	if (b->max && (n > b->max || b->len > b->max - n))
		return -1;
	KZ_GROW(b->s, b->alloc, b->len + n + 1);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

int kz_buf_addf(struct kz_buf *b, const char *fmt, ...)
{
	char tmp[256], *big;
	va_list ap;
	int n, r;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if ((size_t)n < sizeof(tmp))
		return kz_buf_add(b, tmp, (size_t)n);
	big = kz_xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	r = kz_buf_add(b, big, (size_t)n);
	free(big);
	return r;
}

char *kz_buf_detach(struct kz_buf *b, size_t *len)
{
	char *s;

	if (!b->s)
		kz_buf_add(b, "", 0);
	s = b->s;
	if (len)
		*len = b->len;
	b->s = NULL;
	b->len = b->alloc = 0;
	return s;
}

/* --- arena --- */

struct kz_arena_block {
	struct kz_arena_block *next;
	size_t used, size;
	char data[];
};

#define ARENA_BLOCK (64 * 1024)

void kz_arena_init(struct kz_arena *a)
{
	a->head = NULL;
}

void kz_arena_release(struct kz_arena *a)
{
	struct kz_arena_block *b = a->head, *next;

	for (; b; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}

void kz_arena_adopt(struct kz_arena *a, struct kz_arena *from)
{
	struct kz_arena_block *tail = from->head;

	if (!tail)
		return;
	while (tail->next)
		tail = tail->next;
	/* behind a's current block, which goes on taking copies */
	if (a->head) {
		tail->next = a->head->next;
		a->head->next = from->head;
	} else {
		a->head = from->head;
	}
	from->head = NULL;
}

const char *kz_arena_strndup(struct kz_arena *a, const char *s, size_t n)
{
	struct kz_arena_block *b = a->head;
	char *d;

	if (!b || b->size - b->used < n + 1) {
		size_t size = n + 1 > ARENA_BLOCK ? n + 1 : ARENA_BLOCK;
		b = kz_xmalloc(sizeof(*b) + size);
		b->size = size;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	d = b->data + b->used;
	if (n)
		memcpy(d, s, n);
	d[n] = '\0';
	b->used += n + 1;
	return d;
}

const char *kz_arena_strdup(struct kz_arena *a, const char *s)
{
	return kz_arena_strndup(a, s ? s : "", s ? strlen(s) : 0);
}

/* --- numbers --- */

/* The decimal digits of u, written backwards ending at end; returns their start. */
static char *digits_back(char *end, unsigned long long u)
{
	do {
		*--end = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	return end;
}

/* What snprintf(dst, n, "%s", …) writes of the len bytes at s: as many as fit, NUL-terminated. */
static void put_digits(char *dst, size_t n, const char *s, size_t len)
{
	if (n == 0)
		return;
	if (len > n - 1)
		len = n - 1;
	memcpy(dst, s, len);
	dst[len] = '\0';
}

void kz_fmt_double(char *dst, size_t n, double v, char decimal)
{
	char *p;
	int prec;

	if (isnan(v)) {
		snprintf(dst, n, "%s", "");
		return;
	}
	if (v == 0)
		v = 0; /* no "-0" */
	if (fabs(v) < 1e18 && v == floor(v)) {
		/* an integer below 1e18 is exact as an unsigned long long: its digits are what
		 * "%.0f" prints */
		char tmp[32], *q = digits_back(tmp + sizeof(tmp), (unsigned long long)fabs(v));
		if (v < 0)
			*--q = '-';
		put_digits(dst, n, q, (size_t)(tmp + sizeof(tmp) - q));
		return;
	}
	/* Fast path: a value with at most six decimals (74.5, 18.525, 0.9) is printed from
	 * integers, without the costly shortest-round-trip search below. */
	{
		double scale = 1;
		for (int k = 1; k <= 6 && fabs(v) < 1e12; k++) {
			double x;
			scale *= 10;
			x = v * scale;
			if (fabs(x - nearbyint(x)) <= 1e-13 * fabs(x)) {
				long long ix = llround(fabs(x)), ip = ix / (long long)scale, fp = ix % (long long)scale;
				/* as "%s%lld%c%0*lld" prints it (at most 26 bytes) */
				char tmp[32], *end = tmp + sizeof(tmp), *q = digits_back(end, (unsigned long long)fp);
				while (end - q < k)
					*--q = '0';
				*--q = decimal;
				q = digits_back(q, (unsigned long long)ip);
				if (v < 0)
					*--q = '-';
				put_digits(dst, n, q, (size_t)(end - q));
				/* drop trailing zeros of the fraction */
				{
					size_t len = strlen(dst);
					while (len > 0 && dst[len - 1] == '0')
						dst[--len] = '\0';
					if (len > 0 && dst[len - 1] == decimal)
						dst[--len] = '\0';
				}
				return;
			}
		}
	}
	/* Shortest precision that reads back to v, capped at 15 digits so that
	 * 1/3 prints as 33.3333333333333 and not with binary noise. Sought by halving: a
	 * precision that reads back makes every greater one read back (the correctly rounded
	 * decimal of more digits is at least as near to v) — when dst holds every such form
	 * whole ("%.15g" of a double is at most 22 bytes); a cut one is sought in order. */
	if (n < 32) {
		for (prec = 6; prec < 15; prec++) {
			snprintf(dst, n, "%.*g", prec, v);
			if (strtod(dst, NULL) == v)
				break;
		}
		if (prec == 15)
			snprintf(dst, n, "%.15g", v);
	} else {
		int lo = 6, hi = 15, held = 14; /* the answer lies in [lo, hi]; 15: none below reads back */
		/* what comes here has many digits, mostly a fraction that never ends (a third of 100
		 * is 33.3333333333333): 14 first, which settles those at once */
		snprintf(dst, n, "%.*g", 14, v);
		if (strtod(dst, NULL) == v)
			hi = 14;
		else
			lo = 15;
		while (lo < hi) {
			prec = lo + (hi - lo) / 2;
			snprintf(dst, n, "%.*g", prec, v);
			held = prec;
			if (strtod(dst, NULL) == v)
				hi = prec;
			else
				lo = prec + 1;
		}
		if (held != lo)
			snprintf(dst, n, "%.*g", lo, v);
	}
	if (decimal != '.')
		for (p = dst; *p; p++)
			if (*p == '.')
				*p = decimal;
}

int kz_fmt_huge(char *dst, size_t n, double v, char decimal)
{
	static const char *const sup[10] = {"\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
					    "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
	char m[32], e[32], *p, *x;
	size_t k;

	if (isnan(v)) {
		snprintf(dst, n, "%s", "\u2013");
		return 1;
	}
	if (isinf(v)) {
		snprintf(dst, n, "%s", v < 0 ? "\u2212\u221e" : "\u221e");
		return 1;
	}
	if (fabs(v) < KZ_HUGE)
		return 0;
	snprintf(m, sizeof(m), "%.2e", fabs(v)); /* "1.23e+18" */
	x = strchr(m, 'e');
	*x = '\0';
	/* drop trailing zeros of the mantissa: 1.20 -> 1.2, 1.00 -> 1 */
	for (p = m + strlen(m) - 1; p > m && *p == '0'; p--)
		*p = '\0';
	if (*p == '.')
		*p = '\0';
	if ((p = strchr(m, '.')) != NULL)
		*p = decimal;
	e[0] = '\0';
	for (p = x + 1; *p; p++) {
		k = strlen(e);
		if (*p == '-')
			snprintf(e + k, sizeof(e) - k, "%s", "\u207b");
		else if (*p >= '0' && *p <= '9' && !(*p == '0' && (k == 0 || !strcmp(e, "\u207b"))))
			snprintf(e + k, sizeof(e) - k, "%s", sup[*p - '0']);
	}
	snprintf(dst, n, "%s%s\u00b710%s", v < 0 ? "\u2212" : "", !strcmp(m, "1") ? "" : m, e);
	if (!strcmp(m, "1")) /* 10¹⁸, not 1·10¹⁸ */
		snprintf(dst, n, "%s10%s", v < 0 ? "\u2212" : "", e);
	return 1;
}

/*
 * The common form of a number, [+-]digits[(.|,)digits] with no exponent, read without strtod when
 * its digits make an integer m below 2^53 and it has at most 22 decimals: m and 10^decimals are
 * then exact doubles, so m / 10^decimals, rounded once by the division, is the correctly rounded
 * value strtod gives. 1 when it read s, 0 when s is for strtod.
 */
static int plain_decimal(const char *s, size_t n, double *out)
{
	static const double p10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
				     1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
	const char *p = s, *end = s + n;
	uint64_t m = 0;
	int neg = 0, digits = 0, decimals = -1;
	double v;

	if (p < end && (*p == '-' || *p == '+'))
		neg = *p++ == '-';
	for (; p < end; p++) {
		if (*p >= '0' && *p <= '9') {
			m = m * 10 + (uint64_t)(*p - '0');
			if (m >= (UINT64_C(1) << 53))
				return 0;
			digits++;
			if (decimals >= 0)
				decimals++;
		} else if ((*p == '.' || *p == ',') && decimals < 0) {
			decimals = 0;
		} else {
			return 0;
		}
	}
	if (!digits || decimals > 22)
		return 0;
	v = (double)m;
	if (decimals > 0)
		v /= p10[decimals];
	*out = neg ? -v : v;
	return 1;
}

int kz_parse_double(const char *s, double *out)
{
	char tmp[64], *end;
	size_t i, n = strlen(s);
	int seen_dec = 0;

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	if (n == 0 || n >= sizeof(tmp))
		return KZ_NUM_SYNTAX;
	if (plain_decimal(s, n, out))
		return kz_num_ok(*out) ? 0 : KZ_NUM_RANGE;
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (c == ',' || c == '.') {
			if (seen_dec++)
				return KZ_NUM_SYNTAX;
			c = '.';
		} else if (!(c >= '0' && c <= '9') && c != '-' && c != '+' && c != 'e' && c != 'E') {
			return KZ_NUM_SYNTAX;
		}
		tmp[i] = c;
	}
	tmp[n] = '\0';
	errno = 0;
	*out = strtod(tmp, &end);
	if (*end || end == tmp)
		return KZ_NUM_SYNTAX;
	return errno != ERANGE && kz_num_ok(*out) ? 0 : KZ_NUM_RANGE;
}

int kz_num_ok(double v)
{
	double a = fabs(v);
	return isfinite(v) && (a == 0 || (a >= 1 / KZ_NUM_MAX && a <= KZ_NUM_MAX));
}

const char *kz_num_strerror(int rc)
{
	return rc == KZ_NUM_RANGE ? "out of range (a magnitude of at most 1e40, at least 1e-40)"
				  : "not a number";
}

/* GCC says __SANITIZE_ADDRESS__; clang says __has_feature(address_sanitizer) (libFuzzer builds). */
#if defined(__SANITIZE_ADDRESS__)
#define KZ_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KZ_ASAN 1
#endif
#endif

#ifdef KZ_ASAN
/*
 * In every program of kennzahl's (the binary, tests, tools): fontconfig keeps its configuration and font caches in globals for the
 * life of the process (Pango never releases them); LeakSanitizer would count
 * them as leaks at exit. Only allocations made inside libfontconfig are
 * suppressed; our own leaks are still reported.
 */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
	return "print_suppressions=0";
}
#endif
