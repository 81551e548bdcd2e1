// A state file saved before the mock knew accounts still loads, and what it holds then reports
// the project's account like everything else does.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tenantIdentities } from "@ctsim/generator";
import { startMockService } from "@ctsim/mock/node";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "ctsim-mock-state-identity-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NOW = Date.UTC(2026, 5, 15, 12);
/** The fixed account id every tracker carried before accounts. */
const OLD_DOMAIN_ID = "0c5a1f7e4b2d4e8f9a6b3c2d1e0f9a8b";

describe("a state file saved before accounts", () => {
  it("loads, and its trackers and notifications report the project's account", async () => {
    const [tenant] = tenantIdentities({ seed: 1, now: NOW });
    const projectId = tenant?.projects[0]?.projectId as string;
    const file = join(dir, "old.json");
    const tracker = {
      id: "4f0c4e1a-3b2d-4c5e-8f9a-0b1c2d3e4f5a",
      create_time: NOW - 86_400_000,
      tracker_type: "data",
      tracker_name: "audit",
      domain_id: OLD_DOMAIN_ID,
      project_id: projectId,
      status: "enabled",
      lts: { is_lts_enabled: false, log_group_name: "CTS", log_topic_name: "audit" },
      is_support_trace_files_encryption: false,
      is_support_validate: false,
      obs_info: { bucket_name: "", file_prefix_name: "", is_obs_created: false },
      data_bucket: { data_bucket_name: "datasets", search_enabled: false, data_event: ["WRITE"] },
    };
    const notification = {
      notification_id: "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
      notification_name: "deletions",
      notification_type: "smn",
      operation_type: "complete",
      status: "disabled",
      project_id: projectId,
      create_time: NOW - 86_400_000,
    };
    const old = {
      format: "ctsim-mock-state",
      version: 1,
      projects: { [projectId]: { trackers: [tracker], notifications: [notification] } },
    };
    writeFileSync(file, `${JSON.stringify(old, null, 2)}\n`);

    const service = await startMockService({
      port: 0,
      days: 1,
      now: () => NOW,
      cacheDir: false,
      stateFile: file,
    });
    try {
      expect(service.projectId).toBe(projectId);
      const base = `${service.server.url}/v3/${projectId}`;
      const trackers = (await (await fetch(`${base}/trackers`)).json()) as {
        trackers: { tracker_name: string; domain_id: string }[];
      };
      expect(trackers.trackers).toEqual([
        expect.objectContaining({ tracker_name: "audit", domain_id: tenant?.domainId }),
      ]);
      const notifications = (await (await fetch(`${base}/notifications/smn`)).json()) as {
        notifications: object[];
      };
      expect(notifications.notifications).toEqual([
        { ...notification, domain_id: tenant?.domainId, agency_name: "cts_admin_trust" },
      ]);
    } finally {
      await service.close();
    }
  });
});
