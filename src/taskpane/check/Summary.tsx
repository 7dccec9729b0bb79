/**
 * The summary: one line per rule family (Caseload, Court reports, ...) with its status word and its
 * findings counted in words, each a disclosure button that opens the family's rules: label, figure
 * against target, status word, and why a rule was not checked. "Not checked" is muted, never a pass
 * or fail colour; "For information" describes rather than judges, so it never looks like a pass.
 */
import { useId, useState, type ReactNode } from "react";
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { familySummaries, statusWord, type FamilySummary } from "../../model/validate/families";
import type { RuleSummary, Status, ValidationReport } from "../../model/validate/types";
import { useDisclosureStyles } from "./disclosure";
import { capitalise, countsInWords, plural } from "./words";

const useStyles = makeStyles({

  chevron: { color: tokens.colorNeutralForeground3, fontSize: "10px" },
  name: { fontWeight: tokens.fontWeightSemibold },
  detail: { gridColumn: "2 / 4", fontSize: "12px", color: tokens.colorNeutralForeground3 },
  badge: {
    display: "inline-block",
    whiteSpace: "nowrap",
    flexShrink: 0,
    fontSize: "12px",
    lineHeight: "16px",
    padding: "1px 6px",
    borderRadius: tokens.borderRadiusMedium,
    border: "1px solid",
  },
  pass: { backgroundColor: tokens.colorPaletteGreenBackground1, color: tokens.colorPaletteGreenForeground1, ...shorthands.borderColor(tokens.colorPaletteGreenBorder1) },
  warning: { backgroundColor: tokens.colorPaletteDarkOrangeBackground1, color: tokens.colorPaletteDarkOrangeForeground1, ...shorthands.borderColor(tokens.colorPaletteDarkOrangeBorder1) },
  fail: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1, ...shorthands.borderColor(tokens.colorPaletteRedBorder1), fontWeight: tokens.fontWeightSemibold },
  information: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground2, ...shorthands.borderColor(tokens.colorBrandStroke2) },
  notChecked: { backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground3, ...shorthands.borderColor(tokens.colorNeutralStroke1), ...shorthands.borderStyle("dashed") },
  rules: { listStyleType: "none", margin: 0, padding: "0 0 6px 20px" },
  rule: { padding: "4px 0", borderTop: `1px dotted ${tokens.colorNeutralStroke2}` },
  ruleHead: { display: "flex", gap: "6px", alignItems: "baseline", justifyContent: "space-between" },
  muted: { color: tokens.colorNeutralForeground3 },
  small: { fontSize: "12px", color: tokens.colorNeutralForeground3 },
  extra: { paddingLeft: "20px", paddingBottom: "8px" },
});

/** How each status looks: only pass, warning and fail take a judging colour; "not checked" is a muted dashed outline. */
const LOOK = { pass: "pass", warning: "warning", fail: "fail", information: "information", "not checked": "notChecked" } as const satisfies Record<Status, string>;

/** The status word in a badge that never wraps. */
export function StatusBadge({ status }: { status: Status }) {
  const s = useStyles();
  return (
    <span className={mergeClasses(s.badge, s[LOOK[status]])} data-status={status}>
      {statusWord(status)}
    </span>
  );
}

/** The family line's second line: counts in words, how many checks ran, or why none did. */
export function familyDetail(f: FamilySummary): string {
  if (f.checked === 0) {
    const whys = [...new Set(f.rules.map((r) => r.why).filter((w): w is string => w !== undefined))];
    return whys.length === 1 ? `${capitalise(whys[0]!)}.` : `None of its ${plural(f.rules.length, "check")} could run.`;
  }
  const counts = countsInWords(f.counts) || "No findings";
  return f.checked < f.rules.length ? `${counts} · ${f.checked} of ${f.rules.length} checks run` : counts;
}

/** A rule's figure against its target: "33.3% PO / 66.7% PSO, target 35/65 ±5". */
function figureLine(r: RuleSummary): string | undefined {
  if (r.status === "not checked") return r.why !== undefined ? `${capitalise(r.why)}.` : undefined;
  if (r.figure !== undefined) return r.target !== undefined ? `${r.figure}, target ${r.target}` : r.figure;
  return countsInWords(r.counts) || undefined;
}

function Rule({ r }: { r: RuleSummary }) {
  const s = useStyles();
  const line = figureLine(r);
  return (
    <li className={s.rule} data-rule={r.rule}>
      <div className={s.ruleHead}>
        <span className={r.status === "not checked" ? s.muted : undefined}>{r.label}</span>
        <StatusBadge status={r.status} />
      </div>
      {line !== undefined && <div className={s.small}>{line}</div>}
    </li>
  );
}

function Family({ f, extra }: { f: FamilySummary; extra?: ReactNode }) {
  const s = useStyles();
  const d = useDisclosureStyles();
  const [open, setOpen] = useState(false);
  const panel = useId();
  return (
    <li className={d.item} data-family={f.family}>
      <button type="button" className={d.head} aria-expanded={open} aria-controls={panel} onClick={() => setOpen(!open)}>
        <span className={s.chevron} aria-hidden="true">
          {open ? "▼" : "▶"}
        </span>
        <span className={s.name}>{f.family}</span>
        <StatusBadge status={f.status} />
        <span className={s.detail}>{familyDetail(f)}</span>
      </button>
      <div id={panel} hidden={!open}>
        {open && (
          <>
            <ul className={s.rules} aria-label={`${f.family} checks`}>
              {f.rules.map((r) => (
                <Rule key={r.rule} r={r} />
              ))}
            </ul>
            {extra !== undefined && <div className={s.extra}>{extra}</div>}
          </>
        )}
      </div>
    </li>
  );
}

/** The summary of a report; `extra` adds a family's pictures below its rules ("Court reports" -> the report mix). */
export function Summary({ report, extra = {} }: { report: ValidationReport; extra?: Readonly<Record<string, ReactNode>> }) {
  const s = useStyles();
  const d = useDisclosureStyles();
  const families = familySummaries(report.summaries);
  return (
    <section aria-labelledby="summary-h">
      <h2 id="summary-h" style={{ fontSize: "16px", margin: "12px 0 4px" }}>
        Summary
      </h2>
      <ul className={d.list}>
        {families.map((f) => (
          <Family key={f.family} f={f} extra={extra[f.family]} />
        ))}
      </ul>
      {report.overrides.length > 0 && (
        <p className={s.small}>What-if in force: {report.overrides.map((o) => `${o.label}: ${String(o.from)} → ${String(o.to)}`).join("; ")}</p>
      )}
    </section>
  );
}
