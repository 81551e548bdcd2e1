import { signingEncode, signRequest } from "@ctsim/signer";
import { ContractError, ContractErrorCode } from "../contract-error.js";

/** How requests authenticate: AK/SK signing (`SDK-HMAC-SHA256`) or an IAM token. */
export type ProviderCredentials =
  | { readonly ak: string; readonly sk: string; readonly securityToken?: string }
  | { readonly token: string };

/** One request sent again after a 429 or 503 with `Retry-After`. */
export interface RetryNotice {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  /** The wait before sending it again, in ms. */
  readonly delayMs: number;
  /** 1 for the first retry of this request. */
  readonly attempt: number;
}

/** What a suite needs to talk to a provider. */
export interface CtsClientOptions {
  readonly baseUrl: string;
  readonly projectId: string;
  readonly credentials: ProviderCredentials | undefined;
  readonly fetch: typeof fetch;
  /** Clock for `X-Sdk-Date`, epoch ms. */
  readonly clock: () => number;
  /** Retries of a 429 or 503 with `Retry-After` (see {@link retryDelayMs}). */
  readonly maxRetries: number;
  readonly maxRetryDelayMs: number;
  readonly onRetry: ((retry: RetryNotice) => void) | undefined;
}

/** One request: a path below the base URL, a query, an optional JSON body. */
export interface CtsRequest {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** Use these credentials instead of the configured ones; `null` sends none. */
  readonly credentials?: ProviderCredentials | null;
  /** Shifts the signing time (to send a stale `X-Sdk-Date`). */
  readonly clockOffsetMs?: number;
  /** `X-Project-Id` to send; default the client's project id. */
  readonly projectHeader?: string;
  /**
   * What a tampering intermediary changes once the request is signed: another JSON body sent in
   * place of the signed one, and headers added outside `SignedHeaders`. Default: nothing.
   */
  readonly afterSigning?: {
    readonly body?: unknown;
    readonly headers?: Readonly<Record<string, string>>;
  };
}

/** A provider's answer: status, raw text and the parsed JSON (`undefined` if not JSON). */
export interface CtsResponse {
  readonly status: number;
  readonly text: string;
  readonly json: unknown;
  /** The `Retry-After` header, when there was one. */
  readonly retryAfter?: string;
}

/** A small HTTP client for CTS v3 paths under one project. */
export interface CtsClient {
  readonly projectId: string;
  /** Sends a request; throws {@link ContractError} (`CTSIM_CONTRACT_UNREACHABLE`) only when no answer came. */
  send(request: CtsRequest): Promise<CtsResponse>;
}

/** Builds the client the properties use; it signs every request it sends. */
export function createCtsClient(options: CtsClientOptions): CtsClient {
  const base = options.baseUrl.replace(/\/+$/, "");
  const fetchFn = options.fetch;
  return {
    projectId: options.projectId,
    async send(request) {
      // Each attempt is signed anew: a resent request carries a fresh X-Sdk-Date.
      for (let attempt = 1; ; attempt++) {
        const { url, response } = await sendOnce(request);
        const delayMs = attempt > options.maxRetries ? undefined : retryDelayMs(response, options);
        if (delayMs === undefined) return response;
        options.onRetry?.({
          method: request.method,
          url,
          status: response.status,
          delayMs,
          attempt,
        });
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    },
  };

  async function sendOnce(request: CtsRequest): Promise<{ url: string; response: CtsResponse }> {
    const url = `${base}${request.path}${queryString(request.query)}`;
    const signedBody = request.body === undefined ? undefined : JSON.stringify(request.body);
    let headers: Record<string, string> = {
      "Content-Type":
        signedBody === undefined ? "application/json" : "application/json;charset=UTF-8",
      "X-Project-Id": request.projectHeader ?? options.projectId,
    };
    const credentials =
      request.credentials === undefined ? options.credentials : request.credentials;
    if (credentials && "token" in credentials) headers["X-Auth-Token"] = credentials.token;
    if (credentials && "ak" in credentials) {
      const time = options.clock() + (request.clockOffsetMs ?? 0);
      const target = new URL(url);
      const signable = {
        method: request.method,
        rawPath: target.pathname,
        rawQuery: target.search.slice(1),
        headers,
        body: signedBody ?? "",
        host: target.host,
      };
      // The signer returns every header to send (its own added): X-Sdk-Date, Authorization and,
      // for temporary credentials, X-Security-Token.
      headers = signRequest(signable, { ...credentials, date: time });
    }
    const tampered = request.afterSigning;
    if (tampered?.headers) headers = { ...headers, ...tampered.headers };
    const body = tampered?.body === undefined ? signedBody : JSON.stringify(tampered.body);
    let response: Response;
    try {
      response = await fetchFn(url, {
        method: request.method,
        headers,
        ...(body ? { body } : {}),
      });
    } catch (cause) {
      throw new ContractError(
        ContractErrorCode.unreachable,
        `${request.method} ${url} got no answer (${String(cause)}); check the base URL and that the provider is running`,
        { cause },
      );
    }
    const text = await response.text();
    const retryAfter = response.headers.get("retry-after");
    return {
      url,
      response: {
        status: response.status,
        text,
        json: parseJson(text),
        ...(retryAfter === null ? {} : { retryAfter }),
      },
    };
  }
}

/**
 * How long to wait before sending again: a 429 or 503 whose `Retry-After` (seconds, or an HTTP
 * date) parses, capped at `maxRetryDelayMs`; `undefined` for any other answer (not retried).
 */
export function retryDelayMs(
  response: CtsResponse,
  options: Pick<CtsClientOptions, "maxRetryDelayMs" | "clock">,
): number | undefined {
  if ((response.status !== 429 && response.status !== 503) || response.retryAfter === undefined)
    return undefined;
  const value = response.retryAfter.trim();
  const ms = /^\d+$/.test(value)
    ? Number(value) * 1000
    : Number.isNaN(Date.parse(value))
      ? undefined
      : Math.max(0, Date.parse(value) - options.clock());
  return ms === undefined ? undefined : Math.min(ms, options.maxRetryDelayMs);
}

function queryString(query: Readonly<Record<string, string>> | undefined): string {
  if (!query) return "";
  const pairs = Object.entries(query).map(([k, v]) => `${signingEncode(k)}=${signingEncode(v)}`);
  return pairs.length === 0 ? "" : `?${pairs.join("&")}`;
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
