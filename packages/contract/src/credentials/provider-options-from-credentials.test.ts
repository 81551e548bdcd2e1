import { describe, expect, it } from "vitest";
import { providerOptionsFromCredentials } from "./provider-options-from-credentials.js";

const NOW = Date.UTC(2026, 2, 10, 12, 0, 0);
const HOUR = 3_600_000;

/** A document as `ctsim serve --credentials FILE` writes it (two tenants, two regions). */
function document(auth = "aksk"): Record<string, unknown> {
  return {
    format: "ctsim-credentials",
    version: 1,
    endpoint: "http://127.0.0.1:9000",
    auth,
    tenants: [
      {
        domain_id: "d1",
        domain_name: "acme",
        projects: [
          { region: "cn-north-4", project_id: "p1-north" },
          { region: "ap-southeast-1", project_id: "p1-south" },
        ],
        permanent: [
          { user_id: "u1", user_name: "alice", ak: "AK1", sk: "SK1" },
          { user_id: "u2", user_name: "bob", ak: "AK2", sk: "SK2" },
        ],
        temporary: [
          {
            user_id: "u1",
            ak: "T-OLD",
            sk: "S-OLD",
            security_token: "tok-old",
            expires_at: NOW - HOUR,
          },
          {
            agency_name: "ops",
            ak: "T-NEW",
            sk: "S-NEW",
            security_token: "tok-new",
            expires_at: new Date(NOW + HOUR).toISOString(),
          },
          {
            user_id: "u2",
            ak: "T-OLD2",
            sk: "S-OLD2",
            security_token: "tok-old2",
            expires_at: NOW,
          },
        ],
        tokens: [
          { project_id: "p1-north", token: "expired-token", expires_at: NOW - 1 },
          { project_id: "p1-south", token: "south-token", expires_at: NOW + HOUR },
          { project_id: "p1-north", token: "north-token", expires_at: NOW + HOUR },
        ],
      },
      {
        domain_id: "d2",
        domain_name: "globex",
        projects: [
          { region: "ap-southeast-1", project_id: "p2-south" },
          { region: "cn-north-4", project_id: "p2-north" },
        ],
        permanent: [{ user_id: "u3", user_name: "carol", ak: "AK3", sk: "SK3" }],
        temporary: [
          { user_id: "u3", ak: "T3", sk: "S3", security_token: "tok3", expires_at: NOW - HOUR },
        ],
        tokens: [{ project_id: "p2-north", token: "p2-token", expires_at: NOW + HOUR }],
      },
    ],
  };
}

describe("providerOptionsFromCredentials", () => {
  it("takes tenant 0 as the account under test and tenant 1 as the second account (AK/SK)", () => {
    expect(providerOptionsFromCredentials({ document: document(), now: NOW })).toEqual({
      baseUrl: "http://127.0.0.1:9000",
      projectId: "p1-north",
      credentials: { ak: "AK1", sk: "SK1" },
      temporaryCredentials: { ak: "T-NEW", sk: "S-NEW", securityToken: "tok-new" },
      expiredCredentials: { ak: "T-OLD", sk: "S-OLD", securityToken: "tok-old" },
      secondAccount: { projectId: "p2-north", credentials: { ak: "AK3", sk: "SK3" } },
    });
  });

  it("decides expiry with the given clock: a credential expiring exactly now has expired", () => {
    const later = providerOptionsFromCredentials({ document: document(), now: NOW + HOUR });
    expect(later.temporaryCredentials).toBeUndefined();
    expect(later.expiredCredentials?.ak).toBe("T-OLD");
    const earlier = providerOptionsFromCredentials({ document: document(), now: NOW - 2 * HOUR });
    expect(earlier.temporaryCredentials?.ak).toBe("T-OLD");
    expect(earlier.expiredCredentials).toBeUndefined();
  });

  it("picks the projects of the asked region", () => {
    const options = providerOptionsFromCredentials({
      document: document(),
      now: NOW,
      region: "ap-southeast-1",
    });
    expect(options.projectId).toBe("p1-south");
    expect(options.secondAccount?.projectId).toBe("p2-south");
  });

  it("uses each tenant's unexpired token for its project in token mode, and no AK/SK material", () => {
    expect(providerOptionsFromCredentials({ document: document("token"), now: NOW })).toEqual({
      baseUrl: "http://127.0.0.1:9000",
      projectId: "p1-north",
      credentials: { token: "north-token" },
      secondAccount: { projectId: "p2-north", credentials: { token: "p2-token" } },
    });
  });

  it("gives only the endpoint and project when the server checks no credentials", () => {
    expect(providerOptionsFromCredentials({ document: document("none"), now: NOW })).toEqual({
      baseUrl: "http://127.0.0.1:9000",
      projectId: "p1-north",
    });
  });

  it("has no second account for a single tenant", () => {
    const single = document();
    single.tenants = (single.tenants as unknown[]).slice(0, 1);
    expect(
      providerOptionsFromCredentials({ document: single, now: NOW }).secondAccount,
    ).toBeUndefined();
  });

  it.each([
    ["not an object", [], /the document is not an object/],
    ["another format", { ...document(), format: "other" }, /format is "other"/],
    ["another version", { ...document(), version: 2 }, /version 2 is not supported/],
    ["an unknown auth mode", { ...document(), auth: "oauth" }, /auth is "oauth"/],
    ["no tenants", { ...document(), tenants: [] }, /tenants is empty/],
    [
      "a bad expiry",
      (() => {
        const d = document();
        const [first] = d.tenants as { temporary: { expires_at: unknown }[] }[];
        if (first?.temporary[0]) first.temporary[0].expires_at = "soon";
        return d;
      })(),
      /tenants\[0\]\.temporary\[0\]\.expires_at is neither epoch ms nor an ISO 8601 date/,
    ],
  ])("refuses %s with CTSIM_CONTRACT_OPTIONS", (_what, value, message) => {
    const map = () => providerOptionsFromCredentials({ document: value, now: NOW });
    expect(map).toThrow(message);
    expect(map).toThrow(expect.objectContaining({ code: "CTSIM_CONTRACT_OPTIONS" }));
  });

  it("refuses a region the account under test has no project in", () => {
    expect(() =>
      providerOptionsFromCredentials({ document: document(), now: NOW, region: "eu-west-0" }),
    ).toThrow(/tenant d1 has no project in region eu-west-0/);
  });

  it("refuses a tenant without the credential its mode needs", () => {
    const d = document();
    const [first] = d.tenants as { permanent: unknown[] }[];
    if (first) first.permanent = [];
    expect(() => providerOptionsFromCredentials({ document: d, now: NOW })).toThrow(
      /tenant d1 has no permanent AK\/SK/,
    );
  });
});
