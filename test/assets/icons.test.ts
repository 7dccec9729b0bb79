/**
 * The add-in's icons (assets/icon-16.png, -32, -64, -80, the sizes manifest.xml names), drawn by
 * `npm run icons` from assets/icon.svg. Each PNG is decoded here with Node's zlib alone (no PNG
 * library is a dependency): its chunks and checksums, its size against its file name, and its pixels;
 * and each icon manifest.xml names is the file of the size it is named for.
 *
 * "Not a flat square" is judged on the decoded pixels, not on file size: a flat square of one colour
 * (what these files once were) has one colour in every pixel. A real icon here has a transparent
 * background, an opaque mark, and at least three colours that each cover a visible share of it (the
 * sheet's blue, its white cells, the check's green), none of them more than half the image. Colours
 * are counted after rounding to 16 levels a channel, so the anti-aliased edges between shapes do not
 * count as colours of their own.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateSync, inflateSync } from "node:zlib";
import { describe, expect, it } from "@jest/globals";
import { expectAs } from "../support/expect-as";

const ASSETS = join(__dirname, "..", "..", "assets");
const SIZES = [16, 32, 64, 80] as const;
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Png {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colourType: number;
  readonly interlace: number;
  /** RGBA, 4 bytes a pixel, row by row (only for 8-bit RGBA, colour type 6). */
  readonly rgba?: Buffer;
}

/** The chunks of a PNG file, each checked against its CRC. */
function chunks(file: Buffer): { type: string; data: Buffer }[] {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG file (bad signature)");
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    const type = file.toString("latin1", at + 4, at + 8);
    const data = file.subarray(at + 8, at + 8 + length);
    if (crc32(file.subarray(at + 4, at + 8 + length)) !== file.readUInt32BE(at + 8 + length)) throw new Error(`${type} chunk: bad CRC`);
    out.push({ type, data });
    at += 12 + length;
    if (type === "IEND") break;
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decode a PNG: its header always, its pixels when it is 8-bit RGBA without interlacing (what Chromium writes). */
function decode(file: Buffer): Png {
  const all = chunks(file);
  const ihdr = all[0]!;
  if (ihdr.type !== "IHDR") throw new Error("first chunk is not IHDR");
  const header = { width: ihdr.data.readUInt32BE(0), height: ihdr.data.readUInt32BE(4), bitDepth: ihdr.data[8]!, colourType: ihdr.data[9]!, interlace: ihdr.data[12]! };
  if (header.bitDepth !== 8 || header.colourType !== 6 || header.interlace !== 0) return header;
  const raw = inflateSync(Buffer.concat(all.filter((c) => c.type === "IDAT").map((c) => c.data)));
  const stride = header.width * 4;
  if (raw.length !== header.height * (stride + 1)) throw new Error(`image data is ${raw.length} bytes, not ${header.height * (stride + 1)}`);
  const rgba = Buffer.alloc(header.height * stride);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? rgba[y * stride + x - 4]! : 0;
      const up = y > 0 ? rgba[(y - 1) * stride + x]! : 0;
      const upLeft = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4]! : 0;
      const predicted = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predicted === undefined) throw new Error(`row ${y}: unknown filter ${filter}`);
      rgba[y * stride + x] = (line[x]! + predicted) & 0xff;
    }
  }
  return { ...header, rgba };
}

/** Share of the opaque pixels each colour covers (channels rounded to 16 levels), largest first. */
function colourShares(png: Png): number[] {
  const counts = new Map<number, number>();
  let opaque = 0;
  for (let i = 0; i < png.rgba!.length; i += 4) {
    if (png.rgba![i + 3]! < 128) continue;
    opaque++;
    const key = ((png.rgba![i]! >> 4) << 8) | ((png.rgba![i + 1]! >> 4) << 4) | (png.rgba![i + 2]! >> 4);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.values()].map((n) => n / opaque).sort((a, b) => b - a);
}

const alphaAt = (png: Png, x: number, y: number) => png.rgba![(y * png.width + x) * 4 + 3]!;

describe.each(SIZES)("assets/icon-%i.png", (size) => {
  const png = decode(readFileSync(join(ASSETS, `icon-${size}.png`)));

  it(`is a ${size}×${size} PNG, as its name says, in 8-bit RGBA`, () => {
    expect([png.width, png.height]).toEqual([size, size]);
    expect([png.bitDepth, png.colourType, png.interlace]).toEqual([8, 6, 0]);
  });

  it("has a transparent background around an opaque mark", () => {
    const alphas = Array.from({ length: size * size }, (_, i) => alphaAt(png, i % size, Math.floor(i / size)));
    const transparent = alphas.filter((a) => a === 0).length / alphas.length;
    const opaque = alphas.filter((a) => a === 255).length / alphas.length;
    expectAs(transparent, "share of fully transparent pixels").toBeGreaterThan(0.02);
    expectAs(opaque, "share of fully opaque pixels").toBeGreaterThan(0.5);
    expectAs(alphaAt(png, size >> 1, size >> 1), "the centre").toBe(255);
  });

  it("is not a flat square: three colours or more, each a visible share, none more than half", () => {
    const shares = colourShares(png);
    expectAs(shares[0]!, `largest colour's share, of ${shares.map((s) => s.toFixed(2)).join(", ")}`).toBeLessThan(0.5);
    expectAs(shares.filter((s) => s >= 0.05).length, `colours covering 5% or more: ${shares.map((s) => s.toFixed(2)).join(", ")}`).toBeGreaterThanOrEqual(3);
  });
});

describe("manifest.xml's icons", () => {
  const manifest = readFileSync(join(ASSETS, "..", "manifest.xml"), "utf8");
  /** The size of the PNG a manifest URL names (https://localhost:3000/assets/icon-N.png), read from the file. */
  const sizeOf = (url: string) => {
    const file = /^https:\/\/localhost:3000\/(assets\/icon-\d+\.png)$/.exec(url)?.[1];
    if (file === undefined) throw new Error(`${url} is not one of assets/icon-N.png`);
    const png = decode(readFileSync(join(ASSETS, "..", file)));
    return [png.width, png.height];
  };

  it("IconUrl is the 32 px icon and HighResolutionIconUrl the 64 px one, as Office asks", () => {
    expect(sizeOf(/<IconUrl DefaultValue="([^"]+)"/.exec(manifest)![1]!)).toEqual([32, 32]);
    expect(sizeOf(/<HighResolutionIconUrl DefaultValue="([^"]+)"/.exec(manifest)![1]!)).toEqual([64, 64]);
  });

  it("every ribbon image of size N is the N px icon", () => {
    const images = new Map([...manifest.matchAll(/<bt:Image id="([^"]+)" DefaultValue="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
    const uses = [...manifest.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"/g)];
    expect(uses.length).toBeGreaterThanOrEqual(3);
    for (const [, size, resid] of uses) expectAs(sizeOf(images.get(resid!) ?? `(no bt:Image ${resid!})`), resid!).toEqual([Number(size), Number(size)]);
    expect(new Set(uses.map((m) => Number(m[1])))).toEqual(new Set([16, 32, 80]));
  });
});

describe("the decoder above", () => {
  /** A PNG file built here: 8-bit RGBA, every pixel `rgba`, unfiltered rows. */
  function flat(size: number, rgba: readonly number[]): Buffer {
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
      const out = Buffer.alloc(12 + data.length);
      out.writeUInt32BE(data.length, 0);
      body.copy(out, 4);
      out.writeUInt32BE(crc32(body), 8 + data.length);
      return out;
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(size, 0);
    ihdr.writeUInt32BE(size, 4);
    ihdr.set([8, 6, 0, 0, 0], 8);
    const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgba).flat())]);
    return Buffer.concat([SIGNATURE, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.concat(Array.from({ length: size }, () => row)))), chunk("IEND", Buffer.alloc(0))]);
  }

  it("reads a flat blue square as one colour covering every pixel (what the old icons were, and what the test refuses)", () => {
    const png = decode(flat(32, [0x1b, 0x4f, 0x8a, 255]));
    expect([png.width, png.height]).toEqual([32, 32]);
    expect(colourShares(png)).toEqual([1]);
  });

  it("refuses a file whose checksum does not match", () => {
    const bad = Buffer.from(flat(16, [0, 0, 0, 255]));
    bad.writeUInt8(bad.readUInt8(20) ^ 1, 20);
    expect(() => decode(bad)).toThrow(/bad CRC/);
  });
});
