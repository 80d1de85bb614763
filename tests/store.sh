#!/bin/sh
# store.sh: OUTDIR/kennzahl.sqlite makes runs incremental — an unchanged corpus is not extracted again
# and gives the same outputs byte for byte; a changed, touched, added or removed document, a changed
# sources.csv row, --lexicon, --rebuild, another schema and a file that is no store are each handled;
# a run killed (SIGKILL) at several points leaves the previous store or the new one, and the next run
# goes on from there; the tables open in the sqlite3 shell. Prints "N passed, N failed".
. "$(dirname "$0")/lib/common.sh"
SOURCE_DATE_EPOCH=1764547200
export SOURCE_DATE_EPOCH
command -v sqlite3 > /dev/null 2>&1 || {
	echo "store: the sqlite3 shell is not installed (apt-get install sqlite3); skipped"
	echo "store: 0 passed, 0 failed, 1 skipped"
	exit 0
}
q() { sqlite3 "$1/kennzahl.sqlite" "$2"; }
summary() { tail -1 "$1"; }
same_outputs() { # what DIR1 DIR2: the run's files are the same
	for f in claims.csv findings.csv consensus.csv documents.csv factsheet.pdf claims.xlsx; do
		cmp -s "$2/$f" "$3/$f" && ok || no "$1: $f differs"
	done
}

mkdir -p "$t/c"
cp corpus/*.txt corpus/*.md corpus/sources.csv "$t/c/"
rm -f "$t/c/README.md"
ndocs=$(ls "$t/c"/*.txt "$t/c"/*.md | wc -l)
# file times in the past: a file written in the last seconds is compared by its hash
touch -d '2026-01-01 12:00' "$t/c"/*

# 1. first run: everything extracted, the store written and listed in the manifest
"$KZ" run -o "$t/o" "$t/c" > "$t/1.out" 2> "$t/1.err" || no "first run failed: $(cat "$t/1.err")"
[ -f "$t/o/kennzahl.sqlite" ] && ok || no "no kennzahl.sqlite after a run"
grep -q '^kennzahl.sqlite,' "$t/o/manifest.csv" && ok || no "the manifest does not list the store"
grep -q "/kennzahl.sqlite$" "$t/1.out" && ok || no "run does not name the store among its outputs"
[ "$(q "$t/o" 'PRAGMA user_version')" = 1 ] && ok || no "schema version not recorded"
[ "$(q "$t/o" 'SELECT count(*) FROM claims')" = "$(($(wc -l < "$t/o/claims.csv") - 1))" ] && ok ||
	no "the store's claims table does not hold claims.csv"
[ "$(q "$t/o" 'SELECT count(*) FROM cache_documents')" = "$ndocs" ] && ok || no "the cache does not hold every document"
[ "$(q "$t/o" "SELECT typeof(value) FROM claims LIMIT 1")" = real ] && ok || no "value is not stored as a number"
[ "$(q "$t/o" "SELECT count(*) FROM claims WHERE page IS NOT NULL AND page <> ''")" = 0 ] && ok || no "an empty page is not NULL"
q "$t/o" "SELECT id FROM claims_fts WHERE claims_fts MATCH 'Soldaten' LIMIT 1" | grep -q '#' && ok || no "the full-text index finds no sentence"
for v in facts disputed errors claims_by_source; do
	q "$t/o" "SELECT count(*) FROM $v" > /dev/null 2>&1 && ok || no "view $v cannot be read"
done
[ "$(q "$t/o" 'SELECT documents || "," || extracted || "," || reused FROM run')" = "$ndocs,$ndocs,0" ] && ok ||
	no "run table: $(q "$t/o" 'SELECT * FROM run')"

# 2. unchanged: nothing extracted, every output the same, messages too
cp -r "$t/o" "$t/o1"
"$KZ" run -o "$t/o" "$t/c" > "$t/2.out" 2> "$t/2.err"
summary "$t/2.out" | grep -q "(0 extracted, $ndocs unchanged from the store)" && ok || no "unchanged corpus extracted again: $(summary "$t/2.out")"
same_outputs "unchanged corpus" "$t/o1" "$t/o"
cmp -s "$t/1.err" "$t/2.err" && ok || no "messages of a run from the store differ: $(diff "$t/1.err" "$t/2.err" | head -3)"
"$KZ" run -j 3 -o "$t/o" "$t/c" > "$t/2j.out" 2>/dev/null
same_outputs "from the store with -j 3" "$t/o1" "$t/o"

# 3. a changed document is extracted again, and only it; the result is a fresh run's
printf '\nDie Bundeswehr hat 2025 rund 4.800 Soldaten in Litauen stationiert.\n' >> "$t/c/usfk-truppenstaerke-2025.txt"
touch -d '2026-01-02 12:00' "$t/c/usfk-truppenstaerke-2025.txt"
"$KZ" run -o "$t/o" "$t/c" > "$t/3.out" 2>/dev/null
summary "$t/3.out" | grep -q "(1 extracted, $((ndocs - 1)) unchanged" && ok || no "changed document: $(summary "$t/3.out")"
grep -q '4.800 Soldaten' "$t/o/claims.csv" && ok || no "the changed document's new figure is missing"
"$KZ" run --no-store -o "$t/fresh" "$t/c" > /dev/null 2>&1
same_outputs "after a change" "$t/fresh" "$t/o"
[ ! -f "$t/fresh/kennzahl.sqlite" ] && ok || no "--no-store wrote a store"

# 4. touched only (time changed, content not): reused by its hash
touch -d '2026-01-03 12:00' "$t/c/sma-pressemitteilung-2024.txt"
"$KZ" run -o "$t/o" "$t/c" > "$t/4.out" 2>/dev/null
summary "$t/4.out" | grep -q "(0 extracted, $ndocs unchanged" && ok || no "a touched document was extracted again: $(summary "$t/4.out")"
"$KZ" run -o "$t/o" "$t/c" > "$t/4b.out" 2>/dev/null
summary "$t/4b.out" | grep -q "(0 extracted" && ok || no "a touched document's new time was not kept"

# 5. a changed sources.csv row: that document again, with its new title
sed -i 's/^sma-pressemitteilung-2024.txt,[^,]*,/sma-pressemitteilung-2024.txt,Neuer Titel der Mitteilung,/' "$t/c/sources.csv"
"$KZ" run -o "$t/o" "$t/c" > "$t/5.out" 2>/dev/null
summary "$t/5.out" | grep -q "(1 extracted" && ok || no "a changed sources.csv row: $(summary "$t/5.out")"
grep -q 'Neuer Titel der Mitteilung' "$t/o/claims.csv" && ok || no "the new title is not in the claims"

# 6. added and removed documents
cp "$t/c/bmvg-nato-quote-2024.txt" "$t/c/zusatz-2024.txt"
rm "$t/c/handel-suedkorea-china-2025.txt"
"$KZ" run -o "$t/o" "$t/c" > "$t/6.out" 2>/dev/null
summary "$t/6.out" | grep -q "(1 extracted, $((ndocs - 1)) unchanged" && ok || no "added and removed: $(summary "$t/6.out")"
[ "$(q "$t/o" "SELECT count(*) FROM cache_documents WHERE key LIKE '%handel-suedkorea%'")" = 0 ] && ok || no "a removed document stays in the cache"
[ "$(q "$t/o" "SELECT count(*) FROM documents WHERE file LIKE '%handel-suedkorea%'")" = 0 ] && ok || no "a removed document stays in the documents table"

# 7. a lexicon, --rebuild: everything again
printf 'country\tLitauen\tLT\t\n' > "$t/lex.tsv"
"$KZ" run --lexicon "$t/lex.tsv" -o "$t/o" "$t/c" > "$t/7.out" 2> "$t/7.err"
summary "$t/7.out" | grep -q "(.* unchanged" && no "another lexicon reused the store: $(summary "$t/7.out")" || ok
grep -q "other lexicons" "$t/7.err" && ok || no "no message that the store was made with other lexicons"
"$KZ" run --rebuild -o "$t/o" "$t/c" > "$t/7b.out" 2>/dev/null
summary "$t/7b.out" | grep -q "unchanged" && no "--rebuild reused the store" || ok

# 8. another schema, a file that is no store, a store that is no regular file
sqlite3 "$t/o/kennzahl.sqlite" 'PRAGMA user_version=99'
"$KZ" run -o "$t/o" "$t/c" > "$t/8.out" 2> "$t/8.err"
[ $? = 0 ] && grep -q "schema 99" "$t/8.err" && ok || no "another schema: $(cat "$t/8.err")"
[ "$(q "$t/o" 'PRAGMA user_version')" = 1 ] && ok || no "another schema's store was not started afresh"
echo "kein SQLite" > "$t/o/kennzahl.sqlite"
"$KZ" run -o "$t/o" "$t/c" > /dev/null 2> "$t/8b.err"
[ $? = 0 ] && grep -q "not a kennzahl store" "$t/8b.err" && ok || no "a file that is no store: $(cat "$t/8b.err")"
rm "$t/o/kennzahl.sqlite"
mkfifo "$t/o/kennzahl.sqlite"
"$KZ" run -o "$t/o" "$t/c" > /dev/null 2> "$t/8c.err"
rc=$?
[ $rc = 4 ] && [ -p "$t/o/kennzahl.sqlite" ] && grep -q "not a regular file" "$t/8c.err" && ok || no "a FIFO as the store: status $rc, $(cat "$t/8c.err")"
[ -f "$t/o/claims.csv" ] && ok || no "without its store the run wrote no claims"
rm "$t/o/kennzahl.sqlite"

# 9. corrections applied are in the store
id=$(sed -n 2p "$t/o/claims.csv" | sed -n -e 's/^"\([^"]*\)",.*/\1/p' -e 't' -e 's/^\([^,"]*\),.*/\1/p')
(cd "$t/c" && "$KZ" correct --reject "$id" > /dev/null 2>&1)
"$KZ" run -o "$t/o" "$t/c" > /dev/null 2>&1
[ "$(q "$t/o" "SELECT state FROM corrections")" = applied ] && ok || no "the corrections table: $(q "$t/o" 'SELECT * FROM corrections')"
rm -f "$t/c/corrections.csv"

# 10. SIGKILL at several points: the previous store or the new one, and the next run goes on
mkdir -p "$t/k"
i=0
for r in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40; do
	for f in "$t/c"/*.txt "$t/c"/*.md; do
		i=$((i + 1))
		{ echo "Bericht $i."; cat "$f"; } > "$t/k/d$i-$(basename "$f")"
	done
done
touch -d '2026-01-01 12:00' "$t/k"/*
sel="--select indicator=troops -j 1"
"$KZ" run $sel -o "$t/ko" "$t/k" > /dev/null 2>&1 || no "the kill corpus does not run"
old=$(q "$t/ko" 'SELECT claims FROM run')
# the new state: a third of the documents changed
for f in "$t/k"/d1*-*; do echo "Es sind 1.234 Soldaten." >> "$f"; done
touch -d '2026-01-02 12:00' "$t/k"/*
"$KZ" run $sel --no-store -o "$t/kref" "$t/k" > /dev/null 2>&1
new=$(($(wc -l < "$t/kref/claims.csv") - 1))
[ "$old" != "$new" ] && ok || no "the kill test cannot tell the old store from the new ($old claims)"
for d in 0.05 0.15 0.3 0.5 0.8 1.2 1.8; do
	"$KZ" run $sel -o "$t/ko" "$t/k" > /dev/null 2>&1 &
	pid=$!
	sleep $d
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	chk=$(sqlite3 "$t/ko/kennzahl.sqlite" 'PRAGMA integrity_check' 2>&1)
	now=$(q "$t/ko" 'SELECT claims FROM run' 2>&1)
	rows=$(q "$t/ko" 'SELECT count(*) FROM claims' 2>&1)
	if [ "$chk" = ok ] && { [ "$now" = "$old" ] || [ "$now" = "$new" ]; } && [ "$rows" = "$now" ]; then
		ok
	else
		no "killed after $d s: integrity '$chk', run says $now claims, the table holds $rows (old $old, new $new)"
	fi
done
"$KZ" run $sel -o "$t/ko" "$t/k" > "$t/k.out" 2>/dev/null || no "the run after the kills failed"
for f in claims.csv findings.csv consensus.csv documents.csv; do
	cmp -s "$t/kref/$f" "$t/ko/$f" && ok || no "after the kills: $f differs from a run without a store"
done
[ "$(q "$t/ko" 'SELECT claims FROM run')" = "$new" ] && ok || no "after the kills the store does not hold the new run"

echo "store: $pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
