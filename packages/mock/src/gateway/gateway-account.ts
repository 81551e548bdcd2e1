/** A project of an account, in one region. */
export interface GatewayProject {
  /** The project id: the `{project_id}` of API paths and the `project_id` of traces. */
  readonly projectId: string;
  /** Region code, e.g. `cn-north-4`. Default: unknown (not reported). */
  readonly region?: string;
}

/**
 * An account (IAM domain) the mock serves: its id, as trackers and notifications report it and
 * account-scoped routes (`/v3/{domain_id}/…`) take it, and its projects.
 *
 * @example { domainId: "0d1c2b3a49586776f5e4d3c2b1a09f8e", projects: [{ projectId: "5b4a…", region: "cn-north-4" }] }
 */
export interface GatewayAccount {
  readonly domainId: string;
  /** Account name. Default: unknown (not reported). */
  readonly domainName?: string;
  readonly projects: readonly GatewayProject[];
}
