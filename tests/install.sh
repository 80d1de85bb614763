#!/bin/sh
# install.sh: make install with PREFIX and DESTDIR puts the binary and kennzahl(1) where they belong, the
# manual page renders without warnings and names every command, make uninstall takes them away again.
. "$(dirname "$0")/lib/common.sh"

# PROG names the binary already built (the sanitizer build's too), so nothing is rebuilt here
make -s --no-print-directory install PROG="$KZ" PREFIX=/opt/kz DESTDIR="$t/root" > "$t/out" 2>&1 || no "make install: $(cat "$t/out")"
[ -x "$t/root/opt/kz/bin/kennzahl" ] && ok || no "no $t/root/opt/kz/bin/kennzahl"
[ -f "$t/root/opt/kz/share/man/man1/kennzahl.1" ] && ok || no "no kennzahl.1 under share/man/man1"
"$t/root/opt/kz/bin/kennzahl" --version | grep -q '^kennzahl [0-9]' && ok || no "the installed binary does not run"
# the installed binary finds its lexicons (built in) wherever it is
printf 'Rund 28.500 US-Soldaten sind in Südkorea stationiert.\n' > "$t/a.txt"
(cd / && "$t/root/opt/kz/bin/kennzahl" extract "$t/a.txt") | grep -q ',28500,persons,' && ok || no "the installed binary extracts nothing"
if command -v groff > /dev/null 2>&1; then
	groff -man -Tutf8 -ww -z kennzahl.1 2> "$t/warn"
	[ ! -s "$t/warn" ] && ok || no "kennzahl.1: $(cat "$t/warn")"
	groff -man -Tutf8 kennzahl.1 2> /dev/null | sed 's/.\x08//g' > "$t/man.txt"
	for c in extract check report run correct; do
		grep -q "kennzahl $c" "$t/man.txt" && ok || no "kennzahl(1) does not name '$c'"
	done
	# every option of every command's --help is in the manual page
	for c in extract check report run correct; do
		for o in $("$KZ" $c --help | grep -oE '^ +(-[a-zA-Z], )?--[a-z-]+' | grep -oE -- '--[a-z-]+'); do
			grep -q -- "$o" "$t/man.txt" && ok || no "kennzahl(1) lacks $c $o"
		done
	done
else
	echo "install: groff not found; the manual page is not rendered (skipped)"
	skip=$((skip + 1))
fi
make -s --no-print-directory uninstall PREFIX=/opt/kz DESTDIR="$t/root" > /dev/null 2>&1
[ ! -e "$t/root/opt/kz/bin/kennzahl" ] && [ ! -e "$t/root/opt/kz/share/man/man1/kennzahl.1" ] && ok || no "make uninstall left files"

echo "install: $pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
