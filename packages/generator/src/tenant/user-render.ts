import { flat } from "../internal/flat.js";
import type { Actor } from "./actor.js";

/**
 * A `user` object rendered once per session and identity: the API form (JSON object text) and,
 * on first use, the OBS form (the same JSON as a JSON string literal).
 */
export class UserRender {
  /** `user.name`. */
  readonly name: string;
  /** `user.access_key_id`, or `null`. */
  readonly accessKeyId: string | null;
  /** The `user` object as JSON text. */
  readonly json: string;
  /** {@link UserRender.json} and the `}` that closes the trace (the API encoder's last piece). */
  readonly jsonClose: string;
  /** {@link UserRender.jsonClose} and the newline that ends an NDJSON line. */
  readonly jsonCloseLine: string;
  private obs: string | undefined;

  constructor(name: string, accessKeyId: string | null, json: string) {
    this.name = name;
    this.accessKeyId = accessKeyId;
    this.json = flat(json);
    this.jsonClose = flat(`${json}}`);
    this.jsonCloseLine = flat(`${json}}\n`);
  }

  /** The `user` object as a JSON string literal (OBS trace files carry `user` as text). */
  get obsJson(): string {
    if (this.obs === undefined) this.obs = JSON.stringify(this.json);
    return this.obs;
  }
}

/** How the identity reached ModelArts: the console, or the API signed with an access key. */
export type CallMode = "console" | "api";

/** Session facts that show in `user`: when the credentials were issued and which AK signed. */
export interface UserContext {
  readonly domainId: string;
  readonly domainJson: string;
  /** ms epoch of sign-in / credential issue (`session_context.attributes.created_at`). */
  readonly createdAt: number;
  /** AK used for API calls; `null` on the console. */
  readonly accessKeyId: string | null;
}

/**
 * Renders `user` for one identity and mode, following reference §2.2: console callers carry
 * `invoked_by: ["service.console"]` and a `session_context`; API callers carry `access_key_id`;
 * agency sessions and federated users use `sts::` URNs; labeling workers carry only the basic
 * fields (not IAM principals; unconfirmed). `type` is left out (its values are undocumented).
 */
export function renderUser(actor: Actor, mode: CallMode, context: UserContext): UserRender {
  const { domainId, domainJson } = context;
  let json = `{"id":"${actor.id}","name":"${actor.name}","user_name":"${actor.name}","domain":${domainJson},"account_id":"${domainId}"`;
  if (actor.kind === "worker") {
    return new UserRender(actor.name, null, `${json},"principal_is_root_user":"false"}`);
  }
  const ak = mode === "api" ? context.accessKeyId : null;
  if (ak !== null) json += `,"access_key_id":"${ak}"`;
  json += `,"principal_urn":"${actor.principalUrn}","principal_id":"${actor.principalId}","principal_is_root_user":"${actor.kind === "root" ? "true" : "false"}"`;
  if (mode === "console") json += `,"invoked_by":["service.console"]`;
  const temporary = mode === "console" || actor.kind === "agency" || actor.kind === "federated";
  if (temporary) {
    json += `,"session_context":{"attributes":{"created_at":"${context.createdAt}","mfa_authenticated":"${actor.mfa ? "true" : "false"}"}}`;
  }
  return new UserRender(actor.name, ak, `${json}}`);
}
