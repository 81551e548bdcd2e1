import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApiTrace } from "@ctsim/catalog";
import {
  canonicalRequest,
  hmacSha256Hex,
  parseSdkDate,
  sha256Hex,
  stringToSign,
} from "@ctsim/signer";
import type { ProviderCredentials } from "../../src/internal/cts-client.js";
import type { Defect } from "./defects.js";
import { REFERENCE_NOW, referenceTraces } from "./reference-dataset.js";
import { ReferenceResources } from "./reference-resources.js";
import { ReferenceTags } from "./reference-tags.js";
import { errorReply, listTraces, type Reply } from "./reference-traces.js";

/** Options of {@link startReferenceProvider}. */
export interface ReferenceProviderOptions {
  readonly projectId?: string;
  readonly credentials?: ProviderCredentials;
  readonly defects?: readonly Defect[];
  readonly traces?: readonly ApiTrace[];
}

/** A running reference provider. */
export interface ReferenceProvider {
  readonly url: string;
  readonly projectId: string;
  close(): Promise<void>;
}

/**
 * A small, correct, in-memory CTS provider over a fixed set of traces (ListTraces paging, filters
 * and errors; trackers, notifications and quotas; token or AK/SK auth), optionally carrying
 * {@link Defect}s. Its clock is {@link REFERENCE_NOW}.
 */
export async function startReferenceProvider(
  options: ReferenceProviderOptions = {},
): Promise<ReferenceProvider> {
  const projectId = options.projectId ?? "0123456789abcdef0123456789abcdef";
  const defects = new Set(options.defects ?? []);
  const base = options.traces ?? referenceTraces();
  const duplicate = base[20];
  const traces = defects.has("duplicate-trace") && duplicate ? [...base, duplicate] : base;
  const resources = new ReferenceResources(projectId, REFERENCE_NOW, defects);
  const tags = new ReferenceTags(() => resources.allTrackers(), defects);

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const reply = answer(request, body);
      response.writeHead(reply.status, {
        "Content-Type": "application/json",
        "X-Request-Id": "ref",
      });
      response.end(reply.body === undefined ? "" : JSON.stringify(reply.body));
    });
  });

  function answer(request: IncomingMessage, text: string): Reply {
    const url = new URL(request.url ?? "/", "http://reference");
    if (options.credentials && !authenticated(request, url, text, options.credentials)) {
      return {
        status: 401,
        body: {
          error_code: "APIGW.0301",
          error_msg: "Incorrect IAM authentication information",
          request_id: "ref",
        },
      };
    }
    const route = `${request.method} ${url.pathname.replace(`/v3/${projectId}`, "")}`;
    let body: Record<string, unknown> = {};
    if (request.method === "POST" || request.method === "PUT" || text !== "") {
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return errorReply(400, "CTS.0003", "The message body is empty or invalid.");
      }
    }
    const params = url.searchParams;
    if (route === "GET /traces") return listTraces(traces, params, REFERENCE_NOW, defects);
    if (route === "POST /tracker") return resources.createTracker(body);
    if (route === "PUT /tracker") return resources.updateTracker(body);
    if (route === "DELETE /trackers") return resources.deleteTrackers(params);
    if (route === "GET /trackers") return resources.listTrackers(params);
    if (route === "POST /notifications") return resources.createNotification(body);
    if (route === "PUT /notifications") return resources.updateNotification(body);
    if (route === "DELETE /notifications") return resources.deleteNotifications(params);
    if (route === "GET /notifications/smn" || route === "GET /notifications/fun")
      return resources.listNotifications(route.slice(-3), params);
    if (route === "GET /quotas") return resources.quotas();
    if (route === "GET /cts-tracker/tags") return tags.projectKeys();
    if (route === "POST /cts-tracker/resource-instances/filter") return tags.filter(body);
    const tagged = /^(\w+) \/cts-tracker\/([^/]+)\/tags(\/create|\/delete)?$/.exec(route);
    if (tagged?.[1] === "POST" && tagged[3] === "/create")
      return tags.create(tagged[2] as string, body);
    if (tagged?.[1] === "DELETE" && tagged[3] === "/delete")
      return tags.remove(tagged[2] as string, body);
    if (tagged?.[1] === "GET" && tagged[3] === undefined) return tags.list(tagged[2] as string);
    return {
      status: 404,
      body: { error_code: "APIGW.0101", error_msg: "The API does not exist", request_id: "ref" },
    };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    projectId,
    close: () =>
      new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}

/** Token equality, or an AK/SK signature recomputed over the headers `SignedHeaders` names, within 15 minutes. */
function authenticated(
  request: IncomingMessage,
  url: URL,
  body: string,
  credentials: ProviderCredentials,
): boolean {
  if ("token" in credentials) return request.headers["x-auth-token"] === credentials.token;
  const header = request.headers.authorization ?? "";
  const match =
    /^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]+)$/.exec(header);
  const date = request.headers["x-sdk-date"];
  if (!match || typeof date !== "string" || match[1] !== credentials.ak) return false;
  const at = parseSdkDate(date);
  if (at === undefined || Math.abs(at - REFERENCE_NOW) > 15 * 60_000) return false;
  const signed = (match[2] ?? "").split(";");
  const canonical = canonicalRequest({
    method: request.method ?? "GET",
    rawPath: url.pathname,
    rawQuery: url.search.slice(1),
    signedHeaders: signed,
    headerValue: (name) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value.join(",") : value;
    },
    payloadHash: sha256Hex(body),
  });
  return hmacSha256Hex(credentials.sk, stringToSign(date, canonical)) === match[3];
}
