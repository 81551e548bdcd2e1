import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { NOTIFICATION_TYPES, type NotificationType, validatorFor } from "@ctsim/catalog";
import { notifiedTrace } from "@ctsim/generator";
import { createNotifier, MockError } from "@ctsim/mock";
import { createDeliveryQueue, createSmnSigner, type DeliverySummary } from "@ctsim/mock/node";
import { Command, Option } from "commander";
import { CliError, CliErrorCode, usageError } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";
import type { CommandFactory } from "../command-factory.js";
import { parseDuration, parseInteger } from "../internal/parse-values.js";
import { deliveryLogSink } from "../notify/delivery-log-sink.js";
import { replayNotifications } from "../notify/replay-notifications.js";
import { openInput } from "../validate/open-input.js";

/** Messages waiting before reading pauses (memory stays bounded however long the history). */
const HIGH_WATER = 5000;

interface NotifyFlags {
  readonly replay: string;
  readonly to: string;
  readonly format: NotificationType;
  readonly notifications?: string;
  readonly operations?: string;
  readonly filter?: readonly string[];
  readonly condition?: "AND" | "OR";
  readonly projectId: string;
  readonly maxAttempts: string;
  readonly retryBase: string;
  readonly timeout: string;
  readonly seed: string;
  readonly log?: string;
  readonly smnKey?: string;
  readonly signingCertUrl?: string;
}

/**
 * `ctsim notify --replay FILE --to URL`: replays a fixed history (NDJSON of traces, as `ctsim
 * generate` writes) through key event notifications and POSTs what they fire to URL, as SMN
 * HTTP(S) messages or FunctionGraph CTS events, retried with backoff. Each attempt is one JSON
 * line of the delivery log (stdout, or `--log FILE`); the summary goes to stderr. Messages that
 * exhaust their retries are listed and the exit code is 1.
 *
 * @example
 * ctsim generate --count 500 > week.ndjson
 * ctsim notify --replay week.ndjson --to http://127.0.0.1:8080/hook --operations ModelArts/Notebook/deleteNotebook
 */
export const notifyCommand: CommandFactory = (io: CliIo): Command =>
  new Command("notify")
    .description(
      "Replay a trace history through key event notifications and deliver the messages (SMN or FunctionGraph) to a URL.",
    )
    .requiredOption(
      "--replay <file>",
      "NDJSON traces to replay, in order (- for standard input; .gz is decompressed)",
    )
    .requiredOption("--to <url>", "receiver of the messages (http or https)")
    .addOption(
      new Option(
        "--format <format>",
        "message shape: SMN HTTP(S) notification or FunctionGraph CTS event",
      )
        .choices(NOTIFICATION_TYPES)
        .default("smn"),
    )
    .option(
      "--notifications <json>",
      "notifications to fire, as JSON text or @FILE: one, an array, or a ListNotifications answer (default: one from --operations/--filter)",
    )
    .option(
      "--operations <list>",
      "comma-separated service/resource_type/trace_name to notify on (customized); without it every trace notifies (complete)",
    )
    .option(
      "--filter <rule>",
      'filter rule such as "code != 200" (repeatable)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .addOption(
      new Option("--condition <and-or>", "how --filter rules combine").choices(["AND", "OR"]),
    )
    .option(
      "--project-id <id>",
      "project of traces without project_id (delivery is in order per project)",
      "default",
    )
    .option("--max-attempts <n>", "attempts per message, the first included", "6")
    .option(
      "--retry-base <duration>",
      "wait after the first failure, doubled after each (jittered)",
      "1s",
    )
    .option("--timeout <duration>", "an attempt without an answer within this fails", "10s")
    .option("--seed <n>", "seed of the retry jitter", "1")
    .option(
      "--log <file>",
      "write the delivery log (NDJSON, one line per attempt) here instead of stdout",
    )
    .option(
      "--smn-key <file>",
      "RSA private key (PEM) to sign SMN messages with (default: ctsim's published test key)",
    )
    .option("--signing-cert-url <url>", "signing_cert_url of SMN messages")
    .action(async (flags: NotifyFlags) => {
      const to = parseUrl(flags.to);
      const notifications = replayNotifications({
        ...(flags.notifications === undefined ? {} : { json: await jsonText(flags.notifications) }),
        ...(flags.operations === undefined ? {} : { operations: flags.operations }),
        filters: flags.filter ?? [],
        ...(flags.condition === undefined ? {} : { condition: flags.condition }),
        format: flags.format,
      });
      const signSmn = await smnSigner(flags.smnKey);
      const log = deliveryLogSink(io, flags.log);
      const queue = createDeliveryQueue({
        endpoints: { smn: to, fun: to },
        maxAttempts: parseInteger(flags.maxAttempts, "--max-attempts", 1, 100),
        baseDelayMs: parseDuration(flags.retryBase, "--retry-base"),
        timeoutMs: parseDuration(flags.timeout, "--timeout"),
        seed: parseInteger(flags.seed, "--seed", 0, 2 ** 32 - 1),
        onLog: (entry) => log.write(entry),
      });
      const notifier = createNotifier({
        notificationsOf: () => notifications,
        send: (message) => queue.enqueue(message),
        signSmn,
        ...(flags.signingCertUrl === undefined ? {} : { signingCertUrl: flags.signingCertUrl }),
        ...(flags.notifications === undefined ? { format: flags.format } : {}),
      });
      const input = await openInput(flags.replay, io);
      const lines = createInterface({ input: input.stream, crlfDelay: Number.POSITIVE_INFINITY });
      let traces = 0;
      let lineNumber = 0;
      let inputError: CliError | undefined;
      try {
        for await (const line of lines) {
          lineNumber++;
          if (line.trim() === "") continue;
          const trace = parseTrace(line, input.name, lineNumber);
          const projectId =
            typeof trace.project_id === "string" ? trace.project_id : flags.projectId;
          notifier.onTraces([{ projectId, trace }]);
          traces++;
          if (queue.summary().pending >= HIGH_WATER) await queue.settled();
        }
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        // The messages of the traces before the bad line are still delivered (and counted).
        inputError = error;
        lines.close();
      }
      const summary = await queue.settled();
      await log.close();
      io.stderr.write(summaryLine(summary, traces, to));
      if (inputError !== undefined) throw inputError;
      if (summary.failed > 0) throw failedError(summary);
    });

async function jsonText(value: string): Promise<string> {
  if (!value.startsWith("@")) return value;
  const path = value.slice(1);
  return readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw usageError(`cannot read --notifications ${path}: ${error.message}`);
  });
}

async function smnSigner(path: string | undefined): Promise<(text: string) => string> {
  if (path === undefined) return createSmnSigner();
  const pem = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw usageError(`cannot read --smn-key ${path}: ${error.message}`);
  });
  try {
    return createSmnSigner(pem);
  } catch (error) {
    if (error instanceof MockError) throw usageError(`--smn-key ${path}: ${error.message}`);
    throw error;
  }
}

function parseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usageError(`--to must be an absolute http(s) URL; got ${JSON.stringify(text)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw usageError(`--to must be an http or https URL; got ${JSON.stringify(text)}`);
  return url.href;
}

function parseTrace(line: string, name: string, lineNumber: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line) as unknown;
  } catch (error) {
    throw new CliError(
      CliErrorCode.input,
      `${name}:${lineNumber}: not JSON: ${(error as Error).message}`,
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new CliError(CliErrorCode.input, `${name}:${lineNumber}: not a trace object`);
  const record = value as Record<string, unknown>;
  const issue = validatorFor("ApiTrace").issues(notifiedTrace(record), 1)[0];
  if (issue !== undefined)
    throw new CliError(
      CliErrorCode.input,
      `${name}:${lineNumber}: not a valid trace: ${issue.message}`,
    );
  return record;
}

function summaryLine(summary: DeliverySummary, traces: number, to: string): string {
  return `ctsim notify: ${traces} traces fired ${summary.messages} messages to ${to}: ${summary.delivered} delivered, ${summary.failed} failed, ${summary.attempts} attempts\n`;
}

function failedError(summary: DeliverySummary): CliError {
  const shown = summary.failures
    .slice(0, 5)
    .map(
      (f) =>
        `  message ${f.message_id} (trace ${f.trace_id}) to ${f.url ?? "(no endpoint)"}: ${f.cause} after ${f.attempts} attempts`,
    );
  const more =
    summary.failed > shown.length
      ? [`  … and ${summary.failed - shown.length} more (see the delivery log)`]
      : [];
  return new CliError(
    CliErrorCode.failed,
    [
      `${summary.failed} of ${summary.messages} messages were not delivered:`,
      ...shown,
      ...more,
    ].join("\n"),
  );
}
