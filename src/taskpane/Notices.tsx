/**
 * The pane's messages: notices (what happened) and the confirmation asked before anything in the
 * workbook changes.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export type Notice = { intent: "error" | "warning" | "success" | "info"; title: string; text: string };
export type Pending = { title: string; lines: string[]; action: () => Promise<void> };

export function NoticeList({ notices }: { notices: readonly Notice[] }) {
  return (
    <div>
      {notices.map((n, i) => (
        <MessageBar key={i} intent={n.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{n.title}</MessageBarTitle> {n.text}
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}

export function Confirm({ pending, onGo, onCancel }: { pending: Pending; onGo: () => void; onCancel: () => void }) {
  return (
    <MessageBar intent="info" layout="multiline" role="alertdialog" aria-label={pending.title}>
      <MessageBarBody>
        <MessageBarTitle>{pending.title}</MessageBarTitle>
        <ul>
          {pending.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={onGo}>
          Go ahead
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
