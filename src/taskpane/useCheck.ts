/**
 * The Check tab's state, kept in the pane (not the tab) so it outlives a visit to another tab: the
 * workbook as last read, the report, the progress of a validation, and the cells highlighted. The
 * What-if and Columns tabs check the workbook again through `check` when their settings change; a
 * changed column mapping reads the workbook again first, as the reader reads in full only the columns
 * it recognises (with the mapping it was given).
 */
import { useCallback, useRef, useState } from "react";
import type { ValidateOptions, ValidationProgress, ValidationReport, WorkbookData } from "../model/validate/types";
import type { AddinSettings } from "../runtime/settings";
import type { ExcelAdapter, SavedFill } from "./excel-adapter";
import type { Notice } from "./Notices";
import { countCells } from "./check/cells";
import { finishedText } from "./check/words";

export interface CheckDeps {
  readonly adapter: ExcelAdapter;
  readonly validate: (book: WorkbookData, options: ValidateOptions, onProgress?: (p: ValidationProgress) => void) => Promise<ValidationReport>;
  /** Highlights saved in the workbook by an earlier session. */
  readonly initialHighlights: readonly SavedFill[];
  /** Replace the Check tab's notices. */
  readonly say: (list: readonly Notice[]) => void;
  readonly fail: (e: unknown, action: string) => void;
}

type Maps = AddinSettings["columnMaps"];

/** Whether two column mappings map the same headers of the same sheets to the same fields. */
export function sameMaps(a: Maps, b: Maps): boolean {
  const flat = (m: Maps) =>
    Object.entries(m ?? {})
      .flatMap(([sheet, map]) => Object.entries(map).map(([header, field]) => `${sheet}\u0000${header}\u0000${field}`))
      .sort()
      .join("\u0001");
  return flat(a) === flat(b);
}

export interface Highlights {
  /** The fills saved now (read when an action runs, so never stale). */
  get(): readonly SavedFill[];
  set(next: readonly SavedFill[]): void;
  /** How many cells are highlighted. */
  readonly count: number;
}

export function useCheck(d: CheckDeps) {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; label: string } | undefined>();
  const [book, setBook] = useState<WorkbookData | undefined>();
  const [report, setReport] = useState<ValidationReport | undefined>();
  const [run, setRun] = useState(0);
  const saved = useRef<readonly SavedFill[]>(d.initialHighlights);
  // The column mapping the workbook in `book` was read with.
  const readWith = useRef<Maps>(undefined);
  const [count, setCount] = useState(() => countCells(d.initialHighlights));
  const highlights: Highlights = {
    get: () => saved.current,
    set: (next) => {
      saved.current = next;
      setCount(countCells(next));
    },
    count,
  };

  const { validate, adapter, say, fail } = d;
  /** Validate the workbook as read, with these settings; read it again first if the column mapping changed. */
  const check = useCallback(
    async (read: WorkbookData, st: AddinSettings): Promise<ValidationReport> => {
      let b = read;
      if (!sameMaps(readWith.current, st.columnMaps)) {
        b = await adapter.readWorkbook((done, total, label) => setProgress({ done, total, label }), st.columnMaps);
        readWith.current = st.columnMaps;
        setBook(b);
      }
      const r = await validate(b, { overrides: st.overrides, variants: st.variants, ...(st.columnMaps ? { columnMaps: st.columnMaps } : {}) }, (pr) => setProgress({ ...pr }));
      setReport(r);
      setRun((n) => n + 1);
      setProgress(undefined);
      return r;
    },
    [validate, adapter],
  );

  /** Read the workbook and validate it; the outcome shows on the Check tab. */
  const validateNow = async (st: AddinSettings) => {
    setBusy(true);
    say([]);
    setProgress({ done: 0, total: 1, label: "Reading the workbook" });
    let b: Awaited<ReturnType<ExcelAdapter["readWorkbook"]>>;
    try {
      b = await adapter.readWorkbook((done, total, label) => setProgress({ done, total, label }), st.columnMaps);
      readWith.current = st.columnMaps;
    } catch (e) {
      fail(e, "read the workbook");
      setBusy(false);
      setProgress(undefined);
      return;
    }
    try {
      setBook(b);
      setProgress({ done: 0, total: 1, label: "Checking the rules" });
      const r = await check(b, st);
      const errors = r.findings.some((f) => f.severity === "error");
      const done: Notice = { intent: errors ? "warning" : "success", title: "Validation finished", text: finishedText(r.findings) };
      say(
        b.changed && b.changed.length > 0
          ? [
              done,
              { intent: "warning", title: "The workbook changed while it was read", text: `Rows were added or removed on ${b.changed.join(", ")} during the check, so some findings may point at the wrong rows. Validate again when you have finished editing.` },
            ]
          : [done],
      );
    } catch (e) {
      // A fault in the checks themselves, not in Excel: say so rather than show a blank pane.
      say([{ intent: "error", title: "The check stopped", text: `The validation could not finish: ${e instanceof Error ? e.message : String(e)}. Please report this.` }]);
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  };

  return { busy, setBusy, progress, book, report, run, check, validateNow, highlights };
}
