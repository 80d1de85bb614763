# memory.sh (part of hostile.sh): inputs that once wrote or read outside a buffer.

# A table whose header cell names more countries than attribution keeps for a header.
{
	printf '| Stationierung | Frankreich Polen Italien Spanien Norwegen Schweden Finnland Kanada Japan Korea Soldaten |\n'
	printf '|---|---|\n| Deutschland | 35.000 |\n| Italien | 12.000 |\n'
} > "$t/header.md"
"$KZ" extract "$t/header.md" -o "$t/header.csv" 2> "$t/err"
[ $? = 0 ] && ok || no "header with eleven countries: exit status not 0"
clean "$t/err" "header with eleven countries"
grep -q '35000' "$t/header.csv" && ok || no "header with eleven countries: the row's figure is missing"

# A document whose very first byte is a full stop followed by a digit, as text and as HTML.
printf '.7 Prozent mehr Soldaten als 2020.\n' > "$t/dot.txt"
printf '<p>.3 Milliarden Euro.</p>\n' > "$t/dot.html"
printf '.1' > "$t/dot2.txt"
for f in dot.txt dot.html dot2.txt; do
	"$KZ" extract "$t/$f" -o "$t/dot.csv" 2> "$t/err"
	clean "$t/err" "leading full stop and digit ($f)"
done

# Figures at the edge of double precision: the chart axis must stay finite.
{
	echo 'id,doc,page,start,end,quote,value,unit,low,high,qualifier,indicator,detail,subject,partner,year,core,sentence'
	echo 'h1,/nirgends/eins.txt,,0,3,viel,9e307,persons,,,exact,troops,stationed,US,DE,2022,yes,viel'
	echo 'h2,/nirgends/zwei.txt,,0,3,wenig,-9e307,persons,,,exact,troops,stationed,US,DE,2022,yes,wenig'
} > "$t/huge.csv"
"$KZ" report -o "$t/huge.pdf" "$t/huge.csv" > /dev/null 2> "$t/err"
st=$?
[ $st -lt 128 ] && ok || no "report on ±9e307: killed by signal $((st - 128))"
clean "$t/err" "report on ±9e307"
ls "$t"/huge.pdf.tmp* > /dev/null 2>&1 && no "report on ±9e307 left a temporary" || ok
[ $st = 3 ] && ok || no "report on ±9e307: exit status $st, expected 3 (values beyond any figure)"
[ ! -e "$t/huge.pdf" ] && ok || no "report on ±9e307: a sheet without a single figure was written"

# A PDF whose only lines are page numbers: nothing is left after they are dropped (the fuzzer's find)
"$KZ" extract tests/fuzz/findings/pdf-page-numbers-only.pdf -o "$t/pn.csv" 2> "$t/err"
[ $? = 3 ] && ok || no "PDF of page numbers only: exit status not 3"
grep -q 'no text besides page numbers' "$t/err" && ok || no "PDF of page numbers only: no message"
clean "$t/err" "PDF of page numbers only"
