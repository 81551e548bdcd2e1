import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { TAMPER_SCENARIO_NAMES, type TamperLabel } from "@ctsim/delivery";
import { describe, expect, test } from "vitest";
import { ctsim } from "../../test/support/run-ctsim.js";

/** A replayable stream (fixed times) long enough for hourly digest chains. */
const STREAM = [
  "stream",
  "--max",
  "--count",
  "600",
  "--seed",
  "3",
  "--timeline-start",
  "2024-08-23T08:00:00Z",
  "--no-retime",
];

async function withDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "ctsim-verify-cli-"));
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("ctsim stream --digests and ctsim verify", () => {
  test("an untampered delivery verifies clean: exit 0 and a summary", () =>
    withDir(async (dir) => {
      const streamed = await ctsim(...STREAM, "--sink", `dir:${dir}`, "--digests");
      expect(streamed.code).toBe(0);
      const { code, stdout } = await ctsim("verify", dir);
      expect(code).toBe(0);
      expect(stdout).toMatch(
        /^.*: (\d+)\/\1 digest files valid in \d+ chains, (\d+)\/\2 trace files valid; no failures\n$/,
      );
      const json = await ctsim(
        "verify",
        dir,
        "--json",
        "--public-key",
        join(dir, "ctsim-digest-public-key.pem"),
      );
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, failures: [] });
    }));

  test("every tamper scenario is labelled and reported with its path and reason; exit 1", () =>
    withDir(async (dir) => {
      const labelsPath = join(dir, "..", `${dir.split("/").pop()}-labels.ndjson`);
      try {
        const streamed = await ctsim(
          ...STREAM,
          "--sink",
          `dir:${dir}`,
          "--digests",
          "--scenario",
          `mass-deletion,${TAMPER_SCENARIO_NAMES.join(",")}`,
          "--labels",
          labelsPath,
        );
        expect(streamed.code).toBe(0);
        const labels = (await readFile(labelsPath, "utf8"))
          .trim()
          .split("\n")
          .map((line) => JSON.parse(line) as TamperLabel);
        expect(labels.map((l) => l.scenario).sort()).toEqual([...TAMPER_SCENARIO_NAMES].sort());
        const { code, stdout, stderr } = await ctsim("verify", dir);
        expect(code).toBe(1);
        for (const label of labels)
          expect(stdout).toContain(`FAIL ${label.expect.reason} ${label.expect.path}: `);
        expect(stderr).toMatch(/verify: \d+ failures in /);
      } finally {
        await rm(labelsPath, { force: true });
      }
    }));

  test("the same seed gives byte-identical digests", () =>
    withDir(async (dir) => {
      await ctsim(...STREAM, "--sink", `dir:${dir}/a`, "--digests");
      await ctsim(...STREAM, "--sink", `dir:${dir}/b`, "--digests");
      const a = await ctsim("verify", `${dir}/a`, "--json");
      const digest = JSON.parse(a.stdout).digests as number;
      expect(digest).toBeGreaterThan(1);
      const { readdir } = await import("node:fs/promises");
      const names = (await readdir(`${dir}/a`, { recursive: true })).sort();
      expect((await readdir(`${dir}/b`, { recursive: true })).sort()).toEqual(names);
      for (const name of names.filter((n) => n.endsWith(".json.gz") || n.endsWith(".json"))) {
        expect(await readFile(join(dir, "b", name))).toEqual(await readFile(join(dir, "a", name)));
      }
      const first = names.find((n) => n.includes("/Digest/") && n.endsWith(".json.gz"))!;
      expect(
        JSON.parse(gunzipSync(await readFile(join(dir, "a", first))).toString()),
      ).toHaveProperty("digest_signature_algorithm", "SHA256withRSA");
    }));

  test("a failed write ends the stream with a message naming the path, exit 1", () =>
    withDir(async (dir) => {
      await writeFile(join(dir, "CloudTraces"), "in the way");
      const { code, stderr } = await ctsim(...STREAM, "--sink", `dir:${dir}`, "--digests");
      expect(code).toBe(1);
      expect(stderr).toMatch(
        new RegExp(`cannot write ${dir}/CloudTraces/\\S+: .*(ENOTDIR|EEXIST)`),
      );
    }));

  test.each([
    [["--scenario", "tamper-delete-file"], /needs --sink dir:PATH --digests/],
    [["--sink", "dir:/tmp/x", "--scenario", "tamper-delete-file"], /needs --digests/],
  ])("usage error %j exits 2", async (args, message) => {
    const { code, stderr } = await ctsim("stream", ...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  test("verify of a directory without CloudTraces or key: exit 1 naming it", () =>
    withDir(async (dir) => {
      const { code, stderr } = await ctsim("verify", dir);
      expect(code).toBe(1);
      expect(stderr).toContain(dir);
    }));
});
