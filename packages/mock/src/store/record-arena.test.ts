import { describe, expect, it } from "vitest";
import { RecordArena } from "./record-arena.js";

const decoder = new TextDecoder();

/** ~1.3 KB records with multi-byte characters, so 20k of them span several chunks. */
function record(i: number): string {
  return JSON.stringify({
    trace_id: `id-${i}`,
    name: `café-ü-${"x".repeat(i % 700)}`,
    pad: "y".repeat(1000),
  });
}

describe("RecordArena", () => {
  it("gives back every record byte-exact across chunk boundaries, and after reordering", () => {
    const arena = new RecordArena();
    const count = 20_000;
    for (let i = 0; i < count; i++) arena.append(record(i));
    expect(arena.size).toBe(count);
    for (let i = 0; i < count; i += 7) expect(arena.text(i)).toBe(record(i));
    expect(arena.text(count - 1)).toBe(record(count - 1));
    const order = Int32Array.from({ length: count }, (_, i) => count - 1 - i);
    arena.reorder(order);
    for (let i = 0; i < count; i += 11)
      expect(decoder.decode(arena.bytes(i))).toBe(record(count - 1 - i));
  });
});
