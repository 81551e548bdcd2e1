import type { TenantIdentity } from "@ctsim/generator";
import type { AkSkCredential, AuthOptions, TokenCredential } from "../auth/auth-options.js";
import type { GatewayAccount } from "./gateway-account.js";

/** How the gateway authenticates: no credentials, IAM tokens, or AK/SK signatures. */
export const AUTH_MODES = ["none", "token", "aksk"] as const;
/** One of {@link AUTH_MODES}. */
export type AuthMode = (typeof AUTH_MODES)[number];

/** Options of {@link identityGateway}. */
export interface IdentityGatewayOptions {
  /** The tenants (e.g. `tenantIdentities(…)` of the generator, with the timeline's options). */
  readonly identities: readonly TenantIdentity[];
  /** Which of their credentials are accepted. Default: `aksk`. */
  readonly auth?: AuthMode;
  /** Accepted distance of `X-Sdk-Date` from the clock (`aksk`). Default: 15 minutes. */
  readonly clockSkewMs?: number;
}

/** Core options that make a gateway of a set of identities. */
export interface IdentityGateway {
  /** Every tenant's account and projects. */
  readonly accounts: readonly GatewayAccount[];
  /**
   * `aksk`: every tenant's permanent and temporary AK/SKs, each scoped to its account, the
   * temporary ones with their security token and expiry; `token`: every tenant's IAM tokens,
   * each scoped to its project, with its expiry; `none`: no credentials.
   */
  readonly auth: AuthOptions;
}

/**
 * The accounts and credentials of `identities`, as `createCtsCore`, `createCtsHandlers` and
 * `startCtsServer` take them (`{ ...identityGateway(…), store }`): each credential may use only
 * its own tenant's projects, and trackers report the tenant's account id, the one its traces
 * carry.
 *
 * @example
 * const identities = tenantIdentities({ seed: 7, now: Date.now() });
 * loadGeneratedTraces(store, { seed: 7 });
 * const core = createCtsCore({ store, ...identityGateway({ identities, auth: "aksk" }) });
 */
export function identityGateway(options: IdentityGatewayOptions): IdentityGateway {
  const { identities } = options;
  const mode = options.auth ?? "aksk";
  const accounts = identities.map(
    (identity): GatewayAccount => ({
      domainId: identity.domainId,
      domainName: identity.domainName,
      projects: identity.projects.map((project) => ({
        projectId: project.projectId,
        region: project.region,
      })),
    }),
  );
  if (mode === "none") return { accounts, auth: { mode } };
  if (mode === "token") {
    const tokens = identities.flatMap((identity) =>
      identity.tokens.map(
        (token): TokenCredential => ({
          token: token.token,
          projectId: token.projectId,
          expiresAt: token.expiresAt,
        }),
      ),
    );
    return { accounts, auth: { mode, tokens } };
  }
  const credentials = identities.flatMap((identity): AkSkCredential[] => [
    ...identity.permanent.map((key) => ({ ak: key.ak, sk: key.sk, domainId: identity.domainId })),
    ...identity.temporary.map((key) => ({
      ak: key.ak,
      sk: key.sk,
      securityToken: key.securityToken,
      expiresAt: key.expiresAt,
      domainId: identity.domainId,
    })),
  ]);
  return {
    accounts,
    auth: {
      mode,
      credentials,
      ...(options.clockSkewMs === undefined ? {} : { clockSkewMs: options.clockSkewMs }),
    },
  };
}
