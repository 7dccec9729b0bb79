/**
 * Hostile workbooks for `npm run bench`: files made to exhaust memory, each at or just past one of
 * the reader's limits (src/workbook/xlsx/). The bench runs `nps-om validate` on each and prints its
 * peak memory (target: under 1 GB on every one), its time and the one line it printed. Built with
 * the tests' byte-by-byte zip writer, so no library smooths them over.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { book, bookParts, zip } from "../test/support/zip";

export interface Hostile {
  readonly name: string;
  readonly file: string;
}

/** A worksheet of `rows` rows by `cols` columns of distinct decimals, cells without references (the fewest bytes per cell). */
function decimals(rows: number, cols: number, from = 0): string {
  const out: string[] = [];
  for (let r = 1; r <= rows; r++) {
    let x = "<row>";
    for (let c = 0; c < cols; c++) x += `<c><v>${from + r * cols + c}.5</v></c>`;
    out.push(x + "</row>");
  }
  return out.join("");
}

export function makeHostile(dir: string): Hostile[] {
  const files: Hostile[] = [];
  const add = (name: string, file: string, data: Buffer) => {
    writeFileSync(join(dir, file), data);
    files.push({ name, file: join(dir, file) });
  };
  // 12,000,000 cells, the most a workbook may hold, as decimals (each a number object in memory), over two sheets.
  add(
    "most cells allowed (12 million decimals, 2 sheets)",
    "most-cells.xlsx",
    book({
      sheets: [
        ["Caseload", decimals(500_000, 12)],
        ["Staff", decimals(500_000, 12, 6_000_000)],
      ],
    }),
  );
  // 5,000,000 shared strings, the most allowed, about 100 MB of XML.
  const si: string[] = [];
  for (let i = 0; i < 5_000_000; i++) si.push(`<si><t>${i}</t></si>`);
  add("5,000,000 shared strings (the most allowed)", "shared-strings.xlsx", zip(bookParts({ sheets: [["S", `<row r="1"><c r="A1" t="s"><v>4999999</v></c></row>`]], sharedXml: si.join("") })));
  // A 4 GiB sheet that says so: refused from its recorded size, before anything is unpacked.
  const gib = Buffer.alloc(64 * 1024 * 1024, 0x20);
  add(
    "zip bomb, 4 GiB sheet, honest sizes",
    "bomb-honest.xlsx",
    zip(bookParts({ sheets: [["S", "x"]] }).map((p) => (p.name === "xl/worksheets/sheet1.xml" ? { ...p, data: "", claimSize: 0xfffffff0, packed: () => deflateRawSync(gib) } : p))),
  );
  // 64 MB of spaces that claims to be 1 KB: stopped at the recorded size.
  add(
    "zip bomb, 64 MB sheet that says 1 KB",
    "bomb-lying.xlsx",
    zip(bookParts({ sheets: [["S", "x"]] }).map((p) => (p.name === "xl/worksheets/sheet1.xml" ? { ...p, data: "", claimSize: 1024, packed: () => deflateRawSync(gib) } : p))),
  );
  return files;
}
