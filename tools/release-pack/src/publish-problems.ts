import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PackageManifest, WorkspacePackage } from "./workspace-packages.js";

/** The export condition that points the workspace at TypeScript sources (never shipped). */
export const SOURCE_CONDITION = "@ctsim/source";

/**
 * What keeps a package from being published and used outside the workspace, one sentence a
 * problem (an empty list when it is ready): license and LICENSE file, repository (the root's
 * URL, the package's folder), public access, exports to built JavaScript and types under
 * `dist/` (the source condition first), `files` that ship `dist` and every bin, a build that
 * empties `dist` first, and a README with Install and Use (or Example) sections.
 *
 * @example
 * for (const pkg of publishablePackages(root)) console.log(pkg.dir, publishProblems(pkg, rootManifest));
 */
export function publishProblems(pkg: WorkspacePackage, root: PackageManifest): string[] {
  const { manifest, absoluteDir } = pkg;
  const problems: string[] = [];
  if (manifest.license === undefined) problems.push("no license field");
  if (!existsSync(join(absoluteDir, "LICENSE"))) problems.push("no LICENSE file");
  const repository = manifest.repository;
  if (repository?.url === undefined || repository.url !== root.repository?.url)
    problems.push(`repository.url is not the root's (${root.repository?.url})`);
  if (repository?.directory !== pkg.dir) problems.push(`repository.directory is not ${pkg.dir}`);
  if (manifest.publishConfig?.access !== "public")
    problems.push("publishConfig.access is not public");
  if (manifest.engines?.node === undefined) problems.push("no engines.node");
  problems.push(...exportProblems(manifest), ...fileProblems(manifest), ...buildProblems(manifest));
  problems.push(...readmeProblems(absoluteDir));
  return problems;
}

function exportProblems(manifest: PackageManifest): string[] {
  const exports = manifest.exports;
  if (exports === undefined) return ["no exports map"];
  const problems: string[] = [];
  if (!("./package.json" in exports)) problems.push('exports lacks "./package.json"');
  for (const [subpath, target] of Object.entries(exports)) {
    if (typeof target === "string") {
      if (target.endsWith(".ts"))
        problems.push(`exports["${subpath}"] points at TypeScript source`);
      continue;
    }
    const conditions = Object.entries(target as Record<string, unknown>);
    const keys = conditions.map(([key]) => key);
    if (keys.includes(SOURCE_CONDITION) && keys[0] !== SOURCE_CONDITION)
      problems.push(`exports["${subpath}"]: "${SOURCE_CONDITION}" must come first`);
    const types = (target as Record<string, unknown>).types;
    const main = (target as Record<string, unknown>).default;
    if (typeof types !== "string" || !/^\.\/dist\/.+\.d\.ts$/.test(types))
      problems.push(`exports["${subpath}"].types is not a dist/*.d.ts file`);
    if (typeof main !== "string" || !/^\.\/dist\/.+\.js$/.test(main))
      problems.push(`exports["${subpath}"].default is not a dist/*.js file`);
  }
  return problems;
}

function fileProblems(manifest: PackageManifest): string[] {
  const files = manifest.files ?? [];
  const problems: string[] = [];
  if (!files.includes("dist")) problems.push('files does not ship "dist"');
  for (const [name, target] of Object.entries(manifest.bin ?? {})) {
    const top = target.replace(/^\.\//, "").split("/")[0] ?? "";
    if (!files.includes(top)) problems.push(`files does not ship bin ${name} (${target})`);
  }
  return problems;
}

function buildProblems(manifest: PackageManifest): string[] {
  const build = manifest.scripts?.build;
  if (build === undefined) return ["no build script"];
  // A build over an old dist would ship files whose sources are gone.
  return /rmSync\('dist'|rm -rf dist/.test(build)
    ? []
    : ["the build script does not empty dist first"];
}

function readmeProblems(dir: string): string[] {
  const file = join(dir, "README.md");
  if (!existsSync(file)) return ["no README.md"];
  const headings = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("## "));
  const problems: string[] = [];
  if (!headings.some((h) => /^## Install/.test(h))) problems.push("README has no Install section");
  if (!headings.some((h) => /^## (Use|Usage|Example)/.test(h)))
    problems.push("README has no Use or Example section");
  return problems;
}
