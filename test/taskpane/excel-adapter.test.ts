/**
 * The Excel adapter against office-addin-mock (test/taskpane/mock-excel.ts): reading in chunks with a
 * sync count that depends on chunks not rows, the report sheet replaced not appended, highlights
 * restored exactly, and Excel errors turned into sentences.
 */
import { describe, expect, it } from "@jest/globals";
import {
  asText,
  CELLS_PER_SYNC,
  columnIndex,
  columnLetters,
  createExcelAdapter,
  excelErrorMessage,
  HIGHLIGHT_COLOR,
  parseOrigin,
  planReads,
  readSyncCount,
  rowsPerChunk,
} from "../../src/taskpane/excel-adapter";
import { LAYOUT } from "../../src/model/layout";
import { mockExcel, sheetFromRows, type MockSheet } from "./mock-excel";

const caseload = () =>
  sheetFromRows(
    "Caseload",
    [
      ["Case ID", "OM", "RSR"],
      ["X1", "Ann", 0.069],
      ["X2", "Bob", 0.12],
    ],
    "B3",
    { 2: "0.00%" },
  );

function bigSheet(rows: number, cols: number): MockSheet {
  return {
    name: "Caseload",
    originRow: 1,
    originCol: 0,
    rowCount: rows,
    columnCount: cols,
    valueAt: (r, c) => (r === 1 ? `H${c}` : r * 100 + c),
    written: new Map(),
    fills: new Map(),
    links: new Map(),
  };
}

describe("addresses", () => {
  it.each([
    ["Caseload!B3:K200", 3, 1],
    ["'Court reports'!A1:E50", 1, 0],
    ["Staff!$AA$10", 10, 26],
    ["C7", 7, 2],
  ])("parseOrigin(%s) gives row %i, column %i", (a, row, col) => {
    expect(parseOrigin(a)).toEqual({ originRow: row, originCol: col });
  });
  it("rejects an address that is not A1", () => {
    expect(() => parseOrigin("Sheet1!R1C1")).toThrow(/not an A1 range address/);
  });
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("column %i is %s and back", (i, l) => {
    expect(columnLetters(i)).toBe(l);
    expect(columnIndex(l)).toBe(i);
  });
  it("writes text that Excel would read as a formula with a leading apostrophe", () => {
    expect(asText("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    expect(asText("+1")).toBe("'+1");
    expect(asText("-1")).toBe("'-1");
    expect(asText("@x")).toBe("'@x");
    expect(asText("plain")).toBe("plain");
    expect(asText(-1)).toBe(-1);
    expect(asText(null)).toBe("");
  });
});

describe("read planning: syncs depend on chunks, not rows", () => {
  it("rows per chunk is floor(cell budget / columns), capped at 5,000 rows", () => {
    expect(rowsPerChunk(19)).toBe(5000);
    expect(rowsPerChunk(100)).toBe(2000);
    expect(rowsPerChunk(16_384)).toBe(12);
    expect(rowsPerChunk(300_000)).toBe(1);
  });
  it("no chunk sync carries more than CELLS_PER_SYNC cells", () => {
    const plan = planReads([
      { sheet: "A", rowCount: 12_345, columnCount: 37 },
      { sheet: "B", rowCount: 3, columnCount: 5 },
    ]);
    for (const b of plan.batches) expect(b.reduce((n, c) => n + c.rows * c.columns, 0)).toBeLessThanOrEqual(CELLS_PER_SYNC);
    expect(plan.chunks.filter((c) => c.sheet === "A").reduce((n, c) => n + c.rows, 0)).toBe(12_345);
  });
  it("a 100,000-row, 19-column caseload takes 12 syncs (1 sheet list + 1 used ranges + 10 of two 5,000-row chunks)", () => {
    expect(readSyncCount([{ sheet: "Caseload", rowCount: 100_000, columnCount: 19 }])).toBe(12);
  });
  it("ten times the rows is about ten times the syncs, not a sync per row", () => {
    expect(readSyncCount([{ sheet: "C", rowCount: 10_000, columnCount: 19 }])).toBe(3);
    expect(readSyncCount([{ sheet: "C", rowCount: 1_000, columnCount: 19 }])).toBe(3);
    expect(readSyncCount([])).toBe(2);
  });
});

describe("readWorkbook (office-addin-mock)", () => {
  it("reads each used range with its origin and the first data row's formats", async () => {
    const xl = mockExcel([caseload(), sheetFromRows("Empty", [])]);
    const progress: number[] = [];
    const book = await createExcelAdapter(xl.run).readWorkbook((d) => progress.push(d));
    expect(book.sheets.map((s) => s.name)).toEqual(["Caseload", "Empty"]);
    const c = book.sheets[0]!;
    expect(c.originRow).toBe(3);
    expect(c.originCol).toBe(1);
    expect(c.rows).toEqual([
      ["Case ID", "OM", "RSR"],
      ["X1", "Ann", 0.069],
      ["X2", "Bob", 0.12],
    ]);
    expect(c.columnFormats).toEqual(["General", "General", "0.00%"]);
    expect(book.sheets[1]!.rows).toEqual([]);
    expect(xl.syncs).toBe(3);
    expect(progress.at(-1)).toBe(1);
  });

  it("reads a 100,000-row used range in 12 syncs, with progress per chunk", async () => {
    const xl = mockExcel([bigSheet(100_000, 19)]);
    const progress: string[] = [];
    const book = await createExcelAdapter(xl.run).readWorkbook((d, t) => progress.push(`${d}/${t}`));
    expect(xl.syncs).toBe(12);
    expect(xl.syncs).toBe(readSyncCount([{ sheet: "Caseload", rowCount: 100_000, columnCount: 19 }]));
    const s = book.sheets[0]!;
    expect(s.rows.length).toBe(100_000);
    expect(s.rows[99_999]![18]).toBe(100_000 * 100 + 18);
    expect(progress).toEqual(["0/20", ...Array.from({ length: 20 }, (_, i) => `${i + 1}/20`)]);
  }, 30_000);

  it("never reads the sheets it is told to skip (the pane's own report sheet)", async () => {
    const xl = mockExcel([caseload(), sheetFromRows("NPS validation report", [["Severity"], ["error"]])]);
    const book = await createExcelAdapter(xl.run, CELLS_PER_SYNC, ["NPS Validation Report"]).readWorkbook();
    expect(book.sheets.map((s) => s.name)).toEqual(["Caseload"]);
  });

  it("blank cells become null", async () => {
    const xl = mockExcel([sheetFromRows("S", [["A", "B"], ["x", ""]])]);
    const book = await createExcelAdapter(xl.run).readWorkbook();
    expect(book.sheets[0]!.rows[1]).toEqual(["x", null]);
  });
});

describe("writeReport", () => {
  const report = {
    name: "NPS validation report",
    header: ["Severity", "Rule", "Sheet", "Cell", "Message"],
    rows: [
      ["error", "caseload.x", "Caseload", "F12", "=bad"],
      ["warning", "reports.typeMix", "Court reports", "", "Mix off"],
    ],
    links: [{ sheet: "Caseload", cell: "F12" }, undefined],
  };

  it("adds the sheet with header, rows and a hyperlink to the cell, in one write sync", async () => {
    const xl = mockExcel([caseload()]);
    const r = await createExcelAdapter(xl.run).writeReport(report);
    expect(r.replaced).toBe(false);
    expect(xl.sheets.map((s) => s.name)).toEqual(["Caseload", "NPS validation report"]);
    expect(xl.cell("NPS validation report", "A1")).toBe("Severity");
    expect(xl.cell("NPS validation report", "D2")).toBe("F12");
    expect(xl.cell("NPS validation report", "E2")).toBe("'=bad");
    expect(xl.cell("NPS validation report", "E3")).toBe("Mix off");
    expect(xl.sheets[1]!.links.get("D2")).toMatchObject({ documentReference: "'Caseload'!F12", textToDisplay: "F12" });
    expect(xl.syncs).toBe(2);
  });

  it("replaces an existing report sheet: delete then add, never a second copy", async () => {
    const old = sheetFromRows("NPS validation report", [["old"], ["stale row"], ["stale row"], ["stale row"]]);
    const xl = mockExcel([caseload(), old]);
    const r = await createExcelAdapter(xl.run).writeReport(report);
    expect(r.replaced).toBe(true);
    expect(xl.sheets.filter((s) => s.name === "NPS validation report")).toHaveLength(1);
    expect(xl.log.filter((l) => /^(delete|add) /.test(l))).toEqual(["delete NPS validation report", "add NPS validation report"]);
    expect(xl.cell("NPS validation report", "A1")).toBe("Severity");
    expect(xl.cell("NPS validation report", "A4")).toBe("");
  });
});

describe("highlight and clear", () => {
  it("highlights cells, then clearing restores exactly the fills they had", async () => {
    const sheet = caseload();
    sheet.fills.set("C4", "#00FF00");
    const xl = mockExcel([sheet]);
    const a = createExcelAdapter(xl.run);
    const saved = await a.highlight([
      { sheet: "Caseload", cell: "C4" },
      { sheet: "Caseload", cell: "D5" },
    ]);
    expect(saved).toEqual([
      { sheet: "Caseload", cell: "C4", color: "#00FF00" },
      { sheet: "Caseload", cell: "D5", color: null },
    ]);
    expect(sheet.fills.get("C4")).toBe(HIGHLIGHT_COLOR);
    expect(sheet.fills.get("D5")).toBe(HIGHLIGHT_COLOR);
    const n = await a.clearHighlights(saved);
    expect(n).toBe(2);
    expect(sheet.fills.get("C4")).toBe("#00FF00");
    expect(sheet.fills.has("D5")).toBe(false);
    expect([...sheet.fills.keys()]).toEqual(["C4"]);
  });

  it("leaves a highlighted cell the user has recoloured since, and cells of a deleted sheet", async () => {
    const sheet = caseload();
    const xl = mockExcel([sheet]);
    const a = createExcelAdapter(xl.run);
    const saved = await a.highlight([{ sheet: "Caseload", cell: "C4" }, { sheet: "Caseload", cell: "C5" }]);
    sheet.fills.set("C5", "#0000FF");
    const n = await a.clearHighlights([...saved, { sheet: "Gone", cell: "A1", color: null }]);
    expect(n).toBe(1);
    expect(sheet.fills.has("C4")).toBe(false);
    expect(sheet.fills.get("C5")).toBe("#0000FF");
  });

  it("highlighting nothing makes no call to Excel", async () => {
    const xl = mockExcel([caseload()]);
    expect(await createExcelAdapter(xl.run).highlight([])).toEqual([]);
    expect(xl.syncs).toBe(0);
  });
});

describe("select, template, recalculate", () => {
  it("select activates the sheet and selects the cell in one sync", async () => {
    const xl = mockExcel([caseload(), sheetFromRows("Staff", [["Name"]])]);
    await createExcelAdapter(xl.run).select({ sheet: "Staff", cell: "A1" });
    expect(xl.log).toEqual(["activate Staff", "select Staff!A1"]);
    expect(xl.syncs).toBe(1);
  });

  it("inserts one sheet per layout sheet with its header row, skipping sheets that exist", async () => {
    const xl = mockExcel([sheetFromRows("caseload", [["mine"]])]);
    const r = await createExcelAdapter(xl.run).insertTemplate();
    expect(r.skipped).toEqual(["Caseload"]);
    expect(r.added).toEqual(LAYOUT.filter((d) => d.name !== "Caseload").map((d) => d.name));
    expect(xl.cell("caseload", "A1")).toBe("mine");
    const staff = LAYOUT.find((d) => d.kind === "staff")!;
    expect(xl.cell("Staff", "A1")).toBe(staff.fields[0]!.header);
    expect(xl.cell("Staff", `${columnLetters(staff.fields.length - 1)}1`)).toBe(staff.fields.at(-1)!.header);
    expect(xl.syncs).toBe(2);
  });

  it("recalculate asks for a full calculation", async () => {
    const xl = mockExcel([]);
    await createExcelAdapter(xl.run).recalculate();
    expect(xl.log).toEqual(["calculate Full"]);
  });
});

describe("Excel errors become readable messages", () => {
  it("a sheet deleted mid-run (ItemNotFound) rejects with the code, and the message says what happened", async () => {
    const xl = mockExcel([caseload()]);
    const err = await createExcelAdapter(xl.run).select({ sheet: "Gone", cell: "A1" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "ItemNotFound" });
    expect(excelErrorMessage(err, "select Gone!A1")).toMatch(/^Could not select Gone!A1: .*deleted or renamed/);
  });

  it.each([
    ["AccessDenied", /refused to write the report.*protected/],
    ["InvalidOperation", /refused to write the report.*protected/],
    ["RequestPayloadSizeLimitExceeded", /too large/],
    ["GeneralException", /Could not write the report: Excel error GeneralException \(GeneralException\)/],
  ])("%s", async (code, re) => {
    const xl = mockExcel([caseload()]);
    xl.failNextSync = code;
    const err = await createExcelAdapter(xl.run)
      .writeReport({ name: "R", header: ["A"], rows: [], links: [] })
      .catch((e: unknown) => e);
    expect(excelErrorMessage(err, "write the report")).toMatch(re);
  });

  it("a non-Excel error still gives a sentence", () => {
    expect(excelErrorMessage("boom", "read the workbook")).toBe("Could not read the workbook: boom.");
    expect(excelErrorMessage(undefined, "read the workbook")).toBe("Could not read the workbook: Excel reported an error.");
  });
});

describe("writeReport of a large report", () => {
  it("writes in blocks within the payload budget, one sync per block", async () => {
    const xl = mockExcel([]);
    const rows = Array.from({ length: 25 }, (_, i) => [`r${i}`, i]);
    await createExcelAdapter(xl.run, 20).writeReport({ name: "R", header: ["A", "B"], rows, links: [] });
    // 26 rows of 2 cells, 10 rows per block: 3 blocks; 1 existence check + 3 write syncs.
    expect(xl.syncs).toBe(4);
    expect(xl.cell("R", "A26")).toBe("r24");
    expect(xl.cell("R", "B11")).toBe(9);
  });
});
