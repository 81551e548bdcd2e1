import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { BodyPool, type PooledBody } from "./body-pool.js";

describe("BodyPool", () => {
  it("hands a released buffer to the next body of about its size, and only then", () => {
    const pool = new BodyPool();
    const first = pool.acquire(140_000);
    const held = pool.acquire(140_000);
    expect(held.bytes.buffer).not.toBe(first.bytes.buffer);
    first.release();
    const again = pool.acquire(139_000);
    expect(again.bytes.buffer).toBe(first.bytes.buffer);
    expect(again.bytes.length).toBe(139_000);
    again.release();
    // A much smaller body does not take a large buffer.
    expect(pool.acquire(1000).bytes.buffer).not.toBe(first.bytes.buffer);
  });

  it("keeps no more than its byte budget", () => {
    const pool = new BodyPool(300_000);
    const bodies = [pool.acquire(100_000), pool.acquire(100_000), pool.acquire(100_000)];
    for (const body of bodies) body.release();
    expect(pool.pooled).toBeLessThanOrEqual(300_000);
    expect(pool.pooled).toBeGreaterThan(0);
  });

  // The invariant that makes reuse safe: two bodies not yet released never share memory,
  // whatever the order of acquires, releases and repeated releases.
  test.prop([
    fc.array(
      fc.oneof(
        fc.record({ acquire: fc.integer({ min: 0, max: 300_000 }) }),
        fc.record({ release: fc.nat() }),
      ),
      { maxLength: 200 },
    ),
    fc.integer({ min: 0, max: 1_000_000 }),
  ])("never lends one buffer to two live bodies", (steps, budget) => {
    const pool = new BodyPool(budget, 8);
    const live: PooledBody[] = [];
    const released: PooledBody[] = [];
    for (const step of steps) {
      if ("acquire" in step) {
        const body = pool.acquire(step.acquire);
        expect(body.bytes.length).toBe(step.acquire);
        for (const other of live) expect(other.bytes.buffer).not.toBe(body.bytes.buffer);
        live.push(body);
      } else {
        const all = [...live, ...released];
        if (all.length === 0) continue;
        const body = all[step.release % all.length]!;
        body.release(); // a second release of the same body must do nothing
        const at = live.indexOf(body);
        if (at >= 0) released.push(...live.splice(at, 1));
      }
      expect(pool.pooled).toBeLessThanOrEqual(budget);
    }
  });
});
