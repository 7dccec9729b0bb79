/**
 * Zip archives built byte by byte for reader tests: entries in any order, stored or deflated,
 * duplicated, or with sizes that lie, which no well-behaved zip library would write. Also the
 * parts of a minimal workbook, so a test states only the XML it is about.
 */
import { crc32, deflateRawSync } from "node:zlib";

export interface ZipEntry {
  readonly name: string;
  readonly data: string | Buffer;
  /** Stored without compression (default: deflated). */
  readonly store?: boolean;
  /** Recorded uncompressed size, when it should lie. */
  readonly claimSize?: number;
  /** Replace the packed bytes (e.g. to damage them). */
  readonly packed?: (packed: Buffer) => Buffer;
}

/**
 * `zip64`: every size and offset in the central directory is 0xFFFFFFFF with the real values in a
 * Zip64 extended information field, and the directory is found through a Zip64 end record, as
 * writers do for archives over 4 GB (and some always do).
 */
export function zip(entries: readonly ZipEntry[], options: { zip64?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === "string" ? Buffer.from(e.data, "utf8") : e.data;
    const name = Buffer.from(e.name, "utf8");
    let packed = e.store ? data : deflateRawSync(data);
    if (e.packed) packed = e.packed(packed);
    const method = e.store ? 0 : 8;
    const crc = crc32(data) >>> 0;
    const size = e.claimSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    let extra = Buffer.alloc(0);
    if (options.zip64) {
      extra = Buffer.alloc(28);
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(packed.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
      central.writeUInt16LE(45, 6);
      central.writeUInt32LE(0xffffffff, 20);
      central.writeUInt32LE(0xffffffff, 24);
      central.writeUInt32LE(0xffffffff, 42);
      central.writeUInt16LE(extra.length, 30);
    }
    locals.push(local, name, packed);
    centrals.push(central, name, extra);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  if (!options.zip64) return Buffer.concat([...locals, dir, end]);
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4);
  end64.writeUInt16LE(45, 12);
  end64.writeUInt16LE(45, 14);
  end64.writeBigUInt64LE(BigInt(entries.length), 24);
  end64.writeBigUInt64LE(BigInt(entries.length), 32);
  end64.writeBigUInt64LE(BigInt(dir.length), 40);
  end64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + dir.length), 8);
  locator.writeUInt32LE(1, 16);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([...locals, dir, end64, locator, end]);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface BookSpec {
  /** Sheet name -> the XML inside <sheetData> (or a whole worksheet part when it starts with "<?xml" or "<"+"worksheet"). */
  readonly sheets: readonly (readonly [string, string])[];
  readonly sharedStrings?: readonly string[];
  /** Raw <si> elements, when a test needs rich text or phonetic runs. */
  readonly sharedXml?: string;
  /** <numFmts> and <cellXfs> content: each xf's numFmtId, in style order. */
  readonly styles?: { readonly numFmts?: Readonly<Record<number, string>>; readonly xfs: readonly number[] };
  readonly date1904?: boolean;
  /** Targets in the workbook's relationships as written by openpyxl ("/xl/worksheets/..."). */
  readonly absoluteTargets?: boolean;
  /** Worksheet part names (default sheet1.xml ...). */
  readonly partNames?: readonly string[];
  /** What comes after </sheetData>, e.g. <mergeCells>. */
  readonly after?: readonly string[];
}

export function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The parts of a workbook, in the order Excel writes them (sheets before shared strings). */
export function bookParts(spec: BookSpec): ZipEntry[] {
  const names = spec.sheets.map((_, i) => spec.partNames?.[i] ?? `sheet${i + 1}.xml`);
  const target = (n: string) => (spec.absoluteTargets ? `/xl/worksheets/${n}` : `worksheets/${n}`);
  const overrides = names.map((n) => `<Override PartName="/xl/worksheets/${n}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  const entries: ZipEntry[] = [
    {
      name: "[Content_Types].xml",
      data:
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join("")}</Types>`,
    },
    { name: "_rels/.rels", data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: "xl/workbook.xml",
      data:
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${spec.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>` +
        spec.sheets.map(([n], i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
        `</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data:
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">` +
        names.map((n, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${target(n)}"/>`).join("") +
        `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="${spec.absoluteTargets ? "/xl/" : ""}sharedStrings.xml"/>` +
        `<Relationship Id="rIdT" Type="${REL}/styles" Target="${spec.absoluteTargets ? "/xl/" : ""}styles.xml"/></Relationships>`,
    },
    ...spec.sheets.map(([, xml], i) => ({
      name: `xl/worksheets/${names[i]!}`,
      data: /^<(\?xml|worksheet|\w+:worksheet)/.test(xml) ? xml : `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${xml}</sheetData>${spec.after?.[i] ?? ""}</worksheet>`,
    })),
    {
      name: "xl/sharedStrings.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${spec.sharedXml ?? (spec.sharedStrings ?? []).map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("")}</sst>`,
    },
    {
      name: "xl/styles.xml",
      data:
        `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">` +
        `<numFmts>${Object.entries(spec.styles?.numFmts ?? {})
          .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`)
          .join("")}</numFmts>` +
        `<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs>${[0, ...(spec.styles?.xfs ?? [])].map((id) => `<xf numFmtId="${id}"/>`).join("")}</cellXfs></styleSheet>`,
    },
  ];
  return entries;
}

/** A workbook as a zip, with its parts in the given order of names (others after, as written). */
export function book(spec: BookSpec, order?: (names: string[]) => string[]): Buffer {
  const parts = bookParts(spec);
  if (!order) return zip(parts);
  const byName = new Map(parts.map((p) => [p.name, p]));
  return zip(order(parts.map((p) => p.name)).map((n) => byName.get(n)!));
}
