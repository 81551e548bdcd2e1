import type { Writable } from "node:stream";
import {
  type CheckReport,
  createTraceChecker,
  type TraceCheckerOptions,
} from "@ctsim/generator/check";
import { drained } from "@ctsim/generator/node";
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
 * @throws CliError (input, exit 1) when reading fails part-way; (output, exit 1) when printing
 * fails for another reason than a closed reader (which only stops the printing)
 * @example
 * const report = await validateStream(await openInput("-", io), { checker: {}, maxErrors: 50, out: io.stdout });
 */
export async function validateStream(
  input: ValidateInput,
  options: ValidateStreamOptions,
): Promise<CheckReport> {
  const { maxErrors } = options;
  const out = options.out === undefined ? undefined : watchOutput(options.out);
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
  const batches = lineBatches(input.stream);
  let lineNumber = 0;
  for (;;) {
    let next: IteratorResult<string[]>;
    try {
      next = await batches.next();
    } catch (error) {
      throw new CliError(
        CliErrorCode.input,
        `cannot read ${input.name}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    if (next.done === true) break;
    for (const line of next.value) checker.check(line, ++lineNumber);
    if (pending !== "" && out !== undefined) await out.print(pending);
    pending = "";
  }
  const report = checker.finish();
  if (pending !== "" && out !== undefined) await out.print(pending);
  return report;
}

/** Violation lines' destination, as {@link watchOutput} wraps it. */
interface WatchedOutput {
  /** Writes `text`; resolves when more may be written. A closed reader makes it a no-op. */
  print(text: string): Promise<void>;
}

/**
 * Watches where violations are printed: when its reader goes away (`ctsim validate f | head`),
 * printing stops and checking goes on, so the exit status still tells whether the input holds
 * violations; another write error ends the command (exit 1) naming it.
 */
function watchOutput(out: Writable): WatchedOutput {
  let closed = false;
  let failure: Error | undefined;
  out.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") closed = true;
    else failure ??= error;
  });
  const check = (): void => {
    if (failure !== undefined)
      throw new CliError(CliErrorCode.output, `cannot write the violations: ${failure.message}`, {
        cause: failure,
      });
  };
  return {
    async print(text) {
      check();
      if (closed) return;
      if (!out.write(text)) await drained(out);
      check();
    },
  };
}
