import { hashBytes } from "./trace-id-index.js";

const ID_KEY = new TextEncoder().encode('"trace_id":"');
const RECORD_TIME_KEY = new TextEncoder().encode('"record_time":');
const QUOTE = 34;
const decoder = new TextDecoder();

/**
 * Where the `trace_id` value starts in a compact trace JSON record (UTF-8), or -1. Escaped
 * quotes inside `request`/`response` strings read `\"trace_id\"`, so they never match the
 * unescaped key.
 */
export function traceIdOffset(record: Uint8Array): number {
  return traceIdStart(record, 0, record.length);
}

/** {@link traceIdOffset} of the record `bytes[from, to)`, as an index into `bytes`. */
function traceIdStart(bytes: Uint8Array, from: number, to: number): number {
  const last = to - ID_KEY.length;
  outer: for (let i = from; i <= last; i++) {
    for (let k = 0; k < ID_KEY.length; k++) {
      if (bytes[i + k] !== ID_KEY[k]) continue outer;
    }
    return i + ID_KEY.length;
  }
  return -1;
}

/**
 * The hash the store's trace-id table files the record `bytes[from, to)` under: FNV-1a of its
 * `trace_id` bytes (as `hashTraceId` of the id), 0 for a record without one; as an int32.
 */
export function traceIdHash(bytes: Uint8Array, from: number, to: number): number {
  const start = traceIdStart(bytes, from, to);
  return start < 0 ? 0 : hashBytes(bytes, start, to) | 0;
}

/** The `trace_id` of a compact trace JSON record (`""` when it has none). */
export function traceIdOfRecord(record: Uint8Array): string {
  const start = traceIdOffset(record);
  if (start < 0) return "";
  const end = record.indexOf(QUOTE, start);
  return decoder.decode(record.subarray(start, end < 0 ? record.length : end));
}

/** Whether the record has `traceId` as its `trace_id`, without allocating for ASCII ids. */
export function recordHasTraceId(record: Uint8Array, traceId: string): boolean {
  const start = traceIdOffset(record);
  if (start < 0) return false;
  for (let i = 0; i < traceId.length; i++) {
    const code = traceId.charCodeAt(i);
    if (code > 0x7f) return traceIdOfRecord(record) === traceId;
    if (record[start + i] !== code) return false;
  }
  return record[start + traceId.length] === QUOTE;
}

/** Whether two compact trace JSON records carry the same `trace_id` (compared as bytes). */
export function sameTraceId(a: Uint8Array, b: Uint8Array): boolean {
  return compareTraceIds(a, b) === 0;
}

/** Orders two records by their `trace_id` bytes (a record without one sorts first). */
export function compareTraceIds(a: Uint8Array, b: Uint8Array): number {
  let i = traceIdOffset(a);
  let j = traceIdOffset(b);
  if (i < 0 || j < 0) return (i < 0 ? 0 : 1) - (j < 0 ? 0 : 1);
  for (;;) {
    const x = i < a.length ? a[i]! : QUOTE;
    const y = j < b.length ? b[j]! : QUOTE;
    if (x === QUOTE || y === QUOTE) return (x === QUOTE ? 0 : 1) - (y === QUOTE ? 0 : 1);
    if (x !== y) return x - y;
    i++;
    j++;
  }
}

/**
 * `record_time` of a compact trace JSON record (UTF-8), or `NaN` without one. An escaped key
 * inside `request`/`response` reads `\"record_time\":`, so it never matches.
 */
export function recordTimeOfRecord(record: Uint8Array): number {
  const last = record.length - RECORD_TIME_KEY.length;
  outer: for (let i = 0; i <= last; i++) {
    for (let k = 0; k < RECORD_TIME_KEY.length; k++) {
      if (record[i + k] !== RECORD_TIME_KEY[k]) continue outer;
    }
    let value = 0;
    let j = i + RECORD_TIME_KEY.length;
    if (!(record[j]! >= 48 && record[j]! <= 57)) return Number.NaN;
    for (; record[j]! >= 48 && record[j]! <= 57; j++) value = value * 10 + record[j]! - 48;
    return value;
  }
  return Number.NaN;
}

/**
 * Orders two records of the same `time` as the store keeps them: earlier `record_time` first
 * (a record without one first), then earlier recorded by the time of their v1 `trace_id` (CTS
 * mints the id when it records the trace: Huawei's examples carry ids 13–16 ms after
 * `record_time`, which equals `time` there), then by `trace_id` bytes. Queries walk the store
 * backwards, so ListTraces answers equal times later-recorded first (the README's "Sort key"
 * row).
 */
export function compareEqualTimeRecords(a: Uint8Array, b: Uint8Array): number {
  const x = recordTimeOfRecord(a);
  const y = recordTimeOfRecord(b);
  if (x !== y && !(Number.isNaN(x) && Number.isNaN(y)))
    return Number.isNaN(x) ? -1 : Number.isNaN(y) ? 1 : x - y;
  return compareUuidV1Times(a, b) || compareTraceIds(a, b);
}

/** `time_hi` (after the version digit), `time_mid`, `time_low` of `xxxxxxxx-xxxx-1xxx-…`. */
const UUID_TIME_SPANS = [
  [15, 18],
  [9, 13],
  [0, 8],
] as const;

/**
 * Orders two records by the 60-bit time of their v1 `trace_id`s (0 when either is not a
 * lower-case v1 UUID): its hex parts compared most significant first.
 */
function compareUuidV1Times(a: Uint8Array, b: Uint8Array): number {
  const i = traceIdOffset(a);
  const j = traceIdOffset(b);
  if (!isUuidV1At(a, i) || !isUuidV1At(b, j)) return 0;
  for (const [from, to] of UUID_TIME_SPANS) {
    for (let k = from; k < to; k++) {
      const d = a[i + k]! - b[j + k]!;
      if (d !== 0) return d;
    }
  }
  return 0;
}

function isUuidV1At(bytes: Uint8Array, at: number): boolean {
  if (at < 0 || at + 36 > bytes.length || bytes[at + 36] !== QUOTE) return false;
  for (let k = 0; k < 36; k++) {
    const c = bytes[at + k]!;
    const dash = k === 8 || k === 13 || k === 18 || k === 23;
    const hex = (c >= 48 && c <= 57) || (c >= 97 && c <= 102);
    if (dash ? c !== 45 : !hex) return false;
  }
  return bytes[at + 14] === 49; // version "1"
}
