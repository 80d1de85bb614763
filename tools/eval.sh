#!/bin/sh
# eval.sh: score extraction against hand-checked keys (make eval):
#   the seed documents (../shared/seeds, key tests/eval/seeds.tsv), skipped when absent, and
#   the held-out news set (tests/eval/news/, written apart from the extractor's rules).
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
	echo "== held-out news ($set, key ${set}key.tsv)"
	"$KZ" extract "$set" -o "$out" || exit $?
	"$EVAL" "${set}key.tsv" "$out" $EVAL_FLAGS || exit $?
done
