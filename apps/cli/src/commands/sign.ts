import { formatSdkDate, parseSdkDate, signRequest } from "@ctsim/signer";
import { Command } from "commander";
import { usageError } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";
import type { CommandFactory } from "../command-factory.js";
import { isHeaderValue, parseHeader, parseInstant } from "../internal/parse-values.js";
import { formatCurl } from "../sign/format-curl.js";
import { readBody } from "../sign/read-body.js";

interface RawSignOptions {
  readonly method?: string;
  readonly data?: string;
  readonly dataFile?: string;
  readonly header: readonly string[];
  readonly ak?: string;
  readonly sk?: string;
  readonly securityToken?: string;
  readonly date?: string;
  readonly curl?: true;
}

/**
 * The environment variables the official SDKs read credentials from (Go
 * `core/auth/provider/env_provider.go`; Node's `ClientBuilder` maps every `HUAWEICLOUD_SDK_*`).
 */
const ENV = {
  ak: "HUAWEICLOUD_SDK_AK",
  sk: "HUAWEICLOUD_SDK_SK",
  securityToken: "HUAWEICLOUD_SDK_SECURITY_TOKEN",
} as const satisfies Record<string, string>;

/**
 * `ctsim sign <url>`: signs one request with SDK-HMAC-SHA256 (`@ctsim/signer`) and prints the
 * headers to send, one `Name: value` per line, or with `--curl` one shell-quoted `curl` command
 * and nothing else, so `eval "$(ctsim sign --curl URL)"` sends it. A body without a
 * `Content-Type` header is sent as `application/json` (CTS takes JSON; curl would otherwise
 * send a form type); a non-JSON type sends the body unsigned (`X-Sdk-Content-Sha256:
 * UNSIGNED-PAYLOAD`), as the SDKs do. Missing credentials, a bad URL or flag: exit 2.
 *
 * @example
 * ctsim sign --ak AK --sk SK --curl 'http://127.0.0.1:9000/v3/PROJECT/traces?limit=10'
 */
export const signCommand: CommandFactory = (io: CliIo): Command =>
  new Command("sign")
    .description(
      "Sign one request with AK/SK (SDK-HMAC-SHA256) and print the headers to send, or a curl command.",
    )
    .argument("<url>", "absolute http(s) URL of the request, query included")
    .option("-X, --method <method>", "HTTP method (default: GET, or POST with a body)")
    .option("-d, --data <text>", "request body")
    .option("--data-file <file>", "read the request body from a file (- for standard input)")
    .option(
      "-H, --header <header>",
      'header to send and sign, "Name: value" (repeatable)',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option("--ak <ak>", `access key id (default: $${ENV.ak})`)
    .option("--sk <sk>", `secret access key (default: $${ENV.sk})`)
    .option(
      "--security-token <token>",
      `security token of temporary credentials (default: $${ENV.securityToken})`,
    )
    .option("--date <instant>", "signing time, epoch ms or ISO 8601 (default: now)")
    .option("--curl", "print one shell-quoted curl command instead of the headers")
    .action(async (urlText: string, raw: RawSignOptions) => {
      const url = parseUrl(urlText);
      const credentials = readCredentials(raw, io.env);
      const date = parseDate(raw.date);
      if (raw.data !== undefined && raw.dataFile !== undefined)
        throw usageError("give the body with --data or --data-file, not both");
      const body = raw.dataFile === undefined ? raw.data : await readBody(raw.dataFile, io);
      const method = parseMethod(raw.method ?? (body === undefined ? "GET" : "POST"));
      const headers: Record<string, string> = Object.fromEntries(raw.header.map(parseHeader));
      const named = (name: string) => Object.keys(headers).some((h) => h.toLowerCase() === name);
      if (body !== undefined && !named("content-type"))
        headers["Content-Type"] = "application/json";
      if (raw.curl && body?.includes("\0"))
        throw usageError("a body with NUL characters cannot go on a command line; drop --curl");

      const signed = signRequest(
        {
          method,
          rawPath: url.pathname,
          rawQuery: url.search.slice(1),
          headers,
          body: body ?? "",
          host: url.host,
        },
        { ...credentials, date },
      );
      io.stdout.write(
        raw.curl
          ? `${formatCurl({ method, url: url.href, headers: signed, ...(body === undefined ? {} : { body }) })}\n`
          : Object.entries(signed)
              .map(([name, value]) => `${name}: ${value}\n`)
              .join(""),
      );
    });

/** The URL as it will be sent: parsed (so percent-encoded where needed), without a fragment. */
function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usageError(`<url> must be an absolute http(s) URL; got ${JSON.stringify(text)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw usageError(`<url> must be an http or https URL; got ${JSON.stringify(text)}`);
  url.hash = "";
  return url;
}

function readCredentials(
  raw: RawSignOptions,
  env: CliIo["env"],
): { ak: string; sk: string; securityToken?: string } {
  // An empty variable counts as unset, as in the SDKs.
  const pick = (flag: string | undefined, name: string): string | undefined =>
    flag ?? (env[name] === "" ? undefined : env[name]);
  const ak = pick(raw.ak, ENV.ak);
  const sk = pick(raw.sk, ENV.sk);
  const securityToken = pick(raw.securityToken, ENV.securityToken);
  if (ak === undefined || sk === undefined) {
    const missing = [
      ak === undefined ? `--ak (or $${ENV.ak})` : "",
      sk === undefined ? `--sk (or $${ENV.sk})` : "",
    ];
    throw usageError(`no credentials: give ${missing.filter(Boolean).join(" and ")}`);
  }
  if (!/^[^\s,;=]+$/.test(ak))
    throw usageError(
      `--ak must not be empty or hold spaces, ",", ";" or "="; got ${JSON.stringify(ak)}`,
    );
  if (sk === "") throw usageError("--sk must not be empty");
  if (securityToken !== undefined && (securityToken === "" || !isHeaderValue(securityToken)))
    throw usageError("--security-token must be a non-empty header value (no line breaks)");
  return securityToken === undefined ? { ak, sk } : { ak, sk, securityToken };
}

function parseDate(text: string | undefined): number {
  if (text === undefined) return Date.now();
  const ms = parseInstant(text, "--date");
  // X-Sdk-Date has four year digits: a date it cannot carry would sign a header nobody reads.
  if (parseSdkDate(formatSdkDate(ms)) === undefined)
    throw usageError(`--date must fall in the years 100 to 9999; got ${JSON.stringify(text)}`);
  return ms;
}

function parseMethod(text: string): string {
  if (!/^[A-Za-z]+$/.test(text))
    throw usageError(
      `--method must be an HTTP method such as GET or POST; got ${JSON.stringify(text)}`,
    );
  return text.toUpperCase();
}
