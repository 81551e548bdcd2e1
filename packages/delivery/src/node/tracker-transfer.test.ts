import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateTraces, type TraceEvent } from "@ctsim/generator";
import { afterEach, describe, expect, it } from "vitest";
import { createTrackerTransfer, type TransferTracker } from "./tracker-transfer.js";

const MINUTE = 60_000;
let dir = "";
afterEach(async () => {
  if (dir !== "") await rm(dir, { recursive: true, force: true });
});

/** Management traces of one project, in time order. */
function traces(count: number): TraceEvent[] {
  return [...generateTraces({ seed: 4, count: count * 3, modelartsOnly: true })]
    .filter((e) => e.trackerName === "system")
    .slice(0, count);
}

async function files(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && /CloudTrace_/.test(e.name))
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

describe("createTrackerTransfer", () => {
  it("follows the tracker: no bucket, none; a bucket, its directory; a new bucket, a new delivery; disabled, none", async () => {
    dir = await mkdtemp(join(tmpdir(), "ctsim-tt-"));
    let tracker: TransferTracker = { tracker_name: "system", obs_info: { bucket_name: "" } };
    const transfer = createTrackerTransfer({ dir, seed: 1, trackersOf: () => [tracker] });
    const events = traces(40);
    const at = (i: number) => events[0]!.time + i * MINUTE;
    const deliver = (from: number, to: number) => {
      for (let i = from; i < to; i++)
        transfer.deliver([{ projectId: "p", event: events[i]!, arrivedAt: at(i) }]);
    };
    deliver(0, 10);
    tracker = {
      tracker_name: "system",
      obs_info: { bucket_name: "first-bucket", file_prefix_name: "a" },
    };
    deliver(10, 20);
    tracker = { tracker_name: "system", obs_info: { bucket_name: "second-bucket" } };
    deliver(20, 30);
    tracker = { ...tracker, status: "disabled" };
    deliver(30, 40);
    const stats = await transfer.close();
    expect(stats).toMatchObject({ writers: 2, traces: 20 });
    expect(await readdir(dir)).toEqual(["first-bucket", "second-bucket"]);
    expect((await files(join(dir, "first-bucket"))).every((f) => /\/a_CloudTrace_/.test(f))).toBe(
      true,
    );
    expect((await files(join(dir, "second-bucket"))).every((f) => /\/CloudTrace_/.test(f))).toBe(
      true,
    );
  });

  it("reports the first write failure once, naming the path, and close rejects with it", async () => {
    dir = await mkdtemp(join(tmpdir(), "ctsim-tt-"));
    await writeFile(join(dir, "taken"), "a file where the bucket directory should be");
    const errors: Error[] = [];
    const transfer = createTrackerTransfer({
      dir,
      seed: 1,
      trackersOf: () => [{ tracker_name: "system", obs_info: { bucket_name: "taken" } }],
      onError: (error) => errors.push(error),
    });
    const [event] = traces(1);
    transfer.deliver([{ projectId: "p", event: event!, arrivedAt: event!.time }]);
    transfer.advance(event!.time + 10 * MINUTE);
    await expect(transfer.settled()).rejects.toThrow(join(dir, "taken"));
    await expect(transfer.close()).rejects.toThrow(/CTSIM_DELIVERY_WRITE_FAILED|taken/);
    expect(errors).toHaveLength(1);
  });
  it("counts its backlog: traces queued and not yet written, 0 once settled", async () => {
    dir = await mkdtemp(join(tmpdir(), "ctsim-tt-"));
    const tracker: TransferTracker = { tracker_name: "system", obs_info: { bucket_name: "b" } };
    const transfer = createTrackerTransfer({ dir, seed: 1, trackersOf: () => [tracker] });
    const events = traces(30);
    transfer.deliver(
      events.slice(0, 20).map((event) => ({ projectId: "p", event, arrivedAt: event.time })),
    );
    transfer.deliver([{ projectId: "other", event: events[20]!, arrivedAt: events[20]!.time }]);
    expect(transfer.backlog).toBe(21);
    await transfer.settled();
    expect(transfer.backlog).toBe(0);
    await transfer.close();
    expect(transfer.backlog).toBe(0);
  });
});
