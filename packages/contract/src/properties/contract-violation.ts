/**
 * Thrown inside a property when the system under test breaks the contract; fast-check catches it,
 * shrinks, and its message becomes the outcome's `error`.
 */
export class ContractViolation extends Error {
  override readonly name = "ContractViolation";
}

/** Fails the current run with `message` unless `condition` holds. */
export function ensure(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new ContractViolation(message());
}
