import { CheckCode } from "./check-code.js";
import type { RecordProblem, TraceRecord } from "./record-rules.js";
import { uuidV1Time } from "./uuid-v1-time.js";

/**
 * How much later than `record_time` (or `time`, whichever is later) a `trace_id`'s v1 time may
 * be. Huawei's two published example traces (Example Traces, cts_03_0011) have `record_time`
 * equal to `time` and mint the id 13 and 16 ms after it; one second leaves room for a slow
 * recorder and still catches an id from another moment.
 */
export const TRACE_ID_LATENESS_MS = 1_000;

const BODIES = ["request", "response"] as const;

/**
 * `request` and `response`, when present as non-empty text, must be JSON text (CTS records the
 * bodies as JSON serialized into a string; Huawei's examples show `""` for an absent request).
 */
export function bodyProblems(record: TraceRecord, add: (problem: RecordProblem) => void): void {
  for (const field of BODIES) {
    const body = record[field];
    if (typeof body !== "string" || body === "") continue;
    try {
      JSON.parse(body);
    } catch (error) {
      add({
        code: CheckCode.bodyJson,
        message: `${field} is not JSON text (${(error as Error).message}): ${excerpt(body)}`,
      });
    }
  }
}

/** A trace whose `time` or `record_time` is later than `now` (epoch ms) happened in the future. */
export function futureProblem(record: TraceRecord, now: number): RecordProblem | undefined {
  const latest = Math.max(numberOr(record.time), numberOr(record.record_time));
  if (!(latest > now)) return undefined;
  const field = latest === record.time ? "time" : "record_time";
  return {
    code: CheckCode.future,
    message: `${field} ${iso(latest)} is ${latest - now} ms after now (${iso(now)})`,
  };
}

/**
 * A v1 `trace_id` carries the time CTS minted it: not before the trace's `time` and at most
 * {@link TRACE_ID_LATENESS_MS} after its `record_time`. Ids that are not v1 UUIDs are not
 * judged (the reference shows v1 ids only, but does not promise them).
 */
export function traceIdTimeProblem(record: TraceRecord): RecordProblem | undefined {
  const { trace_id: id, time, record_time: recordTime } = record;
  if (typeof id !== "string" || typeof time !== "number") return undefined;
  const idTime = uuidV1Time(id);
  if (idTime === undefined) return undefined;
  const latest = Math.max(time, typeof recordTime === "number" ? recordTime : time);
  if (idTime >= Math.floor(time) && idTime <= latest + TRACE_ID_LATENESS_MS) return undefined;
  const relation =
    idTime < time
      ? `${time - idTime} ms before time`
      : `${idTime - latest} ms after the trace was recorded`;
  return {
    code: CheckCode.traceIdTime,
    message: `trace_id ${id} carries ${iso(idTime)}, ${relation} (${iso(time)})`,
  };
}

function numberOr(value: unknown): number {
  return typeof value === "number" ? value : Number.NEGATIVE_INFINITY;
}

function iso(time: number): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? String(time) : date.toISOString();
}

function excerpt(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, 77)}...`;
}
