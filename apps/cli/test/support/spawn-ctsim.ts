import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const bin = join(repo, "apps/cli/src/bin.ts");

/** How to run one `ctsim` process. */
export interface SpawnOptions {
  /** Standard output goes to this file (opened with `>`, or `>>` with `append`) instead of a pipe. */
  readonly stdoutFile?: string;
  readonly append?: boolean;
  /** `ulimit -f` in 1024-byte blocks: writes past it fail with EFBIG, as on a full disk. */
  readonly fileSizeLimitKiB?: number;
  /** Run as this user id (through `setpriv`; needs root), e.g. to meet file permissions. */
  readonly uid?: number;
}

/** What one `ctsim` process did. */
export interface SpawnedRun {
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/**
 * Runs `ctsim` as a real process from its TypeScript sources, as a user's shell would: stdout
 * piped to the test or redirected to a file, optionally under a file size limit (Node ignores
 * SIGXFSZ, so a write past the limit fails with EFBIG after a short write, like ENOSPC).
 *
 * @example
 * const { code, stdout } = await spawnCtsim(["generate", "--count", "5"]);
 */
export async function spawnCtsim(
  argv: readonly string[],
  options: SpawnOptions = {},
): Promise<SpawnedRun> {
  const user =
    options.uid === undefined
      ? []
      : ["setpriv", `--reuid=${options.uid}`, `--regid=${options.uid}`, "--clear-groups"];
  const node = [
    ...user,
    process.execPath,
    "--conditions=@ctsim/source",
    "--import",
    "tsx",
    bin,
    ...argv,
  ];
  const [command, args] =
    options.fileSizeLimitKiB === undefined
      ? [node[0]!, node.slice(1)]
      : ["bash", ["-c", `ulimit -f ${options.fileSizeLimitKiB} && exec "$@"`, "bash", ...node]];
  const out =
    options.stdoutFile === undefined
      ? "pipe"
      : openSync(options.stdoutFile, options.append === true ? "a" : "w");
  try {
    const child = spawn(command, args, { cwd: repo, stdio: ["ignore", out, "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on("data", (part: Buffer) => stdout.push(part));
    child.stderr?.on("data", (part: Buffer) => stderr.push(part));
    const code = await new Promise<number | null>((done) =>
      child.on("close", (exit) => done(exit)),
    );
    return { code, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString() };
  } finally {
    if (typeof out === "number") closeSync(out);
  }
}
