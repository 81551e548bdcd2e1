import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { deliverGenerated } from "./deliver-generated.js";
import { listFiles } from "./read-bucket.js";

/**
 * The examples the README shows, as ctsim writes them: seed 7, two hours from
 * 2024-08-23T08:00Z. Returns a trace file name and the second digest of the ModelArts chain
 * (indented for reading) with its signature sidecar.
 */
export async function readmeExample(dir: string): Promise<{
  traceFile: string;
  digestObject: string;
  digest: string;
  meta: string;
}> {
  await deliverGenerated({ dir, seed: 7, hours: 2 });
  const files = await listFiles(dir);
  const traceFile = files.find((f) => f.includes("/system/ModelArts/"))!;
  const digestObject = files.filter(
    (f) => f.includes("/system/Digest/ModelArts/") && f.endsWith(".json.gz"),
  )[1]!;
  const digest = JSON.parse(gunzipSync(await readFile(join(dir, digestObject))).toString("utf8"));
  const meta = await readFile(join(dir, `${digestObject}.meta.json`), "utf8");
  return { traceFile, digestObject, digest: JSON.stringify(digest, null, 2), meta: meta.trimEnd() };
}
