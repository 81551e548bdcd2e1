/**
 * The `message_id` of the message a notification sends for a trace: 32 lower-case hex digits
 * (the length SMN's examples show), a hash of both ids, so a replay sends the same ids and a
 * retry of one message keeps its id (SMN resends with the original id) while two notifications
 * firing on one trace send two messages. Not cryptographic: four seeded FNV-1a lanes.
 *
 * @example
 * notificationMessageId("4f0c…", "7c2d6a1e-61b3-11ef-9a41-0255ac100047"); // "9b1e…" (32 hex)
 */
export function notificationMessageId(notificationId: string, traceId: string): string {
  // Length-prefixed, so that no two pairs make the same text.
  const text = `${notificationId.length}:${notificationId}${traceId}`;
  let out = "";
  for (const lane of LANE_SEEDS) out += fnv1a(text, lane).toString(16).padStart(8, "0");
  return out;
}

const LANE_SEEDS = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b] as const;

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // A final avalanche so that lanes differing only in seed do not stay correlated.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
}
