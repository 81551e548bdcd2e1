import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { formatByteSize, parseByteSize } from "./byte-size.js";

describe("parseByteSize", () => {
  it.each([
    ["0", 0],
    ["1048576", 1_048_576],
    ["512M", 512 * 2 ** 20],
    ["512m", 512 * 2 ** 20],
    ["4G", 4 * 2 ** 30],
    ["4GiB", 4 * 2 ** 30],
    ["4gb", 4 * 2 ** 30],
    ["1.5G", 1.5 * 2 ** 30],
    [" 64 KiB ", 64 * 1024],
    ["2T", 2 * 2 ** 40],
    ["1.5", 1],
  ])("reads %j as %d bytes", (text, bytes) => {
    expect(parseByteSize(text, "--cache-max")).toBe(bytes);
  });

  it.each(["", "-1", "4X", "G", "1e9", "4 G B", "0x10", "99999999999T"])(
    "refuses %j, naming the option",
    (text) => {
      expect(() => parseByteSize(text, "--cache-max")).toThrow(
        expect.objectContaining({
          code: "CTSIM_MOCK_INVALID_OPTION",
          message: expect.stringMatching(/^--cache-max must be a size like/),
        }),
      );
    },
  );

  test.prop([fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })])(
    "reads plain bytes back exactly",
    (bytes) => {
      expect(parseByteSize(String(bytes), "size")).toBe(bytes);
    },
  );
});

describe("formatByteSize", () => {
  it.each([
    [0, "0 B"],
    [1023, "1023 B"],
    [1024, "1.00 KiB"],
    [72_400_000, "69.0 MiB"],
    [1_440_000_000, "1.34 GiB"],
    [4 * 2 ** 30, "4.00 GiB"],
  ])("formats %d as %j", (bytes, text) => {
    expect(formatByteSize(bytes)).toBe(text);
  });

  test.prop([fc.integer({ min: 1024, max: 2 ** 50 })])(
    "keeps three significant digits: what it prints reads back within 0.5% (and a byte)",
    (bytes) => {
      const back = parseByteSize(formatByteSize(bytes), "size");
      expect(Math.abs(back - bytes)).toBeLessThanOrEqual(bytes * 0.005 + 1);
    },
  );
});
