import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { CURRENT_SOURCE_DIR, TSV_ROW_COUNTS } from "./current-sources.js";
import { ExtractError, ExtractErrorCode } from "./extract-error.js";
import { parseSourceTsv } from "./parse-source-tsv.js";
import { REPO_ROOT } from "./repo-root.js";

const read = (name: string) => readFileSync(join(REPO_ROOT, CURRENT_SOURCE_DIR, name), "utf8");
const parse = (name: string) => parseSourceTsv(read(name), { expectedRows: TSV_ROW_COUNTS[name]! });
const names = (name: string) => parse(name).rows.map((row) => row.traceName);

const FIRST = "# source: https://example.test/p.html, updated: 2026-05-30, title: A page";
const HEADER = "category\toperation\tresource_type\ttrace_name";

function errorOf(run: () => unknown): ExtractError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExtractError) return error;
    throw error;
  }
  throw new Error("expected an ExtractError");
}

describe("parseSourceTsv on the real files", () => {
  it.each(Object.entries(TSV_ROW_COUNTS))("%s has its %i rows", (name, rows) => {
    expect(parseSourceTsv(read(name), { expectedRows: rows }).rows).toHaveLength(rows);
  });

  it("reads the source line: url, date (or none), title", () => {
    const training = parse("training-v2_develop-modelarts-0026.tsv");
    expect(training.url).toBe(
      "https://support.huaweicloud.com/intl/ar-mena/develop-modelarts/develop-modelarts-0026.html",
    );
    expect(training.updated).toBe("2026-05-30");
    expect(training.title).toBe("Using CTS to Audit ModelArts");
    expect(parse("otc_key_operations_recorded_by_cts.tsv").updated).toBeUndefined();
    // "2025-12-17 (timestamp of the huaweicloud.com/guide mirror)": the date, without the note.
    expect(parse("productdesc_modelarts_01_0034_zh-guide-mirror.tsv").updated).toBe("2025-12-17");
  });

  it("keeps one trace name on two rows where the page does", () => {
    const count = (list: readonly string[], name: string) => list.filter((n) => n === name).length;
    const inference = names("inference-v2_inference2.0-modelarts-0103_zh.tsv");
    expect(count(inference, "BindApiKeyV2")).toBe(2);
    expect(count(inference, "UnbindApiKeyV2")).toBe(2);
    expect(count(names("notebook_devtool-modelarts_03033.tsv"), "createNotebookImage")).toBe(2);
    expect(count(names("otc_key_operations_recorded_by_cts.tsv"), "change_instance_status")).toBe(
      2,
    );
    expect(count(names("training-v2-eps_develop-modelarts-0026_th-th.tsv"), "DeleteJobV2")).toBe(2);
  });

  it("keeps mixed naming styles and odd spellings as spelled", () => {
    expect(names("lite-server_usermanual-server-0050.tsv")).toEqual(
      expect.arrayContaining([
        "getserverhyperinstance",
        "createrocenetworkServerRoceNetwork",
        "listbyuserServer",
      ]),
    );
    expect(names("lite-server_usermanual-server-0050_zh.tsv")).toContain(
      "scaleuphyperinstanceServerHyperinstance",
    );
    expect(names("resource-pool-lite-cluster_resmgmt-modelarts_0091_zh.tsv")).toContain(
      "ShowNcclTestJobLKList",
    );
    expect(names("otc_key_operations_recorded_by_cts.tsv")).toContain(
      "restartModelArtsgTensorboardJob",
    );
    expect(names("productdesc_modelarts_01_0034_zh-guide-mirror.tsv")).toContain("star_content");
  });

  it("keeps the resource type's case per page: Dataset (Standard), dataset (OTC)", () => {
    const types = (name: string) =>
      new Set(
        parse(name)
          .rows.filter((row) => row.category === "data-management")
          .map((row) => row.resourceType),
      );
    expect(types("standard_resmgmt-modelarts_0015.tsv")).toEqual(new Set(["Dataset"]));
    expect(types("otc_key_operations_recorded_by_cts.tsv")).toEqual(new Set(["dataset"]));
  });

  it("moves the Lite Server page's CRUD verb out of the operation into statedKind", () => {
    const rows = parse("lite-server_usermanual-server-0050.tsv").rows;
    expect(rows[1]).toEqual({
      category: "lite-server",
      operation: "stop server",
      resourceType: "Server",
      traceName: "stopServer",
      statedKind: "update",
    });
    expect(new Set(rows.map((row) => row.statedKind))).toEqual(
      new Set(["create", "read", "update", "delete"]),
    );
    expect(parse("notebook_devtool-modelarts_03033.tsv").rows[0]).not.toHaveProperty("statedKind");
  });

  it("maps the TSVs' dev-environment to development-environment", () => {
    expect(parse("notebook_devtool-modelarts_03033.tsv").rows[0]?.category).toBe(
      "development-environment",
    );
  });
});

describe("parseSourceTsv on malformed input", () => {
  const ok = `${FIRST}\n${HEADER}\ntraining\tcreate training job\tJobV2\tCreateJobV2\n`;

  it("accepts the minimal well-formed file", () => {
    expect(parseSourceTsv(ok).rows).toHaveLength(1);
  });

  it.each([
    ["a bad source line", ok.replace("# source:", "# from:"), /:1: expected "# source/],
    ["a bad date", ok.replace("2026-05-30", "May 30"), /updated must be YYYY-MM-DD/],
    ["a bad header", ok.replace("trace_name", "trace"), /:2: expected the header/],
    ["three cells", ok.replace("\tJobV2", ""), /:3: expected 4 non-empty/],
    ["an empty cell", ok.replace("JobV2", ""), /:3: expected 4 non-empty/],
    ["padded cells", ok.replace("JobV2", " JobV2"), /:3: expected 4 non-empty/],
    ["a prose resource type", ok.replace("JobV2", "Job V2"), /not one identifier-like token/],
    ["a trace name breaking CTS's rule", ok.replace("CreateJobV2", "1Create"), /breaks CTS's rule/],
  ])("fails on %s", (_what, text, message) => {
    const error = errorOf(() => parseSourceTsv(text, { sourceName: "x.tsv" }));
    expect(error.code).toBe(ExtractErrorCode.malformedSource);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith("x.tsv:")).toBe(true);
  });

  it("fails on an unknown category, saying where to add it", () => {
    const error = errorOf(() => parseSourceTsv(ok.replace("training\t", "quantum\t")));
    expect(error.code).toBe(ExtractErrorCode.unknownTable);
    expect(error.message).toContain("TSV_CATEGORIES");
  });

  it("fails on no rows and on a count that differs", () => {
    expect(errorOf(() => parseSourceTsv(`${FIRST}\n${HEADER}\n`)).code).toBe(
      ExtractErrorCode.emptyTable,
    );
    const error = errorOf(() => parseSourceTsv(ok, { expectedRows: 2 }));
    expect(error.code).toBe(ExtractErrorCode.unexpectedTotals);
    expect(error.message).toContain("found 1 rows, expected 2");
  });
});

const word = fc.stringMatching(/^[A-Za-z][a-z]{0,8}$/);
const tsvRow = fc.record({
  category: fc.constantFrom("training", "inference", "maas", "lite-server"),
  operation: fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(" ")),
  resourceType: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,15}$/),
  traceName: fc.stringMatching(/^[A-Za-z][0-9A-Za-z._-]{0,63}$/),
});

describe("parseSourceTsv properties", () => {
  // Trace names may repeat, as on the real pages.
  test.prop([fc.array(tsvRow, { minLength: 1, maxLength: 30 })])(
    "gives back the rows of any well-formed file",
    (rows) => {
      const lines = rows.map((r) => [r.category, r.operation, r.resourceType, r.traceName]);
      const text = [FIRST, HEADER, ...lines.map((cells) => cells.join("\t"))].join("\n");
      expect(parseSourceTsv(text, { expectedRows: rows.length }).rows).toEqual(rows);
    },
  );
});
