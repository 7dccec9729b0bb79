/**
 * The pane under the add-in's Content-Security-Policy (scripts/security-headers.js), in headless
 * Chromium on Microsoft's Office.js client (see office-page.ts): the page is served with the policy
 * as a header and carries it as a <meta>; validating, writing the report sheet, highlighting and
 * clearing break it nowhere; and the policy is really in force: an inline script and eval are
 * refused, and the refusals are what the violation record catches.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { eventually } from "../support/eventually";
import { HostBook, HostSheet } from "../support/office-host/book";
import { CONTENT_SECURITY_POLICY } from "../../scripts/security-headers";
import { openPane, type OfficePage, goAhead } from "./office-page";

/** A caseload whose high-RoSH case held by a PSO is a finding to report and highlight. */
const book = () =>
  new HostBook([
    HostSheet.of("Caseload", [
      ["Case ID", "OM", "OM grade", "Team", "RoSH", "RSR", "OGRS", "Tier"],
      ["X001", "Ann Lee", "PO", "North", "High", 0.069, 0.31, "A"],
      ["X002", "Bob Ray", "PSO", "North", "High", 0.051, 0.22, "B2"],
      ["X003", "Bob Ray", "PSO", "North", "Low", 0.012, 0.15, "D1"],
    ]),
  ]);


describe("the pane under its Content-Security-Policy", () => {
  let p: OfficePage;
  let page: Page;
  beforeAll(async () => {
    p = await openPane(book());
    page = p.page;
  });
  afterAll(async () => p?.close());

  it("is served with the policy as a header and a <meta>, and styled by Fluent UI's run-time <style> elements", async () => {
    const response = await page.request.get(`${p.base}/taskpane.html`);
    expect(response.headers()["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")).toBe(CONTENT_SECURITY_POLICY);
    await page.getByRole("button", { name: "Validate" }).waitFor();
    // What style-src 'unsafe-inline' is for: Griffel's rules, in <style> elements made at run time.
    expect(await page.locator("head style").count()).toBeGreaterThan(0);
    expect(await page.getByRole("button", { name: "Validate" }).evaluate((b) => getComputedStyle(b).borderTopLeftRadius)).not.toBe("0px");
  });

  it("validates, writes the report sheet, highlights and clears without one violation", async () => {
    await page.getByRole("button", { name: "Validate" }).click();
    await page.getByText("Validation finished").waitFor();
    await page.getByRole("button", { name: "Write report sheet" }).click();
    await goAhead(page);
    await page.getByText("Report written").waitFor();
    expect(p.host.book.names()).toContain("NPS validation report");
    await page.getByRole("button", { name: "Highlight cells" }).click();
    await goAhead(page);
    await page.getByText("Cells highlighted").waitFor();
    expect(p.host.book.sheet("Caseload").fillMap().size).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Clear highlights" }).click();
    await goAhead(page);
    await page.getByText("Highlights cleared").waitFor();
    expect(p.cspViolations).toEqual([]);
    expect(p.pageErrors).toEqual([]);
  });

  it("is in force: an inline script and eval are refused, and each refusal is recorded", async () => {
    await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__inlineRan = true;";
      document.head.append(s);
    });
    await page.addScriptTag({ url: `${p.base}/__test/eval-probe.js` });
    expect(await page.evaluate(() => ({ inline: "__inlineRan" in window, evalProbe: (window as unknown as { __evalProbe?: string }).__evalProbe }))).toEqual({
      inline: false,
      evalProbe: "refused: EvalError",
    });
    // Each of the two policies (header and meta) may report the same refusal.
    await eventually(
      () => p.cspViolations.filter((v) => !v.startsWith("console:")),
      (v) => expect(v).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-elem blocked inline/), expect.stringMatching(/^script-src blocked eval at .*eval-probe\.js/)])),
    );
    expect(p.cspViolations.filter((v) => !v.startsWith("console:")).every((v) => /^script-src(-elem)? blocked (inline|eval)/.test(v))).toBe(true);
    expect(p.cspViolations.some((v) => v.startsWith("console:"))).toBe(true);
  });
});
