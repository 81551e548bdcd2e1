import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { KeyColumn } from "./key-column.js";

describe("KeyColumn", () => {
  test.prop([
    fc.array(fc.oneof(fc.integer({ min: -1, max: 300 }), fc.integer({ min: -1, max: 70_000 })), {
      maxLength: 3000,
    }),
  ])("gives back every id pushed, through every widening", (ids) => {
    const column = new KeyColumn();
    for (const id of ids) column.push(id);
    expect(Array.from({ length: ids.length }, (_, i) => column.get(i))).toEqual(ids);
  });

  it("stays one byte per position below 255 keys and widens only when needed", () => {
    const column = new KeyColumn();
    for (let i = 0; i < 254; i++) column.push(i);
    column.push(-1);
    expect(column.data).toBeInstanceOf(Uint8Array);
    column.push(254);
    expect(column.data).toBeInstanceOf(Uint8Array);
    column.push(255);
    expect(column.data).toBeInstanceOf(Uint16Array);
    expect(column.get(254)).toBe(-1);
    column.push(70_000);
    expect(column.data).toBeInstanceOf(Int32Array);
    expect([column.get(254), column.get(256), column.get(257)]).toEqual([-1, 255, 70_000]);
  });
});
