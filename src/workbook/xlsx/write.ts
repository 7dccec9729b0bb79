/**
 * A streaming .xlsx writer for the report: sheets of plain cells (text, numbers, and formulas the
 * project writes itself), a few styles, column widths, a frozen header and a filter. Rows go
 * straight into the zip (yazl, deflated as they come) with backpressure, so memory does not grow
 * with the number of rows, and the same rows give the same bytes. ExcelJS's "streaming" writer
 * builds the whole zip in memory before writing it (1.4 GB for a million findings), hence this.
 *
 * Text is stored inline (t="inlineStr"), which Excel, LibreOffice, openpyxl and ExcelJS all read;
 * CR is written &#13; (a literal CR would be read as LF); characters XML cannot hold at all are
 * written as Excel's _xHHHH_ escapes (ECMA-376 ST_Xstring), and a literal "_xHHHH_" in the text is
 * protected as _x005F_.
 */
import { PassThrough, type Writable } from "node:stream";
import { ZipFile } from "yazl";

export interface CellStyle {
  readonly bold?: boolean;
  /** Solid fill, as ARGB ("FFD9E1F2"). */
  readonly fill?: string;
  /** Font colour, as ARGB. */
  readonly color?: string;
  readonly underline?: boolean;
  readonly wrap?: boolean;
}

/** A cell: blank, a number, text, or a formula with its cached result; `style` indexes the writer's styles (0 is plain). */
export type Cell = null | number | string | { readonly text: string; readonly style: number } | { readonly formula: string; readonly result: string; readonly style: number };

export interface SheetSpec {
  readonly name: string;
  /** Column widths in characters, from column A. */
  readonly widths: readonly number[];
  /** Rows frozen at the top. */
  readonly frozenRows?: number;
  /** A filter over the first row's columns, down to the last row. */
  readonly filter?: boolean;
  /** The rows, from row 1; read once, as they are written. */
  readonly rows: Iterable<readonly Cell[]>;
  /** How many rows `rows` yields (for the filter's range, which comes before the rows are written). */
  readonly rowCount: number;
  /** How many columns the filter spans. */
  readonly columnCount: number;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** A fixed date for every part, so the same report gives the same bytes. */
const MTIME = new Date(Date.UTC(2016, 0, 1));

// eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold
const UNSAFE_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|_(?=x[0-9a-fA-F]{4}_)/g;
// eslint-disable-next-line no-control-regex -- any character either replacement touches
const NEEDS_WORK = /[\u0000-\u001f&<>"_\ud800-\udfff\ufffe\uffff]/;
/** CR as a character reference: written as it is, any XML reader would turn it into LF. */
const ENTITIES: ReadonlyMap<string, string> = new Map([["&", "&amp;"], ["<", "&lt;"], [">", "&gt;"], ['"', "&quot;"], ["\r", "&#13;"]]);

/** Text as element or attribute content: entities, and _xHHHH_ for what XML cannot hold. */
export function xmlText(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return s
    .replace(UNSAFE_XML, (c) => (c === "_" ? "_x005F_" : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`))
    .replace(/[&<>"\r]/g, (c) => ENTITIES.get(c)!);
}

/** Column letters from a 0-based index: 0 → A, 26 → AA. */
export function columnName(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** An inline string; xml:space="preserve" only where spaces at either end would otherwise be dropped. */
function inline(text: string): string {
  if (text.length <= SHORT) {
    // Short texts repeat from row to row (severity, rule, sheet, source): made once.
    const known = SHORT_XML.get(text);
    if (known !== undefined) return known;
  }
  const keep = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
  const xml = `<is><t${keep}>${xmlText(text)}</t></is>`;
  if (text.length <= SHORT && SHORT_XML.size < 4096) SHORT_XML.set(text, xml);
  return xml;
}
const SHORT = 64;
const SHORT_XML = new Map<string, string>();

/** Column letters of the first columns, made once. */
const LETTERS = Array.from({ length: 64 }, (_, i) => columnName(i));

function cellXml(cell: Cell, ref: string): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? `<c r="${ref}"><v>${cell}</v></c>` : "";
  if (typeof cell === "string") return cell === "" ? "" : `<c r="${ref}" t="inlineStr">${inline(cell)}</c>`;
  const s = cell.style > 0 ? ` s="${cell.style}"` : "";
  if ("formula" in cell) return `<c r="${ref}"${s} t="str"><f>${xmlText(cell.formula)}</f><v>${xmlText(cell.result)}</v></c>`;
  if (cell.text === "") return cell.style > 0 ? `<c r="${ref}"${s}/>` : "";
  return `<c r="${ref}"${s} t="inlineStr">${inline(cell.text)}</c>`;
}

function stylesXml(styles: readonly CellStyle[]): string {
  const fonts: string[] = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  const fills: string[] = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  const xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  for (const st of styles) {
    let fontId = 0;
    if (st.bold || st.color || st.underline) {
      fonts.push(`<font>${st.bold ? "<b/>" : ""}${st.underline ? "<u/>" : ""}<sz val="11"/>${st.color ? `<color rgb="${st.color}"/>` : ""}<name val="Calibri"/><family val="2"/></font>`);
      fontId = fonts.length - 1;
    }
    let fillId = 0;
    if (st.fill) {
      fills.push(`<fill><patternFill patternType="solid"><fgColor rgb="${st.fill}"/><bgColor indexed="64"/></patternFill></fill>`);
      fillId = fills.length - 1;
    }
    const applies = `${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}${st.wrap ? ' applyAlignment="1"' : ""}`;
    xfs.push(`<xf numFmtId="0" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applies}>${st.wrap ? '<alignment vertical="top" wrapText="1"/>' : ""}</xf>`);
  }
  return (
    `${XML_HEAD}<styleSheet xmlns="${MAIN}"><fonts count="${fonts.length}">${fonts.join("")}</fonts><fills count="${fills.length}">${fills.join("")}</fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
  );
}

function sheetHead(sheet: SheetSpec, first: boolean): string {
  const frozen = sheet.frozenRows
    ? `<pane ySplit="${sheet.frozenRows}" topLeftCell="A${sheet.frozenRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${sheet.frozenRows + 1}" sqref="A${sheet.frozenRows + 1}"/>`
    : "";
  const cols = sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"${first ? ' tabSelected="1"' : ""}>${frozen}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ""}<sheetData>`
  );
}

function filterRef(sheet: SheetSpec, abs = ""): string {
  return `${abs}A${abs}1:${abs}${columnName(Math.max(0, sheet.columnCount - 1))}${abs}${Math.max(1, sheet.rowCount)}`;
}

function workbookXml(sheets: readonly SheetSpec[]): string {
  const quote = (n: string) => `'${n.replace(/'/g, "''")}'`;
  const names = sheets
    .map((s, i) => (s.filter ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(`${quote(s.name)}!${filterRef(s, "$")}`)}</definedName>` : ""))
    .join("");
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
    sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
    `</sheets>${names ? `<definedNames>${names}</definedNames>` : ""}</workbook>`
  );
}

function packageParts(sheets: readonly SheetSpec[], styles: readonly CellStyle[]): [string, string][] {
  const sheetTypes = sheets
    .map((_s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join("");
  const rels = sheets
    .map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join("");
  return [
    [
      "[Content_Types].xml",
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `${sheetTypes}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ],
    ["_rels/.rels", `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ["xl/workbook.xml", workbookXml(sheets)],
    ["xl/_rels/workbook.xml.rels", `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${rels}<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`],
    ["xl/styles.xml", stylesXml(styles)],
  ];
}

/** Rows joined into one write. */
const CHUNK_ROWS = 256;

async function writeSheet(sheet: SheetSpec, into: PassThrough, first: boolean): Promise<void> {
  const put = async (s: string) => {
    if (!into.write(s)) await new Promise<void>((resolve) => into.once("drain", resolve));
  };
  await put(sheetHead(sheet, first));
  // Rows gathered as parts and joined once per chunk: encoding a long string built by += is slow.
  let parts: string[] = [];
  let size = 0;
  let r = 0;
  for (const row of sheet.rows) {
    r++;
    parts.push(`<row r="${r}">`);
    for (let c = 0; c < row.length; c++) parts.push(cellXml(row[c]!, `${LETTERS[c] ?? columnName(c)}${r}`));
    parts.push("</row>");
    size += 1;
    if (size >= CHUNK_ROWS) {
      await put(parts.join(""));
      parts = [];
      size = 0;
    }
  }
  const buf = parts.join("");
  await put(`${buf}</sheetData>${sheet.filter ? `<autoFilter ref="${filterRef(sheet)}"/>` : ""}</worksheet>`);
  into.end();
}

/**
 * Write the workbook to `out` and end it. `styles[i]` is style i + 1 for cells (0 is plain).
 * Resolves when everything has been handed to `out`.
 */
export async function writeXlsx(out: Writable, sheets: readonly SheetSpec[], styles: readonly CellStyle[]): Promise<void> {
  const zip = new ZipFile();
  const failed = new Promise<never>((_resolve, reject) => {
    zip.outputStream.once("error", reject);
    out.once("error", reject);
  });
  const piped = new Promise<void>((resolve) => out.once("finish", resolve));
  zip.outputStream.pipe(out);
  for (const [name, xml] of packageParts(sheets, styles)) zip.addBuffer(Buffer.from(xml, "utf8"), name, { mtime: MTIME });
  const streams = sheets.map((_s, i) => {
    const s = new PassThrough({ highWaterMark: 1 << 20 });
    zip.addReadStream(s, `xl/worksheets/sheet${i + 1}.xml`, { mtime: MTIME, compressionLevel: 6 });
    return s;
  });
  zip.end();
  const written = (async () => {
    for (let i = 0; i < sheets.length; i++) await writeSheet(sheets[i]!, streams[i]!, i === 0);
  })();
  await Promise.race([Promise.all([written, piped]), failed]);
}
