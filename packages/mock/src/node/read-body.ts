import type { IncomingMessage } from "node:http";

/** How a request body ended: read whole, or refused for its size. */
export type BodyOutcome =
  | { readonly kind: "body"; readonly text: string }
  | { readonly kind: "tooLarge"; readonly detail: string };

/**
 * Reads a request body as UTF-8 text, at most `limit` bytes, and calls `done` once: with the
 * text, or with `tooLarge` as soon as `Content-Length` or the bytes received pass the limit
 * (nothing past the limit is kept: the rest is discarded as it arrives). A request the client
 * abandons (the connection closes first) never calls `done`, and its bytes are given back to
 * the system at once, without waiting for a garbage collection.
 */
export function readBody(
  req: IncomingMessage,
  limit: number,
  done: (outcome: BodyOutcome) => void,
): void {
  const length = req.headers["content-length"];
  // Most requests (every GET) carry no body: answer at once instead of waiting for "end".
  if (length === undefined && req.headers["transfer-encoding"] === undefined) {
    req.resume();
    done({ kind: "body", text: "" });
    return;
  }
  const declared = length === undefined ? undefined : Number(length);
  if (declared !== undefined && declared > limit) {
    done({ kind: "tooLarge", detail: `(Content-Length ${declared}; at most ${limit} bytes)` });
    return;
  }
  const bytes = new BodyBytes(declared ?? limit);
  const stop = (): void => {
    req.off("data", onData);
    req.off("end", onEnd);
    bytes.release();
  };
  const onData = (chunk: Buffer): void => {
    if (bytes.length + chunk.length <= limit) {
      bytes.append(chunk);
      return;
    }
    stop();
    req.resume(); // keeps the rest flowing, unread, until the answer closes the connection
    done({ kind: "tooLarge", detail: `(more than ${limit} bytes)` });
  };
  const onEnd = (): void => {
    const text = bytes.text();
    stop();
    done({ kind: "body", text });
  };
  req.on("data", onData);
  req.on("end", onEnd);
  req.once("close", () => {
    if (!req.complete) stop();
  });
  req.on("error", () => req.socket.destroy());
}

/** `ArrayBuffer` with `maxByteLength` (ES2024; Node ≥ 20), which the ES2023 lib does not type. */
type ResizableArrayBuffer = ArrayBuffer & { resize(byteLength: number): void };
const ResizableArrayBuffer = ArrayBuffer as unknown as new (
  byteLength: number,
  options: { maxByteLength: number },
) => ResizableArrayBuffer;

/**
 * A body's bytes. One chunk (most bodies) is kept as it came; more are copied into a resizable
 * `ArrayBuffer`, whose pages go back to the system when it shrinks: the socket's chunks stay
 * short-lived garbage, and an abandoned upload frees its memory at {@link BodyBytes.release}.
 * Kept as separate `Buffer`s, 30 abandoned 12 MiB uploads held ~330 MB until a garbage
 * collection, and glibc kept the process's RSS there after it.
 */
class BodyBytes {
  length = 0;
  private first: Buffer | undefined;
  private joined: ResizableArrayBuffer | undefined;

  constructor(private readonly capacity: number) {}

  append(chunk: Buffer): void {
    if (this.length === 0) {
      this.first = chunk;
      this.length = chunk.length;
      return;
    }
    if (this.joined === undefined) {
      this.joined = new ResizableArrayBuffer(0, { maxByteLength: this.capacity });
      this.copy(this.first ?? Buffer.alloc(0));
      this.first = undefined;
    }
    this.copy(chunk);
  }

  text(): string {
    if (this.joined !== undefined) return Buffer.from(this.joined, 0, this.length).toString("utf8");
    return this.first?.toString("utf8") ?? "";
  }

  release(): void {
    this.joined?.resize(0);
    this.joined = undefined;
    this.first = undefined;
  }

  private copy(chunk: Buffer): void {
    const joined = this.joined as ResizableArrayBuffer;
    const at = joined.byteLength;
    joined.resize(at + chunk.length);
    new Uint8Array(joined, at).set(chunk);
    this.length = at + chunk.length;
  }
}
