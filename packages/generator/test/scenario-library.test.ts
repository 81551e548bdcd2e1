import type { ApiTrace } from "@ctsim/catalog";
import {
  type AnomalyLabel,
  encodeApiTraceJson,
  generateTraces,
  SCENARIO_NAMES,
  type ScenarioName,
  scenarioInfo,
} from "@ctsim/generator";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { FOREIGN_HOSTING } from "../src/scenarios/foreign-addresses.js";
import { ADDRESS_RANGES } from "../src/tenant/address-ranges.js";
import { ipv4ToUint } from "../src/tenant/public-unicast.js";

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 2);
const SEED = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/** The scenarios this library added (the first six have tests of their own). */
const NEW_SCENARIOS = SCENARIO_NAMES.slice(6);

interface Run {
  readonly traces: ApiTrace[];
  readonly labels: AnomalyLabel[];
}

/** Three days of one tenant with `scenario`, traces as CTS writes them (API shape). */
function run(seed: number, scenario: ScenarioName, modelartsOnly = false): Run {
  const labels: AnomalyLabel[] = [];
  const traces = [
    ...generateTraces({
      seed,
      scenarios: [scenario],
      from: NOW - 3 * DAY,
      to: NOW,
      now: NOW,
      modelartsOnly,
      onLabel: (label) => labels.push(label),
    }),
  ].map((e) => JSON.parse(encodeApiTraceJson(e)) as ApiTrace);
  return { traces, labels };
}

/** The labelled traces of each label, parsed, in label order. */
function labelled({ traces, labels }: Run): ApiTrace[][] {
  const byId = new Map(traces.map((t) => [t.trace_id, t]));
  return labels.map((label) => label.traceIds.map((id) => byId.get(id) as ApiTrace));
}

/** `request` (JSON text in the API shape) as an object. */
// biome-ignore lint/suspicious/noExplicitAny: bodies are checked field by field
const body = (t: ApiTrace): any => JSON.parse(t.request ?? "null");
const named = (traces: ApiTrace[], name: string): ApiTrace[] =>
  traces.filter((t) => t.trace_name === name);
/** Whether an OBS path (`/bucket/...`) or bucket name is one of the tenant's own buckets. */
const own = (domain: string, path: string): boolean =>
  new RegExp(`^/?${domain}-(data|ml|audit)(/|$)`).test(path);
const inCidr = (ip: string, cidr: string): boolean => {
  const [base, bits] = cidr.split("/") as [string, string];
  const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
  return (ipv4ToUint(ip) & mask) >>> 0 === (ipv4ToUint(base) & mask) >>> 0;
};
const domainOf = (t: ApiTrace): string => t.user?.domain?.name ?? "";

/**
 * What each scenario's technique depends on, checked on the traces of one label: the fields a
 * detection reads.
 */
const CHECKS: Record<string, (traces: ApiTrace[]) => void> = {
  "notebook-startup-backdoor": (traces) => {
    const [update] = named(traces, "updateNotebook");
    const request = body(update as ApiTrace);
    expect(request.endpoints[0].allowed_access_ips).toEqual(["0.0.0.0/0"]);
    expect(request.endpoints[0].key_pair_names[0]).toMatch(/^KeyPair-/);
    expect(request.hooks.container_hooks.post_start.script).toMatch(/curl|wget|base64/);
    expect(update?.trace_type).toBe("ApiCall");
    expect(named(traces, "startNotebook")).toHaveLength(1);
  },
  "notebook-startup-setup": (traces) => {
    const request = body(named(traces, "updateNotebook")[0] as ApiTrace);
    expect(request.endpoints[0].allowed_access_ips[0]).not.toBe("0.0.0.0/0");
    expect(request.hooks.container_hooks.post_start.script).not.toMatch(/curl|wget|base64/);
  },
  "dataset-poisoning": (traces) => {
    const imports = named(traces, "importSamplesToDataset");
    expect(imports.length).toBeGreaterThan(0);
    for (const t of imports) expect(own(domainOf(t), body(t).import_path)).toBe(false);
    expect(named(traces, "publishDatasetVersion")).toHaveLength(1);
  },
  "foreign-bucket-export": (traces) => {
    const exports = named(traces, "exportDataFromDataset");
    const converts = named(traces, "addConvert");
    expect(exports.length + converts.length).toBeGreaterThan(0);
    for (const t of exports) expect(own(domainOf(t), body(t).path)).toBe(false);
    for (const t of converts) expect(own(domainOf(t), body(t).output_model_path)).toBe(false);
  },
  "admin-own-bucket-export": (traces) => {
    const exports = named(traces, "exportDataFromDataset");
    expect(exports.length).toBeGreaterThan(0);
    for (const t of exports) {
      expect(own(domainOf(t), body(t).path)).toBe(true);
      expect(t.trace_type).toBe("ConsoleAction");
    }
  },
  "inference-api-key-hijack": (traces) => {
    expect(traces.map((t) => t.trace_name)).toEqual(["CreateApiKeyV2", "BindApiKeyV2"]);
    for (const t of traces) expect(t.user?.type).toBe("AssumedAgency");
  },
  "ci-api-key-rotation": (traces) => {
    expect(traces.map((t) => t.trace_name)).toEqual([
      "CreateApiKeyV2",
      "BindApiKeyV2",
      "UnbindApiKeyV2",
      "DeleteApiKeyV2",
    ]);
    for (const t of traces) expect(t.user?.name).toMatch(/^ci-[a-z]+-bot\d*$/);
  },
  "odd-hours-training": (traces) => {
    const jobs = named(traces, "CreateJobV2");
    expect(jobs.length).toBeGreaterThanOrEqual(2);
    for (const t of jobs) {
      const request = body(t);
      expect(own(domainOf(t), request.algorithm.code_dir)).toBe(false);
      expect(request.spec.resource.node_count).toBeGreaterThanOrEqual(8);
      expect(request.spec.resource.pool_id).toMatch(/^pool-/);
    }
  },
  "scheduled-nightly-training": (traces) => {
    for (const t of named(traces, "CreateJobV2")) {
      expect(own(domainOf(t), body(t).algorithm.code_dir)).toBe(true);
      expect(t.user?.name).toMatch(/^ci-[a-z]+-bot\d*$/);
    }
  },
  "iam-brute-force": (traces) => {
    const failed = named(traces, "loginFailed");
    const login = named(traces, "login");
    expect(failed.length).toBeGreaterThanOrEqual(12);
    expect(login).toHaveLength(1);
    for (const t of failed) expect([t.code, t.service_type]).toEqual(["401", "IAM"]);
    expect(new Set([...failed, ...login].map((t) => t.source_ip)).size).toBe(1);
    expect((login[0] as ApiTrace).time).toBeGreaterThan((failed.at(-1) as ApiTrace).time);
  },
  "new-employee-first-login": (traces) => {
    expect(named(traces, "loginFailed").length).toBeLessThanOrEqual(2);
    expect(named(traces, "login")).toHaveLength(1);
    expect(named(traces, "changePassword")).toHaveLength(1);
    const ip = traces[0]?.source_ip ?? "";
    const home = Object.values(ADDRESS_RANGES).flatMap((kinds) => kinds.home);
    expect(home.some((cidr) => inCidr(ip, cidr))).toBe(true);
  },
  "access-key-new-country": (traces) => {
    const hosting = Object.values(FOREIGN_HOSTING).flat();
    for (const t of traces) {
      expect(t.user?.access_key_id).toMatch(/^HPUA/);
      expect(hosting.some((cidr) => inCidr(t.source_ip ?? "", cidr))).toBe(true);
    }
  },
  "tracker-obs-redirect": (traces) => {
    const [update] = traces;
    expect([update?.service_type, update?.trace_name, update?.resource_type]).toEqual([
      "CTS",
      "updateTracker",
      "tracker",
    ]);
    const request = body(update as ApiTrace);
    expect(request.status).toBe("enabled");
    expect(own(domainOf(update as ApiTrace), request.obs_info.bucket_name)).toBe(false);
  },
  "tracker-archive-move": (traces) => {
    const request = body(named(traces, "updateTracker")[0] as ApiTrace);
    expect(request.obs_info.bucket_name).toMatch(/-audit$/);
  },
  "notification-removal": (traces) => {
    const disabled = named(traces, "updateNotification");
    const deleted = named(traces, "deleteNotification");
    expect(disabled.length).toBeGreaterThan(0);
    expect(deleted.map((t) => t.resource_id)).toEqual(disabled.map((t) => t.resource_id));
    for (const t of disabled) {
      expect(t.resource_type).toBe("notification");
      expect(body(t)).toMatchObject({ status: "disabled", notification_id: t.resource_id });
    }
  },
  "job-model-purge": (traces) => {
    const deletes = traces.filter((t) =>
      /^(DeleteJobV2|deleteModel|DeleteDeployment)$/.test(t.trace_name),
    );
    expect(deletes.length).toBeGreaterThanOrEqual(8);
    for (const t of deletes) {
      expect(t.user?.name).not.toMatch(/^ci-/);
      expect(t.trace_type).toBe("ApiCall");
    }
    expect(new Set(deletes.map((t) => t.source_ip)).size).toBe(1);
    expect((deletes.at(-1) as ApiTrace).time - (deletes[0] as ApiTrace).time).toBeLessThan(
      15 * 60_000,
    );
  },
  "ci-nightly-cleanup": (traces) => {
    const deletes = traces.filter((t) => /^(DeleteJobV2|deleteModel)$/.test(t.trace_name));
    expect(deletes.length).toBeGreaterThanOrEqual(8);
    for (const t of deletes) expect(t.user?.name).toMatch(/^ci-[a-z]+-bot\d*$/);
    expect((deletes.at(-1) as ApiTrace).time - (deletes[0] as ApiTrace).time).toBeLessThan(
      15 * 60_000,
    );
  },
};

describe("scenario registry", () => {
  test.each(SCENARIO_NAMES)("%s: id, description, ATT&CK techniques", (name) => {
    const info = scenarioInfo(name);
    expect(info.id).toBe(name);
    expect(info.description.length).toBeGreaterThan(20);
    expect(info.techniques.length).toBeGreaterThan(0);
    for (const technique of info.techniques) expect(technique).toMatch(/^T\d{4}(\.\d{3})?$/);
    expect(info.description.endsWith("(benign).")).toBe(info.benign);
  });

  test("every scenario added has checks; each benign look-alike resembles an attack's technique", () => {
    expect(Object.keys(CHECKS).sort()).toEqual([...NEW_SCENARIOS].sort());
    const attacks = new Set(
      SCENARIO_NAMES.filter((n) => !scenarioInfo(n).benign).flatMap(
        (n) => scenarioInfo(n).techniques,
      ),
    );
    for (const name of SCENARIO_NAMES.filter((n) => scenarioInfo(n).benign))
      expect(attacks.has(scenarioInfo(name).techniques[0] as string), name).toBe(true);
  });
});

describe.each(NEW_SCENARIOS)("scenario %s", (name) => {
  const info = scenarioInfo(name);

  // 911004846: ci-nightly-cleanup's first occurrence (whole: 17 jobs and models made, 17
  // deleted) ends 6 h before the window's end, as its bot waits for 02:00 local after the day's
  // experiments; it failed the former bound of 12 h.
  test.prop([SEED], { numRuns: 3, examples: [[911004846]] })(
    "labelled traces are in the output, are exactly the scenario's from its label on, and carry what the technique depends on",
    (seed) => {
      const result = run(seed, name);
      expect(result.labels.length).toBeGreaterThan(0);
      const groups = labelled(result);
      // The first occurrence starts in the first 65% of its 2-day period and ends inside the
      // window (a scenario may wait for a local hour: up to a day).
      expect(result.labels[0]?.to).toBeLessThan(NOW);
      result.labels.forEach((label, i) => {
        expect(label.scenario).toBe(name);
        expect(label.techniques).toEqual(info.techniques);
        expect(label.technique).toBe(info.techniques[0]);
        expect(label.benign).toBe(info.benign);
        const traces = groups[i] as ApiTrace[];
        // Every id is a trace of the output, in time order within [from, to].
        expect(traces.every((t) => t !== undefined)).toBe(true);
        const times = traces.map((t) => t.time);
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect([times[0], times.at(-1)]).toEqual([label.from, label.to]);
        for (const t of traces) expect(t.user?.domain?.id ?? label.domainId).toBe(label.domainId);
        // Exactly the scenario session's traces from the label on: the session is the trace
        // id's clock-sequence-and-node tail; only a console logout after it may follow.
        const tail = (id: string): string => id.slice(18);
        const session = result.traces.filter(
          (t) =>
            tail(t.trace_id) === tail(label.traceIds[0] as string) &&
            t.time >= label.from &&
            !(t.trace_name === "logout" && t.time > label.to),
        );
        expect(session.map((t) => t.trace_id)).toEqual(label.traceIds);
        // A session the window's end cut short lacks its last steps: checked only when whole.
        if (label.to < NOW - DAY / 2) CHECKS[name]?.(traces);
      });
    },
  );

  test("with ModelArts traces only, no IAM or OBS trace is labelled", () => {
    const result = run(5, name, true);
    for (const traces of labelled(result))
      for (const t of traces) expect(["ModelArts", "CTS"]).toContain(t.service_type);
  });
});

describe("scenarios are off unless asked for", () => {
  test("a new scenario adds traces only when asked for", () => {
    const base = { seed: 12, from: NOW - 2 * DAY, to: NOW, now: NOW };
    const names = (scenarios: ScenarioName[]): Set<string> =>
      new Set([...generateTraces({ ...base, scenarios })].map((e) => e.traceName));
    const plain = names([]);
    expect(plain.has("updateNotification")).toBe(false);
    expect(plain.has("updateTracker")).toBe(false);
    expect(names(["notification-removal"]).has("updateNotification")).toBe(true);
  });
});
