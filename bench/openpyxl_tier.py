#!/usr/bin/env python3
"""The openpyxl peer of `npm run bench`: the script an analyst might write to check recorded tiers.

Opens the workbook read-only with openpyxl, reads the Caseload sheet, finds the columns by their
headers, computes the tier each case should have (NPS Operating Model v1.0, ch.3 Diagram 1, as
src/model/tier.ts does) and counts the cases whose recorded tier differs.

    /usr/bin/python3 bench/openpyxl_tier.py division.xlsx
"""
import re
import sys

import openpyxl


def norm(header):
    return re.sub(r"[^a-z0-9]", "", str(header).lower())


# The layout's headers (src/model/layout.ts) and a few of their aliases.
COLUMNS = {
    "case": ("Case ID", "CRN", "Case reference"),
    "rosh": ("RoSH", "Risk of Serious Harm", "RoSH level"),
    "rsr": ("RSR", "RSR score", "RSR %"),
    "ogrs": ("OGRS", "OGRS score", "OGRS %", "OGRS3"),
    "mappa_category": ("MAPPA category", "MAPPA cat"),
    "mappa_level": ("MAPPA level", "MAPPA lvl"),
    "cpp": ("Child protection plan", "CPP"),
    "iom": ("IOM", "Integrated Offender Management"),
    "vulnerability": ("Vulnerability", "Vulnerable"),
    "tier": ("Tier", "Recorded tier", "Current tier"),
}
REQUIRED = ("rosh", "tier")

ROSH_BAND = {"low": 0, "none": 0, "no": 0, "medium": 1, "high": 2, "veryhigh": 2}
BANDS = "DCB"


def score(v):
    """A score in percentage points (6.9 means 6.9%); text "6.9%" too. None when blank."""
    if v is None:
        return None
    if isinstance(v, str):
        v = v.strip().rstrip("%").strip()
        if v == "":
            return None
    return float(v)


def one_to_three(v):
    if v is None or (isinstance(v, str) and v.strip() == ""):
        return None
    return int(float(v))


def yes(v):
    if isinstance(v, str):
        return v.strip().lower() in ("yes", "y", "true", "1")
    return v is True or v == 1


def model_tier(rosh, rsr, ogrs, category, level, cpp, iom, vulnerability):
    """Diagram 1: MAPPA level 2 or 3 is A; else the highest band of RSR, OGRS and RoSH, digit 1 with an additional factor."""
    if level in (2, 3):
        return "A"
    bands = []
    if rsr is not None:
        bands.append(2 if rsr >= 6.9 else 1 if rsr >= 3.0 else 0)
    if ogrs is not None:
        bands.append(2 if ogrs >= 90 else 1 if ogrs >= 75 else 0)
    if rosh is not None and norm(rosh) in ROSH_BAND:
        bands.append(ROSH_BAND[norm(rosh)])
    if not bands:
        return None
    factor = (category == 1 and level == 1) or yes(cpp) or yes(iom) or yes(vulnerability)
    return BANDS[max(bands)] + ("1" if factor else "2")


def main(path):
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    ws = wb["Caseload"]
    rows = ws.iter_rows(values_only=True)
    header = [norm(h) if h is not None else "" for h in next(rows)]
    col = {}
    for key, names in COLUMNS.items():
        for name in names:
            if norm(name) in header:
                col[key] = header.index(norm(name))
                break
    missing = [k for k in REQUIRED if k not in col]
    if missing:
        sys.exit(f"Caseload: no column for {', '.join(missing)}")

    def get(row, key):
        i = col.get(key)
        return row[i] if i is not None and i < len(row) else None

    cases = differ = untiered = unreadable = 0
    for row in rows:
        if all(v is None for v in row):
            continue
        cases += 1
        try:
            computed = model_tier(
                get(row, "rosh"),
                score(get(row, "rsr")),
                score(get(row, "ogrs")),
                one_to_three(get(row, "mappa_category")),
                one_to_three(get(row, "mappa_level")),
                get(row, "cpp"),
                get(row, "iom"),
                get(row, "vulnerability"),
            )
        except ValueError:
            unreadable += 1
            continue
        if computed is None:
            untiered += 1
            continue
        recorded = get(row, "tier")
        if recorded is not None and str(recorded).strip().upper() != computed:
            differ += 1
    wb.close()
    print(f"cases {cases}, tiers differ {differ}, cannot tier {untiered}, unreadable {unreadable}")


if __name__ == "__main__":
    main(sys.argv[1])
