import { ingesterSuite } from "../properties/consumer-ingest.js";
import type { IngesterOptions } from "../properties/consumer-ingest-options.js";
import type { ConsumerOptions } from "../properties/consumer-options.js";
import { consumerSuite } from "../properties/consumer-suite.js";
import type { CheckSettings } from "../properties/contract-property.js";
import type { ProviderOptions } from "../properties/provider-options.js";
import { type ContractSuite, providerSuite } from "../properties/provider-suite.js";

/** How many runs, which seed, which properties. */
export interface RunOptions {
  /** Runs per property. Default 25. */
  readonly numRuns?: number;
  /** Seed for every property; default: fast-check picks one (reported per property). */
  readonly seed?: number;
  /** Run only properties whose id equals or starts with one of these (e.g. `"paging/"`). Default: all. */
  readonly only?: readonly string[];
  /** Called after each property, e.g. to print progress. */
  readonly onResult?: (result: PropertyResult) => void;
}

/** The verdict on one property of a run. */
export interface PropertyResult {
  readonly id: string;
  readonly title: string;
  /** `skipped` when the property does not apply (e.g. auth without credentials, models when read-only). */
  readonly status: "passed" | "failed" | "skipped";
  readonly numRuns: number;
  /** Seed to replay with; `null` when skipped. */
  readonly seed: number | null;
  /** fast-check's replay path; `null` unless failed. */
  readonly path: string | null;
  /** The shrunk counterexample; `null` unless failed. */
  readonly counterexample: string | null;
  /** What the counterexample broke; `null` unless failed. */
  readonly error: string | null;
}

/** Every property's verdict; `passed` when none failed. */
export interface ContractReport {
  readonly passed: boolean;
  readonly results: readonly PropertyResult[];
}

/**
 * Sets a suite up and checks its properties one after the other.
 *
 * @throws {ContractError} from the suite's setup (`CTSIM_CONTRACT_UNREACHABLE`, `CTSIM_CONTRACT_SETUP`).
 * @example
 * const report = await runContract(providerSuite({ baseUrl }), { numRuns: 10, seed: 42 });
 */
export async function runContract<Context>(
  suite: ContractSuite<Context>,
  options: RunOptions = {},
): Promise<ContractReport> {
  const settings: CheckSettings = { numRuns: options.numRuns ?? 25, seed: options.seed };
  const context = await suite.setup();
  const selected = suite.properties.filter(
    (property) =>
      options.only === undefined ||
      options.only.some((id) => property.id === id || property.id.startsWith(id)),
  );
  const results: PropertyResult[] = [];
  for (const property of selected) {
    let result: PropertyResult;
    if (!property.appliesTo(context)) {
      result = {
        id: property.id,
        title: property.title,
        status: "skipped",
        numRuns: 0,
        seed: null,
        path: null,
        counterexample: null,
        error: null,
      };
    } else {
      const outcome = await property.check(context, settings);
      result = {
        id: property.id,
        title: property.title,
        status: outcome.passed ? "passed" : "failed",
        numRuns: outcome.numRuns,
        seed: outcome.seed,
        path: outcome.path,
        counterexample: outcome.counterexample,
        error: outcome.error,
      };
    }
    results.push(result);
    options.onResult?.(result);
  }
  return { passed: results.every((result) => result.status !== "failed"), results };
}

/**
 * Runs the provider suite against one CTS endpoint.
 *
 * @throws {ContractError} `CTSIM_CONTRACT_OPTIONS`, `CTSIM_CONTRACT_UNREACHABLE` or `CTSIM_CONTRACT_SETUP`.
 * @example
 * const report = await runProviderContract({ baseUrl: "http://127.0.0.1:9000", credentials: { ak, sk }, seed: 1 });
 * for (const r of report.results) console.log(r.status, r.id, r.counterexample ?? "");
 */
export function runProviderContract(
  options: ProviderOptions & RunOptions,
): Promise<ContractReport> {
  return runContract(providerSuite(options), options);
}

/**
 * Runs the consumer suite against a function that reads traces.
 *
 * @throws {ContractError} `CTSIM_CONTRACT_OPTIONS` when `consume` is missing.
 * @example
 * const report = await runConsumerContract({ consume: (trace) => toSiemEvent(trace), invalid: "throw" });
 */
export function runConsumerContract(
  options: ConsumerOptions & RunOptions,
): Promise<ContractReport> {
  return runContract(consumerSuite(options), options);
}

/**
 * Runs the ingester suite: one timeline's events as API pages, OBS files and notifications,
 * interleaved and duplicated, must be stored once each.
 *
 * @throws {ContractError} `CTSIM_CONTRACT_OPTIONS` when `create` is missing.
 * @example
 * const report = await runIngesterContract({ create: () => new MyIngester(), numRuns: 50 });
 */
export function runIngesterContract(
  options: IngesterOptions & RunOptions,
): Promise<ContractReport> {
  return runContract(ingesterSuite(options), options);
}
