import { fileURLToPath } from "node:url";

/** The repository root (this file is at tools/catalog-extract/src/), whatever the cwd. */
export const REPO_ROOT: string = fileURLToPath(new URL("../../../", import.meta.url));
