import type { AccountDirectory } from "./account-directory.js";

/** What a path's `{id}` names: a project (`/v3/{project_id}/…`) or an account (`/v3/{domain_id}/…`). */
export type ScopeKind = "project" | "domain";

/** What a credential may use: an account (AK/SK) or one project (IAM tokens); none when unscoped. */
export interface CallerScope {
  readonly domainId?: string;
  readonly projectId?: string;
}

/** The account a request acts in, or why it may not. */
export type ScopeCheck =
  | { readonly ok: true; readonly domainId: string }
  | { readonly ok: false; readonly detail: string };

/** Project and domain ids as IAM mints them: 32 lower-case hex digits. */
const IAM_ID = /^[0-9a-f]{32}$/;

/**
 * The gateway's scope rule: a request may name only a project of an account the directory holds
 * (any project, when it is open), and a scoped credential only its own account's projects and
 * account id, a project-scoped token only its project. Pure; never throws.
 *
 * @example
 * checkScope("project", pathId, { domainId: "0d1c…" }, directory) // { ok: false, detail: "…" }
 */
export function checkScope(
  kind: ScopeKind,
  id: string,
  caller: CallerScope,
  directory: AccountDirectory,
): ScopeCheck {
  const callerDomain =
    caller.domainId ??
    (caller.projectId === undefined || directory.open
      ? undefined
      : directory.ownerOf(caller.projectId));
  if (kind === "domain") {
    if (!directory.hasDomain(id)) return { ok: false, detail: unknown("an account id", id) };
    if (callerDomain !== undefined && callerDomain !== id) {
      return { ok: false, detail: `account ${id} is not the credential's account` };
    }
    return { ok: true, domainId: id };
  }
  const owner = directory.ownerOf(id);
  if (owner === undefined) return { ok: false, detail: unknown("a project id", id) };
  if (caller.projectId !== undefined && caller.projectId !== id) {
    return { ok: false, detail: `the token is scoped to project ${caller.projectId}, not ${id}` };
  }
  // An open directory knows no owners: only a token's project can be checked there.
  if (!directory.open && callerDomain !== undefined && callerDomain !== owner) {
    return { ok: false, detail: `project ${id} is not in the credential's account` };
  }
  return { ok: true, domainId: owner };
}

function unknown(what: string, id: string): string {
  return IAM_ID.test(id) ? `no account has ${id}` : `${JSON.stringify(id)} is not ${what}`;
}
