import { beforeAll, describe, it } from "vitest";
import type { ConsumerOptions } from "./properties/consumer-options.js";
import { CONSUMER_PROPERTIES, consumerSuite } from "./properties/consumer-suite.js";
import type { CheckSettings, ContractProperty } from "./properties/contract-property.js";
import type { ProviderOptions } from "./properties/provider-options.js";
import {
  type ContractSuite,
  PROVIDER_PROPERTIES,
  providerSuite,
} from "./properties/provider-suite.js";

/** How the suite is laid out as vitest tests. */
export interface VitestSuiteOptions {
  /** Name of the `describe` block. Default `"CTS provider contract"` / `"CTS consumer contract"`. */
  readonly name?: string;
  /** Runs per property. Default 25. */
  readonly numRuns?: number;
  /** fast-check seed; default: a new one each time (printed on failure). */
  readonly seed?: number;
  /** Timeout of each property's test, ms. Default 120 000. */
  readonly timeout?: number;
}

/** Options, or a function giving them once `beforeAll` runs (when the provider starts in a hook). */
export type Deferred<T> = T | (() => T | Promise<T>);

/**
 * Declares one vitest test per provider property. Inapplicable properties (auth without
 * credentials, models when `readOnly`) are skipped at run time.
 *
 * @example
 * let server: { url: string; close(): Promise<void> };
 * beforeAll(async () => { server = await startMyProvider(); });
 * describeCtsProvider(() => ({ baseUrl: server.url, projectId: "p1", numRuns: 20 }));
 */
export function describeCtsProvider(options: Deferred<ProviderOptions & VitestSuiteOptions>): void {
  const name = typeof options === "function" ? undefined : options.name;
  describeSuite(name ?? "CTS provider contract", options, PROVIDER_PROPERTIES, providerSuite);
}

/**
 * Declares one vitest test per consumer property.
 *
 * @example
 * describeCtsConsumer({ consume: (trace) => normalise(trace), invalid: "return" });
 */
export function describeCtsConsumer(options: Deferred<ConsumerOptions & VitestSuiteOptions>): void {
  const name = typeof options === "function" ? undefined : options.name;
  describeSuite(name ?? "CTS consumer contract", options, CONSUMER_PROPERTIES, consumerSuite);
}

function describeSuite<O extends VitestSuiteOptions, Context>(
  name: string,
  options: Deferred<O>,
  properties: readonly ContractProperty<Context>[],
  makeSuite: (options: O) => ContractSuite<Context>,
): void {
  describe(name, () => {
    let prepared: Promise<{ context: Context; settings: CheckSettings }> | undefined;
    beforeAll(() => {
      prepared = (async () => {
        const resolved = typeof options === "function" ? await options() : options;
        const context = await makeSuite(resolved).setup();
        return { context, settings: { numRuns: resolved.numRuns ?? 25, seed: resolved.seed } };
      })();
      // Setup failures surface in each test, not as an unhandled rejection.
      prepared.catch(() => undefined);
    });
    const timeout = typeof options === "function" ? 120_000 : (options.timeout ?? 120_000);
    for (const property of properties) {
      it(`${property.id}: ${property.title}`, { timeout }, async (test) => {
        if (!prepared) throw new Error("the suite's beforeAll did not run");
        const { context, settings } = await prepared;
        if (!property.appliesTo(context)) return test.skip();
        const outcome = await property.check(context, settings);
        if (!outcome.passed) throw new Error(outcome.report ?? outcome.error ?? "property failed");
      });
    }
  });
}
