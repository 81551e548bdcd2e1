import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { JsonUnitScanner } from "./json-unit-scanner.js";

interface Scanned {
  readonly units: [number, unknown][];
  readonly problems: string[];
}

function scan(text: string): Scanned {
  const units: [number, unknown][] = [];
  const problems: string[] = [];
  const scanner = new JsonUnitScanner(
    (value, line) => units.push([line, value]),
    (line, code) => problems.push(`${line} ${code}`),
  );
  for (const [index, line] of text.split(/\r?\n/).entries()) scanner.push(line, index + 1);
  scanner.end();
  return { units, problems };
}

describe("JsonUnitScanner framings", () => {
  it("reads NDJSON, skipping blank lines", () => {
    expect(scan('{"a":1}\n\n{"a":2}\n')).toEqual({
      units: [
        [1, { a: 1 }],
        [3, { a: 2 }],
      ],
      problems: [],
    });
  });

  it("reads a JSON array written one element per line, brackets on their own lines", () => {
    expect(scan('[\n{"a":1},\n{"a":2}\n]\n')).toEqual({
      units: [
        [2, { a: 1 }],
        [3, { a: 2 }],
      ],
      problems: [],
    });
  });

  it("reads a JSON array with brackets on the element lines and a trailing comma", () => {
    expect(scan('[{"a":1},\n{"a":2},\n]')).toEqual({
      units: [
        [1, { a: 1 }],
        [2, { a: 2 }],
      ],
      problems: [],
    });
    expect(scan('[{"a":1},\n{"a":2}]')).toEqual({
      units: [
        [1, { a: 1 }],
        [2, { a: 2 }],
      ],
      problems: [],
    });
  });

  it("reads a one-line array and CRLF line ends", () => {
    expect(scan('[{"a":1}, {"a":[2]}]\r\n')).toEqual({
      units: [
        [1, { a: 1 }],
        [1, { a: [2] }],
      ],
      problems: [],
    });
  });

  it("reads pretty-printed values spanning lines, with the line each starts on", () => {
    const text = JSON.stringify([{ a: { b: [1, 2] } }, { c: "}" }], null, 2);
    expect(scan(text)).toEqual({
      units: [
        [2, { a: { b: [1, 2] } }],
        [10, { c: "}" }],
      ],
      problems: [],
    });
  });

  it("is not fooled by brackets and escaped quotes inside strings", () => {
    const value = { s: 'a "quoted" {x} [y] \\ back\\"slash', t: "\\" };
    expect(scan(`[${JSON.stringify(value)},${JSON.stringify(value)}]`).units).toEqual([
      [1, value],
      [1, value],
    ]);
  });
});

describe("JsonUnitScanner problems", () => {
  it("reports a broken NDJSON line and goes on with the next", () => {
    expect(scan('{"a":1}\n{"a":"unterminated\n{"a":3}\n{"a":}\n{"a":5}')).toEqual({
      units: [
        [1, { a: 1 }],
        [3, { a: 3 }],
        [5, { a: 5 }],
      ],
      problems: ["2 json.parse", "4 json.parse"],
    });
  });

  it("reports stray text where an object should start", () => {
    expect(scan('{"a":1}\n42\n"x"\n{"a":2} junk').problems).toEqual([
      "2 input.format",
      "3 input.format",
      "4 input.format",
    ]);
  });

  it("reports an array never closed and a multi-line value never finished", () => {
    expect(scan('[\n{"a":1}').problems).toEqual(["1 input.format"]);
    expect(scan('{\n"a": [1,\n').problems).toEqual(["1 json.parse"]);
  });

  it("lets pretty-printed values follow one-line values", () => {
    expect(scan('[{},\n  {\n    "a": 1\n  }\n]')).toEqual({
      units: [
        [1, {}],
        [2, { a: 1 }],
      ],
      problems: [],
    });
  });

  it("reports a line ending inside a string even in multi-line values", () => {
    expect(scan('[\n{\n"a": "x\n"},\n{"b":2}\n]')).toEqual({
      units: [[5, { b: 2 }]],
      problems: ["2 json.parse", "4 input.format"],
    });
  });

  it("reports a multi-line value that is not valid JSON at the line it starts on", () => {
    expect(scan('[\n{\n"a": 1,,\n},\n{\n"b": 2\n}\n]')).toEqual({
      units: [[5, { b: 2 }]],
      problems: ["2 json.parse"],
    });
  });
});

describe("JsonUnitScanner properties", () => {
  const json = fc.jsonValue();
  const objects = fc.array(fc.dictionary(fc.string(), json), { maxLength: 8 });

  test.prop([objects])("NDJSON of any objects yields them, one per line", (values) => {
    const { units, problems } = scan(values.map((v) => JSON.stringify(v)).join("\n"));
    expect(problems).toEqual([]);
    expect(units).toEqual(values.map((v, i) => [i + 1, JSON.parse(JSON.stringify(v))]));
  });

  test.prop([objects, fc.constantFrom(0, 2, "\t")])(
    "a JSON array of any objects, compact or pretty, yields its elements",
    (values, indent) => {
      const { units, problems } = scan(JSON.stringify(values, null, indent));
      expect(problems).toEqual([]);
      expect(units.map(([, value]) => value)).toEqual(JSON.parse(JSON.stringify(values)));
    },
  );
});
