/**
 * The findings: grouped by severity (Errors, Warnings, Information), then by sheet; each with its cell
 * as a link that selects it in Excel, its sentence, and its source once. Filters by severity and by
 * rule, in words. A large workbook gives many thousand findings: they are grouped in one pass and
 * drawn 200 at a time, more on request.
 */
import { useMemo, useState } from "react";
import { Button, Field, Link, makeStyles, Select, tokens } from "@fluentui/react-components";
import { findingText } from "../../model/sources";
import type { Finding, Severity } from "../../model/validate/types";
import { SEVERITIES } from "../../model/validate/types";
import type { CellRef } from "../excel-adapter";
import { countBySeverity, ruleTitle, SEVERITY_HEADING } from "./words";

/** Findings drawn at once: a 100,000-row caseload can give thousands; more on request. */
export const PAGE = 200;
/** The sub-heading of findings that point at no one sheet. */
const NO_SHEET = "Whole workbook";

const useStyles = makeStyles({
  filters: { display: "grid", gridTemplateColumns: "minmax(0, 2fr) minmax(0, 3fr)", gap: "8px", marginBottom: "4px" },
  severity: { margin: "12px 0 2px", fontSize: "15px" },
  sheet: { margin: "6px 0 2px", fontSize: "13px", fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  list: { listStyleType: "none", padding: 0, margin: 0 },
  finding: { display: "flex", gap: "6px", alignItems: "baseline", padding: "3px 0", borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  ref: { flexShrink: 0, minWidth: "2.6em", fontFamily: tokens.fontFamilyMonospace, fontSize: "13px", textDecorationLine: "underline" },
  body: { minWidth: 0, overflowWrap: "anywhere" },
  source: { display: "block", fontSize: "12px", color: tokens.colorNeutralForeground3 },
  // A select is as wide as its longest option unless told otherwise: long rule titles must not widen the pane.
  narrow: { minWidth: 0 },
  select: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
});

export function refOf(f: Finding): CellRef | undefined {
  return f.sheet !== undefined && f.cell !== undefined ? { sheet: f.sheet, cell: f.cell } : undefined;
}

/** Findings by severity, then by sheet in the order the sheets first appear; one pass, for many thousand. */
function group(findings: readonly Finding[]): Map<Severity, Map<string, Finding[]>> {
  const out = new Map<Severity, Map<string, Finding[]>>(SEVERITIES.map((v) => [v, new Map()]));
  for (const f of findings) {
    const bySheet = out.get(f.severity)!;
    const sheet = f.sheet ?? NO_SHEET;
    let list = bySheet.get(sheet);
    if (!list) bySheet.set(sheet, (list = []));
    list.push(f);
  }
  for (const bySheet of out.values()) {
    // Findings about the whole workbook come after those of its sheets.
    const whole = bySheet.get(NO_SHEET);
    if (whole) {
      bySheet.delete(NO_SHEET);
      bySheet.set(NO_SHEET, whole);
    }
  }
  return out;
}

/** The groups with up to `limit` findings drawn, in group order; each severity with its full count. */
function draw(grouped: Map<Severity, Map<string, Finding[]>>, limit: number) {
  let budget = limit;
  return SEVERITIES.filter((v) => grouped.get(v)!.size > 0).map((v) => {
    const bySheet = grouped.get(v)!;
    let total = 0;
    for (const l of bySheet.values()) total += l.length;
    const sheets: { sheet: string; list: Finding[] }[] = [];
    for (const [sheet, list] of bySheet) {
      if (budget <= 0) break;
      sheets.push({ sheet, list: list.slice(0, budget) });
      budget -= Math.min(budget, list.length);
    }
    return { v, total, sheets };
  }).filter((g) => g.sheets.length > 0);
}

function Item({ f, text: own, onGoTo }: { f: Finding; text?: string; onGoTo: (ref: CellRef) => void }) {
  const s = useStyles();
  const ref = refOf(f);
  const { text, source } = findingText(f.message, f.source);
  const shown = own ?? text;
  return (
    <li className={s.finding} data-finding={f.rule}>
      {ref && (
        <Link as="button" className={s.ref} onClick={() => onGoTo(ref)} aria-label={`Go to ${ref.sheet}!${ref.cell}: ${shown}`}>
          {ref.cell}
        </Link>
      )}
      <span className={s.body}>
        {shown}
        <span className={s.source}>Source: {source}</span>
      </span>
    </li>
  );
}

function Filter({ label, value, options, onChange }: { label: string; value: string; options: readonly { value: string; text: string }[]; onChange: (value: string) => void }) {
  const s = useStyles();
  return (
    <Field label={label} size="small" className={s.narrow}>
      <Select size="small" value={value} onChange={(_, d) => onChange(d.value)} className={s.narrow} select={{ className: s.select }}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export interface FindingsProps {
  readonly findings: readonly Finding[];
  /** rule id -> its summary label, for the rule filter. */
  readonly labels: ReadonlyMap<string, string>;
  readonly onGoTo: (ref: CellRef) => void;
  /** A finding's own shorter text, where its full text is shown elsewhere (the percent-format warning). */
  readonly brief?: (f: Finding) => string | undefined;
}

/** The findings list; give it a new `key` for each validation, so its filters start afresh. */
export function Findings({ findings, labels, onGoTo, brief }: FindingsProps) {
  const s = useStyles();
  const [severity, setSeverity] = useState<Severity | "all">("all");
  const [rule, setRule] = useState<string>("all");
  const [limit, setLimit] = useState(PAGE);
  const shown = useMemo(() => findings.filter((f) => (severity === "all" || f.severity === severity) && (rule === "all" || f.rule === rule)), [findings, severity, rule]);
  const grouped = useMemo(() => group(shown), [shown]);
  const severityOptions = useMemo(() => {
    const counts = countBySeverity(findings);
    return [
      { value: "all", text: `All (${findings.length.toLocaleString("en-GB")})` },
      ...SEVERITIES.filter((v) => counts[v] > 0).map((v) => ({ value: v, text: `${SEVERITY_HEADING[v]} (${counts[v].toLocaleString("en-GB")})` })),
    ];
  }, [findings]);
  const ruleOptions = useMemo(() => {
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
    const titled = [...counts].map(([id, n]) => ({ value: id, text: `${ruleTitle(id, labels)} (${n.toLocaleString("en-GB")})` }));
    return [{ value: "all", text: "All rules" }, ...titled.sort((a, b) => a.text.localeCompare(b.text, "en-GB"))];
  }, [findings, labels]);

  const sections = useMemo(() => draw(grouped, limit), [grouped, limit]);

  return (
    <section aria-labelledby="findings-h">
      <h2 id="findings-h" style={{ fontSize: "16px", margin: "16px 0 4px" }}>
        Findings ({shown.length === findings.length ? findings.length.toLocaleString("en-GB") : `${shown.length.toLocaleString("en-GB")} of ${findings.length.toLocaleString("en-GB")}`})
      </h2>
      {findings.length > 0 && (
        <div className={s.filters}>
          <Filter label="Severity" value={severity} options={severityOptions} onChange={(v) => { setSeverity(v as Severity | "all"); setLimit(PAGE); }} />
          <Filter label="Rule" value={rule} options={ruleOptions} onChange={(v) => { setRule(v); setLimit(PAGE); }} />
        </div>
      )}
      {sections.map(({ v, total, sheets }) => (
        <section key={v} aria-labelledby={`findings-${v}`}>
          <h3 id={`findings-${v}`} className={s.severity}>
            {SEVERITY_HEADING[v]} ({total.toLocaleString("en-GB")})
          </h3>
          {sheets.map(({ sheet, list }) => (
            <div key={sheet} role="group" aria-label={`${SEVERITY_HEADING[v]} on ${sheet}`}>
              <h4 className={s.sheet}>{sheet}</h4>
              <ul className={s.list}>
                {list.map((f, i) => (
                  <Item key={i} f={f} text={brief?.(f)} onGoTo={onGoTo} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
      {shown.length > limit && (
        <Button size="small" onClick={() => setLimit(limit + PAGE)} style={{ marginTop: "8px" }}>
          Show {Math.min(PAGE, shown.length - limit).toLocaleString("en-GB")} more of {(shown.length - limit).toLocaleString("en-GB")} not shown
        </Button>
      )}
    </section>
  );
}
