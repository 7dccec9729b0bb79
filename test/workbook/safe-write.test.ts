/**
 * Files are written so that they are never lost or half-written (issue: a report written in place
 * was left empty by Ctrl+C, truncated by a full disk, and corrupt when two runs wrote it at once).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "@jest/globals";
import { osErrorWords } from "../../src/workbook/os-errors";
import { FileWriteError, writeFileSafely } from "../../src/workbook/safe-write";
import { tempDir } from "./fixtures";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

let n = 0;
function folder(): string {
  const dir = tmp.file(`case-${++n}`);
  mkdirSync(dir);
  return dir;
}

/** Writes `text` in two pieces, ending the stream. */
const writes = (text: string) => async (out: Writable) => {
  out.write(text.slice(0, 3));
  out.end(text.slice(3));
};

async function refusal(p: Promise<unknown>): Promise<FileWriteError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(FileWriteError);
  return e as FileWriteError;
}

describe("writeFileSafely: a temporary file of its own, flushed, then renamed into place", () => {
  it("writes the file and leaves nothing else in the folder", async () => {
    const dir = folder();
    const written = await writeFileSafely(path.join(dir, "r.xlsx"), { replace: false }, writes("hello"));
    expect(written).toBe(path.join(dir, "r.xlsx"));
    expect(readFileSync(written, "utf8")).toBe("hello");
    expect(readdirSync(dir)).toEqual(["r.xlsx"]);
  });

  it("never touches an existing file without replace, and replaces it with replace", async () => {
    const dir = folder();
    const file = path.join(dir, "r.xlsx");
    writeFileSync(file, "old");
    const e = await refusal(writeFileSafely(file, { replace: false, shownAs: "r.xlsx" }, writes("new")));
    expect(e.reason).toBe("exists");
    expect(e.message).toBe("r.xlsx exists; choose another name or add --force to replace it.");
    expect(readFileSync(file, "utf8")).toBe("old");
    await writeFileSafely(file, { replace: true }, writes("new"));
    expect(readFileSync(file, "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["r.xlsx"]);
  });

  it("a write that fails half-way leaves the previous file as it was and no partial file", async () => {
    const dir = folder();
    const file = path.join(dir, "r.xlsx");
    writeFileSync(file, "the previous report");
    const failing = async (out: Writable) => {
      out.write("half a rep");
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error("the writer stopped");
    };
    await refusal(writeFileSafely(file, { replace: true }, failing));
    expect(readFileSync(file, "utf8")).toBe("the previous report");
    expect(readdirSync(dir)).toEqual(["r.xlsx"]);
  });

  it("a full disk (an injected ENOSPC from the file stream) is said in words, and the previous file survives", async () => {
    const dir = folder();
    const file = path.join(dir, "r.xlsx");
    writeFileSync(file, "the previous report");
    const diskFull = async (out: Writable) => {
      out.write("some bytes");
      out.destroy(Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" }));
      await new Promise(() => undefined); // the stream's error is what ends this write
    };
    const e = await refusal(writeFileSafely(file, { replace: true, shownAs: "r.xlsx" }, diskFull));
    expect(e.message).toBe("r.xlsx cannot be written: the disk is full.");
    expect(e.message).not.toMatch(/ENOSPC/);
    expect(readFileSync(file, "utf8")).toBe("the previous report");
    expect(readdirSync(dir)).toEqual(["r.xlsx"]);
  });

  it("a folder where the file should be, or a folder that does not exist, is said in words", async () => {
    const dir = folder();
    mkdirSync(path.join(dir, "report.xlsx"));
    const e = await refusal(writeFileSafely(path.join(dir, "report.xlsx"), { replace: true, shownAs: "report.xlsx" }, writes("x")));
    expect(e.message).toBe("report.xlsx is a folder; give a file name.");
    const missing = await refusal(writeFileSafely(path.join(dir, "nowhere", "r.xlsx"), { replace: false, shownAs: "nowhere/r.xlsx" }, writes("x")));
    expect(missing.message).toBe("nowhere/r.xlsx cannot be written: the folder does not exist.");
  });

  it("removes a temporary file left by a run that was killed, but not one of a run still going", async () => {
    const dir = folder();
    // A process id that cannot be running (above Linux's pid_max), and this test's parent, which is.
    const dead = path.join(dir, ".r.xlsx.4194305-0a1b2c3d4e5f.nps-om-tmp");
    const live = path.join(dir, `.r.xlsx.${process.ppid}-0a1b2c3d4e5f.nps-om-tmp`);
    const other = path.join(dir, ".other.xlsx.4194305-0a1b2c3d4e5f.nps-om-tmp");
    for (const f of [dead, live, other]) writeFileSync(f, "partial");
    await writeFileSafely(path.join(dir, "r.xlsx"), { replace: false }, writes("done"));
    expect(readdirSync(dir).sort()).toEqual([path.basename(other), path.basename(live), "r.xlsx"].sort());
  });
});

describe("operating-system errors in words, never codes", () => {
  it.each([
    ["ENOSPC", "the disk is full"],
    ["EISDIR", "report.xlsx is a folder"],
    ["EACCES", "permission denied"],
    ["EROFS", "the disk is read-only"],
    ["EBUSY", "the file is open in another program (close it in Excel)"],
    ["ENOENT", "the folder does not exist"],
    ["EDQUOT", "your disk quota is used up"],
    ["EWHATEVER", "the operating system refused it"],
  ])("%s reads as “%s”", (code, words) => {
    const said = osErrorWords(Object.assign(new Error(`${code}: x`), { code }), "report.xlsx");
    expect(said).toBe(words);
    expect(said).not.toMatch(/\bE[A-Z]{3,}\b/);
  });
});
