import type { Revision } from "@ctsim/catalog";
import { encodeApiTraceJson, encodeObsTraceJson, generateTraces } from "@ctsim/generator";
import fc from "fast-check";

/** Options of {@link generatedTraceArbitrary}. */
export interface GeneratedTraceArbitraryOptions {
  /** Wire shape: ListTraces (`api`) or OBS trace file (`obs`). Default `api`. */
  readonly shape?: "api" | "obs";
  /** Catalog revision of the timeline. Default: the generator's. */
  readonly revision?: Revision;
  /** The generator's clock, epoch ms. Default 2026-01-01T00:00:00Z (no wall clock). */
  readonly now?: number;
}

/**
 * A trace taken from `@ctsim/generator`'s seeded timeline, as its encoder writes it: realistic
 * sessions, users and resources rather than independent fields. Shrinking moves towards seed 1
 * and the first trace of the timeline; use {@link apiTraceArbitrary} when field-level shrinking
 * matters.
 *
 * @example
 * fc.sample(generatedTraceArbitrary({ shape: "obs" }), 1)[0].tracker_name; // "system"
 */
export function generatedTraceArbitrary(
  options: GeneratedTraceArbitraryOptions = {},
): fc.Arbitrary<Record<string, unknown>> {
  const encode = options.shape === "obs" ? encodeObsTraceJson : encodeApiTraceJson;
  const now = options.now ?? Date.UTC(2026, 0, 1);
  return fc
    .record({ seed: fc.integer({ min: 1, max: 0x7fffffff }), index: fc.nat({ max: 19 }) })
    .map(({ seed, index }) => {
      let chosen: Record<string, unknown> = {};
      let position = 0;
      const timeline = generateTraces({
        seed,
        now,
        count: index + 1,
        ...(options.revision ? { revision: options.revision } : {}),
      });
      for (const event of timeline) {
        if (position++ === index) chosen = JSON.parse(encode(event)) as Record<string, unknown>;
      }
      return chosen;
    });
}
