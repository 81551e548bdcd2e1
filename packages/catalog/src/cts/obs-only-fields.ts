/**
 * The fields only the OBS trace-file shape has (reference §2.1, §7.1): where the trace is kept
 * (`event_type`, `project_id`, `tracker_name`), the account (`domain_id`) and facts of the call
 * (`user_agent`, `content_length`, `total_time`). The OBS schema's own fields are typed against
 * this list (`schemas/trace.ts`), so the two cannot drift; it lives apart from the schemas so that
 * converting between the shapes loads no schema library.
 */
export const OBS_ONLY_FIELDS = [
  "event_type",
  "project_id",
  "tracker_name",
  "domain_id",
  "user_agent",
  "content_length",
  "total_time",
] as const satisfies readonly string[];

/** A field only the OBS trace-file shape has: one of {@link OBS_ONLY_FIELDS}. */
export type ObsOnlyField = (typeof OBS_ONLY_FIELDS)[number];
