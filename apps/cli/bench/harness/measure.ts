import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { shellLine } from "./shell.js";

/** One run of one command. */
export interface Sample {
  /** Wall time of the whole shell line (the reader too, for a pipe), seconds. */
  readonly wall: number;
  /** CPU time of the timed process and its threads, seconds (`undefined` without GNU time). */
  readonly user: number | undefined;
  readonly sys: number | undefined;
  /** Peak resident set of the timed process, KiB (`undefined` without GNU time). */
  readonly maxRssKiB: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

/** GNU time, which reports a child's CPU time and peak RSS (`getrusage` of the child). */
export const GNU_TIME = "/usr/bin/time";

/** Whether this host has GNU time; without it the table shows wall times only. */
export const hasGnuTime = (): boolean => existsSync(GNU_TIME);

/**
 * Runs `timed` (words) followed by `tail` (`> /dev/null`, `| wc -c`…) in bash, with GNU time
 * around the timed process when the host has it.
 *
 * Errors: rejects naming the command, its exit status and its standard error when the shell
 * line fails (a bench of a failed command would time the failure).
 */
export async function runTimed(
  timed: readonly string[],
  tail: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<Sample> {
  const dir = mkdtempSync(join(tmpdir(), "ctsim-bench-time-"));
  const timeFile = join(dir, "time");
  try {
    const prefix = hasGnuTime() ? [GNU_TIME, "-f", "%e %U %S %M", "-o", timeFile] : [];
    const line = `${shellLine([...prefix, ...timed])} ${tail}`.trimEnd();
    const started = performance.now();
    const { code, stdout, stderr } = await runShell(line, env, cwd);
    const wall = (performance.now() - started) / 1000;
    if (code !== 0)
      throw new Error(
        `bench command failed (exit ${code}): ${shellLine(timed)} ${tail}\n${stderr}`,
      );
    const usage = hasGnuTime() ? parseGnuTime(readFileSync(timeFile, "utf8")) : undefined;
    return {
      wall,
      user: usage?.user,
      sys: usage?.sys,
      maxRssKiB: usage?.maxRssKiB,
      stdout,
      stderr,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Reads GNU time's `%e %U %S %M` line (the last line: a failed command's status comes first).
 *
 * @example
 * parseGnuTime("1.50 1.20 0.10 20480\n").maxRssKiB; // 20480
 */
export function parseGnuTime(text: string): { user: number; sys: number; maxRssKiB: number } {
  const last = text.trim().split("\n").pop() ?? "";
  const fields = last.trim().split(/\s+/).map(Number);
  if (fields.length !== 4 || fields.some((value) => !Number.isFinite(value)))
    throw new Error(`unreadable GNU time output: ${JSON.stringify(text)}`);
  const [, user, sys, maxRssKiB] = fields as [number, number, number, number];
  return { user, sys, maxRssKiB };
}

function runShell(
  line: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // bash with pipefail: a failed producer in a pipe fails the line, not only the reader.
    const child = spawn("bash", ["-c", `set -o pipefail; ${line}`], {
      env,
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      }),
    );
  });
}
