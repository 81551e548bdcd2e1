import { describe, expect, it } from "vitest";
import { CTS_ERRORS, findErrorDefinition, GATEWAY_ERRORS } from "./error-codes.js";

describe("CTS error codes", () => {
  it("keys each definition by its own code, in the CTS.NNNN form", () => {
    for (const [key, definition] of Object.entries(CTS_ERRORS)) {
      expect(definition.code).toBe(key);
      expect(key).toMatch(/^CTS\.\d{4}$/);
    }
  });

  it("has the HTTP statuses of reference §4.2", () => {
    const byStatus = (status: number) =>
      Object.values(CTS_ERRORS)
        .filter((d) => d.status === status)
        .map((d) => d.code)
        .sort();
    expect(byStatus(403)).toEqual(["CTS.0002", "CTS.0013"]);
    expect(byStatus(404)).toEqual(["CTS.0100", "CTS.0214"]);
    expect(byStatus(500)).toEqual(["CTS.0004", "CTS.0005"]);
    expect(Object.keys(CTS_ERRORS)).toHaveLength(36);
  });

  it("keeps the service's own wording, quirks included", () => {
    expect(CTS_ERRORS["CTS.0400"].message).toBe("NotificationV3 name is existed already.");
    expect(CTS_ERRORS["CTS.0204"].message).toBe(
      "The tracker_name parameter of a management tracker can only be set to system.",
    );
  });

  it("finds CTS and gateway codes, and nothing else", () => {
    expect(findErrorDefinition("CTS.0214")?.status).toBe(404);
    expect(findErrorDefinition("APIGW.0301")).toBe(GATEWAY_ERRORS["APIGW.0301"]);
    expect(GATEWAY_ERRORS["APIGW.0301"].status).toBe(401);
    expect(findErrorDefinition("CTS.9999")).toBeUndefined();
    expect(findErrorDefinition("toString")).toBeUndefined();
  });
});
