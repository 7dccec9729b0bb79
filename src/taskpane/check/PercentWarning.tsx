/**
 * The percent-format warning (rule book §1): RSR or OGRS columns holding fractions under-tier cases in
 * TIER formulas. One line at the top of the Check tab with a Details toggle; the full text is here
 * only, so the findings list shows these findings shortly (briefHazard).
 */
import { useId, useState } from "react";
import { Link, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { findingText } from "../../model/sources";
import type { Finding } from "../../model/validate/types";
import type { CellRef } from "../excel-adapter";
import { refOf } from "./Findings";

export const PERCENT_HAZARD_RULE = "caseload.percentHazard";

const useStyles = makeStyles({
  bar: { marginBottom: "8px" },
  head: { display: "flex", columnGap: "6px", alignItems: "baseline", flexWrap: "wrap" },
  details: { margin: "4px 0 0", paddingLeft: "16px" },
  item: { marginBottom: "4px" },
  source: { display: "block", fontSize: "12px", color: tokens.colorNeutralForeground3 },
});

/** The finding's first clause, for the findings list: "Column "RSR" (F2) is percent-formatted". */
export function briefHazard(f: Finding): string | undefined {
  if (f.rule !== PERCENT_HAZARD_RULE) return undefined;
  const { text } = findingText(f.message, f.source);
  const clause = text.split(/: /)[0]!.replace(/\.$/, "");
  return `${clause}: see “Details” in the warning at the top.`;
}

/** The warning's title: short, so that it and Details share one line at 320 px. */
export function hazardTitle(hazards: readonly Finding[]): string {
  return hazards.every((h) => h.message.includes("is percent-formatted")) ? "Percent-formatted scores" : "Scores look like fractions";
}

export function PercentWarning({ hazards, onGoTo }: { hazards: readonly Finding[]; onGoTo: (ref: CellRef) => void }) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const id = useId();
  if (hazards.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" className={s.bar}>
      <MessageBarBody>
        <span className={s.head}>
          <MessageBarTitle>{hazardTitle(hazards)}</MessageBarTitle>
          <Link as="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
            {open ? "Hide details" : "Details"}
          </Link>
        </span>
        <ul id={id} className={s.details} hidden={!open}>
          {open &&
            hazards.map((h, i) => {
              const ref = refOf(h);
              const { text, source } = findingText(h.message, h.source);
              return (
                <li key={i} className={s.item}>
                  {ref && (
                    <>
                      <Link as="button" onClick={() => onGoTo(ref)} aria-label={`Go to ${ref.sheet}!${ref.cell}`}>
                        {ref.sheet}!{ref.cell}
                      </Link>
                      :{" "}
                    </>
                  )}
                  {text}
                  <span className={s.source}>Source: {source}</span>
                </li>
              );
            })}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
