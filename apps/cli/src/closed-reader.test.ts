import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { ignoreClosedReader } from "./closed-reader.js";

function watched() {
  const stream = new PassThrough();
  const exits: number[] = [];
  const lines: string[] = [];
  ignoreClosedReader(
    stream,
    (code) => exits.push(code),
    (line) => lines.push(line),
  );
  const fail = (code: string) =>
    stream.emit("error", Object.assign(new Error(`write ${code}`), { code }));
  return { stream, exits, lines, fail };
}

describe("ignoreClosedReader", () => {
  it("lets the command go on when the reader closed (EPIPE, then writes to the destroyed stream)", () => {
    const { exits, lines, fail } = watched();
    fail("EPIPE");
    fail("ERR_STREAM_DESTROYED");
    expect(exits).toEqual([]);
    expect(lines).toEqual([]);
  });

  it("reports any other write error in one line, status 1", () => {
    const { exits, lines, fail } = watched();
    fail("EIO");
    expect(exits).toEqual([1]);
    expect(lines).toEqual(["ctsim: cannot write standard output: write EIO\n"]);
  });

  it("stands aside while a command watches the stream itself", () => {
    const { stream, exits, fail } = watched();
    const seen: string[] = [];
    const own = (error: NodeJS.ErrnoException) => seen.push(String(error.code));
    stream.on("error", own);
    fail("EIO");
    expect(exits).toEqual([]);
    expect(seen).toEqual(["EIO"]);
    stream.off("error", own);
    fail("EIO");
    expect(exits).toEqual([1]);
  });
});
