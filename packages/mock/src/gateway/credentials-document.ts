import type { TenantIdentity } from "@ctsim/generator";
import { isoTime } from "../auth/iso-time.js";
import { MockError, MockErrorCode } from "../mock-error.js";
import { AUTH_MODES, type AuthMode } from "./identity-gateway.js";

/** A permanent AK/SK of an IAM user, as `ctsim serve --credentials` lists it. */
export interface CredentialsPermanentKey {
  readonly user_id: string;
  readonly user_name: string;
  readonly ak: string;
  readonly sk: string;
}

/** A temporary AK/SK with its security token, of a user's session or an agency session. */
export type CredentialsTemporaryKey = (
  | { readonly user_id: string; readonly user_name: string }
  | { readonly agency_name: string }
) & {
  readonly ak: string;
  readonly sk: string;
  readonly security_token: string;
  /** ISO 8601 UTC, e.g. `2026-01-02T03:04:05.000Z`. */
  readonly expires_at: string;
};

/** A project-scoped IAM token (`X-Auth-Token`). */
export interface CredentialsToken {
  readonly project_id: string;
  readonly token: string;
  /** ISO 8601 UTC. */
  readonly expires_at: string;
}

/** One tenant (account): its projects and the credentials the gateway accepts for it. */
export interface CredentialsTenant {
  readonly domain_id: string;
  readonly domain_name: string;
  readonly projects: readonly { readonly region: string; readonly project_id: string }[];
  /** `aksk` only. */
  readonly permanent: readonly CredentialsPermanentKey[];
  /** `aksk` only: fresh ones first, then at least one already expired. */
  readonly temporary: readonly CredentialsTemporaryKey[];
  /** `token` only: one per project, then one already expired. */
  readonly tokens: readonly CredentialsToken[];
}

/**
 * What `ctsim serve --credentials FILE` writes: the endpoint, the auth mode and, per tenant, the
 * ids and the credentials that mode accepts (`none`: ids only).
 */
export interface CredentialsDocument {
  readonly format: "ctsim-credentials";
  readonly version: 1;
  /** Base URL of the server, e.g. `http://127.0.0.1:9000`. */
  readonly endpoint: string;
  readonly auth: AuthMode;
  readonly tenants: readonly CredentialsTenant[];
}

/** Options of {@link credentialsDocument}. */
export interface CredentialsDocumentOptions {
  /** Base URL of the server. */
  readonly endpoint: string;
  /** The auth mode served. */
  readonly auth: AuthMode;
  /** The tenants served. */
  readonly identities: readonly TenantIdentity[];
}

/**
 * The credentials document of a server: each tenant's ids, and the credentials its auth mode
 * accepts. Pure.
 *
 * @example JSON.stringify(credentialsDocument({ endpoint: server.url, auth: "aksk", identities }), null, 2)
 */
export function credentialsDocument(options: CredentialsDocumentOptions): CredentialsDocument {
  const { auth } = options;
  const tenants = options.identities.map(
    (identity): CredentialsTenant => ({
      domain_id: identity.domainId,
      domain_name: identity.domainName,
      projects: identity.projects.map((project) => ({
        region: project.region,
        project_id: project.projectId,
      })),
      permanent:
        auth !== "aksk"
          ? []
          : identity.permanent.map((key) => ({
              user_id: key.userId,
              user_name: key.userName,
              ak: key.ak,
              sk: key.sk,
            })),
      temporary:
        auth !== "aksk"
          ? []
          : identity.temporary.map((key) => ({
              ...(key.principal.kind === "user"
                ? { user_id: key.principal.userId, user_name: key.principal.userName }
                : { agency_name: key.principal.agencyName }),
              ak: key.ak,
              sk: key.sk,
              security_token: key.securityToken,
              expires_at: isoTime(key.expiresAt),
            })),
      tokens:
        auth !== "token"
          ? []
          : identity.tokens.map((token) => ({
              project_id: token.projectId,
              token: token.token,
              expires_at: isoTime(token.expiresAt),
            })),
    }),
  );
  return { format: "ctsim-credentials", version: 1, endpoint: options.endpoint, auth, tenants };
}

/**
 * Checks that `value` (e.g. parsed JSON) is a {@link CredentialsDocument}: every field present
 * with its type, times in ISO 8601 UTC.
 *
 * @throws {MockError} `CTSIM_MOCK_INVALID_OPTION` naming the first bad path.
 * @example const document = parseCredentialsDocument(JSON.parse(text));
 */
export function parseCredentialsDocument(value: unknown): CredentialsDocument {
  const doc = object(value, "");
  if (doc.format !== "ctsim-credentials") bad("format", 'must be "ctsim-credentials"');
  if (doc.version !== 1) bad("version", "must be 1");
  text(doc.endpoint, "endpoint");
  if (!(AUTH_MODES as readonly unknown[]).includes(doc.auth)) {
    bad("auth", `must be one of ${AUTH_MODES.join(", ")}`);
  }
  list(doc.tenants, "tenants").forEach((item, t) => {
    const at = `tenants[${t}]`;
    const tenant = object(item, at);
    text(tenant.domain_id, `${at}.domain_id`);
    text(tenant.domain_name, `${at}.domain_name`);
    list(tenant.projects, `${at}.projects`).forEach((project, i) => {
      texts(project, `${at}.projects[${i}]`, ["region", "project_id"]);
    });
    list(tenant.permanent, `${at}.permanent`).forEach((key, i) => {
      texts(key, `${at}.permanent[${i}]`, ["user_id", "user_name", "ak", "sk"]);
    });
    list(tenant.temporary, `${at}.temporary`).forEach((key, i) => {
      const path = `${at}.temporary[${i}]`;
      const entry = object(key, path);
      const owner = "agency_name" in entry ? ["agency_name"] : ["user_id", "user_name"];
      texts(entry, path, [...owner, "ak", "sk", "security_token"]);
      time(entry.expires_at, `${path}.expires_at`);
    });
    list(tenant.tokens, `${at}.tokens`).forEach((token, i) => {
      const path = `${at}.tokens[${i}]`;
      texts(token, path, ["project_id", "token"]);
      time(object(token, path).expires_at, `${path}.expires_at`);
    });
  });
  return value as CredentialsDocument;
}

function object(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    bad(at || "the document", "must be an object");
  }
  return value as Record<string, unknown>;
}

function texts(value: unknown, at: string, names: readonly string[]): void {
  const entry = object(value, at);
  for (const name of names) text(entry[name], `${at}.${name}`);
}

function list(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) bad(at, "must be an array");
  return value;
}

function text(value: unknown, at: string): void {
  if (typeof value !== "string" || value === "") bad(at, "must be a non-empty string");
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function time(value: unknown, at: string): void {
  if (typeof value !== "string" || !ISO_UTC.test(value) || Number.isNaN(Date.parse(value))) {
    bad(at, "must be an ISO 8601 UTC time");
  }
}

function bad(path: string, problem: string): never {
  throw new MockError(MockErrorCode.invalidOption, `credentials: ${path} ${problem}`);
}
