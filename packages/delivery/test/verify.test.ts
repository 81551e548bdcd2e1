import { createHash, createPublicKey } from "node:crypto";
import { cp, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import type { DigestFile } from "@ctsim/delivery";
import { PUBLIC_KEY_FILE, seededRsaKey, signDigest, verifyDelivery } from "@ctsim/delivery/node";
import { afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { deliverGenerated } from "./deliver-generated.js";
import { listFiles } from "./read-bucket.js";

let clean = "";
let dir = "";
beforeAll(async () => {
  clean = await mkdtemp(join(tmpdir(), "ctsim-verify-clean-"));
  await deliverGenerated({ dir: clean, seed: 31, hours: 4 });
  return () => rm(clean, { recursive: true, force: true });
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ctsim-verify-"));
  await cp(clean, dir, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const digests = async (): Promise<string[]> =>
  (await listFiles(dir)).filter((p) => p.endsWith(".json.gz") && p.includes("/Digest/"));
const traceFiles = async (): Promise<string[]> =>
  (await listFiles(dir)).filter((p) => p.endsWith(".json.gz") && !p.includes("/Digest/"));

describe("verifyDelivery", () => {
  test("a clean delivery verifies with the exported key and with the key passed in", async () => {
    expect((await verifyDelivery({ dir })).ok).toBe(true);
    const pem = await readFile(join(dir, PUBLIC_KEY_FILE), "utf8");
    await rm(join(dir, PUBLIC_KEY_FILE));
    expect((await verifyDelivery({ dir, publicKey: pem })).ok).toBe(true);
    await expect(verifyDelivery({ dir })).rejects.toThrow(
      /cannot read the public key .*--public-key/,
    );
  });

  test("another public key fails every signature", async () => {
    const report = await verifyDelivery({
      dir,
      publicKey: createPublicKey(seededRsaKey(99, "digest")),
    });
    expect(report.failures.filter((f) => f.reason === "signature-invalid")).toHaveLength(
      (await digests()).length,
    );
  });

  test("hours cut out of a chain by someone holding the key are a chain gap", async () => {
    // Delete a middle digest and re-link its successor to the one before, properly signed.
    const chain = (await digests()).filter((d) => d.includes("/system/Digest/ModelArts/"));
    expect(chain.length).toBeGreaterThanOrEqual(3);
    const [before, cut, after] = chain as [string, string, string];
    const bytesOf = (object: string) => readFile(join(dir, object));
    const md5 = (bytes: Buffer) => createHash("md5").update(bytes).digest("hex");
    const read = async (object: string): Promise<DigestFile> =>
      JSON.parse(gunzipSync(await bytesOf(object)).toString("utf8"));
    const meta = async (object: string): Promise<string> =>
      JSON.parse(await readFile(join(dir, `${object}.meta.json`), "utf8"))["meta-signature"];
    const relinked: DigestFile = {
      ...(await read(after)),
      previous_digest_object: before,
      previous_digest_hash_value: md5(await bytesOf(before)),
      previous_digest_signature: await meta(before),
    };
    const bytes = gzipSync(JSON.stringify(relinked));
    await writeFile(join(dir, after), bytes);
    const signature = signDigest(relinked, md5(bytes), seededRsaKey(31, "digest"));
    await writeFile(
      join(dir, `${after}.meta.json`),
      JSON.stringify({ "meta-signature": signature, "meta-signature-algorithm": "SHA256withRSA" }),
    );
    await rm(join(dir, cut));
    await rm(join(dir, `${cut}.meta.json`));
    const report = await verifyDelivery({ dir });
    const reasons = new Set(report.failures.map((f) => f.reason));
    expect(report.failures).toContainEqual(
      expect.objectContaining({ path: after, reason: "chain-gap" }),
    );
    // Only the gap, and the cut hour's files now listed nowhere.
    for (const reason of reasons) expect(["chain-gap", "file-unlisted"]).toContain(reason);
  });

  test("a digest without its meta-signature sidecar", async () => {
    const [digest] = await digests();
    await rm(join(dir, `${digest}.meta.json`));
    const report = await verifyDelivery({ dir });
    expect(report.failures).toEqual([
      expect.objectContaining({ path: digest, reason: "signature-missing" }),
    ]);
  });

  test("a digest moved to another name is reported as moved", async () => {
    const all = await digests();
    const last = all.find(
      (d) => !all.some((o) => o !== d && o.startsWith(d.slice(0, d.lastIndexOf("/"))) && o > d),
    )!;
    const moved = last.replace(/T(\d\d)-/, "T23-");
    await rename(join(dir, last), join(dir, moved));
    await rename(join(dir, `${last}.meta.json`), join(dir, `${moved}.meta.json`));
    const report = await verifyDelivery({ dir });
    expect(report.failures).toContainEqual(
      expect.objectContaining({ path: moved, reason: "digest-moved" }),
    );
  });

  test("a trace file no digest lists, inside the digested hours, is reported; one after them is pending", async () => {
    const [file] = await traceFiles();
    const copy = file!.replace(/_[0-9a-f]{16}\.json\.gz$/, "_0123456789abcdef.json.gz");
    await cp(join(dir, file!), join(dir, copy));
    const late = file!
      .replace(/\/\d{2}\/([^/]+\/[^/]+\/[^/]+)$/, "/30/$1")
      .replace(/2024-08-\d\d/, "2024-08-30");
    await cp(join(dir, file!), join(dir, late));
    const report = await verifyDelivery({ dir });
    expect(report.failures).toEqual([
      expect.objectContaining({ path: copy, reason: "file-unlisted" }),
    ]);
    expect(report.filesPending).toBe(1);
  });

  test("an unreadable digest and a missing CloudTraces directory", async () => {
    const [digest] = await digests();
    await writeFile(join(dir, digest!), "not gzip");
    const report = await verifyDelivery({ dir });
    expect(report.failures).toContainEqual(
      expect.objectContaining({ path: digest, reason: "digest-unreadable" }),
    );
    await rm(join(dir, "CloudTraces"), { recursive: true });
    await expect(verifyDelivery({ dir })).rejects.toThrow(/cannot read .*CloudTraces/);
  });
});
