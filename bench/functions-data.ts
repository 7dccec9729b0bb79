/**
 * The custom functions bench's data (bench/functions.bench.ts), from a fixed seed, so every run and
 * every child process sees the same cells; and its peer for TIER, Diagram 1 as a bare loop.
 */

export type Cell = string | number | boolean | null;
export type Col = Cell[][];
export type Gen = (r: () => number, i: number) => Cell;
export type FunctionMeta = { readonly id: string; readonly parameters: readonly { readonly name: string; readonly optional?: boolean }[] };

// --- data ---------------------------------------------------------------------------------------

/** mulberry32: a small seeded generator, so every run and every child sees the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (xs: readonly Cell[], blank = 0): Gen => (r) => (r() < blank ? null : xs[Math.floor(r() * xs.length)]!);
const yn = (yes: number, blank: number): Gen => (r) => {
  const x = r();
  return x < blank ? null : x < blank + yes ? "Y" : "N";
};
const num = (min: number, max: number, dp: number, blank = 0): Gen => (r) => (r() < blank ? null : Math.round((min + r() * (max - min)) * 10 ** dp) / 10 ** dp);
const column = (n: number, g: Gen, r: () => number): Col => Array.from({ length: n }, (_, i) => [g(r, i)]);
export const desktop = (c: Col): Col => c.map(([v]) => [v === null ? 0 : v!]);

const ROSH: readonly Cell[] = ["Low", "Low", "Low", "Medium", "Medium", "Medium", "High", "High", "Very High", "None"];
export const TIER_ARGS = ["rosh", "rsr", "ogrs", "mappa_category", "mappa_level", "child_protection_plan", "iom", "vulnerability"] as const;
export type TierCols = Record<(typeof TIER_ARGS)[number], Col>;

/** TIER's eight columns: about 1% empty rows, MAPPA on about 6% of cases (a level with each category), web blanks (null). */
export function tierColumns(n: number, seed: number): TierCols {
  const r = rng(seed);
  const c = Object.fromEntries(TIER_ARGS.map((a) => [a, [] as Col])) as TierCols;
  const [rosh, rsr, ogrs, cpp, iom, vul] = [pick(ROSH, 0.02), num(0, 10, 1, 0.15), num(0, 100, 0, 0.15), yn(0.08, 0.3), yn(0.06, 0.3), yn(0.15, 0.3)];
  for (let i = 0; i < n; i++) {
    const empty = r() < 0.01;
    const mappa = !empty && r() < 0.06;
    const cat = mappa ? 1 + Math.floor(r() * 3) : null;
    const lvl = mappa ? (r() < 0.7 ? 1 : 2 + Math.floor(r() * 2)) : null;
    const row: Cell[] = empty ? Array<Cell>(8).fill(null) : [rosh(r, i), rsr(r, i), ogrs(r, i), cat, lvl, cpp(r, i), iom(r, i), vul(r, i)];
    TIER_ARGS.forEach((a, k) => c[a].push([row[k]!]));
  }
  return c;
}

/** Every other function's columns by argument name; an optional argument not named here is omitted (null). */
const F = yn(0.1, 0.2);
const SPECS: Record<string, Record<string, Gen>> = {
  ALLOCATE_GRADE: { tier: pick(["A", "B1", "B2", "C1", "C2", "D1", "D2"]), rosh: pick(ROSH), pso_competent: F, crc_escalation: F, indeterminate: yn(0.03, 0.3) },
  REPORT_TYPE: Object.fromEntries(
    ["dangerousness", "terrorism", "complex_case", "serious_mental_health", "serious_sexual_violent", "child_safeguarding", "sentence_indicated", "complex_or_sensitive", "fdr_sufficient", "child_at_address", "dv_history", "mh_or_substance", "immigration"].map((a) => [a, F]),
  ),
  REPORT_AUTHOR: {
    ...Object.fromEntries(["dangerousness", "terrorism", "serious_mental_health", "mh_vulnerability_indicated", "child_safeguarding", "organised_crime", "rosh_info_needed"].map((a) => [a, F])),
    dv_risk: pick(["Low", "Medium", "High", "Very High"], 0.7),
    sexual_offending_risk: pick(["Low", "Medium", "High", "Very High"], 0.8),
  },
  REPORT_MIX: { report_types: pick(["Oral", "Oral", "FDR", "SDR"]), author_grades: pick(["PO", "PSO", "PSO"]) },
  VLO_WEIGHT: {
    case_type: pick(["Standard", "Sexual offence", "Domestic abuse", "Homicide", "Indeterminate", "Mental health order", "Non-statutory"]),
    ...{ home_visits: num(0, 5, 0, 0.2), phone_calls: num(0, 20, 0, 0.2), letters: num(0, 10, 0, 0.2), meetings: num(0, 6, 0, 0.2) },
    ...{ parole_representations: num(0, 2, 0, 0.6), mappa_representations: num(0, 2, 0, 0.6) },
  },
  ADMIN_NEEDED: { staff_fte: num(0, 20, 1, 0.05), team_type: pick(["OM", "OM", "Court"]) },
  SPO_NEEDED: { staff: num(0, 120, 0) },
  COMPLEX_CLUSTERS: {
    cluster_names: (_, i) => `Cluster ${i + 1}`,
    ...Object.fromEntries(([["volume", 5000, 0], ["complexity", 1, 3], ["partnerships", 30, 0], ["geography", 3000, 0], ["courts", 8, 0], ["offices", 10, 0]] as const).map(([a, max, dp]) => [a, num(0, max, dp)])),
  },
  YOS_FTE: { yos_caseload: num(0, 1000, 0) },
  PAROM_COUNTERSIGN: { assessments: pick(["Good", "Good", "Not good", "Requires improvement", "Inadequate"], 0.1) },
  WORKLOAD_POINTS: { tier: pick(["A", "B1", "B2", "C1", "C2", "D1", "D2"]), case_type: pick(["Community", "Community", "Licence", "Custody"]) },
  AVAILABLE_POINTS: { contracted_hours: pick([37, 37, 37, 30, 22.5, 18.5]), reduction_hours: num(0, 8, 1, 0.7) },
  CAPACITY: { points: num(0, 3000, 0), available_points: num(0, 2176, 0, 0.02) },
  OM_POINTS: { om_names: (_, i) => `OM ${i % 2000}`, case_om: (r) => `OM ${Math.floor(r() * 2000)}`, case_points: pick([150, 106, 93, 57, 45, 36, 24]) },
  REDUCTION_HOURS: { reason: pick(["Long-term sickness", "Newly qualified officer", "PSO learning and development"]), contracted_hours: pick([37, 30, 22.5]) },
  BEST_OM: {
    grade: pick(["PO", "PSO"]),
    case_points: pick([150, 106, 93, 57, 45, 36, 24]),
    om_names: (_, i) => `OM ${i}`,
    om_grades: pick(["PO", "PSO", "SPO"]),
    om_points: num(0, 2500, 0),
    om_available: pick([2176, 2176, 1764, 1088]),
  },
};

export function argsFor(meta: FunctionMeta, n: number, seed: number): unknown[] {
  const spec = SPECS[meta.id];
  if (!spec) throw new Error(`the bench has no data for ${meta.id}: add it to SPECS`);
  const unknown = Object.keys(spec).filter((a) => !meta.parameters.some((p) => p.name === a));
  if (unknown.length > 0) throw new Error(`${meta.id} has no argument ${unknown.join(", ")} in dist/functions.json`);
  const r = rng(seed);
  return meta.parameters.map((p) => {
    const g = spec[p.name];
    if (g) return column(n, g, r);
    if (p.optional === true) return null;
    throw new Error(`the bench has no data for ${meta.id}(${p.name})`);
  });
}

/**
 * VLO_WEIGHT's arguments for `cases` cases against a division's table of `types` case types (Kind |
 * Name | Weight, then the six activities), or the default table when `types` is 0. Each case's type
 * is a different row of the table (7919 is prime), so every lookup has to find its own.
 */
export function vloTableArgs(meta: FunctionMeta, types: number, cases: number, seed: number): unknown[] {
  const names = meta.parameters.map((p) => p.name);
  if (names[0] !== "case_type" || names[7] !== "weights") throw new Error(`VLO_WEIGHT's arguments are now ${names.join(", ")}: update the bench`);
  const r = rng(seed);
  const args = argsFor(meta, cases, seed);
  if (types === 0) return args;
  const table: Cell[][] = [["Kind", "Name", "Weight"]];
  for (let i = 0; i < types; i++) table.push(["case type", `Type ${i}`, 0.5 + Math.round(r() * 8) / 4]);
  for (const a of ["home visit", "phone call", "letter", "meeting", "parole representation", "MAPPA representation"]) table.push(["activity", a, 1]);
  args[0] = Array.from({ length: cases }, (_, i): Cell[] => [`Type ${(i * 7919) % types}`]);
  args[7] = table;
  return args;
}

// --- the peer: Diagram 1 as a bare loop ---------------------------------------------------------

/** Tiers of web-convention columns (blank = null), one per row as TIER spills them: "" for an empty row, "#" for an error. */
export function bareTier(c: TierCols): string[][] {
  const n = c.rosh.length;
  const out = new Array<string[]>(n);
  for (let i = 0; i < n; i++) {
    const ro = c.rosh[i]![0], rs = c.rsr[i]![0], og = c.ogrs[i]![0], cat = c.mappa_category[i]![0], lvl = c.mappa_level[i]![0];
    const cpp = c.child_protection_plan[i]![0], iom = c.iom[i]![0], vul = c.vulnerability[i]![0];
    if (ro === null && rs === null && og === null && cat === null && lvl === null && cpp === null && iom === null && vul === null) out[i] = [""];
    else if (ro === null && (rs ?? 0) === 0 && (og ?? 0) === 0 && (rs !== null || og !== null)) out[i] = ["#"]; // 0 alone may be desktop's blank
    else if (cat !== null && lvl === null) out[i] = ["#"];
    else if (lvl === 2 || lvl === 3) out[i] = ["A"];
    else {
      let band = -1; // 0 D, 1 C, 2 B
      if (typeof rs === "number") band = rs >= 6.9 ? 2 : rs >= 3 ? 1 : 0;
      if (typeof og === "number") band = Math.max(band, og >= 90 ? 2 : og >= 75 ? 1 : 0);
      if (ro !== null) band = Math.max(band, ro === "High" || ro === "Very High" ? 2 : ro === "Medium" ? 1 : 0);
      const factor = (cat === 1 && lvl === 1) || cpp === "Y" || iom === "Y" || vul === "Y";
      out[i] = [band < 0 ? "#" : "DCB"[band]! + (factor ? "1" : "2")];
    }
  }
  return out;
}
