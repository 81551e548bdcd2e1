import { mix32, type Prng } from "../internal/prng.js";
import type { Actor, ActorNetwork } from "./actor.js";
import { hostIn } from "./address-ranges.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The address of a person's home line at `time`: a function of the line's key and the number of
 * its current lease, so it stays the same for weeks and needs no state.
 */
export function homeAddress(net: ActorNetwork, time: number): string {
  const lease =
    net.leaseMs === 0 ? 0 : Math.floor((time + (net.homeKey % net.leaseMs)) / net.leaseMs);
  const h = mix32(net.homeKey ^ mix32(lease + 0x9e3779b9));
  const range = net.homeRanges[h % net.homeRanges.length] as string;
  return hostIn(range, mix32(h ^ 0x5bd1e995));
}

/**
 * Where a session of `actor` starting at `time` comes from. CI bots use their runners' EIPs,
 * labeling workers their home line. Office people on a working day (Monday to Friday, 08:00 to
 * 19:00 in the tenant's `utcOffsetMinutes`) mostly call from their office's NAT pool, sometimes
 * through the VPN or from home; outside those hours, and remote people always, from home or the
 * VPN.
 *
 * @example
 * s.ip = sourceIpOf(actor, s.time, tenant.utcOffsetMinutes, s.rng);
 */
export function sourceIpOf(
  actor: Actor,
  time: number,
  utcOffsetMinutes: number,
  rng: Prng,
): string {
  const net = actor.net;
  if (net.profile === "cloud") {
    return rng.chance(0.8) ? (net.fixed[0] as string) : rng.pick(net.fixed);
  }
  if (net.profile === "home") return homeAddress(net, time);
  const local = time + utcOffsetMinutes * 60_000;
  const weekday = (Math.floor(local / DAY) + 4) % 7; // 1970-01-01 was a Thursday (4)
  const hour = Math.floor(local / HOUR) % 24;
  const working = weekday >= 1 && weekday <= 5 && hour >= 8 && hour < 19;
  const roll = rng.next();
  if (net.profile === "office" && working) {
    if (roll < 0.72) return net.fixed[0] as string;
    if (roll < 0.8) return rng.pick(net.fixed);
    if (roll < 0.9) return net.vpn;
    return homeAddress(net, time);
  }
  return roll < 0.35 ? net.vpn : homeAddress(net, time);
}
