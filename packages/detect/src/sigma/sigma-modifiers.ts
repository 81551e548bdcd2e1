/**
 * Value modifiers of the supported subset (`field|modifier: value`). Everything else Sigma
 * defines is refused at load, by name, in {@link REFUSED_MODIFIERS} or as unknown.
 */
export const SUPPORTED_MODIFIERS = {
  contains: "value anywhere in the field (wildcards still apply)",
  startswith: "field starts with the value",
  endswith: "field ends with the value",
  all: "every value of the list must match (AND instead of OR)",
  re: "JavaScript regular expression, case-sensitive, unanchored",
  i: "after re: case-insensitive",
  m: "after re: multi-line",
  s: "after re: dot matches newlines",
  cidr: "IPv4 address inside the CIDR range",
  exists: "true: the field is present; false: it is absent",
  cased: "case-sensitive match",
  gt: "number greater than the value",
  gte: "number greater than or equal to the value",
  lt: "number less than the value",
  lte: "number less than or equal to the value",
} as const satisfies Record<string, string>;

/** A supported modifier name. */
export type SupportedModifier = keyof typeof SUPPORTED_MODIFIERS;

/** Modifiers the Sigma specification defines that this engine refuses, with the reason. */
export const REFUSED_MODIFIERS = {
  base64: "encodings of the value: CTS traces carry no base64-encoded fields",
  base64offset: "encodings of the value: CTS traces carry no base64-encoded fields",
  utf16: "UTF-16 encodings do not occur in CTS's JSON",
  utf16le: "UTF-16 encodings do not occur in CTS's JSON",
  utf16be: "UTF-16 encodings do not occur in CTS's JSON",
  wide: "UTF-16 encodings do not occur in CTS's JSON",
  windash: "Windows command-line dash variants do not apply to CTS",
  expand: "placeholders need a lookup this engine does not have",
  fieldref: "comparing two fields is not supported",
  minute: "timestamp parts are not supported",
  hour: "timestamp parts are not supported",
  day: "timestamp parts are not supported",
  week: "timestamp parts are not supported",
  month: "timestamp parts are not supported",
  year: "timestamp parts are not supported",
} as const satisfies Record<string, string>;

/** Tells whether a name is a supported modifier. */
export function isSupportedModifier(name: string): name is SupportedModifier {
  return Object.hasOwn(SUPPORTED_MODIFIERS, name);
}
