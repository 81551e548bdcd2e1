import type { UserInfo } from "@ctsim/catalog";
import fc from "fast-check";

/** Options of {@link userInfoArbitrary}. */
export interface UserInfoArbitraryOptions {
  /** Account the users belong to. Default: a random 32-hex-digit id named `"acme"`…. */
  readonly domain?: { readonly id: string; readonly name: string };
}

/** 32 lower-case hex digits, the shape of IAM user, account and project ids. */
export function hexIdArbitrary(): fc.Arbitrary<string> {
  return HEX_ID;
}

// Built once: `stringMatching` is costly to construct.
const HEX_ID = fc.stringMatching(/^[0-9a-f]{32}$/);
const USER_NAME = fc.stringMatching(/^[a-z][a-z0-9_-]{2,15}$/);
const ACCESS_KEY_ID = fc.stringMatching(/^[A-Z0-9]{20}$/);

/** An IAM user name: a letter, then 2–15 of `[a-z0-9_-]`. */
export function userNameArbitrary(): fc.Arbitrary<string> {
  return USER_NAME;
}

/** An access key id: 20 upper-case letters and digits (the documentation samples' shape). */
export function accessKeyIdArbitrary(): fc.Arbitrary<string> {
  return ACCESS_KEY_ID;
}

/**
 * The `user` of a trace (reference §2.2): `id`, `name` and `domain` always; the nine fields added
 * in 2024 each present or absent, consistent with each other (`user_name` = `name`,
 * `principal_urn` names the same user).
 *
 * @example
 * fc.sample(userInfoArbitrary(), 1)[0].name; // "k0v_"
 */
export function userInfoArbitrary(options: UserInfoArbitraryOptions = {}): fc.Arbitrary<UserInfo> {
  const domain = options.domain
    ? fc.constant({ ...options.domain })
    : fc.record({ id: hexIdArbitrary(), name: fc.constantFrom("acme", "modelarts-lab", "dev") });
  return fc
    .record(
      {
        id: hexIdArbitrary(),
        name: userNameArbitrary(),
        domain,
        access_key_id: accessKeyIdArbitrary(),
        principal_is_root_user: fc.constantFrom("true", "false"),
        type: fc.constantFrom("User", "AssumedAgency"),
        invoked_by: fc
          .constantFrom("service.console", "service.modelarts")
          .map((service) => [service]),
        created_at: fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }),
        mfa: fc.constantFrom("true", "false"),
        extras: fc.boolean(),
      },
      { requiredKeys: ["id", "name", "domain", "extras"] },
    )
    .map(({ extras, created_at, mfa, ...user }) => {
      const base: UserInfo = { id: user.id, name: user.name, domain: user.domain };
      if (!extras) return base;
      return {
        ...user,
        user_name: user.name,
        account_id: user.domain.id,
        principal_urn: `iam::${user.domain.id}:user:${user.name}`,
        principal_id: user.id,
        ...(created_at !== undefined && mfa !== undefined
          ? {
              session_context: {
                attributes: { created_at: String(created_at), mfa_authenticated: mfa },
              },
            }
          : {}),
      } satisfies UserInfo;
    });
}
