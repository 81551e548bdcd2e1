import { fc, test as prop } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { digestObjectKey } from "./digest-object-key.js";
import { DIGEST_PERIOD_MS, digestGridOffset, digestWindowEnd } from "./digest-window.js";

describe("digestObjectKey", () => {
  test("CTS's path and name, zero-padded dates, service directory under Digest/", () => {
    const parts = {
      region: "cn-north-4",
      trackerName: "system",
      serviceType: "ModelArts",
      endTime: Date.UTC(2024, 7, 3, 10, 9, 17),
      prefix: "acme",
    };
    expect(digestObjectKey(parts)).toBe(
      "CloudTraces/cn-north-4/2024/08/03/system/Digest/ModelArts/acme_CloudTrace-Digest_cn-north-4_2024-08-03T10-09-17Z.json.gz",
    );
    expect(digestObjectKey({ ...parts, sortByService: false })).toBe(
      "CloudTraces/cn-north-4/2024/08/03/system/Digest/acme_CloudTrace-Digest_cn-north-4_2024-08-03T10-09-17Z.json.gz",
    );
  });
});

describe("digest windows", () => {
  prop.prop([fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1e12, max: 2e12 })])(
    "the window holding a time is the hour of the seeded grid that contains it",
    (seed, time) => {
      const offset = digestGridOffset(seed);
      expect(offset % 1000).toBe(0);
      expect(offset).toBeLessThan(DIGEST_PERIOD_MS);
      const end = digestWindowEnd(time, offset);
      expect(end - DIGEST_PERIOD_MS).toBeLessThanOrEqual(time);
      expect(time).toBeLessThan(end);
      expect((((end - offset) % DIGEST_PERIOD_MS) + DIGEST_PERIOD_MS) % DIGEST_PERIOD_MS).toBe(0);
    },
  );
});
