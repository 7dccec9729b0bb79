#!/usr/bin/python3
"""Dump reference values for every corpus workbook, as openpyxl reads them.

Usage: /usr/bin/python3 dump_reference.py FILES_DIR REFERENCE_DIR

For each FILES_DIR/<name>.xlsx writes REFERENCE_DIR/<name>.json:
  {"producer": "...", "sheets": [{"name": ..., "cells": {"A1": value, ...}, "formats": {"B2": "0%"}}]}
from openpyxl.load_workbook(path, data_only=True) (Debian's python3-openpyxl; not read-only,
so cells merged away are MergedCell with value None). Every sheet in workbook order, empty ones
too. Cells whose value is None or "" are left out; dates, times and durations become Excel
serial numbers in the 1900 date system (openpyxl has already applied a 1904 workbook's epoch);
errors are their text. "formats" holds the number format of every numeric cell (dates
included, booleans not).

Where openpyxl gives a value that a correct reader should not, ADJUSTED below replaces it, with
the reason; the dumper stops if openpyxl no longer gives the value the adjustment expects.
"""
import datetime as dt
import glob
import json
import os
import re
import sys
import zipfile

import openpyxl
from openpyxl.utils.datetime import to_excel

ESCAPES = (
    "openpyxl does not decode the _xHHHH_ escapes of ECMA-376 Part 1, 22.9.2.19 (ST_Xstring) "
    "(for shared strings it only drops 'x005F_'), so it gives the escape's text; Excel shows "
    "the character, and that is the reference"
)
PHANTOM_LEAP_DAY = (
    "openpyxl turns serial 60 (Excel's non-existent 29 February 1900) into 28 February 1900, "
    "whose serial is 59; the file holds 60 and a reader passing serials through gives 60"
)

# (file, sheet, cell) -> (what openpyxl gives, the reference value, why)
ADJUSTED = {
    ("handmade-escapes.xlsx", "Escapes", "B2"): ("a_x000D_b", "a\rb", ESCAPES),
    ("handmade-escapes.xlsx", "Escapes", "B3"): ("tab_x0009_here", "tab\there", ESCAPES),
    ("handmade-escapes.xlsx", "Escapes", "B4"): ("crlf_x000D__x000A_end", "crlf\r\nend", ESCAPES),
    ("handmade-escapes.xlsx", "Escapes", "B7"): ("run_x000D_bold", "run\rbold", ESCAPES),
    ("handmade-escapes.xlsx", "Escapes", "B8"): ("c_x000A_d", "c\nd", ESCAPES),
    ("handmade-escapes.xlsx", "Escapes", "B9"): ("keep _x005F_x000D_ as written", "keep _x000D_ as written", ESCAPES),
    ("xlsxwriter-inline.xlsx", "Text", "B2"): ("line one_x000D_\nline two", "line one\r\nline two", ESCAPES),
    ("xlsxwriter-inline.xlsx", "Text", "A3"): ("a literal _x005F_x000D_ in the text", "a literal _x000D_ in the text", ESCAPES),
    ("xlsxwriter-inline.xlsx", "Text", "B3"): ("keep _x005F_x000D_ as written", "keep _x000D_ as written", ESCAPES),
    ("handmade-cell-types.xlsx", "Cell types", "B10"): (59, 60, PHANTOM_LEAP_DAY),
}


def app_name(path):
    """Application (and AppVersion) from docProps/app.xml, when the file has one."""
    with zipfile.ZipFile(path) as z:
        try:
            xml = z.read("docProps/app.xml").decode("utf-8")
        except KeyError:
            return None
    app = re.search(r"<Application>([^<]*)</Application>", xml)
    ver = re.search(r"<AppVersion>([^<]*)</AppVersion>", xml)
    if not app:
        return None
    return app.group(1) + (f" {ver.group(1)}" if ver else "")


def node_version(package):
    here = os.path.dirname(os.path.abspath(__file__))
    try:
        with open(os.path.join(here, "..", "..", "..", "node_modules", package, "package.json")) as f:
            return json.load(f)["version"]
    except OSError:
        return "?"


def producer(path):
    name = os.path.basename(path)
    app = app_name(path)
    if name.startswith("excel-"):
        return f"{app} (readxl's {name[len('excel-'):]}, r-cran-readxl)"
    if name.startswith("libreoffice-"):
        return f"{app} (soffice --headless --convert-to xlsx)"
    if name.startswith("openpyxl-"):
        return f"openpyxl {openpyxl.__version__}"
    if name.startswith("pandas-"):
        import pandas

        return f"pandas {pandas.__version__} DataFrame.to_excel, openpyxl {openpyxl.__version__} engine"
    if name.startswith("xlsxwriter-"):
        import xlsxwriter

        return f"XlsxWriter {xlsxwriter.__version__} (constant_memory)"
    if name.startswith("exceljs-"):
        return f"ExcelJS {node_version('exceljs')}"
    if name.startswith("sheetjs-"):
        return "SheetJS xlsx 0.18.5"
    if name.startswith("handmade-"):
        return "hand-made XML (test/corpus/sources/make_handmade.py, Python zipfile)"
    return app or "unknown"


def plain(value):
    """A cell value as JSON: None for a blank."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        return to_excel(value)  # 1900 date system
    if isinstance(value, str):
        return value
    raise TypeError(f"unexpected cell value {value!r}")


def dump(path):
    name = os.path.basename(path)
    wb = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    used = set()
    for ws in wb.worksheets:
        cells, formats = {}, {}
        for row in ws.iter_rows():
            for c in row:
                v = plain(c.value)
                key = (name, ws.title, c.coordinate)
                if key in ADJUSTED:
                    given, v, _why = ADJUSTED[key]
                    if plain(c.value) != given:
                        raise SystemExit(f"{name} {ws.title}!{c.coordinate}: openpyxl now gives {c.value!r}, not {given!r}; revisit ADJUSTED")
                    used.add(key)
                if v is None:
                    continue
                cells[c.coordinate] = v
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    formats[c.coordinate] = c.number_format
        sheets.append({"name": ws.title, "cells": cells, "formats": formats})
    for key in ADJUSTED:
        if key[0] == name and key not in used:
            raise SystemExit(f"{name} {key[1]}!{key[2]}: adjusted cell not found")
    return {"producer": producer(path), "sheets": sheets}


def main():
    files, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for path in sorted(glob.glob(os.path.join(files, "*.xlsx"))):
        ref = dump(path)
        target = os.path.join(out, os.path.basename(path)[: -len(".xlsx")] + ".json")
        with open(target, "w", encoding="utf-8") as f:
            json.dump(ref, f, ensure_ascii=False, indent=1)
            f.write("\n")
        n = sum(len(s["cells"]) for s in ref["sheets"])
        print(f"{os.path.basename(target)}: {len(ref['sheets'])} sheets, {n} cells")


if __name__ == "__main__":
    main()
