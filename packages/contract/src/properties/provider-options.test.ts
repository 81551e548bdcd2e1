import { describe, expect, it } from "vitest";
import { DEFAULT_PROJECT_ID, resolveProviderOptions } from "./provider-options.js";

describe("resolveProviderOptions", () => {
  it("fills the documented defaults", () => {
    const resolved = resolveProviderOptions({ baseUrl: "http://127.0.0.1:9000" });
    expect(resolved).toMatchObject({
      projectId: DEFAULT_PROJECT_ID,
      readOnly: false,
      maxTraces: 2000,
      pagingSpan: 40,
      windowMs: 7 * 86_400_000 - 3_600_000,
      settleMs: 300_000,
      clockSkewMs: 300_000,
      checkMetaCount: true,
      namePrefix: "ctsim-contract-",
    });
    expect(resolved.invalidQueryKinds.length).toBe(8);
    expect(resolved).toMatchObject({
      temporaryCredentials: undefined,
      expiredCredentials: undefined,
      foreignProjectId: undefined,
      secondAccount: undefined,
    });
  });

  it("accepts a fetch function without a base URL", () => {
    const fetch = (() => Promise.reject(new Error("unused"))) as typeof globalThis.fetch;
    expect(resolveProviderOptions({ fetch }).baseUrl).toBe("http://cts.invalid");
  });

  it.each([
    [{}, /baseUrl/],
    [{ baseUrl: "127.0.0.1:9000/v3" }, /not an absolute URL/],
    [{ baseUrl: "http://h", credentials: { ak: "AK", sk: "" } }, /both ak and sk/],
    [{ baseUrl: "http://h", credentials: { token: "" } }, /non-empty token/],
    [{ baseUrl: "http://h", maxTraces: 0 }, /maxTraces must be a positive integer/],
    [
      { baseUrl: "http://h", temporaryCredentials: { ak: "A", sk: "S", securityToken: "" } },
      /temporaryCredentials need ak, sk and securityToken/,
    ],
    [
      { baseUrl: "http://h", expiredCredentials: { ak: "", sk: "S", securityToken: "T" } },
      /expiredCredentials need ak, sk and securityToken/,
    ],
    [
      { baseUrl: "http://h", foreignProjectId: DEFAULT_PROJECT_ID },
      /foreignProjectId .* is the project under test/,
    ],
    [
      {
        baseUrl: "http://h",
        projectId: "p1",
        secondAccount: { projectId: "p1", credentials: { token: "t" } },
      },
      /secondAccount.projectId p1 is the project under test/,
    ],
    [
      { baseUrl: "http://h", secondAccount: { projectId: "p2", credentials: { ak: "A", sk: "" } } },
      /secondAccount.credentials: AK\/SK credentials need both ak and sk/,
    ],
  ])("rejects unusable options %j with CTSIM_CONTRACT_OPTIONS", (options, message) => {
    expect(() => resolveProviderOptions(options)).toThrow(message);
    expect(() => resolveProviderOptions(options)).toThrow(
      expect.objectContaining({ code: "CTSIM_CONTRACT_OPTIONS" }),
    );
  });
});
