#!/bin/sh
# bench-load.sh: PDF loading speed — lays the seeds (or corpus) out into a long PDF and reports pages/s.
# Usage: sh tools/bench-load.sh [KENNZAHL] [MKPDF]   (defaults: ./kennzahl, build/rel/tools/mkpdf)
KZ=${1:-./kennzahl}
MKPDF=${2:-build/rel/tools/mkpdf}
SEEDS=${SEEDS:-../shared/seeds}
PAGES=${PAGES:-500}
LC_ALL=C.UTF-8
export LC_ALL
if [ ! -x "$MKPDF" ]; then
	echo "bench-load: $MKPDF is not built (make build/rel/tools/mkpdf)" >&2
	exit 4
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Source text: the seeds, else the corpus, one paragraph per line.
if ls "$SEEDS"/*.txt >/dev/null 2>&1; then
	cat "$SEEDS"/*.txt >"$tmp/src.txt"
else
	cat corpus/*.txt corpus/*.md >"$tmp/src.txt" 2>/dev/null
fi
[ -s "$tmp/src.txt" ] || { echo "bench-load: no text to lay out" >&2; exit 4; }

# Pages of one copy, then enough copies for $PAGES pages.
one=$("$MKPDF" -o "$tmp/one.pdf" "$tmp/src.txt" | sed -E 's/.*: ([0-9]+) pages/\1/')
rep=$(( (PAGES + one - 1) / one ))
"$MKPDF" -o "$tmp/long.pdf" --repeat "$rep" --page-numbers \
	--header "Stiftung Wissenschaft und Politik – Studie 12/2021" "$tmp/src.txt" >"$tmp/mk.out" || exit 4
pages=$(sed -E 's/.*: ([0-9]+) pages/\1/' "$tmp/mk.out")
size=$(wc -c <"$tmp/long.pdf")
echo "bench-load: $pages-page PDF ($size bytes) from $rep copies of the source text"

# Loading alone (Poppler text, layout, heads and feet, paragraphs), best of 3.
best=""
for i in 1 2 3; do
	line=$("$MKPDF" --load "$tmp/long.pdf") || exit 3
	pps=$(echo "$line" | sed -E 's/.*: ([0-9]+) pages\/s/\1/')
	if [ -z "$best" ] || [ "$pps" -gt "$best" ]; then best=$pps; bestline=$line; fi
done
echo "bench-load: load: $bestline"
echo "bench-load: load: $best pages/s"

# The whole extract command on it (loading, grammar, attribution, CSV).
if [ -x "$KZ" ]; then
	t0=$(date +%s.%N)
	"$KZ" extract -o "$tmp/claims.csv" "$tmp/long.pdf" || exit 3
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" -v p="$pages" -v n="$(($(wc -l <"$tmp/claims.csv") - 1))" \
		'BEGIN { s = b - a; printf "bench-load: extract: %d pages, %d claims in %.2f s: %.0f pages/s\n", p, n, s, (s > 0 ? p / s : 0) }'
fi
