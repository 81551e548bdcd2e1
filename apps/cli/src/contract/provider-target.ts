import { readFile } from "node:fs/promises";
import {
  type ProviderCredentials,
  type ProviderOptionsFromCredentials,
  providerOptionsFromCredentials,
} from "@ctsim/contract";
import { usageError } from "../cli-error.js";

/** The flags of `ctsim contract` that say which provider to check, and as whom. */
export interface ProviderFlags {
  readonly baseUrl?: string;
  readonly projectId?: string;
  readonly ak?: string;
  readonly sk?: string;
  readonly token?: string;
  readonly credentials?: string;
}

/**
 * The provider to check: from `--credentials FILE` (the document `ctsim serve --credentials`
 * writes: endpoint, the first tenant's project and keys, temporary and expired ones, a second
 * account), else from `--base-url`, `--project-id` and `--ak/--sk` or `--token`. `--base-url`
 * also overrides the file's endpoint (a provider behind a proxy). `sk` may come from `CTSIM_SK`.
 *
 * Errors: a usage error for a missing base URL, credentials given twice or half, or a file
 * that cannot be read; the kit's `CTSIM_CONTRACT_OPTIONS` for a malformed document.
 *
 * @example
 * const target = await providerTarget({ credentials: "creds.json" }, process.env.CTSIM_SK, Date.now());
 */
export async function providerTarget(
  flags: ProviderFlags,
  envSk: string | undefined,
  now: number,
): Promise<ProviderOptionsFromCredentials> {
  if (flags.credentials !== undefined) {
    if ([flags.projectId, flags.ak, flags.sk, flags.token].some((flag) => flag !== undefined))
      throw usageError(
        "--credentials names the project and keys: leave out --project-id, --ak, --sk and --token",
      );
    const text = await readFile(flags.credentials, "utf8").catch((error: Error) => {
      throw usageError(`cannot read --credentials ${flags.credentials}: ${error.message}`);
    });
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      throw usageError(
        `--credentials ${flags.credentials} is not JSON: ${(error as Error).message}`,
      );
    }
    const fromFile = providerOptionsFromCredentials({ document, now });
    return flags.baseUrl === undefined ? fromFile : { ...fromFile, baseUrl: flags.baseUrl };
  }
  if (flags.baseUrl === undefined) throw usageError("give --base-url (or --credentials FILE)");
  const credentials = credentialsOf(flags.ak, flags.sk ?? envSk, flags.token);
  return {
    baseUrl: flags.baseUrl,
    ...(flags.projectId === undefined ? {} : { projectId: flags.projectId }),
    ...(credentials === undefined ? {} : { credentials }),
  };
}

function credentialsOf(
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
