/**
 * The workbook's parts, found the way the Open Packaging Conventions say: the package's
 * relationships name the workbook, the workbook's relationships name its sheets, shared strings
 * and styles, and [Content_Types].xml says what each part is. Nothing is found by entry order or
 * by a guessed file name, so "Sheet1" in a zip is whatever the workbook says it is.
 */
import { XlsxError } from "./errors";
import { Styles } from "./styles";
import { cutOff, decodeCellText, elements, isSpace, its, partText, richText, newTag, readTag } from "./xml";
import type { Zip } from "./zip";

export interface SheetPart {
  readonly name: string;
  /** Zip entry name of the sheet's XML. */
  readonly part: string;
}

export interface BookParts {
  readonly sheets: readonly SheetPart[];
  /** Sheets of other kinds (charts, dialogs), counted so "no worksheets" is told right. */
  readonly otherSheets: number;
  readonly date1904: boolean;
  readonly sharedStrings?: string;
  readonly styles?: string;
}

const MAIN_TYPES = /\.(sheet|template)\.main\+xml$|\.sheet\.macroEnabled\.main\+xml$|\.template\.macroEnabled\.main\+xml$|\.addin\.macroEnabled\.main\+xml$/i;

async function text(zip: Zip, name: string): Promise<string | undefined> {
  const buf = await zip.read(name);
  return buf === undefined ? undefined : partText(buf, its(name));
}

/** A relationship's target as a zip entry name: relative to the source part's folder, or absolute. */
export function resolveTarget(sourcePart: string, target: string): string {
  let t: string;
  try {
    t = decodeURIComponent(target);
  } catch {
    t = target;
  }
  t = t.replace(/\\/g, "/");
  const base = t.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

async function relsOf(zip: Zip, part: string): Promise<Rel[]> {
  const name = relsPartOf(part);
  const s = await text(zip, name);
  if (s === undefined) return [];
  return elements(s, "Relationship", its(name))
    .filter((r) => (r.get("TargetMode") ?? "Internal") !== "External")
    .map((r) => ({ id: r.get("Id") ?? "", type: r.get("Type") ?? "", target: resolveTarget(part, r.get("Target") ?? "") }));
}

const ofType = (rel: Rel, t: string) => rel.type.endsWith(`/${t}`);

/** What kind of file this zip is when it holds no workbook, for the message. */
function notAWorkbook(zip: Zip): XlsxError {
  const names = zip.names().map((n) => n.toLowerCase());
  if (names.some((n) => n.endsWith("workbook.bin"))) return new XlsxError("binaryWorkbook", "");
  if (names.includes("word/document.xml")) return new XlsxError("notWorkbook", "a Word document");
  if (names.includes("ppt/presentation.xml")) return new XlsxError("notWorkbook", "a PowerPoint presentation");
  if (names.includes("content.xml") && names.includes("mimetype")) return new XlsxError("notWorkbook", "an OpenDocument file");
  if (names.includes("encryptioninfo")) return new XlsxError("encrypted", "");
  if (names.some((n) => n.endsWith("workbook.xml"))) return new XlsxError("corrupt", "the parts that say where its workbook is ([Content_Types].xml and _rels/.rels) are missing or broken");
  return new XlsxError("notWorkbook", "a zip archive without a workbook inside");
}

export async function locateParts(zip: Zip): Promise<BookParts> {
  const types = await text(zip, "[Content_Types].xml");
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  if (types !== undefined) {
    for (const o of elements(types, "Override", its("[Content_Types].xml"))) overrides.set((o.get("PartName") ?? "").replace(/^\//, "").toLowerCase(), o.get("ContentType") ?? "");
    for (const d of elements(types, "Default", its("[Content_Types].xml"))) defaults.set((d.get("Extension") ?? "").toLowerCase(), d.get("ContentType") ?? "");
  }
  const contentType = (part: string) => overrides.get(part.toLowerCase()) ?? defaults.get(part.slice(part.lastIndexOf(".") + 1).toLowerCase());

  // The package's relationships name the main part; without them, [Content_Types].xml does.
  let main = (await relsOf(zip, "")).find((r) => ofType(r, "officeDocument"))?.target;
  if (main === undefined || !zip.has(main)) main = [...overrides].find(([, t]) => MAIN_TYPES.test(t))?.[0];
  if (main === undefined || !zip.has(main)) throw notAWorkbook(zip);
  const mainType = contentType(main) ?? "";
  if (/binary/i.test(mainType) || main.toLowerCase().endsWith(".bin")) throw new XlsxError("binaryWorkbook", "");
  if (mainType !== "" && !MAIN_TYPES.test(mainType)) throw notAWorkbook(zip);

  const wb = (await text(zip, main))!;
  const rels = await relsOf(zip, main);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const pr = elements(wb, "workbookPr", its(main))[0];
  const date1904 = /^(1|true)$/i.test(pr?.get("date1904") ?? "");

  const sheets: SheetPart[] = [];
  let otherSheets = 0;
  for (const sh of elements(wb, "sheet", its(main))) {
    const rel = byId.get(sh.get("id") ?? "");
    const name = sh.get("name") ?? "";
    if (!rel || !ofType(rel, "worksheet")) {
      otherSheets++;
      continue;
    }
    if (!zip.has(rel.target)) throw new XlsxError("corrupt", `the sheet "${name}" has no contents in the file (${rel.target} is missing)`);
    const ct = contentType(rel.target);
    if (ct !== undefined && !/worksheet\+xml$/i.test(ct)) throw new XlsxError("corrupt", `the sheet "${name}" is not stored as worksheet XML`);
    sheets.push({ name, part: rel.target });
  }
  const shared = rels.find((r) => ofType(r, "sharedStrings"))?.target;
  const styles = rels.find((r) => ofType(r, "styles"))?.target;
  return {
    sheets,
    otherSheets,
    date1904,
    ...(shared !== undefined && zip.has(shared) ? { sharedStrings: shared } : {}),
    ...(styles !== undefined && zip.has(styles) ? { styles } : {}),
  };
}

/** Most shared strings a workbook may hold: each costs memory whether or not a cell uses it. */
export const MAX_SHARED_STRINGS = 5_000_000;

/**
 * The shared-string table, decoded when a cell first asks for an entry: only the offsets of every
 * entry are kept up front (8 bytes each), so a table padded with millions of unused strings costs
 * little and cannot exhaust memory.
 */
export class SharedStrings {
  private readonly cache: (string | undefined)[] = [];
  private constructor(
    private readonly s: string,
    private readonly starts: Int32Array,
    readonly count: number,
    private readonly part: string,
  ) {}

  static empty(): SharedStrings {
    return new SharedStrings("", new Int32Array(0), 0, "");
  }

  static parse(s: string, part: string): SharedStrings {
    let starts = new Int32Array(1024);
    let n = 0;
    const push = (start: number) => {
      if (n === MAX_SHARED_STRINGS)
        throw new XlsxError("tooLarge", `its shared text table holds more than ${MAX_SHARED_STRINGS.toLocaleString("en-GB")} entries`);
      if (n === starts.length) {
        const grown = new Int32Array(starts.length * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[n++] = start;
    };
    if (/<[A-Za-z0-9_]+:sst[\s>]/.test(s.slice(0, 4096))) {
      // Prefixed elements (<x:si>): the general tokenizer.
      const tag = newTag();
      for (let p = 0, lt = s.indexOf("<"); lt >= 0; lt = s.indexOf("<", p)) {
        readTag(s, lt, part, tag);
        p = tag.end;
        if (tag.name === "si" && !tag.closing) push(tag.selfClosing ? -1 : p);
      }
    } else {
      // <si> holds only elements whose text cannot contain "<", so "<si" finds every entry.
      for (let lt = s.indexOf("<si"); lt >= 0; lt = s.indexOf("<si", lt + 3)) {
        const c = s.charCodeAt(lt + 3);
        if (c === 62 /* > */) push(lt + 4);
        else if (c === 47 /* / */ || isSpace(c)) {
          const gt = s.indexOf(">", lt);
          if (gt < 0) throw cutOff(part);
          push(s.charCodeAt(gt - 1) === 47 ? -1 : gt + 1); // -1 for <si/>: an empty string
        }
      }
    }
    return new SharedStrings(s, starts, n, part);
  }

  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    const hit = this.cache[i];
    if (hit !== undefined) return hit;
    const start = this.starts[i]!;
    const t = start < 0 ? "" : (plainEntry(this.s, start) ?? richText(this.s, start, "si", this.part).text);
    this.cache[i] = t;
    return t;
  }
}

const PRESERVE = '<t xml:space="preserve">';

/** The text of an entry that is one plain <t> (most are), without the general tokenizer; else undefined. */
function plainEntry(s: string, start: number): string | undefined {
  const open = s.startsWith("<t>", start) ? 3 : s.startsWith(PRESERVE, start) ? PRESERVE.length : -1;
  if (open < 0) return undefined;
  const end = s.indexOf("<", start + open);
  return end >= 0 && s.startsWith("</t></si>", end) ? decodeCellText(s.slice(start + open, end)) : undefined;
}

/** Number formats by cell style; none (every cell General) without a styles part. */
export async function readStyles(zip: Zip, part: string | undefined): Promise<Styles> {
  const s = part === undefined ? undefined : await text(zip, part);
  return s === undefined ? Styles.none() : Styles.parse(s, its(part!));
}

export async function readSharedStrings(zip: Zip, part: string | undefined): Promise<SharedStrings> {
  if (part === undefined) return SharedStrings.empty();
  const s = (await text(zip, part))!;
  return SharedStrings.parse(s, its(part));
}

