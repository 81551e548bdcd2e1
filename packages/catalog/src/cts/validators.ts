import type { Static, TSchema } from "@sinclair/typebox";
import { type TypeCheck, TypeCompiler } from "@sinclair/typebox/compiler";
import { type ValueError, ValueErrorType } from "@sinclair/typebox/errors";
import { SchemaIssueCode } from "./schema-issue-code.js";
import { CTS_SCHEMAS, type CtsSchemaName } from "./schema-registry.js";

/** One way a value breaks a schema: where (a JSON Pointer), what kind, and a readable message. */
export interface SchemaIssue {
  readonly code: SchemaIssueCode;
  readonly path: string;
  readonly message: string;
}

/** A compiled validator for one schema. */
export interface Validator<T> {
  /** True when `value` matches; narrows its type. Fast: no allocation on success. */
  check(value: unknown): value is T;
  /** Every violation (at most `max`, default 20), empty when the value is valid. */
  issues(value: unknown, max?: number): SchemaIssue[];
}

/** Compiles a validator for any TypeBox schema (compiled on first use). */
export function compileValidator<T extends TSchema>(schema: T): Validator<Static<T>> {
  let compiled: TypeCheck<T> | undefined;
  const get = (): TypeCheck<T> => {
    compiled ??= TypeCompiler.Compile(schema);
    return compiled;
  };
  return {
    check: (value: unknown): value is Static<T> => get().Check(value),
    issues: (value, max = 20) => {
      const found: SchemaIssue[] = [];
      for (const error of get().Errors(value)) {
        // A missing property is reported once, as "required", not again as a type mismatch.
        const missing = error.value === undefined;
        if (missing && error.type !== ValueErrorType.ObjectRequiredProperty) continue;
        found.push(toIssue(error));
        if (found.length >= max) break;
      }
      return found;
    },
  };
}

const cache = new Map<CtsSchemaName, Validator<unknown>>();

/**
 * The validator of a named CTS schema.
 *
 * @example
 * const issues = validatorFor("ApiTrace").issues(JSON.parse(line));
 */
export function validatorFor<N extends CtsSchemaName>(
  name: N,
): Validator<Static<(typeof CTS_SCHEMAS)[N]>> {
  let validator = cache.get(name);
  if (!validator) {
    validator = compileValidator(CTS_SCHEMAS[name]);
    cache.set(name, validator);
  }
  return validator as Validator<Static<(typeof CTS_SCHEMAS)[N]>>;
}

function toIssue(error: ValueError): SchemaIssue {
  const path = error.path || "/";
  const subject = error.path ? `${error.path.slice(1)}` : "value";
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return { code: SchemaIssueCode.required, path, message: `${subject} is required` };
    case ValueErrorType.Union:
      return unionIssue(error, path, subject);
    case ValueErrorType.StringPattern:
      return {
        code: SchemaIssueCode.pattern,
        path,
        message: `${subject} ${JSON.stringify(error.value)} does not match ${String(error.schema.pattern)}`,
      };
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMinimum:
    case ValueErrorType.IntegerMaximum:
    case ValueErrorType.StringMinLength:
    case ValueErrorType.StringMaxLength:
    case ValueErrorType.ArrayMinItems:
    case ValueErrorType.ArrayMaxItems:
      return {
        code: SchemaIssueCode.range,
        path,
        message: `${subject}: ${error.message.toLowerCase()}`,
      };
    case ValueErrorType.String:
    case ValueErrorType.Number:
    case ValueErrorType.Integer:
    case ValueErrorType.Boolean:
    case ValueErrorType.Object:
    case ValueErrorType.Array:
    case ValueErrorType.Null:
      return {
        code: SchemaIssueCode.type,
        path,
        message: `${subject} must be ${expectedType(error.schema)}, got ${describe(error.value)}`,
      };
    default:
      return { code: SchemaIssueCode.other, path, message: `${subject}: ${error.message}` };
  }
}

function unionIssue(error: ValueError, path: string, subject: string): SchemaIssue {
  const variants = (error.schema.anyOf ?? []) as TSchema[];
  const constants = variants.filter((variant) => "const" in variant).map((v) => v.const);
  if (constants.length === variants.length && constants.length > 0) {
    return {
      code: SchemaIssueCode.enum,
      path,
      message: `${subject} must be one of ${constants.map((c) => JSON.stringify(c)).join(", ")}, got ${describe(error.value)}`,
    };
  }
  const expected = variants.map(expectedType).join(" or ");
  return {
    code: SchemaIssueCode.type,
    path,
    message: `${subject} must be ${expected}, got ${describe(error.value)}`,
  };
}

function expectedType(schema: TSchema): string {
  if ("const" in schema) return JSON.stringify(schema.const);
  return typeof schema.type === "string" ? article(schema.type) : "a valid value";
}

function article(type: string): string {
  return type === "null" ? "null" : `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}
