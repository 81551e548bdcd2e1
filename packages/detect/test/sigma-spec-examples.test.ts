import { DetectError } from "@ctsim/detect";
import { describe, expect, it } from "vitest";
import { alertedIndexes, event, loadFixture, matches } from "./support.js";

/** The Sigma specification's own examples (test/fixtures/sigma-spec), construct by construct. */
describe("Sigma specification examples", () => {
  const one = (file: string) => {
    const rules = loadFixture(`sigma-spec/${file}`);
    expect(rules).toHaveLength(1);
    return rules[0]!;
  };

  it("a list of maps is an OR of the maps (endswith, contains)", () => {
    const rule = one("list-of-maps.yml");
    expect(matches(rule, { Image: "C:\\Tools\\EXAMPLE.exe" })).toBe(true);
    expect(matches(rule, { Description: "a test executable here" })).toBe(true);
    expect(matches(rule, { Image: "C:\\Tools\\example.exe.bak" })).toBe(false);
    expect(matches(rule, { Description: "Test" })).toBe(false);
  });

  it("a map is an AND across fields, a list of values an OR", () => {
    const rule = one("map-with-list.yml");
    expect(matches(rule, { EventLog: "Security", EventID: 517 })).toBe(true);
    expect(matches(rule, { EventLog: "security", EventID: "1102" })).toBe(true);
    expect(matches(rule, { EventLog: "Security", EventID: 4624 })).toBe(false);
    expect(matches(rule, { EventLog: "System", EventID: 517 })).toBe(false);
    const all = one("map-and.yml");
    const full = {
      EventLog: "Security",
      EventID: 4769,
      TicketOptions: "0x40810000",
      TicketEncryption: "0x17",
    };
    expect(matches(all, full)).toBe(true);
    expect(matches(all, { ...full, TicketEncryption: "0x12" })).toBe(false);
    const { TicketOptions: _, ...missing } = full;
    expect(matches(all, missing)).toBe(false);
  });

  it("keywords search the whole record: a list is an OR, '|all' an AND", () => {
    const any = one("keywords.yml");
    expect(matches(any, { CommandLine: "mimikatz EVENT::Clear" })).toBe(true);
    expect(matches(any, { CommandLine: "event::drop" })).toBe(true);
    expect(matches(any, { CommandLine: "event::list" })).toBe(false);
    const all = one("keywords-all.yml");
    expect(matches(all, { a: "Set-OabVirtualDirectory -ExternalUrl https://x" })).toBe(true);
    expect(matches(all, { a: "Set-OabVirtualDirectory", b: " -ExternalUrl " })).toBe(true);
    expect(matches(all, { a: "Set-OabVirtualDirectory -InternalUrl x" })).toBe(false);
  });

  it("null matches a null or absent field; not null through a negated selection", () => {
    const rule = one("null-value.yml");
    expect(matches(rule, { EventID: 4738, PasswordLastSet: "2024-01-01" })).toBe(true);
    expect(matches(rule, { EventID: 4738, PasswordLastSet: null })).toBe(false);
    expect(matches(rule, { EventID: 4738 })).toBe(false);
    expect(matches(rule, { EventID: 4738, PasswordLastSet: "" })).toBe(true);
  });

  it("|exists: true needs the field", () => {
    const rule = one("exists.yml");
    expect(matches(rule, { EventID: 4738, PasswordLastSet: "x" })).toBe(true);
    expect(matches(rule, { EventID: 4738 })).toBe(false);
  });

  it("wildcards: ? is one character, * any run", () => {
    const rule = one("wildcards.yml");
    expect(matches(rule, { Image: "progA.exe" })).toBe(true);
    expect(matches(rule, { Image: "progB.EXE" })).toBe(true);
    expect(matches(rule, { Image: "progAB.exe" })).toBe(false);
    expect(matches(rule, { Image: "prog.exe" })).toBe(false);
    expect(matches(rule, { Image: "antivirus_V1.exe" })).toBe(true);
    expect(matches(rule, { Image: "antivirus_V21.2.1.exe" })).toBe(true);
    expect(matches(rule, { Image: "antivirus_1.exe" })).toBe(false);
  });

  it("1 of selection* and not 1 of filter*", () => {
    const rule = one("condition-patterns.yml");
    expect(matches(rule, { A: 1 })).toBe(true);
    expect(matches(rule, { B: 1 })).toBe(true);
    expect(matches(rule, { A: 1, X: 1 })).toBe(false);
    expect(matches(rule, { X: 1 })).toBe(false);
    expect(matches(rule, {})).toBe(false);
  });

  it("event_count: 100 failed logins on one host within an hour, referenced by id", () => {
    const rule = one("event-count.yml");
    expect(rule.id).toBe("0e95725d-7320-415d-80f7-004da920fc11");
    const minute = 60_000;
    const fails = (host: string, n: number, start: number, step: number) =>
      Array.from({ length: n }, (_, i) =>
        event({ EventID: 4625, ComputerName: host }, start + i * step),
      );
    // 99 within the hour on host a, then one more: the 100th raises the alert covering all 100.
    const burst = fails("a", 100, 0, 30_000);
    expect(alertedIndexes(rule, burst)).toHaveLength(100);
    // 100 on host a spread over more than an hour: never 100 in one hour.
    expect(alertedIndexes(rule, fails("a", 100, 0, minute))).toEqual([]);
    // 50 on each of two hosts: groups are separate.
    const mixed = [...fails("a", 50, 0, 1000), ...fails("b", 50, 0, 1000)].sort(
      (x, y) => x.time - y.time,
    );
    expect(alertedIndexes(rule, mixed)).toEqual([]);
    // Other events do not count.
    expect(
      alertedIndexes(rule, [
        ...fails("a", 99, 0, 1000),
        event({ EventID: 4624, ComputerName: "a" }, 200_000),
      ]),
    ).toEqual([]);
  });

  it("value_count: 100 distinct users per host and workstation within a day", () => {
    const rule = one("value-count.yml");
    const tries = (users: number, total: number) =>
      Array.from({ length: total }, (_, i) =>
        event(
          { EventID: 529, ComputerName: "dc", WorkstationName: "ws", User: `u${i % users}` },
          i * 1000,
        ),
      );
    expect(alertedIndexes(rule, tries(99, 300))).toEqual([]);
    expect(alertedIndexes(rule, tries(100, 100))).toHaveLength(100);
  });

  it("the complete example's temporal_ordered correlation is refused, by name and file", () => {
    expect(() => loadFixture("sigma-spec/temporal-ordered.yml")).toThrow(DetectError);
    expect(() => loadFixture("sigma-spec/temporal-ordered.yml")).toThrow(
      /sigma-spec\/temporal-ordered\.yml \(document 1\): unsupported Sigma construct correlation type temporal_ordered/,
    );
  });
});
