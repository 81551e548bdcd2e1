/** Process exit codes of `ctsim`, in one place so every command means the same thing by them. */
export const ExitCode = {
  /** Everything asked for was done. */
  ok: 0,
  /** The command ran and found a problem: invalid records, failed properties, a sink error. */
  failure: 1,
  /** The command line itself is wrong: unknown flag, bad value, missing argument. */
  usage: 2,
  /** Interrupted by a signal after a clean shutdown was not possible. */
  interrupted: 130,
} as const satisfies Record<string, number>;

/** One of the values of {@link ExitCode}. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
