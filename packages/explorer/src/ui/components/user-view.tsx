import { utcText } from "../model/time-text.js";
import type { Trace } from "../model/trace.js";

/** A session as the traces show it: one access key (a console login's temporary key, or a permanent AK). */
interface Session {
  readonly key: string;
  first: number;
  last: number;
  count: number;
  readonly ips: Set<string>;
}

function countBy(
  traces: readonly Trace[],
  key: (t: Trace) => string | undefined,
): [string, number][] {
  const counts = new Map<string, number>();
  for (const trace of traces) {
    const k = key(trace) ?? "(none)";
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

function sessionsOf(traces: readonly Trace[]): Session[] {
  const sessions = new Map<string, Session>();
  for (const trace of traces) {
    const key = trace.user?.access_key_id ?? "(no key)";
    let s = sessions.get(key);
    if (s === undefined) {
      s = { key, first: trace.time, last: trace.time, count: 0, ips: new Set() };
      sessions.set(key, s);
    }
    s.first = Math.min(s.first, trace.time);
    s.last = Math.max(s.last, trace.time);
    s.count++;
    if (trace.source_ip !== undefined) s.ips.add(trace.source_ip);
  }
  return [...sessions.values()].sort((a, b) => b.last - a.last);
}

/**
 * One user's activity in the window (the traces ListTraces returns for `user=<name>`): sessions
 * by access key, source IPs, and clients. The API shape carries no user agent, so the client
 * is the trace type (ConsoleAction, ApiCall, SystemAction).
 */
export function UserView(props: {
  readonly user: string;
  readonly traces: readonly Trace[];
  readonly complete: boolean;
  readonly onClose: () => void;
}) {
  const sessions = sessionsOf(props.traces);
  return (
    <section class="user-view" aria-label={`User ${props.user}`}>
      <header>
        <h2>User {props.user}</h2>
        <button type="button" onClick={props.onClose} aria-label="Close the user view">
          ×
        </button>
      </header>
      <p>
        {props.traces.length.toLocaleString("en")} traces
        {props.complete ? "" : " (newest only: page limit)"}
      </p>
      <h3>Sessions (by access key)</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Access key</th>
            <th scope="col">First</th>
            <th scope="col">Last</th>
            <th scope="col">Traces</th>
            <th scope="col">IPs</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.key}>
              <td class="mono">{s.key}</td>
              <td class="mono">{utcText(s.first)}</td>
              <td class="mono">{utcText(s.last)}</td>
              <td>{s.count}</td>
              <td class="mono">{[...s.ips].join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="columns">
        <div>
          <h3>Source IPs</h3>
          <ul class="user-ips">
            {countBy(props.traces, (t) => t.source_ip).map(([ip, n]) => (
              <li key={ip}>
                <span class="mono">{ip}</span> × {n}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>Clients (trace type)</h3>
          <ul>
            {countBy(props.traces, (t) => t.trace_type).map(([type, n]) => (
              <li key={type}>
                {type} × {n}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
