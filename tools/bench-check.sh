#!/bin/sh
# bench-check.sh: time and peak memory of `kennzahl check` on 250 000 and 1 000 000 synthetic claims (target < 3 s, memory linear).
# Called by tools/bench.sh (make bench) with KZ, RUNSTAT and BENCH_DIR in the environment.
KZ=${KZ:-./kennzahl}
RUNSTAT=${RUNSTAT:-build/rel/tools/runstat}
OUT=${BENCH_DIR:-bench/out}
GEN=${GENCHECK:-build/rel/tools/gencheck}
mkdir -p "$OUT"
[ -x "$GEN" ] || ${MAKE:-make} --no-print-directory "$GEN" > /dev/null || exit 1
[ -x "$RUNSTAT" ] || ${MAKE:-make} --no-print-directory "$RUNSTAT" > /dev/null || exit 1

for n in 250000 1000000; do
	[ -f "$OUT/check$n.csv" ] || "$GEN" "$n" > "$OUT/check$n.csv"
	set -- $("$RUNSTAT" "$KZ" check "$OUT/check$n.csv" -o "$OUT/findings$n.csv" --consensus "$OUT/consensus$n.csv" 2>&1 >/dev/null |
		sed -n 's/^runstat: seconds \([0-9.]*\) peak_rss_mb \([0-9.]*\).*/\1 \2/p')
	awk -v n="$n" -v s="$1" -v m="$2" -v f="$(($(wc -l < "$OUT/findings$n.csv") - 1))" \
		'BEGIN{printf "check %d claims: %.2f s, peak %.0f MB (%.0f bytes/claim), %d findings%s\n", n, s, m, m*1048576/n, f, (n==1000000 ? (s<3 ? " (target 3 s: ok)" : " (target 3 s: TOO SLOW)") : "")}'
done
