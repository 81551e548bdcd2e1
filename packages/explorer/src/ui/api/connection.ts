/** How the page reaches the API: which project, and how it proves who it is. */
export interface Connection {
  readonly projectId: string;
  /** `none`: unsigned; `aksk`: SDK-HMAC-SHA256 with the AK/SK entered; `token`: X-Auth-Token. */
  readonly auth: "none" | "aksk" | "token";
  readonly ak: string;
  readonly sk: string;
  readonly token: string;
}

/** The auth modes the page offers (those of `ctsim serve --auth`). */
export const AUTH_CHOICES = [
  "none",
  "aksk",
  "token",
] as const satisfies readonly Connection["auth"][];
