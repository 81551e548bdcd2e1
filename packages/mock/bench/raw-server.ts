import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Pre-serialized records of one filter value, newest first, with their trace ids. */
export interface RawRecords {
  readonly records: readonly Uint8Array[];
  readonly ids: readonly string[];
}

const HEAD = Buffer.from('{"traces":[');
const COMMA = Buffer.from(",");

/**
 * The practical ceiling (r): a bare `node:http` server over the same pre-serialized UTF-8
 * records, already grouped by user newest first. Per request it parses the URL, picks the
 * user's list, takes `limit` records and joins them into a ListTraces page. No validation,
 * auth, time window or marker handling.
 */
export async function startRawServer(
  byUser: ReadonlyMap<string, RawRecords>,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://raw");
    const found = byUser.get(url.searchParams.get("user") ?? "");
    const limit = Number(url.searchParams.get("limit") ?? "10");
    const page = found?.records.slice(0, limit) ?? [];
    const last = page.length === 0 ? "null" : JSON.stringify(found?.ids[page.length - 1]);
    const parts: Uint8Array[] = [HEAD];
    page.forEach((record, i) => {
      if (i > 0) parts.push(COMMA);
      parts.push(record);
    });
    parts.push(Buffer.from(`],"meta_data":{"count":${page.length},"marker":${last}}}`));
    const body = Buffer.concat(parts);
    res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
