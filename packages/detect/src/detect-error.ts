/** Stable codes of {@link DetectError}. */
export const DetectErrorCode = {
  /** A rule file uses a Sigma construct outside the supported subset. */
  unsupported: "CTSIM_DETECT_UNSUPPORTED",
  /** A rule file is not a valid rule (bad YAML, missing detection, unknown identifier…). */
  invalidRule: "CTSIM_DETECT_INVALID_RULE",
  /** A record of the traces or labels input is not what it must be. */
  invalidInput: "CTSIM_DETECT_INVALID_INPUT",
} as const satisfies Record<string, string>;

/** One of {@link DetectErrorCode}. */
export type DetectErrorCode = (typeof DetectErrorCode)[keyof typeof DetectErrorCode];

/**
 * The detect package's one error class. Rule loading throws it with the file and the construct
 * in the message, so a refused rule says where and why.
 *
 * @example
 * try { loadSigmaRules(text, "rules/x.yml"); }
 * catch (error) { if (error instanceof DetectError) console.error(error.code, error.message); }
 */
export class DetectError extends Error {
  override readonly name = "DetectError";
  readonly code: DetectErrorCode;

  constructor(code: DetectErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
