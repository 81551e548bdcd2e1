/** Where a trace is delivered: its tracker's region, name and service (reference §7.1). */
export interface TraceRouteLike {
  readonly region: string;
  readonly trackerName: string;
  readonly serviceType: string;
  /** The record's `time` (epoch ms). */
  readonly time: number;
}

/** One trace handed to the transfer writer: its route and its OBS-shape JSON text. */
export interface DeliveredTrace {
  readonly route: TraceRouteLike;
  /** The record as it goes into a trace file (`encodeObsTraceJson`), UTF-8 bytes or text, no newline. */
  readonly record: Uint8Array | string;
}

/** What the transfer writer reports of each trace file it delivered. */
export interface DeliveredFile {
  /** Object key under the bucket directory. */
  readonly object: string;
  readonly region: string;
  readonly trackerName: string;
  readonly serviceType: string;
  /** Start of the transfer cycle (epoch ms, inclusive). */
  readonly cycleStart: number;
  /** End of the cycle (exclusive) = upload time = the time in the name. */
  readonly uploadTime: number;
  /** Records in the file, duplicates included. */
  readonly records: number;
  /** Of those, re-deliveries of traces already in an earlier file (at-least-once). */
  readonly duplicates: number;
  /** Hex MD5 of the stored (gzipped) bytes: the OBS ETag, what digests list. */
  readonly md5: string;
}

/** What the digest writer reports of each digest file it delivered. */
export interface DeliveredDigest {
  readonly object: string;
  /** `region/tracker/service`: the chain the digest belongs to. */
  readonly chain: string;
  readonly startTime: number;
  readonly endTime: number;
  /** Trace files it lists. */
  readonly logFiles: readonly string[];
  /** Hex MD5 of its stored bytes. */
  readonly md5: string;
  /** Its hex signature (`meta-signature`). */
  readonly signature: string;
  /** Whether it is the ending digest of its chain. */
  readonly end: boolean;
}

/** The chain key of a route: `region/tracker/service`. */
export function chainKeyOf(route: {
  region: string;
  trackerName: string;
  serviceType: string;
}): string {
  return `${route.region}/${route.trackerName}/${route.serviceType}`;
}
