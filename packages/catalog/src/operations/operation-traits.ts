/**
 * What an operation does, in the CRUD words of the Lite Server page (the only current page that
 * states it), plus `action` for calls that change no listed resource (opening a notebook,
 * logging in to the labeling console, liking an asset, a system's result report).
 */
export const OPERATION_KINDS = ["create", "read", "update", "delete", "action"] as const;

/** One of {@link OPERATION_KINDS}. */
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** The trait fields of {@link OperationTraits} that a source can state or ctsim can derive. */
export type TraitField = "kind" | "readOnly" | "asynchronous";

/** Facts about an operation beyond its name, stated by its page or derived from its trace name. */
export interface OperationTraits {
  readonly kind: OperationKind;
  /** True for reads: what CTS's `read_only` field should say. */
  readonly readOnly: boolean;
  /**
   * True when the call hands work to the platform that finishes after the call returns (a job
   * runs, a deployment or server starts, a pool is built), so the resource passes through
   * transient states and a failure can come later.
   */
  readonly asynchronous: boolean;
  /** The fields no source states: ctsim derived them from the trace name ({@link deriveTraits}). */
  readonly derived: readonly TraitField[];
}
