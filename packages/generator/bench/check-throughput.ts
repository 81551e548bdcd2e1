/**
 * Benchmark of the trace checker (`ctsim validate`'s engine) on default generator output.
 * Run (from packages/generator): tsx --conditions=@ctsim/source bench/check-throughput.ts [count]
 * Baseline, measured in the same run: reading the same file with readline and JSON.parse of
 * every line (the floor of any per-record JSON checker).
 */

import { once } from "node:events";
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createTraceChecker } from "../src/check/index.js";
import { encodeApiTraceJson, generateTraces } from "../src/index.js";

const count = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), "ctsim-check-bench-"));
const path = join(dir, "traces.ndjson");

async function writeInput(): Promise<number> {
  const out = createWriteStream(path);
  let chunk = "";
  let n = 0;
  for (const event of generateTraces({ count })) {
    chunk += `${encodeApiTraceJson(event)}\n`;
    if (++n % 1000 === 0) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
  return out.bytesWritten;
}

async function timeLines(onLine: (line: string, lineNumber: number) => void): Promise<number> {
  const start = performance.now();
  let lineNumber = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity }))
    onLine(line, ++lineNumber);
  return (performance.now() - start) / 1000;
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
try {
  const bytes = await writeInput();
  const mb = bytes / 1e6;
  console.log(`machine: ${cpus()[0]?.model} × ${cpus().length} cores, Node ${process.version}`);
  console.log(`command: tsx --conditions=@ctsim/source bench/check-throughput.ts ${count}`);
  console.log(`input: ${count} traces of default generator output, ${mb.toFixed(0)} MB NDJSON`);
  let sink = 0;
  const baseline = await timeLines((line) => {
    sink += (JSON.parse(line) as { time: number }).time > 0 ? 1 : 0;
  });
  peakRss = 0;
  const checker = createTraceChecker();
  const checked = await timeLines((line, n) => checker.check(line, n));
  const report = checker.finish();
  const rate = (s: number) =>
    `${Math.round(count / s).toLocaleString("en")} traces/s, ${(mb / s).toFixed(0)} MB/s`;
  console.log(
    `baseline readline + JSON.parse: ${baseline.toFixed(2)} s (${rate(baseline)}) [${sink}]`,
  );
  console.log(
    `checker:                        ${checked.toFixed(2)} s (${rate(checked)}), ${report.total} violations`,
  );
  console.log(
    `checker / baseline time: ${(checked / baseline).toFixed(2)}×; peak RSS while checking ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
  );
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
