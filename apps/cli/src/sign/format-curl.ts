/** A signed request as one `curl` command line that bash (or any POSIX shell) runs unchanged. */

/** What {@link formatCurl} puts on the command line. */
export interface CurlRequest {
  /** HTTP method, sent with `-X`. */
  readonly method: string;
  /** Absolute URL, exactly as it was signed (already percent-encoded, without a fragment). */
  readonly url: string;
  /** Headers to send, in order; each becomes one `-H`. */
  readonly headers: Readonly<Record<string, string>>;
  /** Body text, sent byte for byte with `--data-raw`. Default: none. */
  readonly body?: string;
}

/**
 * Quotes `text` as one POSIX shell word: inside single quotes nothing is special, and each `'`
 * becomes `'\''` (close, an escaped quote, reopen). Any text without NUL survives `$`,
 * backticks, `\`, `!`, quotes, spaces, line breaks and non-ASCII characters, even through
 * `eval "$(...)"`.
 *
 * @example
 * shellQuote("it's $HOME"); // "'it'\\''s $HOME'"
 */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * Formats a `curl` command (no trailing newline) that sends exactly `request`:
 * `--globoff` so `[]{}` in the URL are not curl ranges; `-H 'Name;'` for an empty value (curl
 * drops `-H 'Name:'` instead of sending it); `--data-raw`, which, unlike `-d`, reads no file
 * for a body starting with `@` and strips nothing. The URL comes last. curl adds its own
 * `User-Agent`, `Accept` and `Content-Length`; none of them is signed, so they change nothing.
 *
 * @example
 * formatCurl({ method: "GET", url: "http://127.0.0.1:9000/v3/p/traces", headers: { "x-sdk-date": "20260101T000000Z" } });
 * // "curl --globoff -X 'GET' -H 'x-sdk-date: 20260101T000000Z' 'http://127.0.0.1:9000/v3/p/traces'"
 */
export function formatCurl(request: CurlRequest): string {
  const words = ["curl", "--globoff", "-X", shellQuote(request.method)];
  for (const [name, value] of Object.entries(request.headers)) {
    words.push("-H", shellQuote(value === "" ? `${name};` : `${name}: ${value}`));
  }
  if (request.body !== undefined) words.push("--data-raw", shellQuote(request.body));
  words.push(shellQuote(request.url));
  return words.join(" ");
}
