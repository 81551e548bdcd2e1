import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ARTIFACTS } from "./artifacts.js";
import { REPO_ROOT } from "./repo-root.js";

describe("ARTIFACTS", () => {
  it.each(ARTIFACTS.map((artifact) => [artifact.path, artifact] as const))(
    "%s on disk matches what the sources produce (else run pnpm catalog:extract)",
    (path, artifact) => {
      expect(readFileSync(join(REPO_ROOT, path), "utf8")).toBe(artifact.render());
    },
  );
});
