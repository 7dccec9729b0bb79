/**
 * The Check tab's buttons. Before the first validation, two lines say what Validate reads and what it
 * changes (nothing). A button that is turned off says why, in words beside it (and to a screen reader
 * through aria-describedby): validate first, nothing to highlight, or an Excel that lacks the feature.
 */
import { useId } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { LAYOUT } from "../../model/layout";
import type { MissingFeature } from "../requirements";
import { andList } from "./words";

const useStyles = makeStyles({
  row: { display: "flex", gap: "4px", flexWrap: "wrap", alignItems: "center", margin: "8px 0 4px" },
  // Fluent's buttons are at least 96 px (64 px small): as wide as their words, so three share a line.
  fit: { minWidth: "auto" },
  reason: { margin: "2px 0", fontSize: "12px", color: tokens.colorNeutralForeground3 },
  intro: { margin: "8px 0 0", fontSize: "13px" },
  introLine: { margin: "0 0 4px" },
});

export interface ActionsProps {
  readonly busy: boolean;
  readonly validated: boolean;
  /** Distinct cells the findings point at (what Highlight would fill). */
  readonly cells: number;
  /** Cells highlighted now (what Clear would restore). */
  readonly highlighted: number;
  readonly missing: readonly MissingFeature[];
  readonly onValidate: () => void;
  readonly onReport: () => void;
  readonly onHighlight: () => void;
  readonly onClear: () => void;
}

type Key = "validate" | "report" | "highlight" | "clear";

/** What Validate reads: the documented sheets, by the names the template gives them. */
export const READS = `Validate reads the sheets of this workbook: ${andList(LAYOUT.map((d) => d.name))}.`;
export const CHANGES = "It changes nothing. A report sheet or cell highlights are added only when you ask for them and confirm.";
export const VALIDATE_FIRST = "Validate first: the report sheet and the highlights come from its findings.";
export const NOTHING_TO_HIGHLIGHT = "No finding points at a cell, so there is nothing to highlight.";
export const WAIT = "Please wait: Excel is finishing the last step.";

export function Actions(p: ActionsProps) {
  const s = useStyles();
  const base = useId();
  const off = (feature: MissingFeature["feature"]) => p.missing.find((m) => m.feature === feature)?.message;

  // Why each button is off, if it is; the first reason that applies.
  const why: Record<Key, string | undefined> = p.busy
    ? { validate: WAIT, report: WAIT, highlight: WAIT, clear: WAIT }
    : {
        validate: off("read"),
        report: off("report") ?? (p.validated ? undefined : VALIDATE_FIRST),
        highlight: off("highlight") ?? (!p.validated ? VALIDATE_FIRST : p.cells === 0 ? NOTHING_TO_HIGHLIGHT : undefined),
        clear: off("highlight"),
      };
  const showClear = p.highlighted > 0;
  const reasons = [...new Set((["validate", "report", "highlight", ...(showClear ? ["clear"] : [])] as Key[]).map((k) => why[k]).filter((r): r is string => r !== undefined))];
  const idOf = (k: Key) => (why[k] === undefined ? undefined : `${base}-${reasons.indexOf(why[k])}`);

  return (
    <div>
      <div className={s.row}>
        <Button className={s.fit} appearance="primary" onClick={p.onValidate} disabled={why.validate !== undefined} aria-describedby={idOf("validate")}>
          Validate
        </Button>
        <Button className={s.fit} size="small" onClick={p.onReport} disabled={why.report !== undefined} aria-describedby={idOf("report")}>
          Write report sheet
        </Button>
        <Button className={s.fit} size="small" onClick={p.onHighlight} disabled={why.highlight !== undefined} aria-describedby={idOf("highlight")}>
          Highlight cells
        </Button>
        {showClear && (
          <Button className={s.fit} size="small" onClick={p.onClear} disabled={why.clear !== undefined} aria-describedby={idOf("clear")}>
            Clear highlights
          </Button>
        )}
      </div>
      {reasons.map((r, i) => (
        <p key={r} id={`${base}-${i}`} className={s.reason}>
          {r}
        </p>
      ))}
      {!p.validated && (
        <div className={s.intro}>
          <p className={s.introLine}>{READS}</p>
          <p className={s.introLine}>{CHANGES}</p>
        </div>
      )}
    </div>
  );
}
