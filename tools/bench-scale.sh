#!/bin/sh
# bench-scale.sh: a whole archive (make bench) — extract at -j 1 and -j <all processors> on the real-text
# mix (the seeds and corpus texts repeated to >= 100 MB) and on 2 000 generated documents, the same
# text through the number-only parse of Microsoft Recognizers-Text (when node and npm are there), and
# incremental runs: 10 documents added to 2 000. Figures are for one run on this machine: compare the
# ratios. Environment: KZ, RUNSTAT, BENCH_DIR, SEEDS, GEN (tools/gencorpus), MIX_MB (default 100).
KZ=${KZ:-./kennzahl}
RUNSTAT=${RUNSTAT:-build/rel/tools/runstat}
GEN=${GEN:-build/rel/tools/gencorpus}
OUT=${BENCH_DIR:-bench/out}
SEEDS=${SEEDS:-../shared/seeds}
MIX_MB=${MIX_MB:-100}
NPROC=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
LC_ALL=C.UTF-8
export LC_ALL
mkdir -p "$OUT"

stat_of() { # seconds and peak MB of a command
	"$RUNSTAT" "$@" 2>&1 >/dev/null | sed -n 's/^runstat: seconds \([0-9.]*\) peak_rss_mb \([0-9.]*\).*/\1 \2/p'
}
mbs() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# 1. the real-text mix: 100 documents, each the seeds and corpus texts repeated
mix="$OUT/mix$MIX_MB"
if [ ! -f "$mix/.done" ]; then
	rm -rf "$mix" && mkdir -p "$mix"
	{ ls "$SEEDS"/*.txt 2>/dev/null; ls corpus/*.txt corpus/*.md | grep -v README; } | xargs cat > "$OUT/mix-one.txt"
	one=$(wc -c < "$OUT/mix-one.txt")
	rep=$((MIX_MB * 1000000 / one / 100 + 1))
	for d in $(seq 1 100); do
		for r in $(seq 1 $rep); do cat "$OUT/mix-one.txt"; done > "$mix/doc$d.txt"
	done
	touch "$mix/.done"
fi
bytes=$(cat "$mix"/*.txt | wc -c)
echo "real-text mix: $bytes bytes in 100 documents ($(ls "$SEEDS"/*.txt 2>/dev/null | wc -l) seeds and the corpus texts repeated)"
set -- $(stat_of "$KZ" extract -j 1 "$mix" -o "$OUT/mix-1.csv")
s1=$1 m1=$2
set -- $(stat_of "$KZ" extract -j "$NPROC" "$mix" -o "$OUT/mix-n.csv")
sn=$1 mn=$2
claims=$(($(wc -l < "$OUT/mix-1.csv") - 1))
same=$(cmp -s "$OUT/mix-1.csv" "$OUT/mix-n.csv" && echo "identical" || echo "DIFFERENT")
echo "extract -j 1: $(mbs "$bytes" "$s1") MB/s ($s1 s, peak $m1 MB); -j $NPROC: $(mbs "$bytes" "$sn") MB/s ($sn s, peak $mn MB); speed-up $(ratio "$s1" "$sn"); $claims claims, outputs $same"

# 2. many documents: 2 000 generated ones
many="$OUT/many2000"
if [ ! -f "$many/.done" ]; then
	rm -rf "$many" && mkdir -p "$many"
	"$GEN" "$many" 40 2000 > /dev/null
	touch -d '2026-01-01 12:00' "$many"/*
	touch "$many/.done"
fi
mbytes=$(cat "$many"/*.txt | wc -c)
ndocs=$(ls "$many"/*.txt | wc -l)
set -- $(stat_of "$KZ" extract -j 1 "$many" -o "$OUT/many-1.csv")
s1=$1 m1=$2
set -- $(stat_of "$KZ" extract -j "$NPROC" "$many" -o "$OUT/many-n.csv")
sn=$1 mn=$2
same=$(cmp -s "$OUT/many-1.csv" "$OUT/many-n.csv" && echo "identical" || echo "DIFFERENT")
echo "$ndocs documents, $mbytes bytes: -j 1 $(mbs "$mbytes" "$s1") MB/s, $(awk -v n="$ndocs" -v s="$s1" 'BEGIN{printf "%.0f", n/s}') documents/s (peak $m1 MB); -j $NPROC $(mbs "$mbytes" "$sn") MB/s, $(awk -v n="$ndocs" -v s="$sn" 'BEGIN{printf "%.0f", n/s}') documents/s (peak $mn MB); outputs $same"

# 3. the peer: Recognizers-Text's number parse on the same text (1 MB of the mix), in this run
peer="$OUT/peer"
if command -v node > /dev/null 2>&1 && [ ! -d "$peer/node_modules/@microsoft/recognizers-text-suite" ] &&
	command -v npm > /dev/null 2>&1; then
	mkdir -p "$peer" && (cd "$peer" && npm install --silent --no-audit --no-fund @microsoft/recognizers-text-suite > /dev/null 2>&1)
fi
if [ -d "$peer/node_modules/@microsoft/recognizers-text-suite" ]; then
	head -c 1200000 "$mix/doc1.txt" > "$OUT/peer-sample.txt"
	# cut at the last line end: no broken character
	sed -i '$d' "$OUT/peer-sample.txt"
	pb=$(wc -c < "$OUT/peer-sample.txt")
	line=$(NODE_PATH="$peer/node_modules" node tools/peer-recognizers.js "$OUT/peer-sample.txt")
	ps=$(echo "$line" | sed -n 's/.* \([0-9.]*\) s$/\1/p')
	set -- $(stat_of "$KZ" extract -j 1 "$mix" -o /dev/null)
	echo "Recognizers-Text recognizeNumber (de-DE): $(mbs "$pb" "$ps") MB/s on $pb bytes ($line); kennzahl extract -j 1 in the same run: $(mbs "$bytes" "$1") MB/s: $(ratio "$(mbs "$bytes" "$1")" "$(mbs "$pb" "$ps")") times its throughput"
else
	echo "peer: skipped (needs node and npm to install @microsoft/recognizers-text-suite into $peer)"
fi

# 4. incremental: run over 2 000 documents, add 10, run again; against extracting the 10 and checking and
#    reporting everything
inc="$OUT/inc"
rm -rf "$inc" && mkdir -p "$inc"
set -- $(stat_of "$KZ" run -o "$inc/out" "$many")
cold=$1
set -- $(stat_of "$KZ" run -o "$inc/out" "$many")
warm0=$1
mkdir -p "$inc/new"
"$GEN" "$inc/new" 1 10 > /dev/null
for f in "$inc/new"/*.txt; do cp "$f" "$many/added-$(basename "$f")"; done
set -- $(stat_of "$KZ" run -o "$inc/out" "$many")
warm=$1
summary=$("$KZ" run -o "$inc/out" "$many" 2>/dev/null | tail -1)
set -- $(stat_of "$KZ" extract -j 1 "$inc/new" -o "$inc/new.csv")
ex10=$1
set -- $(stat_of "$KZ" check "$inc/out/claims.csv")
chk=$1
set -- $(stat_of "$KZ" report -o "$inc/sheet.pdf" "$inc/out/claims.csv")
rep=$1
base=$(awk -v a="$ex10" -v b="$chk" -v c="$rep" 'BEGIN{printf "%.3f", a+b+c}')
rm -f "$many"/added-*
echo "run over $ndocs documents: $cold s cold, $warm0 s again unchanged; with 10 added: $warm s ($(ratio "$warm" "$base") times extracting the 10 ($ex10 s) + check ($chk s) + report ($rep s) = $base s; $(ratio "$cold" "$warm") times faster than cold)"
echo "  $summary"
