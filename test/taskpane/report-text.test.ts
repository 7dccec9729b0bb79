/**
 * The report sheet's text as Excel stores it, through Microsoft's Office.js client and the strict
 * test host (test/support/office-host), which like Excel takes one leading apostrophe on entry as
 * "this is text" and stores the rest. Whatever users' cells and sheet names hold, no stored cell may
 * start a formula (= + - @ tab CR LF) once the report is saved as CSV, and none may exceed Excel's
 * 32,767 characters; text is stored as src/model/cell-text.ts's storedCellText makes it.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { expectAs } from "../support/expect-as";
import { createExcelAdapter, type ReportSheet } from "../../src/taskpane/excel-adapter";
import { CELL_TEXT_MAX, startsLikeFormula, storedCellText } from "../../src/model/cell-text";
import { HostBook, HostSheet } from "../support/office-host/book";
import { officeClient, type OfficeClient } from "../support/office-host/client";

let open: OfficeClient[] = [];
afterEach(() => {
  for (const c of open) c.close();
  open = [];
});

const REPORT = "NPS validation report";
const HEADER = ["Severity", "Rule", "Sheet", "Cell", "Message", "Source", "Figure", "Target"];
const HOSTILE = ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\tx", "\rx", "\nx", "'quoted by the user"];
const LONG = "x".repeat(40_000);
/** A 40,000-character message that also starts a formula, and one whose cut falls inside an emoji. */
const LONG_FORMULA = `=${"y".repeat(39_999)}`;
const LONG_EMOJI = `${"z".repeat(CELL_TEXT_MAX - 2)}😀${"z".repeat(100)}`;

/** A report quoting hostile text as messages, sheet names and figures, and three over-long messages. */
function hostileReport(): ReportSheet {
  const rows = [
    ...HOSTILE.map((t) => ["error", "caseload.tier", t, "E2", t, "NPS Operating Model v1.0 (2016), ch.3", t, null]),
    ...[LONG, LONG_FORMULA, LONG_EMOJI].map((m) => ["warning", "caseload.tier", "Caseload", "E3", m, "", null, 1.5]),
  ];
  return { name: REPORT, header: HEADER, rows, links: rows.map(() => undefined) };
}

async function writtenRows(report: ReportSheet): Promise<(string | number | boolean)[][]> {
  const c = officeClient(new HostBook([HostSheet.of("Caseload", [["Case ID"], ["X1"]])]));
  open.push(c);
  await createExcelAdapter(c.run).writeReport(report);
  return c.host.book.sheet(REPORT).rows();
}

describe("the report sheet's text, as Excel stores it", () => {
  it("stores no cell that starts a formula or passes 32,767 characters, whatever the findings quote", async () => {
    const rows = await writtenRows(hostileReport());
    expect(rows).toHaveLength(1 + HOSTILE.length + 3);
    expect(rows[0]).toEqual(HEADER);
    for (const [r, row] of rows.entries())
      for (const [c, v] of row.entries()) {
        if (typeof v !== "string") continue;
        expectAs(startsLikeFormula(v), `row ${r + 1}, column ${c + 1}: ${JSON.stringify(v.slice(0, 40))}`).toBe(false);
        expectAs(/^[=+\-@\t\r\n]/.test(v), `row ${r + 1}, column ${c + 1}`).toBe(false);
        expectAs(v.length, `row ${r + 1}, column ${c + 1}`).toBeLessThanOrEqual(CELL_TEXT_MAX);
      }
  });

  it("keeps the quoted text readable: one apostrophe in front, as storedCellText gives it, and the user's own apostrophe kept", async () => {
    const rows = await writtenRows(hostileReport());
    for (const [i, t] of HOSTILE.entries()) {
      const row = rows[i + 1]!;
      const stored = t.startsWith("'") ? t : `'${t}`;
      expect([row[2], row[4], row[6]]).toEqual([stored, stored, stored]);
      expect(row[4]).toBe(storedCellText(t));
    }
    // Entered with one apostrophe only, the user's own would have been eaten.
    expect(rows[HOSTILE.length]![4]).toBe("'quoted by the user");
  });

  it("cuts a 40,000-character message to at most 32,767 characters ending in an ellipsis", async () => {
    const rows = await writtenRows(hostileReport());
    const [long, longFormula, longEmoji] = rows.slice(1 + HOSTILE.length).map((r) => String(r[4])) as [string, string, string];
    expect(long).toBe(storedCellText(LONG));
    expect(long).toHaveLength(CELL_TEXT_MAX);
    expect(long.endsWith("x…")).toBe(true);
    // Stored with its apostrophe: one character shorter, the second apostrophe having counted on entry.
    expect(longFormula.startsWith("'=yyy")).toBe(true);
    expect(longFormula).toHaveLength(CELL_TEXT_MAX - 1);
    expect(longFormula.endsWith("y…")).toBe(true);
    // The cut never leaves half an emoji.
    expect(longEmoji.length).toBeLessThanOrEqual(CELL_TEXT_MAX);
    expect(longEmoji.endsWith("z…")).toBe(true);
    expect(longEmoji).not.toMatch(/[\ud800-\udbff]…$/);
  });
});
