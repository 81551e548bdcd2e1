import { availableParallelism } from "node:os";
import type { AuthOptions } from "../auth/index.js";
import { createCtsCore } from "../core/cts-core.js";
import type { MockState } from "../core/mock-state.js";
import { createPrng, type Prng } from "../internal/prng.js";
import { MockError, MockErrorCode } from "../mock-error.js";
import { TraceStore } from "../store/trace-store.js";
import { type CachedLoad, loadStoreCached } from "./cached-store-load.js";
import { defaultLoadWorkers } from "./default-load-workers.js";
import { type CtsServer, startCtsServer } from "./start-cts-server.js";
import { checkStateFileWritable, readStateFile } from "./state-file.js";
import { StateFileWriter } from "./state-file-writer.js";

/** Authentication modes of the ready-made service. */
export const AUTH_MODES = ["none", "token", "aksk"] as const;
/** One authentication mode. */
export type AuthMode = (typeof AUTH_MODES)[number];

/** Options of {@link startMockService} (the options of `ctsim serve`). */
export interface MockServiceOptions {
  /** Interface to bind. Default: `127.0.0.1`. */
  readonly host?: string;
  /** Port; 0 picks a free one. Default: 9000. */
  readonly port?: number;
  /** Seed of the generated traces, ids and faults. Default: 1. */
  readonly seed?: number;
  /** Days of generated history before now, 1–7. Default: 7. */
  readonly days?: number;
  /** Authentication mode. Default: `none`. */
  readonly auth?: AuthMode;
  /** AK for `aksk` (with `sk`). Default: derived from the seed. */
  readonly ak?: string;
  /** SK for `aksk` (with `ak`). Default: derived from the seed. */
  readonly sk?: string;
  /** Token for `token`. Default: derived from the seed. */
  readonly token?: string;
  /** Project id to serve every generated trace under. Default: the generator's busiest project. */
  readonly projectId?: string;
  /** Fault spec (see `FAULT_SPEC_SYNTAX`). Default: none. */
  readonly faults?: string;
  /** Clock. Default: `Date.now`. */
  readonly now?: () => number;
  /** Tenants (accounts) generated, each with its own projects. Default: the generator's (1). */
  readonly tenants?: number;
  /**
   * About this many traces over the days, the newest reaching the clock (see
   * `GeneratedTracesOptions.count`). Default: the tenants' own rate.
   */
  readonly count?: number;
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
}

/** A running service: the server, what it serves, and the credentials it accepts. */
export interface MockService {
  readonly server: CtsServer;
  readonly projectId: string;
  readonly traceCount: number;
  readonly auth: AuthOptions;
  /** Where the traces came from (a snapshot or the generator) and the snapshot being written. */
  readonly load: CachedLoad;
  /** The state file, and what it held at start; `undefined` without `stateFile`. */
  readonly state: { readonly file: string; readonly restored: MockState | undefined } | undefined;
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
 * Credentials not given are derived from the seed, so restarts with the same seed accept the
 * same keys.
 *
 * The generated stretch ends at the next full hour (UTC): traces stamped after now become
 * visible as the clock reaches them (CTS, too, keeps receiving traces), and every start within
 * the same hour builds the same store, so it is loaded from a snapshot when one exists (see
 * `cacheDir`).
 *
 * @throws {MockError} `CTSIM_MOCK_INVALID_OPTION` for a bad option (e.g. `ak` without `sk`) or
 *   state file; `CTSIM_MOCK_STATE_FILE` when the state file's directory is not writable;
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
  const auth = authOptions(options, createPrng(seed ^ 0x0a0c_c355));
  const stateFile = options.stateFile;
  // A bad state file, or one that cannot be written, stops the start before the (long) load;
  // a bad one is never overwritten.
  const restored = stateFile === undefined ? undefined : readStateFile(stateFile);
  if (stateFile !== undefined) await checkStateFileWritable(stateFile);
  const now = options.now ?? Date.now;
  const store = new TraceStore({ now });
  const load = await loadStoreCached(store, {
    seed,
    days,
    end: Math.ceil(now() / HOUR) * HOUR,
    workers: options.workers ?? defaultLoadWorkers(options, availableParallelism()),
    ...(options.projectId === undefined ? {} : { projectId: options.projectId }),
    ...(options.tenants === undefined ? {} : { tenants: options.tenants }),
    ...(options.count === undefined ? {} : { count: options.count }),
    ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
  });
  const projectId = options.projectId ?? load.projects[0] ?? "0".repeat(32);
  const core = createCtsCore({
    store,
    now,
    seed,
    auth,
    ...(options.faults === undefined ? {} : { faults: options.faults }),
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
    ...(writer === undefined ? {} : { commitState: (project) => writer.commit(project) }),
  }).catch(async (error: unknown) => {
    await writer?.close();
    throw error;
  });
  const close = async (): Promise<void> => {
    await load.written;
    await server.close();
    await writer?.close();
  };
  const state = stateFile === undefined ? undefined : { file: stateFile, restored };
  return { server, projectId, traceCount: load.count, auth, load, state, close };
}

const HOUR = 3_600_000;

const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const ALNUM = `${UPPER_ALNUM}abcdefghijklmnopqrstuvwxyz`;

function draw(prng: Prng, alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[prng.int(alphabet.length)];
  return out;
}

function authOptions(options: MockServiceOptions, prng: Prng): AuthOptions {
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
  // Draw both so each credential depends only on the seed, whichever mode is chosen.
  const ak = draw(prng, UPPER_ALNUM, 20);
  const sk = draw(prng, ALNUM, 40);
  const token = `ctsim-${draw(prng, ALNUM, 40)}`;
  switch (mode) {
    case "none":
      return { mode };
    case "token":
      return { mode, tokens: [options.token ?? token] };
    case "aksk":
      return { mode, credentials: [{ ak: options.ak ?? ak, sk: options.sk ?? sk }] };
  }
}
