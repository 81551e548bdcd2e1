/**
 * The path of a `--sink` value spelled `{kind}:PATH`, or `undefined` for another spelling (or
 * an empty path).
 *
 * @example
 * prefixedPath("file:/tmp/t.ndjson", "file"); // "/tmp/t.ndjson"
 */
export function prefixedPath(value: string, kind: string): string | undefined {
  const prefix = `${kind}:`;
  return value.startsWith(prefix) && value.length > prefix.length
    ? value.slice(prefix.length)
    : undefined;
}
