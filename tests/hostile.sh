#!/bin/sh
# hostile.sh: inputs and faults that once crashed, hung or misled kennzahl. Each part in
# tests/hostile/ is one class of defect; the parts share ok/no and a scratch folder $t.
# Every part runs under the sanitizer build too, and must finish well within a linear budget.
KZ=${KZ:-./kennzahl}
case "$KZ" in /*) ;; *) KZ="$(pwd)/$KZ" ;; esac
pass=0 fail=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $1"; }
# clean: no sanitizer report in the stderr file $1 (named $2)
clean() { if grep -q 'Sanitizer\|runtime error' "$1"; then no "$2: $(grep -m1 'Sanitizer\|runtime error' "$1")"; else ok; fi; }
# part: a fresh scratch folder for each part
for part in "$(dirname "$0")"/hostile/*.sh; do
	[ -f "$part" ] || continue
	rm -rf "$t" && mkdir -p "$t"
	. "$part"
done
echo "hostile: $pass passed, $fail failed"
[ $fail = 0 ]
