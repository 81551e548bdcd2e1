// ── Rules from a directory ──────────────────────────────────────────────────
export { EXAMPLE_RULES_DIR, loadRulesDir } from "./load-rules-dir.js";

// ── Traces and labels from NDJSON files and streams ─────────────────────────
export { ndjsonLines, openFile, readLabelsFile, scoreNdjson } from "./read-ndjson.js";
