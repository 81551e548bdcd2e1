/**
 * `content_length` of a call: the UTF-8 byte length of its request body, read from the body as
 * a JSON string literal (`"{\"name\":…}"`), or `0` for `null` (no body). Decodes escapes while
 * counting, without building the decoded text.
 *
 * @example
 * contentLengthOf('"{\\"a\\":1}"'); // 7, the length of {"a":1}
 */
export function contentLengthOf(literal: string): number {
  if (literal.charCodeAt(0) !== 34) return 0; // `null`
  let bytes = 0;
  const end = literal.length - 1;
  for (let i = 1; i < end; i++) {
    let code = literal.charCodeAt(i);
    if (code === 92) {
      i++;
      if (literal.charCodeAt(i) !== 117) {
        bytes++; // \" \\ \/ \b \f \n \r \t
        continue;
      }
      code = Number.parseInt(literal.slice(i + 1, i + 5), 16);
      i += 4;
    }
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff)
      bytes += 2; // half of a 4-byte pair
    else if (code >= 0xdc00 && code <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}
