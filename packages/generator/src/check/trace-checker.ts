import { type SchemaIssue, validatorFor } from "@ctsim/catalog";
import { GeneratorError, GeneratorErrorCode } from "../generator-error.js";
import { CheckCode, type Violation } from "./check-code.js";
import { codeRatingProblem } from "./code-rating.js";
import { CompactIdSet } from "./compact-id-set.js";
import { IdentityTracker } from "./identity-tracker.js";
import { JsonUnitScanner } from "./json-unit-scanner.js";
import { LifecycleTracker } from "./lifecycle-tracker.js";
import { bodyProblems, futureProblem, traceIdTimeProblem } from "./record-content-rules.js";
import { inspectRecord, type TraceRecord } from "./record-rules.js";
import { detectTraceShape, TRACE_SHAPES, type TraceShape } from "./trace-shape.js";

/** Expected order of `time` through an input. */
export const TIME_ORDERS = ["ascending", "descending", "any"] as const;
/** One of {@link TIME_ORDERS}. */
export type TimeOrder = (typeof TIME_ORDERS)[number];

/** Options of {@link createTraceChecker}. */
export interface TraceCheckerOptions {
  /** Wire shape of the records; `"auto"` (default) decides from the first record. */
  readonly shape?: TraceShape | "auto";
  /**
   * Expected `time` order; `"auto"` (default) expects ascending (as the generator writes), or
   * descending when the input is a ListTraces page (CTS pages go newest first). Equal times are
   * always in order.
   */
  readonly order?: TimeOrder | "auto";
  /** Violations kept in the report (default 1000); every violation is still counted. */
  readonly maxViolations?: number;
  /** Called with every violation as it is found (all of them, regardless of `maxViolations`). */
  readonly onViolation?: (violation: Violation) => void;
  /**
   * The clock, epoch ms: a trace later than this is `trace.future`. Default: the wall clock when
   * the checker is created. Check generated output against the `now` it was generated with.
   */
  readonly now?: number;
}

/** What a checker found in one input. */
export interface CheckReport {
  /** Trace records seen (elements of ListTraces pages count one each). */
  readonly records: number;
  /** The first `maxViolations` violations, in input order. */
  readonly violations: readonly Violation[];
  /** Number of violations of each code found (all of them). */
  readonly countsByCode: Readonly<Partial<Record<CheckCode, number>>>;
  /** Total number of violations (the sum of `countsByCode`). */
  readonly total: number;
  /** The shape the records were checked against (`undefined` when there were none). */
  readonly shape: TraceShape | undefined;
}

/** An incremental checker: feed it lines, then ask for the report. */
export interface TraceChecker {
  /** Checks one line of input (without its line break); `lineNumber` is 1-based. */
  check(line: string, lineNumber: number): void;
  /** Ends the input (reporting anything left open) and returns the report. */
  finish(): CheckReport;
}

interface ResolvedOptions {
  readonly shape: TraceShape | undefined;
  readonly order: TimeOrder | undefined;
  readonly maxViolations: number;
  readonly onViolation: ((violation: Violation) => void) | undefined;
  readonly now: number;
}

/**
 * Creates a streaming checker for a file of CTS traces (NDJSON, a JSON array, or ListTraces
 * pages; see {@link JsonUnitScanner} for the accepted framings). It checks each record against
 * the catalog's `ApiTrace` or `ObsTrace` schema and the stream invariants: unique `trace_id`,
 * `code`/`trace_rating` agreement, `time` order, `record_time >= time`, no trace after `now`, a
 * v1 `trace_id` minted at the trace's time, `request`/`response` as JSON text, no user or source
 * IP on `SystemAction` traces, CTS's trace-name rule, resource lifecycles (see
 * {@link LifecycleTracker}) and stable identities (see {@link IdentityTracker}). Memory grows
 * with distinct resources and users and by about 16 bytes per trace id, not with record size.
 *
 * @throws GeneratorError (`CTSIM_GENERATOR_INVALID_OPTION`) when an option is not one of its
 *   documented values
 * @example
 * const checker = createTraceChecker({ onViolation: (v) => console.log(v.line, v.code) });
 * lines.forEach((line, index) => checker.check(line, index + 1));
 * const { records, total } = checker.finish();
 */
export function createTraceChecker(options: TraceCheckerOptions = {}): TraceChecker {
  const resolved = resolveOptions(options);
  let shape = resolved.shape;
  let order = resolved.order;
  let previousTime: number | undefined;
  let records = 0;
  let total = 0;
  const violations: Violation[] = [];
  const countsByCode: Partial<Record<CheckCode, number>> = {};
  const ids = new CompactIdSet(1 << 16);
  const lifecycle = new LifecycleTracker();
  const identities = new IdentityTracker();

  const report = (line: number, code: CheckCode, message: string, traceId?: string): void => {
    const violation: Violation =
      traceId === undefined ? { line, code, message } : { line, code, message, traceId };
    total++;
    countsByCode[code] = (countsByCode[code] ?? 0) + 1;
    if (violations.length < resolved.maxViolations) violations.push(violation);
    resolved.onViolation?.(violation);
  };

  const checkRecord = (value: unknown, line: number, where: string): void => {
    records++;
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      report(
        line,
        CheckCode.inputFormat,
        `${where}expected a trace object, got ${Array.isArray(value) ? "an array" : JSON.stringify(value)}`,
      );
      return;
    }
    const record = value as TraceRecord;
    shape ??= detectTraceShape(record);
    const traceId =
      typeof record.trace_id === "string" && record.trace_id !== "" ? record.trace_id : undefined;
    const flag = (code: CheckCode, message: string): void =>
      report(line, code, `${where}${message}`, traceId);

    const validator = validatorFor(shape === "obs" ? "ObsTrace" : "ApiTrace");
    if (!validator.check(record))
      for (const issue of validator.issues(record, 10)) flag(schemaCode(issue), issue.message);

    if (traceId !== undefined) {
      const first = ids.addOrGet(traceId, line);
      if (first >= 0)
        flag(CheckCode.duplicateId, `trace_id ${traceId} was already seen on line ${first}`);
    }
    const codeProblem = codeRatingProblem(record.code, record.trace_rating, record.response);
    if (codeProblem) flag(codeProblem.code, codeProblem.message);
    if (typeof record.time === "number") {
      if (previousTime !== undefined && outOfOrder(previousTime, record.time, order)) {
        const relation = order === "descending" ? "later" : "earlier";
        flag(
          CheckCode.order,
          `time ${isoOf(record.time)} is ${relation} than the previous record's ${isoOf(previousTime)} (expected ${order} order)`,
        );
      }
      previousTime = record.time;
    }
    const { problems, identity } = inspectRecord(record, shape);
    for (const problem of problems) flag(problem.code, problem.message);
    bodyProblems(record, (problem) => flag(problem.code, problem.message));
    const future = futureProblem(record, resolved.now);
    if (future) flag(future.code, future.message);
    const idTime = traceIdTimeProblem(record);
    if (idTime) flag(idTime.code, idTime.message);
    if (identity)
      for (const problem of identities.observe(identity, line)) flag(problem.code, problem.message);

    const { resource_type: type, resource_id: id, trace_name: name } = record;
    if (
      typeof type === "string" &&
      typeof id === "string" &&
      id !== "" &&
      typeof name === "string"
    ) {
      const succeeded = record.trace_rating === "normal";
      const problem = lifecycle.observe(type, id, name, succeeded, line, order === "descending");
      if (problem) flag(problem.code, problem.message);
    }
  };

  const onUnit = (value: unknown, line: number): void => {
    const page = isPage(value);
    order ??= page ? "descending" : "ascending"; // "auto" is decided by the first value
    if (page) {
      for (const [index, trace] of value.traces.entries())
        checkRecord(trace, line, `traces[${index}]: `);
    } else checkRecord(value, line, "");
  };
  const scanner = new JsonUnitScanner(onUnit, (line, code, message) => report(line, code, message));

  return {
    check: (line, lineNumber) => scanner.push(line, lineNumber),
    finish: () => {
      scanner.end();
      return {
        records,
        violations: [...violations],
        countsByCode: { ...countsByCode },
        total,
        shape,
      };
    },
  };
}

function resolveOptions(options: TraceCheckerOptions): ResolvedOptions {
  const { shape = "auto", order = "auto", maxViolations = 1000, onViolation } = options;
  const now = options.now ?? Date.now();
  if (!Number.isFinite(now)) throw invalidOption(`now must be epoch ms, got ${now}`);
  if (shape !== "auto" && !TRACE_SHAPES.includes(shape)) {
    throw invalidOption(`shape must be "auto", "api" or "obs", got ${JSON.stringify(shape)}`);
  }
  if (order !== "auto" && !TIME_ORDERS.includes(order)) {
    throw invalidOption(
      `order must be "auto", "ascending", "descending" or "any", got ${JSON.stringify(order)}`,
    );
  }
  if (!(maxViolations >= 0))
    throw invalidOption(`maxViolations must be >= 0, got ${maxViolations}`);
  return {
    shape: shape === "auto" ? undefined : shape,
    order: order === "auto" ? undefined : order,
    maxViolations,
    onViolation,
    now,
  };
}

/** A trace-name pattern failure gets its own code; other schema issues keep the catalog's. */
function schemaCode(issue: SchemaIssue): CheckCode {
  return issue.path === "/trace_name" && issue.code === "schema.pattern"
    ? CheckCode.traceName
    : issue.code;
}

function outOfOrder(previous: number, time: number, order: TimeOrder | undefined): boolean {
  if (order === "ascending") return time < previous;
  if (order === "descending") return time > previous;
  return false;
}

function isPage(value: unknown): value is { traces: unknown[] } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return Array.isArray(record.traces) && !("trace_id" in record);
}

function isoOf(time: number): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? String(time) : `${time} (${date.toISOString()})`;
}

function invalidOption(message: string): GeneratorError {
  return new GeneratorError(GeneratorErrorCode.invalidOption, `createTraceChecker: ${message}`);
}
