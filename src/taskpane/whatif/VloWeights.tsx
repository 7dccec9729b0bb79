/**
 * The VLO weights section: a weight per case type and per activity (src/model/vlo.ts), each box with
 * its own error, and any problem with the table as a whole in plain words.
 */
import { Field, Input, mergeClasses } from "@fluentui/react-components";
import { VLO_ACTIVITIES, type VloActivity } from "../../model/vlo";
import { SourceHint } from "./FigureField";
import type { Checked, WeightCheck, WhatIfForm } from "./form";
import { useWhatIfStyles } from "./styles";

function WeightField({ label, text, check, onChange }: { label: string; text: string; check: WeightCheck; onChange: (text: string) => void }) {
  const s = useWhatIfStyles();
  return (
    <Field
      className={mergeClasses(s.field, check.changed && s.changed)}
      label={label}
      hint={check.changed ? <SourceHint source="" model={check.model === undefined ? "no such row" : String(check.model)} /> : undefined}
      validationState={check.error ? "error" : "none"}
      validationMessage={check.error}
    >
      <Input className={s.input} inputMode="decimal" value={text} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}

export function VloWeights({
  form,
  checked,
  source,
  onCaseType,
  onActivity,
}: {
  form: WhatIfForm["vlo"];
  checked: Checked;
  source: string;
  onCaseType: (i: number, text: string) => void;
  onActivity: (a: VloActivity, text: string) => void;
}) {
  const s = useWhatIfStyles();
  return (
    <>
      <span className={s.muted}>
        Weights in force: {source}. A case&apos;s score is its case type&apos;s weight × the sum of its activities&apos; weights.
      </span>
      {checked.tableProblems.length > 0 && (
        <ul className={s.problems} role="alert">
          {checked.tableProblems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <h3 className={s.subhead}>Case types</h3>
      {form.caseTypes.map((c, i) => (
        <WeightField key={i} label={`Case type: ${c.name}`} text={c.text} check={checked.caseTypes[i]!} onChange={(t) => onCaseType(i, t)} />
      ))}
      <h3 className={s.subhead}>Activities</h3>
      {VLO_ACTIVITIES.map((a) => (
        <WeightField key={a} label={`Activity: ${a}`} text={form.activities[a]} check={checked.activities[a]} onChange={(t) => onActivity(a, t)} />
      ))}
    </>
  );
}
