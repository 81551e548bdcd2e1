import { describe, expect, it } from "vitest";
import { JsonTemplate } from "./json-template.js";

/** The JSON text a rendered template stands for (render gives it escaped for a string literal). */
function parsed(template: JsonTemplate, args: Record<string, string>): unknown {
  return JSON.parse(JSON.parse(template.renderQuoted(args)) as string);
}

describe("JsonTemplate", () => {
  const job = new JsonTemplate('{"name":"$name","engine_id":$engineId,"ids":[$id],"tag":"#$tag"}');

  it("fills string and value slots", () => {
    expect(parsed(job, { name: "a", engineId: "122", id: "7", tag: "ff" })).toEqual({
      name: "a",
      engine_id: 122,
      ids: [7],
      tag: "#ff",
    });
  });

  it("renders a missing or empty value slot as null and a missing string as empty (item 1)", () => {
    expect(parsed(job, { engineId: "" })).toEqual({
      name: "",
      engine_id: null,
      ids: [null],
      tag: "#",
    });
  });

  it("takes the call's extra values before the resource's", () => {
    expect(JSON.parse(job.render({ name: "a" }, { name: "b" }).replaceAll('\\"', '"'))).toEqual({
      name: "b",
      engine_id: null,
      ids: [null],
      tag: "#",
    });
  });

  it("refuses a template that is not JSON once filled", () => {
    expect(() => new JsonTemplate('{"a":$a,}')).toThrow(/not JSON/);
    expect(() => new JsonTemplate('{"a":"$a}')).toThrow(/not JSON/);
  });

  it("knows an escaped quote does not end a string", () => {
    const t = new JsonTemplate('{"a":"say \\"$word\\"","n":$n}');
    expect(parsed(t, { word: "hi" })).toEqual({ a: 'say "hi"', n: null });
  });
});
