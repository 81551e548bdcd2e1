import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCtsCore, type MockState } from "@ctsim/mock";
import { readStateFile, StateFileWriter, startCtsServer, startMockService } from "@ctsim/mock/node";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "ctsim-mock-state-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NOW = Date.UTC(2026, 5, 15, 12);
const EMPTY: MockState = { projects: {} };

/** The journal beside a state file. */
const journalOf = (file: string): string => `${file}.journal`;

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
    // The data trackers the generated OBS data traces name stay (see storedDataTrackers).
    expect(left.trackers.map((t) => t.tracker_type)).toEqual(["system", "data", "data"]);
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
        "twice.json",
        JSON.stringify(notificationTwice()),
        /notifications\[1\] repeats the name "n1" \(the API refuses it: CTS\.0400/,
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

  it("reads the journal over the file, leaving out a last line a crash cut short", async () => {
    const file = join(dir, "journaled.json");
    const service = await start(file);
    const base = `${service.server.url}/v3/${service.projectId}`;
    const post = (name: string) =>
      fetch(`${base}/notifications`, {
        method: "POST",
        body: JSON.stringify({ notification_name: name, operation_type: "complete" }),
      });
    expect((await post("n1")).status).toBe(201);
    await service.close(); // folds the journal into the file
    expect(readFileSync(journalOf(file), "utf8")).toBe("");
    const again = await start(file);
    const base2 = `${again.server.url}/v3/${again.projectId}`;
    const created = await fetch(`${base2}/notifications`, {
      method: "POST",
      body: JSON.stringify({ notification_name: "n2", operation_type: "complete" }),
    });
    expect(created.status).toBe(201);
    // As a kill -9 would leave it: n2 in the journal only, then half a line.
    const journal = readFileSync(journalOf(file), "utf8");
    expect(journal.split("\n")).toHaveLength(2);
    writeFileSync(journalOf(file), `${journal}{"project":"${again.projectId}","sta`);
    const names = (state: MockState | undefined) =>
      state?.projects[again.projectId]?.notifications.map((n) => n.notification_name);
    expect(names(readStateFile(file))).toEqual(["n1", "n2"]);
    writeFileSync(journalOf(file), `{"project":1}\n${journal}`);
    expect(() => readStateFile(file)).toThrow(
      `state file ${journalOf(file)}: line 1 is not {"project": id, "state": {...}}`,
    );
    writeFileSync(journalOf(file), journal);
    await again.close();
  });

  it("answers a write only once it is on disk", async () => {
    const file = join(dir, "acknowledged.json");
    const service = await start(file);
    const base = `${service.server.url}/v3/${service.projectId}`;
    const names = Array.from({ length: 20 }, (_, i) => `n${i}`);
    await Promise.all(
      names.map(async (name) => {
        const body = JSON.stringify({ notification_name: name, operation_type: "complete" });
        const response = await fetch(`${base}/notifications`, { method: "POST", body });
        expect(response.status).toBe(201);
        // Read at once, before anything else can run: the answer came after the save.
        const saved = readStateFile(file)?.projects[service.projectId]?.notifications ?? [];
        expect(saved.map((n) => n.notification_name)).toContain(name);
      }),
    );
    await service.close();
  });

  it("saves a burst of changes in a few appends, and folds a long journal into the file", async () => {
    const file = join(dir, "burst.json");
    let reads = 0;
    const state = (): MockState => {
      reads++;
      return { projects: { p: { trackers: [], notifications: [] } } };
    };
    const writer = await StateFileWriter.open(file, state);
    await Promise.all(Array.from({ length: 50 }, () => writer.commit("p")));
    // The first save starts at once; the 49 others wait for it and share the second.
    expect(reads).toBe(2);
    expect(readFileSync(journalOf(file), "utf8").split("\n")).toHaveLength(3);
    expect(existsSync(file)).toBe(false);
    await writer.close();
    expect(readFileSync(journalOf(file), "utf8")).toBe("");
    expect(readStateFile(file)).toEqual(state());

    // Folded after each save: the second save finds the first one in the file, not the journal.
    const folded = join(dir, "fold.json");
    const folding = await StateFileWriter.open(folded, state, { foldAtBytes: 1 });
    await folding.commit("p");
    await folding.commit("p");
    expect(readFileSync(journalOf(folded), "utf8").split("\n")).toHaveLength(2);
    expect(readStateFile(folded)).toEqual(state());
    expect(JSON.parse(readFileSync(folded, "utf8"))).toMatchObject(state());
    await folding.close();
  });

  it("rejects the changes of a failed save, and a failed last save names the changes lost", async () => {
    // A journal on /dev/full fails every save with ENOSPC; a directory where the file should
    // be makes folding fail too.
    const file = join(dir, "full");
    mkdirSync(file);
    symlinkSync("/dev/full", journalOf(file));
    const errors: Error[] = [];
    const writer = await StateFileWriter.open(file, () => EMPTY, {
      onError: (error) => errors.push(error),
    });
    const results = await Promise.allSettled([
      writer.commit("p"),
      writer.commit("p"),
      writer.commit("q"),
    ]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(errors.map((error) => (error as NodeJS.ErrnoException).code)).toEqual([
      "ENOSPC",
      "ENOSPC",
    ]);
    expect(writer.unsaved).toBe(3);
    const closed = writer.close();
    await expect(closed).rejects.toMatchObject({ code: "CTSIM_MOCK_STATE_FILE" });
    await expect(closed).rejects.toThrow(
      `state file ${file}: the last 3 changes (answered with errors) could not be saved: EISDIR`,
    );
  });

  it("holds a write's answer until commitState resolves, and answers 500 CTS.0004 if it rejects", async () => {
    let settle: (error?: Error) => void = () => {};
    const server = await startCtsServer({
      commitState: () =>
        new Promise<void>((resolve, reject) => {
          settle = (error) => (error === undefined ? resolve() : reject(error));
        }),
    });
    try {
      const create = (name: string) =>
        fetch(`${server.url}/v3/p/notifications`, {
          method: "POST",
          body: JSON.stringify({ notification_name: name, operation_type: "complete" }),
        });
      const held = create("n1");
      let answered = false;
      void held.then(() => {
        answered = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(answered).toBe(false);
      settle();
      expect((await held).status).toBe(201);
      const refused = create("n2");
      await new Promise((resolve) => setTimeout(resolve, 100));
      settle(new Error("ENOSPC: no space left on device, write"));
      const answer = await refused;
      expect(answer.status).toBe(500);
      expect(await answer.json()).toEqual({
        error_code: "CTS.0004",
        error_msg:
          "Failed to write data. (the change could not be saved: ENOSPC: no space left on device, write)",
      });
      // Reads are never held.
      expect((await fetch(`${server.url}/v3/p/notifications/smn`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("refuses to start when the state file's directory cannot be written", async () => {
    const file = join(dir, "no-such-dir", "state.json");
    await expect(start(file)).rejects.toMatchObject({ code: "CTSIM_MOCK_STATE_FILE" });
    await expect(start(file)).rejects.toThrow(
      `state file ${file}: cannot write in ${join(dir, "no-such-dir")} (ENOENT`,
    );
  });
});

/** A state file holding one notification twice (the API refuses the second with CTS.0400). */
function notificationTwice(): object {
  const core = createCtsCore({ now: () => NOW });
  const body = JSON.stringify({ notification_name: "n1", operation_type: "complete" });
  core.handle({ method: "POST", path: "/v3/p/notifications", query: "", headers: {}, body });
  const { projects } = core.exportState();
  const [n1] = projects.p?.notifications ?? [];
  const notifications = [n1, { ...n1, notification_id: "another-id" }];
  return {
    format: "ctsim-mock-state",
    version: 1,
    projects: { p: { ...projects.p, notifications } },
  };
}
