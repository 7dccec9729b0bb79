/**
 * Capacity per team, as the HMPPS Workload Management Tool (WMT) measures it: workload points ÷
 * available points, from the validation report's workload picture (present when the Staff sheet has
 * contracted hours). One section per team, closed until opened, its header the team's spread in words
 * ("North — 6 OMs: 45% to 121%, median 88%") and how many OMs are over the threshold; opened, a line
 * per OM: name and grade, a bar as long as their capacity (drawn up to 150%, the number always
 * written), a mark at the threshold, and the numbers in words ("112% · 2,310 of 2,070 points").
 * Over the threshold is said in words as well as in colour; the bars are decorative (aria-hidden).
 */
import { useId, useState } from "react";
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import type { TeamCapacity, WorkloadPicture } from "../../model/validate/types";
import { pct } from "../../model/messages/workload";
import { useDisclosureStyles } from "./disclosure";
import { plural } from "./words";

const useStyles = makeStyles({
  headOwn: { position: "relative" },
  heading: { fontSize: "16px", margin: "16px 0 4px" },
  intro: { margin: "0 0 2px" },
  note: { margin: "0 0 6px", fontSize: "12px", color: tokens.colorNeutralForeground3 },

  chevron: { gridColumn: "1", gridRow: "1", color: tokens.colorNeutralForeground3, fontSize: "10px" },
  name: { gridColumn: "2", gridRow: "1", fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  spread: { gridColumn: "2 / 4", gridRow: "2", fontSize: "12px", color: tokens.colorNeutralForeground3 },
  badge: {
    gridColumn: "3",
    gridRow: "1",
    display: "inline-block",
    whiteSpace: "nowrap",
    fontSize: "12px",
    lineHeight: "16px",
    padding: "1px 6px",
    borderRadius: tokens.borderRadiusMedium,
    border: "1px solid",
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    color: tokens.colorPaletteDarkOrangeForeground1,
    ...shorthands.borderColor(tokens.colorPaletteDarkOrangeBorder1),
  },
  // Read out between the parts of the header (the grid sets them apart on screen).
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap" },
  oms: { listStyleType: "none", margin: 0, padding: "0 2px 8px 20px" },
  om: { padding: "4px 0", borderTop: `1px dotted ${tokens.colorNeutralStroke2}` },
  // A long name is cut short with an ellipsis; the grade after it always shows.
  omName: { display: "flex", minWidth: 0, fontSize: "13px" },
  nameText: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  grade: { flexShrink: 0, whiteSpace: "pre", color: tokens.colorNeutralForeground3 },
  track: { position: "relative", height: "10px", margin: "3px 0", backgroundColor: tokens.colorNeutralBackground5, borderRadius: "2px" },
  bar: { position: "absolute", left: 0, top: 0, bottom: 0, backgroundColor: tokens.colorBrandBackground, borderRadius: "2px" },
  barOver: { backgroundColor: tokens.colorPaletteDarkOrangeBackground3 },
  mark: { position: "absolute", top: "-3px", bottom: "-3px", width: "2px", marginLeft: "-1px", backgroundColor: tokens.colorNeutralForeground1 },
  numbers: { fontSize: "12px", color: tokens.colorNeutralForeground2 },
  over: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** A capacity as the model writes it in findings and the command line: one decimal at most ("112%", "87.5%"). */
export const capacityText = pct;
/** Points as whole numbers with thousands separators ("2,310"). */
export const pointsText = (n: number) => Math.round(n).toLocaleString("en-GB");

/** The team's spread in words: "6 OMs: 45% to 121%, median 88%" (one OM: "1 OM: 45%"). */
export function teamSpread(t: TeamCapacity): string {
  return t.oms.length === 1
    ? `1 OM: ${capacityText(t.lowest)}`
    : `${plural(t.oms.length, "OM")}: ${capacityText(t.lowest)} to ${capacityText(t.highest)}, median ${capacityText(t.median)}`;
}

/** How far the bars are drawn: 150%, or further when the threshold is near it, so its mark stays on the bar. */
const scaleOf = (threshold: number) => Math.max(1.5, threshold * 1.25);
const at = (x: number, scale: number) => `${(Math.min(Math.max(x, 0), scale) / scale) * 100}%`;

function Team({ t, threshold }: { t: TeamCapacity; threshold: number }) {
  const s = useStyles();
  const d = useDisclosureStyles();
  const [open, setOpen] = useState(false);
  const panel = useId();
  const over = t.oms.filter((o) => o.capacity > threshold).length;
  const scale = scaleOf(threshold);
  return (
    <li className={d.item} data-team={t.team}>
      <button type="button" className={mergeClasses(d.head, s.headOwn)} aria-expanded={open} aria-controls={panel} onClick={() => setOpen(!open)}>
        <span className={s.chevron} aria-hidden="true">
          {open ? "▼" : "▶"}
        </span>
        <span className={s.name}>{t.team}</span>
        <span className={s.hidden}> — </span>
        <span className={s.spread}>{teamSpread(t)}</span>
        {over > 0 && (
          <>
            <span className={s.hidden}>; </span>
            <span className={s.badge} data-over={over}>
              {over} over {capacityText(threshold)}
            </span>
          </>
        )}
      </button>
      <div id={panel} hidden={!open}>
        {open && (
          <ul className={s.oms} aria-label={`OMs in ${t.team}`}>
            {t.oms.map((o, i) => {
              const isOver = o.capacity > threshold;
              const who = o.grade !== undefined ? `${o.name} (${o.grade})` : o.name;
              return (
                <li key={`${i}:${o.name}`} className={s.om} data-om={o.name}>
                  <div className={s.omName} title={who}>
                    <span className={s.nameText}>{o.name}</span>
                    {o.grade !== undefined && <span className={s.grade}> ({o.grade})</span>}
                  </div>
                  <div className={s.track} aria-hidden="true">
                    <div className={mergeClasses(s.bar, isOver && s.barOver)} style={{ width: at(o.capacity, scale) }} />
                    <div className={s.mark} style={{ left: at(threshold, scale) }} />
                  </div>
                  <div className={s.numbers}>
                    {capacityText(o.capacity)} · {pointsText(o.points)} of {pointsText(o.available)} points
                    {isOver && <span className={s.over}> · over {capacityText(threshold)}</span>}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </li>
  );
}

/** The capacity picture of a validation, after the summary. */
export function Capacity({ picture }: { picture: WorkloadPicture }) {
  const s = useStyles();
  const d = useDisclosureStyles();
  const threshold = capacityText(picture.threshold);
  return (
    <section aria-labelledby="capacity-h">
      <h2 id="capacity-h" className={s.heading}>
        Capacity per team (WMT)
      </h2>
      <p className={s.intro}>Workload points ÷ available points; over {threshold} is flagged.</p>
      {picture.teams.length === 0 ? (
        <p className={s.note}>No OM has contracted hours and available points on the Staff sheet, so no capacity is measured.</p>
      ) : (
        <>
          <p className={s.note}>
            {picture.over} of {plural(picture.measured, "OM")} over {threshold}. Bars are drawn up to {capacityText(scaleOf(picture.threshold))}; the line across each marks {threshold}.
          </p>
          <ul className={d.list}>
            {picture.teams.map((t) => (
              <Team key={t.team} t={t} threshold={picture.threshold} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
