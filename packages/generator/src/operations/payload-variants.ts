import type { PayloadSpec } from "./payloads.js";

/**
 * Other request/response bodies of an operation, for scenarios whose story lives in the body
 * (a notebook's SSH endpoint and startup hook, a tracker's transfer bucket). A variant keeps
 * the operation's trace name and everything else; only the bodies differ. Regular workflows
 * never use them, so adding one changes no existing trace. Field names follow the APIs where
 * known; see each entry for what is unconfirmed.
 */
export const PAYLOAD_VARIANTS: Readonly<Record<string, Readonly<Record<string, PayloadSpec>>>> = {
  updateNotebook: {
    // `endpoints` (EndpointsReq: `service`, `key_pair_names`, `allowed_access_ips`) is a
    // field of the notebook API's create body (CreateNotebook, "remote access over SSH from a
    // local IDE"); its presence in the update body and the `hooks.container_hooks.post_start`
    // shape of the custom startup script are ctsim's reading (unconfirmed).
    ssh: {
      request:
        '{"description":"$description","endpoints":[{"service":"SSH","key_pair_names":["$keyPair"],"allowed_access_ips":["$allowedIp"]}],"hooks":{"container_hooks":{"post_start":{"type":"COMMAND","mode":"$hookMode","script":"$script"}}}}',
      response: '{"id":"$id","status":"$status"}',
    },
  },
  updateTracker: {
    // UpdateTracker's body is CreateTracker's plus `status` (reference §1.3): here the
    // transfer target (`obs_info`) changes.
    obs: {
      request:
        '{"tracker_type":"system","tracker_name":"system","status":"enabled","obs_info":{"bucket_name":"$bucketName","file_prefix_name":"$prefix","is_obs_created":false,"compress_type":"gzip","is_sort_by_service":true}}',
      response: null,
    },
  },
};

/**
 * Key of a body variant of `traceName` in the operation table (present only when the revision
 * has the operation).
 *
 * @example
 * variantKey("updateTracker", "obs"); // "updateTracker#obs"
 */
export function variantKey(traceName: string, variant: string): string {
  return `${traceName}#${variant}`;
}
