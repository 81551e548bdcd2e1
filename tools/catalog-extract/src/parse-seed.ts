import { ExtractError, ExtractErrorCode } from "./extract-error.js";
import { categoryOfTitle, type TableCategory } from "./table-categories.js";

/** One operation row as the page lists it. */
export interface SeedRow {
  readonly operation: string;
  readonly resourceType: string;
  readonly traceName: string;
}

/** One "Table N <title>" of the page with its rows. */
export interface SeedTable {
  /** 1-based table number, as printed. */
  readonly table: number;
  readonly title: string;
  readonly category: TableCategory;
  readonly rows: readonly SeedRow[];
}

/** A parsed copy of the key operations page. */
export interface ParsedSeed {
  /** The "Updated on" date (`YYYY-MM-DD`). */
  readonly updated: string;
  readonly tables: readonly SeedTable[];
}

/** Options of {@link parseSeed}. */
export interface ParseSeedOptions {
  /** Name of the source in error messages. Default: `"source"`. */
  readonly sourceName?: string;
  /** The "Updated on" date the page must carry. Default: not checked. */
  readonly expectedUpdated?: string;
  /** Rows per table, in table order. Default: not checked (tables must still have rows). */
  readonly expectedRowsPerTable?: readonly number[];
}

/** CTS's rule for trace names: 1 to 64 of `[0-9A-Za-z._-]`, starting with a letter. */
const TRACE_NAME = /^[A-Za-z][0-9A-Za-z._-]{0,63}$/;
/** A resource type is one identifier-like token; anything else is prose, not a table cell. */
const RESOURCE_TYPE = /^[A-Za-z][A-Za-z0-9_]*$/;
const TABLE_LINE = /^Table (\d+) (.+)$/;
const UPDATED_LINE = /^Updated on (\d{4}-\d{2}-\d{2})\b/;
const HEADER = ["Operation", "Resource Type", "Trace"] as const;

/**
 * Parses a text copy of ModelArts' "Key Operations Recorded by CTS" page. Each table is a
 * "Table N <title>" line, the header lines Operation / Resource Type / Trace, then triples of
 * non-empty lines. A table ends at the first triple that does not fit (resource type not one
 * token, or trace name breaking CTS's rule), which skips the navigation and prose around it.
 * Texts are kept exactly as written.
 *
 * @throws {ExtractError} when a title is unknown, a table has no rows or no header, the page has
 *   no tables or no "Updated on" line, or the counts differ from `expectedRowsPerTable`.
 * @example
 * const seed = parseSeed(readFileSync(file, "utf8"), { expectedRowsPerTable: [42, 8] });
 */
export function parseSeed(text: string, options: ParseSeedOptions = {}): ParsedSeed {
  const source = options.sourceName ?? "source";
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");

  const updated = findUpdated(lines, source);
  if (options.expectedUpdated !== undefined && updated !== options.expectedUpdated) {
    throw new ExtractError(
      ExtractErrorCode.malformedSource,
      `${source}: the page says "Updated on ${updated}" but revision ${options.expectedUpdated} was expected; check that the file is the right copy.`,
    );
  }

  const tables: SeedTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = TABLE_LINE.exec(lines[i]!);
    if (match === null) continue;
    const table = Number(match[1]);
    const title = match[2]!;
    const where = `${source}: Table ${table} "${title}"`;
    const category = categoryOfTitle(title);
    if (category === undefined) {
      throw new ExtractError(
        ExtractErrorCode.unknownTable,
        `${where}: unknown table title; add it to TABLE_CATEGORIES in tools/catalog-extract/src/table-categories.ts with its category.`,
      );
    }
    if (table !== tables.length + 1) {
      throw new ExtractError(
        ExtractErrorCode.malformedSource,
        `${where}: expected Table ${tables.length + 1} here; tables must be numbered 1, 2, 3, ... in order.`,
      );
    }
    const header = lines.slice(i + 1, i + 1 + HEADER.length);
    if (header.join("\n") !== HEADER.join("\n")) {
      throw new ExtractError(
        ExtractErrorCode.malformedSource,
        `${where}: expected the header lines ${HEADER.join(" / ")}, found ${header.map((line) => JSON.stringify(line)).join(" / ") || "nothing"}.`,
      );
    }
    i += HEADER.length;
    const rows: SeedRow[] = [];
    while (i + 3 < lines.length) {
      const row = rowAt(lines, i + 1);
      if (row === undefined) break;
      rows.push(row);
      i += 3;
    }
    if (rows.length === 0) {
      throw new ExtractError(
        ExtractErrorCode.emptyTable,
        `${where}: no rows after the header; each row must be three lines (operation, a one-word resource type, a trace name matching ${TRACE_NAME}).`,
      );
    }
    tables.push({ table, title, category, rows });
  }

  if (tables.length === 0) {
    throw new ExtractError(
      ExtractErrorCode.malformedSource,
      `${source}: no "Table N <title>" line found; is this a copy of the key operations page?`,
    );
  }
  checkUniqueTraceNames(tables, source);
  if (options.expectedRowsPerTable !== undefined) {
    checkTotals(tables, options.expectedRowsPerTable, source);
  }
  return { updated, tables };
}

function findUpdated(lines: readonly string[], source: string): string {
  for (const line of lines) {
    const match = UPDATED_LINE.exec(line);
    if (match !== null) return match[1]!;
  }
  throw new ExtractError(
    ExtractErrorCode.malformedSource,
    `${source}: no "Updated on YYYY-MM-DD" line found; the revision date cannot be checked.`,
  );
}

/** The row starting at `start`, or `undefined` when the three lines there are not a row. */
function rowAt(lines: readonly string[], start: number): SeedRow | undefined {
  const [operation, resourceType, traceName] = lines.slice(start, start + 3);
  if (operation === undefined || resourceType === undefined || traceName === undefined) {
    return undefined;
  }
  if (TABLE_LINE.test(operation)) return undefined;
  if (!RESOURCE_TYPE.test(resourceType) || !TRACE_NAME.test(traceName)) return undefined;
  return { operation, resourceType, traceName };
}

function checkUniqueTraceNames(tables: readonly SeedTable[], source: string): void {
  const seen = new Map<string, number>();
  for (const { table, rows } of tables) {
    for (const { traceName } of rows) {
      const first = seen.get(traceName);
      if (first !== undefined) {
        throw new ExtractError(
          ExtractErrorCode.malformedSource,
          `${source}: trace name "${traceName}" appears in Table ${first} and again in Table ${table}; lookups by trace name need it to be unique.`,
        );
      }
      seen.set(traceName, table);
    }
  }
}

function checkTotals(
  tables: readonly SeedTable[],
  expected: readonly number[],
  source: string,
): void {
  const actual = tables.map((table) => table.rows.length);
  if (actual.join(",") === expected.join(",")) return;
  const sum = (counts: readonly number[]): number => counts.reduce((a, b) => a + b, 0);
  throw new ExtractError(
    ExtractErrorCode.unexpectedTotals,
    `${source}: found ${tables.length} tables with ${sum(actual)} rows [${actual.join(", ")}], expected ${expected.length} tables with ${sum(expected)} rows [${expected.join(", ")}]. If the page really changed, update expectedRowsPerTable in tools/catalog-extract/src/seed-sources.ts.`,
  );
}
