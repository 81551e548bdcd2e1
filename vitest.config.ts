import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

/** Workspace folders that hold a package.json: each one is a vitest project. */
const workspaceDirs = ["packages", "apps", "tools"].flatMap((group) =>
  existsSync(group)
    ? readdirSync(group)
        .map((name) => join(group, name))
        .filter((dir) => existsSync(join(dir, "package.json")))
    : [],
);

/** Tests run from TypeScript sources through the `@ctsim/source` export condition. */
const sourceConditions = ["@ctsim/source", "module", "node", "development|production"];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions } },
  test: {
    projects: workspaceDirs.map((dir) => ({
      extends: true,
      test: {
        name: dir.split("/").pop() ?? dir,
        root: dir,
        include: ["src/**/*.test.ts", "test/**/*.test.ts", "examples/**/*.test.ts"],
        testTimeout: 60_000,
      },
    })),
  },
});
