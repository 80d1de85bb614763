#!/bin/sh
# killrun.sh: `kennzahl run` killed with SIGKILL at several points of a run on a corpus of over
# 50 MB. After each kill the output folder is either one complete run (its manifest matches
# every file it lists) or plainly incomplete (no manifest); the next run completes, sweeps the
# killed run's temporaries and leaves one run's outputs.
KZ=${KZ:-./kennzahl}
BUILD=${BUILD:-build/rel}
pass=0 fail=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $1"; }
now() { date +%s.%N; }
# consistent DIR: no manifest, or one that matches the files it lists
consistent() {
	[ -f "$1/manifest.csv" ] || return 0
	(cd "$1" && tail -n +2 manifest.csv | awk -F, '{ print $3 "  " $1 }' | sha256sum -c --quiet > /dev/null 2>&1)
}
temporaries() { ls -a "$1" | grep -c 'kennzahl-tmp'; }

mkdir "$t/korpus"
"$BUILD/tools/gencorpus" "$t/korpus" 54 24 > /dev/null
size=$(cat "$t/korpus"/*.txt | wc -c)
[ "$size" -gt 50000000 ] && ok || no "the corpus has only $size bytes"
o="$t/out"

s=$(now)
"$KZ" run "$t/korpus" -o "$o" > /dev/null 2>&1
[ $? = 0 ] && ok || no "the first run failed"
full=$(awk -v a="$s" -v b="$(now)" 'BEGIN { print b - a }')
consistent "$o" && ok || no "the first run's manifest does not match its files"

left=0
for f in 0.03 0.25 0.5 0.75 0.9; do
	"$KZ" run "$t/korpus" -o "$o" > /dev/null 2>&1 &
	pid=$!
	sleep "$(awk -v t="$full" -v f="$f" 'BEGIN { print t * f }')"
	kill -9 "$pid" 2> /dev/null
	wait "$pid" 2> /dev/null
	consistent "$o" && ok || no "killed at $f of a run: a manifest that does not match the files"
	left=$((left + $(temporaries "$o")))
done
[ "$left" -gt 0 ] && ok || no "no kill left a temporary (the sweep below tested nothing)"

"$KZ" run "$t/korpus" -o "$o" > /dev/null 2> "$t/err"
[ $? = 0 ] && ok || no "the run after the kills failed: $(head -3 "$t/err")"
[ "$(temporaries "$o")" = 0 ] && ok || no "temporaries of the killed runs left: $(ls -a "$o" | grep kennzahl-tmp | tr '\n' ' ')"
[ -f "$o/manifest.csv" ] && consistent "$o" && ok || no "after the kills: no manifest, or one that does not match"
[ "$(tail -n +2 "$o/manifest.csv" | wc -l)" = 7 ] && ok || no "the manifest does not list the run's seven files (the store among them)"
echo "killrun: $pass passed, $fail failed ($left temporaries left by 5 kills, a run took $full s)"
[ $fail = 0 ]
