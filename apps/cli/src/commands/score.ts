import {
  checkThresholds,
  DetectError,
  formatScoreReport,
  parseThresholds,
  type ScoreReport,
  scoreTimeline,
  type Thresholds,
} from "@ctsim/detect";
import { EXAMPLE_RULES_DIR, loadRulesDir, readLabelsFile, scoreNdjson } from "@ctsim/detect/node";
import { GeneratorError, SCENARIO_NAMES } from "@ctsim/generator";
import { Command } from "commander";
import { CliError, CliErrorCode, usageError } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";
import type { CommandFactory } from "../command-factory.js";
import { parseInstant, parseInteger, parseScenarios, parseSeed } from "../internal/parse-values.js";
import { openInput } from "../validate/open-input.js";

interface RawScoreOptions {
  readonly rules?: string;
  readonly traces?: string;
  readonly labels?: string;
  readonly seed?: string;
  readonly scenario?: string;
  readonly count?: string;
  readonly days: string;
  readonly now: string;
  readonly json?: true;
  readonly failUnder?: string;
}

const DAY = 86_400_000;

/**
 * `ctsim score`: runs detection rules (a directory of Sigma YAML and stateful JS modules; the
 * package's example set by default) over a corpus with ground truth, from files
 * (`--traces`, `--labels`) or generated on the fly (`--seed`, `--scenario`), and prints
 * precision, recall and time to detect per scenario. `--fail-under` makes it a CI gate: exit 1
 * when any scenario falls below. A refused rule (a Sigma construct outside the subset) ends it
 * with exit 1, naming the file and the construct.
 *
 * @example
 * ctsim score --seed 7 --scenario mass-deletion,tracker-tampering --fail-under recall=1
 */
export const scoreCommand: CommandFactory = (io: CliIo): Command =>
  new Command("score")
    .description(
      "Score detection rules (Sigma YAML, stateful JS) against labelled CTS traces: precision, recall, time to detect per scenario.",
    )
    .option(
      "--rules <dir>",
      "directory of rules: *.yml Sigma, *.mjs/*.js stateful (default: the example rules of @ctsim/detect)",
    )
    .option("--traces <file>", "NDJSON traces in time order, or - for standard input")
    .option("--labels <file>", "NDJSON anomaly labels of the traces (ctsim generate --labels)")
    .option("--seed <n>", "generate the corpus instead, from this seed")
    .option(
      "--scenario <names>",
      `with --seed: scenarios to inject (default: all): ${SCENARIO_NAMES.join(", ")}`,
    )
    .option("--count <n>", "with --seed: stop after this many traces")
    .option("--days <n>", "with --seed: days of history", "7")
    .option("--now <iso>", "with --seed: the clock, the end of the window", "2025-03-01T00:00:00Z")
    .option("--json", "print the report as JSON")
    .option(
      "--fail-under <thresholds>",
      "exit 1 when a scenario falls below, e.g. recall=0.9,precision=0.8",
    )
    .action(async (raw: RawScoreOptions) => {
      const thresholds = raw.failUnder === undefined ? undefined : thresholdsOf(raw.failUnder);
      const report = await detectErrorsAsCli(async () => {
        const rules = await loadRulesDir(raw.rules ?? EXAMPLE_RULES_DIR);
        return raw.seed === undefined ? scoreFiles(raw, rules, io) : scoreGenerated(raw, rules);
      });
      io.stdout.write(
        raw.json === true ? `${JSON.stringify(report, null, 2)}\n` : formatScoreReport(report),
      );
      if (thresholds === undefined) return;
      const failures = checkThresholds(report, thresholds);
      if (failures.length > 0)
        throw new CliError(
          CliErrorCode.failed,
          `--fail-under ${raw.failUnder}: ${failures.length} failure(s)\n  ${failures.join("\n  ")}`,
        );
    });

function thresholdsOf(text: string): Thresholds {
  try {
    return parseThresholds(text);
  } catch (error) {
    throw usageError(`--fail-under: ${(error as Error).message}`);
  }
}

async function scoreFiles(
  raw: RawScoreOptions,
  rules: Awaited<ReturnType<typeof loadRulesDir>>,
  io: CliIo,
): Promise<ScoreReport> {
  if (raw.traces === undefined || raw.labels === undefined)
    throw usageError("give --traces FILE and --labels FILE, or --seed N to generate the corpus");
  for (const flag of ["scenario", "count"] as const)
    if (raw[flag] !== undefined) throw usageError(`--${flag} goes with --seed, not --traces`);
  const labels = await readLabelsFile(raw.labels);
  const input = await openInput(raw.traces, io);
  return scoreNdjson({
    input: input.stream as AsyncIterable<Uint8Array>,
    name: input.name,
    rules,
    labels,
  });
}

function scoreGenerated(
  raw: RawScoreOptions,
  rules: Awaited<ReturnType<typeof loadRulesDir>>,
): ScoreReport {
  if (raw.traces !== undefined || raw.labels !== undefined)
    throw usageError("--seed generates the corpus: leave out --traces and --labels");
  const days = parseInteger(raw.days, "--days", 1, 366);
  const now = parseInstant(raw.now, "--now");
  const scenarios = raw.scenario === undefined ? [...SCENARIO_NAMES] : parseScenarios(raw.scenario);
  try {
    return scoreTimeline({
      rules,
      timeline: {
        seed: parseSeed(raw.seed ?? "1"),
        scenarios,
        now,
        from: now - days * DAY,
        to: now,
        ...(raw.count === undefined ? {} : { count: parseInteger(raw.count, "--count", 1) }),
      },
    });
  } catch (error) {
    if (error instanceof GeneratorError) throw usageError(error.message);
    throw error;
  }
}

/** A rule refused or a bad input record is the command's failure (exit 1), named, no stack. */
async function detectErrorsAsCli<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DetectError)
      throw new CliError(CliErrorCode.input, error.message, { cause: error });
    throw error;
  }
}
