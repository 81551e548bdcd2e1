import type { FieldIndex } from "./field-index.js";
import type { ColumnArray } from "./key-column.js";
import type { PostingList } from "./posting-list.js";
import type { RecordArena } from "./record-arena.js";
import { FILTER_FIELDS, type FilterField } from "./trace-fields.js";
import type { TraceQuery } from "./trace-store-types.js";

/** Index of the project each trace is filed under. */
export const PROJECT = "project";
/** Index of the trace kind (`data`, or none for management traces). */
export const KIND = "kind";
/** Every index a store keeps. */
export type IndexName = FilterField | typeof PROJECT | typeof KIND;

/** How to answer a query: the posting list to walk and the columns each position must match. */
export interface QueryPlan {
  readonly list: PostingList;
  readonly columns: readonly ColumnArray[];
  readonly wanted: readonly number[];
}

/**
 * Picks the shortest posting list among the query's constraints (project, kind, filters) and
 * lists the columns to test; `undefined` when a constraint's value was never stored (no match).
 */
export function planQuery(
  query: TraceQuery,
  index: (name: IndexName) => FieldIndex,
): QueryPlan | undefined {
  const columns: ColumnArray[] = [];
  const wanted: number[] = [];
  let shortest: FieldIndex | undefined;
  let shortestId = 0;
  let shortestLength = Number.POSITIVE_INFINITY;
  const constrain = (name: IndexName, key: string): boolean => {
    const fieldIndex = index(name);
    const id = fieldIndex.idOf(key);
    if (id === undefined) return false;
    const length = fieldIndex.postings(id).length;
    if (length < shortestLength) {
      shortest = fieldIndex;
      shortestId = id;
      shortestLength = length;
    }
    columns.push(fieldIndex.column.data);
    wanted.push(id);
    return true;
  };
  if (!constrain(PROJECT, query.projectId)) return undefined;
  if (query.kind === "data" && !constrain(KIND, "data")) return undefined;
  if (query.kind === "system") {
    columns.push(index(KIND).column.data);
    wanted.push(index(KIND).column.none);
  }
  for (const field of FILTER_FIELDS) {
    const key = query.filters?.[field];
    if (key !== undefined && !constrain(field, key)) return undefined;
  }
  return { list: shortest!.postings(shortestId), columns, wanted };
}

/**
 * Walks the plan's posting list backwards (newest first) over positions `[lo, hi)`, keeping
 * up to `limit` positions whose columns all match and that are not `hidden`.
 */
export function collectPage(
  plan: QueryPlan,
  lo: number,
  hi: number,
  limit: number,
  records: RecordArena,
  hidden?: ReadonlySet<number>,
): { traces: Uint8Array[]; last: number; hasMore: boolean } {
  const { list, columns, wanted } = plan;
  const stop = list.lowerBound(lo);
  const traces: Uint8Array[] = [];
  let last = -1;
  let hasMore = false;
  for (let i = list.lowerBound(hi) - 1; i >= stop; i--) {
    const position = list.at(i);
    let match = true;
    for (let c = 0; c < columns.length; c++) {
      if (columns[c]![position] !== wanted[c]) {
        match = false;
        break;
      }
    }
    if (!match || hidden?.has(position)) continue;
    if (traces.length === limit) {
      hasMore = true;
      break;
    }
    traces.push(records.bytes(position));
    last = position;
  }
  return { traces, last, hasMore };
}
