/**
 * One long generator run in a process of its own, for `ndjson-throughput.ts`: N traces of NDJSON
 * to /dev/null through the library's encoder, reporting traces/s and the process's peak RSS
 * after the first M traces and after all N, as one JSON line. One timeline, so the two peaks
 * differ only by how long the stream has run (constant memory: they should match), and a
 * process of its own, so nothing an earlier measurement left in the heap counts.
 *
 * Run: tsx --conditions=@ctsim/source bench/ndjson-rss.ts 10000000 1000000
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { encodeTraces, generateTraces } from "../src/index.js";

const count = Number(process.argv[2] ?? 10_000_000);
const checkpoint = Number(process.argv[3] ?? 1_000_000);
const fd = openSync("/dev/null", "w");

function run(n: number): { seconds: number; peakRss: number; peakAtCheckpoint: number } {
  let peakRss = process.memoryUsage.rss();
  let peakAtCheckpoint = 0;
  let chunks = 0;
  let buffer = "";
  const start = performance.now();
  for (const chunk of encodeTraces(generateTraces({ seed: 42, count: n }))) {
    buffer += chunk;
    if (buffer.length >= 65_536) {
      writeSync(fd, buffer);
      buffer = "";
    }
    // Sampled from inside the loop: a timer cannot fire in a synchronous loop. A chunk holds
    // about 50 traces, so chunk counts stand in for trace counts.
    if (++chunks % 100 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
    if (peakAtCheckpoint === 0 && chunks * 50 >= checkpoint) peakAtCheckpoint = peakRss;
  }
  writeSync(fd, buffer);
  return { seconds: (performance.now() - start) / 1000, peakRss, peakAtCheckpoint };
}

run(50_000); // warm-up, as in the parent's measurements
const { seconds, peakRss, peakAtCheckpoint } = run(count);
closeSync(fd);
console.log(
  JSON.stringify({ count, rate: count / seconds, peakRss, checkpoint, peakAtCheckpoint }),
);
