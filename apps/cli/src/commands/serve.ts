import { FAULT_SPEC_SYNTAX, MockError } from "@ctsim/mock";
import {
  AUTH_MODES,
  type AuthMode,
  type CachedLoad,
  type MockService,
  type MockServiceOptions,
  startMockService,
} from "@ctsim/mock/node";
import { Command, Option } from "commander";
import { CliError, CliErrorCode, usageError } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";
import { parseInteger } from "../internal/parse-values.js";
import type { CommandFactory } from "../program.js";

/** Bounds of the load flags (a million traces take ~1.4 GB of memory: these are far beyond any machine's). */
const MAX_TENANTS = 10_000;
const MAX_COUNT = 50_000_000;
const MAX_WORKERS = 64;

interface ServeFlags {
  readonly host: string;
  readonly port: string;
  readonly seed: string;
  readonly days: string;
  readonly auth: AuthMode;
  readonly ak?: string;
  readonly sk?: string;
  readonly token?: string;
  readonly projectId?: string;
  readonly fault?: readonly string[];
  readonly tenants?: string;
  readonly count?: string;
  readonly workers?: string;
  readonly state?: string;
  /** `false` with `--no-cache`. */
  readonly cache: boolean;
}

/**
 * `ctsim serve`: CTS v3 over HTTP with a seeded week of ModelArts traces, until SIGINT/SIGTERM.
 * Prints the base URL, the project id and the accepted credentials.
 *
 * @example
 * ctsim serve --port 9000 --auth aksk --fault "traces:latency=20-80"
 */
export const serveCommand: CommandFactory = (io: CliIo): Command =>
  new Command("serve")
    .description("Serve the CTS v3 API over HTTP with a seeded week of ModelArts traces.")
    .option("--host <host>", "interface to bind", "127.0.0.1")
    .option("--port <port>", "port (0 picks a free one)", "9000")
    .option("--seed <n>", "seed of the traces, ids, credentials and faults", "1")
    .option("--days <n>", "days of history before now (at most 7)", "7")
    .addOption(new Option("--auth <mode>", "authentication").choices(AUTH_MODES).default("none"))
    .option("--ak <ak>", "accepted AK (with --sk; default: derived from the seed)")
    .option("--sk <sk>", "accepted SK (with --ak)")
    .option("--token <token>", "accepted X-Auth-Token (default: derived from the seed)")
    .option("--project-id <id>", "serve every trace under this project id")
    .option(
      "--fault <spec>",
      `inject faults (repeatable): ${FAULT_SPEC_SYNTAX}`,
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option("--tenants <n>", "tenants (accounts) generated, ~3,700 traces a week each (default: 1)")
    .option(
      "--count <n>",
      "about this many traces over --days, the newest at now (the generator raises its rate to fit them)",
    )
    .option(
      "--workers <n>",
      "worker threads generating the traces, 0 = this thread (default: by load size and cores)",
    )
    .option("--no-cache", "neither read nor write store snapshots (big loads are cached)")
    .option(
      "--state <file>",
      "keep the trackers, notifications, tags and configuration set through the API in this JSON file (and FILE.journal) across restarts; a write is answered once it is on disk",
    )
    .addHelpText(
      "after",
      "\nLimits (API Gateway's): a body over 12 MiB gets 413, a target over 32 KiB 414, a header over\n32 KiB (or all over 128 KiB) 431, a request not received whole within 60 s 408; each as\nCTS-shaped JSON (APIGW.0201), then the connection is closed.\n",
    )
    .action(async (flags: ServeFlags) => {
      const started = performance.now();
      const service = await start(flags, (error) =>
        io.stderr.write(
          `ctsim serve: cannot write the state file (the changes were answered 500 CTS.0004): ${error.message}\n`,
        ),
      );
      // Listening before the banner: a client that reads it may signal at once.
      const shutdown = shutdownSignals();
      io.stdout.write(describe(service, (performance.now() - started) / 1000));
      await shutdown.requested;
      try {
        await service.close();
      } catch (error) {
        // The state file lacks changes: they were answered with errors, and are lost now.
        if (error instanceof MockError) {
          throw new CliError(CliErrorCode.failed, error.message, { cause: error });
        }
        throw error;
      } finally {
        shutdown.release();
      }
      io.stderr.write("ctsim serve: stopped\n");
    });

async function start(
  flags: ServeFlags,
  onStateError: (error: Error) => void,
): Promise<MockService> {
  try {
    return await startMockService({
      host: flags.host,
      port: parseInteger(flags.port, "--port", 0, 65535),
      seed: parseInteger(flags.seed, "--seed", 0, 2 ** 32 - 1),
      days: parseInteger(flags.days, "--days", 1, 7),
      auth: flags.auth,
      ...(flags.ak === undefined ? {} : { ak: flags.ak }),
      ...(flags.sk === undefined ? {} : { sk: flags.sk }),
      ...(flags.token === undefined ? {} : { token: flags.token }),
      ...(flags.projectId === undefined ? {} : { projectId: flags.projectId }),
      ...(flags.fault === undefined ? {} : { faults: flags.fault.join(";") }),
      ...(flags.state === undefined ? {} : { stateFile: flags.state, onStateError }),
      ...loadOptions(flags),
    });
  } catch (error) {
    if (error instanceof MockError && error.code === "CTSIM_MOCK_INVALID_OPTION")
      throw usageError(error.message);
    if (error instanceof MockError)
      throw new CliError(CliErrorCode.failed, error.message, { cause: error });
    throw error;
  }
}

/** `--tenants`, `--count`, `--workers`, `--no-cache`: how big the store is and how it is built. */
function loadOptions(
  flags: ServeFlags,
): Pick<MockServiceOptions, "tenants" | "count" | "workers" | "cacheDir"> {
  return {
    ...(flags.tenants === undefined
      ? {}
      : { tenants: parseInteger(flags.tenants, "--tenants", 1, MAX_TENANTS) }),
    ...(flags.count === undefined
      ? {}
      : { count: parseInteger(flags.count, "--count", 1, MAX_COUNT) }),
    ...(flags.workers === undefined
      ? {}
      : { workers: parseInteger(flags.workers, "--workers", 0, MAX_WORKERS) }),
    ...(flags.cache ? {} : { cacheDir: false as const }),
  };
}

function describe(service: MockService, seconds: number): string {
  const { url } = service.server;
  const lines = [
    `CTS mock listening on ${url}`,
    `project id: ${service.projectId} (${service.traceCount} traces)`,
    `ready in ${seconds.toFixed(1)} s: ${storeOrigin(service.load)}`,
  ];
  if (service.state !== undefined) lines.push(stateLine(service.state));
  const auth = service.auth;
  if (auth.mode === "none") lines.push("auth: none");
  if (auth.mode === "token") lines.push(`auth: token  X-Auth-Token: ${auth.tokens[0]}`);
  if (auth.mode === "aksk") {
    const credential = auth.credentials[0]!;
    lines.push(`auth: aksk (SDK-HMAC-SHA256)  AK: ${credential.ak}  SK: ${credential.sk}`);
  }
  // The default query window is the last hour, which may be quiet (night in the tenant's
  // timezone), so the hint asks for the whole week.
  const to = Date.now();
  const from = to - 7 * 86_400_000;
  lines.push(
    `try: curl '${url}/v3/${service.projectId}/traces?trace_type=system&limit=5&from=${from}&to=${to}'`,
  );
  return `${lines.join("\n")}\n`;
}

/** Where the store came from: a snapshot, or the generator (and the snapshot it is written to). */
function storeOrigin(load: CachedLoad): string {
  if (load.source === "loaded") return `loaded from the snapshot ${load.file}`;
  const refused = load.refused === undefined ? "" : ` (snapshot not used: ${load.refused})`;
  const writing = load.file === undefined ? "" : `, writing the snapshot ${load.file}`;
  return `built by the generator${refused}${writing}`;
}

/** `state: F (restored 2 trackers, 1 notification)`, or `(new)` when there was no file yet. */
function stateLine(state: NonNullable<MockService["state"]>): string {
  if (state.restored === undefined) return `state: ${state.file} (new)`;
  const projects = Object.values(state.restored.projects);
  const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;
  const trackers = projects.reduce((sum, project) => sum + project.trackers.length, 0);
  const notifications = projects.reduce((sum, project) => sum + project.notifications.length, 0);
  return `state: ${state.file} (restored ${count(trackers, "tracker")}, ${count(notifications, "notification")})`;
}

/**
 * SIGINT and SIGTERM: `requested` resolves on the first. Later ones are ignored until
 * `release`, so that they cannot cut the graceful stop short (it is bounded by the server's
 * close timeout): a second Ctrl-C, or the terminal's one relayed again by tsx, which re-sends
 * it to its child when the child's notice comes late (seen under load, as exit code 130).
 */
function shutdownSignals(): { readonly requested: Promise<void>; release(): void } {
  let request = (): void => {};
  const requested = new Promise<void>((resolve) => {
    request = resolve;
  });
  const onSignal = (): void => request();
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    requested,
    release(): void {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}
