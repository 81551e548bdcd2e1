import { createHttpSink } from "@ctsim/generator/node";
import { Option } from "commander";
import { parseHeader, parseInteger, parsePositive } from "../../internal/parse-values.js";
import { defineSinkKind } from "./sink-kind.js";

/** Settings of `--sink http(s)://URL`. */
interface HttpSettings {
  readonly headers: Readonly<Record<string, string>>;
  readonly batchRecords?: number;
  readonly concurrency?: number;
  readonly maxRetries?: number;
}

/** `--sink http(s)://URL`: batched POSTs to a receiver, with retries. */
export const httpSinkKind = defineSinkKind<URL, HttpSettings>({
  syntax: "http(s)://URL",
  parse: (value) => {
    if (!/^https?:\/\//i.test(value)) return undefined;
    try {
      return new URL(value);
    } catch {
      return undefined;
    }
  },
  flags: [
    new Option("--batch-size <n>", "http: records per POST (default 500)"),
    new Option("--concurrency <n>", "http: POSTs in flight (default 4)"),
    new Option("--header <header>", 'http: extra header "Name: value" (repeatable)').argParser(
      (value: string, all: string[] | undefined) => [...(all ?? []), value],
    ),
    new Option(
      "--retries <n>",
      "http: retries of a batch after 429/5xx or a network error (default 5)",
    ),
  ],
  settings: (flags) => ({
    headers: Object.fromEntries(((flags.header as string[] | undefined) ?? []).map(parseHeader)),
    ...(flags.batchSize === undefined
      ? {}
      : { batchRecords: parsePositive(String(flags.batchSize), "--batch-size", true) }),
    ...(flags.concurrency === undefined
      ? {}
      : { concurrency: parsePositive(String(flags.concurrency), "--concurrency", true) }),
    ...(flags.retries === undefined
      ? {}
      : { maxRetries: parseInteger(String(flags.retries), "--retries", 0) }),
  }),
  open: async (url, settings, { framing }) => createHttpSink({ url, framing, ...settings }),
});
