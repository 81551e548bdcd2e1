import { CommanderError } from "commander";
import { CliError } from "./cli-error.js";
import { type CliIo, processIo } from "./cli-io.js";
import { ExitCode } from "./exit-codes.js";
import type { CommandFactory } from "./command-factory.js";
import { commandToRun } from "./command-list.js";
import { buildProgram } from "./program.js";

// Entry points, errors and exit codes
export { CliError, CliErrorCode } from "./cli-error.js";
export type { CliIo } from "./cli-io.js";
export type { CommandFactory } from "./command-factory.js";
export type { CommandEntry } from "./command-list.js";
export { COMMANDS } from "./command-list.js";
export { ExitCode } from "./exit-codes.js";
export { buildProgram, CLI_VERSION } from "./program.js";

/**
 * Runs `ctsim` with the given arguments (without `node` and the script path) and resolves to the
 * exit code. Errors never escape: usage errors print a message and give 2, command failures 1.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2));
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    // Only the command that runs is imported: `ctsim --help` loads none.
    const entry = commandToRun(argv);
    const loaded = new Map<string, CommandFactory>(
      entry === undefined ? [] : [[entry.name, await entry.load()]],
    );
    const program = buildProgram(io, loaded);
    await program.parseAsync([...argv], { from: "user" });
    return ExitCode.ok;
  } catch (error) {
    return exitCodeFor(error, io);
  }
}

function exitCodeFor(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message (and help, where it was asked for).
    const benign = ["commander.helpDisplayed", "commander.help", "commander.version"];
    // `ctsim help generate` ends with commander.help and 0; `ctsim` alone with it and 1.
    return benign.includes(error.code) && error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof CliError) {
    io.stderr.write(`ctsim: ${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`ctsim: unexpected error: ${message}\n`);
  return ExitCode.failure;
}
