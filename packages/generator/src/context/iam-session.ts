import type { ContextHost } from "./context-host.js";
import type { ContextOps } from "./context-ops.js";

/** Share of password sign-ins preceded by failed attempts (mistyped passwords; ctsim's choice). */
const FAILED_SIGN_IN_RATE = 0.06;
/** Share of console sessions that end with a logout rather than expiring (ctsim's choice). */
const LOGOUT_RATE = 0.35;

/**
 * The IAM traces that open console work by the acting identity: a password sign-in (`login`,
 * sometimes after one or two `loginFailed`) for IAM users and the root user, a federated
 * sign-in (`tenantLoginBySamlSuccess`) for SSO users, a role switch (`switchRole`) for an
 * agency session; nothing for labeling workers, who are no IAM principals. The clock moves on
 * by the seconds a sign-in takes. `failures`, when given, is the number of failed password
 * attempts before the `login` (a scenario's choice; none drawn then).
 */
export function signIn(host: ContextHost, ops: ContextOps, failures?: number): void {
  const actor = host.who;
  const rng = host.rng;
  if (actor.kind === "worker") return;
  if (actor.kind === "federated") {
    record(host, ops, "tenantLoginBySamlSuccess");
  } else if (actor.kind === "agency") {
    record(host, ops, "switchRole");
  } else {
    if (failures !== undefined || rng.chance(FAILED_SIGN_IN_RATE)) {
      for (let attempt = failures ?? 1 + rng.int(2); attempt > 0; attempt--) {
        record(host, ops, "loginFailed");
        host.time += 4_000 + rng.int(12_000);
      }
    }
    record(host, ops, "login");
  }
  host.time += 1_500 + rng.int(4_500);
}

/** A `logout` after the session's last trace, for some console sessions (the rest expire). */
export function signOut(host: ContextHost, ops: ContextOps): void {
  const kind = host.who.kind;
  if (kind === "worker" || kind === "agency" || !host.rng.chance(LOGOUT_RATE)) return;
  const at = host.lastTime + 2_000 + host.rng.int(60_000);
  host.record(ops.op("logout"), host.who.id, host.who.name, "ConsoleAction", at, true);
}

function record(host: ContextHost, ops: ContextOps, traceName: string): void {
  host.record(ops.op(traceName), host.who.id, host.who.name, "ConsoleAction", host.time, true);
}
