import { validatorFor } from "@ctsim/catalog";
import { createCtsCore } from "@ctsim/mock";
import { describe, expect, it } from "vitest";
import { call } from "./support/call.js";

const PID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const OTHER = "ffeeddccbbaa99887766554433221100";
const PATH = (project: string): string => `/v3/${project}/configuration`;

describe("trace configuration (reference §1.7)", () => {
  it("starts with every switch off, keeps what PUT sets, per project", () => {
    const core = createCtsCore({ now: () => Date.UTC(2026, 5, 15) });
    const initial = call(core, "GET", PATH(PID));
    expect(initial.status).toBe(200);
    expect(validatorFor("CtsConfiguration").issues(initial.json)).toEqual([]);
    expect(initial.json).toEqual({
      is_sync_global_trace: false,
      is_support_read_only: false,
      support_read_only_services: [],
    });
    const put = call(core, "PUT", PATH(PID), {
      body: { is_support_read_only: true, support_read_only_services: ["ECS", "VPC"] },
    });
    expect(put.status).toBe(204);
    expect(put.raw.body).toBe("");
    // A field the body leaves out keeps its value.
    call(core, "PUT", PATH(PID), { body: { is_sync_global_trace: true } });
    expect(call(core, "GET", PATH(PID)).json).toEqual({
      is_sync_global_trace: true,
      is_support_read_only: true,
      support_read_only_services: ["ECS", "VPC"],
    });
    expect(call(core, "GET", PATH(OTHER)).json).toMatchObject({ is_sync_global_trace: false });
  });

  it.each([
    ["a string for a boolean", { is_sync_global_trace: "yes" }],
    ["services that are not a list", { support_read_only_services: "ECS" }],
    ["a service that is not a string", { support_read_only_services: [1] }],
    ["an empty body", ""],
    ["a body that is not JSON", "{is"],
  ])("refuses %s with CTS.0003 and changes nothing", (_why, body) => {
    const core = createCtsCore({ now: () => Date.UTC(2026, 5, 15) });
    const before = call(core, "GET", PATH(PID)).json;
    const refused = call(core, "PUT", PATH(PID), { body });
    expect(refused.status).toBe(400);
    expect((refused.json as { error_code: string }).error_code).toBe("CTS.0003");
    expect(call(core, "GET", PATH(PID)).json).toEqual(before);
  });
});
