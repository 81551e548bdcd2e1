import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { validatorFor } from "@ctsim/catalog";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createObsDirSink } from "./obs-dir-sink.js";
import type { TraceChunk, TraceRoute } from "./trace-chunk.js";
import { createTraceProducer } from "./trace-producer.js";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ctsim-obs-dir-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Reference §7.1: CloudTraces/{region}/{YYYY}/{MM}/{DD}/{tracker}/{ServiceType}/{prefix}_CloudTrace_{region}_{YYYY-MM-DD}T{HH-mm-ss}Z_{16 hex}.json.gz */
const LAYOUT =
  /^CloudTraces\/([a-z0-9-]+)\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)\/([^/]+)\/([^/_]+)_CloudTrace_\1_\2-\3-\4T\d{2}-\d{2}-\d{2}Z_[0-9a-f]{16}\.json\.gz$/;

async function allFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)));
}

function chunkOf(routes: TraceRoute[]): TraceChunk {
  const text = routes
    .map((r, i) => `${JSON.stringify({ n: i, time: r.time, service_type: r.serviceType })}\n`)
    .join("");
  return { bytes: Buffer.from(text), count: routes.length, routes };
}

describe("createObsDirSink", () => {
  test("one gzipped JSON array per route and transfer cycle, named as CTS names them", async () => {
    const base = Date.UTC(2024, 7, 23, 9, 0, 0);
    const route = (minute: number, serviceType: string, region = "cn-north-4"): TraceRoute => ({
      region,
      trackerName: "system",
      serviceType,
      time: base + minute * 60_000,
    });
    const sink = await createObsDirSink({ dir, prefix: "acme", cycleMs: 5 * 60_000 });
    await sink.write(
      chunkOf([
        route(0, "ModelArts"),
        route(1, "CTS"),
        route(2, "ModelArts"),
        route(3, "ModelArts", "cn-east-3"),
      ]),
    );
    await sink.write(chunkOf([route(6, "ModelArts"), route(7, "ModelArts")]));
    await sink.close();
    const files = (await allFiles(dir)).sort();
    expect(files.every((f) => LAYOUT.test(f))).toBe(true);
    const byDir = files.map(
      (f) =>
        f.split("/").slice(0, 7).join("/") + f.slice(f.indexOf("_CloudTrace_"), f.lastIndexOf("_")),
    );
    expect(byDir).toEqual([
      "CloudTraces/cn-east-3/2024/08/23/system/ModelArts_CloudTrace_cn-east-3_2024-08-23T09-05-00Z",
      "CloudTraces/cn-north-4/2024/08/23/system/CTS_CloudTrace_cn-north-4_2024-08-23T09-05-00Z",
      "CloudTraces/cn-north-4/2024/08/23/system/ModelArts_CloudTrace_cn-north-4_2024-08-23T09-05-00Z",
      "CloudTraces/cn-north-4/2024/08/23/system/ModelArts_CloudTrace_cn-north-4_2024-08-23T09-10-00Z",
    ]);
    const first = JSON.parse(gunzipSync(await readFile(join(dir, files[2]!))).toString("utf8"));
    expect(first.map((r: { n: number }) => r.n)).toEqual([0, 2]);
    expect(files.some((f) => f.includes(".partial"))).toBe(false);
  });

  test("splits a cycle's file at maxRecords and the hex names differ", async () => {
    const time = Date.UTC(2024, 0, 1);
    const routes = Array.from({ length: 25 }, () => ({
      region: "r1",
      trackerName: "system",
      serviceType: "ModelArts",
      time,
    }));
    const sink = await createObsDirSink({ dir, maxRecords: 10 });
    await sink.write(chunkOf(routes));
    await sink.close();
    const files = await allFiles(dir);
    expect(files).toHaveLength(3);
    const sizes = await Promise.all(
      files.map(
        async (f) => JSON.parse(gunzipSync(await readFile(join(dir, f))).toString()).length,
      ),
    );
    expect(sizes.sort()).toEqual([10, 10, 5]);
  });

  test("holds the generator's OBS-shape records, each valid against the OBS trace schema", async () => {
    const producer = createTraceProducer({
      timeline: { seed: 3 },
      shape: "obs",
      routes: true,
      clock: () => Date.UTC(2025, 0, 1),
    });
    const sink = await createObsDirSink({ dir });
    for (let i = 0; i < 4; i += 1) await sink.write(producer.pull(250)!);
    await sink.close();
    const validator = validatorFor("ObsTrace");
    let total = 0;
    for (const file of await allFiles(dir)) {
      expect(file).toMatch(LAYOUT);
      const records = JSON.parse(
        gunzipSync(await readFile(join(dir, file))).toString("utf8"),
      ) as unknown[];
      for (const record of records) expect(validator.issues(record)).toEqual([]);
      total += records.length;
    }
    expect(total).toBe(1000);
  });
});
