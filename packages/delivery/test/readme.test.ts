import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { readmeExample } from "./readme-example.js";

test("the README's trace file name, digest and signature are what ctsim writes", async () => {
  const dir = await mkdtemp(join(tmpdir(), "ctsim-readme-"));
  try {
    const example = await readmeExample(dir);
    const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
    expect(readme).toContain(`\n${example.traceFile}\n`);
    expect(readme).toContain(`\n${example.digest}\n`);
    expect(readme).toContain(`\n${example.meta}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
