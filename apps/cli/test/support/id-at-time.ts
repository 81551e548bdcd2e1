/** Milliseconds between the Gregorian epoch (1582-10-15) and the Unix epoch. */
const GREGORIAN_OFFSET_MS = 12_219_292_800_000n;

/**
 * The record with its v1 `trace_id` re-minted at its `time` (clock sequence and node kept). The
 * reference's §8 examples carry ids ~16 h after their time, which `trace.id-time` reports.
 */
export function idAtTime(record: Record<string, unknown>): Record<string, unknown> {
  const ticks = (BigInt(record.time as number) + GREGORIAN_OFFSET_MS) * 10_000n;
  const hex = ticks.toString(16).padStart(15, "0");
  const tail = (record.trace_id as string).slice(18);
  return { ...record, trace_id: `${hex.slice(7)}-${hex.slice(3, 7)}-1${hex.slice(0, 3)}${tail}` };
}
