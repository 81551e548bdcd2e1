import type { Prng } from "../internal/prng.js";
import type { ActorNetwork } from "./actor.js";

const DAY = 86_400_000;
const RELEASE_CYCLE = 28 * DAY;
/** Chrome 131 and Edge 131 reached stable on 2024-11-12 (then a release every 4 weeks). */
const CHROME_131 = Date.UTC(2024, 10, 12);
/** Firefox 133 was released on 2024-11-26 (then every 4 weeks). */
const FIREFOX_133 = Date.UTC(2024, 10, 26);
/** Safari 18.0 shipped on 2024-09-16, Safari 26.0 on 2025-09-15. */
const SAFARI_18 = Date.UTC(2024, 8, 16);
const SAFARI_26 = Date.UTC(2025, 8, 15);

/** Browsers people use on the console, by operating system, with rough shares (weights). */
export const BROWSERS = [
  { weight: 40, family: "chrome", platform: "Windows NT 10.0; Win64; x64" },
  { weight: 20, family: "chrome", platform: "Macintosh; Intel Mac OS X 10_15_7" },
  { weight: 12, family: "edge", platform: "Windows NT 10.0; Win64; x64" },
  { weight: 8, family: "firefox", platform: "Windows NT 10.0; Win64; x64" },
  { weight: 10, family: "safari", platform: "Macintosh; Intel Mac OS X 10_15_7" },
  { weight: 6, family: "chrome", platform: "X11; Linux x86_64" },
  { weight: 4, family: "firefox", platform: "X11; Ubuntu; Linux x86_64" },
] as const satisfies readonly { weight: number; family: string; platform: string }[];

/**
 * Clients of API calls: the official SDKs send `huaweicloud-usdk-<language>/3.0` (read from the
 * SDKs' sources); the Terraform and KooCLI (`hcloud`) strings follow those tools' usual form,
 * their exact text in CTS is unconfirmed.
 */
export const API_AGENTS = {
  python: "huaweicloud-usdk-python/3.0",
  go: "huaweicloud-usdk-go/3.0",
  nodejs: "huaweicloud-usdk-nodejs/3.0",
  terraform:
    "HashiCorp Terraform/1.9.8 (+https://www.terraform.io) Terraform Plugin SDK/2.10.1 terraform-provider-huaweicloud/1.72.1",
  cli: "KooCLI/5.2.6 (hcloud; linux; amd64)",
} as const satisfies Record<string, string>;

/** Who calls the API: CI bots, people with their own key, agency sessions. */
export type ApiCaller = "bot" | "person" | "agency";

const API_MIX: Record<ApiCaller, readonly (readonly [number, keyof typeof API_AGENTS])[]> = {
  bot: [
    [55, "python"],
    [20, "terraform"],
    [15, "go"],
    [10, "nodejs"],
  ],
  person: [
    [50, "python"],
    [30, "cli"],
    [20, "terraform"],
  ],
  agency: [
    [60, "python"],
    [40, "terraform"],
  ],
};

/** Draws the API client an identity keeps using. */
export function pickApiAgent(rng: Prng, caller: ApiCaller): string {
  return API_AGENTS[weighted(rng, API_MIX[caller])];
}

/** Draws the index of a person's browser in {@link BROWSERS}. */
export function pickBrowser(rng: Prng): number {
  return weighted(
    rng,
    BROWSERS.map((browser, index) => [browser.weight, index] as const),
  );
}

/**
 * The console `user_agent` of a person's browser at `time`: the version follows the browser's
 * release calendar, `lagDays` behind, so a person's agent changes about once a month, as
 * auto-updating browsers do.
 *
 * @example
 * browserAgent(0, Date.UTC(2025, 2, 1), 0); // "Mozilla/5.0 (Windows NT 10.0; …) … Chrome/134.0.0.0 Safari/537.36"
 */
export function browserAgent(browser: number, time: number, lagDays: number): string {
  const { family, platform } = BROWSERS[browser] ?? BROWSERS[0];
  const t = time - lagDays * DAY;
  if (family === "safari") {
    const major = t >= SAFARI_26 ? 26 : t >= SAFARI_18 ? 18 : 17;
    const since = t - (major === 26 ? SAFARI_26 : major === 18 ? SAFARI_18 : SAFARI_18 - 365 * DAY);
    const minor = Math.min(6, Math.max(0, Math.floor(since / (2 * RELEASE_CYCLE))));
    return `Mozilla/5.0 (${platform}) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${major}.${minor} Safari/605.1.15`;
  }
  if (family === "firefox") {
    const v = 133 + Math.floor((t - FIREFOX_133) / RELEASE_CYCLE);
    return `Mozilla/5.0 (${platform}; rv:${v}.0) Gecko/20100101 Firefox/${v}.0`;
  }
  const v = 131 + Math.floor((t - CHROME_131) / RELEASE_CYCLE);
  const chrome = `Mozilla/5.0 (${platform}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36`;
  return family === "edge" ? `${chrome} Edg/${v}.0.0.0` : chrome;
}

/** The `user_agent` of a call: the person's browser on the console, the identity's client on the API. */
export function userAgentOf(net: ActorNetwork, mode: "console" | "api", time: number): string {
  return mode === "api" ? net.apiAgent : browserAgent(net.browser, time, net.updateLagDays);
}

function weighted<T>(rng: Prng, mix: readonly (readonly [number, T])[]): T {
  let total = 0;
  for (const entry of mix) total += entry[0];
  let roll = rng.next() * total;
  for (const entry of mix) {
    roll -= entry[0];
    if (roll < 0) return entry[1];
  }
  return (mix[0] as readonly [number, T])[1];
}
