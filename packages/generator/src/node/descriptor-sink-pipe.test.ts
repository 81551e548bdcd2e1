import { execFileSync, spawn } from "node:child_process";
import { closeSync, constants, openSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createDescriptorSink } from "./descriptor-sink.js";
import { chunkOfRecords } from "./trace-chunk.js";

describe("createDescriptorSink on a pipe", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "ctsim-fifo-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("a full non-blocking pipe (EAGAIN) loses nothing: the late reader gets every byte", async () => {
    const fifo = join(dir, "pipe");
    const out = join(dir, "out.ndjson");
    execFileSync("mkfifo", [fifo]);
    // Opened read-write, the FIFO needs no reader yet (this end never reads); the reader starts
    // late, so the pipe fills up and the non-blocking writes meet EAGAIN.
    const fd = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
    const reader = spawn("sh", ["-c", `sleep 0.5; cat "$1" > "$2"`, "sh", fifo, out]);
    const exited = new Promise((done) => reader.on("close", done));
    const records = Array.from({ length: 3000 }, (_, n) => `{"n":${n},"pad":"${"x".repeat(300)}"}`);
    try {
      const sink = await createDescriptorSink({ fd, name: "fifo" });
      for (let at = 0; at < records.length; at += 1000)
        await sink.write(chunkOfRecords(records.slice(at, at + 1000)));
      await sink.close();
      expect(sink.recordsWritten).toBe(3000);
    } finally {
      closeSync(fd);
    }
    await exited;
    expect(await readFile(out, "utf8")).toBe(`${records.join("\n")}\n`);
  });
});
