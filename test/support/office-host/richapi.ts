/**
 * The strict test host's answer to Office.js: it reads the request body that Microsoft's own client
 * library (@microsoft/office-js, the Excel web flavour) serialises for `context.sync()` — object
 * paths and actions, the "RichApi" protocol — carries it out on a scripted workbook (book.ts), and
 * answers as Excel does: one result per instantiate/query action, property names as Excel spells
 * them, null for a null object, and an error that stops the request at the failing action.
 *
 * It is stricter than a hand-written stand-in because the client, not this file, decides what is
 * loaded: reading a property that was not loaded throws Office's own PropertyNotLoaded; actions run
 * in the order the code queued them; `values` must match the range's shape. Like Excel on the web it
 * refuses a request or a response over 5 MB. Anything the pane asks that this host does not
 * implement fails loudly ("the test host does not implement ..."), so a gap cannot pass as success.
 */
import { areaAddress, HostBook, HostError, type HostSheet, type HostValue, type Hyperlink, MAX_COLS, MAX_ROWS, parseArea, quoteSheet, type Rect } from "./book";

/** Excel on the web refuses a request or a response larger than this (bytes of the JSON body). */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Longest address list the host takes in getRanges (an assumption: Excel documents none; 8,192 is its formula-length limit). */
export const MAX_RANGES_ADDRESS = 8_192;

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: (number | null)[] };
}

interface Action {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[] };
  QueryInfo?: { Select?: string[]; Expand?: string[]; Top?: number; Skip?: number };
}

export interface RequestBody {
  Actions: Action[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

type Obj =
  | { kind: "workbook" }
  | { kind: "application" }
  | { kind: "worksheets" }
  | { kind: "worksheet"; sheet: HostSheet }
  | { kind: "freezePanes"; sheet: HostSheet }
  | { kind: "range"; sheet: HostSheet; areas: Rect[]; multi: boolean }
  | { kind: "format"; range: RangeObj }
  | { kind: "fill"; range: RangeObj }
  | { kind: "font"; range: RangeObj }
  | null;
type RangeObj = Extract<Obj, { kind: "range" }>;

/** What one request cost and did, for tests that measure payloads. */
export interface RequestRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly actions: number;
  readonly error?: string;
}

export interface HostResponse {
  readonly status: number;
  readonly body: string;
}

export class HostUnsupported extends Error {}

const unsupported = (what: string): never => {
  throw new HostUnsupported(`the test host does not implement ${what}`);
};

/** Byte length of a string as UTF-8 (what goes over the wire). */
export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

export class RichApiHost {
  readonly requests: RequestRecord[] = [];
  /**
   * Called before each request is carried out with the request's number and body: a test edits the
   * workbook here (rows inserted while the pane reads), or throws a HostError to fail that request.
   */
  beforeRequest: ((n: number, book: HostBook, body: RequestBody) => void) | undefined;
  /** Called when the pane asks Excel to calculate. */
  onCalculate: ((type: string) => void) | undefined;
  limit = PAYLOAD_LIMIT;
  /** Objects kept for the client across syncs (Excel.run's automatic references): _ReferenceId → object. */
  private readonly kept = new Map<string, Obj>();

  constructor(readonly book: HostBook) {}

  /** Answer one ProcessQuery request body (the text the client sends). */
  answer(bodyText: string): HostResponse {
    const requestBytes = utf8Bytes(bodyText);
    const body = JSON.parse(bodyText) as RequestBody;
    if (requestBytes > this.limit) {
      this.requests.push({ requestBytes, responseBytes: 0, actions: body.Actions.length, error: "RequestPayloadSizeLimitExceeded" });
      return errorResponse(413, "RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit. Please refer to the documentation: https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins.");
    }
    try {
      this.beforeRequest?.(this.requests.length, this.book, body);
    } catch (e) {
      if (!(e instanceof HostError)) throw e;
      this.requests.push({ requestBytes, responseBytes: 0, actions: body.Actions.length, error: e.code });
      return { status: 200, body: JSON.stringify({ Results: [], Error: { Code: e.code, Message: e.message, HttpStatusCode: 500, ActionIndex: 0, Location: "" } }) };
    }
    const results: { ActionId: number; Value: unknown }[] = [];
    let error: { Code: string; Message: string; HttpStatusCode: number; ActionIndex: number; Location: string } | undefined;
    const cache = new Map<number, Obj>();
    for (const [i, action] of body.Actions.entries()) {
      try {
        const value = this.act(body, action, cache);
        if (value !== NO_RESULT) results.push({ ActionId: action.Id, Value: value });
      } catch (e) {
        if (e instanceof HostUnsupported) throw e;
        if (!(e instanceof HostError)) throw e;
        error = { Code: e.code, Message: e.message, HttpStatusCode: e.code === "ItemNotFound" ? 404 : 400, ActionIndex: i, Location: action.Name };
        break;
      }
    }
    const text = JSON.stringify(error ? { Results: results, Error: error } : { Results: results });
    const responseBytes = utf8Bytes(text);
    if (responseBytes > this.limit) {
      this.requests.push({ requestBytes, responseBytes, actions: body.Actions.length, error: "ResponsePayloadSizeLimitExceeded" });
      return errorResponse(413, "ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit. Please refer to the documentation: https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins.");
    }
    this.requests.push({ requestBytes, responseBytes, actions: body.Actions.length, ...(error ? { error: error.Code } : {}) });
    return { status: 200, body: text };
  }

  private resolve(body: RequestBody, id: number, cache: Map<number, Obj>): Obj {
    if (cache.has(id)) return cache.get(id)!;
    const p = body.ObjectPaths[String(id)];
    if (!p) return unsupported(`object path ${id} (not sent)`);
    const args = p.ArgumentInfo?.Arguments ?? [];
    let out: Obj;
    if (p.ObjectPathType === 1) out = { kind: "workbook" };
    else if (p.ObjectPathType === 6) {
      // A reference kept from an earlier request (see Instantiate below).
      if (!this.kept.has(p.Name)) throw new HostError("InvalidObjectPath", "The object path isn't working for what you're trying to do.");
      out = this.kept.get(p.Name)!;
    } else {
      const parent = this.resolve(body, p.ParentObjectPathId!, cache);
      // An argument that is another object (range.getBoundingRect(other)) arrives as a path id.
      const refs = p.ArgumentInfo?.ReferencedObjectPathIds ?? [];
      const resolved = args.map((v, i) => (typeof refs[i] === "number" ? this.resolve(body, refs[i], cache) : v));
      out = this.child(parent, p, resolved);
    }
    cache.set(id, out);
    return out;
  }

  private child(parent: Obj, p: ObjectPathInfo, args: unknown[]): Obj {
    const book = this.book;
    const nullParent = parent === null;
    // A null object's children are null objects too (Excel's *OrNullObject chain).
    if (nullParent) return null;
    const type = p.ObjectPathType;
    const name = p.Name;
    switch (parent.kind) {
      case "workbook":
        if (type === 4 && name === "Worksheets") return { kind: "worksheets" };
        if (type === 4 && name === "Application") return { kind: "application" };
        break;
      case "worksheets": {
        const getItem = (orNull: boolean): Obj => {
          const s = book.find(String(args[0]));
          if (!s) {
            if (orNull) return null;
            throw new HostError("ItemNotFound", "The requested resource doesn't exist.");
          }
          return { kind: "worksheet", sheet: s };
        };
        if (type === 5 || (type === 3 && name === "GetItem")) return getItem(false);
        if (type === 3 && name === "GetItemOrNullObject") return getItem(true);
        if (type === 3 && name === "GetItemAt") {
          const s = book.sheets[Number(args[0])];
          if (!s) throw new HostError("ItemNotFound", "The requested resource doesn't exist.");
          return { kind: "worksheet", sheet: s };
        }
        if (type === 3 && name === "Add") return { kind: "worksheet", sheet: book.add(args[0] === undefined || args[0] === null ? `Sheet${book.sheets.length + 1}` : String(args[0])) };
        break;
      }
      case "worksheet": {
        const sheet = live(parent.sheet);
        if (type === 3 && name === "GetRange") {
          if (args[0] === undefined || args[0] === null || args[0] === "") return { kind: "range", sheet, areas: [{ r1: 0, c1: 0, r2: MAX_ROWS - 1, c2: MAX_COLS - 1 }], multi: false };
          return { kind: "range", sheet, areas: [parseLocal(String(args[0]), sheet)], multi: false };
        }
        if (type === 3 && name === "GetRanges") {
          // No limit is documented; the host refuses long lists so the pane keeps its groups short.
          if (String(args[0] ?? "").length > MAX_RANGES_ADDRESS) throw new HostError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
          const list = String(args[0] ?? "").split(",");
          return { kind: "range", sheet, areas: list.map((a) => parseLocal(a, sheet)), multi: true };
        }
        if (type === 3 && (name === "GetUsedRange" || name === "GetUsedRangeOrNullObject")) {
          const u = sheet.used(args[0] === true);
          if (!u) {
            if (name === "GetUsedRangeOrNullObject") return null;
            return { kind: "range", sheet, areas: [{ r1: 0, c1: 0, r2: 0, c2: 0 }], multi: false };
          }
          return { kind: "range", sheet, areas: [u], multi: false };
        }
        if (type === 4 && name === "FreezePanes") return { kind: "freezePanes", sheet };
        break;
      }
      case "range":
        if (type === 4 && name === "Format") return { kind: "format", range: parent };
        if (!parent.multi && type === 3 && name === "GetRow") {
          const r = parent.areas[0]!;
          const i = Number(args[0]);
          if (!(i >= 0 && r.r1 + i <= r.r2)) throw new HostError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
          return { ...parent, areas: [{ ...r, r1: r.r1 + i, r2: r.r1 + i }] };
        }
        if (!parent.multi && type === 3 && name === "GetBoundingRect") {
          const other = args[0] as Obj;
          if (other?.kind !== "range" || other.sheet !== parent.sheet) throw new HostError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
          const a = parent.areas[0]!;
          const b = other.areas[0]!;
          return { ...parent, areas: [{ r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1), r2: Math.max(a.r2, b.r2), c2: Math.max(a.c2, b.c2) }] };
        }
        break;
      case "format":
        if (type === 4 && name === "Fill") return { kind: "fill", range: parent.range };
        if (type === 4 && name === "Font") return { kind: "font", range: parent.range };
        break;
      default:
        break;
    }
    return unsupported(`${parent.kind}.${name} (object path type ${type})`);
  }

  private act(body: RequestBody, a: Action, cache: Map<number, Obj>): unknown {
    const obj = this.resolve(body, a.ObjectPathId, cache);
    const args = a.ArgumentInfo?.Arguments ?? [];
    switch (a.ActionType) {
      case 1: {
        // Instantiate. An object a method returned is kept, as Excel keeps it inside Excel.run, so
        // the client can use it after this sync; Excel answers with the reference's id.
        if (obj === null) return null;
        const path = body.ObjectPaths[String(a.ObjectPathId)];
        if (path?.ObjectPathType !== 3) return {};
        const id = `ref-${this.kept.size + 1}`;
        this.kept.set(id, obj);
        return { _ReferenceId: id };
      }
      case 2: // Query
        if (a.QueryInfo?.Expand?.length || a.QueryInfo?.Top !== undefined || a.QueryInfo?.Skip !== undefined) unsupported(`query options ${JSON.stringify(a.QueryInfo)}`);
        return obj === null ? null : this.query(obj, a.QueryInfo?.Select);
      case 3: // Method
        if (a.Name === "_KeepReference" || a.Name === "_RemoveReference") return NO_RESULT;
        if (obj === null) throw new HostError("ItemNotFound", "The requested resource doesn't exist.");
        this.method(obj, a.Name, args);
        return NO_RESULT;
      case 4: // SetProperty
        if (obj === null) throw new HostError("ItemNotFound", "The requested resource doesn't exist.");
        this.setProperty(obj, a.Name, args[0]);
        return NO_RESULT;
      default:
        return unsupported(`action type ${a.ActionType} (${a.Name})`);
    }
  }

  private query(obj: NonNullable<Obj>, select: string[] | undefined): unknown {
    const want = (select ?? []).map((s) => s.toLowerCase());
    if (want.length === 0) unsupported(`a load() of every property of ${obj.kind}: name the properties`);
    const out: Record<string, unknown> = {};
    const has = (p: string) => want.includes(p.toLowerCase());
    switch (obj.kind) {
      case "worksheets":
        // A collection's load("items/name") selects the items' properties.
        out._Items = this.book.sheets.map((s) => this.query({ kind: "worksheet", sheet: s }, select));
        return out;
      case "worksheet": {
        const s = live(obj.sheet);
        for (const p of want) {
          if (p === "name") out.Name = s.name;
          else if (p === "id") out.Id = s.id;
          else if (p === "position") out.Position = this.book.sheets.indexOf(s);
          else if (p === "visibility") out.Visibility = "Visible";
          else unsupported(`Worksheet.${p}`);
        }
        out.Id ??= s.id;
        return out;
      }
      case "range": {
        const s = live(obj.sheet);
        if (obj.multi) {
          for (const p of want) {
            if (p === "address") out.Address = obj.areas.map((r) => `${quoteSheet(s.name)}!${areaAddress(r)}`).join(",");
            else if (p === "areacount") out.AreaCount = obj.areas.length;
            else if (p === "cellcount") out.CellCount = obj.areas.reduce((n, r) => n + (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1), 0);
            else unsupported(`RangeAreas.${p}`);
          }
          return out;
        }
        const r = obj.areas[0]!;
        const cells = (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);
        if ((has("values") || has("numberFormat") || has("text")) && cells > 5_000_000) throw new HostError("ResponsePayloadSizeLimitExceeded", "The range is too large to read in one request.");
        for (const p of want) {
          if (p === "address") out.Address = `${quoteSheet(s.name)}!${areaAddress(r)}`;
          else if (p === "rowcount") out.RowCount = r.r2 - r.r1 + 1;
          else if (p === "columncount") out.ColumnCount = r.c2 - r.c1 + 1;
          else if (p === "rowindex") out.RowIndex = r.r1;
          else if (p === "columnindex") out.ColumnIndex = r.c1;
          else if (p === "values") out.Values = grid(r, (row, col) => s.get(row, col) ?? "");
          else if (p === "numberformat") out.NumberFormat = grid(r, (row, col) => s.format(row, col));
          else if (p === "hyperlink") out.Hyperlink = s.link(r.r1, r.c1) ?? null;
          else unsupported(`Range.${p}`);
        }
        return out;
      }
      case "fill": {
        for (const p of want) {
          if (p !== "color") unsupported(`RangeFill.${p}`);
          out.Color = uniformFill(obj.range);
        }
        return out;
      }
      default:
        return unsupported(`load() on ${obj.kind}`);
    }
  }

  private method(obj: NonNullable<Obj>, name: string, args: unknown[]): void {
    const book = this.book;
    if (obj.kind === "worksheet" && name === "Delete") return book.remove(live(obj.sheet));
    if (obj.kind === "worksheet" && name === "Activate") {
      book.active = live(obj.sheet);
      book.events.push({ op: "activate", sheet: obj.sheet.name });
      return;
    }
    if (obj.kind === "range" && name === "Select") {
      const s = live(obj.sheet);
      // Excel selects only on the active sheet.
      if (book.active !== s) throw new HostError("InvalidSelection", "The current selection is invalid for this operation.");
      book.events.push({ op: "select", sheet: s.name, address: obj.areas.map(areaAddress).join(",") });
      return;
    }
    if (obj.kind === "range" && !obj.multi && name === "_ValidateArraySize") {
      const r = obj.areas[0]!;
      if (Number(args[0]) !== r.r2 - r.r1 + 1 || Number(args[1]) !== r.c2 - r.c1 + 1)
        throw new HostError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      return;
    }
    if (obj.kind === "fill" && name === "Clear") {
      const s = live(obj.range.sheet);
      eachCell(obj.range, (r, c) => s.setFill(r, c, undefined));
      book.events.push({ op: "clearFill", sheet: s.name, address: obj.range.areas.map(areaAddress).join(",") });
      return;
    }
    if (obj.kind === "freezePanes" && name === "FreezeRows") {
      live(obj.sheet).frozenRows = Number(args[0] ?? 1);
      book.events.push({ op: "freezeRows", sheet: obj.sheet.name, detail: args[0] });
      return;
    }
    if (obj.kind === "application" && name === "Calculate") {
      book.events.push({ op: "calculate", detail: args[0] });
      this.onCalculate?.(String(args[0]));
      return;
    }
    unsupported(`${obj.kind}.${name}()`);
  }

  private setProperty(obj: NonNullable<Obj>, name: string, value: unknown): void {
    const book = this.book;
    if (obj.kind === "worksheet" && name === "Name") return book.rename(live(obj.sheet), String(value));
    if (obj.kind === "worksheet" && name === "Position") {
      const s = live(obj.sheet);
      const to = Math.max(0, Math.min(book.sheets.length - 1, Number(value)));
      book.sheets.splice(book.sheets.indexOf(s), 1);
      book.sheets.splice(to, 0, s);
      return;
    }
    if (obj.kind === "range" && !obj.multi && name === "Values") {
      const s = live(obj.sheet);
      const r = obj.areas[0]!;
      const rows = r.r2 - r.r1 + 1;
      const cols = r.c2 - r.c1 + 1;
      if (!Array.isArray(value) || value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols))
        throw new HostError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      (value as unknown[][]).forEach((row, i) =>
        row.forEach((v, j) => {
          if (v !== null && typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") throw new HostError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
          if (typeof v === "string" && v.length > 32_767) throw new HostError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
          // A leading apostrophe marks text; Excel stores the text without it.
          s.set(r.r1 + i, r.c1 + j, typeof v === "string" && v.startsWith("'") ? v.slice(1) : (v as HostValue | null));
        }),
      );
      book.events.push({ op: "values", sheet: s.name, address: areaAddress(r) });
      return;
    }
    if (obj.kind === "range" && !obj.multi && name === "Hyperlink") {
      const s = live(obj.sheet);
      const r = obj.areas[0]!;
      eachCell(obj, (row, col) => s.setLink(row, col, value as Hyperlink));
      book.events.push({ op: "hyperlink", sheet: s.name, address: areaAddress(r) });
      return;
    }
    if (obj.kind === "fill" && name === "Color") {
      const s = live(obj.range.sheet);
      const color = normaliseColor(value);
      eachCell(obj.range, (r, c) => s.setFill(r, c, color));
      book.events.push({ op: "fill", sheet: s.name, address: obj.range.areas.map(areaAddress).join(","), detail: color });
      return;
    }
    if (obj.kind === "font" && name === "Bold") {
      const s = live(obj.range.sheet);
      eachCell(obj.range, (r, c) => s.setBold(r, c, value === true));
      return;
    }
    unsupported(`setting ${obj.kind}.${name}`);
  }
}

const NO_RESULT = Symbol("no result");

function errorResponse(status: number, code: string, message: string): HostResponse {
  return { status, body: JSON.stringify({ error: { code, message } }) };
}

function live(s: HostSheet): HostSheet {
  if (s.deleted) throw new HostError("ItemNotFound", "The requested resource doesn't exist.");
  return s;
}

/** An address given to getRange on a sheet: local ("B3:K20"); a sheet prefix must name this sheet. */
function parseLocal(address: string, sheet: HostSheet): Rect {
  const bang = address.lastIndexOf("!");
  if (bang >= 0) {
    const prefix = address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    if (prefix.toLowerCase() !== sheet.name.toLowerCase()) throw new HostError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
    return parseArea(address.slice(bang + 1));
  }
  return parseArea(address);
}

function grid<T>(r: Rect, f: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let row = r.r1; row <= r.r2; row++) {
    const line: T[] = [];
    for (let col = r.c1; col <= r.c2; col++) line.push(f(row, col));
    out.push(line);
  }
  return out;
}

function eachCell(range: RangeObj, f: (r: number, c: number) => void): void {
  for (const a of range.areas) {
    if ((a.r2 - a.r1 + 1) * (a.c2 - a.c1 + 1) > 5_000_000) unsupported("formatting more than 5 million cells at once");
    for (let r = a.r1; r <= a.r2; r++) for (let c = a.c1; c <= a.c2; c++) f(r, c);
  }
}

/** A fill colour as Excel reports it: "#FFFFFF" for no fill, null when the cells differ. */
function uniformFill(range: RangeObj): string | null {
  const s = live(range.sheet);
  let seen: string | undefined;
  let mixed = false;
  eachCell(range, (r, c) => {
    const f = s.fill(r, c) ?? "#FFFFFF";
    if (seen === undefined) seen = f;
    else if (seen !== f) mixed = true;
  });
  return mixed ? null : (seen ?? "#FFFFFF");
}

function normaliseColor(v: unknown): string {
  const s = String(v);
  if (/^#[0-9a-f]{6}$/i.test(s)) return s.toUpperCase();
  const named: Record<string, string> = { white: "#FFFFFF", yellow: "#FFFF00", red: "#FF0000" };
  const n = named[s.toLowerCase()];
  if (n) return n;
  throw new HostError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
}

export { HostBook };
