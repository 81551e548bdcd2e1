// `scenarios` in the mock's load (issue 23): the history holds the labelled scenarios the
// generator injects, the service keeps their ground truth (the generator's own labels, whatever
// the worker count, and through a snapshot), and a site handler can ask the gateway whether a
// request may read a project's data.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AnomalyLabel, generateTraces, type ScenarioName } from "@ctsim/generator";
import { TraceStore } from "@ctsim/mock";
import { loadStoreCached, type MockService, startMockService } from "@ctsim/mock/node";
import { signRequest } from "@ctsim/signer";
import { afterAll, describe, expect, it } from "vitest";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 5, 15, 11, 30);
const END = Math.ceil(NOW / HOUR) * HOUR;
const SCENARIOS: ScenarioName[] = ["mass-deletion", "ci-nightly-cleanup", "login-brute-force"];
const dir = mkdtempSync(join(tmpdir(), "ctsim-mock-labels-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The generator's labels for the window a service started at NOW stores. */
function generatorLabels(seed: number, tenants: number, days: number): AnomalyLabel[] {
  const labels: AnomalyLabel[] = [];
  const timeline = generateTraces({
    seed,
    tenants,
    now: END,
    from: END - days * DAY,
    to: END,
    scenarios: SCENARIOS,
    onLabel: (label) => labels.push(label),
  });
  for (const _ of timeline);
  return labels.sort((a, b) => a.from - b.from || (a.traceIds[0]! < b.traceIds[0]! ? -1 : 1));
}

describe("a service generated with scenarios", () => {
  it("in live mode, adds each occurrence the live timeline labels, once, as its traces arrive", async () => {
    let clock = NOW;
    const service = await startMockService({
      port: 0,
      seed: 3,
      tenants: 2,
      days: 1,
      scenarios: SCENARIOS,
      cacheDir: false,
      live: { clock: () => clock, tickMs: 2 ** 30 },
    });
    try {
      const atStart = service.labels.length;
      while (clock < NOW + 3 * DAY) {
        clock += 10 * 60_000;
        service.live!.advance(clock);
      }
      // The generator's labels of the same timeline up to where the live run has produced.
      const labels: AnomalyLabel[] = [];
      const timeline = generateTraces({
        seed: 3,
        tenants: 2,
        now: END,
        from: END - DAY,
        scenarios: SCENARIOS,
        onLabel: (label) => labels.push(label),
      });
      for (const event of timeline) if (event.time > clock) break;
      const done = labels.filter((l) => l.to <= clock - 11 * 60_000);
      expect(done.length).toBeGreaterThan(atStart);
      const key = (l: AnomalyLabel): string => `${l.scenario} ${l.traceIds[0]}`;
      const served = service.labels.map(key);
      expect(new Set(served).size).toBe(served.length);
      for (const label of done) expect(served).toContain(key(label));
      // Each live occurrence shows to its own project's reader, its traces visible there.
      const late = service.labels.slice(atStart);
      expect(late.length).toBeGreaterThan(0);
      for (const label of late.filter((l) => l.to <= clock - 11 * 60_000)) {
        const tenant = service.identities.find((t) => t.domainId === label.domainId)!;
        expect(tenant.projects.some((p) => service.labelsOf(p.projectId).includes(label))).toBe(
          true,
        );
      }
    } finally {
      await service.close();
    }
  }, 60_000);
  it("stores the scenarios' traces and keeps the generator's labels, on one thread or in workers", async () => {
    const expected = generatorLabels(3, 2, 7);
    expect(new Set(expected.map((l) => l.scenario))).toEqual(new Set(SCENARIOS));
    expect(expected.some((l) => l.benign)).toBe(true);
    for (const workers of [0, 2]) {
      const service = await startMockService({
        port: 0,
        seed: 3,
        tenants: 2,
        now: () => NOW,
        scenarios: SCENARIOS,
        workers,
        cacheDir: false,
      });
      try {
        expect(service.labels).toEqual(expected);
        // Every labelled trace is in the store, under its tenant's project.
        for (const label of service.labels) {
          const tenant = service.identities.find((t) => t.domainId === label.domainId)!;
          const stored = label.traceIds.filter((id) =>
            tenant.projects.some((p) => service.server.core.store.findById(p.projectId, id)),
          );
          expect(stored).toEqual(label.traceIds);
        }
        // A project's reader sees its own account's occurrences only, all of them (seed 3's
        // first tenant has two projects: each occurrence shows under the one listing it).
        expect(service.identities[0]!.projects.length).toBe(2);
        for (const tenant of service.identities) {
          const seen = tenant.projects.flatMap((p) => service.labelsOf(p.projectId));
          const own = expected.filter((l) => l.domainId === tenant.domainId);
          expect(own.length).toBeGreaterThan(0);
          // Each occurrence under the one project that lists its traces.
          expect(seen.length).toBe(own.length);
          expect(new Set(seen)).toEqual(new Set(own));
        }
        expect(service.labelsOf("0".repeat(32))).toEqual([]);
      } finally {
        await service.close();
      }
    }
  });

  it("has no labels without scenarios", async () => {
    const service = await startMockService({ port: 0, days: 1, now: () => NOW, cacheDir: false });
    expect(service.labels).toEqual([]);
    await service.close();
  });

  it("keeps the labels in the snapshot, and a load without the scenarios does not reuse it", async () => {
    const options = { seed: 3, days: 2, end: END, workers: 0, cacheDir: dir, minCachedTraces: 0 };
    const built = await loadStoreCached(new TraceStore({ now: () => NOW }), {
      ...options,
      scenarios: SCENARIOS,
    });
    expect(built.source).toBe("built");
    expect(await built.written).toBe(true);
    expect(built.labels.length).toBeGreaterThan(0);
    const again = await loadStoreCached(new TraceStore({ now: () => NOW }), {
      ...options,
      scenarios: SCENARIOS,
    });
    expect([again.source, again.file]).toEqual(["loaded", built.file]);
    expect(again.labels).toEqual(built.labels);
    const without = await loadStoreCached(new TraceStore({ now: () => NOW }), options);
    expect(without.source).toBe("built");
    expect(without.file).not.toBe(built.file);
    expect(without.labels).toEqual([]);
    expect(without.count).toBeLessThan(built.count);
  });

  it("is built, not derived, an hour later on a day-anchored run: labels are not derived", async () => {
    const options = {
      seed: 5,
      days: 2,
      workers: 0,
      cacheDir: mkdtempSync(join(dir, "anchored-")),
      minCachedTraces: 0,
      anchor: "day" as const,
    };
    const first = await loadStoreCached(new TraceStore({ now: () => NOW }), {
      ...options,
      end: END,
      scenarios: SCENARIOS,
    });
    expect(await first.written).toBe(true);
    // The run starts at the midnight before the window: only occurrences in the window count.
    for (const label of first.labels) expect(label.to).toBeGreaterThanOrEqual(END - 2 * DAY);
    const later = await loadStoreCached(new TraceStore({ now: () => NOW + HOUR }), {
      ...options,
      end: END + HOUR,
      scenarios: SCENARIOS,
    });
    expect(later.source).toBe("built");
    expect(later.cache?.otherWindows).toEqual([END]);
    // Without scenarios the same move is derived (what the guard above stops for labels).
    const plain = await loadStoreCached(new TraceStore({ now: () => NOW }), {
      ...options,
      end: END,
    });
    expect(await plain.written).toBe(true);
    const moved = await loadStoreCached(new TraceStore({ now: () => NOW + HOUR }), {
      ...options,
      end: END + HOUR,
    });
    expect(moved.source).toBe("derived");
  });
});

describe("SiteRequest.authorize", () => {
  let service: MockService;
  const verdicts: unknown[] = [];
  afterAll(() => service?.close());

  /** A site that answers /probe?project_id=… with the gateway's verdict. */
  async function start(): Promise<MockService> {
    return startMockService({
      port: 0,
      seed: 4,
      days: 1,
      tenants: 2,
      auth: "aksk",
      cacheDir: false,
      site: (request) => {
        if (request.path !== "/probe") return undefined;
        const projectId = new URLSearchParams(request.query).get("project_id") ?? "";
        const verdict = request.authorize(projectId);
        verdicts.push(verdict);
        if (!verdict.ok) return verdict.response;
        return { status: 200, headers: {}, body: verdict.domainId };
      },
    });
  }

  it("authenticates as the API does and allows a credential its own account's projects only", async () => {
    service = await start();
    const [a, b] = service.identities as [
      (typeof service.identities)[0],
      (typeof service.identities)[0],
    ];
    const probe = async (projectId: string, key: { ak: string; sk: string } | undefined) => {
      const rawQuery = `project_id=${projectId}`;
      const url = new URL(`${service.server.url}/probe?${rawQuery}`);
      const headers =
        key === undefined
          ? {}
          : signRequest(
              { method: "GET", rawPath: "/probe", rawQuery, host: url.host },
              { ...key, date: Date.now() },
            );
      const response = await fetch(url, { headers });
      return [response.status, await response.text()] as const;
    };
    const aKey = a.permanent[0]!;
    const bKey = b.permanent[0]!;
    const aProject = a.projects[0]!.projectId;
    const bProject = b.projects[0]!.projectId;
    expect(await probe(aProject, aKey)).toEqual([200, a.domainId]);
    expect(await probe(bProject, bKey)).toEqual([200, b.domainId]);
    const [crossStatus, crossBody] = await probe(aProject, bKey);
    expect(crossStatus).toBeGreaterThanOrEqual(400);
    expect(crossBody).toContain("is not in the credential's account");
    const [anonymous, anonymousBody] = await probe(aProject, undefined);
    expect(anonymous).toBe(401);
    expect(anonymousBody).toContain("APIGW.0301");
    const [wrongSk] = await probe(aProject, { ak: aKey.ak, sk: "x".repeat(40) });
    expect(wrongSk).toBe(401);
  });
});
