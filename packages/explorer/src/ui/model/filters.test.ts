import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { defaultFilters, searchedFilters, WEEK_MS } from "./filters.js";

const filters = fc
  .record({
    to: fc.integer({ min: 1.7e12, max: 1.8e12 }),
    span: fc.integer({ min: 0, max: WEEK_MS }),
    untilNow: fc.boolean(),
    user: fc.string(),
  })
  .map(({ to, span, untilNow, user }) => ({
    ...defaultFilters(to, untilNow),
    from: to - span,
    user,
  }));

describe("searchedFilters", () => {
  test.prop([filters, fc.integer({ min: 0, max: 30 * 24 * 3_600_000 })])(
    "a window that follows the clock ends now, as long as it was; any other stays put",
    (before, later) => {
      const now = before.to + later;
      const after = searchedFilters(before, now, before);
      expect(after).not.toBe(before); // a new search even with the same filters
      if (before.untilNow) {
        expect(after).toEqual({ ...before, from: now - (before.to - before.from), to: now });
      } else {
        expect(after).toEqual(before);
      }
    },
  );

  test.prop([
    filters,
    fc.integer({ min: 1, max: WEEK_MS }),
    fc.integer({ min: 0, max: 3_600_000 }),
  ])(
    "a start the user just set is kept: the window runs from there to now",
    (previous, back, later) => {
      const now = previous.to + later;
      const edited = { ...previous, from: previous.to - back + 1 };
      fc.pre(edited.from !== previous.from);
      const after = searchedFilters(edited, now, previous);
      expect(after).toEqual(previous.untilNow ? { ...edited, to: now } : edited);
    },
  );
});
