import { readManifest } from "./workspace-packages.js";

/**
 * How to run the workspace's pnpm: the one running this process when pnpm started it
 * (`npm_execpath`), else the exact version `packageManager` pins, through npx (pnpm need not be
 * on the PATH, as on the CI machines).
 */
export function pnpmCommand(root: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const execPath = env.npm_execpath;
  if (execPath !== undefined && /pnpm/.test(execPath)) return [process.execPath, execPath];
  const pinned = readManifest(root).packageManager;
  if (pinned === undefined || !pinned.startsWith("pnpm@"))
    throw new Error(`${root}/package.json pins no pnpm in packageManager`);
  return ["npx", "-y", pinned.split("+")[0] as string];
}
