/** Stable codes of {@link GeneratorError}. */
export const GeneratorErrorCode = {
  invalidOption: "CTSIM_GENERATOR_INVALID_OPTION",
  foreignEvent: "CTSIM_GENERATOR_FOREIGN_EVENT",
} as const satisfies Record<string, string>;

/** One of {@link GeneratorErrorCode}. */
export type GeneratorErrorCode = (typeof GeneratorErrorCode)[keyof typeof GeneratorErrorCode];

/**
 * The generator's one error class. Thrown for options that cannot describe a timeline (the
 * message names the option, the bad value and what is accepted).
 *
 * @example
 * try { generateTraces({ shard: { index: 3, count: 2 } }); }
 * catch (error) { if (error instanceof GeneratorError) console.error(error.code, error.message); }
 */
export class GeneratorError extends Error {
  override readonly name = "GeneratorError";
  readonly code: GeneratorErrorCode;

  constructor(code: GeneratorErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
