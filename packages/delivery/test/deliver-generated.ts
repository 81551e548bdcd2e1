import { deliveredTraceOf, type TamperLabel, type TamperScenarioName } from "@ctsim/delivery";
import { createTransferWriter, type TransferStats } from "@ctsim/delivery/node";
import { generateTraces } from "@ctsim/generator";

/** Delivers a seeded timeline of `hours` hours (from 2024-08-23T08:00Z) with digests. */
export async function deliverGenerated(options: {
  readonly dir: string;
  readonly seed: number;
  readonly hours: number;
  readonly tamper?: readonly TamperScenarioName[];
  readonly cycleMs?: number;
}): Promise<{ stats: TransferStats; labels: TamperLabel[] }> {
  const from = Date.UTC(2024, 7, 23, 8, 0, 0);
  const to = from + options.hours * 3_600_000;
  const labels: TamperLabel[] = [];
  const writer = await createTransferWriter({
    dir: options.dir,
    seed: options.seed,
    digests: true,
    ...(options.cycleMs === undefined ? {} : { cycleMs: options.cycleMs }),
    ...(options.tamper === undefined ? {} : { tamper: options.tamper }),
    onLabel: (label) => labels.push(label),
  });
  for (const event of generateTraces({ seed: options.seed, from, to, now: to }))
    await writer.write(deliveredTraceOf(event));
  return { stats: await writer.close(), labels };
}
