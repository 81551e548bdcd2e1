import { TRACE_RETENTION_MS } from "@ctsim/catalog";
import { INVALID_QUERY_KINDS, type InvalidQueryKind } from "../arbitraries/list-traces-query.js";
import { ContractError, ContractErrorCode } from "../contract-error.js";
import type { ProviderCredentials } from "../internal/cts-client.js";

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
}

/** Project id used when none is given. */
export const DEFAULT_PROJECT_ID = "0123456789abcdef0123456789abcdef";

/**
 * Fills the defaults of {@link ProviderOptions} and validates them once.
 *
 * @throws {ContractError} `CONTRACT_OPTIONS` when neither `baseUrl` nor `fetch` is given, the URL
 * does not parse, credentials are incomplete, or a number is out of range.
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
  const credentials = options.credentials;
  if (credentials && "ak" in credentials && (!credentials.ak || !credentials.sk))
    fail("AK/SK credentials need both ak and sk");
  if (credentials && "token" in credentials && !credentials.token)
    fail("token credentials need a non-empty token");
  const positive = (name: string, value: number | undefined, fallback: number): number => {
    const chosen = value ?? fallback;
    return Number.isInteger(chosen) && chosen > 0
      ? chosen
      : fail(`${name} must be a positive integer, got ${chosen}`);
  };
  // Late-bound, so a fetch patched after setup (msw's setupServer) is still used.
  const fetchFn: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return {
    baseUrl,
    projectId: options.projectId ?? DEFAULT_PROJECT_ID,
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
  };
}
