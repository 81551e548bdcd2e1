// One world, provably: over seeds and windows of a live tenant, the traces the API returns
// (walked with `next`), the traces in the OBS files (duplicates removed) and the notifications
// delivered are the same events, and agree field by field in their three shapes.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { createTrackerTransfer, verifyDelivery } from "@ctsim/delivery/node";
import { createNotifier, responseText } from "@ctsim/mock";
import { createSmnSigner, type MockService, startMockService } from "@ctsim/mock/node";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { connectLiveWorld } from "./live-world.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Longest ingestion delay of the default model: after it, every produced trace is visible. */
const MAX_DELAY = 10 * MINUTE;
const BUCKET = "one-world-bucket";

type Json = Record<string, unknown>;

/** The fields all three shapes carry. */
function essence(trace: Json): Json {
  // OBS files carry `user` as JSON text and `code` as a number (reference §7.1).
  const user = (
    typeof trace.user === "string" ? JSON.parse(trace.user) : (trace.user ?? {})
  ) as Json;
  return {
    trace_id: trace.trace_id,
    trace_name: trace.trace_name,
    // FunctionGraph names the rating `trace_status` (and carries no `source_ip`).
    rating: trace.trace_rating ?? trace.trace_status,
    service_type: trace.service_type,
    resource_type: trace.resource_type,
    resource_id: trace.resource_id,
    resource_name: trace.resource_name,
    code: String(trace.code),
    time: trace.time,
    user: user.name,
  };
}

function call(service: MockService, method: string, path: string, query: Json, body?: unknown) {
  const response = service.server.core.handle({
    method,
    path,
    query: new URLSearchParams(query as Record<string, string>).toString(),
    headers: {},
    body: body === undefined ? "" : JSON.stringify(body),
  });
  return { status: response.status, json: JSON.parse(responseText(response) || "{}") as Json };
}

/** Every trace ListTraces returns for [from, to], walking `next`: management, or a data tracker's. */
function walkApi(service: MockService, from: number, to: number, dataTracker?: string): Json[] {
  const path = `/v3/${service.projectId}/traces`;
  const traces: Json[] = [];
  let marker: unknown = null;
  const selector =
    dataTracker === undefined
      ? { trace_type: "system" }
      : { trace_type: "data", tracker_name: dataTracker };
  do {
    const query: Json = { ...selector, from: `${from}`, to: `${to}`, limit: "200" };
    if (marker !== null) query.next = marker;
    const page = call(service, "GET", path, query);
    expect(page.status).toBe(200);
    traces.push(...(page.json.traces as Json[]));
    marker = (page.json.meta_data as Json).marker ?? null;
  } while (marker !== null);
  return traces;
}

/** Every record of every trace file under `dir` (duplicates kept). */
async function readObsRecords(dir: string): Promise<Json[]> {
  const records: Json[] = [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile() || !/CloudTrace_.*\.json\.gz$/.test(entry.name)) continue;
    const text = gunzipSync(await readFile(join(entry.parentPath, entry.name))).toString("utf8");
    records.push(...(JSON.parse(text) as Json[]));
  }
  return records;
}

const byId = (traces: readonly Json[]): Map<string, Json> =>
  new Map(traces.map((trace) => [trace.trace_id as string, trace]));

describe("one world: API, OBS files and notifications of a live tenant", () => {
  it("show exactly the same events, in all three shapes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.integer({ min: 30, max: 5 * 60 }).map((minutes) => minutes * MINUTE),
        fc.array(fc.integer({ min: 1, max: 20 * MINUTE }), { minLength: 1, maxLength: 40 }),
        async (seed, window, steps) => {
          const dir = await mkdtemp(join(tmpdir(), "ctsim-world-"));
          let clock = Date.UTC(2026, 2, 2, 9, 17, 23) + (seed % 1000) * MINUTE;
          const service = await startMockService({
            port: 0,
            seed,
            days: 1,
            cacheDir: false,
            live: { clock: () => clock, deferStart: true, tickMs: 2 ** 30 },
          });
          try {
            const start = clock;
            const pid = service.projectId;
            // Configured through the API before the first live trace, as a user would.
            const tracker = call(
              service,
              "PUT",
              `/v3/${pid}/tracker`,
              {},
              {
                tracker_type: "system",
                tracker_name: "system",
                obs_info: { bucket_name: BUCKET, file_prefix_name: "world" },
                is_support_validate: true,
              },
            );
            expect(tracker.status).toBe(200);
            const topic = `urn:fss:cn-north-4:${pid}:function:default:audit`;
            const history = walkApi(service, start - 24 * HOUR, start);
            const watched = history.slice(0, 3).map((t) => ({
              service_type: t.service_type as string,
              resource_type: t.resource_type as string,
              trace_names: [t.trace_name as string],
            }));
            for (const body of [
              { notification_name: "everything", operation_type: "complete", topic_id: topic },
              {
                notification_name: "watched",
                operation_type: "customized",
                operations: watched,
                topic_id: topic,
              },
            ]) {
              expect(call(service, "POST", `/v3/${pid}/notifications`, {}, body).status).toBe(201);
            }
            const messages: { name: string; cts: Json }[] = [];
            const names = new Map(
              (
                call(service, "GET", `/v3/${pid}/notifications/fun`, {}).json
                  .notifications as Json[]
              ).map((n) => [n.notification_id as string, n.notification_name as string]),
            );
            const notifier = createNotifier({
              notificationsOf: (projectId) => service.server.core.notificationsOf(projectId),
              send: (message) =>
                messages.push({
                  name: names.get(message.notificationId) as string,
                  cts: (JSON.parse(message.body) as { cts: Json }).cts,
                }),
              signSmn: createSmnSigner(),
            });
            const files: { path: string; uploadTime: number }[] = [];
            const transfer = createTrackerTransfer({
              dir,
              seed,
              trackersOf: (projectId) => service.server.core.trackersOf(projectId),
              onFile: (file, bucket) =>
                files.push({ path: join(dir, bucket, file.object), uploadTime: file.uploadTime }),
            });
            const visibleAt = new Map<string, number>();
            service.live!.onVisible((traces, at) => {
              for (const trace of traces) visibleAt.set(trace.event.traceId, at);
            });
            const disconnect = connectLiveWorld(service.live!, { notifier, transfer });
            service.startLive();
            // The clock moves in uneven steps over the window, then past the longest delay.
            let step = 0;
            while (clock < start + window) {
              clock += steps[step++ % steps.length] as number;
              service.live!.advance(clock);
              await transfer.settled();
            }
            clock += MAX_DELAY + 1;
            service.live!.advance(clock);
            disconnect();
            await transfer.close();

            // A file holds traces CTS had received (the API showed) by its upload time.
            for (const file of files) {
              const records = JSON.parse(
                gunzipSync(await readFile(file.path)).toString(),
              ) as Json[];
              for (const record of records)
                expect(visibleAt.get(record.trace_id as string)).toBeLessThanOrEqual(
                  file.uploadTime,
                );
            }
            const api = byId(walkApi(service, start, clock));
            const obsRecords = await readObsRecords(join(dir, BUCKET));
            const obs = byId(obsRecords);
            expect(obsRecords.length).toBeGreaterThanOrEqual(obs.size);
            expect([...obs.keys()].sort()).toEqual([...api.keys()].sort());
            for (const [id, record] of obs) {
              const listed = api.get(id)!;
              expect(essence(record)).toEqual(essence(listed));
              expect(record.source_ip).toBe(listed.source_ip);
            }

            // Notifications fire for data traces (OBS object access) too: those the API lists
            // under the project's data trackers.
            const dataTrackers = service.server.core
              .trackersOf(pid)
              .filter((t) => t.tracker_type === "data");
            const listed = new Map(api);
            for (const { tracker_name } of dataTrackers) {
              for (const [id, trace] of byId(walkApi(service, start, clock, tracker_name)))
                listed.set(id, trace);
            }
            const everything = messages.filter((m) => m.name === "everything");
            const fired = byId(everything.map((m) => m.cts));
            expect(everything.length).toBe(fired.size); // each event notified once
            expect([...fired.keys()].sort()).toEqual([...listed.keys()].sort());
            for (const [id, cts] of fired) expect(essence(cts)).toEqual(essence(listed.get(id)!));

            const isWatched = (t: Json): boolean =>
              watched.some(
                (w) =>
                  w.service_type === t.service_type &&
                  w.resource_type === t.resource_type &&
                  w.trace_names.includes(t.trace_name as string),
              );
            const watchedIds = messages
              .filter((m) => m.name === "watched")
              .map((m) => m.cts.trace_id as string);
            expect(watchedIds.sort()).toEqual(
              [...listed.values()]
                .filter(isWatched)
                .map((t) => t.trace_id as string)
                .sort(),
            );
            // The files are CTS's: every digest signed, the chains whole. (A quiet window can
            // bring no trace at all: then no delivery opened, and there is nothing to verify.)
            if (api.size > 0) {
              const verified = await verifyDelivery({ dir: join(dir, BUCKET) });
              expect(verified.failures).toEqual([]);
            } else expect(files).toEqual([]);
          } finally {
            await service.close();
            await rm(dir, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 4 },
    );
  }, 120_000);
});
