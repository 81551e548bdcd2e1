import { describe, expect, test } from "vitest";
import { IdMint } from "./id-mint.js";
import { Prng } from "./prng.js";

const mint = (seed: number, session: number): IdMint =>
  new IdMint(seed, session, Prng.derive(seed, 99, session));

describe("IdMint", () => {
  test("ids keep the service's shapes", () => {
    const m = mint(1, 12345);
    expect(m.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(m.hex32()).toMatch(/^[0-9a-f]{32}$/);
    expect(m.alnum20()).toMatch(/^[0-9A-Za-z]{20}$/);
    expect(m.lower20()).toMatch(/^[0-9a-z]{20}$/);
    expect(m.lower10()).toMatch(/^[0-9a-z]{10}$/);
    expect(m.numeric()).toMatch(/^[1-9][0-9]{6,}$/);
  });

  test("no id repeats across sessions and counters, whatever the padding", () => {
    // Same PRNG stream for every session: only the structured part can tell ids apart.
    const formats = ["uuid", "hex32", "alnum20", "lower20", "lower10", "numeric"] as const;
    const seen = new Map<string, Set<string>>(formats.map((f) => [f, new Set<string>()]));
    let minted = 0;
    for (let session = 0; session < 3_000; session += 1) {
      const m = new IdMint(7, session * 977, Prng.derive(7, 1));
      for (let i = 0; i < 8; i++) {
        for (const format of formats) {
          (seen.get(format) as Set<string>).add(m[format]());
          minted++;
        }
      }
    }
    expect(minted).toBe(3_000 * 8 * formats.length);
    for (const format of formats) expect(seen.get(format)?.size).toBe(3_000 * 8);
  });

  test("short structured suffixes differ even for neighbouring sessions and the last counters", () => {
    const seen = new Set<string>();
    for (let session = 2 ** 30; session < 2 ** 30 + 200; session++) {
      const m = mint(3, session);
      for (let i = 0; i < 300; i++) seen.add(m.lower10());
    }
    expect(seen.size).toBe(200 * 300);
  });

  test("numeric ids count up with the session, like a database sequence", () => {
    const a = Number(mint(1, 10).numeric());
    const b = Number(mint(1, 11).numeric());
    expect(b).toBeGreaterThan(a);
    expect(b - a).toBeLessThan(128);
  });

  test("a session is closed well before its id space runs out", () => {
    const m = mint(1, 5);
    let n = 0;
    while (!m.nearlySpent) {
      m.lower10();
      n++;
    }
    expect(n).toBeGreaterThan(3_000);
    expect(n).toBeLessThan(4_096 - 400);
  });
});
