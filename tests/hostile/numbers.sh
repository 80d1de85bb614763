# numbers.sh (part of hostile.sh): numbers that are not finite, too large, or inconsistent with
# their interval are refused where they enter, with FILE:LINE; check names every row it cannot
# use; messages name the real problem; check stays linear in documents.
H='id,doc,page,start,end,quote,value,unit,low,high,qualifier,indicator,detail,subject,partner,year,core,sentence'
row() { # row ID DOC VALUE LOW HIGH [UNIT]
	echo "$1,$2,,0,9,etwa $3,$3,${6:-persons},$4,$5,approx,troops,stationed,US,KR,2021,yes,Satz"
}

# --- lexicon: a scale of 1e999 or 1e60 is refused with file:line; 1e40 times 5 is no figure
printf 'unit\tPanzer\tcount\t\nscale\tZillion\t1e999\t\n' > "$t/lex-inf.tsv"
printf 'Im Jahr 2022 hatte Polen 7 Zillion Panzer.\n' > "$t/panzer.txt"
"$KZ" extract --lexicon "$t/lex-inf.tsv" "$t/panzer.txt" > "$t/out" 2> "$t/err"
[ $? = 3 ] && ok || no "numbers: a lexicon scale of 1e999 is not bad input"
grep -q 'lex-inf.tsv:2: scale .1e999. is out of range' "$t/err" && ok || no "numbers: lexicon scale 1e999 not named with file:line: $(cat "$t/err")"
clean "$t/err" "numbers: lexicon 1e999"
printf 'scale\tZillion\t1e40\t\n' > "$t/lex-big.tsv"
"$KZ" extract --lexicon "$t/lex-big.tsv" "$t/panzer.txt" > "$t/out" 2> "$t/err"
grep -qi 'inf' "$t/out" && no "numbers: a scaled figure beyond 1e40 written as inf" || ok
for s in nan inf -5 0; do
	printf 'scale\tZillion\t%s\t\n' "$s" > "$t/lex-bad.tsv"
	"$KZ" check --lexicon "$t/lex-bad.tsv" "$t/panzer.txt" > /dev/null 2> "$t/err"
	[ $? = 3 ] && grep -q 'lex-bad.tsv:1: scale' "$t/err" && ok || no "numbers: lexicon scale '$s' accepted by check"
done

# --- claims CSV: non-finite and out-of-range values, reversed intervals, values outside them
{
	echo "$H"
	row a1 a.txt 28000 27000 29000
	row b1 b.txt 1e400 1 2
	row c1 c.txt 28500 29000 28000
	row d1 d.txt 9000 8000 8500
	row e1 e.txt NaN '' ''
	row f1 f.txt -inf '' ''
	row g1 g.txt 28200 '' 1e-999
	echo 'h1,h.txt,,0,9,q,,persons,,,exact,troops,stationed,US,KR,2021,yes,Satz'
	row i1 i.txt 27900 27000 29000
} > "$t/claims.csv"
"$KZ" check "$t/claims.csv" --consensus "$t/cons.csv" > "$t/out" 2> "$t/err"
[ $? = 3 ] && ok || no "numbers: a claims table with bad numbers is not bad input"
grep -q "claims.csv:3: value '1e400' is out of range" "$t/err" && ok || no "numbers: value 1e400 not named"
grep -q 'claims.csv:4: interval 29000 ... 28000 is reversed' "$t/err" && ok || no "numbers: reversed interval not named"
grep -q 'claims.csv:5: value 9000 lies outside its interval 8000 ... 8500' "$t/err" && ok || no "numbers: value outside its interval not named"
grep -q "claims.csv:6: value 'NaN' is not a number" "$t/err" && ok || no "numbers: NaN not named"
grep -q "claims.csv:7: value '-inf' is not a number" "$t/err" && ok || no "numbers: -inf not named"
grep -q "claims.csv:8: high '1e-999' is out of range" "$t/err" && ok || no "numbers: high 1e-999 not named"
grep -q 'claims.csv:9: no value' "$t/err" && ok || no "numbers: a missing value is not named"
[ "$(grep -c 'row left out' "$t/err")" = 7 ] && ok || no "numbers: not one line per row left out: $(cat "$t/err")"
grep -q 'US,KR,2021,persons' "$t/cons.csv" && grep -q 'a.txt' "$t/cons.csv" && grep -q 'i.txt' "$t/cons.csv" && ok ||
	no "numbers: the good rows of a table with bad rows were not checked"
clean "$t/err" "numbers: bad claims"

# many bad rows: ten named, the rest counted
{ echo "$H"; for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25; do row "x$i" x.txt 5 9 1; done; } > "$t/many.csv"
"$KZ" check "$t/many.csv" > /dev/null 2> "$t/err"
[ "$(grep -c 'many.csv:[0-9]*: interval' "$t/err")" = 10 ] && ok || no "numbers: not ten bad rows named"
grep -q 'many.csv: 15 more rows with problems (15 left out, 0 kept)' "$t/err" && ok || no "numbers: the rest of the bad rows not counted"

# a unit outside the vocabulary: kept, with a word; exit 0
{ echo "$H"; row u1 u.txt 12 11 13 Soldaten; row u2 v.txt 12 11 13 Soldaten; } > "$t/unit.csv"
"$KZ" check "$t/unit.csv" --consensus "$t/cons.csv" > /dev/null 2> "$t/err"
[ $? = 0 ] && grep -q "unit.csv:2: unit 'Soldaten' is not one of" "$t/err" && grep -q Soldaten "$t/cons.csv" && ok ||
	no "numbers: an unknown unit is not named, or its row was lost"

# --- malformed claims CSV: the line and the problem, not "bad value ''"
{ echo "$H"; row a1 a.txt 28000 27000 29000; echo 'b1,b.txt,,0,9,"etwa 28.000 Soldaten,28000,persons'; row c1 c.txt 1 1 1; } > "$t/quote.csv"
"$KZ" check "$t/quote.csv" > /dev/null 2> "$t/err"
[ $? = 3 ] && grep -q 'quote.csv:3: malformed csv: unterminated quote' "$t/err" && ok || no "numbers: unterminated quote not named: $(cat "$t/err")"
grep -q "bad value" "$t/err" && no "numbers: an unterminated quote reads as a bad value" || ok
{ echo "$H"; echo 'a1,a.txt,,0,9,etwa 28.000,28000'; } > "$t/short.csv"
"$KZ" check "$t/short.csv" > /dev/null 2> "$t/err"
[ $? = 3 ] && grep -q 'short.csv:2: row has 7 fields, the header 18' "$t/err" && ok || no "numbers: a short row not named: $(cat "$t/err")"

# --- rates: 1e400, 1e-400 and nan refused with file:line
for r in 1e400 1e-400 nan; do
	printf 'year\tEUR\tJPY\n2021\t1.18\t%s\n' "$r" > "$t/fx.tsv"
	"$KZ" check --rates "$t/fx.tsv" "$t/claims.csv" > /dev/null 2> "$t/err"
	[ $? = 3 ] && grep -q "fx.tsv:2: rates: .*'$r'" "$t/err" && ok || no "numbers: rate $r accepted: $(cat "$t/err")"
done

# --- sources.csv: malformed is an error with file:line; a German date is a date
mkdir -p "$t/src"
printf 'Heute stehen etwa 28.500 US-Soldaten in Südkorea.\n' > "$t/src/heute.txt"
printf 'file,title,publisher,date,url\nheute.txt,"Ein Titel,Verlag,2025,u\n' > "$t/src/sources.csv"
"$KZ" extract "$t/src" > /dev/null 2> "$t/err"
[ $? = 3 ] && grep -q 'src/sources.csv:2: malformed csv: unterminated quote' "$t/err" && ok || no "numbers: sources.csv with an open quote accepted: $(cat "$t/err")"
printf 'file,title,publisher,date,url\nheute.txt,Titel\n' > "$t/src/sources.csv"
"$KZ" extract "$t/src" > /dev/null 2> "$t/err"
[ $? = 3 ] && grep -q 'src/sources.csv:2: row has 2 fields, the header 5' "$t/err" && ok || no "numbers: sources.csv short row accepted: $(cat "$t/err")"
printf 'file,title,publisher,date,url\nheute.txt,Titel,Verlag,2025-13-45,u\n' > "$t/src/sources.csv"
"$KZ" extract "$t/src" > /dev/null 2> "$t/err"
[ $? = 3 ] && grep -q "src/sources.csv:2: date '2025-13-45' is not" "$t/err" && ok || no "numbers: sources.csv bad date accepted: $(cat "$t/err")"
printf 'file,title,publisher,date,url\nheute.txt,Titel,Verlag,31.01.2025,u\n' > "$t/src/sources.csv"
"$KZ" extract "$t/src" > "$t/out" 2> "$t/err"
[ $? = 0 ] && grep -q 'heute.txt#.*,2025,[^,]*,yes,' "$t/out" && ok || no "numbers: a sources.csv date 31.01.2025 not read as 2025: $(cat "$t/err")"

# --- a byte-order mark alone, or with white space, is an empty file
printf '\357\273\277' > "$t/bom.txt"
printf '\357\273\277 \r\n\t\n' > "$t/bomws.txt"
for f in bom bomws; do
	"$KZ" extract "$t/$f.txt" > /dev/null 2> "$t/err"
	[ $? = 3 ] && grep -q "$f.txt: empty file" "$t/err" && ok || no "numbers: $f.txt is not an empty file: $(cat "$t/err")"
done

# --- extraction: a scale never multiplies a percentage; every claim holds low <= value <= high
cat > "$t/iv.txt" <<'TXT'
Im Jahr 2021 lag der Anteil der Exporte Koreas nach China bei 12,5 Mio. Prozent.
Die Quote stieg 2021 um 3 Mrd. Prozentpunkte.
Der Anteil Chinas an den Importen Japans lag 2020 bei knapp 104 Prozent.
Südkorea übernahm 2019 höchstens 130 Prozent der Stationierungskosten.
Im Jahr 2020 standen dort 9.000 bis 7.000 Soldaten, im Jahr 2021 zwischen 8.000 und 6.000.
Japan zahlte 2022 rund 1,5 Billionen bis 1,2 Billionen Yen.
Der Haushalt hat sich 2023 mehr als verdreifacht und lag bei gut 99,9 Prozent des Plans.
| Land | Exportanteil 2021 (Mio. %) |
|---|---|
| Japan | 12 |
TXT
"$KZ" extract "$t/iv.txt" -o "$t/iv.csv" 2> "$t/err"
grep -q 'percent\|points' "$t/iv.csv" && grep -E ',(12500000|3000000000|12000000),(percent|points),' "$t/iv.csv" > /dev/null &&
	no "numbers: a scale word multiplied a percentage" || ok
grep -q 'grammar bug' "$t/err" && no "numbers: an extracted claim broke low <= value <= high: $(cat "$t/err")" || ok
"$KZ" check "$t/iv.csv" > /dev/null 2> "$t/err2"
grep -q 'row left out' "$t/err2" && no "numbers: check left out extracted rows: $(cat "$t/err2")" || ok
clean "$t/err" "numbers: intervals"

# --- findings: no "inf %", no runs of digits a reader cannot count
{ echo "$H"; row a1 a.txt 2e39 1.9e39 2.1e39; row b1 b.txt 3 2 4; row c1 c.txt 4 3 5; row d1 d.txt 5 4 6; } > "$t/huge.csv"
"$KZ" check "$t/huge.csv" -o "$t/find.csv" > /dev/null 2> "$t/err"
"$KZ" check "$t/huge.csv" > "$t/sum" 2>> "$t/err"
grep -qi 'inf *%\|nan *%' "$t/find.csv" "$t/sum" && no "numbers: a finding reads inf %" || ok
grep -qE '[0-9]{16}' "$t/find.csv" "$t/sum" && no "numbers: a finding prints a number of 16 or more digits" || ok
grep -q 'über 100.000 %' "$t/sum" && ok || no "numbers: a huge difference is not capped in words"
"$KZ" report "$t/huge.csv" -o "$t/huge.pdf" 2>> "$t/err"
[ $? = 0 ] && ok || no "numbers: report on huge values failed: $(cat "$t/err")"
clean "$t/err" "numbers: huge findings"

# --- check is linear in documents: 200 000 rows, each its own document
awk -v h="$H" 'BEGIN { print h; for (i = 0; i < 200000; i++)
	printf "c%d,/nonexistent/d%d.txt,,0,5,q,%d,persons,,,exact,troops,stationed,US,KR,%d,yes,s\n", i, i, 1000 + i % 7, 2000 + i % 20 }' > "$t/docs.csv"
s0=$(date +%s)
"$KZ" check "$t/docs.csv" > /dev/null 2> "$t/err"
s1=$(date +%s)
[ $((s1 - s0)) -le 20 ] && ok || no "numbers: check of 200 000 documents took $((s1 - s0)) s (quadratic?)"
clean "$t/err" "numbers: many documents"

# --- a full disk is named as such (root only: a 64 KB tmpfs)
if [ "$(id -u)" = 0 ] && mkdir -p "$t/full" && mount -t tmpfs -o size=64k tmpfs "$t/full" 2> /dev/null; then
	"$KZ" report "$(dirname "$0")/../corpus" -o "$t/full/f.pdf" 2> "$t/err"
	[ $? = 4 ] && grep -q 'f.pdf: .*No space left on device' "$t/err" && ok || no "numbers: report on a full disk: $(cat "$t/err")"
	head -c 200000 /dev/zero > "$t/full/filler" 2> /dev/null # fill it to the last block
	"$KZ" check "$(dirname "$0")/../corpus" -o "$t/full/f.csv" > /dev/null 2> "$t/err"
	[ $? = 4 ] && grep -q 'f.csv: .*No space left on device' "$t/err" && ok || no "numbers: check on a full disk: $(cat "$t/err")"
	ls -a "$t/full" | grep -q tmp && no "numbers: a temporary file left on the full disk" || ok
	umount "$t/full"
fi
