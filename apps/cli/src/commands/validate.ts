import { TIME_ORDERS, TRACE_SHAPES } from "@ctsim/generator/check";
import { Command, Option } from "commander";
import { CliError, CliErrorCode } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";
import type { CommandFactory } from "../command-factory.js";
import { parseInstant, parseInteger } from "../internal/parse-values.js";
import { formatReportSummary } from "../validate/format-report.js";
import { openInput } from "../validate/open-input.js";
import { validateStream } from "../validate/validate-stream.js";

interface ValidateOptions {
  readonly shape: (typeof TRACE_SHAPES)[number] | "auto";
  readonly order: (typeof TIME_ORDERS)[number] | "auto";
  readonly maxErrors: string;
  readonly now?: string;
  readonly json?: true;
}

/**
 * `ctsim validate FILE|-`: checks a file of CTS traces (NDJSON, JSON array or ListTraces pages)
 * against the trace schema and the stream invariants, printing `FILE:LINE: code: message` per
 * violation and a summary on stderr. Exit 0 when clean, 1 on any violation, 2 on usage errors.
 *
 * @example
 * ctsim generate --count 100000 | ctsim validate -
 */
export const validateCommand: CommandFactory = (io: CliIo): Command =>
  new Command("validate")
    .description(
      "Check CTS traces (NDJSON, JSON array or ListTraces pages) against the schema and the stream invariants.",
    )
    .argument("<file>", "file to check, or - for standard input")
    .addOption(
      new Option("--shape <shape>", "record shape: ListTraces (api) or OBS trace file (obs)")
        .choices(["auto", ...TRACE_SHAPES])
        .default("auto"),
    )
    .addOption(
      new Option(
        "--order <order>",
        "expected time order (auto: ascending, descending for ListTraces pages)",
      )
        .choices(["auto", ...TIME_ORDERS])
        .default("auto"),
    )
    .option("--max-errors <n>", "print at most this many violations (all are counted)", "50")
    .option(
      "--now <iso>",
      "the clock: traces later than this are trace.future (default: the wall clock; give a generated file's --now)",
    )
    .option("--json", "print the report as JSON on stdout instead of violation lines")
    .action(async (file: string, options: ValidateOptions) => {
      const maxErrors = parseInteger(options.maxErrors, "--max-errors", 0);
      const now = options.now === undefined ? undefined : parseInstant(options.now, "--now");
      const input = await openInput(file, io);
      const json = options.json === true;
      const report = await validateStream(input, {
        checker: {
          shape: options.shape,
          order: options.order,
          maxViolations: maxErrors,
          ...(now === undefined ? {} : { now }),
        },
        maxErrors,
        out: json ? undefined : io.stdout,
      });
      if (json) io.stdout.write(`${JSON.stringify({ file: input.name, ...report })}\n`);
      const summary = formatReportSummary(input.name, report, Math.min(report.total, maxErrors));
      if (report.total > 0) throw new CliError(CliErrorCode.failed, summary);
      io.stderr.write(`${summary}\n`);
    });
