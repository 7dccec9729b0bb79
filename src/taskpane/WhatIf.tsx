/**
 * What-if options: the policy variants (VARIANT_INFO), the model's figures (FIGURES, each checked by
 * checkOverride) and the VLO weights (checked by checkVloTable). Apply hands the settings to the pane,
 * which shares them with the custom functions, saves them in the workbook and recalculates.
 */
import { useState } from "react";
import { Button, Field, Input, Switch } from "@fluentui/react-components";
import { checkOverride, FIGURE_KEYS, FIGURES, VARIANT_INFO, type FigureKey, type Variants } from "../model/config";
import { checkVloTable, DEFAULT_VLO_WEIGHTS, VLO_ACTIVITIES, type VloActivity, type VloWeightTable } from "../model/vlo";
import type { AddinSettings } from "../shared/settings";

const VARIANT_KEYS = Object.keys(VARIANT_INFO) as (keyof Variants)[];

export function WhatIf({ settings, onApply }: { settings: AddinSettings; onApply: (s: AddinSettings) => void }) {
  const [variants, setVariants] = useState<Variants>(settings.variants);
  const [figures, setFigures] = useState<Record<string, string>>(() =>
    Object.fromEntries(FIGURE_KEYS.map((k) => [k, String(settings.overrides[k] ?? FIGURES[k].value)])),
  );
  const base = settings.vloWeights ?? DEFAULT_VLO_WEIGHTS;
  const [weights, setWeights] = useState<Record<string, string>>(() => ({
    ...Object.fromEntries(base.caseTypes.map((c) => [`case:${c.name}`, String(c.weight)])),
    ...Object.fromEntries(VLO_ACTIVITIES.map((a) => [`act:${a}`, String(base.activities[a])])),
  }));

  const figureErrors: Partial<Record<FigureKey, string>> = {};
  for (const k of FIGURE_KEYS) {
    const r = checkOverride(k, figures[k] ?? "");
    if (!r.ok) figureErrors[k] = r.problem.message;
  }
  const table: VloWeightTable = {
    source: settings.vloWeights ? settings.vloWeights.source : "set in the task pane",
    caseTypes: base.caseTypes.map((c) => ({ name: c.name, weight: Number(weights[`case:${c.name}`]) })),
    activities: Object.fromEntries(VLO_ACTIVITIES.map((a) => [a, Number(weights[`act:${a}`])])) as Record<VloActivity, number>,
  };
  const weightsChanged =
    base.caseTypes.some((c) => table.caseTypes.find((t) => t.name === c.name)?.weight !== c.weight) ||
    VLO_ACTIVITIES.some((a) => table.activities[a] !== base.activities[a]);
  const weightProblems = checkVloTable(table, "VLO weights");
  const valid = Object.keys(figureErrors).length === 0 && weightProblems.length === 0;

  const apply = () => {
    const overrides: Record<string, number | string> = {};
    for (const k of FIGURE_KEYS) {
      const r = checkOverride(k, figures[k] ?? "");
      if (r.ok && r.value !== FIGURES[k].value) overrides[k] = r.value;
    }
    const vlo = weightsChanged ? { ...table, source: "set in the task pane" } : settings.vloWeights;
    onApply({ ...settings, variants, overrides, ...(vlo ? { vloWeights: vlo } : {}) });
  };

  return (
    <div>
      <h2 style={{ fontSize: "16px" }}>Policy variants</h2>
      {VARIANT_KEYS.map((k) => (
        <Switch
          key={k}
          checked={variants[k]}
          onChange={(_, d) => setVariants({ ...variants, [k]: d.checked })}
          label={`${VARIANT_INFO[k].label} (${VARIANT_INFO[k].source})`}
        />
      ))}
      <h2 style={{ fontSize: "16px" }}>The model&apos;s figures</h2>
      {FIGURE_KEYS.map((k) => (
        <Field
          key={k}
          label={FIGURES[k].label}
          hint={`${FIGURES[k].source}; model: ${String(FIGURES[k].value)}`}
          validationState={figureErrors[k] ? "error" : "none"}
          validationMessage={figureErrors[k]}
        >
          <Input value={figures[k] ?? ""} onChange={(_, d) => setFigures({ ...figures, [k]: d.value })} />
        </Field>
      ))}
      <h2 style={{ fontSize: "16px" }}>VLO weights</h2>
      <p>{base.source}</p>
      {base.caseTypes.map((c) => (
        <Field key={c.name} label={`Case type: ${c.name}`}>
          <Input value={weights[`case:${c.name}`] ?? ""} onChange={(_, d) => setWeights({ ...weights, [`case:${c.name}`]: d.value })} />
        </Field>
      ))}
      {VLO_ACTIVITIES.map((a) => (
        <Field key={a} label={`Activity: ${a}`}>
          <Input value={weights[`act:${a}`] ?? ""} onChange={(_, d) => setWeights({ ...weights, [`act:${a}`]: d.value })} />
        </Field>
      ))}
      {weightProblems.length > 0 && (
        <ul role="alert">
          {weightProblems.map((p) => (
            <li key={p.message}>{p.message}</li>
          ))}
        </ul>
      )}
      <div style={{ marginTop: "12px" }}>
        <Button appearance="primary" disabled={!valid} onClick={apply}>
          Apply what-if
        </Button>
      </div>
    </div>
  );
}
