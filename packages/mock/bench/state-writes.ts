/**
 * What `--state` costs: tracker and notification writes per second against `startMockService`
 * without a state file, with one (each write answered once saved), with one already holding a
 * large state, and writing into one of that state's large projects (each save appends the
 * changed project whole).
 *
 * Each autocannon connection cycles through four writes, all answered 2xx: create a data
 * tracker, delete it, create a notification, delete it. The server runs in a child process.
 *
 * Options: --seconds S per run (default 10), --connections C (default 16), --rounds R
 * (default 3; the modes alternate within each round).
 *
 * `node --import tsx --conditions=@ctsim/source bench/state-writes.ts`
 */
import { fork } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createCtsCore } from "@ctsim/mock";
import autocannon from "autocannon";
import { stateFileText } from "../src/node/state-file.js";

const { values } = parseArgs({
  options: {
    seconds: { type: "string" },
    connections: { type: "string" },
    rounds: { type: "string" },
  },
});
const SECONDS = Number(values.seconds ?? 10);
/** The first project of {@link largeState}. */
const LARGE_PROJECT = "0".repeat(32);
const CONNECTIONS = Number(values.connections ?? 16);
const ROUNDS = Number(values.rounds ?? 3);

const cpu = cpus();
console.log("# --state: tracker and notification writes per second");
console.log(
  `machine: ${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`,
);
console.log(
  `command: node --import tsx --conditions=@ctsim/source bench/state-writes.ts --seconds ${SECONDS} --connections ${CONNECTIONS} --rounds ${ROUNDS}`,
);

const dir = mkdtempSync(join(tmpdir(), "ctsim-state-bench-"));
const largeText = stateFileText(largeState());
console.log(
  `large state: ${(Buffer.byteLength(largeText) / 1e6).toFixed(2)} MB (10 projects × 80 trackers, 100 notifications)`,
);
let runs = 0;
/** A state file of its own for each run (a run leaves the changes it made in it). */
const stateFile = (text?: string) => (): string => {
  const file = join(dir, `state-${runs++}.json`);
  if (text !== undefined) writeFileSync(file, text);
  return file;
};

const modes = [
  ["no --state", undefined, undefined],
  ["--state (empty at start)", stateFile(), undefined],
  ["--state (large)", stateFile(largeText), undefined],
  ["--state (large), its project", stateFile(largeText), LARGE_PROJECT],
] as const;
try {
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name, file, project] of modes) {
      const result = await measure(file?.(), project);
      console.log(
        `round ${round}  ${name.padEnd(29)} ${Math.round(result.requests.average).toLocaleString("en")} writes/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  non-2xx ${result.non2xx}  errors ${result.errors}`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** The project written to: the service's own, or `project`. */
async function measure(
  stateFile: string | undefined,
  project: string | undefined,
): Promise<autocannon.Result> {
  const server = fork(
    fileURLToPath(new URL("./state-server.ts", import.meta.url)),
    stateFile === undefined ? [] : [stateFile],
    { execArgv: ["--import", "tsx", "--conditions=@ctsim/source"] },
  );
  try {
    const { url, projectId } = await new Promise<{ url: string; projectId: string }>((resolve) =>
      server.once("message", (message) => resolve(message as { url: string; projectId: string })),
    );
    let unique = 0;
    const base = `/v3/${project ?? projectId}`;
    type Context = { name?: string; id?: string };
    return await autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: "POST",
          path: `${base}/tracker`,
          setupRequest: (request, context: Context) => {
            context.name = `t${unique++}`;
            const data_bucket = { data_bucket_name: `b-${context.name}`, data_event: ["WRITE"] };
            const body = { tracker_type: "data", tracker_name: context.name, data_bucket };
            return { ...request, body: JSON.stringify(body) };
          },
        },
        {
          method: "DELETE",
          setupRequest: (request, context: Context) => ({
            ...request,
            path: `${base}/trackers?tracker_type=data&tracker_name=${context.name}`,
          }),
        },
        {
          method: "POST",
          path: `${base}/notifications`,
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({ notification_name: `n${unique++}`, operation_type: "complete" }),
          }),
          onResponse: (_status, body, context: Context) => {
            context.id = (JSON.parse(body) as { notification_id: string }).notification_id;
          },
        },
        {
          method: "DELETE",
          setupRequest: (request, context: Context) => ({
            ...request,
            path: `${base}/notifications?notification_id=${context.id}`,
          }),
        },
      ],
    });
  } finally {
    server.disconnect();
    await new Promise((resolve) => server.once("exit", resolve));
  }
}

/**
 * 10 projects of 80 data trackers (the bench's 16 connections stay under the quota of 100) and
 * 100 notifications, made through the API.
 */
function largeState() {
  const core = createCtsCore();
  for (let p = 0; p < 10; p++) {
    const base = `/v3/${String(p).padStart(32, "0")}`;
    const post = (path: string, body: object) =>
      core.handle({
        method: "POST",
        path: `${base}${path}`,
        query: "",
        headers: {},
        body: JSON.stringify(body),
      });
    for (let t = 0; t < 80; t++) {
      const data_bucket = { data_bucket_name: `bucket-${t}`, data_event: ["WRITE"] };
      post("/tracker", { tracker_type: "data", tracker_name: `tracker-${t}`, data_bucket });
    }
    for (let n = 0; n < 100; n++)
      post("/notifications", { notification_name: `n-${n}`, operation_type: "complete" });
  }
  return core.exportState();
}
