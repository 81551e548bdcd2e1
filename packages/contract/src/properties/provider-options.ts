import { TRACE_RETENTION_MS } from "@ctsim/catalog";
import { INVALID_QUERY_KINDS, type InvalidQueryKind } from "../arbitraries/list-traces-query.js";
import { ContractError, ContractErrorCode } from "../contract-error.js";
import type { ProviderCredentials, RetryNotice } from "../internal/cts-client.js";

/** A temporary (STS) AK/SK and the security token issued with it. */
export interface TemporaryCredentials {
  readonly ak: string;
  readonly sk: string;
  /** Sent as `X-Security-Token` (and signed). */
  readonly securityToken: string;
}

/** Another account the suite can look through: one of its projects and a credential for it. */
export interface ProviderAccount {
  /** A project of that account (never one of the account under test). */
  readonly projectId: string;
  /** AK/SK or token of that account, valid for `projectId`. */
  readonly credentials: ProviderCredentials;
}

/** The system under test: any CTS v3 endpoint, reached over HTTP. */
export interface ProviderOptions {
  /** Base URL of the provider, e.g. `http://127.0.0.1:9000` or `https://cts.cn-north-4.myhuaweicloud.com`. Required unless `fetch` is given (then default `http://cts.invalid`). */
  readonly baseUrl?: string;
  /** Project id in `/v3/{project_id}/…`. Default `"0123456789abcdef0123456789abcdef"`. */
  readonly projectId?: string;
  /** AK/SK (signed with `SDK-HMAC-SHA256`) or an IAM token; default none. With credentials, the suite also checks that bad ones get 401. */
  readonly credentials?: ProviderCredentials;
  /** The `fetch` to send requests with (an msw-patched fetch, an in-process app, a proxy). Default: `globalThis.fetch`. */
  readonly fetch?: typeof fetch;
  /** The suite's clock, epoch ms, for query windows and `X-Sdk-Date`. Default `Date.now`. */
  readonly clock?: () => number;
  /** Skip the properties that change trackers, notifications and tags (use against a real account). Default `false`. */
  readonly readOnly?: boolean;
  /** Most traces the reference walk collects; beyond, the window shrinks to the newest ones. Default 2000. */
  readonly maxTraces?: number;
  /** Most traces in the sub-windows paging properties walk. Default 40. */
  readonly pagingSpan?: number;
  /** Width of the reference window ending at `now − settleMs`. Default: 7 days − 1 hour. */
  readonly windowMs?: number;
  /** How far back from `now` the window ends, so late-recorded traces cannot change it. Default 5 minutes. */
  readonly settleMs?: number;
  /** Tolerated clock difference between the suite and the provider. Default 5 minutes. */
  readonly clockSkewMs?: number;
  /** Require `meta_data.count` to equal the page length (reference §1.2 wording conflict). Default `true`. */
  readonly checkMetaCount?: boolean;
  /** Invalid-query kinds expected to get 400. Default: all of `INVALID_QUERY_KINDS`. */
  readonly invalidQueryKinds?: readonly InvalidQueryKind[];
  /** Prefix of trackers and notifications the model properties create (and delete afterwards). Default `"ctsim-contract-"`. */
  readonly namePrefix?: string;
  /**
   * A valid temporary credential of the account under test. Default none; with it (and another
   * AK/SK the suite knows: `credentials`, `expiredCredentials` or `secondAccount`), the suite
   * checks that its security token works only with its own AK (`auth/token-wrong-ak`).
   */
  readonly temporaryCredentials?: TemporaryCredentials;
  /**
   * A temporary credential of the account under test that has already expired. Default none;
   * with it, the suite checks it is refused (`auth/expired-temporary`).
   */
  readonly expiredCredentials?: TemporaryCredentials;
  /**
   * A well-formed project id of another account, which `credentials` must not reach. Default
   * none: `auth/foreign-project` draws random 32-hex ids (foreign with overwhelming probability)
   * and uses `secondAccount`'s project.
   */
  readonly foreignProjectId?: string;
  /**
   * A second account, through which the suite checks that refused requests for its project
   * created nothing there. Default none (only the own project's state is watched).
   */
  readonly secondAccount?: ProviderAccount;
  /**
   * Fail the setup (`CTSIM_CONTRACT_EMPTY`) when the reference window holds no traces: against
   * an empty project most properties pass without checking anything. Default: false.
   */
  readonly requireTraces?: boolean;
  /**
   * How many times one request is sent again after a 429 or 503 that carries `Retry-After`
   * (waiting what it asks, at most `maxRetryDelayMs`); then its answer is the last one. Default: 3.
   */
  readonly maxRetries?: number;
  /** The longest wait for one `Retry-After`, in ms. Default: 10,000. */
  readonly maxRetryDelayMs?: number;
  /** Called before each retry, e.g. to count them in a report. Default: nothing. */
  readonly onRetry?: (retry: RetryNotice) => void;
}

/** {@link ProviderOptions} with every default filled in. */
export interface ResolvedProviderOptions {
  readonly baseUrl: string;
  readonly projectId: string;
  readonly credentials: ProviderCredentials | undefined;
  readonly fetch: typeof fetch;
  readonly clock: () => number;
  readonly readOnly: boolean;
  readonly maxTraces: number;
  readonly pagingSpan: number;
  readonly windowMs: number;
  readonly settleMs: number;
  readonly clockSkewMs: number;
  readonly checkMetaCount: boolean;
  readonly invalidQueryKinds: readonly InvalidQueryKind[];
  readonly namePrefix: string;
  readonly temporaryCredentials: TemporaryCredentials | undefined;
  readonly expiredCredentials: TemporaryCredentials | undefined;
  readonly foreignProjectId: string | undefined;
  readonly secondAccount: ProviderAccount | undefined;
  readonly requireTraces: boolean;
  readonly maxRetries: number;
  readonly maxRetryDelayMs: number;
  readonly onRetry: ((retry: RetryNotice) => void) | undefined;
}

/** Project id used when none is given. */
export const DEFAULT_PROJECT_ID = "0123456789abcdef0123456789abcdef";

/**
 * Fills the defaults of {@link ProviderOptions} and validates them once.
 *
 * @throws {ContractError} `CTSIM_CONTRACT_OPTIONS` when neither `baseUrl` nor `fetch` is given, the URL
 * does not parse, credentials are incomplete, a number is out of range, or the foreign project
 * or second account's project is the project under test.
 */
export function resolveProviderOptions(options: ProviderOptions): ResolvedProviderOptions {
  const fail = (message: string): never => {
    throw new ContractError(ContractErrorCode.options, message);
  };
  const baseUrl =
    options.baseUrl ??
    (options.fetch
      ? "http://cts.invalid"
      : fail("give the provider's baseUrl (or a fetch function)"));
  if (!URL.canParse(baseUrl))
    fail(
      `baseUrl ${JSON.stringify(baseUrl)} is not an absolute URL; write it like http://127.0.0.1:9000`,
    );
  const checkCredentials = (name: string, credentials: ProviderCredentials | undefined): void => {
    if (credentials && "ak" in credentials && (!credentials.ak || !credentials.sk))
      fail(`${name}: AK/SK credentials need both ak and sk`);
    if (credentials && "token" in credentials && !credentials.token)
      fail(`${name}: token credentials need a non-empty token`);
  };
  const checkTemporary = (name: string, temporary: TemporaryCredentials | undefined): void => {
    if (temporary && (!temporary.ak || !temporary.sk || !temporary.securityToken))
      fail(`${name} need ak, sk and securityToken`);
  };
  const credentials = options.credentials;
  checkCredentials("credentials", credentials);
  checkTemporary("temporaryCredentials", options.temporaryCredentials);
  checkTemporary("expiredCredentials", options.expiredCredentials);
  const projectId = options.projectId ?? DEFAULT_PROJECT_ID;
  const foreign = (name: string, id: string | undefined): void => {
    if (id === undefined) return;
    if (id === "") fail(`${name} must not be empty`);
    if (id === projectId)
      fail(`${name} ${id} is the project under test; give a project of another account`);
  };
  foreign("foreignProjectId", options.foreignProjectId);
  foreign("secondAccount.projectId", options.secondAccount?.projectId);
  if (options.secondAccount && !options.secondAccount.credentials)
    fail("secondAccount needs credentials for its project");
  checkCredentials("secondAccount.credentials", options.secondAccount?.credentials);
  const positive = (name: string, value: number | undefined, fallback: number): number => {
    const chosen = value ?? fallback;
    return Number.isInteger(chosen) && chosen > 0
      ? chosen
      : fail(`${name} must be a positive integer, got ${chosen}`);
  };
  const nonNegative = (name: string, value: number | undefined, fallback: number): number => {
    const chosen = value ?? fallback;
    return Number.isInteger(chosen) && chosen >= 0
      ? chosen
      : fail(`${name} must be a non-negative integer, got ${chosen}`);
  };
  // Late-bound, so a fetch patched after setup (msw's setupServer) is still used.
  const fetchFn: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return {
    baseUrl,
    projectId,
    credentials,
    fetch: fetchFn,
    clock: options.clock ?? Date.now,
    readOnly: options.readOnly ?? false,
    maxTraces: positive("maxTraces", options.maxTraces, 2000),
    pagingSpan: positive("pagingSpan", options.pagingSpan, 40),
    windowMs: Math.min(
      positive("windowMs", options.windowMs, TRACE_RETENTION_MS - 3_600_000),
      TRACE_RETENTION_MS - 3_600_000,
    ),
    settleMs: options.settleMs ?? 5 * 60_000,
    clockSkewMs: options.clockSkewMs ?? 5 * 60_000,
    checkMetaCount: options.checkMetaCount ?? true,
    invalidQueryKinds: options.invalidQueryKinds ?? INVALID_QUERY_KINDS,
    namePrefix: options.namePrefix ?? "ctsim-contract-",
    temporaryCredentials: options.temporaryCredentials,
    expiredCredentials: options.expiredCredentials,
    foreignProjectId: options.foreignProjectId,
    secondAccount: options.secondAccount,
    requireTraces: options.requireTraces ?? false,
    maxRetries: nonNegative("maxRetries", options.maxRetries, 3),
    maxRetryDelayMs: nonNegative("maxRetryDelayMs", options.maxRetryDelayMs, 10_000),
    onRetry: options.onRetry,
  };
}
