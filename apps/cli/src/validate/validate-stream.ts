import { once } from "node:events";
import type { Writable } from "node:stream";
import {
  type CheckReport,
  createTraceChecker,
  type TraceCheckerOptions,
} from "@ctsim/generator/check";
import { CliError, CliErrorCode } from "../cli-error.js";
import { lineBatches } from "./line-batches.js";
import type { ValidateInput } from "./open-input.js";

/** Options of {@link validateStream}. */
export interface ValidateStreamOptions {
  readonly checker: Omit<TraceCheckerOptions, "onViolation">;
  /** Violations printed as `NAME:LINE: code: message` lines (the rest are only counted). */
  readonly maxErrors: number;
  /** Where violation lines go; `undefined` prints none. */
  readonly out: Writable | undefined;
}

/**
 * Reads `input` line by line through a trace checker, printing the first `maxErrors` violations
 * as they are found (after each chunk read, respecting back-pressure), and resolves to the
 * checker's report. Memory stays flat: one chunk of lines at a time plus the checker's
 * per-entity state.
 *
 * @throws CliError (input, exit 1) when reading fails part-way
 * @example
 * const report = await validateStream(await openInput("-", io), { checker: {}, maxErrors: 50, out: io.stdout });
 */
export async function validateStream(
  input: ValidateInput,
  options: ValidateStreamOptions,
): Promise<CheckReport> {
  const { out, maxErrors } = options;
  let printed = 0;
  let pending = "";
  const checker = createTraceChecker({
    ...options.checker,
    onViolation: (violation) => {
      if (out === undefined || printed >= maxErrors) return;
      printed++;
      pending += `${input.name}:${violation.line}: ${violation.code}: ${violation.message}\n`;
    },
  });
  let lineNumber = 0;
  try {
    for await (const lines of lineBatches(input.stream)) {
      for (const line of lines) checker.check(line, ++lineNumber);
      if (pending !== "" && out !== undefined) {
        const flushed = out.write(pending);
        pending = "";
        if (!flushed) await once(out, "drain");
      }
    }
  } catch (error) {
    throw new CliError(
      CliErrorCode.input,
      `cannot read ${input.name}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const report = checker.finish();
  if (pending !== "" && out !== undefined) out.write(pending);
  return report;
}
