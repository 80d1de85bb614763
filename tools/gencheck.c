/* gencheck.c: write a synthetic claims table (N claims, default 1 000 000) for the check benchmark. */
#include "core/claims.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t rng = 88172645463325252ULL;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

int main(int argc, char **argv)
{
	static const char *const subj[] = {"US", "KR", "JP", "CN", "DE", "RU", "FR", "GB", "PL", "TW",
					   "AU", "IN", "KP", "UA", "IT", "TR"};
	static const char *const det[] = {"stationed", "exercise", "armed_forces", "floor"};
	static const char *const cur[] = {"USD", "EUR", "JPY", "KRW", "CNY", "GBP"};
	static const double per_usd[] = {1, 0.9, 110, 1150, 6.7, 0.78};
	long n = argc > 1 ? atol(argv[1]) : 1000000, written = 0;
	struct kz_csv_writer w;
	struct kz_table t;
	char doc[64], id[96], year[8], sent[160], quote[64];
	int d = 0;

	kz_csv_writer_init(&w, stdout, KZ_CSV_PLAIN);
	kz_claims_write_header(&w);
	while (written < n) {
		kz_table_init(&t);
		/* one document of 200 claims, sentence by sentence */
		snprintf(doc, sizeof(doc), "bench/doc%05d.txt", d++);
		for (size_t off = 0; t.n < 200 && written + (long)t.n < n; off += 120) {
			struct kz_claim c = {0};
			unsigned kind = rnd(10), s = rnd(16), p = rnd(16), y = 2000 + rnd(26);
			double truth = 1000.0 * (1 + s) * (1 + p % 4) * (1 + (y - 2000) * 0.02);
			snprintf(year, sizeof(year), "%u", y);
			snprintf(sent, sizeof(sent), "Satz %zu von %s mit Zahlen.", off, doc);
			c.doc = doc;
			c.start = off;
			c.end = off + 12;
			c.quote = quote;
			c.qual = KZ_Q_EXACT;
			c.detail = "";
			c.subject = subj[s];
			c.partner = "";
			c.year = year;
			c.sentence = sent;
			c.id = id;
			if (kind < 6) { /* troops: mostly near the truth, some rounded, some wrong */
				double v = truth * (rnd(20) == 0 ? 0.5 + rnd(100) / 50.0 : 1 + ((int)rnd(21) - 10) / 1000.0);
				c.value = (double)(long)v;
				c.low = c.value * 0.95;
				c.high = c.value * 1.05;
				c.qual = KZ_Q_APPROX;
				c.unit = "persons";
				c.ind = KZ_I_TROOPS;
				c.detail = det[rnd(4)];
				c.partner = subj[p];
				snprintf(quote, sizeof(quote), "etwa %.0f Soldaten", c.value);
			} else if (kind < 8) { /* a budget in one currency, then the same in dollars */
				unsigned k = 1 + rnd(5);
				double usd = truth * 1e6, v = usd * per_usd[k] * (rnd(10) == 0 ? 1.3 : 1);
				c.value = v;
				c.low = v * 0.999;
				c.high = v * 1.001;
				c.unit = cur[k];
				c.ind = KZ_I_BUDGET;
				c.detail = "defense_budget";
				snprintf(quote, sizeof(quote), "%.1f Mio. %s", v / 1e6, cur[k]);
				snprintf(sent, sizeof(sent), "Haushalt %s (%.1f Mio. Dollar) in %s.", quote, usd / 1e6, doc);
				snprintf(id, sizeof(id), "%s#%zu", doc, c.start);
				kz_table_add(&t, &c);
				c.start = off + 14;
				c.end = off + 26;
				c.value = usd;
				c.low = usd * 0.999;
				c.high = usd * 1.001;
				c.unit = "USD";
				snprintf(quote, sizeof(quote), "%.1f Mio. Dollar", usd / 1e6);
			} else if (kind < 9) { /* a change between two figures of one sentence */
				double a = truth, b = truth * (1.1 + rnd(10) / 10.0);
				double pct = (b / a - 1) * 100 * (rnd(8) == 0 ? 2 : 1);
				snprintf(sent, sizeof(sent), "Von %.0f auf %.0f, ein Anstieg um %.0f Prozent.", a, b, pct);
				c.ind = KZ_I_OTHER;
				c.unit = "count";
				c.value = a;
				c.low = a - 0.5;
				c.high = a + 0.5;
				snprintf(quote, sizeof(quote), "%.0f", a);
				snprintf(id, sizeof(id), "%s#%zu", doc, c.start);
				kz_table_add(&t, &c);
				c.start += 20;
				c.value = b;
				c.low = b - 0.5;
				c.high = b + 0.5;
				snprintf(quote, sizeof(quote), "%.0f", b);
				snprintf(id, sizeof(id), "%s#%zu", doc, c.start);
				kz_table_add(&t, &c);
				c.start += 20;
				c.ind = KZ_I_CHANGE;
				c.unit = "percent";
				c.value = (double)(long)(pct + 0.5);
				c.low = c.value - 0.5;
				c.high = c.value + 0.5;
				snprintf(quote, sizeof(quote), "%.0f Prozent", c.value);
			} else { /* trade shares by partner */
				c.value = 5 + rnd(40);
				c.low = c.value - 0.5;
				c.high = c.value + 0.5;
				c.unit = "percent";
				c.ind = KZ_I_TRADE_SHARE;
				c.detail = rnd(2) ? "exports" : "imports";
				c.partner = subj[p];
				snprintf(quote, sizeof(quote), "%.0f Prozent", c.value);
			}
			snprintf(id, sizeof(id), "%s#%zu", doc, c.start);
			kz_table_add(&t, &c);
		}
		if (written + (long)t.n > n)
			t.n = (size_t)(n - written);
		kz_claims_write_rows(&w, &t);
		written += (long)t.n;
		kz_table_release(&t);
	}
	return fflush(stdout) ? 4 : 0;
}
