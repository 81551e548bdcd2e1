import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the receiver does with one request. */
export type ReceiverFault = "ok" | "slow" | "429" | "503" | "drop-after-body" | "drop-at-once";

/** A POST the receiver answered with 2xx: the only ones that count as delivered. */
export interface AcknowledgedBody {
  readonly contentType: string | undefined;
  readonly body: Buffer;
}

/** A log receiver under test: an HTTP server that sometimes misbehaves. */
export interface FaultReceiver {
  readonly url: string;
  /** Bodies answered with 2xx, in the order they were acknowledged. */
  readonly acknowledged: AcknowledgedBody[];
  /** Requests per fault, for checking that the faults happened. */
  readonly faults: Record<ReceiverFault, number>;
  close(): Promise<void>;
}

/**
 * Starts a receiver on a free port whose answers follow `schedule(n)` for the n-th request: slow
 * answers, 429 and 503 (with `Retry-After: 0`), and connections closed without an answer, before
 * or after the body arrived. Only bodies it answered 2xx count, so a sink that loses a batch, or
 * resends one that was acknowledged, shows in {@link FaultReceiver.acknowledged}.
 *
 * @example
 * const receiver = await startFaultReceiver((n) => (n % 7 === 3 ? "503" : "ok"));
 */
export async function startFaultReceiver(
  schedule: (request: number) => ReceiverFault,
): Promise<FaultReceiver> {
  const acknowledged: AcknowledgedBody[] = [];
  const faults: Record<ReceiverFault, number> = {
    ok: 0,
    slow: 0,
    "429": 0,
    "503": 0,
    "drop-after-body": 0,
    "drop-at-once": 0,
  };
  let requests = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const fault = schedule(requests++);
    faults[fault] += 1;
    if (fault === "drop-at-once") {
      req.socket.destroy();
      return;
    }
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => {
      switch (fault) {
        case "drop-after-body":
          req.socket.destroy();
          return;
        case "429":
        case "503":
          res.writeHead(Number(fault), { "retry-after": "0" }).end("busy");
          return;
        default: {
          const acknowledge = (): void => {
            acknowledged.push({
              contentType: req.headers["content-type"],
              body: Buffer.concat(parts),
            });
            res.writeHead(200).end();
          };
          if (fault === "slow") setTimeout(acknowledge, 40);
          else acknowledge();
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cts`,
    acknowledged,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
