import { describe, expect, it } from "vitest";
import { loadText, matches } from "./support.js";

const rule = (selection: string) =>
  loadText(`title: t\ndetection:\n  s:\n${selection}\n  condition: s\n`)[0]!;

/** Each supported modifier on CTS-shaped records (field paths into request JSON text). */
describe("value modifiers", () => {
  const trace = {
    trace_name: "exportDataFromDataset",
    source_ip: "10.20.30.40",
    code: "401",
    user: { name: "Alice", invoked_by: ["service.console"] },
    request: JSON.stringify({ path: "/acme-data/export/ds-1/", export_type: 3 }),
  };

  it("startswith / endswith / contains, case-insensitive, wildcards kept", () => {
    expect(matches(rule("    trace_name|startswith: EXPORT"), trace)).toBe(true);
    expect(matches(rule("    trace_name|endswith: dataset"), trace)).toBe(true);
    expect(matches(rule("    request.path|contains: '-data/exp*t/'"), trace)).toBe(true);
    expect(matches(rule("    request.path|startswith: /other"), trace)).toBe(false);
  });

  it("all: every value must match the field", () => {
    expect(matches(rule("    request.path|contains|all: [acme, export]"), trace)).toBe(true);
    expect(matches(rule("    request.path|contains|all: [acme, import]"), trace)).toBe(false);
    expect(matches(rule("    request.path|contains: [acme, import]"), trace)).toBe(true);
  });

  it("re: case-sensitive unless |i, unanchored", () => {
    expect(matches(rule("    user.name|re: '^Al'"), trace)).toBe(true);
    expect(matches(rule("    user.name|re: '^al'"), trace)).toBe(false);
    expect(matches(rule("    user.name|re|i: '^al'"), trace)).toBe(true);
    expect(matches(rule("    request.path|re: 'ds-\\d+'"), trace)).toBe(true);
  });

  it("cidr, cased, numeric comparisons, exists: false, arrays", () => {
    expect(matches(rule("    source_ip|cidr: 10.0.0.0/8"), trace)).toBe(true);
    expect(matches(rule("    source_ip|cidr: 10.20.31.0/24"), trace)).toBe(false);
    expect(matches(rule("    user.name|cased: alice"), trace)).toBe(false);
    expect(matches(rule("    user.name: alice"), trace)).toBe(true);
    expect(matches(rule("    code|gte: 400"), trace)).toBe(true);
    expect(matches(rule("    request.export_type|lt: 3"), trace)).toBe(false);
    expect(matches(rule("    resource_id|exists: false"), trace)).toBe(true);
    expect(matches(rule("    user.invoked_by: service.console"), trace)).toBe(true);
    expect(matches(rule("    code: 401"), trace)).toBe(true);
  });
});
