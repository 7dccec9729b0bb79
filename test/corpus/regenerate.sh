#!/usr/bin/env bash
# Rebuild test/corpus/files/*.xlsx from test/corpus/sources/, then test/corpus/reference/*.json
# from the files (openpyxl's reading of each). CI does not run this: the files and references
# are committed. See test/corpus/README.md for what each file is.
#
# Needs (Debian/Ubuntu packages): libreoffice-calc-nogui (soffice), python3-openpyxl,
# python3-pandas, python3-xlsxwriter, r-cran-readxl (the Excel-made files); Node 20 with the
# project's node_modules (ExcelJS); npm and access to the npm registry (SheetJS xlsx@0.18.5 is
# installed into a temporary folder, never into the project).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
src="$here/sources"
files="$here/files"
ref="$here/reference"
py=/usr/bin/python3 # Debian's Python, which has openpyxl, pandas and XlsxWriter
readxl=/usr/lib/R/site-library/readxl/extdata

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$files" "$ref"

# Start clean, except the Excel-made copies when their source is not installed here.
if [ -d "$readxl" ]; then
  rm -f "$files"/*.xlsx
else
  echo "regenerate: $readxl not found (apt-get install r-cran-readxl); keeping the committed excel-*.xlsx" >&2
  find "$files" -name '*.xlsx' ! -name 'excel-*' -delete
fi
rm -f "$ref"/*.json

# 1. Microsoft Excel-made files, copied from readxl's examples.
if [ -d "$readxl" ]; then
  for f in deaths type-me geometry; do
    cp "$readxl/$f.xlsx" "$files/excel-$f.xlsx"
  done
fi

# 2. LibreOffice Calc: flat ODS sources saved as .xlsx, with a throwaway user profile so a
#    running LibreOffice or the user's settings play no part.
soffice "-env:UserInstallation=file://$tmp/lo-profile" --headless --convert-to xlsx --outdir "$files" "$src"/*.fods
if ! unzip -p "$files/libreoffice-1904.xlsx" xl/workbook.xml | grep -q 'date1904="\(true\|1\)"'; then
  echo "regenerate: LibreOffice did not write date1904 into libreoffice-1904.xlsx" >&2
  exit 1
fi

# 3. Python: openpyxl, pandas, XlsxWriter; then the hand-made files.
"$py" "$src/make_python.py" "$files"
"$py" "$src/make_handmade.py" "$files"

# 4. Node: ExcelJS from the project's node_modules, SheetJS from a temporary install.
mkdir -p "$tmp/sheetjs"
(cd "$tmp/sheetjs" && npm install --prefix "$tmp/sheetjs" --no-save --no-package-lock --no-audit --no-fund --silent xlsx@0.18.5)
(cd "$root" && TZ=UTC node "$src/make_node.js" "$files" "$tmp/sheetjs/node_modules/xlsx")

# 5. Reference values, as openpyxl reads each file.
"$py" "$src/dump_reference.py" "$files" "$ref"

du -ch "$files"/*.xlsx | tail -1
