import { Command, Help } from "commander";
import type { CliIo } from "./cli-io.js";
import type { CommandFactory } from "./command-factory.js";
import { COMMANDS } from "./command-list.js";

/** Version printed by `ctsim --version`. */
export const CLI_VERSION = "0.1.0";

/**
 * Builds the `ctsim` program: every command of {@link COMMANDS} listed by name and description,
 * and the ones in `loaded` (name → factory) built in full, so they can run.
 *
 * @example
 * const program = buildProgram(io, new Map([["generate", await COMMANDS[1].load()]]));
 */
export function buildProgram(
  io: CliIo,
  loaded: ReadonlyMap<string, CommandFactory> = new Map(),
): Command {
  const program = new Command("ctsim")
    .description(
      "Simulate Huawei Cloud Cloud Trace Service (CTS) for ModelArts: fixtures, load, a mock API, contract tests.",
    )
    .version(CLI_VERSION);
  const usages = new Map(COMMANDS.map((entry) => [entry.name, entry.usage]));
  program.configureHelp({
    // The listed term comes from the list, so a command that is not loaded shows the same.
    subcommandTerm: (command) => {
      const usage = usages.get(command.name());
      if (usage === undefined) return new Help().subcommandTerm(command); // `help [command]`
      return usage === "" ? command.name() : `${command.name()} ${usage}`;
    },
  });
  for (const entry of COMMANDS) {
    const factory = loaded.get(entry.name);
    program.addCommand(factory?.(io) ?? new Command(entry.name).description(entry.description));
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
