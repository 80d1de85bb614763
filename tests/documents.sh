#!/bin/sh
# documents.sh: run's documents.csv (every document given, its citation, hash, claims and state) and
# citations that travel with a claims table (report of a moved table still names its sources); prints "N passed, N failed".
. "$(dirname "$0")/lib/common.sh"
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH

mkdir -p "$t/c"
cp corpus/usfk-truppenstaerke-2025.txt "$t/c/usfk.txt"
printf 'Ein Text ganz ohne Zahlen, der nur die Lage beschreibt.\n' > "$t/c/leer.txt"
printf '\000\001\002binary' > "$t/c/kaputt.txt"
cat > "$t/c/sources.csv" <<'CSV'
file,title,publisher,date,url
usfk.txt,Bericht über möglichen US-Teilabzug,Agentur Beispiel,2025-05-23,https://example.org/usfk
leer.txt,Lagebild ohne Zahlen,Zeitung Beispiel,2025-06-01,https://example.org/leer
CSV
(cd "$t" && "$KZ" run c -o out > run.out 2> run.err)
st=$?
[ $st = 3 ] && ok || no "run with a bad document: exit $st, expected 3"
d="$t/out/documents.csv"
[ -f "$d" ] && ok || no "no documents.csv"
[ "$(head -1 "$d")" = "file,title,publisher,published,url,sha256,pages,claims,state,message" ] && ok || no "documents.csv header: $(head -1 "$d")"
[ "$(wc -l < "$d")" = 4 ] && ok || no "documents.csv: $(($(wc -l < "$d") - 1)) rows for 3 documents"
h=$(sha256sum "$t/c/usfk.txt" | cut -d' ' -f1)
n=$(awk -F, 'NR > 1' "$t/out/claims.csv" | grep -c ',c/usfk.txt,')
grep -q "^c/usfk.txt,Bericht über möglichen US-Teilabzug,Agentur Beispiel,2025-05-23,https://example.org/usfk,$h,,$n,ok,\$" "$d" && ok || no "usfk row (sha256 $h, $n claims): $(grep usfk "$d")"
[ "$n" -gt 5 ] && ok || no "usfk: only $n claims"
grep -q "^c/leer.txt,Lagebild ohne Zahlen,Zeitung Beispiel,2025-06-01,https://example.org/leer,[0-9a-f]\{64\},,0,no_figures,\$" "$d" && ok || no "document without figures: $(grep leer "$d")"
grep -q '^c/kaputt.txt,.*,0,bad,.\+' "$d" && ok || no "bad document with its message: $(grep kaputt "$d")"
grep -q '^documents.csv,[0-9]*,[0-9a-f]\{64\}$' "$t/out/manifest.csv" && ok || no "documents.csv not in the manifest"
grep -q 'out/documents.csv' "$t/run.out" && ok || no "run does not name documents.csv"
# the summary line, last: documents read, bad, without figures; claims; findings by kind; where
tail -1 "$t/run.out" | grep -q "^run: 2 documents read, 1 bad, 1 without figures; $n claims; [0-9]* findings\( ([0-9]* [a-z]*\(, [0-9]* [a-z]*\)*)\)\{0,1\}; outputs in out/\$" && ok || no "summary line: $(tail -1 "$t/run.out")"
# the fact sheet lists the document without figures among its sources
pdftotext "$t/out/factsheet.pdf" "$t/sheet.txt" 2>/dev/null
grep -q 'Lagebild ohne Zahlen' "$t/sheet.txt" && ok || no "the document without figures is missing from the fact sheet's sources"

# the claims table carries the citation: report and check of a moved, edited table from another folder
mkdir -p "$t/elsewhere"
sed 's/Agentur Beispiel/Agentur Beispiel (geprüft)/' "$t/out/claims.csv" > "$t/elsewhere/edited.csv"
(cd "$t/elsewhere" && "$KZ" report -o sheet.pdf edited.csv > /dev/null 2> err) || no "report of a moved table failed: $(cat "$t/elsewhere/err")"
pdftotext "$t/elsewhere/sheet.pdf" "$t/moved.txt" 2>/dev/null
grep -q 'Bericht über möglichen US-Teilabzug' "$t/moved.txt" && ok || no "report of a moved table: title missing"
grep -q 'Agentur Beispiel (geprüft)' "$t/moved.txt" && ok || no "report of a moved table: publisher missing"
grep -q '23.05.2025\|2025-05-23\|Mai 2025' "$t/moved.txt" && ok || no "report of a moved table: date missing"
grep -q 'Agentur Beispiel (geprüft)' "$t/elsewhere/err" && no "publisher in a message" || ok
# a row's citation columns are filled in every row of the claims table
awk -F, 'NR > 1 && $0 !~ /https:\/\/example.org\/usfk$/' "$t/out/claims.csv" | grep -c . > "$t/nourl"
[ "$(cat "$t/nourl")" = 0 ] && ok || no "$(cat "$t/nourl") claims rows without the document's url"

# sources.csv: a row for a file that is not there, a document without a row and a case mismatch
# are said, naming both; a German month date is read
mkdir -p "$t/s"
cp corpus/usfk-truppenstaerke-2025.txt "$t/s/Bericht.txt"
cp corpus/usfk-truppenstaerke-2025.txt "$t/s/ohne.txt"
cat > "$t/s/sources.csv" <<'CSV'
file,title,publisher,date,url
bericht.txt,Bericht,Agentur Beispiel,Mai 2021,
fehlt.txt,Fehlt,Agentur Beispiel,2024,
CSV
"$KZ" extract "$t/s" > "$t/s.csv" 2> "$t/s.err"
grep -q "sources.csv:3: names 'fehlt.txt', which is not in its folder" "$t/s.err" && ok || no "a row for a missing file: $(cat "$t/s.err")"
grep -q "s/ohne.txt: no row in its folder's sources.csv" "$t/s.err" && ok || no "a document without a row: $(cat "$t/s.err")"
grep -q "s/Bericht.txt: its sources.csv row names 'bericht.txt' (the case differs)" "$t/s.err" && ok || no "a case mismatch: $(cat "$t/s.err")"
grep -q ',Bericht,Agentur Beispiel,2021-05,' "$t/s.csv" && ok || no "'Mai 2021' is not read as 2021-05: $(grep Bericht.txt "$t/s.csv" | head -1 | cut -c1-80)"

echo "documents: $pass passed, $fail failed"
[ "$fail" = 0 ]
