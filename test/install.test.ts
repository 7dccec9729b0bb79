/**
 * .npmrc installs no package that is only a peer of another (omit=peer), to leave out the ~450 MB
 * M365 Agents Toolkit CLI that office-addin-dev-settings names as a peer and runs only through npx.
 * So every peer that an installed package requires must be installed some other way (listed in
 * package.json): this walks the lockfile's installed tree and names any that is missing.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";

const ROOT = join(__dirname, "..");
/** Peers deliberately not installed, each with the reason. */
const LEFT_OUT: Record<string, string> = {
  "@microsoft/m365agentstoolkit-cli": "office-addin-dev-settings runs it with npx, only to publish unified manifests",
};

interface Entry {
  peer?: boolean;
  optional?: boolean;
  dev?: boolean;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, Entry> };

/** Where Node would find `name` from the package at `from`: its own node_modules, then each one above. */
function resolve(from: string, name: string): string | undefined {
  for (let dir = from; ; ) {
    const candidate = `${dir ? `${dir}/` : ""}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!dir) return undefined;
    const i = dir.lastIndexOf("/node_modules/");
    dir = i < 0 ? "" : dir.slice(0, i);
  }
}

describe("install: packages left out by omit=peer", () => {
  const installed = Object.entries(lock.packages).filter(([path, e]) => path !== "" && !e.peer);

  it("the lockfile's installed tree is what is on disk", () => {
    for (const [path, e] of installed) if (!e.optional) expect(existsSync(join(ROOT, path))).toBe(true);
  });

  it("every peer an installed package requires is installed too (or deliberately left out, with a reason)", () => {
    const missing: string[] = [];
    for (const [path, e] of installed) {
      for (const name of Object.keys(e.peerDependencies ?? {})) {
        if (e.peerDependenciesMeta?.[name]?.optional || name in LEFT_OUT) continue;
        const found = resolve(path, name);
        if (!found || lock.packages[found]!.peer) missing.push(`${name} (a peer of ${path.replace(/^.*node_modules\//, "")})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("the peers left out are not installed", () => {
    for (const name of Object.keys(LEFT_OUT)) expect(existsSync(join(ROOT, "node_modules", name))).toBe(false);
  });
});
