import { describe, expect, it } from "@jest/globals";
import { DEFAULT_CONFIG, DEFAULT_VARIANTS, resolveConfig, type ModelConfig } from "../../src/model/config";
import { parseGrade, type CellValue } from "../../src/model/values";
import type { FieldValue, Finding, Rule, RuleContext, Table, TableRow } from "../../src/model/validate/types";
import { complete } from "../../src/model/validate/steps";
import { REPORT_RULES, reportAuthorMixRule, reportRowsRule, reportTypeMixRule } from "../../src/model/validate/rules/reports";

/**
 * A hand-built "Court reports" table (the engine's RuleContext stand-in): columns A Report type,
 * B Author grade; header on sheet row 1, data from row 2. get() parses as the layout's types do
 * (reportType is text; authorGrade is a grade, undefined when unreadable).
 */
function courtReports(rows: [CellValue, CellValue][], sheet = "Court reports"): Table {
  const cols: Record<string, number> = { reportType: 0, authorGrade: 1 };
  const tableRows: TableRow[] = rows.map((r, i) => ({
    row: i + 2,
    raw: (f: string) => (cols[f] === undefined ? undefined : r[cols[f]!]),
    get: (f: string): FieldValue | undefined => {
      const v = cols[f] === undefined ? undefined : r[cols[f]!];
      if (v === null || v === undefined || v === "") return undefined;
      if (f === "authorGrade") {
        const g = parseGrade(v, f);
        return g.ok ? g.value : undefined;
      }
      return v;
    },
    cell: (f: string) => (cols[f] === undefined ? undefined : `${"AB"[cols[f]!]}${i + 2}`),
  }));
  return {
    kind: "courtReports",
    sheet,
    rows: tableRows,
    has: (f) => cols[f] !== undefined,
    column: (f) => cols[f],
    format: () => undefined,
    values: (f) => (cols[f] === undefined ? undefined : tableRows.map((row) => row.get(f))),
    unreadable: () => [],
  };
}

function ctx(table: Table | undefined, config: ModelConfig = DEFAULT_CONFIG): RuleContext {
  return { config, variants: DEFAULT_VARIANTS, table: (k) => (k === "courtReports" ? table : undefined) };
}

function reports(spec: [type: string, grade: string, n: number][]): [CellValue, CellValue][] {
  return spec.flatMap(([t, g, n]) => Array.from({ length: n }, (): [CellValue, CellValue] => [t, g]));
}

const run = (rule: Rule, c: RuleContext): Finding[] => complete(rule.check(c));

describe("reports.typeMix: 60% oral / 30% FDR / 10% SDR, 90% short format (NPS Operating Model v1.0, ch.2)", () => {
  it("reports.typeMix: a log on target gives no findings and a summary with figure and target, the short format in brackets", () => {
    const t = courtReports(reports([["Oral", "PSO", 60], ["FDR", "PSO", 30], ["SDR", "PO", 10]]));
    expect(run(reportTypeMixRule, ctx(t))).toEqual([]);
    expect(complete(reportTypeMixRule.summarise!(ctx(t), []))).toEqual({
      figure: "60.0% oral / 30.0% FDR / 10.0% SDR (90.0% short format)",
      target: "60/30/10 (90 short format) ±5",
    });
  });

  it("reports.typeMix: the summary reads like the pane shows it (58.1% oral / 31.0% FDR / 10.9% SDR, 89.1% short format)", () => {
    const t = courtReports(reports([["Oral", "PSO", 581], ["FDR", "PSO", 310], ["SDR", "PO", 109]]));
    expect(complete(reportTypeMixRule.summarise!(ctx(t), []))!.figure).toBe("58.1% oral / 31.0% FDR / 10.9% SDR (89.1% short format)");
    expect(run(reportTypeMixRule, ctx(t))).toEqual([]);
  });

  it("reports.typeMix: each share outside tolerance is one warning with figure, target and source", () => {
    const t = courtReports(reports([["Oral", "PSO", 40], ["FDR", "PSO", 45], ["SDR", "PO", 15]]));
    const f = run(reportTypeMixRule, ctx(t));
    // 85% short format is within 90% ±5: no warning for it.
    expect(f.map((x) => [x.rule, x.severity, x.figure, x.target, x.source, x.sheet])).toEqual([
      ["reports.typeMix", "warning", 0.4, 0.6, "NPS Operating Model v1.0, ch.2", "Court reports"],
      ["reports.typeMix", "warning", 0.45, 0.3, "NPS Operating Model v1.0, ch.2", "Court reports"],
    ]);
    expect(f[0]!.message).toBe("Oral reports are 40.0% of the 100 court reports (40); the target is 60.0% (±5 points) (NPS Operating Model v1.0, ch.2).");
    expect(f[1]!.message).toMatch(/^Written FDRs are 45\.0% of the 100 court reports/);
  });

  it.each([
    [54, "warning"], [55, "none"], [65, "none"], [66, "warning"],
  ])("reports.typeMix: %i%% oral of 100 against 60%% ±5 gives %s (boundary)", (oral, want) => {
    // FDR and SDR held on target where possible so only oral moves.
    const sdr = 10;
    const t = courtReports(reports([["Oral", "PSO", oral], ["FDR", "PSO", 100 - oral - sdr], ["SDR", "PO", sdr]]));
    const oralFindings = run(reportTypeMixRule, ctx(t)).filter((f) => f.target === 0.6);
    expect(oralFindings.length === 0 ? "none" : oralFindings[0]!.severity).toBe(want);
  });

  it("reports.typeMix: targets and tolerance come from the configuration (a what-if); the short format target is oral + FDR", () => {
    const { config } = resolveConfig({ reportOralShare: 0.4, reportFdrShare: 0.45, reportSdrShare: 0.15, reportMixTolerance: 0.01 });
    const t = courtReports(reports([["Oral", "PSO", 40], ["FDR", "PSO", 45], ["SDR", "PO", 15]]));
    expect(run(reportTypeMixRule, ctx(t, config.config))).toEqual([]);
    expect(complete(reportTypeMixRule.summarise!(ctx(t, config.config), []))!.target).toBe("40/45/15 (85 short format) ±1");
  });

  it.each([
    // Out of 100 reports; oral and FDR split 2:1 within the short format.
    ["below", 80, 20, 1], ["on", 90, 10, 0], ["above", 98, 2, 1],
  ] as const)("reports.typeMix: a short format share %s its 90%% target (%i short, %i SDR) gives %i short format warnings (ch.2)", (_how, short, sdr, n) => {
    const oral = Math.round((short * 2) / 3);
    const t = courtReports(reports([["Oral", "PSO", oral], ["FDR", "PSO", short - oral], ["SDR", "PO", sdr]]));
    const f = run(reportTypeMixRule, ctx(t)).filter((x) => x.target === 0.9);
    expect(f.length).toBe(n);
    for (const x of f) expect([x.rule, x.severity, x.figure, x.source]).toEqual(["reports.typeMix", "warning", short / 100, "NPS Operating Model v1.0, ch.2"]);
  });

  it("reports.typeMix: the short format warning names the share, the count and the target (ch.2)", () => {
    const t = courtReports(reports([["Oral", "PSO", 54], ["FDR", "PSO", 26], ["SDR", "PO", 20]]));
    const f = run(reportTypeMixRule, ctx(t)).filter((x) => x.target === 0.9);
    expect(f.map((x) => x.message)).toEqual([
      "Short format reports (oral and FDR) are 80.0% of the 100 court reports (80); the target is 90.0% (±5 points) (NPS Operating Model v1.0, ch.2).",
    ]);
  });

  it("reports.typeMix: unknown types are left out of the mix (and reported by reports.rows)", () => {
    const t = courtReports([...reports([["Oral", "PSO", 6], ["FDR", "PSO", 3], ["SDR", "PO", 1]]), ["PSR", "PO"]]);
    expect(run(reportTypeMixRule, ctx(t))).toEqual([]);
  });

  it("reports.typeMix: an empty log gives no findings and says so in the summary", () => {
    const t = courtReports([]);
    expect(run(reportTypeMixRule, ctx(t))).toEqual([]);
    expect(complete(reportTypeMixRule.summarise!(ctx(t), []))).toEqual({ figure: "no reports", target: "60/30/10 (90 short format) ±5" });
  });

  it("reports.typeMix: without a Court reports sheet the rule finds nothing (the engine reports it not checked)", () => {
    expect(reportTypeMixRule.needs).toEqual(["courtReports"]);
    expect(run(reportTypeMixRule, ctx(undefined))).toEqual([]);
    expect(complete(reportTypeMixRule.summarise!(ctx(undefined), []))).toBeUndefined();
  });
});

describe("reports.authorMix: 35% PO / 65% PSO (NPS Operating Model v1.0, ch.1-2)", () => {
  it("reports.authorMix: on target gives no findings; the summary shows figure and target", () => {
    const t = courtReports(reports([["Oral", "PO", 36], ["Oral", "PSO", 64]]));
    expect(run(reportAuthorMixRule, ctx(t))).toEqual([]);
    expect(complete(reportAuthorMixRule.summarise!(ctx(t), []))).toEqual({ figure: "36.0% PO / 64.0% PSO", target: "35/65 ±5" });
  });

  it.each([
    [29, 2], [30, 0], [40, 0], [41, 2],
  ])("reports.authorMix: %i PO-written of 100 gives %i warnings (boundary ±5)", (po, n) => {
    const t = courtReports(reports([["Oral", "PO", po], ["Oral", "PSO", 100 - po]]));
    const f = run(reportAuthorMixRule, ctx(t));
    expect(f.length).toBe(n);
    for (const x of f) expect(x.source).toBe("NPS Operating Model v1.0, ch.1-2");
  });

  it("reports.authorMix: unreadable and blank grades are left out of the author mix", () => {
    const t = courtReports([...reports([["Oral", "PO", 35], ["Oral", "PSO", 65]]), ["Oral", "SPO"], ["Oral", null]]);
    expect(complete(reportAuthorMixRule.summarise!(ctx(t), []))!.figure).toBe("35.0% PO / 65.0% PSO");
  });

  it("reports.authorMix: the message names the share and the target", () => {
    const t = courtReports(reports([["Oral", "PO", 50], ["Oral", "PSO", 50]]));
    expect(run(reportAuthorMixRule, ctx(t)).map((f) => f.message)).toEqual([
      "Reports written by POs are 50.0% of the 100 court reports (50); the target is 35.0% (±5 points) (NPS Operating Model v1.0, ch.1-2).",
      "Reports written by PSOs are 50.0% of the 100 court reports (50); the target is 65.0% (±5 points) (NPS Operating Model v1.0, ch.1-2).",
    ]);
  });
});

describe("reports.rows: every report has a known type and an author (NPS Operating Model v1.0, ch.2)", () => {
  it("reports.rows: an unknown report type is an error at its cell", () => {
    const f = run(reportRowsRule, ctx(courtReports([["Oral", "PSO"], ["PSR", "PO"]])));
    expect(f).toEqual([
      {
        rule: "reports.rows",
        severity: "error",
        sheet: "Court reports",
        row: 3,
        cell: "A3",
        message: 'Report type "PSR" is not Oral, FDR or SDR, so this report is left out of the report mix (NPS Operating Model v1.0, ch.2).',
        source: "NPS Operating Model v1.0, ch.2",
      },
    ]);
  });

  it.each([["Adjourn"], ["Written"], [3]])("reports.rows: %j is not a delivered report type", (t) => {
    expect(run(reportRowsRule, ctx(courtReports([[t, "PO"]])))[0]!.severity).toBe("error");
  });

  it.each([["oral"], ["Fast Delivery Report"], ["standard delivery report"], [" SDR "]])("reports.rows: %j is a known type", (t) => {
    expect(run(reportRowsRule, ctx(courtReports([[t, "PO"]])))).toEqual([]);
  });

  it("reports.rows: a missing type or a missing grade is a warning naming what is left out", () => {
    const f = run(reportRowsRule, ctx(courtReports([[null, "PO"], ["FDR", ""]])));
    expect(f.map((x) => [x.severity, x.row, x.cell, x.message])).toEqual([
      ["warning", 2, "A2", "This report has no report type, so it is left out of the report mix; give Oral, FDR or SDR (NPS Operating Model v1.0, ch.2)."],
      ["warning", 3, "B3", "This report has no author grade, so it is left out of the PO/PSO mix; give PO or PSO (NPS Operating Model v1.0, ch.1-2)."],
    ]);
  });

  it("reports.rows: an unreadable grade is left to the engine (reported once, not twice)", () => {
    expect(run(reportRowsRule, ctx(courtReports([["Oral", "SPO"]])))).toEqual([]);
  });

  it("reports.rows: rows blank in both columns are ignored", () => {
    expect(run(reportRowsRule, ctx(courtReports([[null, null], ["", ""]])))).toEqual([]);
  });
});

describe("REPORT_RULES", () => {
  it("lists each court report rule once, each citing NPS Operating Model v1.0", () => {
    expect(REPORT_RULES.map((r) => r.id)).toEqual(["reports.typeMix", "reports.authorMix", "reports.rows"]);
    for (const r of REPORT_RULES) expect(r.source).toMatch(/^NPS Operating Model v1.0, ch\./);
  });
});
