import { useEffect, useRef, useState } from "preact/hooks";
import type { ExplorerProject } from "../site/explorer-assets.js";
import { EXPLORER_PATHS } from "../site/explorer-assets.js";
import type { Connection } from "./api/connection.js";
import { listTraces, nextMarker, readLabels, walkTraces } from "./api/cts-client.js";
import { scenarioTraces } from "./api/scenario-traces.js";
import { ConnectionBar } from "./components/connection-bar.js";
import { FilterForm } from "./components/filter-form.js";
import { Histogram, type HistogramState } from "./components/histogram.js";
import { TraceDetail } from "./components/trace-detail.js";
import { TraceList } from "./components/trace-list.js";
import { UserView } from "./components/user-view.js";
import { defaultFilters, type Filters, searchedFilters } from "./model/filters.js";
import { addToBins, emptyBins, HOUR_MS } from "./model/hour-bins.js";
import { type LabelIndex, labelIndex, labelsInWindow } from "./model/labels.js";
import type { Trace } from "./model/trace.js";

/** Rows per list page: one screen at 1280×800 and a few more. */
const LIST_LIMIT = 50;
/** Pages of 200 the histogram walks before it says it counted only the newest traces. */
const HISTOGRAM_MAX_PAGES = 100;
/** Pages of 200 the user view walks. */
const USER_MAX_PAGES = 25;

interface ListState {
  readonly traces: readonly Trace[];
  readonly next: string | undefined;
  readonly loading: boolean;
  /** With a scenario chosen: what the list holds of it. */
  readonly note?: string;
}

const NO_LABELS = labelIndex([]);

interface ProjectsDocument {
  readonly projects: readonly ExplorerProject[];
  readonly auth: Connection["auth"];
  /** The server's history grows (`serve --live`): the window follows the clock. */
  readonly live?: boolean;
}

/** The explorer: connection, filters, histogram, list, and the detail or user view beside it. */
export function App() {
  const [projects, setProjects] = useState<readonly ExplorerProject[]>([]);
  const [connection, setConnection] = useState<Connection | undefined>();
  const [filters, setFilters] = useState<Filters>(() => defaultFilters(Date.now()));
  const [list, setList] = useState<ListState>({ traces: [], next: undefined, loading: false });
  const [histogram, setHistogram] = useState<HistogramState>({
    bins: [],
    counted: 0,
    complete: false,
    partial: false,
  });
  const [selected, setSelected] = useState<Trace | undefined>();
  const [user, setUser] = useState<
    { name: string; traces: Trace[]; complete: boolean } | undefined
  >();
  const [error, setError] = useState<string | undefined>();
  const generation = useRef(0);
  const [labels, setLabels] = useState<LabelIndex>(NO_LABELS);
  /** The labels of the current connection, for the list of a chosen scenario. */
  const labelsRead = useRef<Promise<LabelIndex>>(Promise.resolve(NO_LABELS));

  useEffect(() => {
    fetch(EXPLORER_PATHS.projects)
      .then((r) => r.json() as Promise<ProjectsDocument>)
      .then((doc) => {
        setProjects(doc.projects);
        if (doc.live === true) setFilters(defaultFilters(Date.now(), true));
        const first = doc.projects[0]?.projectId ?? "";
        // Without auth the first project's traces show at once; with auth, once credentials are entered.
        setConnection({ projectId: first, auth: doc.auth, ak: "", sk: "", token: "" });
      })
      .catch((e: Error) => setError(`cannot read the project list: ${e.message}`));
  }, []);

  const ready =
    connection !== undefined &&
    connection.projectId !== "" &&
    (connection.auth !== "aksk" || connection.sk !== "") &&
    (connection.auth !== "token" || connection.token !== "");

  // Another project or account: its labels are not these.
  useEffect(() => setLabels(NO_LABELS), [connection]);

  // Before the list's effect: a chosen scenario's list waits for these labels. Read again at
  // every search, so that occurrences a live server produced since show (the old ones stay up
  // meanwhile).
  useEffect(() => {
    if (!ready || connection === undefined) return;
    const read = readLabels(connection).then(
      (answer) => labelIndex(answer.labels),
      (e: Error) => {
        setError(`scenario labels: ${e.message}`);
        return NO_LABELS;
      },
    );
    labelsRead.current = read;
    void read.then((index) => labelsRead.current === read && setLabels(index));
  }, [connection, ready, filters]);

  useEffect(() => {
    if (!ready || connection === undefined) return;
    const run = ++generation.current;
    const current = () => generation.current === run;
    setError(undefined);
    setList({ traces: [], next: undefined, loading: true });
    const shown =
      filters.scenario === ""
        ? listTraces(connection, filters, LIST_LIMIT).then((page) => ({
            traces: page.traces,
            next: nextMarker(page, LIST_LIMIT),
            loading: false,
          }))
        : labelsRead.current
            .then((index) => scenarioTraces(connection, filters, index.labels, () => !current()))
            .then(
              ({ traces, occurrences, outside }): ListState => ({
                traces,
                next: undefined,
                loading: false,
                note: `${traces.length} traces of ${filters.scenario} (${occurrences} occurrences in the window)${outside > 0 ? `; ${outside} more are outside these filters (another trace type or filter)` : ""}`,
              }),
            );
    shown
      .then((state) => {
        if (!current()) return;
        setList(state);
        document.body.dataset.listReady = String(run);
        // Read by the first-paint measurement (test and bench): when the first list was shown.
        if (run === 1) requestAnimationFrame(() => performance.mark("ctsim:first-list"));
      })
      .catch((e: Error) => {
        if (!current()) return;
        setList({ traces: [], next: undefined, loading: false });
        setError(e.message);
      });
    const bins = emptyBins(filters.from, filters.to);
    let counted = 0;
    setHistogram({ bins, counted, complete: false, partial: false });
    walkTraces(connection, filters, {
      maxPages: HISTOGRAM_MAX_PAGES,
      isCancelled: () => !current(),
      onPage: (traces) => {
        addToBins(bins, traces);
        counted += traces.length;
        setHistogram({ bins: [...bins], counted, complete: false, partial: false });
      },
    })
      .then(({ complete }) => {
        if (current()) setHistogram({ bins: [...bins], counted, complete, partial: !complete });
      })
      .catch((e: Error) => current() && setError(`histogram: ${e.message}`));
  }, [connection, filters, ready]);

  const more = () => {
    if (connection === undefined || list.next === undefined) return;
    const run = generation.current;
    setList({ ...list, loading: true });
    listTraces(connection, filters, LIST_LIMIT, list.next)
      .then((page) => {
        if (generation.current !== run) return;
        setList({
          traces: [...list.traces, ...page.traces],
          next: nextMarker(page, LIST_LIMIT),
          loading: false,
        });
      })
      .catch((e: Error) => {
        setList({ ...list, loading: false });
        setError(e.message);
      });
  };

  const showUser = (name: string) => {
    if (connection === undefined) return;
    const traces: Trace[] = [];
    setUser({ name, traces, complete: false });
    // The user's whole activity in the window, whatever the other filters.
    const { trace_type, from, to } = filters;
    walkTraces(
      connection,
      { ...defaultFilters(to), trace_type, from, to, user: name },
      {
        maxPages: USER_MAX_PAGES,
        isCancelled: () => false,
        onPage: (page) => {
          traces.push(...page);
          setUser({ name, traces: [...traces], complete: false });
        },
      },
    )
      .then(({ complete }) => setUser({ name, traces: [...traces], complete }))
      .catch((e: Error) => setError(`user ${name}: ${e.message}`));
  };

  /**
   * A search: the list, histogram and labels are read again, even with the same filters; a
   * window that follows the clock ends now.
   */
  const applyFilters = (next: Filters) => {
    setSelected(undefined);
    setFilters(searchedFilters(next, Date.now(), filters));
  };

  return (
    <div class={selected !== undefined || user !== undefined ? "layout with-panel" : "layout"}>
      <header class="top">
        <h1>ctsim trace explorer</h1>
        {connection !== undefined && (
          <ConnectionBar
            projects={projects}
            connection={connection}
            onConnect={(c) => setConnection(c)}
          />
        )}
      </header>
      <aside class="side">
        <FilterForm filters={filters} onApply={applyFilters} scenarios={labels.scenarios} />
      </aside>
      <main class="main">
        {error !== undefined && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        {!ready && (
          <p class="hint">Enter a project and the credentials the server accepts, then Connect.</p>
        )}
        {ready && (
          <Histogram
            state={histogram}
            onBrush={(from, to) => applyFilters({ ...filters, from, to, untilNow: false })}
            labels={labelsInWindow(labels.labels, filters.from, filters.to, filters.scenario)}
            onMark={(label) =>
              applyFilters({
                ...filters,
                from: Math.floor(label.from / HOUR_MS) * HOUR_MS,
                to: (Math.floor(label.to / HOUR_MS) + 1) * HOUR_MS - 1,
                untilNow: false,
              })
            }
          />
        )}
        <TraceList
          traces={list.traces}
          selectedId={selected?.trace_id}
          onSelect={setSelected}
          labelOf={(id) => labels.byTrace.get(id)}
          labelled={labels.labels.length > 0}
        />
        <p class="list-status" aria-live="polite">
          {list.loading
            ? "loading…"
            : `${list.note ?? `${list.traces.length} traces shown`}${list.next === undefined ? ", end of the list" : ""}`}
        </p>
        {list.next !== undefined && !list.loading && (
          <button type="button" class="more" onClick={more}>
            More traces
          </button>
        )}
      </main>
      {(selected !== undefined || user !== undefined) && (
        <aside class="panel">
          {selected !== undefined && (
            <TraceDetail
              trace={selected}
              onClose={() => setSelected(undefined)}
              onResource={(resource_id) =>
                applyFilters({
                  ...defaultFilters(filters.to, filters.untilNow),
                  from: filters.from,
                  to: filters.to,
                  trace_type: filters.trace_type,
                  resource_id,
                })
              }
              onUser={showUser}
            />
          )}
          {user !== undefined && (
            <UserView
              user={user.name}
              traces={user.traces}
              complete={user.complete}
              onClose={() => setUser(undefined)}
            />
          )}
        </aside>
      )}
    </div>
  );
}
