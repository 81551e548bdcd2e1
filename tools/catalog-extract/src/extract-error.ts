/** Stable codes of the ways extraction can fail. */
export const ExtractErrorCode = {
  /** A source page does not have the shape the parser expects. */
  malformedSource: "CTSIM_EXTRACT_MALFORMED_SOURCE",
  /** A table title is not one of the known titles, so its category is unknown. */
  unknownTable: "CTSIM_EXTRACT_UNKNOWN_TABLE",
  /** A table has a header but no rows under it. */
  emptyTable: "CTSIM_EXTRACT_EMPTY_TABLE",
  /** The number of tables or rows differs from what the source is known to hold. */
  unexpectedTotals: "CTSIM_EXTRACT_UNEXPECTED_TOTALS",
  /** A generated file on disk differs from what the sources produce. */
  stale: "CTSIM_EXTRACT_STALE",
} as const satisfies Record<string, string>;

/** One of the values of {@link ExtractErrorCode}. */
export type ExtractErrorCode = (typeof ExtractErrorCode)[keyof typeof ExtractErrorCode];

/** The one error class of the extraction tool; `code` says which check failed. */
export class ExtractError extends Error {
  override readonly name = "ExtractError";
  readonly code: ExtractErrorCode;

  constructor(code: ExtractErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
