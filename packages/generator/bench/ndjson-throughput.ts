/**
 * NDJSON throughput of the generator, written to /dev/null on one core, against two baselines
 * measured in the same run: (a) JSON.stringify of one fixed realistic trace per line into the
 * same buffered writer (the serialization ceiling) and (b) a naive generator calling faker for
 * every field. Also peak RSS at 1M and 10M traces, each in a fresh process (must stay flat), and
 * catalog coverage.
 *
 * Run: pnpm --filter @ctsim/generator bench   (or `pnpm bench` at the root)
 * Env: BENCH_QUICK=1 for a short smoke run.
 */
import { execFileSync } from "node:child_process";
import { closeSync, openSync, writeSync } from "node:fs";
import { cpus } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { operationsOf } from "@ctsim/catalog";
import { base, en, Faker } from "@faker-js/faker";
import { encodeApiTraceJson, encodeTraces, generateTraces } from "../src/index.js";
import { flat } from "../src/internal/flat.js";

const QUICK = process.env.BENCH_QUICK === "1";
const N_MAIN = QUICK ? 200_000 : 1_000_000;
const N_BIG = QUICK ? 1_000_000 : 10_000_000;
const N_RSS_SMALL = QUICK ? 200_000 : 1_000_000;
const N_FIXED = QUICK ? 200_000 : 1_000_000;
const N_NAIVE = QUICK ? 20_000 : 100_000;
const N_ENCODE = QUICK ? 100_000 : 500_000;
/** Alternating rounds of (a) and the generator. */
const ROUNDS = 3;

/** Buffered writer: strings accumulate to ~64 KiB, then one synchronous write. */
class BufferedWriter {
  private buffer = "";
  bytes = 0;
  constructor(private readonly fd: number) {}
  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= 65_536) this.flush();
  }
  flush(): void {
    if (this.buffer.length === 0) return;
    this.bytes += writeSync(this.fd, this.buffer);
    this.buffer = "";
  }
}

interface Result {
  readonly traces: number;
  readonly seconds: number;
  readonly bytes: number;
  readonly peakRss: number;
}

function measure(traces: number, body: (writer: BufferedWriter) => void): Result {
  const fd = openSync("/dev/null", "w");
  const writer = new BufferedWriter(fd);
  let peakRss = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 50);
  const start = performance.now();
  body(writer);
  writer.flush();
  const seconds = (performance.now() - start) / 1000;
  clearInterval(timer);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  closeSync(fd);
  return { traces, seconds, bytes: writer.bytes, peakRss };
}

function generator(count: number): Result {
  return measure(count, (writer) => {
    // The library's NDJSON encoder: ~64 KiB text chunks into the same buffered writer.
    for (const chunk of encodeTraces(generateTraces({ seed: 42, count }))) writer.write(chunk);
  });
}

/**
 * Encoding and writing alone: the traces are generated beforehand and held in memory, then
 * encoded into the same writer. The floor under the generator's cost per trace, whatever the
 * timeline does.
 */
function encodeOnly(count: number): Result {
  const events = [...generateTraces({ seed: 42, count })];
  return measure(count, (writer) => {
    for (const chunk of encodeTraces(events)) writer.write(chunk);
  });
}

/** Live heap after a full GC, sampled along a run (what the timeline retains, unlike RSS). */
function liveHeapAlong(count: number, samples: number): number[] {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const live: number[] = [];
  const every = Math.floor(count / samples);
  let n = 0;
  for (const _ of generateTraces({ seed: 42, count })) {
    if (++n % every === 0) {
      gc();
      live.push(process.memoryUsage().heapUsed);
    }
  }
  return live;
}

interface FreshRun {
  readonly rate: number;
  readonly peakRss: number;
  readonly peakAtCheckpoint: number;
}

/** One long generator run in a fresh process (bench/ndjson-rss.ts): rate, peak RSS at a checkpoint and at the end. */
function freshRun(count: number, checkpoint: number): FreshRun {
  const script = new URL("./ndjson-rss.ts", import.meta.url).pathname;
  const out = execFileSync(
    process.execPath,
    ["--conditions=@ctsim/source", "--import", "tsx", script, String(count), String(checkpoint)],
    { encoding: "utf8" },
  );
  return JSON.parse(out.trim().split("\n").pop() as string) as FreshRun;
}

const FIXED_TRACE = JSON.parse(
  encodeApiTraceJson(generateTraces({ seed: 7, count: 1 }).next().value as never),
);

function fixedBaseline(count: number): Result {
  return measure(count, (writer) => {
    for (let i = 0; i < count; i++) writer.write(`${JSON.stringify(FIXED_TRACE)}\n`);
  });
}

function naiveBaseline(count: number): Result {
  const faker = new Faker({ locale: [en, base], seed: 1 });
  const names = operationsOf().map((op) => op.traceName);
  return measure(count, (writer) => {
    for (let i = 0; i < count; i++) {
      const name = faker.person.firstName();
      const domain = faker.string.hexadecimal({ length: 32, prefix: "" });
      const trace = {
        trace_id: faker.string.uuid(),
        trace_name: faker.helpers.arrayElement(names),
        trace_rating: faker.helpers.arrayElement(["normal", "warning", "incident"]),
        trace_type: faker.helpers.arrayElement(["ApiCall", "ConsoleAction", "SystemAction"]),
        service_type: "ModelArts",
        resource_type: faker.helpers.arrayElement(["Notebook", "dataset", "service"]),
        resource_id: faker.string.uuid(),
        resource_name: faker.word.noun(),
        time: faker.date.recent().getTime(),
        record_time: faker.date.recent().getTime(),
        source_ip: faker.internet.ipv4(),
        request: JSON.stringify({ name: faker.word.noun(), flavor: faker.word.noun() }),
        response: JSON.stringify({ id: faker.string.uuid() }),
        code: faker.helpers.arrayElement(["200", "201", "400", "500"]),
        api_version: "v1",
        message: null,
        request_id: faker.string.hexadecimal({ length: 32, prefix: "" }),
        enterprise_project_id: "0",
        read_only: false,
        operation_id: faker.word.verb(),
        user: {
          id: faker.string.hexadecimal({ length: 32, prefix: "" }),
          name,
          user_name: name,
          domain: { id: domain, name: faker.company.name() },
          account_id: domain,
          principal_is_root_user: "false",
        },
      };
      writer.write(`${JSON.stringify(trace)}\n`);
    }
  });
}

/**
 * µs to write one 1,300-character string built from 1,300 one-character pieces, made "flat"
 * by `keep` inside a loop hot enough to be optimized: a `flat` that the optimizer drops (as
 * it dropped an unused `Number(text)`) leaves ropes that cost ~100× more to write.
 */
function ropeWriteMicros(keep: (text: string) => string): number {
  const pieces: string[] = [];
  for (let i = 0; i < 2000; i++) {
    let text = "";
    for (let j = 0; j < 1300; j++) text += String.fromCharCode(97 + ((i + j) % 26));
    pieces.push(keep(text));
  }
  const fd = openSync("/dev/null", "w");
  const writes = 20_000;
  let buffer = "";
  const start = performance.now();
  for (let i = 0; i < writes; i++) {
    buffer += `${pieces[i % pieces.length]}\n`;
    if (buffer.length >= 65_536) {
      writeSync(fd, buffer);
      buffer = "";
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
  return ((performance.now() - start) * 1000) / writes;
}

function coverage(): string {
  const expected = new Set(operationsOf().map((op) => op.traceName));
  for (const trace of generateTraces({ seed: 42, count: N_MAIN })) expected.delete(trace.traceName);
  return expected.size === 0
    ? `all ${operationsOf().length} operations seen`
    : `MISSING: ${[...expected].join(", ")}`;
}

const rate = (r: Result): number => r.traces / r.seconds;
const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
/** Several runs as one: their traces, time and bytes summed, the highest peak RSS. */
const total = (runs: readonly Result[]): Result => ({
  traces: runs.reduce((sum, r) => sum + r.traces, 0),
  seconds: runs.reduce((sum, r) => sum + r.seconds, 0),
  bytes: runs.reduce((sum, r) => sum + r.bytes, 0),
  peakRss: Math.max(...runs.map((r) => r.peakRss)),
});
const mb = (bytes: number): string => (bytes / 1_048_576).toFixed(1);
const line = (label: string, r: Result): string =>
  `${label.padEnd(40)} ${Math.round(rate(r)).toLocaleString("en-US").padStart(10)} traces/s  ${(r.bytes / 1_048_576 / r.seconds).toFixed(1).padStart(6)} MB/s  ${r.traces.toLocaleString("en-US").padStart(11)} traces  peak RSS ${mb(r.peakRss)} MB`;

const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(`@ctsim/generator NDJSON throughput → /dev/null (one core, single thread)`);
console.log(
  `machine: ${cpu}, ${cpus().length} cores, Node ${process.version}, ${process.platform}/${process.arch}`,
);
console.log(`command: pnpm --filter @ctsim/generator bench${QUICK ? " (BENCH_QUICK=1)" : ""}\n`);

generator(50_000); // warm-up (JIT, faker pools)
fixedBaseline(50_000);
// (a) and the generator alternate for a few rounds; the ratio is judged per round and by its
// median, since the host's speed drifts by ±10–40% over minutes.
const fixedRuns: Result[] = [];
const generatorRuns: Result[] = [];
for (let round = 0; round < ROUNDS; round++) {
  fixedRuns.push(fixedBaseline(N_FIXED / 2));
  generatorRuns.push(generator(N_MAIN));
}
const fixed = total(fixedRuns);
const main = total(generatorRuns);
const ratios = generatorRuns.map((run, i) => rate(run) / rate(fixedRuns[i] as Result));
const naive = naiveBaseline(N_NAIVE);
const encoding = encodeOnly(N_ENCODE);

console.log(line(`(a) JSON.stringify fixed trace, ${ROUNDS} runs`, fixed));
console.log(line("(b) naive faker-per-field", naive));
console.log(line(`generator ${N_MAIN.toLocaleString("en-US")}, ${ROUNDS} runs`, main));
console.log("");
console.log(
  `ratio vs (a) per round: ${ratios.map((r) => r.toFixed(2)).join(", ")}; median ${median(ratios).toFixed(2)}×  (target ≥ 1.0×, aim 1.5×)`,
);
console.log(`ratio vs (b): ${(rate(main) / rate(naive)).toFixed(1)}×  (target ≥ 20×)`);
const micros = (r: Result): string => ((r.seconds * 1e6) / r.traces).toFixed(2);
console.log(
  `encoding and writing alone (${N_ENCODE.toLocaleString("en-US")} traces generated beforehand): ${micros(encoding)} µs a trace; the generator takes ${micros(main)} µs in all, and 20× (b) would allow ${(1e6 / (20 * rate(naive))).toFixed(2)} µs`,
);
// Peak RSS along one long run in a process of its own (the runs above share this one's heap).
const long = freshRun(N_BIG, N_RSS_SMALL);
console.log(
  `one ${N_BIG.toLocaleString("en-US")}-trace run in a fresh process: ${Math.round(long.rate).toLocaleString("en-US")} traces/s; peak RSS after ${N_RSS_SMALL.toLocaleString("en-US")} traces ${mb(long.peakAtCheckpoint)} MB, after ${N_BIG.toLocaleString("en-US")} ${mb(long.peakRss)} MB (${(((long.peakRss - long.peakAtCheckpoint) / long.peakAtCheckpoint) * 100).toFixed(0)}%; target: flat)`,
);
const live = liveHeapAlong(N_BIG / 2, 5).map(mb);
console.log(
  `live heap after GC along ${(N_BIG / 2).toLocaleString("en-US")} traces: ${live.join(" → ")} MB (flat: nothing accumulates)`,
);
console.log(`coverage (${N_MAIN.toLocaleString("en-US")} traces, default revision): ${coverage()}`);
console.log(
  `writing a 1,300-piece string, per write: ${ropeWriteMicros(flat).toFixed(2)} µs after flat(), ${ropeWriteMicros((text) => text).toFixed(2)} µs as a rope (flat() must stay far below)`,
);
