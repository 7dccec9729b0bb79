/**
 * Operating-system errors in words a business manager reads: "the disk is full", not ENOSPC. One
 * table for every file the command line reads or writes.
 */

const WORDS: ReadonlyMap<string, (file: string) => string> = new Map([
  ["ENOSPC", () => "the disk is full"],
  ["EDQUOT", () => "your disk quota is used up"],
  ["EFBIG", () => "the file would be larger than this system allows"],
  ["EISDIR", (f: string) => `${f} is a folder`],
  ["ENOTDIR", () => "part of the path is a file, not a folder"],
  ["ENOENT", () => "the folder does not exist"],
  ["EACCES", () => "permission denied"],
  ["EPERM", () => "permission denied"],
  ["EROFS", () => "the disk is read-only"],
  ["EBUSY", () => "the file is open in another program (close it in Excel)"],
  ["ETXTBSY", () => "the file is in use by another program"],
  ["EEXIST", (f: string) => `${f} exists`],
  ["ENAMETOOLONG", () => "the file name is too long"],
  ["EMFILE", () => "too many files are open; close some programs and try again"],
  ["ENFILE", () => "too many files are open; close some programs and try again"],
  ["EIO", () => "the disk reported a read or write error"],
  ["ELOOP", () => "the path goes round in a loop of links"],
  ["EXDEV", () => "the temporary file and the report are on different disks"],
  ["EINVAL", () => "the file name is not allowed here"],
]);

/** The error's code, when it is an operating-system error. */
export function osErrorCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * Why an operation on `file` failed, in words. `file` is the name as the user gave it. An error
 * without a known code is described by its kind, never by a bare code.
 */
export function osErrorWords(e: unknown, file: string): string {
  const code = osErrorCode(e);
  const words = code !== undefined ? WORDS.get(code) : undefined;
  if (words) return words(file);
  if (code !== undefined && /^E[A-Z]+$/.test(code)) return "the operating system refused it";
  return e instanceof Error ? e.message.split("\n")[0]!.slice(0, 160) : "unknown error";
}
