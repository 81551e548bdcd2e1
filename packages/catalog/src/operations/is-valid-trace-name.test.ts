import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { isValidTraceName } from "./is-valid-trace-name.js";
import { operationsOf } from "./operations-of.js";
import { REVISIONS } from "./revision.js";

/** CTS's documented rule, written independently of the implementation. */
function reference(name: string): boolean {
  if (name.length < 1 || name.length > 64) return false;
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const allowed = `${letters}0123456789._-`;
  return letters.includes(name[0]!) && [...name].every((char) => allowed.includes(char));
}

/** Strings near the rule's edges: mostly allowed characters, lengths around 64. */
const nearlyValid = fc.string({
  unit: fc.constantFrom(..."aZ09._-/ é$"),
  minLength: 0,
  maxLength: 70,
});

describe("isValidTraceName", () => {
  it.each(["createDataset", "create_content", "a", `a${"b".repeat(63)}`, "v1.2-x"])(
    "accepts %s",
    (name) => {
      expect(isValidTraceName(name)).toBe(true);
    },
  );

  it.each(["", "1create", "_x", "-x", ".x", "has space", `a${"b".repeat(64)}`, "a/b", "é"])(
    "rejects %j",
    (name) => {
      expect(isValidTraceName(name)).toBe(false);
    },
  );

  test.prop([fc.oneof(fc.string(), nearlyValid)])("agrees with the reference rule", (name) => {
    expect(isValidTraceName(name)).toBe(reference(name));
  });

  test.prop([fc.constantFrom(...REVISIONS.flatMap((r) => operationsOf(r)))])(
    "accepts every trace name of the catalog",
    (row) => {
      expect(isValidTraceName(row.traceName)).toBe(true);
    },
  );
});
