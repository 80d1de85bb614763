#!/bin/sh
# run.sh: run every test (unit programs, grammar case files, golden CLI cases) and print one closing line.
# Environment: KZ (the kennzahl binary), BUILD (the build folder with tests/ and tools/), SEEDS (the seed
# documents, default ../shared/seeds). The closing lines name what was skipped and how to run it.
LC_ALL=C.UTF-8
export LC_ALL
KZ=${KZ:-./kennzahl}
case "$KZ" in /*) ;; *) KZ="$(pwd)/$KZ" ;; esac
BUILD=${BUILD:-build/rel}
export KZ BUILD
# (the sanitizer build: a library's known leak is no finding of ours, tests/lsan.supp)
LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS
pass=0 fail=0 skip=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

count() { # parse "N passed, N failed[, N skipped]" from the last line of $1
	line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$1" | tail -1)
	p=$(echo "$line" | sed -E 's/^(.*[^0-9])?([0-9]+) passed.*/\2/')
	f=$(echo "$line" | sed -E 's/^(.*[^0-9])?([0-9]+) failed.*/\2/')
	s=$(echo "$line" | sed -nE 's/^(.*[^0-9])?([0-9]+) skipped.*/\2/p')
	[ -n "$p" ] || p=0
	[ -n "$f" ] || f=1
	pass=$((pass + p)) fail=$((fail + f)) skip=$((skip + ${s:-0}))
}

skipped() { # the lines of a test's output that say what it skipped
	grep -iE 'skipped|not found' "$1" | grep -vE '[0-9]+ passed, [0-9]+ failed' >> "$tmp/skips"
}
: > "$tmp/skips"

for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	if "$t" > "$tmp/out" 2>&1; then :; else
		echo "FAIL $name"; cat "$tmp/out"
	fi
	count "$tmp/out"
	grep -E 'passed, [0-9]+ failed' "$tmp/out" | tail -1
	skipped "$tmp/out"
done

for s in tests/*.sh; do
	[ "$s" = tests/run.sh ] && continue
	[ -f "$s" ] || continue
	name=$(basename "$s" .sh)
	if sh "$s" > "$tmp/out" 2>&1; then :; else
		echo "FAIL $name"; cat "$tmp/out"
	fi
	count "$tmp/out"
	grep -E 'passed, [0-9]+ failed' "$tmp/out" | tail -1
	skipped "$tmp/out"
done

# what was skipped, and how to run it
if [ -s "$tmp/skips" ]; then
	echo "skipped:"
	sed 's/^/  /' "$tmp/skips"
	if grep -q seeds "$tmp/skips"; then
		echo "  the seed tests need the seed documents: make check SEEDS=DIR"
	fi
fi
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
