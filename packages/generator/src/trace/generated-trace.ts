import type { TraceRating, TraceSource } from "@ctsim/catalog";
import { CodeRow } from "../internal/char-codes.js";
import type { TemplateArgs } from "../internal/json-template.js";
import { mix32 } from "../internal/prng.js";
import { uuidV1 } from "../internal/uuid-v1.js";
import type { Failure } from "../operations/failures.js";
import type { OpSpec } from "../operations/op-table.js";
import type { TraceScope } from "../tenant/trace-scope.js";
import type { UserRender } from "../tenant/user-render.js";
import type { TraceEvent } from "../trace-event.js";
import type { LabelTracker } from "./label-tracker.js";

const REQUEST_ROW = new CodeRow(32);

/** Render `request` (not for system actions). */
export const WITH_REQUEST = 1;
/** Render `response` on success (not for most system actions). */
export const WITH_RESPONSE = 2;

/**
 * The generator's {@link TraceEvent}: one compact object per trace (references to shared
 * strings and a few small numbers). Texts such as the trace id, request id and bodies are
 * rendered only when the trace is encoded, so traces waiting in a session cost little memory.
 */
export class GeneratedTrace implements TraceEvent {
  readonly op: OpSpec;
  readonly scope: TraceScope;
  readonly traceRating: TraceRating;
  readonly traceType: TraceSource;
  readonly resourceId: string;
  readonly resourceName: string;
  readonly time: number;
  /**
   * ms from `time` to the time in the `trace_id`: CTS records the trace at `time`
   * (`record_time` equals `time` in all of Huawei's examples) and mints the v1 id a few ms later
   * (13 and 16 ms in the two 2024 examples).
   */
  readonly delay: number;
  readonly user: UserRender | null;
  readonly sourceIp: string;
  /** Template values of the resource and of the call. */
  readonly args: TemplateArgs;
  readonly extra: TemplateArgs | undefined;
  /** How the call failed, or `null` on success. */
  readonly failure: Failure | null;
  readonly code: string;
  /** {@link WITH_REQUEST} | {@link WITH_RESPONSE}. */
  readonly flags: number;
  /** Two random 30-bit words behind the 32-hex `request_id`. */
  readonly requestA: number;
  readonly requestB: number;
  /** 100 ns ticks within the ms for the trace id. */
  readonly ticks: number;
  /** `-cccc-nnnnnnnnnnnn` of the trace id (the session's). */
  readonly uuidTail: string;
  readonly enterpriseProjectId: string;
  readonly label: LabelTracker | null;

  constructor(
    op: OpSpec,
    scope: TraceScope,
    traceRating: TraceRating,
    traceType: TraceSource,
    resourceId: string,
    resourceName: string,
    time: number,
    delay: number,
    user: UserRender | null,
    sourceIp: string,
    args: TemplateArgs,
    extra: TemplateArgs | undefined,
    failure: Failure | null,
    code: string,
    flags: number,
    requestA: number,
    requestB: number,
    ticks: number,
    uuidTail: string,
    enterpriseProjectId: string,
    label: LabelTracker | null,
  ) {
    this.op = op;
    this.scope = scope;
    this.traceRating = traceRating;
    this.traceType = traceType;
    this.resourceId = resourceId;
    this.resourceName = resourceName;
    this.time = time;
    this.delay = delay;
    this.user = user;
    this.sourceIp = sourceIp;
    this.args = args;
    this.extra = extra;
    this.failure = failure;
    this.code = code;
    this.flags = flags;
    this.requestA = requestA;
    this.requestB = requestB;
    this.ticks = ticks;
    this.uuidTail = uuidTail;
    this.enterpriseProjectId = enterpriseProjectId;
    this.label = label;
  }

  get traceId(): string {
    return uuidV1(this.time + this.delay, this.ticks, this.uuidTail);
  }
  get recordTime(): number {
    return this.time;
  }
  get traceName(): string {
    return this.op.traceName;
  }
  get serviceType(): string {
    return this.op.serviceType;
  }
  get resourceType(): string {
    return this.op.resourceType;
  }
  get userName(): string | null {
    return this.user === null ? null : this.user.name;
  }
  get accessKeyId(): string | null {
    return this.user === null ? null : this.user.accessKeyId;
  }
  get projectId(): string {
    return this.scope.projectId;
  }
  get domainId(): string {
    return this.scope.domainId;
  }
  get region(): string {
    return this.scope.regionInfo.name;
  }
  get trackerName(): string {
    return this.op.trackerName;
  }
  get eventType(): string {
    return this.op.eventType;
  }

  /** `request_id`: 32 hex digits (distinct words give distinct ids: `mix32` is a bijection). */
  get requestId(): string {
    const a = this.requestA;
    const b = this.requestB;
    const row = REQUEST_ROW;
    row.hex(0, mix32(a), 8);
    row.hex(8, mix32(a ^ 0x5bd1e995), 8);
    row.hex(16, mix32(b), 8);
    row.hex(24, mix32(b ^ 0x1b873593), 8);
    return row.text();
  }

  /**
   * `total_time` of the file shape (the call's response time, ms): from 20 ms to about 5 s,
   * most calls well under a second, derived from the request id's words (no state, no draw).
   */
  get totalTime(): number {
    const u = mix32(this.requestB ^ 0x27d4eb2f) / 4294967296;
    return Math.round(20 * 2 ** (u * u * 8)); // median 80 ms, 90th percentile ~1.5 s
  }

  /** `request` as a JSON literal (`"…"` or `null`). */
  get requestJson(): string {
    const request = this.op.request;
    return (this.flags & WITH_REQUEST) !== 0 && request !== null
      ? request.renderQuoted(this.args, this.extra)
      : "null";
  }

  /** `response` as a JSON literal. */
  get responseJson(): string {
    if (this.failure !== null)
      return `"${this.failure.bodyEscaped.replace("$requestId", this.requestId)}"`;
    const response = this.op.response;
    return (this.flags & WITH_RESPONSE) !== 0 && response !== null
      ? response.renderQuoted(this.args, this.extra)
      : "null";
  }

  /** `location_info` as a JSON literal: the error code of a failed call, else `null`. */
  get locationInfoJson(): string {
    return this.failure === null ? "null" : `"${this.failure.errorCode}"`;
  }

  /** `endpoint` as a JSON literal. */
  get endpointJson(): string {
    return `"${this.scope.regionInfo.console}${this.op.consolePath}"`;
  }

  /** `resource_url` as a JSON literal (`null` without a resource id). */
  get resourceUrlJson(): string {
    return this.resourceId === ""
      ? "null"
      : `"${this.scope.urlPrefix}${this.op.consoleRoute}/${this.resourceId}"`;
  }

  /** The same trace at another time; `record_time` and the id's time follow, the delay kept. */
  at(time: number): GeneratedTrace {
    return new GeneratedTrace(
      this.op,
      this.scope,
      this.traceRating,
      this.traceType,
      this.resourceId,
      this.resourceName,
      time,
      this.delay,
      this.user,
      this.sourceIp,
      this.args,
      this.extra,
      this.failure,
      this.code,
      this.flags,
      this.requestA,
      this.requestB,
      this.ticks,
      this.uuidTail,
      this.enterpriseProjectId,
      this.label,
    );
  }
}
