import { sha256Hex } from "@ctsim/signer";
import fc from "fast-check";
import { type ContractProperty, checkAsyncProperty } from "./contract-property.js";
import { expectAuthRefusal } from "./expect-refusal.js";
import { expectNoChanges, observeEffects } from "./observe-effects.js";
import { probeBodyArbitrary, probeRequest, WRITE_ROUTES } from "./probe-request.js";
import type { ProviderContext } from "./provider-context.js";

/** A create request signed over one body and sent with another. */
interface SwappedBody {
  readonly route: (typeof WRITE_ROUTES)[number];
  readonly signed: unknown;
  readonly sent: unknown;
}

function swappedBodyArbitrary(context: ProviderContext): fc.Arbitrary<SwappedBody> {
  return fc.oneof(
    { withCrossShrink: true },
    ...WRITE_ROUTES.map((route) => {
      const body = probeBodyArbitrary(context, route);
      return fc
        .record({ route: fc.constant(route), signed: body, sent: body })
        .filter(({ signed, sent }) => JSON.stringify(signed) !== JSON.stringify(sent));
    }),
  );
}

/**
 * A signed CreateTracker or CreateNotification whose body was swapped after signing, with an
 * `X-Sdk-Content-Sha256` header outside `SignedHeaders` carrying the hash of the signed body,
 * gets 401 in the gateway's shape and creates nothing: the payload hash is the received body's
 * unless that header is itself signed (reference §5.2, issue 16).
 */
export const unsignedBodyHashRefused: ContractProperty<ProviderContext> = {
  id: "auth/unsigned-body-hash",
  title: "a body swapped under an unsigned X-Sdk-Content-Sha256 gets 401 and creates nothing",
  appliesTo: (context) =>
    !context.options.readOnly &&
    context.options.credentials !== undefined &&
    "ak" in context.options.credentials,
  check: (context, settings) =>
    checkAsyncProperty(
      fc.asyncProperty(swappedBodyArbitrary(context), async ({ route, signed, sent }) => {
        const request = probeRequest(context, { route, body: signed }, context.client.projectId);
        const effects = await observeEffects(context, () =>
          context.client.send({
            ...request,
            afterSigning: {
              body: sent,
              headers: { "X-Sdk-Content-Sha256": sha256Hex(JSON.stringify(signed)) },
            },
          }),
        );
        const what = `${route} with a swapped body`;
        expectAuthRefusal(what, effects.response);
        expectNoChanges(what, effects);
      }),
      settings,
    ),
};
