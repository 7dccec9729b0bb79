/** The What-if tab's styles (Griffel, as the rest of the pane). */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useWhatIfStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  intro: { margin: "8px 0 0", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  headerText: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: "6px", rowGap: "2px" },
  title: { fontWeight: tokens.fontWeightSemibold },
  panel: { display: "flex", flexDirection: "column", gap: "14px", paddingBottom: "12px" },
  // A figure that differs from the model is marked by a bar in the brand colour, beside its box.
  field: { borderLeft: `3px solid transparent`, paddingLeft: "6px" },
  changed: { borderLeftColor: tokens.colorBrandStroke1 },
  input: { maxWidth: "170px" },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  model: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  switchNote: { paddingLeft: "60px", marginTop: "-4px" },
  subhead: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: "4px 0 0" },
  problems: { margin: 0, paddingLeft: "18px", color: tokens.colorPaletteRedForeground1 },
  footer: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    boxShadow: "0 -4px 8px rgba(0, 0, 0, 0.06)",
    padding: "8px 0 10px",
    display: "flex",
    flexDirection: "column",
    gap: "6px",
  },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "6px 10px" },
  status: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  statusError: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});
