// `ctsim serve` mounts the explorer page at / (issue 23): a browser navigating there gets the
// page and its assets, an API client asking / still gets CTS's versions document. The page
// itself is driven in Chromium by packages/explorer/test.
import { afterEach, describe, expect, it } from "vitest";
import { killServes, startServe } from "./support/serve-ctsim.js";

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
    };
    expect(projects.auth).toBe("aksk");
    expect(projects.projects.length).toBeGreaterThanOrEqual(2);
    expect(banner).toContain(`project id: ${projects.projects[0]?.projectId} `);

    // An API client at / gets ListVersions, as from CTS.
    const versions = (await (await fetch(`${url}/`)).json()) as { versions: unknown[] };
    expect(versions.versions.length).toBeGreaterThan(0);
  });
});
