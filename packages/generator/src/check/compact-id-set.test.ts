import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { CompactIdSet } from "./compact-id-set.js";

describe("CompactIdSet", () => {
  test.prop([fc.array(fc.oneof(fc.uuid(), fc.string({ maxLength: 4 })), { maxLength: 300 })])(
    "answers like a Map of first lines, across growth",
    (ids) => {
      const set = new CompactIdSet(16);
      const reference = new Map<string, number>();
      for (const [index, id] of ids.entries()) {
        const line = index + 1;
        expect(set.addOrGet(id, line)).toBe(reference.get(id) ?? -1);
        if (!reference.has(id)) reference.set(id, line);
      }
      expect(set.size).toBe(reference.size);
    },
  );

  it("keeps 200k distinct time-based ids apart (no false duplicates)", () => {
    const set = new CompactIdSet();
    for (let i = 0; i < 200_000; i++) {
      const id = `${(0x7c2d6a1e + i).toString(16).padStart(8, "0")}-61b3-11ef-9a41-0255ac1000${(i % 256).toString(16).padStart(2, "0")}`;
      expect(set.addOrGet(id, i + 1)).toBe(-1);
    }
    expect(set.size).toBe(200_000);
    expect(set.addOrGet("7c2d6a1e-61b3-11ef-9a41-0255ac100000", 0)).toBe(1);
  });
});
