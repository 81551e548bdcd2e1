import { createInterface } from "node:readline";
import { type CorpusStats, type CorpusStatsOptions, createCorpusStats } from "@ctsim/generator";
import { CliError, CliErrorCode } from "../cli-error.js";
import type { ValidateInput } from "../validate/open-input.js";

/**
 * Reads `input` line by line into the corpus report (one line in memory at a time, plus the
 * report's bounded maps).
 *
 * @throws CliError (input, exit 1) when reading fails part-way
 * @example
 * const stats = await readCorpusStats(await openInput("-", io), {});
 */
export async function readCorpusStats(
  input: ValidateInput,
  options: CorpusStatsOptions,
): Promise<CorpusStats> {
  const stats = createCorpusStats(options);
  const lines = createInterface({ input: input.stream, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  try {
    for await (const line of lines) stats.push(line, ++lineNumber);
  } catch (error) {
    throw new CliError(
      CliErrorCode.input,
      `cannot read ${input.name}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return stats.finish();
}
