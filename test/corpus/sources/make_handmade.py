#!/usr/bin/python3
"""Write the hand-made corpus workbooks: raw SpreadsheetML parts zipped with Python's zipfile,
each file one family of edge cases that no library used here writes on its own.

Usage: /usr/bin/python3 make_handmade.py OUTDIR

Zip timestamps are fixed, so the files come out byte for byte the same on every run.
"""
import os
import sys
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
SHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# Cell formats: 0 General, 1 date (built-in 14), 2 0.00% (built-in 10), 3 0.0% (custom 164).
STYLES = (
    DECL + f'<styleSheet xmlns="{MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def content_types(sheet_parts, shared_strings=True):
    over = "".join(f'<Override PartName="/{p}" ContentType="{SHEET_CT}"/>' for p in sheet_parts)
    if shared_strings:
        over += '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    return (
        DECL + f'<Types xmlns="{CT}">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        f"{over}</Types>"
    )


ROOT_RELS = (
    DECL + f'<Relationships xmlns="{PKG}">'
    f'<Relationship Id="rId1" Type="{RT}officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)


def workbook_rels(targets, shared_strings=True):
    """targets: [(rId, target as written)]."""
    rels = "".join(f'<Relationship Id="{rid}" Type="{RT}worksheet" Target="{t}"/>' for rid, t in targets)
    rels += f'<Relationship Id="rIdStyles" Type="{RT}styles" Target="styles.xml"/>'
    if shared_strings:
        rels += f'<Relationship Id="rIdStrings" Type="{RT}sharedStrings" Target="sharedStrings.xml"/>'
    return DECL + f'<Relationships xmlns="{PKG}">{rels}</Relationships>'


def workbook(sheets, pr=""):
    """sheets: [(name, sheetId, rId)]."""
    s = "".join(f'<sheet name="{n}" sheetId="{i}" r:id="{rid}"/>' for n, i, rid in sheets)
    return DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}">{pr}<sheets>{s}</sheets></workbook>'


def worksheet(body, dimension=None):
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return DECL + f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}">{dim}<sheetData>{body}</sheetData></worksheet>'


def sst(items):
    return DECL + f'<sst xmlns="{MAIN}" count="{len(items)}" uniqueCount="{len(items)}">{"".join(items)}</sst>'


def write_zip(path, parts, stored=()):
    """parts: [(name, text)] in the order they go into the zip."""
    with zipfile.ZipFile(path, "w") as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(2024, 4, 1, 9, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))


def standard(path, sheets, strings=None, pr=""):
    """A workbook in the usual part order. sheets: [(name, worksheet xml)]."""
    parts_names = [f"xl/worksheets/sheet{i}.xml" for i in range(1, len(sheets) + 1)]
    parts = [
        ("[Content_Types].xml", content_types(parts_names, strings is not None)),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", workbook([(n, i, f"rId{i}") for i, (n, _) in enumerate(sheets, start=1)], pr)),
        ("xl/_rels/workbook.xml.rels", workbook_rels([(f"rId{i}", f"worksheets/sheet{i}.xml") for i in range(1, len(sheets) + 1)], strings is not None)),
        ("xl/styles.xml", STYLES),
    ]
    if strings is not None:
        parts.append(("xl/sharedStrings.xml", sst(strings)))
    parts += [(p, xml) for p, (_, xml) in zip(parts_names, sheets)]
    write_zip(path, parts)


def phonetic(path):
    """(1) Shared strings with phonetic (furigana) runs, which are not part of the value, and
    rich-text runs, which are; an inline string with a phonetic run; an empty shared string."""
    strings = [
        "<si><t>Text</t></si>",
        '<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="0" type="noConversion"/></si>',
        '<si><r><t>Hi</t></r><r><rPr><b/></rPr><t xml:space="preserve"> there</t></r></si>',
        '<si><r><t>東京</t></r><r><rPr><b/></rPr><t>都</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><rPh sb="2" eb="3"><t>ト</t></rPh><phoneticPr fontId="0"/></si>',
        '<si><t xml:space="preserve">  spaced  </t></si>',
        "<si><t/></si>",
        '<si><r><rPr><i/></rPr><t>only</t></r><r><t xml:space="preserve"> runs, </t></r><r><rPr><b/><sz val="14"/></rPr><t>no plain text</t></r></si>',
        "<si><t>What</t></si>",
    ]
    labels = ["phonetic run", "rich runs", "rich and phonetic runs", "spaces kept", "empty shared string", "runs only", "inline with phonetic run"]
    rows = ['<row r="1"><c r="A1" t="s"><v>7</v></c><c r="B1" t="s"><v>0</v></c></row>']
    for i, label in enumerate(labels, start=2):
        cell = (
            f'<c r="B{i}" t="s"><v>{i - 1}</v></c>'
            if i - 1 < 7
            else f'<c r="B{i}" t="inlineStr"><is><t>仮名</t><rPh sb="0" eb="2"><t>カメイ</t></rPh></is></c>'
        )
        rows.append(f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>{label}</t></is></c>{cell}</row>')
    standard(path, [("Furigana", worksheet("".join(rows), "A1:B8"))], strings)


def escapes(path):
    """(6) _xHHHH_ escapes (ECMA-376 Part 1, 22.9.2.19 ST_Xstring) in shared and inline strings.
    _x000D_ is a carriage return, _x0009_ a tab, _x000A_ a line feed; _x005F_ escapes the
    underscore of a literal "_x...._"; "_x00_" is not an escape."""
    strings = [
        "<si><t>What</t></si>",
        "<si><t>Text</t></si>",
        "<si><t>a_x000D_b</t></si>",
        "<si><t>tab_x0009_here</t></si>",
        "<si><t>crlf_x000D__x000A_end</t></si>",
        "<si><t>literal _x005F_x000D_ kept</t></si>",
        "<si><t>not_x00_an escape</t></si>",
        "<si><r><t>run_x000D_</t></r><r><rPr><b/></rPr><t>bold</t></r></si>",
    ]
    labels = ["carriage return", "tab", "CR LF", "escaped underscore", "not an escape", "escape in a rich run"]
    rows = ['<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>']
    for i, label in enumerate(labels, start=2):
        rows.append(f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>{label}</t></is></c><c r="B{i}" t="s"><v>{i}</v></c></row>')
    rows.append('<row r="8"><c r="A8" t="inlineStr"><is><t>inline line feed</t></is></c><c r="B8" t="inlineStr"><is><t>c_x000A_d</t></is></c></row>')
    rows.append('<row r="9"><c r="A9" t="inlineStr"><is><t>inline escaped underscore</t></is></c><c r="B9" t="inlineStr"><is><t>keep _x005F_x000D_ as written</t></is></c></row>')
    standard(path, [("Escapes", worksheet("".join(rows), "A1:B9"))], strings)


def no_refs(path):
    """(2) Rows and cells without r attributes (each follows on from the one before), mixed with
    some that have them; (3) no <dimension> element; and a second sheet whose <dimension> says
    A1 while its data run to C3 (as R's openxlsx writes)."""
    s = lambda v: f'<c t="inlineStr"><is><t>{v}</t></is></c>'
    body = (
        "<row>" + s("Case ID") + s("OM") + '<c t="inlineStr"><is><t>RSR</t></is></c></row>'  # row 1
        "<row>" + s("N1") + s("Asha Patel") + '<c s="3"><v>0.069</v></c></row>'  # row 2
        '<row r="5">' + s("N2") + '<c r="C5" s="3"><v>0.0125</v></c><c><v>7</v></c></row>'  # row 5: A5, C5, D5
        "<row>" + '<c r="B6" t="inlineStr"><is><t>Ben Okafor</t></is></c>' + s("after B6") + "</row>"  # row 6: B6, C6
        "<row/>"  # row 7, empty
        "<row>" + s("last") + "</row>"  # row 8
    )
    lying = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Role</t></is></c><c r="C1" t="inlineStr"><is><t>FTE</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Asha Patel</t></is></c><c r="B2" t="inlineStr"><is><t>PO</t></is></c><c r="C2"><v>1</v></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>Ben Okafor</t></is></c><c r="B3" t="inlineStr"><is><t>PSO</t></is></c><c r="C3"><v>0.6</v></c></row>'
    )
    standard(path, [("No refs", worksheet(body)), ("Wrong dimension", worksheet(lying, "A1"))])


def prefixed(path):
    """(4) Parts whose SpreadsheetML elements carry a namespace prefix (x:) instead of the
    default namespace: the workbook, the shared strings and the worksheet."""
    x = MAIN
    wb = DECL + f'<x:workbook xmlns:x="{x}" xmlns:r="{REL}"><x:sheets><x:sheet name="Prefixed" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>'
    strings = DECL + f'<x:sst xmlns:x="{x}" count="3" uniqueCount="3"><x:si><x:t>Case ID</x:t></x:si><x:si><x:t>RSR</x:t></x:si><x:si><x:r><x:t>rich </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>prefixed</x:t></x:r></x:si></x:sst>'
    sheet = (
        DECL + f'<x:worksheet xmlns:x="{x}" xmlns:r="{REL}"><x:dimension ref="A1:B3"/><x:sheetData>'
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>'
        '<x:row r="2"><x:c r="A2" t="s"><x:v>2</x:v></x:c><x:c r="B2" s="3"><x:v>0.069</x:v></x:c></x:row>'
        '<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>inline</x:t></x:is></x:c><x:c r="B3" s="1"><x:v>45382</x:v></x:c></x:row>'
        "</x:sheetData></x:worksheet>"
    )
    write_zip(
        path,
        [
            ("[Content_Types].xml", content_types(["xl/worksheets/sheet1.xml"])),
            ("_rels/.rels", ROOT_RELS),
            ("xl/workbook.xml", wb),
            ("xl/_rels/workbook.xml.rels", workbook_rels([("rId1", "worksheets/sheet1.xml")])),
            ("xl/styles.xml", STYLES),
            ("xl/sharedStrings.xml", strings),
            ("xl/worksheets/sheet1.xml", sheet),
        ],
    )


def order(path):
    """(5) Parts in an unusual zip order: worksheets first, then styles and relationships, the
    workbook and the shared strings last, [Content_Types].xml in the middle; some parts stored,
    some deflated. The workbook lists its sheets in another order than their part names
    (sheet2.xml is the first sheet), one worksheet part is not named sheetN.xml, one target is
    absolute; workbookPr has date1904="false" written out."""
    strings = ["<si><t>Case ID</t></si>", "<si><t>Sentence date</t></si>", "<si><t>first sheet</t></si>", "<si><t>second sheet</t></si>", "<si><t>third sheet</t></si>"]
    first = worksheet(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Q1</t></is></c><c r="B2" s="1"><v>45382</v></c></row>',
        "A1:C2",
    )
    second = worksheet('<row r="1"><c r="A1" t="s"><v>3</v></c><c r="B1"><v>2</v></c></row>', "A1:B1")
    third = worksheet('<row r="1"><c r="A1" t="s"><v>4</v></c><c r="B1" s="2"><v>0.5</v></c></row>', "A1:B1")
    sheet_parts = ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/data.xml"]
    write_zip(
        path,
        [
            ("xl/worksheets/sheet1.xml", second),
            ("xl/worksheets/data.xml", third),
            ("xl/worksheets/sheet2.xml", first),
            ("[Content_Types].xml", content_types(sheet_parts)),
            ("xl/styles.xml", STYLES),
            ("_rels/.rels", ROOT_RELS),
            ("xl/_rels/workbook.xml.rels", workbook_rels([("rId1", "worksheets/sheet1.xml"), ("rId2", "/xl/worksheets/sheet2.xml"), ("rId3", "worksheets/data.xml")])),
            ("xl/workbook.xml", workbook([("First", 2, "rId2"), ("Second", 1, "rId1"), ("Third", 3, "rId3")], '<workbookPr date1904="false"/>')),
            ("xl/sharedStrings.xml", sst(strings)),
        ],
        stored={"xl/worksheets/data.xml", "xl/workbook.xml", "_rels/.rels"},
    )


def cell_types(path):
    """Cell types and forms a reader meets less often: t="d" (ISO 8601 date), t="str" formula
    results that look like numbers, t="e", t="b", shared formulas with cached values, an empty
    <v/>, a styled cell with no value, exponent notation, Excel's phantom 29 Feb 1900 (serial 60)
    and inline rich text."""
    rows = [
        '<row r="1"><c r="A1" t="inlineStr"><is><t>What</t></is></c><c r="B1" t="inlineStr"><is><t>Value</t></is></c><c r="C1" t="inlineStr"><is><t>Doubled</t></is></c></row>',
        '<row r="2"><c r="A2" t="inlineStr"><is><t>ISO date (t="d")</t></is></c><c r="B2" s="1" t="d"><v>2024-03-31T00:00:00</v></c></row>',
        '<row r="3"><c r="A3" t="inlineStr"><is><t>formula text result</t></is></c><c r="B3" t="str"><f>"00"&amp;"123"</f><v>00123</v></c></row>',
        '<row r="4"><c r="A4" t="inlineStr"><is><t>error</t></is></c><c r="B4" t="e"><f>#REF!+1</f><v>#REF!</v></c></row>',
        '<row r="5"><c r="A5" t="inlineStr"><is><t>boolean</t></is></c><c r="B5" t="b"><v>1</v></c></row>',
        '<row r="6"><c r="A6" t="inlineStr"><is><t>shared formula</t></is></c><c r="B6"><v>1.5</v></c><c r="C6"><f t="shared" ref="C6:C8" si="0">B6*2</f><v>3</v></c></row>',
        '<row r="7"><c r="A7" t="inlineStr"><is><t>shared formula</t></is></c><c r="B7"><v>2.5</v></c><c r="C7"><f t="shared" si="0"/><v>5</v></c></row>',
        '<row r="8"><c r="A8" t="inlineStr"><is><t>shared formula</t></is></c><c r="B8"><v>-1E+3</v></c><c r="C8"><f t="shared" si="0"/><v>-2000</v></c></row>',
        '<row r="9"><c r="A9" t="inlineStr"><is><t>empty v</t></is></c><c r="B9"><v></v></c><c r="C9" s="2"/></row>',
        '<row r="10"><c r="A10" t="inlineStr"><is><t>serial 60</t></is></c><c r="B10" s="1"><v>60</v></c><c r="C10" s="1"><v>61</v></c></row>',
        '<row r="11"><c r="A11" t="inlineStr"><is><t>inline rich text</t></is></c><c r="B11" t="inlineStr"><is><r><t>in</t></r><r><rPr><b/></rPr><t>line</t></r></is></c></row>',
        '<row r="12"><c r="A12" t="inlineStr"><is><t>percent</t></is></c><c r="B12" s="3"><v>0.069</v></c><c r="C12" s="3"><f>B12*2</f><v>0.138</v></c></row>',
    ]
    standard(path, [("Cell types", worksheet("".join(rows), "A1:C12"))])


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    phonetic(os.path.join(out, "handmade-phonetic.xlsx"))
    escapes(os.path.join(out, "handmade-escapes.xlsx"))
    no_refs(os.path.join(out, "handmade-no-refs.xlsx"))
    prefixed(os.path.join(out, "handmade-prefixed.xlsx"))
    order(os.path.join(out, "handmade-order.xlsx"))
    cell_types(os.path.join(out, "handmade-cell-types.xlsx"))


if __name__ == "__main__":
    main()
