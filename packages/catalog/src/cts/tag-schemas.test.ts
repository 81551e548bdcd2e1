import { describe, expect, it } from "vitest";
import { SchemaIssueCode } from "./schema-issue-code.js";
import { validatorFor } from "./validators.js";

describe("tag schemas (reference §1.6)", () => {
  it("a tag key is 1–128 characters and a value 0–255; the character rules are left to CTS", () => {
    const tag = validatorFor("ResourceTag");
    expect(tag.check({ key: "team", value: "" })).toBe(true);
    expect(tag.check({ key: "k".repeat(128), value: "v".repeat(255) })).toBe(true);
    expect(tag.check({ key: "_sys_x", value: "a#b" })).toBe(true);
    expect(tag.issues({ key: "k".repeat(129), value: "v" })).toContainEqual(
      expect.objectContaining({ code: SchemaIssueCode.range, path: "/key" }),
    );
    expect(tag.check({ key: "", value: "v" })).toBe(false);
    expect(tag.check({ key: "k", value: "v".repeat(256) })).toBe(false);
    expect(tag.issues({ key: "k" })).toEqual([
      { code: SchemaIssueCode.required, path: "/value", message: "value is required" },
    ]);
  });

  it("batch create needs key and value; batch delete may leave the value out", () => {
    expect(validatorFor("BatchCreateResourceTagsRequest").check({ tags: [{ key: "k" }] })).toBe(
      false,
    );
    expect(
      validatorFor("BatchCreateResourceTagsRequest").check({ tags: [{ key: "k", value: "" }] }),
    ).toBe(true);
    expect(
      validatorFor("BatchDeleteResourceTagsRequest").check({
        tags: [{ key: "k" }, { key: "j", value: "v" }],
      }),
    ).toBe(true);
    expect(validatorFor("BatchDeleteResourceTagsRequest").check({})).toBe(false);
  });

  it("project tags carry every value of a key", () => {
    const list = validatorFor("ListProjectTagsResponse");
    expect(list.check({ tags: [{ key: "team", values: ["a", "b"] }] })).toBe(true);
    expect(list.check({ tags: [{ key: "team", value: "a" }] })).toBe(false);
  });

  it("the resource filter takes optional tags, matches and paging; resources come with tags", () => {
    const request = validatorFor("ListResourcesByTagsRequest");
    expect(request.check({})).toBe(true);
    expect(
      request.check({
        tags: [{ key: "team", values: ["a"] }],
        matches: [{ key: "resource_name", value: "" }],
        limit: 1000,
        offset: 0,
      }),
    ).toBe(true);
    expect(request.check({ limit: "10" })).toBe(false);
    expect(request.check({ tags: [{ key: "team" }] })).toBe(false);
    const response = validatorFor("ListResourcesByTagsResponse");
    const resource = {
      resource_id: "t-1",
      resource_name: "system",
      resource_detail: "",
      tags: [{ key: "team", value: "a" }],
    };
    expect(response.check({ resources: [resource], total_count: 1 })).toBe(true);
    expect(response.check({ resources: [resource] })).toBe(false);
  });
});

describe("configuration schemas (reference §1.7)", () => {
  const configuration = {
    is_sync_global_trace: true,
    is_support_read_only: false,
    support_read_only_services: ["ECS", "EVS"],
  };

  it("the response has all three fields; the PUT body may carry any of them", () => {
    expect(validatorFor("CtsConfiguration").check(configuration)).toBe(true);
    const { support_read_only_services: _dropped, ...partial } = configuration;
    expect(validatorFor("CtsConfiguration").issues(partial)).toEqual([
      {
        code: SchemaIssueCode.required,
        path: "/support_read_only_services",
        message: "support_read_only_services is required",
      },
    ]);
    expect(validatorFor("UpdateConfigurationRequest").check({})).toBe(true);
    expect(validatorFor("UpdateConfigurationRequest").check(partial)).toBe(true);
    expect(validatorFor("UpdateConfigurationRequest").check({ is_support_read_only: "yes" })).toBe(
      false,
    );
  });
});
