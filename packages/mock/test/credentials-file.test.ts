// The credentials file of a running service: written whole before the service is ready, read
// back with the typed reader, and its credentials used for real signed requests.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tenantIdentities } from "@ctsim/generator";
import {
  type CredentialsDocument,
  credentialsDocument,
  MockError,
  parseCredentialsDocument,
} from "@ctsim/mock";
import { readCredentialsFile, startMockService } from "@ctsim/mock/node";
import { fc, test } from "@fast-check/vitest";
import { afterAll, describe, expect, it } from "vitest";
import { sdkFetch } from "./support/official-sdk.js";

const dir = mkdtempSync(join(tmpdir(), "ctsim-mock-credentials-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small service (one generated day, no snapshot cache) writing its credentials to `file`. */
const start = (file: string, auth: "none" | "token" | "aksk") =>
  startMockService({ port: 0, days: 1, tenants: 2, auth, cacheDir: false, credentialsFile: file });

describe("startMockService({ credentialsFile })", () => {
  it("aksk: writes every tenant's keys, which sign requests for its own projects only", async () => {
    const file = join(dir, "aksk.json");
    const service = await start(file, "aksk");
    try {
      const text = readFileSync(file, "utf8");
      const document = readCredentialsFile(file);
      expect(text).toBe(`${JSON.stringify(document, null, 2)}\n`);
      expect(document).toMatchObject({
        format: "ctsim-credentials",
        version: 1,
        endpoint: service.server.url,
        auth: "aksk",
      });
      expect(document.tenants).toHaveLength(2);
      const list = { method: "GET", path: "/v3/{project_id}/trackers" };
      for (const [t, tenant] of document.tenants.entries()) {
        expect(tenant.tokens).toEqual([]);
        const other = document.tenants[1 - t]?.projects[0]?.project_id as string;
        for (const { project_id } of tenant.projects) {
          for (const key of tenant.permanent) {
            const response = await sdkFetch(
              document.endpoint,
              { ...key, projectId: project_id },
              list,
            );
            expect(response.status).toBe(200);
          }
          const refused = tenant.permanent[0] as { ak: string; sk: string };
          expect(
            (await sdkFetch(document.endpoint, { ...refused, projectId: other }, list)).status,
          ).toBe(403);
        }
        const now = Date.now();
        for (const key of tenant.temporary) {
          const signed = {
            ak: key.ak,
            sk: key.sk,
            securityToken: key.security_token,
            projectId: tenant.projects[0]?.project_id as string,
          };
          const status = (await sdkFetch(document.endpoint, signed, list)).status;
          expect(status).toBe(Date.parse(key.expires_at) > now ? 200 : 401);
        }
        expect(tenant.temporary.some((key) => Date.parse(key.expires_at) < now)).toBe(true);
        expect(tenant.temporary.some((key) => "agency_name" in key)).toBe(true);
      }
    } finally {
      await service.close();
    }
  });

  it("token: writes each tenant's project tokens only", async () => {
    const file = join(dir, "token.json");
    const service = await start(file, "token");
    try {
      const document = readCredentialsFile(file);
      const [tenant] = document.tenants;
      expect(tenant?.permanent).toEqual([]);
      expect(tenant?.temporary).toEqual([]);
      const [token] = tenant?.tokens ?? [];
      const url = `${document.endpoint}/v3/${token?.project_id}/trackers`;
      const ok = await fetch(url, { headers: { "X-Auth-Token": token?.token as string } });
      expect(ok.status).toBe(200);
    } finally {
      await service.close();
    }
  });

  it("none: writes the ids only", async () => {
    const file = join(dir, "none.json");
    const service = await start(file, "none");
    try {
      const document = readCredentialsFile(file);
      for (const tenant of document.tenants) {
        expect([tenant.permanent, tenant.temporary, tenant.tokens]).toEqual([[], [], []]);
        expect(tenant.projects.length).toBeGreaterThan(0);
      }
      expect(document.tenants[0]?.projects[0]?.project_id).toBe(service.projectId);
    } finally {
      await service.close();
    }
  });

  it("--ak/--sk, --token and --project-id name credentials and the project of the first tenant", async () => {
    const projectId = "feedfacefeedfacefeedfacefeedface";
    const given = { ak: "HPUAGIVENBYTHEFLAGS1", sk: "given-secret-key" };
    const file = join(dir, "flags.json");
    const service = await startMockService({
      port: 0,
      days: 1,
      tenants: 2,
      auth: "aksk",
      cacheDir: false,
      projectId,
      ...given,
      credentialsFile: file,
    });
    try {
      expect(service.projectId).toBe(projectId);
      const [first, second] = readCredentialsFile(file).tenants;
      expect(first?.projects[0]?.project_id).toBe(projectId);
      expect(first?.permanent[0]).toMatchObject(given);
      expect(first?.permanent[0]?.user_name).toBe(first?.permanent[1]?.user_name);
      const list = {
        method: "GET",
        path: "/v3/{project_id}/traces",
        query: { trace_type: "system" },
      };
      const url = service.server.url;
      expect((await sdkFetch(url, { ...given, projectId }, list)).status).toBe(200);
      const other = second?.projects[0]?.project_id as string;
      expect((await sdkFetch(url, { ...given, projectId: other }, list)).status).toBe(403);
    } finally {
      await service.close();
    }
    const tokens = await startMockService({
      port: 0,
      days: 1,
      auth: "token",
      cacheDir: false,
      token: "given-token",
    });
    try {
      const headers = { "X-Auth-Token": "given-token" };
      const base = `${tokens.server.url}/v3/${tokens.projectId}/trackers`;
      expect((await fetch(base, { headers })).status).toBe(200);
      expect(tokens.identities[0]?.tokens[0]).toMatchObject({
        token: "given-token",
        projectId: tokens.projectId,
      });
    } finally {
      await tokens.close();
    }
  });

  it("refuses to start when the file cannot be written, naming it", async () => {
    const file = join(dir, "no-such-dir", "creds.json");
    const started = start(file, "aksk");
    await expect(started).rejects.toThrow(MockError);
    await expect(started).rejects.toMatchObject({
      code: "CTSIM_MOCK_CREDENTIALS_FILE",
      message: expect.stringContaining(`credentials file ${file}: cannot write it (ENOENT`),
    });
  });
});

describe("parseCredentialsDocument", () => {
  const document = credentialsDocument({
    endpoint: "http://127.0.0.1:9000",
    auth: "aksk",
    identities: tenantIdentities({ seed: 3, tenants: 2, now: Date.UTC(2026, 0, 1) }),
  });
  const tokens = credentialsDocument({
    endpoint: "http://127.0.0.1:9000",
    auth: "token",
    identities: tenantIdentities({ seed: 3, now: Date.UTC(2026, 0, 1) }),
  });

  it("accepts what credentialsDocument writes", () => {
    expect(parseCredentialsDocument(JSON.parse(JSON.stringify(document)))).toEqual(document);
    expect(parseCredentialsDocument(JSON.parse(JSON.stringify(tokens)))).toEqual(tokens);
  });

  /** Every path to a string or number leaf of a JSON value. */
  function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
    if (typeof value !== "object" || value === null) return [path];
    return Object.entries(value).flatMap(([key, child]) =>
      leaves(child, [...path, Array.isArray(value) ? Number(key) : key]),
    );
  }

  test.prop([
    fc
      .constantFrom(document, tokens)
      .chain((doc) => fc.tuple(fc.constant(doc), fc.constantFrom(...leaves(doc)))),
    fc.constantFrom("drop", "number", "empty"),
  ])(
    "refuses a document with any field missing or of the wrong type, naming it",
    ([doc, path], how) => {
      const copy = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
      let parent: Record<string | number, unknown> = copy;
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
      const last = path[path.length - 1] as string;
      if (how === "drop") delete parent[last];
      else parent[last] = how === "number" ? 7 : "";
      if (how === "empty" && last === "version") return; // "" is wrong too, checked by "number"
      expect(() => parseCredentialsDocument(copy as unknown as CredentialsDocument)).toThrow(
        /^credentials: /,
      );
    },
  );
});
