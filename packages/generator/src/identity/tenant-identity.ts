/** A region of an account and the IAM project CTS files its traces under there. */
export interface ProjectIdentity {
  /** Region code, e.g. `cn-north-4`. */
  readonly region: string;
  /** Project id (32 hex digits): the `project_id` of the region's traces and API paths. */
  readonly projectId: string;
}

/** A permanent access key of an IAM user: the AK its API traces carry in `user.access_key_id`. */
export interface PermanentCredential {
  /** `user.id` of the key's owner. */
  readonly userId: string;
  /** `user.name` of the key's owner. */
  readonly userName: string;
  /** Access key id, as the traces carry it. */
  readonly ak: string;
  /** Secret access key (40 characters); never in traces. */
  readonly sk: string;
}

/** Who a temporary credential was issued to: an IAM user's session, or an agency session. */
export type TemporaryPrincipal =
  | {
      readonly kind: "user";
      /** `user.id` of the session's user. */
      readonly userId: string;
      /** `user.name` of the session's user. */
      readonly userName: string;
    }
  | {
      readonly kind: "agency";
      /** Id of the agency (the first part of its traces' `principal_id`). */
      readonly agencyId: string;
      /** Name of the agency, as in its traces' `sts::…:assumed-agency:<agency>/<session>`. */
      readonly agencyName: string;
      /** Session name: the user who assumed the agency. */
      readonly sessionName: string;
    };

/**
 * A temporary (STS) AK/SK with its security token, valid from `issuedAt` until `expiresAt`
 * (epoch ms): requests signed with it must carry the token in `X-Security-Token`.
 */
export interface TemporaryCredential {
  readonly principal: TemporaryPrincipal;
  /** Temporary access key id (`HSTA…`, 20 characters). */
  readonly ak: string;
  /** Its secret access key. */
  readonly sk: string;
  /** The security token to send with it. */
  readonly securityToken: string;
  /** When it was issued, epoch ms. */
  readonly issuedAt: number;
  /** When it stops being accepted, epoch ms. */
  readonly expiresAt: number;
}

/** An IAM token (`X-Auth-Token`) of a user, scoped to one project as IAM tokens are. */
export interface ProjectToken {
  /** The project the token is scoped to. */
  readonly projectId: string;
  /** `user.id` of the token's user. */
  readonly userId: string;
  /** `user.name` of the token's user. */
  readonly userName: string;
  /** The token. */
  readonly token: string;
  /** When it was issued, epoch ms. */
  readonly issuedAt: number;
  /** When it stops being accepted, epoch ms. */
  readonly expiresAt: number;
}

/**
 * One tenant's identity as Huawei Cloud's IAM would hold it: the account (domain), its projects
 * per region, and the credentials its users and agencies hold. Ids and AKs are the ones the
 * tenant's traces carry; secrets never appear in traces.
 */
export interface TenantIdentity {
  /** Index of the tenant in the timeline (0-based). */
  readonly index: number;
  /** Account id: the traces' `user.domain.id` and `user.account_id`. */
  readonly domainId: string;
  /** Account name: the traces' `user.domain.name`. */
  readonly domainName: string;
  /** Projects per region, home region first. */
  readonly projects: readonly ProjectIdentity[];
  /** Permanent AK/SKs: every CI bot's and those of the people who hold one. */
  readonly permanent: readonly PermanentCredential[];
  /** Temporary credentials: fresh ones first, then at least one that has already expired. */
  readonly temporary: readonly TemporaryCredential[];
  /** IAM tokens: a fresh one per project, then one that has already expired. */
  readonly tokens: readonly ProjectToken[];
}
