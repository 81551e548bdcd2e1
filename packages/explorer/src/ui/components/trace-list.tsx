import { utcText } from "../model/time-text.js";
import type { Trace } from "../model/trace.js";

/** The trace list, newest first as the API sends it; a row opens its detail (click or Enter). */
export function TraceList(props: {
  readonly traces: readonly Trace[];
  readonly selectedId: string | undefined;
  readonly onSelect: (trace: Trace) => void;
}) {
  return (
    <table class="traces">
      <caption class="sr-only">Traces, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Time (UTC)</th>
          <th scope="col">Trace name</th>
          <th scope="col">Rating</th>
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
        {props.traces.map((trace) => (
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
            <td class="wide">{trace.service_type}</td>
            <td class="wide">{trace.resource_type}</td>
            <td>{trace.resource_name}</td>
            <td class="wide">{trace.user?.name}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
