#!/usr/bin/python3
"""Write the corpus workbooks made by Python libraries: openpyxl, pandas (openpyxl engine) and
XlsxWriter (constant_memory mode, which writes inline strings).

Usage: /usr/bin/python3 make_python.py OUTDIR

Needs Debian's python3-openpyxl, python3-pandas and python3-xlsxwriter (the pyenv python3 on
PATH has none of them). Dates are fixed, so only the zip timestamps openpyxl writes change
from run to run (XlsxWriter's files come out byte for byte the same).
"""
import datetime as dt
import os
import sys

import openpyxl
import pandas as pd
import xlsxwriter
from openpyxl.styles import Font

FIXED = dt.datetime(2024, 4, 1, 9, 0, 0)


def openpyxl_basic(path):
    """openpyxl's Workbook(): merged title, percent and date formats, a formula with no cached
    value, awkward numbers, the 1900 leap-year edge, text that starts with '=', an error typed
    as text, a time of day, a duration, a hidden sheet and an empty sheet."""
    wb = openpyxl.Workbook()
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = "nps-om corpus"

    ws = wb.active
    ws.title = "Caseload"
    ws["A1"] = "Caseload written by openpyxl"
    ws["A1"].font = Font(bold=True)
    ws.merge_cells("A1:G1")
    ws.append(["Case ID", "OM", "RoSH", "RSR", "Sentence date", "Review due", "RSR doubled"])
    rows = [
        ("Z300001", "Asha Patel", "High", 0.069, dt.date(2023, 4, 3), dt.datetime(2024, 3, 31, 9, 30)),
        ("Z300002", "Ben Okafor", "Low", 0.0125, dt.date(2022, 1, 31), dt.datetime(2024, 5, 1, 14, 15, 30)),
        ("Z300003", "Chloe Martin", "Medium", 0.031, dt.date(2024, 2, 29), None),
        ("Z300004", "Dev Sharma", "Very High", 0.0689, dt.date(1999, 12, 31), dt.datetime(2024, 12, 31, 23, 59, 59)),
    ]
    for i, (case, om, rosh, rsr, sentenced, review) in enumerate(rows, start=3):
        ws.cell(i, 1, case)
        ws.cell(i, 2, om)
        ws.cell(i, 3, rosh)
        ws.cell(i, 4, rsr).number_format = "0.0%"
        ws.cell(i, 5, sentenced).number_format = "dd/mm/yyyy"
        if review is not None:
            ws.cell(i, 6, review).number_format = "dd/mm/yyyy hh:mm:ss"
        # openpyxl writes a formula and no cached value: until Excel recalculates there is no value.
        ws.cell(i, 7, f"=D{i}*2").number_format = "0.0%"

    nums = wb.create_sheet("Numbers")
    nums.append(["What", "Value"])
    values = [
        ("0.1+0.2 as stored", 0.1 + 0.2, None),
        ("1E-07", 1e-7, None),
        ("123456789012", 123456789012, None),
        ("negative", -42.5, None),
        ("negative percent", -0.015, "0.00%"),
        ("true", True, None),
        ("false", False, None),
        ("time of day", dt.time(12, 30), "hh:mm"),
        ("duration 36 hours", dt.timedelta(hours=36, minutes=30), "[h]:mm:ss"),
        ("15 January 1900", dt.date(1900, 1, 15), "dd/mm/yyyy"),
        ("28 February 1900", dt.date(1900, 2, 28), "dd/mm/yyyy"),
        ("1 March 1900", dt.date(1900, 3, 1), "dd/mm/yyyy"),
        ("text starting with =", "=not a formula", None),
        ("error value", "#N/A", None),
        ("text that looks like a number", "00123", None),
    ]
    for i, (label, value, fmt) in enumerate(values, start=2):
        nums.cell(i, 1, label)
        c = nums.cell(i, 2, value)
        if fmt:
            c.number_format = fmt
        if label == "text starting with =":
            c.data_type = "s"  # stored as text, not as a formula

    hidden = wb.create_sheet("Hidden lookup")
    hidden.sheet_state = "hidden"
    hidden.append(["RoSH", "Weight"])
    for i, r in enumerate(["Low", "Medium", "High", "Very High"], start=1):
        hidden.append([r, i])

    wb.create_sheet("Empty")
    wb.save(path)


def pandas_sheets(path):
    """pandas DataFrame.to_excel with the openpyxl engine: several sheets, NaN as blank cells,
    datetime64 columns, an index column, MultiIndex column headers (merged cells) and a frame
    written at startrow/startcol; percent formats added through the openpyxl sheet objects."""
    caseload = pd.DataFrame(
        {
            "Case ID": ["P400001", "P400002", "P400003", "P400004"],
            "OM": ["Asha Patel", "Ben Okafor", None, "Dev Sharma"],
            "RoSH": ["High", "Low", "Medium", "Very High"],
            "RSR": [0.069, 0.0125, float("nan"), 0.0689],
            "OGRS": [0.42, 0.155, 0.61, 0.77],
            "Sentence date": pd.to_datetime(["2023-04-03", "2022-01-31", None, "2019-12-31"]),
            "Review due": pd.to_datetime(["2024-03-31 09:30", "2024-05-01 14:15:30", "2024-06-01", None]),
            "Tier": ["B1", "D1", "C2", "B2"],
        }
    )
    staff = pd.DataFrame(
        {
            "Name": ["Asha Patel", "Ben Okafor", "Chloe Martin"],
            "Role": ["PO", "PSO", "PSO"],
            "FTE": [1.0, 0.6, 0.8],
        }
    )
    by_team = pd.DataFrame(
        {
            "Team": ["North", "North", "South", "South", "South"],
            "RSR": [0.069, 0.0125, 0.031, 0.0689, 0.012],
            "Cases": [10, 12, 7, 9, 11],
        }
    ).groupby("Team").agg({"RSR": ["mean", "max"], "Cases": ["sum", "count"]})
    offset = pd.DataFrame({"Item": ["a", "b"], "Count": [1, 2]})

    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        caseload.to_excel(writer, sheet_name="Caseload", index=False)
        staff.to_excel(writer, sheet_name="Staff")  # with the index column (header A1 blank)
        by_team.to_excel(writer, sheet_name="By team")  # MultiIndex columns: merged header cells
        offset.to_excel(writer, sheet_name="Offset", index=False, startrow=3, startcol=2)
        ws = writer.sheets["Caseload"]
        for row in ws.iter_rows(min_row=2, min_col=4, max_col=5):
            for c in row:
                c.number_format = "0.0%"
        ws = writer.sheets["By team"]
        for row in ws.iter_rows(min_row=4, min_col=2, max_col=3):
            for c in row:
                c.number_format = "0.00%"
        writer.book.properties.created = FIXED
        writer.book.properties.modified = FIXED


def xlsxwriter_inline(path):
    """XlsxWriter in constant_memory mode: every string inline (<is><t>), control characters
    escaped as _xHHHH_, formulas with a given cached value and with the default cached 0,
    booleans, an error result, a hyperlink, rich text and a merged title."""
    wb = xlsxwriter.Workbook(path, {"constant_memory": True})
    wb.set_properties({"created": FIXED, "author": "nps-om corpus"})
    bold = wb.add_format({"bold": True})
    pct = wb.add_format({"num_format": "0.0%"})
    dmy = wb.add_format({"num_format": "dd/mm/yyyy"})

    ws = wb.add_worksheet("Caseload")
    ws.merge_range("A1:H1", "Caseload written by XlsxWriter", bold)
    headers = ["Case ID", "OM", "RoSH", "RSR", "Sentence date", "RSR points", "Default cached", "IOM"]
    for c, h in enumerate(headers):
        ws.write_string(1, c, h, bold)
    rows = [
        ("W500001", "Asha Patel", "High", 0.069, dt.date(2023, 4, 3), True),
        ("W500002", "Ben Okafor", "Low", 0.0125, dt.date(2022, 1, 31), False),
        ("W500003", "Chloe Martin", "Medium", 0.031, dt.date(2024, 2, 29), True),
    ]
    for r, (case, om, rosh, rsr, sentenced, iom) in enumerate(rows, start=2):
        ws.write_string(r, 0, case)
        ws.write_string(r, 1, om)
        ws.write_string(r, 2, rosh)
        ws.write_number(r, 3, rsr, pct)
        ws.write_datetime(r, 4, dt.datetime.combine(sentenced, dt.time()), dmy)
        ws.write_formula(r, 5, f"=D{r + 1}*100", None, round(rsr * 100, 10))
        # No value given: XlsxWriter writes a cached 0, which a reader sees until Excel recalculates.
        ws.write_formula(r, 6, f"=LEN(B{r + 1})")
        ws.write_boolean(r, 7, iom)
    ws.write_string(5, 0, "Total")
    ws.write_formula(5, 3, "=AVERAGE(D3:D5)", pct, (0.069 + 0.0125 + 0.031) / 3)
    ws.write_formula(5, 5, "=NA()", None, "#N/A")
    ws.write_formula(5, 7, "=AND(H3:H5)", None, False)

    text = wb.add_worksheet("Text")
    text.write_string(0, 0, "What")
    text.write_string(0, 1, "Text")
    samples = [
        ("carriage return and line feed", "line one\r\nline two"),
        ("a literal _x000D_ in the text", "keep _x000D_ as written"),
        ("leading and trailing spaces", "  padded  "),
        ("markup and non-ASCII", "Fish & chips <hot> > cold; café, Łódź, 🙂"),
    ]
    for r, (label, s) in enumerate(samples, start=1):
        text.write_string(r, 0, label)
        text.write_string(r, 1, s)
    text.write_string(5, 0, "rich text")
    text.write_rich_string(5, 1, "Partly ", bold, "bold", " text")
    text.write_string(6, 0, "hyperlink")
    text.write_url(6, 1, "https://www.gov.uk/", string="GOV.UK")
    wb.close()


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    openpyxl_basic(os.path.join(out, "openpyxl-basic.xlsx"))
    pandas_sheets(os.path.join(out, "pandas-sheets.xlsx"))
    xlsxwriter_inline(os.path.join(out, "xlsxwriter-inline.xlsx"))


if __name__ == "__main__":
    main()
