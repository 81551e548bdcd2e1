import { validatorFor } from "@ctsim/catalog";
import { createCtsCore } from "@ctsim/mock";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { type Answer, call } from "./support/call.js";

const PID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const NOW = Date.UTC(2026, 5, 15, 12);
const BASE = `/v3/${PID}/cts-tracker`;
type Core = ReturnType<typeof createCtsCore>;
type Tag = { key: string; value: string };

const codeOf = (answer: Answer): string => (answer.json as { error_code: string }).error_code;
const tagsOf = (answer: Answer): Tag[] => (answer.json as { tags: Tag[] }).tags;

/** A core with the default system tracker and `names.length` data trackers; their ids by name. */
function coreWith(...names: string[]): { core: Core; ids: Record<string, string> } {
  const core = createCtsCore({ now: () => NOW });
  for (const [index, name] of names.entries()) {
    const created = call(core, "POST", `/v3/${PID}/tracker`, {
      body: {
        tracker_type: "data",
        tracker_name: name,
        data_bucket: { data_bucket_name: `bucket-${index}`, data_event: ["WRITE"] },
      },
    });
    expect(created.status).toBe(201);
  }
  const listed = call(core, "GET", `/v3/${PID}/trackers`).json as {
    trackers: { id: string; tracker_name: string }[];
  };
  const ids = Object.fromEntries(listed.trackers.map((t) => [t.tracker_name, t.id]));
  return { core, ids };
}

const create = (core: Core, id: string, tags: unknown): Answer =>
  call(core, "POST", `${BASE}/${id}/tags/create`, { body: { tags } });
const remove = (core: Core, id: string, tags: unknown): Answer =>
  call(core, "DELETE", `${BASE}/${id}/tags/delete`, { body: { tags } });
const list = (core: Core, id: string): Answer => call(core, "GET", `${BASE}/${id}/tags`);
const filter = (core: Core, body: object): Answer =>
  call(core, "POST", `${BASE}/resource-instances/filter`, { body });

describe("tracker tags (reference §1.6)", () => {
  it("sets tags on a tracker (a key it has gets the new value) and lists them", () => {
    const { core, ids } = coreWith("audit");
    const id = ids.audit as string;
    expect(list(core, id).json).toEqual({ tags: [] });
    const first = create(core, id, [
      { key: "env", value: "prod" },
      { key: "owner", value: "" },
    ]);
    expect(first.status).toBe(200);
    expect(first.raw.body).toBe("");
    expect(create(core, id, [{ key: "env", value: "staging" }]).status).toBe(200);
    const listed = list(core, id);
    expect(validatorFor("ListResourceTagsResponse").issues(listed.json)).toEqual([]);
    expect(tagsOf(listed)).toEqual([
      { key: "env", value: "staging" },
      { key: "owner", value: "" },
    ]);
  });

  it("deletes by key, or by key and value, and ignores tags the tracker does not have", () => {
    const { core, ids } = coreWith("audit");
    const id = ids.audit as string;
    create(core, id, [
      { key: "env", value: "prod" },
      { key: "team", value: "ml" },
      { key: "cost", value: "42" },
    ]);
    const gone = remove(core, id, [
      { key: "env" },
      { key: "team", value: "other" },
      { key: "absent" },
    ]);
    expect(gone.status).toBe(204);
    expect(gone.raw.body).toBe("");
    expect(tagsOf(list(core, id))).toEqual([
      { key: "team", value: "ml" },
      { key: "cost", value: "42" },
    ]);
    remove(core, id, [{ key: "team", value: "ml" }]);
    expect(tagsOf(list(core, id))).toEqual([{ key: "cost", value: "42" }]);
  });

  it.each([
    ["an empty list", [], /tags must not be empty/],
    ["an empty key", [{ key: "", value: "v" }], /tags\/0\/key/],
    ["a 129-character key", [{ key: "k".repeat(129), value: "v" }], /tags\/0\/key.*128/],
    ["a _sys_ key", [{ key: "_sys_enterprise", value: "v" }], /must not start with _sys_/],
    ["a key with a leading space", [{ key: " env", value: "v" }], /start or end with a space/],
    ["a key with a forbidden character", [{ key: "env#1", value: "v" }], /may hold letters/],
    ["a 256-character value", [{ key: "k", value: "v".repeat(256) }], /tags\/0\/value.*255/],
    ["a value with a forbidden character", [{ key: "k", value: "a,b" }], /value may hold/],
    [
      "a key twice",
      [
        { key: "k", value: "1" },
        { key: "k", value: "2" },
      ],
      /repeats "k"/,
    ],
    ["a tag without value", [{ key: "k" }], /tags\/0.*value/],
    ["tags that are not a list", "env=prod", /tags/],
  ])("refuses %s with CTS.0003 and changes nothing", (_why, tags, detail) => {
    const { core, ids } = coreWith("audit");
    const id = ids.audit as string;
    create(core, id, [{ key: "keep", value: "me" }]);
    const refused = create(core, id, tags);
    expect(refused.status).toBe(400);
    expect(codeOf(refused)).toBe("CTS.0003");
    expect((refused.json as { error_msg: string }).error_msg).toMatch(detail);
    expect(validatorFor("ErrorBody").issues(refused.json)).toEqual([]);
    expect(tagsOf(list(core, id))).toEqual([{ key: "keep", value: "me" }]);
  });

  it("takes Unicode letters, digits, spaces and _ . : / = + - @; counts characters, not bytes", () => {
    const { core, ids } = coreWith("audit");
    const key = "项目".repeat(64); // 128 characters, 384 UTF-8 bytes
    const tags = [
      { key, value: "数据 v1.2:a/b=c+d-e@f_g" },
      { key: "Ünïcode 9", value: "" },
    ];
    expect(create(core, ids.audit as string, tags).status).toBe(200);
    expect(tagsOf(list(core, ids.audit as string))).toEqual(tags);
  });

  it("answers CTS.0214 (404) for a tracker id the project does not have, on every tag route", () => {
    const { core } = coreWith();
    const unknown = "00000000-0000-0000-0000-000000000000";
    for (const answer of [
      create(core, unknown, [{ key: "k", value: "v" }]),
      remove(core, unknown, [{ key: "k" }]),
      list(core, unknown),
    ]) {
      expect(answer.status).toBe(404);
      expect(codeOf(answer)).toBe("CTS.0214");
    }
  });

  it("serves only the cts-tracker resource type (other types are unknown paths)", () => {
    const { core, ids } = coreWith("audit");
    const answer = call(core, "GET", `/v3/${PID}/cts-bucket/${ids.audit}/tags`);
    expect(answer.status).toBe(404);
    expect(call(core, "GET", `${BASE}/${ids.audit}/tags`).status).toBe(200);
  });

  it("drops a tracker's tags with the tracker", () => {
    const { core, ids } = coreWith("audit", "other");
    create(core, ids.audit as string, [{ key: "env", value: "prod" }]);
    create(core, ids.other as string, [{ key: "team", value: "ml" }]);
    call(core, "DELETE", `/v3/${PID}/trackers`, {
      query: { tracker_name: "audit", tracker_type: "data" },
    });
    expect(call(core, "GET", `${BASE}/tags`).json).toEqual({
      tags: [{ key: "team", values: ["ml"] }],
    });
    expect(core.exportState().projects[PID]?.tags).toEqual({
      [ids.other as string]: [{ key: "team", value: "ml" }],
    });
  });

  it("lists the project's keys with their distinct values, in order of first use, up to limit", () => {
    const { core, ids } = coreWith("a", "b");
    create(core, ids.a as string, [
      { key: "env", value: "prod" },
      { key: "team", value: "ml" },
    ]);
    create(core, ids.b as string, [
      { key: "env", value: "dev" },
      { key: "cost", value: "7" },
      { key: "team", value: "ml" },
    ]);
    const all = call(core, "GET", `${BASE}/tags`);
    expect(validatorFor("ListProjectTagsResponse").issues(all.json)).toEqual([]);
    expect(all.json).toEqual({
      tags: [
        { key: "env", values: ["prod", "dev"] },
        { key: "team", values: ["ml"] },
        { key: "cost", values: ["7"] },
      ],
    });
    expect(call(core, "GET", `${BASE}/tags`, { query: { limit: "1" } }).json).toEqual({
      tags: [{ key: "env", values: ["prod", "dev"] }],
    });
    for (const limit of ["0", "1001", "x", "1.5"]) {
      const bad = call(core, "GET", `${BASE}/tags`, { query: { limit } });
      expect([limit, bad.status, codeOf(bad)]).toEqual([limit, 400, "CTS.0300"]);
    }
  });

  it("filters trackers by tags and name, counting before offset and limit", () => {
    const { core, ids } = coreWith("prod-audit", "dev-audit", "prod-data");
    create(core, ids["prod-audit"] as string, [{ key: "env", value: "prod" }]);
    create(core, ids["dev-audit"] as string, [{ key: "env", value: "dev" }]);
    create(core, ids["prod-data"] as string, [
      { key: "env", value: "prod" },
      { key: "team", value: "ml" },
    ]);
    const names = (answer: Answer): string[] =>
      (answer.json as { resources: { resource_name: string }[] }).resources.map(
        (r) => r.resource_name,
      );
    const prod = filter(core, { tags: [{ key: "env", values: ["prod"] }] });
    expect(validatorFor("ListResourcesByTagsResponse").issues(prod.json)).toEqual([]);
    expect(names(prod)).toEqual(["prod-audit", "prod-data"]);
    expect((prod.json as { resources: { tags: Tag[] }[] }).resources[1]?.tags).toEqual([
      { key: "env", value: "prod" },
      { key: "team", value: "ml" },
    ]);
    expect(names(filter(core, { tags: [{ key: "env", values: [] }] }))).toEqual([
      "prod-audit",
      "dev-audit",
      "prod-data",
    ]);
    expect(
      names(
        filter(core, {
          tags: [
            { key: "env", values: ["prod"] },
            { key: "team", values: [] },
          ],
        }),
      ),
    ).toEqual(["prod-data"]);
    expect(names(filter(core, { matches: [{ key: "resource_name", value: "audit" }] }))).toEqual([
      "prod-audit",
      "dev-audit",
    ]);
    expect(names(filter(core, { matches: [{ key: "resource_name", value: "" }] }))).toEqual([]);
    const page = filter(core, { tags: [{ key: "env", values: [] }], offset: 1, limit: 1 });
    expect(names(page)).toEqual(["dev-audit"]);
    expect((page.json as { total_count: number }).total_count).toBe(3);
    // Without tag filters: every tracker, the system tracker included.
    expect(names(filter(core, {}))).toEqual(["system", "prod-audit", "dev-audit", "prod-data"]);
    for (const body of [
      { matches: [{ key: "resource_id", value: "x" }] },
      { limit: 0 },
      { offset: -1 },
      { tags: [{ key: "env" }] },
    ]) {
      const bad = filter(core, body);
      expect([body, bad.status, codeOf(bad)]).toEqual([body, 400, "CTS.0003"]);
    }
  });

  test.prop([
    fc.uniqueArray(
      fc.record({
        key: fc.stringMatching(/^[a-z][a-z0-9._-]{0,11}$/),
        value: fc.stringMatching(/^[a-z0-9 ]{0,8}$/),
      }),
      { minLength: 1, maxLength: 8, selector: (tag) => tag.key },
    ),
    fc.array(fc.nat(7), { maxLength: 8 }),
  ])("setting tags then deleting some by key leaves exactly the others", (tags, picks) => {
    const { core, ids } = coreWith("audit");
    const id = ids.audit as string;
    expect(create(core, id, tags).status).toBe(200);
    const doomed = new Set(picks.map((pick) => tags[pick % tags.length]?.key as string));
    expect(
      remove(
        core,
        id,
        [...doomed].map((key) => ({ key })),
      ).status,
    ).toBe(204);
    expect(tagsOf(list(core, id))).toEqual(tags.filter((tag) => !doomed.has(tag.key)));
    const filtered = filter(core, { tags: tags.map((tag) => ({ key: tag.key, values: [] })) });
    const total = (filtered.json as { total_count: number }).total_count;
    expect(total).toBe(doomed.size === 0 ? 1 : 0);
  });
});
