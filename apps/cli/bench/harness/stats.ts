/** The median of `values` (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * How many times faster `subject` is than `reference` at the same job, from their wall times
 * (seconds): 2 means `subject` takes half the time.
 */
export function speedRatio(referenceSeconds: number, subjectSeconds: number): number {
  if (!(subjectSeconds > 0)) throw new RangeError(`a time must be positive: ${subjectSeconds}`);
  return referenceSeconds / subjectSeconds;
}
