import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { builtRevisions } from "./artifacts.js";
import { assembleRevision } from "./assemble-revision.js";
import { CURRENT_SOURCE_DIR, REVISION_PLANS } from "./current-sources.js";
import { loadCurrentSources } from "./load-current-sources.js";
import { OPERATIONS_MODULE_PATH, renderOperationsModule } from "./render-operations-module.js";
import { REPO_ROOT } from "./repo-root.js";

/** A copy of the TSV folder in a temporary root, to edit without touching the repository. */
const root = mkdtempSync(join(tmpdir(), "catalog-drift-"));
cpSync(join(REPO_ROOT, CURRENT_SOURCE_DIR), join(root, CURRENT_SOURCE_DIR), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The module as the tool renders it from the seeds and the TSVs under `sourceRoot`. */
function renderFrom(sourceRoot: string): string {
  const built = builtRevisions().slice(0, 2);
  const tsvs = loadCurrentSources(sourceRoot);
  for (const plan of REVISION_PLANS) built.push(assembleRevision({ plan, tsvs, earlier: built }));
  return renderOperationsModule(built);
}

describe("drift check over today's TSVs", () => {
  it("the module on disk is what the unedited TSVs produce", () => {
    const onDisk = readFileSync(join(REPO_ROOT, OPERATIONS_MODULE_PATH), "utf8");
    expect(renderFrom(root)).toBe(onDisk);
  });

  it("a respelled trace name in a TSV changes the module, so catalog:check would fail", () => {
    const file = join(root, CURRENT_SOURCE_DIR, "maas_security_0005.tsv");
    const before = renderFrom(root);
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("\tSignDisclaimer\n", "\tSignDisclaimers\n"),
    );
    const after = renderFrom(root);
    expect(after).not.toBe(before);
    expect(after).toContain('traceName: "SignDisclaimers"');
  });

  it("an unlisted TSV in the folder stops the tool", () => {
    writeFileSync(join(root, CURRENT_SOURCE_DIR, "extra.tsv"), "");
    expect(() => loadCurrentSources(root)).toThrow(/extra\.tsv not listed in TSV_ROW_COUNTS/);
  });
});
