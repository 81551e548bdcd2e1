import type { KeyPolicy } from "./key-policy.js";

/**
 * Kinds of identity that appear in `user` (reference §2.2): console people (IAM users),
 * CI bots calling the API with a permanent AK/SK, federated (SSO) users, agency sessions
 * (assumed agencies with temporary AKs), the account's root user, and labeling-team workers
 * (who sign in to the labeling console with an email, not as IAM users).
 */
export const ACTOR_KINDS = ["console", "bot", "federated", "agency", "root", "worker"] as const;

/** One of {@link ACTOR_KINDS}. */
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** A stable identity of a tenant: the same id always carries the same name and domain. */
export interface Actor {
  readonly kind: ActorKind;
  /** `user.id`. */
  readonly id: string;
  /** `user.name` / `user.user_name` (JSON-safe: no quotes or backslashes). */
  readonly name: string;
  /** `user.principal_urn` (`""` for workers, who are not IAM principals). */
  readonly principalUrn: string;
  /** `user.principal_id`. */
  readonly principalId: string;
  /** Whether MFA is on for this person's console sign-ins. */
  readonly mfa: boolean;
  /** Where the actor calls from and with which clients (see {@link ActorNetwork}). */
  readonly net: ActorNetwork;
  /** How the permanent access key rotates (bots, some people), or `null` without one. */
  readonly keyPolicy: KeyPolicy | null;
  /** Agency sessions: the IAM user who assumed the agency (`user.OriginUser`). */
  readonly origin?: Actor;
}

/**
 * How an actor reaches the cloud: `office` people work from an office on weekdays and from home
 * or the VPN otherwise; `remote` people always from home or the VPN; `cloud` identities (CI
 * bots) from their runners' elastic IPs; `home` identities (labeling workers) from their own
 * broadband line.
 */
export type NetworkProfile = "office" | "remote" | "cloud" | "home";

/**
 * The addresses and clients of one identity, fixed when the tenant is built (derived from the
 * seed and the identity: nothing grows with the number of traces). Only the home line's address
 * changes, once per lease, as residential addresses do.
 */
export interface ActorNetwork {
  readonly profile: NetworkProfile;
  /** Office NAT addresses, the person's usual one first; for `cloud`, the runners' EIPs. */
  readonly fixed: readonly string[];
  /** The tenant's VPN egress address the person uses (`""` when none). */
  readonly vpn: string;
  /** CIDR blocks of the home line's ISP (empty when none). */
  readonly homeRanges: readonly string[];
  /** Hash key of the home line: its address is a function of the key and the lease number. */
  readonly homeKey: number;
  /** How long the home address lasts, ms (`0`: a static address). */
  readonly leaseMs: number;
  /** Index of the person's browser in `BROWSERS` (console user agent). */
  readonly browser: number;
  /** Days the person lags behind a browser release before updating (0..20). */
  readonly updateLagDays: number;
  /** `user_agent` of the identity's API calls (SDK, Terraform, CLI). */
  readonly apiAgent: string;
}
