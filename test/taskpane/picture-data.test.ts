/**
 * The numbers behind the pane's pictures: read from the columns the engine recognised, parsed with
 * the model's parsers, and the mix measured by the model's reportMix against the what-if targets.
 */
import { describe, expect, it } from "@jest/globals";
import { reportMixPicture, tierGradePicture } from "../../src/taskpane/picture-data";
import type { LayoutReport, WorkbookData } from "../../src/model/validate/types";

const book: WorkbookData = {
  sheets: [
    { name: "Log", originRow: 1, originCol: 0, rows: [["Type", "By"], ["Oral", "PSO"], ["oral", "PO"], ["FDR", "PSO"], ["Verbal", "SPO"], [null, null]] },
    { name: "Cases", originRow: 1, originCol: 0, rows: [["Tier", "Grade"], ["A", "PO"], ["tier a", "PSO"], ["", "PSO"], ["Z9", "SPO"], [null, null]] },
  ],
};
const layout: LayoutReport = {
  sheets: [
    { sheet: "Log", kind: "courtReports", headerIndex: 0, columns: { reportType: 0, authorGrade: 1 }, unrecognised: [], missing: [] },
    { sheet: "Cases", kind: "caseload", headerIndex: 0, columns: { recordedTier: 0, omGrade: 1 }, unrecognised: [], missing: [] },
  ],
};

describe("picture data", () => {
  it("report mix (NPS Operating Model v1.0, ch.2): readable types and grades only, against the configured targets", () => {
    const mix = reportMixPicture(book, layout, {})!;
    const oral = mix.types.find((l) => l.key === "Oral")!;
    expect(oral).toMatchObject({ count: 2, total: 3, target: 0.6 });
    expect(mix.authors.find((l) => l.key === "PO")).toMatchObject({ count: 1, total: 3, target: 0.35 });
    expect(mix.shortFormat).toMatchObject({ key: "Short format", count: 3, total: 3, target: 0.9 });
  });

  it("report mix uses the what-if targets", () => {
    expect(reportMixPicture(book, layout, { reportOralShare: 0.5 })!.types[0]!.target).toBe(0.5);
  });

  it("cases by tier and grade: unreadable tiers count as 'No tier', other grades are counted apart, blank rows skipped", () => {
    expect(tierGradePicture(book, layout)).toEqual({
      total: 4,
      tiers: [
        { tier: "A", PO: 1, PSO: 1, other: 0 },
        { tier: "No tier", PO: 0, PSO: 1, other: 1 },
      ],
    });
  });

  it("no picture without the recognised sheet", () => {
    expect(reportMixPicture(book, { sheets: [] }, {})).toBeUndefined();
    expect(tierGradePicture(book, { sheets: [] })).toBeUndefined();
  });

  describe("worked out once per validation (the pane asks on every render)", () => {
    /** The book of the tests above, counting how often its sheets are read. */
    const counting = () => {
      const counter = { reads: 0 };
      const b: WorkbookData = {
        get sheets() {
          counter.reads++;
          return book.sheets;
        },
      };
      return { book: b, counter };
    };
    const newReport = (): LayoutReport => ({ sheets: layout.sheets.map((s) => ({ ...s })) });

    it("cases by tier and grade: the same book and layout give the same object, without reading the sheets again; a new report reads them again", () => {
      const { book: b, counter } = counting();
      const l = newReport();
      const first = tierGradePicture(b, l);
      const reads = counter.reads;
      expect(reads).toBeGreaterThan(0);
      expect(tierGradePicture(b, l)).toBe(first);
      expect(counter.reads).toBe(reads);
      const again = tierGradePicture(b, newReport());
      expect(counter.reads).toBeGreaterThan(reads);
      expect(again).not.toBe(first);
      expect(again).toEqual(first);
    });

    it("report mix: the same object for the same book, layout and what-if values; other what-ifs recount without reading the sheets", () => {
      const { book: b, counter } = counting();
      const l = newReport();
      const first = reportMixPicture(b, l, {});
      const reads = counter.reads;
      expect(reads).toBeGreaterThan(0);
      expect(reportMixPicture(b, l, {})).toBe(first);
      const other = reportMixPicture(b, l, { reportOralShare: 0.5 });
      expect(other!.types[0]!.target).toBe(0.5);
      expect(reportMixPicture(b, l, { reportOralShare: 0.5 })).toBe(other);
      expect(counter.reads).toBe(reads);
      const again = reportMixPicture(b, newReport(), {});
      expect(counter.reads).toBeGreaterThan(reads);
      expect(again).not.toBe(first);
      expect(again).toEqual(first);
    });

    it("no picture without the recognised sheet, remembered too", () => {
      const l: LayoutReport = { sheets: [] };
      expect(tierGradePicture(book, l)).toBeUndefined();
      expect(tierGradePicture(book, l)).toBeUndefined();
      expect(reportMixPicture(book, l, {})).toBeUndefined();
      expect(reportMixPicture(book, l, {})).toBeUndefined();
    });
  });
});
