import type { Command } from "commander";
import type { CliIo } from "./cli-io.js";

/** One subcommand: it builds its commander `Command`, wired to the given streams. */
export type CommandFactory = (io: CliIo) => Command;
