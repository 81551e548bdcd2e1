import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { gunzipSync } from "node:zlib";

/** Every file under `root` as a relative POSIX path, sorted. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/** The records of one gzipped trace file, parsed. */
export async function readTraceFile(
  root: string,
  object: string,
): Promise<Array<Record<string, unknown>>> {
  return JSON.parse(gunzipSync(await readFile(join(root, object))).toString("utf8"));
}

/** Every file's bytes, by path: two deliveries compare byte for byte. */
export async function snapshot(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const path of await listFiles(root))
    out.set(path, (await readFile(join(root, path))).toString("base64"));
  return out;
}
