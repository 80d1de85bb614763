#!/bin/sh
# corrections.sh: the analyst's round trip — run, fix a partner, reject a junk claim and add a missed one
# through an edited table, move the corpus, edit above the figure, run again: all three still apply;
# delete the figure's sentence: orphaned. Then bad values (exit 3, nothing applied) and the
# command-line forms. Prints "N passed, N failed".
. "$(dirname "$0")/lib/common.sh"
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH
# row ID FILE: the claims row of that id (ids of this document hold no comma)
row() { grep "^$1," "$2"; }

D=usfk-truppenstaerke-2025.txt
mkdir -p "$t/a"
cp -r corpus "$t/a/corpus"
cd "$t/a" || exit 1
"$KZ" run corpus -o out > /dev/null 2> err || no "first run: $(cat err)"
FLOOR=$(grep "^$D#[0-9a-f]*-28.500,.*,28.500 Soldaten," out/claims.csv | cut -d, -f1)
JUNK=$(grep "^$D#[0-9a-f]*-verzehnfacht," out/claims.csv | cut -d, -f1)
[ -n "$FLOOR" ] && [ -n "$JUNK" ] && ok || no "the figures of the round trip are not in the first run (floor '$FLOOR', junk '$JUNK')"
# the floor's originator (the NDAA) is not named by the extractor; the alliance's 32 members are not read as a figure
row "$FLOOR" out/claims.csv | grep -q ',troops,floor,[a-z]*,US,KR,,,' && ok || no "the floor's source is not missing to begin with (test is void)"
B=bmvg-nato-quote-2024.txt
grep -q ',32 Verbündeten,' out/claims.csv && no "the missed figure is not missed (test is void)" || ok

# the analyst's edits in the table: partner, a deleted row, a new row with a quote and no id
awk -v f="$FLOOR" -v j="$JUNK" -F, 'BEGIN { OFS = "," }
	$1 == j { next }
	$1 == f { $18 = "NDAA" }
	{ print }
	END { print ",corpus/'$B',,,,32 Verbündeten,32,count,32,32,exact,other,members,reported,NATO,,2024,,no,,,,,," }' out/claims.csv > edited.csv
"$KZ" correct --from edited.csv corpus > cor.out 2> cor.err
[ $? = 0 ] && ok || no "correct --from: $(cat cor.err)"
grep -q '^1 set, 1 rejected, 1 added, 0 confirmed$' cor.out && ok || no "correct --from said: $(cat cor.out)"
[ "$(head -1 corpus/corrections.csv)" = "id,action,file,quote,value,unit,low,high,qualifier,indicator,detail,status,subject,partner,year,source,note" ] && ok || no "corrections.csv header: $(head -1 corpus/corrections.csv)"
grep -q "^$FLOOR,set,$D,28.500 Soldaten,,,,,,,,,,,,NDAA," corpus/corrections.csv && ok || no "the source is not recorded as a set"
grep -q "^$JUNK,reject,$D," corpus/corrections.csv && ok || no "the deleted row is not recorded as a reject"
grep -q "^,add,$B,32 Verbündeten,32,count,32,32,exact,other,members,reported,NATO,,2024," corpus/corrections.csv && ok || no "the new row is not recorded as an add"
ls -a corpus | grep -q kennzahl-tmp && no "a temporary left beside corrections.csv" || ok

# move the corpus, edit the document above the figures, run from another folder
mkdir -p "$t/b"
mv "$t/a/corpus" "$t/b/korpus"
f="$t/b/korpus/$D"
{ printf 'Nachtrag der Redaktion: Dieser Absatz steht neu über allen Zahlen.\n\n'; cat "$f"; } > "$f.new" && mv "$f.new" "$f"
cd "$t" || exit 1
"$KZ" run b/korpus -o out2 > /dev/null 2> run2.err
[ $? = 0 ] && ok || no "second run: $(cat run2.err)"
grep -q orphaned run2.err && no "second run: orphaned corrections: $(cat run2.err)" || ok
row "$FLOOR" out2/claims.csv | grep -q ',troops,floor,[a-z]*,US,KR,[^,]*,NDAA,.*,corrected,' && ok || no "after the move: the source is not corrected: $(row "$FLOOR" out2/claims.csv | cut -c1-200)"
[ -z "$(row "$JUNK" out2/claims.csv)" ] && ok || no "after the move: the rejected claim is back"
grep -q ",b/korpus/$B,,[0-9]*,[0-9]*,32 Verbündeten,32,count,32,32,exact,other,members,reported,NATO,,2024,.*,added," out2/claims.csv && ok || no "after the move: the added figure is missing: $(grep '32 Verbündeten' out2/claims.csv | cut -c1-200)"
[ "$(grep -c ',corrected,\|,added,' out2/claims.csv)" = 2 ] && ok || no "review column: $(grep -c ',corrected,\|,added,' out2/claims.csv) rows corrected or added, expected 2"
# the fact sheet marks the reviewed figures in its appendix
pdftotext out2/factsheet.pdf sheet.txt 2> /dev/null
grep -q 'korrigiert' sheet.txt && grep -q 'ergänzt' sheet.txt && ok || no "the fact sheet does not mark the corrected and the added figure"
# the added figure points at its quote in the edited text
start=$(grep ',32 Verbündeten,' out2/claims.csv | sed 's/^[^,]*,[^,]*,[^,]*,\([0-9]*\),.*/\1/')
[ "$(dd if="$t/b/korpus/$B" bs=1 skip="$start" count=15 2>/dev/null)" = "32 Verbündeten" ] && ok || no "the added figure's offset $start is not its quote"
# check and report apply them too; --no-corrections shows the raw extraction
"$KZ" check --consensus cons.csv b/korpus > /dev/null 2>&1
grep -q '^troops,floor,[a-z]*,US,KR,' cons.csv && ok || no "check does not apply the corrections"
"$KZ" extract --no-corrections b/korpus > raw.csv 2> /dev/null
row "$FLOOR" raw.csv | grep -q ',troops,floor,[a-z]*,US,KR,,,' && ok || no "--no-corrections: the raw source"
[ -n "$(row "$JUNK" raw.csv)" ] && ok || no "--no-corrections: the rejected claim is missing"
grep -q ',,corrected,\|,added,' raw.csv && no "--no-corrections: review marks" || ok
"$KZ" correct --list b/korpus > list.csv
[ "$(grep -c '^applied,' list.csv)" = 3 ] && ok || no "--list: $(grep -c '^applied,' list.csv) applied, expected 3: $(cat list.csv)"

# delete the figure's sentence: its correction is orphaned, named with document and quote
sed -i 's/In mehreren Jahrgängen des Verteidigungsgesetzes NDAA ist eine Untergrenze von 28.500 Soldaten festgeschrieben: [^.]*\.//' "$f"
grep -q 'Untergrenze von 28.500' "$f" && no "the sentence was not deleted (test is void)" || ok
"$KZ" extract b/korpus > x.csv 2> x.err
[ $? = 0 ] && ok || no "extract with an orphaned correction: exit $?"
grep -q "^kennzahl: b/korpus/corrections.csv:2: set $FLOOR orphaned: .*(document b/korpus/$D, quote '28.500 Soldaten')" x.err && ok || no "the orphan is not named: $(cat x.err)"
"$KZ" correct --list b/korpus > list2.csv
grep -q "^orphaned,b/korpus/corrections.csv,2,set,$FLOOR,b/korpus/$D,28.500 Soldaten,source=NDAA," list2.csv && ok || no "--list: the orphan: $(grep orphaned list2.csv)"
[ "$(grep -c '^applied,' list2.csv)" = 2 ] && ok || no "--list after the deletion: $(grep -c '^applied,' list2.csv) applied, expected 2"

# bad values: FILE:LINE, exit 3, nothing applied from the file
C=b/korpus/corrections.csv
cp $C good.csv
printf '%s,set,,,,prozent,,,,,,,,,,,\n' "$JUNK" >> $C
"$KZ" extract b/korpus > bad.csv 2> bad.err
[ $? = 3 ] && ok || no "a bad unit: exit $?"
grep -q "^kennzahl: $C:5: unit 'prozent' is not one of" bad.err && ok || no "a bad unit: $(cat bad.err)"
grep -q ',corrected,\|,added,' bad.csv && no "a bad file: corrections applied anyway" || ok
# two files of the folder given by name: their corrections.csv is read (and named) once
"$KZ" extract "b/korpus/$D" b/korpus/bmvg-nato-quote-2024.txt > /dev/null 2> bad2.err
[ $? = 3 ] && [ "$(grep -c "^kennzahl: $C:5:" bad2.err)" = 1 ] && ok || no "two files, one bad corrections.csv: $(cat bad2.err)"
for bad in 'year=24:year '"'"'24'"'"' is not' 'subject=Korea:subject '"'"'Korea'"'"' is not' 'qualifier=ungefähr:qualifier' 'indicator=soldiers:indicator' 'status=geplant:status' 'value=1e400:value' 'detail=Stationiert:detail'; do
	field=${bad%%:*} msg=${bad#*:}
	cp good.csv $C
	printf '%s,set,,,%s\n' "$JUNK" "$(echo "$field" | awk -F= '{ split("value unit low high qualifier indicator detail status subject partner year source", n, " ");
		for (i = 1; i <= 12; i++) printf "%s,", (n[i] == $1 ? $2 : ""); printf "" }')" >> $C
	"$KZ" check b/korpus > /dev/null 2> bad.err
	st=$?
	[ $st = 3 ] && grep -q "^kennzahl: $C:5: $msg" bad.err && ok || no "bad $field: exit $st, $(cat bad.err)"
done
cp good.csv $C
# an excel-de corrections file: ';', decimal comma; a grouping dot is refused
printf 'id;action;file;quote;value;unit\n;add;%s;rund 4.500;4500,5;persons\n' "$D" > excel.csv
cp excel.csv $C
"$KZ" extract b/korpus > ex.csv 2> ex.err
[ $? = 0 ] && grep -q ',rund 4.500,4500.5,persons,' ex.csv && ok || no "excel-de corrections: $(cat ex.err)"
printf 'id;action;file;quote;value;unit\n;add;%s;rund 4.500;4.500;persons\n' "$D" > $C
"$KZ" extract b/korpus > /dev/null 2> ex.err
[ $? = 3 ] && grep -q "^kennzahl: $C:2: value '4.500': the decimal is ','" ex.err && ok || no "excel-de grouping dot: $(cat ex.err)"
cp good.csv $C

# an edited table with a bad value: FILE:LINE, exit 3, nothing recorded
"$KZ" run b/korpus -o out3 > /dev/null 2>&1
sed "s/^\($JUNK-x\)\{0\}\(usfk[^,]*-20.000,.*,\)persons,/\1\2prozent,/" out3/claims.csv | sed 's/^\(usfk[^,]*-26.305,.*,troops,[a-z]*,[a-z]*,US,KR,\)2009,/\124,/' > edited2.csv
"$KZ" correct --from edited2.csv b/korpus > /dev/null 2> ed.err
[ $? = 3 ] && ok || no "an edited table with bad values: exit $?"
grep -q "^kennzahl: edited2.csv:[0-9]*: unit 'prozent'" ed.err && grep -q "^kennzahl: edited2.csv:[0-9]*: year '24'" ed.err && ok || no "an edited table's bad values are not named by line: $(cat ed.err)"
cmp -s good.csv $C && ok || no "corrections.csv changed although the edited table was bad"

# the command line: ID field=value, --reject, --confirm, each checked against the documents
cd b/korpus || exit 1
ID=$(grep "^$D#[0-9a-f]*-43.000," ../../out3/claims.csv | cut -d, -f1)
"$KZ" correct "$ID" year=1971 --note "Stärke nach dem Abzug" > /dev/null && ok || no "correct ID field=value"
grep -q "^$ID,set,$D,etwa 43.000,,,,,,,,,,,1971,,Stärke nach dem Abzug$" corrections.csv && ok || no "correct ID: row $(grep "$ID" corrections.csv)"
"$KZ" correct "$ID" partner=Korea > /dev/null 2> e; [ $? = 3 ] && grep -q "partner 'Korea' is not" e && ok || no "correct ID with a bad value: $(cat e)"
"$KZ" correct --reject "$D#00000000-1" > /dev/null 2> e; [ $? = 3 ] && grep -q "no claim '$D#00000000-1'" e && ok || no "correct --reject of an unknown id: $(cat e)"
"$KZ" correct "$ID" low=99999 > /dev/null 2> e; [ $? = 3 ] && grep -q 'reversed' e && ok || no "correct: a low above the value: $(cat e)"
ID2=$(grep "^$D#[0-9a-f]*-20.000," ../../out3/claims.csv | cut -d, -f1)
"$KZ" correct --confirm "$ID2" > /dev/null && grep -q "^$ID2,confirm," corrections.csv && ok || no "correct --confirm"
"$KZ" extract . > y.csv 2> /dev/null
row "$ID2" y.csv | grep -q ',confirmed,' && ok || no "a confirmed claim is not marked confirmed"
row "$ID" y.csv | grep -q ',1971,.*,corrected,' && ok || no "a claim set from the command line is not corrected"
"$KZ" correct > /dev/null 2>&1; [ $? = 2 ] && ok || no "correct without arguments: not a usage error"

echo "corrections: $pass passed, $fail failed"
[ "$fail" = 0 ]
