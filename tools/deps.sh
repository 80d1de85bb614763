#!/bin/sh
# deps.sh: install the Debian packages kennzahl needs when they are missing (as root), else say how.
PKGS="build-essential pkg-config libgsl-dev libcsv-dev libcairo2-dev libpango1.0-dev libpoppler-glib-dev libxlsxwriter-dev libsqlite3-dev sqlite3 poppler-utils fonts-dejavu-core"
missing=""
for pc in gsl cairo pangocairo poppler-glib xlsxwriter sqlite3; do
	pkg-config --exists "$pc" 2>/dev/null || missing="$missing $pc"
done
[ -f /usr/include/csv.h ] || missing="$missing libcsv"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
command -v sqlite3 >/dev/null 2>&1 || missing="$missing sqlite3"
command -v cc >/dev/null 2>&1 || missing="$missing cc"
fc-list 2>/dev/null | grep -qi dejavu || missing="$missing fonts"
# LibreOffice Calc is optional: the spreadsheet test (tests/xlsx.sh) is skipped without it
command -v soffice >/dev/null 2>&1 || echo "kennzahl: optional: apt-get install -y libreoffice-calc (the claims.xlsx round trip test)" >&2
[ -z "$missing" ] && exit 0
echo "kennzahl: missing:$missing" >&2
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	export DEBIAN_FRONTEND=noninteractive
	# a failed index update (no network, a key problem) may still leave usable lists: try anyway
	apt-get update -q >/dev/null || echo "kennzahl: apt-get update failed; trying the old package lists" >&2
	apt-get install -y -q $PKGS >/dev/null || {
		echo "kennzahl: apt-get install failed" >&2
		exit 1
	}
	echo "kennzahl: installed the missing packages" >&2
else
	echo "kennzahl: run as root: apt-get install -y $PKGS" >&2
	exit 1
fi
