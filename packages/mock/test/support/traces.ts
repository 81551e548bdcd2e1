import type { ApiTrace } from "@ctsim/catalog";

/** Fields a test chooses for a trace; the rest get plausible defaults. */
export interface TraceSeed {
  readonly id: string;
  readonly time: number;
  readonly traceName?: string;
  readonly resourceType?: string;
  readonly resourceId?: string;
  readonly resourceName?: string;
  readonly user?: string | null;
  readonly accessKeyId?: string;
  readonly rating?: "normal" | "warning" | "incident";
  readonly source?: ApiTrace["trace_type"];
  readonly serviceType?: string;
  readonly enterpriseProjectId?: string;
}

/** A valid API-shape trace (reference §8.1) built from `seed`. */
export function apiTrace(seed: TraceSeed): ApiTrace {
  const user = seed.user === undefined ? "alice" : seed.user;
  return {
    trace_id: seed.id,
    trace_name: seed.traceName ?? "createNotebook",
    trace_rating: seed.rating ?? "normal",
    trace_type: seed.source ?? "ConsoleAction",
    service_type: seed.serviceType ?? "ModelArts",
    resource_type: seed.resourceType ?? "Notebook",
    resource_id: seed.resourceId ?? "5c1b2f8e-0000-4000-8000-000000000001",
    resource_name: seed.resourceName ?? "notebook-llm-dev",
    time: seed.time,
    record_time: seed.time + 250,
    user:
      user === null
        ? null
        : {
            id: "f2fe9fac63414a35a7d03108d5f1ea73",
            name: user,
            domain: { id: "1f9b9ba51f6b4061bd5c1736b28469f8", name: "acme" },
            ...(seed.accessKeyId === undefined ? {} : { access_key_id: seed.accessKeyId }),
          },
    source_ip: "203.0.113.24",
    request: '{"name":"nb1"}',
    response: null,
    code: "201",
    api_version: "v1",
    enterprise_project_id: seed.enterpriseProjectId ?? "0",
    read_only: false,
  };
}

/** A v1-style UUID string for test trace number `n`. */
export function traceUuid(n: number): string {
  const hex = n.toString(16).padStart(12, "0");
  return `00000000-0000-1000-8000-${hex}`;
}

/** The 60-bit time of a lower-case v1 UUID as sortable hex (`""` for other ids). */
function uuidTimeKey(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)
    ? id.slice(15, 18) + id.slice(9, 13) + id.slice(0, 8)
    : "";
}

/**
 * The store's order of traces (oldest first): `time`, then `record_time`, then the v1
 * `trace_id`'s time, then the `trace_id` (ListTraces answers the reverse).
 */
export function storeOrder(
  a: { readonly time: number; readonly recordTime: number; readonly traceId: string },
  b: { readonly time: number; readonly recordTime: number; readonly traceId: string },
): number {
  const x = uuidTimeKey(a.traceId);
  const y = uuidTimeKey(b.traceId);
  return (
    a.time - b.time ||
    a.recordTime - b.recordTime ||
    (x === "" || y === "" ? 0 : x < y ? -1 : x > y ? 1 : 0) ||
    (a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : 0)
  );
}
