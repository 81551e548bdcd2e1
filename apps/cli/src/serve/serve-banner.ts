import { EXPLORER_PATHS } from "@ctsim/explorer";
import type { TemporaryCredential, TenantIdentity } from "@ctsim/generator";
import type { CachedLoad, MockService } from "@ctsim/mock/node";
import { DOCUMENT_PATHS } from "./published-documents.js";

/** How the banner's `try:` line signs a request under `--auth aksk` in the workspace. */
export const SIGN_COMMAND = "npx -y pnpm@10.34.8 -s ctsim sign";

/**
 * The `ctsim sign` of the running ctsim: inside the workspace (run from its TypeScript sources)
 * through pnpm, else the very binary that runs (an installed `ctsim`, `node_modules/.bin/ctsim`
 * of a project, the built `bin/ctsim.js`), by its path, so the line works where `ctsim` is not
 * on the PATH.
 */
export function signCommandOf(script: string | undefined): string {
  if (script === undefined || script.endsWith(".ts")) return SIGN_COMMAND;
  return `'${script.replaceAll("'", "'\\''")}' sign`;
}

/** Options of {@link serveBanner}. */
export interface ServeBannerOptions {
  /** Seconds from start to ready. */
  readonly seconds: number;
  /** The clock: the `try:` line asks for the week before it, and expired keys are marked. */
  readonly now: number;
  /** The `ctsim sign` command the `try:` line uses under `--auth aksk`. Default: {@link SIGN_COMMAND}. */
  readonly signCommand?: string;
  /** Where `--credentials` wrote every tenant's credentials, if it did. Default: none. */
  readonly credentialsFile?: string;
  /** The explorer page is served at `/`: the banner says where. Default: false. */
  readonly explorer?: boolean;
}

/**
 * What `ctsim serve` prints once ready: the URL, the first tenant's home project and the
 * store's origin, then the first tenant in full (account, projects, the credentials the auth
 * mode accepts, temporary and expired ones marked), the other tenants as a count pointing at
 * `--credentials`, and a `try:` line that works in that mode (`ctsim sign` for AK/SK).
 *
 * @example io.stdout.write(serveBanner(service, { seconds: 1.2, now: Date.now() }));
 */
export function serveBanner(service: MockService, options: ServeBannerOptions): string {
  const { url } = service.server;
  const mode = service.auth.mode;
  const lines = [
    `CTS mock listening on ${url}`,
    `project id: ${service.projectId} (${service.traceCount} traces)`,
    `ready in ${options.seconds.toFixed(1)} s: ${storeOrigin(service.load)}`,
  ];
  lines.push(
    `API: ${url}${DOCUMENT_PATHS.openapi} (OpenAPI 3.1), trace schema: ${url}${DOCUMENT_PATHS.trace} (no credentials needed)`,
  );
  // The explorer's site serves the page and the labels.
  if (options.explorer === true) {
    lines.push(`explorer: ${url}${EXPLORER_PATHS.page} (the trace explorer: open it in a browser)`);
    if (service.labels.length > 0) lines.push(labelsLine(service, url));
  }
  if (service.state !== undefined) lines.push(stateLine(service.state));
  lines.push(
    mode === "aksk"
      ? "auth: aksk (SDK-HMAC-SHA256): each tenant's keys sign requests for its own projects only"
      : mode === "token"
        ? "auth: token (X-Auth-Token): each token serves its own project only"
        : "auth: none: every tenant's projects are served, no other project id",
  );
  const [first] = service.identities;
  const count = service.identities.length;
  if (first !== undefined) lines.push(...tenantLines(first, count, mode, options.now));
  if (count > 1) {
    const more = `+ ${count - 1} more tenant${count === 2 ? "" : "s"}, each with its own projects and credentials`;
    lines.push(
      options.credentialsFile === undefined
        ? `${more}: --credentials FILE writes them all as JSON`
        : `${more}: all in ${options.credentialsFile}`,
    );
  } else if (options.credentialsFile !== undefined) {
    lines.push(`credentials: ${options.credentialsFile}`);
  }
  if (first !== undefined) {
    const sign = options.signCommand ?? SIGN_COMMAND;
    lines.push(tryLine(url, service.projectId, first, mode, options.now, sign));
  }
  return `${lines.join("\n")}\n`;
}

function tenantLines(
  tenant: TenantIdentity,
  count: number,
  mode: MockService["auth"]["mode"],
  now: number,
): string[] {
  const projects = tenant.projects.map((p) => `${p.region} ${p.projectId}`).join(", ");
  const lines = [
    `tenant 1 of ${count}: ${tenant.domainName} (account ${tenant.domainId})`,
    `  projects: ${projects}`,
  ];
  const expiry = (expiresAt: number): string =>
    `${expiresAt > now ? "expires" : "EXPIRED"} ${new Date(expiresAt).toISOString()}`;
  if (mode === "aksk") {
    for (const key of tenant.permanent) {
      lines.push(`  permanent, ${key.userName}:  AK: ${key.ak}  SK: ${key.sk}`);
    }
    for (const key of tenant.temporary) {
      lines.push(
        `  temporary, ${owner(key)}:  AK: ${key.ak}  SK: ${key.sk}  security token: ${key.securityToken}  ${expiry(key.expiresAt)}`,
      );
    }
  }
  if (mode === "token") {
    for (const token of tenant.tokens) {
      lines.push(
        `  token, project ${token.projectId}:  X-Auth-Token: ${token.token}  ${expiry(token.expiresAt)}`,
      );
    }
  }
  return lines;
}

function owner(key: TemporaryCredential): string {
  return key.principal.kind === "user"
    ? `user ${key.principal.userName}`
    : `agency ${key.principal.agencyName}`;
}

/**
 * A request that works in the mode: the week before `now` of the first project (the default
 * window, the last hour, may be quiet: night in the tenant's timezone).
 */
function tryLine(
  url: string,
  projectId: string,
  tenant: TenantIdentity,
  mode: MockService["auth"]["mode"],
  now: number,
  signCommand: string,
): string {
  const target = `${url}/v3/${projectId}/traces?trace_type=system&limit=5&from=${now - 7 * 86_400_000}&to=${now}`;
  const key = tenant.permanent[0];
  if (mode === "aksk" && key !== undefined) {
    return `try: eval "$(${signCommand} --ak ${key.ak} --sk ${key.sk} --curl '${target}')"`;
  }
  const token = tenant.tokens.find(
    (entry) => entry.projectId === projectId && entry.expiresAt > now,
  );
  if (mode === "token" && token !== undefined) {
    return `try: curl -H 'X-Auth-Token: ${token.token}' '${target}'`;
  }
  return `try: curl '${target}'`;
}

/**
 * Where the store came from: a snapshot, one derived from the snapshot of an earlier window
 * (the clock moved on within the run), or the generator (and why no snapshot served: refused,
 * or cached only for windows of another run), and the snapshot it is written to.
 */
function storeOrigin(load: CachedLoad): string {
  if (load.source === "loaded") return `loaded from the snapshot ${load.file}`;
  const writing = load.file === undefined ? "" : `, writing the snapshot ${load.file}`;
  const derived = load.derived;
  if (derived !== undefined) {
    return `derived in ${(derived.ms / 1000).toFixed(1)} s from the snapshot of the window ending ${new Date(derived.end).toISOString()} (${derived.file}: ${derived.kept} traces kept, ${derived.dropped} older dropped, ${derived.added} generated since)${writing}`;
  }
  const others = load.cache?.otherWindows ?? [];
  const why =
    load.refused !== undefined
      ? ` (snapshot not used: ${load.refused})`
      : others.length > 0
        ? ` (no snapshot for this window; this load is cached for the window ending ${new Date(others[0] as number).toISOString()}${others.length > 1 ? ` and ${others.length - 1} more` : ""}, from another run: ${ANOTHER_RUN})`
        : "";
  return `built by the generator${why}${writing}`;
}

/**
 * `labels: 12 scenario occurrences (…): URL/_ctsim/labels?project_id=PID`: where the ground
 * truth of `--scenario` is, and that it is ctsim's, not CTS's.
 */
function labelsLine(service: MockService, url: string): string {
  const count = service.labels.length;
  const attacks = service.labels.filter((label) => !label.benign).length;
  return `labels: ${count} scenario occurrence${count === 1 ? "" : "s"} (${attacks} attacks, ${count - attacks} benign), ctsim's ground truth, not a CTS API: ${url}${EXPLORER_PATHS.labels}?project_id=${service.projectId} (the API's credentials)`;
}

/** Why a cached window of the same load does not serve a derivation. */
const ANOTHER_RUN =
  "a window is derived only from one starting on the same UTC day, of a week or without --expected-count, and without --scenario";

/** `state: F (restored 2 trackers, 1 notification)`, or `(new)` when there was no file yet. */
function stateLine(state: NonNullable<MockService["state"]>): string {
  if (state.restored === undefined) return `state: ${state.file} (new)`;
  const projects = Object.values(state.restored.projects);
  const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;
  const trackers = projects.reduce((sum, project) => sum + project.trackers.length, 0);
  const notifications = projects.reduce((sum, project) => sum + project.notifications.length, 0);
  return `state: ${state.file} (restored ${count(trackers, "tracker")}, ${count(notifications, "notification")})`;
}
