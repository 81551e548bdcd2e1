import {
  ContractError,
  ContractErrorCode,
  type PropertyResult,
  type ProviderCredentials,
  runProviderContract,
} from "@ctsim/contract";
import { Command } from "commander";
import { CliError, CliErrorCode, usageError } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";
import { parseInteger } from "../internal/parse-values.js";
import type { CommandFactory } from "../program.js";

interface RawContractOptions {
  readonly baseUrl: string;
  readonly projectId?: string;
  readonly ak?: string;
  readonly sk?: string;
  readonly token?: string;
  readonly runs: string;
  readonly seed?: string;
  readonly readOnly?: true;
  readonly only?: string;
}

/**
 * `ctsim contract`: runs the provider contract suite against a CTS endpoint (the mock, the real
 * service, a proxy) and prints one line per property, with the shrunk counterexample of each
 * failure. Exit code 1 when a property fails, 2 for usage errors.
 *
 * @example
 * ctsim contract --base-url http://127.0.0.1:9000 --project-id p1 --ak AK --sk SK --runs 50 --seed 7
 */
export const contractCommand: CommandFactory = (io: CliIo): Command =>
  new Command("contract")
    .description("Check a CTS endpoint against the provider contract (property-based).")
    .requiredOption("--base-url <url>", "base URL of the provider, e.g. http://127.0.0.1:9000")
    .option("--project-id <id>", "project id in /v3/{project_id}/... (default: the kit's default)")
    .option("--ak <ak>", "access key id to sign requests with (needs --sk)")
    .option("--sk <sk>", "secret access key (or set CTSIM_SK)")
    .option("--token <token>", "IAM token sent as X-Auth-Token")
    .option("--runs <n>", "runs per property", "25")
    .option("--seed <n>", "fast-check seed, to replay a failure")
    .option("--read-only", "skip the properties that change trackers, notifications and tags")
    .option("--only <ids>", "comma-separated property ids or prefixes, e.g. paging/,filters/")
    .action(async (raw: RawContractOptions) => {
      const sk = raw.sk ?? io.env.CTSIM_SK;
      const credentials = parseCredentials(raw.ak, sk, raw.token);
      const numRuns = parseInteger(raw.runs, "--runs", 1);
      const seed = raw.seed === undefined ? undefined : parseInteger(raw.seed, "--seed");
      let failed = 0;
      try {
        const report = await runProviderContract({
          baseUrl: raw.baseUrl,
          numRuns,
          ...(raw.projectId === undefined ? {} : { projectId: raw.projectId }),
          ...(credentials === undefined ? {} : { credentials }),
          ...(seed === undefined ? {} : { seed }),
          ...(raw.readOnly ? { readOnly: true } : {}),
          ...(raw.only === undefined ? {} : { only: raw.only.split(",").filter(Boolean) }),
          onResult: (result) => io.stdout.write(formatResult(result)),
        });
        failed = report.results.filter((r) => r.status === "failed").length;
        const passed = report.results.filter((r) => r.status === "passed").length;
        io.stdout.write(
          `${report.results.length} properties: ${passed} passed, ${failed} failed\n`,
        );
      } catch (error) {
        if (error instanceof ContractError && error.code === ContractErrorCode.options)
          throw usageError(error.message);
        if (error instanceof ContractError)
          throw new CliError(CliErrorCode.failed, error.message, { cause: error });
        throw error;
      }
      if (failed > 0)
        throw new CliError(
          CliErrorCode.failed,
          `${failed} contract ${failed === 1 ? "property" : "properties"} failed`,
        );
    });

function parseCredentials(
  ak: string | undefined,
  sk: string | undefined,
  token: string | undefined,
): ProviderCredentials | undefined {
  if (token !== undefined && (ak !== undefined || sk !== undefined))
    throw usageError("give either --ak/--sk or --token, not both");
  if (token !== undefined) return { token };
  if (ak === undefined && sk === undefined) return undefined;
  if (ak === undefined || sk === undefined)
    throw usageError("--ak and --sk go together (the SK may come from CTSIM_SK)");
  return { ak, sk };
}

function formatResult(result: PropertyResult): string {
  const label = { passed: "PASS", failed: "FAIL", skipped: "SKIP" }[result.status];
  const runs = result.status === "skipped" ? "not applicable" : `${result.numRuns} runs`;
  const line = `${label} ${result.id}  ${result.title} (${runs})\n`;
  if (result.status !== "failed") return line;
  return [
    line,
    `     counterexample: ${result.counterexample}\n`,
    `     error: ${result.error}\n`,
    `     replay: --seed ${result.seed} --only ${result.id}\n`,
  ].join("");
}
