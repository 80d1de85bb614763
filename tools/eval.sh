#!/bin/sh
# eval.sh: score extraction against hand-checked keys (make eval):
#   the seed documents (../shared/seeds, key tests/eval/seeds.tsv), skipped when absent, and
#   and each news set (tests/eval/news*/, written apart from the extractor's rules); a set whose
#   README says "**Held out.**" has never been tuned on, the others have; a set with held-out.list
#   is scored again on the texts that file lists, the part of it never tuned on.
KZ=${1:-./kennzahl}
EVAL=${2:-build/rel/tools/eval}
SEEDS=${SEEDS:-../shared/seeds}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
if [ -d "$SEEDS" ]; then
	echo "== seeds ($SEEDS, key tests/eval/seeds.tsv)"
	"$KZ" extract "$SEEDS" -o "$out" || exit $?
	"$EVAL" tests/eval/seeds.tsv "$out" $EVAL_FLAGS || exit $?
else
	echo "== seeds: skipped: $SEEDS not found (the seed documents live beside the checkout)"
fi
for set in tests/eval/news*/; do
	[ -f "$set/key.tsv" ] || continue
	if grep -q "^\*\*Held out\.\*\*" "$set/README.md" 2>/dev/null; then kind="held-out news, never tuned on"; else kind="news, tuned on"; fi
	echo "== $kind ($set, key ${set}key.tsv)"
	"$KZ" extract "$set" -o "$out" || exit $?
	"$EVAL" "${set}key.tsv" "$out" $EVAL_FLAGS || exit $?
	# a set partly tuned on: its held-out texts (held-out.list, one file name a line) scored apart
	if [ -f "$set/held-out.list" ]; then
		part=$(mktemp -d)
		while read -r f; do [ -n "$f" ] && cp "$set/$f" "$part/"; done < "$set/held-out.list"
		[ -f "$set/sources.csv" ] &&
			awk -F, 'NR == FNR { keep[$1] = 1; next } FNR == 1 || keep[$1]' "$set/held-out.list" "$set/sources.csv" > "$part/sources.csv"
		awk -F'\t' 'NR == FNR { keep[$1] = 1; next } FNR == 1 || keep[$1]' "$set/held-out.list" "${set}key.tsv" > "$part/key.tsv"
		echo "== held-out news, never tuned on (the texts of ${set}held-out.list, their rows of ${set}key.tsv)"
		"$KZ" extract "$part" -o "$out" || { rm -rf "$part"; exit 1; }
		"$EVAL" "$part/key.tsv" "$out" $EVAL_FLAGS || { rm -rf "$part"; exit 1; }
		rm -rf "$part"
	fi
done
