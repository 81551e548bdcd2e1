// Black-box: the gateway in front of CTS, through the HTTP server, with requests signed by the
// official Node SDK. Two tenants' identities from the generator: each credential may use its
// own account's projects and account id only, nothing else creates state, temporary
// credentials expire, and trackers report the account the traces carry.
import { type TenantIdentity, tenantIdentities } from "@ctsim/generator";
import { createCtsCore, identityGateway, loadGeneratedTraces, TraceStore } from "@ctsim/mock";
import { type CtsServer, startCtsServer } from "@ctsim/mock/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "./support/call.js";
import { type SdkCall, type SdkCredential, sdkFetch } from "./support/official-sdk.js";

const SEED = 11;
const DAY = 86_400_000;
const now = Date.now();
const identities = tenantIdentities({ seed: SEED, tenants: 2, now });
const [A, B] = identities as [TenantIdentity, TenantIdentity];
const store = new TraceStore({ now: () => now });
loadGeneratedTraces(store, { seed: SEED, tenants: 2, days: 1 });

let server: CtsServer;
beforeAll(async () => {
  server = await startCtsServer({ store, ...identityGateway({ identities, auth: "aksk" }) });
});
afterAll(() => server.close());

const homeOf = (tenant: TenantIdentity): string => tenant.projects[0]?.projectId as string;
/** A's first permanent key, with the client built for `projectId`. */
const keyOf = (tenant: TenantIdentity, projectId = homeOf(tenant)): SdkCredential => ({
  ...(tenant.permanent[0] as { ak: string; sk: string }),
  projectId,
});
const window = { trace_type: "system", from: now - DAY, to: now, limit: 200 };
const intruder = {
  tracker_type: "data",
  tracker_name: "intruder",
  data_bucket: { data_bucket_name: "exfiltration", data_event: ["READ"] },
};
const ROUTES: readonly [string, SdkCall][] = [
  ["ListTraces", { method: "GET", path: "/v3/{project_id}/traces", query: window }],
  ["ListTrackers", { method: "GET", path: "/v3/{project_id}/trackers" }],
  ["CreateTracker", { method: "POST", path: "/v3/{project_id}/tracker", body: intruder }],
  ["ListQuotas", { method: "GET", path: "/v3/{project_id}/quotas" }],
];
const TARGETS = [
  ["the other tenant's project", homeOf(B)],
  ["a well-formed project id no account has", "0123456789abcdef0123456789abcdef"],
  ["a malformed project id", "not-a-project-id"],
] as const;

async function answer(
  response: Response,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const text = await response.text();
  return { status: response.status, json: text === "" ? {} : JSON.parse(text) };
}

describe("a tenant's credential on its own projects", () => {
  it.each(ROUTES.filter(([name]) => name !== "CreateTracker"))(
    "%s answers 200",
    async (_name, route) => {
      const { status } = await answer(await sdkFetch(server.url, keyOf(A), route));
      expect(status).toBe(200);
    },
  );
});

describe("a tenant's credential on a project that is not its account's", () => {
  it.each(
    ROUTES.flatMap(([name, route]) =>
      TARGETS.map(([target, projectId]) => [`${name}, ${target}`, route, projectId] as const),
    ),
  )("%s: 403 CTS.0002, and nothing is created", async (_case, route, projectId) => {
    const before = Object.keys(server.core.exportState().projects);
    const { status, json } = await answer(await sdkFetch(server.url, keyOf(A, projectId), route));
    expect(status).toBe(403);
    expect(json.error_code).toBe("CTS.0002");
    const after = server.core.exportState().projects;
    expect(Object.keys(after).sort()).toEqual(before.sort());
    expect(after).not.toHaveProperty(projectId);
    const trackers = Object.values(after).flatMap((project) => project.trackers);
    expect(trackers.map((tracker) => tracker.tracker_name)).not.toContain("intruder");
  });

  it("leaves the other tenant's trackers as they were", async () => {
    const { json } = await answer(
      await sdkFetch(server.url, keyOf(B), { method: "GET", path: "/v3/{project_id}/trackers" }),
    );
    const names = (json.trackers as { tracker_name: string }[]).map((t) => t.tracker_name);
    // The management tracker and the data trackers of B's generated OBS data traces.
    expect(names).toEqual(["system", "modelarts-data", "modelarts-ml"]);
  });
});

describe("account-scoped routes (/v3/{domain_id}/…)", () => {
  const resources = (domainId: string): SdkCall => ({
    method: "GET",
    path: `/v3/${domainId}/resources`,
  });
  const checkbucket = (domainId: string): SdkCall => ({
    method: "POST",
    path: `/v3/${domainId}/checkbucket`,
    body: { buckets: [{ bucket_name: "audit-logs", bucket_location: "cn-north-4" }] },
  });

  it("answer the credential's own account id", async () => {
    expect((await sdkFetch(server.url, keyOf(A), resources(A.domainId))).status).toBe(200);
    expect((await sdkFetch(server.url, keyOf(A), checkbucket(A.domainId))).status).toBe(200);
  });

  it.each([
    ["another account's id", B.domainId],
    ["an id no account has", "fedcba9876543210fedcba9876543210"],
    ["a project id", homeOf(A)],
  ])("refuse %s with 403 CTS.0002", async (_case, id) => {
    for (const route of [resources(id), checkbucket(id)]) {
      const { status, json } = await answer(await sdkFetch(server.url, keyOf(A), route));
      expect(status).toBe(403);
      expect(json.error_code).toBe("CTS.0002");
    }
  });
});

describe("temporary credentials (signed by the official SDK)", () => {
  const list: SdkCall = { method: "GET", path: "/v3/{project_id}/trackers" };
  const fresh = A.temporary.filter((key) => key.expiresAt > now);
  const expired = A.temporary.filter((key) => key.expiresAt <= now);
  const temporary = (key: (typeof A.temporary)[number]): SdkCredential => ({
    ak: key.ak,
    sk: key.sk,
    securityToken: key.securityToken,
    projectId: homeOf(A),
  });

  it("are accepted while fresh, a user's and an agency's session alike", async () => {
    expect(fresh.map((key) => key.principal.kind).sort()).toEqual(["agency", "user"]);
    for (const key of fresh) {
      expect((await sdkFetch(server.url, temporary(key), list)).status).toBe(200);
    }
  });

  it("are refused once expired, with 401 APIGW.0301 token expires", async () => {
    expect(expired.length).toBeGreaterThan(0);
    for (const key of expired) {
      const { status, json } = await answer(await sdkFetch(server.url, temporary(key), list));
      expect(status).toBe(401);
      expect(json.error_code).toBe("APIGW.0301");
      expect(json.error_msg).toContain(
        `Incorrect IAM authentication information: token expires, expires_at: ${new Date(key.expiresAt).toISOString()}`,
      );
      expect(json.request_id).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it("are refused with another credential's security token", async () => {
    const [user, agency] = fresh as [(typeof fresh)[number], (typeof fresh)[number]];
    const swapped = { ...temporary(user), securityToken: agency.securityToken };
    const { status, json } = await answer(await sdkFetch(server.url, swapped, list));
    expect(status).toBe(401);
    expect(json.error_msg).toContain("X-Security-Token is missing or wrong");
  });

  it("keep to their own account too", async () => {
    const key = { ...temporary(fresh[0] as (typeof fresh)[number]), projectId: homeOf(B) };
    expect((await sdkFetch(server.url, key, list)).status).toBe(403);
  });
});

describe("one identity everywhere", () => {
  it("trackers and notifications report the account the project's traces carry", async () => {
    const page = await answer(
      await sdkFetch(server.url, keyOf(A), {
        method: "GET",
        path: "/v3/{project_id}/traces",
        query: window,
      }),
    );
    const traces = page.json.traces as {
      user: { domain: { id: string }; account_id: string } | null;
    }[];
    const users = traces.flatMap((trace) => (trace.user === null ? [] : [trace.user]));
    expect(users.length).toBeGreaterThan(0);
    const accounts = new Set(users.flatMap((user) => [user.domain.id, user.account_id]));
    expect([...accounts]).toEqual([A.domainId]);

    const created = await answer(
      await sdkFetch(server.url, keyOf(A), {
        method: "POST",
        path: "/v3/{project_id}/tracker",
        body: { ...intruder, tracker_name: "audit" },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      domain_id: A.domainId,
      project_id: homeOf(A),
      kms_id: "",
      is_organization_tracker: false,
      management_event_selector: { exclude_service: [] },
    });
    const notification = await answer(
      await sdkFetch(server.url, keyOf(A), {
        method: "POST",
        path: "/v3/{project_id}/notifications",
        body: { notification_name: "deletions", operation_type: "complete" },
      }),
    );
    expect(notification.json).toMatchObject({
      domain_id: A.domainId,
      agency_name: "cts_admin_trust",
    });
    const listed = await answer(
      await sdkFetch(server.url, keyOf(A), { method: "GET", path: "/v3/{project_id}/trackers" }),
    );
    const domains = (listed.json.trackers as { domain_id: string }[]).map((t) => t.domain_id);
    // The management tracker, the data trackers of the traces, and the tracker created above.
    expect(domains).toEqual([A.domainId, A.domainId, A.domainId, A.domainId]);
  });
});

describe("the other auth modes", () => {
  it("token: a token serves its own project only, and not once expired", () => {
    const core = createCtsCore({
      store,
      now: () => now,
      ...identityGateway({ identities, auth: "token" }),
    });
    const [fresh] = A.tokens;
    const expired = A.tokens.find((token) => token.expiresAt <= now);
    const get = (projectId: string, token: string) =>
      call(core, "GET", `/v3/${projectId}/trackers`, { headers: { "x-auth-token": token } });
    expect(get(homeOf(A), fresh?.token as string).status).toBe(200);
    expect(get(homeOf(B), fresh?.token as string).status).toBe(403);
    const refused = get(homeOf(A), expired?.token as string);
    expect(refused.status).toBe(401);
    expect((refused.json as { error_msg: string }).error_msg).toContain("token expires");
  });

  it("none: every tenant's project is served, no other id", () => {
    const core = createCtsCore({
      store,
      now: () => now,
      ...identityGateway({ identities, auth: "none" }),
    });
    expect(call(core, "GET", `/v3/${homeOf(B)}/quotas`).status).toBe(200);
    expect(call(core, "GET", "/v3/not-a-project-id/trackers").status).toBe(403);
    expect(call(core, "POST", `/v3/${"9".repeat(32)}/tracker`, { body: intruder }).status).toBe(
      403,
    );
    expect(Object.keys(core.exportState().projects)).toEqual([homeOf(B)]);
  });

  it.each([
    ["APIGW.0302", 403, "The IAM user is not authorized to access the API. (no account has"],
    ["APIGW.0301", 401, "Incorrect IAM authentication information: no account has"],
  ] as const)("answers %s when the behaviour says so", (code, status, message) => {
    const core = createCtsCore({
      store,
      now: () => now,
      behaviour: { outOfScope: code },
      ...identityGateway({ identities, auth: "none" }),
    });
    const refused = call(core, "GET", `/v3/${"9".repeat(32)}/trackers`);
    expect(refused.status).toBe(status);
    expect(refused.json).toMatchObject({ error_code: code, request_id: expect.any(String) });
    expect((refused.json as { error_msg: string }).error_msg).toContain(message);
  });
});
