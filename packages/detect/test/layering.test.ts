import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SOURCE = new URL("../src/", import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

function specifiers(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g)].map(
    (m) => m[1] ?? "",
  );
}

describe("layering", () => {
  const files = sourceFiles(SOURCE);

  it("imports nothing above the generator (arrows point down only)", () => {
    expect(files.length).toBeGreaterThan(10);
    const foreign = files.flatMap((file) =>
      specifiers(file)
        .filter((s) => !s.startsWith(".") && !s.startsWith("node:"))
        .filter((s) => !/^@ctsim\/generator(\/check)?$/.test(s) && s !== "yaml")
        .map((s) => `${file}: ${s}`),
    );
    expect(foreign).toEqual([]);
  });

  it("keeps the root entry browser-safe: node:* only under src/node", () => {
    const offenders = files
      .filter((file) => !file.includes("/src/node/"))
      .filter((file) => specifiers(file).some((s) => s.startsWith("node:")));
    expect(offenders).toEqual([]);
  });
});
