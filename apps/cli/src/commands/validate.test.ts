import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { chmod } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { encodeApiTraceJson, generateTraces } from "@ctsim/generator";
import { afterAll, describe, expect, it } from "vitest";
import { idAtTime } from "../../test/support/id-at-time.js";
import { memoryIo } from "../../test/support/memory-io.js";
import { spawnCtsim } from "../../test/support/spawn-ctsim.js";
import { runCli } from "../index.js";

const dir = mkdtempSync(join(tmpdir(), "ctsim-validate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixture = (name: string): Record<string, unknown> =>
  idAtTime(
    JSON.parse(
      readFileSync(
        new URL(`../../../../packages/catalog/test/fixtures/${name}.json`, import.meta.url),
        "utf8",
      ),
    ) as Record<string, unknown>,
  );

/** Reference §8 examples, in ascending time. */
const create = fixture("reference-api-console-create-notebook");
const failed = fixture("reference-api-failed-create-job");
const stop = fixture("reference-api-system-stop-notebook");

let files = 0;
function file(text: string): string {
  const path = join(dir, `input-${++files}.ndjson`);
  writeFileSync(path, text);
  return path;
}

const ndjson = (records: readonly unknown[]): string =>
  records.map((r) => `${JSON.stringify(r)}\n`).join("");

async function validate(argv: string[], stdin = "") {
  const io = memoryIo(stdin);
  const code = await runCli(["validate", ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

describe("ctsim validate", () => {
  it("exits 0 on a clean file, printing only a summary on stderr", async () => {
    const path = file(ndjson([create, failed, stop]));
    expect(await validate([path])).toEqual({
      code: 0,
      out: "",
      err: `${path}: 3 records, no violations\n`,
    });
  });

  it("prints FILE:LINE: code: message per violation and exits 1", async () => {
    const path = file(ndjson([create, failed]).concat("{oops\n", JSON.stringify(failed), "\n"));
    const { code, out, err } = await validate([path]);
    expect(code).toBe(1);
    expect(
      out
        .split("\n")
        .filter(Boolean)
        .map((line) => line.split(": ").slice(0, 2).join(": ")),
    ).toEqual([`${path}:3: json.parse`, `${path}:4: trace.duplicate-id`]);
    expect(out).toContain(`trace_id ${failed.trace_id} was already seen on line 2`);
    expect(err).toBe(
      `ctsim: ${path}: 3 records, 2 violations (json.parse 1, trace.duplicate-id 1)\n`,
    );
  });

  it("reports a body that is not JSON, a trace after --now and an id from another time", async () => {
    const broken = { ...failed, request: '{"config":{"engine_id":}}' };
    const foreignId = { ...stop, trace_id: "f31a7d90-61c9-11ef-b7e3-0255ac100051" };
    const path = file(ndjson([create, broken, foreignId]));
    const now = new Date(stop.time as number).toISOString();
    const { code, out } = await validate([path, "--now", now]);
    expect(code).toBe(1);
    expect(out.split("\n").map((line) => line.split(": ").slice(0, 2).join(": "))).toEqual([
      `${path}:2: trace.body-json`,
      `${path}:3: trace.future`,
      `${path}:3: trace.id-time`,
      "",
    ]);
    expect((await validate([path, "--now", "2026-01-01T00:00:00Z"])).out).not.toContain("future");
    expect((await validate([path, "--now", "yesterday"])).code).toBe(2);
  });

  it("prints at most --max-errors violations but counts them all", async () => {
    const path = file(ndjson([create, create, create, create]));
    const { code, out, err } = await validate([path, "--max-errors", "1"]);
    expect(code).toBe(1);
    expect(out).toBe(
      `${path}:2: trace.duplicate-id: trace_id ${create.trace_id} was already seen on line 1\n`,
    );
    expect(err).toContain("3 violations (trace.duplicate-id 3); 2 not shown");
  });

  it("reads standard input with -, in any framing", async () => {
    const array = `[\n${[create, failed, stop].map((r) => JSON.stringify(r)).join(",\n")}\n]\n`;
    expect(await validate(["-"], array)).toEqual({
      code: 0,
      out: "",
      err: "<stdin>: 3 records, no violations\n",
    });
    const page = JSON.stringify(
      { traces: [stop, failed, create], meta_data: { count: 3, marker: create.trace_id } },
      null,
      2,
    );
    expect((await validate(["-"], page)).code).toBe(0);
    expect((await validate(["-", "--order", "ascending"], page)).out).toContain(
      "<stdin>:1: trace.order: traces[1]:",
    );
  });

  it("reads a gzipped OBS trace file (a JSON array of OBS-shape records)", async () => {
    const obs = fixture("reference-obs-create-notebook");
    const path = join(
      dir,
      "acme_CloudTrace_cn-north-4_2024-08-23T09-05-12Z_4e1f0a9b8c7d6e5f.json.gz",
    );
    writeFileSync(path, gzipSync(JSON.stringify([obs], null, 2)));
    expect(await validate([path])).toEqual({
      code: 0,
      out: "",
      err: `${path}: 1 record, no violations\n`,
    });
    writeFileSync(path, gzipSync(JSON.stringify([obs, obs])));
    expect((await validate([path])).out).toContain(`${path}:1: trace.duplicate-id`);
  });

  it("checks the OBS shape when asked and reports API records against it", async () => {
    const { code, out } = await validate(["-", "--shape", "obs"], ndjson([create]));
    expect(code).toBe(1);
    expect(out).toContain("<stdin>:1: schema.required: event_type is required");
  });

  it("prints the report as JSON with --json", async () => {
    const { code, out } = await validate(["-", "--json"], ndjson([failed, create]));
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({
      file: "<stdin>",
      records: 2,
      total: 1,
      countsByCode: { "trace.order": 1 },
      violations: [{ line: 2, code: "trace.order", traceId: create.trace_id }],
    });
  });

  it.each([
    [["missing-file.ndjson"], "no such file"],
    [[dir], "not a regular file"],
    [["-", "--max-errors", "ten"], "--max-errors must be an integer >= 0"],
    [["-", "--order", "sideways"], "Allowed choices are auto, ascending, descending, any"],
    [["-", "--shape", "xml"], "Allowed choices are auto, api, obs"],
    [[], "missing required argument"],
  ])("exits 2 on usage errors: %j", async (argv, message) => {
    const { code, err } = await validate(argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it("exits 2 for a file it may not read, as for a missing one (a real process, not root)", async () => {
    const path = file("{}\n");
    await chmod(path, 0o000);
    // Root reads every file: run as nobody where the test runs as root.
    const root = process.getuid?.() === 0;
    if (root) await chmod(dirname(path), 0o755);
    const run = await spawnCtsim(["validate", path], root ? { uid: 65_534 } : {});
    expect(run.stderr).toMatch(/cannot read .*EACCES|permission denied/);
    expect(run.code).toBe(2);
  });

  it("accepts 20k traces of `ctsim generate`-style output", async () => {
    const lines: string[] = [];
    for (const event of generateTraces({ count: 20_000, seed: 3 }))
      lines.push(encodeApiTraceJson(event));
    const path = file(`${lines.join("\n")}\n`);
    expect(await validate([path])).toEqual({
      code: 0,
      out: "",
      err: `${path}: 20000 records, no violations\n`,
    });
  });
});
