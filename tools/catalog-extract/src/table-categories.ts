/**
 * Every table title the key operations page has used, mapped to its ctsim category. Titles are
 * matched exactly: a new title means the page changed and a human should look at it.
 */
export const TABLE_CATEGORIES = {
  "Key data management operations traced by CTS": "data-management",
  "Key DevEnviron operations traced by CTS": "development-environment",
  "Key development environment operations traced by CTS": "development-environment",
  "Key training job operations traced by CTS": "training",
  "Key AI application management operations traced by CTS": "model-management",
  "Key model management operations traced by CTS": "model-management",
  "Key service management operations traced by CTS": "service-management",
  "Key AI Gallery operations traced by CTS": "ai-gallery",
  "Key resource management operations traced by CTS": "resource-management",
} as const satisfies Record<string, string>;

/** A category name as the extraction tool knows it (checked against the catalog's type by tsc). */
export type TableCategory = (typeof TABLE_CATEGORIES)[keyof typeof TABLE_CATEGORIES];

/** The category of a known table title, or `undefined` for an unknown one. */
export function categoryOfTitle(title: string): TableCategory | undefined {
  return Object.hasOwn(TABLE_CATEGORIES, title)
    ? TABLE_CATEGORIES[title as keyof typeof TABLE_CATEGORIES]
    : undefined;
}
