import type { TraceView } from "../trace/trace-view.js";
import { cidrMatcher } from "./cidr.js";
import {
  isSupportedModifier,
  REFUSED_MODIFIERS,
  type SupportedModifier,
} from "./sigma-modifiers.js";
import { wildcardMatcher } from "./wildcard.js";

/** A compiled piece of a detection: true when the trace matches it. */
export type TracePredicate = (trace: TraceView) => boolean;

/** Reports a construct outside the subset (`unsupported`) or a malformed one (`invalid`). */
export interface CompileProblems {
  unsupported(construct: string, why: string): never;
  invalid(what: string): never;
}

type ValueTest = (value: unknown) => boolean;

const STRING_OPERATORS = ["contains", "startswith", "endswith"] as const;
const COMPARISONS = ["gt", "gte", "lt", "lte"] as const;

/**
 * Compiles one `field|modifiers: value(s)` item of a selection map. An empty field name (the
 * key `'|all'`, or a keyword list) searches the trace's JSON text for the values (contains).
 *
 * Errors (through `problems`): an unsupported or unknown modifier, a bad value for a modifier.
 */
export function compileFieldItem(
  key: string,
  raw: unknown,
  problems: CompileProblems,
): TracePredicate {
  const [field = "", ...modifierNames] = key.split("|");
  const modifiers = new Set<SupportedModifier>();
  for (const name of modifierNames) {
    if (Object.hasOwn(REFUSED_MODIFIERS, name))
      problems.unsupported(
        `modifier |${name}`,
        REFUSED_MODIFIERS[name as keyof typeof REFUSED_MODIFIERS],
      );
    if (!isSupportedModifier(name)) problems.unsupported(`modifier |${name}`, "unknown modifier");
    modifiers.add(name);
  }
  // A keyword search reads the whole record: its values match anywhere in the text.
  if (field === "" && !modifiers.has("re") && !STRING_OPERATORS.some((m) => modifiers.has(m)))
    modifiers.add("contains");
  const values = Array.isArray(raw) ? raw : [raw];
  if (values.length === 0) problems.invalid(`field ${key} has an empty list of values`);
  if (modifiers.has("exists")) {
    if (values.length !== 1 || typeof values[0] !== "boolean")
      problems.invalid(`${key} needs true or false`);
    const want = values[0] as boolean;
    const path = field.split(".");
    return (trace) => trace.values(path).length > 0 === want;
  }
  const tests = values.map((value) => valueTest(value, modifiers, key, problems));
  const all = modifiers.has("all");
  if (field === "") {
    const matchText = (trace: TraceView): boolean[] => tests.map((test) => test(trace.json));
    return all
      ? (trace) => matchText(trace).every(Boolean)
      : (trace) => matchText(trace).some(Boolean);
  }
  const path = field.split(".");
  return all
    ? (trace) => {
        const found = trace.values(path);
        return tests.every((test) => matchAny(found, test));
      }
    : (trace) => {
        const found = trace.values(path);
        for (const test of tests) if (matchAny(found, test)) return true;
        return false;
      };
}

function matchAny(found: readonly unknown[], test: ValueTest): boolean {
  if (found.length === 0) return test(undefined);
  for (const value of found) if (test(value)) return true;
  return false;
}

/** The text a field value is compared as (Sigma compares values as strings). */
function asText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

function valueTest(
  value: unknown,
  modifiers: ReadonlySet<SupportedModifier>,
  key: string,
  problems: CompileProblems,
): ValueTest {
  const operators = STRING_OPERATORS.filter((m) => modifiers.has(m));
  const comparison = COMPARISONS.filter((m) => modifiers.has(m));
  if (value === null) {
    if (modifiers.size > 0) problems.invalid(`${key}: null takes no modifiers`);
    return (field) => field === null || field === undefined;
  }
  if (typeof value === "object") problems.invalid(`${key}: a value must be a string or number`);
  if (comparison.length > 0) {
    if (comparison.length > 1 || modifiers.size > 1 || typeof value !== "number")
      problems.invalid(`${key}: |${comparison[0]} takes one number and no other modifier`);
    return numberTest(comparison[0] as (typeof COMPARISONS)[number], value as number);
  }
  const text = String(value);
  if (modifiers.has("re")) {
    if (operators.length > 0 || modifiers.has("cidr"))
      problems.invalid(`${key}: |re does not combine with |${operators[0] ?? "cidr"}`);
    const flags = ["i", "m", "s"].filter((f) => modifiers.has(f as SupportedModifier)).join("");
    let regex: RegExp;
    try {
      regex = new RegExp(text, flags);
    } catch (error) {
      return problems.invalid(`${key}: bad regular expression: ${(error as Error).message}`);
    }
    return (field) => {
      const s = asText(field);
      return s !== undefined && regex.test(s);
    };
  }
  for (const flag of ["i", "m", "s"] as const)
    if (modifiers.has(flag)) problems.invalid(`${key}: |${flag} only follows |re`);
  if (modifiers.has("cidr")) {
    const inRange = cidrMatcher(text);
    if (inRange === null)
      problems.unsupported(`|cidr value ${text}`, "only IPv4 ranges like 10.0.0.0/8 are supported");
    return (field) => {
      const s = asText(field);
      return s !== undefined && (inRange as (v: string) => boolean)(s);
    };
  }
  if (operators.length > 1)
    problems.invalid(`${key}: more than one of contains/startswith/endswith`);
  const pattern =
    operators[0] === "contains"
      ? `*${text}*`
      : operators[0] === "startswith"
        ? `${text}*`
        : operators[0] === "endswith"
          ? `*${text}`
          : text;
  const matches = wildcardMatcher(pattern, modifiers.has("cased"));
  return (field) => {
    const s = asText(field);
    return s !== undefined && matches(s);
  };
}

function numberTest(op: (typeof COMPARISONS)[number], limit: number): ValueTest {
  return (field) => {
    const n = typeof field === "number" ? field : typeof field === "string" ? Number(field) : NaN;
    if (Number.isNaN(n) || (typeof field === "string" && field.trim() === "")) return false;
    return op === "gt"
      ? n > limit
      : op === "gte"
        ? n >= limit
        : op === "lt"
          ? n < limit
          : n <= limit;
  };
}
