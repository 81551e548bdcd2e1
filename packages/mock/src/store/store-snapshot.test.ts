import { describe, expect, it } from "vitest";
import { apiTrace, traceUuid } from "../../test/support/traces.js";
import { decodeStoreSnapshot, encodeStoreSnapshot } from "./store-snapshot.js";
import { type TraceQuery, TraceStore } from "./trace-store.js";

const NOW = Date.UTC(2026, 5, 15, 12);
const HOUR = 3_600_000;
const decoder = new TextDecoder();

/** A store of 3,000 traces over two projects, with data traces, users without names and a multi-byte name. */
function sampleStore(): TraceStore {
  const store = new TraceStore({ now: () => NOW });
  for (let i = 0; i < 3000; i++) {
    store.appendApiTrace(
      apiTrace({
        id: traceUuid(i),
        time: NOW - 50 * HOUR + i * 1000,
        traceName: i % 3 === 0 ? "createNotebook" : "deleteNotebook",
        user: i % 5 === 0 ? null : `user-${i % 7}`,
        resourceName: `nb-${i % 300}-ü`,
        ...(i % 11 === 0 ? { source: "ObsSDK" as const } : {}),
      }),
      { projectId: i % 4 === 0 ? "p2" : "p1", trackerName: i % 11 === 0 ? "obs-t" : "system" },
    );
  }
  return store;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

function pageIds(store: TraceStore, query: TraceQuery): string[] {
  return store
    .query(query)
    .traces.map((record) => (JSON.parse(decoder.decode(record)) as { trace_id: string }).trace_id);
}

const QUERIES: TraceQuery[] = [
  { projectId: "p1", kind: "system", after: 0, before: NOW + 1, limit: 200 },
  { projectId: "p2", kind: "data", after: 0, before: NOW + 1, limit: 50 },
  {
    projectId: "p1",
    kind: "system",
    filters: { user: "user-3", trace_name: "createNotebook" },
    after: 0,
    before: NOW,
    limit: 30,
  },
  {
    projectId: "p1",
    kind: "system",
    filters: { resource_name: "nb-7-ü" },
    after: 0,
    before: NOW,
    limit: 10,
  },
];

describe("store snapshots", () => {
  it("round-trip to a store that answers every query the same and encodes to the same bytes", () => {
    const original = sampleStore();
    const bytes = concat(encodeStoreSnapshot(original.exportState(), "key-1"));
    const state = decodeStoreSnapshot(bytes, "key-1");
    if (typeof state === "string") throw new Error(state);
    const copy = new TraceStore({ now: () => NOW });
    copy.importState(state);
    expect(copy.size).toBe(original.size);
    for (const query of QUERIES) expect(pageIds(copy, query)).toEqual(pageIds(original, query));
    expect(copy.findById("p2", traceUuid(0))).toBe(original.findById("p2", traceUuid(0)));
    expect(copy.findById("p1", traceUuid(1))).toContain(traceUuid(1));
    expect(copy.projects()).toEqual(original.projects());
    expect(copy.distinctValues("user", "p1").sort()).toEqual(
      original.distinctValues("user", "p1").sort(),
    );
    expect(Buffer.compare(concat(encodeStoreSnapshot(copy.exportState(), "key-1")), bytes)).toBe(0);
  });

  it("leaves a restored store appendable", () => {
    const bytes = concat(encodeStoreSnapshot(sampleStore().exportState(), "k"));
    const state = decodeStoreSnapshot(bytes, "k");
    if (typeof state === "string") throw new Error(state);
    const store = new TraceStore({ now: () => NOW });
    store.importState(state);
    store.appendApiTrace(apiTrace({ id: "late-1", time: NOW - 10, user: "user-3" }), {
      projectId: "p1",
    });
    store.appendApiTrace(apiTrace({ id: "early-1", time: NOW - 60 * HOUR, user: "user-3" }), {
      projectId: "p1",
    });
    expect(store.findById("p1", "late-1")).toContain("late-1");
    const newest = pageIds(store, { ...QUERIES[0]!, filters: { user: "user-3" }, limit: 1 });
    expect(newest).toEqual(["late-1"]);
    expect(store.findById("p1", "early-1")).toContain("early-1");
    expect(store.size).toBe(3002);
  });

  it("refuses other keys, truncated or damaged bytes and foreign files, with a reason", () => {
    const bytes = concat(encodeStoreSnapshot(sampleStore().exportState(), "key-1"));
    expect(decodeStoreSnapshot(bytes, "key-2")).toMatch(/other options/);
    expect(decodeStoreSnapshot(bytes.subarray(0, bytes.length - 8), "key-1")).toMatch(/size/);
    expect(decodeStoreSnapshot(new TextEncoder().encode('{"traces":[]}'), "key-1")).toMatch(
      /not a ctsim/,
    );
    const headerLength = new DataView(bytes.buffer).getUint32(8, true);
    const damagedTime = bytes.slice();
    damagedTime[Math.ceil((12 + headerLength) / 8) * 8 + 3]! ^= 0x40;
    expect(decodeStoreSnapshot(damagedTime, "key-1")).toMatch(/checksum/);
    const damagedHeader = bytes.slice();
    damagedHeader[14]! = 0x7b;
    expect(typeof decodeStoreSnapshot(damagedHeader, "key-1")).toBe("string");
  });
});
