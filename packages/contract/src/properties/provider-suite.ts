import { badCredentialsGet401 } from "./authentication.js";
import type { ContractProperty } from "./contract-property.js";
import { expiredTemporaryRefused } from "./expired-temporary.js";
import { filterSoundAndComplete, filtersCombineWithAnd, traceIdOverrides } from "./filters.js";
import { foreignProjectRefused } from "./foreign-project.js";
import { invalidQueryGets400 } from "./invalid-queries.js";
import { limitPageSize } from "./limits.js";
import { notificationsFollowModel } from "./notification-model.js";
import { pagingEachTraceOnce, pagingSameSetAnyLimit } from "./paging.js";
import { createProviderContext, type ProviderContext } from "./provider-context.js";
import { type ProviderOptions, resolveProviderOptions } from "./provider-options.js";
import { tagsFollowModel } from "./tag-model.js";
import { defaultWindowLastHour, retentionSevenDays } from "./time-window.js";
import { securityTokenBoundToAk } from "./token-wrong-ak.js";
import { trackersFollowModel } from "./tracker-model.js";
import { unsignedBodyHashRefused } from "./unsigned-body-hash.js";

/** Every property of the provider suite, in the order they run. */
export const PROVIDER_PROPERTIES: readonly ContractProperty<ProviderContext>[] = [
  pagingEachTraceOnce,
  pagingSameSetAnyLimit,
  filterSoundAndComplete,
  filtersCombineWithAnd,
  traceIdOverrides,
  limitPageSize,
  defaultWindowLastHour,
  retentionSevenDays,
  invalidQueryGets400,
  badCredentialsGet401,
  unsignedBodyHashRefused,
  foreignProjectRefused,
  expiredTemporaryRefused,
  securityTokenBoundToAk,
  trackersFollowModel,
  notificationsFollowModel,
  tagsFollowModel,
];

/** A suite ready to run: how to set up its context, and its properties. */
export interface ContractSuite<Context> {
  /** Prepares the context every property runs against (for providers: the reference walk). */
  setup(): Promise<Context>;
  readonly properties: readonly ContractProperty<Context>[];
}

/**
 * The provider suite for one CTS endpoint. Options are validated here; the provider is first
 * contacted by `setup()`.
 *
 * @throws {ContractError} `CTSIM_CONTRACT_OPTIONS` for unusable options (see `resolveProviderOptions`).
 * @example
 * const suite = providerSuite({ baseUrl: "http://127.0.0.1:9000", projectId: "p1" });
 * const context = await suite.setup();
 * for (const property of suite.properties) if (property.appliesTo(context)) await property.check(context, { numRuns: 20, seed: 1 });
 */
export function providerSuite(options: ProviderOptions): ContractSuite<ProviderContext> {
  const resolved = resolveProviderOptions(options);
  return { setup: () => createProviderContext(resolved), properties: PROVIDER_PROPERTIES };
}
