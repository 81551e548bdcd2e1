import { spawnSync } from "node:child_process";

/** Runs a command to its end and returns its stdout; throws with its stderr when it fails. */
export function run(command: readonly string[], cwd: string, env?: NodeJS.ProcessEnv): string {
  const [file, ...args] = command;
  if (file === undefined) throw new Error("run: empty command");
  const result = spawnSync(file, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error !== undefined) throw new Error(`${command.join(" ")}: ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(
      `${command.join(" ")} (in ${cwd}) exited with ${result.status ?? result.signal}:\n${result.stderr}${result.stdout}`,
    );
  return result.stdout;
}
