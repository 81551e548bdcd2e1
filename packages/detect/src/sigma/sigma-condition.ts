import type { CompileProblems, TracePredicate } from "./field-item.js";

/**
 * Compiles a Sigma condition: identifiers, `and`, `or`, `not`, parentheses, `1 of pattern`,
 * `all of pattern` (`*` wildcards in the pattern), `1 of them`, `all of them` (identifiers
 * starting with `_` excluded, as the specification says). Precedence, loosest first: or, and,
 * not, `x of`, parentheses. The pipe aggregations of Sigma 1 (`| count() > 5`) and `near` are
 * refused: correlation rules replace them.
 */
export function compileCondition(
  condition: string,
  selections: ReadonlyMap<string, TracePredicate>,
  problems: CompileProblems,
): TracePredicate {
  if (condition.includes("|"))
    problems.unsupported(
      "condition aggregation `| …`",
      "Sigma 1 aggregations are replaced by correlation rules (type: event_count)",
    );
  const tokens = condition.match(/\(|\)|[^\s()]+/g) ?? [];
  if (tokens.some((token) => token.toLowerCase() === "near"))
    problems.unsupported("condition keyword `near`", "deprecated in Sigma");
  let position = 0;
  const peek = (): string | undefined => tokens[position];
  const lower = (): string | undefined => peek()?.toLowerCase();

  const parseOr = (): TracePredicate => {
    let left = parseAnd();
    while (lower() === "or") {
      position++;
      const a = left;
      const b = parseAnd();
      left = (t) => a(t) || b(t);
    }
    return left;
  };
  const parseAnd = (): TracePredicate => {
    let left = parseNot();
    while (lower() === "and") {
      position++;
      const a = left;
      const b = parseNot();
      left = (t) => a(t) && b(t);
    }
    return left;
  };
  const parseNot = (): TracePredicate => {
    if (lower() === "not") {
      position++;
      const inner = parseNot();
      return (t) => !inner(t);
    }
    return parseAtom();
  };
  const parseAtom = (): TracePredicate => {
    const token = peek();
    if (token === undefined) return problems.invalid(`condition "${condition}" ends too early`);
    position++;
    if (token === "(") {
      const inner = parseOr();
      if (peek() !== ")") problems.invalid(`condition "${condition}" misses a closing parenthesis`);
      position++;
      return inner;
    }
    const word = token.toLowerCase();
    if ((word === "1" || word === "all") && lower() === "of") {
      position++;
      const pattern = peek();
      if (pattern === undefined || pattern === "(" || pattern === ")")
        problems.invalid(`condition "${condition}": \`${token} of\` needs a pattern or them`);
      position++;
      return quantified(word === "all", pattern as string);
    }
    if (/^\d+$/.test(word) && lower() === "of")
      problems.unsupported(`condition \`${token} of\``, "only `1 of` and `all of` are defined");
    if (["and", "or", ")"].includes(word))
      problems.invalid(`condition "${condition}": unexpected \`${token}\``);
    const selection = selections.get(token);
    if (selection === undefined)
      problems.invalid(`condition "${condition}" names \`${token}\`, which the detection lacks`);
    return selection as TracePredicate;
  };
  const quantified = (all: boolean, pattern: string): TracePredicate => {
    const names = [...selections.keys()].filter((name) =>
      pattern === "them" ? !name.startsWith("_") : globMatches(pattern, name),
    );
    if (names.length === 0)
      problems.invalid(`condition "${condition}": \`${pattern}\` matches no search identifier`);
    const parts = names.map((name) => selections.get(name) as TracePredicate);
    return all ? (t) => parts.every((p) => p(t)) : (t) => parts.some((p) => p(t));
  };

  const predicate = parseOr();
  if (position < tokens.length)
    problems.invalid(`condition "${condition}": unexpected \`${tokens[position]}\``);
  return predicate;
}

/** `selection*`-style identifier patterns: `*` any run, everything else literal. */
function globMatches(pattern: string, name: string): boolean {
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`).test(name);
}
