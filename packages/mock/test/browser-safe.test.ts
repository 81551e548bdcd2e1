import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../src", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node" ? [] : sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("root entry", () => {
  it("imports nothing Node-only outside src/node (it must run in browsers via setupWorker)", () => {
    const offenders = sources(src).filter((file) =>
      /from "(node:|msw\/node|@ctsim\/[a-z-]+\/node)/.test(readFileSync(file, "utf8")),
    );
    expect(offenders.map((file) => relative(src, file))).toEqual([]);
  });
});
