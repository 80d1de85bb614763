#!/bin/sh
# bench-report.sh: time of `kennzahl report` for the seeds (limit 1 s), for 10 000 synthetic claims (limit 5 s) and,
# with peak memory and the sheet's pages, for the 1 000 000 generated claims of bench-check.sh (limit 10 s).
# Called by tools/bench.sh (make bench) with KZ, RUNSTAT and BENCH_DIR in the environment.
KZ=${KZ:-./kennzahl}
RUNSTAT=${RUNSTAT:-build/rel/tools/runstat}
OUT=${BENCH_DIR:-bench/out}
SEEDS=${SEEDS:-../shared/seeds}
N=${BENCH_CLAIMS:-10000}
GEN=${GENCHECK:-build/rel/tools/gencheck}
BIG=${BENCH_BIG:-1000000}
mkdir -p "$OUT"
export SOURCE_DATE_EPOCH=1700000000

seconds() { # seconds CMD...: wall time of one run
	if [ -x "$RUNSTAT" ]; then
		"$RUNSTAT" "$@" 2>&1 >/dev/null | sed -n 's/^runstat: seconds \([0-9.]*\).*/\1/p'
	else
		t0=$(date +%s.%N); "$@" > /dev/null 2>&1; t1=$(date +%s.%N)
		awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}'
	fi
}

line() { # line NAME SECONDS LIMIT PDF
	pages=$(pdfinfo "$4" 2>/dev/null | sed -n 's/^Pages: *//p')
	awk -v n="$1" -v s="$2" -v l="$3" -v p="${pages:-?}" 'BEGIN{printf "report %s: %.2f s for %s pages (limit %s s, ratio %.2f) %s\n", n, s, p, l, s/l, (s<l?"ok":"TOO SLOW")}'
}

# 10 000 claims: 100 documents, 8 countries, 5 indicators, 12 years, every rounding and qualifier
awk -v n="$N" 'BEGIN {
	srand(7);
	split("JP KR DE PL TW AU GB FR", c, " ");
	split("troops budget gdp_share cost_share trade_share", ind, " ");
	split("exact approx at_least at_most range", q, " ");
	print "id,doc,page,start,end,quote,value,unit,low,high,qualifier,indicator,detail,subject,partner,year,core,sentence";
	for (i = 0; i < n; i++) {
		d = sprintf("bench/doc%03d.txt", i % 100);
		k = int(rand() * 5) + 1; co = c[int(rand() * 8) + 1]; y = 2013 + int(rand() * 12);
		if (ind[k] == "troops") { v = 20000 + int(rand() * 40) * 500; u = "persons"; s = "US"; p = co; det = "stationed" }
		else if (ind[k] == "budget") { v = (40 + rand() * 20) * 1e9; u = "USD"; s = co; p = ""; det = "defense_budget" }
		else if (ind[k] == "cost_share") { v = 30 + int(rand() * 50); u = "percent"; s = co; p = "US"; det = "host_nation_support" }
		else if (ind[k] == "trade_share") { v = 10 + int(rand() * 300) / 10; u = "percent"; s = co; p = "CN"; det = "exports" }
		else { v = 1 + int(rand() * 30) / 10; u = "percent"; s = co; p = ""; det = "" }
		qq = q[int(rand() * 5) + 1];
		printf "%s#%d,%s,%d,%d,%d,\"etwa %g\",%.17g,%s,%.17g,%.17g,%s,%s,%s,%s,%s,%d,yes,\"Laut Bericht lag der Wert %d bei etwa %g, wie die Regierung mitteilte.\"\n",
			d, i * 40, d, 1 + int(i / 300), i * 40, i * 40 + 10, v, v, u, v * 0.95, v * 1.05, qq, ind[k], det, s, p, y, y, v;
	}
}' > "$OUT/claims10k.csv"

s=$(seconds "$KZ" report -o "$OUT/seeds.pdf" "$SEEDS")
line seeds "$s" 1 "$OUT/seeds.pdf"
s=$(seconds "$KZ" report -o "$OUT/claims10k.pdf" "$OUT/claims10k.csv")
line "$N claims" "$s" 5 "$OUT/claims10k.pdf"

# the archive: 1 000 000 claims and some 150 000 findings (the table bench-check.sh checks)
[ -x "$GEN" ] || ${MAKE:-make} --no-print-directory "$GEN" > /dev/null || exit 1
[ -x "$RUNSTAT" ] || ${MAKE:-make} --no-print-directory "$RUNSTAT" > /dev/null || exit 1
[ -f "$OUT/check$BIG.csv" ] || "$GEN" "$BIG" > "$OUT/check$BIG.csv"
set -- $("$RUNSTAT" "$KZ" report -o "$OUT/report$BIG.pdf" "$OUT/check$BIG.csv" 2>&1 >/dev/null |
	sed -n 's/^runstat: seconds \([0-9.]*\) peak_rss_mb \([0-9.]*\).*/\1 \2/p')
pages=$(pdfinfo "$OUT/report$BIG.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
bytes=$(wc -c < "$OUT/report$BIG.pdf" 2>/dev/null)
awk -v n="$BIG" -v s="${1:-0}" -v m="${2:-0}" -v p="${pages:-?}" -v b="${bytes:-0}" \
	'BEGIN{printf "report %d claims: %.2f s, peak %.0f MB, %s pages (%.1f MB PDF) (limit 10 s, ratio %.2f) %s\n", n, s, m, p, b/1048576, s/10, (s>0 && s<10?"ok":"TOO SLOW")}'
