import { describe, expect, it } from "vitest";
import { EXPLORER_PATHS, type ExplorerLabel } from "./explorer-assets.js";
import { type ExplorerVerdict, explorerSite } from "./explorer-site.js";

const assets = { js: new TextEncoder().encode("js"), css: new TextEncoder().encode("css") };
const label = (scenario: string, domainId: string): ExplorerLabel => ({
  scenario,
  technique: "T1485",
  techniques: ["T1485"],
  benign: false,
  description: "d",
  domainId,
  userId: null,
  traceIds: [`${scenario}-1`],
  from: 1,
  to: 2,
});
const LABELS = [label("mass-deletion", "dA"), label("login-brute-force", "dB")];
const site = explorerSite({
  assets,
  auth: "aksk",
  projects: () => [{ projectId: "p1", region: "cn-north-4", tenant: "t" }],
  labels: (_projectId, domainId) => ({
    scenarios: ["mass-deletion", "login-brute-force"],
    labels: LABELS.filter((l) => l.domainId === domainId),
  }),
});
/** A gateway that lets the key of account dA read p1 and the key of dB read p2, nothing else. */
const authorize =
  (key: string | undefined) =>
  (projectId: string): ExplorerVerdict => {
    const owner = projectId === "p1" ? "dA" : projectId === "p2" ? "dB" : undefined;
    if (key !== undefined && owner === key) return { ok: true, domainId: owner };
    const status = key === undefined ? 401 : 403;
    return { ok: false, response: { status, headers: {}, body: `refused ${projectId}` } };
  };
const request = (path: string, headers: Record<string, string>, query = "", key?: string) =>
  site({ method: "GET", path, query, headers, authorize: authorize(key) });
const get = (path: string, accept = "*/*") => request(path, { accept });

describe("explorerSite", () => {
  it("serves the page at / to a browser, with a policy that keeps every request on this origin", () => {
    const page = get("/", "text/html,application/xhtml+xml,*/*;q=0.8");
    expect(page?.status).toBe(200);
    expect(page?.headers["content-type"]).toMatch(/^text\/html/);
    expect(page?.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(page?.headers["content-security-policy"]).toContain("connect-src 'self'");
    expect(String(page?.body)).toContain(`src="${EXPLORER_PATHS.script}"`);
  });

  it("leaves / to CTS's ListVersions for API clients (no text/html in Accept)", () => {
    expect(get("/")).toBeUndefined();
    expect(request("/", {})).toBeUndefined();
  });

  it("serves the assets and the project list, and nothing else", () => {
    expect(get(EXPLORER_PATHS.script)?.body).toBe(assets.js);
    expect(get(EXPLORER_PATHS.style)?.body).toBe(assets.css);
    expect(JSON.parse(String(get(EXPLORER_PATHS.projects)?.body))).toEqual({
      projects: [{ projectId: "p1", region: "cn-north-4", tenant: "t" }],
      auth: "aksk",
      live: false,
    });
    // A live server says so: the page's window then follows the clock.
    const live = explorerSite({ assets, projects: () => [], live: true });
    const projects = live({
      method: "GET",
      path: EXPLORER_PATHS.projects,
      query: "",
      headers: {},
      authorize: authorize(undefined),
    });
    expect(JSON.parse(String(projects?.body))).toEqual({ projects: [], auth: "none", live: true });
    expect(get("/v3/p1/traces")).toBeUndefined();
    expect(
      site({
        method: "POST",
        path: EXPLORER_PATHS.script,
        query: "",
        headers: {},
        authorize: authorize(undefined),
      }),
    ).toBeUndefined();
  });

  it("serves a project's labels to the credentials the gateway lets read it, refusing others", () => {
    const labels = (query: string, key?: string) => request(EXPLORER_PATHS.labels, {}, query, key);
    const mine = labels("project_id=p1", "dA");
    expect(mine?.status).toBe(200);
    expect(JSON.parse(String(mine?.body))).toEqual({
      project_id: "p1",
      scenarios: ["mass-deletion", "login-brute-force"],
      labels: [LABELS[0]],
    });
    // Another account's key, or none: the gateway's refusal, no labels.
    expect(labels("project_id=p1", "dB")).toMatchObject({ status: 403, body: "refused p1" });
    expect(labels("project_id=p1")).toMatchObject({ status: 401 });
    expect(labels("", "dA")?.status).toBe(400);
  });

  it("answers no scenarios when the server knows no labels", () => {
    const plain = explorerSite({ assets, projects: () => [] });
    const answer = plain({
      method: "GET",
      path: EXPLORER_PATHS.labels,
      query: "project_id=p1",
      headers: {},
      authorize: authorize("dA"),
    });
    expect(JSON.parse(String(answer?.body))).toEqual({
      project_id: "p1",
      scenarios: [],
      labels: [],
    });
  });
});
