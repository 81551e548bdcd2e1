import { describe, expect, it } from "vitest";
import { EXPLORER_PATHS } from "./explorer-assets.js";
import { explorerSite } from "./explorer-site.js";

const assets = { js: new TextEncoder().encode("js"), css: new TextEncoder().encode("css") };
const site = explorerSite({
  assets,
  auth: "aksk",
  projects: () => [{ projectId: "p1", region: "cn-north-4", tenant: "t" }],
});
const get = (path: string, accept = "*/*") => site({ method: "GET", path, headers: { accept } });

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
    expect(site({ method: "GET", path: "/", headers: {} })).toBeUndefined();
  });

  it("serves the assets and the project list, and nothing else", () => {
    expect(get(EXPLORER_PATHS.script)?.body).toBe(assets.js);
    expect(get(EXPLORER_PATHS.style)?.body).toBe(assets.css);
    expect(JSON.parse(String(get(EXPLORER_PATHS.projects)?.body))).toEqual({
      projects: [{ projectId: "p1", region: "cn-north-4", tenant: "t" }],
      auth: "aksk",
    });
    expect(get("/v3/p1/traces")).toBeUndefined();
    expect(site({ method: "POST", path: EXPLORER_PATHS.script, headers: {} })).toBeUndefined();
  });
});
