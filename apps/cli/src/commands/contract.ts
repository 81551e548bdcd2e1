import {
  ContractError,
  ContractErrorCode,
  type PropertyResult,
  runProviderContract,
} from "@ctsim/contract";
import { Command } from "commander";
import { CliError, CliErrorCode, usageError } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";
import type { CommandFactory } from "../command-factory.js";
import { type ProviderFlags, providerTarget } from "../contract/provider-target.js";
import { parseInteger } from "../internal/parse-values.js";

interface RawContractOptions extends ProviderFlags {
  readonly runs: string;
  readonly seed?: string;
  readonly readOnly?: true;
  readonly only?: string;
  readonly allowEmpty?: true;
}

/**
 * `ctsim contract`: runs the provider contract suite against a CTS endpoint (the mock, the real
 * service, a proxy) and prints one line per property, with the shrunk counterexample of each
 * failure. A 429 or 503 with `Retry-After` is retried (at most 3 times a request, each wait at
 * most 10 s) and counted in the summary. A project with no traces in the window fails the run
 * (nothing would be checked) unless `--allow-empty`. Exit code 1 when a property fails, 2 for
 * usage errors.
 *
 * @example
 * ctsim contract --base-url http://127.0.0.1:9000 --project-id p1 --ak AK --sk SK --runs 50 --seed 7
 */
export const contractCommand: CommandFactory = (io: CliIo): Command =>
  new Command("contract")
    .description("Check a CTS endpoint against the provider contract (property-based).")
    .option(
      "--base-url <url>",
      "base URL of the provider, e.g. http://127.0.0.1:9000 (with --credentials: overrides its endpoint)",
    )
    .option(
      "--credentials <file>",
      "the file `ctsim serve --credentials` wrote: endpoint, project, keys (temporary and expired too) and a second account, so the gateway's cases are checked as well",
    )
    .option("--project-id <id>", "project id in /v3/{project_id}/... (default: the kit's default)")
    .option("--ak <ak>", "access key id to sign requests with (needs --sk)")
    .option("--sk <sk>", "secret access key (or set CTSIM_SK)")
    .option("--token <token>", "IAM token sent as X-Auth-Token")
    .option("--runs <n>", "runs per property", "25")
    .option("--seed <n>", "fast-check seed, to replay a failure")
    .option("--read-only", "skip the properties that change trackers, notifications and tags")
    .option("--only <ids>", "comma-separated property ids or prefixes, e.g. paging/,filters/")
    .option(
      "--allow-empty",
      "pass against a project with no traces in the window (by default that fails: nothing would be checked)",
    )
    .action(async (raw: RawContractOptions) => {
      const numRuns = parseInteger(raw.runs, "--runs", 1);
      const seed = raw.seed === undefined ? undefined : parseInteger(raw.seed, "--seed");
      let failed = 0;
      let retried = 0;
      try {
        const report = await runProviderContract({
          ...(await providerTarget(raw, io.env.CTSIM_SK, Date.now())),
          numRuns,
          ...(seed === undefined ? {} : { seed }),
          ...(raw.readOnly ? { readOnly: true } : {}),
          ...(raw.only === undefined ? {} : { only: raw.only.split(",").filter(Boolean) }),
          onResult: (result) => io.stdout.write(formatResult(result)),
          requireTraces: raw.allowEmpty !== true,
          onRetry: () => {
            retried++;
          },
        });
        failed = report.results.filter((r) => r.status === "failed").length;
        const passed = report.results.filter((r) => r.status === "passed").length;
        io.stdout.write(
          `${report.results.length} properties: ${passed} passed, ${failed} failed\n${retriedLine(retried)}`,
        );
      } catch (error) {
        if (error instanceof ContractError && error.code === ContractErrorCode.options)
          throw usageError(error.message);
        if (error instanceof ContractError && error.code === ContractErrorCode.empty)
          throw new CliError(CliErrorCode.failed, `${error.message}; or pass --allow-empty`, {
            cause: error,
          });
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

/** The retries the run needed (429 or 503 with Retry-After, each request at most 3 times), if any. */
function retriedLine(retried: number): string {
  if (retried === 0) return "";
  return `${retried} ${retried === 1 ? "request was" : "requests were"} sent again after a 429 or 503 with Retry-After\n`;
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
