/**
 * What Validate shows: the summary (one row per rule, its figure against its target and a status
 * word) and the findings, grouped by sheet and severity, filterable, each cell a button that selects
 * it in Excel. Each finding's source is shown once: after the message only when the message does not
 * already cite it.
 */
import { useMemo, useState } from "react";
import { Badge, Button, Field, makeStyles, Select } from "@fluentui/react-components";
import type { Finding, Severity, ValidationReport } from "../model/validate/types";
import { SEVERITIES } from "../model/validate/types";
import { sourceToShow } from "../model/sources";
import type { CellRef } from "./excel-adapter";

/** Findings drawn at once: a 100,000-row caseload can give thousands; more on request. */
const PAGE = 200;
const STATUS_BADGE = { pass: "success", warning: "warning", fail: "danger", "not checked": "informative" } as const;
const SEVERITY_LABEL: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Information" };

const useStyles = makeStyles({
  list: { listStyleType: "none", paddingLeft: 0, margin: 0 },
  finding: { marginBottom: "6px" },
  table: { borderCollapse: "collapse", width: "100%" },
  cell: { textAlign: "left", verticalAlign: "top", padding: "2px 4px", borderBottom: "1px solid #e0e0e0" },
  filters: { display: "flex", gap: "8px" },
});

export function refOf(f: Finding): CellRef | undefined {
  return f.sheet !== undefined && f.cell !== undefined ? { sheet: f.sheet, cell: f.cell } : undefined;
}

export function Summary({ report }: { report: ValidationReport }) {
  const s = useStyles();
  return (
    <>
      <h2 style={{ fontSize: "16px" }}>Summary</h2>
      <table className={s.table}>
        <thead>
          <tr>
            <th className={s.cell} scope="col">Check</th>
            <th className={s.cell} scope="col">Figure / target</th>
            <th className={s.cell} scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {report.summaries.map((r) => (
            <tr key={r.rule}>
              <td className={s.cell}>
                {r.label}
                <div style={{ fontSize: "12px" }}>{r.source}</div>
              </td>
              <td className={s.cell}>
                {r.figure ?? `${r.counts.error} errors, ${r.counts.warning} warnings`}
                {r.target ? ` (target ${r.target})` : ""}
              </td>
              <td className={s.cell}>
                <Badge appearance="tint" color={STATUS_BADGE[r.status]}>
                  {r.status}
                </Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.overrides.length > 0 && (
        <p>
          What-if in force: {report.overrides.map((o) => `${o.label}: ${String(o.from)} → ${String(o.to)}`).join("; ")}
        </p>
      )}
    </>
  );
}

function Filter({ label, value, options, onChange }: { label: string; value: string; options: readonly string[]; onChange: (value: string) => void }) {
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, d) => onChange(d.value)}>
        <option value="all">All</option>
        {options.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The findings list; give it a new `key` for each validation, so its filters start afresh. */
export function Findings({ findings, onGoTo }: { findings: readonly Finding[]; onGoTo: (ref: CellRef) => void }) {
  const s = useStyles();
  const [severity, setSeverity] = useState<Severity | "all">("all");
  const [rule, setRule] = useState<string>("all");
  const [limit, setLimit] = useState(PAGE);
  const shown = useMemo(() => findings.filter((f) => (severity === "all" || f.severity === severity) && (rule === "all" || f.rule === rule)), [findings, severity, rule]);
  const rules = useMemo(() => [...new Set(findings.map((f) => f.rule))].sort(), [findings]);
  const grouped = useMemo(() => {
    const m = new Map<string, Map<Severity, Finding[]>>();
    for (const f of shown.slice(0, limit)) {
      const sheet = f.sheet ?? "Workbook";
      const bySev = m.get(sheet) ?? new Map<Severity, Finding[]>();
      bySev.set(f.severity, [...(bySev.get(f.severity) ?? []), f]);
      m.set(sheet, bySev);
    }
    return m;
  }, [shown, limit]);

  return (
    <>
      <h2 style={{ fontSize: "16px" }}>
        Findings ({shown.length} of {findings.length})
      </h2>
      <div className={s.filters}>
        <Filter label="Severity" value={severity} options={SEVERITIES} onChange={(v) => { setSeverity(v as Severity | "all"); setLimit(PAGE); }} />
        <Filter label="Rule" value={rule} options={rules} onChange={(v) => { setRule(v); setLimit(PAGE); }} />
      </div>
      {[...grouped.entries()].map(([sheet, bySev]) => (
        <section key={sheet} aria-label={`Findings on ${sheet}`}>
          <h3 style={{ fontSize: "15px" }}>{sheet}</h3>
          {SEVERITIES.filter((v) => bySev.has(v)).map((v) => (
            <div key={v}>
              <h4 style={{ fontSize: "14px", margin: "4px 0" }}>
                {SEVERITY_LABEL[v]} ({bySev.get(v)!.length})
              </h4>
              <ul className={s.list}>
                {bySev.get(v)!.map((f, i) => {
                  const ref = refOf(f);
                  const source = sourceToShow(f.message, f.source);
                  return (
                    <li key={i} className={s.finding}>
                      {ref ? (
                        <Button size="small" appearance="subtle" onClick={() => onGoTo(ref)} aria-label={`Go to ${ref.sheet}!${ref.cell}: ${f.message}`}>
                          {ref.cell}
                        </Button>
                      ) : null}{" "}
                      {f.message} {source && <span style={{ fontSize: "12px" }}>({source})</span>}
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </section>
      ))}
      {shown.length > limit && <Button onClick={() => setLimit(limit + PAGE)}>Show {Math.min(PAGE, shown.length - limit)} more of {shown.length - limit} not shown</Button>}
    </>
  );
}
