import type { AuthOptions } from "../auth/index.js";
import type { FaultOptions } from "../faults/fault-options.js";
import { parseFaultSpec } from "../faults/parse-fault-spec.js";
import { AccountDirectory } from "../gateway/account-directory.js";
import type { GatewayAccount } from "../gateway/gateway-account.js";
import { createPrng, randomHex32 } from "../internal/prng.js";
import { MockError, MockErrorCode } from "../mock-error.js";
import { TraceStore } from "../store/trace-store.js";
import { type CtsBehaviour, DEFAULT_BEHAVIOUR } from "./cts-behaviour.js";
import { obsNamesCode } from "./tracker-rules.js";

/** Options of {@link createCtsCore}. */
export interface CtsCoreOptions {
  /** The traces to serve. Default: an empty store on the core's clock. */
  readonly store?: TraceStore;
  /** Clock in epoch ms (query defaults, auth clock skew, create times). Default: `Date.now`. */
  readonly now?: () => number;
  /** Authentication. Default: `{ mode: "none" }`. */
  readonly auth?: AuthOptions;
  /**
   * The accounts served and their projects (e.g. `gatewayAccounts(tenantIdentities(…))`): a
   * request may name only their projects and account ids, a scoped credential only its own
   * account's (see `CtsBehaviour.outOfScope`), and trackers and notifications report the
   * project's account id. Default: none given, every project id is served as a project of one
   * implicit account whose id is derived from `seed`.
   */
  readonly accounts?: readonly GatewayAccount[];
  /** Region used in version links and notification URNs. Default: `cn-north-4`. */
  readonly region?: string;
  /** Seed of request ids, tracker/notification ids and faults. Default: 1. */
  readonly seed?: number;
  /** Faults per route, as options or a `--fault` spec string. Default: none. */
  readonly faults?: FaultOptions | string;
  /**
   * OBS buckets that exist, for CTS.0211/CTS.0215 and CheckObsBuckets. Default: undefined, meaning
   * every tracked bucket exists and no bucket CTS is asked to create does.
   */
  readonly buckets?: readonly string[];
  /** Choices for behaviour the reference leaves unconfirmed. Default: {@link DEFAULT_BEHAVIOUR}. */
  readonly behaviour?: Partial<CtsBehaviour>;
  /**
   * Called after every request that changed trackers, notifications, tags or the configuration
   * (a successful write), before its response is returned: e.g. to persist `exportState()`.
   * Must not throw. Default: none.
   */
  readonly onStateChange?: () => void;
  /**
   * OBS transfer the default system tracker of these projects starts with, as if configured
   * through UpdateTracker (e.g. `serve --obs-bucket`). Default: none (no transfer, as CTS's
   * default tracker).
   */
  readonly initialTransfer?: InitialTransfer;
}

/** A system tracker's OBS transfer set from the start: {@link CtsCoreOptions.initialTransfer}. */
export interface InitialTransfer {
  /** The projects whose system tracker transfers; all projects when absent. */
  readonly projectIds?: readonly string[];
  readonly bucketName: string;
  /** Default: `""`. */
  readonly filePrefixName?: string;
  /** `is_support_validate`: hourly signed digests. Default: false. */
  readonly validate?: boolean;
}

/** {@link CtsCoreOptions} with every default filled. */
export interface ResolvedCoreOptions {
  readonly store: TraceStore;
  readonly now: () => number;
  readonly auth: AuthOptions;
  /** Who owns which project (from `accounts`). */
  readonly directory: AccountDirectory;
  readonly region: string;
  readonly seed: number;
  readonly faults: FaultOptions;
  readonly buckets: ReadonlySet<string> | undefined;
  readonly behaviour: CtsBehaviour;
  readonly onStateChange: (() => void) | undefined;
  readonly initialTransfer: InitialTransfer | undefined;
}

/** Mixed into the seed for the implicit account's id (a stream of its own). */
const IMPLICIT_ACCOUNT_STREAM = 0x1d0e_a7c5;

/** Fills defaults and validates once. */
export function resolveCoreOptions(options: CtsCoreOptions): ResolvedCoreOptions {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) {
    throw new MockError(MockErrorCode.invalidOption, `seed ${seed} must be an integer`);
  }
  return {
    store: options.store ?? new TraceStore({ now }),
    now,
    auth: options.auth ?? { mode: "none" },
    directory: AccountDirectory.of(
      options.accounts,
      randomHex32(createPrng(seed ^ IMPLICIT_ACCOUNT_STREAM)),
    ),
    region: options.region ?? "cn-north-4",
    seed,
    faults:
      typeof options.faults === "string" ? parseFaultSpec(options.faults) : (options.faults ?? {}),
    buckets: options.buckets === undefined ? undefined : new Set(options.buckets),
    behaviour: { ...DEFAULT_BEHAVIOUR, ...options.behaviour },
    onStateChange: options.onStateChange,
    initialTransfer: checkedTransfer(options.initialTransfer),
  };
}

/** The initial transfer's names pass the checks UpdateTracker makes (CTS.0231, CTS.0218). */
function checkedTransfer(transfer: InitialTransfer | undefined): InitialTransfer | undefined {
  if (transfer === undefined) return undefined;
  const code = obsNamesCode(transfer.bucketName, transfer.filePrefixName ?? "", undefined);
  if (transfer.bucketName === "" || code !== undefined) {
    throw new MockError(
      MockErrorCode.invalidOption,
      `the initial transfer's bucket ${JSON.stringify(transfer.bucketName)} or file prefix ${JSON.stringify(transfer.filePrefixName ?? "")} is refused by CTS (${code ?? "empty bucket name"})`,
    );
  }
  return transfer;
}
