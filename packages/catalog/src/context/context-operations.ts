import type { ContextOperation } from "./context-operation.js";
import { IAM_OPERATIONS } from "./iam-operations.js";
import { OBS_BUCKET_OPERATIONS, OBS_DATA_OPERATIONS } from "./obs-operations.js";

/** Every IAM and OBS operation of the catalog: IAM, then OBS data, then OBS bucket operations. */
export const CONTEXT_OPERATIONS: readonly ContextOperation[] = [
  ...IAM_OPERATIONS,
  ...OBS_DATA_OPERATIONS,
  ...OBS_BUCKET_OPERATIONS,
];

/** A trace name of {@link CONTEXT_OPERATIONS}. */
export type ContextTraceName =
  | (typeof IAM_OPERATIONS)[number]["traceName"]
  | (typeof OBS_DATA_OPERATIONS)[number]["traceName"]
  | (typeof OBS_BUCKET_OPERATIONS)[number]["traceName"];

const BY_NAME = new Map(CONTEXT_OPERATIONS.map((op) => [op.traceName, op]));

/**
 * The IAM or OBS operation with this trace name, or `undefined`.
 *
 * @example
 * findContextOperation("login")?.eventType; // "global"
 */
export function findContextOperation(traceName: string): ContextOperation | undefined {
  return BY_NAME.get(traceName);
}
