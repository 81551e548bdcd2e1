import type { FieldIndexState } from "./field-index.js";
import type { ColumnArray } from "./key-column.js";
import { BATCH_KEYS } from "./trace-batch.js";
import type { TraceStoreState } from "./trace-store.js";

const MAGIC = "CTSIMSS1";
const FORMAT = 1;
const ALIGN = 8;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface IndexHeader {
  readonly keys: readonly string[];
  /** Bytes per column entry: 1, 2 or 4. */
  readonly width: 1 | 2 | 4;
  readonly csrOffsets: number;
  /** Length of the CSR positions, or null when the single key covers every position. */
  readonly csrPositions: number | null;
}

interface SnapshotHeader {
  readonly format: number;
  readonly key: string;
  readonly count: number;
  readonly firsts: readonly number[];
  readonly chunkBytes: readonly number[];
  readonly indexes: readonly IndexHeader[];
  readonly ids: number;
  /** Checksum of every section but the record bytes (see {@link checksum}). */
  readonly checksum: number;
  /** What the writer keeps beside the store (the snapshot cache: the run's open sessions). */
  readonly note?: string;
}

/**
 * A store's state as the byte parts of a snapshot file, in order (the big arrays are views, not
 * copies): a magic, a JSON header (layout, interned keys, `key`, a checksum) and the typed
 * arrays, each 8-byte aligned. `key` names what the snapshot holds; {@link decodeStoreSnapshot}
 * accepts only the same key. `note`, if any, is kept in the header and read back with the
 * state (it is not checksummed: its reader checks it).
 *
 * @example
 * for (const part of encodeStoreSnapshot(store.exportState(), key)) write(part);
 */
export function encodeStoreSnapshot(
  state: TraceStoreState,
  key: string,
  note?: string,
): Uint8Array[] {
  const indexArrays = state.indexes.map((index) => arraysOf(index));
  const checked = [
    state.times,
    state.records.offsets,
    ...indexArrays.flat(),
    state.ids,
  ] as ArrayBufferView[];
  const header: SnapshotHeader = {
    format: FORMAT,
    key,
    count: state.times.length,
    firsts: state.records.firsts,
    chunkBytes: state.records.chunks.map((chunk) => chunk.length),
    indexes: state.indexes.map((index) => ({
      keys: index.keys,
      width: index.column.BYTES_PER_ELEMENT as 1 | 2 | 4,
      csrOffsets: index.csrOffsets.length,
      csrPositions: index.csrPositions?.length ?? null,
    })),
    ids: state.ids.length,
    checksum: checksum(checked.map(bytesOf)),
    ...(note === undefined ? {} : { note }),
  };
  const headerBytes = encoder.encode(JSON.stringify(header));
  const prefix = new Uint8Array(padded(12 + headerBytes.length));
  prefix.set(encoder.encode(MAGIC), 0);
  new DataView(prefix.buffer).setUint32(8, headerBytes.length, true);
  prefix.set(headerBytes, 12);
  const parts: Uint8Array[] = [prefix];
  const add = (view: ArrayBufferView): void => {
    const bytes = bytesOf(view);
    parts.push(bytes);
    const pad = padded(bytes.length) - bytes.length;
    if (pad > 0) parts.push(new Uint8Array(pad));
  };
  add(state.times);
  add(state.records.offsets);
  for (const chunk of state.records.chunks) add(chunk);
  for (const arrays of indexArrays) for (const array of arrays) add(array);
  add(state.ids);
  return parts;
}

/**
 * Reads a snapshot made by {@link encodeStoreSnapshot} back into a store state whose arrays are
 * views into `bytes` (which must start 8-byte aligned, e.g. a fresh `Uint8Array`). Returns a
 * reason instead when the bytes are not a complete, intact snapshot of `key` (another format,
 * another key, truncated, a failed checksum or an inconsistent layout); the record bytes
 * themselves are checked for layout only.
 *
 * @example
 * const state = decodeStoreSnapshot(bytes, key);
 * if (typeof state !== "string") store.importState(state);
 */
export function decodeStoreSnapshot(
  bytes: Uint8Array,
  key: string,
): (TraceStoreState & { readonly note?: string }) | string {
  if (bytes.length < 12 || decoder.decode(bytes.subarray(0, 8)) !== MAGIC)
    return "not a ctsim store snapshot";
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.length) return "truncated header";
  let header: SnapshotHeader;
  try {
    header = JSON.parse(decoder.decode(bytes.subarray(12, 12 + headerLength))) as SnapshotHeader;
  } catch {
    return "unreadable header";
  }
  if (header.format !== FORMAT) return `format ${header.format}, expected ${FORMAT}`;
  if (header.key !== key) return "made for other options or another version";
  if (header.indexes.length !== BATCH_KEYS) return "wrong number of indexes";
  let at = padded(12 + headerLength);
  const n = header.count;
  const take = <T>(
    make: (buffer: ArrayBufferLike, offset: number, length: number) => T,
    length: number,
    width: number,
  ): T => {
    const array = make(bytes.buffer, bytes.byteOffset + at, length);
    at += padded(length * width);
    return array;
  };
  const expected =
    at +
    padded(n * 8) +
    padded(n * 4) +
    header.chunkBytes.reduce((sum, length) => sum + padded(length), 0) +
    header.indexes.reduce(
      (sum, index) =>
        sum +
        padded(n * index.width) +
        padded(index.csrOffsets * 4) +
        padded((index.csrPositions ?? 0) * 4),
      0,
    ) +
    padded(header.ids * 4);
  if (expected !== bytes.length) return `size ${bytes.length} bytes, expected ${expected}`;
  const f64 = (b: ArrayBufferLike, o: number, l: number): Float64Array => new Float64Array(b, o, l);
  const i32 = (b: ArrayBufferLike, o: number, l: number): Int32Array => new Int32Array(b, o, l);
  const u8 = (b: ArrayBufferLike, o: number, l: number): Uint8Array => new Uint8Array(b, o, l);
  const times = take(f64, n, 8);
  const offsets = take(i32, n, 4);
  const chunks = header.chunkBytes.map((length) => take(u8, length, 1));
  const indexes: FieldIndexState[] = header.indexes.map((index) => {
    const column: ColumnArray =
      index.width === 1
        ? take(u8, n, 1)
        : index.width === 2
          ? take((b, o, l) => new Uint16Array(b, o, l), n, 2)
          : take(i32, n, 4);
    const csrOffsets = take(i32, index.csrOffsets, 4);
    const csrPositions = index.csrPositions === null ? undefined : take(i32, index.csrPositions, 4);
    return { keys: index.keys, column, csrOffsets, csrPositions };
  });
  const ids = take(i32, header.ids, 4);
  const checked = [times, offsets, ...indexes.flatMap(arraysOf), ids];
  if (checksum(checked.map(bytesOf)) !== header.checksum) return "checksum mismatch";
  const layout = layoutProblem(times, offsets, header, chunks, ids);
  if (layout !== undefined) return layout;
  const note = typeof header.note === "string" ? { note: header.note } : {};
  return { times, records: { chunks, firsts: header.firsts, offsets }, indexes, ids, ...note };
}

function layoutProblem(
  times: Float64Array,
  offsets: Int32Array,
  header: SnapshotHeader,
  chunks: readonly Uint8Array[],
  ids: Int32Array,
): string | undefined {
  for (let p = 1; p < times.length; p++)
    if (!(times[p]! >= times[p - 1]!)) return "times out of order";
  const firsts = header.firsts;
  if (firsts.length !== chunks.length || (times.length > 0 && firsts[0] !== 0))
    return "bad chunk table";
  for (let c = 0; c < chunks.length; c++) {
    const end = firsts[c + 1] ?? times.length;
    for (let p = firsts[c]!; p < end; p++) {
      const next = p + 1 < end ? offsets[p + 1]! : chunks[c]!.length;
      if (offsets[p]! < 0 || offsets[p]! >= next) return "bad record offsets";
    }
  }
  if (ids.length === 0 || (ids.length & (ids.length - 1)) !== 0) return "bad trace-id table";
  return undefined;
}

function arraysOf(index: FieldIndexState): ArrayBufferView[] {
  return index.csrPositions === undefined
    ? [index.column, index.csrOffsets]
    : [index.column, index.csrOffsets, index.csrPositions];
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function padded(length: number): number {
  return Math.ceil(length / ALIGN) * ALIGN;
}

/** FNV-1a over the bytes of each part (word-wise where aligned), cheap next to reading them. */
function checksum(parts: readonly Uint8Array[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const words = part.byteOffset % 4 === 0 ? part.length >>> 2 : 0;
    const view = new Uint32Array(part.buffer, part.byteOffset, words);
    for (let i = 0; i < words; i++) h = Math.imul(h ^ view[i]!, 0x01000193);
    for (let i = words * 4; i < part.length; i++) h = Math.imul(h ^ part[i]!, 0x01000193);
    h = Math.imul(h ^ part.length, 0x01000193);
  }
  return h >>> 0;
}
