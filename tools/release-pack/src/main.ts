import { relative, resolve } from "node:path";
import { packRelease } from "./pack-release.js";

/**
 * `pnpm release:pack [--out DIR] [--no-build]`: builds the workspace and writes one tarball per
 * publishable package into DIR (default: release/), then says how to install them.
 */
function main(argv: readonly string[]): number {
  const root = resolve(import.meta.dirname, "../../..");
  let outDir = resolve(root, "release");
  let build = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--out" && argv[i + 1] !== undefined) outDir = resolve(argv[++i] as string);
    else if (arg === "--no-build") build = false;
    else {
      process.stderr.write(
        `release:pack: unknown argument ${arg}\nusage: pnpm release:pack [--out DIR] [--no-build]\n`,
      );
      return 2;
    }
  }
  try {
    const packed = packRelease({ root, outDir, build });
    for (const pkg of packed) process.stdout.write(`${pkg.tarball}\n`);
    const paths = packed.map((pkg) => relative(process.cwd(), pkg.tarball)).join(" ");
    process.stderr.write(
      `release:pack: ${packed.length} packages in ${outDir}\ninstall them together, e.g.: npm install ${paths}\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`release:pack: ${(error as Error).message}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
