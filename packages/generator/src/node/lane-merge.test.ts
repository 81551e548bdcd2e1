import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { BufferPool } from "./buffer-pool.js";
import { LaneMerge, type MergeLane } from "./lane-merge.js";
import type { LaneChunk } from "./worker-lane.js";

interface Row {
  readonly time: number;
  readonly session: number;
  /** The row's place in its session. */
  readonly step: number;
}

/**
 * A lane whose chunks arrive one at a time, a tick after each request, as a worker's replies
 * do. Its rows are in (time, session) order, as a lane of the timeline emits them.
 */
class FakeLane implements MergeLane {
  readonly queue: LaneChunk[] = [];
  readonly recycled: Uint8Array[] = [];
  readonly #pending: LaneChunk[];
  #inFlight = 0;

  constructor(
    chunks: readonly (readonly Row[])[],
    private readonly notify: () => void,
  ) {
    this.#pending = chunks.map(chunkOf);
    this.topUp();
  }

  get live(): boolean {
    return this.#pending.length > 0 || this.#inFlight > 0;
  }

  topUp(): void {
    while (this.#pending.length > 0 && this.#inFlight + this.queue.length < 2) {
      this.#inFlight += 1;
      setTimeout(() => {
        this.#inFlight -= 1;
        this.queue.push(this.#pending.shift()!);
        this.notify();
      }, 0);
    }
  }

  shift(): void {
    this.queue.shift();
    this.topUp();
  }

  recycle(bytes: Uint8Array): void {
    this.recycled.push(bytes);
  }
}

function lineOf(row: Row): string {
  return `{"time":${row.time},"session":${row.session},"step":${row.step}}\n`;
}

function chunkOf(rows: readonly Row[]): LaneChunk {
  const lines = rows.map(lineOf);
  const ends = new Uint32Array(rows.length);
  let end = 0;
  lines.forEach((line, i) => {
    end += Buffer.byteLength(line);
    ends[i] = end;
  });
  return {
    bytes: Buffer.from(lines.join("")),
    count: rows.length,
    keys: {
      times: Float64Array.from(rows, (row) => row.time),
      sessions: Float64Array.from(rows, (row) => row.session),
      ends,
      labels: [],
    },
    pos: 0,
    offset: 0,
    note: 0,
  };
}

/** Sessions (each in one lane: session ≡ lane mod lanes) with a few traces at close times. */
const lanesOfRows = fc.integer({ min: 1, max: 4 }).chain((lanes) =>
  fc
    .array(
      fc.record({
        lane: fc.nat({ max: lanes - 1 }),
        start: fc.nat({ max: 6 }),
        gaps: fc.array(fc.nat({ max: 2 }), { minLength: 1, maxLength: 5 }),
      }),
      { maxLength: 40 },
    )
    .map((sessions) => {
      const rows: Row[][] = Array.from({ length: lanes }, () => []);
      sessions.forEach(({ lane, start, gaps }, n) => {
        const session = n * lanes + lane;
        let time = start;
        gaps.forEach((gap, step) => {
          time += gap;
          rows[lane]!.push({ time, session, step });
        });
      });
      // Each lane emits by (time, session), each session's traces in their own order.
      for (const lane of rows)
        lane.sort((a, b) => a.time - b.time || a.session - b.session || a.step - b.step);
      return rows;
    }),
);

/** Splits rows into chunks of the given sizes (cycled). */
function split(rows: readonly Row[], sizes: readonly number[]): Row[][] {
  const chunks: Row[][] = [];
  for (let i = 0, k = 0; i < rows.length; k += 1) {
    const size = sizes[k % sizes.length]!;
    chunks.push(rows.slice(i, i + size));
    i += size;
  }
  return chunks;
}

describe("LaneMerge", () => {
  test.prop([
    lanesOfRows,
    fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 }),
    fc.integer({ min: 1, max: 9 }),
    fc.option(fc.nat({ max: 120 }), { nil: undefined }),
  ])(
    "yields every row once, in (time, session) order with each session's own order, up to the limit",
    async (lanes, sizes, max, limit) => {
      let wake: () => void = () => undefined;
      let changed = new Promise<void>((resolve) => {
        wake = resolve;
      });
      const notify = (): void => {
        wake();
        changed = new Promise<void>((resolve) => {
          wake = resolve;
        });
      };
      const fakes = lanes.map((rows) => new FakeLane(split(rows, sizes), notify));
      const merge = new LaneMerge({
        lanes: fakes,
        changed: () => changed,
        check: () => undefined,
        limit: limit ?? Number.POSITIVE_INFINITY,
        routes: false,
        pool: new BufferPool(),
      });
      let text = "";
      let count = 0;
      for (;;) {
        const chunk = await merge.pull(max);
        if (chunk === undefined) break;
        expect(chunk.count).toBeLessThanOrEqual(max);
        text += Buffer.from(chunk.bytes).toString();
        count += chunk.count;
        chunk.release?.();
      }
      const all = lanes
        .flat()
        .sort((a, b) => a.time - b.time || a.session - b.session || a.step - b.step);
      const expected = all.slice(0, limit ?? all.length);
      expect(count).toBe(expected.length);
      expect(text).toBe(expected.map(lineOf).join(""));
    },
  );
});
