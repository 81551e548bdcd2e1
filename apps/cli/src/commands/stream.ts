import { writeFile } from "node:fs/promises";
import { TRACE_FORMATS } from "@ctsim/generator";
import {
  type ChunkProducer,
  createTraceProducer,
  createWorkerProducer,
  defaultChunkRecords,
  runStream,
  type StreamStats,
} from "@ctsim/generator/node";
import { Command, Option } from "commander";
import { CliError, CliErrorCode } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";
import type { CommandFactory } from "../command-factory.js";
import { formatSummary } from "../stream/format-summary.js";
import { openProgressLine } from "../stream/progress-line.js";
import { SINK_SYNTAX, sinkFlags } from "../stream/sinks/sink-registry.js";
import {
  DEFAULT_RATE,
  type RawStreamOptions,
  resolveStreamPlan,
  type StreamPlan,
} from "../stream/stream-plan.js";

/**
 * `ctsim stream`: live CTS traces (timestamps are now) at a target rate or flat out, into
 * stdout, a rotating file, an OBS-layout directory or an HTTP receiver, with honest rate
 * accounting, clean shutdown on SIGINT/SIGTERM, worker threads and shards.
 *
 * @example
 * ctsim stream --rate 5000 --duration 10m --sink http://localhost:9880/cts --stats stats.json
 */
export const streamCommand: CommandFactory = (io: CliIo): Command =>
  withSinkFlags(
    new Command("stream")
      .description(
        "Stream live CTS traces at a target rate (or --max) into stdout, a file, an OBS-layout directory or HTTP.",
      )
      .addOption(
        new Option("--rate <eps>", `target traces per second (default ${DEFAULT_RATE})`).conflicts(
          "max",
        ),
      )
      .option("--max", "as fast as the sink takes them")
      .addOption(new Option("--duration <time>", "stop after this long (500ms, 60s, 5m, 1h)"))
      .addOption(new Option("--count <n>", "stop after this many traces").conflicts("duration"))
      .option("--sink <spec>", SINK_SYNTAX, "stdout")
      .addOption(
        new Option(
          "--format <format>",
          "ndjson | json | obs (default ndjson; obs for dir:)",
        ).choices(TRACE_FORMATS),
      )
      .option("--workers <n>", "worker threads producing traces", "1")
      .option("--shard <i/n>", "produce only shard i of n (split the load across machines)")
      .option("--seed <n>", "seed of the timeline", "1")
      .option(
        "--timeline-start <time>",
        "where the generator's timeline starts (epoch ms or ISO; default now): pin it for reproducible content",
      )
      .option(
        "--no-retime",
        "keep the generator's own times and trace ids instead of now: a replay whose bytes are the same every run (with --timeline-start)",
      )
      .option("--scenario <a,b>", "labelled scenarios to inject, or all, attacks, benign")
      .option(
        "--modelarts-only",
        "ModelArts traces only: no IAM sign-ins and no OBS traces (by default the timeline carries both)",
      )
      .option("--stats <file>", "write the final accounting as JSON to this file")
      .option(
        "--strict",
        "exit non-zero as soon as the target rate cannot be kept (±2% over 10 s)",
      ),
  ).action(async (raw: RawStreamOptions) => {
    const plan = resolveStreamPlan(raw);
    const stats = await stream(plan, io);
    if (plan.statsPath !== undefined) await writeStats(plan.statsPath, stats);
    if (stats.stoppedBy === "reader-closed") return; // `| head`: the reader had enough
    io.stderr.write(formatSummary(stats));
    if (stats.stoppedBy === "error") {
      throw new CliError(
        CliErrorCode.output,
        `stream failed after ${stats.traces} traces written: ${stats.error}`,
      );
    }
    if (plan.strict && !stats.keptUp) {
      throw new CliError(
        CliErrorCode.failed,
        `--strict: the target of ${stats.targetRate} traces/s was not kept`,
      );
    }
  });

/** Adds every sink's own flags (from the registry) after the command's. */
function withSinkFlags(command: Command): Command {
  for (const flag of sinkFlags()) command.addOption(flag);
  return command;
}

async function stream(plan: StreamPlan, io: CliIo): Promise<StreamStats> {
  const sink = await plan.sink.open({ framing: plan.framing, io }).catch((error: unknown) => {
    throw new CliError(CliErrorCode.output, (error as Error).message, { cause: error });
  });
  const producer = openProducer(plan);
  const controller = new AbortController();
  const onSignal = (): void => {
    // A second signal means the clean stop is stuck (e.g. a reader that never reads): give up.
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const progress = openProgressLine(
    io,
    plan.count !== undefined
      ? { total: plan.count, unit: "traces" }
      : plan.durationMs !== undefined
        ? { total: plan.durationMs / 1000, unit: "s" }
        : { unit: "traces" },
  );
  try {
    return await runStream({
      producer,
      sink,
      ...(plan.rate === undefined ? {} : { rate: plan.rate }),
      ...(plan.durationMs === undefined ? {} : { durationMs: plan.durationMs }),
      ...(plan.count === undefined ? {} : { count: plan.count }),
      signal: controller.signal,
      strict: plan.strict,
      onProgress: (p) => progress.update(p),
      onWarning: (message) => io.stderr.write(`ctsim stream: warning: ${message}\n`),
    });
  } finally {
    progress.stop();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

function openProducer(plan: StreamPlan): ChunkProducer {
  // One start for every worker: the shards must slice the same timeline.
  const start = plan.timelineStart ?? Date.now();
  const timeline = {
    seed: plan.seed,
    scenarios: plan.scenarios,
    ...(plan.modelartsOnly ? { modelartsOnly: true } : {}),
    from: start,
    now: start,
    ...(plan.count === undefined ? {} : { count: plan.count }),
  };
  const { shape, retime } = plan;
  const routes = plan.sink.routes;
  if (plan.workers === 1)
    return createTraceProducer({
      timeline: { ...timeline, shard: plan.shard },
      shape,
      routes,
      retime,
    });
  return createWorkerProducer({
    workers: plan.workers,
    shard: plan.shard,
    timeline,
    shape,
    routes,
    retime,
    // With --count the prefix must not depend on the worker count: merge in generator-time order.
    ordered: plan.count !== undefined,
    chunkRecords: defaultChunkRecords(plan.rate),
  });
}

async function writeStats(path: string, stats: StreamStats): Promise<void> {
  try {
    await writeFile(path, `${JSON.stringify(stats, null, 2)}\n`);
  } catch (error) {
    throw new CliError(
      CliErrorCode.output,
      `cannot write --stats ${path}: ${(error as Error).message}`,
    );
  }
}
