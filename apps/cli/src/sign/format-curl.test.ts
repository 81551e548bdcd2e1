import { execFileSync } from "node:child_process";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { formatCurl, shellQuote } from "./format-curl.js";

describe("shellQuote", () => {
  test.prop([fc.string({ unit: "binary", maxLength: 30 }).filter((s) => !s.includes("\0"))], {
    numRuns: 30,
  })("bash reads back exactly the quoted text, whatever it holds", (text) => {
    const echoed = execFileSync("bash", ["-c", `printf %s ${shellQuote(text)}`]);
    expect(echoed).toEqual(Buffer.from(text));
  });
});

describe("formatCurl", () => {
  it("puts method, headers, body and the URL last, each one shell word", () => {
    expect(
      formatCurl({
        method: "POST",
        url: "http://127.0.0.1:9000/v3/p/tracker?a=[1]",
        headers: { "content-type": "application/json", "x-empty": "", "x-q": "it's" },
        body: '@{"a":1}',
      }),
    ).toBe(
      "curl --globoff -X 'POST' -H 'content-type: application/json' -H 'x-empty;' " +
        `-H 'x-q: it'\\''s' --data-raw '@{"a":1}' 'http://127.0.0.1:9000/v3/p/tracker?a=[1]'`,
    );
  });

  it("sends no body option without a body", () => {
    expect(formatCurl({ method: "GET", url: "http://h/", headers: {} })).toBe(
      "curl --globoff -X 'GET' 'http://h/'",
    );
  });
});
