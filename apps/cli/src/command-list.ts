import type { CommandFactory } from "./command-factory.js";

/**
 * One `ctsim` command as `ctsim --help` lists it, and how to load it. The module is imported
 * only when the command runs (or its help is asked for), so `ctsim --help` loads none of them.
 */
export interface CommandEntry {
  readonly name: string;
  /** The term `--help` lists after the name: `[options] <file>`. */
  readonly usage: string;
  readonly description: string;
  readonly load: () => Promise<CommandFactory>;
}

/**
 * Every command, in the order `--help` lists them. Adding one is one line here and its module
 * under `commands/`; a test checks that each line agrees with the command it loads.
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "catalog",
    usage: "[options]",
    description: "List the ModelArts operations recorded by CTS (the key operations catalog).",
    load: async () => (await import("./commands/catalog.js")).catalogCommand,
  },
  {
    name: "generate",
    usage: "[options]",
    description:
      "Generate a deterministic history of ModelArts CTS traces (default: one tenant, the last 7 days).",
    load: async () => (await import("./commands/generate.js")).generateCommand,
  },
  {
    name: "validate",
    usage: "[options] <file>",
    description:
      "Check CTS traces (NDJSON, JSON array or ListTraces pages) against the schema and the stream invariants.",
    load: async () => (await import("./commands/validate.js")).validateCommand,
  },
  {
    name: "stats",
    usage: "[options] <file>",
    description:
      "Print what a reviewer needs to trust a corpus of CTS traces (NDJSON, JSON array, ListTraces pages or OBS files).",
    load: async () => (await import("./commands/stats.js")).statsCommand,
  },
  {
    name: "score",
    usage: "[options]",
    description:
      "Score detection rules (Sigma YAML, stateful JS) against labelled CTS traces: precision, recall, time to detect per scenario.",
    load: async () => (await import("./commands/score.js")).scoreCommand,
  },
  {
    name: "stream",
    usage: "[options]",
    description:
      "Stream live CTS traces at a target rate (or --max) into stdout, a file, an OBS-layout directory or HTTP.",
    load: async () => (await import("./commands/stream.js")).streamCommand,
  },
  {
    name: "verify",
    usage: "[options] <dir>",
    description:
      "Verify OBS trace files and their signed digest files: files present and unaltered, digests signed, chains unbroken.",
    load: async () => (await import("./commands/verify.js")).verifyCommand,
  },
  {
    name: "serve",
    usage: "[options]",
    description: "Serve the CTS v3 API over HTTP with a seeded week of ModelArts traces.",
    load: async () => (await import("./commands/serve.js")).serveCommand,
  },
  {
    name: "notify",
    usage: "[options]",
    description:
      "Replay a trace history through key event notifications and deliver the messages (SMN or FunctionGraph) to a URL.",
    load: async () => (await import("./commands/notify.js")).notifyCommand,
  },
  {
    name: "cache",
    usage: "",
    description: "List or remove the store snapshots `ctsim serve` caches.",
    load: async () => (await import("./commands/cache.js")).cacheCommand,
  },
  {
    name: "sign",
    usage: "[options] <url>",
    description:
      "Sign one request with AK/SK (SDK-HMAC-SHA256) and print the headers to send, or a curl command.",
    load: async () => (await import("./commands/sign.js")).signCommand,
  },
  {
    name: "contract",
    usage: "[options]",
    description: "Check a CTS endpoint against the provider contract (property-based).",
    load: async () => (await import("./commands/contract.js")).contractCommand,
  },
];

/**
 * The command an argument list runs, if any: its first word (`ctsim generate ...`), or the word
 * after `help` (`ctsim help generate`).
 */
export function commandToRun(argv: readonly string[]): CommandEntry | undefined {
  const [first, second] = argv;
  const name = first === "help" ? second : first;
  return COMMANDS.find((entry) => entry.name === name);
}
