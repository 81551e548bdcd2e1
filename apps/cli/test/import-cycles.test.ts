// No import circle anywhere in the sources, type-only imports included (issue 17): a module's
// relative imports, followed through every package's src/, never lead back to it; and the
// folders of a package (its rooms) import one another in one direction only.
import { type Dirent, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const roots = ["packages", "apps", "tools"].flatMap((group) =>
  readdirSync(join(repo, group)).map((name) => join(repo, group, name, "src")),
);

function sources(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Each module's relative imports (`from "./x.js"`, `import("./x.js")`), as resolved paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:from|import\()\s*"(\.{1,2}\/[^"]+)\.js"/g)];
  return specs.map((match) => resolve(dirname(file), `${match[1]}.ts`));
}

/** The first cycle found, as a list of files, or `undefined`. */
function firstCycle(graph: ReadonlyMap<string, string[]>): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === "done") return undefined;
    if (state.get(node) === "open") return [...path.slice(path.indexOf(node)), node];
    state.set(node, "open");
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle !== undefined) return cycle;
    }
    path.pop();
    state.set(node, "done");
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}

/**
 * The folder graph: an arrow from a module's folder to each folder it imports from, except
 * between a folder and its own subfolders (a room and its furniture).
 */
function folderGraph(graph: ReadonlyMap<string, string[]>): Map<string, string[]> {
  const nested = (a: string, b: string) =>
    a === b || b.startsWith(`${a}/`) || a.startsWith(`${b}/`);
  const folders = new Map<string, Set<string>>();
  for (const [file, imports] of graph) {
    const from = dirname(file);
    const targets = folders.get(from) ?? new Set<string>();
    folders.set(from, targets);
    for (const target of imports.map(dirname)) if (!nested(from, target)) targets.add(target);
  }
  return new Map([...folders].map(([folder, targets]) => [folder, [...targets]]));
}

describe("import graph", () => {
  it("has no circle in any package's sources", () => {
    const files = roots.flatMap(sources);
    expect(files.length).toBeGreaterThan(200);
    const graph = new Map(files.map((file) => [file, importsOf(file)]));
    const cycle = firstCycle(graph)?.map((file) => file.slice(repo.length + 1));
    expect(cycle).toBeUndefined();
  });

  it("has no circle between the folders of any package", () => {
    const graph = new Map(roots.flatMap(sources).map((file) => [file, importsOf(file)]));
    const cycle = firstCycle(folderGraph(graph))?.map((folder) => folder.slice(repo.length + 1));
    expect(cycle).toBeUndefined();
  });

  it("finds a circle when there is one (the check has teeth)", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
    ]);
    expect(firstCycle(graph)).toEqual(["a", "b", "c", "a"]);
    const folders = folderGraph(
      new Map([
        ["/p/core/x.ts", ["/p/faults/y.ts", "/p/core/sub/z.ts"]],
        ["/p/faults/y.ts", ["/p/core/w.ts"]],
        ["/p/core/sub/z.ts", ["/p/core/x.ts"]],
      ]),
    );
    expect(firstCycle(folders)).toEqual(["/p/core", "/p/faults", "/p/core"]);
  });
});
