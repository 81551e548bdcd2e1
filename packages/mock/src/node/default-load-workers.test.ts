import { describe, expect, it } from "vitest";
import { defaultLoadWorkers } from "./default-load-workers.js";

describe("defaultLoadWorkers", () => {
  it.each([
    // [load, cores, workers]
    [{}, 8, 0],
    [{ tenants: 24 }, 8, 0],
    [{ tenants: 25 }, 1, 0],
    [{ tenants: 25 }, 2, 2],
    [{ tenants: 25, days: 1 }, 8, 0],
    [{ tenants: 270 }, 3, 2],
    [{ tenants: 270 }, 4, 3],
    [{ tenants: 270 }, 32, 8],
    [{ tenants: 270, days: 1 }, 2, 2],
    [{ expectedCount: 89_999 }, 8, 0],
    [{ expectedCount: 90_000 }, 1, 0],
    [{ expectedCount: 1_000_000 }, 2, 2],
    [{ expectedCount: 1_000_000 }, 3, 2],
    [{ expectedCount: 1_000_000, tenants: 270 }, 16, 8],
    [{ expectedCount: 50_000, tenants: 270 }, 4, 0],
  ] as const)("gives %j on %i cores %i workers", (load, cores, workers) => {
    expect(defaultLoadWorkers(load, cores)).toBe(workers);
  });
});
