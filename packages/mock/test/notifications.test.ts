import { validatorFor } from "@ctsim/catalog";
import { createCtsCore } from "@ctsim/mock";
import { describe, expect, it } from "vitest";
import { call } from "./support/call.js";

const PID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const PATH = `/v3/${PID}/notifications`;
const SMN = `urn:smn:cn-north-4:${PID}:audit-alerts`;
const FUN = `urn:fss:cn-north-4:${PID}:function:default:on-trace`;
const codeOf = (json: unknown): string => (json as { error_code: string }).error_code;
const complete = (name: string, topic?: string): object => ({
  notification_name: name,
  operation_type: "complete",
  ...(topic === undefined ? {} : { topic_id: topic }),
});
interface Created {
  notification_id: string;
  notification_type: string;
  status: string;
}

describe("notifications", () => {
  it("creates (201, valid object, type from the topic) and lists by type and name", () => {
    const c = createCtsCore();
    const smn = call(c, "POST", PATH, { body: complete("a", SMN) });
    expect(smn.status).toBe(201);
    expect(validatorFor("Notification").issues(smn.json)).toEqual([]);
    expect(smn.json).toMatchObject({
      notification_type: "smn",
      status: "enabled",
      project_id: PID,
    });
    const fun = call(c, "POST", PATH, { body: complete("b", FUN) }).json as Created;
    expect(fun.notification_type).toBe("fun");
    const list = call(c, "GET", `${PATH}/smn`);
    expect(validatorFor("ListNotificationsResponse").issues(list.json)).toEqual([]);
    expect((list.json as { notifications: unknown[] }).notifications).toHaveLength(1);
    const named = call(c, "GET", `${PATH}/fun`, { query: { notification_name: "a" } }).json as {
      notifications: unknown[];
    };
    expect(named.notifications).toHaveLength(0);
    expect(call(c, "GET", `${PATH}/email`).status).toBe(400);
  });

  it("refuses a duplicate name with CTS.0400, also on update", () => {
    const c = createCtsCore();
    call(c, "POST", PATH, { body: complete("a", SMN) });
    const b = call(c, "POST", PATH, { body: complete("b", SMN) }).json as Created;
    expect(codeOf(call(c, "POST", PATH, { body: complete("a", SMN) }).json)).toBe("CTS.0400");
    const rename = { ...complete("a", SMN), notification_id: b.notification_id, status: "enabled" };
    expect(codeOf(call(c, "PUT", PATH, { body: rename }).json)).toBe("CTS.0400");
  });

  it.each([
    ["missing operation_type", { notification_name: "a" }],
    ["customized without operations", { notification_name: "a", operation_type: "customized" }],
    ["bad topic URN", complete("a", "arn:aws:sns:x")],
    [
      "bad filter rule",
      {
        ...complete("a", SMN),
        filter: { condition: "AND", is_support_filter: true, rule: ["code >= 200"] },
      },
    ],
    [
      "bad rating in a rule",
      {
        ...complete("a", SMN),
        filter: { condition: "OR", is_support_filter: true, rule: ["trace_rating = fatal"] },
      },
    ],
    [
      "too many users",
      {
        ...complete("a", SMN),
        notify_user_list: [
          { user_group: "g", user_list: Array.from({ length: 51 }, (_, i) => `u${i}`) },
        ],
      },
    ],
    ["empty name", complete("", SMN)],
  ])("rejects %s with 400 CTS.0003", (_why, body) => {
    const answer = call(createCtsCore(), "POST", PATH, { body });
    expect([answer.status, codeOf(answer.json)]).toEqual([400, "CTS.0003"]);
  });

  it("updates (200 with the object), requires topic_id to enable, deletes in batches", () => {
    const c = createCtsCore();
    const a = call(c, "POST", PATH, { body: complete("a") }).json as Created;
    expect(a.status).toBe("disabled");
    const b = call(c, "POST", PATH, { body: complete("b", SMN) }).json as Created;
    const enableWithoutTopic = {
      ...complete("a"),
      notification_id: a.notification_id,
      status: "enabled",
    };
    expect(codeOf(call(c, "PUT", PATH, { body: enableWithoutTopic }).json)).toBe("CTS.0003");
    const update = {
      ...complete("a2", SMN),
      notification_id: a.notification_id,
      status: "enabled",
    };
    const updated = call(c, "PUT", PATH, { body: update });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({
      notification_name: "a2",
      status: "enabled",
      notification_id: a.notification_id,
    });
    const ghost = { ...update, notification_id: "ghost" };
    expect(codeOf(call(c, "PUT", PATH, { body: ghost }).json)).toBe("CTS.0003");
    const quota = () =>
      (
        call(c, "GET", `/v3/${PID}/quotas`).json as { resources: { type: string; used: number }[] }
      ).resources.find((r) => r.type === "smn_notification")?.used;
    expect(quota()).toBe(2);
    const del = call(c, "DELETE", PATH, {
      query: { notification_id: `${a.notification_id},${b.notification_id}` },
    });
    expect(del.status).toBe(204);
    expect(quota()).toBe(0);
    expect(call(c, "DELETE", PATH).status).toBe(400);
  });
});
