import fc from "fast-check";
import { type ContractProperty, checkAsyncProperty } from "./contract-property.js";
import { expectAuthRefusal } from "./expect-refusal.js";
import { expectNoChanges, observeEffects } from "./observe-effects.js";
import { probeArbitrary, probeRequest } from "./probe-request.js";
import type { ProviderContext } from "./provider-context.js";

/**
 * A request correctly signed, at the current time, with a temporary credential that has expired
 * (its AK, SK and security token) gets 401 in the gateway's shape and changes nothing.
 */
export const expiredTemporaryRefused: ContractProperty<ProviderContext> = {
  id: "auth/expired-temporary",
  title: "an expired temporary credential gets 401 and changes nothing",
  appliesTo: (context) => context.options.expiredCredentials !== undefined,
  check: (context, settings) => {
    const expired = context.options.expiredCredentials;
    if (!expired) throw new Error("auth/expired-temporary needs expiredCredentials");
    return checkAsyncProperty(
      fc.asyncProperty(probeArbitrary(context), async (probe) => {
        const effects = await observeEffects(context, () =>
          context.client.send({
            ...probeRequest(context, probe, context.client.projectId),
            credentials: expired,
          }),
        );
        const what = `${probe.route} with an expired temporary credential`;
        expectAuthRefusal(what, effects.response);
        expectNoChanges(what, effects);
      }),
      settings,
    );
  },
};
