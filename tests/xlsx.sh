#!/bin/sh
# xlsx.sh: claims.xlsx opened in LibreOffice Calc under a German locale and converted back: every
# value/low/high cell is a number equal to claims.csv's (skipped with a message when soffice is absent);
# the workbook's sheets, frozen headers, autofilters and links. Prints "N passed, N failed[, N skipped]".
. "$(dirname "$0")/lib/common.sh"
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH

"$KZ" run corpus -o "$t/out" > "$t/run.out" 2> "$t/run.err" || no "run: $(cat "$t/run.err")"
x="$t/out/claims.xlsx"
[ -s "$x" ] && ok || no "no claims.xlsx"
grep -q '^claims.xlsx,[0-9]*,[0-9a-f]\{64\}$' "$t/out/manifest.csv" && ok || no "claims.xlsx not in the manifest"
grep -q 'out/claims.xlsx$' "$t/run.out" && ok || no "run does not name claims.xlsx"

# the workbook's parts (unzip reads the container)
if command -v unzip > /dev/null 2>&1; then
	[ "$(unzip -p "$x" xl/workbook.xml | grep -o '<sheet name="[a-z]*"' | tr '\n' ' ')" = '<sheet name="claims" <sheet name="findings" <sheet name="consensus" <sheet name="documents" ' ] && ok || no "sheets: $(unzip -p "$x" xl/workbook.xml | grep -o '<sheet name="[a-z]*"')"
	for s in 1 2 3 4; do
		unzip -p "$x" xl/worksheets/sheet$s.xml > "$t/s.xml"
		grep -q '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' "$t/s.xml" && ok || no "sheet $s: header not frozen"
		grep -q '<autoFilter ref="A1:' "$t/s.xml" && ok || no "sheet $s: no autofilter"
	done
	unzip -p "$x" xl/worksheets/sheet1.xml | grep -q '<c r="G2"><v>2.12</v></c>' && ok || no "claims: value 2.12 is not a number cell"
	unzip -p "$x" xl/worksheets/_rels/sheet4.xml.rels | grep -q 'Target="https://www.nato.int/" TargetMode="External"' && ok || no "documents: the url is not a link"
else
	echo "xlsx: unzip not found; the workbook's parts are not inspected"
	skip=$((skip + 1))
fi

if ! command -v soffice > /dev/null 2>&1; then
	echo "xlsx: soffice not found: the LibreOffice round trip is skipped (apt-get install libreoffice-calc)"
	skip=$((skip + 1))
	echo "xlsx: $pass passed, $fail failed, $skip skipped"
	[ "$fail" = 0 ]
	exit
fi

# German Calc: ';' out, text quoted, cells as shown (numbers in German form, decimal comma)
calc() { # calc IN OUTDIR [INFILTER]
	LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 LANGUAGE=de timeout 180 soffice -env:UserInstallation="file://$t/profile" \
		--headless ${3:+--infilter="$3"} \
		--convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1031,true,false,true' --outdir "$2" "$1" > "$t/lo.out" 2>&1
}
# the value, low and high cells of a CSV (separator $2), one row per line: "v|lo|hi", quotes kept
cells() {
	awk -v sep="$2" '
	function split_csv(line, f,   n, i, c, q, cur) {
		n = 0; cur = ""; q = 0
		for (i = 1; i <= length(line); i++) {
			c = substr(line, i, 1)
			if (c == "\"") { q = !q; cur = cur c }
			else if (c == sep && !q) { f[++n] = cur; cur = "" }
			else cur = cur c
		}
		f[++n] = cur
		return n
	}
	NR > 1 { split_csv($0, f); print f[7] "|" f[9] "|" f[10] }' "$1"
}
calc "$x" "$t/de"
[ -s "$t/de/claims.csv" ] && ok || { no "LibreOffice did not convert claims.xlsx: $(cat "$t/lo.out")"; echo "xlsx: $pass passed, $fail failed, $skip skipped"; exit 1; }
cells "$t/out/claims.csv" , > "$t/want"
cells "$t/de/claims.csv" ';' > "$t/got"
[ "$(wc -l < "$t/want")" -gt 100 ] && [ "$(wc -l < "$t/want")" = "$(wc -l < "$t/got")" ] && ok || no "rows: claims.csv $(wc -l < "$t/want"), Calc $(wc -l < "$t/got")"
paste -d'|' "$t/want" "$t/got" | awk -F'|' '
	{
		for (k = 1; k <= 3; k++) {
			w = $k; g = $(k + 3); cells++
			if (g !~ /^-?[0-9]+(,[0-9]+)?(E[-+][0-9]+)?$/) { if (bad++ < 5) print "row " NR ": not a German number cell: " g " (csv " w ")"; continue }
			gsub(",", ".", g)
			d = w - g; if (d < 0) d = -d
			m = w < 0 ? -w : w
			if (d > 1e-9 * (m > 1 ? m : 1)) { if (bad++ < 5) print "row " NR ": Calc " g ", csv " w }
		}
	}
	END { print cells " cells, " bad + 0 " wrong"; exit bad > 0 }' > "$t/cmp"
st=$?
[ $st = 0 ] && ok || no "claims.xlsx in German Calc: $(cat "$t/cmp")"
grep -q '^[0-9]* cells, 0 wrong$' "$t/cmp" && echo "xlsx: $(cat "$t/cmp") (value, low, high in German Calc)"
grep -q ';2,12;' "$t/de/claims.csv" && ok || no "no decimal comma in Calc's output: the locale was not German (test is void)"

# the control: the plain CSV opened in the same Calc loses numbers (the reason for the workbook)
cp "$t/out/claims.csv" "$t/plain.csv"
calc "$t/plain.csv" "$t/ctl" 'CSV:44,34,76,1'
cells "$t/ctl/plain.csv" ';' | grep -c '"' > "$t/ctl.n"
[ "$(cat "$t/ctl.n")" -gt 0 ] && ok || no "control: the plain CSV came through German Calc intact (test is void)"

echo "xlsx: $pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
