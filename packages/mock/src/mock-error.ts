/** Stable codes of {@link MockError}. */
export const MockErrorCode = {
  /** An option has a value the mock cannot use (bad fault spec, bad port, ...). */
  invalidOption: "CTSIM_MOCK_INVALID_OPTION",
  /** A trace to store is malformed (bad NDJSON line, missing fields). */
  invalidTrace: "CTSIM_MOCK_INVALID_TRACE",
  /** The server could not start or stop. */
  server: "CTSIM_MOCK_SERVER",
  /** The state file cannot be written: its directory at start, or changes at shutdown. */
  stateFile: "CTSIM_MOCK_STATE_FILE",
  /** The credentials file cannot be written. */
  credentialsFile: "CTSIM_MOCK_CREDENTIALS_FILE",
} as const satisfies Record<string, string>;
export type MockErrorCode = (typeof MockErrorCode)[keyof typeof MockErrorCode];

/**
 * The one error class of `@ctsim/mock`, thrown for programming and setup mistakes only; requests
 * never throw, they get CTS error bodies.
 *
 * @example
 * try { parseFaultSpec("traces:latency=abc") } catch (e) { if (e instanceof MockError) console.error(e.code) }
 */
export class MockError extends Error {
  override readonly name = "MockError";
  readonly code: MockErrorCode;

  constructor(code: MockErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}
