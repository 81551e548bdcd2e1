/** Stable codes of {@link ContractError}. */
export const ContractErrorCode = {
  /** The options given to a suite or runner are unusable (no base URL, half a key pair, …). */
  options: "CTSIM_CONTRACT_OPTIONS",
  /** The provider could not be reached (connection refused, DNS, TLS). */
  unreachable: "CTSIM_CONTRACT_UNREACHABLE",
  /** The provider answered the suite's setup requests with something it cannot work from. */
  setup: "CTSIM_CONTRACT_SETUP",
  /** The reference window holds no traces, and `requireTraces` asked for some. */
  empty: "CTSIM_CONTRACT_EMPTY",
} as const satisfies Record<string, string>;

/** One of the values of {@link ContractErrorCode}. */
export type ContractErrorCode = (typeof ContractErrorCode)[keyof typeof ContractErrorCode];

/**
 * The one error class of `@ctsim/contract`: raised for bad options and for providers the suites
 * cannot talk to. Property failures are not errors; they come back in the report.
 *
 * @example
 * try { await runProviderContract({ baseUrl: "" }); }
 * catch (error) { if (error instanceof ContractError && error.code === "CTSIM_CONTRACT_OPTIONS") … }
 */
export class ContractError extends Error {
  override readonly name = "ContractError";
  readonly code: ContractErrorCode;

  constructor(code: ContractErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}
