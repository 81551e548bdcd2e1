/** Authentication settings of the mock, and the one resolver that prepares them for lookups. */
import { hmacSha256Keyed } from "@ctsim/signer";

/** One accepted AK/SK pair; `securityToken` makes it a temporary (STS) credential. */
export interface AkSkCredential {
  readonly ak: string;
  readonly sk: string;
  /** When set, requests must carry this `X-Security-Token` and sign it. Default: none. */
  readonly securityToken?: string;
  /** Epoch ms from which the credential is refused (temporary credentials). Default: never. */
  readonly expiresAt?: number;
  /**
   * The account (domain id) the credential belongs to: it may use only that account's projects
   * and account-scoped routes. Default: none (any project the core serves).
   */
  readonly domainId?: string;
}

/** One accepted IAM token (`X-Auth-Token`). */
export interface TokenCredential {
  readonly token: string;
  /**
   * The project the token is scoped to, as IAM tokens are: the only project it may use (and
   * its account's account-scoped routes). Default: none (any project the core serves).
   */
  readonly projectId?: string;
  /** Epoch ms from which the token is refused. Default: never. */
  readonly expiresAt?: number;
}

/** Default accepted distance between `X-Sdk-Date` and the mock's clock: 15 minutes. */
export const DEFAULT_CLOCK_SKEW_MS = 15 * 60 * 1000;

/**
 * How the mock authenticates requests, like the API Gateway in front of CTS.
 *
 * - `none`: every request passes (principal `anonymous`).
 * - `token`: `X-Auth-Token` must equal one of `tokens` (principal `token:<index in tokens>`); a
 *   plain string is a token without scope or expiry.
 * - `aksk`: `Authorization: SDK-HMAC-SHA256 ...` must be signed with one of `credentials`
 *   (principal: the AK). `clockSkewMs` defaults to {@link DEFAULT_CLOCK_SKEW_MS}. When two
 *   credentials share an AK, the first one wins.
 *
 * @example { mode: "aksk", credentials: [{ ak: "AK", sk: "SK" }] }
 */
export type AuthOptions =
  | { mode: "none" }
  | { mode: "token"; tokens: readonly (string | TokenCredential)[] }
  | { mode: "aksk"; credentials: readonly AkSkCredential[]; clockSkewMs?: number };

/** A credential with its SK's HMAC state prepared. */
export interface ResolvedCredential {
  readonly credential: AkSkCredential;
  /** Hex HMAC-SHA256 of a string to sign under the credential's SK. */
  readonly sign: (stringToSign: string) => string;
}

/** AK/SK options ready for per-request lookups. */
export interface ResolvedAkSk {
  readonly byAccessKey: ReadonlyMap<string, ResolvedCredential>;
  readonly clockSkewMs: number;
}

const resolved = new WeakMap<object, ResolvedAkSk>();

/**
 * Fills defaults, indexes the credentials by AK and prepares each SK's HMAC state, once per
 * options object (cached), so `authenticate` costs one map lookup however many credentials
 * are configured. A negative or
 * non-finite `clockSkewMs` falls back to the default.
 */
export function resolveAkSkOptions(options: Extract<AuthOptions, { mode: "aksk" }>): ResolvedAkSk {
  const cached = resolved.get(options);
  if (cached !== undefined) return cached;
  const byAccessKey = new Map<string, ResolvedCredential>();
  for (const credential of options.credentials) {
    if (!byAccessKey.has(credential.ak)) {
      byAccessKey.set(credential.ak, { credential, sign: hmacSha256Keyed(credential.sk) });
    }
  }
  const skew = options.clockSkewMs;
  const result: ResolvedAkSk = {
    byAccessKey,
    clockSkewMs:
      skew !== undefined && Number.isFinite(skew) && skew >= 0 ? skew : DEFAULT_CLOCK_SKEW_MS,
  };
  resolved.set(options, result);
  return result;
}
