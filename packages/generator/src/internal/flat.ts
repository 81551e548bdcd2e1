/**
 * Makes a string flat (one contiguous piece) and returns it. A string built by concatenation is
 * a rope in V8; a rope that is reused in every trace (a pre-rendered fragment, a user's JSON, a
 * resource name) would be walked node by node again each time the trace text is written.
 * Reading a character flattens it in place (V8 String::Flatten), so later writes copy it in one
 * go. Call it where a shared string is built, never per trace.
 *
 * @example
 * const fragment = flat(`","trace_name":"${name}"`);
 */
export function flat(text: string): string {
  // Strings shorter than 13 characters are never ropes in V8. The character read must be used:
  // an optimizing compiler drops a pure read whose result nobody needs (it dropped `Number(text)`,
  // which left every "flat" string a rope in hot code), and a store to module state is kept.
  if (text.length >= 13) flattened = (flattened + text.charCodeAt(0)) | 0;
  return text;
}

/** Sink of {@link flat}'s reads, so that they are never optimized away. */
let flattened = 0;
