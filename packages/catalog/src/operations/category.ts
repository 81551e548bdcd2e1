/**
 * Categories of ModelArts operations, one per table of the key operations page. The page names
 * some of them differently across revisions ("DevEnviron" became "development environment",
 * "AI application management" became "model management"); the category stays the same.
 */
export const CATEGORIES = [
  "data-management",
  "development-environment",
  "training",
  "model-management",
  "service-management",
  "ai-gallery",
  "resource-management",
] as const;

/** One of {@link CATEGORIES}. */
export type Category = (typeof CATEGORIES)[number];

/**
 * Tells whether a string names a known category.
 *
 * @example
 * isCategory("training"); // true
 */
export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}
