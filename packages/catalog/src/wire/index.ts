// The `@ctsim/catalog/wire` entry: facts of the wire formats that need no schema library (the
// conversion between a trace's two shapes, the stable codes of schema issues), so code that only
// converts, encodes or names them (the generator, the CLI's `generate`) starts without loading
// the schemas and their validators (~50 ms).

// ── API ↔ OBS trace shapes ────────────────────────────────────────────────────
export type { ObsOnlyField } from "../cts/obs-only-fields.js";
export { OBS_ONLY_FIELDS } from "../cts/obs-only-fields.js";
export { toApiTrace } from "../cts/to-api-trace.js";
export type { ObsPlacement } from "../cts/to-obs-trace.js";
export { toObsTrace } from "../cts/to-obs-trace.js";

// ── Schema issue codes ────────────────────────────────────────────────────────
export { SchemaIssueCode } from "../cts/schema-issue-code.js";
