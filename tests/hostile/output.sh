# output.sh (part of hostile.sh): what kennzahl writes never replaces what it must not, what it
# reads is only regular files, visited once, and never its own output.
printf 'Im Jahr 2021 waren rund 35.000 US-Soldaten in Deutschland stationiert.\n' > "$t/doc.txt"

# -o onto a FIFO: written through (a reader gets the table), the FIFO stays a FIFO
mkfifo "$t/fifo"
cat "$t/fifo" > "$t/fifo.out" &
reader=$!
timeout 20 "$KZ" extract -o "$t/fifo" "$t/doc.txt" 2> "$t/err"
[ $? = 0 ] && ok || no "-o FIFO: exit status not 0: $(cat "$t/err")"
wait $reader
[ -p "$t/fifo" ] && ok || no "-o FIFO: the FIFO was replaced"
grep -q 35000 "$t/fifo.out" && ok || no "-o FIFO: the reader got no table"

# a FIFO nobody reads is refused at once, not waited on, and stays
timeout 20 "$KZ" extract -o "$t/fifo" "$t/doc.txt" 2> "$t/err"
[ $? = 4 ] && ok || no "-o FIFO without a reader: exit status not 4"
grep -q 'fifo: a FIFO that nobody reads' "$t/err" && ok || no "-o FIFO without a reader: no message"
[ -p "$t/fifo" ] && ok || no "-o FIFO without a reader: the FIFO was replaced"

# -o onto a character device (root only: mknod): the node stays a device
if [ "$(id -u)" = 0 ] && mknod "$t/nullnode" c 1 3 2> /dev/null; then
	"$KZ" extract -o "$t/nullnode" "$t/doc.txt" 2> "$t/err"
	[ $? = 0 ] && ok || no "-o device: exit status not 0"
	[ -c "$t/nullnode" ] && ok || no "-o device: the device node was replaced by a file"
fi

# -o onto a symbolic link: the target gets the table, the link stays a link
echo alt > "$t/ziel.csv"
ln -s "$t/ziel.csv" "$t/verweis.csv"
"$KZ" extract -o "$t/verweis.csv" "$t/doc.txt" 2> "$t/err"
[ -L "$t/verweis.csv" ] && ok || no "-o link: the link was replaced"
grep -q 35000 "$t/ziel.csv" && ok || no "-o link: the link's target does not hold the table"
# a link to nothing is refused, not replaced
ln -s "$t/nirgends.csv" "$t/tot.csv"
"$KZ" extract -o "$t/tot.csv" "$t/doc.txt" 2> "$t/err"
[ $? = 4 ] && ok || no "-o dangling link: exit status not 4"
[ -L "$t/tot.csv" ] && ok || no "-o dangling link: the link was replaced"
grep -q 'tot.csv: symbolic link to a missing file' "$t/err" && ok || no "-o dangling link: no message"

# inputs: a FIFO, a link to an endless device and a huge sparse file are refused without reading
mkdir "$t/in"
cp "$t/doc.txt" "$t/in/a.txt"
mkfifo "$t/in/rohr.txt"
ln -s /dev/zero "$t/in/null.txt"
timeout 20 "$KZ" extract "$t/in" -o "$t/in.csv" 2> "$t/err"
st=$?
[ $st = 3 ] && ok || no "FIFO and device in a folder: exit status $st, expected 3"
grep -q 'rohr.txt: a FIFO, not a regular file' "$t/err" && ok || no "FIFO in a folder: no message"
grep -q 'null.txt: a character device, not a regular file' "$t/err" && ok || no "link to /dev/zero: no message"
grep -q 'a.txt#' "$t/in.csv" && ok || no "FIFO in a folder: the good document's claims are missing"
rm "$t/in/rohr.txt" "$t/in/null.txt"
truncate -s 700M "$t/riesig.txt"
timeout 20 "$KZ" extract "$t/riesig.txt" -o "$t/r.csv" 2> "$t/err"
grep -q 'riesig.txt: file larger than' "$t/err" && ok || no "700 MB file: not refused by its size"
rm -f "$t/riesig.txt"

# symbolic link loops: each document read once, the loop named, the walk ends
ln -s . "$t/in/selbst"
ln -s .. "$t/in/hoch"
timeout 20 "$KZ" extract "$t/in" -o "$t/loop.csv" 2> "$t/err"
st=$?
[ $st != 124 ] && ok || no "link loops: the walk did not end"
[ "$(grep -c 'a.txt#' "$t/loop.csv")" = 1 ] && ok || no "link loops: a.txt read $(grep -c 'a.txt#' "$t/loop.csv") times"
grep -q 'selbst: symbolic link loop' "$t/err" && ok || no "link loops: the loop is not named"
rm "$t/in/selbst" "$t/in/hoch"

# an empty folder says so and fails
mkdir "$t/leer"
"$KZ" extract "$t/leer" > /dev/null 2> "$t/err"
[ $? = 3 ] && ok || no "empty folder: exit status not 3"
grep -q 'leer: no documents in this folder' "$t/err" && ok || no "empty folder: no message"
clean "$t/err" "empty folder"

# run inside its own input: out/ is never read back, the figures stay the same run after run
mkdir "$t/proj"
cp "$t/doc.txt" "$t/proj/a.txt"
printf 'Japan zahlte 2022 rund 211 Milliarden Yen.\n' > "$t/proj/b.txt"
(cd "$t/proj" && "$KZ" run . > /dev/null 2> "$t/err1" && "$KZ" run . > /dev/null 2> "$t/err2")
[ $? = 0 ] && ok || no "run . twice: exit status not 0: $(cat "$t/err2")"
n1=$(wc -l < "$t/proj/out/claims.csv")
(cd "$t/proj" && "$KZ" run . > /dev/null 2>&1)
n2=$(wc -l < "$t/proj/out/claims.csv")
[ "$n1" = "$n2" ] && [ "$n1" -le 4 ] && ok || no "run . reads its own output: $n1 then $n2 rows"
# an input inside the output folder is refused
"$KZ" run "$t/proj/out" -o "$t/proj/out" > /dev/null 2> "$t/err"
[ $? = 2 ] && ok || no "run into its own input: exit status not 2"
# a fact sheet kennzahl wrote is not read back as a document
"$KZ" report -o "$t/proj/blatt.pdf" "$t/proj/a.txt" > /dev/null 2>&1
"$KZ" extract "$t/proj" -o "$t/p.csv" 2> "$t/err"
grep -q 'blatt.pdf: a fact sheet written by kennzahl' "$t/err" && ok || no "own fact sheet read as input"
rm -f "$t/proj/blatt.pdf"

# the manifest names the run's files with their hashes; what an interrupted run left is swept
o="$t/proj/out"
: > "$o/.claims.csv.kennzahl-tmp-q1w2e3"
: > "$o/factsheet.pdf.tmpA1b2C3"
"$KZ" run corpus -o "$o" --charts > /dev/null 2>&1
ls -a "$o" | grep -q 'kennzahl-tmp\|\.tmp' && no "temporaries of an interrupted run left: $(ls -a "$o" | grep tmp)" || ok
(cd "$o" && tail -n +2 manifest.csv | awk -F, '{ print $3 "  " $1 }' | sha256sum -c --quiet > /dev/null 2>&1) && ok ||
	no "manifest does not match the files"
grep -q '^charts/' "$o/manifest.csv" && ok || no "--charts: charts missing from the manifest"
"$KZ" run "$t/proj" -o "$o" > /dev/null 2>&1
[ -z "$(ls "$o/charts" 2> /dev/null)" ] && ok || no "old charts left after a run without --charts"
grep -q '^charts/' "$o/manifest.csv" && no "manifest lists charts of an earlier run" || ok

# a run that can read nothing writes nothing, not even its folder
"$KZ" run "$t/gibt-es-nicht" -o "$t/leer-out" > /dev/null 2> "$t/err"
[ $? = 3 ] && ok || no "run on a missing path: exit status not 3"
[ ! -e "$t/leer-out" ] && ok || no "run on a missing path made its output folder"
grep -q 'nothing was read; no outputs written' "$t/err" && ok || no "run on a missing path: no message"

# a --select that matches nothing is said, and no empty sheet is written
"$KZ" report "$t/proj/a.txt" --select subject=ZZ -o "$t/nichts.pdf" > /dev/null 2> "$t/err"
[ $? = 3 ] && ok || no "--select matching nothing: exit status not 3"
[ ! -e "$t/nichts.pdf" ] && ok || no "--select matching nothing: a sheet was written"
grep -q 'matches no claim' "$t/err" && ok || no "--select matching nothing: no message"
