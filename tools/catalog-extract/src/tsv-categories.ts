/**
 * The categories the research TSVs use, mapped to ctsim's categories (checked against the
 * catalog's type by tsc where they are used). `dev-environment` is the TSVs' short name.
 */
export const TSV_CATEGORIES = {
  "data-management": "data-management",
  "dev-environment": "development-environment",
  training: "training",
  "model-management": "model-management",
  "service-management": "service-management",
  "ai-gallery": "ai-gallery",
  "resource-management": "resource-management",
  inference: "inference",
  "lite-server": "lite-server",
  maas: "maas",
} as const satisfies Record<string, string>;

/** A ctsim category as a TSV row maps to it. */
export type TsvCategory = (typeof TSV_CATEGORIES)[keyof typeof TSV_CATEGORIES];

/** The category of a TSV's category cell, or `undefined` for an unknown one. */
export function categoryOfTsv(cell: string): TsvCategory | undefined {
  return Object.hasOwn(TSV_CATEGORIES, cell)
    ? TSV_CATEGORIES[cell as keyof typeof TSV_CATEGORIES]
    : undefined;
}
