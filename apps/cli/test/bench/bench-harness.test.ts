import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { parseBenchConfig } from "../../bench/harness/config.js";
import { parseGnuTime } from "../../bench/harness/measure.js";
import {
  formatMemoryTable,
  formatRatioTable,
  formatRowTable,
  formatScalingCeiling,
  formatStartupTable,
  type RowResult,
  summarize,
} from "../../bench/harness/report.js";
import { type BenchRow, benchRows, tenYearsBefore } from "../../bench/harness/rows.js";
import { medianLengthRecord } from "../../bench/harness/sample-trace.js";
import { shellQuote } from "../../bench/harness/shell.js";
import { median, speedRatio } from "../../bench/harness/stats.js";

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });

  test.prop([fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 })])(
    "has as many values at or below it as at or above it, whatever the order",
    (values) => {
      const m = median(values);
      const below = values.filter((v) => v <= m).length;
      const above = values.filter((v) => v >= m).length;
      expect(below).toBeGreaterThanOrEqual(values.length / 2);
      expect(above).toBeGreaterThanOrEqual(values.length / 2);
      expect(median([...values].reverse())).toBe(m);
    },
  );
});

describe("speedRatio", () => {
  it("is the reference time over the subject's", () => {
    expect(speedRatio(6, 3)).toBe(2);
    expect(() => speedRatio(1, 0)).toThrow(RangeError);
  });
});

describe("parseBenchConfig", () => {
  it("has defaults that take a few minutes", () => {
    expect(parseBenchConfig({})).toEqual({
      count: 1_000_000,
      rounds: 3,
      helpRuns: 5,
      rssCount: 1_000_000,
      rssTenfold: false,
      ctsim: undefined,
    });
  });

  it("reads every variable", () => {
    expect(
      parseBenchConfig({
        BENCH_COUNT: "2000",
        BENCH_ROUNDS: " 5 ",
        BENCH_HELP_RUNS: "1",
        BENCH_RSS_COUNT: "300",
        BENCH_RSS_10X: "1",
        BENCH_CTSIM: "node  --import tsx src/bin.ts",
      }),
    ).toEqual({
      count: 2000,
      rounds: 5,
      helpRuns: 1,
      rssCount: 300,
      rssTenfold: true,
      ctsim: ["node", "--import", "tsx", "src/bin.ts"],
    });
  });

  it.each([
    ["BENCH_COUNT", "0"],
    ["BENCH_COUNT", "1e6"],
    ["BENCH_ROUNDS", "-1"],
    ["BENCH_ROUNDS", "two"],
    ["BENCH_RSS_10X", "yes"],
  ])("rejects %s=%s, naming it", (name, value) => {
    expect(() => parseBenchConfig({ [name]: value })).toThrow(name);
  });
});

describe("parseGnuTime", () => {
  it("reads the last line (a failed command's status comes first)", () => {
    expect(parseGnuTime("Command exited with non-zero status 1\n2.50 1.25 0.30 51200\n")).toEqual({
      user: 1.25,
      sys: 0.3,
      maxRssKiB: 51200,
    });
    expect(() => parseGnuTime("garbage\n")).toThrow(/unreadable/);
  });
});

describe("shellQuote", () => {
  test.prop([fc.string()])("round-trips any word through sh", async (word) => {
    const { execFileSync } = await import("node:child_process");
    fc.pre(!word.includes("\0"));
    const echoed = execFileSync("sh", ["-c", `printf %s ${shellQuote(word)}`], {
      encoding: "utf8",
    });
    expect(echoed).toBe(word);
  });
});

describe("medianLengthRecord", () => {
  it("picks the record of median length", () => {
    expect(medianLengthRecord('{"a":1}\n{"a":333}\n{"a":22}\n')).toBe('{"a":22}');
    expect(() => medianLengthRecord("\n")).toThrow(/no records/);
  });
});

const plan = {
  ctsim: ["node", "apps/cli/bin/ctsim.js"],
  baselines: "b.mjs",
  sampleTrace: "/t/s.json",
  count: 10,
  dir: "/t",
  sparseFrom: "2016-12-08T00:00:00.000Z",
};

describe("benchRows", () => {
  const rows = benchRows(plan);

  it("times every job issue 19 names, into /dev/null, a file and a pipe", () => {
    const pairs = rows.map((r) => `${r.job}:${r.destination}`);
    for (const job of ["generate", "stream-w1", "stream-w2"])
      for (const destination of ["null", "file", "pipe"])
        expect(pairs).toContain(`${job}:${destination}`);
    // generate on a timeline as sparse as stream's: what the density alone costs.
    expect(pairs).toContain("generate-1x:null");
    expect(rows.find((r) => r.job === "generate-1x")?.command).toBe(
      "node apps/cli/bin/ctsim.js generate --seed 3 --count 10 --from 2016-12-08T00:00:00.000Z > /dev/null",
    );
    expect(tenYearsBefore(Date.parse("2026-12-06T04:00:00Z"))).toBe("2016-12-08T00:00:00.000Z");
    for (const job of ["stringify", "template", "patch", "generate-w1", "validate"])
      expect(pairs.some((p) => p.startsWith(`${job}:`))).toBe(true);
  });

  it("alternates baselines with ctsim: no two baselines in a row", () => {
    const isBaseline = (r: BenchRow) => ["stringify", "template", "patch"].includes(r.job);
    rows.forEach((r, i) => {
      if (i > 0 && isBaseline(r)) expect(isBaseline(rows[i - 1] as BenchRow)).toBe(false);
    });
  });

  it("writes the exact commands", () => {
    const commands = rows.map((r) => r.command);
    expect(commands).toContain(
      "node apps/cli/bin/ctsim.js generate --seed 3 --count 10 --out /t/generate.ndjson",
    );
    expect(commands).toContain(
      "node apps/cli/bin/ctsim.js stream --seed 3 --max --count 10 --workers 2 --sink stdout | wc -c",
    );
    expect(commands).toContain("node b.mjs stringify 10 /t/s.json > /dev/null");
  });

  it("validates the generated file after it is written and before it is removed", () => {
    const written = rows.findIndex((r) => r.job === "generate" && r.destination === "file");
    const validated = rows.findIndex((r) => r.job === "validate");
    expect(rows[written]?.keepFile).toBe(true);
    expect(validated).toBeGreaterThan(written);
    expect(rows[validated]?.command).toContain("/t/generate.ndjson");
  });

  it("takes a /dev/null row's bytes from a row that counts them", () => {
    for (const r of rows.filter((r) => r.bytes.from === "row")) {
      const source = r.bytes as { job: string; destination: string };
      const counted = rows.find(
        (o) => o.job === source.job && o.destination === source.destination,
      );
      expect(counted?.bytes.from).toBe("stdout");
    }
  });
});

describe("report tables", () => {
  const rows = benchRows(plan);
  const result = (job: string, destination: string, wall: number): RowResult =>
    summarize(
      rows.find((r) => r.job === job && r.destination === destination) as BenchRow,
      [
        { wall, user: 1, sys: 0.5, maxRssKiB: 2048 },
        { wall: wall * 3, user: 3, sys: 0.1, maxRssKiB: 4096 },
        { wall: wall / 2, user: 2, sys: 0.2, maxRssKiB: 1024 },
      ],
      4_000_000,
    );

  it("summarizes with medians", () => {
    const r = result("generate", "null", 2);
    expect([r.wall, r.user, r.sys, r.maxRssKiB, r.rounds]).toEqual([2, 2, 0.2, 2048, 3]);
  });

  it("formats a row with its figures, MB/s and command", () => {
    const table = formatRowTable([result("generate", "null", 2)]);
    expect(table.split("\n")[2]).toBe(
      "| generate | /dev/null | 2.00 | 2.00 | 0.20 | 2 | 4.00 | 2 | `node apps/cli/bin/ctsim.js generate --seed 3 --count 10 > /dev/null` |",
    );
  });

  it("formats the ratios per output, with the targets", () => {
    const results = [
      result("stringify", "null", 4),
      result("generate", "null", 2),
      result("generate", "pipe", 5),
      result("stream-w1", "null", 3),
      result("stream-w1", "pipe", 4),
      result("stream-w2", "null", 2),
    ];
    const lines = formatRatioTable(results).split("\n");
    expect(lines).toContain("| generate vs stringify baseline | 2.00 | – | 0.80 | ≥ 1 | yes |");
    expect(lines).toContain("| generate vs stream --workers 1 | 1.50 | – | 0.80 | ≥ 1 | yes |");
    expect(lines).toContain("| stream --workers 2 vs --workers 1 | 1.50 | – | – | ≥ 1.7 | no |");
  });

  it("states how much faster lanes can make stream on this host, from stream --workers 1's CPU", () => {
    // result(): user and sys medians 2 and 0.2 s; wall 2 s → 1.1 cores busy.
    expect(formatScalingCeiling([result("stream-w1", "null", 2)], 2)).toBe(
      "`stream --workers 1` (/dev/null) keeps 1.10 of the 2 cores busy ((user + sys) / wall: its lane, V8's garbage-collection and compiler threads, the writes), so on this host no number of lanes can make it more than 1.82× faster.",
    );
    expect(formatScalingCeiling([result("stream-w1", "null", 1.6)], 2)).toContain(
      "1.45× faster: the 1.7× target of `--workers 2` is out of reach here.",
    );
    expect(formatScalingCeiling([result("generate", "null", 2)], 2)).toBe("");
  });

  it("formats start-up against the floor and memory points", () => {
    const startup = formatStartupTable(
      { command: "node -e 0", wall: 0.05, runs: 3 },
      { command: "ctsim --help", wall: 0.25, runs: 3 },
    );
    expect(startup).toContain("| `ctsim --help` | 0.250 | 3 | 0.200 | < 0.3 s: met |");
    const memory = formatMemoryTable([
      { count: 1_000_000, command: "c", wall: 4, maxRssKiB: 204_800 },
      { count: 10_000_000, command: "c", wall: 40, maxRssKiB: undefined },
    ]);
    expect(memory).toContain("| 1,000,000 | 200 | 4.00 | `c` |");
    expect(memory).toContain("| 10,000,000 | n/a | 40.00 | `c` |");
  });
});
