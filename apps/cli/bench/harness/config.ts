/** What one run of the whole-process bench measures, read from the environment. */
export interface BenchConfig {
  /** Traces per timed run (`BENCH_COUNT`, default 1,000,000). */
  readonly count: number;
  /** Rounds; each row's figure is the median over them (`BENCH_ROUNDS`, default 3). */
  readonly rounds: number;
  /** Runs of `--help` and `node -e 0` per round (`BENCH_HELP_RUNS`, default 5). */
  readonly helpRuns: number;
  /** Traces of the first memory point (`BENCH_RSS_COUNT`, default 1,000,000). */
  readonly rssCount: number;
  /** Also a memory point at 10× `rssCount` (`BENCH_RSS_10X=1`; off by default: it takes long). */
  readonly rssTenfold: boolean;
  /**
   * The command that runs ctsim (`BENCH_CTSIM`, words split on spaces); by default the built
   * binary `node apps/cli/bin/ctsim.js`, built first.
   */
  readonly ctsim: readonly string[] | undefined;
}

const DEFAULTS = {
  count: 1_000_000,
  rounds: 3,
  helpRuns: 5,
  rssCount: 1_000_000,
} as const;

/**
 * Reads a {@link BenchConfig} from `env`.
 *
 * Errors: a `RangeError` naming the variable for a value that is not a positive integer.
 *
 * @example
 * parseBenchConfig({ BENCH_ROUNDS: "5" }).rounds; // 5
 */
export function parseBenchConfig(env: Readonly<Record<string, string | undefined>>): BenchConfig {
  const ctsim = env.BENCH_CTSIM?.trim();
  return {
    count: positive(env, "BENCH_COUNT", DEFAULTS.count),
    rounds: positive(env, "BENCH_ROUNDS", DEFAULTS.rounds),
    helpRuns: positive(env, "BENCH_HELP_RUNS", DEFAULTS.helpRuns),
    rssCount: positive(env, "BENCH_RSS_COUNT", DEFAULTS.rssCount),
    rssTenfold: flag(env, "BENCH_RSS_10X"),
    ctsim: ctsim === undefined || ctsim === "" ? undefined : ctsim.split(/\s+/),
  };
}

function positive(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
): number {
  const text = env[name]?.trim();
  if (text === undefined || text === "") return fallback;
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, not "${text}"`);
  return value;
}

function flag(env: Readonly<Record<string, string | undefined>>, name: string): boolean {
  const text = env[name]?.trim();
  if (text === undefined || text === "" || text === "0") return false;
  if (text === "1") return true;
  throw new RangeError(`${name} must be 0 or 1, not "${text}"`);
}
