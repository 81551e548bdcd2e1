import { isScenarioName, SCENARIO_NAMES, type ScenarioName, scenarioInfo } from "@ctsim/generator";
import { usageError } from "../cli-error.js";

const DURATION_UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const satisfies Record<
  string,
  number
>;
/**
 * Parses a duration such as `500ms`, `60s`, `5m`, `1h` (a bare number means seconds) into ms.
 *
 * Errors: a usage error (exit 2) naming `flag` when the text is not a positive duration.
 *
 * @example
 * parseDuration("90s", "--duration"); // 90000
 */
export function parseDuration(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  const ms =
    match === null
      ? Number.NaN
      : Number(match[1]) * DURATION_UNITS[(match[2] ?? "s") as keyof typeof DURATION_UNITS];
  if (!(ms > 0))
    throw usageError(
      `${flag} must be a positive duration like 500ms, 60s, 5m or 1h; got "${text}"`,
    );
  return ms;
}

/**
 * Parses a positive number (`integer` demands a whole one).
 *
 * Errors: a usage error naming `flag`.
 *
 * @example
 * parsePositive("2500", "--rate", false); // 2500
 */
export function parsePositive(text: string, flag: string, integer: boolean): number {
  const value = Number(text);
  if (
    !(value > 0 && Number.isFinite(value)) ||
    (integer && !Number.isInteger(value)) ||
    text.trim() === ""
  ) {
    throw usageError(`${flag} must be a positive ${integer ? "integer" : "number"}; got "${text}"`);
  }
  return value;
}

/**
 * Parses `--shard i/n` (0 ≤ i < n).
 *
 * Errors: a usage error when the text is not `i/n` with 0 ≤ i < n.
 *
 * @example
 * parseShard("2/8"); // { index: 2, count: 8 }
 */
export function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || !(count >= 1) || !(index < count)) {
    throw usageError(`--shard must be i/n with 0 <= i < n (e.g. 0/4); got "${text}"`);
  }
  return { index, count };
}

/**
 * Parses one `--header "Name: value"` into `[name, value]` (the value trimmed).
 *
 * Errors: a usage error when there is no `:`, the name is not an HTTP token, or the value holds
 * a control character (a line break would smuggle in another header).
 *
 * @example
 * parseHeader("Authorization: Bearer t"); // ["Authorization", "Bearer t"]
 */
export function parseHeader(text: string): [string, string] {
  const colon = text.indexOf(":");
  const name = colon === -1 ? "" : text.slice(0, colon).trim();
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    throw usageError(`--header must look like "Name: value"; got ${JSON.stringify(text)}`);
  }
  const value = text.slice(colon + 1).trim();
  if (!isHeaderValue(value)) {
    throw usageError(
      `--header ${name}: the value may not hold control characters (line breaks, NUL); got ${JSON.stringify(text)}`,
    );
  }
  return [name, value];
}

/**
 * Whether `text` may be sent as an HTTP header value: no control character but tab (RFC 9110
 * field values; CR, LF and NUL are what a server would split or refuse on).
 *
 * @example
 * isHeaderValue("a b"); // true
 * isHeaderValue("a\r\nX-Evil: 1"); // false
 */
export function isHeaderValue(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
  return !/[\u0000-\u0008\u000a-\u001f\u007f]/.test(text);
}

/** `YYYY-MM-DD`, optionally `THH:MM`, `:SS`, fraction and offset (`Z`, `±HH:MM` or `±HHMM`). */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Parses an instant: epoch milliseconds or an ISO 8601 date or date-time. Dates that do not
 * exist (`2026-02-30`, hour 24) are refused rather than rolled over; a date-time without an
 * offset is UTC, so the same command means the same instant on every machine.
 *
 * Errors: a usage error naming `flag` for anything else.
 *
 * @example
 * parseInstant("2025-03-01T00:00:00Z", "--from"); // 1740787200000
 */
export function parseInstant(text: string, flag: string): number {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const match = ISO_INSTANT.exec(trimmed);
  const fields = match?.slice(1, 7).map((field) => Number(field ?? 0));
  const [year, month, day, hour, minute, second] = fields ?? [];
  const valid =
    match !== null &&
    month! >= 1 &&
    month! <= 12 &&
    day! >= 1 &&
    day! <= new Date(Date.UTC(year!, month!, 0)).getUTCDate() &&
    hour! <= 23 &&
    minute! <= 59 &&
    second! <= 59;
  const offsetGiven = match?.[4] === undefined || match[7] !== undefined;
  const ms = valid ? Date.parse(offsetGiven ? trimmed : `${trimmed}Z`) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw usageError(
      `${flag} must be epoch ms or an ISO 8601 date or date-time that exists (e.g. 2025-02-07T00:00:00Z); got "${text}"`,
    );
  }
  return ms;
}

/**
 * Parses a whole number from `min` to `max` (defaults: any safe integer).
 *
 * Errors: a usage error naming `flag` and the range.
 *
 * @example
 * parseInteger("0", "--count", 0); // 0
 * parseInteger("9000", "--port", 0, 65_535); // 9000
 */
export function parseInteger(
  text: string,
  flag: string,
  min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw usageError(`${flag} must be an integer${describeRange(min, max)}; got "${text}"`);
  }
  return value;
}

function describeRange(min: number, max: number): string {
  const hasMin = min !== Number.MIN_SAFE_INTEGER;
  const hasMax = max !== Number.MAX_SAFE_INTEGER;
  if (hasMin && hasMax) return ` from ${min} to ${max}`;
  if (hasMin) return ` >= ${min}`;
  return hasMax ? ` <= ${max}` : "";
}

/** The largest seed: the generator uses the seed as an unsigned 32-bit integer. */
const MAX_SEED = 2 ** 32 - 1;

/**
 * Parses `--seed`, shared by every command that seeds the timeline: a whole number from 0 to
 * 2^32 - 1 (the generator's seed is an unsigned 32-bit integer).
 *
 * Errors: a usage error for anything else.
 *
 * @example
 * parseSeed("42"); // 42
 */
export function parseSeed(text: string): number {
  return parseInteger(text, "--seed", 0, MAX_SEED);
}

/** Words of `--scenario` that stand for several scenarios, in registry order. */
const SCENARIO_GROUPS: Readonly<Record<string, () => readonly ScenarioName[]>> = {
  all: () => SCENARIO_NAMES,
  attacks: () => SCENARIO_NAMES.filter((name) => !scenarioInfo(name).benign),
  benign: () => SCENARIO_NAMES.filter((name) => scenarioInfo(name).benign),
};

/**
 * Parses `--scenario a,b`: comma-separated scenario names, or the groups `all`, `attacks`,
 * `benign` (the look-alikes); blanks around names and empty entries are ignored, and a scenario
 * named twice is kept once, where it first appears.
 *
 * Errors: a usage error naming the unknown names and listing the known ones.
 *
 * @example
 * parseScenarios("mass-deletion, tracker-tampering"); // ["mass-deletion", "tracker-tampering"]
 */
export function parseScenarios(text: string): ScenarioName[] {
  const names = text
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  const unknown = names.filter(
    (name) => !isScenarioName(name) && !Object.hasOwn(SCENARIO_GROUPS, name),
  );
  if (unknown.length > 0) {
    throw usageError(
      `unknown --scenario ${unknown.join(", ")}; known: ${Object.keys(SCENARIO_GROUPS).join(", ")}, ${SCENARIO_NAMES.join(", ")}`,
    );
  }
  const expanded = names.flatMap((name) =>
    isScenarioName(name) ? [name] : (SCENARIO_GROUPS[name]?.() ?? []),
  );
  return [...new Set(expanded)];
}
