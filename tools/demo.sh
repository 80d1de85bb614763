#!/bin/sh
# demo.sh: the main job on the sample corpus (make demo): kennzahl run corpus -o out, then say where the PDF is.
KZ=${1:-./kennzahl}
OUT=${2:-out}
mkdir -p "$OUT"
if "$KZ" run --help > /dev/null 2>&1; then
	"$KZ" run --charts -o "$OUT" corpus > /dev/null || exit $?
else
	# run not built yet: at least the claims table
	"$KZ" extract corpus -o "$OUT/claims.csv" || exit $?
fi
for f in claims.csv findings.csv consensus.csv; do
	[ -f "$OUT/$f" ] && echo "$f: $OUT/$f ($(($(wc -l < "$OUT/$f") - 1)) rows)"
done
[ -d "$OUT/charts" ] && echo "charts: $OUT/charts/ ($(ls "$OUT/charts" | grep -c '\.svg$') charts as SVG and PNG)"
if [ -f "$OUT/factsheet.pdf" ]; then
	pages=$(pdfinfo "$OUT/factsheet.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
	echo "fact sheet: $(pwd)/$OUT/factsheet.pdf${pages:+ ($pages pages)}"
fi
