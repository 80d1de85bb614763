/* test_core.c: unit tests of core — numbers, buffers, the claims table's CSV in both dialects, atomic output. */
#include "core/claims.h"
#include "core/corrections.h"
#include "core/data.h"
#include "t.h"

#include <sys/stat.h>
#include <stdlib.h>
#include <unistd.h>

static void test_numbers(void)
{
	char b[64];
	double v;

	kz_fmt_double(b, sizeof(b), 55300, '.');
	T_STREQ(b, "55300");
	kz_fmt_double(b, sizeof(b), 5.07e12, '.');
	T_STREQ(b, "5070000000000");
	kz_fmt_double(b, sizeof(b), 74.5, ',');
	T_STREQ(b, "74,5");
	kz_fmt_double(b, sizeof(b), 100.0 / 3, '.');
	T_STREQ(b, "33.3333333333333");
	kz_fmt_double(b, sizeof(b), -0.0, '.');
	T_STREQ(b, "0");
	kz_fmt_double(b, sizeof(b), -12.05, ',');
	T_STREQ(b, "-12,05");
	kz_fmt_double(b, 4, 123456, '.');
	T_STREQ(b, "123"); /* cut to the buffer as snprintf cuts */
	{
		/* the digit paths print integers as "%.0f" does and six decimals as "%lld.%0*lld" */
		static const double ints[] = {1, 9, 10, -1, -99, 1e15, 9007199254740993.0, 9.99e17, -4.2e17};
		static const double decs[] = {0.5, -0.25, 1.05, 18.525, 1e11 + 0.5, -7.000001, 0.000001};
		char want[64];
		int ok = 1;
		for (size_t i = 0; i < sizeof(ints) / sizeof(ints[0]); i++) {
			kz_fmt_double(b, sizeof(b), ints[i], '.');
			snprintf(want, sizeof(want), "%.0f", ints[i]);
			ok &= !strcmp(b, want);
		}
		T_CHECK(ok);
		kz_fmt_double(b, sizeof(b), decs[0], '.');
		T_STREQ(b, "0.5");
		kz_fmt_double(b, sizeof(b), decs[1], '.');
		T_STREQ(b, "-0.25");
		kz_fmt_double(b, sizeof(b), decs[2], '.');
		T_STREQ(b, "1.05");
		kz_fmt_double(b, sizeof(b), decs[3], '.');
		T_STREQ(b, "18.525");
		kz_fmt_double(b, sizeof(b), decs[4], '.');
		T_STREQ(b, "100000000000.5");
		kz_fmt_double(b, sizeof(b), decs[5], '.');
		T_STREQ(b, "-7.000001");
		kz_fmt_double(b, sizeof(b), decs[6], '.');
		T_STREQ(b, "0.000001");
	}
	T_CHECK(kz_parse_double("19,5", &v) == 0 && v == 19.5);
	T_CHECK(kz_parse_double("19.5", &v) == 0 && v == 19.5);
	T_CHECK(kz_parse_double(" 5070000000000 ", &v) == 0 && v == 5.07e12);
	T_CHECK(kz_parse_double("1.234,5", &v) != 0); /* grouping is not a number here */
	T_CHECK(kz_parse_double("", &v) != 0);
	T_CHECK(kz_parse_double("12abc", &v) != 0);
	{
		/* a plain decimal is read without strtod: the same double for every form it takes */
		static const char *const forms[] = {"-0", "+7", "1.", ".5", "0,1", "9007199254740991", "9007199254740993",
						    "0.3", "123456789012345.6", "1.0000000000000000000001", "4503599627370497.5"};
		char s[64];
		int ok = 1;
		unsigned long long x = 88172645463325252ULL;
		for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
			double want;
			snprintf(s, sizeof(s), "%s", forms[i]);
			for (char *p = s; *p; p++)
				if (*p == ',')
					*p = '.';
			want = strtod(s, NULL);
			ok &= kz_parse_double(forms[i], &v) == 0 && !memcmp(&v, &want, sizeof(v));
		}
		for (int i = 0; i < 200000; i++) {
			double want;
			int digits, point;
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			digits = 1 + (int)(x % 17);
			point = (int)((x >> 8) % (unsigned long long)(digits + 1));
			snprintf(s, sizeof(s), "%s%0*llu", (x >> 20) & 1 ? "-" : "", digits,
				 (x >> 24) % 100000000000000000ULL);
			if (point) {
				size_t n = strlen(s), at = n - (size_t)point;
				memmove(s + at + 1, s + at, (size_t)point + 1);
				s[at] = '.';
			}
			want = strtod(s, NULL);
			ok &= kz_parse_double(s, &v) == 0 && !memcmp(&v, &want, sizeof(v));
		}
		T_CHECK(ok);
	}
}

static void test_buf(void)
{
	struct kz_buf b;

	kz_buf_init(&b, 8);
	T_CHECK(kz_buf_adds(&b, "Soldaten") == 0);
	T_CHECK(kz_buf_addc(&b, 'x') == -1); /* the maximum holds */
	T_STREQ(b.s, "Soldaten");
	kz_buf_reset(&b);
	T_CHECK(b.len == 0 && b.s[0] == '\0');
	kz_buf_release(&b);
	kz_buf_init(&b, 0);
	for (int i = 0; i < 10000; i++)
		kz_buf_addf(&b, "%d;", i);
	T_CHECK(b.len > 40000 && b.s[b.len] == '\0');
	kz_buf_release(&b);
}

static struct kz_claim sample(void)
{
	struct kz_claim c;

	memset(&c, 0, sizeof(c));
	c.id = "doc.txt#12";
	c.doc = "doc.txt";
	c.start = 12;
	c.end = 35;
	c.quote = "circa 55 300 Soldaten";
	c.value = 55300;
	c.low = 52535;
	c.high = 58065;
	c.unit = "persons";
	c.qual = KZ_Q_APPROX;
	c.ind = KZ_I_TROOPS;
	c.detail = "stationed";
	c.subject = "US";
	c.partner = "JP";
	c.year = "2020";
	c.sentence = "Die USA hatten 2020 circa 55 300 Soldaten in Japan; \"so\" der Bericht, mit Komma.";
	return c;
}

static void roundtrip(enum kz_csv_dialect d)
{
	struct kz_table t, r;
	struct kz_claim c = sample();
	struct kz_err err;
	char path[] = "/tmp/kz-core-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");

	kz_table_init(&t);
	kz_table_add(&t, &c);
	c.value = 74.5;
	c.low = 74.45;
	c.high = 74.55;
	c.unit = "percent";
	c.ind = KZ_I_COST_SHARE;
	c.qual = KZ_Q_EXACT;
	c.quote = "74,5 Prozent";
	c.page = 3;
	kz_table_add(&t, &c);
	kz_claims_write_csv(&t, f, d);
	fclose(f);
	kz_table_init(&r);
	T_CHECK(kz_claims_read_csv(&r, path, NULL, NULL, &err) == 0);
	T_CHECK(r.n == 2);
	if (r.n == 2) {
		T_STREQ(r.v[0].quote, "circa 55 300 Soldaten");
		T_NEAR(r.v[0].value, 55300, 1e-12);
		T_NEAR(r.v[0].low, 52535, 1e-12);
		T_CHECK(r.v[0].qual == KZ_Q_APPROX && r.v[0].ind == KZ_I_TROOPS);
		T_STREQ(r.v[0].sentence, t.v[0].sentence);
		T_NEAR(r.v[1].value, 74.5, 1e-12);
		T_NEAR(r.v[1].high, 74.55, 1e-12);
		T_CHECK(r.v[1].page == 3 && r.v[1].ind == KZ_I_COST_SHARE);
		T_STREQ(r.v[1].year, "2020");
	}
	if (d == KZ_CSV_EXCEL_DE) {
		char *data;
		size_t len;
		T_CHECK(kz_read_file(path, 0, &data, &len, &err) == 0);
		T_CHECK(len > 3 && !memcmp(data, "\xEF\xBB\xBF", 3));
		T_CHECK(strstr(data, "\r\n") != NULL);
		T_CHECK(strstr(data, ";74,5;") != NULL);
		free(data);
	}
	kz_table_release(&t);
	kz_table_release(&r);
	unlink(path);
}

static void test_bad_csv(void)
{
	struct kz_table t;
	struct kz_err err;
	const char *no_value = "id,doc,quote\nx,y,z\n";
	const char *bad_num = "id,doc,value,unit\nx,y,12abc,persons\n";
	const char *bad_ind = "id,value,unit,indicator\nx,1,persons,soldiers\n";

	kz_table_init(&t);
	T_CHECK(kz_claims_parse_csv(&t, no_value, strlen(no_value), "a.csv", NULL, NULL, &err) == KZ_EINPUT);
	T_CHECK(strstr(err.msg, "value") != NULL);
	T_CHECK(kz_claims_parse_csv(&t, bad_num, strlen(bad_num), "b.csv", NULL, NULL, &err) == KZ_EINPUT);
	T_CHECK(err.line == 2);
	T_CHECK(kz_claims_parse_csv(&t, bad_ind, strlen(bad_ind), "c.csv", NULL, NULL, &err) == KZ_EINPUT);
	T_CHECK(strstr(err.msg, "soldiers") != NULL);
	T_CHECK(kz_claims_parse_csv(&t, "", 0, "d.csv", NULL, NULL, &err) == KZ_EINPUT);
	kz_table_release(&t);
}

/* A claims table in memory need not end in a NUL: the parser stays inside the buffer (ASan
 * watches the byte after it). */
static void test_parse_unterminated(void)
{
	static const char text[] = "id,value,unit\na,5,persons\n\r\n";
	size_t n = sizeof(text) - 1;
	char *buf = kz_xmalloc(n);
	struct kz_table t;
	struct kz_err err;

	memcpy(buf, text, n);
	kz_table_init(&t);
	T_CHECK(kz_claims_parse_csv(&t, buf, n, "mem.csv", NULL, NULL, &err) == 0);
	T_CHECK(t.n == 1);
	kz_table_release(&t);
	free(buf);
}

static void test_out(void)
{
	struct kz_out o;
	struct kz_err err;
	char dir[] = "/tmp/kz-out-XXXXXX", path[64];

	T_CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/x.csv", dir);
	T_CHECK(kz_out_open(&o, path, &err) == 0);
	fputs("half", o.f);
	T_CHECK(access(path, F_OK) != 0); /* nothing at the final path until commit */
	kz_out_abort(&o);
	T_CHECK(access(path, F_OK) != 0);
	T_CHECK(kz_out_open(&o, path, &err) == 0);
	fputs("whole\n", o.f);
	T_CHECK(kz_out_commit(&o, &err) == 0);
	T_CHECK(access(path, F_OK) == 0);
	unlink(path);
	/* a live writer's temporary survives a sweep; one nobody holds is removed */
	{
		struct kz_out live;
		char stale[96];
		FILE *f;
		T_CHECK(kz_out_open(&live, path, &err) == 0);
		snprintf(stale, sizeof(stale), "%s/.x.csv.kennzahl-tmp-abc123", dir);
		f = fopen(stale, "w");
		T_CHECK(f != NULL);
		if (f)
			fclose(f);
		kz_out_sweep(path);
		T_CHECK(access(live.tmp, F_OK) == 0);
		T_CHECK(access(stale, F_OK) != 0);
		kz_out_abort(&live);
	}
	/* a symbolic link at the output path is followed, not replaced */
	{
		char target[96];
		struct stat st;
		snprintf(target, sizeof(target), "%s/target.csv", dir);
		T_CHECK(symlink(target, path) == 0);
		T_CHECK(kz_out_open(&o, path, &err) == KZ_EIO); /* the target does not exist yet */
		fclose(fopen(target, "w"));
		T_CHECK(kz_out_open(&o, path, &err) == 0);
		fputs("via link\n", o.f);
		T_CHECK(kz_out_commit(&o, &err) == 0);
		T_CHECK(lstat(path, &st) == 0 && S_ISLNK(st.st_mode));
		T_CHECK(stat(target, &st) == 0 && st.st_size == 9);
		unlink(path);
		unlink(target);
	}
	snprintf(path, sizeof(path), "%s/missing/x.csv", dir);
	T_CHECK(kz_out_open(&o, path, &err) == KZ_EIO);
	rmdir(dir);
}

/* Every reader's numbers: finite and within KZ_NUM_MAX, or a reason. */
static void test_num_range(void)
{
	double v;
	char s[64];

	T_CHECK(kz_parse_double("1e40", &v) == 0 && v == 1e40);
	T_CHECK(kz_parse_double("-1e40", &v) == 0);
	T_CHECK(kz_parse_double("1e41", &v) == KZ_NUM_RANGE);
	T_CHECK(kz_parse_double("1e400", &v) == KZ_NUM_RANGE);
	T_CHECK(kz_parse_double("1e-400", &v) == KZ_NUM_RANGE);
	T_CHECK(kz_parse_double("0", &v) == 0 && v == 0);
	T_CHECK(kz_parse_double("inf", &v) == KZ_NUM_SYNTAX);
	T_CHECK(kz_parse_double("nan", &v) == KZ_NUM_SYNTAX);
	T_CHECK(strstr(kz_num_strerror(KZ_NUM_RANGE), "out of range") != NULL);
	T_CHECK(!kz_num_ok(INFINITY) && !kz_num_ok(NAN) && kz_num_ok(-3.5));
	/* huge numbers for readers: three significant digits and a power of ten */
	T_CHECK(kz_fmt_huge(s, sizeof(s), 123456, ',') == 0);
	T_CHECK(kz_fmt_huge(s, sizeof(s), 1.234e18, ',') == 1);
	T_STREQ(s, "1,23\u00b710\u00b9\u2078");
	kz_fmt_huge(s, sizeof(s), -2e300, '.');
	T_STREQ(s, "\u22122\u00b710\u00b3\u2070\u2070");
	kz_fmt_huge(s, sizeof(s), 1e20, '.');
	T_STREQ(s, "10\u00b2\u2070");
	kz_fmt_huge(s, sizeof(s), INFINITY, '.');
	T_STREQ(s, "\u221e");
}

struct warned {
	int n, left;
	long line[16];
};

static void warn_cb(const struct kz_err *e, void *arg)
{
	struct warned *w = arg;
	if (w->n < 16)
		w->line[w->n] = e->line;
	w->n++;
	w->left += e->code != 0;
}

/* Rows a reader cannot use are left out and named; the table itself is kept. */
static void test_csv_rows(void)
{
	const char *csv = "id,value,unit,low,high\n"
			  "a,5,persons,4,6\n"
			  "b,1e400,persons,,\n"
			  "c,5,persons,6,4\n"
			  "d,9,persons,4,6\n"
			  "e,5,,,\n"
			  "f,5,Panzer,,\n"
			  "g,5\n"
			  "h,7,persons,,,,\n";
	const char *open_quote = "id,value,unit\na,1,count\n\"b,2,count\nc,3,count\n";
	struct kz_table t;
	struct kz_err err;
	struct warned w = {0, 0, {0}};
	struct kz_claim c;
	char why[128];

	kz_table_init(&t);
	T_CHECK(kz_claims_parse_csv(&t, csv, strlen(csv), "r.csv", warn_cb, &w, &err) == 0);
	T_CHECK(t.n == 3); /* a, f (unknown unit kept) and h (empty cells beyond the header) */
	T_CHECK(w.n == 6 && w.left == 5);
	T_CHECK(w.line[0] == 3 && w.line[1] == 4 && w.line[2] == 5 && w.line[3] == 6 && w.line[4] == 7 &&
		w.line[5] == 8);
	/* without a callback the first bad row is an error */
	T_CHECK(kz_claims_parse_csv(&t, csv, strlen(csv), "r.csv", NULL, NULL, &err) == KZ_EINPUT);
	T_CHECK(err.line == 3 && strstr(err.msg, "1e400") != NULL);
	T_CHECK(kz_claims_parse_csv(&t, open_quote, strlen(open_quote), "q.csv", warn_cb, &w, &err) == KZ_EINPUT);
	T_CHECK(err.line == 3 && strstr(err.msg, "unterminated quote") != NULL);
	kz_table_release(&t);
	memset(&c, 0, sizeof(c));
	c.unit = "persons";
	c.value = 5, c.low = 4, c.high = 6;
	T_CHECK(kz_claim_problem(&c, why, sizeof(why)) == NULL);
	c.value = 7;
	T_CHECK(kz_claim_problem(&c, why, sizeof(why)) && strstr(why, "outside"));
	c.value = 5, c.high = INFINITY;
	T_CHECK(kz_claim_problem(&c, why, sizeof(why)) != NULL);
}

/* The claim key: file, the sentence's hash, the number as written; repeats counted. */
static void test_ids(void)
{
	struct kz_idgen g;
	struct kz_buf b = KZ_BUF_INIT;
	const char *s = "Rund 28.500 Soldaten sind in Korea.";
	char first[128];

	kz_idgen_init(&g);
	snprintf(first, sizeof first, "%s", kz_idgen_make(&g, &b, "a/b.txt", s, "28.500", 6));
	T_CHECK(!strncmp(first, "a/b.txt#", 8));
	T_CHECK(strlen(first) == 8 + 8 + 1 + 6);
	T_STREQ(first + 16, "-28.500");
	/* the same again: ~2; white space inside the number does not count */
	T_STREQ(kz_idgen_make(&g, &b, "a/b.txt", s, "28.500", 6) + strlen(first), "~2");
	T_CHECK(!strncmp(kz_idgen_make(&g, &b, "a/b.txt", s, "55\xC2\xA0" "300", 7), first, 17));
	T_STREQ(b.s + 17, "55300");
	/* another sentence: another hash */
	T_CHECK(strncmp(kz_idgen_make(&g, &b, "a/b.txt", "Rund 28.500 Soldaten.", "28.500", 6), first, 16));
	kz_idgen_release(&g);
	/* a new document starts counting afresh */
	kz_idgen_init(&g);
	T_STREQ(kz_idgen_make(&g, &b, "a/b.txt", s, "28.500", 6), first);
	kz_idgen_release(&g);
	kz_buf_release(&b);
	T_STREQ(kz_path_base("x/y/z.txt"), "z.txt");
	T_STREQ(kz_path_base("z.txt"), "z.txt");
}

/* SHA-256: the standard's examples, and the same digest as kz_sha256 for every length about a block's
 * padding. */
static void test_sha256(void)
{
	static const char *const want[] = {
		"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "",
		"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "abc",
		"248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
		"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", NULL};
	unsigned char d[32], buf[300];
	char hex[65], ref[65];

	for (size_t i = 0; want[i]; i += 2) {
		kz_sha256_digest(want[i + 1], strlen(want[i + 1]), d);
		for (int k = 0; k < 32; k++)
			snprintf(hex + 2 * k, 3, "%02x", d[k]);
		T_STREQ(hex, want[i]);
	}
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(i * 131 + 7);
	for (size_t n = 0; n <= sizeof(buf); n++) {
		kz_sha256_digest(buf, n, d);
		for (int k = 0; k < 32; k++)
			snprintf(hex + 2 * k, 3, "%02x", d[k]);
		kz_sha256(buf, n, ref);
		if (strcmp(hex, ref))
			T_STREQ(hex, ref);
	}
	T_CHECK(1);
}

/* Corrections: the vocabularies and formats a value must meet; applying and recording. */
static void test_corrections(void)
{
	char why[256];
	struct kz_corrections c;
	struct kz_correction k;
	struct kz_table t;
	struct kz_claim a, tmpl;
	const char *text = "Rund 28.500 Soldaten und etwa 4.500 Mann.";

	T_CHECK(!kz_corr_field_problem(KZ_CF_UNIT, "percent", KZ_CSV_PLAIN, why, sizeof why));
	T_CHECK(kz_corr_field_problem(KZ_CF_UNIT, "prozent", KZ_CSV_PLAIN, why, sizeof why) != NULL);
	T_CHECK(!kz_corr_field_problem(KZ_CF_YEAR, "2016-2020", KZ_CSV_PLAIN, why, sizeof why));
	T_CHECK(!kz_corr_field_problem(KZ_CF_YEAR, "1950s", KZ_CSV_PLAIN, why, sizeof why));
	T_CHECK(kz_corr_field_problem(KZ_CF_YEAR, "2020-2016", KZ_CSV_PLAIN, why, sizeof why) != NULL);
	T_CHECK(kz_corr_field_problem(KZ_CF_YEAR, "24", KZ_CSV_PLAIN, why, sizeof why) != NULL);
	T_CHECK(kz_corr_field_problem(KZ_CF_YEAR, "1955s", KZ_CSV_PLAIN, why, sizeof why) != NULL);
	T_CHECK(!kz_corr_field_problem(KZ_CF_SUBJECT, "NATO", KZ_CSV_PLAIN, why, sizeof why));
	T_CHECK(kz_corr_field_problem(KZ_CF_PARTNER, "kr", KZ_CSV_PLAIN, why, sizeof why) != NULL);
	T_CHECK(kz_corr_field_problem(KZ_CF_PARTNER, "UK", KZ_CSV_PLAIN, why, sizeof why) != NULL);
	T_CHECK(!kz_corr_field_problem(KZ_CF_PARTNER, "-", KZ_CSV_PLAIN, why, sizeof why));
	T_CHECK(!kz_corr_field_problem(KZ_CF_VALUE, "28500", KZ_CSV_EXCEL_DE, why, sizeof why));
	T_CHECK(!kz_corr_field_problem(KZ_CF_VALUE, "5,07", KZ_CSV_EXCEL_DE, why, sizeof why));
	T_CHECK(kz_corr_field_problem(KZ_CF_VALUE, "28.500", KZ_CSV_EXCEL_DE, why, sizeof why) != NULL);
	T_CHECK(kz_corr_field_problem(KZ_CF_VALUE, "5,07", KZ_CSV_PLAIN, why, sizeof why) != NULL);
	T_CHECK(kz_corr_field_problem(KZ_CF_LOW, "inf", KZ_CSV_PLAIN, why, sizeof why) != NULL);
	T_CHECK(kz_corr_field_problem(KZ_CF_STATUS, "geplant", KZ_CSV_PLAIN, why, sizeof why) != NULL);

	kz_corrections_init(&c);
	c.path = kz_xstrdup("corrections.csv");
	c.prefix = kz_xstrdup("korpus/");
	T_CHECK(kz_corrections_cover(&c, "korpus/a.txt", "a.txt"));
	T_CHECK(!kz_corrections_cover(&c, "anderes/a.txt", "a.txt"));
	memset(&k, 0, sizeof k);
	for (int j = 0; j < KZ_CF__N; j++)
		k.f[j] = "";
	k.id = "a.txt#1-28.500";
	k.file = "a.txt";
	k.quote = "Rund 28.500 Soldaten";
	k.note = "";
	k.action = KZ_CA_SET;
	k.f[KZ_CF_PARTNER] = "KR";
	kz_corrections_record(&c, &k);
	k.f[KZ_CF_PARTNER] = "";
	k.f[KZ_CF_VALUE] = "29000";
	kz_corrections_record(&c, &k); /* merged into the set before */
	T_CHECK(c.n == 1);
	T_STREQ(c.v[0].f[KZ_CF_PARTNER], "KR");
	T_STREQ(c.v[0].f[KZ_CF_VALUE], "29000");
	k.action = KZ_CA_ADD;
	k.id = "";
	k.quote = "etwa 4.500 Mann";
	k.f[KZ_CF_VALUE] = "4500";
	k.f[KZ_CF_UNIT] = "persons";
	kz_corrections_record(&c, &k);
	T_CHECK(c.n == 2);

	kz_table_init(&t);
	memset(&a, 0, sizeof a);
	a.id = "a.txt#9-28.500"; /* the sentence changed: found by its quote */
	a.doc = "korpus/a.txt";
	a.quote = "Rund 28.500 Soldaten";
	a.unit = "persons";
	a.value = 28500, a.low = 27075, a.high = 29925;
	a.detail = a.subject = a.partner = a.year = a.source = a.review = a.sentence = "";
	a.title = a.publisher = a.published = a.url = "";
	kz_table_add(&t, &a);
	memset(&tmpl, 0, sizeof tmpl);
	tmpl.doc = "korpus/a.txt";
	tmpl.title = tmpl.publisher = tmpl.published = tmpl.url = "";
	T_CHECK(kz_corrections_apply(&c, &t, 0, "a.txt", text, strlen(text), &tmpl, NULL, NULL) == 0);
	T_CHECK(c.v[0].state == KZ_CS_REANCHORED);
	T_CHECK(c.v[1].state == KZ_CS_APPLIED);
	T_CHECK(t.n == 2);
	T_STREQ(t.v[0].partner, "KR");
	T_STREQ(t.v[0].review, "corrected");
	/* a value set without bounds scales the interval: the statement's width is kept */
	T_NEAR(t.v[0].value, 29000, 1e-12);
	T_NEAR(t.v[0].low, 27075.0 * 29000 / 28500, 1e-9);
	T_STREQ(t.v[1].review, "added");
	T_CHECK(t.v[1].start == 25 && t.v[1].end == 40);
	T_STREQ(t.v[1].sentence, text);
	T_CHECK(!strncmp(t.v[1].id, "a.txt#+", 7));
	kz_table_release(&t);
	kz_corrections_release(&c);
}

/* The detail vocabulary's words (data/details.tsv): no code reaches a sheet. */
/* Every record as "line:field|field|…" on a line of its own. */
static int dump_row(char **f, size_t n, long line, void *arg)
{
	struct kz_buf *b = arg;

	kz_buf_addf(b, "%ld:", line);
	for (size_t i = 0; i < n; i++)
		kz_buf_addf(b, "%s%s", i ? "|" : "", f[i]);
	kz_buf_addc(b, '\n');
	return 0;
}

/* The CSV reader fed in pieces of every size gives the records and lines the whole does. */
static void test_csv_pieces(void)
{
	static const char *const csvs[] = {
		"\xEF\xBB\xBF" "a;b\r\n1;\"zwei\r\nZeilen\"\r\n\r\n3;4\r\n",
		"a,b\n\n1,\"x\n\ny\"\n2,3",
		"id,doc\n\"offen,1\n2,3\n",
		"nur eine zeile ohne ende",
		"",
	};
	int ok = 1;

	for (size_t c = 0; c < sizeof(csvs) / sizeof(csvs[0]); c++) {
		const char *csv = csvs[c];
		size_t len = strlen(csv);
		struct kz_buf whole = KZ_BUF_INIT;
		struct kz_err err;
		enum kz_csv_dialect d0 = KZ_CSV_PLAIN, d1;
		int rc0 = kz_csv_parse(csv, len, "p.csv", dump_row, &whole, &d0, &err);
		long line0 = rc0 ? err.line : 0;
		for (size_t piece = 1; piece <= len + 1; piece++) {
			struct kz_buf parts = KZ_BUF_INIT;
			struct kz_csv_reader *r = kz_csv_reader_new("p.csv", dump_row, &parts);
			int rc = 0;
			d1 = KZ_CSV_PLAIN;
			for (size_t at = 0; !rc && at < len; at += piece)
				rc = kz_csv_reader_feed(r, csv + at, at + piece < len ? piece : len - at, &err);
			if (!rc)
				rc = kz_csv_reader_finish(r, &d1, &err);
			kz_csv_reader_free(r);
			ok &= rc == rc0 && (!rc || err.line == line0) && d1 == d0 &&
			      !strcmp(parts.s ? parts.s : "", whole.s ? whole.s : "");
			kz_buf_release(&parts);
		}
		kz_buf_release(&whole);
	}
	T_CHECK(ok);
}

/* Every warning as "line code message" lines, to compare two reads of one table. */
static void log_cb(const struct kz_err *e, void *arg)
{
	kz_buf_addf(arg, "%ld %d %s\n", e->line, e->code, e->msg);
}

/* The rows of t as "line id value" lines. */
static void dump_table(const struct kz_table *t, struct kz_buf *b)
{
	for (size_t i = 0; i < t->n; i++)
		kz_buf_addf(b, "%ld %s %.17g\n", t->v[i].line, t->v[i].id, t->v[i].value);
}

/* A file big enough to be read in two halves gives what one reader of the same bytes gives:
 * claims in order with their lines, the first ten problems named and the rest counted, an error's
 * line; also when a quoted field with line ends runs across the middle. */
static void read_halves_as(const char *name, int quoted_middle, int fatal)
{
	char path[] = "/tmp/kz-halves-XXXXXX";
	struct kz_buf csv = KZ_BUF_INIT, a = KZ_BUF_INIT, b = KZ_BUF_INIT, wa = KZ_BUF_INIT, wb = KZ_BUF_INIT;
	struct kz_table t1, t2;
	struct kz_err e1, e2;
	int fd = mkstemp(path), rc1, rc2;
	const size_t size = 20u * 1024 * 1024, mid = size / 2;
	size_t rows = 0, bad_line = 0;

	kz_buf_adds(&csv, "id,value,unit,sentence\n");
	for (size_t i = 0; csv.len < size; i++, rows++) {
		/* problems in both halves, more than are named: units unknown (kept), values bad (left out) */
		const char *unit = i % 61000 == 7 ? "Panzer" : "persons";
		const char *value = i % 97000 == 5 ? "1e400" : NULL;
		if (fatal) {
			unit = "persons";
			value = !bad_line && csv.len > size / 4 * 3 ? "1e400" : NULL;
			if (value)
				bad_line = i + 2;
		}
		if (quoted_middle && csv.len > mid - 16384 && csv.len < mid) {
			/* a sentence with line ends from before the middle to well after it */
			kz_buf_addf(&csv, "q%zu,%zu,persons,\"Satz\nmit", i, i);
			while (csv.len < mid + 49152)
				kz_buf_adds(&csv, " Zeilen\nenden");
			kz_buf_adds(&csv, "\"\n");
			continue;
		}
		if (value)
			kz_buf_addf(&csv, "r%zu,%s,%s,Satz %zu\n", i, value, unit, i);
		else
			kz_buf_addf(&csv, "r%zu,%zu,%s,Satz %zu\n", i, i, unit, i);
	}
	T_CHECK(fd >= 0 && write(fd, csv.s, csv.len) == (ssize_t)csv.len && csv.len > 16u * 1024 * 1024);
	close(fd);
	kz_table_init(&t1);
	kz_table_init(&t2);
	rc1 = kz_claims_parse_csv(&t1, csv.s, csv.len, path, fatal ? NULL : log_cb, &wa, &e1);
	rc2 = kz_claims_read_csv(&t2, path, fatal ? NULL : log_cb, &wb, &e2);
	dump_table(&t1, &a);
	dump_table(&t2, &b);
	T_CHECK(rc1 == rc2);
	if (fatal) {
		T_CHECK(rc2 == KZ_EINPUT && e1.line == e2.line && e2.line == (long)bad_line);
	} else {
		T_CHECK(rc2 == 0 && t2.n > rows - 20 && a.s && b.s && !strcmp(a.s, b.s));
		T_CHECK(wa.s && wb.s && !strcmp(wa.s, wb.s) && strstr(wb.s, "more rows with problems"));
	}
	if (t_fail)
		fprintf(stderr, "read_halves %s: %zu vs %zu claims\n", name, t1.n, t2.n);
	kz_table_release(&t1);
	kz_table_release(&t2);
	kz_buf_release(&csv);
	kz_buf_release(&a);
	kz_buf_release(&b);
	kz_buf_release(&wa);
	kz_buf_release(&wb);
	unlink(path);
}

static void test_read_halves(void)
{
	read_halves_as("rows", 0, 0);
	read_halves_as("quoted middle", 1, 0);
	read_halves_as("error in the second half", 0, 1);
}

/* A claim whose id was read before is dropped (from row `from` on), the first kept; empty ids
 * never repeat; the first dropped id is named. */
static void test_drop_repeats(void)
{
	struct kz_table t;
	struct kz_claim c;
	const char *first;
	char id[32];
	size_t kept_early = 0, n;

	kz_table_init(&t);
	memset(&c, 0, sizeof(c));
	c.unit = "persons";
	/* rows 0..2999: ids a0..a2999, a7 twice before `from` (both kept) */
	for (int i = 0; i < 3000; i++) {
		snprintf(id, sizeof(id), "a%d", i);
		c.id = id;
		c.value = i;
		kz_table_add(&t, &c);
	}
	c.id = "a7";
	kz_table_add(&t, &c);
	n = t.n;
	/* from here: every third id again, and empty ids */
	for (int i = 0; i < 3000; i += 3) {
		snprintf(id, sizeof(id), "a%d", i);
		c.id = id;
		c.value = -i;
		kz_table_add(&t, &c);
		c.id = "";
		kz_table_add(&t, &c);
	}
	c.id = "neu";
	kz_table_add(&t, &c);
	T_CHECK(kz_table_drop_repeats(&t, n, &first) == 1000);
	T_STREQ(first, "a0");
	T_CHECK(t.n == 3001 + 1000 + 1);
	for (size_t i = 0; i < t.n; i++)
		kept_early += t.v[i].id[0] == 'a' && t.v[i].value >= 0;
	T_CHECK(kept_early == 3001); /* the second a7 came before `from` */
	T_STREQ(t.v[t.n - 1].id, "neu");
	T_CHECK(kz_table_drop_repeats(&t, 0, &first) == 1 && !strcmp(first, "a7"));
	kz_table_release(&t);
}

static void test_detail_words(void)
{
	char b[96];

	T_STREQ(kz_detail_words(b, sizeof b, "procurement", 0), "Beschaffung");
	T_STREQ(kz_detail_words(b, sizeof b, "procurement", 1), "procurement");
	T_STREQ(kz_detail_words(b, sizeof b, "host_nation_support_per_year", 0), "Stationierungskosten pro Jahr");
	/* a part of a total ("Darunter …"), also of a yearly rate, also of a detail outside the vocabulary */
	T_STREQ(kz_detail_words(b, sizeof b, "host_nation_support_part", 0), "Stationierungskosten (Teilbetrag)");
	T_STREQ(kz_detail_words(b, sizeof b, "host_nation_support_per_year_part", 1), "host-nation support a year (part)");
	T_STREQ(kz_detail_words(b, sizeof b, "base_costs_part", 0), "base costs (Teilbetrag)");
	T_STREQ(kz_detail_words(b, sizeof b, "base_construction", 0), "base construction");
	/* the base without its endings, and which it had */
	{
		int y = -1, p = -1;
		T_CHECK(kz_detail_base("host_nation_support_per_year_part", &y, &p) == strlen("host_nation_support"));
		T_CHECK(y == 1 && p == 1);
		T_CHECK(kz_detail_base("procurement", &y, &p) == strlen("procurement") && !y && !p);
		T_CHECK(kz_detail_base("_part", NULL, NULL) == strlen("_part")); /* an ending alone is no ending */
	}
}

/* The rows of a built-in TSV file: comments and empty lines passed over, the last cell the rest. */
static void test_data_rows(void)
{
	static const char text[] = "# head\nqual\tetwa\tapprox\n\nqual\tknapp\tat_most\tweak\tx\nlast";
	const struct kz_blob b = {"t.tsv", text, sizeof text - 1};
	const char *p = NULL, *cell[4];
	size_t len[4];

	T_CHECK(kz_data_row(&b, &p, cell, len, 4) == 3 && len[1] == 4 && !memcmp(cell[1], "etwa", 4) && len[2] == 6);
	T_CHECK(kz_data_row(&b, &p, cell, len, 4) == 4 && len[3] == 6 && !memcmp(cell[3], "weak\tx", 6));
	T_CHECK(kz_data_row(&b, &p, cell, len, 4) == 1 && len[0] == 4 && !memcmp(cell[0], "last", 4));
	T_CHECK(kz_data_row(&b, &p, cell, len, 4) == 0);
	T_CHECK(kz_data_find("qualifiers.tsv") != NULL && kz_data_find("none.tsv") == NULL);
}

int main(void)
{
	test_data_rows();
	test_detail_words();
	test_sha256();
	test_ids();
	test_corrections();
	test_parse_unterminated();
	test_numbers();
	test_num_range();
	test_csv_rows();
	test_csv_pieces();
	test_read_halves();
	test_drop_repeats();
	test_buf();
	roundtrip(KZ_CSV_PLAIN);
	roundtrip(KZ_CSV_EXCEL_DE);
	test_bad_csv();
	test_out();
	return t_done("core");
}
