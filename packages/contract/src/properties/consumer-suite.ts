import fc from "fast-check";
import { generatedTraceArbitrary } from "../arbitraries/generated-trace.js";
import {
  API_TRACE_REQUIRED,
  invalidTraceArbitrary,
  OBS_TRACE_REQUIRED,
} from "../arbitraries/invalid-trace.js";
import { apiTraceArbitrary, obsTraceArbitrary } from "../arbitraries/trace.js";
import {
  type ConsumerOptions,
  type ResolvedConsumerOptions,
  resolveConsumerOptions,
} from "./consumer-options.js";
import { type ContractProperty, checkAsyncProperty } from "./contract-property.js";
import { ContractViolation, ensure } from "./contract-violation.js";
import type { ContractSuite } from "./provider-suite.js";

type Outcome =
  | { readonly threw: false; readonly value: unknown }
  | { readonly threw: true; readonly error: unknown };

async function consumeSafely(options: ResolvedConsumerOptions, record: unknown): Promise<Outcome> {
  try {
    return { threw: false, value: await options.consume(record) };
  } catch (error) {
    return { threw: true, error };
  }
}

/** Valid traces of the configured shapes: built field by field from the catalog (3 in 4, shrink well) or taken from the generator's timeline. */
function validTraces(options: ResolvedConsumerOptions): fc.Arbitrary<Record<string, unknown>> {
  const arbitraryOptions = options.revision === undefined ? {} : { revision: options.revision };
  const shapes = options.shapes.flatMap((shape) => [
    {
      weight: 3,
      arbitrary: (shape === "api"
        ? apiTraceArbitrary(arbitraryOptions)
        : obsTraceArbitrary(arbitraryOptions)) as fc.Arbitrary<Record<string, unknown>>,
    },
    { weight: 1, arbitrary: generatedTraceArbitrary({ shape, ...arbitraryOptions }) },
  ]);
  return fc.oneof(...shapes);
}

/** Errors the engine raises when code trips over a value it did not expect: crashes, not reports. */
function isEngineError(error: unknown): boolean {
  return (
    error instanceof TypeError || error instanceof ReferenceError || error instanceof RangeError
  );
}

function isObsShape(trace: Record<string, unknown>): boolean {
  return "tracker_name" in trace && "event_type" in trace;
}

async function expectAccepted(options: ResolvedConsumerOptions, record: unknown): Promise<unknown> {
  const outcome = await consumeSafely(options, record);
  if (outcome.threw)
    throw new ContractViolation(`threw on a valid record: ${String(outcome.error)}`);
  ensure(
    !(outcome.value instanceof Error),
    () => `reported a valid record as invalid: ${(outcome.value as Error).message}`,
  );
  return outcome.value;
}

function property(
  id: string,
  title: string,
  build: (options: ResolvedConsumerOptions) => fc.IAsyncProperty<[unknown]>,
): ContractProperty<ResolvedConsumerOptions> {
  return {
    id,
    title,
    appliesTo: () => true,
    check: (options, settings) => checkAsyncProperty(build(options), settings),
  };
}

/** Every property of the consumer suite. */
export const CONSUMER_PROPERTIES: readonly ContractProperty<ResolvedConsumerOptions>[] = [
  property("consumer/accepts-valid", "never throws on a valid record of either shape", (options) =>
    fc.asyncProperty(validTraces(options) as fc.Arbitrary<unknown>, async (trace) => {
      await expectAccepted(options, trace);
    }),
  ),
  property(
    "consumer/tolerates-missing-optional",
    "tolerates records without their optional fields",
    (options) =>
      fc.asyncProperty(
        fc
          .tuple(validTraces(options), fc.array(fc.nat(), { maxLength: 30 }))
          .map(([trace, drops]) => {
            const required = isObsShape(trace) ? OBS_TRACE_REQUIRED : API_TRACE_REQUIRED;
            const optional = Object.keys(trace).filter((key) => !required.includes(key));
            const dropped = new Set(
              drops.map((index) => optional[index % Math.max(1, optional.length)]),
            );
            return Object.fromEntries(
              Object.entries(trace).filter(([key]) => !dropped.has(key)),
            ) as unknown;
          }),
        async (trace) => {
          await expectAccepted(options, trace);
        },
      ),
  ),
  property("consumer/tolerates-unknown-fields", "tolerates unknown extra fields", (options) =>
    fc.asyncProperty(
      fc
        .tuple(
          validTraces(options),
          fc.dictionary(fc.stringMatching(/^x_[a-z_]{1,12}$/), fc.jsonValue({ maxDepth: 2 }), {
            minKeys: 1,
            maxKeys: 4,
          }),
        )
        .map(([trace, extra]) => ({ ...extra, ...trace }) as unknown),
      async (trace) => {
        await expectAccepted(options, trace);
      },
    ),
  ),
  property("consumer/keeps-trace-id", "keeps trace_id identity in what it returns", (options) =>
    fc.asyncProperty(validTraces(options) as fc.Arbitrary<unknown>, async (trace) => {
      const output = await expectAccepted(options, trace);
      const id = options.idOf(output);
      const expected = (trace as { trace_id: string }).trace_id;
      ensure(
        id === undefined || id === expected,
        () => `returned id ${String(id)} for trace_id ${expected}`,
      );
    }),
  ),
  property(
    "consumer/reports-invalid",
    "reports invalid records as errors instead of crashing",
    (options) =>
      fc.asyncProperty(
        invalidTraceArbitrary(
          options.revision === undefined ? {} : { revision: options.revision },
        ) as fc.Arbitrary<unknown>,
        async (invalid) => {
          const { kind, record } = invalid as { kind: string; record: unknown };
          const outcome = await consumeSafely(options, record);
          if (outcome.threw) {
            ensure(
              options.invalid !== "return",
              () => `${kind}: threw instead of returning an Error: ${String(outcome.error)}`,
            );
            ensure(
              outcome.error instanceof Error,
              () => `${kind}: threw a non-Error: ${String(outcome.error)}`,
            );
            ensure(
              options.engineErrorsAreReports || !isEngineError(outcome.error),
              () =>
                `${kind}: crashed with ${String(outcome.error)} instead of reporting the record`,
            );
            return;
          }
          ensure(
            options.invalid !== "throw" || !(outcome.value instanceof Error),
            () => `${kind}: returned an Error instead of throwing`,
          );
          ensure(
            outcome.value instanceof Error,
            () =>
              `${kind}: accepted an invalid record and returned ${fc.stringify(outcome.value).slice(0, 120)}`,
          );
        },
      ),
  ),
];

/**
 * The consumer suite for code that reads traces.
 *
 * @throws {ContractError} `CTSIM_CONTRACT_OPTIONS` for unusable options.
 * @example
 * const suite = consumerSuite({ consume: (t) => myParser.parse(t), invalid: "throw" });
 */
export function consumerSuite(options: ConsumerOptions): ContractSuite<ResolvedConsumerOptions> {
  const resolved = resolveConsumerOptions(options);
  return { setup: async () => resolved, properties: CONSUMER_PROPERTIES };
}
