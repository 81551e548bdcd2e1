/**
 * Whole-process bench of ctsim as users run it: the built `ctsim generate`, `stream` (1 and 2
 * workers) and `validate`, each into /dev/null, a file and a pipe to a reader (`wc -c`),
 * alternating in every round with whole-process baselines (`baselines.mjs`: JSON.stringify,
 * template parts, byte patching); medians of the rounds, CPU time and peak RSS from GNU time,
 * the ratios issue 19 asks for, `ctsim --help` beside `node -e 0`, and peak RSS at 1M (and
 * 10M) traces. Prints Markdown on stdout (progress on stderr).
 *
 * Run: pnpm --filter @ctsim/cli bench   (or `pnpm bench` at the root, with the in-process benches)
 * Env: see harness/config.ts (BENCH_COUNT, BENCH_ROUNDS, BENCH_HELP_RUNS, BENCH_RSS_COUNT,
 * BENCH_RSS_10X, BENCH_CTSIM).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCli } from "./harness/build.js";
import { type BenchConfig, parseBenchConfig } from "./harness/config.js";
import { describeMachine } from "./harness/machine.js";
import { hasGnuTime, runTimed, type Sample } from "./harness/measure.js";
import {
  formatMemoryTable,
  formatRatioTable,
  formatRowTable,
  formatScalingCeiling,
  formatStartupTable,
  type MemoryPoint,
  type RowResult,
  type StartupResult,
  summarize,
} from "./harness/report.js";
import {
  type BenchRow,
  benchRows,
  generateWords,
  streamWords,
  tenYearsBefore,
} from "./harness/rows.js";
import { medianLengthRecord } from "./harness/sample-trace.js";
import { shellLine } from "./harness/shell.js";
import { median } from "./harness/stats.js";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const BASELINES = "apps/cli/bench/baselines.mjs";
const BUILT_CTSIM = ["node", "apps/cli/bin/ctsim.js"];

async function main(): Promise<void> {
  const config = parseBenchConfig(process.env);
  if (config.ctsim === undefined) buildCli(ROOT);
  const ctsim = config.ctsim ?? BUILT_CTSIM;
  // `node` in every command is this node.
  const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ""}` };
  const dir = mkdtempSync(join(tmpdir(), "ctsim-bench-"));
  try {
    const run = (timed: readonly string[], tail: string): Promise<Sample> =>
      runTimed(timed, tail, env, ROOT);
    const sampleTrace = join(dir, "sample-trace.json");
    const sample = await run([...ctsim, "generate", "--seed", "3", "--count", "1000"], "");
    writeFileSync(sampleTrace, `${medianLengthRecord(sample.stdout)}\n`);
    const rows = benchRows({
      ctsim,
      baselines: BASELINES,
      sampleTrace,
      count: config.count,
      dir,
      sparseFrom: tenYearsBefore(Date.now()),
    });
    const results = await timeRows(rows, config, run);
    const startup = await timeStartup(ctsim, config, run);
    const memory = await measureMemory(ctsim, config, run);
    process.stdout.write(report(config, results, startup, memory));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Run = (timed: readonly string[], tail: string) => Promise<Sample>;

async function timeRows(
  rows: readonly BenchRow[],
  config: BenchConfig,
  run: Run,
): Promise<RowResult[]> {
  const samples = rows.map((): Sample[] => []);
  const bytes = rows.map((): number | undefined => undefined);
  for (let round = 1; round <= config.rounds; round++) {
    for (const [i, row] of rows.entries()) {
      const sample = await run(row.timed, row.tail);
      samples[i]?.push(sample);
      bytes[i] = bytesOf(row, sample);
      if (row.bytes.from === "file" && row.keepFile !== true) rmSync(row.bytes.path);
      progress(`round ${round}/${config.rounds} ${sample.wall.toFixed(2)} s  ${row.command}`);
    }
  }
  return rows.map((row, i) => {
    const source = row.bytes;
    const own =
      source.from === "row"
        ? bytes[rows.findIndex((r) => r.job === source.job && r.destination === source.destination)]
        : bytes[i];
    return summarize(row, samples[i] ?? [], own);
  });
}

function bytesOf(row: BenchRow, sample: Sample): number | undefined {
  switch (row.bytes.from) {
    case "file":
      return statSync(row.bytes.path).size;
    case "stdout":
      return Number(sample.stdout.trim());
    case "stderr": {
      const match = /^bytes=(\d+)$/m.exec(sample.stderr);
      return match === null ? undefined : Number(match[1]);
    }
    case "row":
      return undefined;
  }
}

async function timeStartup(
  ctsim: readonly string[],
  config: BenchConfig,
  run: Run,
): Promise<{ floor: StartupResult; help: StartupResult }> {
  const floorWords = ["node", "-e", "0"];
  const helpWords = [...ctsim, "--help"];
  const floor: number[] = [];
  const help: number[] = [];
  const runs = config.rounds * config.helpRuns;
  for (let i = 0; i < runs; i++) {
    floor.push((await run(floorWords, "> /dev/null")).wall);
    help.push((await run(helpWords, "> /dev/null")).wall);
  }
  progress(`start-up: ${runs} runs each of node -e 0 and ctsim --help`);
  return {
    floor: { command: `${shellLine(floorWords)} > /dev/null`, wall: median(floor), runs },
    help: { command: `${shellLine(helpWords)} > /dev/null`, wall: median(help), runs },
  };
}

async function measureMemory(
  ctsim: readonly string[],
  config: BenchConfig,
  run: Run,
): Promise<MemoryPoint[]> {
  const counts = config.rssTenfold ? [config.rssCount, config.rssCount * 10] : [config.rssCount];
  const points: MemoryPoint[] = [];
  for (const count of counts) {
    for (const words of [generateWords(ctsim, count), streamWords(ctsim, count, 1)]) {
      const sample = await run(words, "> /dev/null");
      const command = `${shellLine(words)} > /dev/null`;
      points.push({ count, command, wall: sample.wall, maxRssKiB: sample.maxRssKiB });
      progress(`memory ${sample.wall.toFixed(2)} s  ${command}`);
    }
  }
  return points;
}

function report(
  config: BenchConfig,
  results: readonly RowResult[],
  startup: { floor: StartupResult; help: StartupResult },
  memory: readonly MemoryPoint[],
): string {
  const tenfold = config.rssTenfold
    ? `Memory at ${config.rssCount.toLocaleString("en-US")} and ${(config.rssCount * 10).toLocaleString("en-US")} traces (one run each).`
    : `Memory at ${config.rssCount.toLocaleString("en-US")} traces (one run each); the ${(config.rssCount * 10).toLocaleString("en-US")}-trace point was not measured: set BENCH_RSS_10X=1.`;
  return `${[
    "# ctsim whole-process bench",
    describeMachine(),
    `${config.count.toLocaleString("en-US")} traces per run; each figure is the median of ${config.rounds} rounds, the rows alternating in every round. ${hasGnuTime() ? "CPU time and peak RSS of the timed process from GNU time (/usr/bin/time)" : "No GNU time (/usr/bin/time) on this host: CPU time and peak RSS are not measured"}; wall time of the whole shell line (the reader too, for a pipe). MB/s: bytes written (validate: read) per wall second; /dev/null rows use the bytes of the same command into a pipe.`,
    "## Commands",
    formatRowTable(results),
    "## Ratios",
    formatRatioTable(results),
    formatScalingCeiling(results, availableParallelism()),
    "## Start-up",
    formatStartupTable(startup.floor, startup.help),
    "## Memory",
    tenfold,
    formatMemoryTable(memory),
  ]
    .filter((part) => part !== "")
    .join("\n\n")}\n`;
}

function progress(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
