/**
 * A small Excel workbook built from office-addin-mock's OfficeMockObject. The mock gives load/sync
 * discipline (reading a property that was not loaded and synced gives an error string, which the
 * adapter tests would see); this file adds the workbook behind it: sheets with cells, used ranges,
 * fills, adds and deletes, and a count of context.sync calls. Writes land in the workbook at sync.
 */
import { OfficeMockObject } from "office-addin-mock";
import type { CellValue } from "../../src/model/values";
import { columnIndex, columnLetters } from "../../src/taskpane/excel-adapter";

export interface MockSheet {
  name: string;
  /** 1-based row and 0-based column of the used range's top-left cell. */
  originRow: number;
  originCol: number;
  rowCount: number;
  columnCount: number;
  /** Value at an absolute cell (1-based row, 0-based column) inside the used range. */
  valueAt(row: number, col: number): CellValue;
  formatAt?(row: number, col: number): string;
  written: Map<string, CellValue>;
  fills: Map<string, string>;
  links: Map<string, { documentReference?: string; textToDisplay?: string }>;
}

export function sheetFromRows(name: string, rows: CellValue[][], origin = "A1", formats: Record<number, string> = {}): MockSheet {
  const m = /^([A-Z]+)(\d+)$/.exec(origin)!;
  const originRow = Number(m[2]);
  const originCol = columnIndex(m[1]!);
  return {
    name,
    originRow,
    originCol,
    rowCount: rows.length,
    columnCount: Math.max(0, ...rows.map((r) => r.length)),
    valueAt: (r, c) => rows[r - originRow]?.[c - originCol] ?? "",
    formatAt: (_r, c) => formats[c - originCol] ?? "General",
    written: new Map(),
    fills: new Map(),
    links: new Map(),
  };
}

function parseRange(a: string): { r1: number; c1: number; r2: number; c2: number } {
  const [p, q] = a.split(":") as [string, string | undefined];
  const one = (x: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(x);
    if (!m) throw Object.assign(new Error(`bad address ${x}`), { code: "InvalidArgument" });
    return { r: Number(m[2]), c: columnIndex(m[1]!) };
  };
  const s = one(p);
  const e = q ? one(q) : s;
  return { r1: s.r, c1: s.c, r2: e.r, c2: e.c };
}

export interface MockExcel {
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  sheets: MockSheet[];
  syncs: number;
  log: string[];
  /** Make the next sync throw an Excel-like error with this code. */
  failNextSync?: string;
  cell(sheet: string, a1: string): CellValue;
}

export function mockExcel(sheets: MockSheet[]): MockExcel {
  const state: MockExcel = {
    sheets,
    syncs: 0,
    log: [],
    run: undefined as never,
    cell(sheet, a1) {
      const s = sheets.find((x) => x.name === sheet)!;
      if (s.written.has(a1)) return s.written.get(a1)!;
      const { r1, c1 } = parseRange(a1);
      return s.valueAt(r1, c1);
    },
  };
  /** Commit actions, run at sync in the order queued. */
  let queue: (() => void)[] = [];
  let created: OfficeMockObject[] = [];
  let commits: (() => void)[] = [];

  const find = (name: string) => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());

  function rangeMock(sheet: MockSheet, address: string, withValues = true): OfficeMockObject {
    const { r1, c1, r2, c2 } = parseRange(address);
    const values: CellValue[][] = [];
    const formats: string[][] = [];
    for (let r = r1; withValues && r <= r2; r++) {
      const row: CellValue[] = [];
      const frow: string[] = [];
      for (let c = c1; c <= c2; c++) {
        const a1 = `${columnLetters(c)}${r}`;
        const inUsed = r >= sheet.originRow && r < sheet.originRow + sheet.rowCount && c >= sheet.originCol && c < sheet.originCol + sheet.columnCount;
        row.push(sheet.written.has(a1) ? sheet.written.get(a1)! : inUsed ? sheet.valueAt(r, c) : "");
        frow.push(sheet.formatAt?.(r, c) ?? "General");
      }
      values.push(row);
      formats.push(frow);
    }
    const single = `${columnLetters(c1)}${r1}`;
    const mock = new OfficeMockObject({
      address: `${sheet.name}!${address}`,
      rowCount: r2 - r1 + 1,
      columnCount: c2 - c1 + 1,
      ...(withValues ? { values, numberFormat: formats } : {}),
      format: {
        fill: {
          color: sheet.fills.get(single) ?? "#FFFFFF",
          clear() {
            queue.push(() => sheet.fills.delete(single));
          },
        },
        font: { bold: false },
      },
      select() {
        queue.push(() => state.log.push(`select ${sheet.name}!${address}`));
      },
    });
    mock.isNullObject = false;
    created.push(mock);
    // At sync, anything assigned to the proxy lands in the workbook.
    const commit = () => {
      const m = mock as unknown as { values: unknown; hyperlink: unknown; format: { fill: { color: unknown } } };
      if (withValues && m.values !== values && Array.isArray(m.values)) {
        (m.values as CellValue[][]).forEach((row, i) => row.forEach((v, j) => sheet.written.set(`${columnLetters(c1 + j)}${r1 + i}`, v)));
        const used = Math.max(sheet.rowCount, r2);
        sheet.rowCount = used;
        sheet.columnCount = Math.max(sheet.columnCount, c2 + 1);
      }
      if (m.hyperlink !== undefined) sheet.links.set(single, m.hyperlink as never);
      const color = m.format.fill.color;
      if (typeof color === "string" && color.startsWith("#") && color !== (sheet.fills.get(single) ?? "#FFFFFF")) sheet.fills.set(single, color);
    };
    commits.push(commit);
    return mock;
  }
  function sheetMock(sheet: MockSheet): OfficeMockObject {
    const ws = new OfficeMockObject({
      name: sheet.name,
      getRange(address: string) {
        return rangeMock(sheet, address);
      },
      getUsedRangeOrNullObject() {
        if (sheet.rowCount === 0) {
          const n = new OfficeMockObject({ load() {} });
          n.isNullObject = true;
          return n;
        }
        // Without values: loading a whole large used range's values is not what the adapter should do.
        return rangeMock(sheet, `${columnLetters(sheet.originCol)}${sheet.originRow}:${columnLetters(sheet.originCol + sheet.columnCount - 1)}${sheet.originRow + sheet.rowCount - 1}`, false);
      },
      activate() {
        queue.push(() => state.log.push(`activate ${sheet.name}`));
      },
      delete() {
        queue.push(() => {
          sheets.splice(sheets.indexOf(sheet), 1);
          state.log.push(`delete ${sheet.name}`);
        });
      },
      freezePanes: { freezeRows() {} },
    });
    // The collection's items come loaded (the mock cannot load "items/name"): name is known.
    ws.name = sheet.name;
    ws.isNullObject = false;
    return ws;
  }

  const context = new OfficeMockObject({
    workbook: {
      worksheets: {
        load() {},
        getItem(name: string) {
          const s = find(name);
          if (!s) queue.push(() => { throw Object.assign(new Error(`The requested resource doesn't exist.`), { code: "ItemNotFound" }); });
          return s ? sheetMock(s) : sheetMock(sheetFromRows(name, []));
        },
        getItemOrNullObject(name: string) {
          const s = find(name);
          if (s) return sheetMock(s);
          const n = new OfficeMockObject({ load() {}, getRange: () => new OfficeMockObject({ format: { fill: { color: "", load() {} } } }) });
          n.isNullObject = true;
          return n;
        },
        add(name: string) {
          const s = sheetFromRows(name, []);
          queue.push(() => {
            if (find(name)) throw Object.assign(new Error(`A sheet named ${name} exists`), { code: "InvalidOperation" });
            sheets.push(s);
            state.log.push(`add ${name}`);
          });
          return sheetMock(s);
        },
      },
      application: {
        calculate(type: string) {
          queue.push(() => state.log.push(`calculate ${type}`));
        },
      },
    },
    async sync() {
      state.syncs += 1;
      if (state.failNextSync) {
        const code = state.failNextSync;
        state.failNextSync = undefined;
        queue = [];
        throw Object.assign(new Error(`Excel error ${code}`), { code });
      }
      const q = queue;
      queue = [];
      for (const c of commits) c();
      for (const f of q) f();
      for (const m of created) await m.sync();
      await new Promise((r) => setTimeout(r, 0));
    },
  });
  // The sheet list is live: items reflects adds and deletes.
  Object.defineProperty(context.workbook.worksheets, "items", { get: () => sheets.map(sheetMock) });
  state.run = async (batch) => {
    created = [];
    commits = [];
    return batch(context as unknown as Excel.RequestContext);
  };
  return state;
}
