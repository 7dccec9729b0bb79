/**
 * The look of the Check tab's disclosure lists (the summary's families, the capacity picture's
 * teams): a plain list of sections, each headed by a full-width button (chevron, name, badge) that
 * opens the section below it.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useDisclosureStyles = makeStyles({
  list: { listStyleType: "none", padding: 0, margin: 0 },
  item: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  head: {
    display: "grid",
    gridTemplateColumns: "14px minmax(0, 1fr) auto",
    columnGap: "6px",
    alignItems: "baseline",
    width: "100%",
    padding: "6px 2px",
    border: "none",
    background: "none",
    textAlign: "left",
    font: "inherit",
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
});
