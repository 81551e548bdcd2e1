import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PackedPackage, packRelease } from "../src/pack-release.js";
import { run } from "../src/run.js";
import { createScratchProject, exportedSpecifiers } from "../src/scratch-project.js";
import { readManifest } from "../src/workspace-packages.js";

// One pack and one install per run, shared by every assertion: the packaging as a user gets it.
const ROOT = resolve(import.meta.dirname, "../../..");
const SCRATCH_FILES = ["cts-mock.test.ts", "tsconfig.json"].map((file) =>
  resolve(import.meta.dirname, "../scratch", file),
);

/** The versions the workspace pins, so the scratch project tests what the workspace tests. */
function pinnedDevDependencies(): Record<string, string> {
  const root = readManifest(ROOT).devDependencies ?? {};
  const mock = readManifest(join(ROOT, "packages/mock")).dependencies ?? {};
  const pin = (versions: Record<string, string>, name: string): string => {
    const version = versions[name];
    if (version === undefined) throw new Error(`the workspace pins no ${name}`);
    return version;
  };
  return {
    msw: pin(mock, "msw"),
    vitest: pin(root, "vitest"),
    typescript: pin(root, "typescript"),
    "@types/node": pin(root, "@types/node"),
  };
}

let work = "";
let project = "";
let packed: PackedPackage[] = [];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "ctsim-outside-"));
  project = join(work, "project");
  packed = packRelease({ root: ROOT, outDir: join(work, "tarballs") });
  createScratchProject({
    dir: project,
    packed,
    devDependencies: pinnedDevDependencies(),
    files: SCRATCH_FILES,
  });
}, 600_000);

afterAll(async () => {
  if (work !== "") await rm(work, { recursive: true, force: true });
}, 120_000);

/** Runs a shell line in the scratch project, with its node_modules/.bin first on the PATH. */
function sh(line: string): { status: number | null; stdout: string; stderr: string } {
  const bin = join(project, "node_modules", ".bin");
  const result = spawnSync("sh", ["-c", line], {
    cwd: project,
    encoding: "utf8",
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the packages installed outside the workspace", () => {
  it("lies outside the workspace and got every publishable package", () => {
    expect(relative(ROOT, project).startsWith("..")).toBe(true);
    expect(packed.map((pkg) => pkg.name)).toContain("@ctsim/mock");
    expect(packed.map((pkg) => pkg.name)).toContain("@ctsim/cli");
  });

  it("names the other packages by version in each installed package.json, never workspace:", () => {
    const versions = new Map(packed.map((pkg) => [pkg.name, pkg.version]));
    for (const pkg of packed) {
      const installed = JSON.parse(
        readFileSync(join(project, "node_modules", pkg.name, "package.json"), "utf8"),
      ) as { dependencies?: Record<string, string>; peerDependencies?: Record<string, string> };
      const ranges = { ...installed.dependencies, ...installed.peerDependencies };
      for (const [dependency, range] of Object.entries(ranges)) {
        expect(range, `${pkg.name} → ${dependency}`).not.toMatch(/^workspace:/);
        if (versions.has(dependency)) expect(range).toBe(versions.get(dependency));
      }
    }
  });

  it("ships no TypeScript sources and no source maps", () => {
    for (const pkg of packed) {
      const listing = run(["tar", "-tzf", pkg.tarball], work).split("\n");
      expect(listing.filter((file) => /\.map$|(?<!\.d)\.ts$/.test(file))).toEqual([]);
      expect(listing).toContain("package/LICENSE");
      expect(listing).toContain("package/README.md");
    }
  });

  it("imports every export of every package in Node", () => {
    const specifiers = exportedSpecifiers(packed);
    const script = `for (const s of ${JSON.stringify(specifiers)}) await import(s);`;
    const result = sh(`node --input-type=module -e '${script}'`);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("typechecks against the packages' types (every export, and the msw test)", () => {
    const result = sh("tsc -p tsconfig.json");
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("runs a vitest + msw setupServer test: pages a day, recovers from a 503, gets CTS.0300", () => {
    const result = sh("vitest run --reporter=verbose cts-mock.test.ts");
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/3 passed/);
  });

  it("runs the installed ctsim --help", () => {
    const result = sh("ctsim --help");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: ctsim/);
    expect(result.stdout).toMatch(/\bgenerate\b/);
  });

  it("pipes ctsim generate --count 10 into ctsim validate -", () => {
    const generated = sh("ctsim generate --count 10");
    expect(generated.status).toBe(0);
    expect(generated.stdout.trimEnd().split("\n")).toHaveLength(10);
    const result = sh("ctsim generate --count 10 | ctsim validate -");
    expect(result.status, result.stderr).toBe(0);
  });

  it("serves under --auth aksk with a try: line that, run as printed, gets 200", async () => {
    const serve = spawn(
      join(project, "node_modules", ".bin", "ctsim"),
      ["serve", "--port", "0", "--auth", "aksk", "--days", "1", "--no-cache"],
      { cwd: project },
    );
    try {
      const tryLine = await new Promise<string>((resolvePromise, reject) => {
        let out = "";
        serve.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const line = /^try: (.+)$/m.exec(out)?.[1];
          if (line !== undefined) resolvePromise(line);
        });
        serve.once("exit", (code) => reject(new Error(`ctsim serve exited with ${code}`)));
      });
      expect(tryLine).toMatch(/node_modules\/\.bin\/ctsim' sign --ak /);
      // Run exactly as printed: a refused request would print CTS's error body, not traces.
      const result = sh(tryLine);
      expect(result.status, result.stderr).toBe(0);
      const body = JSON.parse(result.stdout) as { traces?: unknown[]; error_code?: string };
      expect(body.error_code).toBeUndefined();
      expect(body.traces?.length).toBeGreaterThan(0);
    } finally {
      serve.kill("SIGTERM");
    }
  }, 120_000);
});
