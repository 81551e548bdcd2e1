// Access keys rotate as one history: every permanent key the API traces carry was created
// before its first use, is not used after its deletion, belongs to one identity, and is one
// the tenant's identities accept at the time it is used.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { encodeApiTraceJson } from "../encode/encode-api-trace-json.js";
import { tenantIdentities } from "../identity/tenant-identities.js";
import { buildTenant } from "../tenant/build-tenant.js";
import { keyHolders } from "../tenant/key-holders.js";
import { accessKeyOf, type KeyPolicy, keyEpochAt, keyRotation } from "../tenant/key-policy.js";
import { generateTraces } from "../timeline/generate-traces.js";

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 2);

interface Trace {
  trace_name: string;
  trace_type: string;
  service_type: string;
  resource_id: string;
  resource_name: string;
  time: number;
  user: { id: string; access_key_id?: string } | null;
}

interface Use {
  first: number;
  last: number;
  users: Set<string>;
}

const cases = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  users: fc.integer({ min: 4, max: 14 }),
  holderPick: fc.nat(),
  /** Where the 3-week window starts, from 3 days before a rotation's key creation on. */
  offsetDays: fc.integer({ min: -3, max: 20 }),
});

/** A 3-week window near a rotation of one key holder, and the traces of the tenant in it. */
function windowAround(seed: number, users: number, holderPick: number, offsetDays: number) {
  const tenant = buildTenant({ seed, index: 0, users });
  const holders = keyHolders(tenant);
  const policy = holders[holderPick % holders.length]?.keyPolicy as KeyPolicy;
  const k = keyEpochAt(policy, NOW);
  const rotation = keyRotation(policy, k);
  const from = rotation.createAt + offsetDays * DAY;
  const to = from + 21 * DAY;
  const traces = [...generateTraces({ seed, users, from, to })].map(
    (event) => JSON.parse(encodeApiTraceJson(event)) as Trace,
  );
  return { from, to, traces, policy, k, rotation };
}

describe("access key rotation", () => {
  test.prop([cases], { numRuns: 8 })(
    "every permanent key is created before its first use, unused after its deletion, one identity's, and accepted at its use",
    ({ seed, users, holderPick, offsetDays }) => {
      const { from, to, traces, policy, k, rotation } = windowAround(
        seed,
        users,
        holderPick,
        offsetDays,
      );
      const created = new Map<string, Trace>();
      const deleted = new Map<string, Trace>();
      const uses = new Map<string, Use>();
      for (const t of traces) {
        if (t.trace_name === "createCredential") created.set(t.resource_name, t);
        if (t.trace_name === "deleteCredential") deleted.set(t.resource_name, t);
        const ak = t.user?.access_key_id;
        if (t.trace_type !== "ApiCall" || ak === undefined || !ak.startsWith("HPUA")) continue;
        const use = uses.get(ak) ?? { first: t.time, last: t.time, users: new Set<string>() };
        use.last = t.time;
        use.users.add(t.user?.id as string);
        uses.set(ak, use);
      }
      // The chosen holder's rotation is in the window whenever its times are.
      const inWindow = (time: number) => time >= from && time < to;
      expect(created.has(accessKeyOf(policy, k))).toBe(inWindow(rotation.createAt));
      expect(deleted.has(accessKeyOf(policy, k - 1))).toBe(inWindow(rotation.deleteAt));
      const atFrom = new Set(
        tenantIdentities({ seed, users, now: from })[0]?.permanent.map((key) => key.ak),
      );
      expect(uses.size).toBeGreaterThan(0);
      for (const [ak, use] of uses) {
        expect(use.users.size, ak).toBe(1);
        const [user] = use.users;
        const creation = created.get(ak);
        if (creation === undefined)
          expect(atFrom.has(ak), `${ak} existed at the window start`).toBe(true);
        else {
          expect(creation.time, ak).toBeLessThan(use.first);
          expect(creation.resource_id).toBe(user);
        }
        const deletion = deleted.get(ak);
        if (deletion !== undefined) {
          expect(use.last, ak).toBeLessThan(deletion.time);
          expect(deletion.resource_id).toBe(user);
        }
        for (const now of [use.first, use.last]) {
          const accepted = tenantIdentities({ seed, users, now })[0]?.permanent ?? [];
          expect(accepted.find((key) => key.ak === ak)?.userId, `${ak} at ${now}`).toBe(user);
        }
      }
    },
  );

  test.prop([cases], { numRuns: 3 })(
    "modelartsOnly has no rotation traces and signs ModelArts calls with the same keys",
    ({ seed, users, holderPick, offsetDays }) => {
      const { from, to } = windowAround(seed, users, holderPick, 0);
      const window = { seed, users, from: from + offsetDays * DAY, to: to + offsetDays * DAY };
      const keysOf = (modelartsOnly: boolean) => {
        const keys = new Set<string>();
        let rotations = 0;
        for (const event of generateTraces({ ...window, modelartsOnly })) {
          if (/Credential$/.test(event.traceName)) rotations++;
          if (event.serviceType === "ModelArts" && event.accessKeyId?.startsWith("HPUA"))
            keys.add(`${event.userName}:${event.accessKeyId}`);
        }
        return { keys, rotations };
      };
      const holders = keyHolders(buildTenant({ seed, index: 0, users }));
      // Each holder's keys of the epochs the window can touch (it is shorter than one epoch).
      const valid = new Set(
        holders.flatMap((actor) => {
          const policy = actor.keyPolicy as KeyPolicy;
          const first = keyEpochAt(policy, window.from) - 1;
          return [0, 1, 2].map((i) => `${actor.name}:${accessKeyOf(policy, first + i)}`);
        }),
      );
      const only = keysOf(true);
      const full = keysOf(false);
      expect(only.rotations).toBe(0);
      expect(only.keys.size).toBeGreaterThan(0);
      for (const key of [...only.keys, ...full.keys]) expect(valid).toContain(key);
    },
  );
});
