import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { AccountDirectory } from "./account-directory.js";
import { checkScope } from "./check-scope.js";
import type { GatewayAccount } from "./gateway-account.js";

const hex32 = fc.stringMatching(/^[0-9a-f]{32}$/);
/** Accounts with distinct domain ids and distinct project ids, 1–3 projects each. */
const accounts = fc
  .uniqueArray(hex32, { minLength: 2, maxLength: 12 })
  .chain((ids) =>
    fc
      .array(fc.integer({ min: 1, max: 3 }), {
        minLength: 1,
        maxLength: Math.floor(ids.length / 2),
      })
      .map((sizes): GatewayAccount[] => {
        let next = sizes.length;
        return sizes.map((size, i) => {
          const projects = ids.slice(next, next + size).map((projectId) => ({ projectId }));
          next += size;
          return { domainId: ids[i] as string, projects };
        });
      }),
  )
  .filter((list) => list.every((account) => account.projects.length > 0));

const A: GatewayAccount = {
  domainId: "a".repeat(32),
  projects: [{ projectId: "1".repeat(32) }, { projectId: "2".repeat(32) }],
};
const B: GatewayAccount = { domainId: "b".repeat(32), projects: [{ projectId: "3".repeat(32) }] };
const directory = AccountDirectory.of([A, B], "f".repeat(32));

describe("checkScope", () => {
  test.prop([accounts, fc.nat(), fc.nat(), fc.oneof(hex32, fc.string())])(
    "lets an account's credential use exactly its own projects and account id",
    (list, who, what, other) => {
      const dir = AccountDirectory.of(list, "f".repeat(32));
      const caller = list[who % list.length] as GatewayAccount;
      const target = list[what % list.length] as GatewayAccount;
      const scope = { domainId: caller.domainId };
      for (const { projectId } of target.projects) {
        const own = target === caller;
        expect(checkScope("project", projectId, scope, dir)).toEqual(
          own ? { ok: true, domainId: caller.domainId } : expect.objectContaining({ ok: false }),
        );
        // Without credentials (auth none), every account's project is served.
        expect(checkScope("project", projectId, {}, dir)).toEqual({
          ok: true,
          domainId: target.domainId,
        });
      }
      expect(checkScope("domain", target.domainId, scope, dir).ok).toBe(target === caller);
      const known = list.some(
        (account) =>
          account.domainId === other || account.projects.some((p) => p.projectId === other),
      );
      if (!known) {
        expect(checkScope("project", other, scope, dir).ok).toBe(false);
        expect(checkScope("project", other, {}, dir).ok).toBe(false);
        expect(checkScope("domain", other, {}, dir).ok).toBe(false);
      }
    },
  );

  it("lets a project-scoped token use its project and its account's id only", () => {
    const token = { projectId: "1".repeat(32) };
    expect(checkScope("project", "1".repeat(32), token, directory)).toEqual({
      ok: true,
      domainId: A.domainId,
    });
    expect(checkScope("project", "2".repeat(32), token, directory)).toEqual({
      ok: false,
      detail: `the token is scoped to project ${"1".repeat(32)}, not ${"2".repeat(32)}`,
    });
    expect(checkScope("domain", A.domainId, token, directory).ok).toBe(true);
    expect(checkScope("domain", B.domainId, token, directory).ok).toBe(false);
  });

  it.each([
    [
      "another account's project",
      "3".repeat(32),
      `project ${"3".repeat(32)} is not in the credential's account`,
    ],
    ["a well-formed id no account has", "4".repeat(32), `no account has ${"4".repeat(32)}`],
    ["a malformed id", "not-a-project-id", '"not-a-project-id" is not a project id'],
  ])("says why it refuses %s", (_case, id, detail) => {
    expect(checkScope("project", id, { domainId: A.domainId }, directory)).toEqual({
      ok: false,
      detail,
    });
  });

  it("serves every project as the implicit account's when no accounts were given", () => {
    const open = AccountDirectory.of(undefined, "f".repeat(32));
    expect(checkScope("project", "anything", {}, open)).toEqual({
      ok: true,
      domainId: "f".repeat(32),
    });
    expect(checkScope("domain", "dom", {}, open)).toEqual({ ok: true, domainId: "dom" });
    expect(checkScope("project", "p2", { projectId: "p1" }, open).ok).toBe(false);
  });

  it("refuses accounts that share an id", () => {
    expect(() => AccountDirectory.of([A, A], "f".repeat(32))).toThrow(/given twice/);
    const shared = { domainId: "c".repeat(32), projects: A.projects };
    expect(() => AccountDirectory.of([A, shared], "f".repeat(32))).toThrow(/in two accounts/);
  });
});
