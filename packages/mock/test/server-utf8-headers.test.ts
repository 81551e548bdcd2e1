// Header values beyond ASCII arrive as UTF-8 bytes and are signed as text, as the Python SDK
// does: the server must read them as UTF-8 to verify the signature.
import { request } from "node:http";
import { startCtsServer } from "@ctsim/mock/node";
import { signRequest } from "@ctsim/signer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const credential = { ak: "HPUAUTF8HEADERS00001", sk: "utf8-secret" };
const PID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
let server: Awaited<ReturnType<typeof startCtsServer>>;

beforeAll(async () => {
  server = await startCtsServer({ auth: { mode: "aksk", credentials: [credential] } });
});
afterAll(() => server.close());

/** GETs ListTrackers with one extra signed header, its value sent as UTF-8 bytes. */
function getWith(note: string): Promise<number> {
  const url = new URL(`${server.url}/v3/${PID}/trackers`);
  const headers = signRequest(
    { method: "GET", rawPath: url.pathname, headers: { "x-note": note }, host: url.host },
    { ...credential, date: Date.now() },
  );
  // Node writes each character of a header value as one byte: pass the UTF-8 bytes as latin1.
  const wire = { ...headers, "x-note": Buffer.from(note, "utf8").toString("latin1") };
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { ...wire, host: url.host } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("signed header values beyond ASCII", () => {
  it.each([["plain"], ["café"], ["数据集"], ["emoji 🚀"]])("%s verifies", async (note) => {
    expect(await getWith(note)).toBe(200);
  });
});
