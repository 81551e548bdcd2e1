import { type ApiTrace, REVISIONS, type Revision } from "@ctsim/catalog";
import { encodeApiTraceJson, generateTraces } from "@ctsim/generator";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 5, 2);
/** Oldest training output a model is registered from (generator README, "Linked lifecycles"). */
const LOOKBACK = 11 * DAY;
const WINDOW = 13 * DAY;

const TRAIN = /^(createModelArtsTrainJob|CreateJobV2)$/;
const MODEL = /^(addModel|CreateModel)$/;
const SERVICE = /^(addService|updateService|CreateDeployment|UpdateDeployment)$/;
const VERSION_PATH = /^\/([^/]+)\/([^/]+)\/datasets\/(ds-[^/]+)\/annotation\/(V\d{3,})\/$/;

interface Parsed extends ApiTrace {
  readonly req: Record<string, unknown> | null;
}

/** The OBS URL of a V2 job's input or output named `name`. */
function obsUrl(body: unknown, list: "inputs" | "outputs", name: string): string | undefined {
  const algorithm = (body as { algorithm?: Record<string, unknown> } | null)?.algorithm;
  const entries = (algorithm?.[list] ?? []) as {
    name?: string;
    remote?: { obs?: { obs_url?: string } };
  }[];
  return entries.find((entry) => entry.name === name)?.remote?.obs?.obs_url;
}

/** A string field of a JSON body, searched at any depth (payload shapes differ by revision). */
function field(body: unknown, key: string): string | undefined {
  if (body === null || typeof body !== "object") return undefined;
  for (const [k, v] of Object.entries(body)) {
    if (k === key && (typeof v === "string" || typeof v === "number")) return String(v);
    const inner = field(v, key);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

function run(seed: number, revision: Revision, tenants: number): Parsed[] {
  return [
    ...generateTraces({ seed, revision, tenants, from: NOW - WINDOW, to: NOW, now: NOW }),
  ].map((event) => {
    const trace = JSON.parse(encodeApiTraceJson(event)) as ApiTrace;
    const req = typeof trace.request === "string" ? JSON.parse(trace.request) : null;
    return { ...trace, req };
  });
}

const user = (t: ApiTrace): boolean => t.trace_type !== "SystemAction";
const ok = (t: ApiTrace): boolean => t.trace_rating === "normal";

/**
 * Linked lifecycles (issue 18, item 3) over seeds: what a model is registered from, what a job
 * reads, what a service runs, as an engineer following one tenant's ids and paths would check.
 */
describe("linked ML lifecycles (properties over seeds)", () => {
  const seen = { warning2xx: 0, linkedModels: 0, linkedVersions: 0, results: 0 };

  test.prop(
    [
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.constantFrom(...REVISIONS),
      fc.integer({ min: 1, max: 2 }),
    ],
    { numRuns: 4 },
  )(
    "models come from training outputs, jobs read dataset versions, services run models",
    (seed, revision, tenants) => {
      const traces = run(seed, revision, tenants);
      const from = NOW - WINDOW;
      const outputs = new Map<string, number>(); // domain|train_url → first job time
      const published = new Map<string, number>(); // domain|dataset|version → publish time
      const models = new Set<string>(); // domain|model id
      const jobs = new Map<string, number>(); // job id (unique in a timeline) → create time
      const results = new Set<string>();
      const stopped = new Set<string>(); // jobs their user stopped: they end without a result
      const problems: string[] = [];
      for (const t of traces) {
        const domain = t.user?.domain?.id ?? "";
        if (t.trace_name === "publishDatasetVersion" && ok(t))
          published.set(`${domain}|${t.resource_name}|${field(t.req, "version_name")}`, t.time);
        if (TRAIN.test(t.trace_name) && user(t)) {
          const dataUrl = field(t.req, "data_url") ?? obsUrl(t.req, "inputs", "data_url") ?? "";
          const codeDir = field(t.req, "app_url") ?? field(t.req, "code_dir") ?? "";
          const match = VERSION_PATH.exec(dataUrl);
          if (match === null)
            problems.push(`${t.trace_id}: data_url ${dataUrl} is no dataset version`);
          else {
            if (!codeDir.startsWith(`/${match[1]}/${match[2]}/`))
              problems.push(`${t.trace_id}: code ${codeDir} of another project than ${dataUrl}`);
            const publish = published.get(`${domain}|${match[3]}|${match[4]}`);
            if (publish !== undefined) seen.linkedVersions++;
          }
          if (ok(t)) {
            const trainUrl =
              field(t.req, "train_url") ?? obsUrl(t.req, "outputs", "train_url") ?? "";
            if (!outputs.has(`${domain}|${trainUrl}`)) outputs.set(`${domain}|${trainUrl}`, t.time);
            jobs.set(t.resource_id ?? "", t.time);
          }
        }
        if (t.trace_name === "StopJobV2" && ok(t)) stopped.add(t.resource_id ?? "");
        if (TRAIN.test(t.trace_name) && !user(t)) {
          results.add(t.resource_id ?? "");
          seen.results++;
        }
        if (MODEL.test(t.trace_name) && user(t)) {
          const source = field(t.req, "source_location") ?? field(t.req, "model_source") ?? "";
          const job = outputs.get(`${domain}|${source}`);
          if (job !== undefined && job < t.time) seen.linkedModels++;
          else if (t.time >= from + LOOKBACK)
            problems.push(`${t.trace_id}: model from ${source}, which no earlier job wrote`);
          if (ok(t)) models.add(`${domain}|${t.resource_id}`);
        }
        if (SERVICE.test(t.trace_name) && user(t)) {
          const model = field(t.req, "model_id");
          if (model !== undefined && !models.has(`${domain}|${model}`) && t.time >= from + LOOKBACK)
            problems.push(`${t.trace_id}: ${t.trace_name} runs model ${model}, never registered`);
        }
        const code = Number(t.code);
        if (code < 300 && t.trace_rating === "warning") {
          seen.warning2xx++;
          const body = JSON.parse(String(t.response));
          if (JSON.stringify(body).indexOf('"error_code"') < 0)
            problems.push(`${t.trace_id}: warning with ${t.code} but no error in the response`);
        }
        if (t.trace_rating === "incident" && user(t))
          problems.push(`${t.trace_id}: a user's call rated incident`);
      }
      // Jobs created two days before the window end have ended: the platform reported each.
      for (const [job, time] of jobs)
        if (time < NOW - 2 * DAY && !results.has(job) && !stopped.has(job))
          problems.push(`job ${job} has no result trace`);
      expect(problems.slice(0, 5)).toEqual([]);
    },
  );

  test("the runs above linked models, dataset versions and results, and saw 2xx warnings", () => {
    expect(seen.linkedModels).toBeGreaterThan(10);
    expect(seen.linkedVersions).toBeGreaterThan(5);
    expect(seen.results).toBeGreaterThan(10);
    expect(seen.warning2xx).toBeGreaterThan(0);
  });
});
