import type { EventType, TraceSource } from "../cts/enums.js";

/** Services outside ModelArts whose traces tell the same tenant's story: sign-ins and data. */
export const CONTEXT_SERVICES = ["IAM", "OBS"] as const;

/** One of {@link CONTEXT_SERVICES} (the traces' `service_type`). */
export type ContextService = (typeof CONTEXT_SERVICES)[number];

/**
 * One operation of IAM or OBS that CTS records, as Huawei's "operations recorded by CTS" pages
 * list it (operation text, resource type, trace name), with where its traces are kept: the
 * tracker type and the `event_type` of transferred files.
 */
export interface ContextOperation {
  /** `service_type` of its traces. */
  readonly service: ContextService;
  /** The operation as the source page describes it, e.g. "Login". */
  readonly operation: string;
  /** `resource_type` of its traces. */
  readonly resourceType: string;
  /** `trace_name`. */
  readonly traceName: string;
  /** `trace_type` values its traces carry. */
  readonly traceTypes: readonly TraceSource[];
  /** `system`: the management tracker; `data`: a data tracker (OBS object operations). */
  readonly tracker: "system" | "data";
  /** `event_type` in transferred trace files: `global` for global services such as IAM. */
  readonly eventType: EventType;
  /** HTTP status recorded in `code` when the operation happens as named. */
  readonly code: string;
  /** Where the row comes from (a documentation page). */
  readonly source: string;
  /** `false` where the source does not show the spelling or field ctsim uses (see the README). */
  readonly confirmed: boolean;
}
