/** Epoch ms as `YYYY-MM-DD HH:MM:SS` UTC: what the list and detail show. */
export function utcText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

/** Epoch ms as a `datetime-local` input value, read as UTC (`YYYY-MM-DDTHH:MM`). */
export function utcInputValue(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

/** A `datetime-local` value read as UTC, or `undefined` when it is not a time. */
export function parseUtcInput(value: string): number | undefined {
  const ms = Date.parse(`${value}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
