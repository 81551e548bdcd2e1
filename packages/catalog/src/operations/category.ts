/**
 * Categories of ModelArts operations, one per table of the key operations page (2023-11-16,
 * 2025-02-07, Open Telekom Cloud) or per guide page of today's Help Center (2026-09-20). The
 * page names some of them differently across revisions ("DevEnviron" became "development
 * environment", "AI application management" became "model management"); the category stays the
 * same. The last three exist only in 2026-09-20: inference deployment (new version, `serviceV2`
 * and `apikeyV2`), Lite Server, and MaaS (now a Help Center product of its own).
 */
export const CATEGORIES = [
  "data-management",
  "development-environment",
  "training",
  "model-management",
  "service-management",
  "ai-gallery",
  "resource-management",
  "inference",
  "lite-server",
  "maas",
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
