import { createHash } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { DeliveryError, DeliveryErrorCode } from "../delivery-error.js";
import { type DigestFile, digestMetaPath, encodeDigestFile } from "../digest/digest-file.js";
import { Prng } from "../internal/prng.js";
import {
  TAMPER_SCENARIOS,
  type TamperLabel,
  type TamperScenarioName,
} from "../tamper/tamper-scenarios.js";
import type { DeliveredDigest, DeliveredFile } from "../transfer/delivered-trace.js";
import { metaBytes, signDigest } from "./digest-chains.js";
import { seededRsaKey } from "./seeded-rsa-key.js";
import { writeFailed, writeObject } from "./write-object.js";

/** What {@link applyTamper} works on: a finished delivery. */
export interface TamperInput {
  readonly dir: string;
  readonly seed: number;
  readonly scenarios: readonly TamperScenarioName[];
  /** Trace files delivered, in delivery order. */
  readonly files: readonly DeliveredFile[];
  /** Digests delivered, in delivery order. */
  readonly digests: readonly DeliveredDigest[];
}

/** The address that replaces a record's `source_ip` in `tamper-alter-file` (TEST-NET-2). */
const FORGED_IP = "198.51.100.77";

/**
 * Applies tamper scenarios to a finished delivery and returns one label per scenario. Targets
 * are drawn from the seed so that scenarios never mask each other: digest scenarios take
 * distinct digests (and the neighbour a deleted digest breaks), file scenarios take files listed
 * by digests left intact, so `verify` reports each with its own reason.
 *
 * Errors: `CTSIM_DELIVERY_INVALID_OPTION` when the delivery is too small for a scenario (e.g. a
 * single digest cannot be cut out of a chain), `CTSIM_DELIVERY_WRITE_FAILED` on I/O errors.
 */
export async function applyTamper(input: TamperInput): Promise<TamperLabel[]> {
  const prng = Prng.derive(input.seed, 0x7a3e);
  const touched = new Set<string>();
  const chains = new Map<string, DeliveredDigest[]>();
  for (const d of input.digests) {
    const chain = chains.get(d.chain) ?? [];
    chain.push(d);
    chains.set(d.chain, chain);
  }
  const successor = new Map<string, DeliveredDigest>();
  for (const chain of chains.values())
    for (let i = 0; i + 1 < chain.length; i++) successor.set(chain[i]!.object, chain[i + 1]!);
  const usedFiles = new Set<string>();
  const pick = <T>(scenario: TamperScenarioName, candidates: readonly T[], needs: string): T => {
    if (candidates.length === 0) {
      throw new DeliveryError(
        DeliveryErrorCode.invalidOption,
        `${scenario}: nothing to tamper with (it needs ${needs}); deliver traces over a longer window`,
      );
    }
    return candidates[prng.int(candidates.length)]!;
  };
  const untouched = (d: DeliveredDigest): boolean => !touched.has(d.object);
  // Digest scenarios first: file scenarios then avoid the files their digests list.
  const order = [...input.scenarios].sort((a, b) => rank(a) - rank(b));
  const labels: TamperLabel[] = [];
  for (const scenario of order) {
    const label = (object: string, path: string): TamperLabel => ({
      scenario,
      description: TAMPER_SCENARIOS[scenario].description,
      object,
      expect: { path, reason: TAMPER_SCENARIOS[scenario].reason },
    });
    switch (scenario) {
      case "tamper-break-chain": {
        const d = pick(
          scenario,
          input.digests.filter((x) => {
            const next = successor.get(x.object);
            return untouched(x) && next !== undefined && untouched(next);
          }),
          "a chain of at least two digests",
        );
        const next = successor.get(d.object)!;
        touched.add(d.object).add(next.object);
        await remove(input.dir, d.object);
        await remove(input.dir, digestMetaPath(d.object));
        labels.push(label(d.object, next.object));
        break;
      }
      case "tamper-alter-digest": {
        const d = pick(
          scenario,
          input.digests.filter((x) => untouched(x) && x.logFiles.length > 0),
          "a digest listing a trace file",
        );
        touched.add(d.object);
        const digest = await readDigest(input.dir, d.object);
        const altered: DigestFile = { ...digest, log_files: digest.log_files.slice(1) };
        await writeObject(input.dir, d.object, gzipSync(encodeDigestFile(altered)));
        labels.push(label(d.object, d.object));
        break;
      }
      case "tamper-foreign-key": {
        const untouchedDigests = input.digests.filter(untouched);
        const last = untouchedDigests.filter((x) => !successor.has(x.object));
        const d = pick(scenario, last.length > 0 ? last : untouchedDigests, "a digest");
        touched.add(d.object);
        const bytes = await read(input.dir, d.object);
        const digest = JSON.parse(gunzipSync(bytes).toString("utf8")) as DigestFile;
        const md5 = createHash("md5").update(bytes).digest("hex");
        const forged = signDigest(digest, md5, seededRsaKey(input.seed, "foreign"));
        await writeObject(input.dir, digestMetaPath(d.object), metaBytes(forged));
        labels.push(label(d.object, d.object));
        break;
      }
      case "tamper-delete-file":
      case "tamper-alter-file": {
        const f = pick(
          scenario,
          input.digests
            .filter(untouched)
            .flatMap((x) => x.logFiles)
            .filter((object) => !usedFiles.has(object)),
          "a trace file listed by a digest",
        );
        usedFiles.add(f);
        if (scenario === "tamper-delete-file") await remove(input.dir, f);
        else await alterFile(input.dir, f);
        labels.push(label(f, f));
        break;
      }
    }
  }
  return labels;
}

function rank(scenario: TamperScenarioName): number {
  return scenario === "tamper-delete-file" || scenario === "tamper-alter-file" ? 1 : 0;
}

async function alterFile(dir: string, object: string): Promise<void> {
  const records = JSON.parse(gunzipSync(await read(dir, object)).toString("utf8")) as Array<
    Record<string, unknown>
  >;
  const first = records[0]!;
  first.source_ip = first.source_ip === FORGED_IP ? "198.51.100.78" : FORGED_IP;
  const text = `[\n${records.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`;
  await writeObject(dir, object, gzipSync(text));
}

async function readDigest(dir: string, object: string): Promise<DigestFile> {
  return JSON.parse(gunzipSync(await read(dir, object)).toString("utf8")) as DigestFile;
}

async function read(dir: string, object: string): Promise<Buffer> {
  return readFile(join(dir, object)).catch((error: unknown) => {
    throw new DeliveryError(
      DeliveryErrorCode.readFailed,
      `cannot read ${join(dir, object)}: ${(error as Error).message}`,
      { cause: error },
    );
  });
}

async function remove(dir: string, object: string): Promise<void> {
  await rm(join(dir, object)).catch((error: unknown) => {
    throw writeFailed(join(dir, object), error);
  });
}
