import type { Actor } from "./actor.js";
import type { RegionInfo } from "./regions.js";
import type { TenantNetwork } from "./tenant-network.js";
import type { TraceScope } from "./trace-scope.js";

/** A region a tenant uses, with its project. */
export interface TenantRegion {
  readonly info: RegionInfo;
  /** IAM project id of the region's default project (32 hex digits). */
  readonly projectId: string;
  /** What the traces in this region share (project, domain, region, URL prefix). */
  readonly scope: TraceScope;
}

/** One account (domain) and everything that acts in it. Built once, up front, per tenant. */
export interface Tenant {
  readonly index: number;
  readonly domainId: string;
  readonly domainName: string;
  /** UTC offset of the people's working day, minutes. */
  readonly utcOffsetMinutes: number;
  /** Home region first. */
  readonly regions: readonly TenantRegion[];
  /** Offices, VPN gateways and CI runner EIPs, in the home region's country. */
  readonly network: TenantNetwork;
  /** Enterprise project ids; `"0"` (default project) first. */
  readonly enterpriseProjects: readonly string[];
  /** IAM users who work on the console (some also hold an AK). */
  readonly people: readonly Actor[];
  /** CI bots: API calls with a permanent AK/SK. */
  readonly bots: readonly Actor[];
  /** Federated (SSO) users. */
  readonly federated: readonly Actor[];
  /** Agency sessions (assumed agencies). */
  readonly agencies: readonly Actor[];
  /** The account's root user (rarely acts). */
  readonly root: Actor;
  /** Labeling-team members (labeling console, email sign-in). */
  readonly workers: readonly Actor[];
  /** Id of the management tracker (`system`) of the tenant's home region. */
  readonly systemTrackerId: string;
  /** Pre-rendered `{"id":"…","name":"…"}` of the domain. */
  readonly domainJson: string;
}
