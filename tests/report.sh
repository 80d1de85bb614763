#!/bin/sh
# report.sh: CLI tests of `kennzahl report` and `kennzahl run`, read back with poppler-utils; prints "N passed, N failed".
# UPDATE=1 rewrites the golden files in tests/golden/report-*/.
LC_ALL=C.UTF-8
export LC_ALL
KZ=${KZ:-./kennzahl}
case "$KZ" in /*) ;; *) KZ="$(pwd)/$KZ" ;; esac
SEEDS=${SEEDS:-../shared/seeds}
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH
pass=0 fail=0 skip=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { # check DESCRIPTION COMMAND...
	d=$1; shift
	if "$@"; then ok; else no "$d"; fi
}
has() { grep -qF -- "$2" "$1"; } # has FILE TEXT

# Text boxes of a --layout dump: none leaves the A4 page, none overlaps another on its page.
layout_ok() {
	awk '
	function flush(   i, j, ox, oy) {
		for (i = 0; i < n; i++) {
			if (x[i] < 0 || y[i] < 0 || x[i] + w[i] > 595.8 || y[i] + h[i] > 842.4) { print "off page " page ": " t[i]; bad++ }
			for (j = 0; j < i; j++) {
				ox = (x[i] + w[i] < x[j] + w[j] ? x[i] + w[i] : x[j] + w[j]) - (x[i] > x[j] ? x[i] : x[j]);
				oy = (y[i] + h[i] < y[j] + h[j] ? y[i] + h[i] : y[j] + h[j]) - (y[i] > y[j] ? y[i] : y[j]);
				if (ox > 0.5 && oy > 0.5) { print "overlap page " page ": " t[j] " / " t[i]; bad++ }
			}
		}
		n = 0
	}
	/^P / { flush(); page = $2; next }
	/^T / { x[n] = $2; y[n] = $3; w[n] = $4; h[n] = $5; t[n] = $0; n++ }
	END { flush(); exit bad > 0 }' "$1"
}

# --- the sample corpus, from documents ---
check "report corpus exits 0" "$KZ" report -o "$tmp/c.pdf" --layout "$tmp/c.layout" corpus
pages=$(pdfinfo "$tmp/c.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
check "pdfinfo opens the fact sheet with several pages ($pages)" test "${pages:-0}" -ge 4
check "layout dump has one P line per page" test "$(grep -c '^P ' "$tmp/c.layout")" = "$pages"
pdffonts "$tmp/c.pdf" > "$tmp/fonts" 2>&1
check "pdffonts lists DejaVu fonts" grep -q DejaVu "$tmp/fonts"
check "every font is embedded" test "$(awk 'NR > 2 && $(NF-4) != "yes"' "$tmp/fonts" | wc -l)" = 0
pdftotext "$tmp/c.pdf" "$tmp/c.txt"
for s in "Kennzahlen nach Land" "Südkorea" "Deutschland" "US-Truppen in Japan" "Verteidigungshaushalt Japan" \
	"Befunde" "Anhang: Belege" "Quellen" "Seite $pages" "Erstellt am 14.11.2023" \
	"„28.500 US-Soldaten“" "Sondermaßnahmenabkommen" "52.852" "Bio. Yen" "Vergleiche"; do
	check "pdftotext finds '$s'" has "$tmp/c.txt" "$s"
done
check "no overlapping or cut-off text on any page (corpus)" layout_ok "$tmp/c.layout"
# money over a run of years that is no yearly rate is named a sum (Japan's SMA for 2022-2026)
check "a key figure over a run of years is a sum" sh -c "grep -A1 'Beitrag Japans an die' '$tmp/c.txt' | grep -q '(Summe)'"
# a chart whose figures name an originator only in part says so ("teils laut"), one whose figures
# all name one says "laut" (corpus: US troops in Korea, partly per the Pentagon; North Korea's trade
# with China, KOTRA's figures only)
check "a chart source line says 'teils laut' for figures partly cited" has "$tmp/c.txt" "Angaben teils laut"
check "a chart source line says 'laut' for figures all cited" has "$tmp/c.txt" "Angaben laut KOTRA"
# the findings name documents by their numbers in the sources, not by file names
sed -n '/^Befunde/,/^Quellen/p' "$tmp/c.txt" > "$tmp/c.finds"
check "findings cite documents as [n]" grep -q '([0-9]\{4\}, \[[0-9]*\])' "$tmp/c.finds"
check "findings name no file" sh -c "! grep -q '[a-z0-9]\.\(txt\|md\|html\|pdf\))' '$tmp/c.finds'"
# the appendix backs what the sheet shows: every quote of a finding shown is among its rows
missing=$(python3 - "$tmp/c.layout" <<'PY'
import re, sys
body, _, appendix = open(sys.argv[1], encoding="utf-8").read().partition("DejaVu Sans Bold 12|Anhang: Belege")
shown = {q for l in body.splitlines() if l.startswith("T 66.0 ") for q in re.findall("\u201e([^\u201c]+)\u201c", l)}
listed = set(re.findall("\u201e([^\u201c]+)\u201c", appendix))
print(len(shown - listed) if shown and appendix else -1)
PY
)
check "every quote of a finding shown is in the appendix (corpus)" test "$missing" = 0
check "PDF creation date is SOURCE_DATE_EPOCH" sh -c "pdfinfo '$tmp/c.pdf' | grep CreationDate | grep -q 2023"

# --- reproducible: same input and SOURCE_DATE_EPOCH, same bytes ---
"$KZ" report -o "$tmp/c2.pdf" corpus
check "two runs give identical PDFs" cmp -s "$tmp/c.pdf" "$tmp/c2.pdf"

# --- run: the CSVs agree with the PDF ---
check "run corpus exits 0" sh -c "'$KZ' run -o '$tmp/out' corpus > '$tmp/run.out'"
for f in claims.csv findings.csv consensus.csv factsheet.pdf; do
	check "run writes $f" test -s "$tmp/out/$f"
done
pdftotext -f 1 -l 1 "$tmp/out/factsheet.pdf" "$tmp/p1.txt"
nclaims=$(($(wc -l < "$tmp/out/claims.csv") - 1))
nfind=$(($(wc -l < "$tmp/out/findings.csv") - 1))
# a conflict check rates as information (two figures of one text) is listed apart, not as a conflict
nconf=$(grep -cE '^conflict,(error|warning),' "$tmp/out/findings.csv")
nsame=$(grep -c '^conflict,info,' "$tmp/out/findings.csv")
check "summary counts the claims of claims.csv ($nclaims)" has "$tmp/p1.txt" "$nclaims Angaben"
check "summary counts the findings of findings.csv ($nfind)" grep -qE "$nfind Befunde?" "$tmp/p1.txt"
if [ "$nconf" -gt 0 ]; then
	check "summary counts the conflicts of findings.csv ($nconf)" grep -qE "$nconf Konflikte?" "$tmp/p1.txt"
else
	check "summary names no conflict when findings.csv has none" sh -c "! grep -q Konflikt '$tmp/p1.txt'"
fi
if [ "$nsame" -gt 0 ]; then
	check "summary counts the differences within one text ($nsame)" grep -qE "$nsame Abweichung(en)? im selben Text" "$tmp/p1.txt"
else
	ok
fi
pdftotext "$tmp/out/factsheet.pdf" "$tmp/run.txt"
# every finding's explanation is in the findings section (white space as pdftotext gives it)
missing=$(python3 - "$tmp/out/findings.csv" "$tmp/run.txt" <<'PY'
import csv, re, sys
norm = lambda s: re.sub(r"[\s\u00a0\u202f]+", " ", s)
pdf = norm(open(sys.argv[2], encoding="utf-8").read())
n = 0
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    e = norm(r["explanation"])[:30]
    if e not in pdf:
        n += 1
        print("not in PDF:", e, file=sys.stderr)
print(n)
PY
)
check "every finding of findings.csv is explained in the PDF" test "$missing" = 0
check "the fact sheet from run equals report's" cmp -s "$tmp/out/factsheet.pdf" "$tmp/c.pdf"

# --- a claims CSV as input gives the same sheet as the documents ---
"$KZ" report -o "$tmp/fromcsv.pdf" "$tmp/out/claims.csv"
pdftotext -f 1 -l 1 "$tmp/fromcsv.pdf" "$tmp/csv1.txt"
pdftotext -f 1 -l 1 "$tmp/c.pdf" "$tmp/doc1.txt"
check "claims CSV input: same summary page as document input" cmp -s "$tmp/csv1.txt" "$tmp/doc1.txt"
pdftotext "$tmp/fromcsv.pdf" "$tmp/fromcsv.txt"
check "claims CSV input: titles from the corpus sources.csv" has "$tmp/fromcsv.txt" "Japan billigt Rekord-Verteidigungsetat"

# --- English ---
"$KZ" report --lang en -o "$tmp/en.pdf" corpus
pdftotext "$tmp/en.pdf" "$tmp/en.txt"
for s in "Key figures by country" "South Korea" "US troops in Japan" "Findings" "Page 1" "28,500"; do
	check "English sheet has '$s'" has "$tmp/en.txt" "$s"
done
# German words of a figure stand only inside quotation marks: charts label points in English
pdftotext -layout "$tmp/en.pdf" "$tmp/en-layout.txt"
check "English charts label points in English" sh -c "! grep -qE '^ *\[[0-9]+\] .*[0-9] (Mrd\.|Mio\.|Billionen|Milliarden|Prozent|Won|Yen|Euro)[^)]*\$' '$tmp/en-layout.txt'"
check "English charts label points with English amounts" grep -qE '^ *\[[0-9]+\] .* (EUR|KRW|JPY|USD) [0-9.,]+ (bn|tn|m)$' "$tmp/en-layout.txt"

# --- charts as SVG and PNG ---
"$KZ" report -o "$tmp/ch.pdf" --charts "$tmp/charts" corpus
nsvg=$(ls "$tmp/charts" 2>/dev/null | grep -c '\.svg$')
npng=$(ls "$tmp/charts" 2>/dev/null | grep -c '\.png$')
check "--charts writes SVG files ($nsvg)" test "$nsvg" -ge 3
check "--charts writes one PNG per SVG" test "$nsvg" = "$npng"
first=$(ls "$tmp/charts"/*.png 2>/dev/null | head -1)
check "PNG files are PNG" sh -c "head -c 8 '$first' | od -An -c | grep -q 'P   N   G'"
check "SVG files are SVG" grep -q "<svg" "$(ls "$tmp/charts"/*.svg | head -1)"

# --- --select ---
"$KZ" report -o "$tmp/kr.pdf" --select subject=KR,indicator=troops,indicator=budget corpus
pdftotext -f 1 -l 1 "$tmp/kr.pdf" "$tmp/kr.txt"
nkr=$(python3 - "$tmp/out/claims.csv" <<'PY'
import csv, sys
print(sum(1 for r in csv.DictReader(open(sys.argv[1])) if r["subject"] == "KR" and r["indicator"] in ("troops", "budget")))
PY
)
check "--select keeps only the matching claims ($nkr)" has "$tmp/kr.txt" "$nkr Angaben"

# --- errors ---
"$KZ" report -o "$tmp/x.pdf" --lang fr corpus 2> "$tmp/err"
check "--lang fr is a usage error" test $? = 2
"$KZ" report -o "$tmp/x.pdf" --select colour=red corpus 2> "$tmp/err"
check "--select with an unknown key is a usage error" test $? = 2
check "the message names the key" grep -q "kennzahl: report: --select: unknown key 'colour'" "$tmp/err"
"$KZ" report -o /nonexistent/dir/x.pdf corpus 2> "$tmp/err"
check "an unwritable output is an i/o error" test $? = 4
check "the message names the file" grep -q "^kennzahl: /nonexistent/dir/x.pdf" "$tmp/err"
"$KZ" report 2> /dev/null
check "no INPUT is a usage error" test $? = 2

# --- the seeds: the SWP study's figures ---
if [ -d "$SEEDS" ]; then
	"$KZ" report -o "$tmp/s.pdf" --layout "$tmp/s.layout" "$SEEDS"
	pdftotext "$tmp/s.pdf" "$tmp/s.txt"
	for s in "US-Truppen in Japan" "55.300" "31.050" "5,07" "Bio. Yen" "74,5" "Südkorea"; do
		check "seeds sheet has '$s'" has "$tmp/s.txt" "$s"
	done
	check "no overlapping or cut-off text on any page (seeds)" layout_ok "$tmp/s.layout"
else
	echo "report: no seeds in $SEEDS; the seed fact sheet is skipped"
	skip=$((skip + 8))
fi

# --- at archive scale: a generated table of 200 000 claims and some 30 000 findings ---
GEN=${BUILD:-build/rel}/tools/gencheck
if [ -x "$GEN" ]; then
	"$GEN" 200000 > "$tmp/big.csv"
	"$KZ" check -o "$tmp/big-findings.csv" "$tmp/big.csv" > /dev/null 2>&1
	"$KZ" report -o "$tmp/big.pdf" --layout "$tmp/big.layout" "$tmp/big.csv" 2> "$tmp/err"
	check "report of 200 000 claims exits 0" test $? = 0
	pages=$(pdfinfo "$tmp/big.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
	check "a sheet stays a sheet: 200 000 claims on ${pages:-?} pages (at most 100)" test "${pages:-999}" -le 100
	nfind=$(($(wc -l < "$tmp/big-findings.csv") - 1))
	pdftotext "$tmp/big.pdf" "$tmp/big.txt"
	check "the summary counts all $nfind findings" has "$tmp/big.txt" "$nfind Befunde"
	check "the findings section shows 40 and names the rest" has "$tmp/big.txt" "… und $((nfind - 40)) weitere Befunde in findings.csv."
	nshown=$(grep -c '^T 66.0 .*· \(Abweichung\|Veränderung\)' "$tmp/big.layout")
	check "at most 40 findings are shown ($nshown)" test "$nshown" -le 40 -a "$nshown" -gt 0
	check "the appendix says claims.csv holds all 200000" grep -q "claims.csv enthält alle 200000 Angaben" "$tmp/big.layout"
	nrows=$(awk '/DejaVu Sans Bold 12\|Anhang: Belege/ { a = 1 } a && $2 < 82 && /DejaVu Sans 7\|[0-9]+$/ { n++ } END { print n + 0 }' "$tmp/big.layout")
	check "the appendix lists the claims cited, not the table ($nrows rows)" test "$nrows" -gt 0 -a "$nrows" -le 1500
else
	echo "report: no $GEN; the archive-scale sheet is skipped (make tools)"
	skip=$((skip + 7))
fi

# --- the header's dates: both ends to the coarser precision, "von" before a month, "vom" before a day ---
mkdir -p "$tmp/dates"
printf 'Japan gab 2020 rund 5,07 Billionen Yen für Verteidigung aus.\n' > "$tmp/dates/a.txt"
printf 'Südkorea gab 2024 rund 59,4 Billionen Won für Verteidigung aus.\n' > "$tmp/dates/b.txt"
printf 'file,title,publisher,date,url\na.txt,A,P,2021-05,\nb.txt,B,P,2025-01-31,\n' > "$tmp/dates/sources.csv"
"$KZ" report -o "$tmp/dates.pdf" "$tmp/dates" 2>/dev/null
pdftotext -l 1 "$tmp/dates.pdf" "$tmp/dates.txt"
check "header dates: month precision at both ends" has "$tmp/dates.txt" "Quellen von Mai 2021 bis Januar 2025"
printf 'file,title,publisher,date,url\na.txt,A,P,2021-05-03,\nb.txt,B,P,2025-01-31,\n' > "$tmp/dates/sources.csv"
"$KZ" report -o "$tmp/dates.pdf" "$tmp/dates" 2>/dev/null
pdftotext -l 1 "$tmp/dates.pdf" "$tmp/dates.txt"
check "header dates: days at both ends" has "$tmp/dates.txt" "Quellen vom 03.05.2021 bis 31.01.2025"

# --- the interval column: as stated, with the qualifier's word; a computed one rounded like figures ---
mkdir -p "$tmp/iv"
printf 'Nordkoreas Streitkräfte zählen nach Angaben aus Seoul etwa 1,28 Millionen Soldaten.\n' > "$tmp/iv/a.txt"
printf 'In Südkorea sind derzeit mehr als 23.000 US-Soldaten stationiert.\n' > "$tmp/iv/b.txt"
printf 'In Russland sind derzeit etwa 11.000 nordkoreanische Soldaten im Einsatz.\n' > "$tmp/iv/c.txt"
printf 'In Russland sind derzeit zwischen 10.000 und 12.000 nordkoreanische Soldaten im Einsatz.\n' > "$tmp/iv/d.txt"
printf 'file,title,publisher,date,url\na.txt,A,P,2024-05-02,\nb.txt,B,Q,2024-06-01,\nc.txt,C,R,2025-01-10,\nd.txt,D,S,2025-01-12,\n' > "$tmp/iv/sources.csv"
"$KZ" report -o "$tmp/iv.pdf" "$tmp/iv" 2>/dev/null
pdftotext -layout -l 1 "$tmp/iv.pdf" "$tmp/iv.txt"
check "interval: one figure with etwa is as stated (about)" grep -q "1,28 Mio\..*wie angegeben (etwa)" "$tmp/iv.txt"
check "interval: one figure with mehr als is as stated, in its words" grep -q "23.000 .*wie angegeben (mehr als)" "$tmp/iv.txt"
check "interval: the common range of etwa 11.000 and 10.000-12.000 to two digits of its width" grep -q "11.000 .*10.400–11.600" "$tmp/iv.txt"
check "interval: no computed ends with more digits" sh -c "! grep -q '10.450\|11.550\|1.216.000' '$tmp/iv.txt'"
"$KZ" report --lang en -o "$tmp/iv-en.pdf" "$tmp/iv" 2>/dev/null
pdftotext -layout -l 1 "$tmp/iv-en.pdf" "$tmp/iv-en.txt"
check "interval in English: as stated (about)" grep -q "as stated (about)" "$tmp/iv-en.txt"
check "key figure names the originator its text names" grep -q "Streitkräfte Nordkoreas (laut Südkorea)" "$tmp/iv.txt"
check "key figure in the documents' own voice names none" grep -q "^US-Truppen in Südkorea  " "$tmp/iv.txt"
check "key figure names the originator in English" grep -q "(per Südkorea)\|(per South Korea)" "$tmp/iv-en.txt"

# --- golden layout dumps ---
for g in tests/golden/report-*/; do
	[ -f "$g/claims.csv" ] || continue
	"$KZ" report -o "$tmp/g.pdf" --layout "$tmp/g.layout" "$g/claims.csv"
	pdftotext -layout "$tmp/g.pdf" "$tmp/g.txt"
	if [ -n "$UPDATE" ]; then
		cp "$tmp/g.layout" "$g/expect.layout"
		cp "$tmp/g.txt" "$g/expect.txt"
	fi
	check "golden layout $g" diff -u "$g/expect.layout" "$tmp/g.layout"
	check "golden text $g" diff -u "$g/expect.txt" "$tmp/g.txt"
	check "golden layout $g has no overlaps" layout_ok "$tmp/g.layout"
done

echo "report.sh: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
