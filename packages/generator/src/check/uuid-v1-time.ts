/** Milliseconds between the Gregorian epoch (1582-10-15) and the Unix epoch. */
const GREGORIAN_OFFSET_MS = 12_219_292_800_000;
const V1_UUID = /^([0-9a-f]{8})-([0-9a-f]{4})-1([0-9a-f]{3})-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The Unix time (ms, rounded down) a version-1 UUID carries, or `undefined` when `id` is not a
 * v1 UUID. The 60-bit count of 100 ns intervals since 1582 is split into high, mid and low parts.
 *
 * @example
 * uuidV1Time("cbdd4480-2e03-11ef-82de-cf140e2a70fb"); // 1718777931183
 */
export function uuidV1Time(id: string): number | undefined {
  const match = V1_UUID.exec(id);
  if (match === null) return undefined;
  const low = Number.parseInt(match[1] as string, 16);
  const high = Number.parseInt((match[3] as string) + (match[2] as string), 16); // 28 bits
  // ticks = high · 2^32 + low and 2^32 = 429496 · 10^4 + 7296, so every step stays an exact
  // integer below 2^53: ms = high · 429496 + ⌊(high · 7296 + low) / 10^4⌋.
  return high * 429_496 + Math.floor((high * 7_296 + low) / 10_000) - GREGORIAN_OFFSET_MS;
}
