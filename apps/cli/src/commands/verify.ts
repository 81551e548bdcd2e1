import { readFile } from "node:fs/promises";
import { DeliveryError } from "@ctsim/delivery";
import { verifyDelivery } from "@ctsim/delivery/node";
import { Command } from "commander";
import { CliError, CliErrorCode } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";
import type { CommandFactory } from "../command-factory.js";
import { formatVerifyReport } from "../verify/format-verify-report.js";

interface VerifyOptions {
  readonly publicKey?: string;
  readonly json?: true;
}

/**
 * `ctsim verify DIR`: checks a bucket directory of CTS trace files and digest files (as
 * `ctsim stream --sink dir:DIR --digests` writes them, or any copy of a real bucket) like
 * `aws cloudtrail validate-logs`: every listed file present with its MD5, every digest signed,
 * every chain unbroken, no file left unlisted. One line per failure and a summary on stdout
 * (`--json`: the report); exit 0 when clean, 1 on any failure or an unreadable input.
 *
 * @example
 * ctsim verify /srv/bucket --public-key cts-public.pem
 */
export const verifyCommand: CommandFactory = (io: CliIo): Command =>
  new Command("verify")
    .description(
      "Verify OBS trace files and their signed digest files: files present and unaltered, digests signed, chains unbroken.",
    )
    .argument("<dir>", "the bucket directory (holding CloudTraces/)")
    .option(
      "--public-key <pem>",
      "PEM public key of the digest signatures (default: ctsim-digest-public-key.pem in DIR)",
    )
    .option("--json", "print the report as JSON instead of lines")
    .action(async (dir: string, options: VerifyOptions) => {
      const publicKey =
        options.publicKey === undefined ? undefined : await readPem(options.publicKey);
      const report = await verifyDelivery({
        dir,
        ...(publicKey === undefined ? {} : { publicKey }),
      }).catch((error: unknown) => {
        if (error instanceof DeliveryError)
          throw new CliError(CliErrorCode.input, error.message, { cause: error });
        throw error;
      });
      io.stdout.write(
        options.json === true
          ? `${JSON.stringify(report, null, 2)}\n`
          : formatVerifyReport(report, dir),
      );
      if (!report.ok) {
        throw new CliError(
          CliErrorCode.failed,
          `verify: ${report.failures.length} failures in ${dir}`,
        );
      }
    });

async function readPem(path: string): Promise<string> {
  return readFile(path, "utf8").catch((error: unknown) => {
    throw new CliError(
      CliErrorCode.input,
      `cannot read --public-key ${path}: ${(error as Error).message}`,
      { cause: error },
    );
  });
}
