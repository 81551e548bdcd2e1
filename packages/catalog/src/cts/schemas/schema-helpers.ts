import { type TLiteral, type TNull, type TSchema, type TUnion, Type } from "@sinclair/typebox";

/** A string restricted to `values`, emitted as JSON Schema `anyOf` of `const`s. */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: { description?: string } = {},
): TUnion<TLiteral<T[number]>[]> {
  const literals = values.map((value) => Type.Literal(value));
  return Type.Union(literals, options) as unknown as TUnion<TLiteral<T[number]>[]>;
}

/** `schema` or JSON `null`. */
export function Nullable<T extends TSchema>(schema: T): TUnion<[T, TNull]> {
  return Type.Union([schema, Type.Null()]);
}

/** UTC milliseconds since the Unix epoch (13 digits for any date after 2001). */
export const EpochMillis = Type.Integer({
  minimum: 0,
  description: "UTC milliseconds since the Unix epoch",
});

/** CTS's rule for trace names: 1–64 characters of `[0-9A-Za-z._-]`, starting with a letter. */
export const TRACE_NAME_PATTERN = "^[A-Za-z][0-9A-Za-z._-]{0,63}$";
