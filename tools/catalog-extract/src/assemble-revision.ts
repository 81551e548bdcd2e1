import { createHash } from "node:crypto";
import { type CategoryCoverage, deriveTraits } from "@ctsim/catalog/operations";
import type { BuiltRevision, BuiltRow, BuiltTable, SourceDigest } from "./built-revision.js";
import { type CategoryPlan, CURRENT_SOURCE_DIR, type RevisionPlan } from "./current-sources.js";
import { ExtractError, ExtractErrorCode } from "./extract-error.js";
import type { LoadedTsv } from "./load-current-sources.js";
import type { TsvRow } from "./parse-source-tsv.js";

/** Options of {@link assembleRevision}. */
export interface AssembleRevisionOptions {
  readonly plan: RevisionPlan;
  /** Every loaded TSV, by file name. */
  readonly tsvs: ReadonlyMap<string, LoadedTsv>;
  /** The already built revisions a plan may keep rows from (the seeds). */
  readonly earlier: readonly BuiltRevision[];
}

/**
 * Builds a revision from its plan: per category, the primary page's rows in page order, then the
 * rows a secondary page adds (`take`), then the rows of `keepFrom` whose trace name the revision
 * does not list yet. Each part is one table. Rows carry traits: the kind the page states (Lite
 * Server), the rest derived from the trace name and marked so.
 *
 * @throws {ExtractError} when a planned file or category is missing, a secondary page has a row
 *   the primary lacks and the plan does not take, a `take` entry matches no row, one trace name
 *   is used in two categories or resource types, or a Huawei Cloud revision's date is not the
 *   newest of its pages.
 */
export function assembleRevision(options: AssembleRevisionOptions): BuiltRevision {
  const { plan, tsvs, earlier } = options;
  const where = `revision ${plan.revision}`;
  const tables: BuiltTable[] = [];
  const coverage: CategoryCoverage[] = [];
  const used = new Map<string, LoadedTsv>();
  const fileOf = (name: string): LoadedTsv => {
    const loaded = tsvs.get(name);
    if (loaded === undefined)
      throw malformed(`${where}: the plan names ${name}, which was not loaded`);
    used.set(name, loaded);
    return loaded;
  };
  const listed = new Set<string>();
  for (const part of plan.categories) {
    const before = tables.length;
    const primary = part.primary === undefined ? undefined : fileOf(part.primary);
    const primaryRows = primary === undefined ? [] : rowsOf(primary, part, where);
    if (primary !== undefined) pushTable(tables, part, primary, primaryRows.map(builtRow));
    for (const secondary of part.secondary ?? []) {
      const loaded = fileOf(secondary.file);
      const taken = takenRows(loaded, part, primaryRows, secondary.take, where);
      if (taken.length > 0) pushTable(tables, part, loaded, taken.map(builtRow));
    }
    for (const table of tables.slice(before)) {
      for (const row of table.rows) listed.add(row.traceName);
    }
    let keptRows = 0;
    if (part.keepFrom !== undefined) {
      const kept = keptTables(part, earlier, listed, where);
      for (const table of kept) {
        tables.push({ ...table, table: tables.length + 1 });
        keptRows += table.rows.length;
      }
    }
    const rows = tables.slice(before).reduce((sum, table) => sum + table.rows.length, 0);
    if (rows === 0) throw malformed(`${where}: category ${part.category} has no rows`);
    coverage.push({
      category: part.category,
      coverage: part.coverage,
      rows,
      keptRows,
      note: part.note,
    });
  }
  checkSharedTraceNames(tables, where);
  const sources = [...used.values()]
    .map(({ file, sha256 }): SourceDigest => ({ file, sha256 }))
    .sort((a, b) => (a.file < b.file ? -1 : 1));
  checkUpdated(plan, [...used.values()], where);
  const single = sources.length === 1 ? sources[0]! : undefined;
  return {
    revision: plan.revision,
    updated: plan.updated,
    cloud: plan.cloud,
    sourceFile: single?.file ?? CURRENT_SOURCE_DIR,
    sha256: single?.sha256 ?? manifestSha256(used),
    sources,
    tables,
    coverage,
  };
}

function rowsOf(loaded: LoadedTsv, part: CategoryPlan, where: string): readonly TsvRow[] {
  const rows = loaded.tsv.rows.filter((row) => row.category === part.category);
  if (rows.length === 0) {
    throw malformed(`${where}: ${loaded.name} has no ${part.category} rows`);
  }
  return rows;
}

function takenRows(
  loaded: LoadedTsv,
  part: CategoryPlan,
  primaryRows: readonly TsvRow[],
  take: readonly string[],
  where: string,
): readonly TsvRow[] {
  const rows = rowsOf(loaded, part, where);
  for (const operation of take) {
    if (!rows.some((row) => row.operation === operation)) {
      throw malformed(
        `${where}: ${loaded.name} has no ${part.category} row "${operation}" to take`,
      );
    }
  }
  const taken: TsvRow[] = [];
  for (const row of rows) {
    if (take.includes(row.operation)) {
      taken.push(row);
      continue;
    }
    const repeats = primaryRows.some(
      (p) => p.traceName === row.traceName && p.resourceType === row.resourceType,
    );
    if (!repeats) {
      throw malformed(
        `${where}: ${loaded.name} lists "${row.operation}" (${row.resourceType} ${row.traceName}), which its primary page does not; add it to the plan's take list or fix the source`,
      );
    }
  }
  return taken;
}

function keptTables(
  part: CategoryPlan,
  earlier: readonly BuiltRevision[],
  listed: ReadonlySet<string>,
  where: string,
): readonly BuiltTable[] {
  const from = earlier.find((built) => built.revision === part.keepFrom);
  if (from === undefined) throw malformed(`${where}: keepFrom ${part.keepFrom} is not built yet`);
  return from.tables
    .filter((table) => table.category === part.category)
    .map((table) => ({
      table: 0,
      title: table.title,
      category: part.category,
      sourceFile: from.sourceFile,
      keptFrom: from.revision,
      rows: table.rows
        .filter((row) => !listed.has(row.traceName))
        .map(({ operation, resourceType, traceName }) => ({
          operation,
          resourceType,
          traceName,
          traits: deriveTraits(traceName),
        })),
    }))
    .filter((table) => table.rows.length > 0);
}

function pushTable(
  tables: BuiltTable[],
  part: CategoryPlan,
  loaded: LoadedTsv,
  rows: readonly BuiltRow[],
): void {
  tables.push({
    table: tables.length + 1,
    title: loaded.tsv.title,
    category: part.category,
    sourceFile: loaded.file,
    rows,
  });
}

function builtRow(row: TsvRow): BuiltRow {
  const { operation, resourceType, traceName, statedKind } = row;
  const traits =
    statedKind === undefined ? deriveTraits(traceName) : deriveTraits(traceName, { statedKind });
  return { operation, resourceType, traceName, traits };
}

/** A trace name on two rows must be one API serving two operations: same category and type. */
function checkSharedTraceNames(tables: readonly BuiltTable[], where: string): void {
  const first = new Map<string, { category: string; resourceType: string }>();
  for (const { category, rows } of tables) {
    for (const { traceName, resourceType } of rows) {
      const seen = first.get(traceName);
      if (seen === undefined) {
        first.set(traceName, { category, resourceType });
      } else if (seen.category !== category || seen.resourceType !== resourceType) {
        throw malformed(
          `${where}: trace name ${traceName} is ${seen.category}/${seen.resourceType} and also ${category}/${resourceType}; lookups by trace name need one category and resource type per name`,
        );
      }
    }
  }
}

function checkUpdated(plan: RevisionPlan, used: readonly LoadedTsv[], where: string): void {
  if (plan.cloud !== "huawei-cloud") return;
  const newest = used
    .map(({ tsv }) => tsv.updated)
    .filter((date): date is string => date !== undefined)
    .sort()
    .at(-1);
  if (newest !== plan.updated) {
    throw malformed(`${where}: the newest page is dated ${newest}, the plan says ${plan.updated}`);
  }
}

/** SHA-256 of `sha256sum`'s output for the used files, sorted by name. */
function manifestSha256(used: ReadonlyMap<string, LoadedTsv>): string {
  const manifest = [...used.values()]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map(({ name, sha256 }) => `${sha256}  ${name}\n`)
    .join("");
  return createHash("sha256").update(manifest).digest("hex");
}

function malformed(message: string): ExtractError {
  return new ExtractError(ExtractErrorCode.malformedSource, `${message}.`);
}
