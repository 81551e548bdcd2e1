import { ContractError, ContractErrorCode } from "../contract-error.js";

/**
 * One delivery reaching an ingester, on one of CTS's three channels: a ListTraces answer page
 * (`api`), an OBS trace file's decompressed content, a JSON array (`obs`), or a key-event
 * notification: an SMN HTTP(S) message with its headers (`smn`) or a FunctionGraph CTS-trigger
 * event (`fun`). Bodies are JSON text as they arrive.
 */
export type IngestDelivery =
  | { readonly channel: "api"; readonly body: string }
  | { readonly channel: "obs"; readonly name: string; readonly body: string }
  | {
      readonly channel: "smn";
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
    }
  | { readonly channel: "fun"; readonly body: string };

/** The consumer's ingester under test: takes deliveries, reports what it stored. */
export interface Ingester {
  /** Takes one delivery; may be async. */
  ingest(delivery: IngestDelivery): unknown;
  /** The `trace_id` of every event stored, once per stored copy. */
  stored(): readonly string[] | Promise<readonly string[]>;
}

/** The ingester suite's options. */
export interface IngesterOptions {
  /** Makes a fresh, empty ingester (one per run). */
  readonly create: () => Ingester | Promise<Ingester>;
  /** Most events of one run. Default 30. */
  readonly maxEvents?: number;
  /**
   * Signs SMN strings to sign (base64), if the ingester checks signatures. Default: a fixed
   * `"ctsim-contract-unsigned"` (the contract kit has no key; see `@ctsim/mock/node`'s signer).
   */
  readonly signSmn?: (stringToSign: string) => string;
}

/** {@link IngesterOptions} with defaults filled in. */
export interface ResolvedIngesterOptions {
  readonly create: () => Ingester | Promise<Ingester>;
  readonly maxEvents: number;
  readonly signSmn: (stringToSign: string) => string;
}

/**
 * Fills the defaults of {@link IngesterOptions}.
 *
 * @throws {ContractError} `CTSIM_CONTRACT_OPTIONS` when `create` is not a function or `maxEvents` is not a positive integer.
 */
export function resolveIngesterOptions(options: IngesterOptions): ResolvedIngesterOptions {
  if (typeof options.create !== "function")
    throw new ContractError(ContractErrorCode.options, "create must be a function () => Ingester");
  const maxEvents = options.maxEvents ?? 30;
  if (!Number.isInteger(maxEvents) || maxEvents < 1)
    throw new ContractError(
      ContractErrorCode.options,
      `maxEvents must be a positive integer, got ${maxEvents}`,
    );
  return {
    create: options.create,
    maxEvents,
    signSmn: options.signSmn ?? (() => "ctsim-contract-unsigned"),
  };
}
