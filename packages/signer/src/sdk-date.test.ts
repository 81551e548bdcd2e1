import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { formatSdkDate, parseSdkDate } from "./sdk-date.js";

describe("X-Sdk-Date", () => {
  it("formats the reference example", () => {
    expect(formatSdkDate(Date.UTC(2019, 10, 15, 3, 36, 55, 999))).toBe("20191115T033655Z");
    expect(parseSdkDate("20191115T033655Z")).toBe(Date.UTC(2019, 10, 15, 3, 36, 55));
  });

  it.each([
    "",
    "20191115T033655",
    "2019-11-15T03:36:55Z",
    "20191115T033655z",
    "20191315T033655Z",
    "20190229T000000Z",
    "20191115T243655Z",
    "20191115T036055Z",
    " 20191115T033655Z",
    "00991115T033655Z",
  ])("rejects %j", (value) => {
    expect(parseSdkDate(value)).toBeUndefined();
  });

  test.prop([fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(9999, 11, 31) })])(
    "round-trips to the whole second",
    (ms) => {
      expect(parseSdkDate(formatSdkDate(ms))).toBe(ms - (ms % 1000));
    },
  );
});
