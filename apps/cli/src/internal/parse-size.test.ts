import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { CliError } from "../cli-error.js";
import { parseSize } from "./parse-size.js";

describe("parseSize", () => {
  test.prop([
    fc.integer({ min: 1, max: 4096 }),
    fc.constantFrom(["", 1], ["k", 2 ** 10], ["M", 2 ** 20], ["G", 2 ** 30]),
  ])("reads whole sizes in binary units", (n, [suffix, unit]) => {
    expect(parseSize(`${n}${suffix}`, "--rotate-size")).toBe(n * (unit as number));
  });

  test.each(["0", "-1", "1X", "", "k"])("refuses %j as a usage error naming the flag", (text) => {
    expect(() => parseSize(text, "--rotate-size")).toThrow(CliError);
    expect(() => parseSize(text, "--rotate-size")).toThrow(/--rotate-size/);
  });
});
