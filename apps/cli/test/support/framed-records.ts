/**
 * The record texts of one framed document, exactly as written, checking the framing strictly:
 * NDJSON is records each followed by `\n`; a JSON array is `[]\n` or `[\n` + records joined by
 * `,\n` + `\n]\n` (what `encodeTraces` and the sinks write). Every record must parse as JSON
 * and the whole document too. Throws, naming `what`, at the first byte that is off.
 *
 * @example
 * recordsOfDocument('[\n{"a":1},\n{"a":2}\n]\n', "array", "body 3"); // ['{"a":1}', '{"a":2}']
 */
export function recordsOfDocument(
  text: string,
  framing: "lines" | "array",
  what: string,
): string[] {
  const fail = (why: string): never => {
    throw new Error(
      `${what}: ${why} (${text.length} chars, ends ${JSON.stringify(text.slice(-40))})`,
    );
  };
  let records: string[];
  if (framing === "lines") {
    if (text === "") return [];
    if (!text.endsWith("\n")) fail("does not end at a whole record");
    records = text.slice(0, -1).split("\n");
  } else {
    JSON.parse(text); // the array as a whole
    if (text === "[]\n") return [];
    if (!text.startsWith("[\n") || !text.endsWith("\n]\n")) fail("is not a framed JSON array");
    records = text.slice(2, -3).split(",\n");
  }
  for (const [index, record] of records.entries()) {
    try {
      JSON.parse(record);
    } catch {
      fail(`record ${index} is not whole JSON: ${record.slice(0, 60)}`);
    }
  }
  return records;
}
