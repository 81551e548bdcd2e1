import { join } from "node:path";
import { shellLine } from "./shell.js";

/** Where a row's output goes (and so where its byte count comes from). */
export type Destination = "null" | "file" | "pipe";

/** The jobs compared in the ratios. */
export type Job =
  | "stringify"
  | "template"
  | "patch"
  | "generate"
  | "generate-w1"
  | "generate-1x"
  | "stream-w1"
  | "stream-w2"
  | "validate";

/** One timed command of the bench: its median over the rounds is one line of the table. */
export interface BenchRow {
  readonly job: Job;
  readonly destination: Destination;
  /** The command as a shell runs it; the timed process is its first word list. */
  readonly command: string;
  /** The words of the timed process (what `/usr/bin/time` wraps). */
  readonly timed: readonly string[];
  /** The rest of the shell line after the timed process (`> /dev/null`, `| wc -c`…). */
  readonly tail: string;
  /** How its byte count is known: a file to size, the reader's count, the baseline's report, or another row's. */
  readonly bytes:
    | { readonly from: "file"; readonly path: string }
    | { readonly from: "stdout" }
    | { readonly from: "stderr" }
    | { readonly from: "row"; readonly job: Job; readonly destination: Destination };
  /** Delete the file once measured (large outputs), unless a later row of the round reads it. */
  readonly keepFile?: boolean;
}

/** What the rows are built from. */
export interface RowPlan {
  /** The command that runs ctsim (`node apps/cli/bin/ctsim.js`). */
  readonly ctsim: readonly string[];
  /** The baselines script. */
  readonly baselines: string;
  /** A representative trace the baselines are built from. */
  readonly sampleTrace: string;
  readonly count: number;
  /** Directory for the output files. */
  readonly dir: string;
  /**
   * Start of a ten-year window ending at generate's default clock (ISO 8601), for the row of
   * generate at the tenant's own rate: see {@link tenYearsBefore}.
   */
  readonly sparseFrom: string;
}

const DAY_MS = 86_400_000;

/**
 * The UTC midnight 3,650 days before the last one at `now`: with generate's default `--now`
 * (the last UTC midnight, so today's catalog revision), a window that holds a million traces
 * at the tenant's own rate.
 *
 * @example
 * tenYearsBefore(Date.parse("2026-12-06T04:00:00Z")); // "2016-12-08T00:00:00.000Z"
 */
export function tenYearsBefore(now: number): string {
  return new Date((Math.floor(now / DAY_MS) - 3650) * DAY_MS).toISOString();
}

/** `ctsim generate` of `count` traces (seed 3), with `--workers` when given. */
export function generateWords(ctsim: readonly string[], count: number, workers?: number): string[] {
  return [
    ...ctsim,
    "generate",
    "--seed",
    "3",
    "--count",
    String(count),
    ...(workers === undefined ? [] : ["--workers", String(workers)]),
  ];
}

/** `ctsim stream` of `count` traces (seed 3) flat out to stdout, with `workers` lanes. */
export function streamWords(ctsim: readonly string[], count: number, workers: number): string[] {
  return [
    ...ctsim,
    "stream",
    "--seed",
    "3",
    "--max",
    "--count",
    String(count),
    "--workers",
    String(workers),
    "--sink",
    "stdout",
  ];
}

/** `wc -c` reads the pipe: a reader process that counts every byte. */
const READER = "| wc -c";

/**
 * The rows of one round, in the order they run: each ctsim row follows a baseline or another
 * ctsim job, so a slow spell of a shared host spreads over both sides of a ratio.
 */
export function benchRows(plan: RowPlan): BenchRow[] {
  const n = String(plan.count);
  const node = "node";
  const baseline = (job: "stringify" | "template" | "patch"): BenchRow =>
    row(job, "null", [node, plan.baselines, job, n, plan.sampleTrace], "> /dev/null", {
      from: "stderr",
    });
  const generate = (workers?: number): string[] => generateWords(plan.ctsim, plan.count, workers);
  /**
   * `generate` over ten years to its default clock: the window holds the count at the tenant's
   * own rate, so the timeline is as sparse as `stream`'s (1×), where plain `generate --count`
   * reaches back at 40× and keeps ~30× more sessions open at once. Same clock, same revision.
   * (Ten years hold ~1.9M traces of one tenant: a larger BENCH_COUNT raises the rate again.)
   */
  const sparse = (): string[] => [...generate(), "--from", plan.sparseFrom];
  const generateFile = join(plan.dir, "generate.ndjson");
  const streamFile = (job: Job): string => join(plan.dir, `${job}.ndjson`);
  const fromPipe = (job: Job) => ({ from: "row" as const, job, destination: "pipe" as const });
  const streamRows = (destination: Destination): BenchRow[] =>
    (["stream-w1", "stream-w2"] as const).map((job) => {
      const words = streamWords(plan.ctsim, plan.count, job === "stream-w1" ? 1 : 2);
      if (destination === "null") return row(job, "null", words, "> /dev/null", fromPipe(job));
      if (destination === "pipe") return row(job, "pipe", words, READER, { from: "stdout" });
      const path = streamFile(job);
      return row(job, "file", words, `> ${shellLine([path])}`, { from: "file", path });
    });
  return [
    baseline("stringify"),
    row("generate", "null", generate(), "> /dev/null", fromPipe("generate")),
    baseline("template"),
    row("generate-w1", "null", generate(1), "> /dev/null", fromPipe("generate")),
    baseline("patch"),
    ...streamRows("null"),
    row("generate-1x", "null", sparse(), "> /dev/null", fromPipe("generate-1x")),
    {
      ...row("generate", "file", [...generate(), "--out", generateFile], "", {
        from: "file",
        path: generateFile,
      }),
      keepFile: true,
    },
    ...streamRows("file"),
    row("validate", "file", [...plan.ctsim, "validate", generateFile], "> /dev/null", {
      from: "file",
      path: generateFile,
    }),
    row("generate", "pipe", generate(), READER, { from: "stdout" }),
    ...streamRows("pipe"),
    row("generate-1x", "pipe", sparse(), READER, { from: "stdout" }),
  ];
}

function row(
  job: Job,
  destination: Destination,
  timed: readonly string[],
  tail: string,
  bytes: BenchRow["bytes"],
): BenchRow {
  const command = tail === "" ? shellLine(timed) : `${shellLine(timed)} ${tail}`;
  return { job, destination, command, timed, tail, bytes };
}
