import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { readmeExample } from "./readme-example.js";

test("the READMEs' trace file name, digest and signature are what ctsim writes", async () => {
  const dir = await mkdtemp(join(tmpdir(), "ctsim-readme-"));
  try {
    const example = await readmeExample(dir);
    const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
    expect(readme).toContain(`\n${example.traceFile}\n`);
    expect(readme).toContain(`\n${example.digest}\n`);
    expect(readme).toContain(`\n${example.meta}\n`);
    // The root README's command section shows the same names.
    const root = await readFile(new URL("../../../README.md", import.meta.url), "utf8");
    expect(root).toContain(example.traceFile);
    expect(root).toContain(`/system/Digest/ModelArts/${example.digestObject.split("/").pop()}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
