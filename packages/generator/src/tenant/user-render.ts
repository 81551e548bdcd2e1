import { flat } from "../internal/flat.js";
import type { Actor } from "./actor.js";
import { userAgentOf } from "./user-agents.js";

/**
 * A `user` object rendered once per session and identity: the API form (JSON object text) and,
 * on first use, the OBS form (the same JSON as a JSON string literal), with the call facts that
 * travel with the identity (its account as `resource_account_id`, its client as `user_agent`).
 */
export class UserRender {
  /** `user.name`. */
  readonly name: string;
  /** `user.access_key_id`, or `null`. */
  readonly accessKeyId: string | null;
  /** The `user` object as JSON text. */
  readonly json: string;
  /**
   * {@link UserRender.json}, `"resource_account_id"` (the operator's own account: Huawei's
   * examples set it on same-account operations) and the `}` that closes the trace (the API
   * encoder's last piece).
   */
  readonly jsonClose: string;
  /** {@link UserRender.jsonClose} and the newline that ends an NDJSON line. */
  readonly jsonCloseLine: string;
  /** The account id of the operator (`resource_account_id`, OBS `domain_id`). */
  readonly domainId: string;
  /** `user_agent` of the OBS file shape (JSON-safe). */
  readonly userAgent: string;
  private obs: string | undefined;

  constructor(
    name: string,
    accessKeyId: string | null,
    json: string,
    domainId: string,
    userAgent: string,
  ) {
    this.name = name;
    this.accessKeyId = accessKeyId;
    this.domainId = domainId;
    this.userAgent = flat(userAgent);
    this.json = flat(json);
    this.jsonClose = flat(`${json},"resource_account_id":"${domainId}"}`);
    this.jsonCloseLine = flat(`${this.jsonClose}\n`);
  }

  /** The `user` object as a JSON string literal (OBS trace files carry `user` as text). */
  get obsJson(): string {
    if (this.obs === undefined) this.obs = flat(JSON.stringify(this.json));
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
  /**
   * AK that signed the calls: the console session's temporary `HSTA…` key, a permanent or
   * temporary key for the API, `null` for labeling workers (not IAM principals).
   */
  readonly accessKeyId: string | null;
}

/**
 * `user.type` per kind of identity. Huawei's examples give `"User"` for IAM users, the root user
 * included; the agency-session and federated values are unconfirmed and follow the URN's words
 * (`assumed-agency`, `external-user`). Labeling workers are not IAM principals: no type.
 */
const TYPE_OF = {
  console: "User",
  bot: "User",
  root: "User",
  agency: "AssumedAgency",
  federated: "ExternalUser",
  worker: null,
} as const satisfies Record<Actor["kind"], string | null>;

/**
 * Renders `user` for one identity and mode, following reference §2.2 and its corrections:
 * every IAM principal carries `access_key_id` (console sessions their temporary `HSTA…` key, as
 * Huawei's console examples do) and `type`; console callers carry `invoked_by:
 * ["service.console"]`; temporary credentials (console, agency, federated, `HST…` keys) carry a
 * `session_context`; agency sessions carry `OriginUser`, the user who assumed the agency, as
 * JSON text of their `id`, `name` and `domain` (the table types it a string and gives no
 * format: unconfirmed); labeling workers carry only the basic fields (unconfirmed).
 */
export function renderUser(actor: Actor, mode: CallMode, context: UserContext): UserRender {
  const { domainId, domainJson } = context;
  const agent = userAgentOf(actor.net, mode, context.createdAt);
  let json = `{"id":"${actor.id}","name":"${actor.name}","user_name":"${actor.name}","domain":${domainJson},"account_id":"${domainId}"`;
  if (actor.kind === "worker") {
    return new UserRender(
      actor.name,
      null,
      `${json},"principal_is_root_user":"false"}`,
      domainId,
      agent,
    );
  }
  const ak = context.accessKeyId;
  if (ak !== null) json += `,"access_key_id":"${ak}"`;
  json += `,"principal_urn":"${actor.principalUrn}","principal_id":"${actor.principalId}","principal_is_root_user":"${actor.kind === "root" ? "true" : "false"}","type":"${TYPE_OF[actor.kind]}"`;
  if (mode === "console") json += `,"invoked_by":["service.console"]`;
  const temporary =
    mode === "console" ||
    actor.kind === "agency" ||
    actor.kind === "federated" ||
    ak?.startsWith("HST") === true;
  if (temporary) {
    json += `,"session_context":{"attributes":{"created_at":"${context.createdAt}","mfa_authenticated":"${actor.mfa ? "true" : "false"}"}}`;
  }
  const origin = actor.origin;
  if (origin !== undefined) {
    json += `,"OriginUser":${JSON.stringify(`{"id":"${origin.id}","name":"${origin.name}","domain":${domainJson}}`)}`;
  }
  return new UserRender(actor.name, ak, `${json}}`, domainId, agent);
}
