import type {
  Category,
  CategoryCoverage,
  Cloud,
  OperationTraits,
  Revision,
} from "@ctsim/catalog/operations";

/** One operation row, ready to render. */
export interface BuiltRow {
  readonly operation: string;
  readonly resourceType: string;
  readonly traceName: string;
  /** Recorded for the assembled revisions only; the seeds' rows stay as they were extracted. */
  readonly traits?: OperationTraits;
}

/** One table of a revision, ready to render. */
export interface BuiltTable {
  readonly table: number;
  readonly title: string;
  readonly category: Category;
  readonly rows: readonly BuiltRow[];
  readonly sourceFile?: string;
  readonly keptFrom?: Revision;
}

/** A source file and its SHA-256 (hex), for the generated module's header. */
export interface SourceDigest {
  readonly file: string;
  readonly sha256: string;
}

/** A revision as the generated module records it, from a seed page or assembled from TSVs. */
export interface BuiltRevision {
  readonly revision: Revision;
  readonly updated: string;
  readonly cloud: Cloud;
  readonly sourceFile: string;
  readonly sha256: string;
  /** Every file the rows come from (listed in the module's header). */
  readonly sources: readonly SourceDigest[];
  readonly tables: readonly BuiltTable[];
  readonly coverage: readonly CategoryCoverage[];
}
