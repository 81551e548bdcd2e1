/**
 * IPv4 blocks that are not public unicast addresses (RFC 6890's special-purpose registry and
 * multicast/reserved space), as `[first address as uint32, prefix length]`.
 */
const NOT_PUBLIC: readonly (readonly [number, number])[] = [
  [0x00000000, 8], // 0.0.0.0/8 "this network"
  [0x0a000000, 8], // 10.0.0.0/8 private
  [0x64400000, 10], // 100.64.0.0/10 shared (carrier-grade NAT)
  [0x7f000000, 8], // 127.0.0.0/8 loopback
  [0xa9fe0000, 16], // 169.254.0.0/16 link-local
  [0xac100000, 12], // 172.16.0.0/12 private
  [0xc0000000, 24], // 192.0.0.0/24 IETF protocol assignments
  [0xc0000200, 24], // 192.0.2.0/24 TEST-NET-1
  [0xc0a80000, 16], // 192.168.0.0/16 private
  [0xc6120000, 15], // 198.18.0.0/15 benchmarking
  [0xc6336400, 24], // 198.51.100.0/24 TEST-NET-2
  [0xcb007100, 24], // 203.0.113.0/24 TEST-NET-3
  [0xe0000000, 4], // 224.0.0.0/4 multicast
  [0xf0000000, 4], // 240.0.0.0/4 reserved, and 255.255.255.255 broadcast
];

/** A dotted-quad IPv4 address as an unsigned 32-bit number, or `-1` when it is not one. */
export function ipv4ToUint(ip: string): number {
  const parts = ip.split(".");
  if (parts.length !== 4) return -1;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return -1;
    const octet = Number(part);
    if (octet > 255) return -1;
    value = value * 256 + octet;
  }
  return value;
}

/**
 * Whether `ip` is a dotted-quad IPv4 address in public unicast space: not private, loopback,
 * link-local, carrier-grade NAT, documentation, benchmarking, multicast or reserved (the blocks
 * in the code). Every `source_ip` the generator writes passes it.
 *
 * @example
 * isPublicUnicastIpv4("124.71.93.243"); // true
 * isPublicUnicastIpv4("127.109.246.181"); // false (loopback)
 */
export function isPublicUnicastIpv4(ip: string): boolean {
  const value = ipv4ToUint(ip);
  if (value < 0) return false;
  for (const [first, prefix] of NOT_PUBLIC) {
    if (Math.floor(value / 2 ** (32 - prefix)) === Math.floor(first / 2 ** (32 - prefix))) {
      return false;
    }
  }
  return true;
}
