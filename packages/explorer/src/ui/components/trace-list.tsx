import type { ExplorerLabel } from "../../site/explorer-assets.js";
import { labelKind } from "../model/labels.js";
import { utcText } from "../model/time-text.js";
import type { Trace } from "../model/trace.js";

/**
 * The trace list, newest first as the API sends it; a row opens its detail (click or Enter).
 * When the server knows scenario labels (`labelled`), a Scenario column badges each trace of a
 * labelled occurrence: the scenario's id, attack or benign.
 */
export function TraceList(props: {
  readonly traces: readonly Trace[];
  readonly selectedId: string | undefined;
  readonly onSelect: (trace: Trace) => void;
  readonly labelOf: (traceId: string) => ExplorerLabel | undefined;
  readonly labelled: boolean;
}) {
  return (
    <table class="traces">
      <caption class="sr-only">Traces, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Time (UTC)</th>
          <th scope="col">Trace name</th>
          <th scope="col">Rating</th>
          {props.labelled && (
            <th scope="col" class="scenario-col">
              Scenario
            </th>
          )}
          <th scope="col" class="wide">
            Service
          </th>
          <th scope="col" class="wide">
            Resource type
          </th>
          <th scope="col">Resource name</th>
          <th scope="col" class="wide">
            User
          </th>
        </tr>
      </thead>
      <tbody>
        {props.traces.map((trace) => {
          const label = props.labelOf(trace.trace_id);
          return (
            <tr
              key={trace.trace_id}
              data-trace-id={trace.trace_id}
              tabIndex={0}
              aria-selected={trace.trace_id === props.selectedId}
              onClick={() => props.onSelect(trace)}
              onKeyDown={(e) => {
                if (e.key === "Enter" || e.key === " ") {
                  e.preventDefault();
                  props.onSelect(trace);
                }
              }}
            >
              <td class="mono">{utcText(trace.time)}</td>
              <td>{trace.trace_name}</td>
              <td>
                <span class={`rating rating-${trace.trace_rating}`}>{trace.trace_rating}</span>
              </td>
              {props.labelled && <td>{label !== undefined && <LabelBadge label={label} />}</td>}
              <td class="wide">{trace.service_type}</td>
              <td class="wide">{trace.resource_type}</td>
              <td>{trace.resource_name}</td>
              <td class="wide">{trace.user?.name}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A scenario's badge: its id, styled and named as an attack or a benign look-alike. */
export function LabelBadge(props: { readonly label: ExplorerLabel }) {
  const { label } = props;
  const kind = labelKind(label);
  return (
    <span
      class={`badge badge-${kind}`}
      data-scenario={label.scenario}
      title={`${label.scenario} (${kind}, ${label.technique}): ${label.description}`}
    >
      {label.scenario} <span class="badge-kind">{kind}</span>
    </span>
  );
}
