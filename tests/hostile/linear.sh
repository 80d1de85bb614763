# linear.sh (part of hostile.sh): extraction is linear in time and bounded in memory whatever the
# text holds. Runs without letters ("[5][5]…", "1.0001.000…", "??…?5") once made the sentence
# splitter and the number scanner walk back to the sentence start at every stop or number; a
# sentence with a figure every 15 bytes kept a copy of itself for every figure (1.17 GB for 4 MB).
# Uses $KZ, $t and ok/no/clean from hostile.sh.

# A budget far above linear (well under a second here) and far below what the quadratic walks took
# (30 s to hours for these sizes); the sanitizer build is about ten times slower.
case "$KZ" in
*san*) budget=20 ;;
*) budget=5 ;;
esac
lim=$budget # the budget of the next run

# rep PATTERN COUNT [PREFIX]: PREFIX, then PATTERN COUNT times, no line end
rep() { awk -v p="$1" -v n="$2" -v pre="${3:-}" 'BEGIN { printf "%s", pre; for (i = 0; i < n; i++) printf "%s", p }'; }

# peak KB of the last run_timed, or empty when /usr/bin/time is not there
peak=
# run_timed NAME FILE [OPTIONS]: extract FILE within the budget, rows to $t/NAME.rows
run_timed() {
	name=$1 file=$2
	shift 2
	peak=
	if [ -x /usr/bin/time ]; then
		timeout "$lim" /usr/bin/time -f '%M' -o "$t/$name.mem" "$KZ" extract "$@" "$file" 2> "$t/$name.err" |
			wc -l > "$t/$name.rows"
		peak=$(tail -1 "$t/$name.mem" 2> /dev/null)
		case "$peak" in *[!0-9]* | '') peak= ;; esac
	else
		timeout "$lim" "$KZ" extract "$@" "$file" 2> "$t/$name.err" | wc -l > "$t/$name.rows"
	fi
	# timeout's status is lost in the pipe: a run that was killed has no complete output, and
	# /usr/bin/time then writes no figure; check the time separately below
}

# within NAME FILE [OPTIONS]: extract FILE in under $lim seconds, with no sanitizer report
within() {
	name=$1 file=$2
	start=$(date +%s)
	run_timed "$@"
	took=$(($(date +%s) - start))
	[ "$took" -lt "$lim" ] && ok || no "$name: extract took ${took} s, more than ${lim} s ($(wc -c < "$file") bytes)"
	clean "$t/$name.err" "$name"
}

# Letterless runs, 300 KB to 500 KB each.
rep '[5]' 100000 > "$t/brackets.txt"
rep '5...' 100000 > "$t/ellipsis.txt"
rep '#5;' 100000 > "$t/hashsemi.txt"
rep '-5;' 100000 > "$t/minussemi.txt"
rep '1.000' 100000 > "$t/thousands.txt"
rep '1.' 150000 > "$t/dots.txt"
rep '.5' 150000 'x ' > "$t/dotdigit.txt"
rep '?' 300000 > "$t/questions.txt" && printf '5' >> "$t/questions.txt"
rep '5%' 150000 > "$t/percent.txt"
# a table whose header cell is a page of words, over many rows
{ printf '| Land | '; rep 'Wort ' 800; printf 'US-Soldaten |\n|---|---|\n'; rep '| Japan | 5 |\n' 60000; } > "$t/table.txt"
for k in brackets ellipsis hashsemi minussemi thousands dots dotdigit questions percent table; do
	within "$k" "$t/$k.txt" --core
done
# One sentence of 2.1 MB with a figure every 15 bytes: one row per figure (the rows carry their
# sentence, so the CSV is big), but memory stays a small multiple of the document.
rep 'und 5 Soldaten ' 140000 > "$t/dense.txt"
# the base: what the program takes for a one-line document
printf 'Rund 55 300 Soldaten.\n' > "$t/tiny.txt"
run_timed tiny "$t/tiny.txt"
base=$peak
# its 550 MB of CSV take their time to write: three budgets
lim=$((3 * budget))
within dense "$t/dense.txt"
lim=$budget
[ "$(cat "$t/dense.rows")" = 140001 ] && ok || no "dense: $(cat "$t/dense.rows") lines, expected 140001 (header and 140000 claims)"
if [ -n "$base" ]; then
	kb=$(($(wc -c < "$t/dense.txt") / 1024))
	# the sanitizer's shadow memory and quarantine add their share: a looser factor there
	case "$KZ" in *san*) factor=60 ;; *) factor=20 ;; esac
	[ -n "$peak" ] && [ "$peak" -le $((base + factor * kb)) ] && ok ||
		no "dense: peak ${peak:-?} KB for a ${kb} KB document (base ${base} KB, allowed ${factor}x)"
fi
