#!/bin/sh
# jobs.sh: -j N gives the output of -j 1, byte for byte — stdout, stderr and exit status of extract, and
# every file of run — on corpus/, the seeds, the hostile-input folder and a folder of many documents with
# bad ones among them (PDF, HTML, binary, a FIFO, a broken link); -j takes 1..256; prints "N passed, N failed".
. "$(dirname "$0")/lib/common.sh"
SEEDS=${SEEDS:-../shared/seeds}
HOSTILE=${HOSTILE:-../shared/hostile}
MKPDF=${BUILD:-build/rel}/tools/mkpdf
[ -x "$MKPDF" ] || MKPDF=build/rel/tools/mkpdf

# the many-documents folder: corpus texts under many names, as PDF and HTML when mkpdf is built, bad files between
mkdir -p "$t/many/a" "$t/many/b"
i=0
for f in corpus/*.txt corpus/*.md; do
	i=$((i + 1))
	for k in 1 2 3; do cp "$f" "$t/many/a/$k-$(basename "$f")"; done
	if [ -x "$MKPDF" ]; then
		"$MKPDF" -o "$t/many/b/$i.pdf" --html "$t/many/b/$i.html" --page-numbers "$f" > /dev/null || no "mkpdf $f"
	fi
done
printf 'Der Etat liegt bei 5\0\0\0 Mrd.' > "$t/many/a/2-binary.txt"
printf '%%PDF-1.4 kaputt' > "$t/many/b/0-broken.pdf"
mkfifo "$t/many/a/3-fifo.txt" 2>/dev/null
ln -s "$t/nowhere.txt" "$t/many/a/4-link.txt"

same_extract() { # what: the stdout, stderr and status of extract -j 1 and -j N over PATH...
	what=$1
	shift
	"$KZ" extract -j 1 "$@" > "$t/1.csv" 2> "$t/1.err"
	echo $? > "$t/1.rc"
	for n in 2 3 8; do
		"$KZ" extract -j $n "$@" > "$t/n.csv" 2> "$t/n.err"
		echo $? > "$t/n.rc"
		if cmp -s "$t/1.csv" "$t/n.csv" && cmp -s "$t/1.err" "$t/n.err" && cmp -s "$t/1.rc" "$t/n.rc"; then
			ok
		else
			no "$what: extract -j $n differs from -j 1 ($(diff "$t/1.csv" "$t/n.csv" | wc -l) lines of claims, $(diff "$t/1.err" "$t/n.err" | wc -l) of messages)"
		fi
	done
}

same_extract "corpus" corpus
[ "$(wc -l < "$t/1.csv")" -gt 100 ] && ok || no "corpus: too few claims to tell: $(wc -l < "$t/1.csv")"
same_extract "many documents" "$t/many"
[ "$(cat "$t/1.rc")" = 3 ] && ok || no "many documents: bad ones among them must give status 3, not $(cat "$t/1.rc")"
grep -q "2-binary.txt" "$t/1.err" && grep -q "0-broken.pdf" "$t/1.err" && ok || no "many documents: each bad one is named"
[ "$(grep -c '^"\{0,1\}a/1-' "$t/1.csv")" -gt 50 ] && ok || no "many documents: the good ones around the bad ones were not all read"
# a document reads the same whatever was read before it: the three copies give the same claims
"$KZ" extract -j 1 "$t/many/a" 2> /dev/null > "$t/copies.csv"
for k in 1 2 3; do
	grep "^\"\{0,1\}$k-" "$t/copies.csv" | sed -e "s|^\\(\"\\{0,1\\}\\)$k-|\\1|" -e "s|/$k-|/|" > "$t/copy$k"
done
[ -s "$t/copy1" ] && cmp -s "$t/copy1" "$t/copy2" && cmp -s "$t/copy1" "$t/copy3" && ok ||
	no "copies of one document give different claims ($(diff "$t/copy1" "$t/copy3" | grep -c '^<') rows): state leaks between documents"
if [ -d "$SEEDS" ]; then
	same_extract "seeds" "$SEEDS" corpus
else
	echo "jobs: seeds not found ($SEEDS); their case skipped"
	skip=$((skip + 1))
fi
if [ -d "$HOSTILE" ]; then
	same_extract "hostile" "$HOSTILE"
else
	echo "jobs: hostile-input folder not found ($HOSTILE); its case skipped"
	skip=$((skip + 1))
fi

# run: every output the same (the fact sheet by its layout), the summary too
SOURCE_DATE_EPOCH=1764547200
export SOURCE_DATE_EPOCH
"$KZ" run -j 1 -o "$t/r1" corpus "$t/many" > "$t/r1.out" 2> "$t/r1.err"
"$KZ" run -j 4 -o "$t/r4" corpus "$t/many" > "$t/r4.out" 2> "$t/r4.err"
for f in claims.csv findings.csv consensus.csv documents.csv factsheet.pdf; do
	cmp -s "$t/r1/$f" "$t/r4/$f" && ok || no "run -j 4: $f differs from -j 1"
done
sed "s|$t/r1|OUT|" "$t/r1.out" > "$t/r1.o"
sed "s|$t/r4|OUT|" "$t/r4.out" > "$t/r4.o"
cmp -s "$t/r1.o" "$t/r4.o" && cmp -s "$t/r1.err" "$t/r4.err" && ok || no "run -j 4: messages or summary differ from -j 1"

# -j takes 1..256
for bad in 0 -1 257 x 2x ""; do
	"$KZ" extract -j "$bad" corpus > /dev/null 2> "$t/e"
	rc=$?
	[ $rc = 2 ] && grep -q -- "-j takes" "$t/e" && ok || no "extract -j '$bad': want status 2 and a message, got $rc"
done
"$KZ" report -j 0 -o "$t/x.pdf" corpus > /dev/null 2>&1
[ $? = 2 ] && ok || no "report -j 0 is a usage error"

echo "jobs: $pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
