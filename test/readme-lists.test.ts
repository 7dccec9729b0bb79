/**
 * The README's lists of what the code knows stay complete: every field id `--map` accepts (from
 * LAYOUT, with its header and whether it is required), every staff role (ROLES) with the other
 * spellings it lists, and every team type. The rule book (docs/operating-model.md) names the same
 * team types and roles.
 *
 * Team types: KNOWN_TEAM_TYPES lists them all (TEAM_TYPES, OM and Court, are the two with a ratio);
 * the rule staffing.teamRows reads them with one regular expression, so each type and spelling the
 * README lists is also put through the rule itself here: none may be warned about, while a mistyped
 * one is. Every spelling the code accepts for a role is listed too.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { expectAs } from "./support/expect-as";
import { book, rowsOf, sheet } from "./support/book";
import { LAYOUT } from "../src/model/layout";
import { TEAM_TYPES } from "../src/model/staffing";
import { validateWorkbook } from "../src/model/validate";
import { ROLE_WORDS, ROLES, roleOf } from "../src/model/validate/rules/people";
import { KNOWN_TEAM_TYPES } from "../src/model/validate/rules/staffing";

const ROOT = join(__dirname, "..");
const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const ruleBook = readFileSync(join(ROOT, "docs", "operating-model.md"), "utf8");

/** The README's text from a heading to the next heading of the same or a higher level. */
function section(text: string, heading: string): string {
  const level = /^#+/.exec(heading)![0].length;
  const start = text.split("\n").findIndex((l) => l === heading);
  if (start < 0) throw new Error(`no heading "${heading}"`);
  const lines = text.split("\n").slice(start + 1);
  const end = lines.findIndex((l) => new RegExp(`^#{1,${level}} `).test(l));
  return lines.slice(0, end < 0 ? undefined : end).join("\n");
}

/** The rows of the first table after `marker` in `text`, as trimmed cells (header and rule left out). */
function tableAfter(text: string, marker: string): string[][] {
  const from = text.indexOf(marker);
  if (from < 0) throw new Error(`no "${marker}"`);
  const lines = text.slice(from).split("\n");
  const first = lines.findIndex((l) => l.startsWith("|"));
  const table = lines.slice(first);
  const rows = table.slice(0, table.findIndex((l) => !l.startsWith("|")));
  return rows.slice(2).map((r) => r.replace(/^\||\|$/g, "").split("|").map((c) => c.trim()));
}

/** "OMs, Offender management" -> ["OMs", "Offender management"]; an empty cell lists none. */
const spellings = (cell: string) => (cell === "" ? [] : cell.split(", "));

describe("README: the field ids --map takes", () => {
  const fields = section(readme, "### Field ids, for `--map`");

  it.each(LAYOUT.map((d) => [d.name, d] as const))("%s: every field id, its header and whether it is required, and nothing else", (_, d) => {
    const rows = tableAfter(section(fields, `#### ${d.name}`), "| field id |");
    expect(rows.map(([id, header, required]) => [id, header, required])).toEqual(d.fields.map((f) => [`\`${f.id}\``, f.header, f.required ? "yes" : "no"]));
    for (const row of rows) expectAs(row[3] ?? "", `${d.name}: ${row[0]!}`).not.toBe("");
  });

  it("has a table for every sheet and no other", () => {
    expect([...fields.matchAll(/^#### (.+)$/gm)].map((m) => m[1])).toEqual(LAYOUT.map((d) => d.name));
  });
});

describe("README: the team types and roles the rules know", () => {
  const known = section(readme, "### Team types and roles the rules know");
  const types = tableAfter(known, "**Team types**");
  const roles = tableAfter(known, "**Roles**");

  it("lists every role the code knows, once each, in the code's order", () => {
    expect(roles.map((r) => r[0])).toEqual([...ROLES]);
  });

  it("each role's other spellings are read as that role", () => {
    for (const [role, others] of roles) for (const s of [role!, ...spellings(others!)]) expectAs(roleOf(s), `"${s}"`).toBe(role);
    expect(roles.flatMap((r) => spellings(r[1]!)).length).toBeGreaterThan(15);
  });

  it("lists every spelling the code accepts for a role", () => {
    const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
    const listed = new Set(roles.flatMap(([role, others]) => [role!, ...spellings(others!)]).map(norm));
    expect([...ROLE_WORDS.keys()].filter((w) => !listed.has(w))).toEqual([]);
  });

  it("lists the team types with a ratio (TEAM_TYPES) and the others the rules accept, Management among them", () => {
    const listed = types.map((r) => r[0]!);
    for (const t of TEAM_TYPES) expect(listed).toContain(t);
    expect(listed).toEqual([...KNOWN_TEAM_TYPES]);
    expect(types.find((r) => r[0] === "Management")![2]).toMatch(/left out of both case administrator ratios/);
  });

  it("every team type and spelling it lists passes staffing.teamRows, with or without \"team\"; a mistyped one does not", () => {
    const written = types.flatMap(([type, others]) => [type!, ...spellings(others!)]).flatMap((t) => [t, `${t} team`, t.toUpperCase()]);
    const header = ["Team", "Type"];
    const teams = [...written, "OMM"].map((type, i) => ({ Team: `T${i}`, Type: type }));
    const warned = validateWorkbook(book(sheet("Teams", header, rowsOf(header, teams))))
      .findings.filter((f) => f.rule === "staffing.teamRows")
      .map((f) => teams[f.row! - 2]!.Type);
    expect(warned).toEqual(["OMM"]);
  });

  it("the rule book names every team type and role, under an anchor the README links to", () => {
    expect(ruleBook).toContain('<a id="team-types-and-roles"></a>');
    expect(readme).toContain("docs/operating-model.md#team-types-and-roles)");
    const part = ruleBook.slice(ruleBook.indexOf('<a id="team-types-and-roles"></a>'), ruleBook.indexOf('<a id="figures"></a>'));
    for (const t of types.map((r) => r[0]!)) expectAs(part, t).toContain(`**${t}**`);
    for (const r of ROLES) expectAs(part, r).toContain(r);
  });
});
