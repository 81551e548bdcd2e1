import fc from "fast-check";
import { ingestWorldArbitrary } from "./consumer-ingest-deliveries.js";
import {
  type IngesterOptions,
  type ResolvedIngesterOptions,
  resolveIngesterOptions,
} from "./consumer-ingest-options.js";
import { type ContractProperty, checkAsyncProperty } from "./contract-property.js";
import { ContractViolation } from "./contract-violation.js";
import type { ContractSuite } from "./provider-suite.js";

/**
 * `ingest/each-event-once`: fed one timeline's events as API pages (with overlap), OBS trace
 * files (with at-least-once duplicates) and key-event notifications (SMN and FunctionGraph, some
 * sent twice), in a random interleaving, the ingester stores every event exactly once.
 */
export const INGEST_EACH_EVENT_ONCE: ContractProperty<ResolvedIngesterOptions> = {
  id: "ingest/each-event-once",
  title:
    "stores each event exactly once (by trace_id) when API pages, OBS files and notifications of the same events arrive interleaved, with duplicates",
  appliesTo: () => true,
  check: (options, settings) =>
    checkAsyncProperty(
      fc.asyncProperty(ingestWorldArbitrary(options.maxEvents, options.signSmn), async (world) => {
        const ingester = await options.create();
        for (const delivery of world.deliveries) await ingester.ingest(delivery);
        const stored = await ingester.stored();
        const counts = new Map<string, number>();
        for (const id of stored) counts.set(id, (counts.get(id) ?? 0) + 1);
        const twice = [...counts].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
        const missing = world.traceIds.filter((id) => !counts.has(id));
        const expected = new Set(world.traceIds);
        const foreign = [...counts.keys()].filter((id) => !expected.has(id));
        const problems = [
          twice.length > 0 ? `stored more than once: ${twice.slice(0, 3).join(", ")}` : "",
          missing.length > 0 ? `never stored: ${missing.slice(0, 3).join(", ")}` : "",
          foreign.length > 0
            ? `stored ids no delivery carried: ${foreign.slice(0, 3).join(", ")}`
            : "",
        ].filter((p) => p !== "");
        if (problems.length > 0)
          throw new ContractViolation(
            `${problems.join("; ")} (of ${world.traceIds.length} events in ${world.deliveries.length} deliveries)`,
          );
      }),
      settings,
    ),
};

/**
 * The ingester suite: one property, {@link INGEST_EACH_EVENT_ONCE}, for code that stores CTS
 * events from all three channels.
 *
 * @throws {ContractError} `CTSIM_CONTRACT_OPTIONS` for unusable options.
 * @example
 * const suite = ingesterSuite({ create: () => new MyIngester(db) });
 */
export function ingesterSuite(options: IngesterOptions): ContractSuite<ResolvedIngesterOptions> {
  const resolved = resolveIngesterOptions(options);
  return { setup: async () => resolved, properties: [INGEST_EACH_EVENT_ONCE] };
}
