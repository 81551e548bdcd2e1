import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "node:querystring";
import { loadGeneratedTraces, TraceStore } from "@ctsim/mock";
import { type MockService, startCtsServer, startMockService } from "@ctsim/mock/node";
import {
  canonicalRequest,
  hmacSha256Hex,
  parseAuthorization,
  payloadHash,
  signRequest,
  stringToSign,
} from "@ctsim/signer";
import { fc, test } from "@fast-check/vitest";
import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCtsim } from "../../test/support/run-ctsim.js";
import { spawnCtsim } from "../../test/support/spawn-ctsim.js";
import { isHeaderValue } from "../internal/parse-values.js";

const AK = "HPUAL0GLPDTTWQVYYYXL";
const SK = "fqvJKy3AH1Ib4Vjdl5LIrwQsqG5YV6qrNfgWBqUo";
const PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const DATE = "2026-01-15T08:30:00Z";
const SDK_DATE = "20260115T083000Z";

/** Runs `ctsim sign`, expecting success, and returns its standard output. */
async function sign(argv: readonly string[], env: Record<string, string> = {}): Promise<string> {
  const run = await runCtsim(["sign", ...argv], { env });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return run.stdout;
}

/** The `Name: value` lines `ctsim sign` prints, as a record. */
function headerLines(stdout: string): Record<string, string> {
  expect(stdout.endsWith("\n")).toBe(true);
  return Object.fromEntries(
    stdout
      .slice(0, -1)
      .split("\n")
      .map((line) => {
        const colon = line.indexOf(": ");
        return [line.slice(0, colon), line.slice(colon + 2)];
      }),
  );
}

/**
 * Runs a printed command the way the `serve` banner suggests, `eval "$(ctsim sign … --curl URL)"`,
 * with curl options appended after the URL; resolves to curl's standard output.
 */
function evalCurl(command: string, ...extra: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // printf %q quotes the extra words once more, as eval parses its whole input again.
    const script = `eval "$(cat)" "$(printf '%q ' "$@")"`;
    const child = spawn("bash", ["-c", script, "bash", ...extra], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (part: Buffer) => out.push(part));
    child.stderr.on("data", (part: Buffer) => err.push(part));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve(Buffer.concat(out).toString())
        : reject(new Error(`curl exited ${code}: ${Buffer.concat(err).toString()}`)),
    );
    child.stdin.end(command);
  });
}

/** Sends a printed curl command; the HTTP status and the parsed JSON body (or the raw text). */
async function send(command: string): Promise<{ status: number; body: unknown }> {
  const out = await evalCurl(command, "-sS", "-w", "\n%{http_code}");
  const newline = out.lastIndexOf("\n");
  const text = out.slice(0, newline);
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: Number(out.slice(newline + 1)), body };
}

describe("ctsim sign: the same headers as @ctsim/signer and the official Node SDK", () => {
  /** Headers the Node SDK sends through its credentials (as its clients do), minus `host`. */
  async function sdkHeaders(call: {
    method: string;
    path: string;
    query?: Record<string, string>;
    contentType: string;
    data?: unknown;
    securityToken?: string;
  }): Promise<Record<string, string>> {
    const credentials = new BasicCredentials().withAk(AK).withSk(SK).withProjectId(PROJECT);
    if (call.securityToken !== undefined) credentials.withSecurityToken(call.securityToken);
    const signed = await credentials.processAuthRequest(undefined as never, {
      endpoint: "http://127.0.0.1:9000",
      url: call.path,
      method: call.method,
      headers: {
        "Content-Type": call.contentType,
        "User-Agent": "huaweicloud-usdk-nodejs/3.0",
        "X-Sdk-Date": SDK_DATE,
      },
      queryParams: call.query ?? {},
      data: call.data,
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(signed.headers as Record<string, string>)) {
      if (name.toLowerCase() !== "host") headers[name.toLowerCase()] = String(value);
    }
    return headers;
  }

  const sdkLikeFlags = (contentType: string): string[] => [
    "-H",
    `Content-Type: ${contentType}`,
    "-H",
    "User-Agent: huaweicloud-usdk-nodejs/3.0",
    "-H",
    `X-Project-Id: ${PROJECT}`,
    "--date",
    DATE,
    "--ak",
    AK,
    "--sk",
    SK,
  ];
  const tracker = { tracker_type: "data", tracker_name: "t-é", obs_info: { bucket_name: "b" } };

  it.each([
    [
      "a GET with a query",
      {
        method: "GET",
        path: `/v3/${PROJECT}/traces`,
        query: { trace_type: "system", limit: "10", user: "jane doe" },
        contentType: "application/json",
      },
    ],
    [
      "a POST with a JSON body",
      {
        method: "POST",
        path: `/v3/${PROJECT}/tracker`,
        contentType: "application/json",
        data: tracker,
      },
    ],
    [
      "temporary credentials",
      {
        method: "PUT",
        path: `/v3/${PROJECT}/tracker`,
        contentType: "application/json",
        data: tracker,
        securityToken: "gQpjbi1ub3J0aC00",
      },
    ],
    [
      "a non-JSON body, sent as UNSIGNED-PAYLOAD",
      { method: "POST", path: `/v3/${PROJECT}/tracker`, contentType: "text/plain", data: tracker },
    ],
  ])("%s", async (_name, call) => {
    const url = `http://127.0.0.1:9000${call.path}${"query" in call ? `?${stringify(call.query)}` : ""}`;
    const body = "data" in call ? JSON.stringify(call.data) : undefined;
    const token = "securityToken" in call ? call.securityToken : undefined;
    const printed = headerLines(
      await sign(
        [
          ...sdkLikeFlags(call.contentType),
          "-X",
          call.method,
          ...(body === undefined ? [] : ["-d", body]),
          url,
        ],
        token === undefined ? {} : { HUAWEICLOUD_SDK_SECURITY_TOKEN: token },
      ),
    );
    expect(printed).toEqual(await sdkHeaders(call));
    const target = new URL(url);
    expect(printed).toEqual(
      signRequest(
        {
          method: call.method,
          rawPath: target.pathname,
          rawQuery: target.search.slice(1),
          headers: {
            "Content-Type": call.contentType,
            "User-Agent": "huaweicloud-usdk-nodejs/3.0",
            "X-Project-Id": PROJECT,
          },
          body: body ?? "",
          host: target.host,
        },
        {
          ak: AK,
          sk: SK,
          date: Date.parse(DATE),
          ...(token === undefined ? {} : { securityToken: token }),
        },
      ),
    );
  });
});

describe("ctsim sign --curl against the mock served with AK/SK (real bash and curl)", () => {
  let service: MockService;
  const now = Date.now();
  beforeAll(async () => {
    service = await startMockService({
      auth: "aksk",
      ak: AK,
      sk: SK,
      port: 0,
      days: 1,
      expectedCount: 200,
      cacheDir: false,
    });
  });
  afterAll(() => service.close());

  const listTraces = (): string =>
    `${service.server.url}/v3/${service.projectId}/traces?${stringify({
      trace_type: "system",
      from: now - 86_400_000,
      to: now,
      limit: 20,
    })}`;

  it("ListTraces answers 200 with a page of traces (credentials from the environment)", async () => {
    const command = await sign(["--curl", listTraces()], {
      HUAWEICLOUD_SDK_AK: AK,
      HUAWEICLOUD_SDK_SK: SK,
    });
    const { status, body } = await send(command);
    expect(status).toBe(200);
    const page = body as { traces: { trace_id: string }[]; meta_data: { count: number } };
    expect(page.traces.length).toBeGreaterThan(0);
    expect(page.meta_data.count).toBe(page.traces.length);
    expect(page.traces[0]?.trace_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a wrong SK gets the gateway's 401", async () => {
    const { status, body } = await send(
      await sign(["--ak", AK, "--sk", "not-the-secret", "--curl", listTraces()]),
    );
    expect(status).toBe(401);
    expect(body).toMatchObject({ error_code: "APIGW.0301" });
  });

  it("a POST with a body creates a notification (201)", async () => {
    const body = JSON.stringify({
      notification_name: "signed-by-curl",
      operation_type: "complete",
    });
    const url = `${service.server.url}/v3/${service.projectId}/notifications`;
    const created = await send(await sign(["--ak", AK, "--sk", SK, "-d", body, "--curl", url]));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ notification_name: "signed-by-curl" });
  });
});

describe("ctsim sign --curl with temporary credentials (mock server given an AK/SK/token)", () => {
  const temporary = {
    ak: "STS0TEMPORARYACCESS1",
    sk: "tempSecret",
    securityToken: "gQpjbi1ub3J0aC00",
  };
  let server: Awaited<ReturnType<typeof startCtsServer>>;
  beforeAll(async () => {
    const store = new TraceStore();
    loadGeneratedTraces(store, { seed: 3, days: 1, expectedCount: 100, projectId: PROJECT });
    server = await startCtsServer({ store, auth: { mode: "aksk", credentials: [temporary] } });
  });
  afterAll(() => server.close());

  it("signs and sends X-Security-Token: 200; without it: 401", async () => {
    const url = `${server.url}/v3/${PROJECT}/trackers`;
    const flags = ["--ak", temporary.ak, "--sk", temporary.sk, "--curl", url];
    const ok = await send(await sign(["--security-token", temporary.securityToken, ...flags]));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      trackers: expect.arrayContaining([expect.objectContaining({ tracker_name: "system" })]),
    });
    expect((await send(await sign(flags))).status).toBe(401);
  });
});

describe("ctsim sign as a process", () => {
  it("prints only the curl command on stdout, nothing on stderr", async () => {
    const url = "http://127.0.0.1:9000/v3/p/traces?limit=1";
    const { code, stdout, stderr } = await spawnCtsim([
      "sign",
      "--ak",
      AK,
      "--sk",
      SK,
      "--curl",
      url,
    ]);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout.toString()).toMatch(
      /^curl --globoff -X 'GET' -H 'x-sdk-date: \d{8}T\d{6}Z' -H 'authorization: SDK-HMAC-SHA256 Access=HPUAL0GLPDTTWQVYYYXL, SignedHeaders=host;x-sdk-date, Signature=[0-9a-f]{64}' 'http:\/\/127\.0\.0\.1:9000\/v3\/p\/traces\?limit=1'\n$/,
    );
  });
});

describe("ctsim sign: usage errors exit 2 with a message", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ctsim-sign-"));
    await writeFile(join(dir, "latin1.json"), Buffer.from([0x7b, 0xe9, 0x7d]));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const creds = ["--ak", AK, "--sk", SK];
  const url = "http://127.0.0.1:9000/v3/p/traces";

  it.each([
    [[url], {}, /no credentials: give --ak \(or \$HUAWEICLOUD_SDK_AK\) and --sk/],
    [[url], { HUAWEICLOUD_SDK_AK: AK }, /no credentials: give --sk \(or \$HUAWEICLOUD_SDK_SK\)$/m],
    [[url], { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: "" }, /no credentials/],
    [[...creds, "not a url"], {}, /<url> must be an absolute http\(s\) URL/],
    [[...creds, "ftp://host/x"], {}, /<url> must be an http or https URL/],
    [["--ak", "A K", "--sk", SK, url], {}, /--ak must not .* hold spaces/],
    [[...creds, "-d", "{}", "--data-file", "x.json", url], {}, /--data or --data-file, not both/],
    [[...creds, "-H", "no colon", url], {}, /--header must look like "Name: value"/],
    [[...creds, "-H", "X-A: 1\r\nX-Evil: 2", url], {}, /may not hold control characters/],
    [[...creds, "--security-token", "t\nX: y", url], {}, /--security-token must be/],
    [
      [...creds, "--date", "2026-02-30T00:00:00Z", url],
      {},
      /--date must be epoch ms or an ISO 8601/,
    ],
    [[...creds, "--date", "99999999999999999", url], {}, /--date must fall in the years/],
    [[...creds, "-X", "GE T", url], {}, /--method must be an HTTP method/],
    [[...creds, "--data-file", "/nonexistent/body.json", url], {}, /cannot read .*: no such file/],
    [[...creds, "--bogus", url], {}, /unknown option '--bogus'/],
    [[...creds], {}, /missing required argument 'url'/],
  ])("%j %j", async (argv, env, message) => {
    const run = await runCtsim(["sign", ...argv], { env });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
  });

  it("refuses a body file that is not UTF-8", async () => {
    const run = await runCtsim(["sign", ...creds, "--data-file", join(dir, "latin1.json"), url]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/latin1\.json is not UTF-8 text/);
  });

  it("refuses to put a body with NUL on a command line, but signs it for the header output", async () => {
    const file = join(dir, "nul.json");
    await writeFile(file, '{"a":"\u0000"}');
    const curl = await runCtsim(["sign", ...creds, "--data-file", file, "--curl", url]);
    expect(curl.code).toBe(2);
    expect(curl.stderr).toMatch(/NUL characters cannot go on a command line/);
    expect((await runCtsim(["sign", ...creds, "--data-file", file, url])).code).toBe(0);
  });

  it("signs a --data-file body as its exact bytes, byte order mark included", async () => {
    const file = join(dir, "bom.json");
    await writeFile(file, '\uFEFF{"a":"é"}\n');
    const flags = ["--ak", AK, "--sk", SK, "--date", DATE];
    const viaFile = await sign([...flags, "--data-file", file, url]);
    const viaData = await sign([...flags, "-d", (await readFile(file)).toString(), url]);
    expect(viaFile).toBe(viaData);
  });

  it("reads the body from standard input with --data-file - (and signs it as sent)", async () => {
    const body = '{"tracker_name":"from-stdin"}';
    const run = await runCtsim(
      ["sign", ...creds, "--date", DATE, "--data-file", "-", "--curl", url],
      {
        stdin: body,
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(` -X 'POST' `);
    expect(run.stdout).toContain(` --data-raw '${body}' `);
    const viaData = await sign([...creds, "--date", DATE, "-d", body, "--curl", url]);
    expect(run.stdout).toBe(viaData);
  });
});

// --- the shell quoting property: what curl sends is what was signed, byte for byte ---------

interface Received {
  readonly method: string;
  readonly target: string;
  readonly headers: IncomingHttpHeaders;
  /** Header values as the bytes on the wire (Node decodes them as latin1). */
  readonly rawHeaders: Record<string, Buffer>;
  readonly body: Buffer;
}

describe("ctsim sign --curl quoting", () => {
  let received: Received[] = [];
  const echo = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => {
      const rawHeaders: Record<string, Buffer> = {};
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        rawHeaders[req.rawHeaders[i]!.toLowerCase()] = Buffer.from(
          req.rawHeaders[i + 1]!,
          "latin1",
        );
      }
      received.push({
        method: req.method ?? "",
        target: req.url ?? "",
        headers: req.headers,
        rawHeaders,
        body: Buffer.concat(parts),
      });
      res.writeHead(204).end();
    });
  });
  let origin = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => echo.close(() => resolve())));

  // Shell metacharacters, quotes, URL delimiters and characters outside ASCII.
  const awkward = fc.oneof(
    fc.constantFrom(..."'\"$`\\!*?[]{}()<>|&;~^ %+=@#:,é中😀ß\u00a0"),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
  );
  // URL parsers drop tabs, so URL parts keep to header-safe characters without them.
  const printable = (text: string): boolean => isHeaderValue(text) && !text.includes("\t");
  const headerValue = fc
    .string({ unit: awkward, maxLength: 16 })
    .map((s) => s.trim())
    .filter(printable);
  const body = fc.string({
    unit: fc.oneof(awkward, fc.constantFrom("\n", "\t", "\r\n")),
    maxLength: 40,
  });
  // A path segment and a query value that decode back to themselves: no delimiters of their own.
  const segment = fc
    .string({ unit: awkward, minLength: 1, maxLength: 12 })
    .filter((s) => printable(s) && !/[/?#%\\]/.test(s) && s !== "." && s !== "..");
  const queryValue = fc
    .string({ unit: awkward, maxLength: 12 })
    .filter((s) => printable(s) && !/[&=#%+]/.test(s));

  test.prop([headerValue, body, segment, queryValue, fc.constantFrom("PUT", "POST")], {
    numRuns: 30,
  })(
    "header value, body and URL reach the server exactly as signed, and the signature verifies there",
    async (value, text, pathSegment, query, method) => {
      received = [];
      // Not last in the URL: URL parsers trim spaces at its ends.
      const url = `${origin}/echo/${pathSegment}?q=${query}&z=1`;
      const command = await sign([
        "--ak",
        AK,
        "--sk",
        SK,
        "-X",
        method,
        "-H",
        `X-Test: ${value}`,
        "-d",
        text,
        "--curl",
        url,
      ]);
      await evalCurl(command, "-sS");
      expect(received).toHaveLength(1);
      const request = received[0]!;
      const expected = new URL(url);
      expect(request.method).toBe(method);
      expect(request.target).toBe(`${expected.pathname}${expected.search}`);
      expect(decodeURIComponent(request.target.split("?")[0]!.split("/")[2]!)).toBe(pathSegment);
      expect(decodeURIComponent(request.target.split("?q=")[1]!.split("&z=")[0]!)).toBe(query);
      expect(request.rawHeaders["x-test"]).toEqual(Buffer.from(value));
      expect(request.body).toEqual(Buffer.from(text));

      const utf8 = (name: string): string | undefined => request.rawHeaders[name]?.toString();
      const authorization = parseAuthorization(utf8("authorization") ?? "");
      if (!authorization.ok) throw new Error(authorization.reason);
      const { signedHeaders, signature } = authorization.value;
      expect(signedHeaders).toEqual(["content-type", "host", "x-sdk-date", "x-test"]);
      const question = request.target.indexOf("?");
      const canonical = canonicalRequest({
        method: request.method,
        rawPath: request.target.slice(0, question),
        rawQuery: request.target.slice(question + 1),
        signedHeaders,
        headerValue: utf8,
        payloadHash: payloadHash(signedHeaders, utf8, request.body.toString()),
      });
      expect(hmacSha256Hex(SK, stringToSign(utf8("x-sdk-date")!, canonical))).toBe(signature);
    },
  );
});
