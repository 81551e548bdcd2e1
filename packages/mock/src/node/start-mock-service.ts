import { availableParallelism } from "node:os";
import type { AnomalyLabel, ScenarioName, TenantIdentity } from "@ctsim/generator";
import type { AuthOptions } from "../auth/index.js";
import { createCtsCore } from "../core/cts-core.js";
import type { InitialTransfer } from "../core/cts-core-options.js";
import type { MockState } from "../core/mock-state-data.js";
import { credentialsDocument } from "../gateway/credentials-document.js";
import { type AuthMode, identityGateway } from "../gateway/identity-gateway.js";
import type { IngestionDelayModel } from "../live/ingestion-delay.js";
import { liveClock } from "../live/live-clock.js";
import { type LiveRun, runLive } from "../live/live-runner.js";
import { type LiveHook, LiveSource } from "../live/live-source.js";
import { MockError, MockErrorCode } from "../mock-error.js";
import { TraceStore } from "../store/trace-store.js";
import { type CachedLoad, loadStoreCached } from "./cached-store-load.js";
import { writeCredentialsFile } from "./credentials-file.js";
import { defaultLoadWorkers } from "./default-load-workers.js";
import { projectLabels, servedLabels } from "./project-labels.js";
import { serviceIdentities } from "./service-identities.js";
import type { SiteHandler } from "./site-handler.js";
import { type CtsServer, type CtsServerOptions, startCtsServer } from "./start-cts-server.js";
import { checkStateFileWritable, readStateFile } from "./state-file.js";
import { StateFileWriter } from "./state-file-writer.js";
import { probeWritable } from "./write-durably.js";

/** Options of {@link startMockService} (the options of `ctsim serve`). */
export interface MockServiceOptions extends Pick<CtsServerOptions, "documents"> {
  /** Interface to bind. Default: `127.0.0.1`. */
  readonly host?: string;
  /** Port; 0 picks a free one. Default: 9000. */
  readonly port?: number;
  /** Seed of the generated traces, identities, ids and faults. Default: 1. */
  readonly seed?: number;
  /** Days of generated history before now, 1–7. Default: 7. */
  readonly days?: number;
  /**
   * Authentication mode: every tenant's credentials of that kind are accepted, each for its own
   * tenant's projects only (see `identityGateway`); with `none`, only the tenants' projects
   * are served. Default: `none`.
   */
  readonly auth?: AuthMode;
  /**
   * An extra permanent AK for `aksk` (with `sk`): a second key of the first tenant's first key
   * holder. Default: none (the tenants' generated keys are accepted).
   */
  readonly ak?: string;
  /** Its SK (with `ak`). */
  readonly sk?: string;
  /** An extra token for `token`, scoped to the first tenant's first project. Default: none. */
  readonly token?: string;
  /**
   * Project id to serve every generated trace under; it replaces the first tenant's first
   * project id. Default: the generator's ids.
   */
  readonly projectId?: string;
  /** Fault spec (see `FAULT_SPEC_SYNTAX`). Default: none. */
  readonly faults?: string;
  /** Clock. Default: `Date.now`. */
  readonly now?: () => number;
  /** Tenants (accounts) generated, each with its own projects. Default: the generator's (1). */
  readonly tenants?: number;
  /**
   * About this many traces over the days, the newest reaching the clock (see
   * `GeneratedTracesOptions.expectedCount`). Default: the tenants' own rate.
   */
  readonly expectedCount?: number;
  /**
   * ModelArts traces only: no IAM sign-ins, no OBS traces and so no data trackers (see
   * `GeneratedTracesOptions.modelartsOnly`). Default: false.
   */
  readonly modelartsOnly?: boolean;
  /**
   * Labelled scenarios injected into the generated history (see the generator's `scenarios`),
   * as `ctsim generate --scenario` injects them; their ground truth is `MockService.labels`.
   * Part of the snapshot key. Default: none.
   */
  readonly scenarios?: readonly ScenarioName[];
  /**
   * Worker threads generating the traces (0: on the main thread). Default: for a load of 90,000
   * traces or more (`count`, or ~3,700 a week per tenant), one worker per core but one, at least
   * 2 and at most 8, on 2 cores or more; else 0 (see `defaultLoadWorkers`).
   */
  readonly workers?: number;
  /**
   * Directory of store snapshots, or `false` for none. Default: `$CTSIM_CACHE_DIR` (`off`
   * disables), else `$XDG_CACHE_HOME/ctsim/mock`, else `~/.cache/ctsim/mock`. Only stores of
   * 50,000 traces or more are written.
   */
  readonly cacheDir?: string | false;
  /**
   * Most bytes of snapshots in `cacheDir`: the least recently used (written or loaded) are
   * evicted to make room for a new one, and one larger than the limit is not written; 0 writes
   * none (existing ones are still read). Default: `$CTSIM_CACHE_MAX`, else 4 GiB (see
   * `DEFAULT_CACHE_MAX_BYTES`).
   */
  readonly cacheMaxBytes?: number;
  /**
   * Told when the store's snapshot cannot be written (full disk, no permission); the service
   * runs all the same. Default: ignored (only the next start is slower).
   */
  readonly onCacheError?: (error: Error) => void;
  /**
   * A JSON file that keeps the trackers, notifications, tags and configuration set through the
   * API across restarts, as CTS keeps them: read at start with its journal (a missing file is
   * an empty state); every successful write is on disk before it is answered (see
   * `StateFileWriter`). Default: none (they live in memory).
   */
  readonly stateFile?: string;
  /**
   * Told of each failed write of `stateFile` (its changes were answered 500 `CTS.0004`); the
   * service keeps running. Default: a process warning.
   */
  readonly onStateError?: (error: Error) => void;
  /**
   * A JSON file to write, once listening and before resolving, with the endpoint and every
   * tenant's ids and accepted credentials (see `CredentialsDocument`), whole or not at all.
   * Default: none.
   */
  readonly credentialsFile?: string;
  /**
   * Live mode: the seeded timeline keeps going from the start, in real time or `speed` times
   * faster, each trace visible after its ingestion delay (see `LiveSource`); the store's clock
   * becomes the simulated one. Not with `expectedCount`. Default: off (a fixed history).
   */
  readonly live?: LiveServiceOptions;
  /** Answers requests outside the CTS API before the gateway (see `CtsServerOptions.site`). Default: none. */
  readonly site?: SiteHandler;
  /**
   * OBS transfer the first tenant's system trackers start with, as if set through UpdateTracker
   * (`serve --obs-bucket`); a state file's trackers take precedence. Default: none.
   */
  readonly transfer?: Omit<InitialTransfer, "projectIds">;
}

/** Options of live mode (`MockServiceOptions.live`). */
export interface LiveServiceOptions {
  /** How many times faster than real time the tenant lives. Default: 1. */
  readonly speed?: number;
  /**
   * The simulated clock (epoch ms), e.g. one a test moves by hand; it must not go backwards.
   * Default: `liveClock` from the start instant at `speed`.
   */
  readonly clock?: () => number;
  /** Real milliseconds between steps of the live source. Default: 50. */
  readonly tickMs?: number;
  /** The ingestion delay model. Default: `DEFAULT_INGESTION_DELAY`. */
  readonly delay?: Partial<IngestionDelayModel>;
  /** Told when a live hook's listener throws. Default: a process warning. */
  readonly onListenerError?: (error: unknown, hook: LiveHook) => void;
  /**
   * The timeline waits for `MockService.startLive()`, so that listeners connected after the
   * service resolved miss no trace. Default: false (it starts once the store is ready).
   */
  readonly deferStart?: boolean;
}

/** A running service: the server, what it serves, and the credentials it accepts. */
export interface MockService {
  readonly server: CtsServer;
  /** The first tenant's first (home) project. */
  readonly projectId: string;
  readonly traceCount: number;
  /** The tenants served: accounts, projects and credentials (all kinds, whatever the mode). */
  readonly identities: readonly TenantIdentity[];
  /** What the gateway accepts (the mode and the credentials of that kind). */
  readonly auth: AuthOptions;
  /** Where the traces came from (a snapshot or the generator) and the snapshot being written. */
  readonly load: CachedLoad;
  /**
   * The ground truth of the `scenarios` in the stored history (one `AnomalyLabel` per
   * occurrence, by first trace time), every tenant's; empty without scenarios. In live mode it
   * grows: each occurrence the live timeline labels is added as it is produced.
   */
  readonly labels: readonly AnomalyLabel[];
  /**
   * The `labels` a reader of `projectId` may see: its account's occurrences with a trace the
   * project lists now (see `projectLabels`); empty for a project no tenant has.
   */
  labelsOf(projectId: string): readonly AnomalyLabel[];
  /** The state file, and what it held at start; `undefined` without `stateFile`. */
  readonly state: { readonly file: string; readonly restored: MockState | undefined } | undefined;
  /** The live source in live mode (its hooks: `onProduced`, `onVisible`, `onAdvance`). */
  readonly live: LiveSource | undefined;
  /** The store's clock (epoch ms): the simulated one in live mode. */
  readonly now: () => number;
  /** Lets a live timeline with `deferStart` begin (idempotent; nothing otherwise). */
  startLive(): void;
  /**
   * Stops the server (after a snapshot still being written is finished), then folds the state
   * file's journal into it.
   *
   * @throws {MockError} `CTSIM_MOCK_STATE_FILE` when changes are left unsaved, naming them.
   */
  close(): Promise<void>;
}

/**
 * Starts CTS as a service with a seeded week of ModelArts traces: what `ctsim serve` runs.
 * The tenants' accounts, projects and credentials come from the generator's
 * `tenantIdentities` (same seed and tenants as the traces), so restarts with the same seed
 * accept the same keys; temporary credentials and tokens are issued at start and last 24 hours.
 *
 * The generated stretch ends at the next full hour (UTC): traces stamped after now become
 * visible as the clock reaches them (CTS, too, keeps receiving traces), and every start within
 * the same hour builds the same store, so it is loaded from a snapshot when one exists (see
 * `cacheDir`).
 *
 * @throws {MockError} `CTSIM_MOCK_INVALID_OPTION` for a bad option (e.g. `ak` without `sk`) or
 *   state file; `CTSIM_MOCK_STATE_FILE` when the state file's directory is not writable;
 *   `CTSIM_MOCK_CREDENTIALS_FILE` when the credentials file cannot be written;
 *   `CTSIM_MOCK_SERVER` when the port is taken.
 * @example
 * const service = await startMockService({ auth: "aksk", port: 0 });
 * console.log(service.server.url, service.projectId, service.auth);
 */
export async function startMockService(options: MockServiceOptions = {}): Promise<MockService> {
  const seed = options.seed ?? 1;
  const days = options.days ?? 7;
  if (!Number.isFinite(days) || days <= 0 || days > 7) {
    throw new MockError(
      MockErrorCode.invalidOption,
      `days ${days} must be more than 0 and at most 7 (CTS keeps 7 days)`,
    );
  }
  const mode = authMode(options);
  const liveOptions = options.live;
  if (liveOptions !== undefined) checkLiveOptions(options, liveOptions);
  const now =
    liveOptions === undefined
      ? (options.now ?? Date.now)
      : (liveOptions.clock ??
        liveClock({ start: (options.now ?? Date.now)(), speed: liveOptions.speed ?? 1 }));
  const start = now();
  const identities = serviceIdentities({
    seed,
    tenants: options.tenants ?? 1,
    now: start,
    ...pick(options, "projectId", "ak", "sk", "token"),
  });
  const gateway = identityGateway({ identities, auth: mode });
  const stateFile = options.stateFile;
  // A bad state file, or one that cannot be written, stops the start before the (long) load;
  // a bad one is never overwritten.
  const restored = stateFile === undefined ? undefined : readStateFile(stateFile);
  if (stateFile !== undefined) await checkStateFileWritable(stateFile);
  const credentialsFile = options.credentialsFile;
  if (credentialsFile !== undefined) await probeCredentialsFile(credentialsFile);
  const store = new TraceStore({ now });
  const end = Math.ceil(start / HOUR) * HOUR;
  const anchor = serviceAnchor(days, options.expectedCount, options.scenarios);
  const load = await loadStoreCached(store, {
    seed,
    days,
    end,
    anchor,
    workers: options.workers ?? defaultLoadWorkers(options, availableParallelism()),
    ...(options.projectId === undefined ? {} : { projectId: options.projectId }),
    ...(options.tenants === undefined ? {} : { tenants: options.tenants }),
    ...(options.expectedCount === undefined ? {} : { expectedCount: options.expectedCount }),
    ...pick(options, "cacheDir", "cacheMaxBytes", "onCacheError"),
    ...(options.modelartsOnly === true ? { modelartsOnly: true } : {}),
    ...(options.scenarios === undefined ? {} : { scenarios: options.scenarios }),
  });
  const projectId = identities[0]?.projects[0]?.projectId as string;
  const labels = servedLabels(load.labels);
  // Hides the stored traces stamped from the start on, before the server answers anything.
  const live =
    liveOptions === undefined
      ? undefined
      : new LiveSource({
          store,
          seed,
          days,
          start,
          end,
          anchor,
          ...pick(options, "projectId", "tenants", "modelartsOnly", "scenarios"),
          ...(liveOptions.delay === undefined ? {} : { delay: liveOptions.delay }),
          ...(options.scenarios === undefined ? {} : { onLabel: (label) => labels.add(label) }),
          onListenerError:
            liveOptions.onListenerError ??
            ((error, hook) =>
              process.emitWarning(`live ${hook} listener failed: ${(error as Error).message}`)),
        });
  const core = createCtsCore({
    store,
    now,
    seed,
    ...gateway,
    ...(options.faults === undefined ? {} : { faults: options.faults }),
    ...(options.transfer === undefined
      ? {}
      : {
          initialTransfer: {
            ...options.transfer,
            projectIds: (identities[0]?.projects ?? []).map((project) => project.projectId),
          },
        }),
  });
  if (restored !== undefined) core.importState(restored);
  const onError =
    options.onStateError ??
    ((error: Error) => process.emitWarning(`cannot write the state file: ${error.message}`));
  const writer =
    stateFile === undefined
      ? undefined
      : await StateFileWriter.open(stateFile, () => core.exportState(), { onError });
  const server = await startCtsServer({
    core,
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 9000,
    ...(options.site === undefined ? {} : { site: options.site }),
    ...(writer === undefined ? {} : { commitState: (project) => writer.commit(project) }),
    ...(options.documents === undefined ? {} : { documents: options.documents }),
  }).catch(async (error: unknown) => {
    await writer?.close();
    throw error;
  });
  let run: LiveRun | undefined;
  let startLive = (): void => {};
  const released =
    liveOptions?.deferStart === true
      ? new Promise<void>((resolve) => {
          startLive = resolve;
        })
      : undefined;
  // A snapshot being written holds views of the store: live traces wait until it is done.
  const liveStarted =
    live === undefined
      ? Promise.resolve()
      : Promise.all([load.written, released]).then(() => {
          const tickMs = liveOptions?.tickMs;
          if (!closing) run = runLive(live, { now, ...(tickMs === undefined ? {} : { tickMs }) });
        });
  let closing = false;
  const close = async (): Promise<void> => {
    closing = true;
    run?.stop();
    startLive();
    await liveStarted;
    run?.stop();
    await load.written;
    await server.close();
    await writer?.close();
  };
  if (credentialsFile !== undefined) {
    const document = credentialsDocument({ endpoint: server.url, auth: mode, identities });
    await writeCredentialsFile(credentialsFile, document).catch(async (error: unknown) => {
      await close();
      throw error;
    });
  }
  const state = stateFile === undefined ? undefined : { file: stateFile, restored };
  const { auth } = gateway;
  return {
    server,
    projectId,
    traceCount: load.count,
    identities,
    auth,
    load,
    labels: labels.list,
    labelsOf: (id) => projectLabels(labels.list, identities, store, id),
    state,
    live,
    now,
    startLive: () => startLive(),
    close,
  };
}

const HOUR = 3_600_000;

/**
 * The service's history is cut from a run anchored at the UTC midnight before it (`day`, see
 * `GeneratedTracesOptions.anchor`), so a start in a later hour of the same day derives its store
 * from the snapshot of an earlier one; unless a shorter stretch has an expected count, whose
 * rate must fit that very stretch (the week's curve makes every window of under 7 days differ),
 * or scenarios are injected (their labels are the window's run's, as `ctsim generate` gives).
 */
function serviceAnchor(
  days: number,
  expectedCount: number | undefined,
  scenarios: readonly ScenarioName[] | undefined,
): "day" | "window" {
  if ((scenarios?.length ?? 0) > 0) return "window";
  return days === 7 || expectedCount === undefined ? "day" : "window";
}

/** Live mode's options make sense with the others. */
function checkLiveOptions(options: MockServiceOptions, live: LiveServiceOptions): void {
  const speed = live.speed ?? 1;
  if (!Number.isFinite(speed) || speed <= 0) {
    throw new MockError(MockErrorCode.invalidOption, `live speed ${speed} must be more than 0`);
  }
  if (options.expectedCount !== undefined) {
    // The live part must continue the history's run, whose rate an expected count sets for its
    // window only (the generator has no open-ended equivalent yet).
    throw new MockError(
      MockErrorCode.invalidOption,
      "live mode cannot continue an --expected-count history; use --tenants to scale it",
    );
  }
}

/** The mode, after checking that the credential flags go with it. */
function authMode(options: MockServiceOptions): AuthMode {
  const mode = options.auth ?? "none";
  if ((options.ak === undefined) !== (options.sk === undefined)) {
    throw new MockError(
      MockErrorCode.invalidOption,
      "give --ak and --sk together, or neither to get generated ones",
    );
  }
  if (mode !== "aksk" && options.ak !== undefined) {
    throw new MockError(MockErrorCode.invalidOption, "--ak/--sk need --auth aksk");
  }
  if (mode !== "token" && options.token !== undefined) {
    throw new MockError(MockErrorCode.invalidOption, "--token needs --auth token");
  }
  return mode;
}

/** The credentials file can be written where it is: checked before the (long) load. */
async function probeCredentialsFile(path: string): Promise<void> {
  try {
    await probeWritable(path);
  } catch (error) {
    throw new MockError(
      MockErrorCode.credentialsFile,
      `credentials file ${path}: cannot write it (${(error as Error).message})`,
      { cause: error },
    );
  }
}

/** The named options that are set. */
function pick<K extends keyof MockServiceOptions>(
  options: MockServiceOptions,
  ...names: K[]
): Partial<Pick<MockServiceOptions, K>> {
  const picked: Partial<Pick<MockServiceOptions, K>> = {};
  for (const name of names) if (options[name] !== undefined) picked[name] = options[name];
  return picked;
}
