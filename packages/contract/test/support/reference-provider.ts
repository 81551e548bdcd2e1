import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApiTrace } from "@ctsim/catalog";
import type { ProviderCredentials } from "../../src/internal/cts-client.js";
import type { Defect } from "./defects.js";
import type { ReferenceAccount } from "./reference-accounts.js";
import { REFERENCE_NOW, referenceTraces } from "./reference-dataset.js";
import { authenticate, authorizeProject, gatewayReply } from "./reference-gateway.js";
import { ReferenceResources } from "./reference-resources.js";
import { ReferenceTags } from "./reference-tags.js";
import { errorReply, listTraces, type Reply } from "./reference-traces.js";

/** Options of {@link startReferenceProvider}. */
export interface ReferenceProviderOptions {
  /** Project holding the traces when no `accounts` are given. Default `0123456789abcdef0123456789abcdef`. */
  readonly projectId?: string;
  /** Shorthand for one account owning `projectId` with this credential (a token is scoped to it). */
  readonly credentials?: ProviderCredentials;
  /**
   * Accounts the gateway knows; the first one's first project holds the traces. Default: the
   * account `credentials` describes, or none (every request accepted, only `projectId` served).
   */
  readonly accounts?: readonly ReferenceAccount[];
  readonly defects?: readonly Defect[];
  readonly traces?: readonly ApiTrace[];
}

/** A running reference provider. */
export interface ReferenceProvider {
  readonly url: string;
  /** The project holding the traces. */
  readonly projectId: string;
  /** Names of the data trackers a project holds now (none for a project never used). */
  dataTrackerNames(projectId: string): string[];
  close(): Promise<void>;
}

/** The one account `credentials` describes. */
function accountOf(projectId: string, credentials: ProviderCredentials): ReferenceAccount {
  const base = { domainId: "d0000000000000000000000000000001", projectIds: [projectId] };
  if ("token" in credentials) return { ...base, tokens: [{ token: credentials.token, projectId }] };
  const { ak, sk, securityToken } = credentials;
  return securityToken === undefined
    ? { ...base, permanent: [{ ak, sk }] }
    : { ...base, temporary: [{ ak, sk, securityToken, expiresAt: Number.POSITIVE_INFINITY }] };
}

/** One project's trackers, notifications, quotas, tags and traces. */
interface ReferenceProject {
  readonly resources: ReferenceResources;
  readonly tags: ReferenceTags;
  readonly traces: readonly ApiTrace[];
}

/**
 * A small, correct, in-memory CTS provider over a fixed set of traces (ListTraces paging, filters
 * and errors; trackers, notifications and quotas per project; a gateway with accounts, token or
 * AK/SK auth, temporary credentials and project ownership), optionally carrying {@link Defect}s.
 * Its clock is {@link REFERENCE_NOW}.
 */
export async function startReferenceProvider(
  options: ReferenceProviderOptions = {},
): Promise<ReferenceProvider> {
  const accounts =
    options.accounts ??
    (options.credentials
      ? [accountOf(options.projectId ?? "0123456789abcdef0123456789abcdef", options.credentials)]
      : []);
  const projectId =
    accounts[0]?.projectIds[0] ?? options.projectId ?? "0123456789abcdef0123456789abcdef";
  const defects = new Set(options.defects ?? []);
  const base = options.traces ?? referenceTraces();
  const duplicate = base[20];
  const traces = defects.has("duplicate-trace") && duplicate ? [...base, duplicate] : base;
  const projects = new Map<string, ReferenceProject>();
  const project = (id: string): ReferenceProject => {
    let found = projects.get(id);
    if (!found) {
      const resources = new ReferenceResources(id, REFERENCE_NOW, defects);
      const tags = new ReferenceTags(() => resources.allTrackers(), defects);
      found = { resources, tags, traces: id === projectId ? traces : [] };
      projects.set(id, found);
    }
    return found;
  };
  const known = (id: string): boolean => accounts.some((a) => a.projectIds.includes(id));

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
    const parts = /^\/v3\/([^/]*)(\/.*)?$/.exec(url.pathname);
    const notFound = gatewayReply(404, "APIGW.0101", "The API does not exist");
    if (!parts) return notFound;
    const id = parts[1] ?? "";
    const route = `${request.method} ${parts[2] ?? ""}`;
    if (accounts.length === 0)
      return id === projectId ? serve(project(id), route, url, text) : notFound;
    const caller = authenticate(
      { request, url, body: text },
      { accounts, now: REFERENCE_NOW, defects },
    );
    if (!("account" in caller)) return caller;
    const refusal = authorizeProject(caller, id, defects);
    if (refusal === undefined) return serve(project(id), route, url, text);
    if (defects.has("refused-create-keeps-state") && request.method === "POST" && known(id))
      serve(project(id), route, url, text);
    return refusal;
  }

  function serve(target: ReferenceProject, route: string, url: URL, text: string): Reply {
    const { resources, tags } = target;
    let body: Record<string, unknown> = {};
    if (route.startsWith("POST ") || route.startsWith("PUT ") || text !== "") {
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return errorReply(400, "CTS.0003", "The message body is empty or invalid.");
      }
    }
    const params = url.searchParams;
    if (route === "GET /traces") return listTraces(target.traces, params, REFERENCE_NOW, defects);
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
    return gatewayReply(404, "APIGW.0101", "The API does not exist");
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    projectId,
    dataTrackerNames: (id) =>
      (projects.get(id)?.resources.allTrackers() ?? [])
        .filter((t) => t.tracker_type === "data")
        .map((t) => t.tracker_name),
    close: () =>
      new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}
