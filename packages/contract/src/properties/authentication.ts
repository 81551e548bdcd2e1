import { validatorFor } from "@ctsim/catalog";
import fc from "fast-check";
import type { ProviderCredentials } from "../internal/cts-client.js";
import { type ContractProperty, checkAsyncProperty } from "./contract-property.js";
import { ensure } from "./contract-violation.js";
import type { ProviderContext } from "./provider-context.js";
import { traceQuery } from "./trace-query.js";

/** A way to get authentication wrong. */
interface BadCredentials {
  readonly kind: string;
  readonly credentials: ProviderCredentials | null;
  readonly clockOffsetMs?: number;
}

function badCredentialsArbitrary(good: ProviderCredentials): fc.Arbitrary<BadCredentials> {
  const none = fc.constant({ kind: "no credentials", credentials: null });
  if ("token" in good) {
    const wrong = fc
      .stringMatching(/^[A-Za-z0-9_-]{8,64}$/)
      .filter((token) => token !== good.token)
      .map((token) => ({ kind: "unknown token", credentials: { token } }));
    return fc.oneof(none, wrong);
  }
  const key = (ak: string, sk: string): ProviderCredentials =>
    good.securityToken ? { ak, sk, securityToken: good.securityToken } : { ak, sk };
  return fc.oneof(
    none,
    fc
      .stringMatching(/^[A-Za-z0-9]{8,40}$/)
      .filter((sk) => sk !== good.sk)
      .map((sk) => ({ kind: "wrong secret key", credentials: key(good.ak, sk) })),
    fc
      .stringMatching(/^[A-Z0-9]{20}$/)
      .filter((ak) => ak !== good.ak)
      .map((ak) => ({ kind: "unknown access key", credentials: key(ak, good.sk) })),
    fc
      .tuple(fc.integer({ min: 20 * 60_000, max: 2 * 24 * 3_600_000 }), fc.boolean())
      .map(([offset, ahead]) => ({
        kind: "X-Sdk-Date beyond the 15-minute skew",
        credentials: good,
        clockOffsetMs: ahead ? offset : -offset,
      })),
  );
}

/**
 * With credentials configured, a request without them, with a wrong key or token, or signed at
 * a time more than 15 minutes off gets 401 `APIGW.0301` in the gateway's error shape.
 */
export const badCredentialsGet401: ContractProperty<ProviderContext> = {
  id: "auth/bad-credentials-401",
  title: "bad credentials get 401 APIGW.0301",
  appliesTo: (context) => context.options.credentials !== undefined,
  check: (context, settings) => {
    const good = context.options.credentials;
    if (!good) throw new Error("auth/bad-credentials-401 needs credentials");
    return checkAsyncProperty(
      fc.asyncProperty(badCredentialsArbitrary(good), async (bad) => {
        const response = await context.client.send({
          method: "GET",
          path: `/v3/${context.client.projectId}/traces`,
          query: { ...traceQuery(context.window), limit: "1" },
          credentials: bad.credentials,
          ...(bad.clockOffsetMs === undefined ? {} : { clockOffsetMs: bad.clockOffsetMs }),
        });
        ensure(response.status === 401, () => `${bad.kind}: answered ${response.status}, not 401`);
        ensure(
          validatorFor("ErrorBody").check(response.json),
          () =>
            `${bad.kind}: the 401 body is not the gateway's error shape: ${response.text.slice(0, 200)}`,
        );
        const code = (response.json as { error_code: string }).error_code;
        ensure(
          /^APIGW?\.0301$/.test(code),
          () => `${bad.kind}: error_code ${code}, not APIGW.0301`,
        );
      }),
      settings,
    );
  },
};
