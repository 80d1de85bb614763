#!/bin/sh
# badinput.sh: hostile inputs give one clear message each, the good documents' claims are all
# written, the exit status says "bad input" (3), and nothing crashes (run under the sanitizers too).
KZ=${KZ:-./kennzahl}
pass=0 fail=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $1"; }

mkdir "$t/in"
printf 'Die USA hatten 2020 circa 55 300 Soldaten in Japan stationiert.\n' > "$t/in/a-good.txt"
printf 'Im Jahr 2024 entfielen etwa 19,5 Prozent der Exporte Südkoreas auf China.\n' > "$t/in/z-good.txt"
: > "$t/in/empty.txt"
printf 'Text\000mit NUL\n' > "$t/in/nul.txt"
head -c 4096 /dev/urandom > "$t/in/binary.txt"
ln -s "$t/does-not-exist.txt" "$t/in/broken.txt"
# a 5-million-digit number inside a sentence, then a real figure
{ printf 'Die Zahl '; head -c 5000000 /dev/zero | tr '\0' '7'; printf ' Soldaten ist keine. Im Jahr 2021 standen rund 8 000 Soldaten in Korea.\n'; } > "$t/in/digits.txt"
# a 100 MB single line without a full stop, a figure every 2 KB or so
yes 'und die Debatte ueber die Lastenteilung im Buendnis geht weiter, waehrend Beobachter auf die strategische Lage verweisen und Fachleute vor voreiligen Schluessen warnen, zumal die Regierung keine weiteren Angaben machte und der Ausschuss erst im Herbst tagt; ' |
	awk 'NR % 8 == 0 { printf "mit %d Soldaten ", NR % 997 } { printf "%s", $0 } NR >= 420000 { exit }' > "$t/in/oneline.txt"
printf '\n' >> "$t/in/oneline.txt"
# Windows-1252 text (not UTF-8): read with a warning
printf 'S\374dkorea zahlte 2021 rund 1,18 Billionen Won.\n' > "$t/in/cp1252.txt"

"$KZ" extract "$t/in" -o "$t/out.csv" 2> "$t/err"
status=$?
[ "$status" = 3 ] && ok || no "exit status $status, expected 3"
grep -q 'a-good.txt#' "$t/out.csv" && ok || no "claims of a-good.txt missing"
grep -q 'z-good.txt#' "$t/out.csv" && ok || no "claims of z-good.txt missing (one bad file must not stop the others)"
grep -q 'digits.txt#.*8000' "$t/out.csv" && ok || no "the figure after the 5-million-digit number is missing"
grep -q 'cp1252.txt#.*1180000000000' "$t/out.csv" && ok || no "Windows-1252 text not read"
grep -q 'cp1252.txt: not valid UTF-8, read as Windows-1252' "$t/err" && ok || no "no warning for Windows-1252"
grep -q 'empty.txt: empty file' "$t/err" && ok || no "no message for the empty file"
grep -q 'nul.txt: binary file' "$t/err" && ok || no "no message for NUL bytes"
grep -q 'binary.txt: ' "$t/err" && ok || no "no message for the binary file"
grep -q 'broken.txt: broken symbolic link' "$t/err" && ok || no "no message for the broken link"
[ "$(wc -c < "$t/in/oneline.txt")" -gt 100000000 ] && ok || no "the single line is not 100 MB"
[ "$(grep -c 'oneline.txt#' "$t/out.csv")" -gt 50000 ] && ok || no "the long single line lost its figures"
grep -q 'Sanitizer\|runtime error' "$t/err" && no "sanitizer report: $(grep -m1 'Sanitizer\|runtime error' "$t/err")" || ok

# an output file is never left half-written: a failing run leaves no file and no temporary
"$KZ" extract "$t/in/a-good.txt" -o "$t/nodir/out.csv" 2> "$t/err2"
status=$?
[ "$status" = 4 ] && ok || no "unwritable output: exit status $status, expected 4"
[ ! -e "$t/nodir" ] && ok || no "output folder appeared"
ls "$t"/out.csv.tmp* > /dev/null 2>&1 && no "temporary file left behind" || ok

# usage errors are status 2
"$KZ" extract --csv nonsense "$t/in/a-good.txt" > /dev/null 2>&1
[ $? = 2 ] && ok || no "bad --csv value is not a usage error"
"$KZ" frobnicate > /dev/null 2>&1
[ $? = 2 ] && ok || no "unknown command is not a usage error"
"$KZ" extract "$t/missing-path" > /dev/null 2> "$t/err3"
[ $? = 3 ] && ok || no "a missing path is not bad input"
grep -q "missing-path: No such file" "$t/err3" && ok || no "no message for a missing path"

echo "badinput: $pass passed, $fail failed"
[ $fail = 0 ]
