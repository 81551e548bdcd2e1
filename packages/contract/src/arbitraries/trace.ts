import {
  type ApiTrace,
  DEFAULT_REVISION,
  MANAGEMENT_TRACE_SOURCES,
  type ObsTrace,
  operationsOf,
  type Revision,
  TRACE_RATINGS,
  type TraceRating,
  toObsTrace,
} from "@ctsim/catalog";
import fc from "fast-check";
import { uuidV1, uuidV1PartsArbitrary } from "./trace-id.js";
import { hexIdArbitrary, userInfoArbitrary } from "./user-info.js";

/** Options of {@link apiTraceArbitrary} and {@link obsTraceArbitrary}. */
export interface TraceArbitraryOptions {
  /** Catalog revision whose operations traces record. Default: `DEFAULT_REVISION`. */
  readonly revision?: Revision;
  /** `service_type` of every trace. Default `"ModelArts"` (reference, Uncertain 11). */
  readonly serviceType?: string;
  /** Range of `time`, epoch ms inclusive. Default 2024-01-01 to 2025-12-31 (no wall clock). */
  readonly timeRange?: { readonly min: number; readonly max: number };
}

const DEFAULT_TIME_RANGE = { min: Date.UTC(2024, 0, 1), max: Date.UTC(2025, 11, 31) } as const;

/** HTTP status texts consistent with each rating: success, failure, serious failure. */
const CODES_BY_RATING = {
  normal: ["200", "201", "202", "204"],
  warning: ["400", "401", "403", "404", "409", "500"],
  incident: ["500", "502", "503"],
} as const satisfies Record<TraceRating, readonly string[]>;

/**
 * A trace in the ListTraces (API) shape, built from a catalog operation: its `trace_name` and
 * `resource_type`, a time-based `trace_id` matching `time`, a `code` consistent with
 * `trace_rating`, no `user` or `source_ip` for `SystemAction`, `read_only` for `get*`/`list*`.
 * Optional fields come and go; every value passes `validatorFor("ApiTrace")`.
 *
 * @example
 * fc.assert(fc.property(apiTraceArbitrary(), (t) => validatorFor("ApiTrace").check(t)));
 */
export function apiTraceArbitrary(options: TraceArbitraryOptions = {}): fc.Arbitrary<ApiTrace> {
  const operations = operationsOf(options.revision ?? DEFAULT_REVISION);
  const serviceType = options.serviceType ?? "ModelArts";
  const range = options.timeRange ?? DEFAULT_TIME_RANGE;
  const core = fc.record({
    operation: fc.constantFrom(...operations),
    source: fc.constantFrom(...MANAGEMENT_TRACE_SOURCES),
    rating: fc.constantFrom(...TRACE_RATINGS),
    codeIndex: fc.nat(),
    time: fc.integer(range),
    delay: fc.integer({ min: 0, max: 60_000 }),
    user: userInfoArbitrary(),
    ip: fc.ipV4(),
    id: uuidV1PartsArbitrary,
  });
  const optional = fc.record(
    {
      resource_id: fc.uuid(),
      resource_name: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{2,30}$/), fc.constant("-")),
      request: fc.oneof(fc.json({ maxDepth: 2 }), fc.constant(""), fc.constant(null)),
      response: fc.oneof(fc.json({ maxDepth: 2 }), fc.constant(null)),
      api_version: fc.constantFrom("v1", "v2"),
      message: fc.constant(null),
      request_id: hexIdArbitrary(),
      location_info: fc.constantFrom("", "ModelArts.0104"),
      enterprise_project_id: fc.oneof(fc.constant("0"), fc.uuid()),
      operation_id: fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{3,30}$/),
      code: fc.constant(true),
    },
    { requiredKeys: [] },
  );
  return fc.tuple(core, optional).map(([c, rest]): ApiTrace => {
    const system = c.source === "SystemAction";
    const codes = CODES_BY_RATING[c.rating];
    const { code, ...fields } = rest;
    const name = c.operation.traceName;
    return {
      trace_id: uuidV1(c.time, c.id.sub, c.id.clockSeq, c.id.node),
      trace_name: name,
      trace_rating: c.rating,
      trace_type: c.source,
      service_type: serviceType,
      resource_type: c.operation.resourceType,
      time: c.time,
      record_time: c.time + c.delay,
      user: system ? null : c.user,
      source_ip: system ? "" : c.ip,
      read_only: /^(get|list)/i.test(name),
      ...(code ? { code: codes[c.codeIndex % codes.length] ?? "200" } : {}),
      ...fields,
    };
  });
}

/**
 * A trace in the OBS trace-file shape (reference §7.1): the API shape converted by the
 * catalog's `toObsTrace`, with a random `project_id`.
 *
 * @example
 * fc.assert(fc.property(obsTraceArbitrary(), (t) => validatorFor("ObsTrace").check(t)));
 */
export function obsTraceArbitrary(options: TraceArbitraryOptions = {}): fc.Arbitrary<ObsTrace> {
  return fc
    .tuple(apiTraceArbitrary(options), hexIdArbitrary())
    .map(([trace, projectId]) => toObsTrace(trace, { projectId }));
}
