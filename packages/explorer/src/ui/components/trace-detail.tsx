import { useLayoutEffect, useRef } from "preact/hooks";
import { utcText } from "../model/time-text.js";
import type { Trace } from "../model/trace.js";

/** A body as sent (CTS's `request`/`response` are JSON text): pretty-printed when it parses. */
function prettyBody(body: unknown): string {
  if (body === null || body === undefined) return "(none)";
  if (typeof body !== "string") return JSON.stringify(body, null, 2);
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/**
 * One trace: its request and response pretty-printed, links to its resource's lifecycle and its
 * user's activity, and the whole trace as the API returned it. Escape closes it.
 */
export function TraceDetail(props: {
  readonly trace: Trace;
  readonly onClose: () => void;
  readonly onResource: (resourceId: string) => void;
  readonly onUser: (user: string) => void;
}) {
  const { trace } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  // Layout effects run as the detail is put in the page, before anything can be typed into it:
  // the heading has focus, so Escape closes the detail from the moment it shows (with a passive
  // effect, an Escape right after Enter opened it reached the row instead: a flaky test).
  useLayoutEffect(() => heading.current?.focus(), [trace.trace_id]);
  const { onClose } = props;
  const resourceId = trace.resource_id;
  const user = trace.user?.name;
  return (
    <section
      class="detail"
      aria-label="Trace detail"
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <header>
        <h2 tabIndex={-1} ref={heading}>
          {trace.trace_name}{" "}
          <span class={`rating rating-${trace.trace_rating}`}>{trace.trace_rating}</span>
        </h2>
        <button type="button" onClick={props.onClose} aria-label="Close the detail">
          ×
        </button>
      </header>
      <dl>
        <dt>Time</dt>
        <dd class="mono">{utcText(trace.time)} UTC</dd>
        <dt>Resource</dt>
        <dd>
          {trace.resource_type} {trace.resource_name}
          {resourceId !== undefined && resourceId !== "" && (
            <>
              {" "}
              <button type="button" class="link" onClick={() => props.onResource(resourceId)}>
                lifecycle of {resourceId}
              </button>
            </>
          )}
        </dd>
        <dt>User</dt>
        <dd>
          {user === undefined || user === "" ? (
            "—"
          ) : (
            <button type="button" class="link" onClick={() => props.onUser(user)}>
              {user}
            </button>
          )}{" "}
          from <span class="mono">{trace.source_ip}</span>
        </dd>
        <dt>Code</dt>
        <dd>{trace.code}</dd>
      </dl>
      <h3>Request</h3>
      <pre class="request">{prettyBody(trace.request)}</pre>
      <h3>Response</h3>
      <pre class="response">{prettyBody(trace.response)}</pre>
      <h3>Trace</h3>
      <pre class="trace-json">{JSON.stringify(trace, null, 2)}</pre>
    </section>
  );
}
