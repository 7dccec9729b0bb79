/**
 * The Excel adapter on Microsoft's own Office.js client (@microsoft/office-js, Excel web flavour)
 * against the strict test host (test/support/office-host): requests are serialised by Microsoft's
 * code, refused over 5 MB as Excel on the web refuses them, and a property read without load()
 * throws Office's own PropertyNotLoaded. Every operation is exercised at 20,000 cells or findings.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { asText, columnIndex, columnLetters, createExcelAdapter, excelErrorMessage, HIGHLIGHT_COLOR, parseOrigin, type CellRef, type ReportSheet } from "../../src/taskpane/excel-adapter";
import { compressCells, joinAddresses, splitAddress, areaAddress } from "../../src/taskpane/excel/addresses";
import { workingName } from "../../src/taskpane/excel/report";
import { LAYOUT } from "../../src/model/layout";
import { validateWorkbook } from "../../src/model/validate";
import type { WorkbookData } from "../../src/model/validate/types";
import { HostBook, HostError, HostSheet, type HostValue } from "../support/office-host/book";
import { officeClient, type OfficeClient } from "../support/office-host/client";
import { PAYLOAD_LIMIT } from "../support/office-host/richapi";

let open: OfficeClient[] = [];
afterEach(() => {
  for (const c of open) c.close();
  open = [];
});

function client(...sheets: HostSheet[]): OfficeClient {
  const c = officeClient(new HostBook(sheets));
  open.push(c);
  return c;
}

const CASELOAD_HEADER = ["Case ID", "OM", "OM grade", "Team", "RoSH", "RSR", "OGRS", "Tier"];
const ROSH = ["Low", "Medium", "High", "Very High"];
const TIERS = ["D1", "C2", "B2", "A"];

/** A caseload of n cases with `notes` unread text columns of 60 characters between its columns. */
function caseloadRows(n: number, notes = 0): HostValue[][] {
  const header = [...CASELOAD_HEADER.slice(0, 4), ...Array.from({ length: notes }, (_, i) => `Notes ${i + 1}`), ...CASELOAD_HEADER.slice(4)];
  const rows: HostValue[][] = [header];
  for (let i = 0; i < n; i++) {
    const k = i % 4;
    rows.push([`X${i + 1}`, `OM ${i % 50}`, k === 0 ? "PSO" : "PO", i % 2 ? "North" : "South", ...Array.from({ length: notes }, () => "n".repeat(60)), ROSH[k]!, 0.01 + k * 0.02, 0.2, TIERS[k]!]);
  }
  return rows;
}

const staff = () =>
  HostSheet.of("Staff", [
    ["Name", "Role", "FTE", "Team", "Line manager"],
    ["Ann Lee", "PO", 1, "North", "Sue Kim"],
    ["Sue Kim", "SPO", 1, "North", ""],
  ]);

/** The workbook as a file reader would hand it over: every cell of every sheet, from A1. */
function fullRead(book: HostBook): WorkbookData {
  return { sheets: book.sheets.map((s) => ({ name: s.name, rows: s.rows().map((r) => r.map((v) => (v === "" ? null : v))), originRow: 1, originCol: 0 })) };
}

const maxBytes = (c: OfficeClient) => Math.max(...c.host.requests.map((r) => Math.max(r.requestBytes, r.responseBytes)));

describe("addresses", () => {
  it("column letters and indices agree both ways", () => {
    for (const i of [0, 25, 26, 701, 702, 16383]) expect(columnIndex(columnLetters(i))).toBe(i);
    expect(parseOrigin("'Court reports'!$B$3:K200")).toEqual({ originRow: 3, originCol: 1 });
    expect(() => parseOrigin("Caseload!nonsense")).toThrow(/not an A1 range address/);
  });

  it("cells compress into runs per column, the same cells always the same addresses", () => {
    const areas = compressCells(["E3", "E2", "E4", "F7", "E9", "E3"]);
    expect(areas.map(areaAddress)).toEqual(["E2:E4", "E9", "F7"]);
    expect(joinAddresses(areas.map(areaAddress), 6, 10)).toEqual(["E2:E4", "E9,F7"]);
    expect(joinAddresses(areas.map(areaAddress), 100, 1)).toEqual(["E2:E4", "E9", "F7"]);
    expect(joinAddresses(["A1:A9,B3", "C4"], 8)).toEqual(["A1:A9,B3", "C4"]);
    // Neighbouring columns with the same runs become rectangles.
    expect(compressCells(["A4", "B4", "C4", "A5", "B5", "C5", "A7", "C7"]).map(areaAddress)).toEqual(["A4:C5", "A7", "C7"]);
  });

  it("a group whose cells differ splits in halves down to single cells", () => {
    expect(splitAddress("E2:E4,E9,F7")).toEqual(["E2:E4,E9", "F7"]);
    expect(splitAddress("E2:E5")).toEqual(["E2:E3", "E4:E5"]);
    expect(splitAddress("B2:E2")).toEqual(["B2:C2", "D2:E2"]);
    expect(splitAddress("B2")).toEqual(["B2"]);
  });

  it("enters text a formula could start with two apostrophes: Excel eats one, the stored text keeps the other", () => {
    expect(asText("=1+1")).toBe("''=1+1");
    expect(asText("+44")).toBe("''+44");
    expect(asText("-x")).toBe("''-x");
    expect(asText("@SUM(1)")).toBe("''@SUM(1)");
    expect(asText("\tx")).toBe("''\tx");
    expect(asText("\r\nx")).toBe("''\r\nx");
    // The user's own leading apostrophe is kept too (one apostrophe alone would be eaten).
    expect(asText("'quoted")).toBe("''quoted");
    expect(asText("plain")).toBe("plain");
    expect(asText("a=b")).toBe("a=b");
    expect(asText(null)).toBe("");
    expect(asText(3)).toBe(3);
    expect(asText(-3)).toBe(-3);
    expect(asText(true)).toBe(true);
  });

  it("a report's working name fits Excel's 31 characters", () => {
    expect(workingName("NPS validation report")).toBe("NPS validation report (writing)");
    expect(workingName("x".repeat(31)).length).toBe(31);
  });
});

describe("reading the workbook", () => {
  it("gives the validator what a file reader gives it: the same findings on a division's sheets", async () => {
    const c = client(HostSheet.of("Caseload", caseloadRows(300, 2), { "F2:G301": "0.00%" }), staff(), HostSheet.of("Teams", [["Team", "Type"], ["North", "OM"], ["South", "OM"]]), HostSheet.of("Notes", [["anything"], ["at all"]]));
    const read = await createExcelAdapter(c.run).readWorkbook();
    expect(read.changed).toBeUndefined();
    const full = fullRead(c.host.book);
    const pane = validateWorkbook(read);
    const file = validateWorkbook({ sheets: full.sheets.map((s) => (s.name === "Caseload" ? { ...s, columnFormats: read.sheets[0]!.columnFormats! } : s)) });
    expect(pane.findings).toEqual(file.findings);
    expect(pane.summaries).toEqual(file.summaries);
    expect(pane.findings.some((f) => f.rule === "caseload.percentHazard")).toBe(true);
  });

  it("a row with a note only in a column the checks do not read is blank to the pane and to a file reader alike; so is a totals label there", async () => {
    const rows = caseloadRows(300, 2);
    rows[150] = rows[150]!.map((v, i) => (i === 4 ? "a note about nobody" : ""));
    rows[301] = ["", "", "", "", "Total", "", "", "", "", ""];
    rows[302] = ["", "", "", "", "", "", "", "", 0.5, ""];
    const c = client(HostSheet.of("Caseload", rows), staff());
    const read = await createExcelAdapter(c.run).readWorkbook();
    expect(read.sheets[0]!.rows[150]!.every((v) => v === null)).toBe(true);
    expect(validateWorkbook(read).findings).toEqual(validateWorkbook(fullRead(c.host.book)).findings);
  });

  it("takes each column's number format from the rows under the header (percent if any cell has it)", async () => {
    const c = client(HostSheet.of("Caseload", caseloadRows(5), { "F3:F3": "0.0%", "G2:G6": "0.00" }));
    const read = await createExcelAdapter(c.run).readWorkbook();
    expect(read.sheets[0]!.columnFormats).toEqual(["General", "General", "General", "General", "General", "0.0%", "0.00", "General"]);
  });

  it("reads 20,000 cases with ten 60-character text columns the checks do not use, every request and response within 5 MB", async () => {
    const c = client(HostSheet.of("Caseload", caseloadRows(20_000, 10)));
    const read = await createExcelAdapter(c.run).readWorkbook();
    expect(read.sheets[0]!.rows).toHaveLength(20_001);
    expect(maxBytes(c)).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    // The notes columns are read only in the head (the rows where a header may be): well under their 12 MB.
    const total = c.host.requests.reduce((n, r) => n + r.responseBytes, 0);
    expect(total).toBeLessThan(2_500_000);
    const pane = validateWorkbook(read);
    expect(pane.findings).toEqual(validateWorkbook(fullRead(c.host.book)).findings);
  });

  it("sizes chunks by measured bytes: long text in used columns still stays within 5 MB, in more requests", async () => {
    const rows = caseloadRows(20_000);
    for (let i = 40; i < rows.length; i++) rows[i]![1] = `${"Officer ".repeat(60)}${i % 7}`; // 480-character OM names below the head
    const c = client(HostSheet.of("Caseload", rows));
    const read = await createExcelAdapter(c.run, { budget: 1_000_000 }).readWorkbook();
    expect(read.sheets[0]!.rows[20_000]![1]).toBe(rows[20_000]![1]);
    expect(maxBytes(c)).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(c.host.requests.filter((r) => r.error)).toEqual([]);
    expect(c.host.requests.length).toBeGreaterThan(8);
  });

  it("a sheet no check uses is read only as far as its head", async () => {
    const big = Array.from({ length: 50_000 }, (_, i) => [`note ${i}`, "x".repeat(40)]);
    const c = client(HostSheet.of("Caseload", caseloadRows(10)), HostSheet.of("Diary", [["When", "What"], ...big]));
    const read = await createExcelAdapter(c.run).readWorkbook();
    expect(read.sheets.map((s) => [s.name, s.rows.length])).toEqual([
      ["Caseload", 11],
      ["Diary", 30],
    ]);
    expect(c.host.requests.reduce((n, r) => n + r.responseBytes, 0)).toBeLessThan(100_000);
  });

  it("never reads the sheets it is told to skip (the pane's own report sheet)", async () => {
    const c = client(HostSheet.of("Caseload", caseloadRows(3)), HostSheet.of("NPS validation report", [["Severity"], ["error"]]));
    const read = await createExcelAdapter(c.run, { skipSheets: ["NPS validation report"] }).readWorkbook();
    expect(read.sheets.map((s) => s.name)).toEqual(["Caseload"]);
  });

  it("reads a used range that starts below and right of A1 with its origin, blanks as null", async () => {
    const c = client(HostSheet.of("Staff", [[], [], [null, "Name", "Role", "FTE", "Team"], [null, "Ann Lee", "PO", null, "North"]]));
    const read = await createExcelAdapter(c.run).readWorkbook();
    expect(read.sheets[0]).toMatchObject({ name: "Staff", originRow: 3, originCol: 1, rows: [["Name", "Role", "FTE", "Team"], ["Ann Lee", "PO", null, "North"]] });
  });

  it("rows inserted while it reads: it reads again, and the result matches the workbook as it now is", async () => {
    const c = client(HostSheet.of("Caseload", caseloadRows(2_000)));
    c.host.beforeRequest = (n, book) => {
      if (n === 4) book.sheet("Caseload").insertRows(100, 1);
    };
    const read = await createExcelAdapter(c.run, { budget: 50_000 }).readWorkbook();
    expect(read.changed).toBeUndefined();
    expect(read.sheets[0]!.rows).toHaveLength(2_002);
    expect(validateWorkbook(read).findings).toEqual(validateWorkbook(fullRead(c.host.book)).findings);
  });

  it("rows inserted during every read: it says which sheet may be stale rather than point at wrong cells silently", async () => {
    const c = client(HostSheet.of("Caseload", caseloadRows(2_000)));
    c.host.beforeRequest = (n, book) => {
      if (n % 6 === 4) book.sheet("Caseload").insertRows(100, 1);
    };
    const read = await createExcelAdapter(c.run, { budget: 50_000 }).readWorkbook();
    expect(read.changed).toEqual(["Caseload"]);
  });
});

/** n flagged cells, half on each of two sheets, columns A-E, every third row left out (broken runs). */
function flagged(n: number): CellRef[] {
  const out: CellRef[] = [];
  for (const sheet of ["Caseload", "Staff"])
    for (let row = 2; out.length < (sheet === "Caseload" ? n / 2 : n); row++) {
      if (row % 3 === 0) continue;
      for (let c = 0; c < 5; c++) out.push({ sheet, cell: `${columnLetters(c)}${row}` });
    }
  return out;
}

describe("highlight and clear", () => {
  for (const getRanges of [true, false]) {
    const how = getRanges ? "with getRanges (ExcelApi 1.9)" : "one range at a time (Excel without ExcelApi 1.9)";
    it(`highlights 20,000 cells and clears them, restoring every fill they had, ${how}, every request within 5 MB`, async () => {
      const c = client(HostSheet.of("Caseload", caseloadRows(20)), HostSheet.of("Staff", [["Name"]]));
      const book = c.host.book;
      // Some cells already had fills of their own.
      book.sheet("Caseload").setFill(1, 0, "#C6EFCE");
      book.sheet("Caseload").setFill(4, 1, "#FFC7CE");
      const cells = flagged(20_000);
      const adapter = createExcelAdapter(c.run, { getRanges: () => getRanges });
      const saved = await adapter.highlight(cells);
      expect(maxBytes(c)).toBeLessThanOrEqual(PAYLOAD_LIMIT);
      const caseFills = book.sheet("Caseload").fillMap();
      expect(caseFills.get("A2")).toBe(HIGHLIGHT_COLOR);
      expect([...caseFills.values()].filter((f) => f === HIGHLIGHT_COLOR)).toHaveLength(10_000);
      // Compact: far fewer saved entries than cells.
      expect(saved.length).toBeLessThan(100);
      expect(saved.find((s) => s.sheet === "Caseload" && s.cell.split(",").includes("A2"))?.color).toBe("#C6EFCE");
      // The user recolours one highlighted cell since: it stays as they made it.
      book.sheet("Caseload").setFill(3, 0, "#0000FF");
      const requestsBefore = c.host.requests.length;
      const restored = await adapter.clearHighlights(saved);
      expect(maxBytes(c)).toBeLessThanOrEqual(PAYLOAD_LIMIT);
      expect(restored).toBe(19_999);
      expect(Object.fromEntries(book.sheet("Caseload").fillMap())).toEqual({ A2: "#C6EFCE", B5: "#FFC7CE", A4: "#0000FF" });
      expect(book.sheet("Staff").fillMap().size).toBe(0);
      if (getRanges) expect(c.host.requests.length - requestsBefore).toBeLessThan(40);
    });
  }

  it("fills saved one cell per entry (as earlier versions saved them) are restored too", async () => {
    const c = client(HostSheet.of("Caseload", caseloadRows(5)));
    c.host.book.sheet("Caseload").setFill(2, 4, HIGHLIGHT_COLOR);
    const n = await createExcelAdapter(c.run).clearHighlights([{ sheet: "Caseload", cell: "E3", color: null }]);
    expect(n).toBe(1);
    expect(c.host.book.sheet("Caseload").fillMap().size).toBe(0);
  });

  it("cells of a sheet deleted since are skipped, not an error", async () => {
    const c = client(HostSheet.of("Caseload", caseloadRows(5)));
    expect(await createExcelAdapter(c.run).clearHighlights([{ sheet: "Gone", cell: "A1:A9", color: null }])).toBe(0);
  });

  it("highlighting nothing makes no call to Excel", async () => {
    const c = client(HostSheet.of("Caseload", caseloadRows(5)));
    const adapter = createExcelAdapter(c.run);
    expect(await adapter.highlight([])).toEqual([]);
    expect(await adapter.clearHighlights([])).toBe(0);
    expect(c.host.requests).toHaveLength(0);
  });
});

/** A report of n findings with a link on each row. */
function report(n: number, name = "NPS validation report"): ReportSheet {
  const header = ["Severity", "Rule", "Sheet", "Cell", "Message", "Source", "Figure", "Target"];
  const rows = Array.from({ length: n }, (_, i) => ["error", "caseload.tier", "Caseload", `E${i + 2}`, `=Case X${i} has RoSH High but tier D1; Diagram 1 gives A, B1 or B2 for high RoSH.`, "NPS Operating Model v1.0 (2016), ch.3", null, null]);
  return { name, header, rows, links: rows.map((_, i) => ({ sheet: "Caseload", cell: `E${i + 2}` })) };
}

describe("the report sheet", () => {
  it("writes 20,000 findings with a link on every row, within 5 MB a request, and replaces the old report only when complete", async () => {
    const old = HostSheet.of("NPS validation report", [["old report"]]);
    const c = client(HostSheet.of("Caseload", caseloadRows(5)), old, HostSheet.of("Staff", [["Name"]]));
    const r = await createExcelAdapter(c.run).writeReport(report(20_000));
    expect(r).toEqual({ replaced: true });
    expect(maxBytes(c)).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    const book = c.host.book;
    expect(book.names()).toEqual(["Caseload", "NPS validation report", "Staff"]);
    const ws = book.sheet("NPS validation report");
    expect(ws).not.toBe(old);
    const rows = ws.rows();
    expect(rows).toHaveLength(20_001);
    // Stored with an apostrophe in front, so the report stays text when saved as CSV.
    expect(rows[1]![4]).toMatch(/^'=Case X0/);
    expect(ws.linkMap().size).toBe(20_000);
    expect(ws.linkMap().get("D20001")).toMatchObject({ documentReference: "'Caseload'!E20001", textToDisplay: "E20001" });
    expect(ws.frozenRows).toBe(1);
    expect(book.active).toBe(ws);
    // The old report went in the same request as the rename: never a moment without a report.
    const deleteAt = book.events.findIndex((e) => e.op === "delete");
    expect(book.events.slice(deleteAt + 1).some((e) => e.op === "rename")).toBe(true);
    expect(book.events.filter((e) => e.op === "values" || e.op === "hyperlink").every((e) => e.sheet === workingName("NPS validation report"))).toBe(true);
  });

  it("a failure half-way leaves the old report as it was and no half sheet", async () => {
    const c = client(HostSheet.of("Caseload", caseloadRows(5)), HostSheet.of("NPS validation report", [["old report"]]));
    let writes = 0;
    c.host.beforeRequest = (_n, _book, body) => {
      if (body.Actions.some((a) => a.Name === "Hyperlink") && ++writes === 2) throw new HostError("GeneralException", "There was an internal error while processing the request.");
    };
    const err = await createExcelAdapter(c.run).writeReport(report(20_000)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "GeneralException" });
    expect(c.host.book.names()).toEqual(["Caseload", "NPS validation report"]);
    expect(c.host.book.sheet("NPS validation report").rows()).toEqual([["old report"]]);
  });

  it("a working sheet left by an interrupted run is removed, and a first report says it replaced nothing", async () => {
    const c = client(HostSheet.of("Caseload", caseloadRows(5)), HostSheet.of(workingName("NPS validation report"), [["half"]]));
    expect(await createExcelAdapter(c.run).writeReport(report(3))).toEqual({ replaced: false });
    expect(c.host.book.names()).toEqual(["Caseload", "NPS validation report"]);
  });
});

describe("select, template, recalculate", () => {
  it("select activates the sheet and selects the cell", async () => {
    const c = client(HostSheet.of("Caseload", caseloadRows(5)), HostSheet.of("Court reports", [["Report ID"]]));
    await createExcelAdapter(c.run).select({ sheet: "Court reports", cell: "F12" });
    expect(c.host.book.events.slice(-2)).toEqual([
      { op: "activate", sheet: "Court reports" },
      { op: "select", sheet: "Court reports", address: "F12" },
    ]);
  });

  it("inserts one sheet per layout sheet with its header row, skipping sheets that exist", async () => {
    const c = client(HostSheet.of("Caseload", caseloadRows(1)));
    const r = await createExcelAdapter(c.run).insertTemplate();
    expect(r.skipped).toEqual(["Caseload"]);
    expect(r.added).toEqual(LAYOUT.filter((d) => d.name !== "Caseload").map((d) => d.name));
    const staffDef = LAYOUT.find((d) => d.name === "Staff")!;
    expect(c.host.book.sheet("Staff").rows()).toEqual([staffDef.fields.map((f) => f.header)]);
    expect(c.host.book.sheet("Staff").isBold(0, 0)).toBe(true);
  });

  it("recalculate asks Excel for a full calculation", async () => {
    const c = client(HostSheet.of("Caseload", caseloadRows(1)));
    await createExcelAdapter(c.run).recalculate();
    expect(c.host.book.events).toContainEqual({ op: "calculate", detail: "Full" });
  });
});

describe("Excel errors become readable messages", () => {
  it("a sheet deleted mid-run (ItemNotFound, from Microsoft's client) says what happened", async () => {
    const c = client(HostSheet.of("Caseload", caseloadRows(1)));
    const err = await createExcelAdapter(c.run)
      .select({ sheet: "Gone", cell: "A1" })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "ItemNotFound" });
    expect(excelErrorMessage(err, "select Gone!A1")).toMatch(/^Could not select Gone!A1: .*deleted or renamed/);
  });

  it("a request over 5 MB is refused by the host as by Excel on the web, and the message says so", async () => {
    const c = client(HostSheet.of("Caseload", caseloadRows(1)));
    const err = await c
      .run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Caseload").getRange("A1:A1").values = [["x".repeat(6_000_000)]];
        await ctx.sync();
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(excelErrorMessage(err, "write the report")).toMatch(/too large/);
  });

  it("reading a property that was not loaded throws Office's PropertyNotLoaded", async () => {
    const c = client(HostSheet.of("Caseload", caseloadRows(1)));
    const err = await c
      .run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Caseload").getUsedRange();
        r.load("address");
        await ctx.sync();
        return r.rowCount;
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "PropertyNotLoaded" });
  });

  it("a non-Excel error still gives a sentence", () => {
    expect(excelErrorMessage("boom", "read the workbook")).toBe("Could not read the workbook: boom.");
    expect(excelErrorMessage(undefined, "read the workbook")).toBe("Could not read the workbook: Excel reported an error.");
  });
});
