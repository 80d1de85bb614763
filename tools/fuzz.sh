#!/bin/sh
# fuzz.sh: run each libFuzzer harness (tests/fuzz/) for N seconds from seeds made of the project's own fixtures; any finding fails.
# Usage: sh tools/fuzz.sh [SECONDS]   (make fuzz FUZZ_SECONDS=N builds the harnesses, then runs this)
# Environment: BUILD (default build/fuzz: bin/ harnesses, tools/mkpdf), FUZZ_ONLY (harness names, e.g. "text html"),
# FUZZ_ARGS (more libFuzzer options, e.g. "-fork=2 -ignore_crashes=1" to go on past a crash).
# Seeds are written to BUILD/corpus/<harness>/, where libFuzzer also keeps what it finds; crash, leak, timeout and
# oom files go to BUILD/findings/<harness>/ and are listed at the end; logs are BUILD/log/<harness>.log.
LC_ALL=C.UTF-8
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
export LC_ALL UBSAN_OPTIONS
SECS=${1:-60}
BUILD=${BUILD:-build/fuzz}
HARNESSES=${FUZZ_ONLY:-"text html pdf claims sources corrections lexicon rates"}
MKPDF=$BUILD/tools/mkpdf
fail=0

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- seeds ---

# One seed per case of the grammar files: the text of each block up to its "." line.
grammar_cases() { # grammar_cases DIR
	awk -v dir="$1" '
	/^%%/ { body = 0; next }
	/^#/ && !body { next }
	$0 == "." { if (text != "") { n++; f = sprintf("%s/case-%04d.txt", dir, n); printf "%s", text > f; close(f) }
		    text = ""; body = 1; next }
	!body { text = text $0 "\n" }' tests/extract/*.test
}

text_fixtures() { # the project's documents, one path a line
	ls corpus/*.txt corpus/*.md tests/eval/news*/*.txt tests/load/*.txt tests/golden/*/*.txt \
		tests/golden/*/docs/* 2>/dev/null | grep -E '\.(txt|md)$'
}

seed_text() {
	for f in $(text_fixtures); do
		cp "$f" "$1/$(echo "$f" | tr / _)"
	done
	grammar_cases "$1"
	printf '\357\273\277Stand: Mai 2021\r\nRund 28.500 US-Soldaten sind in S\374dkorea stationiert.\r\n' >"$1/bom-cp1252-crlf.txt"
	printf '\377\376S\000t\000a\000n\000d\000:\000 \0002\0000\0002\0004\000\n\0005\000 \000M\000r\000d\000.\000 \000E\000u\000r\000o\000\n\000' >"$1/utf16le.txt"
	printf '| Land | Verteidigungsetat 2024 (Mrd. Euro) | Truppen |\n|---|---:|---|\n| Japan | 52,1 | 247.000 |\n| S\303\274dkorea | 45 | etwa 500.000 |\n' >"$1/table.md"
}

seed_html() {
	for f in $(text_fixtures | head -40); do
		b=$(echo "$f" | tr / _)
		"$MKPDF" -o "$tmp/x.pdf" --html "$1/${b%.*}.html" "$f" >/dev/null 2>&1 || rm -f "$1/${b%.*}.html"
	done
	cat >"$1/markup.html" <<'EOF'
<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Lastenteilung &amp; B&uuml;ndnisse</title>
<meta property="og:site_name" content="SWP"><meta name="date" content="2024-02-26T10:00:00+01:00">
<meta property="article:published_time" content="2024-02-26"><link rel="canonical" href="https://example.org/a">
<style>p { color: red }</style><script>var x = "<p>99 Soldaten</p>";</script></head>
<body><nav>Start | 12 Artikel</nav><!-- 500 Soldaten im Kommentar -->
<article><h1>Truppen</h1><p>Rund&nbsp;28.500&#160;US-Soldaten sind in S&#xFC;dkorea stationiert.<sup>12</sup></p>
<p>Japan zahlt 2023 etwa 6,8&nbsp;Bio. Yen (51 Mrd. Dollar) &ndash; knapp 1,1&#x202F;Prozent des BIP.</p>
<pre>  zwischen 20 und 25 Prozent  </pre><![CDATA[ 30 Prozent ]]><table><tr><th>Land</th><th>Etat 2024 (Mrd. Euro)</th></tr>
<tr><td>Japan</td><td>52,1</td></tr></table><time datetime="2024-02-26">26. Februar 2024</time></article></body></html>
EOF
}

seed_pdf() {
	for f in corpus/*.txt corpus/*.md tests/load/*.txt $(ls tests/eval/news/*.txt | head -4); do
		b=$(echo "$f" | tr / _)
		"$MKPDF" -o "$1/${b%.*}.pdf" --page-numbers --header "Stiftung Wissenschaft und Politik" "$f" \
			>/dev/null 2>&1 || rm -f "$1/${b%.*}.pdf"
	done
	# uncompressed, so the fuzzer can reach the page text: one page, base-14 font, a footnote raised and small
	awk 'BEGIN {
		s = "BT /F1 12 Tf 72 720 Td (Rund 28.500 US-Soldaten sind in Japan stationiert.) Tj " \
		    "/F1 7 Tf 5 4 Td (12) Tj ET BT /F1 12 Tf 72 700 Td (Der Etat lag 2023 bei knapp 1,1 Prozent.) Tj ET"
		o[1] = "<< /Type /Catalog /Pages 2 0 R >>"
		o[2] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
		o[3] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
		o[4] = "<< /Length " length(s) " >>\nstream\n" s "\nendstream"
		o[5] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
		o[6] = "<< /Title (Allianzen) /Author (SWP) /CreationDate (D:20240226103000Z) >>"
		out = "%PDF-1.4\n"
		for (i = 1; i <= 6; i++) { off[i] = length(out); out = out i " 0 obj\n" o[i] "\nendobj\n" }
		x = length(out)
		out = out "xref\n0 7\n0000000000 65535 f \n"
		for (i = 1; i <= 6; i++) out = out sprintf("%010d 00000 n \n", off[i])
		printf "%strailer\n<< /Size 7 /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n", out, x
	}' >"$1/plain.pdf"
}

seed_claims() {
	for f in tests/check/*.csv tests/golden/*/claims.csv tests/golden/extract-*/expect.out; do
		[ "$(basename "$f")" = sources.csv ] && continue
		cp "$f" "$1/$(echo "$f" | tr / _)"
	done
}

seed_sources() {
	for f in corpus/sources.csv tests/check/sources.csv tests/eval/news*/sources.csv $(find tests/golden -name sources.csv); do
		cp "$f" "$1/$(echo "$f" | tr / _)"
	done
	printf '\357\273\277file;title;publisher;date;url\r\nusfk-truppenstaerke-2025.txt;"USFK; Lage";SWP;2025-01;https://example.org\r\n' >"$1/excel-de.csv"
}

seed_corrections() {
	printf 'id,action,file,quote,value,unit,low,high,qualifier,indicator,detail,status,subject,partner,year,source,note\n' >"$1/header.csv"
	{ cat "$1/header.csv"
	  printf 'usfk.txt#00000000-28.500,set,usfk.txt,Rund 28.500 US-Soldaten,,,,,,,stationed,,US,KR,2025,,Agentur\n'
	  printf 'usfk.txt#00000000-8,3,reject,usfk.txt,"8,3 Prozent",,,,,,,,,,,,,\n'
	  printf ',add,usfk.txt,rund 4.500 Soldaten,4500,persons,4275,4725,approx,troops,relocation,plan,US,KR,2026,,\n'
	  printf 'usfk.txt#x-1,confirm,,,,,,,,,,,,,,,\n'; } >"$1/plain.csv"
	printf '\357\273\277id;action;file;quote;value;unit\r\n;add;usfk.txt;rund 4.500;4500,5;persons\r\n' >"$1/excel-de.csv"
}

seed_lexicon() {
	for f in data/*.tsv tests/golden/*/*.tsv; do
		[ "$f" = data/fx.tsv ] && continue
		cp "$f" "$1/$(echo "$f" | tr / _)"
	done
	for d in tests/golden/lexicon*; do # the lexicon, "%%", the document it was written for
		for t in "$d"/*.tsv; do
			for doc in "$d"/*.txt; do
				[ -f "$doc" ] && { cat "$t"; printf '\n%%%%\n'; cat "$doc"; } >"$1/$(basename "$d")-$(basename "$t" .tsv).pair"
			done
		done
	done
}

seed_rates() {
	cp data/fx.tsv "$1/fx.tsv"
	printf '# source: test\nyear\tEUR\tJPY\tKRW\n2024\t1.08\t151.4\t1364\n2025-01\t1.035\t156.5\t1455.8\n2025-02\t\t152\t\n' >"$1/monthly.tsv"
}

# Each harness's dictionary, joined from the parts in tests/fuzz/*.dict.
dict_parts() {
	case $1 in
	text) echo words ;;
	html) echo html words ;;
	pdf) echo pdf words ;;
	claims) echo csv claims words ;;
	sources) echo csv sources ;;
	corrections) echo csv corrections ;;
	lexicon) echo lexicon words ;;
	rates) echo rates ;;
	esac
}

maxlen() {
	case $1 in
	text | html) echo 65536 ;; # above the largest fixture; extraction is linear, so a 64 KB
	                           # letterless run stays far under -timeout
	claims) echo 65536 ;;
	pdf) echo 131072 ;; # the laid-out seeds embed their fonts (about 40 KB)
	*) echo 16384 ;;
	esac
}

# The last "cov: N ft: N" of a libFuzzer log, and its executions.
stat_of() { # stat_of LOG KEY
	case $2 in
	execs) # -fork prints no final stats: then the count of its last status line
		sed -n 's/^stat::number_of_executed_units: *//p' "$1" | tail -1 | grep . ||
			sed -n 's/^#\([0-9][0-9]*\)[: ].*cov: .*/\1/p' "$1" | tail -1 ;;
	*) grep -Eo "$2: [0-9]+" "$1" | tail -1 | sed 's/.*: //' ;;
	esac
}

mkdir -p "$BUILD/log"
: >"$tmp/start"
printf '%-8s %10s %6s %7s %5s  %s\n' harness execs cov ft secs result >"$tmp/table"
for h in $HARNESSES; do
	bin=$BUILD/bin/fuzz_$h
	if [ ! -x "$bin" ]; then
		echo "fuzz: $bin is not built (make fuzz)" >&2
		fail=1
		continue
	fi
	corpus=$BUILD/corpus/$h
	found=$BUILD/findings/$h
	log=$BUILD/log/$h.log
	mkdir -p "$corpus" "$found"
	"seed_$h" "$corpus"
	mkdir -p "$BUILD/dict"
	for p in $(dict_parts "$h"); do cat "tests/fuzz/$p.dict"; done >"$BUILD/dict/$h.dict"
	echo "fuzz: $h for ${SECS}s ($(ls "$corpus" | wc -l) inputs in $corpus)"
	t0=$(date +%s)
	# shellcheck disable=SC2086 # FUZZ_ARGS is a list of options
	"$bin" -max_total_time="$SECS" -max_len="$(maxlen "$h")" -rss_limit_mb=2048 -timeout=10 \
		-dict="$BUILD/dict/$h.dict" -close_fd_mask=3 -print_final_stats=1 -artifact_prefix="$found/" \
		${FUZZ_ARGS:-} "$corpus" >"$log" 2>&1
	rc=$?
	t1=$(date +%s)
	new=$(find "$found" -type f -newer "$tmp/start" | sort)
	if [ $rc -eq 0 ] && [ -z "$new" ]; then
		result=ok
	else
		result="FAIL (exit $rc)"
		fail=1
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error:|==[0-9]+== ERROR: libFuzzer)' "$log" | head -3 | sed 's/^/  /'
		echo "  log: $log"
	fi
	printf '%-8s %10s %6s %7s %5s  %s\n' "$h" "$(stat_of "$log" execs)" "$(stat_of "$log" cov)" \
		"$(stat_of "$log" ft)" $((t1 - t0)) "$result" >>"$tmp/table"
done
cat "$tmp/table"
new=$(find "$BUILD/findings" -type f -newer "$tmp/start" 2>/dev/null | sort)
if [ -n "$new" ]; then
	echo "fuzz: findings (reproduce with $BUILD/bin/fuzz_<harness> FILE):"
	echo "$new" | sed 's/^/  /'
fi
[ $fail -eq 0 ] && echo "fuzz: no findings" || echo "fuzz: FAILED"
exit $fail
