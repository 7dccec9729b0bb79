/**
 * The contract between the validation engine and its three callers (task pane, command line,
 * tests). Plain data only: the callers turn their world (Office.js ranges, ExcelJS sheets) into
 * WorkbookData, and turn a ValidationReport into a pane, a console summary or a report workbook.
 */
import type { Overrides, Override, Variants } from "../config";
import type { CellValue } from "../values";

/** One sheet's used range. rows[0] is the header row unless the layout finds the header lower. */
export interface SheetData {
  readonly name: string;
  /** Row-major values of the used range. Dates arrive as Excel serial numbers or ISO text. */
  readonly rows: readonly (readonly CellValue[])[];
  /** 1-based sheet row of rows[0], and 0-based sheet column of rows[r][0], for A1 addresses. */
  readonly originRow: number;
  readonly originCol: number;
  /**
   * Number formats of the first data cells per column ("0.00%", "General"), when the caller read
   * them. The engine uses them to find percent-formatted score columns (rule book §1).
   */
  readonly columnFormats?: readonly (string | undefined)[];
  /**
   * Formulas saved without a calculated value (programs such as openpyxl write them so), which
   * are read as blank: how many, and the first one's A1 address. Only a file reader sets it.
   */
  readonly uncalculated?: { readonly count: number; readonly first: string };
}

export interface WorkbookData {
  readonly sheets: readonly SheetData[];
}

export type Severity = "error" | "warning" | "info";
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export interface Finding {
  /** Stable rule id, e.g. "caseload.highRoshPso" or "staffing.omAdminRatio". */
  readonly rule: string;
  readonly severity: Severity;
  /** Sheet the finding points at, when it points at one. */
  readonly sheet?: string;
  /** 1-based sheet row, when the finding is about one row. */
  readonly row?: number;
  /** A1 address of the offending cell ("F12"), when there is one. */
  readonly cell?: string;
  /** A sentence a business manager understands, from the message catalogue. */
  readonly message: string;
  /** The source, named as a reader would cite it, e.g. "NPS Operating Model v1.0, ch.3". */
  readonly source: string;
  /** For ratio and share rules: the measured figure and its target, as numbers. */
  readonly figure?: number;
  readonly target?: number;
}

/**
 * A summary line's status. "information" is for lines that describe rather than judge (a what-if,
 * who may have countersignature lifted): never a pass. "not checked" says why in `why`.
 */
export type Status = "pass" | "warning" | "fail" | "information" | "not checked";

/** One line of the pane's summary: a ratio or rule family with its figure against its target. */
export interface RuleSummary {
  readonly rule: string;
  /** The rule family's name ("Caseload", "Court reports"), from ./families.ts. */
  readonly family: string;
  readonly label: string;
  readonly status: Status;
  /** Why a rule was not checked, in words ("the workbook has no Court reports sheet"). */
  readonly why?: string;
  /** e.g. "61.0% oral" / "2 of 11 teams below 1:4"; human text, already formatted. */
  readonly figure?: string;
  readonly target?: string;
  readonly source: string;
  readonly counts: Readonly<Record<Severity, number>>;
}

export interface ValidateOptions {
  readonly overrides?: Overrides;
  readonly variants?: Partial<Variants>;
  /** Columns mapped by hand: { sheetName: { "header as written": "field id" } }. */
  readonly columnMaps?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/**
 * How far a validation has got, between two of its steps: work done and to do (counted in rows, each
 * table's once for reading it and once for each rule that reads it, and one per unit of work), and
 * what it is doing, in plain words ("Reading Caseload, 100,000 rows (25%)", "Checking: One OM per case").
 */
export interface ValidationProgress {
  readonly done: number;
  readonly total: number;
  readonly label: string;
}

/** The capacity picture of one team, for the summary and the pane. */
export interface TeamCapacity {
  readonly team: string;
  /** OMs with measured capacity, highest capacity first (ties by name). */
  readonly oms: readonly { readonly name: string; readonly grade?: "PO" | "PSO"; readonly points: number; readonly available: number; readonly capacity: number }[];
  readonly lowest: number;
  readonly median: number;
  readonly highest: number;
}

/** Workload and capacity per team (HMPPS Workload Management Tool), when the Staff sheet has contracted hours. */
export interface WorkloadPicture {
  readonly threshold: number;
  /** The workbook's latest date, from which reports and PAROMs are counted back 30 days. */
  readonly asOf?: string;
  readonly teams: readonly TeamCapacity[];
  /** OMs whose capacity is measured, and of them how many are over the threshold. */
  readonly measured: number;
  readonly over: number;
}

export interface ValidationReport {
  readonly findings: readonly Finding[];
  readonly summaries: readonly RuleSummary[];
  /** Every figure that differs from the model's, so outputs can show the what-if. */
  readonly overrides: readonly Override[];
  readonly layout: LayoutReport;
  /** Capacity per team, when the Staff sheet has contracted hours: the same numbers the Workload rules give. */
  readonly workload?: WorkloadPicture;
}

/** What the engine recognised, so the pane can offer a column mapping where it could not tell. */
export interface LayoutReport {
  readonly sheets: readonly {
    readonly sheet: string;
    /** Layout sheet kind recognised ("caseload", "staff", ...), or undefined. */
    readonly kind?: string;
    /** Index within SheetData.rows of the header row (a title may sit above it). */
    readonly headerIndex: number;
    /** field id -> 0-based column index within the sheet's rows. */
    readonly columns: Readonly<Record<string, number>>;
    /** Headers present that map to no field. */
    readonly unrecognised: readonly string[];
    /** Required fields of the kind with no column. */
    readonly missing: readonly string[];
  }[];
}

// ---------------------------------------------------------------------------------------------
// Rules. Each rule family lives in src/model/validate/rules/<family>.ts and exports Rule[];
// rules/index.ts lists them all. A rule reads recognised, parsed tables and returns findings.
// ---------------------------------------------------------------------------------------------

import type { ModelConfig } from "../config";
import type { SheetKind } from "../layout";

/** A parsed field value: text, number, boolean, RoSH/tier/grade words, or a date as an Excel serial number. */
export type FieldValue = string | number | boolean;

export interface TableRow {
  /** 1-based sheet row. */
  readonly row: number;
  /**
   * The field's value parsed by its layout type (see src/model/layout.ts); undefined when blank,
   * when the sheet has no such column, or when the cell could not be read (the engine reports
   * unreadable cells once, as findings, so rules need not).
   */
  get(field: string): FieldValue | undefined;
  /** The raw cell, for rules that must see exactly what was written. */
  raw(field: string): CellValue;
  /** A1 address of the field's cell in this row ("F12"), or undefined without such a column. */
  cell(field: string): string | undefined;
}

export interface Table {
  readonly kind: SheetKind;
  readonly sheet: string;
  readonly rows: readonly TableRow[];
  /** Whether the sheet has a column for the field. */
  has(field: string): boolean;
  /** The 0-based column index of a field within SheetData.rows, if present. */
  column(field: string): number | undefined;
  /** Number format of the field's column, when the caller read formats. */
  format(field: string): string | undefined;
  /** The field's parsed values, one per row in the order of `rows` (for rules that go down a whole column). */
  values(field: string): readonly (FieldValue | undefined)[] | undefined;
  /** Indexes (into `rows`) of the field's cells that could not be read (already reported as findings). */
  unreadable(field: string): readonly number[];
}

export interface RuleContext {
  readonly config: ModelConfig;
  readonly variants: Variants;
  /** The recognised table of a kind, or undefined when the workbook has none. */
  table(kind: SheetKind): Table | undefined;
}

/**
 * Work that can pause: a generator that yields, between blocks of rows, the share of its work done
 * so far (from 0, below 1), and returns its result. The engine's long units (reading a table, a
 * rule going down a long sheet) are written so; validateWorkbook runs them straight through and
 * validateWorkbookAsync hands the thread back to the host between them (see ./steps.ts).
 */
export type Steps<T> = Generator<number, T, undefined>;

/** A rule's summary line figures. */
export interface RuleFigures {
  figure?: string;
  target?: string;
  /** Set when the rule found it could not be checked after all (a column it needs is absent): why, in words. */
  notChecked?: string;
}

export interface Rule {
  readonly id: string;
  /**
   * Short label for the summary ("Case administrators in OM teams (1:4 on FTE)"). A function when
   * it names a figure, so that a what-if shows its own figure, not the model's.
   */
  readonly label: string | ((config: ModelConfig) => string);
  readonly source: string;
  /** A rule that describes rather than judges: its summary says "for information", never pass. */
  readonly information?: boolean;
  /**
   * Columns the rule cannot do without, as [sheet kind, field id]: when one is absent the rule's
   * summary is "not checked", saying which column (its own findings may say so too).
   */
  readonly columns?: readonly (readonly [SheetKind, string])[];
  /** The tables the rule needs; it is reported "not checked" when one is missing. */
  readonly needs: readonly SheetKind[];
  /** The rule's findings; a rule that goes down a long sheet gives them as Steps (a generator function), so it can pause. */
  check(ctx: RuleContext): Finding[] | Steps<Finding[]>;
  /** The summary line's figure and target, for ratio and share rules; otherwise counts suffice. Steps, like check, when it goes down a long sheet. */
  summarise?(ctx: RuleContext, findings: readonly Finding[]): RuleFigures | undefined | Steps<RuleFigures | undefined>;
}
