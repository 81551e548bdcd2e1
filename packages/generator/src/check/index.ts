/**
 * `@ctsim/generator/check`: the streaming trace checker behind `ctsim validate` (schema,
 * unique ids, code/rating, order, record_time, lifecycle, identity stability). Its own entry
 * because it loads the catalog's JSON Schema validators, which generating traces does not need
 * (workers that only generate start ~0.3 s sooner from source).
 */
// ── Trace checker ───────────────────────────────────────────────────────────
export { CheckCode } from "./check-code.js";
export type { Violation } from "./check-code.js";
export { createTraceChecker, TIME_ORDERS } from "./trace-checker.js";
export type {
  CheckReport,
  TimeOrder,
  TraceChecker,
  TraceCheckerOptions,
} from "./trace-checker.js";
export { TRACE_SHAPES } from "./trace-shape.js";
export type { TraceShape } from "./trace-shape.js";
