import type { KeyObject } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { DeliveryError } from "@ctsim/delivery";
import { createTrackerTransfer, PUBLIC_KEY_FILE, type TrackerTransfer } from "@ctsim/delivery/node";
import type { MockService, MockServiceOptions } from "@ctsim/mock/node";
import { type Command, Option } from "commander";
import { CliError, CliErrorCode, usageError } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";
import { readDigestKey } from "../internal/read-digest-key.js";

/** `serve`'s OBS transfer flags, as commander parses them. */
export interface TransferFlags {
  readonly live?: true;
  readonly obsDir?: string;
  readonly obsBucket?: string;
  readonly obsPrefix?: string;
  readonly digests?: true;
  readonly digestKey?: string;
}

/** Adds `--obs-dir`, `--obs-bucket`, `--obs-prefix`, `--digests` and `--digest-key` to `serve`. */
export function addTransferFlags(command: Command): Command {
  return command
    .addOption(
      new Option(
        "--obs-dir <dir>",
        "with --live: transfer traces to OBS as CTS does, for every tracker with an OBS bucket (set through the API or --obs-bucket), into DIR/{bucket}/CloudTraces/…",
      ),
    )
    .addOption(
      new Option(
        "--obs-bucket <name>",
        "with --obs-dir: the first tenant's system trackers start with this bucket configured",
      ),
    )
    .addOption(new Option("--obs-prefix <prefix>", "with --obs-bucket: their file_prefix_name"))
    .addOption(
      new Option(
        "--digests",
        "with --obs-bucket: their is_support_validate is on (hourly digests, signed)",
      ),
    )
    .addOption(
      new Option(
        "--digest-key <pem>",
        "with --obs-dir: sign digests with this RSA private key (default: one derived from --seed)",
      ),
    );
}

/**
 * The service's `transfer` option from `--obs-bucket` (and its prefix and digests).
 *
 * Errors: usage errors for a flag without the one it needs.
 */
export function transferServiceOptions(flags: TransferFlags): Pick<MockServiceOptions, "transfer"> {
  const needs = (flag: string, value: unknown, other: string, present: boolean): void => {
    if (value !== undefined && !present) throw usageError(`${flag} needs ${other}`);
  };
  needs(
    "--obs-dir",
    flags.obsDir,
    "--live (a fixed history is transferred by ctsim stream --sink dir:)",
    flags.live === true,
  );
  needs("--obs-bucket", flags.obsBucket, "--obs-dir", flags.obsDir !== undefined);
  needs("--digest-key", flags.digestKey, "--obs-dir", flags.obsDir !== undefined);
  needs("--obs-prefix", flags.obsPrefix, "--obs-bucket", flags.obsBucket !== undefined);
  needs("--digests", flags.digests, "--obs-bucket", flags.obsBucket !== undefined);
  if (flags.obsBucket === undefined) return {};
  return {
    transfer: {
      bucketName: flags.obsBucket,
      ...(flags.obsPrefix === undefined ? {} : { filePrefixName: flags.obsPrefix }),
      validate: flags.digests === true,
    },
  };
}

/** A running transfer and the first failure, if one happens. */
export interface ServeTransfer {
  readonly transfer: TrackerTransfer;
  /** Resolves with the first write failure (never, if none). */
  readonly failed: Promise<DeliveryError>;
  /** Delivers what remains, says what was transferred; rejects (exit 1) after a failure. */
  stop(): Promise<void>;
}

/** `--obs-dir` checked and `--digest-key` read, before the (long) start of the service. */
export interface PreparedTransfer {
  /** The absolute OBS directory, created and writable. */
  readonly root: string;
  readonly digestKey: KeyObject | undefined;
  readonly flags: TransferFlags;
}

/**
 * Checks the transfer flags before anything is loaded: the directory is created and must take a
 * file, the key must read. `undefined` without `--obs-dir`.
 *
 * Errors: usage errors for a flag without the one it needs; a failure naming the directory when
 * it cannot be written; an input error naming a key that does not read.
 */
export async function prepareServeTransfer(
  flags: TransferFlags,
): Promise<PreparedTransfer | undefined> {
  transferServiceOptions(flags);
  const dir = flags.obsDir;
  if (dir === undefined) return undefined;
  const root = resolve(dir);
  try {
    await mkdir(root, { recursive: true });
    const probe = join(root, `.ctsim-probe-${process.pid}`);
    await writeFile(probe, "");
    await rm(probe);
  } catch (error) {
    throw new CliError(
      CliErrorCode.failed,
      `cannot write --obs-dir ${root}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const digestKey =
    flags.digestKey === undefined ? undefined : await readDigestKey(flags.digestKey);
  return { root, digestKey, flags };
}

/**
 * Starts the transfer prepared by {@link prepareServeTransfer}: traces of each project's trackers
 * with a bucket go to `DIR/{bucket}` as they become visible; a failure is said on stderr at once.
 */
export function startServeTransfer(
  service: MockService,
  prepared: PreparedTransfer,
  seed: number,
  io: CliIo,
): ServeTransfer {
  const { root, digestKey, flags } = prepared;
  let fail: (error: DeliveryError) => void = () => {};
  const failed = new Promise<DeliveryError>((settle) => {
    fail = settle;
  });
  const core = service.server.core;
  const transfer = createTrackerTransfer({
    dir: root,
    seed,
    trackersOf: (projectId) => core.trackersOf(projectId),
    ...(digestKey === undefined ? {} : { digestKey }),
    onError: (error) => {
      io.stderr.write(`ctsim serve: OBS transfer failed, stopping: ${error.message}\n`);
      fail(error);
    },
  });
  io.stderr.write(transferBanner(root, flags));
  return {
    transfer,
    failed,
    async stop() {
      try {
        const stats = await transfer.close();
        io.stderr.write(
          `ctsim serve: OBS transfer: ${stats.traces} traces in ${stats.files} files (${stats.duplicates} delivered again), ${stats.digests} digests, under ${root}\n`,
        );
      } catch (error) {
        throw new CliError(CliErrorCode.failed, (error as Error).message, { cause: error });
      }
    },
  };
}

function transferBanner(root: string, flags: TransferFlags): string {
  const bucket = flags.obsBucket;
  const lines = [
    `ctsim serve: OBS transfer into ${root}/{bucket}/CloudTraces/… for every enabled tracker with an OBS bucket, a file every ~5 min of traces received in it (at least once: some are delivered again)`,
  ];
  if (bucket !== undefined) {
    lines.push(
      `  the first tenant's system trackers start with bucket ${bucket}${flags.digests === true ? `, hourly signed digests (public key ${join(root, bucket, PUBLIC_KEY_FILE)}; ctsim verify ${join(root, bucket)})` : ""}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
