/**
 * Writing a file so that it is never lost or left half-written: the content goes to a temporary
 * file of this run's own in the target's folder, is flushed to disk (fsync), and only then takes
 * the target's name in one step (rename, or a hard link when an existing file must not be
 * replaced). So:
 * - a run that fails, is interrupted (Ctrl+C) or is killed leaves the previous file as it was;
 *   on failure or Ctrl+C the temporary file is removed, and one left by a killed run is removed by
 *   the next run that writes to the same folder;
 * - two runs writing the same file at once each write their own temporary file, and the target is
 *   always one complete file: with `replace` the last to finish wins; without it, the first wins
 *   and the other is told the file now exists.
 */
import { randomBytes } from "node:crypto";
import { createWriteStream, promises as fs, unlinkSync } from "node:fs";
import * as path from "node:path";
import type { Writable } from "node:stream";
import { osErrorCode, osErrorWords } from "./os-errors";

export class FileWriteError extends Error {
  override readonly name = "FileWriteError";
  constructor(
    readonly reason: "exists" | "folder" | "failed",
    message: string,
    /** The operating system's code, for --verbose and tests; never shown on its own. */
    readonly code?: string,
  ) {
    super(message);
  }
}

const TEMP_SUFFIX = ".nps-om-tmp";

/** The temporary file names this program uses for `target`: `.<name>.<pid>-<random>.nps-om-tmp`. */
function tempPattern(base: string): RegExp {
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^\\.${escaped}\\.(\\d+)-[0-9a-f]+${TEMP_SUFFIX.replace(/\./g, "\\.")}$`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return osErrorCode(e) === "EPERM"; // it exists, but belongs to someone else
  }
}

/** Remove temporary files a killed run left for this target (their process is gone). */
async function removeStale(dir: string, base: string): Promise<void> {
  const pattern = tempPattern(base);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = pattern.exec(name);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) await fs.unlink(path.join(dir, name)).catch(() => undefined);
  }
}

async function syncFolder(dir: string): Promise<void> {
  // Makes the rename itself durable on Linux; folders cannot be opened this way on Windows.
  try {
    const h = await fs.open(dir, "r");
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // Best effort: the file's own content was already flushed.
  }
}

const SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/** While `fn` runs, Ctrl+C and termination remove `file` before the process ends as it would have. */
async function removedOnSignal<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const handler = (signal: NodeJS.Signals) => {
    try {
      unlinkSync(file);
    } catch {
      // Not created yet, or already gone.
    }
    for (const s of SIGNALS) process.removeListener(s, handler);
    process.kill(process.pid, signal);
  };
  for (const s of SIGNALS) process.once(s, handler);
  try {
    return await fn();
  } finally {
    for (const s of SIGNALS) process.removeListener(s, handler);
  }
}

export interface SafeWriteOptions {
  /** Replace an existing file (--force). Without it an existing file is never touched. */
  readonly replace: boolean;
  /** The name to use in messages (as the user typed it); defaults to the target. */
  readonly shownAs?: string;
}

/** Whether the target may be written: refuses a folder, and an existing file unless `replace`. */
export async function checkTarget(target: string, opts: SafeWriteOptions): Promise<void> {
  const shown = opts.shownAs ?? target;
  const st = await fs.stat(target).catch(() => undefined);
  if (st?.isDirectory()) throw new FileWriteError("folder", `${shown} is a folder; give a file name.`, "EISDIR");
  if (st && !opts.replace) throw new FileWriteError("exists", `${shown} exists; choose another name or add --force to replace it.`, "EEXIST");
}

/**
 * Write `target` through `write`, which writes the whole content to the stream it is given and
 * resolves when it has ended it. Resolves with the absolute path written.
 */
export async function writeFileSafely(target: string, opts: SafeWriteOptions, write: (out: Writable) => Promise<void>): Promise<string> {
  const shown = opts.shownAs ?? target;
  const full = path.resolve(target);
  const dir = path.dirname(full);
  const base = path.basename(full);
  await checkTarget(full, { ...opts, shownAs: shown });
  await removeStale(dir, base);
  const temp = path.join(dir, `.${base}.${process.pid}-${randomBytes(6).toString("hex")}${TEMP_SUFFIX}`);
  const fail = (e: unknown): never => {
    if (e instanceof FileWriteError) throw e;
    throw new FileWriteError("failed", `${shown} cannot be written: ${osErrorWords(e, shown)}.`, osErrorCode(e));
  };
  return removedOnSignal(temp, async () => {
    try {
      // "wx": a name of our own that nothing else has; flush: fsync before the file is closed.
      const out = createWriteStream(temp, { flags: "wx", flush: true, highWaterMark: 1 << 20 });
      const closed = new Promise<void>((resolve, reject) => {
        out.once("close", resolve);
        out.once("error", reject);
      });
      try {
        await Promise.all([write(out), closed]);
      } catch (e) {
        // Closed before it is removed (Windows cannot remove an open file).
        if (!out.closed) await new Promise<void>((resolve) => out.destroy().once("close", () => resolve()));
        throw e;
      }
      await place(temp, full, opts.replace, shown);
      await syncFolder(dir);
      return full;
    } catch (e) {
      await fs.unlink(temp).catch(() => undefined);
      return fail(e);
    }
  });
}

/** Give the finished temporary file the target's name, in one step. */
async function place(temp: string, target: string, replace: boolean, shown: string): Promise<void> {
  if (replace) {
    await fs.rename(temp, target);
    return;
  }
  try {
    // A hard link fails if the target exists, so a file written meanwhile by another run is kept.
    await fs.link(temp, target);
  } catch (e) {
    const code = osErrorCode(e);
    if (code === "EEXIST")
      throw new FileWriteError("exists", `${shown} was created by another program while this run was writing; choose another name or add --force to replace it.`, code);
    // Links are not supported here (some network shares and FAT disks): check, then rename.
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw e;
    await checkTarget(target, { replace: false, shownAs: shown });
    await fs.rename(temp, target);
    return;
  }
  await fs.unlink(temp);
}
