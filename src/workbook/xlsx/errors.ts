/**
 * Why a workbook could not be read, from inside the reader. read.ts turns the reason into the
 * sentence the user reads; `detail` finishes that sentence ("its part xl/styles.xml ends in the
 * middle of its XML").
 */
export type XlsxFailure = "corrupt" | "encrypted" | "binaryWorkbook" | "notWorkbook" | "tooLarge";

export class XlsxError extends Error {
  override readonly name = "XlsxError";
  constructor(
    readonly reason: XlsxFailure,
    readonly detail: string,
  ) {
    super(detail);
  }
}
