// `ctsim serve` mounts the explorer page at / (issue 23): a browser navigating there gets the
// page and its assets, an API client asking / still gets CTS's versions document. The page
// itself is driven in Chromium by packages/explorer/test.
import { type AnomalyLabel, generateTraces, SCENARIO_NAMES, scenarioInfo } from "@ctsim/generator";
import { signRequest } from "@ctsim/signer";
import { afterEach, describe, expect, it } from "vitest";
import { runCtsim } from "./support/run-ctsim.js";
import { killServes, startServe } from "./support/serve-ctsim.js";

const HOUR = 3_600_000;

afterEach(killServes);

describe("ctsim serve and the explorer page", () => {
  it("serves the page to a browser at /, its script and style, and the tenants' projects", async () => {
    const { banner } = await startServe([
      "--days",
      "1",
      "--no-cache",
      "--tenants",
      "2",
      "--auth",
      "aksk",
    ]);
    const url = /listening on (http:\/\/\S+)/.exec(banner)?.[1] as string;
    const html = await fetch(`${url}/`, { headers: { accept: "text/html,*/*;q=0.8" } });
    expect(html.status).toBe(200);
    const text = await html.text();
    expect(text).toContain('<script type="module" src="/_ctsim/explorer/app.js">');
    const script = await fetch(`${url}/_ctsim/explorer/app.js`);
    expect([script.status, script.headers.get("content-type")]).toEqual([
      200,
      "text/javascript; charset=utf-8",
    ]);
    expect((await script.text()).length).toBeGreaterThan(10_000);
    expect((await fetch(`${url}/_ctsim/explorer/app.css`)).status).toBe(200);
    const projects = (await (await fetch(`${url}/_ctsim/explorer/projects.json`)).json()) as {
      projects: { projectId: string }[];
      auth: string;
      live: boolean;
    };
    expect(projects.auth).toBe("aksk");
    expect(projects.live).toBe(false);
    expect(projects.projects.length).toBeGreaterThanOrEqual(2);
    expect(banner).toContain(`project id: ${projects.projects[0]?.projectId} `);

    // An API client at / gets ListVersions, as from CTS.
    const versions = (await (await fetch(`${url}/`)).json()) as { versions: unknown[] };
    expect(versions.versions.length).toBeGreaterThan(0);
  });

  it("--live tells the page its history grows (the window then follows the clock)", async () => {
    const { banner } = await startServe(["--days", "1", "--no-cache", "--live"]);
    const url = /listening on (http:\/\/\S+)/.exec(banner)?.[1] as string;
    const projects = (await (await fetch(`${url}/_ctsim/explorer/projects.json`)).json()) as {
      live: boolean;
    };
    expect(projects.live).toBe(true);
  });

  it("--scenario injects the scenarios and serves their labels, to the API's credentials only", async () => {
    const { banner } = await startServe([
      "--days",
      "2",
      "--seed",
      "9",
      "--no-cache",
      "--auth",
      "aksk",
      "--scenario",
      "attacks",
    ]);
    const url = /listening on (http:\/\/\S+)/.exec(banner)?.[1] as string;
    const projectId = /project id: (\S+)/.exec(banner)?.[1] as string;
    expect(banner).toContain(`\nexplorer: ${url}/ `);
    const [, ak, sk] = /permanent, \S+:\s+AK: (\S+)\s+SK: (\S+)/.exec(
      banner,
    ) as unknown as string[];
    // The generator's own labels for the served window (it ends at the next full hour).
    const now = Number(/&to=(\d+)/.exec(banner)?.[1]);
    const end = Math.ceil(now / HOUR) * HOUR;
    const expected: AnomalyLabel[] = [];
    for (const _ of generateTraces({
      seed: 9,
      now: end,
      from: end - 2 * 24 * HOUR,
      to: end,
      scenarios: attackNames(),
      onLabel: (label) => expected.push(label),
    }));
    expect(expected.length).toBeGreaterThan(0);
    expect(banner).toContain(`\nlabels: ${expected.length} scenario occurrence`);

    const rawQuery = `project_id=${projectId}`;
    const labelsUrl = `${url}/_ctsim/labels?${rawQuery}`;
    const unsigned = await fetch(labelsUrl);
    expect(unsigned.status).toBe(401);
    const headers = signRequest(
      { method: "GET", rawPath: "/_ctsim/labels", rawQuery, host: new URL(url).host },
      { ak: ak as string, sk: sk as string, date: Date.now() },
    );
    const signed = await fetch(labelsUrl, { headers });
    expect(signed.status).toBe(200);
    const body = (await signed.json()) as { scenarios: string[]; labels: AnomalyLabel[] };
    expect(body.scenarios).toEqual(attackNames());
    const byTime = (a: AnomalyLabel, b: AnomalyLabel) => a.from - b.from;
    expect([...body.labels].sort(byTime)).toEqual([...expected].sort(byTime));
  });

  it("refuses an unknown --scenario before starting", async () => {
    const run = await runCtsim(["serve", "--port", "0", "--scenario", "no-such-thing"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown --scenario no-such-thing; known: all, attacks, benign/);
  });
});

/** The names `--scenario attacks` stands for (the generator's attack scenarios). */
function attackNames(): (typeof SCENARIO_NAMES)[number][] {
  return SCENARIO_NAMES.filter((name) => !scenarioInfo(name).benign);
}
