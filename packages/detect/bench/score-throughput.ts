/**
 * Benchmark of scoring (the example rule set over an NDJSON file) next to two baselines measured
 * in the same run on the same file: reading it with JSON.parse of every line (the floor of any
 * per-record reader) and `ctsim validate`'s engine (the generator's trace checker).
 * Run (from packages/detect): pnpm bench, or tsx --conditions=@ctsim/source bench/score-throughput.ts [count]
 */

import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import {
  type AnomalyLabel,
  encodeApiTraceJson,
  generateTraces,
  SCENARIO_NAMES,
} from "@ctsim/generator";
import { createTraceChecker } from "@ctsim/generator/check";
import { readLabel } from "../src/index.js";
import {
  EXAMPLE_RULES_DIR,
  loadRulesDir,
  ndjsonLines,
  openFile,
  scoreNdjson,
} from "../src/node/index.js";

const count = Number(process.argv[2] ?? 300_000);
const dir = mkdtempSync(join(tmpdir(), "ctsim-score-bench-"));
const path = join(dir, "traces.ndjson");
const labels: AnomalyLabel[] = [];

async function writeInput(): Promise<number> {
  const out = createWriteStream(path);
  let chunk = "";
  let n = 0;
  const timeline = {
    count,
    scenarios: SCENARIO_NAMES,
    onLabel: (l: AnomalyLabel) => labels.push(l),
  };
  for (const event of generateTraces(timeline)) {
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

async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await run();
  return [(performance.now() - start) / 1000, result];
}

try {
  const mb = (await writeInput()) / 1e6;
  const rules = await loadRulesDir(EXAMPLE_RULES_DIR);
  console.log(`machine: ${cpus()[0]?.model} × ${cpus().length} cores, Node ${process.version}`);
  console.log(`command: tsx --conditions=@ctsim/source bench/score-throughput.ts ${count}`);
  console.log(
    `input: ${count} traces with every scenario (${labels.length} labels), ${mb.toFixed(0)} MB NDJSON; ${rules.length} example rules`,
  );
  const [parse, parsed] = await time(async () => {
    let n = 0;
    for await (const { line } of ndjsonLines(openFile(path)))
      n += (JSON.parse(line) as { time: number }).time > 0 ? 1 : 0;
    return n;
  });
  const [check, violations] = await time(async () => {
    const checker = createTraceChecker();
    for await (const { line, number } of ndjsonLines(openFile(path))) checker.check(line, number);
    return checker.finish().total;
  });
  const [scored, report] = await time(() =>
    scoreNdjson({
      input: openFile(path),
      name: path,
      rules,
      labels: labels.map((l, i) => readLabel(l, `label ${i + 1}`)),
    }),
  );
  const rate = (s: number) =>
    `${Math.round(count / s).toLocaleString("en")} traces/s, ${(mb / s).toFixed(0)} MB/s`;
  console.log(`baseline JSON.parse per line:  ${parse.toFixed(2)} s (${rate(parse)}) [${parsed}]`);
  console.log(
    `validate's engine (checker):   ${check.toFixed(2)} s (${rate(check)}), ${violations} violations`,
  );
  console.log(
    `score, example rules:          ${scored.toFixed(2)} s (${rate(scored)}), ${report.totals.alerts} alerts, recall ${report.totals.recall?.toFixed(3)}`,
  );
  console.log(
    `score / JSON.parse time: ${(scored / parse).toFixed(2)}×; score / validate time: ${(scored / check).toFixed(2)}×`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
