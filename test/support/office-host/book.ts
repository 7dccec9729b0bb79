/**
 * The scripted workbook behind the strict test host: sheets of cells (values, number formats, fills,
 * hyperlinks), the sheet order, the active sheet and selection, and what Excel was asked to do
 * (recalculations). Plain data; test/support/office-host/richapi.ts answers Office.js's requests
 * against it. Rows and columns are 0-based here; addresses are A1 as Excel writes them.
 */

export type HostValue = string | number | boolean;

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function colLetters(i: number): string {
  let n = i + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** One area of an A1 address ("B3", "B3:K200", "$B$3"); throws InvalidArgument as Excel does. */
export function parseArea(address: string): Rect {
  const parts = address.replace(/\$/g, "").trim().split(":");
  const one = (x: string) => {
    const m = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(x);
    if (!m) throw new HostError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
    const r = Number(m[2]) - 1;
    const c = colIndex(m[1]!);
    if (r < 0 || r >= MAX_ROWS || c >= MAX_COLS) throw new HostError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
    return { r, c };
  };
  if (parts.length > 2) throw new HostError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
  const a = one(parts[0]!);
  const b = parts[1] === undefined ? a : one(parts[1]);
  return { r1: Math.min(a.r, b.r), c1: Math.min(a.c, b.c), r2: Math.max(a.r, b.r), c2: Math.max(a.c, b.c) };
}

export function areaAddress(r: Rect): string {
  const a = `${colLetters(r.c1)}${r.r1 + 1}`;
  return r.r1 === r.r2 && r.c1 === r.c2 ? a : `${a}:${colLetters(r.c2)}${r.r2 + 1}`;
}

/** A sheet name as Excel writes it in an address: quoted when it is not a plain word. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const key = (r: number, c: number) => r * MAX_COLS + c;

export interface Hyperlink {
  documentReference?: string;
  address?: string;
  textToDisplay?: string;
  screenTip?: string;
}

let nextSheetId = 1;

export class HostSheet {
  readonly id = `{00000000-0001-0000-${String(nextSheetId++).padStart(4, "0")}-000000000000}`;
  readonly values = new Map<number, HostValue>();
  readonly formats = new Map<number, string>();
  readonly fills = new Map<number, string>();
  readonly links = new Map<number, Hyperlink>();
  readonly bold = new Set<number>();
  frozenRows = 0;
  deleted = false;

  constructor(public name: string) {}

  static of(name: string, rows: readonly (readonly (HostValue | null | undefined)[])[], formats: Record<string, string> = {}): HostSheet {
    const s = new HostSheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => s.set(r, c, v)));
    for (const [addr, f] of Object.entries(formats)) {
      const a = parseArea(addr);
      for (let r = a.r1; r <= a.r2; r++) for (let c = a.c1; c <= a.c2; c++) s.formats.set(key(r, c), f);
    }
    return s;
  }

  get(r: number, c: number): HostValue | undefined {
    return this.values.get(key(r, c));
  }

  set(r: number, c: number, v: HostValue | null | undefined): void {
    if (v === null || v === undefined || v === "") this.values.delete(key(r, c));
    else this.values.set(key(r, c), v);
  }

  format(r: number, c: number): string {
    return this.formats.get(key(r, c)) ?? "General";
  }

  fill(r: number, c: number): string | undefined {
    return this.fills.get(key(r, c));
  }

  setFill(r: number, c: number, color: string | undefined): void {
    if (color === undefined) this.fills.delete(key(r, c));
    else this.fills.set(key(r, c), color.toUpperCase());
  }

  link(r: number, c: number): Hyperlink | undefined {
    return this.links.get(key(r, c));
  }

  setLink(r: number, c: number, h: Hyperlink): void {
    this.links.set(key(r, c), h);
  }

  isBold(r: number, c: number): boolean {
    return this.bold.has(key(r, c));
  }

  setBold(r: number, c: number, on: boolean): void {
    if (on) this.bold.add(key(r, c));
    else this.bold.delete(key(r, c));
  }

  /** The used range: cells with values (valuesOnly) or also with formatting. */
  used(valuesOnly: boolean): Rect | null {
    let r1 = Infinity;
    let c1 = Infinity;
    let r2 = -1;
    let c2 = -1;
    const maps: Iterable<number>[] = [this.values.keys()];
    if (!valuesOnly) maps.push(this.fills.keys(), this.formats.keys());
    for (const m of maps)
      for (const k of m) {
        const r = Math.floor(k / MAX_COLS);
        const c = k % MAX_COLS;
        if (r < r1) r1 = r;
        if (r > r2) r2 = r;
        if (c < c1) c1 = c;
        if (c > c2) c2 = c;
      }
    return r2 < 0 ? null : { r1, c1, r2, c2 };
  }

  /** Rows of values from A1 to the used range's far corner ("" for blanks), for assertions. */
  rows(): HostValue[][] {
    const u = this.used(true);
    if (!u) return [];
    const out: HostValue[][] = [];
    for (let r = 0; r <= u.r2; r++) {
      const row: HostValue[] = [];
      for (let c = 0; c <= u.c2; c++) row.push(this.get(r, c) ?? "");
      out.push(row);
    }
    return out;
  }

  /** Insert `n` blank rows before 0-based row `at`, shifting everything below down (as a user would). */
  insertRows(at: number, n: number): void {
    for (const m of [this.values, this.formats, this.fills, this.links] as Map<number, unknown>[]) {
      const moved = [...m.entries()].filter(([k]) => Math.floor(k / MAX_COLS) >= at);
      for (const [k] of moved) m.delete(k);
      for (const [k, v] of moved) m.set(k + n * MAX_COLS, v);
    }
  }

  /** All fills as "A1" → colour, for assertions. */
  fillMap(): Map<string, string> {
    return new Map([...this.fills.entries()].map(([k, v]) => [`${colLetters(k % MAX_COLS)}${Math.floor(k / MAX_COLS) + 1}`, v]));
  }

  /** All hyperlinks as "A1" → link, for assertions. */
  linkMap(): Map<string, Hyperlink> {
    return new Map([...this.links.entries()].map(([k, v]) => [`${colLetters(k % MAX_COLS)}${Math.floor(k / MAX_COLS) + 1}`, v]));
  }
}

/** What a request did that a test may look at. */
export interface HostEvent {
  op: "add" | "delete" | "rename" | "activate" | "select" | "calculate" | "freezeRows" | "values" | "fill" | "clearFill" | "hyperlink";
  sheet?: string;
  address?: string;
  detail?: unknown;
}

export class HostBook {
  readonly sheets: HostSheet[];
  active: HostSheet | undefined;
  readonly events: HostEvent[] = [];
  /** Document settings (Office.context.document.settings) as saved in the workbook. */
  settings: Record<string, unknown> = {};

  constructor(sheets: HostSheet[]) {
    this.sheets = sheets;
    this.active = sheets[0];
  }

  find(nameOrId: string): HostSheet | undefined {
    const n = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n || s.id.toLowerCase() === n);
  }

  sheet(name: string): HostSheet {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet ${name} in the test workbook`);
    return s;
  }

  names(): string[] {
    return this.sheets.map((s) => s.name);
  }

  add(name: string): HostSheet {
    checkSheetName(name);
    if (this.find(name)) throw new HostError("ItemAlreadyExists", "A resource with the same name or identifier already exists.");
    const s = new HostSheet(name);
    this.sheets.push(s);
    this.events.push({ op: "add", sheet: name });
    return s;
  }

  remove(s: HostSheet): void {
    if (this.sheets.length === 1) throw new HostError("InvalidOperation", "This operation is not permitted for the current object.");
    this.sheets.splice(this.sheets.indexOf(s), 1);
    s.deleted = true;
    if (this.active === s) this.active = this.sheets[0];
    this.events.push({ op: "delete", sheet: s.name });
  }

  rename(s: HostSheet, name: string): void {
    checkSheetName(name);
    const other = this.find(name);
    if (other && other !== s) throw new HostError("ItemAlreadyExists", "A resource with the same name or identifier already exists.");
    this.events.push({ op: "rename", sheet: s.name, detail: name });
    s.name = name;
  }
}

/** Excel's rules for a sheet name: 1-31 characters, none of \ / ? * [ ] :, not starting or ending with '. */
function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name) || name.startsWith("'") || name.endsWith("'"))
    throw new HostError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
}
