/** `X-Sdk-Date` values: UTC `YYYYMMDDTHHMMSSZ` (reference §5.2 step 1), e.g. `20191115T033655Z`. */

const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/**
 * Formats epoch milliseconds as an `X-Sdk-Date` value (UTC, whole seconds, milliseconds dropped).
 *
 * @example formatSdkDate(Date.UTC(2019, 10, 15, 3, 36, 55)) // "20191115T033655Z"
 */
export function formatSdkDate(epochMs: number): string {
  const d = new Date(epochMs);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}` +
    `T${pad(d.getUTCHours(), 2)}${pad(d.getUTCMinutes(), 2)}${pad(d.getUTCSeconds(), 2)}Z`
  );
}

/**
 * Parses an `X-Sdk-Date` value to epoch milliseconds; `undefined` when it is not exactly
 * `YYYYMMDDTHHMMSSZ` or names an impossible date (month 13, 31 February, hour 24, ...).
 */
export function parseSdkDate(value: string): number | undefined {
  const match = SDK_DATE.exec(value);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls over out-of-range fields; a valid date formats back to the same text.
  // Years 0–99 are mapped to 1900–1999 by Date.UTC, which the round trip also rejects.
  return formatSdkDate(ms) === value ? ms : undefined;
}
