import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const AUTOCANNON = fileURLToPath(
  new URL("../node_modules/autocannon/autocannon.js", import.meta.url),
);

/** Requests per second and latency of one autocannon run. */
export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
}

/** The autocannon command line used, for the report. */
export function loadCommand(url: string, connections: number, seconds: number): string {
  return `autocannon -c ${connections} -d ${seconds} '${url}'`;
}

/**
 * Runs autocannon in a child process (so the load generator does not share the server's event
 * loop) and returns its figures.
 */
export async function loadTest(
  url: string,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const { stdout } = await run(
    process.execPath,
    [AUTOCANNON, "-c", String(connections), "-d", String(seconds), "-j", url],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const result = JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
  };
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
