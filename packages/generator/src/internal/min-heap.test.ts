import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { MinHeap } from "./min-heap.js";

describe("MinHeap", () => {
  test.prop([fc.array(fc.integer({ min: 0, max: 50 })), fc.array(fc.integer({ min: 1, max: 9 }))])(
    "gives items in order, also when the top's key grows in place",
    (values, growths) => {
      const heap = new MinHeap<{ key: number }>((a, b) => a.key < b.key);
      const items = values.map((key) => ({ key }));
      for (const item of items) heap.push(item);
      for (const growth of growths) {
        const top = heap.top;
        if (top === undefined) break;
        top.key += growth;
        heap.siftTop();
      }
      const out: number[] = [];
      for (let top = heap.top; top !== undefined; top = heap.top) {
        out.push(top.key);
        heap.pop();
      }
      expect(out).toEqual(items.map((item) => item.key).sort((a, b) => a - b));
    },
  );
});
