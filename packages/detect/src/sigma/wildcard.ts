/**
 * A Sigma string value as a matcher: `*` any run of characters, `?` exactly one, `\` escapes a
 * wildcard or itself (the specification's escaping rules: `\*` a plain star, `\\*` a backslash
 * then any run, a backslash before any other character stays a backslash). Case-insensitive
 * unless `cased`.
 */
export function wildcardMatcher(pattern: string, cased: boolean): (value: string) => boolean {
  let source = "";
  let plain = "";
  let hasWildcard = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === "\\") {
      const next = pattern[i + 1];
      if (next === "*" || next === "?" || next === "\\") {
        plain += next;
        source += escapeRegExp(next);
        i++;
      } else {
        plain += c;
        source += "\\\\";
      }
    } else if (c === "*") {
      hasWildcard = true;
      source += "[\\s\\S]*";
    } else if (c === "?") {
      hasWildcard = true;
      source += "[\\s\\S]";
    } else {
      plain += c;
      source += escapeRegExp(c);
    }
  }
  if (!hasWildcard) {
    if (cased) return (value) => value === plain;
    const lower = plain.toLowerCase();
    return (value) => value.length === lower.length && value.toLowerCase() === lower;
  }
  const regex = new RegExp(`^${source}$`, cased ? "" : "i");
  return (value) => regex.test(value);
}

/** Escapes `*`/`?`/`\` so a literal string reads as itself in a Sigma pattern. */
export function escapeWildcards(text: string): string {
  return text.replace(/[\\*?]/g, (c) => `\\${c}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
