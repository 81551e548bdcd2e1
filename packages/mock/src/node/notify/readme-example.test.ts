import { readFile } from "node:fs/promises";
import { encodeApiTraceJson, generateTraces } from "@ctsim/generator";
import { describe, expect, it } from "vitest";
import { createNotifier } from "../../notify/notifier.js";
import type { OutgoingNotification } from "../../notify/outgoing-notification.js";
import { createSmnSigner } from "./smn-signer.js";

/**
 * The notification messages the mock README shows: the first trace of seed 1 on 2025-06-02,
 * fired by one SMN and one FunctionGraph notification, as ctsim sends them (headers and pretty
 * JSON bodies). A test keeps the README equal to this.
 */
function readmeNotificationExamples(): { readonly smn: string; readonly fun: string } {
  const now = Date.UTC(2025, 5, 2);
  const [event] = generateTraces({ seed: 1, count: 1, now, from: now - 3_600_000, to: now });
  if (event === undefined) throw new Error("seed 1 made no trace");
  const sent: OutgoingNotification[] = [];
  const project = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
  const notifier = createNotifier({
    notificationsOf: () => [
      {
        notification_id: "6b4c1e0a-2f3d-4e5a-8b9c-0d1e2f3a4b5c",
        notification_name: "audit-smn",
        notification_type: "smn",
        operation_type: "complete",
        status: "enabled",
        topic_id: `urn:smn:cn-north-4:${project}:ctsim-audit`,
        project_id: project,
        create_time: 0,
      },
      {
        notification_id: "7c5d2f1b-3a4e-4f6b-9c0d-1e2f3a4b5c6d",
        notification_name: "audit-fun",
        notification_type: "fun",
        operation_type: "complete",
        status: "enabled",
        topic_id: `urn:fss:cn-north-4:${project}:function:default:audit`,
        project_id: project,
        create_time: 0,
      },
    ],
    send: (message) => sent.push(message),
    signSmn: createSmnSigner(),
  });
  notifier.onTraces([
    { projectId: project, trace: JSON.parse(encodeApiTraceJson(event)) as Record<string, unknown> },
  ]);
  const show = (message: OutgoingNotification | undefined): string => {
    if (message === undefined) throw new Error("the notification did not fire");
    const headers = Object.entries({ "content-type": "application/json", ...message.headers })
      .map(([name, value]) => `${name}: ${value}`)
      .join("\n");
    return `POST <endpoint>\n${headers}\n\n${JSON.stringify(JSON.parse(message.body), null, 2)}`;
  };
  return { smn: show(sent[0]), fun: show(sent[1]) };
}

describe("the mock README", () => {
  it("shows the notification messages exactly as ctsim sends them", async () => {
    const readme = await readFile(new URL("../../../README.md", import.meta.url), "utf8");
    const examples = readmeNotificationExamples();
    for (const type of ["smn", "fun"] as const) {
      const start = `<!-- notification-example:${type} -->\n\`\`\`text\n`;
      const from = readme.indexOf(start);
      expect(from, `README has the ${type} marker`).toBeGreaterThanOrEqual(0);
      const to = readme.indexOf("\n```", from + start.length);
      expect(readme.slice(from + start.length, to)).toBe(examples[type]);
    }
  });
});
