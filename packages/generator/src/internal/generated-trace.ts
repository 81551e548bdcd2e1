import type { ApiTrace, TraceRating, TraceSource } from "@ctsim/catalog";
import { encodeApiTraceJson } from "../encode/encode-api-trace-json.js";
import type { RegionInfo } from "../tenant/regions.js";
import type { TraceEvent } from "../trace-event.js";
import type { Failure } from "./failures.js";
import { hex8 } from "./hex.js";
import type { TemplateArgs } from "./json-template.js";
import type { LabelTracker } from "./label-tracker.js";
import type { OpSpec } from "./op-table.js";
import type { UserRender } from "./user-render.js";
import { uuidV1 } from "./uuid-v1.js";

/**
 * Everything a trace is built from. Kept compact (references to shared strings and a few
 * numbers): texts such as the trace id, request id and bodies are rendered only when the trace
 * is encoded, so traces waiting in a session cost little memory and die young.
 */
export interface TraceParts {
  readonly op: OpSpec;
  readonly traceRating: TraceRating;
  readonly traceType: TraceSource;
  readonly resourceId: string;
  readonly resourceName: string;
  readonly time: number;
  readonly recordDelay: number;
  readonly user: UserRender | null;
  readonly sourceIp: string;
  /** Template values of the resource and of the call. */
  readonly args: TemplateArgs;
  readonly extra: TemplateArgs | undefined;
  /** How the call failed, or `null` on success. */
  readonly failure: Failure | null;
  readonly code: string;
  /** Render `request` (false for system actions). */
  readonly withRequest: boolean;
  /** Render `response` on success (false for most system actions). */
  readonly withResponse: boolean;
  /** The four random 32-bit words of the 32-hex `request_id`. */
  readonly requestWordA: number;
  readonly requestWordB: number;
  readonly requestWordC: number;
  readonly requestWordD: number;
  readonly enterpriseProjectId: string;
  readonly projectId: string;
  readonly domainId: string;
  readonly regionInfo: RegionInfo;
  /** 100 ns ticks within the ms for the trace id. */
  readonly subMs: number;
  /** `-cccc-nnnnnnnnnnnn` of the trace id. */
  readonly uuidTail: string;
  readonly label: LabelTracker | null;
}

/** The generator's {@link TraceEvent}: plain fields plus what the encoders render from. */
export class GeneratedTrace implements TraceEvent {
  readonly parts: TraceParts;
  readonly time: number;
  readonly recordTime: number;
  private id: string | undefined;

  constructor(parts: TraceParts) {
    this.parts = parts;
    this.time = parts.time;
    this.recordTime = parts.time + parts.recordDelay;
  }

  get traceId(): string {
    if (this.id === undefined) this.id = uuidV1(this.time, this.parts.subMs, this.parts.uuidTail);
    return this.id;
  }
  get traceName(): string {
    return this.parts.op.traceName;
  }
  get traceRating(): TraceRating {
    return this.parts.traceRating;
  }
  get traceType(): TraceSource {
    return this.parts.traceType;
  }
  get serviceType(): string {
    return this.parts.op.serviceType;
  }
  get resourceType(): string {
    return this.parts.op.resourceType;
  }
  get resourceId(): string {
    return this.parts.resourceId;
  }
  get resourceName(): string {
    return this.parts.resourceName;
  }
  get userName(): string | null {
    return this.parts.user === null ? null : this.parts.user.name;
  }
  get accessKeyId(): string | null {
    return this.parts.user === null ? null : this.parts.user.accessKeyId;
  }
  get enterpriseProjectId(): string {
    return this.parts.enterpriseProjectId;
  }
  get code(): string {
    return this.parts.code;
  }
  get projectId(): string {
    return this.parts.projectId;
  }
  get domainId(): string {
    return this.parts.domainId;
  }
  get region(): string {
    return this.parts.regionInfo.name;
  }
  get trackerName(): string {
    return "system";
  }
  get label(): LabelTracker | null {
    return this.parts.label;
  }

  /** `request_id`: 32 hex digits. */
  get requestId(): string {
    const p = this.parts;
    return (
      hex8(p.requestWordA) + hex8(p.requestWordB) + hex8(p.requestWordC) + hex8(p.requestWordD)
    );
  }

  /** `request` as a JSON literal (`"…"` or `null`). */
  get requestJson(): string {
    const p = this.parts;
    return p.withRequest && p.op.request !== null
      ? `"${p.op.request.render(p.args, p.extra)}"`
      : "null";
  }

  /** `response` as a JSON literal. */
  get responseJson(): string {
    const p = this.parts;
    if (p.failure !== null)
      return `"${p.failure.bodyEscaped.replace("$requestId", this.requestId)}"`;
    return p.withResponse && p.op.response !== null
      ? `"${p.op.response.render(p.args, p.extra)}"`
      : "null";
  }

  /** `location_info` as a JSON literal: the error code of a failed call, else `null`. */
  get locationInfoJson(): string {
    return this.parts.failure === null ? "null" : `"${this.parts.failure.errorCode}"`;
  }

  /** `endpoint` as a JSON literal. */
  get endpointJson(): string {
    return `"${this.parts.regionInfo.console}${this.parts.op.consolePath}"`;
  }

  /** `resource_url` as a JSON literal (`null` without a resource id). */
  get resourceUrlJson(): string {
    const p = this.parts;
    return p.resourceId === ""
      ? "null"
      : `"/?region=${p.regionInfo.name}#/${p.op.consoleRoute}/${p.resourceId}"`;
  }

  /** The trace as a ListTraces object. */
  toApiTrace(): ApiTrace {
    return JSON.parse(encodeApiTraceJson(this)) as ApiTrace;
  }

  /** The same trace at another time; `record_time` keeps its delay, the id follows. */
  at(time: number): GeneratedTrace {
    return new GeneratedTrace({ ...this.parts, time });
  }
}
