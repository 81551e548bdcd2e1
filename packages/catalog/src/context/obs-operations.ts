import type { ContextOperation } from "./context-operation.js";

const CTS_OBS_PAGE = "https://support.huaweicloud.com/en-us/usermanual-cts/cts_03_0034.html";
const OBS_AUDIT_PAGE = "https://support.huaweicloud.com/intl/en-us/usermanual-obs/obs_03_0020.html";

/**
 * OBS object operations a data tracker records ("After the CTS data tracker is enabled,
 * operations on objects in OBS buckets can be recorded", CTS user guide, OBS, Table 2). Data
 * traces carry `trace_type` `ObsSDK` or `ObsAPI` and `service_type` `OBS` (reference,
 * "Corrections"). The trace names follow OBS's own operation spelling (`PUT.OBJECT`, …): the
 * table's rows could not be read back, so the spelling is unconfirmed; the resource type
 * `object` is ctsim's reading of "operations on objects". The trace-file `event_type` of data
 * traces is not documented either: `system`, the only other observed value being `global`.
 * Multipart uploads (initiate, parts, complete) are left out: no source names their traces.
 */
export const OBS_DATA_OPERATIONS = [
  obs("Uploading an object", "PUT.OBJECT", "200"),
  obs("Downloading an object", "GET.OBJECT", "200"),
  obs("Querying object metadata", "HEAD.OBJECT", "200"),
  obs("Deleting an object", "DELETE.OBJECT", "204"),
] as const satisfies readonly ContextOperation[];

/**
 * OBS bucket operations the management tracker records that a data workflow performs: listing
 * a bucket's objects is a management trace (`listObjects`, resource type `bucket`: OBS's "Using
 * CTS to Audit OBS", Table 1, tracker type "Management"), not a data trace. The same page's
 * bucket-creation example carries `trace_type` `Others`, which ctsim does not copy: its console
 * listings are `ConsoleAction`, its SDK listings `ApiCall` (unconfirmed).
 */
export const OBS_BUCKET_OPERATIONS = [
  {
    service: "OBS",
    operation: "Listing objects in a bucket",
    resourceType: "bucket",
    traceName: "listObjects",
    traceTypes: ["ConsoleAction", "ApiCall"],
    tracker: "system",
    eventType: "system",
    code: "200",
    source: OBS_AUDIT_PAGE,
    confirmed: true,
  },
] as const satisfies readonly ContextOperation[];

function obs(operation: string, traceName: string, code: string): ContextOperation {
  return {
    service: "OBS",
    operation,
    resourceType: "object",
    traceName,
    traceTypes: ["ObsSDK", "ObsAPI"],
    tracker: "data",
    eventType: "system",
    code,
    source: CTS_OBS_PAGE,
    confirmed: false,
  };
}
