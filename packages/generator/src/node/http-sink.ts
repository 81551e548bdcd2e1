import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { BatchBytes } from "./batch-bytes.js";
import { Framer, type Framing } from "./framer.js";
import { backoffMs, retryAfterMs } from "./retry-after.js";
import { StreamError, StreamErrorCode } from "./stream-error.js";
import { splitChunk, type TraceChunk, type TraceSink } from "./trace-chunk.js";

/** Options of {@link createHttpSink}. */
export interface HttpSinkOptions {
  /** Receiver URL (`http:` or `https:`); every batch is POSTed to it. */
  readonly url: string | URL;
  /** Body layout: NDJSON (`"lines"`, `application/x-ndjson`) or a JSON array. Default `"lines"`. */
  readonly framing?: Framing;
  /** Records per POST (the last batch may be smaller). Default 500. */
  readonly batchRecords?: number;
  /** POSTs in flight at once; `write` waits while all are busy. Default 4. */
  readonly concurrency?: number;
  /** Extra request headers (e.g. `Authorization`). Default none. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Retries of one batch after 429, 5xx or a network error. Default 5. */
  readonly maxRetries?: number;
  /** First backoff (ms), doubled per retry. Default 200. */
  readonly backoffMs?: number;
  /** Longest wait between retries (ms), also the cap on `Retry-After`. Default 30 000. */
  readonly maxBackoffMs?: number;
  /** Per-request timeout (ms). Default 30 000. */
  readonly timeoutMs?: number;
  /** Waits between retries (tests inject a fast one). Default `setTimeout`. */
  readonly sleep?: (ms: number) => Promise<void>;
}

type ResolvedHttpSinkOptions = Required<Omit<HttpSinkOptions, "url">> & { readonly url: URL };

/** What a sent batch came to. */
interface Outcome {
  readonly status?: number;
  readonly retryAfter?: string;
  readonly detail: string;
}

/**
 * A sink that POSTs records in batches to an HTTP(S) receiver (a log shipper's HTTP input, a
 * SIEM collector). At most `concurrency` batches are in flight; when all are busy, `write` waits,
 * so a slow receiver slows the producer and memory stays at about
 * `concurrency × batchRecords` records. A batch answered with 429 or 5xx, or lost to a network
 * error, is retried with exponential backoff (honouring `Retry-After`) up to `maxRetries` times.
 *
 * Errors: `CTSIM_SINK_HTTP_STATUS` when a batch is refused (4xx other than 429, or still failing after
 * every retry), `CTSIM_SINK_UNREACHABLE` when the receiver cannot be reached; once failed, every later
 * `write` and `close` rejects with the same error.
 *
 * @example
 * const sink = createHttpSink({ url: "http://localhost:9880/cts", batchRecords: 1000, headers: { "X-Token": "t" } });
 */
export function createHttpSink(options: HttpSinkOptions): TraceSink {
  const o = resolveOptions(options);
  const agent =
    o.url.protocol === "https:"
      ? new HttpsAgent({ keepAlive: true, maxSockets: o.concurrency })
      : new HttpAgent({ keepAlive: true, maxSockets: o.concurrency });
  const inFlight = new Set<Promise<void>>();
  // The batch being filled: copies of the records, never views of a producer's buffer, which
  // the producer refills as soon as `write` resolves.
  const batch = new BatchBytes();
  let batchCount = 0;
  let failure: StreamError | undefined;
  let records = 0;
  let bytes = 0;
  let errors = 0;
  let closed = false;

  const send = async (body: Uint8Array, count: number): Promise<void> => {
    for (let attempt = 0; ; attempt += 1) {
      const outcome = await post(o, agent, body);
      if (outcome.status !== undefined && outcome.status < 300) {
        records += count;
        bytes += body.length;
        return;
      }
      const retriable =
        outcome.status === undefined || outcome.status === 429 || outcome.status >= 500;
      if (!retriable || attempt >= o.maxRetries) throw failureOf(o, outcome, attempt);
      errors += 1;
      const hinted = retryAfterMs(outcome.retryAfter, Date.now());
      await o.sleep(
        Math.min(o.maxBackoffMs, hinted ?? backoffMs(attempt, o.backoffMs, o.maxBackoffMs)),
      );
    }
  };

  const dispatch = async (): Promise<void> => {
    if (batchCount === 0) return;
    const framer = new Framer(o.framing);
    const body = framer.body({ bytes: batch.take(), count: batchCount });
    const tail = framer.tail();
    const count = batchCount;
    batchCount = 0;
    while (inFlight.size >= o.concurrency) await Promise.race(inFlight);
    if (failure !== undefined) throw failure;
    const sending: Promise<void> = send(
      tail.length === 0 ? body : Buffer.concat([body, tail]),
      count,
    ).then(
      () => {
        inFlight.delete(sending);
      },
      (error: StreamError) => {
        inFlight.delete(sending);
        failure ??= error;
      },
    );
    inFlight.add(sending);
  };

  const writeChunk = async (chunk: TraceChunk): Promise<void> => {
    let rest: TraceChunk | undefined = chunk;
    while (rest !== undefined && rest.count > 0) {
      if (failure !== undefined) throw failure;
      const room = o.batchRecords - batchCount;
      const [head, tail]: [TraceChunk, TraceChunk | undefined] =
        rest.count <= room ? [rest, undefined] : splitChunk(rest, room);
      batch.append(head.bytes);
      batchCount += head.count;
      rest = tail;
      if (batchCount >= o.batchRecords) await dispatch();
    }
    if (failure !== undefined) throw failure;
  };

  return {
    get recordsWritten(): number {
      return records;
    },
    get bytesWritten(): number {
      return bytes;
    },
    get errors(): number {
      return errors;
    },
    write(chunk: TraceChunk): Promise<void> {
      if (closed)
        return Promise.reject(new StreamError(StreamErrorCode.closed, `${o.url.href}: closed`));
      return writeChunk(chunk);
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      try {
        await dispatch();
        await Promise.all(inFlight);
      } finally {
        agent.destroy();
      }
      if (failure !== undefined) throw failure;
    },
  };
}

function resolveOptions(options: HttpSinkOptions): ResolvedHttpSinkOptions {
  const url = new URL(options.url);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new StreamError(
      StreamErrorCode.invalidOption,
      `HTTP sink: ${url.href} is not an http(s) URL`,
    );
  }
  const resolved: ResolvedHttpSinkOptions = {
    url,
    framing: options.framing ?? "lines",
    batchRecords: options.batchRecords ?? 500,
    concurrency: options.concurrency ?? 4,
    headers: options.headers ?? {},
    maxRetries: options.maxRetries ?? 5,
    backoffMs: options.backoffMs ?? 200,
    maxBackoffMs: options.maxBackoffMs ?? 30_000,
    timeoutMs: options.timeoutMs ?? 30_000,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  };
  for (const name of ["batchRecords", "concurrency", "timeoutMs"] as const) {
    if (!(Number.isInteger(resolved[name]) && resolved[name] >= 1)) {
      throw new StreamError(
        StreamErrorCode.invalidOption,
        `HTTP sink: ${name} must be a positive integer, got ${resolved[name]}`,
      );
    }
  }
  return resolved;
}

/** POSTs one body; resolves to the status (or a network failure), never rejects. */
function post(o: ResolvedHttpSinkOptions, agent: HttpAgent, body: Uint8Array): Promise<Outcome> {
  const request = o.url.protocol === "https:" ? httpsRequest : httpRequest;
  const contentType = o.framing === "lines" ? "application/x-ndjson" : "application/json";
  return new Promise((resolve) => {
    const req = request(o.url, {
      method: "POST",
      agent,
      timeout: o.timeoutMs,
      headers: {
        "content-type": contentType,
        ...o.headers,
        "content-length": body.length,
      },
    });
    req.on("response", (res: IncomingMessage) => {
      const parts: Buffer[] = [];
      let kept = 0;
      res.on("data", (part: Buffer) => {
        // Keep the start of an error body for the message; success bodies are discarded.
        if (kept < 512 && (res.statusCode ?? 0) >= 300) {
          parts.push(part);
          kept += part.length;
        }
      });
      res.on("end", () => {
        const retryAfter = res.headers["retry-after"];
        resolve({
          status: res.statusCode ?? 0,
          ...(retryAfter === undefined ? {} : { retryAfter }),
          detail: Buffer.concat(parts).toString("utf8").slice(0, 512),
        });
      });
      res.on("error", (error) => resolve({ detail: error.message }));
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${o.timeoutMs} ms`)));
    req.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ detail: error.code ?? error.message }),
    );
    req.end(body);
  });
}

function failureOf(o: ResolvedHttpSinkOptions, outcome: Outcome, attempt: number): StreamError {
  const tries = `${attempt + 1} attempt${attempt === 0 ? "" : "s"}`;
  if (outcome.status === undefined) {
    return new StreamError(
      StreamErrorCode.unreachable,
      `cannot reach ${o.url.href} (${outcome.detail}) after ${tries}: is the receiver running and the URL right?`,
    );
  }
  const body = outcome.detail === "" ? "" : `: ${outcome.detail}`;
  return new StreamError(
    StreamErrorCode.httpStatus,
    `${o.url.href} answered HTTP ${outcome.status} after ${tries}${body}`,
  );
}
