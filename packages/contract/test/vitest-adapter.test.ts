import { validatorFor } from "@ctsim/catalog";
import { describeCtsConsumer, describeCtsProvider } from "@ctsim/contract/vitest";
import { afterAll, beforeAll } from "vitest";
import { REFERENCE_NOW } from "./support/reference-dataset.js";
import { type ReferenceProvider, startReferenceProvider } from "./support/reference-provider.js";

// The adapter as a user would write it: the provider starts in a hook, so options are deferred.
let provider: ReferenceProvider;
beforeAll(async () => {
  provider = await startReferenceProvider();
});
afterAll(() => provider.close());

describeCtsProvider(() => ({
  baseUrl: provider.url,
  projectId: provider.projectId,
  clock: () => REFERENCE_NOW,
  numRuns: 5,
  seed: 99,
}));

describeCtsConsumer({
  name: "a schema-checking consumer",
  numRuns: 20,
  seed: 99,
  consume: (record) =>
    validatorFor("ApiTrace").check(record) || validatorFor("ObsTrace").check(record)
      ? record
      : new Error("invalid"),
});
