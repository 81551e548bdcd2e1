import { DetectError, DetectErrorCode } from "@ctsim/detect";
import { describe, expect, it } from "vitest";
import { loadText } from "./support.js";

const rule = (detection: string) =>
  `title: t\nlogsource: { product: huaweicloud }\ndetection:\n${detection}\n`;

/** Constructs outside the subset: refused at load, naming the construct and the file. */
describe("refused Sigma constructs", () => {
  const cases: [string, string, RegExp][] = [
    [
      "|base64offset",
      rule("  s:\n    request|base64offset|contains: abc\n  condition: s"),
      /modifier \|base64offset/,
    ],
    ["|windash", rule("  s:\n    request|windash: -x\n  condition: s"), /modifier \|windash/],
    [
      "an unknown modifier",
      rule("  s:\n    request|sortof: x\n  condition: s"),
      /modifier \|sortof: unknown modifier/,
    ],
    [
      "near",
      rule("  a:\n    x: 1\n  b:\n    y: 1\n  condition: a near b"),
      /condition keyword `near`/,
    ],
    [
      "a pipe aggregation",
      rule("  a:\n    x: 1\n  condition: a | count() > 5"),
      /condition aggregation/,
    ],
    ["timeframe", rule("  a:\n    x: 1\n  timeframe: 5m\n  condition: a"), /detection `timeframe`/],
    ["2 of", rule("  s1:\n    x: 1\n  s2:\n    y: 1\n  condition: 2 of s*"), /condition `2 of`/],
    [
      "an IPv6 cidr",
      rule("  s:\n    source_ip|cidr: 'fe80::/10'\n  condition: s"),
      /\|cidr value fe80::\/10/,
    ],
    [
      "temporal correlation",
      "title: c\ncorrelation:\n  type: temporal\n  rules: [a]\n  group-by: [x]\n  timespan: 5m\n",
      /correlation type temporal:/,
    ],
    [
      "an lt condition",
      `name: a\n${rule("  s:\n    x: 1\n  condition: s")}---\ntitle: c\ncorrelation:\n  type: event_count\n  rules: [a]\n  group-by: [x]\n  timespan: 5m\n  condition:\n    lt: 3\n`,
      /correlation condition lt/,
    ],
    [
      "aliases",
      "title: c\ncorrelation:\n  type: event_count\n  rules: [a]\n  timespan: 5m\n  aliases:\n    ip: { a: source_ip }\n  condition: { gte: 2 }\n",
      /correlation `aliases`/,
    ],
    [
      "filter rules",
      "title: f\nfilter:\n  rules: [a]\n  selection:\n    x: 1\n  condition: not selection\n",
      /Sigma filter rules/,
    ],
  ];
  it.each(cases)("refuses %s", (_name, text, construct) => {
    let error: unknown;
    try {
      loadText(text, "rules/refused.yml");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DetectError);
    expect((error as DetectError).code).toBe(DetectErrorCode.unsupported);
    expect((error as DetectError).message).toMatch(/^rules\/refused\.yml/);
    expect((error as DetectError).message).toMatch(construct);
  });

  it("reports a malformed rule as invalid, not unsupported, with the file", () => {
    for (const text of [
      rule("  a:\n    x: 1\n  condition: b"),
      rule("  a:\n    x: 1\n  condition: a and"),
      rule("  a:\n    x: 1\n  condition: (a"),
      "title: no detection\n",
      "title: c\ncorrelation:\n  type: event_count\n  rules: [missing]\n  timespan: 5m\n  condition: { gte: 2 }\n",
      "title: [unclosed\n",
    ]) {
      expect(() => loadText(text, "bad.yml")).toThrow(/^bad\.yml/);
      try {
        loadText(text, "bad.yml");
      } catch (error) {
        expect((error as DetectError).code).toBe(DetectErrorCode.invalidRule);
      }
    }
  });
});
