import { describe, expect, it } from "@jest/globals";
import { validateWorkbook } from "../../src/model/validate";
import { book } from "../support/book";
import { clustersSheet, findings, people, staffSheet, summary, teamsSheet, type Rec } from "./staffing-fixtures";

/** An OM team of 10 POs at 1.0 and 2 PSOs at 0.5 (11.0 OM FTE), with the given CA FTEs. */
function omTeam(team: string, caFtes: number[]): Rec[] {
  return [
    ...people(`${team} PO`, 10, { Role: "PO", FTE: 1, Team: team }),
    ...people(`${team} PSO`, 2, { Role: "PSO", FTE: 0.5, Team: team }),
    ...caFtes.map((f, i) => ({ Name: `${team} CA${i + 1}`, Role: "CA", FTE: f, Team: team })),
  ];
}

const leeds = (caFtes: number[], extra: Rec[] = []) =>
  book(teamsSheet([{ Team: "Leeds North", Type: "OM" }]), staffSheet([...omTeam("Leeds North", caFtes), ...extra]));

describe("staffing.omAdminRatio: 1 case administrator to 4 OMs on FTE (Employer's reply on the E3 Phase 2 Blueprint, ch.4)", () => {
  const RULE = "staffing.omAdminRatio";

  it("staffing.omAdminRatio: 11 OM FTE with 2.0 CA FTE is below 1:4, an error with figure and target (Employer's reply on the E3 Phase 2 Blueprint, ch.4)", () => {
    const f = findings(leeds([1, 1]), RULE);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", sheet: "Teams", row: 2, cell: "A2", figure: 2, target: 2.75, source: "Employer's reply on the E3 Phase 2 Blueprint, ch.4" });
    expect(f[0]!.message).toBe("Team Leeds North: 11.0 FTE OMs, 2.0 FTE case administrators; 1:4 needs 2.75 (short by 0.75) (Employer's reply on the E3 Phase 2 Blueprint, ch.4).");
  });

  it.each([
    [[1, 1, 0.75], 0],
    [[1, 1, 0.74], 1],
    [[1, 1, 1], 0],
  ])("staffing.omAdminRatio: 11 OM FTE with CA FTEs %j gives %i findings (boundary at 2.75, Employer's reply on the E3 Phase 2 Blueprint, ch.4)", (cas, n) => {
    expect(findings(leeds(cas), RULE)).toHaveLength(n);
  });

  it("staffing.omAdminRatio: 2.74 CA FTE is short by 0.01 and says so (Employer's reply on the E3 Phase 2 Blueprint, ch.4)", () => {
    expect(findings(leeds([1, 1, 0.74]), RULE)[0]!.message).toBe(
      "Team Leeds North: 11.0 FTE OMs, 2.74 FTE case administrators; 1:4 needs 2.75 (short by 0.01) (Employer's reply on the E3 Phase 2 Blueprint, ch.4).",
    );
  });

  it("staffing.omAdminRatio: an override to 1:5 changes the outcome and is reported (what-if)", () => {
    const b = leeds([1, 1, 0.2]); // 2.2 CA FTE: below 2.75 at 1:4, above 2.2 at 1:5
    expect(findings(b, RULE)).toHaveLength(1);
    const r = validateWorkbook(b, { overrides: { omAdminRatio: 5 } });
    expect(r.findings.filter((x) => x.rule === RULE)).toEqual([]);
    expect(r.overrides.map((o) => [o.key, o.from, o.to])).toEqual([["omAdminRatio", 4, 5]]);
    expect(summary(r, RULE).target).toBe("1:5");
  });

  it("staffing.omAdminRatio: only POs and PSOs of the team count as OMs; SPOs, other teams and court teams do not (Employer's reply on the E3 Phase 2 Blueprint, ch.4)", () => {
    const b = book(
      teamsSheet([
        { Team: "Leeds North", Type: "OM team" },
        { Team: "Leeds Court", Type: "Court" },
      ]),
      staffSheet([
        ...omTeam("Leeds North", [1, 1, 0.75]),
        { Name: "S1", Role: "SPO", FTE: 1, Team: "Leeds North" },
        ...people("Court PO", 8, { Role: "PO", FTE: 1, Team: "leeds court" }),
        ...people("Other PO", 8, { Role: "PO", FTE: 1, Team: "Elsewhere" }),
      ]),
    );
    expect(findings(b, RULE)).toEqual([]);
  });

  it("staffing.omAdminRatio: team and staff names match ignoring case and spacing; roles spelled out count (Employer's reply on the E3 Phase 2 Blueprint, ch.4)", () => {
    const b = book(
      teamsSheet([{ Team: "Leeds  North", Type: "om" }]),
      staffSheet([...people("P", 4, { Role: "Probation Officer", FTE: 1, Team: "leeds north" }), { Name: "C", Role: "Case administrator", FTE: 0.99, Team: "LEEDS NORTH" }]),
    );
    const f = findings(b, RULE);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ figure: 0.99, target: 1 });
  });

  it("staffing.omAdminRatio: the summary counts teams below the ratio (2 of 3 OM teams below 1:4)", () => {
    const b = book(
      teamsSheet([
        { Team: "A", Type: "OM" },
        { Team: "B", Type: "OM" },
        { Team: "C", Type: "OM" },
      ]),
      staffSheet([...omTeam("A", [1, 1, 0.75]), ...omTeam("B", [1]), ...omTeam("C", [])]),
    );
    const r = validateWorkbook(b);
    expect(summary(r, RULE)).toMatchObject({ status: "fail", figure: "2 of 3 OM teams below 1:4", target: "1:4", source: "Employer's reply on the E3 Phase 2 Blueprint, ch.4" });
  });

  it("staffing.omAdminRatio: an unreadable FTE is reported once by the engine and left out, never guessed (bad input)", () => {
    const b = leeds([1, 1, 0.75], [{ Name: "Extra", Role: "PO", FTE: "full time", Team: "Leeds North" }]);
    const r = validateWorkbook(b);
    expect(r.findings.filter((x) => x.rule === RULE)).toEqual([]);
    expect(r.findings.some((x) => x.sheet === "Staff" && x.message.includes("full time"))).toBe(true);
    expect(r.findings.filter((x) => x.rule === "staffing.staffRows")).toEqual([]);
  });

  it("staffing.omAdminRatio: without a Teams sheet the rule is not checked (bad input)", () => {
    const r = validateWorkbook(book(staffSheet(omTeam("Leeds North", [1]))));
    expect(summary(r, RULE).status).toBe("not checked");
    expect(r.findings.filter((x) => x.rule === RULE)).toEqual([]);
  });
});

describe("staffing.courtAdminRatio: 1 case administrator to 3 staff in court teams (Employer's reply on the E3 Phase 2 Blueprint, ch.4)", () => {
  const RULE = "staffing.courtAdminRatio";
  const court = (caFte: number) =>
    book(
      teamsSheet([{ Team: "Leeds Court", Type: "Court" }]),
      staffSheet([
        { Name: "P", Role: "PO", FTE: 1, Team: "Leeds Court" },
        { Name: "Q", Role: "PSO", FTE: 1, Team: "Leeds Court" },
        { Name: "S", Role: "SPO", FTE: 1, Team: "Leeds Court" },
        { Name: "C", Role: "CA", FTE: caFte, Team: "Leeds Court" },
      ]),
    );

  it.each([
    [1, 0],
    [0.99, 1],
  ])("staffing.courtAdminRatio: 3.0 FTE court staff with %s CA FTE gives %i findings (boundary, Employer's reply on the E3 Phase 2 Blueprint, ch.4)", (ca, n) => {
    expect(findings(court(ca), RULE)).toHaveLength(n);
  });

  it("staffing.courtAdminRatio: the finding counts all non-CA staff and gives figure and target (Employer's reply on the E3 Phase 2 Blueprint, ch.4)", () => {
    const f = findings(court(0.5), RULE);
    expect(f[0]).toMatchObject({ severity: "error", figure: 0.5, target: 1 });
    expect(f[0]!.message).toBe("Team Leeds Court: 3.0 FTE staff, 0.5 FTE case administrators; 1:3 needs 1.0 (short by 0.5) (Employer's reply on the E3 Phase 2 Blueprint, ch.4).");
  });

  it("staffing.courtAdminRatio: an override to 1:6 passes a court team with 0.5 CA FTE (what-if)", () => {
    expect(findings(court(0.5), RULE, { overrides: { courtAdminRatio: 6 } })).toEqual([]);
  });
});

describe("staffing.staffRows: every post has a known role and an FTE (Employer's reply on the E3 Phase 2 Blueprint, ch.4)", () => {
  const RULE = "staffing.staffRows";
  it("staffing.staffRows: an unknown role, a blank role and an FTE above 1 are warnings at the cell (bad input)", () => {
    const f = findings(
      book(
        staffSheet([
          { Name: "A", Role: "Probation Ofcr", FTE: 1 },
          { Name: "B", Role: null, FTE: 1 },
          { Name: "C", Role: "PO", FTE: 1.5 },
          { Name: "D", Role: "PO", FTE: null },
          { Name: "E", Role: "PSO", FTE: 0.6 },
        ]),
      ),
      RULE,
    );
    expect(f.map((x) => [x.cell, x.severity])).toEqual([
      ["B2", "warning"],
      ["B3", "warning"],
      ["C4", "warning"],
      ["C5", "warning"],
    ]);
    expect(f[0]!.message).toMatch(/^A: role "Probation Ofcr" is not one the model knows/);
  });
});

describe("staffing.teamRows: every team has a known type, so none drops out of the ratios (Employer's reply on the E3 Phase 2 Blueprint, ch.4)", () => {
  const RULE = "staffing.teamRows";
  it("staffing.teamRows: OM, Court, Victims, AP, YOS and Management pass; a mistyped and a blank type are warnings at the cell (bad input)", () => {
    const f = findings(
      book(
        teamsSheet([
          { Team: "A", Type: "OM" },
          { Team: "B", Type: "Court team" },
          { Team: "C", Type: "Victims" },
          { Team: "D", Type: "AP" },
          { Team: "E", Type: "YOS" },
          { Team: "F", Type: "OMM" },
          { Team: "G", Type: null },
          { Team: "H", Type: "Management" },
        ]),
      ),
      RULE,
    );
    expect(f.map((x) => [x.severity, x.cell])).toEqual([
      ["warning", "B7"],
      ["warning", "B8"],
    ]);
    expect(f[0]!.message).toBe('Team F: type "OMM" is not OM, Court, Victims, AP, YOS or Management, so the team is left out of the case administrator ratios; give one of those types.');
  });
});

describe("staffing.spoSpan: an SPO line-manages at most 10 staff (Employer's reply on the E3 Phase 2 Blueprint, ch.3)", () => {
  const RULE = "staffing.spoSpan";
  const spoWith = (n: number) => book(staffSheet([{ Name: "Sam SPO", Role: "SPO", FTE: 1 }, ...people("P", n, { Role: "PO", FTE: 0.5, "Line manager": "sam spo" })]));

  it.each([
    [10, 0],
    [11, 1],
  ])("staffing.spoSpan: an SPO managing %i staff gives %i warnings (boundary at 1:10, headcount not FTE)", (n, k) => {
    expect(findings(spoWith(n), RULE)).toHaveLength(k);
  });

  it("staffing.spoSpan: the warning names the SPO, the count and the span (Employer's reply on the E3 Phase 2 Blueprint, ch.3)", () => {
    const f = findings(spoWith(11), RULE);
    expect(f[0]).toMatchObject({ severity: "warning", cell: "A2", figure: 11, target: 10, source: "Employer's reply on the E3 Phase 2 Blueprint, ch.3" });
    expect(f[0]!.message).toBe("SPO Sam SPO line-manages 11 staff; an SPO manages at most 10 (1:10), so 11 staff need 2 SPOs (Employer's reply on the E3 Phase 2 Blueprint, ch.3).");
    expect(summary(validateWorkbook(spoWith(11)), RULE).figure).toBe("1 of 1 SPOs above 1:10");
  });

  it("staffing.spoSpan: an override to 1:12 passes 11 staff (what-if)", () => {
    expect(findings(spoWith(11), RULE, { overrides: { spoSpan: 12 } })).toEqual([]);
  });

  it("staffing.spoSpan: without a Line manager column, one info finding says it was not checked (bad input)", () => {
    const b = book(staffSheet([{ Name: "S", Role: "SPO", FTE: 1 }], ["Name", "Role", "FTE"]));
    const f = findings(b, RULE);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("info");
    expect(f[0]!.message).toMatch(/no Line manager column/);
  });
});

describe("structure.lineManagement: SPOs manage POs and PSOs, SAOs manage CAs, the BM manages SAOs (NPS Operating Model v1.0, ch.1, ch.8)", () => {
  const RULE = "structure.lineManagement";
  const base: Rec[] = [
    { Name: "Bea", Role: "BM", FTE: 1 },
    { Name: "Sal", Role: "SAO", FTE: 1, "Line manager": "Bea" },
    { Name: "Sue", Role: "SPO", FTE: 1 },
  ];

  it("structure.lineManagement: the model's structure gives no findings (NPS Operating Model v1.0, ch.1, ch.8)", () => {
    const b = book(
      staffSheet([...base, { Name: "Po", Role: "PO", FTE: 1, "Line manager": "Sue" }, { Name: "Ps", Role: "PSO", FTE: 1, "Line manager": "Sue" }, { Name: "Ca", Role: "CA", FTE: 1, "Line manager": "Sal" }]),
    );
    expect(findings(b, RULE)).toEqual([]);
  });

  it("structure.lineManagement: a PO under an SAO, a CA under an SPO and an SAO under an SPO are warnings at the cell (NPS Operating Model v1.0, ch.1, ch.8)", () => {
    const b = book(
      staffSheet([
        ...base,
        { Name: "Po", Role: "PO", FTE: 1, "Line manager": "Sal" },
        { Name: "Ca", Role: "CA", FTE: 1, "Line manager": "Sue" },
        { Name: "Sa2", Role: "SAO", FTE: 1, "Line manager": "Sue" },
      ]),
    );
    const f = findings(b, RULE);
    expect(f.map((x) => [x.cell, x.severity])).toEqual([
      ["F5", "warning"],
      ["F6", "warning"],
      ["F7", "warning"],
    ]);
    expect(f[0]!.message).toBe("Po (PO) is line-managed by Sal (SAO); in the model POs are line-managed by SPOs (NPS Operating Model v1.0, ch.1, ch.6, ch.8).");
  });

  it("structure.lineManagement: an AP's CA is line-managed by the AP manager and a financial administrator by an AP area manager (NPS Operating Model v1.0, ch.6)", () => {
    const b = book(
      staffSheet([
        ...base,
        { Name: "Amy", Role: "AP manager", FTE: 1 },
        { Name: "Ari", Role: "AP area manager", FTE: 1 },
        { Name: "Ca", Role: "CA", FTE: 0.5, "Line manager": "Amy" },
        { Name: "Fin", Role: "Financial administrator", FTE: 1, "Line manager": "Ari" },
        { Name: "Fin2", Role: "Financial administrator", FTE: 1, "Line manager": "Sue" },
      ]),
    );
    const f = findings(b, RULE);
    expect(f.map((x) => x.cell)).toEqual(["F9"]);
    expect(f[0]!.message).toBe(
      "Fin2 (Financial administrator) is line-managed by Sue (SPO); in the model Financial administrators are line-managed by AP area managers (NPS Operating Model v1.0, ch.1, ch.6, ch.8).",
    );
  });

  it("structure.lineManagement: a CA under an SPO is told both managers the model allows", () => {
    const f = findings(book(staffSheet([...base, { Name: "Ca", Role: "CA", FTE: 1, "Line manager": "Sue" }])), RULE);
    expect(f[0]!.message).toMatch(/in the model CAs are line-managed by SAOs or AP managers/);
  });

  it("structure.lineManagement: a line manager not on the staff list, and a blank one, are warnings (bad input)", () => {
    const b = book(staffSheet([...base, { Name: "Po", Role: "PO", FTE: 1, "Line manager": "Nobody" }, { Name: "Ps", Role: "PSO", FTE: 1 }]));
    const f = findings(b, RULE);
    expect(f.map((x) => x.cell)).toEqual(["F5", "F6"]);
    expect(f[0]!.message).toMatch(/line manager "Nobody" is not on the staff list/);
    expect(f[1]!.message).toMatch(/has no line manager recorded/);
  });
});

describe("structure.clusterSupport: every Head of LDU cluster supported by one BM and one DM (NPS Operating Model v1.0, ch.8)", () => {
  const RULE = "structure.clusterSupport";
  it("structure.clusterSupport: one BM and one DM per cluster passes; none or two are warnings (NPS Operating Model v1.0, ch.8)", () => {
    const b = book(
      staffSheet([
        { Name: "H1", Role: "Head of LDU", FTE: 1, Cluster: "West" },
        { Name: "B1", Role: "BM", FTE: 1, Cluster: "West" },
        { Name: "D1", Role: "DM", FTE: 1, Cluster: "West" },
        { Name: "H2", Role: "Head of LDU cluster", FTE: 1, Cluster: "East" },
        { Name: "B2", Role: "BM", FTE: 1, Cluster: "East" },
        { Name: "B3", Role: "Business manager", FTE: 1, Cluster: "east" },
      ]),
    );
    const f = findings(b, RULE);
    expect(f.map((x) => [x.cell, x.figure])).toEqual([
      ["E5", 2],
      ["E5", 0],
    ]);
    expect(f[0]!.message).toBe("Cluster East: 2 BMs on the staff list; every Head of LDU cluster is supported by one BM (NPS Operating Model v1.0, ch.8).");
    expect(f[1]!.message).toMatch(/^Cluster East: no DM on the staff list/);
  });

  it("structure.clusterSupport: a cluster in the Clusters sheet with no Head of LDU is a warning (bad input)", () => {
    const b = book(
      clustersSheet([{ Cluster: "North", "Caseload volume": 1, "Caseload complexity": 1, Partnerships: 1, Geography: 1, Courts: 1, Offices: 1 }]),
      staffSheet([
        { Name: "B1", Role: "BM", FTE: 1, Cluster: "North" },
        { Name: "D1", Role: "DM", FTE: 1, Cluster: "North" },
      ]),
    );
    const f = findings(b, RULE);
    expect(f.map((x) => [x.sheet, x.cell])).toEqual([["Clusters", "A2"]]);
    expect(f[0]!.message).toMatch(/has no Head of LDU cluster/);
  });
});

describe("structure.complexClusters: the top 25% of clusters are complex and have a SOSM who line-manages the BM (NPS Operating Model v1.0, ch.8)", () => {
  const RULE = "structure.complexClusters";
  /** Seven clusters, C1 most complex to C7 least (every measure = 8 - i). */
  const clusters = (blank?: string) =>
    clustersSheet(
      Array.from({ length: 7 }, (_, i) => {
        const v = 7 - i;
        const r: Record<string, number | null> = { "Caseload volume": v * 1000, "Caseload complexity": v, Partnerships: v, Geography: v, Courts: v, Offices: v };
        if (blank !== undefined && i === 0) r[blank] = null;
        return { Cluster: `C${i + 1}`, ...r };
      }),
    );
  const sosmAndBm = (c: string, bmManager = `SOSM ${c}`): Rec[] => [
    { Name: `SOSM ${c}`, Role: "SOSM", FTE: 1, Cluster: c },
    { Name: `BM ${c}`, Role: "BM", FTE: 1, Cluster: c, "Line manager": bmManager },
  ];

  it("structure.complexClusters: 7 clusters give 2 complex (25% rounded up), each with a SOSM managing the BM: no findings", () => {
    const b = book(clusters(), staffSheet([...sosmAndBm("C1"), ...sosmAndBm("C2")]));
    const r = validateWorkbook(b);
    expect(r.findings.filter((x) => x.rule === RULE)).toEqual([]);
    expect(summary(r, RULE)).toMatchObject({ status: "pass", figure: "2 of 7 clusters complex", target: "top 25% (rounded up)" });
  });

  it("structure.complexClusters: a complex cluster with no SOSM is an error at its Clusters row (NPS Operating Model v1.0, ch.8)", () => {
    const f = findings(book(clusters(), staffSheet(sosmAndBm("C1"))), RULE);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", sheet: "Clusters", cell: "A3" });
    expect(f[0]!.message).toBe(
      "Cluster C2 ranks 2 of 7 by complexity, within the top 25% (2 clusters), so it is complex and has a SOSM; the staff list has no SOSM in this cluster (NPS Operating Model v1.0, ch.8).",
    );
  });

  it("structure.complexClusters: a BM in a complex cluster not managed by the SOSM, and a SOSM in a simple cluster, are warnings", () => {
    const b = book(clusters(), staffSheet([...sosmAndBm("C1", "Someone"), ...sosmAndBm("C2"), { Name: "SOSM C5", Role: "SOSM", FTE: 1, Cluster: "C5" }]));
    const f = findings(b, RULE);
    expect(f.map((x) => [x.severity, x.sheet, x.cell])).toEqual([
      ["warning", "Staff", "F3"],
      ["warning", "Staff", "E6"],
    ]);
    expect(f[1]!.message).toMatch(/ranks 5 of 7 by complexity and is not in the top 2/);
  });

  it("structure.complexClusters: rounding down makes 1 complex, so C2's SOSM becomes a warning (what-if)", () => {
    const b = book(clusters(), staffSheet([...sosmAndBm("C1"), ...sosmAndBm("C2")]));
    const r = validateWorkbook(b, { overrides: { complexClusterRounding: "down" } });
    const f = r.findings.filter((x) => x.rule === RULE);
    expect(f.map((x) => [x.severity, x.cell])).toEqual([["warning", "E4"]]);
    expect(summary(r, RULE).figure).toBe("1 of 7 clusters complex");
  });

  it("structure.complexClusters: a blank measure is an error at its cell and nothing is ranked (bad input)", () => {
    const r = validateWorkbook(book(clusters("Courts"), staffSheet([])));
    const f = r.findings.filter((x) => x.rule === RULE);
    expect(f.map((x) => [x.severity, x.cell ?? null])).toEqual([
      ["error", null],
      ["error", "G2"],
    ]);
    expect(f[0]!.message).toMatch(/could not be ranked by complexity because 1 measure cell/);
    expect(f[1]!.message).toMatch(/^courts is blank for cluster "C1"/);
    expect(summary(r, RULE).figure).toBeUndefined();
  });

  it("structure.complexClusters: without a Clusters sheet the rule is not checked", () => {
    expect(summary(validateWorkbook(book(staffSheet(sosmAndBm("C1")))), RULE).status).toBe("not checked");
  });
});
