import { readFileSync } from "node:fs";
import {
  type CredentialsDocument,
  parseCredentialsDocument,
} from "../gateway/credentials-document.js";
import { MockError, MockErrorCode } from "../mock-error.js";
import { writeDurably } from "./write-durably.js";

/** The text of a credentials file: the document as JSON, 2-space indent, trailing newline. */
export function credentialsFileText(document: CredentialsDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * Writes a credentials file whole or not at all (see `writeDurably`): a reader never sees a
 * part of it.
 *
 * @throws {MockError} `CTSIM_MOCK_CREDENTIALS_FILE` naming the file and the cause (`ENOENT`,
 *   `EACCES`, `ENOSPC`, ...).
 * @example await writeCredentialsFile("creds.json", credentialsDocument({ endpoint, auth, identities }));
 */
export async function writeCredentialsFile(
  path: string,
  document: CredentialsDocument,
): Promise<void> {
  try {
    await writeDurably(path, credentialsFileText(document));
  } catch (error) {
    throw new MockError(
      MockErrorCode.credentialsFile,
      `credentials file ${path}: cannot write it (${(error as Error).message})`,
      { cause: error },
    );
  }
}

/**
 * Reads and checks a credentials file written by `ctsim serve --credentials FILE`.
 *
 * @throws {MockError} `CTSIM_MOCK_INVALID_OPTION` when it cannot be read, is not JSON or not a
 *   credentials document of version 1, naming the file and what is wrong.
 * @example
 * const { endpoint, tenants } = readCredentialsFile("creds.json");
 * const { ak, sk } = tenants[0].permanent[0];
 */
export function readCredentialsFile(path: string): CredentialsDocument {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new MockError(
      MockErrorCode.invalidOption,
      `credentials file ${path}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  try {
    return parseCredentialsDocument(value);
  } catch (error) {
    throw new MockError(
      MockErrorCode.invalidOption,
      `credentials file ${path}: ${(error as Error).message}`,
    );
  }
}
