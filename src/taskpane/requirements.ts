/**
 * The Office APIs the add-in calls, the requirement set each belongs to, and which pane feature
 * needs it; what manifest.xml must declare (REQUIRED_SETS); and, at run time, which features this
 * Excel cannot offer, in words a business manager can act on (checkRequirements).
 *
 * Pure: nothing here touches Office. The pane passes
 * `(name, version) => Office.context.requirements.isSetSupported(name, version)`; tests pass a fake.
 *
 * Sets are those of the `[Api set: ...]` tags in @types/office-js and @types/custom-functions-runtime
 * (test/taskpane/requirements.test.ts checks each Excel entry against them, and the table against the
 * code). Excel versions are from Microsoft's requirement set tables ("Excel JavaScript API requirement
 * sets", "Custom Functions requirement sets", "Shared runtime requirement sets" on learn.microsoft.com):
 * ExcelApi 1.4 and 1.7 came with Excel 2019 (Microsoft 365 builds 1701 and 1801, Mac 15.36 and 16.9);
 * ExcelApi 1.9 is not in Excel 2019, only Excel 2021 and Microsoft 365 (build 1903, Mac 16.24);
 * CustomFunctionsRuntime 1.2 (Microsoft 365 build 1909, Mac 16.34) and SharedRuntime 1.1 (build 2002,
 * Mac 16.35) need Excel 2021 or later. Excel on the web has them all; Excel on iPad has neither runtime.
 */

/** What the pane (or the functions) offers, each of which needs some APIs. */
export type Feature = "read" | "select" | "report" | "highlight" | "template" | "whatif" | "settings" | "functions";

export type RequirementSet = "ExcelApi" | "CustomFunctionsRuntime" | "SharedRuntime" | "Settings";

export interface OfficeApi {
  /** "Class.member" as @types/office-js names it (for Excel APIs), or what the add-in relies on. */
  readonly api: string;
  readonly set: RequirementSet;
  readonly version: string;
  /** Every feature that calls it (an API several features share is listed once). */
  readonly features: readonly Feature[];
  /** The code has a fallback without it: not declared in the manifest, turns nothing off. */
  readonly optional?: true;
  /** A common API in every Excel that runs add-ins at all (2016 on): neither declared nor checked. */
  readonly everywhere?: true;
}

/** Each Office API the code uses. Keep in step with the code: test/taskpane/requirements.test.ts scans it. */
export const OFFICE_APIS: readonly OfficeApi[] = [
  // Reading the workbook
  { api: "Workbook.worksheets", set: "ExcelApi", version: "1.1", features: ["read", "select", "report", "highlight", "template"] },
  { api: "Worksheet.getUsedRangeOrNullObject", set: "ExcelApi", version: "1.4", features: ["read"] },
  { api: "Worksheet.getRange", set: "ExcelApi", version: "1.1", features: ["read", "select", "report", "highlight", "template"] },
  { api: "Range.values", set: "ExcelApi", version: "1.1", features: ["read", "report", "template"] },
  { api: "Range.numberFormat", set: "ExcelApi", version: "1.1", features: ["read"] },
  // Going to a finding's cell (select)
  { api: "WorksheetCollection.getItem", set: "ExcelApi", version: "1.1", features: ["select", "highlight"] },
  { api: "Worksheet.activate", set: "ExcelApi", version: "1.1", features: ["select", "report"] },
  { api: "Range.select", set: "ExcelApi", version: "1.1", features: ["select"] },
  // The report sheet: built under a working name, then renamed into the old one's place
  { api: "WorksheetCollection.getItemOrNullObject", set: "ExcelApi", version: "1.4", features: ["report", "highlight"] },
  { api: "Worksheet.delete", set: "ExcelApi", version: "1.1", features: ["report"] },
  { api: "Worksheet.name", set: "ExcelApi", version: "1.1", features: ["report"] },
  { api: "Worksheet.position", set: "ExcelApi", version: "1.1", features: ["report"] },
  { api: "WorksheetCollection.add", set: "ExcelApi", version: "1.1", features: ["report", "template"] },
  { api: "Range.hyperlink", set: "ExcelApi", version: "1.7", features: ["report"] },
  { api: "RangeFont.bold", set: "ExcelApi", version: "1.1", features: ["report", "template"] },
  { api: "Worksheet.freezePanes", set: "ExcelApi", version: "1.7", features: ["report"] },
  { api: "WorksheetFreezePanes.freezeRows", set: "ExcelApi", version: "1.7", features: ["report"] },
  { api: "Range.format", set: "ExcelApi", version: "1.1", features: ["report", "highlight", "template"] },
  // Highlighting cells and clearing them
  { api: "RangeFormat.fill", set: "ExcelApi", version: "1.1", features: ["highlight"] },
  { api: "RangeFill.color", set: "ExcelApi", version: "1.1", features: ["highlight"] },
  { api: "RangeFill.clear", set: "ExcelApi", version: "1.1", features: ["highlight"] },
  { api: "Worksheet.getRanges", set: "ExcelApi", version: "1.9", features: ["highlight"], optional: true },
  // What-if: recalculate so the functions see new figures; the functions and pane share one runtime
  { api: "Application.calculate", set: "ExcelApi", version: "1.1", features: ["whatif"] },
  { api: "Shared runtime (functions and pane on one page)", set: "SharedRuntime", version: "1.1", features: ["whatif"] },
  // Settings kept in the workbook
  { api: "Office.context.document.settings", set: "Settings", version: "1.1", features: ["settings"], everywhere: true },
  // The custom functions: #VALUE! and #N/A with a message
  { api: "CustomFunctions.Error", set: "CustomFunctionsRuntime", version: "1.2", features: ["functions"] },
];

/** What each feature is called where a manager sees it, and what happens without it. */
export const FEATURES: Readonly<Record<Feature, { readonly does: string; readonly off: string }>> = {
  read: { does: "Validating the workbook", off: "Validate is turned off" },
  select: { does: "Going to a finding's cell", off: "the cell buttons are turned off" },
  report: { does: "Writing the report sheet", off: "Write report sheet is turned off" },
  highlight: { does: "Highlighting cells", off: "Highlight is turned off" },
  template: { does: "Adding the template sheets", off: "Template is turned off" },
  whatif: { does: "Applying what-if figures to the NPS functions", off: "Apply is turned off" },
  settings: { does: "Keeping the pane's settings in the workbook", off: "settings are not saved with the workbook" },
  functions: { does: "Using the NPS functions", off: "the NPS functions will not work" },
};

/** Which Excel has each set at each version the table uses (Microsoft's requirement set tables). */
export const EXCEL_VERSIONS: Readonly<Record<string, string>> = {
  "ExcelApi 1.1": "Excel 2016 or later, Microsoft 365 or Excel on the web",
  "ExcelApi 1.4": "Excel 2019 or later, Microsoft 365 or Excel on the web",
  "ExcelApi 1.7": "Excel 2019 or later, Microsoft 365 or Excel on the web",
  "ExcelApi 1.9": "Excel 2021 or later, Microsoft 365 or Excel on the web",
  "CustomFunctionsRuntime 1.2": "Excel 2021 or later, Microsoft 365 or Excel on the web",
  "SharedRuntime 1.1": "Excel 2021 or later, Microsoft 365 or Excel on the web",
  "Settings 1.1": "Excel 2016 or later, Microsoft 365 or Excel on the web",
};

/** -1, 0 or 1 as version a is below, equal to or above b ("1.10" is above "1.9"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** The highest version of each set among `entries`, sets in name order. */
function highest(entries: readonly OfficeApi[]): { name: RequirementSet; version: string }[] {
  const top = new Map<RequirementSet, string>();
  for (const e of entries) {
    const v = top.get(e.set);
    if (v === undefined || compareVersions(e.version, v) > 0) top.set(e.set, e.version);
  }
  return [...top].map(([name, version]) => ({ name, version })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Entries the add-in cannot work without, and that Office can be asked about. */
const ESSENTIAL = OFFICE_APIS.filter((e) => !e.optional && !e.everywhere);

/** What manifest.xml's <Requirements><Sets> declares: the highest essential version of each set. */
export const REQUIRED_SETS: readonly { readonly name: RequirementSet; readonly version: string }[] = highest(ESSENTIAL);

export interface MissingFeature {
  readonly feature: Feature;
  readonly set: RequirementSet;
  readonly version: string;
  readonly message: string;
}

export interface RequirementCheck {
  /** Features this Excel cannot offer, one per feature and set, in the order of FEATURES. */
  readonly missing: readonly MissingFeature[];
  /** Whether Worksheet.getRanges (several cells in one call) can be used; otherwise cell by cell. */
  readonly canUseGetRanges: boolean;
}

/** The sentence a manager reads when a feature is off. */
export function missingMessage(feature: Feature, set: RequirementSet, version: string): string {
  const f = FEATURES[feature];
  const where = EXCEL_VERSIONS[`${set} ${version}`] ?? "a newer Excel";
  return `${f.does} needs ${where} (${set} ${version}); this Excel does not have it, so ${f.off}.`;
}

/** Ask `isSetSupported` (Office.context.requirements.isSetSupported in Excel) about every essential set. */
export function checkRequirements(isSetSupported: (name: string, version: string) => boolean): RequirementCheck {
  const missing: MissingFeature[] = [];
  for (const feature of Object.keys(FEATURES) as Feature[]) {
    for (const { name, version } of highest(ESSENTIAL.filter((e) => e.features.includes(feature)))) {
      if (!isSetSupported(name, version)) missing.push({ feature, set: name, version, message: missingMessage(feature, name, version) });
    }
  }
  const getRanges = OFFICE_APIS.find((e) => e.api === "Worksheet.getRanges")!;
  return { missing, canUseGetRanges: isSetSupported(getRanges.set, getRanges.version) };
}
