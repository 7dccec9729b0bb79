/**
 * Microsoft's own Office.js client for Excel (the web flavour, from the @microsoft/office-js package
 * in node_modules, never the CDN), loaded into a jsdom window in Node and wired to the strict test
 * host (richapi.ts) at its transport: every `context.sync()` is serialised by Microsoft's code, sized
 * in bytes, and answered by the host. Unit tests get `run`, a drop-in for `Excel.run`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { HostBook, RichApiHost } from "./richapi";

export const OFFICE_JS_CLIENT = join(__dirname, "..", "..", "..", "node_modules", "@microsoft", "office-js", "dist", "excel-web-16.00.debug.js");
/** Where the client sends its requests; the host answers them (nothing goes on the network). */
export const HOST_URL = "https://excel.host.test/";

let source: string | undefined;

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeClient {
  readonly host: RichApiHost;
  readonly run: Run;
  /** The window's Excel and OfficeExtension namespaces (Microsoft's). */
  readonly Excel: typeof Excel;
  readonly OfficeExtension: typeof OfficeExtension;
  close(): void;
}

/** A fresh window with Microsoft's client, answering from `book`. */
export function officeClient(book: HostBook): OfficeClient {
  source ??= readFileSync(OFFICE_JS_CLIENT, "utf8");
  const dom = new JSDOM("<!doctype html><html><body></body></html>", { url: "https://pane.test/", runScripts: "outside-only" });
  const w = dom.window as unknown as { eval(s: string): unknown; Excel: typeof Excel; OfficeExtension: typeof OfficeExtension & { HttpUtility: { setCustomSendRequestFunc(f: (r: { body: unknown }) => Promise<unknown>): void } } };
  w.eval(source);
  const host = new RichApiHost(book);
  w.OfficeExtension.HttpUtility.setCustomSendRequestFunc(async (req) => {
    const text = typeof req.body === "string" ? req.body : JSON.stringify(req.body);
    const res = host.answer(text);
    return { statusCode: res.status, headers: {}, body: res.body };
  });
  // Built inside the window's realm: the client checks the shape of this object.
  w.eval(`OfficeExtension.ClientRequestContext.defaultRequestUrlAndHeaders = { url: ${JSON.stringify(HOST_URL)}, headers: {} };`);
  const run: Run = (batch) => w.Excel.run(batch as never) as never;
  return { host, run, Excel: w.Excel, OfficeExtension: w.OfficeExtension, close: () => dom.window.close() };
}

export { HostBook };
