#!/bin/sh
# eval.sh: extract the seeds and score the claims against the hand-checked key (make eval).
KZ=${1:-./kennzahl}
EVAL=${2:-build/rel/tools/eval}
SEEDS=${SEEDS:-../shared/seeds}
if [ ! -d "$SEEDS" ]; then
	echo "eval: skipped: $SEEDS not found (the seed documents live beside the checkout)"
	exit 0
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$KZ" extract "$SEEDS" -o "$out" || exit $?
"$EVAL" tests/eval/seeds.tsv "$out" $EVAL_FLAGS
