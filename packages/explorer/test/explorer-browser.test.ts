import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { TenantIdentity } from "@ctsim/generator";
import type { MockService } from "@ctsim/mock/node";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, launchChromium } from "./support/chromium.js";
import {
  type ApiCredentials,
  apiPage,
  apiWalk,
  startExplorerService,
} from "./support/explorer-service.js";
import {
  applyFilters,
  binByHour,
  brushHistogram,
  firstListMs,
  histogramCounts,
  listGeneration,
  openExplorer,
  shownIds,
  waitForList,
  windowOf,
} from "./support/page-driver.js";

const LIST_LIMIT = 50;

describe.skipIf(CHROMIUM === undefined)("the explorer page in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  describe("one tenant, --auth none", () => {
    let service: MockService;
    beforeAll(async () => {
      service = await startExplorerService({
        auth: "none",
        tenants: 1,
        days: 7,
        seed: 11,
        // Labelled, so the README screenshot shows the marks and badges too.
        scenarios: ["mass-deletion", "off-hours-export", "notebook-startup-backdoor"],
      });
    });
    afterAll(() => service?.close());

    it("lists, filters, pages, shows details and counts hours as the API answers", async () => {
      const base = service.server.url;
      const pid = service.projectId;
      const { page, requests, errors } = await openExplorer(browser, base);
      await waitForList(page, undefined);
      console.log(
        `explorer: first list painted ${(await firstListMs(page)).toFixed(0)} ms after navigation start (${service.traceCount} traces; 1M: pnpm bench)`,
      );
      const window = windowOf(requests);
      const query = { trace_type: "system", ...window };

      // The first page: newest first, as the API answers it.
      const first = await apiPage(base, pid, { ...query, limit: LIST_LIMIT }, undefined);
      expect(first.traces.length).toBe(LIST_LIMIT);
      expect(await shownIds(page)).toEqual(first.traces.map((t) => t.trace_id));

      // The histogram of the whole window equals the API's traces binned by hour and rating.
      const all = await apiWalk(base, pid, query, undefined);
      expect(all.length).toBeGreaterThan(300);
      expect(await histogramCounts(page)).toEqual(binByHour(all));

      // A detail shows the trace the API returned: its JSON parses to the same object.
      const pick = first.traces[7]!;
      await page.locator(`tr[data-trace-id="${pick.trace_id}"]`).click();
      const shown = await page.locator(".detail pre.trace-json").textContent();
      expect(JSON.parse(shown!)).toEqual(pick);

      // Filters change the list the way the API answers them.
      await applyFilters(page, { trace_rating: "warning" });
      const warnings = await apiPage(
        base,
        pid,
        { ...query, limit: LIST_LIMIT, trace_rating: "warning" },
        undefined,
      );
      expect(warnings.traces.length).toBeGreaterThan(0);
      expect(await shownIds(page)).toEqual(warnings.traces.map((t) => t.trace_id));
      // A user's traces (the platform's own traces carry no user: the newest may be one).
      const withUser = all.find((t) => t.user !== null && typeof t.user === "object")!;
      const user = String((withUser.user as { name: string }).name);
      await applyFilters(page, { trace_rating: "", user, service_type: "ModelArts" });
      const byUser = await apiWalk(
        base,
        pid,
        { ...query, user, service_type: "ModelArts" },
        undefined,
      );
      expect(await histogramCounts(page)).toEqual(binByHour(byUser));

      // Paging with `next` reaches the end: every trace once, in the API's order.
      while ((await page.locator("button.more").count()) > 0) {
        const shownBefore = (await shownIds(page)).length;
        await page.locator("button.more").click();
        await page.waitForFunction(
          (n) => document.querySelectorAll("table.traces tbody tr").length > n,
          shownBefore,
        );
      }
      await page.locator(".list-status", { hasText: "end of the list" }).waitFor();
      expect(await shownIds(page)).toEqual(byUser.map((t) => t.trace_id));

      // The resource id filter: a resource's whole lifecycle.
      const resourceTrace = all.find(
        (t) => typeof t.resource_id === "string" && t.resource_id !== "",
      )!;
      const resourceId = String(resourceTrace.resource_id);
      await applyFilters(page, { user: "", service_type: "", resource_id: resourceId });
      const lifecycle = await apiWalk(base, pid, { ...query, resource_id: resourceId }, undefined);
      expect(await shownIds(page)).toEqual(lifecycle.slice(0, LIST_LIMIT).map((t) => t.trace_id));

      // Keyboard: a focused row opens its detail with Enter; Escape closes it.
      const row = page.locator("table.traces tbody tr").first();
      await row.focus();
      await row.press("Enter");
      await page.locator(".detail").waitFor();
      await page.keyboard.press("Escape");
      await page.locator(".detail").waitFor({ state: "detached" });

      // No request left the machine: every one went to the server's origin.
      expect(requests.length).toBeGreaterThan(5);
      expect(requests.filter((u) => new URL(u).origin !== base)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });

    it("the lifecycle link and the user view follow the API", async () => {
      const base = service.server.url;
      const pid = service.projectId;
      const { page, requests } = await openExplorer(browser, base);
      await waitForList(page, undefined);
      const query = { trace_type: "system", ...windowOf(requests) };
      const first = await apiPage(base, pid, { ...query, limit: LIST_LIMIT }, undefined);
      // A trace of a resource, made by a user (the platform's own traces carry none).
      const pick = first.traces.find(
        (t) =>
          typeof t.resource_id === "string" &&
          t.resource_id !== "" &&
          t.user !== null &&
          typeof t.user === "object",
      )!;
      await page.locator(`tr[data-trace-id="${pick.trace_id}"]`).click();
      const before = await listGeneration(page);
      await page.locator(".detail button.link", { hasText: "lifecycle of" }).click();
      await waitForList(page, before);
      const lifecycle = await apiPage(
        base,
        pid,
        { ...query, limit: LIST_LIMIT, resource_id: String(pick.resource_id) },
        undefined,
      );
      expect(await shownIds(page)).toEqual(lifecycle.traces.map((t) => t.trace_id));

      const user = String((pick.user as { name: string }).name);
      await page.locator(`tr[data-trace-id="${pick.trace_id}"]`).click();
      await page.locator(".detail button.link", { hasText: user }).click();
      const userTraces = await apiWalk(base, pid, { ...query, user }, undefined);
      const ips = new Set(userTraces.map((t) => String(t.source_ip)));
      await page
        .locator(".user-view p", { hasText: `${userTraces.length.toLocaleString("en")} traces` })
        .waitFor();
      expect(await page.locator(".user-ips li").count()).toBe(ips.size);
      await page.close();
    });

    it("a brush across the histogram narrows the window to whole hours, and the list follows", async () => {
      const base = service.server.url;
      const { page, requests } = await openExplorer(browser, base);
      await waitForList(page, undefined);
      await brushHistogram(page, 0.55, 0.8);
      const { from, to } = windowOf(requests);
      expect(Number(from) % 3600_000).toBe(0);
      expect((Number(to) + 1) % 3600_000).toBe(0);
      expect(Number(to) - Number(from)).toBeGreaterThan(3600_000);
      const query = { trace_type: "system", from, to };
      const page1 = await apiPage(
        base,
        service.projectId,
        { ...query, limit: LIST_LIMIT },
        undefined,
      );
      expect(await shownIds(page)).toEqual(page1.traces.map((t) => t.trace_id));
      const inWindow = await apiWalk(base, service.projectId, query, undefined);
      expect(await histogramCounts(page)).toEqual(binByHour(inWindow));
      await page.close();
    });

    it("is readable on a narrow window (no sideways scrolling) and writes the README screenshot when asked", async () => {
      const base = service.server.url;
      const narrow = await openExplorer(browser, base, { width: 420, height: 800 });
      await waitForList(narrow.page, undefined);
      const overflow = await narrow.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await narrow.page.close();

      const shot = process.env.CTSIM_EXPLORER_SCREENSHOT;
      if (shot === undefined || shot === "") return;
      const { page } = await openExplorer(browser, base);
      await waitForList(page, undefined);
      await histogramCounts(page);
      await page.locator("table.traces tbody tr").nth(2).click();
      mkdirSync(dirname(shot), { recursive: true });
      await page.screenshot({ path: shot });
      await page.close();
    });
  });

  describe("many tenants, --auth aksk", () => {
    let service: MockService;
    beforeAll(async () => {
      service = await startExplorerService({ auth: "aksk", tenants: 270, days: 1, seed: 5 });
    }, 300_000);
    afterAll(() => service?.close());

    it("signs in the browser with the AK/SK entered, on the project picked", async () => {
      const base = service.server.url;
      const tenant = service.identities[137]!;
      const credential = tenant.permanent[0]!;
      const pid = tenant.projects[0]!.projectId;
      const credentials: ApiCredentials = { ak: credential.ak, sk: credential.sk };
      const { page, requests, errors } = await openExplorer(browser, base);
      // The picker offers every tenant's projects.
      // (Filled once the page has read the project list: waited for, not counted at once.)
      await expect
        .poll(() => page.locator("datalist#projects option").count(), { timeout: 10_000 })
        .toBe(service.identities.reduce((n, t) => n + t.projects.length, 0));
      await page.locator("form.connection [name=project]").fill(pid);
      await page.locator("form.connection [name=ak]").fill(credential.ak);
      await page.locator("form.connection [name=sk]").fill(credential.sk);
      await page.locator("form.connection button[type=submit]").click();
      await waitForList(page, undefined);
      const query = { trace_type: "system", ...windowOf(requests) };
      const first = await apiPage(base, pid, { ...query, limit: LIST_LIMIT }, credentials);
      expect(first.traces.length).toBeGreaterThan(0);
      expect(await shownIds(page)).toEqual(first.traces.map((t) => t.trace_id));
      const all = await apiWalk(base, pid, query, credentials);
      expect(await histogramCounts(page)).toEqual(binByHour(all));

      // A wrong SK: the gateway's refusal is shown, not a blank page.
      await page.locator("form.connection [name=sk]").fill("x".repeat(40));
      await page.locator("form.connection button[type=submit]").click();
      await page.locator("[role=alert]", { hasText: "APIGW" }).waitFor();
      expect(requests.filter((u) => new URL(u).origin !== base)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  });

  describe("two tenants, --auth token, with scenarios", () => {
    let service: MockService;
    beforeAll(async () => {
      service = await startExplorerService({
        auth: "token",
        tenants: 2,
        days: 7,
        seed: 3,
        scenarios: ["mass-deletion", "login-brute-force"],
      });
    });
    afterAll(() => service?.close());

    it("sends the X-Auth-Token entered, for the project picked, and shows that account's labels only", async () => {
      const base = service.server.url;
      const [a, b] = service.identities as [TenantIdentity, TenantIdentity];
      const pid = b.projects[0]!.projectId;
      const token = b.tokens.find((t) => t.projectId === pid)!.token;
      const { page, requests, errors } = await openExplorer(browser, base);
      const headers: (string | undefined)[] = [];
      page.on("request", (r) => {
        if (r.url().includes("/traces?")) headers.push(r.headers()["x-auth-token"]);
      });
      // The page asks for a token (the server's mode) before it lists anything.
      await page.locator("form.connection [name=token]").waitFor();
      expect(await page.locator("form.connection [name=auth]").inputValue()).toBe("token");
      await page.locator("form.connection [name=project]").fill(pid);
      await page.locator("form.connection [name=token]").fill(token);
      await page.locator("form.connection button[type=submit]").click();
      await waitForList(page, undefined);
      const query = { trace_type: "system", ...windowOf(requests) };
      const credentials: ApiCredentials = { token };
      const first = await apiPage(base, pid, { ...query, limit: LIST_LIMIT }, credentials);
      expect(first.traces.length).toBeGreaterThan(0);
      expect(await shownIds(page)).toEqual(first.traces.map((t) => t.trace_id));
      const all = await apiWalk(base, pid, query, credentials);
      expect(await histogramCounts(page)).toEqual(binByHour(all));
      expect(headers.length).toBeGreaterThan(1);
      expect(new Set(headers)).toEqual(new Set([token]));

      // The timeline marks B's occurrences in the window, none of A's.
      const own = service
        .labelsOf(pid)
        .filter((l) => l.to >= Number(query.from) && l.from <= Number(query.to));
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((l) => l.domainId === b.domainId)).toBe(true);
      await page.locator(".label-mark").first().waitFor();
      const marked = await page.$$eval(".label-mark", (m) =>
        m.map((e) => Number((e as HTMLElement).dataset.from)),
      );
      expect(marked).toEqual(own.map((l) => l.from));

      // A's token on B's project: the gateway's refusal is shown; the labels are refused too.
      const aToken = a.tokens.find((t) => t.projectId === a.projects[0]!.projectId)!.token;
      await page.locator("form.connection [name=token]").fill(aToken);
      await page.locator("form.connection button[type=submit]").click();
      await page.locator("[role=alert]").waitFor();
      const refused = await fetch(`${base}/_ctsim/labels?project_id=${pid}`, {
        headers: { "x-auth-token": aToken },
      });
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(await refused.text()).not.toContain(own[0]!.traceIds[0]!);
      expect(requests.filter((u) => new URL(u).origin !== base)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
