import { SCENARIO_NAMES } from "@ctsim/generator";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { CliError } from "../cli-error.js";
import {
  isHeaderValue,
  parseHeader,
  parseInstant,
  parseScenarios,
  parseSeed,
} from "./parse-values.js";

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");
const daysIn = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A calendar date-time, its day possibly past the end of its month. */
const dateTime = fc
  .record({
    year: fc.integer({ min: 1970, max: 2200 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
  })
  .map((d) => ({
    ...d,
    text: `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}T${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)}`,
  }));

describe("parseInstant", () => {
  test.prop([dateTime, fc.constantFrom("", "Z", "+00:00")])(
    "a date-time that exists is its UTC instant; one that does not is refused, never rolled over",
    (d, offset) => {
      const parse = (): number => parseInstant(`${d.text}${offset}`, "--from");
      if (d.day > daysIn(d.year, d.month)) {
        expect(parse).toThrow(CliError);
      } else {
        expect(parse()).toBe(Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second));
      }
    },
  );

  test.each([
    ["2026-02-30T00:00:00Z"],
    ["2025-02-29"],
    ["2026-01-01T24:00:00Z"],
    ["2026-01-01T10:60:00Z"],
    ["2026-13-01"],
    ["Mar 1 2025"],
    [""],
  ])("refuses %j with a usage error naming the flag", (text) => {
    expect(() => parseInstant(text, "--from")).toThrow(/--from must be epoch ms or an ISO 8601/);
  });

  test.each([
    ["1740787200000", 1_740_787_200_000],
    ["2024-02-29", Date.UTC(2024, 1, 29)],
    ["2026-01-01T10:00:00+08:00", Date.UTC(2026, 0, 1, 2)],
    ["2026-01-01T10:00:00.123Z", Date.UTC(2026, 0, 1, 10, 0, 0, 123)],
    ["2026-01-01T10:00", Date.UTC(2026, 0, 1, 10)],
  ])("reads %j", (text, ms) => {
    expect(parseInstant(text, "--from")).toBe(ms);
  });
});

describe("parseSeed and parseScenarios: the rules every command shares", () => {
  test.each([["0"], ["4294967295"], ["42"]])("accepts the seed %s", (text) => {
    expect(parseSeed(text)).toBe(Number(text));
  });
  test.each([["-1"], ["4294967296"], ["1.5"], ["x"], [""]])("refuses the seed %j", (text) => {
    expect(() => parseSeed(text)).toThrow(/--seed must be an integer from 0 to 4294967295/);
  });
  test("scenarios: names trimmed, blanks skipped, unknown ones named with the known list", () => {
    expect(parseScenarios(" mass-deletion, ,tracker-tampering ")).toEqual([
      "mass-deletion",
      "tracker-tampering",
    ]);
    expect(parseScenarios("")).toEqual([]);
    expect(() => parseScenarios("mass-deletion,nope")).toThrow(
      /unknown --scenario nope; known: all, attacks, benign, mass-deletion, off-hours-export/,
    );
  });
  test("scenario groups: all, attacks and benign partition the registry; duplicates kept once", () => {
    const attacks = parseScenarios("attacks");
    const benign = parseScenarios("benign");
    expect(parseScenarios("all")).toEqual(SCENARIO_NAMES);
    expect([...attacks, ...benign].sort()).toEqual([...SCENARIO_NAMES].sort());
    expect(benign).toContain("ci-nightly-cleanup");
    expect(attacks).toContain("mass-deletion");
    expect(attacks).not.toContain("ci-nightly-cleanup");
    expect(parseScenarios("tracker-tampering,all")[0]).toBe("tracker-tampering");
    expect(parseScenarios("all,mass-deletion")).toHaveLength(SCENARIO_NAMES.length);
  });
});

describe("parseHeader", () => {
  test.each([
    ["X-Project-Id: p1", ["X-Project-Id", "p1"]],
    ["  Accept :  text/plain  ", ["Accept", "text/plain"]],
    ["X-Empty:", ["X-Empty", ""]],
    ["X-Url: http://a:1/b", ["X-Url", "http://a:1/b"]],
  ])("reads %j", (text, expected) => {
    expect(parseHeader(text)).toEqual(expected);
  });

  test.each([["no colon"], [": v"], ["Bad Name: v"], ["X-A: 1\r\nX-Evil: 2"], ["X-A: a\u0000b"]])(
    "refuses %j with a usage error",
    (text) => {
      expect(() => parseHeader(text)).toThrow(CliError);
    },
  );
});

describe("isHeaderValue", () => {
  test.prop([fc.string({ unit: "binary", maxLength: 12 })])(
    "is false exactly when a control character other than tab is present",
    (text) => {
      const controls = [...text].filter((c) => {
        const code = c.codePointAt(0)!;
        return (code < 0x20 && c !== "\t") || code === 0x7f;
      });
      expect(isHeaderValue(text)).toBe(controls.length === 0);
    },
  );
});
