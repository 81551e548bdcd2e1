/**
 * A UTC instant as CTS spells it in trace-file names and digest fields: `2017-03-28T02-09-17Z`
 * (seconds precision, dashes in place of colons).
 *
 * @example ctsStamp(Date.UTC(2017, 2, 28, 2, 9, 17)); // "2017-03-28T02-09-17Z"
 */
export function ctsStamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)}T${iso.slice(11, 19).replaceAll(":", "-")}Z`;
}

const STAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})Z$/;

/**
 * The epoch ms of a {@link ctsStamp} text, or `undefined` when the text is not one.
 *
 * @example parseCtsStamp("2017-03-28T02-09-17Z"); // 1490666957000
 */
export function parseCtsStamp(text: string): number | undefined {
  const m = STAMP.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, ...number[]];
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  return ctsStamp(ms) === text ? ms : undefined;
}

/** The `{YYYY}/{MM}/{DD}` directories of an instant (zero-padded, reference §7.1). */
export function dateDirs(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`;
}
