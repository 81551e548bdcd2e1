import type { Prng } from "../internal/prng.js";
import type { ActorNetwork } from "./actor.js";
import { ADDRESS_RANGES, type CountryCode, hostIn } from "./address-ranges.js";
import { type ApiCaller, pickApiAgent, pickBrowser } from "./user-agents.js";

const DAY = 86_400_000;

/**
 * A tenant's networks, all in its home country: offices (each a small NAT pool of public
 * addresses), VPN gateways, and the elastic IPs its CI runners and services call from.
 */
export interface TenantNetwork {
  readonly country: CountryCode;
  /** NAT egress addresses of each office (2 to 4 consecutive addresses). */
  readonly offices: readonly (readonly string[])[];
  /** VPN gateway egress addresses. */
  readonly vpn: readonly string[];
  /** Elastic IPs of CI runners and services (Huawei Cloud ranges of the country). */
  readonly cloud: readonly string[];
}

/** Builds a tenant's networks from its own PRNG stream. `people` sizes the number of offices. */
export function buildTenantNetwork(rng: Prng, country: CountryCode, people: number): TenantNetwork {
  const ranges = ADDRESS_RANGES[country];
  const block = (kind: "business" | "cloud", size: number): string[] => {
    const range = rng.pick(ranges[kind]);
    const first = rng.u32();
    return Array.from({ length: size }, (_, i) => hostIn(range, first + i));
  };
  const officeCount = 1 + (people >= 8 ? rng.int(3) : 0);
  return {
    country,
    offices: Array.from({ length: officeCount }, () => block("business", 2 + rng.int(3))),
    vpn: block("business", 1 + rng.int(2)),
    cloud: Array.from({ length: 2 + rng.int(3) }, () => block("cloud", 1)[0] as string),
  };
}

/**
 * The network of a person of the tenant (an IAM user, a federated user or the root user): an
 * office and its NAT pool (the person's usual address first) unless they work remotely, one of
 * the VPN gateways, a home line whose address changes every 2 to 8 weeks (or never), a browser
 * and an API client.
 */
export function personNetwork(
  rng: Prng,
  network: TenantNetwork,
  options: { readonly remote?: boolean; readonly caller?: ApiCaller } = {},
): ActorNetwork {
  const office = rng.pick(network.offices);
  const usual = rng.int(office.length);
  return {
    profile: (options.remote ?? rng.chance(0.2)) ? "remote" : "office",
    fixed: [...office.slice(usual), ...office.slice(0, usual)],
    vpn: rng.pick(network.vpn),
    homeRanges: ADDRESS_RANGES[network.country].home,
    homeKey: rng.u32(),
    leaseMs: rng.chance(0.4) ? 0 : (14 + rng.int(43)) * DAY,
    browser: pickBrowser(rng),
    updateLagDays: rng.int(21),
    apiAgent: pickApiAgent(rng, options.caller ?? "person"),
  };
}

/** The network of a CI bot: one or two of the tenant's runner EIPs, and its API client. */
export function botNetwork(rng: Prng, network: TenantNetwork): ActorNetwork {
  const first = rng.int(network.cloud.length);
  const fixed = [network.cloud[first] as string];
  if (network.cloud.length > 1 && rng.chance(0.4)) {
    fixed.push(network.cloud[(first + 1) % network.cloud.length] as string);
  }
  return {
    profile: "cloud",
    fixed,
    vpn: "",
    homeRanges: [],
    homeKey: 0,
    leaseMs: 0,
    browser: 0,
    updateLagDays: 0,
    apiAgent: pickApiAgent(rng, "bot"),
  };
}

/** The network of a labeling worker: their own broadband line in the country, and a browser. */
export function workerNetwork(rng: Prng, network: TenantNetwork): ActorNetwork {
  return {
    profile: "home",
    fixed: [],
    vpn: "",
    homeRanges: ADDRESS_RANGES[network.country].home,
    homeKey: rng.u32(),
    leaseMs: rng.chance(0.3) ? 0 : (14 + rng.int(43)) * DAY,
    browser: pickBrowser(rng),
    updateLagDays: rng.int(21),
    apiAgent: pickApiAgent(rng, "person"),
  };
}
