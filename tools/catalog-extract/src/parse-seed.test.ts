import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { ExtractError, ExtractErrorCode } from "./extract-error.js";
import { parseSeed } from "./parse-seed.js";
import { REPO_ROOT } from "./repo-root.js";

const read = (revision: string): string =>
  readFileSync(
    join(REPO_ROOT, `packages/catalog/sources/modelarts-cts-key-operations-${revision}.txt`),
    "utf8",
  );

/** A small page in the shape of the real one. */
function page(tables: readonly { title: string; rows: readonly string[][] }[]): string {
  const body = tables.flatMap(({ title, rows }, index) => [
    `Table ${index + 1} ${title}`,
    "Operation",
    "Resource Type",
    "Trace",
    ...rows.flat(),
    "Some prose after the table, as on the real page.",
  ]);
  return ["Help Center> ModelArts", "Updated on 2025-02-07 GMT+08:00", ...body].join("\n\n");
}

const DATA = "Key data management operations traced by CTS";
const TRAINING = "Key training job operations traced by CTS";

function errorOf(run: () => unknown): ExtractError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExtractError) return error;
    throw error;
  }
  throw new Error("expected an ExtractError");
}

describe("parseSeed on the real pages", () => {
  it("reads 7 tables and 97 rows from 2023-11-16", () => {
    const seed = parseSeed(read("2023-11-16"), {
      expectedUpdated: "2023-11-16",
      expectedRowsPerTable: [42, 8, 14, 6, 11, 10, 6],
    });
    expect(seed.updated).toBe("2023-11-16");
    expect(seed.tables.map((t) => t.category)).toEqual([
      "data-management",
      "development-environment",
      "training",
      "model-management",
      "service-management",
      "ai-gallery",
      "resource-management",
    ]);
    expect(seed.tables[6]?.rows.at(-1)).toEqual({
      operation: "Update a network",
      resourceType: "NetworksV1",
      traceName: "UpdateNetworksV1",
    });
  });

  it("skips the navigation and prose of 2025-02-07: 6 tables, 91 rows", () => {
    const seed = parseSeed(read("2025-02-07"), {
      expectedUpdated: "2025-02-07",
      expectedRowsPerTable: [42, 8, 14, 6, 11, 10],
    });
    expect(seed.tables[0]?.rows[0]).toEqual({
      operation: "Creating a dataset",
      resourceType: "dataset",
      traceName: "createDataset",
    });
    expect(seed.tables[1]?.title).toBe("Key development environment operations traced by CTS");
    expect(seed.tables[5]?.rows.at(-1)?.traceName).toBe("update_user");
  });

  it("keeps the page's typo in a trace name", () => {
    const seed = parseSeed(read("2025-02-07"));
    const names = seed.tables.flatMap((t) => t.rows.map((r) => r.traceName));
    expect(names).toContain("restartModelArtsgTensorboardJob");
  });
});

describe("parseSeed on malformed input", () => {
  it("fails on a table with no rows", () => {
    const text = page([{ title: DATA, rows: [["Creating a dataset", "not one token", "x"]] }]);
    const error = errorOf(() => parseSeed(text, { sourceName: "bad.txt" }));
    expect(error.code).toBe(ExtractErrorCode.emptyTable);
    expect(error.message).toMatch(/^bad\.txt: Table 1 "Key data management .*": no rows/);
  });

  it("fails on an unknown table title, saying where to add it", () => {
    const text = page([{ title: "Key quantum operations traced by CTS", rows: [["a", "b", "c"]] }]);
    const error = errorOf(() => parseSeed(text));
    expect(error.code).toBe(ExtractErrorCode.unknownTable);
    expect(error.message).toContain("TABLE_CATEGORIES");
  });

  it("fails when the totals differ from the expected ones", () => {
    const text = page([
      { title: DATA, rows: [["Creating a dataset", "dataset", "createDataset"]] },
    ]);
    const error = errorOf(() => parseSeed(text, { expectedRowsPerTable: [2] }));
    expect(error.code).toBe(ExtractErrorCode.unexpectedTotals);
    expect(error.message).toContain("found 1 tables with 1 rows [1], expected 1 tables with 2");
  });

  it("fails on a missing header, a missing date, a wrong date, no tables, duplicate names", () => {
    const broken = page([{ title: DATA, rows: [["a", "b", "c"]] }]).replace(
      "Resource Type",
      "Kind",
    );
    expect(errorOf(() => parseSeed(broken)).message).toContain("expected the header lines");
    const row = [["Creating a dataset", "dataset", "createDataset"]];
    const ok = page([{ title: DATA, rows: row }]);
    expect(errorOf(() => parseSeed(ok.replace(/Updated on \S+/, ""))).message).toContain(
      "Updated on",
    );
    expect(errorOf(() => parseSeed(ok, { expectedUpdated: "2023-11-16" })).message).toContain(
      "revision 2023-11-16 was expected",
    );
    expect(errorOf(() => parseSeed("Updated on 2025-02-07\nhello")).message).toContain(
      'no "Table N <title>" line',
    );
    const twice = page([
      { title: DATA, rows: row },
      { title: TRAINING, rows: row },
    ]);
    expect(errorOf(() => parseSeed(twice)).message).toContain('"createDataset" appears in Table 1');
  });
});

const word = fc.stringMatching(/^[A-Za-z][a-z]{0,8}$/);
const seedRow = fc.record({
  operation: fc.array(word, { minLength: 2, maxLength: 6 }).map((w) => w.join(" ")),
  resourceType: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,15}$/),
  traceName: fc.stringMatching(/^[A-Za-z][0-9A-Za-z._-]{0,63}$/),
});

describe("parseSeed properties", () => {
  test.prop([
    fc.uniqueArray(seedRow, { minLength: 1, maxLength: 30, selector: (r) => r.traceName }),
  ])("gives back the rows of any well-formed table", (rows) => {
    const text = page([
      { title: DATA, rows: rows.map((r) => [r.operation, r.resourceType, r.traceName]) },
    ]);
    expect(parseSeed(text).tables).toEqual([
      { table: 1, title: DATA, category: "data-management", rows },
    ]);
  });
});
