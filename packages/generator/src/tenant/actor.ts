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
  /** Addresses the actor usually calls from; the first is the usual one. */
  readonly ips: readonly string[];
  /** Permanent access key id (bots, some people), or `null`. */
  readonly accessKeyId: string | null;
}
