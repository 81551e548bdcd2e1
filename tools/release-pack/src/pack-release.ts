import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pnpmCommand } from "./pnpm-command.js";
import { publishProblems } from "./publish-problems.js";
import { run } from "./run.js";
import {
  type PackageManifest,
  publishablePackages,
  readManifest,
  type WorkspacePackage,
} from "./workspace-packages.js";

/** Options of {@link packRelease}. */
export interface PackReleaseOptions {
  /** The workspace root (holding pnpm-workspace.yaml). */
  readonly root: string;
  /** The folder the tarballs go to; emptied first. */
  readonly outDir: string;
  /** Build every package first (`pnpm build`). Default: true. */
  readonly build?: boolean;
}

/** One packed package. */
export interface PackedPackage {
  readonly name: string;
  readonly version: string;
  /** Folder relative to the workspace root. */
  readonly dir: string;
  /** Absolute path of the tarball. */
  readonly tarball: string;
  /** The package.json inside the tarball (workspace ranges rewritten by pnpm). */
  readonly manifest: PackageManifest;
}

/**
 * Builds the workspace and packs every publishable package (found in the workspace, not
 * listed) with `pnpm pack`, which rewrites `workspace:*` ranges to the versions, into one folder.
 * Refuses (throws, naming the package and the problems) a package that is not ready to
 * publish or whose tarball still names a `workspace:` range.
 *
 * @example
 * const packed = packRelease({ root: process.cwd(), outDir: "release" });
 */
export function packRelease(options: PackReleaseOptions): PackedPackage[] {
  const root = resolve(options.root);
  const outDir = resolve(options.outDir);
  const packages = publishablePackages(root);
  const rootManifest = readManifest(root);
  const problems = packages.flatMap((pkg) =>
    publishProblems(pkg, rootManifest).map((problem) => `${pkg.manifest.name}: ${problem}`),
  );
  if (problems.length > 0) throw new Error(`not ready to publish:\n  ${problems.join("\n  ")}`);
  const pnpm = pnpmCommand(root);
  if (options.build !== false) run([...pnpm, "run", "build"], root);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  return packages.map((pkg) => packOne(pkg, pnpm, outDir));
}

function packOne(pkg: WorkspacePackage, pnpm: readonly string[], outDir: string): PackedPackage {
  const { name, version } = pkg.manifest;
  run([...pnpm, "pack", "--pack-destination", outDir], pkg.absoluteDir);
  const tarball = join(outDir, `${name.replace(/^@/, "").replace("/", "-")}-${version}.tgz`);
  if (!existsSync(tarball)) throw new Error(`pnpm pack of ${name} wrote no ${tarball}`);
  const manifest = JSON.parse(
    run(["tar", "-xzOf", tarball, "package/package.json"], outDir),
  ) as PackageManifest;
  const ranges = { ...manifest.dependencies, ...manifest.peerDependencies };
  const unresolved = Object.entries(ranges).filter(([, range]) => range.startsWith("workspace:"));
  if (unresolved.length > 0)
    throw new Error(
      `${tarball} still names workspace ranges: ${unresolved.map(([dep, range]) => `${dep}@${range}`).join(", ")}`,
    );
  return { name, version, dir: pkg.dir, tarball, manifest };
}
