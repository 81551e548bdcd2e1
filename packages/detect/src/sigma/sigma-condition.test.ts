import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { TraceView } from "../trace/trace-view.js";
import type { CompileProblems, TracePredicate } from "./field-item.js";
import { compileCondition } from "./sigma-condition.js";

const problems: CompileProblems = {
  unsupported: (construct) => {
    throw new Error(construct);
  },
  invalid: (what) => {
    throw new Error(what);
  },
};

/** Selections sel0..selN and filter0..filterM that read one boolean each from the record. */
function selections(sel: number, filters: number): Map<string, TracePredicate> {
  const map = new Map<string, TracePredicate>();
  for (let i = 0; i < sel; i++) map.set(`sel${i}`, (t) => t.record[`sel${i}`] === true);
  for (let i = 0; i < filters; i++) map.set(`filter${i}`, (t) => t.record[`filter${i}`] === true);
  map.set("_hidden", (t) => t.record._hidden === true);
  return map;
}

const world = fc.record({
  sel: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
  filter: fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
  hidden: fc.boolean(),
});

function view(w: { sel: boolean[]; filter: boolean[]; hidden: boolean }): TraceView {
  const record: Record<string, unknown> = { _hidden: w.hidden };
  w.sel.forEach((b, i) => {
    record[`sel${i}`] = b;
  });
  w.filter.forEach((b, i) => {
    record[`filter${i}`] = b;
  });
  return new TraceView(record);
}

describe("Sigma conditions", () => {
  test.prop([world])("1 of sel* is the OR of the selections, all of sel* their AND", (w) => {
    const s = selections(w.sel.length, w.filter.length);
    const t = view(w);
    expect(compileCondition("1 of sel*", s, problems)(t)).toBe(w.sel.some(Boolean));
    expect(compileCondition("all of sel*", s, problems)(t)).toBe(w.sel.every(Boolean));
  });

  test.prop([world])("1 of them / all of them leave out identifiers starting with _", (w) => {
    const s = selections(w.sel.length, w.filter.length);
    const t = view(w);
    const visible = [...w.sel, ...w.filter];
    expect(compileCondition("1 of them", s, problems)(t)).toBe(visible.some(Boolean));
    expect(compileCondition("all of them", s, problems)(t)).toBe(visible.every(Boolean));
  });

  test.prop([world, fc.constantFrom("sel0", "1 of sel*", "(sel0 or filter0)", "all of filter*")])(
    "not inverts any expression",
    (w, expression) => {
      const s = selections(w.sel.length, w.filter.length);
      const t = view(w);
      expect(compileCondition(`not ${expression}`, s, problems)(t)).toBe(
        !compileCondition(expression, s, problems)(t),
      );
    },
  );

  test.prop([fc.boolean(), fc.boolean(), fc.boolean()])(
    "precedence: or binds loosest, then and, then not; parentheses override",
    (a, b, c) => {
      const w = { sel: [a, b, c], filter: [false], hidden: false };
      const s = selections(3, 1);
      const t = view(w);
      expect(compileCondition("sel0 or sel1 and sel2", s, problems)(t)).toBe(a || (b && c));
      expect(compileCondition("(sel0 or sel1) and sel2", s, problems)(t)).toBe((a || b) && c);
      expect(compileCondition("not sel0 and sel1", s, problems)(t)).toBe(!a && b);
      expect(compileCondition("not (sel0 and sel1)", s, problems)(t)).toBe(!(a && b));
      expect(compileCondition("sel0 AND NOT sel1 OR sel2", s, problems)(t)).toBe((a && !b) || c);
    },
  );
});
