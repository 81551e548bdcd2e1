import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import consoleCreate from "../../../catalog/test/fixtures/reference-api-console-create-notebook.json" with {
  type: "json",
};
import failedJob from "../../../catalog/test/fixtures/reference-api-failed-create-job.json" with {
  type: "json",
};
import systemStop from "../../../catalog/test/fixtures/reference-api-system-stop-notebook.json" with {
  type: "json",
};
import { uuidV1 } from "../internal/uuid-v1.js";
import { CheckCode } from "./check-code.js";
import { type CheckReport, createTraceChecker } from "./trace-checker.js";

type Rec = Record<string, unknown>;

/** Reference §8 examples; every stream starts with the notebook's create, so lifecycles hold. */
const TEMPLATES: readonly Rec[] = [consoleCreate, failedJob, systemStop];

/** Steps of a stream: which template, how long after the previous trace, how late recorded. */
const steps = fc.array(
  fc.record({
    template: fc.nat({ max: TEMPLATES.length - 1 }),
    gap: fc.integer({ min: 1, max: 3_600_000 }),
    delay: fc.nat({ max: 5_000 }),
  }),
  { minLength: 1, maxLength: 40 },
);

function build(plan: readonly { template: number; gap: number; delay: number }[]): Rec[] {
  let time = 1_724_400_000_000;
  return plan.map(({ template, gap, delay }, index) => {
    time += gap;
    const base = index === 0 ? consoleCreate : TEMPLATES[template]!;
    // A v1 id minted at the trace's time (distinct per index through its node field).
    const id = uuidV1(time, 0, `-8000-${index.toString(16).padStart(12, "0")}`);
    return { ...base, trace_id: id, time, record_time: time + delay };
  });
}

type Framing = "ndjson" | "array" | "pretty";

function frame(records: readonly Rec[], framing: Framing): string {
  if (framing === "pretty") return JSON.stringify(records, null, 2);
  const lines = records.map((r) => JSON.stringify(r));
  return framing === "ndjson" ? lines.join("\n") : `[\n${lines.join(",\n")}\n]\n`;
}

function check(text: string): CheckReport {
  const checker = createTraceChecker();
  for (const [index, line] of text.split("\n").entries()) checker.check(line, index + 1);
  return checker.finish();
}

const isSorted = (records: readonly Rec[]): boolean =>
  records.every((r, i) => i === 0 || (r.time as number) >= (records[i - 1]!.time as number));

describe("trace checker properties", () => {
  test.prop([steps, fc.constantFrom<Framing>("ndjson", "array", "pretty")])(
    "a stream built from the reference examples with increasing times is clean in any framing",
    (plan, framing) => {
      const records = build(plan);
      const report = check(frame(records, framing));
      expect(report.violations).toEqual([]);
      expect(report.records).toBe(records.length);
    },
  );

  test.prop([
    steps.chain((plan) =>
      fc.tuple(
        fc.constant(plan),
        fc.shuffledSubarray(
          plan.map((_, i) => i),
          { minLength: plan.length },
        ),
      ),
    ),
  ])(
    "any permutation that breaks ascending order is flagged, and only those",
    ([plan, permutation]) => {
      const records = build(plan);
      const shuffled = permutation.map((i) => records[i]!);
      const flagged = check(frame(shuffled, "ndjson")).countsByCode[CheckCode.order] ?? 0;
      if (isSorted(shuffled)) expect(flagged).toBe(0);
      else expect(flagged).toBeGreaterThan(0);
    },
  );

  test.prop([steps, fc.nat(), fc.nat()])(
    "duplicating any record is flagged exactly once",
    (plan, pick, at) => {
      const records = build(plan);
      const original = pick % records.length;
      const copy = records[original]!;
      const position = at % (records.length + 1);
      const originalAfterInsert = original < position ? original : original + 1;
      const withCopy = [...records.slice(0, position), copy, ...records.slice(position)];
      const duplicates = check(frame(withCopy, "ndjson")).violations.filter(
        (v) => v.code === CheckCode.duplicateId,
      );
      expect(duplicates).toHaveLength(1);
      expect(duplicates[0]!.traceId).toBe(copy.trace_id);
      expect(duplicates[0]!.line).toBe(Math.max(position, originalAfterInsert) + 1); // the later one
    },
  );
});
