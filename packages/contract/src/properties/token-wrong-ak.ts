import fc from "fast-check";
import type { ProviderCredentials } from "../internal/cts-client.js";
import { type ContractProperty, checkAsyncProperty } from "./contract-property.js";
import { expectAuthRefusal } from "./expect-refusal.js";
import { expectStatus } from "./expect-response.js";
import { expectNoChanges, observeEffects } from "./observe-effects.js";
import { probeArbitrary, probeRequest } from "./probe-request.js";
import type { ProviderContext } from "./provider-context.js";
import type { ResolvedProviderOptions } from "./provider-options.js";

/** A security token paired with an AK it was not issued with, correctly signed with that AK's SK. */
interface Mismatch {
  readonly kind: string;
  readonly credentials: ProviderCredentials;
}

/**
 * Every mismatch the options allow, the most telling first: the valid temporary credential's
 * token with the permanent AK, with the second account's AK and with the expired credential's
 * AK; the expired token with the valid temporary AK; the temporary AK without any token.
 */
function mismatches(options: ResolvedProviderOptions): Mismatch[] {
  const temporary = options.temporaryCredentials;
  if (!temporary) return [];
  const found: Mismatch[] = [];
  const withToken = (kind: string, key: ProviderCredentials | undefined, token: string): void => {
    if (key && "ak" in key && key.ak !== temporary.ak)
      found.push({ kind, credentials: { ak: key.ak, sk: key.sk, securityToken: token } });
  };
  withToken("permanent AK with the temporary token", options.credentials, temporary.securityToken);
  withToken(
    "second account's AK with the temporary token",
    options.secondAccount?.credentials,
    temporary.securityToken,
  );
  const expired = options.expiredCredentials;
  if (expired) {
    withToken("expired temporary AK with the valid token", expired, temporary.securityToken);
    found.push({
      kind: "valid temporary AK with the expired token",
      credentials: { ...temporary, securityToken: expired.securityToken },
    });
  }
  found.push({
    kind: "temporary AK without its token",
    credentials: { ak: temporary.ak, sk: temporary.sk },
  });
  return found;
}

/**
 * A temporary credential works only as issued: while the valid triple is accepted (ListQuotas
 * 200), its security token sent with another AK (permanent, of the second account, expired), an
 * expired token with its AK, or its AK without a token, each correctly signed, gets 401 in the
 * gateway's shape and changes nothing.
 */
export const securityTokenBoundToAk: ContractProperty<ProviderContext> = {
  id: "auth/token-wrong-ak",
  title: "a security token works only with its own AK; other pairings get 401",
  appliesTo: (context) => context.options.temporaryCredentials !== undefined,
  check: (context, settings) => {
    const temporary = context.options.temporaryCredentials;
    if (!temporary) throw new Error("auth/token-wrong-ak needs temporaryCredentials");
    const byKind = new Map(mismatches(context.options).map((m) => [m.kind, m.credentials]));
    // Only the kind is drawn, so that counterexamples never print a secret key.
    const kinds = fc.constantFrom(...byKind.keys());
    return checkAsyncProperty(
      fc.asyncProperty(kinds, probeArbitrary(context), async (kind, probe) => {
        const control = await context.client.send({
          method: "GET",
          path: `/v3/${context.client.projectId}/quotas`,
          credentials: temporary,
        });
        expectStatus("ListQuotas with the valid temporary credential", control, 200);
        const effects = await observeEffects(context, () =>
          context.client.send({
            ...probeRequest(context, probe, context.client.projectId),
            credentials: byKind.get(kind) ?? null,
          }),
        );
        const what = `${probe.route} with the ${kind}`;
        expectAuthRefusal(what, effects.response);
        expectNoChanges(what, effects);
      }),
      settings,
    );
  },
};
