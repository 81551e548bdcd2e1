import { availableParallelism } from "node:os";
import { REVISIONS, type Revision } from "@ctsim/catalog/operations";
import {
  type AnomalyLabel,
  GeneratorError,
  SCENARIO_NAMES,
  type TimelineOptions,
  TRACE_FORMATS,
  type TraceFormat,
} from "@ctsim/generator";
import {
  type ChunkProducer,
  chunkOfRecords,
  createFileSink,
  createTraceProducer,
  createWorkerProducer,
  FORMAT_LAYOUTS,
  runStream,
  type TraceSink,
} from "@ctsim/generator/node";
import { Command, Option } from "commander";
import { CliError, CliErrorCode, usageError } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";
import type { CommandFactory } from "../command-factory.js";
import { defaultGenerateWorkers, MAX_GENERATE_WORKERS } from "../internal/generate-workers.js";
import {
  parseInstant,
  parseInteger,
  parseScenarios,
  parseSeed,
  parseShard,
} from "../internal/parse-values.js";
import { openStdoutSink } from "../stream/sinks/stdout-sink-kind.js";

interface RawGenerateOptions {
  readonly seed?: string;
  readonly count?: string;
  readonly expectedCount?: string;
  readonly from?: string;
  readonly to?: string;
  readonly now?: string;
  readonly revision?: Revision;
  readonly format: TraceFormat;
  readonly shard?: string;
  readonly scenario?: string;
  readonly labels?: string;
  readonly tenants?: string;
  readonly users?: string;
  readonly out?: string;
  readonly workers?: string;
  readonly modelartsOnly?: true;
}

const DAY = 86_400_000;

/**
 * `ctsim generate`: writes the seeded timeline (NDJSON by default) to stdout or a file through
 * the sinks of `ctsim stream`, so memory stays flat however long the output, a failed write ends
 * the command (exit 1) with the file cut back to its last whole record, and a closed pipe
 * (`| head`) ends it quietly. Labels are written after the traces, under the same rule. Without
 * `--now`, the clock is the last UTC midnight, so the same day gives the same bytes. With more
 * than one worker (default: one per core but the main thread's), worker threads each run a lane of the timeline and
 * the main thread merges them back into its order: the bytes do not depend on `--workers`.
 *
 * @example
 * ctsim generate --seed 7 --scenario mass-deletion --labels labels.ndjson > traces.ndjson
 */
export const generateCommand: CommandFactory = (io: CliIo): Command =>
  new Command("generate")
    .description(
      "Generate a deterministic history of ModelArts CTS traces (default: one tenant, the last 7 days).",
    )
    .option("--seed <n>", "PRNG seed (integer)", "1")
    .option(
      "--count <n>",
      "stop after this many traces (the activity rate rises to fit: up to 400x a tenant's with --from, else up to 40x, reaching back as far as needed)",
    )
    .option(
      "--expected-count <n>",
      "about this many traces over the window, filled to its end (the rate rises to fit, up to 400x; the actual count varies by a few percent)",
    )
    .option("--from <iso>", "window start (ISO 8601)")
    .option("--to <iso>", "window end, exclusive (ISO 8601; default: --now)")
    .option("--now <iso>", "the clock (default: the last UTC midnight)")
    .addOption(new Option("--revision <date>", "catalog revision").choices(REVISIONS))
    .addOption(
      new Option("--format <format>", "output format").choices(TRACE_FORMATS).default("ndjson"),
    )
    .option("--shard <i/n>", "only sessions whose index is i mod n (e.g. 0/4)")
    .option(
      "--scenario <names>",
      `comma-separated labelled scenarios, or all, attacks, benign (look-alikes): ${SCENARIO_NAMES.join(", ")}`,
    )
    .option("--labels <file>", "write anomaly labels (NDJSON) to this file")
    .option(
      "--modelarts-only",
      "ModelArts traces only: no IAM sign-ins and no OBS traces (by default the timeline carries both)",
    )
    .option("--tenants <n>", "number of tenants (accounts)", "1")
    .option("--users <n>", "IAM users per tenant", "12")
    .option("--out <file>", "write to this file instead of stdout")
    .option(
      "--workers <n>",
      "worker threads generating (default: the cores available but one, at least 1); the output is the same whatever the number",
    )
    .action(async (raw: RawGenerateOptions) => {
      const labels: string[] = [];
      const options = resolve(raw, (label) => labels.push(JSON.stringify(label)));
      const workers =
        raw.workers === undefined
          ? defaultGenerateWorkers(availableParallelism())
          : parseInteger(raw.workers, "--workers", 1, MAX_GENERATE_WORKERS);
      const producer = openProducer(options, raw.format, workers);
      // Both outputs are opened before anything is generated: a path that cannot be written
      // fails at once, whatever the count.
      const { framing } = FORMAT_LAYOUTS[raw.format];
      const traces = await openOutput(() =>
        raw.out === undefined
          ? openStdoutSink(io.stdout, framing)
          : createFileSink({ path: raw.out, framing }),
      );
      const labelSink =
        raw.labels === undefined
          ? undefined
          : await openOutput(() => createFileSink({ path: raw.labels as string }));
      const stats = await runStream({ producer, sink: traces });
      if (stats.stoppedBy === "error") {
        await labelSink?.close().catch(() => undefined);
        throw new CliError(
          CliErrorCode.output,
          `${stats.error} (${stats.traces} traces written whole before it)`,
        );
      }
      // A closed reader (`| head`) is a normal end: stop generating, exit 0.
      if (stats.stoppedBy === "reader-closed") return;
      if (labelSink !== undefined) await writeLabels(labelSink, labels);
    });

function resolve(raw: RawGenerateOptions, onLabel: (label: AnomalyLabel) => void): TimelineOptions {
  const now =
    raw.now === undefined ? Math.floor(Date.now() / DAY) * DAY : parseInstant(raw.now, "--now");
  const shard = raw.shard === undefined ? undefined : parseShard(raw.shard);
  return {
    seed: parseSeed(raw.seed ?? "1"),
    now,
    ...(raw.revision === undefined ? {} : { revision: raw.revision }),
    ...(raw.count === undefined ? {} : { count: parseInteger(raw.count, "--count", 0) }),
    ...(raw.expectedCount === undefined
      ? {}
      : { expectedCount: parseInteger(raw.expectedCount, "--expected-count", 1) }),
    ...(raw.from === undefined ? {} : { from: parseInstant(raw.from, "--from") }),
    // Fixtures are history: with --from alone the window ends at the clock, not open-ended.
    ...(raw.to === undefined
      ? raw.from === undefined
        ? {}
        : { to: now }
      : { to: parseInstant(raw.to, "--to") }),
    ...(shard === undefined ? {} : { shard }),
    tenants: parseInteger(raw.tenants ?? "1", "--tenants", 1),
    users: parseInteger(raw.users ?? "12", "--users", 1),
    scenarios: parseScenarios(raw.scenario ?? ""),
    ...(raw.modelartsOnly === true ? { modelartsOnly: true } : {}),
    ...(raw.labels === undefined ? {} : { onLabel }),
  };
}

/**
 * The generator's own timeline (no re-timing) as chunks, in the format's record shape: through
 * the same sinks as `ctsim stream`, the bytes are those of `encodeTraces`. One worker runs in
 * this thread; more run in worker threads, merged in the timeline's order.
 */
function openProducer(
  options: TimelineOptions,
  format: TraceFormat,
  workers: number,
): ChunkProducer {
  const shape = FORMAT_LAYOUTS[format].shape;
  try {
    if (workers === 1) return createTraceProducer({ timeline: options, shape, retime: false });
    const { shard, onLabel, ...timeline } = options;
    return createWorkerProducer({
      workers,
      ...(shard === undefined ? {} : { shard }),
      timeline,
      shape,
      retime: false,
      ordered: true,
      ...(onLabel === undefined ? {} : { onLabel }),
    });
  } catch (error) {
    if (error instanceof GeneratorError) throw usageError(error.message);
    throw error;
  }
}

/** Opens an output, turning its failure (a missing directory, a directory) into exit 1. */
async function openOutput(open: () => Promise<TraceSink>): Promise<TraceSink> {
  try {
    return await open();
  } catch (error) {
    throw new CliError(CliErrorCode.output, (error as Error).message, { cause: error });
  }
}

async function writeLabels(sink: TraceSink, labels: readonly string[]): Promise<void> {
  try {
    if (labels.length > 0) await sink.write(chunkOfRecords(labels));
    await sink.close();
  } catch (error) {
    await sink.close().catch(() => undefined);
    throw new CliError(
      CliErrorCode.output,
      `${(error as Error).message} (${sink.recordsWritten} of ${labels.length} labels written whole)`,
      { cause: error },
    );
  }
}
