/** Classes of a source address, as a reviewer of "new IP" detections needs them. */
export const IP_CLASSES = [
  "public",
  "private",
  "shared (CGNAT)",
  "loopback",
  "link-local",
  "multicast",
  "reserved",
  "documentation",
  "unspecified",
  "IPv6",
  "none",
  "invalid",
] as const;
/** One of {@link IP_CLASSES}. */
export type IpClass = (typeof IP_CLASSES)[number];

/** IPv4 special-purpose blocks (IANA registry) as [first octets, prefix length, class]. */
const BLOCKS: readonly (readonly [number, number, number, IpClass])[] = [
  [0, 0, 8, "unspecified"],
  [10, 0, 8, "private"],
  [100, 64, 10, "shared (CGNAT)"],
  [127, 0, 8, "loopback"],
  [169, 254, 16, "link-local"],
  [172, 16, 12, "private"],
  [192, 0, 24, "reserved"],
  [192, 168, 16, "private"],
  [198, 18, 15, "reserved"],
  [224, 0, 4, "multicast"],
  [240, 0, 4, "reserved"],
];
const DOCUMENTATION = ["192.0.2.", "198.51.100.", "203.0.113."];

/**
 * The class of a `source_ip`: `public` only for a global unicast IPv4 address; `none` for an
 * empty one; `IPv6` is not split further.
 *
 * @example
 * ipClass("127.109.246.181"); // "loopback"
 * ipClass("124.71.93.243"); // "public"
 */
export function ipClass(ip: string): IpClass {
  if (ip === "") return "none";
  if (ip.includes(":")) return "IPv6";
  const parts = ip.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255))
    return "invalid";
  if (DOCUMENTATION.some((prefix) => ip.startsWith(prefix))) return "documentation";
  const value = parts.reduce((acc, p) => acc * 256 + Number(p), 0);
  for (const [a, b, length, kind] of BLOCKS) {
    const base = (a * 256 + b) * 65_536;
    const size = 2 ** (32 - length);
    if (value >= base && value < base + size) return kind;
  }
  return "public";
}
