/**
 * A synthetic probation division (no real people), generated from a fixed seed: six LDU clusters,
 * about 250 staff with their contracted hours, a few thousand cases, a year of court reports with
 * their authors, three Approved Premises, PAROMs and unpaid work. The data keeps every rule of the
 * operating model, and every OM is within capacity (HMPPS Workload Management Tool), except for the
 * deliberate breaches it returns in `breaches`, which the validator must find, and nothing else.
 *
 * The tiers and grades are worked out by the same model code the add-in uses, so the clean part
 * of the division is clean by construction. Plain values only: scripts/make-samples.ts and the
 * benchmark write them with ExcelJS.
 */
import { allocateGrade } from "../src/model/allocate";
import { DEFAULT_CONFIG } from "../src/model/config";
import { LAYOUT, type SheetKind } from "../src/model/layout";
import { computeTier, type TierInput } from "../src/model/tier";
import type { CellValue, Grade, Rosh, Tier } from "../src/model/values";
import { availablePoints, casePoints, caseTypeOfSentence, highestCasePoints, reductionHours, reportPoints } from "../src/model/workload";

export interface SampleSheet {
  readonly kind: SheetKind;
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: CellValue[][];
}

/** A deliberate breach: the rule that must find it, and where (sheet and cell, or the sheet alone). */
export interface Breach {
  readonly rule: string;
  readonly sheet: string;
  readonly cell?: string;
  readonly what: string;
}

export interface Division {
  readonly sheets: SampleSheet[];
  readonly breaches: Breach[];
}

/** mulberry32: small, fast and deterministic, so the sample is the same on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ["Alex", "Sam", "Jo", "Chris", "Pat", "Jamie", "Robin", "Morgan", "Casey", "Taylor", "Jordan", "Riley", "Avery", "Quinn", "Drew", "Kit", "Lee", "Max", "Nat", "Ollie"];
const LAST = ["Ash", "Birch", "Cedar", "Dale", "Elm", "Fern", "Glen", "Hazel", "Ivy", "Juniper", "Kestrel", "Larch", "Moss", "Nettle", "Oak", "Pine", "Reed", "Sorrel", "Thorn", "Willow", "Yarrow", "Heath", "Brook", "Marsh"];
const CLUSTERS = ["Aire", "Calder", "Don", "Esk", "Nidd", "Swale"];

/** Column headers from the documented layout, in its order. */
function headerOf(kind: SheetKind): string[] {
  return LAYOUT.find((d) => d.kind === kind)!.fields.map((f) => f.header);
}

function rowOf(kind: SheetKind, values: Readonly<Record<string, CellValue>>): CellValue[] {
  return LAYOUT.find((d) => d.kind === kind)!.fields.map((f) => values[f.id] ?? null);
}

function sheetName(kind: SheetKind): string {
  return LAYOUT.find((d) => d.kind === kind)!.name;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const serial = (y: number, m: number, d: number) => Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_MS) / 86_400_000);

/** Add working days (Monday to Friday) to an Excel serial date. */
function addBusinessDays(s: number, n: number): number {
  let d = s;
  let left = n;
  while (left > 0) {
    d++;
    const dow = d % 7; // for serials after February 1900: 0 is a Saturday, 1 a Sunday
    if (dow !== 0 && dow !== 1) left--;
  }
  return d;
}

export interface SampleOptions {
  /** Number of cases (the sample uses 3,000; the benchmark 100,000). */
  readonly cases?: number;
  readonly seed?: number;
  /** Leave the deliberate breaches out (for the benchmark's clean runs or tests). */
  readonly clean?: boolean;
  /**
   * At least this many staff: OM teams are added, one cluster at a time, until the Staff sheet has
   * this many rows (the benchmark asks for 2,000). By default one more OM team per cluster.
   */
  readonly staff?: number;
}

export function makeDivision(opts: SampleOptions = {}): Division {
  const random = rng(opts.seed ?? 20261124);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const chance = (p: number) => random() < p;
  const used = new Set<string>();
  /** A new name, drawn from `r`: the main draw for the first staff, another for the added OM teams, so adding them changes nothing else. */
  const personFrom = (r: () => number): string => {
    const from = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    for (;;) {
      const n = `${from(FIRST)} ${from(LAST)}`;
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
      const m = `${n} ${String.fromCharCode(65 + Math.floor(r() * 26))}`;
      if (!used.has(m)) {
        used.add(m);
        return m;
      }
    }
  };
  const person = (): string => personFrom(random);

  const staff: Record<string, CellValue>[] = [];
  const teams: Record<string, CellValue>[] = [];
  const clusters: Record<string, CellValue>[] = [];
  const add = (s: Record<string, CellValue>) => {
    staff.push({ fte: 1, vlo: "No", yosSecondment: "No", ...s });
    return String(s["name"]);
  };

  // --- clusters, their leadership and teams -------------------------------------------------
  const omsByGrade: { PO: { name: string; team: string; cluster: string }[]; PSO: { name: string; team: string; cluster: string }[] } = { PO: [], PSO: [] };
  const spos: string[] = [];
  /** Each cluster's Head of LDU and SAO (who line-manage the added OM teams' SPOs and CAs), and its court PSOs (who write its reports). */
  const leaders: { head: string; sao: string }[] = [];
  const courtPsos: string[][] = [];
  CLUSTERS.forEach((cluster, ci) => {
    const complex = ci < 2; // the first two have the largest measures (top 25% of 6 is 1.5, rounded up to 2)
    const head = add({ name: person(), role: "Head of LDU", team: `${cluster} management`, cluster });
    const sosm = complex ? add({ name: person(), role: "SOSM", team: `${cluster} management`, cluster, lineManager: head }) : undefined;
    const bm = add({ name: person(), role: "BM", team: `${cluster} management`, cluster, lineManager: sosm ?? head });
    add({ name: person(), role: "DM", team: `${cluster} management`, cluster, lineManager: bm });
    const sao = add({ name: person(), role: "SAO", team: `${cluster} management`, cluster, lineManager: bm });
    leaders.push({ head, sao });
    clusters.push({
      cluster,
      head,
      caseloadVolume: complex ? 900 - ci * 40 : 400 + ((ci * 37) % 120),
      caseloadComplexity: complex ? 80 - ci * 5 : 40 + ((ci * 7) % 15),
      partnerships: complex ? 12 : 5 + (ci % 3),
      geography: complex ? 9 - ci : 3 + (ci % 3),
      courts: complex ? 4 : 2,
      offices: complex ? 5 : 2 + (ci % 2),
    });
    teams.push({ team: `${cluster} management`, type: "Management", cluster });
    // Two OM teams: an SPO, 3 POs, 2 PSOs and 1.5 FTE of CAs each (5 OM FTE needs 1.25 CA FTE at 1:4).
    for (const side of ["North", "South"]) {
      const team = `${cluster} ${side}`;
      teams.push({ team, type: "OM", cluster });
      // The North team's SPO is also the cluster's YOS link SPO (NPS Operating Model v1.0, ch.7).
      const spo = add({ name: person(), role: "SPO", team, cluster, lineManager: head, yosLinkSpo: side === "North" ? "Yes" : "No" });
      spos.push(spo);
      for (let i = 0; i < 3; i++) omsByGrade.PO.push({ name: add({ name: person(), role: "PO", team, cluster, lineManager: spo }), team, cluster });
      for (let i = 0; i < 2; i++) omsByGrade.PSO.push({ name: add({ name: person(), role: "PSO", team, cluster, lineManager: spo }), team, cluster });
      add({ name: person(), role: "CA", team, cluster, lineManager: sao });
      add({ name: person(), role: "CA", team, cluster, lineManager: sao, fte: 0.5 });
    }
    // A court team: 3 PSO FTE need 1 CA at 1:3; its PSOs report to the North team's SPO (5 + 3 = 8 staff).
    const court = `${cluster} Court`;
    teams.push({ team: court, type: "Court", cluster });
    const courtSpo = spos[spos.length - 2]!;
    courtPsos.push([0, 1, 2].map(() => add({ name: person(), role: "PSO", team: court, cluster, lineManager: courtSpo })));
    add({ name: person(), role: "CA", team: court, cluster, lineManager: sao });
  });

  // --- victims, YOS, Approved Premises ----------------------------------------------------------
  const victimsSpo = add({ name: person(), role: "SPO", team: "Victims", cluster: CLUSTERS[0], lineManager: String(staff[0]!["name"]) });
  teams.push({ team: "Victims", type: "Victims", cluster: CLUSTERS[0] });
  const vlos = [0, 1, 2].map(() => add({ name: person(), role: "VLO", team: "Victims", cluster: CLUSTERS[0], vlo: "Yes", lineManager: victimsSpo }));
  // YOS: 400 cases; 10% is 40 cases; at 40 cases per PO that is 1.0 FTE of seconded PO.
  const yosStart = serial(2025, 4, 1);
  for (const [i, cluster] of [CLUSTERS[0]!, CLUSTERS[3]!].entries()) {
    const team = `${cluster} YOS`;
    teams.push({ team, type: "YOS", cluster, yosCaseload: 400 });
    add({ name: person(), role: "PO", team, cluster, yosSecondment: "Yes", secondmentStart: yosStart + i * 30, lineManager: victimsSpo });
  }
  const areaManager = add({ name: person(), role: "AP area manager", team: "Approved Premises", cluster: CLUSTERS[1] });
  add({ name: person(), role: "Financial administrator", team: "Approved Premises", cluster: CLUSTERS[1], lineManager: areaManager });
  teams.push({ team: "Approved Premises", type: "AP", cluster: CLUSTERS[1] });
  const aps = [
    { ap: "Elm House", apType: "Men", residents: 22 },
    { ap: "Rowan House", apType: "Women", residents: 14 },
    { ap: "Oak Lodge", apType: "PIPE", residents: 18 },
  ].map((a) => {
    const manager = add({ name: person(), role: "AP manager", team: "Approved Premises", cluster: CLUSTERS[1], lineManager: areaManager });
    const female = a.apType === "Women";
    for (let i = 0; i < 2; i++) add({ name: person(), role: "Residential worker", team: "Approved Premises", cluster: CLUSTERS[1], lineManager: manager, ...(female ? { gender: "Female" } : {}) });
    return {
      ...a,
      manager,
      areaManager,
      wakingStaffMin: 2,
      caFte: 0.5,
      keyWorkerPo: a.apType === "PIPE" ? "Yes" : "No",
      operationalStaff: 6,
      femaleOperationalStaff: female ? 6 : 2,
      purposefulHours: 7.5,
    };
  });

  // --- more OM teams, so that capacity is plausible (HMPPS Workload Management Tool) -------------
  // Under WMT's points the North and South teams' POs alone would hold about twice their available
  // points. Each cluster gets another OM team: an SPO, 9 POs and a PSO (10 staff: 1:10) and 2.5 FTE
  // of CAs (1:4). Their names come from a draw of their own, so everything above is unchanged.
  const extraRandom = rng((opts.seed ?? 20261124) ^ 0x5a17);
  const firstExtraPo = omsByGrade.PO.length;
  for (let k = 0; k < CLUSTERS.length || staff.length < (opts.staff ?? 0); k++) {
    const ci = k % CLUSTERS.length;
    const cluster = CLUSTERS[ci]!;
    const n = Math.floor(k / CLUSTERS.length);
    const team = `${cluster} East${n > 0 ? ` ${n + 1}` : ""}`;
    teams.push({ team, type: "OM", cluster });
    const spo = add({ name: personFrom(extraRandom), role: "SPO", team, cluster, lineManager: leaders[ci]!.head, yosLinkSpo: "No" });
    spos.push(spo);
    for (let i = 0; i < 9; i++) omsByGrade.PO.push({ name: add({ name: personFrom(extraRandom), role: "PO", team, cluster, lineManager: spo }), team, cluster });
    omsByGrade.PSO.push({ name: add({ name: personFrom(extraRandom), role: "PSO", team, cluster, lineManager: spo }), team, cluster });
    for (const fte of [1, 1, 0.5]) add({ name: personFrom(extraRandom), role: "CA", team, cluster, lineManager: leaders[ci]!.sao, fte });
  }

  // --- caseload ---------------------------------------------------------------------------------
  const nCases = opts.cases ?? 3000;
  const cases: Record<string, CellValue>[] = [];
  for (let i = 0; i < nCases; i++) {
    const roshDraw = random();
    const rosh: Rosh = roshDraw < 0.33 ? "Low" : roshDraw < 0.83 ? "Medium" : roshDraw < 0.98 ? "High" : "Very High";
    const rsr = Math.round(random() ** 2 * 120) / 10; // 0.0-12.0, mostly low
    const ogrs = Math.floor(random() * 99);
    const mappa = chance(0.08);
    const mappaCategory = mappa ? pick([1, 1, 2, 3] as const) : undefined;
    const mappaLevel = mappa ? pick([1, 1, 1, 2, 3] as const) : undefined;
    const input: TierInput = {
      rosh,
      rsr,
      ogrs,
      mappaCategory,
      mappaLevel,
      childProtectionPlan: chance(0.08),
      iom: chance(0.12),
      vulnerability: chance(0.15),
      domesticViolence: chance(0.2),
    };
    const tier = computeTier(input);
    if (!tier.ok) throw new Error(`sample case ${i}: ${tier.problem.message}`);
    const sentenceType = pick(["Community", "Community", "Custody", "Licence", "Licence", "Indeterminate"]);
    const grade = allocateGrade({ tier: tier.value, rosh, psoCompetent: false, crcEscalation: false, indeterminate: sentenceType === "Indeterminate" });
    if (!grade.ok) throw new Error(`sample case ${i}: ${grade.problem.message}`);
    const yn = (b: boolean | undefined) => (b === true ? "Yes" : "No");
    // The OM, team and cluster are filled in below, once the OMs' hours are known.
    cases.push({
      caseId: `X${String(100000 + i * 7 + 3).padStart(6, "0")}`,
      omGrade: grade.value.grade,
      rosh,
      rsr,
      ogrs,
      mappaCategory: mappaCategory ?? null,
      mappaLevel: mappaLevel ?? null,
      childProtectionPlan: yn(input.childProtectionPlan),
      iom: yn(input.iom),
      vulnerability: yn(input.vulnerability),
      domesticViolence: yn(input.domesticViolence),
      recordedTier: tier.value,
      sentenceType,
      crcEscalation: "No",
      psoCompetent: "No",
    });
  }

  // --- a year of court reports: 60/30/10 by type, 35/65 by author, shuffled --------------------------
  const reports: Record<string, CellValue>[] = [];
  const nReports = 1200;
  const types = [...Array<string>(720).fill("Oral"), ...Array<string>(360).fill("FDR"), ...Array<string>(120).fill("SDR")];
  const authors = [...Array<string>(420).fill("PO"), ...Array<string>(780).fill("PSO")];
  for (const xs of [types, authors])
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
  const yearStart = serial(2025, 10, 1);
  // Each report's author, by name, so that it counts in their workload: the court team's PSOs write
  // the PSO reports, the cluster's North and South POs the PO reports, each in turn.
  const written = CLUSTERS.map(() => ({ PO: 0, PSO: 0 }));
  for (let i = 0; i < nReports; i++) {
    const ci = i % CLUSTERS.length;
    const grade = authors[i] as Grade;
    const writers = grade === "PO" ? omsByGrade.PO.slice(ci * 6, ci * 6 + 6).map((o) => o.name) : courtPsos[ci]!;
    const author = writers[written[ci]![grade]++ % writers.length]!;
    reports.push({ reportId: `R${String(i + 1).padStart(5, "0")}`, date: yearStart + Math.floor((i * 365) / nReports), reportType: types[i]!, authorGrade: grade, team: `${CLUSTERS[ci]!} Court`, author });
  }

  // --- PAROMs: countersigned until three successive Good -----------------------------------------
  const paroms: Record<string, CellValue>[] = [];
  omsByGrade.PO.slice(0, 30).forEach((om, k) => {
    let run = 0;
    for (let j = 0; j < 4; j++) {
      const assessment = chance(0.75) ? "Good" : "Requires improvement";
      paroms.push({ om: om.name, date: serial(2025, 1, 10) + k * 3 + j * 60, assessment, countersigned: run >= 3 ? "No" : "Yes" });
      run = assessment === "Good" ? run + 1 : 0;
    }
  });

  // --- unpaid work: starts within 20 working days, done within 12 months, short travel -----------
  // Sentenced over the ten months to September 2026; the older half is completed, the rest still runs
  // (its 12 months are not up by the workbook's latest date, so it is not overdue).
  const upw: Record<string, CellValue>[] = [];
  for (let i = 0; i < 300; i++) {
    const sentenceDate = serial(2025, 12, 1) + i;
    const hoursOrdered = pick([40, 60, 80, 100, 150, 200, 300]);
    const done = i < 150;
    upw.push({
      caseId: cases[(i * 9) % cases.length]!["caseId"] ?? null,
      sentenceDate,
      startDate: addBusinessDays(sentenceDate, 1 + Math.floor(random() * 15)),
      completedDate: done ? sentenceDate + 60 + Math.floor(random() * 100) : null,
      hoursOrdered,
      educationHours: Math.floor(hoursOrdered * 0.2 * random()),
      travelMinutes: 10 + Math.floor(random() * 60),
    });
  }

  // --- workload (HMPPS Workload Management Tool): hours, reductions, and cases allocated by capacity --
  // Everyone has contracted hours: 37 a week full time, their FTE's share otherwise. A few OMs work
  // part time (their FTE follows), and three have reductions: a newly qualified officer (20% of their
  // hours, none given), trade union facility time and another reason, each with its hours. None is in
  // Don South, whose 5.0 FTE of OMs is a deliberate breach below.
  const config = DEFAULT_CONFIG;
  const byName = new Map(staff.map((s) => [String(s["name"]), s]));
  const poName = (ci: number, side: number, i: number) => omsByGrade.PO[ci * 6 + side * 3 + i]!.name;
  const psoName = (ci: number, side: number, i: number) => omsByGrade.PSO[ci * 4 + side * 2 + i]!.name;
  const partTime: [string, number][] = [
    [poName(0, 1, 1), 30],
    [poName(3, 0, 2), 22.5],
    [psoName(1, 1, 0), 18.5],
    [psoName(5, 0, 1), 30],
    [courtPsos[4]![1]!, 22.5],
  ];
  for (const [name, hours] of partTime) Object.assign(byName.get(name)!, { contractedHours: hours, fte: Math.round((hours / 37) * 100) / 100 });
  Object.assign(byName.get(omsByGrade.PO[firstExtraPo + 8]!.name)!, { reductionReason: "Newly qualified officer" });
  Object.assign(byName.get(psoName(4, 1, 1))!, { reductionReason: "Trade union facility time", reductionHours: 7.5 });
  Object.assign(byName.get(poName(1, 0, 1))!, { reductionReason: "Other", reductionHours: 4 });
  for (const s of staff) s["contractedHours"] ??= Math.round(37 * (s["fte"] as number) * 10) / 10;
  const availableOf = (s: Record<string, CellValue>): number => {
    const contracted = s["contractedHours"] as number;
    const reason = s["reductionReason"];
    const given = s["reductionHours"];
    const cut = reason === undefined && given === undefined ? undefined : reductionHours(reason as string | undefined, contracted, given as number | undefined);
    if (cut !== undefined && !cut.ok) throw new Error(`sample staff ${String(s["name"])}: ${cut.problem.message}`);
    return availablePoints(contracted, cut?.value.hours ?? 0, config.wmtNominalTarget, config.wmtDefaultHours);
  };

  // Reports and PAROMs in the 30 days to the workbook's latest date count for their authors.
  let asOf = -Infinity;
  for (const d of [...reports.map((r) => r["date"]), ...paroms.map((p) => p["date"]), ...upw.flatMap((u) => [u["sentenceDate"], u["startDate"], u["completedDate"]])])
    if (typeof d === "number" && d > asOf) asOf = d;
  const held = new Map<string, number>();
  const hold = (name: string, points: number) => held.set(name, (held.get(name) ?? 0) + points);
  const inWindow = (d: CellValue) => typeof d === "number" && d <= asOf && d >= asOf - 30;
  for (const r of reports) if (inWindow(r["date"])) hold(String(r["author"]), reportPoints(r["reportType"] as "Oral" | "SDR" | "FDR", config));
  for (const p of paroms) if (inWindow(p["date"])) hold(String(p["om"]), reportPoints("PAROM", config));

  // Cases go as an SPO using WMT gives them: the heaviest first, each to the OM of the advised grade
  // with the most room against their own share of their available points (from 85% to 100% for POs,
  // 75% to 100% for PSOs, so capacities spread as real teams' do).
  const casePointsOf = (c: Record<string, CellValue>) => {
    const tier = c["recordedTier"] as Tier;
    const type = caseTypeOfSentence(c["sentenceType"]);
    return type === undefined ? highestCasePoints(tier, config) : casePoints(tier, type, config);
  };
  // One PO is given cases as if they had half as many hours again: the over-capacity OM among the deliberate breaches.
  const overloaded = opts.clean === true ? undefined : poName(4, 0, 0);
  const pools = (["PO", "PSO"] as const).map((grade) => {
    const [low, spread] = grade === "PO" ? [0.85, 0.15] : [0.75, 0.25];
    return omsByGrade[grade].map((om, j) => ({ om, held: held.get(om.name) ?? 0, room: availableOf(byName.get(om.name)!) * (om.name === overloaded ? 1.5 : low + (spread * ((j * 7) % 11)) / 10) }));
  });
  const points = cases.map(casePointsOf);
  const order = cases.map((_, i) => i).sort((a, b) => points[b]! - points[a]! || a - b);
  for (const i of order) {
    const pool = pools[cases[i]!["omGrade"] === "PO" ? 0 : 1]!;
    let best = pool[0]!;
    for (const o of pool) if ((o.held + points[i]!) / o.room < (best.held + points[i]!) / best.room) best = o;
    best.held += points[i]!;
    Object.assign(cases[i]!, { om: best.om.name, team: best.om.team, cluster: best.om.cluster });
  }

  // --- the deliberate breaches -------------------------------------------------------------------
  const breaches: Breach[] = [];
  if (opts.clean !== true) {
    const caseRow = (i: number) => i + 2; // header on row 1
    const col = (kind: SheetKind, field: string) => String.fromCharCode(65 + LAYOUT.find((d) => d.kind === kind)!.fields.findIndex((f) => f.id === field));
    const cs = sheetName("caseload");

    // 1. A High RoSH case held by a PSO (NPS Operating Model v1.0, ch.1, ch.3): the first High RoSH case goes to a PSO.
    const hi = cases.findIndex((c) => c["rosh"] === "High" && c["mappaLevel"] === null);
    const pso = omsByGrade.PSO[0]!;
    Object.assign(cases[hi]!, { om: pso.name, omGrade: "PSO", team: pso.team, cluster: pso.cluster });
    breaches.push({ rule: "caseload.highRoshPso", sheet: cs, cell: `${col("caseload", "omGrade")}${caseRow(hi)}`, what: `case ${String(cases[hi]!["caseId"])}: High RoSH held by a PSO` });

    // 2. A recorded tier below the model's (ch.3 Diagram 1): a C1 case held by a PO whose RSR is 7.4% (B1).
    const lo = cases.findIndex((c, i) => i > hi && c["rosh"] === "Medium" && c["recordedTier"] === "C1" && c["omGrade"] === "PO");
    Object.assign(cases[lo]!, { rsr: 7.4 });
    breaches.push({ rule: "caseload.tier", sheet: cs, cell: `${col("caseload", "recordedTier")}${caseRow(lo)}`, what: `case ${String(cases[lo]!["caseId"])}: RSR 7.4% recorded as C1, the model gives B1` });

    // 3. One case held by two OMs (ch.3): a second row for an existing case, with another PO.
    const dupOf = cases[10]!;
    const other = omsByGrade.PO.find((o) => o.name !== dupOf["om"] && o.team === dupOf["team"]) ?? omsByGrade.PO.find((o) => o.name !== dupOf["om"])!;
    cases.push({ ...dupOf, om: other.name, team: other.team, cluster: other.cluster });
    breaches.push({ rule: "caseload.singleOm", sheet: cs, cell: `${col("caseload", "om")}${caseRow(cases.length - 1)}`, what: `case ${String(dupOf["caseId"])} held by two OMs` });

    // 4. A VLO holding a case as OM (ch.5).
    const vloCase = cases.findIndex((c, i) => i > 20 && c["omGrade"] === "PO" && c["om"] !== dupOf["om"]);
    Object.assign(cases[vloCase]!, { om: vlos[0]! });
    breaches.push({ rule: "caseload.vloNotOm", sheet: cs, cell: `${col("caseload", "om")}${caseRow(vloCase)}`, what: `${vlos[0]!} is a VLO and holds a case` });

    // 5. An OM team short of case administrators (Employer's reply on the E3 Phase 2 Blueprint, ch.4): its 0.5 FTE CA leaves, 1.0 FTE for 5 OMs (needs 1.25).
    const shortTeam = `${CLUSTERS[2]!} South`;
    const leaver = staff.findIndex((s) => s["team"] === shortTeam && s["role"] === "CA" && s["fte"] === 0.5);
    staff.splice(leaver, 1);
    const teamRow = teams.findIndex((t) => t["team"] === shortTeam);
    breaches.push({ rule: "staffing.omAdminRatio", sheet: sheetName("teams"), cell: `${col("teams", "team")}${teamRow + 2}`, what: `team ${shortTeam}: 5.0 FTE OMs with 1.0 FTE case administrators; 1:4 needs 1.25` });

    // 6. An SPO managing more than ten (Employer's reply on the E3 Phase 2 Blueprint, ch.3): another cluster's three court PSOs move to an SPO who already manages 8.
    const wideSpo = spos[4]!; // North team SPO of the third cluster: 5 OMs + 3 court PSOs = 8
    const moved = staff.filter((s) => s["role"] === "PSO" && s["team"] === `${CLUSTERS[3]!} Court`);
    for (const m of moved) m["lineManager"] = wideSpo;
    const spoRow = staff.findIndex((s) => s["name"] === wideSpo);
    breaches.push({ rule: "staffing.spoSpan", sheet: sheetName("staff"), cell: `${col("staff", "name")}${spoRow + 2}`, what: `SPO ${wideSpo} line-manages 11 staff; 1:10 is the span` });

    // 7. An Approved Premises with one waking member of staff on the rota (NPS Operating Model v1.0, ch.6).
    aps[2]!.wakingStaffMin = 1;
    breaches.push({ rule: "ap.wakingStaff", sheet: sheetName("approvedPremises"), cell: `${col("approvedPremises", "wakingStaffMin")}4`, what: `${aps[2]!.ap}: 1 waking member of staff; at least 2 at all times` });

    // 8. Unpaid work that started 25 working days after sentence (NPS FAQ on the future of probation, June 2020: within 20).
    upw[5]!["startDate"] = addBusinessDays(upw[5]!["sentenceDate"] as number, 25);
    breaches.push({ rule: "upw.start", sheet: sheetName("unpaidWork"), cell: `${col("unpaidWork", "startDate")}7`, what: `requirement for case ${String(upw[5]!["caseId"])} started 25 working days after sentence; within 20` });

    // 9. An OM over capacity (HMPPS Workload Management Tool): the PO given cases as if they had half as many hours again (above).
    const over = byName.get(overloaded!)!;
    const mine = cases.filter((c) => c["om"] === overloaded);
    const total = Math.round(mine.reduce((n, c) => n + casePointsOf(c), 0) + (held.get(overloaded!) ?? 0)); // cases, and reports in the last 30 days
    const available = availableOf(over);
    const heavy = mine.filter((c) => ["A", "B1", "B2"].includes(String(c["recordedTier"]))).length;
    breaches.push({
      rule: "workload.capacity",
      sheet: sheetName("staff"),
      cell: `${col("staff", "name")}${staff.indexOf(over) + 2}`,
      what: `${overloaded!} (PO, ${String(over["team"])}): ${mine.length} cases (${heavy} of them tier A or B), ${total.toLocaleString("en-GB")} points against ${available.toLocaleString("en-GB")} available, ${Math.round((total / available) * 1000) / 10}% of capacity; over 100%`,
    });
  }

  return {
    sheets: [
      { kind: "caseload", name: sheetName("caseload"), header: headerOf("caseload"), rows: cases.map((c) => rowOf("caseload", c)) },
      { kind: "staff", name: sheetName("staff"), header: headerOf("staff"), rows: staff.map((s) => rowOf("staff", s)) },
      { kind: "teams", name: sheetName("teams"), header: headerOf("teams"), rows: teams.map((t) => rowOf("teams", t)) },
      { kind: "clusters", name: sheetName("clusters"), header: headerOf("clusters"), rows: clusters.map((c) => rowOf("clusters", c)) },
      { kind: "courtReports", name: sheetName("courtReports"), header: headerOf("courtReports"), rows: reports.map((r) => rowOf("courtReports", r)) },
      { kind: "approvedPremises", name: sheetName("approvedPremises"), header: headerOf("approvedPremises"), rows: aps.map((a) => rowOf("approvedPremises", a)) },
      { kind: "paroms", name: sheetName("paroms"), header: headerOf("paroms"), rows: paroms.map((p) => rowOf("paroms", p)) },
      { kind: "unpaidWork", name: sheetName("unpaidWork"), header: headerOf("unpaidWork"), rows: upw.map((u) => rowOf("unpaidWork", u)) },
    ],
    breaches,
  };
}
