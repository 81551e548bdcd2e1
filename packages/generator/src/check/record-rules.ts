import { validatorFor } from "@ctsim/catalog";
import { CheckCode } from "./check-code.js";
import type { IdentityFields } from "./identity-tracker.js";
import type { TraceShape } from "./trace-shape.js";

/** A parsed trace object, not yet trusted to match its schema. */
export type TraceRecord = Readonly<Record<string, unknown>>;

/** A per-record rule a trace broke. */
export interface RecordProblem {
  readonly code: CheckCode;
  readonly message: string;
}

/** What {@link inspectRecord} found in one record. */
export interface RecordInspection {
  readonly problems: readonly RecordProblem[];
  /** The record's identity, when it has a user object. */
  readonly identity: IdentityFields | undefined;
}

const NO_PROBLEMS: readonly RecordProblem[] = [];

/**
 * Checks the rules that need only the record itself, beyond its schema: `record_time >= time`,
 * no user and no source IP on `SystemAction` traces (reference §2.1: both are null or empty for
 * system actions), and, in the OBS shape, that `user` is JSON text of a UserInfo object. Also
 * pulls out the user's identity for the cross-record identity rules.
 *
 * @example
 * inspectRecord({ trace_type: "SystemAction", user: { name: "alice" }, time: 1, record_time: 2 }, "api");
 * // { problems: [{ code: "trace.system-action", … }], identity: { userName: "alice", … } }
 */
export function inspectRecord(record: TraceRecord, shape: TraceShape): RecordInspection {
  let problems: RecordProblem[] | undefined;
  const add = (code: CheckCode, message: string): void => {
    problems ??= [];
    problems.push({ code, message });
  };
  const { time, record_time: recordTime } = record;
  if (typeof time === "number" && typeof recordTime === "number" && recordTime < time) {
    add(
      CheckCode.recordTime,
      `record_time ${recordTime} is ${time - recordTime} ms before time ${time}`,
    );
  }
  const user =
    shape === "obs" && typeof record.user === "string"
      ? parseObsUser(record.user, add)
      : record.user;
  if (record.trace_type === "SystemAction") {
    if (user !== undefined && user !== null)
      add(CheckCode.systemAction, "a SystemAction trace has a user (expected null)");
    const ip = record.source_ip;
    if (typeof ip === "string" && ip !== "") {
      add(
        CheckCode.systemAction,
        `a SystemAction trace has source_ip ${JSON.stringify(ip)} (expected empty or null)`,
      );
    }
  }
  return {
    problems: problems ?? NO_PROBLEMS,
    identity: isObject(user) ? identityOf(user) : undefined,
  };
}

/** OBS files carry `user` as JSON text; "" and "null" mean no user. */
function parseObsUser(text: string, add: (code: CheckCode, message: string) => void): unknown {
  if (text === "") return null;
  let user: unknown;
  try {
    user = JSON.parse(text);
  } catch (error) {
    add(CheckCode.userJson, `user is not JSON text: ${(error as Error).message}`);
    return undefined;
  }
  if (user !== null && !isObject(user)) {
    add(CheckCode.userJson, "user is JSON text but not of an object");
    return undefined;
  }
  if (user !== null) {
    for (const issue of validatorFor("UserInfo").issues(user, 5))
      add(issue.code, `user (JSON text): ${issue.message}`);
  }
  return user;
}

function identityOf(user: Readonly<Record<string, unknown>>): IdentityFields {
  const domain = isObject(user.domain) ? user.domain : undefined;
  return {
    userId: stringOrUndefined(user.id),
    userName: stringOrUndefined(user.name) ?? stringOrUndefined(user.user_name),
    domainId: stringOrUndefined(domain?.id),
    domainName: stringOrUndefined(domain?.name),
  };
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
