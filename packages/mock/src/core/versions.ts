import type { Version } from "@ctsim/catalog";
import type { Reply } from "./cts-request.js";
import type { HandlerContext } from "./handler-context.js";
import { ctsError, jsonReply } from "./replies.js";

/** The versions the documentation example lists (reference §1.8). */
const VERSIONS = [
  { id: "v1.0", status: "CURRENT" },
  { id: "v2.0", status: "SUPPORTED" },
] as const;

function version(context: HandlerContext, entry: (typeof VERSIONS)[number]): Version {
  const origin =
    context.request.origin ?? `https://cts.${context.options.region}.myhuaweicloud.com`;
  return {
    id: entry.id,
    links: { href: `${origin}/${entry.id}/`, rel: "self" },
    version: "",
    min_version: "",
    status: entry.status,
    updated: "2018-09-30T00:00:00Z",
  };
}

/** `GET /` → `{versions}`. */
export function listVersions(context: HandlerContext): Reply {
  return jsonReply(200, { versions: VERSIONS.map((entry) => version(context, entry)) });
}

/** `GET /{version}` → `{version}`, or 404 CTS.0100 for a version CTS does not list. */
export function showVersion(context: HandlerContext): Reply {
  const entry = VERSIONS.find((candidate) => candidate.id === context.pathParam);
  return entry === undefined
    ? ctsError("CTS.0100")
    : jsonReply(200, { version: version(context, entry) });
}
