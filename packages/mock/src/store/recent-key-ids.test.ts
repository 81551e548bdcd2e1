import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { RecentKeyIds } from "./recent-key-ids.js";

/** Looks every key up as a producer does: known keys keep their id, others are added. */
function code(keys: readonly string[], window: number): number[] {
  const dictionary = new RecentKeyIds(window);
  return keys.map((key) => dictionary.get(key) ?? dictionary.add(key));
}

describe("RecentKeyIds", () => {
  test.prop([
    fc.array(fc.constantFrom("a", "b", "c", "d", "e", "f"), { maxLength: 200 }),
    fc.integer({ min: 1, max: 8 }),
  ])(
    "codes keys so that one id always stands for one key, and new ids count up from 0",
    (keys, window) => {
      const ids = code(keys, window);
      const keyOfId = new Map<number, string>();
      let next = 0;
      ids.forEach((id, i) => {
        if (!keyOfId.has(id)) expect(id).toBe(next++);
        expect(keyOfId.get(id) ?? keys[i]).toBe(keys[i]);
        keyOfId.set(id, keys[i]!);
      });
    },
  );

  test.prop([
    fc.array(fc.string({ maxLength: 3 }), { maxLength: 200 }),
    fc.integer({ min: 1, max: 8 }),
  ])("keeps the id of a key seen again within `window` distinct keys", (keys, window) => {
    const ids = code(keys, window);
    // From 1: lastIndexOf counts a negative start from the end.
    for (let i = 1; i < keys.length; i++) {
      const previous = keys.lastIndexOf(keys[i]!, i - 1);
      if (previous < 0) continue;
      const between = new Set(keys.slice(previous + 1, i));
      if (between.size < window) expect(ids[i]).toBe(ids[previous]);
    }
  });

  test.prop([fc.array(fc.string({ maxLength: 3 }), { maxLength: 200 })])(
    "with a window as large as the keys, is a plain dictionary (one id per distinct key)",
    (keys) => {
      const ids = code(keys, Math.max(1, keys.length));
      expect(new Set(ids).size).toBe(new Set(keys).size);
    },
  );
});
