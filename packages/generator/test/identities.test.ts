// The identities behind the tenants agree with the traces: accounts, projects, users and the
// permanent AKs the traces carry; secrets stay out of every trace.
import {
  encodeApiTraceJson,
  GeneratorError,
  generateTraces,
  type TenantIdentity,
  tenantIdentities,
} from "@ctsim/generator";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 2);

interface ApiUser {
  id: string;
  name: string;
  domain: { id: string; name: string };
  account_id: string;
  access_key_id?: string;
}

/** A week of traces and the identities of the same tenants. */
function week(seed: number, tenants: number, users: number) {
  const events = [...generateTraces({ seed, tenants, users, now: NOW })];
  const traces = events.map((event) => ({
    projectId: event.projectId,
    json: encodeApiTraceJson(event),
    user: (JSON.parse(encodeApiTraceJson(event)) as { user: ApiUser | null }).user,
  }));
  return { traces, identities: tenantIdentities({ seed, tenants, users, now: NOW }) };
}

const options = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  tenants: fc.integer({ min: 1, max: 3 }),
  users: fc.integer({ min: 1, max: 25 }),
});

describe("tenantIdentities against the traces of the same tenants", () => {
  test.prop([options], { numRuns: 6 })(
    "every trace's project, account and permanent AK belong to one identity",
    ({ seed, tenants, users }) => {
      const { traces, identities } = week(seed, tenants, users);
      const owner = new Map<string, TenantIdentity>();
      for (const identity of identities) {
        for (const project of identity.projects) owner.set(project.projectId, identity);
      }
      const keys = new Map(
        identities.flatMap((identity) => identity.permanent.map((key) => [key.ak, key] as const)),
      );
      for (const trace of traces) {
        const identity = owner.get(trace.projectId);
        expect(identity, `project ${trace.projectId}`).toBeDefined();
        const user = trace.user;
        if (user === null) continue;
        expect(user.domain).toEqual({ id: identity?.domainId, name: identity?.domainName });
        expect(user.account_id).toBe(identity?.domainId);
        const ak = user.access_key_id;
        if (ak?.startsWith("HPUA")) {
          expect(keys.get(ak), ak).toMatchObject({ userId: user.id, userName: user.name });
          expect(identity?.permanent.map((key) => key.ak)).toContain(ak);
        }
      }
    },
  );

  it("puts no secret into any trace, and issues keys no trace carries", () => {
    const { traces, identities } = week(3, 2, 12);
    const text = traces.map((trace) => trace.json).join("\n");
    const secrets = identities.flatMap((identity) => [
      ...identity.permanent.map((key) => key.sk),
      ...identity.temporary.flatMap((key) => [key.ak, key.sk, key.securityToken]),
      ...identity.tokens.map((token) => token.token),
    ]);
    expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
    expect(new Set(secrets).size).toBe(secrets.length);
  });

  it("gives every CI bot a permanent key that its API traces carry", () => {
    const { traces, identities } = week(5, 1, 12);
    const used = new Set(traces.flatMap((trace) => trace.user?.access_key_id ?? []));
    const [identity] = identities;
    const bots = identity?.permanent.filter((key) => key.userName.startsWith("ci-")) ?? [];
    expect(bots.length).toBeGreaterThan(0);
    // A bot's key current at the clock, or the one it replaced (not deleted yet), signs its calls.
    for (const bot of bots) {
      const keys = bots.filter((key) => key.userId === bot.userId).map((key) => key.ak);
      expect(
        keys.some((ak) => used.has(ak)),
        bot.userName,
      ).toBe(true);
    }
  });
});

describe("tenantIdentities on its own", () => {
  test.prop([options, fc.integer({ min: 0, max: 2 ** 42 }), fc.integer({ min: 0, max: 2 ** 42 })])(
    "depends on the clock only through issue and expiry times and the permanent keys' rotation",
    (o, nowA, nowB) => {
      const strip = (identities: TenantIdentity[]) =>
        JSON.parse(
          JSON.stringify(identities, (key, value) =>
            key === "issuedAt" || key === "expiresAt" || key === "permanent" ? undefined : value,
          ),
        );
      const a = tenantIdentities({ ...o, now: nowA });
      const b = tenantIdentities({ ...o, now: nowB });
      expect(strip(a)).toEqual(strip(b));
      expect(tenantIdentities({ ...o, now: nowA })).toEqual(a);
    },
  );

  test.prop([options, fc.integer({ min: 15, max: 24 * 60 })])(
    "issues fresh credentials at the clock and lists at least one already expired",
    (o, minutes) => {
      const lifetimeMs = minutes * 60_000;
      for (const identity of tenantIdentities({ ...o, now: NOW, lifetimeMs })) {
        const fresh = identity.temporary.filter((key) => key.expiresAt > NOW);
        const expired = identity.temporary.filter((key) => key.expiresAt < NOW);
        expect(fresh.length).toBeGreaterThanOrEqual(2); // a user session and an agency session
        expect(expired.length).toBeGreaterThanOrEqual(1);
        expect(identity.temporary.slice(0, fresh.length)).toEqual(fresh);
        for (const key of identity.temporary) {
          expect(key.expiresAt - key.issuedAt).toBe(lifetimeMs);
          expect(key.ak).toMatch(/^HSTA[0-9A-Z]{16}$/);
          expect(key.sk).toMatch(/^[A-Za-z0-9]{40}$/);
        }
        expect(fresh.map((key) => key.principal.kind).sort()).toEqual(["agency", "user"]);
        const projects = identity.projects.map((project) => project.projectId);
        const freshTokens = identity.tokens.filter((token) => token.expiresAt > NOW);
        expect(freshTokens.map((token) => token.projectId)).toEqual(projects);
        expect(identity.tokens.filter((token) => token.expiresAt < NOW)).toHaveLength(1);
      }
    },
  );

  test.prop([options])("gives tenant i the same identity whatever the number of tenants", (o) => {
    const more = tenantIdentities({ ...o, tenants: o.tenants + 1, now: NOW });
    expect(more.slice(0, o.tenants)).toEqual(tenantIdentities({ ...o, now: NOW }));
  });

  it.each([
    [{ tenants: 0 }, /tenants: 0/],
    [{ users: 1.5 }, /users: 1.5/],
    [{ seed: Number.NaN }, /seed: NaN/],
    [{ now: Number.POSITIVE_INFINITY }, /now: Infinity/],
    [{ lifetimeMs: 60_000 }, /lifetimeMs: 60000/],
    [{ lifetimeMs: 2 * DAY }, /lifetimeMs: 172800000/],
  ])("refuses %j", (bad, message) => {
    expect(() => tenantIdentities(bad)).toThrow(GeneratorError);
    expect(() => tenantIdentities(bad)).toThrow(message);
  });
});
