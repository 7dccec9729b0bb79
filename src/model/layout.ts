/**
 * The documented workbook layout: which sheets a division's workbook holds, each an Excel table
 * whose header row names these fields. One definition serves header recognition, the template
 * workbook, the sample generator and the README.
 *
 * `aliases` are the headers people actually write; matching ignores case, spacing, punctuation
 * and a trailing "(yes/no)"-style note. A user can map any other header to a field by hand.
 */

export type FieldType = "text" | "number" | "percent" | "yesno" | "rosh" | "tier" | "grade" | "date" | "mappa";

export interface FieldDef {
  readonly id: string;
  /** The header the template writes. */
  readonly header: string;
  readonly aliases: readonly string[];
  readonly type: FieldType;
  readonly required: boolean;
  readonly help: string;
}

export interface SheetDef {
  readonly kind: SheetKind;
  /** The sheet name the template writes; recognition also accepts `aliases`. */
  readonly name: string;
  readonly aliases: readonly string[];
  readonly required: boolean;
  readonly help: string;
  readonly fields: readonly FieldDef[];
}

export type SheetKind = "caseload" | "staff" | "teams" | "clusters" | "courtReports" | "approvedPremises" | "paroms" | "unpaidWork";

function f(id: string, header: string, type: FieldType, required: boolean, help: string, aliases: string[] = []): FieldDef {
  return { id, header, aliases, type, required, help };
}

export const LAYOUT: readonly SheetDef[] = [
  {
    kind: "caseload",
    name: "Caseload",
    aliases: ["Cases", "Case list", "Caseload list"],
    required: true,
    help: "One row per case.",
    fields: [
      f("caseId", "Case ID", "text", true, "The case reference (CRN).", ["CRN", "Case reference", "Case ref", "Case number", "Case no"]),
      f("om", "OM", "text", true, "Name or staff ID of the Offender Manager holding the case.", ["Offender Manager", "OM name", "Case manager", "Responsible officer"]),
      f("omGrade", "OM grade", "grade", true, "PO or PSO, as recorded.", ["Grade", "OM role", "Grade of OM"]),
      f("team", "Team", "text", true, "The OM team.", ["OM team", "Team name"]),
      f("cluster", "Cluster", "text", false, "The LDU cluster.", ["LDU cluster", "LDU", "Cluster name"]),
      f("rosh", "RoSH", "rosh", true, "Low, Medium, High or Very High.", ["Risk of Serious Harm", "ROSH level", "RoSH level", "Risk level"]),
      f("rsr", "RSR", "percent", false, "RSR score in percentage points (6.9 means 6.9%).", ["RSR score", "RSR %", "Risk of Serious Recidivism"]),
      f("ogrs", "OGRS", "percent", false, "OGRS score in percentage points.", ["OGRS score", "OGRS %", "OGRS3", "OGRS 3"]),
      f("mappaCategory", "MAPPA category", "mappa", false, "1, 2 or 3; blank when not MAPPA.", ["MAPPA cat", "MAPPA Category"]),
      f("mappaLevel", "MAPPA level", "mappa", false, "1, 2 or 3; blank when not MAPPA.", ["MAPPA lvl", "MAPPA Level"]),
      f("childProtectionPlan", "Child protection plan", "yesno", false, "Yes/No.", ["CPP", "Child protection", "Child protection plan (yes/no)"]),
      f("iom", "IOM", "yesno", false, "Managed under Integrated Offender Management: Yes/No.", ["Integrated Offender Management"]),
      f("vulnerability", "Vulnerability", "yesno", false, "Yes on OASys section 8, risk of suicide, self-harm or vulnerability.", ["Vulnerable", "OASys s8", "Self harm / suicide"]),
      f("domesticViolence", "Domestic violence", "yesno", false, "Yes/No; used by Napo's variant.", ["DV", "Domestic abuse"]),
      f("recordedTier", "Tier", "tier", false, "The tier recorded on the case.", ["Recorded tier", "Current tier", "Tiering"]),
      f("sentenceType", "Sentence type", "text", false, "Community, Custody, Licence, Indeterminate or Life.", ["Sentence", "Order type", "Disposal"]),
      f("crcEscalation", "CRC risk escalation", "yesno", false, "Transferred from a CRC because risk increased: Yes/No.", ["From CRC", "CRC transfer", "Risk escalation"]),
      f("psoCompetent", "PSO competent (C1)", "yesno", false, "Tier C1: the PSO has demonstrated competency.", ["PSO competency", "PSO competent"]),
      f("allocationReason", "Allocation reason", "text", false, "Why the recorded grade differs from the advice, if it does.", ["Reason", "Grade reason"]),
    ],
  },
  {
    kind: "staff",
    name: "Staff",
    aliases: ["Staffing", "Staff list", "Establishment"],
    required: true,
    help: "One row per member of staff.",
    fields: [
      f("name", "Name", "text", true, "Name or staff ID, as used in the OM and line manager columns.", ["Staff name", "Staff", "Employee", "Staff ID"]),
      f("role", "Role", "text", true, "PO, PSO, SPO, CA, SAO, BM, DM, SOSM, Head of LDU, VLO, AP manager, AP area manager, Residential worker, Key worker PSO, Financial administrator.", ["Grade", "Job title", "Post", "Grade/role"]),
      f("fte", "FTE", "number", true, "Full-time equivalent, 0 to 1.", ["Full time equivalent", "Hours FTE", "WTE"]),
      f("team", "Team", "text", false, "The team the post sits in.", ["Team name"]),
      f("cluster", "Cluster", "text", false, "The LDU cluster.", ["LDU cluster", "LDU"]),
      f("lineManager", "Line manager", "text", false, "Name of the line manager.", ["Manager", "Reports to", "Line mgr"]),
      f("vlo", "VLO", "yesno", false, "Does victim liaison work: Yes/No.", ["Victim liaison officer", "VLO role"]),
      f("yosSecondment", "YOS secondment", "yesno", false, "Seconded to a YOS: Yes/No.", ["Seconded to YOS", "YOS secondee"]),
      f("secondmentStart", "Secondment start", "date", false, "Date the YOS secondment began.", ["YOS secondment start"]),
      f("yosLinkSpo", "YOS link SPO", "yesno", false, "Yes for the SPO who keeps contact with staff seconded to the YOS, one in each LDU cluster (NPS Operating Model v1.0, ch.7-8).", ["Link SPO", "YOS link"]),
      f("gender", "Gender", "text", false, "Needed only for operational staff in APs for women (NPS Operating Model v1.0, ch.6).", ["Sex"]),
      f("contractedHours", "Contracted hours", "number", false, "Contracted hours a week (37 full time), for workload capacity (HMPPS Workload Management Tool).", ["Weekly hours", "Hours per week", "Contracted hours per week", "Hours a week"]),
      f("reductionHours", "Reduction hours", "number", false, "Hours a week taken off contracted hours for workload (sickness, union duties, training); blank is none.", ["Reductions", "Reduction", "Hours reduced", "Workload reduction hours"]),
      f("reductionReason", "Reduction reason", "text", false, "Why: Long-term sickness, Trade union facility time, Newly qualified officer, PSO learning and development, or any other reason with its hours.", ["Reason for reduction", "Reduction type"]),
    ],
  },
  {
    kind: "teams",
    name: "Teams",
    aliases: ["Team list"],
    required: true,
    help: "One row per team.",
    fields: [
      f("team", "Team", "text", true, "Team name, as in the Caseload and Staff sheets.", ["Team name", "Name"]),
      f("type", "Type", "text", true, "OM, Court, Victims, AP, YOS or Management.", ["Team type", "Function"]),
      f("cluster", "Cluster", "text", false, "The LDU cluster.", ["LDU cluster", "LDU"]),
      f("yosCaseload", "YOS caseload", "number", false, "YOS teams: the YOS caseload the NPS contributes to.", ["YOS cases"]),
    ],
  },
  {
    kind: "clusters",
    name: "Clusters",
    aliases: ["LDU clusters", "LDUs"],
    required: false,
    help: "One row per LDU cluster, with the complexity measures of NPS Operating Model v1.0, ch.8.",
    fields: [
      f("cluster", "Cluster", "text", true, "Cluster name.", ["LDU cluster", "Name"]),
      f("head", "Head of LDU cluster", "text", false, "Name of the Head of LDU cluster.", ["Head", "Head of cluster"]),
      f("caseloadVolume", "Caseload volume", "number", true, "Measure: caseload volume.", ["Volume", "Caseload"]),
      f("caseloadComplexity", "Caseload complexity", "number", true, "Measure: caseload complexity.", ["Complexity"]),
      f("partnerships", "Partnerships", "number", true, "Measure: local partnerships.", ["Local partnerships"]),
      f("geography", "Geography", "number", true, "Measure: geography.", ["Area", "Geographic spread"]),
      f("courts", "Courts", "number", true, "Measure: courts.", ["Number of courts"]),
      f("offices", "Offices", "number", true, "Measure: offices.", ["Number of offices"]),
    ],
  },
  {
    kind: "courtReports",
    name: "Court reports",
    aliases: ["Reports", "PSRs", "Court report log"],
    required: false,
    help: "One row per pre-sentence report.",
    fields: [
      f("reportId", "Report ID", "text", false, "A reference for the report.", ["Reference", "Report ref"]),
      f("date", "Date", "date", true, "Date the report was delivered.", ["Report date", "Date delivered"]),
      f("reportType", "Report type", "text", true, "Oral, FDR or SDR.", ["Type", "Report format"]),
      f("authorGrade", "Author grade", "grade", true, "PO or PSO.", ["Author", "Written by", "Grade"]),
      f("team", "Team", "text", false, "The court team.", ["Court team", "Court"]),
      f("author", "Author name", "text", false, "Name or staff ID of the author, as in the Staff sheet, to count the report in their workload.", ["Report author", "Author's name", "Author staff ID"]),
    ],
  },
  {
    kind: "approvedPremises",
    name: "Approved premises",
    aliases: ["APs", "AP", "Approved Premises"],
    required: false,
    help: "One row per Approved Premises.",
    fields: [
      f("ap", "AP", "text", true, "Name of the AP.", ["Approved premises", "Name", "Premises"]),
      f("apType", "AP type", "text", false, "Men, Women or PIPE.", ["Type"]),
      f("manager", "AP manager", "text", false, "Name of the dedicated AP manager.", ["Manager"]),
      f("areaManager", "AP area manager", "text", false, "Name of the AP area manager.", ["Area manager"]),
      f("wakingStaffMin", "Minimum waking staff", "number", true, "Fewest waking staff on site at any time on the rota.", ["Waking staff", "Min waking staff"]),
      f("caFte", "CA FTE", "number", false, "Case administrator FTE.", ["Case administrator FTE", "CA"]),
      f("keyWorkerPo", "PO key worker", "yesno", false, "PIPE APs: a PO in place of a key-worker PSO.", ["PO in place of key worker"]),
      f("operationalStaff", "Operational staff", "number", false, "Residential workers, PSO key workers and contracted staff.", []),
      f("femaleOperationalStaff", "Female operational staff", "number", false, "Of those, how many are female (APs for women).", []),
      f("residents", "Residents", "number", false, "Residents now.", ["Beds occupied"]),
      f("purposefulHours", "Purposeful activity hours", "number", false, "Average purposeful activity per resident per week, hours.", ["Purposeful hours", "Activity hours"]),
    ],
  },
  {
    kind: "paroms",
    name: "PAROMs",
    aliases: ["Parole reports", "PAROM log"],
    required: false,
    help: "One row per PAROM report, in date order per OM.",
    fields: [
      f("om", "OM", "text", true, "Author.", ["Offender Manager", "Author"]),
      f("date", "Date", "date", true, "Date of the report.", ["Report date"]),
      f("assessment", "Assessment", "text", true, "Quality assessment, e.g. Good, Requires improvement.", ["Quality", "Rating"]),
      f("countersigned", "SPO countersigned", "yesno", false, "Was it countersigned by an SPO: Yes/No.", ["Countersigned"]),
    ],
  },
  {
    kind: "unpaidWork",
    name: "Unpaid work",
    aliases: ["UPW", "Community payback"],
    required: false,
    help: "One row per unpaid work requirement.",
    fields: [
      f("caseId", "Case ID", "text", true, "The case reference (CRN).", ["CRN"]),
      f("sentenceDate", "Sentence date", "date", true, "Date of sentence.", []),
      f("startDate", "Start date", "date", false, "First session.", ["First session"]),
      f("completedDate", "Completed date", "date", false, "Date the hours were completed.", ["Completion date"]),
      f("hoursOrdered", "Hours ordered", "number", true, "Hours of unpaid work ordered.", ["Hours"]),
      f("educationHours", "Education hours", "number", false, "Hours spent on education or training.", ["ETE hours"]),
      f("travelMinutes", "Travel minutes", "number", false, "Travel to the placement, minutes each way.", ["Travel time"]),
    ],
  },
];

export function sheetDef(kind: SheetKind): SheetDef {
  const d = LAYOUT.find((s) => s.kind === kind);
  if (!d) throw new Error(`no layout for sheet kind ${kind}`);
  return d;
}
