import type { BenchRow, Destination, Job } from "./rows.js";
import { median, speedRatio } from "./stats.js";

/** A row's figures: medians over the rounds. */
export interface RowResult {
  readonly row: BenchRow;
  readonly rounds: number;
  readonly wall: number;
  readonly user: number | undefined;
  readonly sys: number | undefined;
  readonly maxRssKiB: number | undefined;
  /** Bytes the command wrote (or, for `validate`, read). */
  readonly bytes: number | undefined;
}

/** The medians of a row's samples. */
export function summarize(
  row: BenchRow,
  samples: readonly {
    wall: number;
    user: number | undefined;
    sys: number | undefined;
    maxRssKiB: number | undefined;
  }[],
  bytes: number | undefined,
): RowResult {
  const medianOf = (values: (number | undefined)[]): number | undefined =>
    values.every((value) => value !== undefined) ? median(values as number[]) : undefined;
  return {
    row,
    rounds: samples.length,
    wall: median(samples.map((s) => s.wall)),
    user: medianOf(samples.map((s) => s.user)),
    sys: medianOf(samples.map((s) => s.sys)),
    maxRssKiB: medianOf(samples.map((s) => s.maxRssKiB)),
    bytes,
  };
}

const LABELS: Record<Job, string> = {
  stringify: "baseline: JSON.stringify",
  template: "baseline: template parts",
  patch: "baseline: byte patching",
  generate: "generate",
  "generate-w1": "generate --workers 1",
  "generate-1x": "generate at the tenant's own rate (ten-year window)",
  "stream-w1": "stream --workers 1",
  "stream-w2": "stream --workers 2",
  validate: "validate",
};

const DESTINATIONS: Record<Destination, string> = {
  null: "/dev/null",
  file: "file",
  pipe: "pipe",
};

/** A command as a Markdown table cell: code, with its pipes escaped. */
const code = (command: string): string => `\`${command.replaceAll("|", "\\|")}\``;

const fixed = (value: number | undefined, digits: number): string =>
  value === undefined ? "n/a" : value.toFixed(digits);

/** The results as a Markdown table, one line per row, with the exact command. */
export function formatRowTable(results: readonly RowResult[]): string {
  const lines = [
    "| job | output | wall s | user s | sys s | peak RSS MiB | MB | MB/s | command |",
    "|---|---|--:|--:|--:|--:|--:|--:|---|",
  ];
  for (const r of results) {
    const mbps = r.bytes === undefined ? undefined : r.bytes / 1e6 / r.wall;
    lines.push(
      `| ${LABELS[r.row.job]} | ${DESTINATIONS[r.row.destination]} | ${fixed(r.wall, 2)} | ${fixed(r.user, 2)} | ${fixed(r.sys, 2)} | ${fixed(r.maxRssKiB === undefined ? undefined : r.maxRssKiB / 1024, 0)} | ${fixed(r.bytes === undefined ? undefined : r.bytes / 1e6, 2)} | ${fixed(mbps, 0)} | ${code(r.row.command)} |`,
    );
  }
  return lines.join("\n");
}

/** One ratio of the report: how many times faster `subject` is than `reference`. */
export interface RatioSpec {
  readonly name: string;
  readonly subject: Job;
  readonly reference: Job;
  /** The reference's output when it only exists for one (the baselines: /dev/null). */
  readonly referenceDestination?: Destination;
  /** The issue's target, if any. */
  readonly target?: number;
}

/** The ratios issue 19 asks for, plus where the baselines put the limit. */
export const RATIOS: readonly RatioSpec[] = [
  {
    name: "generate vs stringify baseline",
    subject: "generate",
    reference: "stringify",
    referenceDestination: "null",
    target: 1,
  },
  {
    name: "generate --workers 1 vs stringify baseline",
    subject: "generate-w1",
    reference: "stringify",
    referenceDestination: "null",
  },
  {
    name: "generate vs template baseline",
    subject: "generate",
    reference: "template",
    referenceDestination: "null",
  },
  {
    name: "generate vs byte-patching baseline",
    subject: "generate",
    reference: "patch",
    referenceDestination: "null",
  },
  {
    name: "generate vs stream --workers 1",
    subject: "generate",
    reference: "stream-w1",
    target: 1,
  },
  {
    name: "generate --workers 1 vs stream --workers 1",
    subject: "generate-w1",
    reference: "stream-w1",
    target: 1,
  },
  {
    name: "generate at stream's density (1×, ten-year window) vs stream --workers 1",
    subject: "generate-1x",
    reference: "stream-w1",
    target: 1,
  },
  {
    name: "stream --workers 2 vs --workers 1",
    subject: "stream-w2",
    reference: "stream-w1",
    target: 1.7,
  },
];

/**
 * The ratios as a Markdown table: one column per output, `–` where a job has no row for it,
 * and whether the target is met on /dev/null.
 */
export function formatRatioTable(
  results: readonly RowResult[],
  ratios: readonly RatioSpec[] = RATIOS,
): string {
  const wall = (job: Job, destination: Destination): number | undefined =>
    results.find((r) => r.row.job === job && r.row.destination === destination)?.wall;
  const outputs: Destination[] = ["null", "file", "pipe"];
  const lines = [
    "| ratio (× faster) | /dev/null | file | pipe | target | met (/dev/null) |",
    "|---|--:|--:|--:|--:|---|",
  ];
  for (const spec of ratios) {
    const cells = outputs.map((destination) => {
      const subject = wall(spec.subject, destination);
      const reference = wall(spec.reference, spec.referenceDestination ?? destination);
      return subject === undefined || reference === undefined
        ? undefined
        : speedRatio(reference, subject);
    });
    const onNull = cells[0];
    const met =
      spec.target === undefined || onNull === undefined ? "" : onNull >= spec.target ? "yes" : "no";
    lines.push(
      `| ${spec.name} | ${cells.map((c) => (c === undefined ? "–" : c.toFixed(2))).join(" | ")} | ${spec.target === undefined ? "" : `≥ ${spec.target}`} | ${met} |`,
    );
  }
  return lines.join("\n");
}

/**
 * What more lanes can buy on this host: `stream --workers 1` already keeps (user + sys) / wall
 * cores busy (its lane, V8's garbage-collection and compiler threads, the writes), so no
 * number of lanes makes it more than `cores` / that faster. Empty without CPU times.
 *
 * @example
 * formatScalingCeiling(results, 2); // "`stream --workers 1` (/dev/null) keeps 1.25 of the 2 cores busy …"
 */
export function formatScalingCeiling(results: readonly RowResult[], cores: number): string {
  const one = results.find((r) => r.row.job === "stream-w1" && r.row.destination === "null");
  if (one === undefined || one.user === undefined || one.sys === undefined || one.wall <= 0)
    return "";
  const busy = (one.user + one.sys) / one.wall;
  const ceiling = cores / busy;
  return `\`stream --workers 1\` (/dev/null) keeps ${busy.toFixed(2)} of the ${cores} cores busy ((user + sys) / wall: its lane, V8's garbage-collection and compiler threads, the writes), so on this host no number of lanes can make it more than ${ceiling.toFixed(2)}× faster${ceiling < 1.7 ? ": the 1.7× target of `--workers 2` is out of reach here" : ""}.`;
}

/** A start-up figure: median wall of a command that does (almost) nothing. */
export interface StartupResult {
  readonly command: string;
  readonly wall: number;
  readonly runs: number;
}

/** `ctsim --help` beside the node floor (`node -e 0`), against issue 20's 0.3 s. */
export function formatStartupTable(floor: StartupResult, help: StartupResult): string {
  return [
    "| command | median wall s | runs | over the node floor s | target |",
    "|---|--:|--:|--:|---|",
    `| ${code(floor.command)} | ${floor.wall.toFixed(3)} | ${floor.runs} | | |`,
    `| ${code(help.command)} | ${help.wall.toFixed(3)} | ${help.runs} | ${(help.wall - floor.wall).toFixed(3)} | < 0.3 s: ${help.wall < 0.3 ? "met" : "not met"} |`,
  ].join("\n");
}

/** One point of the memory check: peak RSS of a whole run of `count` traces. */
export interface MemoryPoint {
  readonly count: number;
  readonly command: string;
  readonly wall: number;
  readonly maxRssKiB: number | undefined;
}

/**
 * Peak RSS at each count, and for each command measured at two counts, the growth between the
 * smallest and the largest (flat memory: close to 1×).
 */
export function formatMemoryTable(points: readonly MemoryPoint[]): string {
  const lines = [
    "| traces | peak RSS MiB | wall s | command |",
    "|--:|--:|--:|---|",
    ...points.map(
      (p) =>
        `| ${p.count.toLocaleString("en-US")} | ${fixed(p.maxRssKiB === undefined ? undefined : p.maxRssKiB / 1024, 0)} | ${p.wall.toFixed(2)} | ${code(p.command)} |`,
    ),
  ];
  return lines.join("\n");
}
