import { describe, expect, it } from "vitest";
import { uuidV1 } from "./trace-id.js";

describe("uuidV1", () => {
  it("encodes the time like a v1 UUID of the reference (2016-12-08 trace e001ccb8-bc09-11e6-…)", () => {
    // e001ccb8-bc09-11e6 → 0x1e6bc09e001ccb8 ticks of 100 ns since 1582-10-15.
    const ticks = 0x1e6bc09e001ccb8n;
    const ms = Number(ticks / 10_000n - 12_219_292_800_000n);
    const sub = Number(ticks % 10_000n);
    expect(uuidV1(ms, sub, 0x32cc, "2640a43cc6e8")).toBe("e001ccb8-bc09-11e6-b2cc-2640a43cc6e8");
  });
});
