import { type StatsSection, share } from "../stats-section.js";

/** Distinct values kept per user and field; more are reported as this number ("at least"). */
export const PER_USER_CAP = 64;

/** One user's activity: traces, and how many source IPs and user agents they used. */
export interface UserActivity {
  readonly user: string;
  readonly name: string;
  readonly traces: number;
  readonly ips: number;
  readonly userAgents: number;
}

/** Users and their addresses and agents. */
export interface UsersStats {
  /** Users tracked (at most `maxTracked`). */
  readonly users: number;
  /** Traces of users first seen after the cap was reached. */
  readonly untrackedTraces: number;
  /** Traces without a user (system actions). */
  readonly withoutUser: number;
  /** Share of user traces that carry a `user_agent`. */
  readonly userAgentShare: number;
  /** The busiest users, busiest first (at most 20). */
  readonly top: readonly UserActivity[];
  /** Median distinct source IPs and user agents per tracked user. */
  readonly medianIps: number;
  readonly medianUserAgents: number;
}

interface Entry {
  name: string;
  traces: number;
  readonly ips: Set<string>;
  readonly agents: Set<string>;
}

/** Who acts, from how many addresses and devices: a person keeps a few, a stolen key adds one. */
export const users: StatsSection<UsersStats> = {
  title: "Users, their source IPs and user agents",
  create(context) {
    const entries = new Map<string, Entry>();
    let untrackedTraces = 0;
    let withoutUser = 0;
    let userTraces = 0;
    let withAgent = 0;
    return {
      add(trace) {
        if (trace.user === "") {
          withoutUser++;
          return;
        }
        userTraces++;
        if (trace.userAgent !== "") withAgent++;
        let entry = entries.get(trace.user);
        if (entry === undefined) {
          if (entries.size >= context.maxTracked) {
            untrackedTraces++;
            return;
          }
          entry = { name: trace.userName, traces: 0, ips: new Set(), agents: new Set() };
          entries.set(trace.user, entry);
        }
        entry.traces++;
        if (trace.sourceIp !== "" && entry.ips.size < PER_USER_CAP) entry.ips.add(trace.sourceIp);
        if (trace.userAgent !== "" && entry.agents.size < PER_USER_CAP)
          entry.agents.add(trace.userAgent);
      },
      result() {
        const all = [...entries].map(
          ([user, e]): UserActivity => ({
            user,
            name: e.name,
            traces: e.traces,
            ips: e.ips.size,
            userAgents: e.agents.size,
          }),
        );
        all.sort((a, b) => b.traces - a.traces || (a.user < b.user ? -1 : 1));
        return {
          users: all.length,
          untrackedTraces,
          withoutUser,
          userAgentShare: share(withAgent, userTraces),
          top: all.slice(0, 20),
          medianIps: median(all.map((u) => u.ips)),
          medianUserAgents: median(all.map((u) => u.userAgents)),
        };
      },
    };
  },
  format(result) {
    const cap = (n: number): string => (n >= PER_USER_CAP ? `${n}+` : String(n));
    return [
      `${result.users} users; ${result.withoutUser} traces without a user; user_agent on ${(100 * result.userAgentShare).toFixed(1)}% of user traces; median ${result.medianIps} IPs and ${result.medianUserAgents} agents per user${result.untrackedTraces > 0 ? `; ${result.untrackedTraces} traces of untracked users` : ""}`,
      ...result.top.map(
        (u) =>
          `${(u.name || u.user).padEnd(24)} ${String(u.traces).padStart(9)} traces  ${cap(u.ips).padStart(3)} IPs  ${cap(u.userAgents).padStart(3)} agents`,
      ),
    ];
  },
};

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
