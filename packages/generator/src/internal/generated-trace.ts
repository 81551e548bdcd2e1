import type { ApiTrace, TraceRating, TraceSource } from "@ctsim/catalog";
import { encodeApiTraceJson } from "../encode/encode-api-trace-json.js";
import type { TraceEvent } from "../trace-event.js";
import type { LabelTracker } from "./label-tracker.js";
import type { UserRender } from "./user-render.js";
import { uuidV1 } from "./uuid-v1.js";

/** Everything a trace is built from; fields holding text are JSON-safe or pre-escaped. */
export interface TraceParts {
  readonly traceName: string;
  readonly traceRating: TraceRating;
  readonly traceType: TraceSource;
  readonly serviceType: string;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly resourceName: string;
  readonly time: number;
  readonly recordDelay: number;
  readonly user: UserRender | null;
  readonly sourceIp: string;
  /** JSON literal of `request`: `"…escaped…"` or `null`. */
  readonly requestJson: string;
  /** JSON literal of `response`. */
  readonly responseJson: string;
  readonly code: string;
  readonly apiVersion: string;
  readonly requestId: string;
  /** JSON literal of `location_info`. */
  readonly locationInfoJson: string;
  /** JSON literal of `endpoint`. */
  readonly endpointJson: string;
  /** JSON literal of `resource_url`. */
  readonly resourceUrlJson: string;
  readonly enterpriseProjectId: string;
  readonly readOnly: boolean;
  readonly operationId: string;
  readonly projectId: string;
  readonly domainId: string;
  readonly region: string;
  /** 100 ns ticks within the ms for the trace id. */
  readonly subMs: number;
  /** `-cccc-nnnnnnnnnnnn` of the trace id. */
  readonly uuidTail: string;
  readonly label: LabelTracker | null;
}

/** The generator's {@link TraceEvent}: plain fields plus pre-rendered fragments. */
export class GeneratedTrace implements TraceEvent {
  readonly traceId: string;
  readonly traceName: string;
  readonly traceRating: TraceRating;
  readonly traceType: TraceSource;
  readonly serviceType: string;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly resourceName: string;
  readonly userName: string | null;
  readonly accessKeyId: string | null;
  readonly enterpriseProjectId: string;
  readonly code: string;
  readonly time: number;
  readonly recordTime: number;
  readonly projectId: string;
  readonly domainId: string;
  readonly region: string;
  readonly trackerName = "system";
  readonly user: UserRender | null;
  readonly sourceIp: string;
  readonly requestJson: string;
  readonly responseJson: string;
  readonly apiVersion: string;
  readonly requestId: string;
  readonly locationInfoJson: string;
  readonly endpointJson: string;
  readonly resourceUrlJson: string;
  readonly readOnly: boolean;
  readonly operationId: string;
  readonly subMs: number;
  readonly uuidTail: string;
  readonly label: LabelTracker | null;

  constructor(p: TraceParts) {
    this.traceId = uuidV1(p.time, p.subMs, p.uuidTail);
    this.traceName = p.traceName;
    this.traceRating = p.traceRating;
    this.traceType = p.traceType;
    this.serviceType = p.serviceType;
    this.resourceType = p.resourceType;
    this.resourceId = p.resourceId;
    this.resourceName = p.resourceName;
    this.userName = p.user === null ? null : p.user.name;
    this.accessKeyId = p.user === null ? null : p.user.accessKeyId;
    this.enterpriseProjectId = p.enterpriseProjectId;
    this.code = p.code;
    this.time = p.time;
    this.recordTime = p.time + p.recordDelay;
    this.projectId = p.projectId;
    this.domainId = p.domainId;
    this.region = p.region;
    this.user = p.user;
    this.sourceIp = p.sourceIp;
    this.requestJson = p.requestJson;
    this.responseJson = p.responseJson;
    this.apiVersion = p.apiVersion;
    this.requestId = p.requestId;
    this.locationInfoJson = p.locationInfoJson;
    this.endpointJson = p.endpointJson;
    this.resourceUrlJson = p.resourceUrlJson;
    this.readOnly = p.readOnly;
    this.operationId = p.operationId;
    this.subMs = p.subMs;
    this.uuidTail = p.uuidTail;
    this.label = p.label;
  }

  /** The trace as a ListTraces object. */
  toApiTrace(): ApiTrace {
    return JSON.parse(encodeApiTraceJson(this)) as ApiTrace;
  }

  /** The same trace at another time; `record_time` keeps its delay, the id follows. */
  at(time: number): GeneratedTrace {
    return new GeneratedTrace({ ...this, time, recordDelay: this.recordTime - this.time });
  }
}
