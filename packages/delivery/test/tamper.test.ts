import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TAMPER_SCENARIO_NAMES, TAMPER_SCENARIOS } from "@ctsim/delivery";
import { verifyDelivery } from "@ctsim/delivery/node";
import { fc, test } from "@fast-check/vitest";
import { afterEach, beforeEach, describe, expect } from "vitest";
import { deliverGenerated } from "./deliver-generated.js";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ctsim-tamper-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("tamper scenarios", () => {
  for (const scenario of TAMPER_SCENARIO_NAMES) {
    test(`${scenario} is labelled and caught by verify with its reason`, async () => {
      const { labels } = await deliverGenerated({ dir, seed: 21, hours: 3, tamper: [scenario] });
      expect(labels).toHaveLength(1);
      const label = labels[0]!;
      expect(label.scenario).toBe(scenario);
      expect(label.expect.reason).toBe(TAMPER_SCENARIOS[scenario].reason);
      const report = await verifyDelivery({ dir });
      expect(report.ok).toBe(false);
      expect(report.failures).toContainEqual(
        expect.objectContaining({ path: label.expect.path, reason: label.expect.reason }),
      );
    });
  }

  test("all five together: each caught with its own reason", async () => {
    const { labels } = await deliverGenerated({
      dir,
      seed: 22,
      hours: 4,
      tamper: TAMPER_SCENARIO_NAMES,
    });
    expect(labels.map((l) => l.scenario).sort()).toEqual([...TAMPER_SCENARIO_NAMES].sort());
    const report = await verifyDelivery({ dir });
    for (const label of labels) {
      expect(report.failures).toContainEqual(
        expect.objectContaining({ path: label.expect.path, reason: label.expect.reason }),
      );
    }
  });

  test("too small a delivery for a scenario fails with a message saying what it needs", async () => {
    await expect(
      deliverGenerated({ dir, seed: 23, hours: 0.05, tamper: ["tamper-break-chain"] }),
    ).rejects.toThrow(
      /tamper-break-chain: nothing to tamper with \(it needs a chain of at least two digests\)/,
    );
  });
});

describe("untampered deliveries", () => {
  test.prop(
    [
      fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 20 }),
    ],
    {
      numRuns: 8,
    },
  )("verify clean for any seed, length and cadence", async (seed, hours, cycleMinutes) => {
    const root = await mkdtemp(join(tmpdir(), "ctsim-clean-"));
    try {
      const { stats } = await deliverGenerated({
        dir: root,
        seed,
        hours,
        cycleMs: cycleMinutes * 60_000,
      });
      const report = await verifyDelivery({ dir: root });
      expect(report.failures).toEqual([]);
      expect(report.filesValid).toBe(stats.files);
      expect(report.digestsValid).toBe(stats.digests);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
