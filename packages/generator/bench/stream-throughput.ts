/**
 * `ctsim stream` throughput: `--max` into /dev/null with 1 and 2 workers, and into a local HTTP
 * receiver that parses every record. Each run is a real `ctsim` process; the figure is the
 * steady-state rate (mean of the per-second counts from --stats, after the first productive
 * second plus a 2 s warm-up; for HTTP, records parsed at the receiver per second after its
 * first 2 s), so process and worker start-up do not count. Targets (issue 6): 2 workers ≥ 1.7×
 * one; HTTP ≥ 50% of the /dev/null rate.
 *
 * Run: pnpm --filter @ctsim/generator bench   (or: tsx --conditions=@ctsim/source bench/stream-throughput.ts)
 */
import { spawn } from "node:child_process";
import { openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const seconds = Number(process.env.CTSIM_BENCH_SECONDS ?? 15);

async function ctsimRate(
  args: string[],
): Promise<{ command: string; rate: number; stats: { errors: number; traces: number } }> {
  const stats = join(tmpdir(), `ctsim-bench-${process.pid}-${Date.now()}.json`);
  const argv = ["stream", "--max", "--duration", `${seconds}s`, "--stats", stats, ...args];
  const nul = openSync("/dev/null", "w");
  const child = spawn(
    process.execPath,
    ["--conditions=@ctsim/source", "--import", "tsx", "apps/cli/src/bin.ts", ...argv],
    {
      cwd: repo,
      stdio: ["ignore", nul, "inherit"],
    },
  );
  const code = await new Promise<number | null>((ok) => child.on("close", ok));
  if (code !== 0) throw new Error(`ctsim ${argv.join(" ")} exited ${code}`);
  const result = JSON.parse(readFileSync(stats, "utf8")) as {
    perSecond: number[];
    errors: number;
    traces: number;
  };
  rmSync(stats);
  const first = result.perSecond.findIndex((n) => n > 0);
  const steady = result.perSecond.slice(first + 2);
  const rate = steady.reduce((a, b) => a + b, 0) / Math.max(1, steady.length);
  return { command: `ctsim ${argv.join(" ")} > /dev/null`, rate, stats: result };
}

/**
 * The receiver parses every record of every body (NDJSON: one JSON text per line) and counts
 * only those that parse, so the HTTP figure is records that arrived whole, not records sent.
 */
const received = { parsed: 0, broken: 0, bodies: [] as { at: number; records: number }[] };
const receiver = createServer((req, res) => {
  const parts: Buffer[] = [];
  req.on("data", (part: Buffer) => parts.push(part));
  req.on("end", () => {
    let records = 0;
    for (const line of Buffer.concat(parts).toString("utf8").split("\n")) {
      if (line === "") continue;
      try {
        JSON.parse(line);
        records += 1;
      } catch {
        received.broken += 1;
      }
    }
    received.parsed += records;
    received.bodies.push({ at: performance.now(), records });
    res.writeHead(204).end();
  });
});
await new Promise<void>((ok) => receiver.listen(0, "127.0.0.1", ok));
const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/ingest`;

/** Records parsed per second at the receiver, from 2 s after the first body to the last. */
function parsedRate(): number {
  const { bodies } = received;
  const from = (bodies[0]?.at ?? 0) + 2000;
  const steady = bodies.filter((body) => body.at >= from);
  const span = (steady.at(-1)?.at ?? from) - from;
  return span > 0 ? (steady.reduce((sum, body) => sum + body.records, 0) * 1000) / span : 0;
}

console.log(
  `machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, Node ${process.version}`,
);
console.log(`each run: ${seconds} s, steady-state traces/s (start-up and 2 s warm-up excluded)\n`);
const one = await ctsimRate(["--workers", "1"]);
const two = await ctsimRate(["--workers", "2"]);
const httpRun = await ctsimRate(["--sink", url, "--batch-size", "1000", "--concurrency", "4"]);
const http = { ...httpRun, rate: parsedRate() };
receiver.close();

for (const run of [one, two])
  console.log(`${Math.round(run.rate).toString().padStart(8)} /s  ${run.command}`);
console.log(
  `${Math.round(http.rate).toString().padStart(8)} /s  ${http.command}, parsed at the receiver ` +
    `(${received.parsed} records parsed, ${received.broken} broken; ctsim counted ${httpRun.stats.traces})`,
);
if (received.broken > 0 || received.parsed !== httpRun.stats.traces)
  console.log("HTTP: records were lost or broken on the way: FAILED");
const scale = two.rate / one.rate;
const httpShare = http.rate / one.rate;
console.log(
  `\n2 workers / 1 worker: ${scale.toFixed(2)}× (target ≥ 1.70×) ${scale >= 1.7 ? "ok" : "BELOW TARGET"}`,
);
console.log(
  `HTTP / dev-null:      ${(httpShare * 100).toFixed(0)}% (target ≥ 50%) ${httpShare >= 0.5 ? "ok" : "BELOW TARGET"}`,
);
