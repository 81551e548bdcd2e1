import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { uuidV1 } from "../internal/uuid-v1.js";
import { uuidV1Time } from "./uuid-v1-time.js";

describe("uuidV1Time", () => {
  it("reads the times of Huawei's published example traces (13 and 16 ms after time)", () => {
    expect(uuidV1Time("cbdd4480-2e03-11ef-82de-cf140e2a70fb")).toBe(1718777931170 + 13);
    expect(uuidV1Time("C4DDAA0B-2E05-11EF-BDC6-E1851D8CB7FB")).toBe(1718778778419 + 16);
  });

  it("returns undefined for ids that are not version 1", () => {
    expect(uuidV1Time("3f9c1e52-8b7d-4f0a-a1d2-6e5b4c3a2f10")).toBeUndefined();
    expect(uuidV1Time("not-a-uuid")).toBeUndefined();
  });

  test.prop([fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.nat({ max: 9_999 })])(
    "inverts the generator's uuidV1",
    (time, ticks) => {
      expect(uuidV1Time(uuidV1(time, ticks, "-9a41-0255ac100047"))).toBe(time);
    },
  );
});
