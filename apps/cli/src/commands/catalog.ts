import {
  CATEGORIES,
  type CatalogOperation,
  type Category,
  DEFAULT_REVISION,
  diffRevisions,
  operationsByCategory,
  operationsOf,
  REVISIONS,
  type Revision,
  type RevisionDiff,
} from "@ctsim/catalog";
import { Command, Option } from "commander";
import type { CliIo } from "../cli-io.js";
import type { CommandFactory } from "../command-factory.js";

interface CatalogOptions {
  readonly revision: Revision;
  readonly category?: Category;
  readonly json?: true;
  readonly diff?: true;
}

/** One operation as `ctsim catalog --json` prints it. */
interface OperationJson {
  readonly category: Category;
  readonly operation: string;
  readonly resourceType: string;
  readonly traceName: string;
  readonly revision: Revision;
}

/**
 * `ctsim catalog`: lists the ModelArts operations CTS records, per revision of the key operations
 * page, as an aligned table or JSON; `--diff` shows what changed between the revisions.
 *
 * @example
 * ctsim catalog --revision 2023-11-16 --category training --json
 */
export const catalogCommand: CommandFactory = (io: CliIo): Command =>
  new Command("catalog")
    .description("List the ModelArts operations recorded by CTS (the key operations catalog).")
    .addOption(
      new Option("--revision <date>", "revision of the key operations page")
        .choices(REVISIONS)
        .default(DEFAULT_REVISION),
    )
    .addOption(
      new Option("--category <name>", "only operations of this category").choices(CATEGORIES),
    )
    .option("--json", "print JSON instead of a table")
    .addOption(
      new Option(
        "--diff",
        `show what changed from ${REVISIONS[0]} to ${DEFAULT_REVISION} (the default revision)`,
      ).conflicts(["revision", "category"]),
    )
    .action((options: CatalogOptions) => {
      io.stdout.write(options.diff === true ? renderDiff(options) : renderList(options));
    });

function renderList({ revision, category, json }: CatalogOptions): string {
  const rows =
    category === undefined ? operationsOf(revision) : operationsByCategory(category, revision);
  if (json === true) return `${JSON.stringify(rows.map(toJson), null, 2)}\n`;
  return formatTable(
    ["CATEGORY", "RESOURCE TYPE", "TRACE NAME", "OPERATION"],
    rows.map((row) => [row.category, row.resourceType, row.traceName, row.operation]),
  );
}

function renderDiff({ json }: CatalogOptions): string {
  // The default revision, not the last of REVISIONS: that is the Open Telekom Cloud variant.
  const diff = diffRevisions(REVISIONS[0], DEFAULT_REVISION);
  if (json === true) {
    const body = {
      from: diff.from,
      to: diff.to,
      removed: diff.removed.map(toJson),
      added: diff.added.map(toJson),
      respelled: diff.respelled.map(({ traceName, changes }) => ({ traceName, changes })),
    };
    return `${JSON.stringify(body, null, 2)}\n`;
  }
  return [
    `Changes from ${diff.from} to ${diff.to} (operations matched by trace name)`,
    "",
    ...section(`Removed (${diff.removed.length})`, operationLines(diff.removed)),
    ...section(`Added (${diff.added.length})`, operationLines(diff.added)),
    ...section(`Respelled (${diff.respelled.length})`, respelledLines(diff)),
  ].join("\n");
}

function toJson(row: CatalogOperation): OperationJson {
  const { category, operation, resourceType, traceName, revision } = row;
  return { category, operation, resourceType, traceName, revision };
}

function section(title: string, body: string): readonly string[] {
  return [`${title}:`, body === "" ? "  (none)\n" : body];
}

function operationLines(rows: readonly CatalogOperation[]): string {
  if (rows.length === 0) return "";
  return indent(
    formatTable(
      ["CATEGORY", "RESOURCE TYPE", "TRACE NAME", "OPERATION"],
      rows.map((row) => [row.category, row.resourceType, row.traceName, row.operation]),
    ),
  );
}

function respelledLines(diff: RevisionDiff): string {
  const cells = diff.respelled.flatMap(({ traceName, changes }) =>
    changes.map((change) => [traceName, change.field, change.before, change.after]),
  );
  if (cells.length === 0) return "";
  return indent(formatTable(["TRACE NAME", "FIELD", diff.from, diff.to], cells));
}

function indent(text: string): string {
  return text.replace(/^(?=.)/gm, "  ");
}

/** Left-aligned columns separated by two spaces; the last column is not padded. */
function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column]!.length)));
  return all
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
        .join("  "),
    )
    .map((line) => `${line}\n`)
    .join("");
}
