import { describe, expect, it } from "vitest";
import { codeRatingProblem } from "./code-rating.js";

describe("codeRatingProblem", () => {
  // Reference §2.1 / issue 3: 2xx and 3xx normal, 4xx warning, 5xx warning or incident.
  it.each([
    ["200", "normal"],
    ["201", "normal"],
    ["304", "normal"],
    ["404", "warning"],
    ["500", "warning"],
    ["503", "incident"],
    [204, "normal"],
    [undefined, "warning"],
    [null, "incident"],
    ["", "normal"],
    ["500", "bogus"],
  ])("accepts code %j rated %j", (code, rating) => {
    expect(codeRatingProblem(code, rating)).toBeUndefined();
  });

  it.each([
    ["200", "warning"],
    ["302", "incident"],
    ["403", "normal"],
    ["429", "incident"],
    ["500", "normal"],
    [404, "normal"],
  ])("rejects code %j rated %j", (code, rating) => {
    expect(codeRatingProblem(code, rating)?.code).toBe("trace.code-rating");
  });

  it("accepts a 2xx rated warning when the response carries the error, as Huawei's example", () => {
    const body = '{"success":false,"results":[{"error_code":"ModelArts.4302"}]}';
    expect(codeRatingProblem("200", "warning", body)).toBeUndefined();
    expect(codeRatingProblem("200", "warning", '{"success":true}')?.code).toBe("trace.code-rating");
  });

  it.each(["abc", "20", "2000", "100", "600", 99, 20.5, true])(
    "rejects code %j as not a status",
    (code) => {
      expect(codeRatingProblem(code, "normal")?.code).toBe("trace.code");
    },
  );
});
