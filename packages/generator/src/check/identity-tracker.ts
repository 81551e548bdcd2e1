import { CheckCode } from "./check-code.js";

/** An identity rule a trace broke. */
export interface IdentityProblem {
  readonly code: typeof CheckCode.identityUser | typeof CheckCode.identityDomain;
  readonly message: string;
}

/** The parts of a `user` the identity rules look at. */
export interface IdentityFields {
  readonly userId?: string | undefined;
  readonly userName?: string | undefined;
  readonly domainId?: string | undefined;
  readonly domainName?: string | undefined;
}

interface Seen {
  readonly value: string;
  readonly line: number;
}

/**
 * Remembers, per input, the name and domain of every user id and the name of every domain id,
 * and reports when one of them changes. Memory: one entry per distinct user and domain.
 *
 * @example
 * const identities = new IdentityTracker();
 * identities.observe({ userId: "u1", userName: "alice", domainId: "d1" }, 1); // []
 * identities.observe({ userId: "u1", userName: "bob", domainId: "d1" }, 2);   // [{ code: "identity.user", … }]
 */
export class IdentityTracker {
  readonly #users = new Map<string, Seen>();
  readonly #domains = new Map<string, Seen>();

  /** Records one trace's identity; returns the rules it breaks (usually none). */
  observe(fields: IdentityFields, line: number): IdentityProblem[] {
    const problems: IdentityProblem[] = [];
    const { userId, userName, domainId, domainName } = fields;
    if (userId !== undefined && userId !== "") {
      const value = `${userName ?? ""}\u0000${domainId ?? ""}`;
      const seen = this.#users.get(userId);
      if (seen === undefined) this.#users.set(userId, { value, line });
      else if (seen.value !== value) {
        const [name, domain] = seen.value.split("\u0000");
        problems.push({
          code: CheckCode.identityUser,
          message: `user id ${userId} is ${describe(userName, domainId)} here but was ${describe(name, domain)} on line ${seen.line}`,
        });
      }
    }
    if (domainId !== undefined && domainId !== "" && domainName !== undefined) {
      const seen = this.#domains.get(domainId);
      if (seen === undefined) this.#domains.set(domainId, { value: domainName, line });
      else if (seen.value !== domainName) {
        problems.push({
          code: CheckCode.identityDomain,
          message: `domain id ${domainId} is named "${domainName}" here but "${seen.value}" on line ${seen.line}`,
        });
      }
    }
    return problems;
  }
}

function describe(name: string | undefined, domainId: string | undefined): string {
  return `"${name ?? ""}" of domain ${domainId === undefined || domainId === "" ? "(none)" : domainId}`;
}
