/** Ids of the independent PRNG streams derived from one seed (one per purpose). */
export const STREAM = {
  tenant: 1,
  arrivals: 2,
  session: 3,
  burst: 4,
  scenario: 5,
  calibration: 6,
  /** Secrets of a tenant's identity (SKs, security tokens, IAM tokens): never in traces. */
  credentials: 7,
  /** A tenant's networks, addresses and clients (offices, VPN, homes, CI runners, agents). */
  network: 8,
  /** Linked ML projects: their standing resources and pipeline runs (lineage/). */
  lineage: 18,
  /** Sessions that rotate a permanent access key (timeline/key-clocks.ts). */
  keyRotation: 19,
} as const satisfies Record<string, number>;
