import { GeneratorError, GeneratorErrorCode } from "../generator-error.js";
import { iamToken, secretKey, securityToken, temporaryAccessKey } from "../internal/access-keys.js";
import { Prng } from "../internal/prng.js";
import { STREAM } from "../internal/streams.js";
import type { Actor } from "../tenant/actor.js";
import { buildTenant } from "../tenant/build-tenant.js";
import { keyHolders } from "../tenant/key-holders.js";
import { accessKeyOf, type KeyPolicy, keyEpochAt, keyRotation } from "../tenant/key-policy.js";
import type { Tenant } from "../tenant/tenant.js";
import { DEFAULT_NOW } from "../timeline/timeline-config.js";
import type {
  PermanentCredential,
  ProjectToken,
  TemporaryCredential,
  TemporaryPrincipal,
  TenantIdentity,
} from "./tenant-identity.js";

const HOUR = 3_600_000;

/** Options of {@link tenantIdentities}: the timeline's tenant options and a clock. */
export interface IdentityOptions {
  /** The timeline's seed. Default: 1 (as `generateTraces`). */
  readonly seed?: number;
  /** Tenants (accounts). Default: 1 (as `generateTraces`). */
  readonly tenants?: number;
  /** IAM users per tenant. Default: 12 (as `generateTraces`). */
  readonly users?: number;
  /**
   * The clock, epoch ms: fresh temporary credentials and tokens are issued at `now`, expired
   * ones before it. Default: `Date.UTC(2025, 2, 1)` (as `generateTraces`).
   */
  readonly now?: number;
  /**
   * How long temporary credentials and tokens stay valid, ms: 900,000 to 86,400,000 (IAM's
   * range for STS credentials; IAM tokens last 24 hours). Default: 24 hours.
   */
  readonly lifetimeMs?: number;
}

/**
 * The identities behind a timeline's tenants: each tenant's account, its projects per region
 * and the credentials IAM would hold for it, so that a gateway accepting them and the traces
 * agree on every id. Pass the same `seed`, `tenants` and `users` as to `generateTraces`.
 *
 * Ids, names and permanent AKs are the tenant's own (the traces carry them); SKs, temporary
 * keys, security tokens and IAM tokens come from a PRNG stream of their own, so adding them
 * changed no trace. Permanent AKs rotate (see `KeyPolicy`): `permanent` lists each holder's key
 * current at `now`, then the keys that exist beside it at `now` (the next one, created hours
 * before its first use; the previous one, until its deletion). Expiry times depend on
 * `now` too. Fresh temporary credentials are
 * new sessions issued at `now` (a console session of the tenant's first person and a session
 * of each agency); the temporary AKs in traces belong to past sessions, long expired.
 *
 * @throws {GeneratorError} `CTSIM_GENERATOR_INVALID_OPTION` naming a bad option.
 * @example
 * const [tenant] = tenantIdentities({ seed: 7, now: Date.now() });
 * const { ak, sk } = tenant.permanent[0]; // signs requests for tenant.projects[0].projectId
 */
export function tenantIdentities(options: IdentityOptions = {}): TenantIdentity[] {
  const { seed, tenants, users, now, lifetimeMs } = resolve(options);
  return Array.from({ length: tenants }, (_, index) =>
    identityOf(buildTenant({ seed, index, users }), seed, now, lifetimeMs),
  );
}

function identityOf(tenant: Tenant, seed: number, now: number, lifetime: number): TenantIdentity {
  const rng = Prng.derive(seed, STREAM.credentials, tenant.index);
  const holders = keyHolders(tenant);
  const key = (actor: Actor, k: number): PermanentCredential => {
    const policy = actor.keyPolicy as KeyPolicy;
    return {
      userId: actor.id,
      userName: actor.name,
      ak: accessKeyOf(policy, k),
      sk: secretKey(Prng.derive(seed, STREAM.credentials, tenant.index, policy.hash, k)),
    };
  };
  // Each holder's key current at `now` first, then the other keys IAM holds at `now`: the
  // next one when created already (hours before its first use), the one it replaced until
  // its deletion (days after the rotation): see keyRotation.
  const epochs = holders.map((actor) => keyEpochAt(actor.keyPolicy as KeyPolicy, now));
  const permanent: PermanentCredential[] = holders.map((actor, i) =>
    key(actor, epochs[i] as number),
  );
  holders.forEach((actor, i) => {
    const policy = actor.keyPolicy as KeyPolicy;
    const k = epochs[i] as number;
    if (keyRotation(policy, k + 1).createAt <= now) permanent.push(key(actor, k + 1));
    if (keyRotation(policy, k).deleteAt > now) permanent.push(key(actor, k - 1));
  });
  const person = tenant.people[0] as Actor;
  const user: TemporaryPrincipal = { kind: "user", userId: person.id, userName: person.name };
  const temporary = (principal: TemporaryPrincipal, issuedAt: number): TemporaryCredential => ({
    principal,
    ak: temporaryAccessKey(rng),
    sk: secretKey(rng),
    securityToken: securityToken(rng),
    issuedAt,
    expiresAt: issuedAt + lifetime,
  });
  const token = (projectId: string, issuedAt: number): ProjectToken => ({
    projectId,
    userId: person.id,
    userName: person.name,
    token: iamToken(rng),
    issuedAt,
    expiresAt: issuedAt + lifetime,
  });
  // Expired an hour before the clock: refused, whatever the clock skew allowed for signatures.
  const expiredAt = now - lifetime - HOUR;
  const projects = tenant.regions.map((region) => ({
    region: region.info.name,
    projectId: region.projectId,
  }));
  return {
    index: tenant.index,
    domainId: tenant.domainId,
    domainName: tenant.domainName,
    projects,
    permanent,
    temporary: [
      temporary(user, now),
      ...tenant.agencies.map((agency) => temporary(agencyPrincipal(agency), now)),
      temporary(user, expiredAt),
    ],
    tokens: [
      ...projects.map((project) => token(project.projectId, now)),
      token(projects[0]?.projectId as string, expiredAt),
    ],
  };
}

/** An agency session's actor is named `<agency>/<session>`, its principal id `<agency id>:<session>`. */
function agencyPrincipal(agency: Actor): TemporaryPrincipal {
  const slash = agency.name.indexOf("/");
  return {
    kind: "agency",
    agencyId: agency.principalId.slice(0, agency.principalId.indexOf(":")),
    agencyName: agency.name.slice(0, slash),
    sessionName: agency.name.slice(slash + 1),
  };
}

function resolve(options: IdentityOptions): Required<IdentityOptions> {
  const seed = options.seed ?? 1;
  const tenants = options.tenants ?? 1;
  const users = options.users ?? 12;
  const now = options.now ?? DEFAULT_NOW;
  const lifetimeMs = options.lifetimeMs ?? 24 * HOUR;
  if (!Number.isSafeInteger(seed)) bad("seed", seed, "an integer");
  if (!Number.isSafeInteger(tenants) || tenants < 1 || tenants > 10_000) {
    bad("tenants", tenants, "an integer from 1 to 10000");
  }
  if (!Number.isSafeInteger(users) || users < 1 || users > 10_000) {
    bad("users", users, "an integer from 1 to 10000");
  }
  if (!Number.isFinite(now)) bad("now", now, "epoch milliseconds");
  if (!(lifetimeMs >= 15 * 60_000 && lifetimeMs <= 24 * HOUR)) {
    bad("lifetimeMs", lifetimeMs, "from 900000 (15 minutes) to 86400000 (24 hours)");
  }
  return { seed, tenants, users, now, lifetimeMs };
}

function bad(name: string, value: unknown, expected: string): never {
  throw new GeneratorError(
    GeneratorErrorCode.invalidOption,
    `Invalid identity option ${name}: ${String(value)}. Expected ${expected}.`,
  );
}
