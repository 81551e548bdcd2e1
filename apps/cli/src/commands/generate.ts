import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { REVISIONS, type Revision } from "@ctsim/catalog";
import {
  type AnomalyLabel,
  encodeTraces,
  GeneratorError,
  generateTraces,
  isScenarioName,
  SCENARIO_NAMES,
  type ScenarioName,
  type TimelineOptions,
  TRACE_FORMATS,
  type TraceFormat,
} from "@ctsim/generator";
import { drained } from "@ctsim/generator/node";
import { Command, Option } from "commander";
import { CliError, CliErrorCode, usageError } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";
import { parseInstant, parseInteger, parseShard } from "../internal/parse-values.js";
import type { CommandFactory } from "../program.js";

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
}

const DAY = 86_400_000;

/**
 * `ctsim generate`: writes the seeded timeline (NDJSON by default) to stdout or a file, with
 * back-pressure (awaits `drain`), so memory stays flat however long the output; a closed pipe
 * (`| head`) ends it quietly. Without `--now`, the clock is the last UTC midnight, so the same
 * day gives the same bytes.
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
    .option("--scenario <names>", `comma-separated anomaly scenarios: ${SCENARIO_NAMES.join(", ")}`)
    .option("--labels <file>", "write anomaly labels (NDJSON) to this file")
    .option("--tenants <n>", "number of tenants (accounts)", "1")
    .option("--users <n>", "IAM users per tenant", "12")
    .option("--out <file>", "write to this file instead of stdout")
    .action(async (raw: RawGenerateOptions) => {
      const labels: string[] = [];
      const options = resolve(raw, (label) => labels.push(`${JSON.stringify(label)}\n`));
      let events: Iterable<never>;
      try {
        events = generateTraces(options) as Iterable<never>;
      } catch (error) {
        if (error instanceof GeneratorError) throw usageError(error.message);
        throw error;
      }
      const out = raw.out === undefined ? io.stdout : createWriteStream(raw.out);
      // A closed reader (`| head`) is a normal end: stop generating, exit 0.
      await writeChunks(out, encodeTraces(events, { format: raw.format }));
      if (raw.out !== undefined) await finish(out);
      if (raw.labels !== undefined) {
        const file = createWriteStream(raw.labels);
        await writeChunks(file, labels);
        await finish(file);
      }
    });

function resolve(raw: RawGenerateOptions, onLabel: (label: AnomalyLabel) => void): TimelineOptions {
  const now =
    raw.now === undefined ? Math.floor(Date.now() / DAY) * DAY : parseInstant(raw.now, "--now");
  const scenarios: ScenarioName[] = [];
  for (const name of (raw.scenario ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!isScenarioName(name))
      throw usageError(`Unknown scenario "${name}". Known: ${SCENARIO_NAMES.join(", ")}.`);
    scenarios.push(name);
  }
  const shard = raw.shard === undefined ? undefined : parseShard(raw.shard);
  return {
    seed: parseInteger(raw.seed ?? "1", "--seed"),
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
    scenarios,
    ...(raw.labels === undefined ? {} : { onLabel }),
  };
}

/**
 * Writes chunks, awaiting `drain` whenever `write` returns false (Node would otherwise queue
 * unflushed pipe writes in memory). Resolves `"closed"` when the reader went away (EPIPE).
 */
async function writeChunks(out: Writable, chunks: Iterable<string>): Promise<"done" | "closed"> {
  let failure: (Error & { code?: string }) | null = null;
  out.on("error", (error: Error & { code?: string }) => {
    failure ??= error;
  });
  for (const chunk of chunks) {
    if (failure !== null) break;
    if (!out.write(chunk)) await drained(out);
  }
  const error = failure as (Error & { code?: string }) | null;
  if (error === null) return "done";
  if (error.code === "EPIPE") return "closed";
  throw new CliError(CliErrorCode.output, `Cannot write the output: ${error.message}`);
}

function finish(out: Writable): Promise<void> {
  return new Promise((done, fail) => {
    out.end(() => done());
    out.once("error", (error) =>
      fail(new CliError(CliErrorCode.output, `Cannot write ${String(error.message)}`)),
    );
  });
}
