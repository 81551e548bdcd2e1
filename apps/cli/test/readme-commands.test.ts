import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCtsim } from "./support/run-ctsim.js";

// The README's `ctsim generate … > FILE` lines, run with their arguments as written: what they
// write must be records only (ctsim validate finds nothing), in the format the file name says.
const README = readFileSync(fileURLToPath(new URL("../../../README.md", import.meta.url)), "utf8");
const shellLines = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) =>
  (block[1] ?? "").split("\n"),
);
const generateLines = shellLines.filter((line) => /\s-s ctsim generate .*>\s*\S+$/.test(line));

describe("the README's generate commands", () => {
  it("are found, and all print through pnpm -s (nothing but data on stdout)", () => {
    expect(generateLines.length).toBeGreaterThan(0);
    const bare = shellLines.filter((line) => /\bpnpm(@\S+)? ctsim\b/.test(line));
    expect(bare).toEqual([]);
  });

  it.each(generateLines)("%s", async (line) => {
    const [, args = ""] = /-s ctsim (generate .*?)\s*>\s*\S+$/.exec(line) ?? [];
    const generated = await runCtsim(args.split(/\s+/));
    expect(generated.code, generated.stderr).toBe(0);
    if (/\.ndjson\s*$/.test(line)) {
      for (const record of generated.stdout.trimEnd().split("\n"))
        expect(() => JSON.parse(record)).not.toThrow();
    } else {
      expect(Array.isArray(JSON.parse(generated.stdout))).toBe(true);
    }
    const validated = await runCtsim(["validate", "-"], { stdin: generated.stdout });
    expect(validated.code, validated.stdout + validated.stderr).toBe(0);
  });
});
