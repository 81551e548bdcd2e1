import type { OperationKind } from "@ctsim/catalog/operations";
import { ExtractError, ExtractErrorCode } from "./extract-error.js";
import { categoryOfTsv, type TsvCategory } from "./tsv-categories.js";

/** One row of a research TSV. */
export interface TsvRow {
  readonly category: TsvCategory;
  /** Our wording of the operation, without the Lite Server page's `[Verb]` suffix. */
  readonly operation: string;
  /** Spelled exactly as on the page. */
  readonly resourceType: string;
  /** Spelled exactly as on the page. */
  readonly traceName: string;
  /** The CRUD verb the page states (Lite Server's Operation column), if any. */
  readonly statedKind?: OperationKind;
}

/** A parsed research TSV: one source page. */
export interface ParsedTsv {
  readonly url: string;
  /** The page's date (`YYYY-MM-DD`), or `undefined` when the stored copy shows none. */
  readonly updated: string | undefined;
  readonly title: string;
  readonly rows: readonly TsvRow[];
}

/** Options of {@link parseSourceTsv}. */
export interface ParseSourceTsvOptions {
  /** Name of the source in error messages. Default: `"source"`. */
  readonly sourceName?: string;
  /** How many rows the file must hold. Default: not checked (it must still have rows). */
  readonly expectedRows?: number;
}

const FIRST_LINE = /^# source: (\S+), updated: (.+?), title: (.+)$/;
const DATE = /^(\d{4}-\d{2}-\d{2})(?: \(.+\))?$/;
const HEADER = "category\toperation\tresource_type\ttrace_name";
/** CTS's rule for trace names (as in parse-seed.ts). */
const TRACE_NAME = /^[A-Za-z][0-9A-Za-z._-]{0,63}$/;
const RESOURCE_TYPE = /^[A-Za-z][A-Za-z0-9_]*$/;
const STATED_KIND = / \[(Create|Read|Update|Delete)\]$/;

/**
 * Parses one TSV of `packages/catalog/sources/modelarts-cts-current/`: line 1
 * `# source: <url>, updated: <YYYY-MM-DD[ (note)]|not shown>, title: <title>`, line 2 the header
 * `category operation resource_type trace_name`, then one tab-separated row per line. Resource
 * types and trace names are kept exactly as spelled (mixed naming styles, `Dataset` vs
 * `dataset`, one trace name on two rows); a trailing ` [Create|Read|Update|Delete]` on the
 * operation is the page's stated CRUD verb and is moved to `statedKind`.
 *
 * @throws {ExtractError} when a line does not have that shape, a category is unknown, a trace
 *   name breaks CTS's rule, or the row count differs from `expectedRows`.
 * @example
 * parseSourceTsv(readFileSync(file, "utf8"), { expectedRows: 14 }).rows[0].traceName; // "CreateJobV2"
 */
export function parseSourceTsv(text: string, options: ParseSourceTsvOptions = {}): ParsedTsv {
  const source = options.sourceName ?? "source";
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  const first = FIRST_LINE.exec(lines[0] ?? "");
  if (first === null) {
    throw malformed(`${source}:1: expected "# source: <url>, updated: <date>, title: <title>"`);
  }
  const [, url, updatedText, title] = first as unknown as [string, string, string, string];
  const date = DATE.exec(updatedText);
  if (date === null && updatedText !== "not shown") {
    throw malformed(
      `${source}:1: updated must be YYYY-MM-DD or "not shown", found "${updatedText}"`,
    );
  }
  if (lines[1] !== HEADER) {
    throw malformed(`${source}:2: expected the header ${JSON.stringify(HEADER)}`);
  }
  const rows = lines.slice(2).map((line, index) => rowOf(line, `${source}:${index + 3}`));
  if (rows.length === 0) {
    throw new ExtractError(ExtractErrorCode.emptyTable, `${source}: no rows after the header.`);
  }
  if (options.expectedRows !== undefined && rows.length !== options.expectedRows) {
    throw new ExtractError(
      ExtractErrorCode.unexpectedTotals,
      `${source}: found ${rows.length} rows, expected ${options.expectedRows}. If the file really changed, update its count in tools/catalog-extract/src/current-sources.ts.`,
    );
  }
  return { url, updated: date?.[1], title, rows };
}

function rowOf(line: string, where: string): TsvRow {
  const cells = line.split("\t");
  if (cells.length !== 4 || cells.some((cell) => cell.trim() === "" || cell !== cell.trim())) {
    throw malformed(
      `${where}: expected 4 non-empty tab-separated cells, found ${JSON.stringify(line)}`,
    );
  }
  const [categoryText, operationText, resourceType, traceName] = cells as [
    string,
    string,
    string,
    string,
  ];
  const category = categoryOfTsv(categoryText);
  if (category === undefined) {
    throw new ExtractError(
      ExtractErrorCode.unknownTable,
      `${where}: unknown category "${categoryText}"; add it to TSV_CATEGORIES in tools/catalog-extract/src/tsv-categories.ts.`,
    );
  }
  if (!RESOURCE_TYPE.test(resourceType)) {
    throw malformed(`${where}: resource type "${resourceType}" is not one identifier-like token`);
  }
  if (!TRACE_NAME.test(traceName)) {
    throw malformed(`${where}: trace name "${traceName}" breaks CTS's rule ${TRACE_NAME}`);
  }
  const stated = STATED_KIND.exec(operationText);
  if (stated === null) return { category, operation: operationText, resourceType, traceName };
  return {
    category,
    operation: operationText.slice(0, stated.index),
    resourceType,
    traceName,
    statedKind: stated[1]!.toLowerCase() as OperationKind,
  };
}

function malformed(message: string): ExtractError {
  return new ExtractError(ExtractErrorCode.malformedSource, `${message}.`);
}
