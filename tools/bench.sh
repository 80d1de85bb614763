#!/bin/sh
# bench.sh: throughput and peak memory of kennzahl on a generated German corpus (make bench).
# Figures are for one run on this machine; compare them as ratios, not as absolutes.
set -e
KZ=${1:-./kennzahl}
GEN=${2:-build/rel/tools/gencorpus}
RUNSTAT=${RUNSTAT:-build/rel/tools/runstat}
OUT=${BENCH_DIR:-bench/out}
MB=${BENCH_MB:-100}
mkdir -p "$OUT"

corpus() { # corpus DIR MEGABYTES FILES
	if [ ! -f "$1/.done" ] || [ "$(cat "$1/.done")" != "$2 $3" ]; then
		rm -rf "$1" && mkdir -p "$1"
		"$GEN" "$1" "$2" "$3" > /dev/null
		echo "$2 $3" > "$1/.done"
	fi
}

stat_of() { # run a command under runstat and print "seconds peak_mb"
	"$RUNSTAT" "$@" 2>&1 >/dev/null | sed -n 's/^runstat: seconds \([0-9.]*\) peak_rss_mb \([0-9.]*\).*/\1 \2/p'
}

echo "== extract: $MB MB generated corpus (50 documents), one core"
corpus "$OUT/corpus$MB" "$MB" 50
bytes=$(cat "$OUT/corpus$MB"/*.txt | wc -c)
set -- $(stat_of "$KZ" extract "$OUT/corpus$MB" -o "$OUT/claims.csv")
claims=$(($(wc -l < "$OUT/claims.csv") - 1))
echo "extract: $bytes bytes, $claims claims, $1 s, $(awk -v b="$bytes" -v s="$1" 'BEGIN{printf "%.1f", b/1e6/s}') MB/s, peak $2 MB"

echo "== extract memory: bounded by the largest document, not by the corpus"
corpus "$OUT/corpus10" 10 5
set -- $(stat_of "$KZ" extract "$OUT/corpus10" -o /dev/null)
small=$2
set -- $(stat_of "$KZ" extract "$OUT/corpus$MB" -o /dev/null)
echo "peak memory: 10 MB corpus of 2 MB documents: $small MB; $MB MB corpus of $((MB / 50)) MB documents: $2 MB"

for extra in tools/bench-*.sh; do
	[ -f "$extra" ] || continue
	echo "== $(basename "$extra" .sh)"
	KZ="$KZ" RUNSTAT="$RUNSTAT" BENCH_DIR="$OUT" sh "$extra" || echo "$(basename "$extra"): failed"
done
