import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { type DeliveredFile, type DigestFile, deliveredTraceOf } from "@ctsim/delivery";
import { createTransferWriter, PUBLIC_KEY_FILE, verifyDelivery } from "@ctsim/delivery/node";
import { encodeObsTraceJson, generateTraces, type TraceEvent } from "@ctsim/generator";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { listFiles, readTraceFile, snapshot } from "./read-bucket.js";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ctsim-delivery-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const FROM = Date.UTC(2024, 7, 23, 8, 0, 0);
const HOURS = 3;

function traces(seed: number): TraceEvent[] {
  return [
    ...generateTraces({
      seed,
      from: FROM,
      to: FROM + HOURS * 3_600_000,
      now: FROM + HOURS * 3_600_000,
    }),
  ];
}

/** Reference §7.1, zero-padded dates. */
const TRACE_LAYOUT =
  /^CloudTraces\/([a-z0-9-]+)\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)\/([^/]+)\/acme_CloudTrace_\1_\2-\3-\4T\d{2}-\d{2}-\d{2}Z_[0-9a-f]{16}\.json\.gz$/;
/** Reference §7.2. */
const DIGEST_LAYOUT =
  /^CloudTraces\/([a-z0-9-]+)\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)\/Digest\/([^/]+)\/acme_CloudTrace-Digest_\1_\2-\3-\4T\d{2}-\d{2}-\d{2}Z\.json\.gz(\.meta\.json)?$/;

async function deliver(events: readonly TraceEvent[], seed: number, root = dir) {
  const files: DeliveredFile[] = [];
  const writer = await createTransferWriter({
    dir: root,
    seed,
    prefix: "acme",
    digests: true,
    duplicateRate: 0.02,
    onFile: (f) => files.push(f),
  });
  for (const event of events) await writer.write(deliveredTraceOf(event));
  const stats = await writer.close();
  return { files, stats };
}

describe("createTransferWriter", () => {
  test("every trace arrives, each file holds its cycle's traces plus declared duplicates, named as CTS names them", async () => {
    const events = traces(11);
    expect(events.length).toBeGreaterThan(50);
    const { files, stats } = await deliver(events, 11);
    const onDisk = (await listFiles(dir)).filter(
      (p) => !p.includes("/Digest/") && p !== PUBLIC_KEY_FILE,
    );
    expect(onDisk).toEqual(files.map((f) => f.object).sort());
    expect(onDisk.every((p) => TRACE_LAYOUT.test(p))).toBe(true);

    const expected = new Map(events.map((e) => [e.traceId, encodeObsTraceJson(e)]));
    const seen = new Map<string, number>();
    let duplicates = 0;
    for (const file of files) {
      const records = await readTraceFile(dir, file.object);
      expect(records.length).toBe(file.records);
      // Byte for byte the records the encoder wrote, framed as a JSON array.
      const text = gunzipSync(await readFile(join(dir, file.object))).toString("utf8");
      expect(text).toBe(
        `[\n${records.map((r) => expected.get(r.trace_id as string)).join(",\n")}\n]\n`,
      );
      let again = 0;
      for (const record of records) {
        const id = record.trace_id as string;
        expect(record.service_type).toBe(file.serviceType);
        const time = record.time as number;
        if (seen.has(id)) {
          again += 1;
          // A re-delivery comes in the file right after the first delivery's cycle.
          expect(time).toBeLessThan(file.cycleStart);
        } else {
          expect(time).toBeGreaterThanOrEqual(file.cycleStart);
          expect(time).toBeLessThan(file.uploadTime);
        }
        seen.set(id, (seen.get(id) ?? 0) + 1);
      }
      expect(again).toBe(file.duplicates);
      duplicates += again;
    }
    expect(new Set(seen.keys())).toEqual(new Set(expected.keys()));
    expect(duplicates).toBe(stats.duplicates);
    expect(duplicates).toBeGreaterThan(0);
    expect(stats.traces).toBe(events.length);
    expect(new Set(files.map((f) => f.serviceType)).size).toBeGreaterThan(1);
    // Cycles last "several minutes" (5 min ± 20%).
    for (const file of files) {
      expect(file.uploadTime - file.cycleStart).toBeLessThanOrEqual(6 * 60_000);
      expect(file.uploadTime % 1000).toBe(0);
    }
  });

  test("hourly digests chain every file of their hour and verify clean", async () => {
    const { files, stats } = await deliver(traces(12), 12);
    const digestObjects = (await listFiles(dir)).filter((p) => p.includes("/Digest/"));
    expect(digestObjects.every((p) => DIGEST_LAYOUT.test(p))).toBe(true);
    const digests = digestObjects.filter((p) => p.endsWith(".json.gz"));
    expect(digests.length).toBe(stats.digests);
    const listed: string[] = [];
    for (const object of digests) {
      const digest = JSON.parse(
        gunzipSync(await readFile(join(dir, object))).toString("utf8"),
      ) as DigestFile;
      expect(Object.keys(digest)).toEqual([
        "project_id",
        "digest_start_time",
        "digest_end_time",
        "digest_bucket",
        "digest_object",
        "digest_signature_algorithm",
        "digest_end",
        "previous_digest_bucket",
        "previous_digest_object",
        "previous_digest_hash_value",
        "previous_digest_hash_algorithm",
        "previous_digest_signature",
        "previous_digest_end",
        "log_files",
      ]);
      expect(digest.digest_object).toBe(object);
      expect(digest.digest_signature_algorithm).toBe("SHA256withRSA");
      expect(digest.project_id).toMatch(/^[0-9a-f]{32}$/);
      listed.push(...digest.log_files.map((f) => f.object));
      const meta = JSON.parse(await readFile(join(dir, `${object}.meta.json`), "utf8"));
      expect(meta["meta-signature-algorithm"]).toBe("SHA256withRSA");
      expect(meta["meta-signature"]).toMatch(/^[0-9a-f]{512}$/);
    }
    expect(listed.sort()).toEqual(files.map((f) => f.object).sort());
    const report = await verifyDelivery({ dir });
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.digestsValid).toBe(stats.digests);
    expect(report.filesValid).toBe(files.length);
  });

  test("same seed and traces give byte-identical files, digests, signatures and key", async () => {
    const events = traces(13);
    await deliver(events, 13);
    const other = await mkdtemp(join(tmpdir(), "ctsim-delivery-"));
    try {
      await deliver(events, 13, other);
      expect(await snapshot(other)).toEqual(await snapshot(dir));
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  test("advance(now) delivers the cycles and digest hours that ended by now, before any close", async () => {
    const events = traces(15).filter((e) => e.time < FROM + 3_600_000);
    const files: DeliveredFile[] = [];
    const digestEnds: number[] = [];
    const writer = await createTransferWriter({
      dir,
      seed: 15,
      digests: true,
      onFile: (f) => files.push(f),
      onDigest: (d) => digestEnds.push(d.endTime),
    });
    for (const event of events) await writer.write(deliveredTraceOf(event));
    const last = events.at(-1)!.time;
    const before = files.length;
    await writer.advance(last); // the cycle holding the last trace is still open
    expect(files.length).toBe(before);
    expect(files.every((f) => f.uploadTime <= last)).toBe(true);
    await writer.advance(last + 10 * 60_000); // a clock with no trace: the open cycle closes
    expect(files.length).toBeGreaterThan(before);
    expect(digestEnds.every((end) => end <= last + 10 * 60_000)).toBe(true);
    const chains = new Set(files.map((f) => `${f.trackerName}/${f.serviceType}`)).size;
    await writer.advance(last + 3 * 3_600_000); // every chain's first hours are over
    expect(digestEnds.length).toBeGreaterThanOrEqual(2 * chains);
    expect(digestEnds.every((end) => end <= last + 3 * 3_600_000)).toBe(true);
    expect((await verifyDelivery({ dir })).failures).toEqual([]);
    await writer.close();
    expect((await verifyDelivery({ dir })).failures).toEqual([]);
  });

  test("a write that fails names the path and the cause, and the writer stays failed", async () => {
    const events = traces(14);
    // A file where the CloudTraces directory must go: fails even for root, unlike a read-only mode.
    await writeFile(join(dir, "CloudTraces"), "not a directory");
    const writer = await createTransferWriter({ dir, seed: 14 });
    const run = async (): Promise<void> => {
      for (const event of events) await writer.write(deliveredTraceOf(event));
      await writer.close();
    };
    await expect(run()).rejects.toThrow(
      new RegExp(`cannot write ${dir}/CloudTraces/.+\\.json\\.gz: .*(ENOTDIR|EEXIST)`),
    );
    await expect(writer.close()).rejects.toThrow(/cannot write/);
  });
});
