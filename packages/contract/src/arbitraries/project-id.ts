import fc from "fast-check";
import { hexIdArbitrary } from "./user-info.js";

/**
 * Ways the `{project_id}` segment of `/v3/{project_id}/…` can be malformed (project ids are 32
 * lower-case hex digits). The `own-*` and `path-traversal` kinds are built from the caller's own
 * project id, so a provider that matches by prefix, truncates or decodes and normalises the path
 * would serve them.
 */
export const MALFORMED_PROJECT_ID_KINDS = [
  "empty",
  "too-short",
  "too-long",
  "not-hex",
  "upper-case",
  "own-truncated",
  "own-extended",
  "path-traversal",
] as const;

/** One of {@link MALFORMED_PROJECT_ID_KINDS}. */
export type MalformedProjectIdKind = (typeof MALFORMED_PROJECT_ID_KINDS)[number];

/** A malformed project id segment (percent-encoded as it goes into the path) and its kind. */
export interface MalformedProjectId {
  readonly kind: MalformedProjectIdKind;
  readonly projectId: string;
}

/** Options of {@link malformedProjectIdArbitrary} and {@link foreignProjectIdArbitrary}. */
export interface ProjectIdArbitraryOptions {
  /** The caller's own project id, which drawn ids must not equal. Required. */
  readonly projectId: string;
  /** Malformed kinds to draw from. Default: all of {@link MALFORMED_PROJECT_ID_KINDS}. */
  readonly kinds?: readonly MalformedProjectIdKind[];
}

/**
 * A well-formed project id (32 lower-case hex digits) other than `projectId`: of another account
 * with overwhelming probability.
 *
 * @example
 * fc.sample(foreignProjectIdArbitrary({ projectId: own }), 1)[0].length; // 32
 */
export function foreignProjectIdArbitrary(
  options: Pick<ProjectIdArbitraryOptions, "projectId">,
): fc.Arbitrary<string> {
  return hexIdArbitrary().filter((id) => id !== options.projectId);
}

/** Replaces the character at `index` of `text`. */
function replaceAt(text: string, index: number, character: string): string {
  return `${text.slice(0, index)}${character}${text.slice(index + 1)}`;
}

/**
 * A project id segment that is not a well-formed project id: empty, too short or too long, with
 * a non-hex or an upper-case character, the own id truncated or extended, or a path-traversal
 * form such as `..%2F<own id>`.
 *
 * @example
 * fc.sample(malformedProjectIdArbitrary({ projectId: own, kinds: ["empty"] }), 1)[0]; // {kind: "empty", projectId: ""}
 */
export function malformedProjectIdArbitrary(
  options: ProjectIdArbitraryOptions,
): fc.Arbitrary<MalformedProjectId> {
  const own = options.projectId;
  const position = fc.nat({ max: 31 });
  const byKind: Record<MalformedProjectIdKind, fc.Arbitrary<string>> = {
    empty: fc.constant(""),
    "too-short": fc.stringMatching(/^[0-9a-f]{1,31}$/),
    "too-long": fc.stringMatching(/^[0-9a-f]{33,64}$/),
    "not-hex": fc
      .tuple(hexIdArbitrary(), position, fc.constantFrom(..."ghijklmnopqrstuvwxyz"))
      .map(([id, at, letter]) => replaceAt(id, at, letter)),
    "upper-case": fc
      .tuple(hexIdArbitrary(), position, fc.constantFrom(..."ABCDEF"))
      .map(([id, at, letter]) => replaceAt(id, at, letter))
      .filter((id) => id.toLowerCase() !== own.toLowerCase()),
    "own-truncated": fc
      .integer({ min: 1, max: Math.max(1, own.length - 1) })
      .map((n) => own.slice(0, n)),
    "own-extended": fc.stringMatching(/^[0-9a-f]{1,8}$/).map((tail) => `${own}${tail}`),
    "path-traversal": fc.constantFrom(`..%2F${own}`, `${own}%2F..`, `%2E%2E%2F${own}`),
  };
  const kinds = options.kinds ?? MALFORMED_PROJECT_ID_KINDS;
  return fc.oneof(
    { withCrossShrink: true },
    ...kinds.map((kind) =>
      byKind[kind]
        .filter((projectId) => projectId !== own)
        .map((projectId): MalformedProjectId => ({ kind, projectId })),
    ),
  );
}
