/**
 * The development server as `npm start` and `npm run dev-server` run it (scripts/dev-server.js's
 * startServer: the real webpack.config.js in development mode, in memory, so dist/ is not touched),
 * on a free port over http: every page carries the Content-Security-Policy as a header and as a
 * <meta>, nothing is answered with "Access-Control-Allow-Origin: *", and only functions.json, which
 * Excel on the web reads across origins, names an Office origin. One development build: about 30 s.
 */
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { expectAs } from "../support/expect-as";
import { startServer } from "../../scripts/dev-server";
import { CONTENT_SECURITY_POLICY } from "../../scripts/security-headers";

const BUILD_TIMEOUT = 240_000;
const EXCEL_WEB = "https://excel.officeapps.live.com";

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

let server: Awaited<ReturnType<typeof startServer>> | undefined;
let port = 0;

/** GET a path from the server, with an Origin header when given. */
function get(path: string, origin?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "localhost", port, path, headers: origin ? { Origin: origin } : {} }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  server = await startServer({ port: 0, server: { type: "http" } });
  port = (server.server!.address() as AddressInfo).port;
}, BUILD_TIMEOUT);

afterAll(async () => {
  await server?.stop();
});

describe("npm run dev-server: what it answers with", () => {
  it.each(["/taskpane.html", "/help.html"])("%s: the policy as a header and as the page's <meta>", async (path) => {
    const r = await get(path);
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^text\/html/);
    expect(r.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
    expect(r.body).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
  });

  it("answers no request with Access-Control-Allow-Origin: *, from any origin or none", async () => {
    for (const path of ["/taskpane.html", "/help.html", "/functions.js", "/taskpane.js", "/taskpane.js.map", "/functions.json", "/manifest.xml", "/assets/icon-32.png"])
      for (const origin of [undefined, "https://evil.example", EXCEL_WEB]) {
        const r = await get(path, origin);
        expectAs(r.status, `${path} from ${String(origin)}`).toBe(200);
        expectAs(r.headers["access-control-allow-origin"], `${path} from ${String(origin)}`).not.toBe("*");
        if (path !== "/functions.json") expectAs(r.headers["access-control-allow-origin"], `${path} from ${String(origin)}`).toBeUndefined();
      }
  }, 60_000);

  it("lets Excel on the web read functions.json across origins, naming its origin alone; no other origin", async () => {
    for (const origin of [EXCEL_WEB, "https://inc-excel.officeapps.live.com", "https://excel.cloud.microsoft"]) {
      const r = await get("/functions.json", origin);
      expectAs(r.headers["access-control-allow-origin"], origin).toBe(origin);
      expect(r.headers.vary).toMatch(/\bOrigin\b/);
    }
    for (const origin of ["https://evil.example", "https://officeapps.live.com.evil.example", "http://excel.officeapps.live.com", "null"])
      expectAs((await get("/functions.json", origin)).headers["access-control-allow-origin"], origin).toBeUndefined();
  });

  it("keeps source maps in development, with no eval-wrapped modules ('unsafe-eval' is not allowed)", async () => {
    const js = await get("/taskpane.js");
    expect(js.body).toContain("//# sourceMappingURL=taskpane.js.map");
    expect(js.body).not.toMatch(/\beval\(/);
    expect((await get("/taskpane.js.map")).status).toBe(200);
  });
});
