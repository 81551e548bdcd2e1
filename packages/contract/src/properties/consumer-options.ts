import type { Revision } from "@ctsim/catalog";
import { ContractError, ContractErrorCode } from "../contract-error.js";

/** How a consumer reports a record it cannot use. */
export const INVALID_REPORTING = ["return", "throw", "either"] as const satisfies readonly string[];

/** One of {@link INVALID_REPORTING}: resolve with an `Error`, throw/reject with an `Error`, or either. */
export type InvalidReporting = (typeof INVALID_REPORTING)[number];

/** Wire shapes of a trace: the ListTraces shape and the OBS trace-file shape. */
export type TraceShape = "api" | "obs";

/** The consumer under test and how it is expected to behave. */
export interface ConsumerOptions {
  /** The code that reads traces: a parser, a normaliser, a SIEM mapper. */
  readonly consume: (trace: unknown) => unknown;
  /** How it reports invalid records. Default `"either"`. */
  readonly invalid?: InvalidReporting;
  /** Shapes it must accept. Default both. */
  readonly shapes?: readonly TraceShape[];
  /** Where its output keeps the trace id; `undefined` = no id. Default: `trace_id`, `traceId` or `id` of an object output. */
  readonly idOf?: (output: unknown) => unknown;
  /** Catalog revision traces are built from. Default: `DEFAULT_REVISION`. */
  readonly revision?: Revision;
  /** Count a thrown `TypeError`/`ReferenceError`/`RangeError` as a report rather than a crash. Default `false`. */
  readonly engineErrorsAreReports?: boolean;
}

/** {@link ConsumerOptions} with defaults filled in. */
export interface ResolvedConsumerOptions {
  readonly consume: (trace: unknown) => unknown;
  readonly invalid: InvalidReporting;
  readonly shapes: readonly TraceShape[];
  readonly idOf: (output: unknown) => unknown;
  readonly revision: Revision | undefined;
  readonly engineErrorsAreReports: boolean;
}

/**
 * Fills the defaults of {@link ConsumerOptions}.
 *
 * @throws {ContractError} `CTSIM_CONTRACT_OPTIONS` when `consume` is not a function or `shapes` is empty.
 */
export function resolveConsumerOptions(options: ConsumerOptions): ResolvedConsumerOptions {
  if (typeof options.consume !== "function") {
    throw new ContractError(
      ContractErrorCode.options,
      "consume must be a function (trace: unknown) => unknown",
    );
  }
  const shapes = options.shapes ?? ["api", "obs"];
  if (shapes.length === 0)
    throw new ContractError(ContractErrorCode.options, "shapes must name at least one of api, obs");
  return {
    consume: options.consume,
    invalid: options.invalid ?? "either",
    shapes,
    idOf: options.idOf ?? defaultIdOf,
    revision: options.revision,
    engineErrorsAreReports: options.engineErrorsAreReports ?? false,
  };
}

function defaultIdOf(output: unknown): unknown {
  if (typeof output !== "object" || output === null) return undefined;
  const record = output as Record<string, unknown>;
  return record.trace_id ?? record.traceId ?? record.id;
}
