import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MockState } from "@ctsim/mock";
import { readStateFile, StateFileWriter, startMockService } from "@ctsim/mock/node";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "ctsim-mock-state-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NOW = Date.UTC(2026, 5, 15, 12);
const EMPTY: MockState = { projects: {} };

/** A small service (one generated day, no snapshot cache) keeping its state in `file`. */
const start = (file: string) =>
  startMockService({ port: 0, days: 1, now: () => NOW, cacheDir: false, stateFile: file });

describe("the state file", () => {
  it("keeps trackers and notifications across restarts of the service", async () => {
    const file = join(dir, "restart.json");
    const first = await start(file);
    expect(first.state).toEqual({ file, restored: undefined });
    const base = `${first.server.url}/v3/${first.projectId}`;
    const post = (path: string, body: object) =>
      fetch(`${base}${path}`, { method: "POST", body: JSON.stringify(body) });
    const tracker = {
      tracker_type: "data",
      tracker_name: "audit-bucket",
      data_bucket: { data_bucket_name: "datasets", data_event: ["WRITE"] },
    };
    expect((await post("/tracker", tracker)).status).toBe(201);
    expect(
      (await post("/notifications", { notification_name: "n1", operation_type: "complete" }))
        .status,
    ).toBe(201);
    const trackers = await (await fetch(`${base}/trackers`)).json();
    const notifications = await (await fetch(`${base}/notifications/smn`)).json();
    await first.close();
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({
      format: "ctsim-mock-state",
      version: 1,
    });

    const second = await start(file);
    expect(Object.keys(second.state?.restored?.projects ?? {})).toEqual([second.projectId]);
    const again = `${second.server.url}/v3/${second.projectId}`;
    expect(await (await fetch(`${again}/trackers`)).json()).toEqual(trackers);
    expect(await (await fetch(`${again}/notifications/smn`)).json()).toEqual(notifications);
    // A deletion is kept too.
    const deleted = await fetch(`${again}/trackers?tracker_name=audit-bucket&tracker_type=data`, {
      method: "DELETE",
    });
    expect(deleted.status).toBe(204);
    await second.close();
    const third = await start(file);
    const left = (await (
      await fetch(`${third.server.url}/v3/${third.projectId}/trackers`)
    ).json()) as { trackers: { tracker_type: string }[] };
    expect(left.trackers.map((t) => t.tracker_type)).toEqual(["system"]);
    await third.close();
  });

  it("refuses a file that is not a valid state before loading anything, and leaves it alone", async () => {
    for (const [name, text, reason] of [
      ["broken.json", "{not json", /not JSON/],
      [
        "foreign.json",
        JSON.stringify({ projects: {} }),
        /not a ctsim-mock-state file of version 1/,
      ],
      [
        "bad-tracker.json",
        JSON.stringify({
          format: "ctsim-mock-state",
          version: 1,
          projects: { p: { trackers: [{ id: 1 }], notifications: [] } },
        }),
        /projects\.p\.trackers\[0\]/,
      ],
    ] as const) {
      const file = join(dir, name);
      writeFileSync(file, text);
      await expect(start(file)).rejects.toThrow(reason);
      await expect(start(file)).rejects.toMatchObject({ code: "CTSIM_MOCK_INVALID_OPTION" });
      expect(readFileSync(file, "utf8")).toBe(text);
    }
    expect(readStateFile(join(dir, "missing.json"))).toBeUndefined();
  });

  it("writes the latest state once per burst of changes, and reports a failed write", async () => {
    const file = join(dir, "burst.json");
    let reads = 0;
    const writer = new StateFileWriter(
      file,
      () => {
        reads++;
        return EMPTY;
      },
      (error) => {
        throw error;
      },
    );
    for (let i = 0; i < 10; i++) writer.changed();
    await writer.flush();
    expect(reads).toBeLessThanOrEqual(2);
    expect(readStateFile(file)).toEqual({ format: "ctsim-mock-state", version: 1, projects: {} });

    const errors: Error[] = [];
    const unwritable = new StateFileWriter(
      join(dir, "no-such-dir", "state.json"),
      () => EMPTY,
      (error) => errors.push(error),
    );
    unwritable.changed();
    await unwritable.flush();
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect((errors[0] as NodeJS.ErrnoException).code).toBe("ENOENT");
  });
});
