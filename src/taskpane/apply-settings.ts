/**
 * The pane's Apply: what-if settings, column mappings and VLO weights go to the workbook first, and
 * only once saved are they put in force for the custom functions and the workbook recalculated. So
 * a failed save leaves the functions on the figures the workbook still holds, and an Apply that
 * changes nothing neither saves nor recalculates.
 */
import { jsonEqual } from "../runtime/json-equal";
import type { AddinSettings } from "../runtime/settings";
import type { SettingsStore } from "./document-settings";

export interface ApplyDeps {
  /** Where settings are saved (the workbook's document settings). */
  readonly store: Pick<SettingsStore, "save">;
  /** Puts settings in force for the custom functions (setSettings). */
  readonly settings: { set(s: AddinSettings): void };
  /** A full recalculation of the workbook. */
  readonly recalculate: () => Promise<void>;
}

/**
 * Thrown by applySettings when the settings were saved and put in force but Excel could not
 * recalculate; `cause` is Excel's error. Any other error from applySettings means nothing changed.
 */
export class SavedButNotRecalculatedError extends Error {
  /** Always true: the settings are saved in the workbook and in force. */
  readonly saved = true;

  constructor(cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`The settings were saved in this workbook and are in force, but Excel could not recalculate (${why}): press Ctrl+Alt+F9 to recalculate every formula.`, { cause });
    this.name = "SavedButNotRecalculatedError";
  }
}

/** Whether applySettings failed only at the recalculation (the settings were saved and are in force). */
export function isSavedButNotRecalculated(e: unknown): e is SavedButNotRecalculatedError {
  return e instanceof SavedButNotRecalculatedError || (e instanceof Error && e.name === "SavedButNotRecalculatedError");
}

/**
 * Apply `next` over `prev` (the settings in force): "unchanged", doing nothing, when they are equal as
 * JSON (key order aside); otherwise save, then put in force, then recalculate, and "applied".
 * If the save fails its error is thrown and nothing is put in force. If only the recalculation fails,
 * a SavedButNotRecalculatedError is thrown: the settings are saved and in force.
 */
export async function applySettings(prev: AddinSettings, next: AddinSettings, deps: ApplyDeps): Promise<"unchanged" | "applied"> {
  if (jsonEqual(prev, next)) return "unchanged";
  await deps.store.save(next);
  deps.settings.set(next);
  try {
    await deps.recalculate();
  } catch (e) {
    throw new SavedButNotRecalculatedError(e);
  }
  return "applied";
}
