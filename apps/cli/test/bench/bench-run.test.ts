import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../..", import.meta.url));

/** Rows of the Markdown table that follows `heading` in the report. */
function tableAfter(report: string, heading: string): string[][] {
  const section = (report.split(`## ${heading}\n`)[1] ?? "").split("\n## ")[0] ?? "";
  return section
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("|---"))
    .slice(1)
    .map((line) =>
      line
        .slice(2, -2)
        .split(" | ")
        .map((cell) => cell.trim()),
    );
}

describe("the whole-process bench", () => {
  it("runs end to end with tiny counts and reports every row, ratio and point", async () => {
    // From source (no build in a test): the harness is the same, only the ctsim command differs.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "apps/cli/bench/run-bench.ts"],
      {
        cwd: root,
        env: {
          ...process.env,
          BENCH_COUNT: "300",
          BENCH_ROUNDS: "1",
          BENCH_HELP_RUNS: "1",
          BENCH_RSS_COUNT: "200",
          BENCH_CTSIM: "node --conditions=@ctsim/source --import tsx apps/cli/src/bin.ts",
        },
        maxBuffer: 1 << 24,
      },
    );
    expect(stdout).toMatch(/^# ctsim whole-process bench\n\ncpu: .+ · cores: \d+/);
    const commands = tableAfter(stdout, "Commands");
    expect(commands).toHaveLength(16);
    for (const [job, output, wall, user, sys, rss, mb, mbps, command] of commands) {
      expect(job).toMatch(/^(baseline: |generate|stream|validate)/);
      expect(["/dev/null", "file", "pipe"]).toContain(output);
      expect(Number(wall)).toBeGreaterThan(0);
      for (const cell of [user, sys, rss]) expect(cell).toMatch(/^(\d+(\.\d+)?|n\/a)$/);
      expect(Number(mb)).toBeGreaterThan(0);
      expect(Number(mbps)).toBeGreaterThanOrEqual(0);
      expect(command).toMatch(/^`node .+`$/);
    }
    // Every byte reached the reader: what `wc -c` counted is the size of the same output in a file.
    const generatePipe = commands.find((r) => r[0] === "generate" && r[1] === "pipe");
    const generateFile = commands.find((r) => r[0] === "generate" && r[1] === "file");
    expect(generatePipe?.[6]).toBe(generateFile?.[6]);
    expect(generatePipe?.[8]).toContain("generate --seed 3 --count 300 \\| wc -c");
    const ratios = tableAfter(stdout, "Ratios");
    expect(ratios.map((r) => r[0])).toEqual([
      "generate vs stringify baseline",
      "generate --workers 1 vs stringify baseline",
      "generate vs template baseline",
      "generate vs byte-patching baseline",
      "generate vs stream --workers 1",
      "generate --workers 1 vs stream --workers 1",
      "generate at stream's density (1×, ten-year window) vs stream --workers 1",
      "stream --workers 2 vs --workers 1",
    ]);
    for (const r of ratios) expect(Number(r[1])).toBeGreaterThan(0);
    if (existsSync("/usr/bin/time"))
      expect(stdout).toMatch(
        /`stream --workers 1` \(\/dev\/null\) keeps \d+\.\d\d of the \d+ cores busy .+ more than \d+\.\d\d× faster/,
      );
    const startup = tableAfter(stdout, "Start-up");
    expect(startup.map((r) => r[0])).toEqual([
      "`node -e 0 > /dev/null`",
      expect.stringContaining("--help > /dev/null`"),
    ]);
    expect(stdout).toContain("the 2,000-trace point was not measured: set BENCH_RSS_10X=1");
    const memory = tableAfter(stdout, "Memory");
    expect(memory.map((r) => r[0])).toEqual(["200", "200"]);
  }, 300_000);
});
