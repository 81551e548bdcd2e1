import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import type { Artifact } from "./artifact.js";
import { ARTIFACTS } from "./artifacts.js";
import { ExtractError } from "./extract-error.js";
import { REPO_ROOT } from "./repo-root.js";

const USAGE = `Usage: pnpm catalog:extract        write the generated catalog files
       pnpm catalog:check          fail when a generated file is stale or was edited
Options: --check  compare instead of writing   --help  show this text
`;

/** Writes every artifact, or with `check` lists the ones whose file differs. */
function run(artifacts: readonly Artifact[], check: boolean): readonly string[] {
  const stale: string[] = [];
  for (const artifact of artifacts) {
    const file = join(REPO_ROOT, artifact.path);
    const content = artifact.render();
    if (check) {
      const current = existsSync(file) ? readFileSync(file, "utf8") : undefined;
      if (current !== content) stale.push(artifact.path);
    } else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      process.stdout.write(`wrote ${artifact.path}\n`);
    }
  }
  return stale;
}

function main(argv: readonly string[]): number {
  let values: { check?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { check: { type: "boolean" }, help: { type: "boolean" } },
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`catalog-extract: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help === true) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    const stale = run(ARTIFACTS, values.check === true);
    for (const path of stale) {
      process.stderr.write(
        `catalog-extract: ${path} is stale or was edited by hand; run pnpm catalog:extract\n`,
      );
    }
    if (values.check === true && stale.length === 0) {
      process.stdout.write(`catalog-extract: ${ARTIFACTS.length} generated file(s) up to date\n`);
    }
    return stale.length === 0 ? 0 : 1;
  } catch (error) {
    if (error instanceof ExtractError) {
      process.stderr.write(`catalog-extract: [${error.code}] ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
