import fc from "fast-check";

/** How many runs and which seed a property check uses. */
export interface CheckSettings {
  /** Runs per property. */
  readonly numRuns: number;
  /** Seed of fast-check's generator; `undefined` lets fast-check pick (and report) one. */
  readonly seed: number | undefined;
}

/** The verdict on one property: passed, or failed with its shrunk counterexample. */
export interface PropertyOutcome {
  readonly passed: boolean;
  /** Runs performed (fewer than asked when a failure ended the check). */
  readonly numRuns: number;
  /** The seed used; pass it back with `path` to replay the failure. */
  readonly seed: number;
  /** fast-check's replay path of the counterexample, when the property failed. */
  readonly path: string | null;
  /** The shrunk counterexample, printed with `fc.stringify`; `null` when the property passed. */
  readonly counterexample: string | null;
  /** What went wrong on the counterexample; `null` when the property passed. */
  readonly error: string | null;
  /** fast-check's full failure report (counterexample, seed, path, error); `null` when passed. */
  readonly report: string | null;
}

/**
 * One reusable property of a suite: an id, a one-line title, whether it applies to a given
 * context, and how to check it against that context.
 */
export interface ContractProperty<Context> {
  /** Stable id, `group/name`, e.g. `paging/each-trace-once`. */
  readonly id: string;
  /** What the property claims, in one line. */
  readonly title: string;
  /** Whether the property makes sense here (e.g. auth properties need credentials). */
  appliesTo(context: Context): boolean;
  /** Runs the property with fast-check and reports the verdict. */
  check(context: Context, settings: CheckSettings): Promise<PropertyOutcome>;
}

/** Runs an async fast-check property and turns its run details into a {@link PropertyOutcome}. */
export async function checkAsyncProperty<Ts>(
  property: fc.IAsyncProperty<Ts>,
  settings: CheckSettings,
): Promise<PropertyOutcome> {
  const details = await fc.check(property, {
    numRuns: settings.numRuns,
    ...(settings.seed === undefined ? {} : { seed: settings.seed }),
  });
  if (!details.failed) {
    return {
      passed: true,
      numRuns: details.numRuns,
      seed: details.seed,
      path: null,
      counterexample: null,
      error: null,
      report: null,
    };
  }
  return {
    passed: false,
    numRuns: details.numRuns,
    seed: details.seed,
    path: details.counterexamplePath,
    counterexample: details.counterexample === null ? null : fc.stringify(details.counterexample),
    error: describeError(details.errorInstance),
    report: fc.defaultReportMessage(details) ?? null,
  };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
