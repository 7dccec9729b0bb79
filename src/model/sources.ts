/**
 * The documents the rules come from, as a reader cites them. Every source a rule, figure, variant or
 * message gives starts with one of these names (a test checks), and the rule book
 * (docs/operating-model.md) lists them, in full, in its table of sources.
 */
export interface SourceDoc {
  /** How findings, help and the rule book cite it, followed by ", ch.N" where there are chapters. */
  readonly cite: string;
  /** Its full title, author and date. */
  readonly title: string;
}

export const SOURCES: readonly SourceDoc[] = [
  { cite: "NPS Operating Model v1.0", title: "National Probation Service, NPS Operating Model, version 1.0: “Effective. Efficient. Excellent.” (2016)" },
  { cite: "Napo's feedback on the Operating Model", title: "Napo (the probation officers' union), Feedback on the NPS Operating Model (2016)" },
  { cite: "Employer's reply on the E3 Phase 2 Blueprint", title: "NPS, reply to Napo's feedback on the E3 Phase 2 Blueprint (2017)" },
  { cite: "NPS FAQ on the future of probation, June 2020", title: "National Probation Service, Frequently asked questions on the future of probation, last updated 30 June 2020 (as published on a probation blog, 14 July 2020): the answer on unpaid work" },
  {
    cite: "HMPPS Workload Management Tool",
    title: "HM Prison and Probation Service, Workload Management Tool: its public code (wmt-probation-rules, wmt-worker, hmpps-workload) and its points table of 2017, the last for seven tiers",
  },
  { cite: "Add-in rule book", title: "This add-in's own readings where the documents leave a choice (docs/operating-model.md)" },
  { cite: "Add-in default", title: "A figure the documents do not give; the add-in's default, which a what-if can change" },
  { cite: "Add-in workbook layout", title: "The sheets and columns this add-in reads (README, “The workbook layout”)" },
];

/** Whether every part of a source ("A, ch.3; B, ch.2") starts with a name in SOURCES. */
export function citesKnownSources(source: string): boolean {
  return source.split("; ").every((part) => SOURCES.some((s) => part.startsWith(s.cite)));
}

/** A citation in brackets inside a sentence: " (NPS Operating Model v1.0, ch.6)". */
const BRACKETED = / \(([^()]+)\)/g;

/**
 * A finding as a reader sees it: the sentence without the citation in brackets that some messages
 * carry (the same messages serve as function errors, where no other place shows the source), and
 * the source to show once after it. The finding's own source is shown, not the bracketed one.
 */
export function findingText(message: string, source: string): { readonly text: string; readonly source: string } {
  const text = message.replace(BRACKETED, (whole, inner: string) => (citesKnownSources(inner) ? "" : whole));
  return { text, source };
}
