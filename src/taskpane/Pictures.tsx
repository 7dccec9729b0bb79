/**
 * Two light pictures with their numbers as text: the court report mix against the targets, and cases
 * by recorded tier and OM grade. Bars are decorative (aria-hidden); every figure is written out.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { percent, points, type ReportMix } from "../model/reports";
import type { TierGradeCounts } from "./picture-data";

const useStyles = makeStyles({
  heading: { fontSize: "14px", margin: "8px 0 4px" },
  list: { listStyleType: "none", paddingLeft: 0, margin: 0 },
  item: { marginBottom: "6px", fontSize: "13px" },
  track: { position: "relative", height: "10px", backgroundColor: tokens.colorNeutralBackground3, borderRadius: "2px" },
  bar: { position: "absolute", left: 0, top: 0, bottom: 0, backgroundColor: tokens.colorBrandBackground, borderRadius: "2px" },
  target: { position: "absolute", top: "-3px", bottom: "-3px", width: "2px", backgroundColor: tokens.colorNeutralForeground1 },
  stack: { display: "flex", height: "10px" },
  po: { backgroundColor: tokens.colorBrandBackground },
  pso: { backgroundColor: tokens.colorPaletteTealBackground2 },
  other: { backgroundColor: tokens.colorNeutralBackground5 },
});

/** How a mix line is named in the picture. */
const MIX_NAMES: Readonly<Record<string, string>> = { "Short format": "Short format (oral and FDR)" };

/**
 * Oral, FDR, SDR (shares of the delivered reports), the short format, then Adjourn (a share of every
 * decision, adjournments included, with no target) when present, then the authors.
 */
export function ReportMixPicture({ mix }: { mix: ReportMix }) {
  const s = useStyles();
  const lines = [...mix.types.filter((l) => l.key !== "Adjourn"), mix.shortFormat, ...mix.types.filter((l) => l.key === "Adjourn"), ...mix.authors];
  return (
    <section aria-labelledby="mix-h">
      <h3 id="mix-h" className={s.heading}>Court report mix against targets</h3>
      <ul className={s.list}>
        {lines.map((l) => (
          <li key={l.key} className={s.item}>
            <div>
              {MIX_NAMES[l.key] ?? l.key}: {percent(l.share)} ({l.count} of {l.total}
              {l.key === "Adjourn" ? " decisions, adjournments included" : ""})
              {l.target !== undefined ? `, target ${points(l.target)}% ±${points(mix.tolerance)}: ${l.status}` : ", no target"}
            </div>
            <div className={s.track} aria-hidden="true">
              <div className={s.bar} style={{ width: `${Math.round(l.share * 100)}%` }} />
              {l.target !== undefined && <div className={s.target} style={{ left: `${Math.round(l.target * 100)}%` }} />}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function TierGradePicture({ counts }: { counts: TierGradeCounts }) {
  const s = useStyles();
  const max = Math.max(1, ...counts.tiers.map((t) => t.PO + t.PSO + t.other));
  return (
    <section aria-labelledby="tier-h">
      <h3 id="tier-h" className={s.heading}>Cases by tier and OM grade ({counts.total} cases)</h3>
      <ul className={s.list}>
        {counts.tiers.map((t) => (
          <li key={t.tier} className={s.item}>
            <div>
              {t.tier}: {t.PO} PO, {t.PSO} PSO{t.other > 0 ? `, ${t.other} grade not PO/PSO` : ""}
            </div>
            <div className={s.stack} aria-hidden="true" style={{ width: `${Math.round(((t.PO + t.PSO + t.other) / max) * 100)}%` }}>
              <div className={s.po} style={{ flexGrow: t.PO }} />
              <div className={s.pso} style={{ flexGrow: t.PSO }} />
              <div className={s.other} style={{ flexGrow: t.other }} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
