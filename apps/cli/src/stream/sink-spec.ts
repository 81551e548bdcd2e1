import { usageError } from "../cli-error.js";

/** Where `ctsim stream --sink` writes. */
export type SinkSpec =
  | { readonly kind: "stdout" }
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "dir"; readonly path: string }
  | { readonly kind: "http"; readonly url: URL };

/**
 * Parses `--sink`: `stdout` (or `-`), `file:PATH`, `dir:PATH` or an `http(s)://` URL.
 *
 * Errors: a usage error for anything else.
 *
 * @example
 * parseSinkSpec("file:/tmp/traces.ndjson"); // { kind: "file", path: "/tmp/traces.ndjson" }
 */
export function parseSinkSpec(text: string): SinkSpec {
  if (text === "stdout" || text === "-") return { kind: "stdout" };
  for (const kind of ["file", "dir"] as const) {
    if (text.startsWith(`${kind}:`) && text.length > kind.length + 1) {
      return { kind, path: text.slice(kind.length + 1) };
    }
  }
  if (/^https?:\/\//i.test(text)) {
    try {
      return { kind: "http", url: new URL(text) };
    } catch {
      // falls through to the usage error
    }
  }
  throw usageError(
    `--sink must be stdout, file:PATH, dir:PATH or an http(s):// URL; got "${text}"`,
  );
}
