// `ctsim serve --live --fun-endpoint`, end to end: a notification created through the API fires
// for the traces that become visible after it, delivered to a receiver that fails at first and
// still gets every message once; each one a trace the API lists.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { killServes, startServe } from "./support/serve-ctsim.js";

afterEach(killServes);

const PROJECT_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** A receiver answering 503 to its first two requests, then 200; records what it accepted. */
async function flakyReceiver(): Promise<{
  server: Server;
  url: string;
  accepted: string[];
  refused: () => number;
}> {
  const accepted: string[] = [];
  let refused = 0;
  const server = createServer(async (request, response) => {
    const text = await body(request);
    if (refused < 2) {
      refused += 1;
      response.writeHead(503).end();
      return;
    }
    accepted.push((JSON.parse(text) as { cts: { trace_id: string } }).cts.trace_id);
    response.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/fn`, accepted, refused: () => refused };
}

describe("ctsim serve --live --fun-endpoint", () => {
  it("delivers each matching trace once, after the receiver's failures, as it becomes visible", async () => {
    const receiver = await flakyReceiver();
    try {
      const serve = await startServe([
        "--live",
        "--speed",
        "3000",
        "--days",
        "1",
        "--project-id",
        PROJECT_ID,
        "--no-cache",
        "--fun-endpoint",
        receiver.url,
      ]);
      const url = /listening on (\S+)/.exec(serve.banner)?.[1] as string;
      const created = await fetch(`${url}/v3/${PROJECT_ID}/notifications`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          notification_name: "all-events",
          operation_type: "complete",
          topic_id: `urn:fss:cn-north-4:${PROJECT_ID}:function:default:audit`,
        }),
      });
      expect(created.status).toBe(201);
      while (receiver.accepted.length < 20) await new Promise((r) => setTimeout(r, 200));
      const exit = new Promise<number | null>((resolve) => serve.child.once("exit", resolve));
      serve.child.kill("SIGINT");
      expect(await exit).toBe(0);
      expect(receiver.refused()).toBe(2);
      expect(new Set(receiver.accepted).size).toBe(receiver.accepted.length);
      expect(serve.stderr()).toMatch(/notifications: (\d+) messages, \1 delivered, 0 failed/);
      const summary = /notifications: (\d+) messages/.exec(serve.stderr());
      expect(receiver.accepted.length).toBe(Number(summary?.[1]));
    } finally {
      receiver.server.close();
    }
  }, 90_000);
});
