#!/bin/sh
# split.sh: extract is a pure function of one document, so a corpus can be cut into parts (or single
# documents fed on stdin, as a cluster's mappers would) and the tables concatenated: check of the
# concatenation gives the findings and consensus of one run over the whole; prints "N passed, N failed".
. "$(dirname "$0")/lib/common.sh"
SEEDS=${SEEDS:-../shared/seeds}

mkdir -p "$t/c"
cp corpus/*.txt corpus/*.md corpus/sources.csv "$t/c/"
rm -f "$t/c/README.md"
[ -d "$SEEDS" ] && cp "$SEEDS"/*.txt "$t/c/" 2>/dev/null
cd "$t/c" || exit 1
ls *.txt *.md > ../files

# one run over the whole corpus
"$KZ" extract $(cat ../files) > ../one.csv 2>> ../warn || no "extract of the whole corpus"
"$KZ" check -o ../one.find --consensus ../one.cons ../one.csv > ../one.sum 2>> ../warn || no "check of the whole"
[ "$(wc -l < ../one.csv)" -gt 100 ] && ok || no "too few claims to tell: $(wc -l < ../one.csv)"
[ "$(wc -l < ../one.find)" -gt 1 ] && ok || no "no findings in the whole corpus: nothing to compare"

# three parts, extracted apart, their tables concatenated (headers and all)
n=$(wc -l < ../files)
split -l $(((n + 2) / 3)) ../files ../part.
k=0
for p in ../part.*; do
	k=$((k + 1))
	"$KZ" extract $(cat "$p") > "../p$k.csv" 2>> ../warn || no "extract of part $k"
done
[ "$k" = 3 ] && ok || no "the corpus was cut into $k parts, not 3"
cat ../p*.csv > ../parts.csv
"$KZ" check -o ../parts.find --consensus ../parts.cons ../parts.csv > ../parts.sum 2>> ../warn || no "check of the parts"
cmp -s ../one.find ../parts.find && ok || no "findings of the concatenated parts differ from one run ($(diff ../one.find ../parts.find | wc -l) lines)"
cmp -s ../one.cons ../parts.cons && ok || no "consensus of the concatenated parts differs from one run"
cmp -s ../one.sum ../parts.sum && ok || no "the summary of the concatenated parts differs from one run"

# one document at a time on stdin, the way a mapper reads it; check reads the stream on stdin
: > ../mapped.csv
for f in $(cat ../files); do
	"$KZ" extract --stdin "$f" --sources sources.csv < "$f" >> ../mapped.csv 2>> ../warn || no "extract --stdin $f"
done
grep -v '^id,doc,' ../one.csv | sort > ../one.rows
grep -v '^id,doc,' ../mapped.csv | sort > ../mapped.rows
cmp -s ../one.rows ../mapped.rows && ok || no "--stdin rows differ from the run over files ($(diff ../one.rows ../mapped.rows | wc -l) lines)"
"$KZ" check -o ../mapped.find --consensus ../mapped.cons - < ../mapped.csv > ../mapped.sum 2>> ../warn || no "check - of the mapped stream"
cmp -s ../one.find ../mapped.find && ok || no "findings of the mapped documents differ from one run"
cmp -s ../one.cons ../mapped.cons && ok || no "consensus of the mapped documents differs from one run"

# parts that overlap (a document mapped twice): each claim counts once, and check says so
cat ../mapped.csv ../p1.csv > ../overlap.csv
"$KZ" check -o ../overlap.find --consensus ../overlap.cons ../overlap.csv > ../overlap.sum 2> ../overlap.err || no "check of overlapping parts"
cmp -s ../one.cons ../overlap.cons && cmp -s ../one.find ../overlap.find && ok || no "overlapping parts: consensus or findings differ from one run"
grep -q "^kennzahl: [0-9]* claims\{0,1\} repeats\{0,1\} an id read before" ../overlap.err && ok || no "overlapping parts: no message about the repeated claims: $(cat ../overlap.err)"

# --stdin: a bad document is named by its NAME; the usage is checked
printf 'kein Text\0\0\0 hier' | "$KZ" extract --stdin kaputt.txt > ../bad.csv 2> ../bad.err
rc=$?
[ $rc = 3 ] && grep -q "^kennzahl: kaputt.txt: " ../bad.err && ok || no "a binary document on stdin: want status 3 and its NAME, got $rc: $(cat ../bad.err)"
head -1 ../bad.csv | grep -q '^id,doc,' && [ "$(wc -l < ../bad.csv)" = 1 ] && ok || no "a bad document on stdin still gives a table (its header)"
"$KZ" extract --stdin a.txt corpus < /dev/null > /dev/null 2>&1
[ $? = 2 ] && ok || no "--stdin with a PATH is a usage error"
"$KZ" extract --sources sources.csv . > /dev/null 2>&1
[ $? = 2 ] && ok || no "--sources without --stdin is a usage error"

echo "split: $pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
