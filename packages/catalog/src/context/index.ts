export type { ContextOperation, ContextService } from "./context-operation.js";
export { CONTEXT_SERVICES } from "./context-operation.js";
export type { ContextTraceName } from "./context-operations.js";
export { CONTEXT_OPERATIONS, findContextOperation } from "./context-operations.js";
export { IAM_OPERATIONS } from "./iam-operations.js";
export { OBS_BUCKET_OPERATIONS, OBS_DATA_OPERATIONS } from "./obs-operations.js";
