import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { hashTraceId, TraceIdIndex } from "./trace-id-index.js";

describe("TraceIdIndex.setPositions", () => {
  test.prop([
    fc.array(fc.constantFrom("a", "b", "c", "d", "e", "f", "g"), { maxLength: 40 }),
    fc.array(fc.constantFrom("a", "b", "c", "h", "i"), { maxLength: 3000 }),
    fc.boolean(),
  ])(
    "files each id under its newest position, like setPosition one by one, even when unequal ids share a hash",
    (before, bulk, colliding) => {
      const ids: string[] = [...before, ...bulk];
      // Colliding: every id hashes to one of two values, so probes must compare the ids.
      const hashOf = (id: string): number => (colliding ? id.charCodeAt(0) & 1 : hashTraceId(id));
      const index = new TraceIdIndex(
        (p) => hashOf(ids[p]!),
        (p, id) => ids[p] === id,
        (a, b) => ids[a] === ids[b],
      );
      before.forEach((_, p) => {
        index.setPosition(p);
      });
      index.setPositions(before.length, Int32Array.from(bulk, hashOf));
      const newest = new Map(ids.map((id, p) => [id, p]));
      const filed = [...index.exportTable()]
        .filter((entry) => entry !== 0)
        .map((entry) => entry - 1);
      expect(filed.sort((a, b) => a - b)).toEqual([...newest.values()].sort((a, b) => a - b));
      if (!colliding) {
        for (const id of ["a", "b", "c", "d", "e", "f", "g", "h", "i", "z"]) {
          expect(index.get(id)).toBe(newest.get(id));
        }
      }
    },
  );
});
