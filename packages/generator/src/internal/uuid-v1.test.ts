import { describe, expect, test } from "vitest";
import { sessionUuidTail, timeOfUuidV1, traceTicks, uuidV1 } from "./uuid-v1.js";

describe("uuidV1", () => {
  test("is a version-1 UUID that carries its millisecond", () => {
    const time = Date.UTC(2024, 7, 23, 9, 0, 0, 123);
    const id = uuidV1(time, 4321, sessionUuidTail(77));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(timeOfUuidV1(id)).toBe(time);
  });

  test("sessions get distinct clock-sequence/node tails", () => {
    const tails = new Set<string>();
    for (let i = 0; i < 200_000; i++) tails.add(sessionUuidTail(i));
    for (let i = 2 ** 37; i < 2 ** 37 + 1_000; i++) tails.add(sessionUuidTail(i));
    expect(tails.size).toBe(201_000);
    expect(sessionUuidTail(5)).toMatch(/^-[89ab][0-9a-f]{3}-0255ac[0-9a-f]{6}$/);
  });

  test("the ticks of a session's traces are distinct for distinct sequence numbers", () => {
    for (const offset of [0, 1, 9_999, 4_242]) {
      const ticks = new Set<number>();
      for (let seq = 0; seq < 10_000; seq++) ticks.add(traceTicks(seq, offset));
      expect(ticks.size).toBe(10_000);
      expect(Math.min(...ticks)).toBe(0);
      expect(Math.max(...ticks)).toBe(9_999);
    }
  });
});
