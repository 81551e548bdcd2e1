import { describe, expect, test } from "vitest";
import { memoryIo } from "../../../test/support/memory-io.js";
import { CliError } from "../../cli-error.js";
import { streamCommand } from "../../commands/stream.js";
import { planSink, SINK_KINDS, SINK_SYNTAX } from "./sink-registry.js";

describe("the sink registry", () => {
  test.each([
    ["stdout", "stdout", "ndjson"],
    ["-", "stdout", "ndjson"],
    ["file:/tmp/t.ndjson", "file", "ndjson"],
    ["dir:/tmp/bucket", "dir", "obs"],
    ["http://127.0.0.1:9/x", "http", "ndjson"],
    ["HTTPS://example.com/x", "http", "ndjson"],
  ])("%s is a %s sink, %s by default", (value, kind, format) => {
    const plan = planSink(value, undefined, {});
    expect(plan.sink.kind).toBe(kind);
    expect(plan.format).toBe(format);
    expect(plan.sink.routes).toBe(kind === "dir");
  });

  test.each([["file:"], ["ftp://x"], ["bucket"], [""]])("%j is no sink", (value) => {
    expect(() => planSink(value, undefined, {})).toThrow(CliError);
    expect(() => planSink(value, undefined, {})).toThrow(SINK_SYNTAX);
  });

  test("a sink's own flags are read; another sink's are refused; formats are the kind's", () => {
    expect(() => planSink("file:/tmp/x", undefined, { batchSize: "10" })).toThrow(
      /--batch-size only applies to http sinks/,
    );
    expect(() => planSink("dir:/tmp/x", "json", {})).toThrow(/use --format obs/);
    expect(() => planSink("file:/tmp/x", undefined, { rotateSize: "ten" })).toThrow(
      /--rotate-size must be a positive size/,
    );
  });

  test("every sink flag is registered on `ctsim stream` once, under a name no other option has", () => {
    const command = streamCommand(memoryIo());
    const names = command.options.map((option) => option.attributeName());
    expect(new Set(names).size).toBe(names.length);
    for (const kind of Object.values(SINK_KINDS))
      for (const flag of kind.flags) expect(names).toContain(flag.attributeName());
  });
});
