/**
 * Public IPv4 ranges per country a tenant's people and machines call from. **Illustrative**:
 * blocks of the right kind in the right country (national broadband and business ISPs, Huawei
 * Cloud elastic IPs of the region), chosen so that a tenant's addresses look local to it; they
 * are not an allocation registry, and a real address in them belongs to someone else. Every
 * block is public unicast (a test checks each one with `isPublicUnicastIpv4`).
 */
export const ADDRESS_RANGES = {
  CN: {
    home: ["114.240.0.0/12", "123.112.0.0/12", "58.32.0.0/13", "180.160.0.0/12", "113.64.0.0/11"],
    business: ["106.37.0.0/16", "221.122.0.0/15", "101.230.0.0/15", "218.17.0.0/16"],
    cloud: ["124.70.0.0/15", "121.36.0.0/15", "119.3.0.0/16", "139.9.0.0/16", "116.63.0.0/16"],
  },
  HK: {
    home: ["219.76.0.0/14", "112.118.0.0/15", "58.152.0.0/14"],
    business: ["203.186.0.0/16", "202.64.0.0/16"],
    cloud: ["159.138.0.0/17", "119.8.0.0/17"],
  },
  TH: {
    home: ["171.96.0.0/13", "184.22.0.0/15", "49.228.0.0/14"],
    business: ["203.150.0.0/16", "61.19.0.0/16"],
    cloud: ["119.13.0.0/17", "159.138.128.0/17"],
  },
  SG: {
    home: ["116.86.0.0/15", "175.156.0.0/14", "118.200.0.0/14"],
    business: ["203.116.0.0/16", "202.156.0.0/16"],
    cloud: ["94.74.64.0/18", "119.13.128.0/17"],
  },
  ZA: {
    home: ["105.224.0.0/12", "41.112.0.0/13", "197.80.0.0/13"],
    business: ["196.25.0.0/16", "155.232.0.0/16"],
    cloud: ["101.44.0.0/17"],
  },
  TR: {
    home: ["78.160.0.0/11", "88.224.0.0/11", "85.96.0.0/12"],
    business: ["212.156.0.0/16", "193.140.0.0/16"],
    cloud: ["110.238.64.0/18"],
  },
  SA: {
    home: ["37.104.0.0/13", "95.184.0.0/14", "188.48.0.0/13"],
    business: ["212.26.0.0/16", "84.235.0.0/16"],
    cloud: ["101.46.0.0/16"],
  },
  BR: {
    home: ["177.0.0.0/10", "189.0.0.0/11", "201.0.0.0/12"],
    business: ["200.155.0.0/16", "200.221.0.0/16"],
    cloud: ["190.92.192.0/18"],
  },
  CL: {
    home: ["190.160.0.0/12", "181.72.0.0/13", "200.104.0.0/14"],
    business: ["200.27.0.0/16", "200.54.0.0/16"],
    cloud: ["190.92.0.0/18"],
  },
} as const satisfies Record<string, Record<RangeKind, readonly string[]>>;

/** What a range is used for: home broadband, business lines (offices, VPN gateways), cloud EIPs. */
export type RangeKind = "home" | "business" | "cloud";

/** A country of {@link ADDRESS_RANGES} (ISO 3166 alpha-2). */
export type CountryCode = keyof typeof ADDRESS_RANGES;

/**
 * The `n`-th usable host address of a CIDR block (`n` taken modulo its size, skipping the
 * addresses ending in `.0` and `.255` that gateways and broadcast would use), as dotted quad.
 *
 * @example
 * hostIn("124.70.0.0/15", 300); // "124.70.1.46"
 */
export function hostIn(cidr: string, n: number): string {
  const slash = cidr.indexOf("/");
  const octets = cidr.slice(0, slash).split(".").map(Number);
  const base =
    (((octets[0] as number) * 256 + (octets[1] as number)) * 256 + (octets[2] as number)) * 256;
  const rows = 2 ** (24 - Number(cidr.slice(slash + 1))); // /24 rows of 254 hosts each
  const index = Math.floor(Math.abs(n)) % (rows * 254);
  const value = base + Math.floor(index / 254) * 256 + 1 + (index % 254);
  return `${Math.floor(value / 16_777_216)}.${Math.floor(value / 65_536) % 256}.${Math.floor(value / 256) % 256}.${value % 256}`;
}
