/**
 * The What-if tab's footer, fixed at the bottom of the pane (position: sticky): the outcome of the
 * last Apply, what Apply would do or why it cannot yet, Apply itself, and the two ways back:
 * "Undo my edits" (the settings in force) and "Back to the model's figures" (the model's own figures,
 * the policy variants off and the default VLO weights; not in force until applied).
 */
import { forwardRef } from "react";
import { Button, Link, mergeClasses, useId } from "@fluentui/react-components";
import { NoticeList, type Notice } from "../Notices";
import type { Checked } from "./form";
import { useWhatIfStyles } from "./styles";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export interface ApplyFooterProps {
  checked: Checked;
  notices: readonly Notice[];
  onApply: () => void;
  onUndo: () => void;
  onModel: () => void;
  onShowErrors: () => void;
}

export const ApplyFooter = forwardRef<HTMLDivElement, ApplyFooterProps>(function ApplyFooter({ checked, notices, onApply, onUndo, onModel, onShowErrors }, ref) {
  const s = useWhatIfStyles();
  const statusId = useId("whatif-status");
  const blocked = checked.errors > 0;
  const status = blocked
    ? `Fix ${plural(checked.errors, "field")} first`
    : !checked.dirty
      ? "Nothing to apply: these are the settings in force."
      : checked.pendingCount > 0
        ? `${plural(checked.pendingCount, "change")} not yet applied`
        : "Ready to apply";
  return (
    <div ref={ref} className={s.footer} role="region" aria-label="Apply the what-if">
      <NoticeList notices={notices} />
      <div className={s.row}>
        <Button appearance="primary" disabledFocusable={blocked || !checked.dirty} aria-describedby={statusId} onClick={onApply}>
          Apply what-if
        </Button>
        <span id={statusId} className={mergeClasses(s.status, blocked && s.statusError)}>
          {status}
        </span>
        {blocked && (
          <Link as="button" onClick={onShowErrors}>
            Show them
          </Link>
        )}
      </div>
      <div className={s.row}>
        <Button size="small" disabled={!checked.dirty} onClick={onUndo}>
          Undo my edits
        </Button>
        <Button size="small" disabled={!checked.differsFromModel} onClick={onModel}>
          Back to the model&apos;s figures
        </Button>
      </div>
    </div>
  );
});
