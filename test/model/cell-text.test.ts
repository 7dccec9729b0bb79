import { describe, expect, it } from "@jest/globals";
import { CELL_TEXT_MAX, startsLikeFormula, storedCellText } from "../../src/model/cell-text";

describe("storedCellText: report text stays text (CSV injection) and within Excel's 32,767 characters", () => {
  it.each(["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\t=1", "\r=1", "\n=1"])("%j is stored with an apostrophe in front", (text) => {
    expect(storedCellText(text)).toBe(`'${text}`);
    expect(startsLikeFormula(storedCellText(text))).toBe(false);
  });

  it("other text, a user's own apostrophe included, is stored as it is", () => {
    for (const t of ["Caseload", "'quoted", " =1 (a space first)", "", "2026"]) expect(storedCellText(t)).toBe(t);
  });

  it("text at the limit is kept whole; one character more is cut to the limit, ending in an ellipsis", () => {
    const exact = "x".repeat(CELL_TEXT_MAX);
    expect(storedCellText(exact)).toBe(exact);
    const over = storedCellText("y".repeat(CELL_TEXT_MAX + 1));
    expect(over).toHaveLength(CELL_TEXT_MAX);
    expect(over.endsWith("yy…")).toBe(true);
    // The apostrophe counts: "=" and 32,766 more characters is one too many.
    expect(storedCellText(`=${"z".repeat(CELL_TEXT_MAX - 1)}`)).toHaveLength(CELL_TEXT_MAX);
  });

  it("never cuts a character made of two UTF-16 units in half", () => {
    const emoji = "😀";
    for (const pad of [0, 1]) {
      const s = storedCellText("a".repeat(pad) + emoji.repeat(CELL_TEXT_MAX));
      expect(s.length).toBeLessThanOrEqual(CELL_TEXT_MAX);
      expect(s.endsWith("…")).toBe(true);
      expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(s)).toBe(false);
    }
  });

  it("a smaller limit, for hosts that count an entry apostrophe, is kept the same way", () => {
    expect(storedCellText("=abcdef", 5)).toBe("'=ab…");
  });
});
