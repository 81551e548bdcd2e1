import { createPublicKey, sign, verify } from "node:crypto";
import { describe, expect, test } from "vitest";
import { seededRsaKey } from "./seeded-rsa-key.js";

describe("seededRsaKey", () => {
  test("an RSA-2048 key that signs and verifies, the same for the same seed, different across seeds and labels", () => {
    const key = seededRsaKey(5, "digest");
    expect(key.asymmetricKeyDetails).toEqual({ modulusLength: 2048, publicExponent: 65537n });
    const message = Buffer.from("2017-03-28T02-09-17Z…");
    const signature = sign("sha256", message, key);
    expect(verify("sha256", message, createPublicKey(key), signature)).toBe(true);
    const pem = (k: typeof key): string =>
      createPublicKey(k).export({ type: "spki", format: "pem" }).toString();
    expect(pem(seededRsaKey(5, "digest"))).toBe(pem(key));
    expect(pem(seededRsaKey(6, "digest"))).not.toBe(pem(key));
    expect(pem(seededRsaKey(5, "foreign"))).not.toBe(pem(key));
    expect(verify("sha256", message, createPublicKey(seededRsaKey(6, "digest")), signature)).toBe(
      false,
    );
  });
});
