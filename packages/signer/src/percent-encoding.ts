/**
 * Percent-encoding as the SDK-HMAC-SHA256 signers do it (reference §5.2 steps 3–4): UTF-8 bytes,
 * everything but the unreserved set `A-Z a-z 0-9 - _ . ~` escaped, upper-case hex. This is what
 * Go's `escape`, Python's `quote(s, safe="~")` and Node's `AKSKSigner.urlEncode` produce.
 */

const HEX = "0123456789ABCDEF";
const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || // -
    byte === 0x2e || // .
    byte === 0x5f || // _
    byte === 0x7e // ~
  );
}

/**
 * Percent-encodes `text` with the signing alphabet. Lone surrogates become U+FFFD (as
 * `TextEncoder` does), so this never throws, unlike `encodeURIComponent`.
 */
export function signingEncode(text: string): string {
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    if (!isUnreserved(text.charCodeAt(i))) {
      plain = false;
      break;
    }
  }
  if (plain) return text;
  let out = "";
  for (const byte of encoder.encode(text)) {
    out += isUnreserved(byte)
      ? String.fromCharCode(byte)
      : `%${HEX[byte >> 4] ?? ""}${HEX[byte & 15] ?? ""}`;
  }
  return out;
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/**
 * Decodes `%XX` escapes leniently, like Python's `urllib.parse.unquote`: a `%` not followed by two
 * hex digits stays as it is, and byte sequences that are not valid UTF-8 become U+FFFD. With
 * `plusIsSpace` (form encoding, used for query strings) `+` decodes to a space. Never throws.
 */
export function lenientDecode(text: string, plusIsSpace: boolean): string {
  if (!text.includes("%") && !(plusIsSpace && text.includes("+"))) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x25 && i + 2 < text.length) {
      const high = hexValue(text.charCodeAt(i + 1));
      const low = hexValue(text.charCodeAt(i + 2));
      if (high >= 0 && low >= 0) {
        bytes.push(high * 16 + low);
        i += 2;
        continue;
      }
    }
    if (code === 0x2b && plusIsSpace) {
      bytes.push(0x20);
      continue;
    }
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    // A run of non-ASCII text: re-encode it to UTF-8 so it joins the decoded bytes unchanged.
    let end = i + 1;
    while (end < text.length && text.charCodeAt(end) >= 0x80) end++;
    for (const byte of encoder.encode(text.slice(i, end))) bytes.push(byte);
    i = end - 1;
  }
  return decoder.decode(Uint8Array.from(bytes));
}
