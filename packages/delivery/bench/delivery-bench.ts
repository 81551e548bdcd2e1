/**
 * `pnpm bench` in packages/delivery: transfer throughput against a baseline (plain gzip of the
 * same record bytes, nothing written) and the cost of digests per hour of traces.
 *
 * Usage: tsx --conditions=@ctsim/source bench/delivery-bench.ts [traces=20000]
 */
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import { type DeliveredTrace, type DigestFile, deliveredTraceOf } from "@ctsim/delivery";
import { createTransferWriter, seededRsaKey, signDigest } from "@ctsim/delivery/node";
import { generateTraces } from "@ctsim/generator";

const gzip = promisify(gzipCallback);
const count = Number(process.argv[2] ?? 20_000);
const from = Date.UTC(2024, 7, 23);
const traces: DeliveredTrace[] = [];
for (const event of generateTraces({ seed: 1, count, from, now: from + 365 * 86_400_000 }))
  traces.push(deliveredTraceOf(event));
const first = traces[0]!.route.time;
const last = traces.at(-1)!.route.time;
const hours = (last - first) / 3_600_000;
const bytes = traces.reduce((sum, t) => sum + Buffer.byteLength(t.record as string), 0);

console.log(`ctsim delivery bench: ${process.argv.slice(1).join(" ")}`);
console.log(
  `machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, node ${process.version}, ${process.platform}`,
);
console.log(
  `input: ${count} traces, ${(bytes / 1e6).toFixed(1)} MB of OBS records, ${hours.toFixed(1)} h of trace time`,
);

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function transfer(
  digests: boolean,
  input: readonly DeliveredTrace[] = traces,
): Promise<{ ms: number; files: number; digests: number }> {
  const dir = await mkdtemp(join(tmpdir(), "ctsim-delivery-bench-"));
  try {
    let stats = { files: 0, digests: 0 };
    const ms = await timed(async () => {
      const writer = await createTransferWriter({ dir, seed: 1, digests });
      for (const t of input) await writer.write(t);
      stats = await writer.close();
    });
    return { ms, ...stats };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const baselineMs = await timed(async () => {
  // The same bytes through gzip, in pieces of the size of a transfer file's text.
  const pieceSize = Math.max(1, Math.round(count / 500));
  for (let i = 0; i < traces.length; i += pieceSize) {
    const piece = traces.slice(i, i + pieceSize).map((t) => t.record as string);
    await gzip(`[\n${piece.join(",\n")}\n]\n`);
  }
});
seededRsaKey(1, "digest"); // key derivation once, outside the timings
const plain = await transfer(false);
const signed = await transfer(true);
// A busy tenant: the same records with their route times spread over 2 hours, so a transfer
// cycle's file holds hundreds of traces (the generator's tenant is sparse: a few per cycle).
const dense = traces.map((t, i) => ({
  ...t,
  route: { ...t.route, time: first + Math.floor((i * 7_200_000) / count) },
}));
const busy = await transfer(false, dense);

const rate = (ms: number): string =>
  `${Math.round(count / (ms / 1000)).toLocaleString("en")} traces/s, ${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;
console.log(`baseline gzip only:        ${baselineMs.toFixed(0)} ms  ${rate(baselineMs)}`);
console.log(
  `transfer, no digests:      ${plain.ms.toFixed(0)} ms  ${rate(plain.ms)}  (${plain.files} files, fsynced)  ${(plain.ms / baselineMs).toFixed(1)}× baseline`,
);
console.log(
  `transfer, busy tenant:      ${busy.ms.toFixed(0)} ms  ${rate(busy.ms)}  (${busy.files} files, fsynced)  ${(busy.ms / baselineMs).toFixed(1)}× baseline`,
);
console.log(
  `transfer with digests:     ${signed.ms.toFixed(0)} ms  ${rate(signed.ms)}  (${signed.digests} digests)`,
);
console.log(
  `digests per hour of traces: ${((signed.ms - plain.ms) / hours).toFixed(1)} ms (all chains: gzip, MD5, sign, 2 fsynced objects each)`,
);

// The signature alone: SHA256withRSA-2048 over a signing string.
const key = seededRsaKey(1, "digest");
const digest = {
  digest_end_time: "2024-08-23T10-09-17Z",
  digest_object: "CloudTraces/x",
  previous_digest_signature: "ab".repeat(256),
} as DigestFile;
const n = 500;
const signMs = await timed(async () => {
  for (let i = 0; i < n; i++) signDigest(digest, "5e08875de01b894eda5d1399d7b049fe", key);
});
console.log(`one SHA256withRSA-2048 signature: ${(signMs / n).toFixed(3)} ms`);
const keyMs = await timed(async () => {
  for (let seed = 100; seed < 110; seed++) seededRsaKey(seed, "digest");
});
console.log(
  `seeded RSA-2048 key derivation: ${(keyMs / 10).toFixed(0)} ms per seed (once per process)`,
);
