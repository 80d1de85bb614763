# common.sh: sourced by the CLI test scripts — the C.UTF-8 locale, $KZ made absolute (the scripts cd),
# the counters, a scratch directory $t removed on exit, ok and no (a failure names itself).
LC_ALL=C.UTF-8
export LC_ALL
KZ=${KZ:-./kennzahl}
case "$KZ" in /*) ;; *) KZ="$(pwd)/$KZ" ;; esac
pass=0 fail=0 skip=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }
