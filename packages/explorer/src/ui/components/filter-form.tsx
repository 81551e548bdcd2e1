import { useEffect, useState } from "preact/hooks";
import { type Filters, TEXT_FILTERS, TRACE_QUERY_TYPES, TRACE_RATINGS } from "../model/filters.js";
import type { LabelIndex } from "../model/labels.js";
import { parseUtcInput, utcInputValue } from "../model/time-text.js";

const LABELS: Record<(typeof TEXT_FILTERS)[number], string> = {
  service_type: "Service",
  resource_type: "Resource type",
  resource_name: "Resource name",
  resource_id: "Resource id",
  trace_name: "Trace name",
  user: "User",
};

/** The console's filters; the list follows them on submit (Enter in any field). */
export function FilterForm(props: {
  readonly filters: Filters;
  readonly onApply: (filters: Filters) => void;
  /** The labelled scenarios the server knows (none: no scenario filter). */
  readonly scenarios: LabelIndex["scenarios"];
}) {
  const [draft, setDraft] = useState(props.filters);
  useEffect(() => setDraft(props.filters), [props.filters]);
  const set = (patch: Partial<Filters>) => setDraft({ ...draft, ...patch });
  return (
    <form
      class="filters"
      aria-label="Filters"
      onSubmit={(event) => {
        event.preventDefault();
        props.onApply(draft);
      }}
    >
      <label>
        Trace type
        <select
          name="trace_type"
          value={draft.trace_type}
          onChange={(e) => set({ trace_type: e.currentTarget.value as Filters["trace_type"] })}
        >
          {TRACE_QUERY_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      {TEXT_FILTERS.map((name) => (
        <label key={name}>
          {LABELS[name]}
          <input
            name={name}
            value={draft[name]}
            onInput={(e) => set({ [name]: e.currentTarget.value })}
          />
        </label>
      ))}
      <label>
        Rating
        <select
          name="trace_rating"
          value={draft.trace_rating}
          onChange={(e) => set({ trace_rating: e.currentTarget.value as Filters["trace_rating"] })}
        >
          <option value="">any</option>
          {TRACE_RATINGS.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      {props.scenarios.length > 0 && (
        <label>
          Scenario (ctsim's labels)
          <select
            name="scenario"
            value={draft.scenario}
            onChange={(e) => set({ scenario: e.currentTarget.value })}
          >
            <option value="">any trace</option>
            {props.scenarios.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name} ({s.benign ? "benign" : "attack"}, {s.count}×)
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        From (UTC)
        <input
          name="from"
          type="datetime-local"
          value={utcInputValue(draft.from)}
          onChange={(e) => {
            const from = parseUtcInput(e.currentTarget.value);
            if (from !== undefined) set({ from });
          }}
        />
      </label>
      <label>
        To (UTC)
        <input
          name="to"
          type="datetime-local"
          value={utcInputValue(draft.to)}
          disabled={draft.untilNow}
          onChange={(e) => {
            const to = parseUtcInput(e.currentTarget.value);
            if (to !== undefined) set({ to });
          }}
        />
      </label>
      <label class="check">
        <input
          name="until_now"
          type="checkbox"
          checked={draft.untilNow}
          onChange={(e) => set({ untilNow: e.currentTarget.checked })}
        />
        Window ends now (at each search)
      </label>
      <button type="submit">Apply</button>
    </form>
  );
}
