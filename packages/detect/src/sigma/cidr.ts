/**
 * An IPv4 CIDR (`10.0.0.0/8`) as a matcher of dotted-quad strings, or `null` when `text` is not
 * one (the caller refuses the rule: IPv6 ranges are outside the supported subset).
 */
export function cidrMatcher(text: string): ((value: string) => boolean) | null {
  const match = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(text.trim());
  if (match === null) return null;
  const base = ipv4(match[1] as string);
  const bits = Number(match[2]);
  if (base === null || bits > 32) return null;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  const network = (base & mask) >>> 0;
  return (value) => {
    const ip = ipv4(value);
    return ip !== null && (ip & mask) >>> 0 === network;
  };
}

function ipv4(text: string): number | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let n = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    n = n * 256 + octet;
  }
  return n;
}
