import { ContractError, ContractErrorCode } from "../contract-error.js";
import type { ProviderCredentials } from "../internal/cts-client.js";
import type {
  ProviderAccount,
  ProviderOptions,
  TemporaryCredentials,
} from "../properties/provider-options.js";
import {
  type CredentialsDocument,
  type CredentialsTenant,
  readCredentialsDocument,
  type TemporaryCredential,
} from "./credentials-document.js";

/** Options of {@link providerOptionsFromCredentials}. */
export interface ProviderOptionsFromCredentialsOptions {
  /** The parsed JSON of the file `ctsim serve --credentials FILE` wrote. Required. */
  readonly document: unknown;
  /** The current time, epoch ms, to tell expired credentials from valid ones. Required (the function reads no clock). */
  readonly now: number;
  /** Region whose project is under test. Default: the region of tenant 0's first project. */
  readonly region?: string;
}

/** The provider options a credentials document supplies. */
export type ProviderOptionsFromCredentials = Pick<
  ProviderOptions,
  | "baseUrl"
  | "projectId"
  | "credentials"
  | "temporaryCredentials"
  | "expiredCredentials"
  | "secondAccount"
>;

function fail(message: string): never {
  throw new ContractError(ContractErrorCode.options, `credentials document: ${message}`);
}

function projectIn(tenant: CredentialsTenant, region: string): string {
  const project = tenant.projects.find((p) => p.region === region) ?? tenant.projects[0];
  return project?.project_id ?? fail(`tenant ${tenant.domain_id} has no project`);
}

/** The tenant's credential for `projectId` under the document's `auth` mode. */
function credentialsOf(
  document: CredentialsDocument,
  tenant: CredentialsTenant,
  projectId: string,
  now: number,
): ProviderCredentials | undefined {
  if (document.auth === "none") return undefined;
  if (document.auth === "token") {
    const token = tenant.tokens.find((t) => t.project_id === projectId && t.expires_at > now);
    return token
      ? { token: token.token }
      : fail(`tenant ${tenant.domain_id} has no unexpired token for project ${projectId}`);
  }
  const key = tenant.permanent[0];
  return key
    ? { ak: key.ak, sk: key.sk }
    : fail(`tenant ${tenant.domain_id} has no permanent AK/SK`);
}

function temporary(credential: TemporaryCredential | undefined): TemporaryCredentials | undefined {
  return credential
    ? { ak: credential.ak, sk: credential.sk, securityToken: credential.security_token }
    : undefined;
}

/**
 * Maps the credentials document of `ctsim serve --credentials FILE` to provider options: the
 * endpoint as `baseUrl`; tenant 0 is the account under test (its project in `region`, its first
 * permanent AK/SK, or its unexpired token for that project under `auth: "token"`), with its first
 * unexpired temporary credential as `temporaryCredentials` and its first expired one as
 * `expiredCredentials` (AK/SK mode only); tenant 1, when present, is the `secondAccount` (its
 * project in the same region, else its first). Pure: `now` decides what has expired.
 *
 * @throws {ContractError} `CTSIM_CONTRACT_OPTIONS` when the document is malformed or a tenant lacks the
 * credential its mode needs.
 * @example
 * const fromFile = providerOptionsFromCredentials({ document: JSON.parse(text), now: Date.now() });
 * const report = await runProviderContract({ ...fromFile, numRuns: 20 });
 */
export function providerOptionsFromCredentials(
  options: ProviderOptionsFromCredentialsOptions,
): ProviderOptionsFromCredentials {
  const document = readCredentialsDocument(options.document);
  const [tenant, second] = document.tenants;
  if (!tenant) return fail("tenants is empty");
  const region = options.region ?? tenant.projects[0]?.region ?? "";
  if (!tenant.projects.some((p) => p.region === region))
    fail(`tenant ${tenant.domain_id} has no project in region ${region}`);
  const projectId = projectIn(tenant, region);
  const credentials = credentialsOf(document, tenant, projectId, options.now);
  const aksk = document.auth === "aksk";
  const valid = temporary(tenant.temporary.find((c) => c.expires_at > options.now));
  const expired = temporary(tenant.temporary.find((c) => c.expires_at <= options.now));
  let secondAccount: ProviderAccount | undefined;
  if (second && document.auth !== "none") {
    const secondProject = projectIn(second, region);
    const secondCredentials = credentialsOf(document, second, secondProject, options.now);
    if (secondCredentials)
      secondAccount = { projectId: secondProject, credentials: secondCredentials };
  }
  return {
    baseUrl: document.endpoint,
    projectId,
    ...(credentials ? { credentials } : {}),
    ...(aksk && valid ? { temporaryCredentials: valid } : {}),
    ...(aksk && expired ? { expiredCredentials: expired } : {}),
    ...(secondAccount ? { secondAccount } : {}),
  };
}
