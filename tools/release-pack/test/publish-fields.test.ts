import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { publishProblems } from "../src/publish-problems.js";
import {
  publishablePackages,
  readManifest,
  type WorkspacePackage,
  workspacePackages,
} from "../src/workspace-packages.js";

const ROOT = resolve(import.meta.dirname, "../../..");
const rootManifest = readManifest(ROOT);
const publishable = publishablePackages(ROOT);

describe("workspace discovery", () => {
  it("finds every package folder and publishes exactly the non-private ones", () => {
    const all = workspacePackages(ROOT);
    expect(all.map((pkg) => pkg.dir)).toContain("tools/release-pack");
    expect(publishable.map((pkg) => pkg.dir)).toContain("apps/cli");
    expect(publishable.every((pkg) => pkg.manifest.private !== true)).toBe(true);
    expect(all.filter((pkg) => pkg.manifest.private === true).map((pkg) => pkg.dir)).toEqual(
      expect.arrayContaining(["tools/catalog-extract", "tools/release-pack"]),
    );
  });
});

describe.each(publishable.map((pkg) => [pkg.manifest.name, pkg] as const))(
  "%s is ready to publish",
  (_name, pkg) => {
    it("has every publish field, exports to dist, a clean build and a README", () => {
      expect(publishProblems(pkg, rootManifest)).toEqual([]);
    });
  },
);

describe("publishProblems", () => {
  const mock = publishable.find((pkg) => pkg.dir === "packages/mock") as WorkspacePackage;
  const broken = (change: Record<string, unknown>): WorkspacePackage => ({
    ...mock,
    manifest: { ...mock.manifest, ...change },
  });

  it("finds exports to sources, a missing dist in files, a build over an old dist", () => {
    const problems = publishProblems(
      broken({
        exports: { ".": { types: "./src/index.ts", default: "./src/index.ts" } },
        files: ["src"],
        scripts: { build: "tsc" },
        publishConfig: undefined,
        repository: undefined,
      }),
      rootManifest,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'exports lacks "./package.json"',
        'exports["."].types is not a dist/*.d.ts file',
        'exports["."].default is not a dist/*.js file',
        'files does not ship "dist"',
        "the build script does not empty dist first",
        "publishConfig.access is not public",
        "repository.directory is not packages/mock",
      ]),
    );
  });

  it("wants the source condition first, so the workspace keeps running from sources", () => {
    const exports = {
      ".": {
        types: "./dist/index.d.ts",
        "@ctsim/source": "./src/index.ts",
        default: "./dist/index.js",
      },
      "./package.json": "./package.json",
    };
    expect(publishProblems(broken({ exports }), rootManifest)).toEqual([
      'exports["."]: "@ctsim/source" must come first',
    ]);
  });
});
