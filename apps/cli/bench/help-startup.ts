// `ctsim --help` from the build, against the floor of starting Node at all (`node -e 0`): the
// medians of RUNS runs each, interleaved so that a busy machine slows both alike. Fails (exit 1)
// when the median is over the budget: commands are loaded lazily, so --help loads none of them.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

const RUNS = Number(process.argv[2] ?? 21);
const BUDGET_SECONDS = 0.3;
const bin = resolve(import.meta.dirname, "../bin/ctsim.js");
if (!existsSync(resolve(import.meta.dirname, "../dist/index.js"))) {
  process.stderr.write("help-startup: apps/cli is not built (pnpm build)\n");
  process.exit(1);
}

function seconds(args: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  const elapsed = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${result.status}`);
  return elapsed;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

const help: number[] = [];
const floor: number[] = [];
seconds([bin, "--help"]); // warm the file cache
for (let i = 0; i < RUNS; i++) {
  help.push(seconds([bin, "--help"]));
  floor.push(seconds(["-e", "0"]));
}
const helpMedian = median(help);
const floorMedian = median(floor);
process.stdout.write(
  `ctsim --help (built): median ${helpMedian.toFixed(3)} s over ${RUNS} runs; node -e 0: ${floorMedian.toFixed(3)} s; ctsim's own share ${(helpMedian - floorMedian).toFixed(3)} s (budget ${BUDGET_SECONDS} s)\n`,
);
if (helpMedian >= BUDGET_SECONDS) {
  // On a machine so busy that starting Node alone takes half the budget, the verdict would be
  // about the machine: say so instead of failing.
  if (floorMedian >= BUDGET_SECONDS / 2) {
    process.stderr.write(
      `help-startup: over the budget, but node -e 0 alone takes ${floorMedian.toFixed(3)} s here: the machine is too busy to judge; run it again on a quiet one\n`,
    );
  } else {
    process.stderr.write(`help-startup: the median is over the ${BUDGET_SECONDS} s budget\n`);
    process.exitCode = 1;
  }
}
