/**
 * Makes a string flat (one contiguous piece) and returns it. A string built by concatenation is
 * a rope in V8; a rope that is reused in every trace (a pre-rendered fragment, a user's JSON, a
 * resource name) would be walked node by node again each time the trace text is written.
 * Converting it to a number once flattens it in place, so later writes copy it in one go.
 * Call it where a shared string is built, never per trace.
 *
 * @example
 * const fragment = flat(`","trace_name":"${name}"`);
 */
export function flat(text: string): string {
  // ToNumber flattens its argument (V8 String::Flatten); the number itself is not needed.
  // Strings shorter than 13 characters are never ropes in V8.
  if (text.length >= 13) Number(text);
  return text;
}
