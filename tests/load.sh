#!/bin/sh
# load.sh: documents as analysts have them — every seed read identically from .txt, .pdf and .html; bad PDFs reported, the rest goes on.
# Environment: KZ (the kennzahl binary), BUILD (build folder holding tools/mkpdf), SEEDS (default ../shared/seeds).
LC_ALL=C.UTF-8
export LC_ALL
KZ=${KZ:-./kennzahl}
BUILD=${BUILD:-build/rel}
SEEDS=${SEEDS:-../shared/seeds}
MKPDF=$BUILD/tools/mkpdf
[ -x "$MKPDF" ] || MKPDF=build/rel/tools/mkpdf
pass=0 fail=0 skip=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "load: FAIL: $*"; }

if [ ! -x "$MKPDF" ]; then
	echo "load: tools/mkpdf is not built (make $BUILD/tools/mkpdf); skipped"
	echo "0 passed, 0 failed, 1 skipped"
	exit 0
fi

# The claims of a CSV as "value unit qualifier indicator subject year" lines (a quote-aware field split).
facts() {
	awk '
	function split_csv(line, f,    n, i, c, q, cur) {
		n = 0; cur = ""; q = 0
		for (i = 1; i <= length(line); i++) {
			c = substr(line, i, 1)
			if (q) {
				if (c == "\"") {
					if (substr(line, i + 1, 1) == "\"") { cur = cur "\""; i++ } else q = 0
				} else cur = cur c
			} else if (c == "\"") q = 1
			else if (c == ",") { f[++n] = cur; cur = "" }
			else cur = cur c
		}
		f[++n] = cur
		return n
	}
	NR > 1 { split_csv($0, f); print f[7], f[8], f[11], f[12], f[15], f[17] }' "$1"
}

pages() { # the page column of a claims CSV, one per line (an id with a decimal comma is quoted)
	sed -e 1d -e 's/^"[^"]*",/id,/' "$1" | awk -F, '{ print $3 }'
}

# 1. Every seed rendered to PDF (hyphenated, running head, page numbers) and HTML gives the same figures.
if [ -d "$SEEDS" ] && ls "$SEEDS"/*.txt >/dev/null 2>&1; then
	for f in "$SEEDS"/*.txt; do
		b=$(basename "$f" .txt)
		if ! "$MKPDF" -o "$tmp/$b.pdf" --html "$tmp/$b.html" --page-numbers \
			--header "Stiftung Wissenschaft und Politik – Studie 12/2021" "$f" >/dev/null; then
			bad "$b: mkpdf failed"
			continue
		fi
		for x in txt pdf html; do
			src="$tmp/$b.$x"
			[ $x = txt ] && src=$f
			if ! "$KZ" extract -o "$tmp/$b.$x.csv" "$src" 2>"$tmp/$b.$x.err"; then
				bad "$b.$x: extract failed: $(cat "$tmp/$b.$x.err")"
				continue
			fi
			facts "$tmp/$b.$x.csv" >"$tmp/$b.$x.facts"
		done
		n=$(wc -l <"$tmp/$b.txt.facts")
		for x in pdf html; do
			if cmp -s "$tmp/$b.txt.facts" "$tmp/$b.$x.facts"; then ok; else
				bad "$b: $x figures differ from the text's ($n claims):"
				diff "$tmp/$b.txt.facts" "$tmp/$b.$x.facts" | head -10
			fi
		done
		# the page column: filled for PDF claims, never decreasing; empty for HTML
		if [ "$n" -gt 0 ]; then
			if pages "$tmp/$b.pdf.csv" | awk 'BEGIN { e = 0; last = 0 } $1 == "" || $1 + 0 < last { e = 1 } { last = $1 + 0 } END { exit e }'; then ok; else
				bad "$b.pdf: page column empty or out of order"
			fi
			if [ -z "$(pages "$tmp/$b.html.csv" | tr -d '\n')" ]; then ok; else bad "$b.html: page column filled"; fi
		fi
	done
else
	echo "load: no seeds in $SEEDS; the round trip is skipped"
	skip=$((skip + 1))
fi

# 2. A folder of good and bad documents: each bad one named with its reason, the good ones extracted.
mkdir -p "$tmp/korpus"
cat >"$tmp/gut.txt" <<'EOF'
Seoul, 26.02.2024
In Südkorea sind derzeit rund 28.500 US-Soldaten stationiert.
EOF
cp "$tmp/gut.txt" "$tmp/korpus/gut.txt"
"$MKPDF" -o "$tmp/korpus/bild.pdf" --image-only "$tmp/gut.txt" >/dev/null
printf '%%PDF-1.4\ngarbage\n' >"$tmp/korpus/kaputt.pdf"
"$MKPDF" -o "$tmp/korpus/studie.pdf" --date 2019-05-01 --title "Studie" --author "SWP" "$tmp/gut.txt" >/dev/null
head -c 3000 "$tmp/korpus/studie.pdf" >"$tmp/korpus/halb.pdf"
printf '<html><head><meta name="date" content="2023-07-01"></head><body><nav>99 Links</nav><p>In S&uuml;dkorea sind derzeit rund 28.500 US-Soldaten stationiert.</p></body></html>\n' >"$tmp/korpus/seite.html"
"$KZ" extract "$tmp/korpus" >"$tmp/k.csv" 2>"$tmp/k.err"
rc=$?
if [ $rc -eq 3 ]; then ok; else bad "folder with bad PDFs: exit status $rc, want 3"; fi
if grep -q "^kennzahl: $tmp/korpus/bild.pdf: no text layer" "$tmp/k.err"; then ok; else bad "image-only PDF: $(cat "$tmp/k.err")"; fi
if grep -q "^kennzahl: $tmp/korpus/kaputt.pdf: not a readable pdf" "$tmp/k.err"; then ok; else bad "corrupt PDF: $(cat "$tmp/k.err")"; fi
if grep -q "^kennzahl: $tmp/korpus/halb.pdf: " "$tmp/k.err" || grep -q "halb.pdf" "$tmp/k.csv"; then ok; else bad "truncated PDF neither read nor reported"; fi
# the good documents went on: the figure from the text, the PDF and the HTML page
for d in gut.txt studie.pdf seite.html; do
	if grep -q "korpus/$d,.*,28500," "$tmp/k.csv"; then ok; else bad "$d: claim missing after bad documents"; fi
done
# document dates: the PDF's info dictionary (2019) and the page's meta date (2023) beat the datelines (2024)
if grep "korpus/studie.pdf," "$tmp/k.csv" | grep -q ",2019,[^,]*,yes,"; then ok; else bad "PDF creation date not used: $(grep studie.pdf "$tmp/k.csv")"; fi
if grep "korpus/seite.html," "$tmp/k.csv" | grep -q ",2023,[^,]*,yes,"; then ok; else bad "HTML meta date not used: $(grep seite.html "$tmp/k.csv")"; fi
if grep "korpus/gut.txt," "$tmp/k.csv" | grep -q ",2024,[^,]*,yes,"; then ok; else bad "dateline not used: $(grep gut.txt "$tmp/k.csv")"; fi
# nav text is no claim
if grep -q ",99," "$tmp/k.csv"; then bad "HTML nav text extracted"; else ok; fi

echo "load: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
