/** Stable codes of the failures `@ctsim/delivery` reports. */
export const DeliveryErrorCode = {
  /** An option is invalid (a bad cadence, a key that is not an RSA private key, ...). */
  invalidOption: "CTSIM_DELIVERY_INVALID_OPTION",
  /** Writing a trace file, a digest or its signature failed (EACCES, ENOSPC, ...). */
  writeFailed: "CTSIM_DELIVERY_WRITE_FAILED",
  /** A trace came out of time order, or after `close`. */
  misuse: "CTSIM_DELIVERY_MISUSE",
  /** A directory to verify or a key to read cannot be read. */
  readFailed: "CTSIM_DELIVERY_READ_FAILED",
} as const satisfies Record<string, string>;

/** One of the values of {@link DeliveryErrorCode}. */
export type DeliveryErrorCode = (typeof DeliveryErrorCode)[keyof typeof DeliveryErrorCode];

/**
 * The one error class of `@ctsim/delivery`: the message names what failed (a path), why and
 * what to do; `code` is stable for programs.
 *
 * @example
 * try { await writer.close(); } catch (e) { if (e instanceof DeliveryError) console.error(e.message); }
 */
export class DeliveryError extends Error {
  override readonly name = "DeliveryError";
  readonly code: DeliveryErrorCode;

  constructor(code: DeliveryErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}
