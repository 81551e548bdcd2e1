import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DetectErrorCode, score } from "@ctsim/detect";
import { EXAMPLE_RULES_DIR, loadRulesDir } from "@ctsim/detect/node";
import { afterAll, describe, expect, it } from "vitest";

const root = mkdtempSync(join(tmpdir(), "ctsim-rules-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function rulesDir(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

const EVERY_DELETE = `export default {
  id: "every_delete",
  title: "Every deletion",
  scenarios: ["mass-deletion"],
  create: () => ({
    onTrace: (t) => (String(t.record.trace_name).startsWith("delete") ? [{ traceIds: [t.traceId], time: t.time }] : []),
    finish: () => [],
  }),
};
`;

describe("loadRulesDir", () => {
  it("loads the example set: one rule per Sigma file plus the stateful example", async () => {
    const rules = await loadRulesDir(EXAMPLE_RULES_DIR);
    expect(rules.map((r) => r.id).sort()).toEqual([
      "access_key_from_foreign_hosting",
      "agency_session_sensitive_operation",
      "api_key_by_agency_session",
      "cts_notification_removed",
      "cts_trail_tampering",
      "dataset_import_foreign_bucket",
      "export_outside_tenant_folder",
      "export_to_foreign_bucket",
      "first_seen_ip_export",
      "iam_console_brute_force",
      "job_model_purge",
      "labeling_console_brute_force",
      "mass_deletion",
      "notebook_startup_backdoor",
      "pool_training_foreign_code",
      "service_key_used_from_two_ips",
      "tracker_obs_redirect",
    ]);
  });

  it("runs a stateful module and a Sigma rule side by side", async () => {
    const dir = rulesDir("mixed", {
      "every-delete.mjs": EVERY_DELETE,
      "notes.txt": "ignored",
      "ip.yml":
        "title: ip\nname: ten_net\ndetection:\n  s:\n    source_ip|cidr: 10.0.0.0/8\n  condition: s\n",
    });
    const rules = await loadRulesDir(dir);
    const report = score({
      rules,
      traces: [
        { trace_id: "a", time: 1, trace_name: "deleteDataset", source_ip: "8.8.8.8" },
        { trace_id: "b", time: 2, trace_name: "createDataset", source_ip: "10.1.2.3" },
      ],
      labels: [],
    });
    expect(report.rules.map((r) => [r.id, r.alerts])).toEqual([
      ["every_delete", 1],
      ["ten_net", 1],
    ]);
  });

  it("refuses a module without the rule shape, and duplicate ids, naming the file", async () => {
    const bad = rulesDir("bad", { "bad.mjs": "export default { id: 'x', title: 'x' };\n" });
    await expect(loadRulesDir(bad)).rejects.toMatchObject({
      code: DetectErrorCode.invalidRule,
      message: expect.stringMatching(/bad\.mjs: .*`create` must be a function/),
    });
    const twice = rulesDir("twice", {
      "a.mjs": EVERY_DELETE,
      "b.yml": "title: b\nname: every_delete\ndetection:\n  s:\n    x: 1\n  condition: s\n",
    });
    await expect(loadRulesDir(twice)).rejects.toThrow(/rule id every_delete is used twice/);
  });

  it("refuses an empty or missing directory", async () => {
    await expect(loadRulesDir(rulesDir("empty", {}))).rejects.toMatchObject({
      code: DetectErrorCode.invalidInput,
    });
    await expect(loadRulesDir(join(root, "nope"))).rejects.toThrow(/cannot read rules directory/);
  });
});
