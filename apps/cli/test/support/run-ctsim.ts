import { runCli } from "../../src/index.js";
import { memoryIo } from "./memory-io.js";

/** What one in-process `ctsim` run produced. */
export interface CtsimRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `ctsim` in-process with in-memory streams; `stdin` and `env` default to empty. */
export async function runCtsim(
  argv: readonly string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<CtsimRun> {
  const io = memoryIo(options.stdin ?? "", options.env ?? {});
  const code = await runCli(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

/** `runCtsim` with the arguments spread: `await ctsim("catalog", "--json")`. */
export function ctsim(...argv: string[]): Promise<CtsimRun> {
  return runCtsim(argv);
}
