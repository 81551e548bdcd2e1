import { ContractError, ContractErrorCode } from "../contract-error.js";

/** A project of a tenant in one region. */
interface CredentialsProject {
  readonly region: string;
  readonly project_id: string;
}

/** A permanent AK/SK of an IAM user. */
interface PermanentCredential {
  readonly ak: string;
  readonly sk: string;
}

/** A temporary AK/SK/security-token triple of a user or an agency, with its expiry (epoch ms). */
export interface TemporaryCredential {
  readonly ak: string;
  readonly sk: string;
  readonly security_token: string;
  readonly expires_at: number;
}

/** An IAM token scoped to one project, with its expiry (epoch ms). */
interface ProjectToken {
  readonly project_id: string;
  readonly token: string;
  readonly expires_at: number;
}

/** One account: its projects and credentials. */
export interface CredentialsTenant {
  readonly domain_id: string;
  readonly projects: readonly CredentialsProject[];
  readonly permanent: readonly PermanentCredential[];
  readonly temporary: readonly TemporaryCredential[];
  readonly tokens: readonly ProjectToken[];
}

/**
 * The credentials document `ctsim serve --credentials FILE` writes (format `ctsim-credentials`,
 * version 1), keeping only what the contract kit reads; expiries are normalised to epoch ms.
 */
export interface CredentialsDocument {
  readonly endpoint: string;
  readonly auth: "none" | "token" | "aksk";
  readonly tenants: readonly CredentialsTenant[];
}

type Json = Record<string, unknown>;

function fail(message: string): never {
  throw new ContractError(
    ContractErrorCode.options,
    `credentials document: ${message}; use the file \`ctsim serve --credentials FILE\` wrote`,
  );
}

function object(value: unknown, where: string): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Json)
    : fail(`${where} is not an object`);
}

function text(value: Json, key: string, where: string): string {
  const field = value[key];
  return typeof field === "string" && field !== ""
    ? field
    : fail(`${where}.${key} is not a non-empty string`);
}

/** An expiry as epoch ms, from epoch ms or an ISO 8601 string. */
function instant(value: Json, key: string, where: string): number {
  const field = value[key];
  const ms =
    typeof field === "number" ? field : typeof field === "string" ? Date.parse(field) : Number.NaN;
  return Number.isFinite(ms)
    ? ms
    : fail(`${where}.${key} is neither epoch ms nor an ISO 8601 date`);
}

function list<T>(
  value: Json,
  key: string,
  where: string,
  read: (item: Json, at: string) => T,
): T[] {
  const field = value[key] ?? [];
  if (!Array.isArray(field)) fail(`${where}.${key} is not an array`);
  return field.map((item, i) =>
    read(object(item, `${where}.${key}[${i}]`), `${where}.${key}[${i}]`),
  );
}

function readTenant(tenant: Json, at: string): CredentialsTenant {
  const projects = list(tenant, "projects", at, (p, w) => ({
    region: text(p, "region", w),
    project_id: text(p, "project_id", w),
  }));
  if (projects.length === 0) fail(`${at}.projects is empty`);
  return {
    domain_id: text(tenant, "domain_id", at),
    projects,
    permanent: list(tenant, "permanent", at, (c, w) => ({
      ak: text(c, "ak", w),
      sk: text(c, "sk", w),
    })),
    temporary: list(tenant, "temporary", at, (c, w) => ({
      ak: text(c, "ak", w),
      sk: text(c, "sk", w),
      security_token: text(c, "security_token", w),
      expires_at: instant(c, "expires_at", w),
    })),
    tokens: list(tenant, "tokens", at, (t, w) => ({
      project_id: text(t, "project_id", w),
      token: text(t, "token", w),
      expires_at: instant(t, "expires_at", w),
    })),
  };
}

/**
 * Checks a parsed credentials document and returns what the kit reads from it. Fields the kit
 * does not use (`domain_name`, `user_id`, `agency_name`, …) are ignored; missing credential
 * lists count as empty.
 *
 * @throws {ContractError} `CTSIM_CONTRACT_OPTIONS` naming the first field that is missing or wrong
 * (format other than `ctsim-credentials`, version other than 1, no tenant, …).
 * @example
 * const document = readCredentialsDocument(JSON.parse(readFileSync("creds.json", "utf8")));
 */
export function readCredentialsDocument(value: unknown): CredentialsDocument {
  const root = object(value, "the document");
  if (root.format !== "ctsim-credentials")
    fail(`format is ${JSON.stringify(root.format)}, not "ctsim-credentials"`);
  if (root.version !== 1) fail(`version ${JSON.stringify(root.version)} is not supported (only 1)`);
  const auth = root.auth;
  if (auth !== "none" && auth !== "token" && auth !== "aksk")
    fail(`auth is ${JSON.stringify(auth)}, not "none", "token" or "aksk"`);
  const tenants = list(root, "tenants", "the document", readTenant);
  if (tenants.length === 0) fail("tenants is empty");
  return { endpoint: text(root, "endpoint", "the document"), auth, tenants };
}
