/**
 * The byte estimates that size every request (src/taskpane/excel/payload.ts) against what
 * Microsoft's Office.js client really sends, measured by the strict test host: never less (or a
 * batch could pass 5 MB), and not so much more that requests become needlessly many.
 */
import { afterAll, describe, expect, it } from "@jest/globals";
import { fillOpBytes, linkOpBytes, packByBytes, REQUEST_BASE, valuesWriteBytes } from "../../src/taskpane/excel/payload";
import { HostBook, HostSheet } from "../support/office-host/book";
import { officeClient } from "../support/office-host/client";

const c = officeClient(new HostBook([HostSheet.of("Caseload", [["a"]]), HostSheet.of("Court reports", [["a"]])]));
afterAll(() => c.close());

/** Bytes of the request `queue` makes (Excel.run may follow it with one releasing its references). */
async function sent(queue: (ws: Excel.Worksheet) => void): Promise<number> {
  const before = c.host.requests.length;
  await c.run(async (ctx) => {
    queue(ctx.workbook.worksheets.getItem("Court reports"));
    await ctx.sync();
  });
  return c.host.requests[before]!.requestBytes;
}

function within(estimate: number, actual: number): void {
  expect(estimate).toBeGreaterThanOrEqual(actual);
  expect(estimate).toBeLessThanOrEqual(actual * 2 + 2_000);
}

describe("request size estimates, against Microsoft's client", () => {
  for (const n of [1, 50, 500]) {
    it(`${n} fill changes on groups of cells`, async () => {
      const groups = Array.from({ length: n }, (_, i) => `A${i + 2}:E${i + 3},G${i + 7},H${i + 9}:H${i + 40}`);
      const actual = await sent((ws) => groups.forEach((g) => (ws.getRanges(g).format.fill.color = "#FFD966")));
      within(REQUEST_BASE + groups.reduce((s, g) => s + fillOpBytes(g), 0), actual);
    });

    it(`${n} hyperlinks`, async () => {
      const links = Array.from({ length: n }, (_, i) => ({ address: `D${i + 2}`, value: { documentReference: `'Court reports'!F${i + 12}`, textToDisplay: `F${i + 12}`, screenTip: `Go to Court reports!F${i + 12}` } }));
      const actual = await sent((ws) => links.forEach((l) => (ws.getRange(l.address).hyperlink = l.value)));
      within(REQUEST_BASE + links.reduce((s, l) => s + linkOpBytes(l.address, l.value), 0), actual);
    });
  }

  it("a block of values with text in several scripts (bytes, not characters)", async () => {
    const values = Array.from({ length: 500 }, (_, i) => ["error", "caseload.tier", "Caseload", `E${i + 2}`, `Ünïcødé — ${"é".repeat(40)} ${i}`, "NPS Operating Model v1.0 (2016), ch.3", i, true]);
    const address = `A1:H500`;
    const actual = await sent((ws) => (ws.getRange(address).values = values));
    within(REQUEST_BASE + valuesWriteBytes(address, values), actual);
  });

  it("packs by bytes: no batch over its budget unless a single item is", () => {
    const items = Array.from({ length: 1_000 }, (_, i) => 100 + (i % 7) * 50);
    const batches = packByBytes(items, (x) => x, 10_000, 500);
    expect(batches.flat()).toEqual(items);
    for (const b of batches) expect(500 + b.reduce((s, x) => s + x, 0)).toBeLessThanOrEqual(10_000);
    expect(packByBytes([50_000, 1], (x) => x, 10_000, 500)).toEqual([[50_000], [1]]);
  });
});
