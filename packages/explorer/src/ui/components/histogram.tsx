import { useRef, useState } from "preact/hooks";
import type { ExplorerLabel } from "../../site/explorer-assets.js";
import { binTotal, HOUR_MS, type HourBin } from "../model/hour-bins.js";
import { labelKind } from "../model/labels.js";
import { utcText } from "../model/time-text.js";

const HEIGHT = 80;
const RATINGS = ["normal", "warning", "incident"] as const;

/** Where the histogram's counts came from: every trace of the filters, or the newest ones. */
export interface HistogramState {
  readonly bins: readonly HourBin[];
  /** Traces counted so far. */
  readonly counted: number;
  /** False while walking, or when the walk stopped at its page limit (`partial`). */
  readonly complete: boolean;
  /** The walk stopped at its limit: hours older than the oldest counted trace are not counted. */
  readonly partial: boolean;
}

/**
 * Traces per UTC hour of the window, stacked by rating. Dragging across it (a brush) narrows
 * the window to the hours covered; the same counts are in a table for screen readers.
 */
export function Histogram(props: {
  readonly state: HistogramState;
  readonly onBrush: (from: number, to: number) => void;
  /** Labelled scenario occurrences in the window: marked on a band under the bars. */
  readonly labels: readonly ExplorerLabel[];
  /** A mark chosen: the page narrows the window to the occurrence's hours. */
  readonly onMark: (label: ExplorerLabel) => void;
}) {
  const { bins } = props.state;
  const svg = useRef<SVGSVGElement>(null);
  const [brush, setBrush] = useState<{ readonly a: number; readonly b: number } | undefined>();
  const max = Math.max(1, ...bins.map(binTotal));
  const width = Math.max(1, bins.length);
  const indexAt = (clientX: number): number => {
    const box = svg.current?.getBoundingClientRect();
    if (box === undefined || box.width === 0) return 0;
    return Math.min(
      bins.length - 1,
      Math.max(0, Math.floor(((clientX - box.left) / box.width) * bins.length)),
    );
  };
  const finish = () => {
    if (brush === undefined) return;
    const lo = bins[Math.min(brush.a, brush.b)];
    const hi = bins[Math.max(brush.a, brush.b)];
    setBrush(undefined);
    if (lo !== undefined && hi !== undefined) props.onBrush(lo.start, hi.start + HOUR_MS - 1);
  };
  const status = props.state.complete
    ? `${props.state.counted.toLocaleString("en")} traces`
    : props.state.partial
      ? `newest ${props.state.counted.toLocaleString("en")} traces only (page limit): older hours not counted`
      : `counting… ${props.state.counted.toLocaleString("en")}`;
  return (
    <figure class="histogram">
      <figcaption>
        Traces per hour (UTC), by rating — <span class="histogram-status">{status}</span>. Drag to
        narrow the window.
      </figcaption>
      <svg
        ref={svg}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label="Traces per hour"
        onPointerDown={(e) => {
          (e.currentTarget as Element).setPointerCapture(e.pointerId);
          const i = indexAt(e.clientX);
          setBrush({ a: i, b: i });
        }}
        onPointerMove={(e) => {
          if (brush !== undefined) setBrush({ a: brush.a, b: indexAt(e.clientX) });
        }}
        onPointerUp={finish}
      >
        {bins.map((bin, i) => {
          let y = HEIGHT;
          return RATINGS.map((rating) => {
            const h = (bin.counts[rating] / max) * HEIGHT;
            y -= h;
            return h === 0 ? null : (
              <rect
                key={`${bin.start}-${rating}`}
                class={`bar-${rating}`}
                x={i + 0.1}
                width={0.8}
                y={y}
                height={h}
              >
                <title>
                  {utcText(bin.start)}: {bin.counts[rating]} {rating}
                </title>
              </rect>
            );
          });
        })}
        {brush !== undefined && (
          <rect
            class="brush"
            x={Math.min(brush.a, brush.b)}
            width={Math.abs(brush.a - brush.b) + 1}
            y={0}
            height={HEIGHT}
          />
        )}
      </svg>
      {props.labels.length > 0 && bins.length > 0 && (
        <LabelMarks
          labels={props.labels}
          start={bins[0]!.start}
          hours={bins.length}
          onMark={props.onMark}
        />
      )}
      <table class="sr-only histogram-table">
        <caption>Traces per hour</caption>
        <thead>
          <tr>
            <th scope="col">Hour (UTC)</th>
            {RATINGS.map((r) => (
              <th key={r} scope="col">
                {r}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {bins
            .filter((bin) => binTotal(bin) > 0)
            .map((bin) => (
              <tr key={bin.start} data-hour={bin.start}>
                <th scope="row">{utcText(bin.start)}</th>
                {RATINGS.map((r) => (
                  <td key={r} data-rating={r}>
                    {bin.counts[r]}
                  </td>
                ))}
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Occurrences named one by one under the marks; past this, only the marks name them. */
const MAX_CHIPS = 24;

/**
 * The scenario occurrences on the histogram's time axis: one mark per occurrence, spanning its
 * first to its last trace (at least a sliver), and under it the occurrences by name (scenario,
 * kind, start); choosing either narrows the window to the occurrence's hours.
 */
function LabelMarks(props: {
  readonly labels: readonly ExplorerLabel[];
  readonly start: number;
  readonly hours: number;
  readonly onMark: (label: ExplorerLabel) => void;
}) {
  const span = props.hours * HOUR_MS;
  const percent = (ms: number): number =>
    Math.min(100, Math.max(0, ((ms - props.start) / span) * 100));
  const nameOf = (label: ExplorerLabel): string =>
    `${label.scenario} (${labelKind(label)}) ${utcText(label.from)} – ${utcText(label.to)}, ${label.traceIds.length} traces`;
  const keyOf = (label: ExplorerLabel): string => `${label.from}-${label.traceIds[0]}`;
  const chips = props.labels.slice(0, MAX_CHIPS);
  return (
    <div class="labels">
      <ul class="label-marks" aria-hidden="true">
        {props.labels.map((label) => {
          const left = percent(label.from);
          return (
            <li
              key={keyOf(label)}
              style={{ left: `${left}%`, width: `${Math.max(0.4, percent(label.to) - left)}%` }}
            >
              <button
                type="button"
                tabIndex={-1}
                class={`label-mark label-${labelKind(label)}`}
                data-scenario={label.scenario}
                data-from={label.from}
                title={nameOf(label)}
                onClick={() => props.onMark(label)}
              />
            </li>
          );
        })}
      </ul>
      <ul class="label-chips" aria-label="Labelled scenario occurrences (ctsim's ground truth)">
        {chips.map((label) => (
          <li key={keyOf(label)}>
            <button
              type="button"
              class={`label-chip label-${labelKind(label)}`}
              data-scenario={label.scenario}
              data-from={label.from}
              title={`${nameOf(label)}: ${label.description}`}
              aria-label={nameOf(label)}
              onClick={() => props.onMark(label)}
            >
              {label.scenario} <span class="chip-time">{utcText(label.from).slice(5, 16)}</span>
            </button>
          </li>
        ))}
        {props.labels.length > chips.length && (
          <li class="chip-more">+{props.labels.length - chips.length} more on the timeline</li>
        )}
      </ul>
    </div>
  );
}
