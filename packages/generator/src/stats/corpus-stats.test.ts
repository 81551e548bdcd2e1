import { describe, expect, it } from "vitest";
import { GeneratorError } from "../generator-error.js";
import { encodeApiTraceJson, encodeObsTraceJson } from "../index.js";
import { generateTraces } from "../timeline/generate-traces.js";
import { type CorpusStats, createCorpusStats } from "./corpus-stats.js";
import { formatCorpusStats } from "./format-corpus-stats.js";

const NOW = Date.UTC(2025, 5, 2);

function statsOf(text: string) {
  const stats = createCorpusStats();
  for (const [i, line] of text.split("\n").entries()) stats.push(line, i + 1);
  return stats.finish();
}

function withoutAgents(sections: CorpusStats["sections"]) {
  const { userAgentShare: _share, medianUserAgents: _median, top, ...users } = sections.users;
  return {
    ...sections,
    users: { ...users, top: top.map(({ userAgents: _agents, ...user }) => user) },
  };
}

describe("createCorpusStats", () => {
  const events = [...generateTraces({ seed: 5, count: 500, now: NOW })];

  it("reads the same corpus the same way as NDJSON, a JSON array, OBS records and pages", () => {
    const ndjson = statsOf(events.map(encodeApiTraceJson).join("\n"));
    const array = statsOf(`[\n${events.map(encodeApiTraceJson).join(",\n")}\n]`);
    const obs = statsOf(events.map(encodeObsTraceJson).join("\n"));
    const page = statsOf(
      JSON.stringify({ traces: events.map((e) => JSON.parse(encodeApiTraceJson(e))) }),
    );
    expect(ndjson.records).toBe(500);
    expect(array).toEqual(ndjson);
    // Only trace files carry `user_agent`; the rest of every section is the same.
    expect(ndjson.sections.users.userAgentShare).toBe(0);
    expect(obs.sections.users.userAgentShare).toBe(1);
    expect(withoutAgents(obs.sections)).toEqual(withoutAgents(ndjson.sections));
    expect(page.sections).toEqual(ndjson.sections);
  });

  it("skips what is not a trace and counts it", () => {
    const stats = statsOf('{"trace_name":"addModel"}\nnot json\n42');
    expect(stats).toMatchObject({ records: 1, unreadable: 2 });
  });

  it("prints every section", () => {
    const text = formatCorpusStats(statsOf(events.map(encodeApiTraceJson).join("\n")));
    expect(text.match(/^## /gm)).toHaveLength(7);
    expect(text).toContain("500 traces");
  });

  it("refuses options outside their range", () => {
    expect(() => createCorpusStats({ maxTracked: 0 })).toThrow(GeneratorError);
    expect(() => createCorpusStats({ utcOffsetMinutes: 900 })).toThrow(GeneratorError);
  });
});
