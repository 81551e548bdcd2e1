import { createPrivateKey, type KeyObject } from "node:crypto";
import { readFile } from "node:fs/promises";
import { CliError, CliErrorCode } from "../cli-error.js";

/**
 * Reads `--digest-key PEM`: the RSA private key digests are signed with.
 *
 * @throws CliError (input) naming the file when it cannot be read or is not a PEM private key.
 */
export async function readDigestKey(path: string): Promise<KeyObject> {
  try {
    return createPrivateKey(await readFile(path, "utf8"));
  } catch (error) {
    throw new CliError(
      CliErrorCode.input,
      `cannot read --digest-key ${path} as a PEM private key: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
