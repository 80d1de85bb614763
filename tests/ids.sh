#!/bin/sh
# ids.sh: the claim id is stable — the same from another folder, after a move of the corpus and after
# an edit elsewhere in the document; a number repeated in one sentence gets its occurrence; prints "N passed, N failed".
. "$(dirname "$0")/lib/common.sh"
ids() { sed -n -e '1d' -e 's/^"\([^"]*\)",.*/\1/p' -e 't' -e 's/^\([^,"]*\),.*/\1/p' "$1" | sort; } # the id column

mkdir -p "$t/a/corpus/sub"
cp corpus/*.txt corpus/*.md corpus/sources.csv "$t/a/corpus/"
mv "$t/a/corpus/usfk-truppenstaerke-2025.txt" "$t/a/corpus/sub/"
"$KZ" extract "$t/a/corpus" > "$t/abs.csv" || no "extract with an absolute path"
(cd "$t/a" && "$KZ" extract corpus > "$t/rel.csv") || no "extract with a relative path"
(cd "$t/a/corpus" && "$KZ" extract . > "$t/dot.csv") || no "extract of ."
ids "$t/abs.csv" > "$t/abs.ids"; ids "$t/rel.csv" > "$t/rel.ids"; ids "$t/dot.csv" > "$t/dot.ids"
[ "$(wc -l < "$t/abs.ids")" -gt 100 ] && ok || no "too few ids: $(wc -l < "$t/abs.ids")"
cmp -s "$t/abs.ids" "$t/rel.ids" && ok || no "ids differ between an absolute and a relative path"
cmp -s "$t/abs.ids" "$t/dot.ids" && ok || no "ids differ when run inside the corpus"
grep -q '^sub/usfk-truppenstaerke-2025.txt#[0-9a-f]\{8\}-' "$t/abs.ids" && ok || no "a document in a subfolder is named relative to the folder given"
grep -q "$t" "$t/abs.ids" && no "an id holds the absolute path" || ok
[ "$(uniq -d "$t/abs.ids" | wc -l)" = 0 ] && ok || no "ids not unique: $(uniq -d "$t/abs.ids" | head -3)"

# moved: same ids
mv "$t/a/corpus" "$t/moved"
"$KZ" extract "$t/moved" | { ids /dev/stdin > "$t/moved.ids"; }
cmp -s "$t/abs.ids" "$t/moved.ids" && ok || no "ids change when the corpus moves"

# a file given by name: its file name
"$KZ" extract "$t/moved/sub/usfk-truppenstaerke-2025.txt" > "$t/one.csv"
grep -q '^"\{0,1\}usfk-truppenstaerke-2025.txt#' "$t/one.csv" && ok || no "a file given: id without its file name"

# an edit above the figure: text and byte offsets change, the ids do not
f="$t/moved/sub/usfk-truppenstaerke-2025.txt"
"$KZ" extract "$f" > "$t/before.csv"
{ printf 'Vorbemerkung der Redaktion: Dieser Absatz wurde nachträglich eingefügt.\n\n'; cat "$f"; } > "$f.new" && mv "$f.new" "$f"
"$KZ" extract "$f" > "$t/after.csv"
ids "$t/before.csv" > "$t/b.ids"; ids "$t/after.csv" > "$t/a.ids"
cmp -s "$t/b.ids" "$t/a.ids" && ok || no "an edit above the figures changed their ids"
[ "$(sed -n 2p "$t/before.csv" | cut -d, -f4)" != "$(sed -n 2p "$t/after.csv" | cut -d, -f4)" ] && ok || no "the edit did not move the byte offsets (test is void)"

# the same number twice in one sentence: the second is ~2
printf 'Im Jahr 2020 waren 500 Soldaten in Polen und 500 Soldaten in Litauen stationiert.\n' > "$t/twice.txt"
"$KZ" extract "$t/twice.txt" > "$t/twice.csv"
grep -q '^twice.txt#[0-9a-f]\{8\}-500,' "$t/twice.csv" && ok || no "first of two equal numbers"
grep -q '^twice.txt#[0-9a-f]\{8\}-500~2,' "$t/twice.csv" && ok || no "second of two equal numbers: no ~2"
# a changed sentence is a new anchor
printf 'Im Jahr 2020 waren 500 Soldaten in Polen stationiert.\n' > "$t/once.txt"
"$KZ" extract "$t/once.txt" > "$t/once.csv"
[ "$(sed -n 2p "$t/once.csv" | cut -d, -f1 | cut -d'#' -f2)" != "$(sed -n 2p "$t/twice.csv" | cut -d, -f1 | cut -d'#' -f2)" ] && ok || no "another sentence, same anchor"

echo "ids: $pass passed, $fail failed"
[ "$fail" = 0 ]
