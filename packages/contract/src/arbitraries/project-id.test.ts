import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  foreignProjectIdArbitrary,
  MALFORMED_PROJECT_ID_KINDS,
  malformedProjectIdArbitrary,
} from "./project-id.js";

const own = "0123456789abcdef0123456789abcdef";
const WELL_FORMED = /^[0-9a-f]{32}$/;

describe("project id arbitraries", () => {
  it("draws well-formed ids other than the own one", () => {
    fc.assert(
      fc.property(foreignProjectIdArbitrary({ projectId: own }), (id) => {
        expect(id).toMatch(WELL_FORMED);
        expect(id).not.toBe(own);
      }),
    );
  });

  it.each(MALFORMED_PROJECT_ID_KINDS)("draws %s ids that are never well-formed", (kind) => {
    fc.assert(
      fc.property(malformedProjectIdArbitrary({ projectId: own, kinds: [kind] }), (drawn) => {
        expect(drawn.kind).toBe(kind);
        expect(drawn.projectId).not.toMatch(WELL_FORMED);
        expect(drawn.projectId.toLowerCase()).not.toBe(own);
      }),
      { numRuns: 50 },
    );
  });

  it("builds the own-id kinds from the own id", () => {
    const sample = (kind: (typeof MALFORMED_PROJECT_ID_KINDS)[number]): string[] =>
      fc
        .sample(malformedProjectIdArbitrary({ projectId: own, kinds: [kind] }), {
          numRuns: 20,
          seed: 1,
        })
        .map((d) => d.projectId);
    for (const id of sample("own-truncated")) expect(own.startsWith(id)).toBe(true);
    for (const id of sample("own-extended")) expect(id.startsWith(own)).toBe(true);
    for (const id of sample("path-traversal")) expect(id).toContain(own);
  });
});
