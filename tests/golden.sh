#!/bin/sh
# golden.sh: golden CLI tests. Each tests/golden/<case>/ holds `cmd` (the arguments, run inside the
# case folder), the inputs, and the expected `expect.out`, `expect.status`, optionally `expect.err`.
# KZ_UPDATE=1 rewrites the expectations (review the diff before committing).
KZ=${KZ:-./kennzahl}
case "$KZ" in /*) ;; *) KZ="$(pwd)/$KZ" ;; esac
pass=0 fail=0
for d in tests/golden/*/; do
	[ -f "$d/cmd" ] || continue
	name=$(basename "$d")
	out=$(mktemp) err=$(mktemp)
	(cd "$d" && eval "\"$KZ\" $(cat cmd)" > "$out" 2> "$err")
	status=$?
	if [ -n "$KZ_UPDATE" ]; then
		cp "$out" "$d/expect.out"
		echo "$status" > "$d/expect.status"
		[ -f "$d/expect.err" ] && cp "$err" "$d/expect.err"
	fi
	ok=1
	if ! diff -u "$d/expect.out" "$out" > "$out.diff"; then ok=0; cat "$out.diff"; fi
	if [ "$status" != "$(cat "$d/expect.status")" ]; then
		ok=0
		echo "$name: exit status $status, expected $(cat "$d/expect.status")"
	fi
	if [ -f "$d/expect.err" ] && ! diff -u "$d/expect.err" "$err"; then ok=0; fi
	if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL golden/$name"; fi
	rm -f "$out" "$err" "$out.diff"
done
echo "golden: $pass passed, $fail failed"
[ $fail = 0 ]
