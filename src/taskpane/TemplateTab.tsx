/**
 * The Template tab: insert an empty sheet, with its header row, for each table the add-in reads.
 * Asked first; sheets that exist are left as they are. Its outcome shows on this tab.
 */
import { useId } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { LAYOUT } from "../model/layout";
import type { ExcelAdapter } from "./excel-adapter";
import type { Notice, Pending } from "./Notices";
import type { MissingFeature } from "./requirements";
import { andList } from "./check/words";

const useStyles = makeStyles({
  text: { margin: "8px 0" },
  reason: { margin: "4px 0", fontSize: "12px", color: tokens.colorNeutralForeground3 },
});

export interface TemplateProps {
  readonly adapter: ExcelAdapter;
  readonly busy: boolean;
  /** Set when this Excel cannot add sheets: the sentence saying so. */
  readonly off: MissingFeature | undefined;
  readonly ask: (p: Pending) => void;
  readonly notify: (n: Notice) => void;
}

const NAMES = andList(LAYOUT.map((d) => d.name));

export function TemplateTab({ adapter, busy, off, ask, notify }: TemplateProps) {
  const s = useStyles();
  const why = useId();
  const reason = off?.message ?? (busy ? "Please wait: Excel is finishing the last step." : undefined);

  const askTemplate = () =>
    ask({
      title: "Insert the template sheets?",
      lines: [`Adds these sheets with their header rows: ${NAMES}.`, "Sheets that already exist are skipped and left as they are."],
      action: async () => {
        const r = await adapter.insertTemplate();
        notify({
          intent: r.skipped.length > 0 ? "warning" : "success",
          title: "Template sheets",
          text: `${r.added.length > 0 ? `Added: ${r.added.join(", ")}.` : "No sheet added."}${r.skipped.length > 0 ? ` Skipped (already exist): ${r.skipped.join(", ")}.` : ""}`,
        });
      },
    });

  return (
    <div>
      <p className={s.text}>Adds an empty sheet, with its header row, for each table the add-in reads: {NAMES}.</p>
      <p className={s.text}>Sheets that already exist are left as they are. You are asked before anything is added.</p>
      <Button appearance="primary" onClick={askTemplate} disabled={reason !== undefined} aria-describedby={reason !== undefined ? why : undefined}>
        Insert template sheets
      </Button>
      {reason !== undefined && (
        <p id={why} className={s.reason}>
          {reason}
        </p>
      )}
    </div>
  );
}
