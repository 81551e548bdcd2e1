import { describe, expect, test } from "vitest";
import { obsObjectKey } from "./obs-object-key.js";

describe("obsObjectKey", () => {
  test("reproduces the object key of the reference example (§8.4)", () => {
    const key = obsObjectKey({
      region: "cn-north-4",
      trackerName: "system",
      serviceType: "ModelArts",
      uploadTime: Date.UTC(2024, 7, 23, 9, 5, 12),
      prefix: "acme",
      hex: "4e1f0a9b8c7d6e5f",
    });
    expect(`acme-audit/${key}`).toBe(
      "acme-audit/CloudTraces/cn-north-4/2024/08/23/system/ModelArts/acme_CloudTrace_cn-north-4_2024-08-23T09-05-12Z_4e1f0a9b8c7d6e5f.json.gz",
    );
  });

  test("reproduces the 2023 screenshot's name, and leaves the service out without service split", () => {
    const key = obsObjectKey({
      region: "cn-southwest-237",
      trackerName: "system",
      serviceType: "CTS",
      uploadTime: Date.UTC(2023, 7, 30, 1, 50, 12),
      prefix: "file",
      hex: "d22ef9d12629392c",
      sortByService: false,
      compressType: "json",
    });
    expect(key).toBe(
      "CloudTraces/cn-southwest-237/2023/08/30/system/file_CloudTrace_cn-southwest-237_2023-08-30T01-50-12Z_d22ef9d12629392c.json",
    );
  });
});
