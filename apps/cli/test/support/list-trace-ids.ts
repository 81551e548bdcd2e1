/**
 * Ids of the system traces a served project's ListTraces returns for `(from, to)`, walking
 * `next` to the end, in the API's order.
 *
 * Errors: throws naming the status when a page is not answered with 200.
 *
 * @example
 * const ids = await listTraceIds("http://127.0.0.1:9000", projectId, from, to);
 */
export async function listTraceIds(
  url: string,
  projectId: string,
  from: number,
  to: number,
): Promise<string[]> {
  const ids: string[] = [];
  let marker: string | null = null;
  do {
    const query = new URLSearchParams({
      trace_type: "system",
      from: `${from}`,
      to: `${to}`,
      limit: "200",
    });
    if (marker !== null) query.set("next", marker);
    const response = await fetch(`${url}/v3/${projectId}/traces?${query}`);
    if (response.status !== 200)
      throw new Error(`ListTraces answered ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as {
      traces: { trace_id: string }[];
      meta_data: { marker: string | null };
    };
    ids.push(...page.traces.map((t) => t.trace_id));
    marker = page.meta_data.marker;
  } while (marker !== null);
  return ids;
}
