import { afterEach, describe, expect, it } from "@jest/globals";
import { shown, thrown as thrownError } from "../support/custom-functions-stub";
import { bundleFunctions, resetBundleSettings, setBundleSettings, type BundleFunctions } from "../support/bundle";
import { BLANK, CONVENTIONS } from "../support/blanks";
import { DEFAULT_SETTINGS } from "../../src/runtime/settings";

// The built bundle's staffing functions; BLANK is a blank cell, as each Excel passes it.
afterEach(resetBundleSettings);

type M = unknown[][];
const col = (...v: unknown[]): M => v.map((x) => [x]);
const one = (v: unknown): M => [[v]];

/** The whole-call error as the user reads it: "#VALUE!: message". */
const thrown = (f: () => unknown) => shown(thrownError(f));

/** The functions as Excel calls them, with results as the user reads them. */
function staffing(fns: BundleFunctions) {
  const call =
    (id: "ADMIN_NEEDED" | "SPO_NEEDED" | "COMPLEX_CLUSTERS" | "YOS_FTE" | "PAROM_COUNTERSIGN") =>
    (...a: unknown[]) =>
      shown(fns[id](...a));
  return {
    ADMIN_NEEDED: call("ADMIN_NEEDED"),
    SPO_NEEDED: call("SPO_NEEDED"),
    COMPLEX_CLUSTERS: call("COMPLEX_CLUSTERS"),
    YOS_FTE: call("YOS_FTE"),
    PAROM_COUNTERSIGN: call("PAROM_COUNTERSIGN"),
  };
}
const once = staffing(bundleFunctions());

describe("NPS.ADMIN_NEEDED: case administrators 1:4 in OM teams, 1:3 in courts, on FTE (Employer's reply on the E3 Phase 2 Blueprint, ch.4)", () => {
  const { ADMIN_NEEDED } = once;

  it("staffing.adminRatio: spills one CA FTE per row: 11 OM → 2.75, 12 OM → 3, 9 Court → 3, part-time 10.5 OM → 2.625 (Employer's reply on the E3 Phase 2 Blueprint, ch.4)", () => {
    expect(ADMIN_NEEDED(col(11, 12, 9, 10.5), col("OM", "OM team", "Court", "om"))).toEqual([[2.75], [3], [3], [2.625]]);
  });

  it("staffing.adminRatio: the task pane's what-if ratio applies (Employer's reply on the E3 Phase 2 Blueprint, ch.4)", () => {
    setBundleSettings({ ...DEFAULT_SETTINGS, overrides: { omAdminRatio: 5 } });
    expect(ADMIN_NEEDED(one(10), one("OM"))).toEqual([[2]]);
  });

  it("staffing.adminRatio: columns of different heights are one #VALUE! for the call", () => {
    expect(thrown(() => ADMIN_NEEDED(col(1, 2, 3), col("OM", "OM")))).toBe(
      "#VALUE!: team_type has 2 rows but staff_fte has 3; columns passed together must be the same height.",
    );
  });

  it("staffing.adminRatio: a bad what-if figure in the task pane is one #VALUE! for the call", () => {
    setBundleSettings({ ...DEFAULT_SETTINGS, overrides: { omAdminRatio: 0 } });
    expect(thrown(() => ADMIN_NEEDED(one(4), one("OM")))).toBe("#VALUE!: omAdminRatio: expected a number from 0.1 to 100; got 0.");
  });

  describe.each(CONVENTIONS)("blank cells as $name", ({ blank }) => {
    const { ADMIN_NEEDED } = staffing(bundleFunctions(blank));

    it("staffing.adminRatio: a single team type broadcasts over a column; blank rows stay blank (Employer's reply on the E3 Phase 2 Blueprint, ch.4)", () => {
      const out = ADMIN_NEEDED(col(4, BLANK, 6), one("Court")) as unknown[][];
      expect(out[0]![0]).toBeCloseTo(4 / 3, 9);
      expect(out.slice(1)).toEqual([[""], [2]]);
      // Rows after the last one with any input are not returned: a whole column spills only as far as its data.
      expect(ADMIN_NEEDED(col(8, BLANK), col("OM", BLANK))).toEqual([[2]]);
    });

    it("staffing.adminRatio: bad cells give #VALUE! naming the argument, in their own row", () => {
      expect(ADMIN_NEEDED(col(-1, "ten", 4, 4), col("OM", "OM", "Custody", BLANK))).toEqual([
        ["#VALUE!: staff_fte: expected a number of 0 or more; got -1."],
        ['#VALUE!: staff_fte: expected a number of 0 or more; got "ten".'],
        [`#VALUE!: team_type: expected a team type OM (an offender management team, 1 case administrator to 4 OMs) or Court (a court team, 1 to 3) (Employer's reply on the E3 Phase 2 Blueprint, ch.4); got "Custody".`],
        ["#VALUE!: team_type is blank; expected OM or Court."],
      ]);
      // A blank FTE is an unused row, even beside a team type; desktop Excel sends it as 0, and 0 FTE needs 0.
      expect(ADMIN_NEEDED(one(BLANK), one("OM"))).toEqual([[blank === 0 ? 0 : ""]]);
    });
  });
});

describe("NPS.SPO_NEEDED: SPO line management span 1:10, by headcount (Employer's reply on the E3 Phase 2 Blueprint, ch.3)", () => {
  const { SPO_NEEDED } = once;

  describe.each(CONVENTIONS)("blank cells as $name", ({ blank }) => {
    const { SPO_NEEDED } = staffing(bundleFunctions(blank));

    it("staffing.spoSpan: whole SPOs round up: 10 → 1, 11 → 2, 0 → 0; exact gives 1.1 (Employer's reply on the E3 Phase 2 Blueprint, ch.3)", () => {
      expect(SPO_NEEDED(col(10, 11, 20, 21))).toEqual([[1], [2], [2], [3]]);
      expect(SPO_NEEDED(col(11, 5), true)).toEqual([[1.1], [0.5]]);
      expect(SPO_NEEDED(col(11, BLANK, 21), one(false))).toEqual([[2], [""], [3]]);
    });
  });

  it("staffing.spoSpan: FTE instead of a headcount is refused with a message that says so (Employer's reply on the E3 Phase 2 Blueprint, ch.3)", () => {
    expect(SPO_NEEDED(one(10.5))).toEqual([["#VALUE!: staff: expected a whole number of people, 0 or more (headcount, not FTE); got 10.5."]]);
  });

  it("staffing.spoSpan: exact must be a single yes/no", () => {
    expect(thrown(() => SPO_NEEDED(one(10), col(true, false)))).toBe("#VALUE!: exact: expected a single value, not a range.");
    expect(thrown(() => SPO_NEEDED(one(10), "maybe"))).toBe('#VALUE!: exact: expected yes or no (TRUE/FALSE, Y/N, Yes/No or 1/0); got "maybe".');
  });
});

// Seven clusters, as in the boundary: top 25% of 7 rounds up to 2.
const NAMES = col("North", "South", "East", "West", "Central", "Coast", "Hills");
const VOL = col(9000, 5000, 5000, 3000, 2000, 1000, 1000);
const CX = col(9, 5, 5, 3, 2, 1, 1);
const PA = col(9, 5, 5, 3, 2, 1, 1);
const GEO = col(9, 5, 5, 3, 2, 1, 1);
const CO = col(9, 5, 5, 3, 2, 1, 1);
const OF = col(9, 5, 5, 3, 2, 1, 1);

describe("NPS.COMPLEX_CLUSTERS: top 25% of clusters by complexity have a SOSM (NPS Operating Model v1.0, ch.8)", () => {
  const { COMPLEX_CLUSTERS } = once;
  const CC = (...rest: unknown[]) => COMPLEX_CLUSTERS(NAMES, VOL, CX, PA, GEO, CO, OF, ...rest);

  it("staffing.complexClusters: flags spill TRUE/FALSE; the tie at the cut-off makes three complex of seven (NPS Operating Model v1.0, ch.8)", () => {
    expect(CC()).toEqual(col(true, true, true, false, false, false, false));
  });

  it("staffing.complexClusters: output rank and score (NPS Operating Model v1.0, ch.8)", () => {
    expect(CC("rank")).toEqual(col(1, 2, 2, 4, 5, 6, 6));
    const scores = (CC("score") as number[][]).map((r) => r[0]!);
    expect(scores[0]).toBe(1);
    expect(scores[1]).toBeCloseTo(5 / 9, 9);
  });

  it("staffing.complexClusterRounding: share and rounding arguments override the figures for the call (NPS Operating Model v1.0, ch.8)", () => {
    expect(CC("flag", 0.25, "down")).toEqual(col(true, false, false, false, false, false, false));
    expect(CC(null, 0.5, "nearest")).toEqual(col(true, true, true, true, false, false, false));
  });

  it("staffing.complexClusters: the task pane's weights and rounding apply (NPS Operating Model v1.0, ch.8)", () => {
    setBundleSettings({ ...DEFAULT_SETTINGS, overrides: { complexClusterRounding: "down" } });
    expect(CC()).toEqual(col(true, false, false, false, false, false, false));
  });

  it("staffing.complexClusters: fully blank rows (Excel desktop's 0s) stay blank and are not ranked (NPS Operating Model v1.0, ch.8)", () => {
    const z = (m: M) => [...m.slice(0, 2), [0], ...m.slice(2)];
    expect(COMPLEX_CLUSTERS(z(NAMES), z(VOL), z(CX), z(PA), z(GEO), z(CO), z(OF))).toEqual([[true], [true], [""], [true], [false], [false], [false], [false]]);
  });

  it("staffing.complexClusters: bad output, share or rounding arguments name the argument", () => {
    expect(thrown(() => CC("sosm"))).toBe('#VALUE!: output: expected one of flag, rank, score; got "sosm".');
    expect(thrown(() => CC("flag", 25))).toBe("#VALUE!: share: expected a share from 0 to 1 (0.25 for the top 25%); got 25.");
    expect(thrown(() => CC("flag", 0.25, "sideways"))).toBe('#VALUE!: rounding: expected one of up, nearest, down; got "sideways".');
  });

  describe.each(CONVENTIONS)("blank cells as $name", ({ blank }) => {
    const { COMPLEX_CLUSTERS } = staffing(bundleFunctions(blank));

    it("staffing.complexClusters: a blank measure is one #VALUE! naming the cluster and the argument; desktop Excel sends it as 0, which is ranked as 0 (NPS Operating Model v1.0, ch.8)", () => {
      const courts = col(9, 5, BLANK, 3, 2, 1, 1);
      if (blank === 0) expect(COMPLEX_CLUSTERS(NAMES, VOL, CX, PA, GEO, courts, OF)).toEqual(col(true, true, false, false, false, false, false));
      else
        expect(thrown(() => COMPLEX_CLUSTERS(NAMES, VOL, CX, PA, GEO, courts, OF))).toBe(
          '#VALUE!: courts is blank for cluster "East"; every cluster needs all six complexity measures to be ranked (NPS Operating Model v1.0, ch.8). Give 0 if the cluster truly has none.',
        );
    });

    it("staffing.complexClusters: a negative measure, text, or a missing name is one #VALUE! naming the row or cluster (NPS Operating Model v1.0, ch.8)", () => {
      const neg = col(9, 5, 5, -3, 2, 1, 1);
      expect(thrown(() => COMPLEX_CLUSTERS(NAMES, VOL, CX, PA, neg, CO, OF))).toBe(
        '#VALUE!: geography for cluster "West" is -3; a complexity measure must be a number of 0 or more (NPS Operating Model v1.0, ch.8).',
      );
      const txt = col(9, 5, 5, 3, "many", 1, 1);
      expect(thrown(() => COMPLEX_CLUSTERS(NAMES, VOL, CX, PA, GEO, CO, txt))).toBe(
        '#VALUE!: Row 5 of the cluster ranges: offices: expected a number of 0 or more; got "many".',
      );
      const names = col("North", "South", BLANK, "West", "Central", "Coast", "Hills");
      expect(thrown(() => COMPLEX_CLUSTERS(names, VOL, CX, PA, GEO, CO, OF))).toBe(
        "#VALUE!: Row 3 of the cluster ranges: cluster_names is blank; expected the cluster's name.",
      );
    });

    it("staffing.complexClusters: no clusters at all gives a blank, as every function does for blank input", () => {
      const b = col(BLANK, BLANK);
      expect(COMPLEX_CLUSTERS(b, b, b, b, b, b, b)).toEqual([[""]]);
    });
  });
});

describe("NPS.YOS_FTE: NPS resource about 10% of the YOS caseload (NPS Operating Model v1.0, ch.7)", () => {
  const { YOS_FTE } = once;

  it("staffing.yosFte: a bad caseload or cases_per_po names the argument", () => {
    expect(YOS_FTE(one(-3))).toEqual([["#VALUE!: yos_caseload: expected a whole number of cases, 0 or more; got -3."]]);
    expect(thrown(() => YOS_FTE(one(300), 1001))).toBe("#VALUE!: cases_per_po: expected a number from 1 to 1000; got 1001.");
    // 0 is how desktop Excel sends an empty cell: the setting is then not given, and the default applies.
    expect(YOS_FTE(one(300), 0)).toEqual([[0.75]]);
  });

  describe.each(CONVENTIONS)("blank cells as $name", ({ blank }) => {
    const { YOS_FTE } = staffing(bundleFunctions(blank));

    it("staffing.yosFte: 300 cases → 30 covered → 0.75 FTE at 40 per PO; spills per row (NPS Operating Model v1.0, ch.7)", () => {
      expect(YOS_FTE(col(300, BLANK, 400, 0))).toEqual([[0.75], [""], [1]]);
    });

    it("staffing.yosFte: cases_per_po overrides the default 40 for the call; the task pane's figure otherwise (NPS Operating Model v1.0, ch.7)", () => {
      expect(YOS_FTE(one(300), 30)).toEqual([[1]]);
      setBundleSettings({ ...DEFAULT_SETTINGS, overrides: { yosCasesPerPo: 60 } });
      expect(YOS_FTE(one(300))).toEqual([[0.5]]);
      expect(YOS_FTE(one(300), one(BLANK))).toEqual([[0.5]]);
    });
  });
});

describe("NPS.PAROM_COUNTERSIGN: lifted after three successive Good (NPS Operating Model v1.0, ch.4)", () => {
  const { PAROM_COUNTERSIGN } = once;

  it("staffing.paromGoodRun: G,G,G → May lift; G,G,RI,G,G → Countersign (NPS Operating Model v1.0, ch.4)", () => {
    expect(PAROM_COUNTERSIGN(col("Good", "good", "GOOD"))).toEqual([["May lift"]]);
    expect(PAROM_COUNTERSIGN(col("Good", "Good", "Requires improvement", "Good", "Good"))).toEqual([["Countersign"]]);
  });

  it("staffing.paromGoodRun: good_run overrides the figure for the call (NPS Operating Model v1.0, ch.4)", () => {
    expect(PAROM_COUNTERSIGN(col("Good", "Good", "Good"), 4)).toEqual([["Countersign"]]);
    expect(thrown(() => PAROM_COUNTERSIGN(col("Good"), 51))).toBe("#VALUE!: good_run: expected a whole number from 1 to 50; got 51.");
    expect(PAROM_COUNTERSIGN(col("Good", "Good", "Good"), 0)).toEqual([["May lift"]]);
  });

  it("staffing.paromAssessment: an unknown word is one #VALUE! naming the row, never a guess (NPS Operating Model v1.0, ch.4)", () => {
    expect(thrown(() => PAROM_COUNTERSIGN(col("Good", "Outstanding")))).toBe(
      '#VALUE!: Row 2 of assessments: assessments: expected a PAROM quality assessment, one of Good, Not good, Requires improvement, Inadequate; got "Outstanding". ' +
        "Only reports assessed Good count towards lifting countersignature (NPS Operating Model v1.0, ch.4); if your assessment scale has other words, record each report as Good or Not good.",
    );
  });

  it("staffing.paromAssessment: a two-column range is refused", () => {
    expect(thrown(() => PAROM_COUNTERSIGN([["Good", "Good"]]))).toBe("#VALUE!: assessments: expected a single cell or a single column; got 1 rows by 2 columns.");
  });

  describe.each(CONVENTIONS)("blank cells as $name", ({ blank }) => {
    const { PAROM_COUNTERSIGN } = staffing(bundleFunctions(blank));

    it("staffing.paromGoodRun: blank cells (unused rows, desktop 0s) are skipped; none at all gives a blank, not advice (NPS Operating Model v1.0, ch.4)", () => {
      expect(PAROM_COUNTERSIGN(col("Good", BLANK, "Good", 0, "Good", BLANK, BLANK))).toEqual([["May lift"]]);
      expect(PAROM_COUNTERSIGN(col(BLANK, BLANK))).toEqual([[""]]);
    });
  });
});
