import fc from "fast-check";
import {
  foreignProjectIdArbitrary,
  malformedProjectIdArbitrary,
} from "../arbitraries/project-id.js";
import type { CtsResponse, ProviderCredentials } from "../internal/cts-client.js";
import { type ContractProperty, checkAsyncProperty } from "./contract-property.js";
import { expectProjectRefusal } from "./expect-refusal.js";
import { expectNoChanges, observeEffects } from "./observe-effects.js";
import { type Probe, probeArbitrary, probeRequest } from "./probe-request.js";
import type { ProviderContext } from "./provider-context.js";

/** A project the caller may not use: its path segment and where it comes from. */
interface Target {
  readonly kind: string;
  readonly projectId: string;
}

/** Which of the account's credentials signs the request. */
type Signer = "credentials" | "temporaryCredentials";

function targetArbitrary(context: ProviderContext): fc.Arbitrary<Target> {
  const { foreignProjectId, secondAccount, projectId } = context.options;
  const known: Target[] = [];
  if (foreignProjectId) known.push({ kind: "foreign", projectId: foreignProjectId });
  if (secondAccount) known.push({ kind: "second account's", projectId: secondAccount.projectId });
  return fc.oneof(
    { withCrossShrink: true },
    ...(known.length > 0 ? [fc.constantFrom(...known)] : []),
    foreignProjectIdArbitrary({ projectId }).map(
      (id): Target => ({ kind: "random", projectId: id }),
    ),
    malformedProjectIdArbitrary({ projectId }),
  );
}

function signerArbitrary(context: ProviderContext): fc.Arbitrary<Signer> {
  return context.options.temporaryCredentials
    ? fc.constantFrom<Signer>("credentials", "temporaryCredentials")
    : fc.constant<Signer>("credentials");
}

/**
 * Deletes what a create answered 2xx made in a project the suite does not watch (a broken
 * provider let the request through, so it lets the deletion through too); best effort.
 */
async function removeStray(
  context: ProviderContext,
  target: Target,
  probe: Probe,
  response: CtsResponse,
  credentials: ProviderCredentials | undefined,
): Promise<void> {
  if (response.status < 200 || response.status > 299) return;
  if (target.projectId === context.options.secondAccount?.projectId) return;
  const created = (response.json ?? {}) as Record<string, unknown>;
  const base = `/v3/${target.projectId}`;
  const send = (path: string, query: Record<string, string>) =>
    context.client.send({
      method: "DELETE",
      path,
      query,
      projectHeader: target.projectId,
      ...(credentials ? { credentials } : {}),
    });
  if (probe.route === "CreateTracker" && typeof created.tracker_name === "string")
    await send(`${base}/trackers`, { tracker_name: created.tracker_name, tracker_type: "data" });
  if (probe.route === "CreateNotification" && typeof created.notification_id === "string")
    await send(`${base}/notifications`, { notification_id: created.notification_id });
}

/**
 * A request of the account under test for a project that is not its own — well-formed but
 * foreign (the given foreign project, the second account's, random ids) or malformed (empty,
 * wrong length, non-hex, the own id truncated or extended, path traversal) — gets 401, 403 or 404
 * in CTS's or the gateway's error shape, whether `X-Project-Id` repeats the path's project or
 * names the own one, and changes nothing in the own project or the second account's.
 */
export const foreignProjectRefused: ContractProperty<ProviderContext> = {
  id: "auth/foreign-project",
  title: "a request for a foreign or malformed project id gets 401/403/404 and changes nothing",
  appliesTo: (context) => context.options.credentials !== undefined,
  check: (context, settings) =>
    checkAsyncProperty(
      fc.asyncProperty(
        targetArbitrary(context),
        probeArbitrary(context),
        fc.constantFrom("path", "own"),
        signerArbitrary(context),
        async (target, probe, projectHeader, signer) => {
          const credentials: ProviderCredentials | undefined = context.options[signer];
          const effects = await observeEffects(context, () =>
            context.client.send({
              ...probeRequest(context, probe, target.projectId),
              projectHeader: projectHeader === "path" ? target.projectId : context.client.projectId,
              ...(credentials ? { credentials } : {}),
            }),
          );
          await removeStray(context, target, probe, effects.response, credentials);
          const what = `${probe.route} for the ${target.kind} project ${JSON.stringify(target.projectId)}`;
          expectProjectRefusal(what, effects.response);
          expectNoChanges(what, effects);
        },
      ),
      settings,
    ),
};
