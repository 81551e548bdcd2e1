import { Command } from "commander";
import type { CliIo } from "./cli-io.js";
import type { CommandFactory } from "./command-factory.js";
import { cacheCommand } from "./commands/cache.js";
import { catalogCommand } from "./commands/catalog.js";
import { contractCommand } from "./commands/contract.js";
import { generateCommand } from "./commands/generate.js";
import { notifyCommand } from "./commands/notify.js";
import { scoreCommand } from "./commands/score.js";
import { serveCommand } from "./commands/serve.js";
import { signCommand } from "./commands/sign.js";
import { statsCommand } from "./commands/stats.js";
import { streamCommand } from "./commands/stream.js";
import { validateCommand } from "./commands/validate.js";
import { verifyCommand } from "./commands/verify.js";

/** Version printed by `ctsim --version`. */
export const CLI_VERSION = "0.1.0";

const commands: readonly CommandFactory[] = [
  catalogCommand,
  generateCommand,
  validateCommand,
  statsCommand,
  scoreCommand,
  streamCommand,
  serveCommand,
  notifyCommand,
  cacheCommand,
  signCommand,
  contractCommand,
  verifyCommand,
];

/** Builds the `ctsim` program with every subcommand registered. */
export function buildProgram(io: CliIo): Command {
  const program = new Command("ctsim")
    .description(
      "Simulate Huawei Cloud Cloud Trace Service (CTS) for ModelArts: fixtures, load, a mock API, contract tests.",
    )
    .version(CLI_VERSION);
  for (const factory of commands) {
    program.addCommand(factory(io));
  }
  configureTree(program, io);
  return program;
}

/** Every command in the tree writes through `io` and throws instead of exiting. */
function configureTree(command: Command, io: CliIo): void {
  const helpCommand = command.parent ? `ctsim ${command.name()} --help` : "ctsim --help";
  command
    .exitOverride()
    .showHelpAfterError(`(run '${helpCommand}' for usage)`)
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .allowExcessArguments(false);
  for (const sub of command.commands) {
    configureTree(sub, io);
  }
}
