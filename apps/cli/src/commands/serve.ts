import { FAULT_SPEC_SYNTAX, MockError } from "@ctsim/mock";
import {
  AUTH_MODES,
  type AuthMode,
  defaultCacheDir,
  defaultCacheMaxBytes,
  type MockService,
  type MockServiceOptions,
  parseByteSize,
  startMockService,
} from "@ctsim/mock/node";
import { Command, Option } from "commander";
import { CliError, CliErrorCode, usageError } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";
import type { CommandFactory } from "../command-factory.js";
import { parseInteger, parseScenarios } from "../internal/parse-values.js";
import { cacheBanner, cacheWrittenLine } from "../serve/cache-banner.js";
import { explorerMount } from "../serve/explorer-mount.js";
import {
  addLiveFlags,
  type LiveFlags,
  liveBanner,
  liveServiceOptions,
} from "../serve/live-mode.js";
import { connectLiveWorld } from "../serve/live-world.js";
import { publishedDocuments } from "../serve/published-documents.js";
import { serveBanner, signCommandOf } from "../serve/serve-banner.js";
import {
  checkServeNotificationFlags,
  startServeNotifications,
} from "../serve/serve-notifications.js";
import {
  addTransferFlags,
  prepareServeTransfer,
  startServeTransfer,
  type TransferFlags,
  transferServiceOptions,
} from "../serve/serve-transfer.js";

/** Bounds of the load flags (a million traces take ~1.4 GB of memory: these are far beyond any machine's). */
const MAX_TENANTS = 10_000;
const MAX_COUNT = 50_000_000;
const MAX_WORKERS = 64;

interface ServeFlags extends LiveFlags, TransferFlags {
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
  readonly expectedCount?: string;
  readonly workers?: string;
  readonly state?: string;
  readonly credentials?: string;
  readonly modelartsOnly?: true;
  readonly scenario?: string;
  /** `false` with `--no-cache`. */
  readonly cache: boolean;
  readonly cacheMax?: string;
  readonly smnEndpoint?: string;
  readonly funEndpoint?: string;
  readonly deliveryLog?: string;
}

/**
 * `ctsim serve`: CTS v3 over HTTP with a seeded week of ModelArts traces, until SIGINT/SIGTERM.
 * Prints the base URL, the first tenant's projects and accepted credentials (all tenants' with
 * `--credentials FILE`, as JSON) and a request to try. Serves the OpenAPI document at
 * `/openapi.json` and the records' JSON Schemas under `/schemas/`, without credentials.
 *
 * @example
 * ctsim serve --port 9000 --auth aksk --fault "traces:latency=20-80"
 */
export const serveCommand: CommandFactory = (io: CliIo): Command =>
  addTransferFlags(addLiveFlags(new Command("serve")))
    .description("Serve the CTS v3 API over HTTP with a seeded week of ModelArts traces.")
    .option("--host <host>", "interface to bind", "127.0.0.1")
    .option("--port <port>", "port (0 picks a free one)", "9000")
    .option("--seed <n>", "seed of the traces, ids, credentials and faults", "1")
    .option("--days <n>", "days of history before now (at most 7)", "7")
    .addOption(new Option("--auth <mode>", "authentication").choices(AUTH_MODES).default("none"))
    .option(
      "--ak <ak>",
      "an extra accepted AK of the first tenant (with --sk; the tenants' own keys are derived from the seed)",
    )
    .option("--sk <sk>", "its SK (with --ak)")
    .option(
      "--token <token>",
      "an extra accepted X-Auth-Token, scoped to the first tenant's first project",
    )
    .option(
      "--project-id <id>",
      "serve every trace under this project id (it becomes the first tenant's first project)",
    )
    .option(
      "--fault <spec>",
      `inject faults (repeatable): ${FAULT_SPEC_SYNTAX}`,
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option("--tenants <n>", "tenants (accounts) generated, ~3,700 traces a week each (default: 1)")
    .option(
      "--expected-count <n>",
      "about this many traces over --days, the newest at now (the generator raises its rate to fit them)",
    )
    .option(
      "--workers <n>",
      "worker threads generating the traces, 0 = this thread (default: by load size and cores)",
    )
    .option(
      "--no-cache",
      "neither read nor write store snapshots (stores of 50,000 traces or more are cached)",
    )
    .option(
      "--cache-max <size>",
      "most bytes of snapshots kept in the cache directory, like 512M or 4G (0: write none); the least recently used are evicted to make room (default: $CTSIM_CACHE_MAX, else 4G)",
    )
    .option(
      "--modelarts-only",
      "ModelArts traces only: no IAM sign-ins, no OBS traces and so no data trackers (by default the store holds both)",
    )
    .option(
      "--scenario <names>",
      "inject labelled scenarios into the history, as 'ctsim generate --scenario' does (comma-separated names, or all, attacks, benign); the explorer marks them, and /_ctsim/labels?project_id=… serves their labels",
    )
    .option(
      "--state <file>",
      "keep the trackers, notifications, tags and configuration set through the API in this JSON file (and FILE.journal) across restarts; a write is answered once it is on disk",
    )
    .option(
      "--credentials <file>",
      "write every tenant's project ids and accepted credentials to this JSON file, before the banner",
    )
    .option(
      "--smn-endpoint <url>",
      "POST key-event notifications of SMN topics to this URL (SMN HTTP(S) messages), for traces that become visible after start",
    )
    .option(
      "--fun-endpoint <url>",
      "POST key-event notifications of FunctionGraph functions to this URL (CTS trigger events)",
    )
    .option(
      "--delivery-log <file>",
      "write the notification delivery log (NDJSON) here instead of stderr",
    )
    .addHelpText(
      "after",
      "\nLimits (API Gateway's): a body over 12 MiB gets 413, a target over 32 KiB 414, a header over\n32 KiB (or all over 128 KiB) 431, a request not received whole within 60 s 408; each as\nCTS-shaped JSON (APIGW.0201), then the connection is closed.\n\nSnapshot cache: a store of 50,000 traces or more is written to $CTSIM_CACHE_DIR (off: no cache),\nelse $XDG_CACHE_HOME/ctsim/mock, else ~/.cache/ctsim/mock (~1.4 KiB a trace: ~1.4 GiB for 1M),\nand loaded by the next start in the same clock hour with the same flags. A new hour moves the\nweek: it is derived from an earlier hour's snapshot when both weeks start on the same UTC day\n(its older traces dropped, the hours since generated), else built anew (--days under 7 with\n--expected-count always builds). The least recently used snapshots are evicted to stay within\n--cache-max; what is loaded, derived, written and evicted is said on stderr. See 'ctsim cache'.\n",
    )
    .action(async (flags: ServeFlags) => {
      checkServeNotificationFlags(flags);
      const preparedTransfer = await prepareServeTransfer(flags);
      const started = performance.now();
      let cacheError: Error | undefined;
      const explorer = await explorerMount(
        flags.auth,
        parseScenarios(flags.scenario ?? ""),
        flags.live === true,
      );
      if (explorer.problem !== undefined) io.stderr.write(`ctsim serve: ${explorer.problem}\n`);
      const service = await start(flags, io, {
        ...(explorer.site === undefined ? {} : { site: explorer.site }),
        onStateError: (error) =>
          io.stderr.write(
            `ctsim serve: cannot write the state file (the changes were answered 500 CTS.0004): ${error.message}\n`,
          ),
        onCacheError: (error) => {
          cacheError = error;
        },
      });
      explorer.attach(service);
      // Listening before the banner: a client that reads it may signal at once.
      const shutdown = shutdownSignals();
      const notifications = startServeNotifications(service, flags, io);
      const transfer =
        preparedTransfer === undefined
          ? undefined
          : startServeTransfer(service, preparedTransfer, seedOf(flags), io);
      // Live mode hands each trace, as it becomes visible, to notifications and OBS transfer.
      const disconnect =
        service.live === undefined
          ? undefined
          : connectLiveWorld(service.live, {
              ...(notifications === undefined ? {} : { notifier: notifications.delivery.notifier }),
              ...(transfer === undefined ? {} : { transfer: transfer.transfer }),
            });
      service.startLive();
      const seconds = (performance.now() - started) / 1000;
      const credentialsFile = flags.credentials;
      io.stdout.write(
        liveBanner(service, service.live === undefined ? 1 : Number(flags.speed ?? 1)),
      );
      io.stdout.write(
        serveBanner(service, {
          seconds,
          now: service.now(),
          signCommand: signCommandOf(process.argv[1]),
          explorer: explorer.site !== undefined,
          ...(credentialsFile === undefined ? {} : { credentialsFile }),
        }),
      );
      io.stderr.write(cacheBanner(service.load));
      const { load } = service;
      if (load.file !== undefined && load.source !== "loaded") {
        void load.written.then((written) => {
          const error = cacheError === undefined ? {} : { error: cacheError };
          io.stderr.write(cacheWrittenLine(load, { written, ...error }));
        });
      }
      await Promise.race(
        transfer === undefined ? [shutdown.requested] : [shutdown.requested, transfer.failed],
      );
      disconnect?.();
      // Pending notification messages are delivered (or given up on), and the open transfer
      // cycles written, before the server stops.
      const notificationFailure = await notifications?.stop().then(
        () => undefined,
        (error: unknown) => error,
      );
      const transferFailure = await transfer?.stop().then(
        () => undefined,
        (error: unknown) => error,
      );
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
      if (transferFailure !== undefined) throw transferFailure;
      if (notificationFailure !== undefined) throw notificationFailure;
    });

async function start(
  flags: ServeFlags,
  io: CliIo,
  on: Required<Pick<MockServiceOptions, "onStateError" | "onCacheError">> &
    Pick<MockServiceOptions, "site">,
): Promise<MockService> {
  const { onStateError, onCacheError, site } = on;
  try {
    return await startMockService({
      host: flags.host,
      port: parseInteger(flags.port, "--port", 0, 65535),
      seed: seedOf(flags),
      days: parseInteger(flags.days, "--days", 1, 7),
      auth: flags.auth,
      ...(flags.ak === undefined ? {} : { ak: flags.ak }),
      ...(flags.sk === undefined ? {} : { sk: flags.sk }),
      ...(flags.token === undefined ? {} : { token: flags.token }),
      ...(flags.projectId === undefined ? {} : { projectId: flags.projectId }),
      ...(flags.fault === undefined ? {} : { faults: flags.fault.join(";") }),
      ...(flags.state === undefined ? {} : { stateFile: flags.state, onStateError }),
      ...(flags.credentials === undefined ? {} : { credentialsFile: flags.credentials }),
      documents: publishedDocuments(),
      ...loadOptions(flags),
      ...cacheOptions(flags, io),
      ...liveServiceOptions(flags, io),
      ...transferServiceOptions(flags),
      onCacheError,
      ...(site === undefined ? {} : { site }),
    });
  } catch (error) {
    if (error instanceof MockError && error.code === "CTSIM_MOCK_INVALID_OPTION")
      throw usageError(error.message);
    if (error instanceof MockError)
      throw new CliError(CliErrorCode.failed, error.message, { cause: error });
    throw error;
  }
}

function seedOf(flags: ServeFlags): number {
  return parseInteger(flags.seed, "--seed", 0, 2 ** 32 - 1);
}

/**
 * `--tenants`, `--expected-count`, `--workers`, `--modelarts-only`, `--scenario`: what the
 * store holds and how it is built.
 */
function loadOptions(
  flags: ServeFlags,
): Pick<
  MockServiceOptions,
  "tenants" | "expectedCount" | "workers" | "modelartsOnly" | "scenarios"
> {
  return {
    ...(flags.modelartsOnly === true ? { modelartsOnly: true } : {}),
    ...(flags.scenario === undefined ? {} : { scenarios: parseScenarios(flags.scenario) }),
    ...(flags.tenants === undefined
      ? {}
      : { tenants: parseInteger(flags.tenants, "--tenants", 1, MAX_TENANTS) }),
    ...(flags.expectedCount === undefined
      ? {}
      : { expectedCount: parseInteger(flags.expectedCount, "--expected-count", 1, MAX_COUNT) }),
    ...(flags.workers === undefined
      ? {}
      : { workers: parseInteger(flags.workers, "--workers", 0, MAX_WORKERS) }),
  };
}

/**
 * `--no-cache`, `--cache-max` and the environment `ctsim cache` reads too (`CTSIM_CACHE_DIR`,
 * `XDG_CACHE_HOME`, `CTSIM_CACHE_MAX`): where snapshots go and how many bytes they may take.
 */
function cacheOptions(
  flags: ServeFlags,
  io: CliIo,
): Pick<MockServiceOptions, "cacheDir" | "cacheMaxBytes"> {
  if (!flags.cache) return { cacheDir: false };
  const cacheMaxBytes =
    flags.cacheMax === undefined
      ? defaultCacheMaxBytes(io.env)
      : parseByteSize(flags.cacheMax, "--cache-max");
  return { cacheDir: defaultCacheDir(io.env), cacheMaxBytes };
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
