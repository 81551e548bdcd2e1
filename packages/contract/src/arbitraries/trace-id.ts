import fc from "fast-check";

/** Milliseconds between the UUID epoch (1582-10-15) and the Unix epoch. */
const UUID_EPOCH_OFFSET_MS = 12_219_292_800_000n;

/**
 * A version-1 (time-based) UUID whose timestamp is `time`, like every CTS `trace_id` in the
 * documentation; clock sequence and node vary.
 *
 * @example
 * fc.sample(traceIdArbitrary(1724403600123), 1)[0]; // "f31a7d90-61c9-11ef-b7e3-0255ac100051"-like
 */
export function traceIdArbitrary(time: number): fc.Arbitrary<string> {
  return uuidV1PartsArbitrary.map(({ sub, clockSeq, node }) => uuidV1(time, sub, clockSeq, node));
}

/** The non-time parts of a v1 UUID (built once: `stringMatching` is costly to construct). */
export const uuidV1PartsArbitrary: fc.Arbitrary<{ sub: number; clockSeq: number; node: string }> =
  fc.record({
    sub: fc.integer({ min: 0, max: 9_999 }),
    clockSeq: fc.integer({ min: 0, max: 0x3fff }),
    node: fc.stringMatching(/^[0-9a-f]{12}$/),
  });

/** Formats a v1 UUID from epoch ms, a sub-millisecond tick (0–9999), a clock sequence and a node. */
export function uuidV1(time: number, sub: number, clockSeq: number, node: string): string {
  const ticks = (BigInt(time) + UUID_EPOCH_OFFSET_MS) * 10_000n + BigInt(sub);
  const low = (ticks & 0xffffffffn).toString(16).padStart(8, "0");
  const mid = ((ticks >> 32n) & 0xffffn).toString(16).padStart(4, "0");
  const high = (((ticks >> 48n) & 0x0fffn) | 0x1000n).toString(16).padStart(4, "0");
  const seq = (0x8000 | clockSeq).toString(16).padStart(4, "0");
  return `${low}-${mid}-${high}-${seq}-${node}`;
}
