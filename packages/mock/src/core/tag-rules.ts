import type { ResourceTag } from "@ctsim/catalog";

/** Letters, digits, spaces and `_ . : / = + - @` (reference §1.6), for keys and values. */
const TAG_CHARACTERS = /^[\p{L}\p{N} _.:/=+\-@]*$/u;

/**
 * What is wrong with a tag key, or `undefined`: no `_sys_` prefix, no leading or trailing space,
 * only the allowed characters (reference §1.6; the lengths, 1–128, are the catalog schema's).
 */
function tagKeyProblem(key: string): string | undefined {
  if (key.startsWith("_sys_")) return "must not start with _sys_";
  if (key.trim() !== key) return "must not start or end with a space";
  if (!TAG_CHARACTERS.test(key)) return "may hold letters, digits, spaces and _ . : / = + - @";
  return undefined;
}

/**
 * What is wrong with a tag value, or `undefined`: only the allowed characters (empty is allowed;
 * the reference states the space rule for keys only; at most 255 is the catalog schema's).
 */
function tagValueProblem(value: string): string | undefined {
  return TAG_CHARACTERS.test(value)
    ? undefined
    : "may hold letters, digits, spaces and _ . : / = + - @";
}

/**
 * What is wrong with a list of tags to set, valid against the catalog's `ResourceTag` schema
 * (`tags[i].key …`), or `undefined`: not empty, CTS's key and value rules, unique keys.
 */
export function tagListProblem(tags: readonly ResourceTag[]): string | undefined {
  if (tags.length === 0) return "tags must not be empty";
  const seen = new Set<string>();
  for (const [index, tag] of tags.entries()) {
    const keyProblem = tagKeyProblem(tag.key);
    if (keyProblem !== undefined) return `tags[${index}].key ${keyProblem}`;
    const valueProblem = tagValueProblem(tag.value);
    if (valueProblem !== undefined) return `tags[${index}].value ${valueProblem}`;
    if (seen.has(tag.key)) return `tags[${index}].key repeats "${tag.key}"`;
    seen.add(tag.key);
  }
  return undefined;
}
