import { ExitCode } from "./exit-codes.js";

/** Stable codes of errors the CLI reports itself; each maps to one exit code. */
export const CliErrorCode = {
  usage: "CTSIM_CLI_USAGE",
  input: "CTSIM_CLI_INPUT",
  output: "CTSIM_CLI_OUTPUT",
  failed: "CTSIM_CLI_FAILED",
} as const satisfies Record<string, string>;

export type CliErrorCode = (typeof CliErrorCode)[keyof typeof CliErrorCode];

const exitCodeOf: Record<CliErrorCode, ExitCode> = {
  CTSIM_CLI_USAGE: ExitCode.usage,
  CTSIM_CLI_INPUT: ExitCode.failure,
  CTSIM_CLI_OUTPUT: ExitCode.failure,
  CTSIM_CLI_FAILED: ExitCode.failure,
};

/**
 * An error a command raises on purpose: its message is shown to the user as is (no stack) and
 * its code decides the exit code.
 */
export class CliError extends Error {
  override readonly name = "CliError";
  readonly code: CliErrorCode;

  constructor(code: CliErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }

  /** The process exit code this error ends the command with. */
  get exitCode(): ExitCode {
    return exitCodeOf[this.code];
  }
}

/** Shorthand for a usage error (bad flag value, missing argument): exit code 2. */
export function usageError(message: string): CliError {
  return new CliError(CliErrorCode.usage, message);
}
