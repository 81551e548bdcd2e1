import { spawnSync } from "node:child_process";
import { join } from "node:path";

/**
 * Builds the CLI and the packages under it (turbo: cached when nothing changed), so the bench
 * times the binary a user runs, never a stale one.
 *
 * Errors: throws naming the command when the build fails.
 */
export function buildCli(root: string): void {
  const turbo = join(root, "node_modules", ".bin", "turbo");
  const args = ["run", "build", "--filter=@ctsim/cli", "--output-logs=errors-only"];
  const result = spawnSync(turbo, args, { cwd: root, stdio: ["ignore", 2, 2] });
  if (result.status !== 0)
    throw new Error(
      `the build failed (${turbo} ${args.join(" ")}: ${result.error?.message ?? `exit ${result.status}`})`,
    );
}
