import type { Prng } from "../internal/prng.js";
import { type CountryCode, hostIn } from "../tenant/address-ranges.js";

/**
 * Hosting-provider blocks abroad (VPS and dedicated-server ranges) that no tenant identity
 * calls from, by ISO 3166 country: where a stolen key is used from. **Illustrative**, like the
 * tenant ranges: real public unicast blocks of the right kind in the right country, not an
 * allocation registry. None is a country of `ADDRESS_RANGES`, so the country is always new to
 * the tenant.
 */
export const FOREIGN_HOSTING = {
  DE: ["5.9.0.0/16", "88.198.0.0/16"],
  FR: ["51.15.0.0/16", "163.172.0.0/16"],
  NL: ["146.185.0.0/16", "188.166.0.0/16"],
  US: ["104.131.0.0/16", "159.203.0.0/16"],
  RU: ["95.213.0.0/16", "188.120.0.0/16"],
  GB: ["178.62.0.0/16", "46.101.0.0/16"],
} as const satisfies Record<string, readonly string[]>;

/** A country of {@link FOREIGN_HOSTING}. */
export type ForeignCountry = keyof typeof FOREIGN_HOSTING;

const COUNTRIES = Object.keys(FOREIGN_HOSTING) as ForeignCountry[];

/** A hosting address abroad and its country (never the tenant's: see {@link FOREIGN_HOSTING}). */
export function foreignAddress(rng: Prng): { country: ForeignCountry; ip: string } {
  const country = rng.pick(COUNTRIES);
  return { country, ip: hostIn(rng.pick(FOREIGN_HOSTING[country]), rng.int(1 << 16)) };
}

/** A residential address in `country` (the tenant's own, for a new person's home line). */
export function homeAddressIn(rng: Prng, ranges: readonly string[]): string {
  return hostIn(rng.pick(ranges), rng.int(1 << 20));
}

export type { CountryCode };
