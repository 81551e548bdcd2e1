import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createFileSink } from "./file-sink.js";
import { StreamErrorCode } from "./stream-error.js";
import { chunkOfRecords } from "./trace-chunk.js";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ctsim-file-sink-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const record = (i: number): string =>
  JSON.stringify({ trace_id: `t-${i}`, resource_name: "é".repeat(i % 7) });
const records = Array.from({ length: 500 }, (_, i) => record(i));

/** The live file and its rotated predecessors, oldest first. */
async function filesInOrder(path: string): Promise<string[]> {
  const names = await readdir(dir);
  const rotated = names
    .filter((name) => name.startsWith("traces.ndjson."))
    .sort((a, b) => Number(a.split(".").pop()) - Number(b.split(".").pop()));
  return [...rotated.map((name) => join(dir, name)), path];
}

describe("createFileSink", () => {
  test("size rotation keeps whole records, every file within the limit, nothing lost or reordered", async () => {
    const path = join(dir, "traces.ndjson");
    const sink = await createFileSink({ path, rotateBytes: 2000 });
    for (let i = 0; i < records.length; i += 37)
      await sink.write(chunkOfRecords(records.slice(i, i + 37)));
    await sink.close();
    const files = await filesInOrder(path);
    expect(files.length).toBeGreaterThan(5);
    const lines: string[] = [];
    for (const file of files) {
      const bytes = await readFile(file);
      expect(bytes.length).toBeLessThanOrEqual(2000);
      const text = bytes.toString("utf8");
      expect(text.endsWith("\n")).toBe(true);
      lines.push(...text.slice(0, -1).split("\n"));
    }
    expect(lines).toEqual(records);
    expect(sink.bytesWritten).toBe(Buffer.byteLength(records.join("\n")) + 1);
  });

  test("with array framing every rotated file is a complete JSON array", async () => {
    const path = join(dir, "traces.ndjson");
    const sink = await createFileSink({ path, rotateBytes: 3000, framing: "array" });
    await sink.write(chunkOfRecords(records.slice(0, 250)));
    await sink.write(chunkOfRecords(records.slice(250)));
    await sink.close();
    const all: unknown[] = [];
    for (const file of await filesInOrder(path))
      all.push(...JSON.parse(await readFile(file, "utf8")));
    expect(all).toEqual(records.map((r) => JSON.parse(r)));
  });

  test("time rotation starts a new file once the current one is old enough", async () => {
    let now = 0;
    const path = join(dir, "traces.ndjson");
    const sink = await createFileSink({ path, rotateMs: 60_000, clock: () => now });
    await sink.write(chunkOfRecords(records.slice(0, 10)));
    now = 30_000;
    await sink.write(chunkOfRecords(records.slice(10, 20)));
    now = 61_000;
    await sink.write(chunkOfRecords(records.slice(20, 30)));
    await sink.close();
    expect(await readFile(`${path}.1`, "utf8")).toBe(`${records.slice(0, 20).join("\n")}\n`);
    expect(await readFile(path, "utf8")).toBe(`${records.slice(20, 30).join("\n")}\n`);
  });

  test("a full disk (/dev/full) is a clear CTSIM_SINK_WRITE_FAILED error", async () => {
    const sink = await createFileSink({ path: "/dev/full" });
    const big = chunkOfRecords(Array.from({ length: 2000 }, (_, i) => record(i)));
    const failure = await (async () => {
      for (let i = 0; i < 50; i += 1) await sink.write(big);
      await sink.close();
    })().catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: StreamErrorCode.writeFailed });
    expect((failure as Error).message).toMatch(/ENOSPC|no space/i);
  });
});
