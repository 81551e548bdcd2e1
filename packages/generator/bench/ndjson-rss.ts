/**
 * One generator run in a process of its own, for `ndjson-throughput.ts`: N traces of NDJSON to
 * /dev/null through the library's encoder, reporting traces/s and the process's peak RSS as one
 * JSON line. A fresh process per size, so the peak RSS of 1M and 10M traces is not inflated by
 * whatever an earlier measurement left in the heap.
 *
 * Run: tsx --conditions=@ctsim/source bench/ndjson-rss.ts 1000000
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { encodeTraces, generateTraces } from "../src/index.js";

const count = Number(process.argv[2] ?? 1_000_000);
const fd = openSync("/dev/null", "w");

function run(n: number): { seconds: number; peakRss: number } {
  let peakRss = process.memoryUsage.rss();
  let chunks = 0;
  let buffer = "";
  const start = performance.now();
  for (const chunk of encodeTraces(generateTraces({ seed: 42, count: n }))) {
    buffer += chunk;
    if (buffer.length >= 65_536) {
      writeSync(fd, buffer);
      buffer = "";
    }
    // Sampled from inside the loop: a timer cannot fire in a synchronous loop.
    if (++chunks % 100 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  writeSync(fd, buffer);
  return { seconds: (performance.now() - start) / 1000, peakRss };
}

run(50_000); // warm-up, as in the parent's measurements
const { seconds, peakRss } = run(count);
closeSync(fd);
console.log(JSON.stringify({ count, rate: count / seconds, peakRss }));
