import { createReadStream } from "node:fs";
import { DetectError, DetectErrorCode } from "../detect-error.js";
import type { DetectionRule } from "../rules/detection-rule.js";
import { readLabel, type ScoreLabel } from "../score/score-label.js";
import type { ScoreReport } from "../score/score-report.js";
import { createScorer } from "../score/scorer.js";
import { TraceView } from "../trace/trace-view.js";

/**
 * The non-empty lines of an NDJSON stream, with their 1-based line numbers (a last line without
 * a newline counts too).
 */
export async function* ndjsonLines(
  input: AsyncIterable<string | Uint8Array>,
): AsyncGenerator<{ line: string; number: number }> {
  const decoder = new TextDecoder();
  let rest = "";
  let number = 0;
  for await (const chunk of input) {
    rest += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = rest.indexOf("\n"); end !== -1; end = rest.indexOf("\n", start)) {
      number++;
      const line = rest.slice(start, end).replace(/\r$/, "");
      start = end + 1;
      if (line.trim() !== "") yield { line, number };
    }
    rest = rest.slice(start);
  }
  rest += decoder.decode();
  if (rest.trim() !== "") yield { line: rest.replace(/\r$/, ""), number: number + 1 };
}

/**
 * Reads a labels file (NDJSON of `AnomalyLabel`).
 *
 * Errors: `CTSIM_DETECT_INVALID_INPUT` naming the file and line.
 */
export async function readLabelsFile(path: string): Promise<ScoreLabel[]> {
  const labels: ScoreLabel[] = [];
  for await (const { line, number } of ndjsonLines(openFile(path))) {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      throw new DetectError(
        DetectErrorCode.invalidInput,
        `${path}:${number}: not JSON: ${(error as Error).message}`,
      );
    }
    labels.push(readLabel(raw, `${path}:${number}`));
  }
  return labels;
}

/**
 * Scores rules over an NDJSON stream of traces (in time order), one line at a time: memory holds
 * the labels, the rules' windows and the alerts' bookkeeping, not the corpus.
 *
 * Errors: `CTSIM_DETECT_INVALID_INPUT` naming `name` and the line of a record that is not a
 * JSON object.
 */
export async function scoreNdjson(options: {
  readonly input: AsyncIterable<string | Uint8Array>;
  /** Name of the input in messages (a path, or `-`). */
  readonly name: string;
  readonly rules: readonly DetectionRule[];
  readonly labels: readonly ScoreLabel[];
}): Promise<ScoreReport> {
  const scorer = createScorer(options);
  for await (const { line, number } of ndjsonLines(options.input)) {
    let view: TraceView;
    try {
      view = TraceView.fromLine(line);
    } catch (error) {
      throw new DetectError(
        DetectErrorCode.invalidInput,
        `${options.name}:${number}: not a trace: ${(error as Error).message}`,
      );
    }
    scorer.add(view);
  }
  return scorer.finish();
}

/**
 * A file's chunks; a missing or unreadable file fails the first read with
 * `CTSIM_DETECT_INVALID_INPUT` naming the path.
 */
export async function* openFile(path: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of createReadStream(path)) yield chunk as Uint8Array;
  } catch (error) {
    throw new DetectError(
      DetectErrorCode.invalidInput,
      `cannot read ${path}: ${(error as Error).message}`,
    );
  }
}
