import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TraceStore } from "@ctsim/mock";
import { type CachedLoad, type CachedLoadOptions, loadStoreCached } from "@ctsim/mock/node";
import { formatTiming, type LoadTiming, measureLoad } from "./measure-load.js";

const HOUR = 3_600_000;

/** Options of {@link benchMovedHour}. */
export interface MovedHourOptions {
  /** `expectedCount` of the week (`ctsim serve --expected-count`). */
  readonly traces: number;
  /** Load workers (what `ctsim serve` picks). */
  readonly workers: number;
  /** Alternating rounds. */
  readonly rounds: number;
  /** The first window's end: a full hour, at most 21:00 UTC so `rounds` later hours share its run. */
  readonly end: number;
}

/**
 * What a start of `ctsim serve` costs when the clock moved to a new hour, in alternating rounds:
 * the new hour derived from the previous hour's snapshot, the same new hour built in full (what
 * every new hour cost before derivation; with the day-anchored run it is now cut from, and with
 * the window-anchored run of before), and a start within the same hour (loaded). Each derived
 * hour's snapshot is written (not timed) and serves the next round's derivation.
 */
export async function benchMovedHour(options: MovedHourOptions): Promise<void> {
  const { traces, workers, rounds } = options;
  const cacheDir = mkdtempSync(join(tmpdir(), "ctsim-mock-bench-moved-"));
  const base: Omit<CachedLoadOptions, "end"> = {
    seed: 1,
    days: 7,
    expectedCount: traces,
    workers,
    anchor: "day",
    cacheDir,
  };
  console.log(`\n## a new clock hour: ~${traces} traces, ${workers} worker(s), ${rounds} rounds`);
  const newStore = (end: number) => () => new TraceStore({ now: () => end });
  const run = async (name: string, end: number, load: Omit<CachedLoadOptions, "end">) => {
    let result: CachedLoad | undefined;
    const timing = await measureLoad(name, newStore(end), async (store) => {
      result = await loadStoreCached(store, { ...load, end });
    });
    const written = await result?.written;
    const derived = result?.derived;
    const open = `${result?.open.length ?? 0} sessions open at its end`;
    const how =
      derived === undefined
        ? `[${result?.source}; ${open}]`
        : `[derived${derived.resumed ? ", resumed" : ""}: kept ${derived.kept}, dropped ${derived.dropped}, generated ${derived.added}; ${open}]`;
    console.log(`${formatTiming(timing)} ${how}${written === true ? " (snapshot written)" : ""}`);
    return timing;
  };
  const first = await run("first hour: built, snapshot written", options.end, base);
  const figures: Record<string, LoadTiming[]> = { derived: [], rebuilt: [], window: [], same: [] };
  let end = options.end;
  for (let round = 0; round < rounds; round++) {
    end += HOUR;
    console.log(`round ${round + 1}: window ending ${new Date(end).toISOString()}`);
    figures.rebuilt?.push(
      await run("  new hour, rebuilt (day-anchored run)", end, { ...base, cacheDir: false }),
    );
    figures.window?.push(
      await run("  new hour, rebuilt (window run, as before)", end, {
        ...base,
        anchor: "window",
        cacheDir: false,
      }),
    );
    figures.derived?.push(await run("  new hour, derived from the hour before", end, base));
    figures.same?.push(await run("  same hour again, loaded", end, base));
  }
  rmSync(cacheDir, { recursive: true, force: true });
  const median = (list: readonly LoadTiming[]): string => {
    const sorted = list.map((t) => t.wallMs).sort((a, b) => a - b);
    return `${((sorted[Math.floor(sorted.length / 2)] ?? 0) / 1000).toFixed(1)} s`;
  };
  console.log(
    `medians: derived ${median(figures.derived ?? [])}, rebuilt ${median(figures.rebuilt ?? [])} (window run ${median(figures.window ?? [])}), same hour ${median(figures.same ?? [])}; first build ${(first.wallMs / 1000).toFixed(1)} s`,
  );
}
