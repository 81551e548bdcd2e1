import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SOURCE = new URL("../src/", import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Every module specifier a file imports or re-exports (static or dynamic). */
function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g))
    found.push(match[1] ?? "");
  return found;
}

describe("layering", () => {
  const files = sourceFiles(SOURCE);

  it("finds the sources", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it("never imports the mock: the kit talks to providers over HTTP only", () => {
    const offenders = files.filter((file) =>
      specifiers(readFileSync(file, "utf8")).some((s) => /^@ctsim\/mock(\/|$)/.test(s)),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps the root entry browser-safe: no node:* imports outside tests", () => {
    const offenders = files
      .filter((file) => !file.endsWith(".test.ts"))
      .filter((file) => specifiers(readFileSync(file, "utf8")).some((s) => s.startsWith("node:")));
    expect(offenders).toEqual([]);
  });

  it("does not depend on the mock at run time", () => {
    const manifest = JSON.parse(
      readFileSync(new URL("../package.json", import.meta.url), "utf8"),
    ) as Record<string, Record<string, string> | undefined>;
    expect(Object.keys(manifest.dependencies ?? {})).not.toContain("@ctsim/mock");
    expect(Object.keys(manifest.peerDependencies ?? {})).not.toContain("@ctsim/mock");
  });

  it("detects an import of the mock when there is one", () => {
    expect(
      specifiers('import { startCtsServer } from "@ctsim/mock/node";\nexport { x } from "./x.js";'),
    ).toEqual(["@ctsim/mock/node", "./x.js"]);
  });
});
