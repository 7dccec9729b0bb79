/**
 * The workbook's zip, read through its central directory with yauzl (never by walking local
 * headers, whose order differs between Excel, LibreOffice and other writers). A part is found by
 * name, inflated in memory with Node's zlib (nothing is written to disk) within size limits, and checked against
 * its recorded size and CRC-32, so damaged data is an error and never a quiet half-read.
 */
import { crc32, createInflateRaw, inflateRawSync } from "node:zlib";
import yauzl from "yauzl";
import { XlsxError } from "./errors";
import { its } from "./xml";

export interface ZipLimits {
  /** No part may inflate past this many bytes. */
  readonly maxPartBytes: number;
  /** A part over `ratioFrom` bytes may not be more than this many times its compressed size. */
  readonly maxRatio: number;
  readonly ratioFrom: number;
  /** More entries than this is not a workbook anyone saved. */
  readonly maxEntries: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxPartBytes: 256 * 1024 * 1024,
  maxRatio: 500,
  ratioFrom: 8 * 1024 * 1024,
  maxEntries: 20_000,
};

const MB = 1024 * 1024;

export class Zip {
  private constructor(
    private readonly buf: Buffer,
    private readonly zip: yauzl.ZipFile,
    private readonly entries: ReadonlyMap<string, yauzl.Entry>,
    private readonly limits: ZipLimits,
  ) {}

  static async open(buf: Buffer, limits: ZipLimits = ZIP_LIMITS): Promise<Zip> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false });
    } catch (e) {
      throw new XlsxError("corrupt", zipReason(e));
    }
    if (zip.entryCount > limits.maxEntries)
      throw new XlsxError("tooLarge", `the zip archive holds ${zip.entryCount.toLocaleString("en-GB")} files, more than any workbook`);
    const entries = new Map<string, yauzl.Entry>();
    try {
      for await (const e of zip.eachEntry()) {
        if (e.fileName.endsWith("/")) continue;
        // Part names compare without regard to case (Open Packaging Conventions).
        const key = e.fileName.toLowerCase();
        if (entries.has(key))
          throw new XlsxError("corrupt", `it holds the part ${e.fileName} twice, and spreadsheet programs disagree on which one is meant`);
        entries.set(key, e);
      }
    } catch (e) {
      if (e instanceof XlsxError) throw e;
      throw new XlsxError("corrupt", zipReason(e));
    }
    return new Zip(buf, zip, entries, limits);
  }

  /** Part names as stored. */
  names(): string[] {
    return [...this.entries.values()].map((e) => e.fileName);
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** The entry of a part and its packed bytes, after the checks every read makes. */
  private async packed(name: string, what: string): Promise<{ e: yauzl.Entry; packed: Buffer } | undefined> {
    const e = this.entries.get(name.toLowerCase());
    if (!e) return undefined;
    if (e.isEncrypted()) throw new XlsxError("encrypted", `${what} is encrypted`);
    if (!e.canDecodeFileData()) throw new XlsxError("corrupt", `${what} is packed in a way spreadsheet programs do not use`);
    const { maxPartBytes, maxRatio, ratioFrom } = this.limits;
    if (e.uncompressedSize > maxPartBytes)
      throw new XlsxError("tooLarge", `${what} unpacks to ${Math.round(e.uncompressedSize / MB).toLocaleString("en-GB")} MB, more than the ${maxPartBytes / MB} MB a part may hold`);
    if (e.uncompressedSize > ratioFrom && e.uncompressedSize > e.compressedSize * maxRatio)
      throw new XlsxError(
        "tooLarge",
        `${what} unpacks to ${Math.round(e.uncompressedSize / MB).toLocaleString("en-GB")} MB from ${Math.max(1, Math.round(e.compressedSize / 1024)).toLocaleString("en-GB")} KB, a ratio only a file made to exhaust memory has`,
      );
    try {
      const { fileDataStart } = await this.zip.readLocalFileHeaderPromise(e, { minimal: true });
      if (fileDataStart + e.compressedSize > this.buf.length) throw new Error("unexpected EOF");
      return { e, packed: this.buf.subarray(fileDataStart, fileDataStart + e.compressedSize) };
    } catch (err) {
      throw new XlsxError("corrupt", `${what} is damaged: ${zipReason(err)}`);
    }
  }

  /** The part's bytes in one piece, or undefined when there is no such part. */
  async read(name: string, what = its(name)): Promise<Buffer | undefined> {
    const found = await this.packed(name, what);
    if (!found) return undefined;
    const { e, packed } = found;
    // Inflated in one native call, never past the recorded size (a part that says 1 KB and holds
    // 4 GB stops at 1 KB and is refused).
    let data: Buffer;
    try {
      data = e.compressionMethod === 0 ? packed : inflateRawSync(packed, { maxOutputLength: Math.max(1, e.uncompressedSize) });
    } catch (err) {
      if ((err as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") throw new XlsxError("corrupt", `${what} holds more than its zip entry says`);
      throw new XlsxError("corrupt", `${what} is damaged: ${zipReason(err)}`);
    }
    verify(what, e, data.length, crc32(data));
    return data;
  }

  /**
   * The part's bytes in pieces of about a megabyte, inflated on Node's thread pool while the
   * caller works on the previous piece: a large sheet is never in memory whole. Checked against
   * its recorded size as it goes and its CRC-32 at the end. Undefined when there is no such part.
   */
  async pieces(name: string, what = its(name)): Promise<AsyncIterable<Buffer> | undefined> {
    const found = await this.packed(name, what);
    if (!found) return undefined;
    return inflatePieces(what, found.e, found.packed);
  }
}

async function* inflatePieces(what: string, e: yauzl.Entry, packed: Buffer): AsyncGenerator<Buffer> {
  let size = 0;
  let crc = 0;
  if (e.compressionMethod === 0) {
    size = packed.length;
    crc = crc32(packed);
    yield packed;
  } else {
    const inflate = createInflateRaw({ chunkSize: PIECE });
    inflate.end(packed);
    try {
      for await (const piece of inflate) {
        const b = piece as Buffer;
        size += b.length;
        if (size > e.uncompressedSize) throw new XlsxError("corrupt", `${what} holds more than its zip entry says`);
        crc = crc32(b, crc);
        yield b;
      }
    } catch (err) {
      if (err instanceof XlsxError) throw err;
      throw new XlsxError("corrupt", `${what} is damaged: ${zipReason(err)}`);
    } finally {
      inflate.destroy();
    }
  }
  verify(what, e, size, crc);
}

/** A part's unpacked size and CRC-32 against those its zip entry records. */
function verify(what: string, e: yauzl.Entry, size: number, crc: number): void {
  if (size !== e.uncompressedSize || crc >>> 0 !== e.crc32 >>> 0) throw new XlsxError("corrupt", `${what} is damaged: its checksum does not match`);
}

const PIECE = 1024 * 1024;

/**
 * yauzl's and zlib's errors, as a reason a user can act on. Their own messages are never shown:
 * they name library internals ("invalid stored block lengths", "RangeError ...").
 */
function zipReason(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  const m = e instanceof Error ? e.message : String(e);
  if (typeof code === "string" && code.startsWith("Z_")) return "its compressed data cannot be unpacked";
  if (/end of central directory|eocdr|unexpected eof|out of bounds|offset|truncated/i.test(m)) return "the zip archive is truncated or damaged";
  if (/invalid (block type|distance|code|stored block|literal)|incorrect header check|unexpected end of file|too (many|few) bytes|invalid (local|central)|signature/i.test(m)) return "its compressed data cannot be unpacked";
  return "the zip archive is damaged";
}
