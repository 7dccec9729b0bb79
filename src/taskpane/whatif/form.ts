/**
 * The What-if form as data: what the boxes hold (text, in the boxes' units), read back into
 * settings. Pure, so the tab's rules are tested without a browser:
 *  - a figure is "changed" when it differs from the model's own figure (FIGURES);
 *  - Apply sends overrides only for figures that differ from the model, and a VLO weight table only
 *    when the weights differ from the table in force (none at all when they are the model's defaults);
 *  - "pending" counts what differs from the settings in force: what Apply would change.
 */
import { checkOverride, DEFAULT_VARIANTS, FIGURE_KEYS, FIGURES, type FigureKey, type Variants } from "../../model/config";
import { numberText } from "../../model/values";
import { checkVloTable, DEFAULT_VLO_WEIGHTS, VLO_ACTIVITIES, type VloActivity, type VloCaseTypeWeight, type VloWeightTable } from "../../model/vlo";
import type { Problem } from "../../model/problem";
import { jsonEqual } from "../../runtime/json-equal";
import { DEFAULT_SETTINGS, type AddinSettings } from "../../runtime/settings";
import { figureText, readFigure } from "./units";

export interface WhatIfForm {
  readonly variants: Variants;
  /** Each figure's box, as typed (percentages as percentages). */
  readonly figures: Readonly<Record<FigureKey, string>>;
  readonly vlo: {
    readonly caseTypes: readonly { readonly name: string; readonly text: string }[];
    readonly activities: Readonly<Record<VloActivity, string>>;
  };
}

/** The source a table set in this tab is given. */
export const PANE_VLO_SOURCE = "set in the task pane";

/** The VLO weight table in force: the division's, or the add-in's default. */
export function tableInForce(settings: AddinSettings): VloWeightTable {
  return settings.vloWeights ?? DEFAULT_VLO_WEIGHTS;
}

/** The form showing `settings`: each figure's value in force, in the box's units. */
export function formFrom(settings: AddinSettings): WhatIfForm {
  const table = tableInForce(settings);
  return {
    variants: { ...DEFAULT_VARIANTS, ...settings.variants },
    figures: Object.fromEntries(FIGURE_KEYS.map((k) => [k, figureText(k, inForce(settings, k))])) as Record<FigureKey, string>,
    vlo: {
      caseTypes: table.caseTypes.map((c) => ({ name: String(c.name), text: String(c.weight) })),
      activities: Object.fromEntries(VLO_ACTIVITIES.map((a) => [a, String(table.activities[a])])) as Record<VloActivity, string>,
    },
  };
}

/** The form showing the model's own figures: no variant, no override, the default VLO weights. */
export function modelForm(): WhatIfForm {
  return formFrom(DEFAULT_SETTINGS);
}

/** A figure's value in force (model units). */
function inForce(settings: AddinSettings, k: FigureKey): number | string {
  const raw = settings.overrides[k];
  if (raw === undefined) return FIGURES[k].value;
  const r = checkOverride(k, raw);
  return r.ok ? r.value : raw;
}

export interface FieldCheck {
  /** The value read (model units); absent when the box holds an error. */
  readonly value?: number | string;
  /** What is wrong, worded for the box. */
  readonly error?: string;
  /** Differs from the model's own figure (or the model has no such figure). */
  readonly changed: boolean;
  /** Differs from the value in force, or holds an error: Apply would change it. */
  readonly pending: boolean;
}

export interface WeightCheck extends FieldCheck {
  /** The model's weight, when the default table has this case type or activity. */
  readonly model?: number;
}

export interface Checked {
  readonly variants: Readonly<Record<keyof Variants, { readonly changed: boolean; readonly pending: boolean }>>;
  readonly figures: Readonly<Record<FigureKey, FieldCheck>>;
  readonly caseTypes: readonly WeightCheck[];
  readonly activities: Readonly<Record<VloActivity, WeightCheck>>;
  /** Problems with the VLO table as a whole, in plain words (none a single box can show). */
  readonly tableProblems: readonly string[];
  /** Boxes (and table problems) in error. */
  readonly errors: number;
  /** What Apply would change, counted box by box. */
  readonly pendingCount: number;
  /** The settings Apply would hand over; absent while anything is in error. */
  readonly next?: AddinSettings;
  /** `next` differs from the settings in force (always true while anything is in error). */
  readonly dirty: boolean;
  /** The form differs from the model's own figures (always true while anything is in error). */
  readonly differsFromModel: boolean;
}

export const WEIGHT_EXPECTATION = "Expected a number of 0 or more";

function readWeight(text: string): { value?: number; error?: string } {
  const n = numberText(text);
  return Number.isFinite(n) && n >= 0 ? { value: n } : { error: WEIGHT_EXPECTATION };
}

/** A whole-table problem from checkVloTable in the words of this tab (its rows are not the user's). */
function tableProblemText(p: Problem): string {
  switch (p.code) {
    case "vlo.tableDuplicate":
      return "Two case types have the same name: give each case type one weight.";
    case "vlo.tableName":
      return "A case type has no name.";
    case "vlo.tableNoCaseTypes":
      return "The table has no case types.";
    case "vlo.tableMissingActivity":
      return "An activity has no weight: give every activity a weight (0 if it does not count).";
    default:
      return p.message;
  }
}

function sameWeights(a: Pick<VloWeightTable, "caseTypes" | "activities">, b: Pick<VloWeightTable, "caseTypes" | "activities">): boolean {
  return jsonEqual(a.caseTypes, b.caseTypes) && jsonEqual(a.activities, b.activities);
}

/** Check every box against the model and the settings in force, and build what Apply would send. */
export function checkForm(form: WhatIfForm, settings: AddinSettings): Checked {
  let errors = 0;
  let pendingCount = 0;
  const count = (c: { pending: boolean }) => {
    if (c.pending) pendingCount++;
  };

  const variantChecks = Object.fromEntries(
    (Object.keys(DEFAULT_VARIANTS) as (keyof Variants)[]).map((k) => {
      const c = { changed: form.variants[k] !== DEFAULT_VARIANTS[k], pending: form.variants[k] !== (settings.variants[k] ?? DEFAULT_VARIANTS[k]) };
      count(c);
      return [k, c];
    }),
  ) as Record<keyof Variants, { changed: boolean; pending: boolean }>;

  const overrides: Record<string, number | string> = {};
  const figures = {} as Record<FigureKey, FieldCheck>;
  for (const k of FIGURE_KEYS) {
    const r = readFigure(k, form.figures[k] ?? "");
    let c: FieldCheck;
    if (r.ok) {
      c = { value: r.value, changed: r.value !== FIGURES[k].value, pending: r.value !== inForce(settings, k) };
      if (c.changed) overrides[k] = r.value;
    } else {
      c = { error: r.message, changed: false, pending: true };
      errors++;
    }
    count(c);
    figures[k] = c;
  }

  const base = tableInForce(settings);
  const modelCase = new Map(DEFAULT_VLO_WEIGHTS.caseTypes.map((c) => [c.name, c.weight]));
  const caseTypes: WeightCheck[] = form.vlo.caseTypes.map((c, i) => {
    const w = readWeight(c.text);
    const model = modelCase.get(c.name);
    const was = base.caseTypes[i];
    const check: WeightCheck = {
      ...w,
      ...(model !== undefined ? { model } : {}),
      changed: w.value !== undefined && w.value !== model,
      pending: w.value === undefined || was?.name !== c.name || was.weight !== w.value,
    };
    if (w.error) errors++;
    count(check);
    return check;
  });
  const activities = Object.fromEntries(
    VLO_ACTIVITIES.map((a) => {
      const w = readWeight(form.vlo.activities[a] ?? "");
      const model = DEFAULT_VLO_WEIGHTS.activities[a];
      const check: WeightCheck = { ...w, model, changed: w.value !== undefined && w.value !== model, pending: w.value === undefined || w.value !== base.activities[a] };
      if (w.error) errors++;
      count(check);
      return [a, check];
    }),
  ) as Record<VloActivity, WeightCheck>;

  let tableProblems: string[] = [];
  let vloWeights: VloWeightTable | undefined;
  const boxesOk = caseTypes.every((c) => c.value !== undefined) && VLO_ACTIVITIES.every((a) => activities[a].value !== undefined);
  if (boxesOk) {
    const weights = {
      caseTypes: form.vlo.caseTypes.map((c, i): VloCaseTypeWeight => ({ name: c.name, weight: caseTypes[i]!.value as number })),
      activities: Object.fromEntries(VLO_ACTIVITIES.map((a) => [a, activities[a].value as number])) as Record<VloActivity, number>,
    };
    // Weight problems are shown in their boxes; the rest concern the table as a whole.
    tableProblems = [...new Set(checkVloTable({ source: PANE_VLO_SOURCE, ...weights }, "VLO weights").filter((p) => p.code !== "vlo.tableWeight").map(tableProblemText))];
    errors += tableProblems.length;
    if (settings.vloWeights && sameWeights(weights, settings.vloWeights)) vloWeights = settings.vloWeights;
    else if (!sameWeights(weights, DEFAULT_VLO_WEIGHTS)) vloWeights = { source: PANE_VLO_SOURCE, ...weights };
  }

  let next: AddinSettings | undefined;
  if (errors === 0) {
    const { vloWeights: _inForce, ...rest } = settings;
    next = { ...rest, variants: form.variants, overrides, ...(vloWeights ? { vloWeights } : {}) };
  }
  const modelNext = next && { ...next, variants: DEFAULT_VARIANTS, overrides: {}, vloWeights: undefined };
  return {
    variants: variantChecks,
    figures,
    caseTypes,
    activities,
    tableProblems,
    errors,
    pendingCount,
    ...(next ? { next } : {}),
    dirty: next === undefined || !jsonEqual(next, settings),
    differsFromModel: next === undefined || !jsonEqual(next, modelNext),
  };
}
