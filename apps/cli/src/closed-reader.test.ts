import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { exitQuietlyOnClosedReader } from "./closed-reader.js";

function watched() {
  const stream = new PassThrough();
  const exits: number[] = [];
  const lines: string[] = [];
  exitQuietlyOnClosedReader(
    stream,
    (code) => exits.push(code),
    (line) => lines.push(line),
  );
  const fail = (code: string) =>
    stream.emit("error", Object.assign(new Error(`write ${code}`), { code }));
  return { stream, exits, lines, fail };
}

describe("exitQuietlyOnClosedReader", () => {
  it("ends with status 0 and no message when the reader closed (EPIPE)", () => {
    const { exits, lines, fail } = watched();
    fail("EPIPE");
    expect(exits).toEqual([0]);
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
    fail("EPIPE");
    expect(exits).toEqual([]);
    expect(seen).toEqual(["EPIPE"]);
    stream.off("error", own);
    fail("EPIPE");
    expect(exits).toEqual([0]);
  });
});
