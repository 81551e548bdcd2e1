// Revisions and categories

// Rows and metadata
export type { CatalogOperation } from "./catalog-operation.js";
export { CATEGORIES, type Category, isCategory } from "./category.js";
export { categoryOf } from "./category-of.js";
export { type DeriveTraitsOptions, deriveTraits, kindOfTraceName } from "./derive-traits.js";
// Revision diff
export {
  diffRevisions,
  type FieldChange,
  RESPELLABLE_FIELDS,
  type RespellableField,
  type RespelledOperation,
  type RevisionDiff,
} from "./diff-revisions.js";
export { findByResourceType } from "./find-by-resource-type.js";
export { findByTraceName } from "./find-by-trace-name.js";
export { isValidTraceName } from "./is-valid-trace-name.js";
export {
  OPERATION_KINDS,
  type OperationKind,
  type OperationTraits,
  type TraitField,
} from "./operation-traits.js";
export { operationsByCategory } from "./operations-by-category.js";
// Lookups
export { operationsOf } from "./operations-of.js";
export { DEFAULT_REVISION, isRevision, REVISIONS, Revision } from "./revision.js";
export { revisionInfo } from "./revision-info.js";
export type {
  CatalogTable,
  CategoryCoverage,
  Cloud,
  Coverage,
  RevisionMetadata,
} from "./revision-metadata.js";
export { traitsOf } from "./traits-of.js";
