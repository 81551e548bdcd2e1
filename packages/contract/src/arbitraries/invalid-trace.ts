import { ApiTraceSchema, ObsTraceSchema } from "@ctsim/catalog";
import fc from "fast-check";
import { apiTraceArbitrary, obsTraceArbitrary, type TraceArbitraryOptions } from "./trace.js";

/** How an invalid record is broken. */
export const INVALID_TRACE_KINDS = [
  "not-an-object",
  "missing-required-field",
  "wrong-type",
] as const satisfies readonly string[];

/** One of {@link INVALID_TRACE_KINDS}. */
export type InvalidTraceKind = (typeof INVALID_TRACE_KINDS)[number];

/** A record that is not a valid trace of either shape, and how it was broken. */
export interface InvalidTrace {
  readonly kind: InvalidTraceKind;
  readonly record: unknown;
}

/** Required fields of the API shape (reference §2.1 "always present"). */
export const API_TRACE_REQUIRED = (ApiTraceSchema.required ?? []) as readonly string[];
/** Required fields of the OBS shape. */
export const OBS_TRACE_REQUIRED = (ObsTraceSchema.required ?? []) as readonly string[];

const COMMON_REQUIRED = API_TRACE_REQUIRED.filter((field) => OBS_TRACE_REQUIRED.includes(field));

const wrongValue: Record<string, fc.Arbitrary<unknown>> = {
  trace_id: fc.oneof(fc.integer(), fc.constant(null), fc.constant({})),
  trace_name: fc.oneof(fc.integer(), fc.constant([])),
  time: fc.oneof(
    fc.constantFrom("yesterday", "", "2024-08-23T10:00:00Z"),
    fc.constant({}),
    fc.constant(null),
  ),
  record_time: fc.oneof(fc.constantFrom("later", ""), fc.constant([])),
  trace_rating: fc.oneof(fc.integer(), fc.constant({})),
  trace_type: fc.oneof(fc.integer(), fc.constant(true)),
  service_type: fc.oneof(fc.integer(), fc.constant([])),
  resource_type: fc.oneof(fc.integer(), fc.constant(false)),
};

/**
 * A record that is not a trace in either wire shape: a non-object (`null`, a number, a string, an
 * array), a valid trace with a required field removed, or one with a required field of the wrong
 * JSON type (e.g. `time: "yesterday"`).
 *
 * @example
 * fc.assert(fc.property(invalidTraceArbitrary(), ({ record }) => !validatorFor("ApiTrace").check(record)));
 */
export function invalidTraceArbitrary(
  options: TraceArbitraryOptions = {},
): fc.Arbitrary<InvalidTrace> {
  const valid = fc.oneof(apiTraceArbitrary(options), obsTraceArbitrary(options)) as fc.Arbitrary<
    Record<string, unknown>
  >;
  const notAnObject = fc
    .oneof(
      fc.constant(null),
      fc.integer(),
      fc.string(),
      fc.boolean(),
      fc.array(fc.integer(), { maxLength: 3 }),
    )
    .map((record) => ({ kind: "not-an-object" as const, record }));
  const missing = fc.tuple(valid, fc.constantFrom(...COMMON_REQUIRED)).map(([trace, field]) => {
    const { [field]: _removed, ...record } = trace;
    return { kind: "missing-required-field" as const, record };
  });
  const wrongType = fc
    .tuple(valid, fc.constantFrom(...Object.keys(wrongValue)))
    .chain(([trace, field]) =>
      (wrongValue[field] ?? fc.constant(null)).map((value) => ({
        kind: "wrong-type" as const,
        record: { ...trace, [field]: value },
      })),
    );
  return fc.oneof(notAnObject, missing, wrongType);
}
