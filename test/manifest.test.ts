/**
 * Office's manifest validator is a web service (offline it fails), so the manifest's structure is
 * checked here: the requirement sets, the shared runtime, the custom functions extension point,
 * resources that resolve, and files that the build really emits.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "@jest/globals";
import { expectAs } from "./support/expect-as";

const ROOT = join(__dirname, "..");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const doc = new new JSDOM("").window.DOMParser().parseFromString(xml, "application/xml");

function all(tag: string): Element[] {
  return Array.from(doc.getElementsByTagName(tag));
}
function one(tag: string): Element {
  const els = all(tag);
  expectAs(els.length, tag).toBeGreaterThan(0);
  return els[0]!;
}
function resource(id: string): string {
  const el = [...all("bt:Url"), ...all("bt:Image"), ...all("bt:String")].find((e) => e.getAttribute("id") === id);
  if (!el) throw new Error(`resource ${id} is not defined`);
  return el.getAttribute("DefaultValue") ?? "";
}

describe("manifest.xml", () => {
  it("is well-formed XML for a task pane add-in", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.tagName).toBe("OfficeApp");
    expect(one("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(one("Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(one("Host").getAttribute("Name")).toBe("Workbook");
    expect(one("Permissions").textContent).toBe("ReadWriteDocument");
  });

  it("requires ExcelApi 1.7, CustomFunctionsRuntime 1.2 and SharedRuntime 1.1, and nothing else (see src/taskpane/requirements.ts)", () => {
    const sets = Object.fromEntries(all("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]));
    expect(sets).toEqual({ ExcelApi: "1.7", CustomFunctionsRuntime: "1.2", SharedRuntime: "1.1" });
    expect(one("Sets").getAttribute("DefaultMinVersion")).toBe("1.1");
  });

  it("asks for the shared runtime, with one long-lived runtime on the task pane page", () => {
    const runtime = one("Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    expect(resource(runtime.getAttribute("resid")!)).toBe("https://localhost:3000/taskpane.html");
  });

  it("points the custom functions at the built script, the shared page and functions.json, in the NPS namespace", () => {
    const ext = all("ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "CustomFunctions")!;
    const resid = (tag: string) => ext.getElementsByTagName(tag)[0]!.getElementsByTagName("SourceLocation")[0]!.getAttribute("resid")!;
    expect(resource(resid("Script"))).toBe("https://localhost:3000/functions.js");
    expect(resource(resid("Page"))).toBe("https://localhost:3000/taskpane.html");
    expect(resource(resid("Metadata"))).toBe("https://localhost:3000/functions.json");
    expect(resource(ext.getElementsByTagName("Namespace")[0]!.getAttribute("resid")!)).toBe("NPS");
  });

  it("defines every resource it refers to, all over https", () => {
    for (const el of doc.querySelectorAll("[resid]")) resource(el.getAttribute("resid")!);
    for (const url of xml.match(/https?:\/\/[^"<\s]+/g) ?? []) {
      if (url.startsWith("http://schemas.microsoft.com/") || url.startsWith("http://www.w3.org/")) continue;
      expect(url).toMatch(/^https:\/\//);
    }
  });

  it("refers only to files the project ships", () => {
    for (const url of new Set(xml.match(/https:\/\/localhost:3000\/[^"#<\s]+/g) ?? [])) {
      const file = url.replace("https://localhost:3000/", "");
      const shipped = file.startsWith("assets/") ? join(ROOT, file) : join(ROOT, "dist", file);
      expectAs(existsSync(shipped), `${url} -> ${shipped}`).toBe(true);
    }
  });
});
