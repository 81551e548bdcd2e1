import type { RegionInfo } from "./regions.js";

/** What every trace of one tenant region shares: one object, referenced by each trace. */
export interface TraceScope {
  readonly projectId: string;
  readonly domainId: string;
  readonly regionInfo: RegionInfo;
  /** `/?region=<region>#/` (start of `resource_url`). */
  readonly urlPrefix: string;
}
