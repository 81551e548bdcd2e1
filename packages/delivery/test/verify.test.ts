import { createPublicKey } from "node:crypto";
import { cp, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PUBLIC_KEY_FILE, seededRsaKey, verifyDelivery } from "@ctsim/delivery/node";
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
