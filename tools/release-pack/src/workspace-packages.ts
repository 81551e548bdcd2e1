import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The fields of a package.json this tool reads. */
export interface PackageManifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly license?: string;
  readonly repository?: {
    readonly type?: string;
    readonly url?: string;
    readonly directory?: string;
  };
  readonly publishConfig?: { readonly access?: string };
  readonly exports?: Record<string, unknown>;
  readonly files?: readonly string[];
  readonly bin?: Record<string, string>;
  readonly scripts?: Record<string, string>;
  readonly engines?: Record<string, string>;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly packageManager?: string;
}

/** A package of the workspace: its folder (relative to the root and absolute) and manifest. */
export interface WorkspacePackage {
  /** Folder relative to the workspace root, with `/`: `packages/mock`. */
  readonly dir: string;
  readonly absoluteDir: string;
  readonly manifest: PackageManifest;
}

/** Reads a package.json. */
export function readManifest(dir: string): PackageManifest {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageManifest;
}

/**
 * Every package of the workspace, in folder order: the folders matched by the `packages:` globs
 * of `pnpm-workspace.yaml` (`group/*` or a plain folder) that hold a package.json. Read from the
 * workspace, not listed here, so a package added tomorrow is packed and tested without an edit.
 */
export function workspacePackages(root: string): WorkspacePackage[] {
  const dirs = workspaceGlobs(root).flatMap((glob) => {
    if (!glob.endsWith("/*")) return [glob];
    const group = glob.slice(0, -2);
    const absolute = join(root, group);
    if (!existsSync(absolute)) return [];
    return readdirSync(absolute, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${group}/${entry.name}`)
      .sort();
  });
  return dirs
    .filter((dir) => existsSync(join(root, dir, "package.json")))
    .map((dir) => ({
      dir,
      absoluteDir: join(root, dir),
      manifest: readManifest(join(root, dir)),
    }));
}

/** The workspace packages that are published: every one not marked `private`. */
export function publishablePackages(root: string): WorkspacePackage[] {
  return workspacePackages(root).filter((pkg) => pkg.manifest.private !== true);
}

/** The `packages:` list of pnpm-workspace.yaml (a flat list of quoted or bare strings). */
function workspaceGlobs(root: string): string[] {
  const lines = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8").split("\n");
  const start = lines.findIndex((line) => /^packages:\s*$/.test(line));
  if (start < 0) throw new Error(`${join(root, "pnpm-workspace.yaml")} has no packages: list`);
  const globs: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const item = /^\s+-\s+['"]?([^'"#\s]+)['"]?\s*(#.*)?$/.exec(line);
    if (item?.[1] !== undefined) globs.push(item[1]);
    else if (line.trim() !== "" && !line.trim().startsWith("#")) break;
  }
  return globs;
}
