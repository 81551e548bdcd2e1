import type { ProviderOptions } from "@ctsim/contract";
import { REFERENCE_NOW } from "./reference-dataset.js";

/** A temporary (STS) credential of the reference provider, with its expiry. */
export interface ReferenceTemporary {
  readonly ak: string;
  readonly sk: string;
  readonly securityToken: string;
  /** Epoch ms; expired when not after the provider's clock. */
  readonly expiresAt: number;
}

/** An account the reference provider knows: its projects and credentials. */
export interface ReferenceAccount {
  readonly domainId: string;
  /** Its projects; the first account's first project holds the traces. */
  readonly projectIds: readonly string[];
  readonly permanent?: readonly { readonly ak: string; readonly sk: string }[];
  readonly temporary?: readonly ReferenceTemporary[];
  /** IAM tokens, each scoped to one project. */
  readonly tokens?: readonly { readonly token: string; readonly projectId: string }[];
}

const HOUR = 3_600_000;

/** The account under test in the teeth tests: one permanent key, a valid and an expired temporary one. */
export const ACCOUNT: ReferenceAccount = {
  domainId: "d0000000000000000000000000000001",
  projectIds: ["0123456789abcdef0123456789abcdef", "1123456789abcdef0123456789abcdef"],
  permanent: [{ ak: "QTWAOYTTINDUT2QVKYUC", sk: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc" }],
  temporary: [
    {
      ak: "HSTAVALIDTEMPORARY01",
      sk: "tempSecret01",
      securityToken: "sts-valid-01",
      expiresAt: REFERENCE_NOW + HOUR,
    },
    {
      ak: "HSTAEXPIREDTEMPOR002",
      sk: "tempSecret02",
      securityToken: "sts-expired-02",
      expiresAt: REFERENCE_NOW - HOUR,
    },
  ],
};

/** A second account with a project of its own and its own permanent key. */
export const OTHER_ACCOUNT: ReferenceAccount = {
  domainId: "d0000000000000000000000000000002",
  projectIds: ["fedcba9876543210fedcba9876543210", "eedcba9876543210fedcba9876543210"],
  permanent: [{ ak: "OTHERACCOUNTKEY00003", sk: "otherSecret03" }],
  temporary: [
    {
      ak: "HSTAOTHERTEMPORARY04",
      sk: "tempSecret04",
      securityToken: "sts-other-04",
      expiresAt: REFERENCE_NOW + HOUR,
    },
  ],
};

/**
 * The contract options that describe {@link ACCOUNT} and {@link OTHER_ACCOUNT}, as a user would
 * give them: every auth property applies.
 */
export function identityOptions(): Required<
  Pick<
    ProviderOptions,
    | "projectId"
    | "credentials"
    | "temporaryCredentials"
    | "expiredCredentials"
    | "foreignProjectId"
    | "secondAccount"
  >
> {
  const [valid, expired] = ACCOUNT.temporary ?? [];
  const key = ACCOUNT.permanent?.[0];
  const otherKey = OTHER_ACCOUNT.permanent?.[0];
  if (!valid || !expired || !key || !otherKey)
    throw new Error("the reference accounts lost a credential");
  const triple = (t: ReferenceTemporary) => ({
    ak: t.ak,
    sk: t.sk,
    securityToken: t.securityToken,
  });
  return {
    projectId: ACCOUNT.projectIds[0] as string,
    credentials: key,
    temporaryCredentials: triple(valid),
    expiredCredentials: triple(expired),
    foreignProjectId: OTHER_ACCOUNT.projectIds[1] as string,
    secondAccount: { projectId: OTHER_ACCOUNT.projectIds[0] as string, credentials: otherKey },
  };
}
