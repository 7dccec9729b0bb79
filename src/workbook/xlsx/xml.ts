/**
 * The little XML the workbook reader needs, on a part held as a latin1 string: one character per
 * byte, so offsets are byte offsets and scanning with indexOf is as fast as V8 makes it. Text is
 * decoded (UTF-8, entities, Excel's _xHHHH_ escapes) only when a value is taken out.
 *
 * Only what SpreadsheetML uses is understood: elements with optional namespace prefixes,
 * attributes in either quote, comments and processing instructions between elements. A document
 * type declaration (where entities would be declared) is refused outright.
 */
import { XlsxError } from "./errors";

/**
 * How messages name a part: "its part xl/styles.xml". A sheet is named by its own name as well
 * (read.ts), so a manager knows which sheet is damaged. Every `part` argument below is such a phrase.
 */
export function its(name: string): string {
  return `its part ${name}`;
}

/** A part's bytes as a string of one character per byte; UTF-16 parts are re-encoded first. */
export function partText(buf: Buffer, part: string): string {
  let b = buf;
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    const le = b[0] === 0xff;
    const body = Buffer.from(b.subarray(2));
    if (!le) body.swap16();
    b = Buffer.from(body.toString("utf16le"), "utf8");
  }
  const s = b.toString("latin1");
  refuseDoctype(s, part);
  return s;
}

/** Entities are declared in a DOCTYPE, which may only come before the root element. */
export function refuseDoctype(s: string, part: string): void {
  let p = 0;
  for (;;) {
    const lt = s.indexOf("<", p);
    if (lt < 0) return;
    const c = s.charCodeAt(lt + 1);
    if (c === 63 /* ? */) {
      p = s.indexOf("?>", lt + 2);
      if (p < 0) return;
      continue;
    }
    if (c !== 33 /* ! */) return; // the root element: no DOCTYPE can follow
    if (s.startsWith("<!--", lt)) {
      p = s.indexOf("-->", lt + 4);
      if (p < 0) return;
      continue;
    }
    throw new XlsxError("corrupt", `${part} declares a document type, which a workbook never needs and which is refused`);
  }
}

const NON_ASCII = /[\x80-\xff]/;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
/** ECMA-376 ST_Xstring: a character XML cannot hold is written _xHHHH_ (and a literal "_x" as _x005F_x). */
const XSTRING = /_x([0-9a-fA-F]{4})_/g;

function entity(_m: string, name: string): string {
  switch (name) {
    case "lt":
      return "<";
    case "gt":
      return ">";
    case "amp":
      return "&";
    case "quot":
      return '"';
    case "apos":
      return "'";
  }
  const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
}

/** Decode raw text or an attribute value: UTF-8 bytes, then entities. */
export function decode(raw: string): string {
  let t = NON_ASCII.test(raw) ? Buffer.from(raw, "latin1").toString("utf8") : raw;
  if (t.includes("&")) t = t.replace(ENTITY, entity);
  return t;
}

/** Cell and shared-string text: decode, then Excel's _xHHHH_ escapes. */
export function decodeCellText(raw: string): string {
  const t = decode(raw);
  return t.includes("_x") ? t.replace(XSTRING, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : t;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Where a tag's name ends (at whitespace, "/" or ">", or the end of the text). */
export function nameEnd(s: string, from: number): number {
  let i = from;
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 62 || c === 47 || isSpace(c) || Number.isNaN(c)) return i;
    i++;
  }
}

/** An element's local name: "x:c" -> "c". */
export function localName(s: string, from: number, to: number): string {
  for (let i = to - 1; i >= from; i--) if (s.charCodeAt(i) === 58 /* : */) return s.slice(i + 1, to);
  return s.slice(from, to);
}

/**
 * One tag, as the scanner meets it. `attrs` holds the attributes wanted by the caller (by local
 * name), raw (not decoded); `end` is just past its ">".
 */
export interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  end: number;
  attrs: Map<string, string>;
}

/**
 * Read the tag starting at `lt` (which holds "<"). Comments, processing instructions and CDATA
 * come back with the name "!" or "?". Throws when the tag never ends (a cut-off part).
 */
export function readTag(s: string, lt: number, part: string, tag: Tag = newTag()): Tag {
  tag.attrs.clear();
  tag.closing = false;
  tag.selfClosing = false;
  const first = s.charCodeAt(lt + 1);
  if (first === 33 /* ! */ || first === 63 /* ? */) {
    const close = s.startsWith("<!--", lt) ? "-->" : s.startsWith("<![CDATA[", lt) ? "]]>" : first === 63 ? "?>" : ">";
    const e = s.indexOf(close, lt + 2);
    if (e < 0) throw cutOff(part);
    tag.name = first === 33 ? "!" : "?";
    tag.end = e + close.length;
    return tag;
  }
  let i = lt + 1;
  if (first === 47 /* / */) {
    tag.closing = true;
    i++;
  }
  const ne = nameEnd(s, i);
  tag.name = localName(s, i, ne);
  i = ne;
  for (;;) {
    let c = s.charCodeAt(i);
    while (isSpace(c)) c = s.charCodeAt(++i);
    if (c === 62 /* > */) {
      tag.end = i + 1;
      return tag;
    }
    if (c === 47 /* / */ && s.charCodeAt(i + 1) === 62) {
      tag.selfClosing = true;
      tag.end = i + 2;
      return tag;
    }
    if (Number.isNaN(c)) throw cutOff(part);
    const eq = s.indexOf("=", i);
    if (eq < 0) throw cutOff(part);
    let q = eq + 1;
    while (isSpace(s.charCodeAt(q))) q++;
    const quote = s[q];
    if (quote !== '"' && quote !== "'") throw new XlsxError("corrupt", `${part} holds a malformed tag`);
    const ve = s.indexOf(quote, q + 1);
    if (ve < 0) throw cutOff(part);
    let ke = eq;
    while (ke > i && isSpace(s.charCodeAt(ke - 1))) ke--;
    const key = s.slice(i, ke);
    tag.attrs.set(key.includes(":") ? key.slice(key.indexOf(":") + 1) : key, s.slice(q + 1, ve));
    if (key.includes(":") && !key.startsWith("xmlns")) tag.attrs.set(key, s.slice(q + 1, ve));
    i = ve + 1;
  }
}

export function newTag(): Tag {
  return { name: "", closing: false, selfClosing: false, end: 0, attrs: new Map() };
}

export function cutOff(part: string): XlsxError {
  return new XlsxError("corrupt", `${part} ends in the middle of its XML`);
}

/** Every element of a local name in a small part, with its attributes decoded, in document order. */
export function elements(s: string, wanted: string, part: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  const tag = newTag();
  let p = 0;
  for (;;) {
    const lt = s.indexOf("<", p);
    if (lt < 0) return out;
    readTag(s, lt, part, tag);
    p = tag.end;
    if (!tag.closing && tag.name === wanted) out.push(new Map([...tag.attrs].map(([k, v]) => [k, decode(v)])));
  }
}

/**
 * The text of a rich-text container (<si> or <is>) starting at `from` (just past its opening
 * tag): every <t> joined, leaving out phonetic runs (<rPh>, the reading guide shown above East
 * Asian text, which is not part of the value). Returns the text and where the container ends.
 */
export function richText(s: string, from: number, container: string, part: string): { text: string; end: number } {
  const tag = newTag();
  let text = "";
  let phonetic = 0;
  let p = from;
  for (;;) {
    const lt = s.indexOf("<", p);
    if (lt < 0) throw cutOff(part);
    readTag(s, lt, part, tag);
    p = tag.end;
    if (tag.name === "rPh") {
      if (tag.closing) phonetic--;
      else if (!tag.selfClosing) phonetic++;
    } else if (tag.name === "t" && !tag.closing && !tag.selfClosing) {
      const e = s.indexOf("<", p);
      if (e < 0) throw cutOff(part);
      if (phonetic === 0) text += s.slice(p, e);
      p = e;
    } else if (tag.closing && tag.name === container) {
      return { text: decodeCellText(text), end: p };
    }
  }
}
