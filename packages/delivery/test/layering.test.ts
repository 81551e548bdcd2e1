import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, test } from "vitest";

const src = new URL("../src/", import.meta.url).pathname;

async function sources(): Promise<string[]> {
  const entries = await readdir(src, { recursive: true });
  return entries.filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
}

const importsOf = (text: string): string[] =>
  [...text.matchAll(/from "([^"]+)"/g)].map((m) => m[1]!);

test("the root entry is browser-safe: nothing outside node/ imports node:* or a /node subpath", async () => {
  for (const file of (await sources()).filter((f) => !f.startsWith("node/"))) {
    const imports = importsOf(await readFile(join(src, file), "utf8"));
    expect(
      imports.filter((i) => i.startsWith("node:") || i.endsWith("/node")),
      file,
    ).toEqual([]);
    expect(
      imports.filter((i) => i.startsWith("./node/") || i.includes("../node/")),
      file,
    ).toEqual([]);
  }
});

test("arrows point down: only @ctsim/catalog and @ctsim/generator among our packages", async () => {
  for (const file of await sources()) {
    const ours = importsOf(await readFile(join(src, file), "utf8")).filter((i) =>
      i.startsWith("@ctsim/"),
    );
    for (const name of ours) expect(name, file).toMatch(/^@ctsim\/(catalog|generator)(\/|$)/);
  }
});
