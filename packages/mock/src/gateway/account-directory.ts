import { MockError, MockErrorCode } from "../mock-error.js";
import type { GatewayAccount } from "./gateway-account.js";

/**
 * Which accounts and projects exist, as the gateway looks them up: the owner of a project id,
 * and whether a domain id is an account's. Without accounts it is *open*: every project id
 * belongs to one implicit account (the mock before it knew accounts), and every domain id is
 * accepted.
 */
export class AccountDirectory {
  /** Project id → owning domain id. */
  private readonly owners = new Map<string, string>();
  private readonly domains = new Set<string>();

  private constructor(
    /** Whether any project id is served (no accounts were given). */
    readonly open: boolean,
    /** The account of every project of an open directory. */
    private readonly implicitDomainId: string,
  ) {}

  /**
   * A directory of `accounts`, or an open one when `accounts` is `undefined`.
   *
   * @param implicitDomainId - the account id of an open directory's projects
   * @throws {MockError} `CTSIM_MOCK_INVALID_OPTION` when two accounts share a domain id or a
   *   project id, or an id is empty.
   */
  static of(
    accounts: readonly GatewayAccount[] | undefined,
    implicitDomainId: string,
  ): AccountDirectory {
    const directory = new AccountDirectory(accounts === undefined, implicitDomainId);
    for (const account of accounts ?? []) {
      if (account.domainId === "" || directory.domains.has(account.domainId)) {
        throw bad(`domain id ${JSON.stringify(account.domainId)} is empty or given twice`);
      }
      directory.domains.add(account.domainId);
      for (const { projectId } of account.projects) {
        if (projectId === "" || directory.owners.has(projectId)) {
          throw bad(`project id ${JSON.stringify(projectId)} is empty or in two accounts`);
        }
        directory.owners.set(projectId, account.domainId);
      }
    }
    return directory;
  }

  /** The domain id of the account owning `projectId`; `undefined` when no account has it. */
  ownerOf(projectId: string): string | undefined {
    return this.open ? this.implicitDomainId : this.owners.get(projectId);
  }

  /** Whether `domainId` is an account's (always, when open). */
  hasDomain(domainId: string): boolean {
    return this.open || this.domains.has(domainId);
  }
}

function bad(problem: string): MockError {
  return new MockError(MockErrorCode.invalidOption, `accounts: ${problem}`);
}
