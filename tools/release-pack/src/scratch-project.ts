import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PackedPackage } from "./pack-release.js";
import { run } from "./run.js";

/** Options of {@link createScratchProject}. */
export interface ScratchProjectOptions {
  /** The folder of the project, created; it must lie outside the workspace. */
  readonly dir: string;
  /** The tarballs, installed by path. */
  readonly packed: readonly PackedPackage[];
  /** Third-party packages the project's own tests use, name → exact version. */
  readonly devDependencies: Readonly<Record<string, string>>;
  /** Files copied into the project (its tests, its tsconfig.json). */
  readonly files: readonly string[];
}

/**
 * A project as a user starts one: a package.json naming the tarballs by path, the given files,
 * and `npm install` (npm, not the workspace's pnpm links; third-party packages from the
 * registry or npm's cache). A module importing every export of every packed package is added
 * as `exports-smoke.ts`, so that both Node and TypeScript resolve each one.
 *
 * @example
 * createScratchProject({ dir, packed, devDependencies: { vitest: "4.1.12" }, files: [] });
 */
export function createScratchProject(options: ScratchProjectOptions): void {
  const { dir, packed } = options;
  mkdirSync(dir, { recursive: true });
  const dependencies = Object.fromEntries(packed.map((pkg) => [pkg.name, `file:${pkg.tarball}`]));
  const manifest = {
    name: "ctsim-outside-check",
    private: true,
    type: "module",
    dependencies,
    devDependencies: options.devDependencies,
  };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const file of options.files) copyFileSync(file, join(dir, file.split("/").pop() as string));
  writeFileSync(join(dir, "exports-smoke.ts"), exportsSmoke(packed));
  run(["npm", "install", "--no-audit", "--no-fund", "--prefer-offline"], dir);
}

/** Every import specifier the packages export as code (not JSON files nor wildcards). */
export function exportedSpecifiers(packed: readonly PackedPackage[]): string[] {
  return packed.flatMap((pkg) =>
    Object.keys(pkg.manifest.exports ?? {})
      .filter((subpath) => !subpath.includes("*") && !subpath.endsWith(".json"))
      .map((subpath) => (subpath === "." ? pkg.name : `${pkg.name}/${subpath.slice(2)}`)),
  );
}

function exportsSmoke(packed: readonly PackedPackage[]): string {
  const specifiers = exportedSpecifiers(packed);
  const imports = specifiers.map((specifier, i) => `import * as m${i} from "${specifier}";`);
  const list = specifiers.map((_, i) => `m${i}`).join(", ");
  return `${imports.join("\n")}\n\nexport const modules: readonly object[] = [${list}];\n`;
}

/** The names of the installed packages' folders under `node_modules/@ctsim`. */
export function installedScoped(dir: string): string[] {
  return readdirSync(join(dir, "node_modules", "@ctsim")).sort();
}
