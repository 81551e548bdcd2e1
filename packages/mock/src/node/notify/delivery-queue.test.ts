import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Notification } from "@ctsim/catalog";
import { encodeApiTraceJson, generateTraces, smnStringToSign } from "@ctsim/generator";
import { afterEach, describe, expect, it } from "vitest";
import { createNotifier } from "../../notify/notifier.js";
import type { OutgoingNotification } from "../../notify/outgoing-notification.js";
import { createDeliveryQueue } from "./delivery-queue.js";
import type { DeliveryLogEntry } from "./delivery-report.js";
import { createSmnSigner, verifySmnSignature } from "./smn-signer.js";

const NOW = Date.UTC(2025, 5, 2);

interface Received {
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
  readonly status: number;
}

/** A receiver that answers 503 to the first `failFirst` attempts of each message, then 200. */
async function receiver(
  failFirst: number,
): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const seen = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const key = body;
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      const status = count <= failFirst ? 503 : 200;
      received.push({ headers: request.headers, body, status });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  servers.push(server);
  return { url: `http://127.0.0.1:${port}/notify`, received, server };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0))
    await new Promise<void>((resolve) => server.close(() => resolve()));
});

function notification(id: string, type: "smn" | "fun"): Notification {
  return {
    notification_id: id,
    notification_name: id,
    notification_type: type,
    operation_type: "complete",
    status: "enabled",
    topic_id:
      type === "smn"
        ? "urn:smn:cn-north-4:p1:audit"
        : "urn:fss:cn-north-4:p1:function:default:audit",
    project_id: "p1",
    create_time: 0,
  };
}

/** Two projects' traces through a notifier into `enqueue`; returns the messages made. */
function feed(
  enqueue: (m: OutgoingNotification) => void,
  notifications: Notification[],
): OutgoingNotification[] {
  const made: OutgoingNotification[] = [];
  const notifier = createNotifier({
    notificationsOf: () => notifications,
    send: (m) => {
      made.push(m);
      enqueue(m);
    },
    signSmn: createSmnSigner(),
  });
  const traces = [
    ...generateTraces({ seed: 9, count: 30, now: NOW, from: NOW - 86_400_000, to: NOW }),
  ];
  notifier.onTraces(
    traces.map((event, i) => ({
      projectId: i % 2 === 0 ? "p1" : "p2",
      trace: JSON.parse(encodeApiTraceJson(event)) as Record<string, unknown>,
    })),
  );
  return made;
}

describe("createDeliveryQueue", () => {
  it("gets every message to a receiver that fails the first attempts, each delivered exactly once, in order per project", async () => {
    const smn = await receiver(2);
    const fun = await receiver(1);
    const log: DeliveryLogEntry[] = [];
    const queue = createDeliveryQueue({
      endpoints: { smn: smn.url, fun: fun.url },
      baseDelayMs: 1,
      maxDelayMs: 5,
      onLog: (entry) => log.push(entry),
    });
    const made = feed(queue.enqueue, [notification("n-smn", "smn"), notification("n-fun", "fun")]);
    const summary = await queue.settled();

    expect(made).toHaveLength(60);
    expect(summary).toMatchObject({ messages: 60, delivered: 60, failed: 0, pending: 0 });
    expect(summary.attempts).toBe(30 * 3 + 30 * 2);

    // Every body parsed; each message answered 200 exactly once, with the body it was sent with.
    const accepted = [...smn.received, ...fun.received].filter((r) => r.status === 200);
    expect(accepted.map((r) => r.body).sort()).toEqual(made.map((m) => m.body).sort());
    for (const r of smn.received) {
      const message = JSON.parse(r.body) as Record<string, string> & { signature: string };
      expect(r.headers["x-smn-message-type"]).toBe("Notification");
      expect(r.headers["x-smn-message-id"]).toBe(message.message_id);
      expect(r.headers["x-smn-topic-urn"]).toBe(message.topic_urn);
      expect(verifySmnSignature(smnStringToSign(message as never), message.signature)).toBe(true);
    }
    for (const r of fun.received) {
      const event = JSON.parse(r.body) as { cts: { trace_id: string; code: number } };
      expect(typeof event.cts.code).toBe("number");
    }

    // Per project, the accepted messages arrive in the order the traces came.
    for (const project of ["p1", "p2"]) {
      for (const [type, target] of [
        ["smn", smn],
        ["fun", fun],
      ] as const) {
        const expected = made
          .filter((m) => m.projectId === project && m.type === type)
          .map((m) => m.body);
        const got = target.received
          .filter((r) => r.status === 200 && expected.includes(r.body))
          .map((r) => r.body);
        expect(got).toEqual(expected);
      }
    }

    // The log: one line per attempt, retries announced with their wait, one delivery per message.
    expect(log).toHaveLength(summary.attempts);
    expect(log.filter((e) => e.outcome === "delivered")).toHaveLength(60);
    expect(
      log
        .filter((e) => e.outcome === "retry")
        .every((e) => e.status === 503 && (e.next_delay_ms ?? -1) >= 0),
    ).toBe(true);
  });

  it("reports every message as failed, naming the URL and the cause, when the receiver is never up", async () => {
    const down = await receiver(0);
    const url = down.url;
    await new Promise<void>((resolve) => down.server.close(() => resolve()));
    servers.splice(servers.indexOf(down.server), 1);
    const queue = createDeliveryQueue({ endpoints: { smn: url }, maxAttempts: 3, baseDelayMs: 1 });
    const made = feed(queue.enqueue, [notification("n-smn", "smn")]);
    const summary = await queue.settled();
    expect(summary).toMatchObject({ messages: made.length, delivered: 0, failed: made.length });
    for (const failure of summary.failures) {
      expect(failure).toMatchObject({
        url,
        attempts: 3,
        cause: "connection refused (ECONNREFUSED)",
      });
    }
  });

  it("gives up at once on a 4xx other than 408/429, and fails messages of a type without an endpoint", async () => {
    const server = createServer((_request, response) => response.writeHead(400).end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const queue = createDeliveryQueue({ endpoints: { smn: url }, baseDelayMs: 1 });
    feed(queue.enqueue, [notification("n-smn", "smn"), notification("n-fun", "fun")]);
    const summary = await queue.settled();
    expect(summary.failed).toBe(60);
    expect(summary.attempts).toBe(30);
    expect(summary.failures.filter((f) => f.cause === "HTTP 400")).toHaveLength(30);
    expect(summary.failures.filter((f) => f.url === null)).toHaveLength(30);
  });
});
